"""Quotes: what an entity said, what was said about an entity, quotes containing words."""
from __future__ import annotations

from typing import Any, Optional

from newsgraph.store.base import Store
from newsgraph.store.queries.articles import add_leads
from newsgraph.store.queries.common import Filters, Page, marks, paged

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
    where, params = (filters or Filters()).where()
    conds, cond_params = [where], list(params)
    if speaker:
        conds.append("q.speaker_id = ?")
        cond_params.append(speaker)
    if kind:
        conds.append("q.kind = ?")
        cond_params.append(kind)
    joins, join_params = [], []
    if q:
        joins.append(f"JOIN ({store.match_sql('quotes')}) AS m ON m.article_id = q.article_id AND m.idx = q.idx")
        join_params.append(q)
    if about:
        joins.append(f"JOIN ({ABOUT}) AS ab ON ab.article_id = q.article_id AND ab.idx = q.idx")
        join_params.append(about)
    joins.append("JOIN articles a ON a.id = q.article_id")
    # Rank and count on narrow columns; read texts, titles and names for the page only.
    sql = (f"SELECT q.article_id, q.idx, a.published_at{', m.score' if q else ''} FROM quotes q "
           f"{' '.join(joins)} WHERE {' AND '.join(conds)}")
    order = "score DESC, article_id, idx" if q else "published_at DESC NULLS LAST, article_id, idx"
    page = paged(store, sql, [*join_params, *cond_params], order, limit, offset)
    _fill(store, page.items)
    add_leads(store, page.items, key="article_id")
    return page


def _fill(store: Store, items: list[dict[str, Any]]) -> None:
    """Give each ``(article_id, idx)`` item the rest of its quote's columns.  Each table
    is cut to the page's keys before the joins, and quotes by their primary key: an IN
    list on ``article_id`` alone made DuckDB read every quote's text."""
    if not items:
        return
    keys = [(item["article_id"], item["idx"]) for item in items]
    ids = list({aid for aid, _ in keys})
    rows = store.fetch(
        f"SELECT {QUOTED} FROM (SELECT * FROM quotes WHERE "
        + " OR ".join(["(article_id = ? AND idx = ?)"] * len(keys))
        + f") AS q JOIN (SELECT * FROM articles WHERE id IN ({marks(ids)})) AS a ON a.id = q.article_id "
        "LEFT JOIN entities e ON e.id = q.speaker_id", [x for key in keys for x in key] + ids)
    found = {(r["article_id"], r["idx"]): r for r in rows}
    for item in items:
        item.update(found[item["article_id"], item["idx"]])
