"""Throughput and peak memory of ``newsgraph ingest`` on local workers and on Dask, against
bare spaCy ``nlp.pipe`` on the same texts, in the same run.

  .venv/bin/python bench/scale.py [--n 10000] [--workers 1 2] [--no-dask] [--no-spacy] [--out FILE]

Every configuration is a fresh process (interpreter start, imports and model load
included), timed from launch to exit.  Its memory is sampled every 0.5 s over the process
and all its descendants: peak RSS is the largest sum of resident sizes (pages shared
between processes, such as a forkserver's preloaded modules, count once per process, so
it over-estimates); peak PSS shares such pages out, so it is what the tree really holds.
CPU is the user plus system time of every process of the tree (as last sampled): on a
shared machine, wall time depends on the neighbours, CPU seconds per article much less.
With ``--n`` beyond the corpus, articles are replicated with new ids and a numbered last
line, so each copy is new content to the store (and a near-duplicate of the original).
Targets (issue 8): newsgraph with 2 workers at least 0.8 of bare spaCy with 2 processes;
peak RSS of ingest under 1.5 GB.
"""
from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import pathlib
import subprocess
import sys
import tempfile
import threading
import time
from typing import Callable, Iterator

import psutil

ROOT = pathlib.Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "eval" / "reuters21578_body200.jsonl"
NEWSGRAPH = pathlib.Path(sys.executable).parent / "newsgraph"


def articles(path: pathlib.Path, n: int) -> Iterator[dict]:
    """The first ``n`` articles of ``path``, replicated with new ids when it has fewer."""
    rows = [json.loads(line) for line in path.open(encoding="utf-8")]
    for i in range(n):
        row = dict(rows[i % len(rows)])
        copy = i // len(rows)
        if copy:
            row["id"] = f"{row['id']}-copy{copy}"
            row["text"] = f"{row['text']}\n(copy {copy})"
        yield row


class Sampler:
    """The largest RSS and PSS sums of a process tree and its CPU time, sampled on a thread."""

    def __init__(self, pid: int, every: float = 0.5) -> None:
        self.root = psutil.Process(pid)
        self.rss = self.pss = 0
        self.cpu: dict[int, float] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, args=(every,), daemon=True)
        self._thread.start()

    def _run(self, every: float) -> None:
        while not self._stop.is_set():
            rss = pss = 0
            try:
                for p in [self.root, *self.root.children(recursive=True)]:
                    try:
                        full = p.memory_full_info()
                        times = p.cpu_times()
                    except (psutil.NoSuchProcess, psutil.AccessDenied):
                        continue
                    self.cpu[p.pid] = times.user + times.system
                    rss += full.rss
                    pss += full.pss
            except psutil.NoSuchProcess:
                return
            self.rss, self.pss = max(self.rss, rss), max(self.pss, pss)
            self._stop.wait(every)

    def stop(self) -> tuple[int, int, float]:
        self._stop.set()
        self._thread.join()
        return self.rss, self.pss, sum(self.cpu.values())


Measured = tuple[float, tuple[int, int, float], int]


def measure(start: Callable[[], object], pid_of: Callable[[object], int], wait: Callable[[object], int]) -> Measured:
    """(seconds, (peak RSS, peak PSS, CPU seconds), exit status) of a process from launch to exit."""
    started = time.perf_counter()
    proc = start()
    sampler = Sampler(pid_of(proc))
    code = wait(proc)
    return time.perf_counter() - started, sampler.stop(), code


def bare_spacy(path: str, n_process: int) -> None:
    """What a child process runs: spaCy's model load and ``nlp.pipe`` over the texts."""
    import spacy

    from newsgraph.nlp.pipeline import MODEL

    nlp = spacy.load(MODEL)
    texts = (json.loads(line)["text"] for line in open(path, encoding="utf-8"))
    for _ in nlp.pipe(texts, n_process=n_process, batch_size=64):
        pass


def run_spacy(path: pathlib.Path, n_process: int) -> Measured:
    ctx = mp.get_context("spawn")
    return measure(lambda: _started(ctx.Process(target=bare_spacy, args=(str(path), n_process))),
                   lambda p: p.pid, lambda p: (p.join(), p.exitcode)[1])


def _started(proc: mp.Process) -> mp.Process:
    proc.start()
    return proc


def run_ingest(path: pathlib.Path, db: pathlib.Path, args: list[str], log: pathlib.Path) -> Measured:
    cmd = [str(NEWSGRAPH), "ingest", str(path), "--db", str(db), *args]
    with log.open("w") as out:
        return measure(lambda: subprocess.Popen(cmd, stdout=out, stderr=subprocess.STDOUT),
                       lambda p: p.pid, lambda p: p.wait())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=10_000, help="articles (replicated beyond the corpus)")
    parser.add_argument("--data", type=pathlib.Path, default=CORPUS)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2], help="local worker counts")
    parser.add_argument("--no-dask", action="store_true", help="skip the 2-worker LocalCluster")
    parser.add_argument("--no-spacy", action="store_true", help="skip the bare spaCy baselines")
    parser.add_argument("--out", type=pathlib.Path, help="also write the results as JSON here")
    opts = parser.parse_args()
    if not opts.data.is_file():
        sys.exit(f"corpus not found: {opts.data}")

    work = pathlib.Path(tempfile.mkdtemp(prefix="newsgraph-scale-"))
    data = work / "articles.jsonl"
    with data.open("w", encoding="utf-8") as out:
        for row in articles(opts.data, opts.n):
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
    words = sum(len(json.loads(line)["text"].split()) for line in data.open(encoding="utf-8"))
    print(f"{opts.n} articles, {words} words, in {work}", flush=True)

    runs: list[tuple[str, float, tuple[int, int, float], int]] = []

    def record(name: str, result: Measured) -> None:
        secs, (rss, pss, cpu), code = result
        runs.append((name, secs, (rss, pss, cpu), code))
        print(f"  {name:28} {secs:8.1f}s  {opts.n / secs:7.1f} articles/s  {words / secs:8.0f} words/s  "
              f"CPU {cpu:7.1f}s ({opts.n / cpu:5.1f} articles/CPU-s)  "
              f"peak RSS {rss / 2**20:6.0f} MB  PSS {pss / 2**20:6.0f} MB  exit {code}", flush=True)

    if not opts.no_spacy:
        for k in (1, 2):
            record(f"spaCy nlp.pipe n_process={k}", run_spacy(data, k))
    for w in opts.workers:
        record(f"newsgraph ingest workers={w}",
               run_ingest(data, work / f"local{w}.duckdb", ["--workers", str(w)], work / f"local{w}.log"))
    if not opts.no_dask:
        record("newsgraph ingest dask 2", run_ingest(data, work / "dask.duckdb", ["--engine", "dask", "--workers", "2"],
                                                     work / "dask.log"))

    by_name = {name: secs for name, secs, _, _ in runs}
    base = by_name.get("spaCy nlp.pipe n_process=2")
    if base:
        for name, secs, _, _ in runs:
            if name.startswith("newsgraph"):
                print(f"  {name:28} {base / secs:.2f} of bare spaCy with 2 processes (target >= 0.8 at 2 workers)")
    if opts.out:
        opts.out.parent.mkdir(parents=True, exist_ok=True)
        opts.out.write_text(json.dumps({"n": opts.n, "words": words, "runs": [
            {"name": n, "seconds": s, "articles_per_s": opts.n / s, "cpu_seconds": u, "peak_rss_mb": r / 2**20,
             "peak_pss_mb": p / 2**20, "exit": c} for n, s, (r, p, u), c in runs]}, indent=1))


if __name__ == "__main__":
    main()
