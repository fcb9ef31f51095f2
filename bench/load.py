"""A bounded load test of the API on 127.0.0.1: concurrent clients on the search and
entity endpoints for a fixed time while articles are ingested through ``POST /api/articles``.

  .venv/bin/python bench/load.py [--clients 50] [--seconds 30] [--base 300] [--db FILE]

1. A store of the first ``--base`` articles of reuters21578_body200.jsonl (``newsgraph
   ingest``), unless ``--db`` names one already built.
2. ``newsgraph serve`` on a free loopback port, with a write token.
3. For ``--seconds``: ``--clients`` clients, each sending its next request as soon as the
   last one is answered, over search, entity list, entity card, mentions and quotes by
   speaker; meanwhile one writer posts the next articles of the corpus in batches.
4. Latency percentiles per endpoint and overall, requests per second, errors (any non-2xx
   status or transport error; target 0), and how many articles were ingested meanwhile.
"""
from __future__ import annotations

import argparse
import asyncio
import json
import os
import pathlib
import random
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import defaultdict

import httpx

ROOT = pathlib.Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "eval" / "reuters21578_body200.jsonl"
NEWSGRAPH = pathlib.Path(sys.executable).parent / "newsgraph"
HOST = "127.0.0.1"
TOKEN = "load-test-token"
WORDS = ["oil", "bank", "trade", "prices", "dollar", "wheat", "coffee", "shares", "profit", "tariff", "japan",
         "government", "exports", "interest rates", "stock exchange"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


def corpus(start: int, n: int, copy: str = "") -> list[dict]:
    """``n`` articles of the corpus from ``start``; with ``copy``, as new content (id and
    last line marked), for a store that may hold the originals already."""
    rows = []
    with CORPUS.open(encoding="utf-8") as f:
        for i, line in enumerate(f):
            if i >= start + n:
                break
            if i >= start:
                row = json.loads(line)
                if copy:
                    row["id"], row["text"] = f"{row['id']}-{copy}", f"{row['text']}\n({copy} copy)"
                rows.append({"id": row["id"], "text": row["text"], "title": row.get("title"),
                             "published": row.get("date")})
    return rows


def build(db: pathlib.Path, n: int) -> None:
    data = db.with_suffix(".jsonl")
    data.write_text("".join(json.dumps(r) + "\n" for r in corpus(0, n)))
    subprocess.run([str(NEWSGRAPH), "ingest", str(data), "--db", str(db)], check=True, capture_output=True)


def serve(db: pathlib.Path, port: int, log: pathlib.Path) -> subprocess.Popen:
    out = log.open("w")
    proc = subprocess.Popen([str(NEWSGRAPH), "serve", "--db", str(db), "--host", HOST, "--port", str(port)],
                            stdout=out, stderr=subprocess.STDOUT, start_new_session=True,
                            env={**os.environ, "NEWSGRAPH_TOKEN": TOKEN})
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            sys.exit(f"serve exited: {log.read_text()[-2000:]}")
        try:
            if httpx.get(f"http://{HOST}:{port}/api/stats", timeout=2).status_code == 200:
                return proc
        except httpx.HTTPError:
            pass
        time.sleep(0.3)
    proc.kill()
    sys.exit("serve did not answer in time")


def targets(url: str) -> dict[str, list[str]]:
    """Request paths per endpoint, drawn from what the store holds."""
    people = httpx.get(f"{url}/api/entities", params={"limit": 100}, timeout=30).json()["items"]
    ids = [e["id"] for e in people]
    speakers = {q["speaker_id"] for q in httpx.get(f"{url}/api/quotes", params={"limit": 200}, timeout=30).json()["items"]
                if q.get("speaker_id")}
    names = [e["name"].split()[0] for e in people]
    return {
        "search": [f"/api/search?q={w}" for w in WORDS],
        "entities": [f"/api/entities?q={n}" for n in names[:30]] or ["/api/entities"],
        "entity": [f"/api/entities/{i}" for i in ids],
        "mentions": [f"/api/entities/{i}/mentions" for i in ids],
        "quotes": [f"/api/quotes?speaker={s}" for s in speakers] or ["/api/quotes"],
    }


async def client(http: httpx.AsyncClient, paths: dict[str, list[str]], until: float, rng: random.Random,
                 latencies: dict[str, list[float]], errors: dict[str, int]) -> None:
    kinds = list(paths)
    while time.monotonic() < until:
        kind = rng.choice(kinds)
        started = time.perf_counter()
        try:
            response = await http.get(rng.choice(paths[kind]))
            ok = response.is_success
        except httpx.HTTPError:
            ok = False
        latencies[kind].append(time.perf_counter() - started)
        if not ok:
            errors[kind] += 1


async def hammer(url: str, paths: dict[str, list[str]], clients: int, seconds: float):
    latencies: dict[str, list[float]] = defaultdict(list)
    errors: dict[str, int] = defaultdict(int)
    until = time.monotonic() + seconds
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(base_url=url, limits=limits, timeout=60) as http:
        await asyncio.gather(*(client(http, paths, until, random.Random(i), latencies, errors) for i in range(clients)))
    return latencies, errors


def post(url: str, articles: list[dict]) -> int:
    """Articles stored by one ``POST /api/articles``."""
    response = httpx.post(f"{url}/api/articles", json=articles, timeout=600, headers={"Authorization": f"Bearer {TOKEN}"})
    response.raise_for_status()
    return response.json()["stored"]


def writer(url: str, articles: list[dict], stop: threading.Event, batch: int, done: list[int]) -> None:
    """Post the articles in batches until told to stop (a batch cut off by the server's
    shutdown at the end does not count)."""
    for i in range(0, len(articles), batch):
        if stop.is_set():
            return
        try:
            done[0] += post(url, articles[i:i + batch])
        except httpx.HTTPError:
            if not stop.is_set():
                raise


def pct(values: list[float], q: float) -> float:
    return statistics.quantiles(values, n=100)[q - 1] * 1000 if len(values) > 1 else values[0] * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--base", type=int, default=300, help="articles stored before the test")
    parser.add_argument("--db", type=pathlib.Path, help="a store built already (copied, not changed)")
    parser.add_argument("--batch", type=int, default=8, help="articles per POST during the test")
    opts = parser.parse_args()

    work = pathlib.Path(tempfile.mkdtemp(prefix="newsgraph-load-"))
    db = work / "load.duckdb"
    if opts.db:
        shutil.copy(opts.db, db)
    else:
        print(f"building a store of {opts.base} articles ...", flush=True)
        build(db, opts.base)
    port = free_port()
    proc = serve(db, port, work / "serve.log")
    url = f"http://{HOST}:{port}"
    try:
        paths = targets(url)
        fresh = corpus(opts.base, 2000, copy="load" if opts.db else "")
        post(url, fresh[:1])  # the server's extraction process is up and its pipeline loaded
        stop, posted = threading.Event(), [0]
        ingest = threading.Thread(target=writer, args=(url, fresh[1:], stop, opts.batch, posted), daemon=True)
        ingest.start()
        time.sleep(1.0)  # the next batch is being extracted when the clients start
        started = time.perf_counter()
        latencies, errors = asyncio.run(hammer(url, paths, opts.clients, opts.seconds))
        elapsed = time.perf_counter() - started
        stop.set()
        ingest_alive = ingest.is_alive()
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
    total = [x for v in latencies.values() for x in v]
    print(f"{opts.clients} clients for {elapsed:.1f}s on {url} while ingesting through POST /api/articles "
          f"({posted[0]} articles stored meanwhile{', still posting at the end' if ingest_alive else ''}):")
    print(f"  {'endpoint':10} {'requests':>8} {'errors':>6} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8}")
    for kind in sorted(latencies):
        v = latencies[kind]
        print(f"  {kind:10} {len(v):8d} {errors[kind]:6d} {pct(v, 50):8.1f} {pct(v, 95):8.1f} {pct(v, 99):8.1f}")
    print(f"  {'all':10} {len(total):8d} {sum(errors.values()):6d} {pct(total, 50):8.1f} {pct(total, 95):8.1f} "
          f"{pct(total, 99):8.1f}   {len(total) / elapsed:.0f} requests/s")


if __name__ == "__main__":
    main()
