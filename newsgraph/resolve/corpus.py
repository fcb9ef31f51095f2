"""Link an article's entities to corpus-wide entity rows.

Identity is the entity type plus its normalised canonical name, so the same person,
organisation or place in two articles is one row; the row keeps every surface name seen
as an alias and the union of roles.
"""
from __future__ import annotations

import hashlib
import json

from newsgraph.model import Entity
from newsgraph.resolve.within import normalise


def corpus_id(entity: Entity) -> str:
    """Stable id of the corpus entity ``entity`` stands for."""
    key = entity.kb_id or f"{entity.type}|{normalise(entity.name)}"
    return "E" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:15]


def entity_row(entity: Entity, entity_id: str) -> tuple:
    """A row of the ``entities`` table for ``entity`` (columns as ``store.rows.ENTITY_COLUMNS``)."""
    aliases = sorted({m.text for m in entity.mentions if m.kind == "name"} | {entity.name})
    return (entity_id, entity.name, entity.type, entity.kb_id, entity.country, entity.lat, entity.lon,
            json.dumps(entity.members), json.dumps(entity.roles, ensure_ascii=False),
            json.dumps(aliases, ensure_ascii=False))


def merge_rows(old: tuple, new: tuple) -> tuple:
    """One row from a stored entity row and a newly seen one: the stored name and place
    stay, roles and aliases are unioned."""
    merged = list(old)
    for col in (8, 9):  # roles, aliases
        merged[col] = json.dumps(sorted(set(json.loads(old[col] or "[]")) | set(json.loads(new[col] or "[]"))),
                                 ensure_ascii=False)
    for col in range(3, 8):  # kb_id .. members: fill what the stored row lacks
        if merged[col] in (None, "[]"):
            merged[col] = new[col]
    return tuple(merged)
