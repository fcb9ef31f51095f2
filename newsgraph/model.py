"""The data contract: plain dataclasses passed between every stage.

Every extraction carries character offsets into ``Article.text`` and its ``text``
always equals ``article.text[start:end]``.  ``Record.to_dict()`` gives the JSON form
documented in ARCHITECTURE.md; ``Record.from_dict()`` reads it back.  Nothing here
imports spaCy or SQL: this module is what the rest of the world sees.
"""
from __future__ import annotations

import dataclasses
import functools
import hashlib
import json
import types
import typing
from dataclasses import dataclass, field
from typing import Any, Optional, Union

#: A time value: "YYYY[-MM[-DD]]" or a ["from", "to"] pair, or None when unknown.
TimeValue = Union[str, list[str], None]


@dataclass
class Span:
    """A stretch of ``article.text``; the base of every extraction."""

    start: int
    end: int
    text: str


@dataclass
class Article:
    """One input document; ``text`` is the body after the reader removed any header."""

    id: str
    text: str
    source: Optional[str] = None
    url: Optional[str] = None
    title: Optional[str] = None
    published: Optional[str] = None
    language: Optional[str] = "en"
    #: Reader-specific extras (authors, JSONL fields beyond the known ones, ...).
    meta: dict[str, Any] = field(default_factory=dict)

    @property
    def content_hash(self) -> str:
        """Identity of the content for idempotent ingest (text and date, not the id)."""
        h = hashlib.sha256()
        h.update((self.published or "").encode())
        h.update(b"\0")
        h.update(self.text.encode("utf-8", "surrogatepass"))
        return h.hexdigest()


@dataclass
class Mention(Span):
    #: "name" | "nominal" | "pronoun"
    kind: str = "name"


@dataclass
class Entity:
    id: str
    name: str
    type: str
    kb_id: Optional[str] = None
    roles: list[str] = field(default_factory=list)
    country: Optional[str] = None
    lat: Optional[float] = None
    lon: Optional[float] = None
    #: ISO 3166 alpha-2 codes of the members of a region.
    members: list[str] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    #: Set when a capital or city stands for its state ("Moscow said ...").
    metonym_for: Optional[str] = None


def next_entity_id(entities: list[Entity]) -> str:
    """An id no entity of the article has ("e" and one more than the highest number): a
    component adding an entity after others were dropped must not reuse one."""
    ids = [int(e.id[1:]) for e in entities if e.id[:1] == "e" and e.id[1:].isdigit()]
    return f"e{max(ids, default=0) + 1}"


@dataclass
class Quote(Span):
    #: "direct" | "partial" | "indirect"
    kind: str = "direct"
    speaker: Optional[str] = None
    speaker_name: Optional[str] = None
    speaker_mention: Optional[Span] = None
    cue: Optional[str] = None
    medium: Optional[str] = None
    confidence: float = 0.0


@dataclass
class Amount(Span):
    value: Optional[float] = None
    unit: Optional[str] = None
    qualifier: Optional[str] = None
    object: Optional[str] = None
    period: Optional[list[str]] = None
    speaker: Optional[str] = None
    #: [low, high] for ranges ("$3-4 billion"); ``value`` then holds the low end.
    range: Optional[list[float]] = None


@dataclass
class TimeRef(Span):
    value: TimeValue = None
    #: "day" | "week" | "month" | "quarter" | "year" | "range" | "decade" | "century" | "time"
    granularity: Optional[str] = None


@dataclass
class Event(Span):
    source: Optional[str] = None
    target: Optional[str] = None
    code: str = ""
    root: str = ""
    quad_class: int = 0
    goldstein: float = 0.0
    source_actor: Optional[str] = None
    target_actor: Optional[str] = None
    negated: bool = False


@dataclass
class Tone:
    score: float = 0.0
    positive: float = 0.0
    negative: float = 0.0
    polarity: float = 0.0


@dataclass
class Theme(Span):
    name: str = ""


@dataclass
class Repeat:
    a: Span
    b: Span
    similarity: float


@dataclass
class Record:
    article: Article
    entities: list[Entity] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    amounts: list[Amount] = field(default_factory=list)
    times: list[TimeRef] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    tone: Tone = field(default_factory=Tone)
    themes: list[Theme] = field(default_factory=list)
    repeats: list[Repeat] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return _plain(self)

    def to_json(self, indent: Optional[int] = None) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Record":
        return _build(cls, data)

    @classmethod
    def from_json(cls, text: str) -> "Record":
        return cls.from_dict(json.loads(text))

    def spans(self) -> typing.Iterator[Span]:
        """Every span in the Record, for offset checks."""
        for e in self.entities:
            yield from e.mentions
        for q in self.quotes:
            yield q
            if q.speaker_mention is not None:
                yield q.speaker_mention
        yield from self.amounts
        yield from self.times
        yield from self.events
        yield from self.themes
        for r in self.repeats:
            yield r.a
            yield r.b


def make_span(text: str, start: int, end: int) -> Span:
    """A Span over ``text`` whose ``text`` field is right by construction."""
    return Span(start, end, text[start:end])


def _plain(value: Any) -> Any:
    """``dataclasses.asdict`` without its deep copy of every leaf, which made it the
    costliest step after extraction: a Record is a tree of dataclasses, lists, dicts and
    JSON scalars, so fresh containers over the same scalars are a full copy."""
    names = _field_names(type(value))
    if names is not None:
        return {name: _plain(getattr(value, name)) for name in names}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


@functools.lru_cache(maxsize=None)
def _field_names(tp: type) -> Optional[tuple[str, ...]]:
    """A dataclass's field names, or None for any other type."""
    return tuple(f.name for f in dataclasses.fields(tp)) if dataclasses.is_dataclass(tp) else None


def _build(tp: Any, data: Any) -> Any:
    """Rebuild nested dataclasses from their ``asdict`` form, following type hints."""
    if data is None:
        return None
    origin = typing.get_origin(tp)
    if origin in (Union, types.UnionType):
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        # Union[str, list[str]] and friends: keep JSON values as they are.
        return _build(args[0], data) if len(args) == 1 else data
    if dataclasses.is_dataclass(tp):
        hints = _field_types(tp)
        return tp(**{k: _build(hints[k], v) for k, v in data.items() if k in hints})
    if origin is list:
        (item,) = typing.get_args(tp) or (Any,)
        return [_build(item, v) for v in data]
    return data


@functools.lru_cache(maxsize=None)
def _field_types(tp: type) -> dict[str, Any]:
    """Field name -> type of a dataclass; resolving hints is slow, and Records are read
    back by the thousand (Parquet partitions, the store, the API)."""
    hints = typing.get_type_hints(tp)
    return {f.name: hints[f.name] for f in dataclasses.fields(tp)}
