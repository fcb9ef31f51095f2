"""Countries as CAMEO actors: how two countries deal with each other over time.

A country is named by its ISO code ("RU") or a CAMEO actor code ("RUS", "RUSGOV").  Per
period, the tone of the sentences where both countries occur (their places, people and
adjectives: every entity whose ``country`` is theirs) and the events coded between them.
"""
from __future__ import annotations

import datetime as dt
from statistics import mean
from typing import Any, Optional

import pycountry

from newsgraph.model import Record
from newsgraph.nlp.tone import pair_tone
from newsgraph.store.base import Store
from newsgraph.store.queries.common import Filters
from newsgraph.store.queries.events import actor_code
from newsgraph.store.queries.timeline import day_of, fill, unit_of

_IN_COUNTRY = ("a.id IN (SELECT ae.article_id FROM article_entities ae JOIN entities e ON e.id = ae.entity_id "
               "WHERE e.country = ?)")


def iso_code(code: str) -> Optional[str]:
    """The ISO alpha-2 code of a country named by ISO or CAMEO code, None for non-countries."""
    code = code.upper()
    country = pycountry.countries.get(alpha_2=code) if len(code) == 2 else pycountry.countries.get(alpha_3=code[:3])
    return country.alpha_2 if country else None


def country_tone(store: Store, a: str, b: str, interval: str = "month",
                 filters: Optional[Filters] = None) -> list[dict[str, Any]]:
    """Per period: ``tone`` (mean tone of the sentences where both countries occur, with
    the number of ``articles`` that have such sentences) and the events each way as
    ``{count, goldstein}`` (None when there were none)."""
    unit = unit_of(interval)
    where, params = (filters or Filters()).where()
    found: dict[str, dict[str, Any]] = {}
    iso_a, iso_b = iso_code(a), iso_code(b)
    if iso_a and iso_b:
        rows = store.fetch(f"SELECT date_trunc('{unit}', a.published_at) AS period, a.record FROM articles a "
                           f"WHERE a.published_at IS NOT NULL AND {_IN_COUNTRY} AND {_IN_COUNTRY} AND {where}",
                           [iso_a, iso_b, *params])
        scores: dict[str, list[float]] = {}
        for row in rows:
            record = Record.from_json(row["record"])
            sides = [{e.id for e in record.entities if e.country == iso} for iso in (iso_a, iso_b)]
            tone = pair_tone(record, *sides)
            if tone is not None:
                scores.setdefault(day_of(row["period"]).isoformat(), []).append(tone.score)
        for period, values in scores.items():
            found.setdefault(period, {})["tone"] = {"value": round(mean(values), 3), "articles": len(values)}
    events = (f"SELECT date_trunc('{unit}', a.published_at) AS period, count(*) AS count, "
              "avg(v.goldstein) AS goldstein FROM events v JOIN articles a ON a.id = v.article_id "
              "WHERE v.source_actor LIKE ? AND v.target_actor LIKE ? AND NOT coalesce(v.negated, FALSE) "
              f"AND a.published_at IS NOT NULL AND {where} GROUP BY 1")
    for name, (source, target) in {"a_to_b": (a, b), "b_to_a": (b, a)}.items():
        for row in store.fetch(events, [actor_code(source) + "%", actor_code(target) + "%", *params]):
            found.setdefault(day_of(row["period"]).isoformat(), {})[name] = {
                "count": row["count"], "goldstein": round(row["goldstein"], 3)}
    periods = fill([{"period": dt.date.fromisoformat(k), "count": 0} for k in found], unit)
    return [{"period": p["period"], **{k: found.get(p["period"], {}).get(k) for k in ("tone", "a_to_b", "b_to_a")}}
            for p in periods]
