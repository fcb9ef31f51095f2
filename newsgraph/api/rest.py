"""The REST API under ``/api``: JSON in and out, paged lists, OpenAPI-described."""
from __future__ import annotations

from typing import Any, Literal, Optional

from fastapi import APIRouter, Body, Depends, HTTPException, Query, Request
from fastapi.concurrency import run_in_threadpool

from newsgraph.api import schemas
from newsgraph.api.deps import Paging, filters, paging, store
from newsgraph.store import Store
from newsgraph.store.queries import amounts, articles, entities, events, quotes, relations, search, timeline
from newsgraph.store.queries.common import Filters

router = APIRouter(prefix="/api")

Interval = Literal["day", "week", "month", "year"]
#: Articles per POST: one request should not hold the writer for long.
MAX_POSTED = 100
ACTOR_CODE = "CAMEO actor code or prefix (RUSGOV, IGO, ---COP) or ISO country code (RU)."


def _found(item: Optional[Any], what: str) -> Any:
    if item is None:
        raise HTTPException(404, f"{what} not found")
    return item


@router.get("/articles", response_model=schemas.Page[schemas.ArticleItem], tags=["articles"])
def list_articles(f: Filters = Depends(filters), p: Paging = Depends(paging),
                  collapse: bool = Query(False, description="One article per near-duplicate cluster."),
                  s: Store = Depends(store)):
    """Articles, newest first."""
    return articles.list_articles(s, f, p.limit, p.offset, collapse).to_dict()


# Article ids may hold "/" (URLs, paths): the routes take the rest of the path, the more
# specific one first, so an id ending in "/copies" names the copies of the id before it.
@router.get("/articles/{article_id:path}/copies", response_model=list[schemas.ArticleItem], tags=["articles"])
def copies(article_id: str, s: Store = Depends(store)):
    """Other stored copies of the same story (its near-duplicate cluster)."""
    _found(articles.get_article(s, article_id), "article")
    return articles.cluster(s, article_id)


@router.get("/articles/{article_id:path}", tags=["articles"])
def get_record(article_id: str, s: Store = Depends(store)) -> dict[str, Any]:
    """The article's whole Record, as ``newsgraph extract`` prints it."""
    return _found(articles.record(s, article_id), "article").to_dict()


@router.post("/articles", response_model=schemas.IngestResult, status_code=201, tags=["articles"])
async def add_articles(request: Request, posted: list[schemas.ArticleIn] = Body(..., min_length=1,
                                                                                max_length=MAX_POSTED)):
    """Extract and store articles through the same pipeline as ``newsgraph ingest``.
    Articles already stored (same text and date) are skipped; they become searchable
    after the next index refresh, seconds later."""
    batch = [a.to_article() for a in posted]
    stored, failed = await run_in_threadpool(request.app.state.writer.add, batch)
    failures = [schemas.Failure(article=e.file, stage=e.stage, message=e.message) for e in failed + stored.failed]
    return schemas.IngestResult(ids=[a.id for a in batch], stored=stored.stored, replaced=stored.replaced,
                                skipped=stored.skipped, failed=failures)


@router.get("/search", response_model=schemas.Page[schemas.SearchHit], tags=["search"])
def search_articles(q: str = Query(..., min_length=1, max_length=500, description="Words to find (BM25)."),
                    f: Filters = Depends(filters), p: Paging = Depends(paging),
                    collapse: bool = Query(False, description="Best article per near-duplicate cluster."),
                    s: Store = Depends(store)):
    """Full-text search over articles, best first, with snippets."""
    return search.search_articles(s, q, f, p.limit, p.offset, collapse).to_dict()


@router.get("/quotes", response_model=schemas.Page[schemas.QuoteItem], tags=["quotes"])
def list_quotes(speaker: Optional[str] = Query(None, max_length=64, description="Said by this entity id."),
                about: Optional[str] = Query(None, max_length=64, description="Mentioning this entity id."),
                q: Optional[str] = Query(None, min_length=1, max_length=500, description="Containing these words."),
                kind: Optional[Literal["direct", "partial", "indirect"]] = None,
                f: Filters = Depends(filters), p: Paging = Depends(paging), s: Store = Depends(store)):
    """Quotes by a speaker, about an entity, or by their words."""
    return quotes.quotes(s, speaker, about, q, kind, f, p.limit, p.offset).to_dict()


@router.get("/entities", response_model=schemas.Page[schemas.EntityItem], tags=["entities"])
def list_entities(q: Optional[str] = Query(None, max_length=200, description="Part of a name or alias."),
                  type: Optional[str] = Query(None, max_length=20, description="PERSON, ORG, GPE, LOC, ..."),
                  p: Paging = Depends(paging), s: Store = Depends(store)):
    """Entities, most written about first."""
    return entities.list_entities(s, q, type, p.limit, p.offset).to_dict()


@router.get("/entities/{entity_id}", response_model=schemas.EntityCard, tags=["entities"])
def get_entity(entity_id: str, s: Store = Depends(store)):
    """Canonical name, aliases, roles and counts of one entity."""
    return _found(entities.get_entity(s, entity_id), "entity")


@router.get("/entities/{entity_id}/mentions", response_model=schemas.Page[schemas.MentionItem], tags=["entities"])
def entity_mentions(entity_id: str, f: Filters = Depends(filters), p: Paging = Depends(paging),
                    s: Store = Depends(store)):
    """Every mention of the entity, newest article first."""
    _found(entities.get_entity(s, entity_id), "entity")
    return entities.mentions(s, entity_id, f, p.limit, p.offset).to_dict()


@router.get("/entities/{entity_id}/cooccurring", response_model=list[schemas.CoEntity], tags=["entities"])
def entity_company(entity_id: str, limit: int = Query(20, ge=1, le=200), s: Store = Depends(store)):
    """Entities that appear in the most articles with this one."""
    _found(entities.get_entity(s, entity_id), "entity")
    return entities.cooccurring(s, entity_id, limit)


@router.get("/entities/{entity_id}/timeline", response_model=list[schemas.TimelinePoint], tags=["timelines"])
def entity_timeline(entity_id: str, interval: Interval = "month", f: Filters = Depends(filters),
                    s: Store = Depends(store)):
    """Mentions of the entity per period."""
    _found(entities.get_entity(s, entity_id), "entity")
    return timeline.mention_timeline(s, entity_id, interval, f)


@router.get("/amounts", response_model=schemas.Page[schemas.AmountItem], tags=["amounts"])
def list_amounts(speaker: Optional[str] = Query(None, max_length=64, description="Given by this entity id."),
                 unit: Optional[str] = Query(None, max_length=40, description="ISO 4217 code, percent, ..."),
                 q: Optional[str] = Query(None, max_length=200, description="In what is counted, or the text."),
                 f: Filters = Depends(filters), p: Paging = Depends(paging), s: Store = Depends(store)):
    """Amounts (figures and what they count), newest first."""
    return amounts.amounts(s, speaker, unit, q, f, p.limit, p.offset).to_dict()


@router.get("/events", response_model=schemas.Page[schemas.EventItem], tags=["events"])
def list_events(actor: Optional[str] = Query(None, max_length=64, description="Entity id on either side."),
                source: Optional[str] = Query(None, max_length=64), target: Optional[str] = Query(None, max_length=64),
                root: Optional[str] = Query(None, pattern=r"^\d{2}$", description="CAMEO root code, e.g. 04."),
                source_actor: Optional[str] = Query(None, max_length=32, description=ACTOR_CODE),
                target_actor: Optional[str] = Query(None, max_length=32, description=ACTOR_CODE),
                f: Filters = Depends(filters), p: Paging = Depends(paging), s: Store = Depends(store)):
    """Coded events between actors, newest first."""
    return events.events(s, actor, source, target, root, f, p.limit, p.offset, source_actor, target_actor).to_dict()


@router.get("/timeline", response_model=list[schemas.TimelinePoint], tags=["timelines"])
def corpus_timeline(interval: Interval = "month",
                    q: Optional[str] = Query(None, min_length=1, max_length=500, description="Only articles matching."),
                    collapse: bool = Query(False, description="Count a near-duplicate cluster once."),
                    f: Filters = Depends(filters), s: Store = Depends(store)):
    """Articles per period, for a query and/or an entity (``entity=``)."""
    return timeline.timeline(s, interval, q, f, collapse)


@router.get("/relations", response_model=schemas.Graph, tags=["relations"])
def relation_graph(max_nodes: int = Query(30, ge=2, le=200), f: Filters = Depends(filters), s: Store = Depends(store)):
    """Entities that quote or act on each other, and how often."""
    return relations.graph(s, f, max_nodes)


@router.get("/relations/tone", response_model=list[schemas.ToneRow], tags=["relations"])
def tone(a: str = Query(..., max_length=64), b: str = Query(..., max_length=64), interval: Interval = "month",
         f: Filters = Depends(filters), s: Store = Depends(store)):
    """How two actors deal with each other per period."""
    for entity_id in (a, b):
        _found(entities.get_entity(s, entity_id), "entity")
    return relations.tone_between(s, a, b, interval, f)


@router.get("/stats", tags=["corpus"])
def stats(s: Store = Depends(store)) -> dict[str, Any]:
    """Rows per table and the publication date range."""
    return articles.corpus_stats(s)
