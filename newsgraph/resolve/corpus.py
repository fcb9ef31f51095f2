"""Link an article's entities to corpus-wide entity rows.

An entity joins a stored one with the same knowledge-base id, else one of the same type
known under one of its names ("U.S." and "United States" are one row).  A person also
joins a stored person whose surname is spelled alike and whose given names agree
("Sergei Lavrov" and "Sergey Lavrov").  A surname alone ("Lavrov") joins the only
person of that surname, or, when the corpus has several, the one whose context agrees:
people, places and organisations seen with him before, or a shared role; otherwise it
stays a row of its own.  Rows keep every surface name as an alias and the union of roles.

Candidates come from an index of lookup keys (``entity_keys``), fetched in one query per
batch of articles; only a lone surname with several candidates costs a query more, for the
company all of them keep.
"""
from __future__ import annotations

import functools
import hashlib
import json
from collections import defaultdict
from typing import Collection, Optional, Protocol, Sequence

from newsgraph.model import Entity, Record
from newsgraph.resolve.gazetteer import fold
from newsgraph.resolve.within import normalise, person_tokens, similar

#: Column positions in an entity row (``store.rows.ENTITY_COLUMNS``).
ID, NAME, TYPE, ROLES, ALIASES = 0, 1, 2, 8, 9


class EntityIndex(Protocol):
    """What linking needs from a store."""

    def entity_candidates(self, keys: Sequence[str]) -> list[tuple[str, tuple]]:
        """(key, entity row) for every stored entity indexed under one of ``keys``."""

    def entity_company(self, entity_ids: Sequence[str], among: Collection[str]) -> dict[str, set[str]]:
        """Entity id -> the entities of ``among`` that share an article with it."""


def corpus_id(entity: Entity) -> str:
    """Id of a new corpus entity: stable in its knowledge-base id, else its type and name."""
    key = entity.kb_id or f"{entity.type}|{normalise(entity.name)}"
    return "E" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:15]


def entity_row(entity: Entity, entity_id: str) -> tuple:
    """A row of the ``entities`` table for ``entity`` (columns as ``store.rows.ENTITY_COLUMNS``)."""
    aliases = sorted(aliases_of(entity))
    return (entity_id, entity.name, entity.type, entity.kb_id, entity.country, entity.lat, entity.lon,
            json.dumps(entity.members), json.dumps(entity.roles, ensure_ascii=False),
            json.dumps(aliases, ensure_ascii=False))


def merge_rows(old: tuple, new: tuple) -> tuple:
    """One row from a stored entity row and a newly seen one: the stored name and place
    stay, roles and aliases are unioned."""
    merged = list(old)
    for col in (ROLES, ALIASES):
        merged[col] = json.dumps(sorted(set(json.loads(old[col] or "[]")) | set(json.loads(new[col] or "[]"))),
                                 ensure_ascii=False)
    for col in range(3, 8):  # kb_id .. members: fill what the stored row lacks
        if merged[col] in (None, "[]"):
            merged[col] = new[col]
    return tuple(merged)


def aliases_of(entity: Entity) -> set[str]:
    return {m.text for m in entity.mentions if m.kind == "name"} | {entity.name}


def lookup_keys(entity: Entity) -> list[str]:
    """The keys an entity is indexed and looked up under."""
    keys = [f"kb:{entity.kb_id}"] if entity.kb_id else []
    keys += sorted({f"name:{entity.type}:{normalise(a)}" for a in aliases_of(entity)})
    if entity.type == "PERSON":
        keys += sorted({f"surname:{fold(s)[:3]}" for s in surnames(aliases_of(entity))})
    return keys


def surnames(names: Sequence[str] | set[str]) -> set[str]:
    return {person_tokens(n)[-1] for n in names if person_tokens(n)}


def given_names(names: Sequence[str] | set[str]) -> set[str]:
    return {person_tokens(n)[0].rstrip(".") for n in names if len(person_tokens(n)) > 1}


@functools.lru_cache(maxsize=8192)
def _row_names(name: str, aliases: Optional[str]) -> tuple[frozenset[str], frozenset[str]]:
    """Surnames and given names of a stored person row: a common surname's rows are
    candidates for every article that names it, so they are parsed once, not each time."""
    theirs = set(json.loads(aliases or "[]")) | {name}
    return frozenset(surnames(theirs)), frozenset(given_names(theirs))


def _given_agree(mine: set[str], theirs: set[str]) -> bool:
    """Two sets of given names can be one person's: initials or spellings agree."""
    return all(any(a[0].casefold() == b[0].casefold() if min(len(a), len(b)) == 1 else similar(a, b)
                   for b in theirs) for a in mine)


Candidates = dict[str, tuple[tuple, set[str]]]


class EntityLinker:
    """Links the entities of a batch of Records, seeing the store and the batch so far.
    The store is asked for candidates once per batch."""

    def __init__(self, index: EntityIndex, records: Sequence[Record]) -> None:
        self.index = index
        wanted = sorted({k for r in records for e in r.entities for k in lookup_keys(e)})
        self._stored: dict[str, list[tuple]] = defaultdict(list)
        for key, row in index.entity_candidates(wanted):
            self._stored[key].append(row)
        self._rows: dict[str, tuple] = {}
        self._keys: dict[str, set[str]] = defaultdict(set)
        self._company: dict[str, set[str]] = defaultdict(set)

    def link(self, record: Record) -> dict[str, str]:
        """Local entity id (``e1``) -> corpus entity id, for every entity of ``record``.
        Full names and places are linked first, so that lone surnames can be judged by the
        company they keep in this article."""
        ids: dict[str, str] = {}
        for e in sorted(record.entities, key=_lone_surname):
            found = self._candidates(lookup_keys(e))
            cid = self._match(e, found, set(ids.values())) or corpus_id(e)
            ids[e.id] = cid
            self._remember(e, cid, found[cid][0] if cid in found else None)
        for cid in ids.values():
            self._company[cid] |= set(ids.values()) - {cid}
        return ids

    def keys(self) -> list[tuple[str, str]]:
        """(key, entity id) pairs of every entity linked so far, for the index."""
        return sorted((key, eid) for key, ids in self._keys.items() for eid in ids)

    def _candidates(self, keys: list[str]) -> Candidates:
        """Entity id -> (row, the keys it was found under), from the store and the batch."""
        found: Candidates = {}
        for key in keys:
            for row in self._stored.get(key, ()):
                found.setdefault(row[ID], (self._rows.get(row[ID], row), set()))[1].add(key)
            for eid in self._keys.get(key, ()):
                found.setdefault(eid, (self._rows[eid], set()))[1].add(key)
        return found

    def _match(self, e: Entity, found: Candidates, context: set[str]) -> Optional[str]:
        if e.kb_id:
            by_kb = [eid for eid, (_, hit) in found.items() if f"kb:{e.kb_id}" in hit]
            if by_kb:
                return by_kb[0]
        same_type = {eid: v for eid, v in found.items() if v[0][TYPE] == e.type}
        if e.type == "PERSON":
            return self._best(self._same_person(e, same_type), e, context)
        return self._best({eid: v for eid, v in same_type.items() if any(k.startswith("name:") for k in v[1])},
                          e, context)

    @staticmethod
    def _same_person(e: Entity, found: Candidates) -> Candidates:
        mine = aliases_of(e)
        my_surnames, my_given = surnames(mine), given_names(mine)
        out = {}
        for eid, (row, hit) in found.items():
            their_surnames, their_given = _row_names(row[NAME], row[ALIASES])
            if not any(similar(a, b) for a in my_surnames for b in their_surnames):
                continue
            if my_given and their_given and not _given_agree(my_given, their_given):
                continue
            out[eid] = (row, hit)
        return out

    def _best(self, found: Candidates, e: Entity, context: set[str]) -> Optional[str]:
        """The only candidate, else the one whose context agrees best (none on a tie)."""
        if len(found) <= 1:
            return next(iter(found), None)
        stored = self.index.entity_company(sorted(found), context)
        scores = {eid: self._agreement(stored.get(eid, set()) | self._company[eid], row, e, context)
                  for eid, (row, _) in found.items()}
        top = max(scores.values())
        winners = [eid for eid, s in scores.items() if s == top]
        return winners[0] if top > 0 and len(winners) == 1 else None

    @staticmethod
    def _agreement(company: set[str], row: tuple, e: Entity, context: set[str]) -> int:
        """Entities seen with the candidate that are in this article too, plus shared roles."""
        roles = {r.casefold() for r in json.loads(row[ROLES] or "[]")}
        return len(company & context) + len(roles & {r.casefold() for r in e.roles})

    def _remember(self, e: Entity, cid: str, stored: Optional[tuple]) -> None:
        row = entity_row(e, cid)
        base = self._rows.get(cid, stored)
        self._rows[cid] = merge_rows(base, row) if base else row
        for key in lookup_keys(e):
            self._keys[key].add(cid)


def _lone_surname(e: Entity) -> bool:
    return e.type == "PERSON" and all(len(person_tokens(a)) < 2 for a in aliases_of(e))
