"""Named-entity accuracy of newsgraph against bare spaCy on CoNLL-2003 (testa), same run.

  .venv/bin/python bench/ner.py [--limit N] [--out DIR]

Both systems' Records are scored by the shared ``score_ner.py`` (exact spans, PER/ORG/LOC,
MISC ignored):
* spaCy: the bare pipeline's ``doc.ents``, one entity per span;
* newsgraph: ``newsgraph.extract`` with the entity and place components.
"""
from __future__ import annotations

import argparse
import pathlib
import tempfile
import time

from evalset import EVAL, articles, score

from newsgraph.extract import extract
from newsgraph.model import Article, Entity, Mention, Record
from newsgraph.nlp.pipeline import load

GOLD = EVAL / "conll2003_testa.jsonl"
#: The components whose output the NER scorer reads.
COMPONENTS = ("newsgraph_entities", "newsgraph_places")


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


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--limit", type=int, default=None, help="first N documents only")
    ap.add_argument("--out", type=pathlib.Path, default=None, help="keep the predictions here")
    a = ap.parse_args()
    arts = articles(GOLD, a.limit)
    out = a.out or pathlib.Path(tempfile.mkdtemp(prefix="newsgraph-ner-"))
    for name, system in (("spacy", bare_spacy), ("newsgraph", newsgraph)):
        t0 = time.perf_counter()
        records = system(arts)
        secs = time.perf_counter() - t0
        print(f"{name:10} {score('score_ner.py', GOLD, f'ner_{name}', records, out)}  [{secs:.1f}s]")


if __name__ == "__main__":
    main()
