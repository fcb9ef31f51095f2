"""Checkpoints and failures on every backend: saved, replaced, listed, never duplicated."""
from newsgraph.ingest import ReadError
from newsgraph.store.base import Progress


def test_progress_rows_are_saved_and_replaced(store):
    assert store.progress() == {}
    store.save_progress([Progress("/data/a.jsonl", "10:1", 4, False), Progress("/data/b.txt", "3:2", None, True)])
    store.save_progress([Progress("/data/a.jsonl", "10:1", 9, True)])
    assert store.progress() == {"/data/a.jsonl": Progress("/data/a.jsonl", "10:1", 9, True),
                                "/data/b.txt": Progress("/data/b.txt", "3:2", None, True)}


def test_a_failure_is_recorded_once(store):
    bad = ReadError("in.jsonl", 3, "invalid JSON", "read")
    store.add_failures([bad, bad, ReadError("in.jsonl", None, "empty file")])
    store.add_failures([bad, ReadError("in.jsonl", 3, "invalid JSON", "quotes")])
    got = store.failures()
    assert sorted((f.line or 0, f.stage) for f in got) == [(0, "read"), (3, "quotes"), (3, "read")]
    assert store.stats()["failures"] == 3
    assert len(store.failures(limit=2)) == 2
