"""Throughput and peak memory of ``newsgraph ingest`` on local workers and on Dask, against
bare spaCy ``nlp.pipe`` on the same texts, in the same run.

  .venv/bin/python bench/scale.py [--n 10000] [--workers 1 2] [--no-dask] [--no-spacy] [--out FILE]
                                  [--trace SECONDS]

Every configuration is a fresh process (interpreter start, imports and model load
included), timed from launch to exit.  Its memory is sampled every 0.5 s over the process
and all its descendants: peak RSS is the largest sum of resident sizes (pages shared
between processes, such as a forkserver's preloaded modules, count once per process, so
it over-estimates); peak PSS shares such pages out, so it is what the tree really holds.
CPU is the user plus system time of every process of the tree (as last sampled): on a
shared machine, wall time depends on the neighbours, CPU seconds per article much less.
With ``--trace``, a point of the memory curve (RSS, PSS, CPU and how far the input file
has been read, from the reader's file position) is printed every so many seconds, to
show whether memory stays flat over a long run.  With ``--n`` beyond the corpus, articles are replicated with new ids and a numbered last
line, so each copy is new content to the store (and a near-duplicate of the original).
Targets (issue 8): newsgraph with 2 workers at least 0.8 of bare spaCy with 2 processes;
peak RSS of ingest under 1.5 GB.
"""
from __future__ import annotations

import argparse
import json
import os
import multiprocessing as mp
import pathlib
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from typing import Any, Callable, Iterator, Optional

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


#: One point of a memory curve: seconds since launch, RSS, PSS, CPU seconds, fraction of the
#: input read, and the RSS of the root process alone (an ingest's writer).
Point = tuple[float, int, int, float, float, int]


class Sampler:
    """The largest RSS and PSS sums of a process tree and its CPU time, sampled on a thread;
    with ``trace``, also a point of the curve every ``trace`` seconds (printed as it comes)."""

    def __init__(self, pid: int, every: float = 0.5, trace: float = 0.0, input: Optional[pathlib.Path] = None) -> None:
        self.root = psutil.Process(pid)
        self.rss = self.pss = 0
        self.cpu: dict[int, float] = {}
        self.curve: list[Point] = []
        self._input = str(input) if input else None
        self._started = time.perf_counter()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, args=(every, trace), daemon=True)
        self._thread.start()

    def _run(self, every: float, trace: float) -> None:
        next_point = 0.0
        while not self._stop.is_set():
            rss = pss = root_rss = 0
            read = 0.0
            try:
                for p in [self.root, *self.root.children(recursive=True)]:
                    try:
                        full = p.memory_full_info()
                        times = p.cpu_times()
                        if trace and p.pid == self.root.pid:
                            read, root_rss = self._read_fraction(p), full.rss
                    except (psutil.NoSuchProcess, psutil.AccessDenied):
                        continue
                    self.cpu[p.pid] = times.user + times.system
                    rss += full.rss
                    pss += full.pss
            except psutil.NoSuchProcess:
                return
            self.rss, self.pss = max(self.rss, rss), max(self.pss, pss)
            elapsed = time.perf_counter() - self._started
            if trace and elapsed >= next_point:
                self.curve.append((elapsed, rss, pss, sum(self.cpu.values()), read, root_rss))
                print(f"    {elapsed:7.0f}s  RSS {rss / 2**20:6.0f} MB (writer {root_rss / 2**20:4.0f})  "
                      f"PSS {pss / 2**20:6.0f} MB  CPU {sum(self.cpu.values()):8.0f}s  input read {read:6.1%}", flush=True)
                next_point = elapsed + trace
            self._stop.wait(every)

    def _read_fraction(self, p: psutil.Process) -> float:
        """How far ``p`` has read the input file (0 when it has it closed)."""
        for f in p.open_files():
            if f.path == self._input:
                return f.position / max(1, os.path.getsize(f.path))
        return 0.0

    def stop(self) -> "Usage":
        self._stop.set()
        self._thread.join()
        return Usage(self.rss, self.pss, sum(self.cpu.values()), self.cpu.get(self.root.pid, 0.0), self.curve)


@dataclass
class Usage:
    """Peak RSS and PSS, CPU seconds of the tree and of its root alone (an ingest's writer)."""

    rss: int
    pss: int
    cpu: float
    root_cpu: float
    curve: list[Point]


Measured = tuple[float, Usage, int]


def measure(start: Callable[[], object], pid_of: Callable[[object], int], wait: Callable[[object], int],
            **sampling: Any) -> Measured:
    """(seconds, usage, exit status) of a process from launch to exit."""
    started = time.perf_counter()
    proc = start()
    sampler = Sampler(pid_of(proc), **sampling)
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


def run_ingest(path: pathlib.Path, db: pathlib.Path, args: list[str], log: pathlib.Path, trace: float = 0.0) -> Measured:
    cmd = [str(NEWSGRAPH), "ingest", str(path), "--db", str(db), *args]
    with log.open("w") as out:
        return measure(lambda: subprocess.Popen(cmd, stdout=out, stderr=subprocess.STDOUT),
                       lambda p: p.pid, lambda p: p.wait(), trace=trace, input=path.resolve())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=10_000, help="articles (replicated beyond the corpus)")
    parser.add_argument("--data", type=pathlib.Path, default=CORPUS)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2], help="local worker counts")
    parser.add_argument("--no-dask", action="store_true", help="skip the 2-worker LocalCluster")
    parser.add_argument("--no-spacy", action="store_true", help="skip the bare spaCy baselines")
    parser.add_argument("--spacy", type=int, nargs="+", default=[1, 2], help="bare spaCy process counts")
    parser.add_argument("--out", type=pathlib.Path, help="also write the results as JSON here")
    parser.add_argument("--trace", type=float, default=0.0, metavar="SECONDS",
                        help="print a point of each ingest's memory curve this often")
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

    runs: list[tuple[str, float, Usage, int]] = []

    def record(name: str, result: Measured) -> None:
        secs, use, code = result
        runs.append((name, secs, use, code))
        print(f"  {name:28} {secs:8.1f}s  {opts.n / secs:7.1f} articles/s  {words / secs:8.0f} words/s  "
              f"CPU {use.cpu:7.1f}s ({opts.n / use.cpu:5.1f} articles/CPU-s; parent/writer "
              f"{1000 * use.root_cpu / opts.n:5.2f} s per 1,000)  "
              f"peak RSS {use.rss / 2**20:6.0f} MB  PSS {use.pss / 2**20:6.0f} MB  exit {code}", flush=True)

    if not opts.no_spacy:
        for k in opts.spacy:
            record(f"spaCy nlp.pipe n_process={k}", run_spacy(data, k))
    for w in opts.workers:
        record(f"newsgraph ingest workers={w}",
               run_ingest(data, work / f"local{w}.duckdb", ["--workers", str(w)], work / f"local{w}.log", opts.trace))
    if not opts.no_dask:
        record("newsgraph ingest dask 2", run_ingest(data, work / "dask.duckdb", ["--engine", "dask", "--workers", "2"],
                                                     work / "dask.log", opts.trace))

    by_name = {name: secs for name, secs, _, _ in runs}
    base = by_name.get("spaCy nlp.pipe n_process=2")
    if base:
        for name, secs, _, _ in runs:
            if name.startswith("newsgraph"):
                print(f"  {name:28} {base / secs:.2f} of bare spaCy with 2 processes (target >= 0.8 at 2 workers)")
    if opts.out:
        opts.out.parent.mkdir(parents=True, exist_ok=True)
        opts.out.write_text(json.dumps({"n": opts.n, "words": words, "runs": [
            {"name": n, "seconds": s, "articles_per_s": opts.n / s, "cpu_seconds": u.cpu, "root_cpu_seconds": u.root_cpu,
             "peak_rss_mb": u.rss / 2**20, "peak_pss_mb": u.pss / 2**20, "exit": c,
             "curve": [{"seconds": t, "rss_mb": r / 2**20, "pss_mb": p / 2**20, "cpu_seconds": cpu, "read": f,
                        "writer_rss_mb": w / 2**20} for t, r, p, cpu, f, w in u.curve]} for n, s, u, c in runs]}, indent=1))


if __name__ == "__main__":
    main()
