"""Named-entity accuracy of newsgraph against bare spaCy on CoNLL-2003 (testa), same run.

  .venv/bin/python bench/ner.py [--limit N] [--out DIR]

Both systems' Records are written as JSONL and scored by the shared scorer
``../shared/eval/score/score_ner.py`` (exact spans, PER/ORG/LOC, MISC ignored):
* spaCy: the bare pipeline's ``doc.ents``, one entity per span;
* newsgraph: ``newsgraph.extract`` with the entity and place components.
"""
from __future__ import annotations

import argparse
import json
import pathlib
import subprocess
import sys
import tempfile
import time

from newsgraph.extract import extract
from newsgraph.model import Article, Entity, Mention, Record
from newsgraph.nlp.pipeline import load

ROOT = pathlib.Path(__file__).resolve().parent.parent
EVAL = ROOT.parent / "shared" / "eval"
GOLD = EVAL / "conll2003_testa.jsonl"
SCORER = EVAL / "score" / "score_ner.py"
#: The components whose output the NER scorer reads.
COMPONENTS = ("newsgraph_entities", "newsgraph_places")


def articles(path: pathlib.Path, limit: int | None) -> list[Article]:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [Article(id=r["id"], text=r["text"]) for r in rows[:limit]]


def bare_spacy(arts: list[Article]) -> list[Record]:
    nlp = load(())
    out = []
    for art, doc in zip(arts, nlp.pipe(a.text for a in arts)):
        ents = [Entity(id=f"e{i + 1}", name=e.text, type=e.label_,
                       mentions=[Mention(e.start_char, e.end_char, e.text)]) for i, e in enumerate(doc.ents)]
        out.append(Record(article=art, entities=ents))
    return out


def newsgraph(arts: list[Article]) -> list[Record]:
    results = list(extract(arts, nlp=load(COMPONENTS)))
    failed = [r for r in results if not isinstance(r, Record)]
    if failed:
        raise SystemExit(f"{len(failed)} articles failed, first: {failed[0]}")
    return results


def score(name: str, records: list[Record], out: pathlib.Path) -> None:
    pred = out / f"ner_{name}.jsonl"
    pred.write_text("".join(r.to_json() + "\n" for r in records), encoding="utf-8")
    res = subprocess.run([sys.executable, str(SCORER), "--gold", str(GOLD), "--pred", str(pred)],
                         check=True, capture_output=True, text=True)
    print(f"{name:10} {res.stdout.strip().splitlines()[-1]}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--limit", type=int, default=None, help="first N documents only")
    ap.add_argument("--out", type=pathlib.Path, default=None, help="keep the predictions here")
    a = ap.parse_args()
    if not GOLD.is_file():
        raise SystemExit(f"{GOLD} is absent")
    arts = articles(GOLD, a.limit)
    out = a.out or pathlib.Path(tempfile.mkdtemp(prefix="newsgraph-ner-"))
    out.mkdir(parents=True, exist_ok=True)
    for name, system in (("spacy", bare_spacy), ("newsgraph", newsgraph)):
        t0 = time.perf_counter()
        records = system(arts)
        print(f"{name:10} {len(records)} docs in {time.perf_counter() - t0:.1f}s")
        score(name, records, out)


if __name__ == "__main__":
    main()
