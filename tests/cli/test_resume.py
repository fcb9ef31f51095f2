"""A real ``newsgraph ingest`` killed with SIGKILL mid-run, then run again: every article
stored exactly once, no rows without their article, DuckDB's WAL replayed."""
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import psutil
import pytest

from newsgraph.store import open_store

N = 240
NAMES = ["Ann Lee", "Omar Haddad", "Maria Rossi", "Kenji Sato", "Lena Berg"]
PLACES = ["Oslo", "Cairo", "Rome", "Osaka", "Lima"]

#: Tables whose rows belong to one article.
CHILD_TABLES = ["article_entities", "mentions", "quotes", "amounts", "times", "events", "themes"]


def corpus(path: Path) -> Path:
    with path.open("w") as f:
        for i in range(N):
            name, place = NAMES[i % 5], PLACES[(i // 5) % 5]
            text = (f'{name} said on Monday that the council of {place} would spend ${i + 1} million on roads. '
                    f'"We are ready," {name.split()[1]} told reporters in {place}, article {i}.')
            f.write(json.dumps({"id": f"n{i}", "text": text, "published": "2024-03-0%d" % (i % 9 + 1)}) + "\n")
    return path


def ingest(db: Path, data: Path, **kwargs) -> subprocess.Popen:
    cmd = [sys.executable, "-c", "from newsgraph.cli import main; main()", "ingest", str(data), "--db", str(db), "--batch-size", "8",
           "--workers", "2"]
    return subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, **kwargs)


def test_ingest_killed_mid_run_then_rerun_stores_every_article_once(tmp_path):
    data, db = corpus(tmp_path / "news.jsonl"), tmp_path / "news.duckdb"
    open_store(str(db)).close()  # schema checkpointed: a WAL file now means an ingest commit
    wal = Path(str(db) + ".wal")
    proc = ingest(db, data, start_new_session=True)
    family = psutil.Process(proc.pid)
    deadline = time.monotonic() + 600
    while not (wal.exists() and wal.stat().st_size > 0):
        assert proc.poll() is None, proc.communicate()
        assert time.monotonic() < deadline, "no batch was committed in time"
        time.sleep(0.1)
    time.sleep(0.2)  # past the commit whose WAL we saw; the rest of the run still ahead
    children = family.children(recursive=True)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    # Extraction workers notice their parent is gone and exit on their own.
    _, alive = psutil.wait_procs(children, timeout=30)
    for p in alive:
        p.kill()
    assert not alive, f"worker processes outlived the killed ingest: {alive}"

    with open_store(str(db), read_only=True) as store:  # replays the WAL
        first = store.stats()["articles"]
    assert 0 < first < N, "the kill did not land mid-run"

    rerun = ingest(db, data)
    out, err = rerun.communicate(timeout=900)
    assert rerun.returncode == 0, err
    assert "done by an earlier run" in out

    with open_store(str(db), read_only=True) as store:
        (total, ids, hashes), = store.query("SELECT count(*), count(DISTINCT id), count(DISTINCT content_hash) FROM articles")[1]
        assert total == ids == hashes == N
        _, rows = store.query("SELECT id FROM articles")
        assert {r[0] for r in rows} == {f"n{i}" for i in range(N)}
        for table in CHILD_TABLES:
            _, orphans = store.query(f"SELECT count(*) FROM {table} WHERE article_id NOT IN (SELECT id FROM articles)")
            assert orphans == [(0,)], table
        # Nothing stored twice: each article's rows are exactly those of its Record.
        quotes = dict(store.query("SELECT article_id, count(*) FROM quotes GROUP BY article_id")[1])
        mentions = dict(store.query("SELECT article_id, count(*) FROM mentions GROUP BY article_id")[1])
        for i in range(N):
            record = store.record(f"n{i}")
            assert quotes.get(f"n{i}", 0) == len(record.quotes)
            assert mentions.get(f"n{i}", 0) == sum(len(e.mentions) for e in record.entities)
        assert store.failures() == []
