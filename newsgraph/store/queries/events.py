"""Coded events (CAMEO) between actors."""
from __future__ import annotations

from typing import Optional

from newsgraph.store.base import Store
from newsgraph.store.queries.common import Filters, Page, paged

EVENTED = ("v.article_id, v.idx, v.text, v.start_char, v.end_char, v.source_id, s.name AS source_name, "
           "v.target_id, t.name AS target_name, v.source_actor, v.target_actor, v.code, v.root, v.quad_class, "
           "v.goldstein, v.negated, a.title, a.published, a.published_at")


def events(store: Store, actor: Optional[str] = None, source: Optional[str] = None, target: Optional[str] = None,
           root: Optional[str] = None, filters: Optional[Filters] = None, limit: int = 20, offset: int = 0,
           source_actor: Optional[str] = None, target_actor: Optional[str] = None) -> Page:
    """Events with ``actor`` on either side, or from ``source`` / to ``target`` (entity
    ids), or whose CAMEO actor codes start with ``source_actor`` / ``target_actor`` ("RUS"
    matches "RUSGOV"), or of CAMEO root code ``root``; newest first."""
    where, params = (filters or Filters()).where()
    conds, cond_params = [where], list(params)
    if actor:
        conds.append("(v.source_id = ? OR v.target_id = ?)")
        cond_params += [actor, actor]
    if source:
        conds.append("v.source_id = ?")
        cond_params.append(source)
    if target:
        conds.append("v.target_id = ?")
        cond_params.append(target)
    for column, prefix in (("source_actor", source_actor), ("target_actor", target_actor)):
        if prefix:
            conds.append(f"v.{column} LIKE ?")
            cond_params.append(prefix + "%")
    if root:
        conds.append("v.root = ?")
        cond_params.append(root)
    sql = (f"SELECT {EVENTED} FROM events v JOIN articles a ON a.id = v.article_id "
           "LEFT JOIN entities s ON s.id = v.source_id LEFT JOIN entities t ON t.id = v.target_id "
           f"WHERE {' AND '.join(conds)}")
    return paged(store, sql, cond_params, "published_at DESC NULLS LAST, article_id, idx", limit, offset)
