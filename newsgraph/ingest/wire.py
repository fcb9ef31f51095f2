"""The wire format of the seed article: a one-line header, then the body.

    ` date 2022-05-05 5 May. 16:30`

The ISO date is authoritative; the clock time, when present, is added to it.  The
header (and the blank lines after it) is not part of the article, so offsets count
from the first body character.
"""
from __future__ import annotations

import datetime as dt
import re
from typing import Optional

from newsgraph.ingest import FILE_KEY, Item, ReadError
from newsgraph.ingest.dates import normalise
from newsgraph.model import Article

#: "date" then something that starts like a date; "date night ..." is prose, not a header.
HEADER = re.compile(r"[ \t]*date[ \t]+(?P<date>\d\S*)(?P<rest>.*)", re.IGNORECASE)
_CLOCK = re.compile(r"\b(\d{1,2}):(\d{2})(?::(\d{2}))?\b")
_LEADING_BLANK_LINES = re.compile(r"(?:[ \t]*\n)*")


def is_wire(text: str) -> bool:
    """Whether ``text`` starts with a wire header line."""
    return HEADER.fullmatch(text.split("\n", 1)[0]) is not None


def parse(text: str, file: str, article_id: str) -> Item:
    """The Article in a wire text (header line first)."""
    header, _, body = text.partition("\n")
    match = HEADER.fullmatch(header)
    if match is None:
        return ReadError(file, 1, f"not a wire header: {header!r}")
    published = _published(match.group("date"), match.group("rest"))
    if published is None:
        return ReadError(file, 1, f"unparseable date in wire header: {header.strip()!r}")
    skipped = _LEADING_BLANK_LINES.match(body).group()
    body = body[len(skipped):]
    if not body.strip():
        return ReadError(file, 2, "no text after the wire header")
    meta = {FILE_KEY: file, "header": header.strip()}
    return Article(id=article_id, text=body, title=None, published=published, meta=meta)


def _published(date: str, rest: str) -> Optional[str]:
    """The header's date, with the clock time added when the header gives one."""
    day = normalise(date)
    clock = _CLOCK.search(rest)
    if day is None or clock is None or len(day) != len("YYYY-MM-DD"):
        return day
    hour, minute, second = (int(g or 0) for g in clock.groups())
    try:
        time = dt.time(hour, minute, second)
    except ValueError:
        return None
    return f"{day}T{time.isoformat()}"
