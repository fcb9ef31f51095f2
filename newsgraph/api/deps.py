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


def filters(
    date_from: Optional[dt.date] = Query(None, alias="from", description="Published on or after (YYYY-MM-DD)."),
    date_to: Optional[dt.date] = Query(None, alias="to", description="Published on or before (YYYY-MM-DD)."),
    source: Optional[str] = Query(None, max_length=200, description="Exact source name."),
    entity: Optional[str] = Query(None, max_length=64, description="Articles mentioning this entity id."),
    speaker: Optional[str] = Query(None, max_length=64, description="Articles quoting this entity id."),
) -> Filters:
    if date_from and date_to and date_from > date_to:
        raise HTTPException(422, "'from' is after 'to'")
    return Filters(date_from=date_from, date_to=date_to, source=source or None, entity=entity or None,
                   speaker=speaker or None)


def store(request: Request) -> Store:
    return request.app.state.store
