"""Group an article's name mentions into entities with one canonical name each.

People are grouped by surname, tolerating misspellings ("Larvov" for "Lavrov"); the
canonical name keeps the given names of the fullest mention and the surname spelling the
article uses most.  Other names are grouped by their normalised form.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from rapidfuzz.distance import JaroWinkler

from newsgraph.model import Entity, Mention

#: spaCy labels that name things; numbers and dates are left to amounts and times.
NAME_LABELS = {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW", "LANGUAGE"}

#: Similarity above which two surnames are taken as spellings of one name.
SURNAME_SIMILARITY = 0.85


@dataclass
class NameMention:
    start: int
    end: int
    text: str
    label: str


def normalise(name: str) -> str:
    """Key for grouping non-person names: case, leading article and possessive dropped."""
    key = name.casefold().strip()
    for prefix in ("the ",):
        if key.startswith(prefix):
            key = key[len(prefix):]
    for suffix in ("'s", "\u2019s"):
        if key.endswith(suffix):
            key = key[: -len(suffix)]
    return " ".join(key.split())


def same_surname(a: str, b: str) -> bool:
    a, b = a.casefold(), b.casefold()
    return a == b or (min(len(a), len(b)) >= 4 and JaroWinkler.similarity(a, b) >= SURNAME_SIMILARITY)


def _person_tokens(text: str) -> list[str]:
    return text.replace("\u2019s", "").replace("'s", "").split()


def group(mentions: list[NameMention]) -> list[Entity]:
    """Entities in order of first mention, ids ``e1``, ``e2``, ..."""
    clusters: list[list[NameMention]] = []
    keys: list[tuple[str, str]] = []
    for m in sorted(mentions, key=lambda m: m.start):
        if m.label not in NAME_LABELS:
            continue
        if m.label == "PERSON":
            surname = _person_tokens(m.text)[-1] if _person_tokens(m.text) else m.text
            for i, (label, key) in enumerate(keys):
                if label == "PERSON" and same_surname(key, surname) and _given_names_agree(clusters[i], m):
                    clusters[i].append(m)
                    break
            else:
                clusters.append([m])
                keys.append(("PERSON", surname))
            continue
        key = normalise(m.text)
        for i, (label, k) in enumerate(keys):
            if label == m.label and k == key:
                clusters[i].append(m)
                break
        else:
            clusters.append([m])
            keys.append((m.label, key))
    return [_entity(f"e{i + 1}", c) for i, c in enumerate(clusters)]


def _given_names_agree(cluster: list[NameMention], m: NameMention) -> bool:
    """A mention with given names joins only a cluster whose given names match them."""
    mine = _person_tokens(m.text)[:-1]
    if not mine:
        return True
    for other in cluster:
        theirs = _person_tokens(other.text)[:-1]
        if theirs and theirs[0][0].casefold() != mine[0][0].casefold():
            return False
    return True


def _entity(eid: str, cluster: list[NameMention]) -> Entity:
    label = Counter(m.label for m in cluster).most_common(1)[0][0]
    mentions = [Mention(m.start, m.end, m.text, "name") for m in cluster]
    return Entity(id=eid, name=canonical_name(cluster, label), type=label, mentions=mentions)


def canonical_name(cluster: list[NameMention], label: str) -> str:
    """The fullest form, with the surname spelled as the article spells it most."""
    if label != "PERSON":
        counts = Counter(m.text for m in cluster)
        best = max(counts, key=lambda t: (counts[t], len(t)))
        return best[4:] if best.startswith("the ") else best
    tokens = [_person_tokens(m.text) for m in cluster]
    surnames = Counter(t[-1] for t in tokens if t)
    surname = max(surnames, key=lambda s: (surnames[s], -_first_index(tokens, s)))
    fullest = max(tokens, key=len)
    return " ".join(fullest[:-1] + [surname])


def _first_index(tokens: list[list[str]], surname: str) -> int:
    return next(i for i, t in enumerate(tokens) if t and t[-1] == surname)
