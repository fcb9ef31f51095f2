"""Speed of newsgraph against bare spaCy on the same texts, in the same run.

  .venv/bin/python bench/throughput.py [--n 2000] [--pairs 3] [--ablation 300]

1. End to end: the shared scorer ``../shared/eval/score/bench_throughput.py`` times the whole
   ``newsgraph extract`` process (start-up included) against spaCy's load plus ``nlp.pipe``
   over the first N articles of reuters21578_body200.jsonl, A B A B ..., and prints both
   words/s and the ratio (target >= 0.85).
2. Per component: in this process, each pipe's own CPU time inside ``extract``'s batches
   on the first M articles, as a share of spaCy's pipes, plus the time outside the
   pipeline and in JSON, against bare spaCy on the same texts (the issues give budgets
   such as "quotes and speakers add at most 10%").
3. ``--startup W``: only the start-up, CPU and memory of each process of
   ``newsgraph extract --workers W``.
"""
from __future__ import annotations

import argparse
import json
import pathlib
import subprocess
import sys
import tempfile
import threading
import time

import psutil

ROOT = pathlib.Path(__file__).resolve().parent.parent
EVAL = ROOT.parent / "shared" / "eval"
CORPUS = EVAL / "reuters21578_body200.jsonl"


def end_to_end(n: int, pairs: int) -> None:
    newsgraph = pathlib.Path(sys.executable).parent / "newsgraph"
    cmd = [sys.executable, str(EVAL / "score" / "bench_throughput.py"), "--corpus", str(CORPUS), "--n", str(n),
           "--pairs", str(pairs), "--cmd", f"{newsgraph} extract {{input}} --format jsonl"]
    subprocess.run(cmd, check=True)


def ablation(m: int, batch_size: int = 64) -> None:
    """CPU time of the tokenizer and each pipe inside ``extract``'s own ``nlp.pipe`` batches,
    of the work outside the pipeline (chunking, batching, Record building) and of writing the Records
    as JSON, against bare spaCy's ``nlp.pipe`` over the same texts in this process.  Thread
    CPU time, so other processes on a shared machine barely move the shares."""
    import spacy

    from newsgraph.extract import extract
    from newsgraph.nlp.pipeline import MODEL, load

    arts = _articles(m)
    nlp = load()
    bare = spacy.load(MODEL)
    for _ in extract(arts[:20], nlp=nlp):  # lazy tables and the towns index load here
        pass
    for _ in bare.pipe(a.text for a in arts[:20]):
        pass
    clock = time.thread_time
    t0 = clock()
    for _ in bare.pipe((a.text for a in arts), batch_size=batch_size):
        pass
    bare_s = clock() - t0
    timers = [_Timed("tokenizer", nlp.tokenizer)] + [_Timed(name, proc) for name, proc in nlp.pipeline]
    tokenizer, components = nlp.tokenizer, nlp._components
    nlp.tokenizer, nlp._components = timers[0], [(t.name, t) for t in timers[1:]]
    try:
        t0 = clock()
        records = list(extract(arts, nlp=nlp))
        extract_s = clock() - t0
    finally:
        nlp.tokenizer, nlp._components = tokenizer, components
    t0 = clock()
    for record in records:
        record.to_json()
    json_s = clock() - t0
    spent = {t.name: t.seconds for t in timers}
    spacy_s = sum(v for k, v in spent.items() if not k.startswith("newsgraph_"))
    ours = sum(spent.values()) - spacy_s
    outside = extract_s - sum(spent.values())
    print(f"CPU seconds over {len(arts)} articles, timed inside nlp.pipe batches "
          f"(share of spaCy's tokenizer and pipes, {spacy_s:.2f}s):")
    for name, secs in spent.items():
        print(f"  {name:22} {secs:7.2f}s  {100 * secs / spacy_s:5.1f}%")
    print(f"  {'newsgraph components':22} {ours:7.2f}s  {100 * ours / spacy_s:5.1f}%")
    print(f"  {'outside the pipeline':22} {outside:7.2f}s  {100 * outside / spacy_s:5.1f}%  (chunking, batching, Records)")
    print(f"  {'Record.to_json':22} {json_s:7.2f}s  {100 * json_s / spacy_s:5.1f}%")
    per100 = 100 / len(arts)
    print(f"CPU seconds per 100 articles: bare spaCy nlp.pipe(batch_size={batch_size}) {bare_s * per100:.2f}, "
          f"extract + to_json {(extract_s + json_s) * per100:.2f} ({(extract_s + json_s) / bare_s:.2f}x)")


class _Timed:
    """A pipe (or the tokenizer) that adds the CPU time spent in it, its upstream's
    excluded, to ``seconds``, whether spaCy streams documents through its ``pipe`` or
    calls it on each."""

    def __init__(self, name: str, proc) -> None:
        self.name, self.proc, self.seconds = name, proc, 0.0
        self._upstream = 0.0

    def __call__(self, doc):
        t0 = time.thread_time()
        doc = self.proc(doc)
        self.seconds += time.thread_time() - t0
        return doc

    def pipe(self, docs, **kwargs):
        stream = self._count_upstream(docs)
        if hasattr(self.proc, "pipe"):
            inner = self.proc.pipe(stream, **kwargs)
        else:
            inner = (self.proc(doc) for doc in stream)
        while True:
            t0, up0 = time.thread_time(), self._upstream
            doc = next(inner, None)
            self.seconds += time.thread_time() - t0 - (self._upstream - up0)
            if doc is None:
                return
            yield doc

    def _count_upstream(self, docs):
        it = iter(docs)
        while True:
            t0 = time.thread_time()
            doc = next(it, None)
            self._upstream += time.thread_time() - t0
            if doc is None:
                return
            yield doc


def _articles(m: int):
    from newsgraph.model import Article

    arts = []
    with open(CORPUS, encoding="utf-8") as fh:
        for _, line in zip(range(m), fh):
            d = json.loads(line)
            arts.append(Article(id=d["id"], text=d["text"], published=d.get("date")))
    return arts


def startup(workers: int, n: int = 64, every: float = 0.1) -> None:
    """Start-up and memory of ``newsgraph extract --workers N`` on ``n`` articles: seconds
    to the first Record, and each process's CPU seconds and peak RSS, PSS (pages shared
    with other processes, such as a forkserver's preloaded model, shared out) and USS (its
    own pages: what one more worker costs)."""
    path = pathlib.Path(tempfile.mkdtemp(prefix="newsgraph-startup-")) / "articles.jsonl"
    with open(CORPUS, encoding="utf-8") as src, path.open("w", encoding="utf-8") as out:
        for _, line in zip(range(n), src):
            out.write(line)
    newsgraph = pathlib.Path(sys.executable).parent / "newsgraph"
    started = time.perf_counter()
    proc = subprocess.Popen([str(newsgraph), "extract", str(path), "--format", "jsonl", "--workers", str(workers)],
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    first: list[float] = []
    reader = threading.Thread(target=_drain, args=(proc.stdout, lambda: first.append(time.perf_counter() - started)))
    reader.start()
    root = psutil.Process(proc.pid)
    peaks: dict[int, list] = {}  # pid -> [role, rss, pss, uss, cpu]
    tree_pss = 0
    while proc.poll() is None:
        pss = 0
        for p in [root, *root.children(recursive=True)]:
            try:
                mem, times, role = p.memory_full_info(), p.cpu_times(), _role(p, root)
            except (psutil.NoSuchProcess, psutil.AccessDenied):
                continue
            peak = peaks.setdefault(p.pid, [role, 0, 0, 0, 0.0])
            peak[1:] = max(peak[1], mem.rss), max(peak[2], mem.pss), max(peak[3], mem.uss), times.user + times.system
            pss += mem.pss
        tree_pss = max(tree_pss, pss)
        time.sleep(every)
    reader.join()
    total = time.perf_counter() - started
    print(f"newsgraph extract --workers {workers} on {n} articles: first Record after {first[0] if first else total:.1f}s, "
          f"done after {total:.1f}s")
    for role, rss, pss, uss, cpu in sorted(peaks.values(), key=lambda v: v[0]):
        print(f"  {role:16} peak RSS {rss / 2**20:5.0f} MB  PSS {pss / 2**20:5.0f} MB  USS {uss / 2**20:5.0f} MB  "
              f"CPU {cpu:6.2f}s")
    print(f"  {'all':16} peak PSS {tree_pss / 2**20:5.0f} MB (at one time)  CPU {sum(v[4] for v in peaks.values()):6.2f}s")


def _role(p: psutil.Process, root: psutil.Process) -> str:
    """The parent, its helpers (forkserver, resource tracker), or a worker they forked."""
    if p.pid == root.pid:
        return "parent"
    if p.ppid() != root.pid:
        return "worker"
    return "resource_tracker" if "resource_tracker" in " ".join(p.cmdline()) else "forkserver"


def _drain(stream, on_first) -> None:
    """Read ``stream`` to its end, calling ``on_first`` when its first line arrives."""
    if stream.readline():
        on_first()
    for _ in stream:
        pass


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=2000, help="articles for the end-to-end ratio")
    ap.add_argument("--pairs", type=int, default=3)
    ap.add_argument("--ablation", type=int, default=300, help="articles for the per-component timing (0: skip)")
    ap.add_argument("--skip-end-to-end", action="store_true")
    ap.add_argument("--startup", type=int, metavar="WORKERS", help="only measure start-up and memory with this many workers")
    ap.add_argument("--startup-n", type=int, default=64, help="articles for --startup")
    a = ap.parse_args()
    if not CORPUS.is_file():
        sys.exit(f"{CORPUS} not found: the evaluation data lives in ../shared/eval beside the checkout")
    if a.startup:
        startup(a.startup, a.startup_n)
        return
    if a.ablation:
        ablation(a.ablation)
    if not a.skip_end_to_end:
        end_to_end(a.n, a.pairs)


if __name__ == "__main__":
    main()
