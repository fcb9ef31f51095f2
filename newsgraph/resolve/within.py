"""Group an article's name mentions into entities with one canonical name each.

People are grouped by surname, tolerating misspellings and transliterations ("Larvov" for
"Lavrov", "Zelenskyy" for "Zelensky"); a mention with given names joins only a person whose
given names agree ("Sergei" and "Sergey" do, "Bill" and "Hillary" do not), and a lone
surname joins the person last named with it.  The canonical name keeps the fullest given
names and the surname spelling the article uses most.  Other names are grouped by a key:
the gazetteer's when the name is a known place ("U.S." and "United States"), else the
normalised name; an acronym joins the name whose initials it spells ("EU", "European Union").
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Optional

from rapidfuzz.distance import JaroWinkler

from newsgraph.model import Entity, Mention

#: spaCy labels that name things; numbers and dates are left to amounts and times.
NAME_LABELS = {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW", "LANGUAGE"}

#: Similarity above which two surnames (or two given names) are spellings of one name.
NAME_SIMILARITY = 0.85

#: Small words skipped when spelling a name's initials ("Organisation for Security ..." -> OSCE).
INITIALS_SKIP = {"of", "the", "and", "for", "in", "on", "&", "de", "du", "des", "la", "le"}


@dataclass
class NameMention:
    start: int
    end: int
    text: str
    label: str
    #: Identity from a knowledge base ("country:RU"); mentions with one key are one entity.
    key: Optional[str] = None
    #: "name", or "embedded" for a name inside another name ("Zimbabwe" in "Air Zimbabwe").
    kind: str = "name"


def normalise(name: str) -> str:
    """Key for grouping non-person names: case, leading article and possessive dropped."""
    key = name.casefold().strip()
    if key.startswith("the "):
        key = key[4:]
    for suffix in ("'s", "\u2019s"):
        if key.endswith(suffix):
            key = key[: -len(suffix)]
    return " ".join(key.split())


def similar(a: str, b: str) -> bool:
    """One name spelled two ways: equal, or close enough and long enough to tell."""
    a, b = a.casefold(), b.casefold()
    return a == b or (min(len(a), len(b)) >= 4 and JaroWinkler.similarity(a, b) >= NAME_SIMILARITY)


def person_tokens(text: str) -> list[str]:
    return text.replace("\u2019s", "").replace("'s", "").split()


def initials(text: str) -> str:
    words = [w for w in text.replace("-", " ").split() if w.casefold() not in INITIALS_SKIP]
    return "".join(w[0] for w in words).upper() if len(words) > 1 else ""


def acronym(text: str) -> Optional[str]:
    """The letters of an acronym mention ("U.S." -> "US"), or None for an ordinary name."""
    letters = text.replace(".", "").replace("&", "")
    return letters if 2 <= len(letters) <= 8 and letters.isalpha() and letters.isupper() else None


class _Cluster:
    def __init__(self, m: NameMention) -> None:
        self.mentions = [m]
        self.key = m.key or normalise(m.text)
        self.person = m.label == "PERSON"

    def add(self, m: NameMention) -> None:
        self.mentions.append(m)

    def surnames(self) -> set[str]:
        return {person_tokens(m.text)[-1] for m in self.mentions if person_tokens(m.text)}

    def given_names(self) -> list[str]:
        return [person_tokens(m.text)[0] for m in self.mentions if len(person_tokens(m.text)) > 1]


def _given_agree(cluster: _Cluster, m: NameMention) -> bool:
    tokens = person_tokens(m.text)
    if len(tokens) < 2:
        return True
    mine = tokens[0].rstrip(".")
    for theirs in cluster.given_names():
        theirs = theirs.rstrip(".")
        if len(mine) == 1 or len(theirs) == 1:
            if mine[0].casefold() != theirs[0].casefold():
                return False
        elif not similar(mine, theirs):
            return False
    return True


def _person_home(clusters: list[_Cluster], m: NameMention) -> Optional[_Cluster]:
    tokens = person_tokens(m.text)
    if not tokens:
        return None
    for cluster in reversed(clusters):  # the person last named with this surname
        if cluster.person and any(similar(s, tokens[-1]) for s in cluster.surnames()) and _given_agree(cluster, m):
            return cluster
    return None


def abbreviates(a: str, b: str) -> bool:
    """One name is the acronym of the other ("EU", "European Union")."""
    return any(acronym(x) is not None and acronym(x) == initials(y) for x, y in ((a, b), (b, a)))


def _other_home(clusters: list[_Cluster], m: NameMention) -> Optional[_Cluster]:
    key = m.key or normalise(m.text)
    for cluster in clusters:
        if cluster.person:
            continue
        if cluster.key == key or (m.key is None and any(abbreviates(m.text, x.text) for x in cluster.mentions)):
            return cluster
    return None


def group(mentions: list[NameMention]) -> list[Entity]:
    """Entities in order of first mention, ids ``e1``, ``e2``, ..."""
    clusters: list[_Cluster] = []
    for m in sorted(mentions, key=lambda m: m.start):
        if m.label not in NAME_LABELS:
            continue
        home = _person_home(clusters, m) if m.label == "PERSON" else _other_home(clusters, m)
        if home is None:
            clusters.append(_Cluster(m))
        else:
            home.add(m)
    return [_entity(f"e{i + 1}", c.mentions) for i, c in enumerate(clusters)]


def _entity(eid: str, cluster: list[NameMention]) -> Entity:
    named = [m for m in cluster if m.kind == "name"] or cluster
    label = Counter(m.label for m in named).most_common(1)[0][0]
    mentions = [Mention(m.start, m.end, m.text, m.kind) for m in cluster]
    return Entity(id=eid, name=canonical_name(cluster, label), type=label, mentions=mentions)


def canonical_name(cluster: list[NameMention], label: str) -> str:
    """People: the fullest given names with the surname spelled as the article spells it
    most.  Others: a spelled-out form over an acronym, then the commonest, then the longest,
    with single spaces where the text broke a line ("World\nBank")."""
    if label != "PERSON":
        counts = Counter(" ".join(m.text.split()) for m in cluster)
        best = max(counts, key=lambda t: (acronym(t) is None, counts[t], len(t)))
        return best[4:] if best.startswith("the ") else best
    tokens = [person_tokens(m.text) for m in cluster]
    surnames = Counter(t[-1] for t in tokens if t)
    surname = max(surnames, key=lambda s: (surnames[s], -_first_index(tokens, s)))
    fullest = max(tokens, key=len)
    return " ".join(fullest[:-1] + [surname])


def _first_index(tokens: list[list[str]], surname: str) -> int:
    return next(i for i, t in enumerate(tokens) if t and t[-1] == surname)
