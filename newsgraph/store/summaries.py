"""Per-entity summaries kept current at every write, so an entity's page reads a few rows
instead of aggregating all its mentions, quotes and companions at request time.

Four tables (schema.sql): ``quote_entities`` (which quotes mention which entity, rows of
one article like its quotes), and three running totals: ``entity_stats`` (articles,
mentions, quotes by and about), ``entity_days`` (dated mentions per day) and
``entity_pairs`` (articles two entities share, stored both ways).  A total is changed by
the same SQL over the stored rows whether an article was just written (+1) or is about to
be replaced (-1), so totals cannot drift from the rows; ``rebuild`` recomputes them all.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Collection, Optional

if TYPE_CHECKING:
    from newsgraph.store.base import Store

#: Running totals: table -> (key columns, counted columns, the rows some articles add).
#: ``{ids}`` stands for a condition on an unqualified ``article_id``.
TOTALS: dict[str, tuple[tuple[str, ...], tuple[str, ...], str]] = {
    "entity_stats": (
        ("entity_id",), ("articles", "mentions", "quotes_by", "quotes_about"),
        "SELECT entity_id, sum(articles), sum(mentions), sum(quotes_by), sum(quotes_about) FROM ("
        "SELECT entity_id, count(DISTINCT article_id) AS articles, 0 AS mentions, 0 AS quotes_by, 0 AS quotes_about "
        "FROM article_entities WHERE {ids} GROUP BY entity_id "
        "UNION ALL SELECT entity_id, 0, count(*), 0, 0 FROM mentions WHERE {ids} GROUP BY entity_id "
        "UNION ALL SELECT speaker_id, 0, 0, count(*), 0 FROM quotes WHERE speaker_id IS NOT NULL AND {ids} "
        "GROUP BY speaker_id "
        "UNION ALL SELECT entity_id, 0, 0, 0, count(*) FROM quote_entities WHERE {ids} GROUP BY entity_id"
        ") AS parts GROUP BY entity_id",
    ),
    "entity_days": (
        ("entity_id", "day"), ("mentions",),
        "SELECT m.entity_id, CAST(a.published_at AS DATE), count(*) FROM (SELECT article_id, entity_id "
        "FROM mentions WHERE {ids}) AS m JOIN articles a ON a.id = m.article_id "
        "WHERE a.published_at IS NOT NULL GROUP BY 1, 2",
    ),
    "entity_pairs": (
        ("entity_id", "other_id"), ("articles",),
        "SELECT x.entity_id, y.entity_id, count(DISTINCT x.article_id) "
        "FROM (SELECT article_id, entity_id FROM article_entities WHERE {ids}) AS x "
        "JOIN (SELECT article_id, entity_id FROM article_entities WHERE {ids}) AS y "
        "ON y.article_id = x.article_id AND y.entity_id <> x.entity_id GROUP BY 1, 2",
    ),
}

#: Each quote with every entity mentioned inside its span.
QUOTE_ENTITIES = ("INSERT INTO quote_entities (article_id, idx, entity_id) "
                  "SELECT DISTINCT q.article_id, q.idx, m.entity_id "
                  "FROM (SELECT article_id, idx, start_char, end_char FROM quotes WHERE {ids}) AS q "
                  "JOIN (SELECT article_id, entity_id, start_char, end_char FROM mentions WHERE {ids}) AS m "
                  "ON m.article_id = q.article_id AND m.start_char >= q.start_char AND m.end_char <= q.end_char")


def subtract(store: "Store", ids: Collection[str]) -> list[str]:
    """Count out the stored articles ``ids`` before their rows are deleted; returns the
    entities whose totals went down, for ``add`` to drop those that reached zero."""
    if not ids:
        return []
    touched = [r[0] for r in _run(store, "SELECT entity_id FROM article_entities WHERE {ids} UNION "
                                         "SELECT speaker_id FROM quotes WHERE speaker_id IS NOT NULL AND {ids}", ids)]
    _apply(store, -1, ids)
    _run(store, "DELETE FROM quote_entities WHERE {ids}", ids)
    return touched


def add(store: "Store", ids: Collection[str], lowered: Collection[str] = ()) -> None:
    """Count in the articles ``ids``, whose rows were just written, then delete the totals
    of the ``lowered`` entities that are now zero (only after the additions: a key
    deleted and inserted again in one transaction can trip DuckDB's unique indexes)."""
    _run(store, QUOTE_ENTITIES, ids)
    _apply(store, 1, ids)
    if lowered:
        # A pair that fell to zero had both its entities in the replaced articles.
        for table, (keys, counted, _) in TOTALS.items():
            zero = " AND ".join(f"{c} <= 0" for c in counted)
            store._execute_in(f"DELETE FROM {table} WHERE {keys[0]} IN {{values}} AND {zero}", list(lowered))


def rebuild(store: "Store") -> None:
    """Recompute every summary from the stored rows (a store written before they existed).
    Run it outside a transaction: each table is emptied, then refilled, in a statement
    of its own."""
    for table in ("quote_entities", *TOTALS):
        store._execute(f"DELETE FROM {table}")
    _run(store, QUOTE_ENTITIES, None)
    _apply(store, 1, None)


def missing(store: "Store") -> bool:
    """True when entities are stored but their summaries are not (an older store)."""
    return bool(store._execute("SELECT 1 FROM article_entities LIMIT 1")) and \
        not store._execute("SELECT 1 FROM entity_stats LIMIT 1")


def _apply(store: "Store", sign: int, ids: Optional[Collection[str]]) -> None:
    """Add ``sign`` times what the articles ``ids`` (None: all) contribute to every total."""
    # MERGE, not INSERT ... ON CONFLICT: that needs a unique index, which DuckDB would keep
    # in memory for every pair of entities ever seen together (schema.sql).
    for table, (keys, counted, select) in TOTALS.items():
        k = [f"k{i}" for i in range(len(keys))]
        c = [f"c{i}" for i in range(len(counted))]
        on = " AND ".join(f"t.{key} = s.{x}" for key, x in zip(keys, k))
        updates = ", ".join(f"{col} = t.{col} + {sign} * s.{x}" for col, x in zip(counted, c))
        values = ", ".join(f"s.{x}" for x in k) + ", " + ", ".join(f"{sign} * s.{x}" for x in c)
        _run(store, f"MERGE INTO {table} AS t USING ({select}) AS s ({', '.join(k + c)}) ON {on} "
                    f"WHEN MATCHED THEN UPDATE SET {updates} "
                    f"WHEN NOT MATCHED THEN INSERT ({', '.join(keys + counted)}) VALUES ({values})", ids)


def _run(store: "Store", template: str, ids: Optional[Collection[str]]) -> list[tuple]:
    """``template`` with each ``{ids}`` restricting ``article_id`` to ``ids`` (None: no restriction)."""
    if ids is None:
        return store._execute(template.replace("{ids}", "TRUE"))
    return store._execute_in(template.replace("{ids}", "article_id IN {values}"), list(ids))
