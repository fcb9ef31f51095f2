"""What the accuracy benches share: reading a gold set as Articles and scoring Records
with the shared scorers in ``../shared/eval/score/``."""
from __future__ import annotations

import json
import pathlib
import subprocess
import sys

from typing import Callable

from newsgraph.model import Article, Record

ROOT = pathlib.Path(__file__).resolve().parent.parent
EVAL = ROOT.parent / "shared" / "eval"


def articles(path: pathlib.Path, limit: int | None = None) -> list[Article]:
    if not path.is_file():
        raise SystemExit(f"{path} is absent")
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [Article(id=r["id"], text=r["text"], published=r.get("date")) for r in rows[:limit]]


def score(scorer: str, gold: pathlib.Path, name: str, records: list[Record], out: pathlib.Path) -> str:
    """Write ``records`` as ``out/<name>.jsonl``, run the scorer on them, return its summary line."""
    out.mkdir(parents=True, exist_ok=True)
    pred = out / f"{name}.jsonl"
    pred.write_text("".join(r.to_json() + "\n" for r in records), encoding="utf-8")
    res = subprocess.run([sys.executable, str(EVAL / "score" / scorer), "--gold", str(gold), "--pred", str(pred)],
                         check=True, capture_output=True, text=True)
    return res.stdout.strip().splitlines()[-1]


def newsgraph_records(arts: list[Article], components: tuple[str, ...]) -> list[Record]:
    """Records of ``arts`` through newsgraph with ``components``; any failure stops the bench."""
    from newsgraph.extract import extract
    from newsgraph.nlp.pipeline import load

    results = list(extract(arts, nlp=load(components)))
    failed = [r for r in results if not isinstance(r, Record)]
    if failed:
        raise SystemExit(f"{len(failed)} articles failed, first: {failed[0]}")
    return results


def compare(doc: str, gold: pathlib.Path, scorer: str, prefix: str,
            systems: dict[str, Callable[[list[Article]], list[Record]]]) -> None:
    """The command line of a bench that scores several systems on one gold set, same run."""
    import argparse
    import tempfile
    import time

    ap = argparse.ArgumentParser(description=doc, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--limit", type=int, default=None, help="first N documents only")
    ap.add_argument("--out", type=pathlib.Path, default=None, help="keep the predictions here")
    a = ap.parse_args()
    arts = articles(gold, a.limit)
    out = a.out or pathlib.Path(tempfile.mkdtemp(prefix=f"newsgraph-{prefix}-"))
    for name, system in systems.items():
        t0 = time.perf_counter()
        records = system(arts)
        secs = time.perf_counter() - t0
        print(f"{name:10} {score(scorer, gold, f'{prefix}_{name}', records, out)}  [{secs:.1f}s]")
