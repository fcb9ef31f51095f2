"""What a set of our components adds to ``extract`` time, on Reuters newswire.

  .venv/bin/python bench/overhead.py newsgraph_events newsgraph_tone newsgraph_themes [--n 300] [--rounds 2]

Two pipelines, with and without the named components, run ``newsgraph.extract.extract``
over the same articles in one process, alternating every ``chunk`` articles (and which
goes first) so that a change in machine load hits both alike.  Because that ratio is
still noisy on a shared machine, the components are also timed alone, on the Docs the
rest of the pipeline made: their share of the rest of the pipeline's time.
"""
from __future__ import annotations

import argparse
import time

from evalset import EVAL, articles

from newsgraph.extract import extract, make_doc
from newsgraph.nlp.pipeline import COMPONENTS, load

REUTERS = EVAL / "reuters21578_body200.jsonl"


def _seconds(nlp, batch) -> float:
    t0 = time.perf_counter()
    for _ in extract(batch, nlp=nlp):
        pass
    return time.perf_counter() - t0


def overhead(label: str, components: tuple[str, ...], n: int = 300, rounds: int = 2, chunk: int = 25) -> None:
    """Print the with/without ratio and the components' own share for ``label``."""
    arts = articles(REUTERS, n)
    pipes = {"without": load(tuple(c for c in COMPONENTS if c not in components)), "with": load(tuple(COMPONENTS))}
    for nlp in pipes.values():
        _seconds(nlp, arts[:20])  # load lazy tables
    chunks = [arts[i:i + chunk] for i in range(0, len(arts), chunk)]
    spent = {name: 0.0 for name in pipes}
    for r in range(rounds):
        for c, piece in enumerate(chunks):
            for name in sorted(pipes, reverse=(r + c) % 2 == 1):
                spent[name] += _seconds(pipes[name], piece)
    words = sum(len(a.text.split()) for a in arts)
    print(f"{len(arts)} Reuters articles, {words} words, {rounds} round(s):")
    print(f"  extract without {label}: {spent['without'] / rounds:.2f}s, with: {spent['with'] / rounds:.2f}s, "
          f"{100 * (spent['with'] / spent['without'] - 1):+.1f}%")
    rest, full = pipes["without"], pipes["with"]
    t0 = time.perf_counter()
    docs = list(rest.pipe(make_doc(rest, a, 0, len(a.text)) for a in arts))
    base = time.perf_counter() - t0
    alone = {}
    for name in components:
        component = full.get_pipe(name)
        t0 = time.perf_counter()
        for doc in docs:
            component(doc)
        alone[name] = time.perf_counter() - t0
    print("  alone: " + ", ".join(f"{k} {v:.2f}s" for k, v in alone.items())
          + f"; together {sum(alone.values()) / base:.1%} of the rest of the pipeline ({base:.1f}s)")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("components", nargs="+", choices=list(COMPONENTS))
    ap.add_argument("--n", type=int, default=300)
    ap.add_argument("--rounds", type=int, default=2)
    ap.add_argument("--chunk", type=int, default=25)
    a = ap.parse_args()
    overhead(" + ".join(a.components), tuple(a.components), a.n, a.rounds, a.chunk)


if __name__ == "__main__":
    main()
