"""Who quotes or acts on whom: a graph of entities, and the tone between two of them."""
from __future__ import annotations

import datetime as dt
from typing import Any, Optional

from newsgraph.store.base import Store
from newsgraph.store.queries.common import Filters
from newsgraph.store.queries.entities import names
from newsgraph.store.queries.quotes import ABOUT
from newsgraph.store.queries.timeline import day_of, fill, unit_of

#: Directed edges: events from source to target, and quotes whose speaker mentions an entity.
_EDGES = (
    "SELECT v.source_id AS source, v.target_id AS target, 'event' AS kind, count(*) AS weight, "
    "avg(v.goldstein) AS goldstein FROM events v JOIN articles a ON a.id = v.article_id "
    "WHERE v.source_id IS NOT NULL AND v.target_id IS NOT NULL AND v.source_id <> v.target_id AND {where} "
    "GROUP BY v.source_id, v.target_id "
    "UNION ALL "
    "SELECT q.speaker_id, m.entity_id, 'quote', count(*), NULL FROM quotes q "
    "JOIN quote_entities m ON m.article_id = q.article_id AND m.idx = q.idx "
    "JOIN articles a ON a.id = q.article_id "
    "WHERE q.speaker_id IS NOT NULL AND m.entity_id <> q.speaker_id AND {where} GROUP BY q.speaker_id, m.entity_id"
)


def graph(store: Store, filters: Optional[Filters] = None, max_nodes: int = 30) -> dict[str, list[dict[str, Any]]]:
    """The ``max_nodes`` entities with the heaviest quote/event edges, and the edges among them."""
    where, params = (filters or Filters()).where()
    edges = store.fetch(_EDGES.format(where=where), params + params)
    degree: dict[str, int] = {}
    for e in edges:
        for end in (e["source"], e["target"]):
            degree[end] = degree.get(end, 0) + e["weight"]
    keep = sorted(degree, key=lambda k: (-degree[k], k))[:max_nodes]
    info = names(store, keep)
    nodes = [{"id": k, "name": info[k]["name"], "type": info[k]["type"], "weight": degree[k]}
             for k in keep if k in info]
    kept = {n["id"] for n in nodes}
    return {"nodes": nodes,
            "edges": [e for e in edges if e["source"] in kept and e["target"] in kept]}


def tone_between(store: Store, a: str, b: str, interval: str = "month",
                 filters: Optional[Filters] = None) -> list[dict[str, Any]]:
    """Per period, each measure of how ``a`` and ``b`` deal with each other as
    ``{value, count}`` (None when nothing happened): the mean Goldstein score of their
    events each way, their quotes about each other, and the mean tone of the articles that
    mention both."""
    unit = unit_of(interval)
    where, params = (filters or Filters()).where()
    period = f"date_trunc('{unit}', a.published_at) AS period"
    events = (f"SELECT {period}, avg(v.goldstein) AS value, count(*) AS count FROM events v "
              f"JOIN articles a ON a.id = v.article_id WHERE v.source_id = ? AND v.target_id = ? AND {where}")
    quotes = (f"SELECT {period}, NULL AS value, count(*) AS count FROM quotes q "
              f"JOIN ({ABOUT}) AS ab ON ab.article_id = q.article_id AND ab.idx = q.idx "
              f"JOIN articles a ON a.id = q.article_id WHERE q.speaker_id = ? AND {where}")
    both = (f"SELECT {period}, avg(a.tone_score) AS value, count(*) AS count FROM articles a "
            "WHERE a.id IN (SELECT article_id FROM article_entities WHERE entity_id = ?) "
            f"AND a.id IN (SELECT article_id FROM article_entities WHERE entity_id = ?) AND {where}")
    measures = {"events_a_to_b": (events, [a, b]), "events_b_to_a": (events, [b, a]),
                "quotes_a_about_b": (quotes, [b, a]), "quotes_b_about_a": (quotes, [a, b]),
                "article_tone": (both, [a, b])}
    found: dict[str, dict[str, Any]] = {}
    for name, (sql, args) in measures.items():
        rows = store.fetch(f"{sql} AND a.published_at IS NOT NULL GROUP BY 1", [*args, *params])
        for r in rows:
            found.setdefault(day_of(r["period"]).isoformat(), {})[name] = {"value": r["value"], "count": r["count"]}
    periods = fill([{"period": dt.date.fromisoformat(k), "count": 0} for k in found], unit)
    return [{"period": p["period"], **{name: found.get(p["period"], {}).get(name) for name in measures}}
            for p in periods]
