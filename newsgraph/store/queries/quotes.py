"""Quotes: what an entity said, what was said about an entity, quotes containing words."""
from __future__ import annotations

from typing import Any, Optional

from newsgraph.store.base import Store
from newsgraph.store.queries.articles import add_article_fields
from newsgraph.store.queries.common import Filters, Page, conditions, paged
from newsgraph.store.queries.entities import entity_total

#: A quote with its speaker's canonical name (``q`` quotes, ``e`` the speaker's entity row).
QUOTED = ("q.article_id, q.idx, q.kind, q.text, q.start_char, q.end_char, q.speaker_id, "
          "coalesce(e.name, q.speaker_name) AS speaker, q.speaker_name, q.cue, q.confidence")
#: What a listed quote shows of its article.
QUOTE_ARTICLE = "a.title, a.published, a.source"

#: (article_id, idx) of the quotes whose span contains a mention of the entity in the
#: parameter (``quote_entities`` is filled at ingest by store/summaries).
ABOUT = "SELECT article_id, idx FROM quote_entities WHERE entity_id = ?"


def quotes(store: Store, speaker: Optional[str] = None, about: Optional[str] = None, q: Optional[str] = None,
           kind: Optional[str] = None, filters: Optional[Filters] = None, limit: int = 20, offset: int = 0) -> Page:
    """Quotes by ``speaker`` and/or mentioning ``about`` (entity ids) and/or matching the
    words ``q`` (best first then), else newest first.

    The page is chosen on keys alone, and its quotes' columns read for its rows only: a
    popular entity's tens of thousands of quotes sorted with all their columns cost three
    times more.  Quotes about an entity are chosen in ``quote_entities`` (kept at ingest
    by store/summaries), narrower than ``quotes``, unless a column of the quote is asked."""
    narrow = bool(about) and not (speaker or kind)
    where, params = conditions(filters, ("q.speaker_id = ?", speaker), ("q.kind = ?", kind),
                               ("q.entity_id = ?", about if narrow else None))
    joins, join_params = [], []
    if q:
        joins.append(f"JOIN ({store.match_sql('quotes')}) AS m ON m.article_id = q.article_id AND m.idx = q.idx")
        join_params.append(q)
    if about and not narrow:
        joins.append(f"JOIN ({ABOUT}) AS ab ON ab.article_id = q.article_id AND ab.idx = q.idx")
        join_params.append(about)
    sql = (f"SELECT q.article_id, q.idx, a.published_at{', m.score' if q else ''} "
           f"FROM {'quote_entities' if narrow else 'quotes'} q {' '.join(joins)} "
           f"JOIN articles a ON a.id = q.article_id WHERE {where}")
    order = "score DESC, article_id, idx" if q else "published_at DESC NULLS LAST, article_id, idx"
    known = None
    if not (q or kind or (speaker and about)) and (filters or Filters()).is_empty() and (speaker or about):
        known = entity_total(store, speaker or about, "quotes_by" if speaker else "quotes_about")
    page = paged(store, sql, [*join_params, *params], order, limit, offset, known)
    add_quote_fields(store, page.items)
    add_article_fields(store, page.items, key="article_id", fields=QUOTE_ARTICLE)
    return page


def add_quote_fields(store: Store, items: list[dict[str, Any]]) -> None:
    """The listed quotes' own columns and speakers' names.  A join with the page's keys,
    not ``IN``: DuckDB then filters the scan of ``quotes`` by them (four times faster)."""
    if not items:
        return
    keys = ", ".join("(?, ?)" for _ in items)
    rows = store.fetch(f"SELECT {QUOTED} FROM (VALUES {keys}) AS page (article_id, idx) "
                       "JOIN quotes q ON q.article_id = page.article_id AND q.idx = page.idx "
                       "LEFT JOIN entities e ON e.id = q.speaker_id",
                       [x for item in items for x in (item["article_id"], item["idx"])])
    found = {(r["article_id"], r["idx"]): r for r in rows}
    for item in items:
        item.update(found[item["article_id"], item["idx"]])
