"""Quantities in running text: a figure or number words with the currency, scale, unit,
range and qualifier around it ("some $30.5 billion", "between 5 and 7 percent",
"10,000-plus", "1.2 mln barrels per day").

Pure text scanning (spaCy's tokens split "$30.5bn" and "3–4" inconsistently, so the
figures are read from characters).  Whether a quantity is an amount at all, and what it
counts, is decided on the parse by ``newsgraph.nlp.amounts``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from newsgraph.nlp import lexicon
from newsgraph.nlp.numbers import FIGURE, MONEY_SCALES, SCALES, WORDS, alternation, parse_figure, parse_words

_UNITS = lexicon.load("units.json")
_CONTEXT = lexicon.load("amounts.json")


@dataclass(frozen=True)
class Unit:
    name: str
    #: "currency", "percent" or "measure"
    kind: str
    #: Value multiplier: 0.01 for cents and pence.
    factor: float = 1.0


def _unit_table() -> tuple[dict[str, Unit], dict[str, Unit], dict[str, Unit], dict[str, Unit]]:
    """(money and percent words after a figure, matched in any case; measures after a
    figure, matched as written, so that table headings like "Year" are not units; codes
    after a figure; symbols before it)."""
    words: dict[str, Unit] = {}
    measures: dict[str, Unit] = {}
    codes: dict[str, Unit] = {}
    symbols: dict[str, Unit] = {}
    for code, forms in _UNITS["currencies"].items():
        unit = Unit(code, "currency")
        words.update({w: unit for w in forms["words"]})
        words.update({w: Unit(code, "currency", 0.01) for w in forms.get("minor", [])})
        symbols.update({s: unit for s in forms["symbols"]})
        codes.update({s: unit for s in forms["symbols"] if re.fullmatch(r"[A-Z]{3}", s)})
    for name, forms in _UNITS["percent"].items():
        words.update({w: Unit(name, "percent") for w in forms})
    for name, forms in _UNITS["measures"].items():
        measures.update({w: Unit(name, "measure") for w in forms})
    measures.update({w: Unit(name, "measure") for w, name in _UNITS["rate_units"].items()})
    return words, measures, codes, symbols


UNIT_WORDS, MEASURES, UNIT_CODES, CURRENCY_SYMBOLS = _unit_table()
#: A unit found after a figure and where it ends.
UnitAt = Optional[tuple[Unit, int]]
RATES: dict[str, str] = {form: per for per, forms in _UNITS["rates"].items() for form in forms}
QUALIFIERS: dict[str, str] = {p: q for q, phrases in _CONTEXT["qualifiers"].items() for p in phrases}
TRAILING_QUALIFIERS: dict[str, str] = {p: q for q, phrases in _CONTEXT["trailing_qualifiers"].items() for p in phrases}


def _phrases(items) -> str:
    """An alternation of phrases in which any run of white space matches a space."""
    return alternation(items).replace(r"\ ", r"\s+")


def _key(text: str) -> str:
    return " ".join(text.lower().split())


#: Between a figure and its scale or unit: a hyphen, or spaces with at most one line break
#: (wire copy wraps "30.5\nmln dlrs").
_GAP = r"(?:-|[ \t\u00a0]*\n?[ \t\u00a0]*)"
_SYMBOL = rf"(?:(?<![A-Za-z])(?:{alternation(CURRENCY_SYMBOLS)}))"
_NUMBER = rf"(?:(?P<fig>{FIGURE})|(?P<words>{WORDS}))"
_FIRST = re.compile(rf"(?<![\w.,:/])(?<!\d-){_NUMBER}")
#: What every phone number has; searched first because _PHONE is slow to fail.
_PHONE_CORE = re.compile(r"\d{3}[\s.-]\d{4}|\+\d")
_PHONE = re.compile(r"\+\d{1,3}(?:[\s.-]\(?\d{1,5}\)?){2,5}(?!\w|[,.]\d)|(?<![\w.,])(?:\(\d{2,4}\)\s?|\d{2,4}[\s.-])?\d{3}[\s.-]\d{4}(?!\w|[,.]\d)")
_SIDE = re.compile(rf"(?:(?P<sym>{_SYMBOL})\s?)?{_NUMBER}")
_SYMBOL_BEFORE = re.compile(rf"(?P<sym>{_SYMBOL})\s?$")
_SCALE = re.compile(rf"{_GAP}(?P<scale>(?i:{alternation(SCALES)}))\b|(?P<money>{alternation(MONEY_SCALES)})\b")
_UNIT = re.compile(rf"{_GAP}(?:(?P<word>(?i:{_phrases(UNIT_WORDS)}))|(?P<measure>{_phrases(MEASURES)})|(?P<code>{alternation(UNIT_CODES)}))(?![\w])")
_RATE = re.compile(rf"\s*(?P<rate>(?i:{_phrases(RATES)}))\b")
_OF = re.compile(r"\s+of\b")
_RANGE = re.compile(r"\s*(?:(?P<dash>[-–—])|(?P<word>(?i:to|and|or))\s)\s*")
_QUALIFIER_BEFORE = re.compile(rf"(?<![\w-])(?P<q>(?i:{_phrases(QUALIFIERS)}))\s+$")
_OPENER_BEFORE = re.compile(r"(?<![\w-])(?P<w>(?i:between|from|by))\s+$")
_MINUS_BEFORE = re.compile(r"(?<![\w-])(?i:minus)\s+$")
_QUALIFIER_AFTER = re.compile(rf"(?:\s+|(?=-))(?P<q>(?i:{_phrases(TRAILING_QUALIFIERS)}))(?![\w])")
_GLUED_AFTER = re.compile(r"\w|[/:.,]\d")
_ID_BEFORE = re.compile(r"(?:[A-Za-z]-|#)$")


@dataclass
class Side:
    """One number with its currency symbol and scale: "$30.5 billion", "two dozen"."""

    start: int
    end: int
    value: float
    symbol: Optional[Unit] = None
    scale: float = 1.0
    words: bool = False
    #: The figure is a plain integer ("1987", "17"): no separators, decimals or fraction.
    plain: bool = False


@dataclass
class Quantity:
    """A quantity found in the text: [start, end) takes in its qualifier, currency and unit."""

    start: int
    end: int
    value: float
    unit: Optional[str] = None
    qualifier: Optional[str] = None
    range: Optional[list[float]] = None
    #: Where the number itself is (without qualifier, symbol and unit).
    number_start: int = 0
    number_end: int = 0
    #: No currency, scale or unit: a candidate year, id or pronoun-like "one".
    bare: bool = False
    words: bool = False
    plain: bool = False


def _number(m: re.Match) -> Optional[tuple[float, int, bool]]:
    """(value, end, given in words) of a _NUMBER match; words may stop early."""
    if m.group("fig"):
        return parse_figure(m.group("fig")), m.end("fig"), False
    parsed = parse_words(m.group("words"))
    if parsed is None:
        return None
    return parsed[0], m.start("words") + parsed[1], True


def _side(text: str, m: re.Match, symbol: Optional[Unit], start: int) -> Optional[Side]:
    number = _number(m)
    if number is None:
        return None
    value, end, words = number
    side = Side(start, end, value, symbol, words=words, plain=bool(m.group("fig") and m.group("fig").isdigit()))
    scale = _SCALE.match(text, end)
    if scale and scale.group("scale") and not words:
        side.scale, side.end = SCALES[scale.group("scale").lower()], scale.end()
    elif scale and scale.group("money") and symbol is not None and not words:
        side.scale, side.end = MONEY_SCALES[scale.group("money")], scale.end()
    return side


def _unit(text: str, pos: int) -> UnitAt:
    m = _UNIT.match(text, pos)
    if m is None:
        return None
    if m.group("code"):
        return UNIT_CODES[m.group("code")], m.end()
    if m.group("measure"):
        form = " ".join(m.group("measure").split())
        unit = MEASURES[form]
    else:
        form = _key(m.group("word"))
        unit = UNIT_WORDS[form]
    end = m.end()
    weight = _UNITS["weight_before_of"].get(form)
    if weight and _OF.match(text, end):
        return Unit(weight, "measure"), end  # "10 pounds of cocaine"
    rate = _RATE.match(text, end) if unit.kind == "measure" and "/" not in unit.name else None
    if rate:
        return Unit(f"{unit.name}/{RATES[_key(rate.group('rate'))]}", "measure"), rate.end()
    return unit, end


def _first_side(text: str, m: re.Match) -> Optional[Side]:
    symbol = _SYMBOL_BEFORE.search(text, max(0, m.start() - 6), m.start())
    if symbol:
        return _side(text, m, CURRENCY_SYMBOLS[symbol.group("sym")], symbol.start())
    return _side(text, m, None, m.start())


def _upper(text: str, low: Side, low_unit: UnitAt, end: int) -> tuple[Optional[Side], UnitAt, bool]:
    """(upper end, its unit, whether the pair is a score) of a range after ``low``."""
    joiner = _RANGE.match(text, end)
    second = _SIDE.match(text, joiner.end()) if joiner else None
    if second is None:
        return None, None, False
    symbol = CURRENCY_SYMBOLS[second.group("sym")] if second.group("sym") else None
    high = _side(text, second, symbol, second.start())
    if high is None:
        return None, None, False
    high_unit = _unit(text, high.end)
    opener = _OPENER_BEFORE.search(text, max(0, low.start - 10), low.start)
    if _is_range(joiner, opener, low, low_unit, high, high_unit):
        return high, high_unit, False
    score = bool(joiner.group("dash")) and high.value <= low.value and not (low_unit or high_unit)
    return (high if score else None), None, score  # "3-1": a score or a vote


def _lead(text: str, start: int, ranged: bool) -> tuple[int, Optional[str], float]:
    """(start, qualifier, sign) once "between", a qualifier or "minus" before the number are taken in."""
    qualifier, sign = None, 1.0
    minus = _MINUS_BEFORE.search(text, max(0, start - 8), start)
    if minus:
        start, sign = minus.start(), -1.0
    opener = _OPENER_BEFORE.search(text, max(0, start - 10), start) if ranged else None
    before = _QUALIFIER_BEFORE.search(text, max(0, start - 24), start)
    if opener and opener.group("w").lower() == "between":
        start = opener.start()
    elif before:
        start, qualifier = before.start(), QUALIFIERS[_key(before.group("q"))]
    return start, qualifier, sign


def _quantity(text: str, m: re.Match) -> tuple[Optional[Quantity], int]:
    """The quantity at the number ``m`` (or None when it is none) and where it ends."""
    low = _first_side(text, m)
    if low is None:
        return None, m.end()
    if _ID_BEFORE.search(text, max(0, low.start - 2), low.start):
        return None, low.end  # "COVID-19", "F-16", "#1"
    low_unit = _unit(text, low.end)
    end = low_unit[1] if low_unit else low.end
    high, high_unit, score = _upper(text, low, low_unit, end)
    if score:
        return None, high.end
    if high is not None:
        end = high_unit[1] if high_unit else high.end
        if low.scale == 1.0 and high.scale != 1.0 and low.value < high.value:
            low.scale = high.scale  # "$3-4 billion"
    written = high_unit or low_unit
    unit = written[0] if written else low.symbol or (high.symbol if high else None)
    factor = unit.factor if unit else 1.0
    start, qualifier, sign = _lead(text, low.start, high is not None)
    after = _QUALIFIER_AFTER.match(text, end)
    if after and qualifier is None and high is None:
        end, qualifier = after.end(), TRAILING_QUALIFIERS[_key(after.group("q"))]
    if _GLUED_AFTER.match(text, end):
        return None, end  # "5G", "30th", "24/7", "16:30"
    return Quantity(
        start, end, sign * low.value * low.scale * factor,
        unit=unit.name if unit else None, qualifier=qualifier,
        range=[sign * low.value * low.scale * factor, high.value * high.scale * factor] if high else None,
        number_start=m.start(), number_end=high.end if high else low.end,
        bare=unit is None and low.scale == 1.0 and high is None, words=low.words, plain=low.plain and high is None,
    ), end


def _is_range(joiner: re.Match, opener: Optional[re.Match], low: Side, low_unit: UnitAt, high: Side, high_unit: UnitAt) -> bool:
    """"3-4", "between 5 and 7", "5 to 7 percent", "two or three"; not "from 5 to 7"
    or "by 1.5 million to 67 million" (changes), not "5 pct to 1.2 billion dlrs" (two
    measures)."""
    word = (joiner.group("word") or "").lower()
    opened_by = opener.group("w").lower() if opener else None
    if word == "and" and opened_by != "between":
        return False
    if word == "to" and opened_by in ("from", "by"):
        return False
    if word == "or" and (low_unit or low.scale != 1.0 or low.symbol):
        return False
    if low_unit and high_unit and low_unit[0] != high_unit[0]:
        return False
    if low_unit and not high_unit or (low.symbol and high.symbol and low.symbol != high.symbol):
        return False
    low_value = low.value * (low.scale if low.scale != 1.0 or low.value >= high.value else high.scale)
    return low_value < high.value * high.scale


def scan(text: str) -> list[Quantity]:
    """Every quantity in ``text``, left to right, not overlapping."""
    found: list[Quantity] = []
    pos = 0
    phones = [(p.start(), p.end()) for p in _PHONE.finditer(text)] if _PHONE_CORE.search(text) else []
    for m in _FIRST.finditer(text):
        if m.start() < pos:
            continue
        phone = next((end for start, end in phones if start <= m.start() < end), None)
        if phone is not None:
            pos = phone
            continue
        quantity, pos = _quantity(text, m)
        if quantity is not None:
            found.append(quantity)
    return found
