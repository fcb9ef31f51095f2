"""Articles, newest first, and the near-duplicate clusters they belong to."""
from __future__ import annotations

from typing import Any, Optional

from newsgraph.model import Record
from newsgraph.store.base import COUNTED, Store
from newsgraph.store.queries.common import Filters, Page, marks, paged
from newsgraph.store.queries.entities import entity_total

#: An article's listing fields (the text and Record stay out of lists).
LISTED = "a.id, a.title, a.source, a.url, a.published, a.published_at, a.cluster_id, a.tone_score"

#: Characters of text a listing shows for an untitled article.
LEAD_CHARS = 160

#: The cluster an article belongs to; an article never clustered is its own.
CLUSTER = "coalesce(a.cluster_id, a.id)"


def collapsed(select: str, source: str, where: str, order_within: str) -> str:
    """``SELECT select FROM source WHERE where`` (articles aliased ``a``) keeping one row per
    near-duplicate cluster, the first by ``order_within``, with its number of ``copies``."""
    return (f"SELECT * FROM (SELECT {select}, "
            f"row_number() OVER (PARTITION BY {CLUSTER} ORDER BY {order_within}) AS rn, "
            f"count(*) OVER (PARTITION BY {CLUSTER}) AS copies FROM {source} WHERE {where}) AS c WHERE rn = 1")


def list_articles(store: Store, filters: Optional[Filters] = None, limit: int = 20, offset: int = 0,
                  collapse: bool = False) -> Page:
    filters = filters or Filters()
    where, params = filters.where()
    # the page is chosen on keys alone; its listing fields are read for its rows only
    known = None
    if collapse:
        sql = collapsed("a.id, a.published_at", "articles a", where, "a.published_at, a.id")
    else:
        sql = f"SELECT a.id, a.published_at, 1 AS copies FROM articles a WHERE {where}"
        if filters.entity and Filters(entity=filters.entity) == filters:
            known = entity_total(store, filters.entity, "articles")
    page = paged(store, sql, params, "published_at DESC NULLS LAST, id", limit, offset, known)
    add_article_fields(store, page.items, fields=LISTED)
    return page


def add_article_fields(store: Store, items: list[dict[str, Any]], key: str = "id", fields: str = "") -> None:
    """Give each listed item the opening of its article's text (``lead``) and the article's
    ``fields`` (columns of ``a``), read for the page's rows only: choosing a page among
    thousands of rows with every column costs several times more than with its keys."""
    ids = list({item[key] for item in items})
    if not ids:
        return
    rows = store.fetch(f"SELECT a.id AS key_, {fields + ', ' if fields else ''}substr(a.text, 1, {LEAD_CHARS}) AS lead "
                       f"FROM articles a WHERE a.id IN ({marks(ids)})", ids)
    found = {r.pop("key_"): r for r in rows}
    for item in items:
        item.update(found.get(item[key], {"lead": None}))


def get_article(store: Store, article_id: str) -> Optional[dict[str, Any]]:
    rows = store.fetch(f"SELECT {LISTED}, substr(a.text, 1, {LEAD_CHARS}) AS lead, a.text, a.language "
                       "FROM articles a WHERE a.id = ?", [article_id])
    return rows[0] if rows else None


def cluster(store: Store, article_id: str) -> list[dict[str, Any]]:
    """The other stored copies of an article's story, oldest first."""
    items = store.fetch(
        f"SELECT {LISTED} FROM articles a WHERE {CLUSTER} = (SELECT {CLUSTER} FROM articles a WHERE a.id = ?) "
        "AND a.id <> ? ORDER BY a.published_at NULLS LAST, a.id", [article_id, article_id])
    add_article_fields(store, items)
    return items


def sources(store: Store) -> list[str]:
    return [r["source"] for r in store.fetch(
        "SELECT DISTINCT source FROM articles WHERE source IS NOT NULL ORDER BY source")]


def record(store: Store, article_id: str) -> Optional[Record]:
    """The article's stored Record."""
    rows = store.fetch("SELECT record FROM articles WHERE id = ?", [article_id])
    return Record.from_json(rows[0]["record"]) if rows else None


def corpus_stats(store: Store) -> dict[str, Any]:
    """Rows per table and the publication date range."""
    out: dict[str, Any] = {t: store.fetch(f"SELECT count(*) AS n FROM {t}")[0]["n"] for t in COUNTED}
    span = store.fetch("SELECT min(published_at) AS first, max(published_at) AS last FROM articles")[0]
    out["published_from"] = span["first"].isoformat() if span["first"] else None
    out["published_to"] = span["last"].isoformat() if span["last"] else None
    return out
