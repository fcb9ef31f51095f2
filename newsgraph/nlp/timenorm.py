"""Calendar arithmetic behind time expressions: from the parts of an expression and
the publication date to the values of ``TimeRef`` ("2022-05-05", "2022-05", "2022", or
a [from, to] pair).  Pure functions on integers and dates; no text, no spaCy.

Periods are numbered so that "the previous one" is always index - 1: days by ordinal,
weeks (Monday to Sunday) by the ordinal of their Monday // 7, months as year * 12 +
month - 1 and quarters as year * 4 + quarter - 1.
"""
from __future__ import annotations

import datetime as dt
from typing import Optional, Union

Value = Union[str, list[str]]

PAST, NEAREST, FUTURE = -1, 0, 1


def anchor_date(published: Optional[str]) -> Optional[dt.date]:
    """The calendar date of publication as written (a zone, if any, is not converted:
    the writer's "today" is the local date)."""
    if not published:
        return None
    try:
        return dt.datetime.fromisoformat(published.strip()).date()
    except ValueError:
        try:
            return dt.date.fromisoformat(published.strip()[:10])
        except ValueError:
            return None


def choose(candidates: list[int], now: int, direction: int, strict: bool = False) -> int:
    """The candidate index on or before ``now`` (PAST), on or after it (FUTURE), or
    nearest to it (NEAREST, ties to the past); ``strict`` excludes ``now`` itself."""
    past = [c for c in candidates if c < now or (c == now and not strict)]
    future = [c for c in candidates if c > now or (c == now and not strict)]
    if direction < 0 and past:
        return max(past)
    if direction > 0 and future:
        return min(future)
    return min(past + future, key=lambda c: (abs(c - now), c > now))


def make_date(year: int, month: int, day: int) -> Optional[dt.date]:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def day_value(day: dt.date) -> str:
    return day.isoformat()


def month_value(index: int) -> str:
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def year_value(year: int) -> str:
    return f"{year:04d}"


def week_value(index: int) -> list[str]:
    monday = dt.date.fromordinal(index * 7 + 1)
    return [monday.isoformat(), (monday + dt.timedelta(days=6)).isoformat()]


def quarter_value(index: int) -> list[str]:
    first = (index // 4) * 12 + (index % 4) * 3
    return [month_value(first), month_value(first + 2)]


def decade_value(start: int) -> list[str]:
    return [year_value(start), year_value(start + 9)]


def century_value(number: int) -> list[str]:
    """The 21st century is 2001-2100: centuries count from year 1."""
    return [year_value((number - 1) * 100 + 1), year_value(number * 100)]


def index_of(day: dt.date, unit: str) -> int:
    """The index of the ``unit`` ("day", "week", "month", "quarter", "year") holding ``day``."""
    if unit == "day":
        return day.toordinal()
    if unit == "week":
        return (day.toordinal() - 1) // 7
    if unit == "month":
        return day.year * 12 + day.month - 1
    if unit == "quarter":
        return day.year * 4 + (day.month - 1) // 3
    return day.year


def value_of(unit: str, index: int) -> tuple[Value, str]:
    """(value, granularity) of the ``unit`` numbered ``index``."""
    if unit == "day":
        return day_value(dt.date.fromordinal(index)), "day"
    if unit == "week":
        return week_value(index), "week"
    if unit == "month":
        return month_value(index), "month"
    if unit == "quarter":
        return quarter_value(index), "quarter"
    return year_value(index), "year"


def shifted(anchor: dt.date, unit: str, offset: int) -> tuple[Value, str]:
    """The ``unit`` ``offset`` steps from the one holding ``anchor`` ("last week": -1)."""
    return value_of(unit, index_of(anchor, unit) + offset)


def weekday(anchor: dt.date, wd: int, direction: int, strict: bool = False) -> dt.date:
    """The weekday ``wd`` (Monday = 0) before, after or nearest ``anchor``."""
    now = anchor.toordinal()
    base = now - (anchor.weekday() - wd) % 7
    return dt.date.fromordinal(choose([base - 7, base, base + 7], now, direction, strict))


def weekday_this_week(anchor: dt.date, wd: int) -> dt.date:
    """"this Thursday": the weekday ``wd`` of the Monday-to-Sunday week holding ``anchor``."""
    return anchor + dt.timedelta(days=wd - anchor.weekday())


def month_in_year(anchor: dt.date, month: int, direction: int, strict: bool = False) -> int:
    """The month index of ``month`` (1-12) in the year before, after or nearest ``anchor``."""
    now = index_of(anchor, "month")
    return choose([(anchor.year + k) * 12 + month - 1 for k in (-1, 0, 1)], now, direction, strict)


def quarter_in_year(anchor: dt.date, quarter: int, direction: int) -> int:
    now = index_of(anchor, "quarter")
    return choose([(anchor.year + k) * 4 + quarter - 1 for k in (-1, 0, 1)], now, direction)


def day_in_year(anchor: dt.date, month: int, day: int, direction: int) -> Optional[dt.date]:
    """"May 5" without a year: the one before, after or nearest ``anchor``."""
    dates = [d for d in (make_date(anchor.year + k, month, day) for k in (-1, 0, 1)) if d]
    if not dates:
        return None
    return dt.date.fromordinal(choose([d.toordinal() for d in dates], anchor.toordinal(), direction))
