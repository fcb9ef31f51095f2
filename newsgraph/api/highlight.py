"""An article's text as HTML with its Record's spans marked.

Quotes form the outer layer; speakers, entity mentions, amounts and times the inner one,
nested inside quotes where they fall.  Where marks of one layer overlap, the earlier
(then longer, then higher-priority) wins.  Every piece of text is escaped here; the result
is ``Markup`` so the template does not escape it twice.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from markupsafe import Markup, escape

from newsgraph.model import Record
from newsgraph.resolve.corpus import corpus_id

#: Inner marks in order of precedence when they overlap.
PRIORITY = {"speaker": 0, "entity": 1, "amount": 2, "time": 3}


@dataclass
class Mark:
    start: int
    end: int
    kind: str
    css: str
    href: Optional[str] = None
    title: Optional[str] = None
    anchor: Optional[str] = None

    def open(self) -> str:
        attrs = f' class="{escape(self.css)}"'
        if self.anchor:
            attrs += f' id="{escape(self.anchor)}"'
        if self.title:
            attrs += f' title="{escape(self.title)}"'
        if self.href:
            return f'<a href="{escape(self.href)}"{attrs}>'
        return f"<span{attrs}>"

    def close(self) -> str:
        return "</a>" if self.href else "</span>"


def entity_href(entity_id: str) -> str:
    return f"/entities/{entity_id}"


def marks(record: Record) -> tuple[list[Mark], list[Mark]]:
    """(quote marks, inner marks) for ``record``."""
    glob = {e.id: corpus_id(e) for e in record.entities}
    by_id = {e.id: e for e in record.entities}
    outer = []
    for i, q in enumerate(record.quotes):
        speaker = by_id.get(q.speaker).name if q.speaker in by_id else q.speaker_name
        outer.append(Mark(q.start, q.end, "quote", f"quote quote-{q.kind}", anchor=f"q{i}",
                          title=f"{q.kind} quote" + (f" \u2014 {speaker}" if speaker else "")))
    inner = []
    for q in record.quotes:
        sm = q.speaker_mention
        if sm is not None and q.speaker in glob:
            inner.append(Mark(sm.start, sm.end, "speaker", "speaker", entity_href(glob[q.speaker]),
                              f"speaker: {by_id[q.speaker].name}"))
    for e in record.entities:
        for m in e.mentions:
            inner.append(Mark(m.start, m.end, "entity", f"ent ent-{e.type}", entity_href(glob[e.id]),
                              f"{e.type}: {e.name}"))
    for a in record.amounts:
        value = f"{a.value:,.10g}" if a.value is not None else "?"
        inner.append(Mark(a.start, a.end, "amount", "amount",
                          title=" ".join(x for x in (a.qualifier, value, a.unit, a.object and f"({a.object})") if x)))
    for t in record.times:
        value = " \u2013 ".join(t.value) if isinstance(t.value, list) else (t.value or "?")
        inner.append(Mark(t.start, t.end, "time", "time", title=f"{t.granularity or 'time'}: {value}"))
    return _disjoint(outer, lambda m: 0), _disjoint(inner, lambda m: PRIORITY[m.kind])


def _disjoint(items: list[Mark], rank) -> list[Mark]:
    """Non-overlapping marks: by precedence, then earliest, then longest."""
    chosen: list[Mark] = []
    for m in sorted(items, key=lambda m: (rank(m), m.start, -(m.end - m.start))):
        if m.end > m.start and not any(m.start < c.end and c.start < m.end for c in chosen):
            chosen.append(m)
    return sorted(chosen, key=lambda m: m.start)


def render(text: str, record: Record) -> Markup:
    """``text`` escaped, with the Record's marks as nested elements."""
    outer, inner = marks(record)
    # An inner mark crossing a quote's edge cannot nest; it is left out.
    inner = [m for m in inner if not any(m.start < q.start < m.end or m.start < q.end < m.end for q in outer)]
    out: list[str] = []
    pos = 0
    for q in outer:
        out.append(_inline(text, pos, q.start, inner))
        out.append(q.open() + _inline(text, q.start, q.end, inner) + q.close())
        pos = q.end
    out.append(_inline(text, pos, len(text), inner))
    return Markup("".join(out))


def _inline(text: str, start: int, end: int, inner: list[Mark]) -> str:
    out, pos = [], start
    for m in inner:
        if m.start >= start and m.end <= end:
            out.append(str(escape(text[pos:m.start])))
            out.append(m.open() + str(escape(text[m.start:m.end])) + m.close())
            pos = m.end
    out.append(str(escape(text[pos:end])))
    return "".join(out)
