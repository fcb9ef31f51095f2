"""What events, tone and themes add to extraction time, on Reuters newswire.

    .venv/bin/python bench/events_overhead.py [--n 300] [--runs 2] [--chunk 25] [--shared ../shared]

Both pipelines run ``newsgraph.extract.extract`` over the same articles in one process,
alternating every ``--chunk`` articles so that a change in machine load hits both alike,
``--runs`` times after a warm-up; the best total of each counts.  On a shared machine that
ratio is still noisy, so the three components are also timed alone on the Docs the rest
of the pipeline made: their share of the bare extraction time.
"""
from __future__ import annotations

import argparse
import itertools
import json
import time
from pathlib import Path

from newsgraph.extract import extract
from newsgraph.model import Article
from newsgraph.nlp.pipeline import COMPONENTS, load

OURS = ("newsgraph_events", "newsgraph_tone", "newsgraph_themes")


def articles(path: Path, n: int) -> list[Article]:
    with path.open(encoding="utf-8") as fh:
        rows = (json.loads(line) for line in fh)
        return [Article(id=r["id"], text=r["text"], published=r.get("date"))
                for r in itertools.islice((r for r in rows if r.get("text")), n)]


def seconds(nlp, batch: list[Article]) -> float:
    start = time.perf_counter()
    for _ in extract(batch, nlp=nlp):
        pass
    return time.perf_counter() - start


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=300)
    ap.add_argument("--runs", type=int, default=2)
    ap.add_argument("--chunk", type=int, default=25)
    ap.add_argument("--shared", default=str(Path(__file__).resolve().parent.parent.parent / "shared"))
    args = ap.parse_args()
    batch = articles(Path(args.shared) / "eval" / "reuters21578_body200.jsonl", args.n)
    full = load()
    bare = load(tuple(c for c in COMPONENTS if c not in OURS))
    seconds(full, batch[:20])
    seconds(bare, batch[:20])
    chunks = [batch[i:i + args.chunk] for i in range(0, len(batch), args.chunk)]
    without, with_ = [], []
    for _ in range(args.runs):
        times = {id(bare): 0.0, id(full): 0.0}
        for k, chunk in enumerate(chunks):
            for nlp in ((bare, full) if k % 2 else (full, bare)):
                times[id(nlp)] += seconds(nlp, chunk)
        without.append(times[id(bare)])
        with_.append(times[id(full)])
    words = sum(len(a.text.split()) for a in batch)
    print(f"{len(batch)} articles, {words} words")
    print(f"extract without events/tone/themes: {min(without):.2f} s; with: {min(with_):.2f} s; "
          f"ratio {min(with_) / min(without):.3f}")
    docs = list(bare.pipe(a.text for a in batch))
    alone = {}
    for name in OURS:
        component = full.get_pipe(name)
        start = time.perf_counter()
        for doc in docs:
            component(doc)
        alone[name] = time.perf_counter() - start
    print("alone: " + ", ".join(f"{n} {t:.3f} s" for n, t in alone.items())
          + f"; together {sum(alone.values()) / min(without):.1%} of extract without them")


if __name__ == "__main__":
    main()
