"""Publication dates as ISO 8601, keeping the precision the source gave.

Sources write dates every which way ("2022-05-05", "19950101", RFC 822 in feeds,
"5 May 2022 16:30" in pages); downstream code (relative-date anchoring, the store's
date filters) needs one form.  A date given to the day stays a day: inventing a
midnight would claim a precision the source never had.
"""
from __future__ import annotations

import datetime as dt
import email.utils
import re
from typing import Optional

import dateparser

_YEAR = re.compile(r"\d{4}")
_MONTH = re.compile(r"(\d{4})-(\d{2})")
_STAMP = re.compile(r"(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})")
_CLOCK = re.compile(r"\d:\d\d")

#: Relative expressions ("yesterday") would make the result depend on when we ran.
_DATEPARSER_SETTINGS = {"STRICT_PARSING": True, "PARSERS": ["absolute-time", "custom-formats"]}


def normalise(value: str) -> Optional[str]:
    """``value`` as "YYYY", "YYYY-MM", "YYYY-MM-DD" or "YYYY-MM-DDTHH:MM:SS[+HH:MM]";
    None when it is not a date."""
    value = value.strip()
    if not value:
        return None
    if _YEAR.fullmatch(value):
        return value
    if m := _MONTH.fullmatch(value):
        return value if 1 <= int(m.group(2)) <= 12 else None
    for parse in (_iso, _stamp, _rfc822, _free):
        try:
            result = parse(value)
        except (ValueError, TypeError, OverflowError):
            continue
        if result is not None:
            return result
    return None


def _iso(value: str) -> str:
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        return _format(dt.datetime.fromisoformat(value))


def _stamp(value: str) -> Optional[str]:
    """WARC/GDELT-style 14-digit timestamps (20220505163000)."""
    m = _STAMP.fullmatch(value)
    return _format(dt.datetime(*map(int, m.groups()))) if m else None


def _rfc822(value: str) -> str:
    return _format(email.utils.parsedate_to_datetime(value))


def _free(value: str) -> Optional[str]:
    parsed = dateparser.parse(value, settings=_DATEPARSER_SETTINGS)
    if parsed is None:
        return None
    if parsed.time() == dt.time() and not _CLOCK.search(value):
        return parsed.date().isoformat()
    return _format(parsed)


def _format(value: dt.datetime) -> str:
    return value.isoformat(timespec="seconds")
