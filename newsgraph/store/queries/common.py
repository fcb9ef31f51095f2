"""What every query module shares: paging, article filters, JSON columns."""
from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from typing import Any, Optional, Sequence

from newsgraph.store.base import Store

#: Periods a timeline can count by (``date_trunc`` units on both backends).
INTERVALS = ("day", "week", "month", "year")


@dataclass
class Page:
    """One page of a longer result; ``total`` counts every matching item."""

    items: list[dict[str, Any]]
    total: int
    limit: int
    offset: int

    def to_dict(self) -> dict[str, Any]:
        return {"items": self.items, "total": self.total, "limit": self.limit, "offset": self.offset}


@dataclass
class Filters:
    """Conditions on the articles a result comes from."""

    date_from: Optional[dt.date] = None
    date_to: Optional[dt.date] = None
    source: Optional[str] = None
    #: Articles that mention this corpus entity id.
    entity: Optional[str] = None
    #: Articles quoting this corpus entity id.
    speaker: Optional[str] = None
    #: Extra raw conditions added by callers, with their parameters.
    extra: list[tuple[str, Sequence[Any]]] = field(default_factory=list)

    def is_empty(self) -> bool:
        """No condition at all: every article counts (summaries kept at ingest apply)."""
        return self.where()[0] == "TRUE"

    def where(self, alias: str = "a") -> tuple[str, list[Any]]:
        """``WHERE`` conditions on the articles table aliased ``alias`` ("TRUE" if none)."""
        conds: list[str] = []
        params: list[Any] = []
        if self.date_from:
            conds.append(f"{alias}.published_at >= ?")
            params.append(dt.datetime.combine(self.date_from, dt.time()))
        if self.date_to:
            conds.append(f"{alias}.published_at < ?")
            params.append(dt.datetime.combine(self.date_to + dt.timedelta(days=1), dt.time()))
        if self.source:
            conds.append(f"{alias}.source = ?")
            params.append(self.source)
        if self.entity:
            conds.append(f"{alias}.id IN (SELECT article_id FROM article_entities WHERE entity_id = ?)")
            params.append(self.entity)
        if self.speaker:
            conds.append(f"{alias}.id IN (SELECT article_id FROM quotes WHERE speaker_id = ?)")
            params.append(self.speaker)
        for cond, cond_params in self.extra:
            conds.append(cond)
            params.extend(cond_params)
        return (" AND ".join(conds) or "TRUE"), params


def conditions(filters: Optional[Filters], *optional: tuple[str, Any]) -> tuple[str, list[Any]]:
    """The ``filters``' conditions and each ``(sql, value)`` whose value is given (not None
    or empty), joined by AND; ``value`` fills every ``?`` of its ``sql``."""
    where, params = (filters or Filters()).where()
    conds = [where]
    for sql, value in optional:
        if value:
            conds.append(sql)
            params += [value] * sql.count("?")
    return " AND ".join(conds), params


def like(q: Optional[str]) -> Optional[str]:
    """A case-insensitive LIKE pattern for text containing ``q`` (compare with ``lower()``)."""
    return f"%{q.casefold()}%" if q else None


def paged(store: Store, sql: str, params: Sequence[Any], order: str, limit: int, offset: int,
          total: Optional[int] = None) -> Page:
    """``sql`` (a SELECT without ORDER BY) as a Page ordered by ``order``; the total comes
    with the rows, so the query runs once (twice only for a page past the end).  A
    ``total`` known beforehand (from the summaries) spares the count, which makes the
    database sort every match instead of keeping only the page's best."""
    if total is not None:
        items = store.fetch(f"SELECT * FROM ({sql}) AS page ORDER BY {order} LIMIT ? OFFSET ?",
                            [*params, limit, offset])
        return Page(items, total, limit, offset)
    items = store.fetch(f"SELECT *, count(*) OVER () AS total_ FROM ({sql}) AS page ORDER BY {order} "
                        "LIMIT ? OFFSET ?", [*params, limit, offset])
    if items:
        total = items[0]["total_"]
        for item in items:
            del item["total_"]
    else:
        total = store.fetch(f"SELECT count(*) AS n FROM ({sql}) AS counted", params)[0]["n"] if offset else 0
    return Page(items, total, limit, offset)


def json_list(value: Optional[str]) -> list:
    return json.loads(value) if value else []


def marks(values: Sequence[Any]) -> str:
    """``?,?,?`` for an IN list of ``values``."""
    return ",".join("?" * len(values))
