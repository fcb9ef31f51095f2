"""Numbers as news writes them: figures with separators and fractions, and number words.

Shared by amounts ("two dozen", "7-1/2 pct") and times ("three years ago", "the
twenty-first century"); scale words ("million", "bn") are applied by the callers.
"""
from __future__ import annotations

import re
from typing import Optional

from newsgraph.nlp import lexicon

_WORDS = lexicon.load("numbers.json")
UNITS: dict[str, int] = _WORDS["units"]
TENS: dict[str, int] = _WORDS["tens"]
MULTIPLIERS: dict[str, int] = _WORDS["multipliers"]
SCALES: dict[str, float] = _WORDS["scales"]
MONEY_SCALES: dict[str, float] = _WORDS["money_scales"]


def alternation(words) -> str:
    """A regex alternation of ``words``, longest first so that the longest one wins."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


#: A figure: "10,000", "30.5", ".5", a fraction "1/4" or a mixed fraction "7-1/2".
FIGURE = r"\d+[- ][1-9]/(?:2|3|4|8|16|32)(?!\d)|[1-9]/(?:2|3|4|8|16|32)(?![\d/])|\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+"

_NUMBER_WORD = alternation([*UNITS, *TENS, *MULTIPLIERS, *SCALES])
#: A run of number words ("twenty-five", "two dozen", "a hundred and fifty");
#: ``parse_words`` decides how much of it is one number.
_BEFORE_SCALE = rf"(?=\s+(?:{alternation([*MULTIPLIERS, *SCALES])})\b)"
WORDS = rf"(?i:\b(?:(?:half\s+)?a{_BEFORE_SCALE}|(?:{_NUMBER_WORD})\b)(?:(?:\s+|-)(?:and\s+)?(?:{_NUMBER_WORD})\b)*)"

_FRACTION = re.compile(r"(?:(\d+)[- ])?(\d+)/(\d+)")


def parse_figure(text: str) -> float:
    """The value of a FIGURE match."""
    fraction = _FRACTION.fullmatch(text)
    if fraction:
        whole, num, den = fraction.groups()
        return int(whole or 0) + int(num) / int(den)
    return float(text.replace(",", ""))


def parse_words(text: str) -> Optional[tuple[float, int]]:
    """(value, length of the prefix of ``text`` that forms one number) for a run of number
    words, or None.  The grammar stops at the first word that cannot continue the number,
    so "two and three" yields 2 and "one two" yields 1; "half a million" is 500,000."""
    total, current, prev, end = 0.0, 0.0, None, 0
    for m in re.finditer(r"[A-Za-z]+", text):
        word = m.group().lower()
        if word == "and" and prev in ("multiplier", "scale"):
            continue
        if word == "half" and prev is None:
            kind, current = "half", 0.5
        elif word == "a" and prev in (None, "half"):
            kind, current = "a", current or 1.0
        elif word in UNITS and (prev in (None, "multiplier", "scale") or (prev == "tens" and UNITS[word] < 10)):
            kind, current = "unit", current + UNITS[word]
        elif word in TENS and prev in (None, "multiplier", "scale"):
            kind, current = "tens", current + TENS[word]
        elif word in MULTIPLIERS and prev in ("a", "unit", "tens"):
            kind, current = "multiplier", current * MULTIPLIERS[word]
        elif word in SCALES and prev in ("a", "unit", "tens", "multiplier"):
            kind, total, current = "scale", total + current * SCALES[word], 0.0
        else:
            break
        prev, end = kind, m.end()
    if prev in (None, "a"):
        return None
    return total + current, end


def parse_ordinal(text: str) -> Optional[int]:
    """21 for "21st" or "twenty-first", None when ``text`` is no ordinal."""
    text = text.strip().lower()
    digits = re.fullmatch(r"(\d+)(?:st|nd|rd|th)", text)
    if digits:
        return int(digits.group(1))
    parts = re.split(r"[\s-]+", text)
    ordinal_units, ordinal_tens = _WORDS["ordinal_units"], _WORDS["ordinal_tens"]
    if len(parts) == 1:
        return ordinal_units.get(parts[0]) or ordinal_tens.get(parts[0])
    if len(parts) == 2 and parts[0] in TENS and parts[1] in ordinal_units and ordinal_units[parts[1]] < 10:
        return TENS[parts[0]] + ordinal_units[parts[1]]
    return None


#: Ordinal words for regexes ("first" ... "thirtieth", compounds like "twenty-first").
ORDINAL_WORDS = rf"(?:(?:{alternation(TENS)})-)?(?:{alternation([*_WORDS['ordinal_units'], *_WORDS['ordinal_tens']])})"
