"""Component ``newsgraph_times``: time expressions placed on the calendar.

Deterministic patterns find explicit dates, weekdays, relative days and periods, month
names, years, ranges, decades, centuries, quarters and clock times; ``timenorm`` turns
them into values against ``doc._.published``.  dateparser is not used: it is slow, parses
no ranges and needs its own trap-avoiding settings, while news uses a small set of forms.

Which occurrence a relative expression means: "last"/"next"/"this" say so; otherwise the
clause's tense decides ("will meet on Friday" is the coming Friday, "said on Thursday"
the past one), and without a tense cue a weekday is the most recent one (news reports
what happened) while a month, "May 5" or a quarter is the nearest one.  Without a
publication date relative expressions keep ``value`` None instead of a guess.

Bare years and month names are ambiguous ("2000 workers", "May I"): they count as times
after a lead word ("in 2021"), inside a spaCy DATE entity, or as the ends of a range.
"""
from __future__ import annotations

import bisect
import datetime as dt
import functools
import re
from dataclasses import dataclass, field
from typing import Callable, Optional

from spacy.language import Language
from spacy.tokens import Doc, Token

from newsgraph.model import TimeRef, TimeValue
from newsgraph.nlp import lexicon, timenorm
from newsgraph.nlp.component import doc_component
from newsgraph.nlp.numbers import ORDINAL_WORDS, WORDS, alternation, parse_ordinal, parse_words
from newsgraph.nlp.timenorm import FUTURE, NEAREST, PAST

_T = lexicon.load("times.json")
MONTHS: dict[str, int] = {**_T["months"], **_T["month_abbreviations"]}
WEEKDAYS: dict[str, int] = _T["weekdays"]
DIRECTIONS: dict[str, int] = _T["directions"]
LEADS = frozenset(_T["leads"])
FUTURE_AUX = frozenset(_T["future_aux"])


def _unit_words() -> frozenset[str]:
    """First words of the units of amounts: "1990 dlrs" is money, not a year."""
    units = lexicon.load("units.json")
    forms = [w for c in units["currencies"].values() for w in (*c["words"], *c.get("minor", []))]
    forms += [w for ws in (*units["percent"].values(), *units["measures"].values()) for w in ws]
    return frozenset(w.split()[0].lower() for w in forms)


UNIT_WORDS = _unit_words()

_MONTH_FULL = rf"(?:{alternation(_T['months'])})(?![A-Za-z])"
_MONTH_ANY = rf"(?:(?:{alternation(_T['months'])})|(?:{alternation(_T['month_abbreviations'])})\.?)(?![A-Za-z])"
_WEEKDAY = rf"(?:{alternation(WEEKDAYS)})\b"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?![\d,.:]\d|\d)"
_YEAR = r"(?:1\d{3}|20\d{2})"
_DIRECTION = rf"(?i:{alternation(DIRECTIONS)})"
_MODIFIER = rf"(?i:{alternation(_T['modifiers'])})"
_AMPM = r"(?i:a\.m\.|p\.m\.|am\b|pm\b)"
_ZONE = rf"(?:{alternation(_T['time_zones'])})\b"

#: (kind, pattern); overlapping matches are settled longest first.
RULES: list[tuple[str, re.Pattern]] = [(kind, re.compile(p)) for kind, p in [
    ("iso", rf"(?<![\d/-])(?P<y>{_YEAR})-(?P<m>0[1-9]|1[0-2])-(?P<d>0[1-9]|[12]\d|3[01])(?![\d-])"),
    ("slash", rf"(?<![\d/])(?P<a>\d{{1,2}})/(?P<b>\d{{1,2}})/(?P<y>{_YEAR})(?![\d/])"),
    ("mdy", rf"\b(?:{_WEEKDAY},?\s+)?(?P<mon>{_MONTH_ANY})\s+(?P<d>{_DAY})(?:\s*[-–]\s*(?P<d2>{_DAY}))?\b(?:,?\s+(?P<y>{_YEAR})\b)?"),
    ("dmy", rf"(?<![\d,.])\b(?P<d>{_DAY})(?:\s+of)?\s+(?P<mon>{_MONTH_ANY})(?:,?\s+(?P<y>{_YEAR})\b)?"),
    ("month_year", rf"\b(?:(?P<mod>{_MODIFIER})[\s-]*)?(?P<mon>{_MONTH_ANY})(?:\s+of)?,?\s+(?P<y>{_YEAR})\b"),
    ("month", rf"\b(?:(?P<dir>{_DIRECTION})\s+|(?P<mod>{_MODIFIER})[\s-]*)?(?P<mon>{_MONTH_FULL})"),
    ("weekday", rf"\b(?:(?P<dir>{_DIRECTION})\s+)?(?P<wd>{_WEEKDAY})(?:\s+(?i:{alternation(_T['day_parts'])})\b)?"),
    ("relday", rf"\b(?P<rel>(?i:{alternation(_T['days'])}))\b|\b(?i:this)\s+(?i:{alternation(_T['day_parts'])})\b"),
    ("relperiod", rf"\b(?P<dir>{_DIRECTION})\s+(?P<unit>(?i:{alternation(_T['periods'])}))\b"),
    ("ago", rf"\b(?P<n>\d+|{WORDS}|(?i:an?))\s+(?P<unit>(?i:day|week|month|year))s?\s+(?i:ago)\b"),
    ("year_range", rf"(?<![\d$€£¥.,/])(?<!\d[-–])(?P<y>{_YEAR})\s*[-–/]\s*(?P<y2>\d{{4}}|\d{{2}})(?![\d%/]|,\d|\.\d)"),
    ("year", rf"(?<![\d$€£¥.,/])(?<!\d[-–])(?P<y>{_YEAR})(?![\d%/]|,\d|\.\d|[-–]\d|s\b)"),
    ("decade", rf"\b(?:(?i:the)\s+)?(?:(?i:early|mid|late)[\s-]+)?(?:(?P<y>(?:1\d|20)\d0)s\b|'(?P<yy>[1-9]0)s\b)"),
    ("century", rf"\b(?:(?i:the)\s+)?(?:(?i:early|mid|late)[\s-]+)?(?P<ord>\d{{1,2}}(?:st|nd|rd|th)|(?i:{ORDINAL_WORDS}))[\s-]+(?i:century)\b"),
    ("quarter", rf"\b(?:(?i:the)\s+)?(?:(?i:fiscal)\s+)?(?P<q>(?i:{alternation(_T['quarters'])}))[\s-]+(?i:quarter)\b(?:\s+(?:of\s+)?(?P<y>{_YEAR})\b)?"),
    ("quarter", rf"\bQ(?P<qn>[1-4])(?:\s*(?P<y>{_YEAR}))?\b"),
    ("clock", rf"(?<![\d:.])(?P<h>[01]?\d|2[0-3]):(?P<mi>[0-5]\d)(?:\s*(?P<ap>{_AMPM}))?(?:\s+{_ZONE})?(?![\d:])"),
    ("clock", rf"(?<![\d:.])(?P<h>1[0-2]|0?[1-9])(?:[.:](?P<mi>[0-5]\d))?\s*(?P<ap>{_AMPM})(?:\s+{_ZONE})?"),
    ("clock", rf"\b(?P<word>(?i:{alternation(_T['clock_words'])}))\b"),
]]
#: Rules that cannot match without a match of this pattern somewhere in the text, skipped
#: early on texts without one: one scan for a word is much cheaper than the rules' long
#: alternations tried at every position (number words and ordinals are the slowest).
_MONTH_GATE = re.compile(_MONTH_ANY)
GATES: dict[str, re.Pattern] = {
    "ago": re.compile(r"(?i:ago)"), "century": re.compile(r"(?i:century)"), "decade": re.compile(r"0s"),
    "weekday": re.compile(_WEEKDAY), "mdy": _MONTH_GATE, "dmy": _MONTH_GATE, "month_year": _MONTH_GATE,
    "month": _MONTH_GATE,
}

_RANGE_GAP = re.compile(r"\s*(?:-|–|—|(?i:to|until|till|through|thru|and))\s*")
_RANGE_OPENER = re.compile(r"(?<![\w-])(?P<w>(?i:between|from))\s+$")
_CLOCK_GAP = re.compile(r"\s*(?:,|(?i:at|on))?\s*")
_WORD_BEFORE = re.compile(r"([A-Za-z]+)[\s-]*$")
_POINT_GRANULARITIES = {"day", "week", "month", "quarter", "year"}


@dataclass
class Point:
    """A time expression found in the text, before ranges are formed."""

    start: int
    end: int
    value: TimeValue
    granularity: str
    #: Needs a lead word, a DATE entity or a range to count as a time.
    weak: bool = False
    #: (month, day or None) of an expression without a year, for ranges that give one.
    yearless: Optional[tuple[int, Optional[int]]] = None
    #: "HH:MM" of a clock time, to join with an adjacent day.
    clock: Optional[str] = None
    #: The year the expression writes out, lent to a yearless start of a range.
    year: Optional[int] = None


@dataclass
class Context:
    """What resolving one expression may look at."""

    doc: Doc
    #: ``doc.text``, which spaCy rebuilds on every access.
    text: str
    anchor: Optional[dt.date]
    date_ents: list[tuple[int, int]] = field(default_factory=list)

    @classmethod
    def of(cls, doc: Doc) -> "Context":
        return cls(doc, doc.text, timenorm.anchor_date(doc._.published),
                   [(e.start_char, e.end_char) for e in doc.ents if e.label_ in ("DATE", "TIME")])

    @functools.cached_property
    def token_starts(self) -> list[int]:
        return [t.idx for t in self.doc]

    def in_date_ent(self, start: int, end: int) -> bool:
        return any(s < end and start < e for s, e in self.date_ents)

    def lead(self, start: int) -> Optional[str]:
        m = _WORD_BEFORE.search(self.text, max(0, start - 24), start)
        return m.group(1).lower() if m else None

    def next_token(self, end: int) -> Optional[Token]:
        """The first non-space token starting at or after ``end``."""
        i = bisect.bisect_left(self.token_starts, end)
        while i < len(self.doc) and self.doc[i].is_space:
            i += 1
        return self.doc[i] if i < len(self.doc) else None

    def tense(self, start: int, end: int, default: int) -> int:
        """FUTURE for a clause with "will"/"shall" or an infinitive ("plans to meet on
        Friday"), PAST for a past tense or perfect, else ``default``."""
        span = self.doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            return default
        token = span.root
        for _ in range(4):
            if token.pos_ in ("VERB", "AUX") or token.head is token:
                break
            token = token.head
        aux = [c for c in token.children if c.dep_ in ("aux", "auxpass")]
        if any(c.lower_ in FUTURE_AUX for c in aux) or (token.tag_ == "VB" and any(c.lower_ == "to" for c in aux)):
            return FUTURE
        if any(c.tag_ == "MD" for c in aux):
            return default
        if token.tag_ == "VBD" or (token.tag_ == "VBN" and any(c.tag_ == "VBD" or c.lemma_ == "have" for c in aux)):
            return PAST  # "said", "was held", "has risen"; not "is planned"
        return default


Resolver = Callable[[re.Match, Context], Optional[Point]]


def _point(m: re.Match, value: TimeValue, granularity: str, **kw) -> Point:
    return Point(m.start(), m.end(), value, granularity, **kw)


def _direction(m: re.Match) -> Optional[int]:
    word = m.groupdict().get("dir")
    return DIRECTIONS[word.lower()] if word else None


def _month(name: str) -> int:
    return MONTHS[name.rstrip(".")]


def _calendar_day(m: re.Match, ctx: Context, month: int, day: int, year: Optional[str]) -> Optional[Point]:
    """A day with or without a year (and, with ``d2``, a span of days in one month)."""
    day2 = int(m.group("d2").rstrip("stndrh")) if m.groupdict().get("d2") else None
    if year:
        first, last = timenorm.make_date(int(year), month, day), timenorm.make_date(int(year), month, day2 or day)
        if first is None or last is None:
            return None
        if day2:
            return _point(m, [first.isoformat(), last.isoformat()], "range")
        return _point(m, first.isoformat(), "day", year=int(year))
    if ctx.anchor is None:
        return _point(m, None, "range" if day2 else "day", yearless=(month, day))
    first = timenorm.day_in_year(ctx.anchor, month, day, ctx.tense(m.start(), m.end(), NEAREST))
    if first is None:
        return None
    if day2:
        last = timenorm.make_date(first.year, month, day2)
        return _point(m, [first.isoformat(), last.isoformat()], "range") if last else None
    return _point(m, first.isoformat(), "day", yearless=(month, day))


def _iso(m: re.Match, ctx: Context) -> Optional[Point]:
    day = timenorm.make_date(int(m["y"]), int(m["m"]), int(m["d"]))
    return _point(m, day.isoformat(), "day", year=day.year) if day else None


def _slash(m: re.Match, ctx: Context) -> Optional[Point]:
    """US order (month/day/year) unless the first number cannot be a month."""
    a, b = int(m["a"]), int(m["b"])
    month, day = (b, a) if a > 12 else (a, b)
    found = timenorm.make_date(int(m["y"]), month, day)
    return _point(m, found.isoformat(), "day", year=found.year) if found else None


def _day_month(m: re.Match, ctx: Context) -> Optional[Point]:
    return _calendar_day(m, ctx, _month(m["mon"]), int(m["d"].rstrip("stndrh")), m["y"])


def _month_year(m: re.Match, ctx: Context) -> Optional[Point]:
    year = int(m["y"])
    return _point(m, timenorm.month_value(year * 12 + _month(m["mon"]) - 1), "month", year=year)


def _month_alone(m: re.Match, ctx: Context) -> Optional[Point]:
    token = ctx.doc.char_span(m.start("mon"), m.end("mon"), alignment_mode="expand")
    if token is not None and token.root.tag_ in ("MD", "VB", "VBP"):
        return None  # "May I ask", "March on"
    month, direction = _month(m["mon"]), _direction(m)
    weak = not (direction is not None or m["mod"] or ctx.lead(m.start()) in LEADS or ctx.in_date_ent(m.start(), m.end()))
    if ctx.anchor is None:
        return _point(m, None, "month", weak=weak, yearless=(month, None))
    if direction == 0:
        index = ctx.anchor.year * 12 + month - 1
    elif direction is not None:
        index = timenorm.month_in_year(ctx.anchor, month, direction, strict=True)
    else:
        index = timenorm.month_in_year(ctx.anchor, month, ctx.tense(m.start(), m.end(), NEAREST))
    return _point(m, timenorm.month_value(index), "month", weak=weak, yearless=(month, None))


def _weekday(m: re.Match, ctx: Context) -> Optional[Point]:
    if ctx.anchor is None:
        return _point(m, None, "day")
    wd, direction = WEEKDAYS[m["wd"]], _direction(m)
    if direction == 0:
        day = timenorm.weekday_this_week(ctx.anchor, wd)
    elif direction is not None:
        day = timenorm.weekday(ctx.anchor, wd, direction, strict=True)
    else:
        day = timenorm.weekday(ctx.anchor, wd, ctx.tense(m.start(), m.end(), PAST))
    return _point(m, day.isoformat(), "day")


def _relday(m: re.Match, ctx: Context) -> Optional[Point]:
    if ctx.anchor is None:
        return _point(m, None, "day")
    offset = _T["days"][m["rel"].lower()] if m["rel"] else 0
    return _point(m, (ctx.anchor + dt.timedelta(days=offset)).isoformat(), "day")


def _relperiod(m: re.Match, ctx: Context) -> Optional[Point]:
    unit = m["unit"].lower()
    if ctx.anchor is None:
        return _point(m, None, unit)
    return _point(m, *timenorm.shifted(ctx.anchor, unit, _direction(m)))


def _ago(m: re.Match, ctx: Context) -> Optional[Point]:
    n = m["n"].lower()
    if n.isdigit():
        count = int(n)
    elif n in ("a", "an"):
        count = 1
    else:
        parsed = parse_words(n)
        if parsed is None or parsed[1] != len(n):
            return None
        count = int(parsed[0])
    unit = m["unit"].lower()
    if ctx.anchor is None:
        return _point(m, None, unit)
    return _point(m, *timenorm.shifted(ctx.anchor, unit, -count))


def _year(m: re.Match, ctx: Context) -> Optional[Point]:
    year = int(m["y"])
    if not 1800 <= year <= 2100:
        return None
    after = ctx.next_token(m.end())
    if after is not None and after.lower_ in UNIT_WORDS:
        return None  # "1990 dlrs"
    lead = ctx.lead(m.start()) in LEADS
    counts = after is not None and after.tag_ in ("NNS", "NNPS")  # "2000 workers"
    weak = not (lead or ctx.in_date_ent(m.start(), m.end())) or (counts and not lead)
    return _point(m, timenorm.year_value(year), "year", weak=weak, year=year)


def _year_range(m: re.Match, ctx: Context) -> Optional[Point]:
    """"2010-2021", "2010-21", and crop or fiscal years "1986/87"."""
    first, tail = int(m["y"]), m["y2"]
    last = int(tail) if len(tail) == 4 else first // 100 * 100 + int(tail)
    slash = "/" in m.group()
    if not 1800 <= first < last <= 2100 or (slash and last != first + 1):
        return None
    return _point(m, [timenorm.year_value(first), timenorm.year_value(last)], "range")


def _decade(m: re.Match, ctx: Context) -> Optional[Point]:
    start = int(m["y"]) if m["y"] else 1900 + int(m["yy"])
    return _point(m, timenorm.decade_value(start), "decade")


def _century(m: re.Match, ctx: Context) -> Optional[Point]:
    number = parse_ordinal(m["ord"])
    return _point(m, timenorm.century_value(number), "century") if number else None


def _quarter(m: re.Match, ctx: Context) -> Optional[Point]:
    q = int(m["qn"]) if m.groupdict().get("qn") else _T["quarters"][m["q"].lower()]
    if m["y"]:
        return _point(m, timenorm.quarter_value(int(m["y"]) * 4 + q - 1), "quarter", year=int(m["y"]))
    if ctx.anchor is None:
        return _point(m, None, "quarter")
    index = timenorm.quarter_in_year(ctx.anchor, q, ctx.tense(m.start(), m.end(), NEAREST))
    return _point(m, timenorm.quarter_value(index), "quarter")


def _clock(m: re.Match, ctx: Context) -> Optional[Point]:
    """A clock time; it gets a value only when joined to an adjacent day."""
    if m.groupdict().get("word"):
        clock = _T["clock_words"][m["word"].lower()]
    else:
        hour, minute = int(m["h"]), int(m["mi"] or 0)
        ampm = (m["ap"] or "").lower().replace(".", "")
        if ampm == "pm" and hour < 12:
            hour += 12
        elif ampm == "am" and hour == 12:
            hour = 0
        clock = f"{hour:02d}:{minute:02d}"
    return _point(m, None, "time", clock=clock)


RESOLVERS: dict[str, Resolver] = {
    "iso": _iso, "slash": _slash, "mdy": _day_month, "dmy": _day_month, "month_year": _month_year,
    "month": _month_alone, "weekday": _weekday, "relday": _relday, "relperiod": _relperiod, "ago": _ago,
    "year_range": _year_range, "year": _year, "decade": _decade, "century": _century, "quarter": _quarter,
    "clock": _clock,
}


def _candidates(ctx: Context) -> list[Point]:
    found = []
    gated: dict[re.Pattern, bool] = {}
    for kind, pattern in RULES:
        gate = GATES.get(kind)
        if gate is not None:
            if gate not in gated:
                gated[gate] = gate.search(ctx.text) is not None
            if not gated[gate]:
                continue
        for m in pattern.finditer(ctx.text):
            point = RESOLVERS[kind](m, ctx)
            if point is not None:
                found.append(point)
    return found


def _longest_first(points: list[Point]) -> list[Point]:
    """Non-overlapping points, preferring longer ones (strong before weak on ties)."""
    kept: list[Point] = []
    for p in sorted(points, key=lambda p: (-(p.end - p.start), p.weak, p.start)):
        if all(p.end <= k.start or k.end <= p.start for k in kept):
            kept.append(p)
    return sorted(kept, key=lambda p: p.start)


def _ends(value: TimeValue) -> tuple[Optional[str], Optional[str]]:
    if isinstance(value, list):
        return value[0], value[-1]
    return value, value


def _with_year(p: Point, year: int) -> TimeValue:
    month, day = p.yearless
    if day is None:
        return timenorm.month_value(year * 12 + month - 1)
    found = timenorm.make_date(year, month, day)
    return found.isoformat() if found else None


def _range(text: str, a: Point, b: Point) -> Optional[Point]:
    """"between A and B", "from A to B", "A-B", "A through B" as one range, or None."""
    gap = _RANGE_GAP.fullmatch(text, a.end, b.start)
    if gap is None or a.granularity not in _POINT_GRANULARITIES or b.granularity not in _POINT_GRANULARITIES:
        return None
    opener = _RANGE_OPENER.search(text, max(0, a.start - 12), a.start)
    connector = gap.group().strip().lower()
    if (connector == "and") != bool(opener and opener.group("w").lower() == "between"):
        return None
    if a.weak and b.weak and opener is None:
        return None
    a_value = a.value
    if a.yearless and b.year is not None:
        a_value = _with_year(a, b.year)
        if a_value is not None and b.value is not None and _ends(a_value)[0] > _ends(b.value)[0]:
            a_value = _with_year(a, b.year - 1)
    low, high = _ends(a_value)[0], _ends(b.value)[1]
    start = opener.start() if opener else a.start
    value = [low, high] if low is not None and high is not None else None
    return Point(start, b.end, value, "range")


def _join_ranges(text: str, points: list[Point]) -> list[Point]:
    out: list[Point] = []
    for p in points:
        joined = _range(text, out[-1], p) if out else None
        if joined is not None:
            out[-1] = joined
        else:
            out.append(p)
    return out


def _join_clocks(text: str, points: list[Point]) -> list[Point]:
    """"Thursday at 3 p.m." / "3 p.m. Thursday": one point with the day and the time."""
    out: list[Point] = []
    for p in points:
        prev = out[-1] if out else None
        pair = None
        if prev is not None and _CLOCK_GAP.fullmatch(text, prev.end, p.start):
            if prev.granularity == "day" and p.clock:
                pair = prev, p
            elif prev.clock and p.granularity == "day":
                pair = p, prev
        if pair:
            day, clock = pair
            value = f"{day.value}T{clock.clock}" if isinstance(day.value, str) else None
            out[-1] = Point(prev.start, p.end, value, "time")
        else:
            out.append(p)
    return out


def find_times(doc: Doc) -> list[TimeRef]:
    ctx = Context.of(doc)
    points = _join_ranges(ctx.text, _longest_first(_candidates(ctx)))
    points = _join_clocks(ctx.text, [p for p in points if not p.weak])
    return [TimeRef(p.start, p.end, ctx.text[p.start:p.end], p.value, p.granularity) for p in points]


@Language.factory("newsgraph_times")
def make_times(nlp: Language, name: str):
    return doc_component("times", "times", find_times)
