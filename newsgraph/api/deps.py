"""Parameters shared by many endpoints: paging, article filters, the store."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Optional

from fastapi import HTTPException, Query, Request

from newsgraph.store import Store
from newsgraph.store.queries.common import Filters

MAX_LIMIT = 200


@dataclass
class Paging:
    limit: int
    offset: int


def paging(limit: int = Query(20, ge=1, le=MAX_LIMIT, description="Items per page."),
           offset: int = Query(0, ge=0, le=1_000_000, description="Items to skip.")) -> Paging:
    return Paging(limit, offset)


def _date(value: Optional[str], name: str) -> Optional[dt.date]:
    """A YYYY-MM-DD parameter; empty (as an HTML form sends it) means none."""
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise HTTPException(422, f"'{name}' must be a date, YYYY-MM-DD") from None


def filters(
    from_: Optional[str] = Query(None, alias="from", max_length=10, description="Published on or after (YYYY-MM-DD)."),
    to: Optional[str] = Query(None, max_length=10, description="Published on or before (YYYY-MM-DD)."),
    source: Optional[str] = Query(None, max_length=200, description="Exact source name."),
    entity: Optional[str] = Query(None, max_length=64, description="Articles mentioning this entity id."),
    speaker: Optional[str] = Query(None, max_length=64, description="Articles quoting this entity id."),
) -> Filters:
    date_from, date_to = _date(from_, "from"), _date(to, "to")
    if date_from and date_to and date_from > date_to:
        raise HTTPException(422, "'from' is after 'to'")
    return Filters(date_from=date_from, date_to=date_to, source=source or None, entity=entity or None,
                   speaker=speaker or None)


def store(request: Request) -> Store:
    return request.app.state.store
