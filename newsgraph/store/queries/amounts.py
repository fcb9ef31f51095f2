"""Amounts: figures in the corpus, with what they count and who gave them."""
from __future__ import annotations

from typing import Optional

from newsgraph.store.base import Store
from newsgraph.store.queries.common import Filters, Page, conditions, like, paged

AMOUNTED = ("n.article_id, n.idx, n.text, n.start_char, n.end_char, n.value, n.range_low, n.range_high, n.unit, "
            "n.qualifier, n.object, n.period_from, n.period_to, n.speaker_id, e.name AS speaker, "
            "a.title, a.published, a.published_at")


def amounts(store: Store, speaker: Optional[str] = None, unit: Optional[str] = None, q: Optional[str] = None,
            filters: Optional[Filters] = None, limit: int = 20, offset: int = 0) -> Page:
    """Amounts given by ``speaker``, in ``unit``, whose object or text contains ``q``."""
    where, params = conditions(filters, ("n.speaker_id = ?", speaker), ("n.unit = ?", unit),
                               ("(lower(n.object) LIKE ? OR lower(n.text) LIKE ?)", like(q)))
    sql = (f"SELECT {AMOUNTED} FROM amounts n JOIN articles a ON a.id = n.article_id "
           f"LEFT JOIN entities e ON e.id = n.speaker_id WHERE {where}")
    return paged(store, sql, params, "published_at DESC NULLS LAST, article_id, idx", limit, offset)
