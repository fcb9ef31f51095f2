"""Speed of newsgraph against bare spaCy on the same texts, in the same run.

  .venv/bin/python bench/throughput.py [--n 2000] [--pairs 3] [--ablation 300]

1. End to end: the shared scorer ``../shared/eval/score/bench_throughput.py`` times the whole
   ``newsgraph extract`` process (start-up included) against spaCy's load plus ``nlp.pipe``
   over the first N articles of reuters21578_body200.jsonl, A B A B ..., and prints both
   words/s and the ratio (target >= 0.85).
2. Ablation: in this process, the cost of each of our components over bare spaCy on the
   first M articles, so each extractor's share of the time is visible (the issues give
   budgets such as "quotes and speakers add at most 10%").
"""
from __future__ import annotations

import argparse
import json
import pathlib
import subprocess
import sys
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent
EVAL = ROOT.parent / "shared" / "eval"
CORPUS = EVAL / "reuters21578_body200.jsonl"


def end_to_end(n: int, pairs: int) -> None:
    newsgraph = pathlib.Path(sys.executable).parent / "newsgraph"
    cmd = [sys.executable, str(EVAL / "score" / "bench_throughput.py"), "--corpus", str(CORPUS), "--n", str(n),
           "--pairs", str(pairs), "--cmd", f"{newsgraph} extract {{input}} --format jsonl"]
    subprocess.run(cmd, check=True)


def ablation(m: int) -> None:
    from newsgraph.extract import extract
    from newsgraph.model import Article
    from newsgraph.nlp.pipeline import COMPONENTS, load

    arts = []
    with open(CORPUS, encoding="utf-8") as fh:
        for line in fh:
            d = json.loads(line)
            arts.append(Article(id=d["id"], text=d["text"], published=d.get("date")))
            if len(arts) >= m:
                break
    words = sum(len(a.text.split()) for a in arts)
    names = list(COMPONENTS)
    timings: dict[str, float] = {}
    for k in range(len(names) + 1):
        nlp = load(tuple(names[:k]))
        list(extract(arts[:20], nlp=nlp))  # warm caches and lazy tables
        t0 = time.perf_counter()
        for _ in extract(arts, nlp=nlp):
            pass
        timings["spaCy" if k == 0 else names[k - 1]] = time.perf_counter() - t0
    base = timings["spaCy"]
    print(f"ablation over {len(arts)} articles, {words} words (cumulative pipeline, seconds and share over bare spaCy):")
    prev = base
    for name, secs in timings.items():
        print(f"  + {name:22} {secs:7.2f}s  {words / secs:8.0f} w/s  step {100 * (secs - prev) / base:+6.1f}%  "
              f"total {100 * (secs - base) / base:+6.1f}%")
        prev = secs


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=2000, help="articles for the end-to-end ratio")
    ap.add_argument("--pairs", type=int, default=3)
    ap.add_argument("--ablation", type=int, default=300, help="articles for the per-component ablation (0: skip)")
    ap.add_argument("--skip-end-to-end", action="store_true")
    a = ap.parse_args()
    if not CORPUS.is_file():
        sys.exit(f"{CORPUS} not found: the evaluation data lives in ../shared/eval beside the checkout")
    if a.ablation:
        ablation(a.ablation)
    if not a.skip_end_to_end:
        end_to_end(a.n, a.pairs)


if __name__ == "__main__":
    main()
