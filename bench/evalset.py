"""What the accuracy benches share: reading a gold set as Articles and scoring Records
with the shared scorers in ``../shared/eval/score/``."""
from __future__ import annotations

import json
import pathlib
import subprocess
import sys

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
