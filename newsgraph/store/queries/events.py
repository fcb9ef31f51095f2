"""Coded events (CAMEO) between actors."""
from __future__ import annotations

from typing import Optional

import pycountry

from newsgraph.store.base import Store
from newsgraph.store.queries.common import Filters, Page, conditions, paged

EVENTED = ("v.article_id, v.idx, v.text, v.start_char, v.end_char, v.source_id, s.name AS source_name, "
           "v.target_id, t.name AS target_name, v.source_actor, v.target_actor, v.code, v.root, v.quad_class, "
           "v.goldstein, v.negated, a.title, a.published, a.published_at")


def actor_code(code: str) -> str:
    """The CAMEO actor code (prefix) for an ISO alpha-2 or alpha-3 country code; other codes
    ("RUSGOV", "IGOEEU", "---COP") as given."""
    code = code.upper()
    country = pycountry.countries.get(alpha_2=code) if len(code) == 2 else None
    return country.alpha_3 if country else code


def events(store: Store, actor: Optional[str] = None, source: Optional[str] = None, target: Optional[str] = None,
           root: Optional[str] = None, filters: Optional[Filters] = None, limit: int = 20, offset: int = 0,
           source_actor: Optional[str] = None, target_actor: Optional[str] = None) -> Page:
    """Events with ``actor`` on either side, or from ``source`` / to ``target`` (entity
    ids), or whose CAMEO actor codes start with ``source_actor`` / ``target_actor`` (ISO or
    CAMEO codes: "RU" and "RUS" match "RUSGOV"), or of CAMEO root code ``root``; newest first."""
    where, params = conditions(
        filters, ("(v.source_id = ? OR v.target_id = ?)", actor), ("v.source_id = ?", source),
        ("v.target_id = ?", target), ("v.source_actor LIKE ?", source_actor and actor_code(source_actor) + "%"),
        ("v.target_actor LIKE ?", target_actor and actor_code(target_actor) + "%"), ("v.root = ?", root))
    sql = (f"SELECT {EVENTED} FROM events v JOIN articles a ON a.id = v.article_id "
           "LEFT JOIN entities s ON s.id = v.source_id LEFT JOIN entities t ON t.id = v.target_id "
           f"WHERE {where}")
    return paged(store, sql, params, "published_at DESC NULLS LAST, article_id, idx", limit, offset)
