"""Quotes: what an entity said, what was said about an entity, quotes containing words."""
from __future__ import annotations

from typing import Optional

from newsgraph.store.base import Store
from newsgraph.store.queries.articles import add_leads
from newsgraph.store.queries.common import Filters, Page, conditions, paged
from newsgraph.store.queries.entities import entity_total

#: A quote with its speaker's canonical name and its article (``q`` quotes, ``a``
#: articles, ``e`` the speaker's entity row).
QUOTED = ("q.article_id, q.idx, q.kind, q.text, q.start_char, q.end_char, q.speaker_id, "
          "coalesce(e.name, q.speaker_name) AS speaker, q.speaker_name, q.cue, q.confidence, "
          "a.title, a.published, a.published_at, a.source")

#: (article_id, idx) of the quotes whose span contains a mention of the entity in the
#: parameter (``quote_entities`` is filled at ingest by store/summaries).
ABOUT = "SELECT article_id, idx FROM quote_entities WHERE entity_id = ?"


def quotes(store: Store, speaker: Optional[str] = None, about: Optional[str] = None, q: Optional[str] = None,
           kind: Optional[str] = None, filters: Optional[Filters] = None, limit: int = 20, offset: int = 0) -> Page:
    """Quotes by ``speaker`` and/or mentioning ``about`` (entity ids) and/or matching the
    words ``q`` (best first then), else newest first."""
    where, params = conditions(filters, ("q.speaker_id = ?", speaker), ("q.kind = ?", kind))
    joins, join_params = [], []
    if q:
        joins.append(f"JOIN ({store.match_sql('quotes')}) AS m ON m.article_id = q.article_id AND m.idx = q.idx")
        join_params.append(q)
    if about:
        joins.append(f"JOIN ({ABOUT}) AS ab ON ab.article_id = q.article_id AND ab.idx = q.idx")
        join_params.append(about)
    joins.append("JOIN articles a ON a.id = q.article_id LEFT JOIN entities e ON e.id = q.speaker_id")
    sql = (f"SELECT {QUOTED}{', m.score' if q else ''} FROM quotes q {' '.join(joins)} "
           f"WHERE {where}")
    order = "score DESC, article_id, idx" if q else "published_at DESC NULLS LAST, article_id, idx"
    known = None
    if not (q or kind or (speaker and about)) and (filters or Filters()).is_empty() and (speaker or about):
        known = entity_total(store, speaker or about, "quotes_by" if speaker else "quotes_about")
    page = paged(store, sql, [*join_params, *params], order, limit, offset, known)
    add_leads(store, page.items, key="article_id")
    return page
