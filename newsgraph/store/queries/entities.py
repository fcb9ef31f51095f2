"""Entities across the corpus: lists, one entity's card, its mentions, its company."""
from __future__ import annotations

from typing import Any, Optional

from newsgraph.store.base import Store
from newsgraph.store.queries.common import Filters, Page, conditions, json_list, like, marks, paged

#: An entity's counts, as ``entity_stats`` keeps them.
COUNTS = ("articles", "mentions", "quotes_by", "quotes_about")

def list_entities(store: Store, q: Optional[str] = None, type: Optional[str] = None, limit: int = 20,
                  offset: int = 0) -> Page:
    """Entities by number of articles; ``q`` matches any part of a name or alias."""
    where, params = conditions(None, ("lower(e.aliases) LIKE ?", like(q)), ("e.type = ?", type))
    sql = (f"SELECT e.id, e.name, e.type, e.country, coalesce(c.articles, 0) AS articles FROM entities e "
           f"LEFT JOIN entity_stats c ON c.entity_id = e.id WHERE {where}")
    return paged(store, sql, params, "articles DESC, name, id", limit, offset)


def get_entity(store: Store, entity_id: str) -> Optional[dict[str, Any]]:
    """The entity's row with its aliases, roles and members decoded, and its counts
    (articles, mentions, quotes_by, quotes_about), kept by store/summaries at ingest."""
    rows = store.fetch("SELECT e.*, " + ", ".join(f"coalesce(s.{c}, 0) AS {c}" for c in COUNTS) +
                       " FROM entities e LEFT JOIN entity_stats s ON s.entity_id = e.id WHERE e.id = ?", [entity_id])
    if not rows:
        return None
    entity = rows[0]
    for key in ("aliases", "roles", "members"):
        entity[key] = json_list(entity[key])
    return entity


def entity_total(store: Store, entity_id: str, count: str) -> int:
    """One of the entity's ``COUNTS`` as kept at ingest (0 for an unknown entity)."""
    if count not in COUNTS:
        raise ValueError(f"count must be one of {', '.join(COUNTS)}")
    rows = store.fetch(f"SELECT {count} AS n FROM entity_stats WHERE entity_id = ?", [entity_id])
    return rows[0]["n"] if rows else 0


def mentions(store: Store, entity_id: str, filters: Optional[Filters] = None, limit: int = 50,
             offset: int = 0) -> Page:
    """Every mention of the entity with its article, newest first."""
    where, params = (filters or Filters()).where()
    sql = ("SELECT m.article_id, m.start_char, m.end_char, m.text, m.kind, a.title, a.published, a.published_at "
           f"FROM mentions m JOIN articles a ON a.id = m.article_id WHERE m.entity_id = ? AND {where}")
    return paged(store, sql, [entity_id, *params], "published_at DESC NULLS LAST, article_id, start_char",
                 limit, offset)


def cooccurring(store: Store, entity_id: str, limit: int = 20) -> list[dict[str, Any]]:
    """Entities appearing in the most articles together with this one."""
    # Rank on ids first and name only the winners: a big entity has many companions.
    return store.fetch(
        "SELECT e.id, e.name, e.type, c.articles FROM (SELECT other_id, articles FROM entity_pairs "
        "WHERE entity_id = ? ORDER BY articles DESC, other_id LIMIT ?) AS c "
        "JOIN entities e ON e.id = c.other_id ORDER BY c.articles DESC, e.name", [entity_id, limit])


def names(store: Store, ids: list[str]) -> dict[str, dict[str, Any]]:
    """id -> {name, type} for the given entity ids."""
    if not ids:
        return {}
    rows = store.fetch(f"SELECT id, name, type FROM entities WHERE id IN ({marks(ids)})", ids)
    return {r["id"]: r for r in rows}
