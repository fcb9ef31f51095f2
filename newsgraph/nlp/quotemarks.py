"""Quotation marks paired into quoted stretches of text, before any parsing.

Works on the raw string so that every mark style is handled the same way: straight and
curly quotes, guillemets, low-9 marks (German „…“), the doubled ``''`` of NYT text, and
single quotes (told apart from apostrophes by what stands on either side).  A quotation
left open at the end of a paragraph continues when the next paragraph opens with a mark
(wire style); otherwise it ends with its paragraph, so an odd mark costs one paragraph at
most and never the rest of the article.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterator, Optional

#: Every mark we pair; the doubled ASCII forms first so they win over single characters.
_MARK = re.compile("''|``|[\"\u201c\u201d\u201e\u201f\u00ab\u00bb\u2018\u2019\u201a\u201b\u2039\u203a']")
_PARAGRAPH = re.compile(r"[^\n]+")

#: mark -> (family, role); role "either" is decided from the characters around the mark.
_KIND: dict[str, tuple[str, str]] = {
    "``": ("double", "open"), "''": ("double", "either"), '"': ("double", "either"),
    "\u201c": ("double", "open"), "\u201d": ("double", "close"), "\u201e": ("double", "open"),
    "\u201f": ("double", "open"), "\u00ab": ("double", "open"), "\u00bb": ("double", "close"),
    "\u2018": ("single", "open"), "\u2019": ("single", "close"), "\u201a": ("single", "open"),
    "\u201b": ("single", "open"), "\u2039": ("single", "open"), "\u203a": ("single", "close"),
    "'": ("single", "either"),
}
#: Characters after which a mark opens rather than closes.
_OPENING_CONTEXT = set(" \t\n([{\u2014\u2013-/:") | {"\u00a0"}


@dataclass(frozen=True)
class Quoted:
    """The inside of one pair of marks: ``start``/``end`` exclude the marks themselves."""

    start: int
    end: int
    open_mark: int
    #: Offset of the closing mark, None when the quotation was never closed.
    close_mark: Optional[int]
    #: "double" or "single".
    family: str
    #: True when the quotation runs on over one or more paragraph breaks.
    continued: bool = False


@dataclass(frozen=True)
class _Mark:
    start: int
    end: int
    family: str
    role: str


def find_quoted(text: str) -> list[Quoted]:
    """Top-level quoted stretches of ``text`` in order (marks nested inside them are left
    to the quotation they belong to)."""
    paragraphs = [(m.start(), m.end()) for m in _PARAGRAPH.finditer(text)]
    marks = [list(_marks(text, a, b)) for a, b in paragraphs]
    out: list[Quoted] = []
    carried: Optional[_Mark] = None  # an opening mark whose quotation crossed a paragraph break
    for i, (_, p_end) in enumerate(paragraphs):
        para = marks[i][1:] if carried is not None else marks[i]
        still_open = _pair(text, para, carried, out)
        carried = None
        if still_open is None:
            continue
        if i + 1 < len(paragraphs) and _reopens(text, marks[i + 1], paragraphs[i + 1][0]):
            carried = still_open
        else:
            _emit(text, out, still_open, p_end, None)
    return [q for q in out if text[q.start:q.end].strip()]


def _reopens(text: str, marks: list[_Mark], start: int) -> bool:
    """Wire style: a paragraph that opens with a mark continues an unclosed quotation."""
    while start < len(text) and text[start] in " \t\u00a0":
        start += 1
    return bool(marks) and marks[0].start == start and marks[0].family == "double" \
        and marks[0].role != "close"


def _marks(text: str, start: int, end: int) -> Iterator[_Mark]:
    for m in _MARK.finditer(text, start, end):
        family, role = _KIND[m.group()]
        before = text[m.start() - 1] if m.start() > start else " "
        after = text[m.end()] if m.end() < end else " "
        if family == "single" and not _is_single_mark(role, before, after):
            continue
        yield _Mark(m.start(), m.end(), family, _role(role, before, after))


def _is_single_mark(role: str, before: str, after: str) -> bool:
    """A single quote is a mark, not an apostrophe, only at a word's edge (``don't``,
    ``'90s`` and ``Jones's`` are words)."""
    if before.isalnum() and after.isalnum():
        return False
    if role == "open" or (role == "either" and before in _OPENING_CONTEXT):
        return after.isalpha() or after in "\"\u201c"
    return not after.isalnum() and not before.isspace()


def _role(role: str, before: str, after: str) -> str:
    """Context overrides the glyph where writers mix them up (``word“`` closes)."""
    opens = before in _OPENING_CONTEXT or before in "\"\u201c\u2018"
    closes = after.isspace() or after in ".,;:!?)]}\u2014\u2013-\"\u201d\u2019'"
    if role == "either":
        return "open" if opens and not closes else "close" if closes and not opens else "either"
    if role == "open" and not before.isspace() and not opens and closes:
        return "close"
    if role == "close" and opens and after.isalnum():
        return "open"
    return role


def _pair(text: str, marks: list[_Mark], carried: Optional[_Mark], out: list[Quoted]) -> Optional[_Mark]:
    """Pair the marks of one paragraph; returns the double mark still open at its end.
    A second opening mark inside a quotation nests (a quote within a quote) when enough
    closing marks follow for both, else it means the first was never closed.  Single
    quotes pair only outside double ones and never across a paragraph."""
    double, single, depth = carried, None, 1 if carried is not None else 0
    for k, mark in enumerate(marks):
        if mark.family == "double":
            if double is None:
                if mark.role != "close":
                    double, single, depth = mark, None, 1
            elif mark.role == "open" and not _closes_glyph(text, double, mark):
                if _closers_ahead(marks, k) > depth:
                    depth += 1
                else:  # the first one was never closed
                    _emit(text, out, double, mark.start, None)
                    double, depth = mark, 1
            elif depth > 1:
                depth -= 1
            else:
                _emit(text, out, double, mark.start, mark.start)
                double, depth = None, 0
        elif double is None:
            if single is None:
                if mark.role != "close":
                    single = mark
            elif mark.role != "open":
                _emit(text, out, single, mark.start, mark.start)
                single = None
    return double


def _closers_ahead(marks: list[_Mark], k: int) -> int:
    """Double marks after ``marks[k]`` that can close a quotation."""
    return sum(1 for m in marks[k + 1:] if m.family == "double" and m.role != "open")


def _closes_glyph(text: str, opener: _Mark, mark: _Mark) -> bool:
    """German and some typesetters close „ with “, which is otherwise an opening mark."""
    return text[opener.start:opener.end] == "\u201e" and text[mark.start:mark.end] == "\u201c"


def _emit(text: str, out: list[Quoted], opener: _Mark, end: int, close: Optional[int]) -> None:
    start = opener.end
    while end > start and text[end - 1].isspace():
        end -= 1
    while start < end and text[start].isspace():
        start += 1
    out.append(Quoted(start, end, opener.start, close, opener.family, "\n" in text[start:end]))
