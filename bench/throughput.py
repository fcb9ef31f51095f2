"""Speed of newsgraph against bare spaCy on the same texts, in the same run.

  .venv/bin/python bench/throughput.py [--n 2000] [--pairs 3] [--ablation 300]

1. End to end: the shared scorer ``../shared/eval/score/bench_throughput.py`` times the whole
   ``newsgraph extract`` process (start-up included) against spaCy's load plus ``nlp.pipe``
   over the first N articles of reuters21578_body200.jsonl, A B A B ..., and prints both
   words/s and the ratio (target >= 0.85).
2. Per component: in this process, each pipe's own time on the first M articles, as a
   share of spaCy's, so each extractor's cost is visible (the issues give budgets such as
   "quotes and speakers add at most 10%").
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
    """Each pipe's own time, doc by doc, so our components' cost is read against spaCy's
    in one pass (alternating whole pipelines is at the mercy of a shared machine's load)."""
    import collections

    from newsgraph.extract import make_doc
    from newsgraph.model import Article
    from newsgraph.nlp.pipeline import load

    nlp = load()
    arts = []
    with open(CORPUS, encoding="utf-8") as fh:
        for line in fh:
            d = json.loads(line)
            arts.append(Article(id=d["id"], text=d["text"], published=d.get("date")))
            if len(arts) >= m:
                break
    spent: collections.Counter[str] = collections.Counter()
    for warm, article in [(True, a) for a in arts[:10]] + [(False, a) for a in arts]:
        doc = make_doc(nlp, article, 0, len(article.text))
        for name, proc in nlp.pipeline:
            t0 = time.perf_counter()
            doc = proc(doc)
            if not warm:
                spent[name] += time.perf_counter() - t0
    spacy_s = sum(v for k, v in spent.items() if not k.startswith("newsgraph_"))
    print(f"per-component time over {len(arts)} articles (share of spaCy's own {spacy_s:.2f}s):")
    for name, secs in spent.items():
        print(f"  {name:22} {secs:7.2f}s  {100 * secs / spacy_s:5.1f}%")
    print(f"  newsgraph components total {100 * (sum(spent.values()) - spacy_s) / spacy_s:.1f}% over spaCy")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=2000, help="articles for the end-to-end ratio")
    ap.add_argument("--pairs", type=int, default=3)
    ap.add_argument("--ablation", type=int, default=300, help="articles for the per-component timing (0: skip)")
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
