"""DuckDB-only behaviour of the store: the ingest's buffer pool and its indexes."""
import logging

import duckdb
import sample_corpus
from sample_corpus import BERLIN, build

from newsgraph.store import duckdb as ddb
from newsgraph.store import summaries


def test_sizes_read_as_duckdb_prints_them():
    assert [ddb._kib(s) for s in ("244.1 MiB", "18.8 GiB", "976.5 KiB", "512 bytes")] == [
        249958, 19713228, 976, 0]


def test_a_batch_too_big_for_the_ingest_pool_raises_the_pool_and_is_stored_whole(tmp_path, monkeypatch, caplog):
    monkeypatch.setitem(ddb.INGEST_SETTINGS, "memory_limit", "2MB")
    store = ddb.DuckDBStore(str(tmp_path / "s.duckdb"))
    default = store._setting("memory_limit")
    batch = [build(f"a{i}", f"{BERLIN} Update {i}: " + "talks went on " * 150, "2022-06-10T12:00:00", "DW",
                   {"Olaf Scholz": ("PERSON", ["Olaf Scholz", "Scholz"])}) for i in range(200)]
    with caplog.at_level(logging.WARNING), store.ingesting():
        result = store.add_records(batch)
        raised = ddb._kib(store._setting("memory_limit"))
    assert (result.stored, result.failed) == (200, [])
    assert raised > 2 * 1000 and "buffer pool raised" in caplog.text
    assert store.stats()["articles"] == 200 and store.stats()["failures"] == 0
    assert store._setting("memory_limit") == default
    store.close()


def test_an_error_that_is_not_memory_makes_no_room(tmp_path):
    store = ddb.DuckDBStore(str(tmp_path / "s.duckdb"))
    assert not store._make_room(ValueError("broken article"))
    store.close()


def test_only_identity_keys_are_indexed(tmp_path):
    # Every ART index lives in the writer's memory and grows with the store (schema.sql).
    store = ddb.DuckDBStore(str(tmp_path / "s.duckdb"))
    store.add_records(sample_corpus.records())
    indexed = {r[0] for r in store._execute("SELECT table_name FROM duckdb_constraints() "
                                            "WHERE constraint_type IN ('PRIMARY KEY', 'UNIQUE')")}
    assert indexed == {"articles", "entities", "entity_keys", "ingest_progress"}
    assert not store._execute("SELECT * FROM duckdb_indexes()")
    store.close()


def test_an_older_store_loses_its_lookup_indexes_and_still_counts_with_its_keys(tmp_path):
    path = str(tmp_path / "old.duckdb")
    with duckdb.connect(path) as con:  # as schema.sql made them before 2026-11-29
        con.execute("CREATE TABLE entity_pairs (entity_id TEXT NOT NULL, other_id TEXT NOT NULL, "
                    "articles INTEGER NOT NULL, PRIMARY KEY (entity_id, other_id))")
        con.execute("CREATE TABLE minhash_bands (article_id TEXT NOT NULL, band_key BIGINT NOT NULL)")
        con.execute("CREATE INDEX minhash_bands_key ON minhash_bands (band_key)")
    store = ddb.DuckDBStore(path)
    assert not store._execute("SELECT * FROM duckdb_indexes()")  # its lookup index dropped
    records = sample_corpus.records()
    store.add_records(records[:2])
    store.add_records(records)
    incremental = store.fetch("SELECT * FROM entity_pairs ORDER BY ALL")
    summaries.rebuild(store)
    assert incremental == store.fetch("SELECT * FROM entity_pairs ORDER BY ALL") and incremental
    store.close()


def test_an_ingest_reopens_the_database_keeping_its_settings_and_rows(tmp_path, monkeypatch):
    monkeypatch.setattr(ddb, "REOPEN_ARTICLES", 2)
    store = ddb.DuckDBStore(str(tmp_path / "s.duckdb"))
    default = store._setting("memory_limit")
    records = sample_corpus.records()
    connections = set()
    with store.ingesting():
        for r in records:
            store.add_records([r])
            connections.add(id(store.con))
            assert store._setting("threads") == 1 and store._setting("memory_limit") == "152.5 MiB"
    assert len(connections) > 1, "reopened"
    assert store.stats()["articles"] == len(records)
    assert store._setting("memory_limit") == default
    store.add_records([build("later", f"{BERLIN} Later.", "2022-06-11T12:00:00", "DW", {})])  # not ingesting
    assert store.stats()["articles"] == len(records) + 1
    store.close()
