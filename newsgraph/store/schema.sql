-- newsgraph store schema: portable SQL for DuckDB and PostgreSQL.
-- Offsets are character offsets into articles.text (end exclusive).
-- JSON-valued columns are TEXT holding JSON, so both backends read them alike.
-- Keys and indexes here are only those that guard identity (articles, entities, entity
-- keys, checkpoints). DuckDB keeps every ART index in memory and grows it with the store
-- (the ingest writer's buffer pool no longer held them past 55,000 articles), while its
-- scans with zone maps answered our lookups as fast. PostgreSQL has no zone maps, so its
-- lookup indexes and the other tables' keys are in postgres_indexes.sql.

CREATE TABLE IF NOT EXISTS articles (
    id            TEXT PRIMARY KEY,
    content_hash  TEXT NOT NULL UNIQUE,
    source        TEXT,
    url           TEXT,
    title         TEXT,
    published     TEXT,            -- as given (ISO 8601)
    published_at  TIMESTAMP,       -- parsed, for ranges and timelines
    language      TEXT,
    text          TEXT NOT NULL,
    meta          TEXT,            -- JSON
    tone_score    DOUBLE PRECISION,
    tone_positive DOUBLE PRECISION,
    tone_negative DOUBLE PRECISION,
    tone_polarity DOUBLE PRECISION,
    cluster_id    TEXT,            -- near-duplicate cluster (corpus/dedupe)
    record        TEXT NOT NULL,   -- the whole Record as JSON, as `extract` prints it
    ingested_at   TIMESTAMP NOT NULL
);

-- One row per real-world entity across the corpus.
CREATE TABLE IF NOT EXISTS entities (
    id       TEXT PRIMARY KEY,
    name     TEXT NOT NULL,
    type     TEXT NOT NULL,
    kb_id    TEXT,
    country  TEXT,
    lat      DOUBLE PRECISION,
    lon      DOUBLE PRECISION,
    members  TEXT,                 -- JSON list of ISO codes
    roles    TEXT,                 -- JSON list
    aliases  TEXT                  -- JSON list of surface names seen
);

-- Lookup keys of corpus entities (knowledge-base id, type and name, person surname), by
-- which resolve/corpus finds the row a newly seen entity belongs to.
CREATE TABLE IF NOT EXISTS entity_keys (
    key        TEXT NOT NULL,
    entity_id  TEXT NOT NULL,
    PRIMARY KEY (key, entity_id)
);

-- An article's local entity (e1, e2 ...) and the corpus entity it was linked to.
CREATE TABLE IF NOT EXISTS article_entities (
    article_id  TEXT NOT NULL,
    local_id    TEXT NOT NULL,
    entity_id   TEXT NOT NULL,
    name        TEXT NOT NULL,
    type        TEXT NOT NULL,
    roles       TEXT,
    metonym_for TEXT
);

CREATE TABLE IF NOT EXISTS mentions (
    article_id  TEXT NOT NULL,
    entity_id   TEXT NOT NULL,
    start_char  INTEGER NOT NULL,
    end_char    INTEGER NOT NULL,
    text        TEXT NOT NULL,
    kind        TEXT NOT NULL
);

CREATE TABLE IF NOT EXISTS quotes (
    article_id    TEXT NOT NULL,
    idx           INTEGER NOT NULL,
    kind          TEXT NOT NULL,
    start_char    INTEGER NOT NULL,
    end_char      INTEGER NOT NULL,
    text          TEXT NOT NULL,
    speaker_id    TEXT,
    speaker_name  TEXT,
    speaker_start INTEGER,
    speaker_end   INTEGER,
    speaker_text  TEXT,
    cue           TEXT,
    medium        TEXT,
    confidence    DOUBLE PRECISION
);

CREATE TABLE IF NOT EXISTS amounts (
    article_id  TEXT NOT NULL,
    idx         INTEGER NOT NULL,
    start_char  INTEGER NOT NULL,
    end_char    INTEGER NOT NULL,
    text        TEXT NOT NULL,
    value       DOUBLE PRECISION,
    range_low   DOUBLE PRECISION,
    range_high  DOUBLE PRECISION,
    unit        TEXT,
    qualifier   TEXT,
    object      TEXT,
    period_from TEXT,
    period_to   TEXT,
    speaker_id  TEXT
);

CREATE TABLE IF NOT EXISTS times (
    article_id  TEXT NOT NULL,
    idx         INTEGER NOT NULL,
    start_char  INTEGER NOT NULL,
    end_char    INTEGER NOT NULL,
    text        TEXT NOT NULL,
    value_from  TEXT,              -- a single value has value_from = value_to
    value_to    TEXT,
    granularity TEXT
);

CREATE TABLE IF NOT EXISTS events (
    article_id   TEXT NOT NULL,
    idx          INTEGER NOT NULL,
    start_char   INTEGER NOT NULL,
    end_char     INTEGER NOT NULL,
    text         TEXT NOT NULL,
    source_id    TEXT,
    target_id    TEXT,
    source_actor TEXT,
    target_actor TEXT,
    code         TEXT NOT NULL,
    root         TEXT NOT NULL,
    quad_class   INTEGER,
    goldstein    DOUBLE PRECISION,
    negated      BOOLEAN
);

CREATE TABLE IF NOT EXISTS themes (
    article_id  TEXT NOT NULL,
    name        TEXT NOT NULL,
    start_char  INTEGER NOT NULL,
    end_char    INTEGER NOT NULL,
    text        TEXT NOT NULL
);

-- Inputs that could not be read, extracted or stored (nothing of them is elsewhere).
CREATE TABLE IF NOT EXISTS failures (
    file      TEXT,
    line      INTEGER,
    stage     TEXT NOT NULL,
    error     TEXT NOT NULL,
    failed_at TIMESTAMP NOT NULL
);

-- Near-duplicate clustering (corpus/dedupe): each article's MinHash LSH band keys, so a
-- later ingest finds the copies stored earlier.
CREATE TABLE IF NOT EXISTS minhash_bands (
    article_id TEXT NOT NULL,
    band_key   BIGINT NOT NULL
);

-- Ingest checkpoints: how far each input file is stored, so a rerun after a crash skips it.
CREATE TABLE IF NOT EXISTS ingest_progress (
    input      TEXT PRIMARY KEY,   -- absolute path of an input file
    signature  TEXT NOT NULL,      -- its size and mtime when read: a changed file starts over
    line       INTEGER,            -- every item up to this line is stored or in failures
    done       BOOLEAN NOT NULL,   -- the whole file is
    updated_at TIMESTAMP NOT NULL
);

-- Per-entity summaries (store/summaries.py keeps them current at every write), so an
-- entity's page reads a few rows: the quotes mentioning each entity, its counts, its
-- dated mentions per day, and the articles it shares with each other entity (both ways).
CREATE TABLE IF NOT EXISTS quote_entities (
    article_id TEXT NOT NULL,
    idx        INTEGER NOT NULL,
    entity_id  TEXT NOT NULL
);

CREATE TABLE IF NOT EXISTS entity_stats (
    entity_id    TEXT NOT NULL,
    articles     INTEGER NOT NULL,
    mentions     INTEGER NOT NULL,
    quotes_by    INTEGER NOT NULL,
    quotes_about INTEGER NOT NULL
);

CREATE TABLE IF NOT EXISTS entity_days (
    entity_id TEXT NOT NULL,
    day       DATE NOT NULL,
    mentions  INTEGER NOT NULL
);

CREATE TABLE IF NOT EXISTS entity_pairs (
    entity_id TEXT NOT NULL,
    other_id  TEXT NOT NULL,
    articles  INTEGER NOT NULL
);

