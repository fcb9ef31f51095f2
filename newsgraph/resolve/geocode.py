"""Choose which place a name means, from its candidates and the article's other places.

A country or region name means that country or region (unless the article is about
another country that has a subdivision of that name: "Georgia" in a story about Atlanta).
Among cities and subdivisions (states, counties) the prior is population, a city is preferred to a
subdivision ten times its size (news says "New York" for the city), and context moves
the choice: the countries and subdivisions the article names unambiguously, the dateline's
country, and a state or country right after the name ("Portland, Oregon").
"""
from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field
from typing import Optional, Sequence

from newsgraph.resolve.gazetteer import Place, fold

#: Score bonuses, in orders of magnitude of population.
CITY_BONUS = 1.0
CAPITAL_BONUS = 2.5
CONTEXT_COUNTRY_BONUS = 2.0
DATELINE_COUNTRY_BONUS = 1.5
CONTEXT_ADMIN_BONUS = 3.0
#: A city's own name outranks an old or foreign one ("Salisbury" is no longer Harare).
PRIMARY_NAME_BONUS = 1.0


@dataclass
class Context:
    """What the rest of the article says about where it is."""

    countries: Counter = field(default_factory=Counter)
    admin1: Counter = field(default_factory=Counter)
    dateline_country: Optional[str] = None

    @classmethod
    def of(cls, candidates: Sequence[Sequence[Place]], dateline: Optional[Place] = None) -> "Context":
        """Context from the names whose meaning is not in doubt (one candidate, or a
        country or region)."""
        ctx = cls(dateline_country=dateline.country if dateline else None)
        for places in candidates:
            sure = _unambiguous(places)
            if sure is None:
                continue
            if sure.country:
                ctx.countries[sure.country] += 1
            if sure.kind == "admin1" and sure.admin1:
                ctx.admin1[sure.admin1] += 1
        if dateline is not None and dateline.country:
            ctx.countries[dateline.country] += 1
        if dateline is not None and dateline.admin1 and dateline.kind in ("city", "admin2"):
            # a story from Dallas is about Texas: "Paris" there is Paris, Texas
            ctx.admin1[dateline.admin1] += 1
        return ctx

    def without(self, places: Sequence[Place]) -> "Context":
        """The context less what one name's candidates added to it: a name is no evidence
        for itself (the lone "Ballina" in the city table must not make the story Australian)."""
        sure = _unambiguous(places)
        if sure is None:
            return self
        countries, admin1 = self.countries.copy(), self.admin1.copy()
        if sure.country:
            countries[sure.country] -= 1
        if sure.kind == "admin1" and sure.admin1:
            admin1[sure.admin1] -= 1
        return Context(+countries, +admin1, self.dateline_country)


def _unambiguous(places: Sequence[Place]) -> Optional[Place]:
    top = [p for p in places if p.kind in ("country", "region")]
    if top:
        return top[0]
    return places[0] if len(places) == 1 else None


def score(place: Place, ctx: Context, name: str = "") -> float:
    s = math.log10(place.population + 1)
    if place.kind == "city":
        s += CITY_BONUS
        if fold(place.name) == fold(name):
            s += PRIMARY_NAME_BONUS + (CAPITAL_BONUS if place.capital_of else 0.0)
    if place.country and ctx.countries[place.country]:
        s += CONTEXT_COUNTRY_BONUS
    if place.country and place.country == ctx.dateline_country:
        s += DATELINE_COUNTRY_BONUS
    if place.admin1 and place.admin1 in ctx.admin1 and place.kind in ("city", "admin2"):
        s += CONTEXT_ADMIN_BONUS
    return s


def choose(places: Sequence[Place], ctx: Context, within: Optional[Place] = None, name: str = "") -> Optional[Place]:
    """The place ``name`` means; ``within`` is a country or subdivision named right after it."""
    if not places:
        return None
    if within is not None:
        there = [p for p in places if p.kind in ("city", "admin1", "admin2") and inside(p, within)]
        if there:
            places = there
    top = [p for p in places if p.kind in ("country", "region")]
    if top:
        local = [p for p in places if p.kind == "admin1" and ctx.countries[p.country]
                 and not any(ctx.countries[t.country] for t in top if t.country)]
        return local[0] if local else top[0]
    return max(_by_name(places, name), key=lambda p: score(p, ctx, name))


def _by_name(places: Sequence[Place], name: str) -> Sequence[Place]:
    """Without the cities that are only another name of a smaller place than a city of
    that very name: GeoNames lists "Milan" among Syracuse's names, but an American story
    saying "Milan" means Milan.  A bigger city keeps its old name ("Salisbury", Harare)."""
    key = fold(name)
    biggest = max((p.population for p in places if p.kind == "city" and fold(p.name) == key), default=None)
    if not name or biggest is None:
        return places
    return [p for p in places if p.kind != "city" or fold(p.name) == key or p.population > biggest]


def inside(place: Place, area: Place) -> bool:
    """``place`` lies in the country or first-level subdivision ``area``."""
    if area.kind == "country":
        return place.country == area.key
    if area.kind == "admin1":
        return place.admin1 == area.admin1 and place.key != area.key
    return False
