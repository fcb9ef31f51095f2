"""The ingest loop: failures kept with the rest of the batch stored, --strict, resume."""
import json

import pytest

from newsgraph.ingest import ReadError, read_paths
from newsgraph.model import Record
from newsgraph.run.ingest import Ingest, Strict
from newsgraph.store import open_store


def fake_engine(articles):
    """Extraction without spaCy: an article whose text says "boom" fails in a stage."""
    for a in articles:
        if "boom" in a.text:
            yield ReadError(a.meta["source_file"], a.meta["source_line"], f"article {a.id}: boom", "quotes")
        else:
            yield Record(article=a)


def write_jsonl(path, n, bad=()):
    lines = []
    for i in range(1, n + 1):
        if i in bad:
            lines.append(bad[i])
        else:
            lines.append(json.dumps({"id": f"a{i}", "text": f"Article number {i}."}))
    path.write_text("\n".join(lines) + "\n")
    return str(path)


@pytest.fixture
def store(tmp_path):
    with open_store(str(tmp_path / "t.duckdb")) as s:
        yield s


def ids(store):
    return sorted(r[0] for r in store.query("SELECT id FROM articles")[1])


def test_failures_of_every_stage_are_kept_and_the_rest_is_stored(tmp_path, store):
    bad = {3: "{not json", 5: json.dumps({"id": "a5", "text": "it goes boom"})}
    f = write_jsonl(tmp_path / "in.jsonl", 8, bad)
    summary = Ingest(store, fake_engine, batch_size=4).run(read_paths([f]))
    assert summary.stored == 6 and len(summary.failures) == 2
    assert ids(store) == sorted(f"a{i}" for i in (1, 2, 4, 6, 7, 8))
    got = {(e.line, e.stage) for e in store.failures()}
    assert got == {(3, "read"), (5, "quotes")}
    assert all(e.file == f for e in store.failures())


def test_strict_stops_at_the_first_failure(tmp_path, store):
    f = write_jsonl(tmp_path / "in.jsonl", 8, {3: "{not json"})
    with pytest.raises(Strict, match="in.jsonl:3"):
        Ingest(store, fake_engine, batch_size=2, strict=True).run(read_paths([f]))
    assert len(store.failures()) == 1
    assert len(ids(store)) < 7


def test_a_rerun_skips_by_checkpoint_and_records_no_failure_twice(tmp_path, store):
    bad = {2: "{not json", 4: json.dumps({"id": "a4", "text": "boom"})}
    f = write_jsonl(tmp_path / "in.jsonl", 6, bad)
    Ingest(store, fake_engine, batch_size=2).run(read_paths([f]))
    extracted = []

    def counting(articles):
        for a in articles:
            extracted.append(a.id)
        yield from fake_engine([])

    again = Ingest(store, counting, batch_size=2).run(read_paths([f]))
    assert extracted == [] and again.resumed == 5 and again.failures == []
    assert len(store.failures()) == 2
    (row,) = store.progress().values()
    assert row.done and row.line == 6


def test_without_resume_failed_articles_are_tried_again_but_not_recorded_twice(tmp_path, store):
    f = write_jsonl(tmp_path / "in.jsonl", 4, {2: json.dumps({"id": "a2", "text": "boom"})})
    Ingest(store, fake_engine).run(read_paths([f]))
    again = Ingest(store, fake_engine, resume=False).run(read_paths([f]))
    assert (again.skipped, again.resumed, len(again.failures)) == (3, 0, 1)
    assert len(store.failures()) == 1


def test_a_run_cut_short_resumes_after_its_last_stored_batch(tmp_path, store):
    f = write_jsonl(tmp_path / "in.jsonl", 10)

    def dies_after(n):
        def engine(articles):
            for i, r in enumerate(fake_engine(articles)):
                if i == n:
                    raise KeyboardInterrupt
                yield r
        return engine

    with pytest.raises(KeyboardInterrupt):
        Ingest(store, dies_after(7), batch_size=3).run(read_paths([f]))
    assert ids(store) == sorted(f"a{i}" for i in range(1, 7))
    (row,) = store.progress().values()
    assert (row.line, row.done) == (6, False)
    again = Ingest(store, fake_engine, batch_size=3).run(read_paths([f]))
    assert (again.resumed, again.stored) == (6, 4)
    assert ids(store) == sorted(f"a{i}" for i in range(1, 11))


def test_duckdb_writes_on_one_thread_in_a_capped_pool_and_checkpoints_less_while_ingesting_then_restores(
        tmp_path, store):
    def settings():
        return store.query("SELECT current_setting('threads'), current_setting('checkpoint_threshold'), "
                           "current_setting('memory_limit')")[1][0]

    store.con.execute("SET threads = 3")
    before, seen = settings(), []

    def engine(articles):
        for record in fake_engine(articles):
            seen.append(settings())
            yield record

    Ingest(store, engine, batch_size=2).run(read_paths([write_jsonl(tmp_path / "in.jsonl", 4)]))
    default_pool = before[2]
    assert seen == [(1, "61.0 MiB", "152.5 MiB")] * 4 and settings() == before == (3, "16.0 MiB", default_pool)
    assert default_pool != "152.5 MiB", "a server's readers are not held to the ingest's cap"
