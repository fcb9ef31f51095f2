"""Counts per day, week, month or year, with the empty periods filled in."""
from __future__ import annotations

import datetime as dt
from typing import Any, Optional

from newsgraph.store.base import Store
from newsgraph.store.queries.common import INTERVALS, Filters


def timeline(store: Store, interval: str = "month", q: Optional[str] = None, filters: Optional[Filters] = None,
             collapse: bool = False) -> list[dict[str, Any]]:
    """Articles per period (those matching ``q`` if given, through ``filters``); with
    ``collapse`` a near-duplicate cluster counts once."""
    unit = unit_of(interval)
    where, params = (filters or Filters()).where()
    source = "articles a"
    if q:
        source += f" JOIN ({store.match_sql('articles')}) AS m ON m.id = a.id"
        params = [q, *params]
    counted = "count(DISTINCT coalesce(a.cluster_id, a.id))" if collapse else "count(*)"
    rows = store.fetch(f"SELECT date_trunc('{unit}', a.published_at) AS period, {counted} AS count FROM {source} "
                       f"WHERE a.published_at IS NOT NULL AND {where} GROUP BY 1 ORDER BY 1", params)
    return fill(rows, unit)


def mention_timeline(store: Store, entity_id: str, interval: str = "month",
                     filters: Optional[Filters] = None) -> list[dict[str, Any]]:
    """Mentions of one entity per period; without filters, from the per-day counts kept
    at ingest (``entity_days``) rather than from every mention."""
    unit = unit_of(interval)
    filters = filters or Filters()
    if filters.is_empty():
        rows = store.fetch(f"SELECT date_trunc('{unit}', CAST(day AS TIMESTAMP)) AS period, sum(mentions) AS count "
                           "FROM entity_days WHERE entity_id = ? GROUP BY 1 ORDER BY 1", [entity_id])
        return fill(rows, unit)
    where, params = filters.where()
    rows = store.fetch(f"SELECT date_trunc('{unit}', a.published_at) AS period, count(*) AS count "
                       "FROM mentions m JOIN articles a ON a.id = m.article_id "
                       f"WHERE m.entity_id = ? AND a.published_at IS NOT NULL AND {where} GROUP BY 1 ORDER BY 1",
                       [entity_id, *params])
    return fill(rows, unit)


def unit_of(interval: str) -> str:
    if interval not in INTERVALS:
        raise ValueError(f"interval must be one of {', '.join(INTERVALS)}")
    return interval


def step(day: dt.date, unit: str) -> dt.date:
    """The start of the period after the one starting on ``day``."""
    if unit == "day":
        return day + dt.timedelta(days=1)
    if unit == "week":
        return day + dt.timedelta(weeks=1)
    if unit == "month":
        return dt.date(day.year + day.month // 12, day.month % 12 + 1, 1)
    return dt.date(day.year + 1, 1, 1)


def fill(rows: list[dict[str, Any]], unit: str) -> list[dict[str, Any]]:
    """``{period: "YYYY-MM-DD", count}`` for every period from the first to the last row."""
    counts = {day_of(r["period"]): r["count"] for r in rows}
    if not counts:
        return []
    out, day, last = [], min(counts), max(counts)
    while day <= last:
        out.append({"period": day.isoformat(), "count": counts.get(day, 0)})
        day = step(day, unit)
    return out


def day_of(value: Any) -> dt.date:
    return value.date() if isinstance(value, dt.datetime) else value
