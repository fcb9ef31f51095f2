"""Request and response shapes of the REST API (they make the OpenAPI schema)."""
from __future__ import annotations

import datetime as dt
import hashlib
from typing import Generic, Optional, TypeVar

from pydantic import BaseModel, Field, field_validator

from newsgraph.model import Article

T = TypeVar("T")


class Page(BaseModel, Generic[T]):
    items: list[T]
    total: int = Field(description="Items matching, over all pages.")
    limit: int
    offset: int


class ArticleItem(BaseModel):
    id: str
    title: Optional[str] = None
    source: Optional[str] = None
    url: Optional[str] = None
    published: Optional[str] = None
    cluster_id: Optional[str] = Field(None, description="Near-duplicate cluster: copies of one story share it.")
    copies: int = Field(1, description="Articles in the cluster (when collapsed), else 1.")
    tone_score: Optional[float] = None


class SearchHit(ArticleItem):
    score: float = Field(description="BM25 (DuckDB) or ts_rank_cd (PostgreSQL); higher is better.")
    snippet: list[tuple[str, bool]] = Field(description="Passage as [text, is_match] pieces.")


class QuoteItem(BaseModel):
    article_id: str
    idx: int
    kind: str
    text: str
    start_char: int
    end_char: int
    speaker_id: Optional[str] = None
    speaker: Optional[str] = Field(None, description="The speaker entity's canonical name (else as written).")
    cue: Optional[str] = None
    confidence: Optional[float] = None
    title: Optional[str] = None
    published: Optional[str] = None
    score: Optional[float] = None


class EntityItem(BaseModel):
    id: str
    name: str
    type: str
    country: Optional[str] = None
    articles: int


class EntityCard(BaseModel):
    id: str
    name: str
    type: str
    kb_id: Optional[str] = None
    country: Optional[str] = None
    lat: Optional[float] = None
    lon: Optional[float] = None
    members: list[str] = []
    roles: list[str] = []
    aliases: list[str] = []
    articles: int
    mentions: int
    quotes_by: int


class MentionItem(BaseModel):
    article_id: str
    start_char: int
    end_char: int
    text: str
    kind: str
    title: Optional[str] = None
    published: Optional[str] = None


class CoEntity(BaseModel):
    id: str
    name: str
    type: str
    articles: int


class AmountItem(BaseModel):
    article_id: str
    idx: int
    text: str
    start_char: int
    end_char: int
    value: Optional[float] = None
    range_low: Optional[float] = None
    range_high: Optional[float] = None
    unit: Optional[str] = None
    qualifier: Optional[str] = None
    object: Optional[str] = None
    period_from: Optional[str] = None
    period_to: Optional[str] = None
    speaker_id: Optional[str] = None
    speaker: Optional[str] = None
    title: Optional[str] = None
    published: Optional[str] = None


class EventItem(BaseModel):
    article_id: str
    idx: int
    text: str
    start_char: int
    end_char: int
    source_id: Optional[str] = None
    source_name: Optional[str] = None
    target_id: Optional[str] = None
    target_name: Optional[str] = None
    source_actor: Optional[str] = None
    target_actor: Optional[str] = None
    code: str
    root: str
    quad_class: Optional[int] = None
    goldstein: Optional[float] = None
    negated: Optional[bool] = None
    title: Optional[str] = None
    published: Optional[str] = None


class TimelinePoint(BaseModel):
    period: dt.date = Field(description="First day of the period.")
    count: int


class Node(BaseModel):
    id: str
    name: str
    type: str
    weight: int


class Edge(BaseModel):
    source: str
    target: str
    kind: str = Field(description="event (source acts on target) or quote (source's quote mentions target)")
    weight: int
    goldstein: Optional[float] = None


class Graph(BaseModel):
    nodes: list[Node]
    edges: list[Edge]


class Measure(BaseModel):
    value: Optional[float] = None
    count: int


class ToneRow(BaseModel):
    period: dt.date
    events_a_to_b: Optional[Measure] = Field(None, description="Mean Goldstein score of a's events on b.")
    events_b_to_a: Optional[Measure] = None
    quotes_a_about_b: Optional[Measure] = None
    quotes_b_about_a: Optional[Measure] = None
    article_tone: Optional[Measure] = Field(None, description="Mean tone of articles mentioning both.")


class ArticleIn(BaseModel):
    """An article to add; without an id, one is made from the text."""

    text: str = Field(min_length=1, max_length=2_000_000)
    id: Optional[str] = Field(None, min_length=1, max_length=200)
    title: Optional[str] = None
    source: Optional[str] = None
    url: Optional[str] = None
    published: Optional[str] = Field(None, description="ISO 8601 date or time.")
    language: Optional[str] = "en"

    @field_validator("published")
    @classmethod
    def _iso(cls, value: Optional[str]) -> Optional[str]:
        if value is not None:
            dt.datetime.fromisoformat(value.replace("Z", "+00:00"))  # raises ValueError -> 422
        return value

    def to_article(self) -> Article:
        aid = self.id or "api-" + hashlib.sha256(self.text.encode("utf-8")).hexdigest()[:16]
        return Article(id=aid, text=self.text, title=self.title, source=self.source, url=self.url,
                       published=self.published, language=self.language)


class Failure(BaseModel):
    article: str
    stage: str
    message: str


class IngestResult(BaseModel):
    ids: list[str]
    stored: int
    replaced: int
    skipped: int
    failed: list[Failure]
