"""BM25 full-text search over articles, with filters, cluster collapsing and snippets
(quotes are searched by ``quotes.quotes(q=...)``).

The match itself is the backend's (DuckDB's fts extension, PostgreSQL's tsvector); the
filters, cluster collapsing and paging are shared SQL, and snippets are cut in Python so
both backends show the same ones.
"""
from __future__ import annotations

import re
from typing import Any, Optional

from newsgraph.store.base import Store
from newsgraph.store.queries.articles import LEAD_CHARS, LISTED, collapsed
from newsgraph.store.queries.common import Filters, Page, marks, paged

#: Characters of context a snippet shows.
SNIPPET_CHARS = 240

_WORD = re.compile(r"\w+")


def search_articles(store: Store, q: str, filters: Optional[Filters] = None, limit: int = 20, offset: int = 0,
                    collapse: bool = False) -> Page:
    """Articles matching ``q``, best first; each with ``score`` and a ``snippet``
    (a list of ``[text, is_match]`` pieces)."""
    where, params = (filters or Filters()).where()
    select = f"{LISTED}, m.score"
    source = f"articles a JOIN ({store.match_sql('articles')}) AS m ON m.id = a.id"
    if collapse:
        sql = collapsed(select, source, where, "m.score DESC, a.id")
    else:
        sql = f"SELECT {select}, 1 AS copies FROM {source} WHERE {where}"
    page = paged(store, sql, [q, *params], "score DESC, id", limit, offset)
    _add_snippets(store, page.items, q)
    return page


def _add_snippets(store: Store, items: list[dict[str, Any]], q: str) -> None:
    if not items:
        return
    ids = [item["id"] for item in items]
    texts = {r["id"]: r["text"] for r in store.fetch(f"SELECT id, text FROM articles WHERE id IN ({marks(ids)})", ids)}
    for item in items:
        text = texts.get(item["id"], "")
        item["snippet"] = snippet(text, q)
        item["lead"] = text[:LEAD_CHARS]


def _stems(q: str) -> list[str]:
    """Crude prefixes of the query words, so "talks" also marks "talk" and "talking"."""
    return [w[:max(4, len(w) - 2)] for w in _WORD.findall(q.casefold()) if len(w) > 2]


def snippet(text: str, q: str, width: int = SNIPPET_CHARS) -> list[list[Any]]:
    """The passage of ``text`` densest in query words, as ``[piece, is_match]`` pairs."""
    stems = _stems(q)
    hits = [(m.start(), m.end()) for m in _WORD.finditer(text)
            if any(m.group().casefold().startswith(s) for s in stems)]
    if not hits:
        start = 0
    else:
        lead = width // 4
        best = max(hits, key=lambda h: sum(h[0] - lead <= o[0] < h[0] - lead + width for o in hits))
        start = max(0, best[0] - lead)
        while start > 0 and not text[start - 1].isspace():
            start -= 1
    end = min(len(text), start + width)
    while end < len(text) and not text[end].isspace():
        end += 1
    pieces: list[list[Any]] = []
    cursor = start
    for s, e in hits:
        if s < start or e > end:
            continue
        if s > cursor:
            pieces.append([text[cursor:s], False])
        pieces.append([text[s:e], True])
        cursor = e
    if cursor < end:
        pieces.append([text[cursor:end], False])
    if start > 0:
        pieces.insert(0, ["\u2026", False])
    if end < len(text):
        pieces.append(["\u2026", False])
    return pieces
