"""The web UI: server-rendered pages over the same queries as the REST API."""
from __future__ import annotations

from typing import Any, Literal, Optional
from urllib.parse import quote

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, Response
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, PackageLoader

from newsgraph.api import charts, highlight
from newsgraph.api.deps import filters, store
from newsgraph.resolve.corpus import corpus_id
from newsgraph.store import Store
from newsgraph.store.queries import articles, entities, quotes, relations, search, timeline
from newsgraph.store.queries.common import Filters

router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)
templates = Jinja2Templates(env=Environment(loader=PackageLoader("newsgraph.api", "templates"), autoescape=True))
PER_PAGE = 20


def headline(item: dict[str, Any], width: int = 90) -> str:
    """The title, else the opening words of the text, else the id."""
    if item.get("title"):
        return item["title"]
    lead = " ".join((item.get("lead") or "").split())
    if not lead:
        return item.get("id") or item.get("article_id") or ""
    return lead if len(lead) <= width else lead[:width].rsplit(" ", 1)[0] + "\u2026"


def id_path(value: str) -> str:
    """An id as one URL path segment, so "/", "?", "#" and "%" in it neither split the
    path nor start a query (the server decodes it back)."""
    return quote(value, safe="")


templates.env.filters["headline"] = headline
templates.env.filters["id_path"] = id_path


def error_page(request: Request, status: int, message: str) -> Response:
    return templates.TemplateResponse(request, "error.html", {"status": status, "message": message},
                                      status_code=status)


@router.get("/")
def search_page(request: Request, q: str = Query("", max_length=500),
                kind: Literal["articles", "quotes"] = "articles", collapse: bool = False,
                page: int = Query(1, ge=1, le=10_000), f: Filters = Depends(filters), s: Store = Depends(store)):
    offset = (page - 1) * PER_PAGE
    if kind == "quotes":
        results = quotes.quotes(s, speaker=f.speaker, q=q.strip() or None, filters=f, limit=PER_PAGE, offset=offset)
    elif q.strip():
        results = search.search_articles(s, q, f, PER_PAGE, offset, collapse)
    else:
        results = articles.list_articles(s, f, PER_PAGE, offset, collapse)
    names = entities.names(s, [x for x in (f.entity, f.speaker) if x])
    trend, unit = (_trend(s, q, f, collapse) if q.strip() and kind == "articles" and results.total else (None, None))
    return templates.TemplateResponse(request, "search.html", {
        "trend": trend, "trend_unit": unit,
        "q": q, "kind": kind, "collapse": collapse, "f": f, "page": page, "results": results,
        "pages": max(1, -(-results.total // PER_PAGE)), "sources": articles.sources(s), "names": names,
        "args": {k: v for k, v in request.query_params.items() if k != "page"},
    })


def _trend(s: Store, q: str, f: Filters, collapse: bool) -> tuple[charts.BarChart, str]:
    """Matching articles per month; per year over long spans, per day within one month."""
    points = timeline.timeline(s, "month", q, f, collapse)
    unit = "month"
    if len(points) > 48:
        points, unit = timeline.timeline(s, "year", q, f, collapse), "year"
    elif len(points) == 1:
        points, unit = timeline.timeline(s, "day", q, f, collapse), "day"
    return charts.bar_chart(points, height=70), unit


@router.get("/articles/{article_id:path}")
def article_page(request: Request, article_id: str, s: Store = Depends(store)):
    row = articles.get_article(s, article_id)
    record = articles.record(s, article_id)
    if row is None or record is None:
        raise HTTPException(404, "article not found")
    ids = {e.id: corpus_id(e) for e in record.entities}
    by_local = {e.id: e for e in record.entities}
    groups: dict[str, list[Any]] = {}
    for e in sorted(record.entities, key=lambda e: (-len(e.mentions), e.name)):
        groups.setdefault(e.type, []).append(e)
    return templates.TemplateResponse(request, "article.html", {
        "a": row, "record": record, "body": highlight.render(record.article.text, record), "ids": ids,
        "by_local": by_local, "groups": groups, "copies": articles.cluster(s, article_id),
    })


@router.get("/entities")
def entities_page(request: Request, q: str = Query("", max_length=200), type: str = Query("", max_length=20),
                  page: int = Query(1, ge=1, le=10_000), s: Store = Depends(store)):
    results = entities.list_entities(s, q or None, type or None, 50, (page - 1) * 50)
    return templates.TemplateResponse(request, "entities.html", {
        "q": q, "type": type, "results": results, "page": page, "pages": max(1, -(-results.total // 50)),
        "args": {k: v for k, v in request.query_params.items() if k != "page"},
    })


@router.get("/entities/{entity_id}")
def entity_page(request: Request, entity_id: str, interval: Literal["day", "week", "month", "year"] = "month",
                s: Store = Depends(store)):
    card = entities.get_entity(s, entity_id)
    if card is None:
        raise HTTPException(404, "entity not found")
    points = timeline.mention_timeline(s, entity_id, interval)
    return templates.TemplateResponse(request, "entity.html", {
        "e": card, "interval": interval, "chart": charts.bar_chart(points), "points": points,
        "said": quotes.quotes(s, speaker=entity_id, limit=10),
        "about": quotes.quotes(s, about=entity_id, limit=10),
        "company": entities.cooccurring(s, entity_id, 15),
        "recent": articles.list_articles(s, Filters(entity=entity_id), 10, 0),
    })


@router.get("/relations")
def relations_page(request: Request, a: str = Query("", max_length=64), b: str = Query("", max_length=64),
                   interval: Literal["day", "week", "month", "year"] = "month",
                   nodes: int = Query(24, ge=2, le=80), s: Store = Depends(store)):
    graph = relations.graph(s, max_nodes=nodes)
    placed = charts.circle_layout(graph["nodes"])
    people = entities.list_entities(s, limit=60).items
    chosen = entities.names(s, [x for x in (a, b) if x])
    tone: Optional[charts.LineChart] = None
    rows: list[dict[str, Any]] = []
    if a in chosen and b in chosen:
        rows = relations.tone_between(s, a, b, interval)
    if rows:
        periods = [r["period"] for r in rows]
        values = lambda key: [r[key]["value"] if r[key] else None for r in rows]  # noqa: E731
        name_a, name_b = chosen[a]["name"], chosen[b]["name"]
        tone = charts.line_chart(periods, {
            f"{name_a} \u2192 {name_b} (Goldstein)": ("ab", values("events_a_to_b")),
            f"{name_b} \u2192 {name_a} (Goldstein)": ("ba", values("events_b_to_a")),
            "tone of articles naming both": ("both", values("article_tone")),
        })
    return templates.TemplateResponse(request, "relations.html", {
        "graph": graph, "placed": placed, "people": people, "a": a, "b": b, "chosen": chosen,
        "interval": interval, "tone": tone, "rows": rows, "nodes": nodes,
    })


@router.get("/about")
def about_page(request: Request, s: Store = Depends(store)):
    return templates.TemplateResponse(request, "about.html", {"stats": articles.corpus_stats(s)})
