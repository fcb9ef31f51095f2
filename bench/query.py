"""Query latency through the API over the Reuters-21578 corpus, at 1x and 10x.

  .venv/bin/python bench/query.py [--limit N] [--db bench/out/query.duckdb] [--skip-ingest]
                                  [--requests 100] [--scale 10] [--base-copies K] [--before REV]

1. Ingest the first N (default all 17,531) articles of ../shared/eval/reuters21578_body200.jsonl
   with ``newsgraph ingest`` (the full NLP pipeline), timed.
2. Start ``newsgraph serve`` over the store and time, sequentially, four kinds of request
   over varied arguments: BM25 search, the entity web page, quotes by a speaker, and a
   monthly timeline for a query.  Prints p50 / p95 / max in milliseconds, and the server's
   CPU milliseconds per request (steadier than latency when the machine is busy).
3. Replicate every stored article (scale - 1) times with new ids, directly in SQL (no NLP),
   restart the server (which rebuilds the search index, timed) and measure again.

``--base-copies K`` first replicates a short ingest K times (a 1x-sized store when the full
ingest is too slow for the machine); ``--before REV`` also serves the same store with the
code of git revision REV, alternating with this tree's, so before/after come from one run.
"""
from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import pathlib
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from typing import Iterator, Optional

import httpx

ROOT = pathlib.Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "eval" / "reuters21578_body200.jsonl"
sys.path.insert(0, str(ROOT / "tests" / "support"))

from server import newsgraph_command, serving  # noqa: E402

from newsgraph.store import summaries  # noqa: E402
from newsgraph.store.duckdb import DuckDBStore  # noqa: E402
from newsgraph.store.rows import COLUMNS  # noqa: E402

#: Search words typical of the corpus (commodities, markets, companies), one or two words.
QUERIES = ["oil prices", "interest rates", "trade deficit", "wheat", "dollar", "merger", "earnings", "coffee",
           "opec", "bank of japan", "crude", "takeover bid", "gold", "inflation", "sugar exports", "tax",
           "federal reserve", "debt", "shares", "steel"]


def ingest(db: str, limit: int | None) -> float:
    source = CORPUS
    if limit:
        tmp = tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False)
        with open(CORPUS, encoding="utf-8") as f:
            for i, line in zip(range(limit), f):
                tmp.write(line)
        tmp.close()
        source = pathlib.Path(tmp.name)
    started = time.perf_counter()
    subprocess.run([str(newsgraph_command()), "ingest", str(source), "--db", db], check=True)
    return time.perf_counter() - started


def arguments(db: str) -> dict[str, list[str]]:
    """Entities and speakers with the most articles, to request pages for."""
    store = DuckDBStore(db, read_only=True)
    try:
        top = lambda sql: [r[0] for r in store.con.execute(sql).fetchall()]  # noqa: E731
        return {
            "entities": top("SELECT entity_id FROM article_entities GROUP BY 1 ORDER BY count(*) DESC LIMIT 25"),
            "speakers": top("SELECT speaker_id FROM quotes WHERE speaker_id IS NOT NULL GROUP BY 1 "
                            "ORDER BY count(*) DESC LIMIT 25"),
        }
    finally:
        store.close()


def measure(url: str, args: dict[str, list[str]], n: int) -> dict[str, dict[str, float]]:
    kinds = {
        "search": lambda i: f"/api/search?q={QUERIES[i % len(QUERIES)]}",
        "entity page": lambda i: f"/entities/{args['entities'][i % len(args['entities'])]}",
        "quotes by speaker": lambda i: f"/api/quotes?speaker={args['speakers'][i % len(args['speakers'])]}",
        "timeline": lambda i: f"/api/timeline?q={QUERIES[i % len(QUERIES)]}&interval=month",
    }
    out = {}
    with httpx.Client(base_url=url, timeout=60) as client:
        for name, path in kinds.items():
            client.get(path(0))  # warm the caches once
            times = []
            cpu = server_cpu()
            for i in range(n):
                started = time.perf_counter()
                response = client.get(path(i))
                times.append((time.perf_counter() - started) * 1000)
                response.raise_for_status()
            times.sort()
            out[name] = {"p50": statistics.median(times), "p95": times[int(0.95 * (len(times) - 1))],
                         "max": times[-1], "cpu": (server_cpu() - cpu) * 1000 / n}
    return out


def server_cpu() -> float:
    """CPU seconds (user + system) used so far by this process's children (the server):
    on a busy machine a steadier measure than wall-clock latency."""
    tick = os.sysconf("SC_CLK_TCK")
    total = 0.0
    for stat in pathlib.Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == os.getpid():  # ppid
            total += (int(fields[11]) + int(fields[12])) / tick  # utime + stime
    return total


def replicate(db: str, copies: int, tag: str) -> int:
    """Copy every stored article and its rows ``copies`` times with ids ``<id>~<tag>k``,
    then recompute the per-entity summaries."""
    store = DuckDBStore(db)
    try:
        con = store.con
        con.execute("SET enable_progress_bar = false")
        con.execute("CREATE TEMP TABLE base_ids AS SELECT id FROM articles")
        for k in range(1, copies + 1):
            con.begin()
            for table, columns in COLUMNS.items():
                key = "id" if table == "articles" else "article_id"
                changed = {key: f"{key} || '~{tag}{k}'"}
                if table == "articles":
                    changed["content_hash"] = f"content_hash || '~{tag}{k}'"
                select = ", ".join(changed.get(c, c) for c in columns)
                con.execute(f"INSERT INTO {table} ({', '.join(columns)}) SELECT {select} FROM {table} "
                            f"WHERE {key} IN (SELECT id FROM base_ids)")
            con.commit()
        summaries.rebuild(store)
        return con.execute("SELECT count(*) FROM articles").fetchone()[0]
    finally:
        store.close()


@contextlib.contextmanager
def code_of(rev: Optional[str]) -> Iterator[None]:
    """Run child processes (the server) on the package as of git revision ``rev``."""
    if rev is None:
        yield
        return
    with tempfile.TemporaryDirectory() as tmp:
        archive = subprocess.run(["git", "archive", rev, "newsgraph"], cwd=ROOT, check=True, capture_output=True)
        tarfile.open(fileobj=io.BytesIO(archive.stdout)).extractall(tmp, filter="data")
        before = os.environ.get("PYTHONPATH")
        os.environ["PYTHONPATH"] = tmp
        try:
            yield
        finally:
            os.environ.pop("PYTHONPATH") if before is None else os.environ.update(PYTHONPATH=before)


def serve_and_measure(db: str, args: dict[str, list[str]], n: int, log: pathlib.Path,
                      rev: Optional[str] = None) -> tuple[float, dict]:
    started = time.perf_counter()
    with code_of(rev), serving(db, log, timeout=3600) as url:
        ready = time.perf_counter() - started
        return ready, measure(url, args, n)


def run_scale(label: str, db: str, args: dict[str, list[str]], a: argparse.Namespace, log: pathlib.Path) -> dict:
    """Measure this tree's server (and REV's, first, with ``--before``) over the store."""
    articles = count_articles(db)
    out: dict = {"articles": articles}
    for name, rev in ([("before", a.before)] if a.before else []) + [("after", None)]:
        ready, results = serve_and_measure(db, args, a.requests, log, rev)
        report(f"{label} {name}{f' ({rev})' if rev else ''}", articles, ready, results)
        out[name] = {"ready_seconds": ready, "latency_ms": results}
    return out


def count_articles(db: str) -> int:
    store = DuckDBStore(db, read_only=True)
    try:
        return store.con.execute("SELECT count(*) FROM articles").fetchone()[0]
    finally:
        store.close()


def report(label: str, articles: int, ready: float, results: dict) -> None:
    print(f"\n{label}: {articles} articles; server ready (search index built) in {ready:.1f}s")
    print(f"{'request':20} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8} {'CPU ms':>8}")
    for name, r in results.items():
        print(f"{name:20} {r['p50']:8.1f} {r['p95']:8.1f} {r['max']:8.1f} {r['cpu']:8.1f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", default=str(ROOT / "bench" / "out" / "query.duckdb"))
    parser.add_argument("--limit", type=int, default=None, help="Ingest only the first N articles.")
    parser.add_argument("--skip-ingest", action="store_true", help="Use the store as it is.")
    parser.add_argument("--requests", type=int, default=100, help="Requests per kind.")
    parser.add_argument("--scale", type=int, default=10, help="Replication factor for the second run (1: none).")
    parser.add_argument("--base-copies", type=int, default=0,
                        help="Replicate the ingested store this many times before the 1x run.")
    parser.add_argument("--before", default=None, help="Also measure the code of this git revision.")
    a = parser.parse_args()
    pathlib.Path(a.db).parent.mkdir(parents=True, exist_ok=True)
    summary: dict = {}
    if not a.skip_ingest:
        if pathlib.Path(a.db).exists():
            sys.exit(f"{a.db} exists: remove it or pass --skip-ingest")
        summary["ingest_seconds"] = ingest(a.db, a.limit)
        print(f"ingest: {summary['ingest_seconds']:.0f}s")
    if a.base_copies:
        summary["ingested_articles"] = count_articles(a.db)
        summary["base_copies"] = a.base_copies
        print(f"1x store: {summary['ingested_articles']} ingested articles and "
              f"{replicate(a.db, a.base_copies, 'b') - summary['ingested_articles']} copies")
    args = arguments(a.db)
    log = pathlib.Path(a.db).with_suffix(".serve.log")
    summary["1x"] = run_scale("1x", a.db, args, a, log)
    if a.scale > 1:
        started = time.perf_counter()
        total = replicate(a.db, a.scale - 1, 'x')
        print(f"\nreplicated to {total} articles in {time.perf_counter() - started:.0f}s")
        summary[f"{a.scale}x"] = run_scale(f"{a.scale}x", a.db, args, a, log)
    out = pathlib.Path(a.db).with_suffix(".json")
    out.write_text(json.dumps(summary, indent=1))
    print(f"\nwritten {out}")


if __name__ == "__main__":
    main()
