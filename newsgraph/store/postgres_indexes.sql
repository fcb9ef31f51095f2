-- PostgreSQL's lookup indexes and the keys of the per-article and summary tables, on top of
-- schema.sql (DuckDB scans instead: see there).

CREATE UNIQUE INDEX IF NOT EXISTS article_entities_key ON article_entities (article_id, local_id);
CREATE UNIQUE INDEX IF NOT EXISTS quotes_key ON quotes (article_id, idx);
CREATE UNIQUE INDEX IF NOT EXISTS amounts_key ON amounts (article_id, idx);
CREATE UNIQUE INDEX IF NOT EXISTS times_key ON times (article_id, idx);
CREATE UNIQUE INDEX IF NOT EXISTS events_key ON events (article_id, idx);
CREATE UNIQUE INDEX IF NOT EXISTS entity_stats_key ON entity_stats (entity_id);
CREATE UNIQUE INDEX IF NOT EXISTS entity_days_key ON entity_days (entity_id, day);
CREATE UNIQUE INDEX IF NOT EXISTS entity_pairs_key ON entity_pairs (entity_id, other_id);

CREATE INDEX IF NOT EXISTS minhash_bands_key ON minhash_bands (band_key);
CREATE INDEX IF NOT EXISTS articles_cluster ON articles (cluster_id);
CREATE INDEX IF NOT EXISTS articles_published ON articles (published_at);
CREATE INDEX IF NOT EXISTS mentions_entity ON mentions (entity_id);
CREATE INDEX IF NOT EXISTS mentions_article ON mentions (article_id);
CREATE INDEX IF NOT EXISTS themes_article ON themes (article_id);
CREATE INDEX IF NOT EXISTS minhash_bands_article ON minhash_bands (article_id);
CREATE INDEX IF NOT EXISTS quotes_speaker ON quotes (speaker_id);
CREATE INDEX IF NOT EXISTS article_entities_entity ON article_entities (entity_id);
CREATE INDEX IF NOT EXISTS amounts_speaker ON amounts (speaker_id);
CREATE INDEX IF NOT EXISTS events_actors ON events (source_actor, target_actor);
CREATE INDEX IF NOT EXISTS quote_entities_entity ON quote_entities (entity_id);
CREATE INDEX IF NOT EXISTS quote_entities_article ON quote_entities (article_id);
