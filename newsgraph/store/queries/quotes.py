"""Quotes: what an entity said, what was said about an entity, quotes containing words."""
from __future__ import annotations

from typing import Optional

from newsgraph.store.base import Store
from newsgraph.store.queries.common import Filters, Page, paged

#: A quote with its speaker's canonical name and its article (``q`` quotes, ``a``
#: articles, ``e`` the speaker's entity row).
QUOTED = ("q.article_id, q.idx, q.kind, q.text, q.start_char, q.end_char, q.speaker_id, "
          "coalesce(e.name, q.speaker_name) AS speaker, q.speaker_name, q.cue, q.confidence, "
          "a.title, substr(a.text, 1, 160) AS lead, a.published, a.published_at, a.source")

#: Quotes whose span contains a mention of the entity in the parameter.
ABOUT = ("EXISTS (SELECT 1 FROM mentions m WHERE m.article_id = q.article_id AND m.entity_id = ? "
         "AND m.start_char >= q.start_char AND m.end_char <= q.end_char)")


def quotes(store: Store, speaker: Optional[str] = None, about: Optional[str] = None, q: Optional[str] = None,
           kind: Optional[str] = None, filters: Optional[Filters] = None, limit: int = 20, offset: int = 0) -> Page:
    """Quotes by ``speaker`` and/or mentioning ``about`` (entity ids) and/or matching the
    words ``q`` (best first then), else newest first."""
    where, params = (filters or Filters()).where()
    conds, cond_params = [where], list(params)
    if speaker:
        conds.append("q.speaker_id = ?")
        cond_params.append(speaker)
    if about:
        conds.append(ABOUT)
        cond_params.append(about)
    if kind:
        conds.append("q.kind = ?")
        cond_params.append(kind)
    joins = "JOIN articles a ON a.id = q.article_id LEFT JOIN entities e ON e.id = q.speaker_id"
    if q:
        sql = (f"SELECT {QUOTED}, m.score FROM quotes q JOIN ({store.match_sql('quotes')}) AS m "
               f"ON m.article_id = q.article_id AND m.idx = q.idx {joins} WHERE {' AND '.join(conds)}")
        return paged(store, sql, [q, *cond_params], "score DESC, article_id, idx", limit, offset)
    sql = f"SELECT {QUOTED} FROM quotes q {joins} WHERE {' AND '.join(conds)}"
    return paged(store, sql, cond_params, "published_at DESC NULLS LAST, article_id, idx", limit, offset)
