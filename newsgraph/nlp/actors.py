"""Who an argument of a verb is: the entity a noun phrase refers to and its CAMEO actor code.

CAMEO codes a state actor as the country (ISO alpha-3) plus a role (``RUSGOV``), so a
person acts for the country of their office: ``Russian Foreign Minister Sergey Lavrov`` is
``RUSGOV``, ``Gondor's police`` is ``GONCOP``, a capital standing for its state codes as
the state, and a first person inside a quotation is the quote's speaker.  Everything comes
from ``doc._.entities`` (places, roles, metonymy) and ``doc._.quotes``; the tables are in
``newsgraph/data/cameo_actors.json``, optionally extended by an analyst's own actor file.
"""
from __future__ import annotations

import functools
import json
from dataclasses import dataclass
from typing import Iterable, Optional

import pycountry
from spacy.tokens import Doc, Token

from newsgraph.model import Entity, Quote
from newsgraph.nlp.cameo import load_json
from newsgraph.resolve.gazetteer import gazetteer

#: Entity types that can act or be acted upon.
ACTOR_TYPES = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"})
#: Dependencies that stay inside a noun phrase's pre-modifiers ("Russian Foreign Minister X").
MODIFIER_DEPS = frozenset({"compound", "amod", "poss", "nmod", "appos", "flat", "case", "det", "punct"})
#: Prepositions through which a noun points at its actor, in order of preference:
#: "ties with Gondor", "an attack by Osgiliath soldiers", "the ambassadors of Arnor".
ACTOR_PREPS = ("with", "between", "by", "against", "to", "toward", "towards", "of", "from", "in", "at", "on")
#: Of those, the ones that name where something is rather than who it concerns.
LOCATIVE = frozenset({"in", "at"})
#: Dependencies of a noun that modifies another rather than heading its own phrase.
POSSESSOR_DEPS = frozenset({"amod", "compound", "poss", "nmod"})
MAX_DEPTH = 4
PLACE_TYPES = frozenset({"GPE", "LOC"})
#: Dependencies by which a misparsed list of place names hangs on its last member.
LIST_DEPS = frozenset({"appos", "nmod", "compound"})
#: The country part of a role actor that belongs to no named place ("rebels attacked",
#: "police arrested students"): CAMEO's unknown country, as PETRARCH writes it.
UNKNOWN_COUNTRY = "---"


@dataclass(frozen=True)
class Actor:
    """An entity and its CAMEO code; ``entity`` is None for a role that names no one
    ("police", "clerics and lawmakers"), coded with ``UNKNOWN_COUNTRY``."""

    entity: Optional[str]
    code: Optional[str] = None


class ActorTable:
    """Role nouns, region, seat-of-government and organisation codes, and an optional
    analyst's actor file."""

    def __init__(self, data: dict, extra: Optional[dict[str, str]] = None) -> None:
        self._agents: dict[str, str] = data["agents"]
        self._not_groups = frozenset(data["not_groups"])
        named = {**data["regions"], **data["seats"], **data["groups"], **data["organisations"], **(extra or {})}
        self._named = {k.casefold(): v for k, v in named.items()}
        # "the Shire" is also named without its article
        bare = {k[4:]: v for k, v in self._named.items() if k.startswith("the ")}
        self._named = {**bare, **self._named}

    @classmethod
    def load(cls, actors_path: Optional[str] = None) -> "ActorTable":
        extra = None
        if actors_path:
            with open(actors_path, encoding="utf-8") as fh:
                extra = json.load(fh)
        return cls(load_json("cameo_actors.json"), extra)

    def agent(self, word: str) -> Optional[str]:
        """The role code of a role noun ("" for nouns that stand for their place, such as
        "partners"), None for other words."""
        word = word.casefold()
        forms = [word]
        if word.endswith("s"):  # "ministers", "congresses"
            forms += [word[:-1], word[:-2]]
        return next((self._agents[w] for w in forms if w in self._agents), None)

    def is_group(self, tok: Token) -> bool:
        """Whether a role noun stands for a group of its own ("rebels", "the police") rather
        than modifying another noun ("military ties"), belonging to someone ("its embassy")
        or naming a thing ("borrowing authority")."""
        return tok.pos_ == "NOUN" and tok.dep_ not in POSSESSOR_DEPS and tok.lower_ not in self._not_groups and not any(
            c.dep_ == "poss" for c in tok.children)

    def named(self, name: str) -> Optional[str]:
        return self._named.get(" ".join(name.split()).casefold())


@functools.lru_cache(maxsize=512)
def country_code(code: str) -> Optional[str]:
    """ISO 3166 alpha-3 for an alpha-2 (or alpha-3) code, as CAMEO codes countries."""
    country = pycountry.countries.get(alpha_2=code) if len(code) == 2 else pycountry.countries.get(alpha_3=code)
    return country.alpha_3 if country else None


def compose(base: Optional[str], agent: Optional[str]) -> Optional[str]:
    """``RUS`` + ``GOV``; organisation codes (IGO...) already say what they are."""
    if base is None:
        return None
    return base + agent if agent and len(base) == 3 else base


def noun_modifiers(root: Token) -> Iterable[Token]:
    """The pre-modifiers of a noun phrase, through compounds, possessives and appositions."""
    for child in root.children:
        if child.dep_ in MODIFIER_DEPS:
            yield child
            yield from noun_modifiers(child)


class DocActors:
    """Actors of one Doc: which entity each token belongs to and what it codes as."""

    def __init__(self, doc: Doc, entities: list[Entity], quotes: Optional[list[Quote]],
                 table: ActorTable, first_person: frozenset[str]) -> None:
        self.table = table
        self.first_person = first_person
        self.entities = {e.id: e for e in entities}
        self._token_entity: dict[int, Entity] = {}
        self._roots: dict[str, list[Token]] = {}
        for e in entities:
            if e.type not in ACTOR_TYPES:
                continue
            # names last, so that a token in both a name and a nominal mention is the name's
            for m in sorted(e.mentions, key=lambda m: m.kind == "name"):
                span = doc.char_span(m.start, m.end, alignment_mode="expand")
                if span is None:
                    continue
                for tok in span:
                    self._token_entity[tok.i] = e
                if m.kind == "name":
                    self._roots.setdefault(e.id, []).append(span.root)
        self._affiliations: dict[str, tuple[Optional[str], Optional[str]]] = {}
        self._quotes = [(q.start, q.end, self.entities[q.speaker]) for q in quotes or ()
                        if q.speaker in self.entities]
        self._place_words = {m.text.casefold(): b for e in entities if e.type in ("GPE", "NORP", "LOC")
                             for b in [self._base(e)] if b for m in e.mentions if m.kind == "name"}

    def entity_at(self, tok: Token) -> Optional[Entity]:
        return self._token_entity.get(tok.i)

    def speaker_at(self, tok: Token) -> Optional[Entity]:
        """The speaker of the quotation ``tok`` is in (innermost), if any."""
        inside = [(end - start, e) for start, end, e in self._quotes if start <= tok.idx < end]
        return min(inside, key=lambda p: p[0])[1] if inside else None

    def phrase(self, tok: Token, subject: bool = False, places: bool = True) -> list[Actor]:
        """Actors of the noun phrase headed by ``tok`` and of the phrases coordinated with it.
        A ``subject`` that is neither a name nor a role noun acts only through its modifiers
        ("Moscow's plan"), never through a prepositional object ("an embargo against Mordor");
        without ``places`` a plain head noun does not point through "in" or "at" ("an
        agreement in Istanbul" is not about Turkey, "the coup in Niger" is)."""
        return _unique(self._coordinated(tok, 0, subject, places))

    def _head(self, tok: Token, depth: int, subject: bool = False, places: bool = True) -> list[Actor]:
        if depth > MAX_DEPTH:
            return []
        entity = self.entity_at(tok)
        if entity is not None:
            return [self.actor(entity, self._agent_of(tok))]
        if tok.lower_ in self.first_person:
            speaker = self.speaker_at(tok)
            return [self.actor(speaker)] if speaker else []
        agent = self.table.agent(tok.lemma_)
        agent = self.table.agent(tok.lower_) if agent is None else agent
        if agent is None:
            agent = self._modifier_agent(tok)
        if agent is not None:
            return self._agent_phrase(tok, agent, depth)
        for child in self._pointers(tok, preps=not subject, places=places):
            found = self._coordinated(child, depth + 1, places=places)
            if found:
                return found
        return []

    def _modifier_agent(self, tok: Token) -> Optional[str]:
        """The role a plain head noun takes from a role noun compounded with it: "the
        opposition party" is the opposition, "a government newspaper" the government's (an
        adjective is no role: "military ties")."""
        roles = (self.table.agent(c.lemma_) for c in tok.children
                 if c.dep_ == "compound" and c.i < tok.i and self.entity_at(c) is None)
        return next((a for a in roles if a), None)

    def _agent_phrase(self, tok: Token, agent: str, depth: int) -> list[Actor]:
        """"Gondor's government", "soldiers from Gondor", "Minister Telemar": the person if
        one is named, else the place, with ``agent`` as role."""
        named = (self.entity_at(c) for c in tok.children if c.dep_ in ("appos", "compound"))
        person = next((e for e in named if e is not None and e.type == "PERSON"), None)
        places = self._places(tok, depth)
        if not places and tok.dep_ == "conj":
            # "Danish media and government": the modifiers of the first conjunct are shared
            places = self._places(tok.head, depth)
        if person is not None:
            base = self._affiliation(person)[0] or next((self._base(self.entities[a.entity]) for a in places), None)
            return [Actor(person.id, compose(base, agent))]
        if not places:
            # "police arrested students": a role of no named place still acts
            return [Actor(None, UNKNOWN_COUNTRY + agent)] if agent and self.table.is_group(tok) else []
        # "President of ... Jose Manuel Barroso": a person the role points at keeps his own code
        return [Actor(a.entity, compose(self._base(self.entities[a.entity]), agent) or a.code) for a in places]

    def _places(self, tok: Token, depth: int) -> list[Actor]:
        """What a role noun belongs to; those with a code if any ("the Calenardhon Minister
        of Silly Walks" belongs to Calenardhon, not to Silly Walks)."""
        found = [a for c in self._pointers(tok) for a in self._coordinated(c, depth + 1) if a.entity is not None]
        coded = [a for a in found if self._base(self.entities[a.entity])]
        return coded or found

    def _coordinated(self, tok: Token, depth: int, subject: bool = False, places: bool = True) -> list[Actor]:
        found = self._head(tok, depth, subject, places)
        for member in self._members(tok):
            found += self._head(member, depth, subject, places)
        return found

    def _members(self, tok: Token) -> list[Token]:
        """The other members of a list ``tok`` heads: its conjuncts, and place names the parser
        hung on a place name as apposition or modifier ("Mordor, the Shire, Arnor and Bree",
        "Arnor, Calenardhon and the awful Gondor"): one country does not modify another."""
        members = [c for c in tok.conjuncts if c.i > tok.i]
        own = self.entity_at(tok)
        if own is None or own.type not in PLACE_TYPES:
            return members
        for child in tok.children:
            other = self.entity_at(child)
            if (child.dep_ in LIST_DEPS and other is not None and other is not own and other.type in PLACE_TYPES
                    and self._base(other) != self._base(own)):
                members += [child, *child.conjuncts]
        return members

    def _pointers(self, tok: Token, preps: bool = True, places: bool = True) -> list[Token]:
        """Tokens through which a noun points at who it is about, most telling first."""
        # an apposition names the noun itself ("the lions, Gondor"), so it comes first
        out = [c for c in tok.children if c.dep_ == "appos"]
        out += [c for c in tok.children if c.dep_ in ("poss", "compound", "amod", "nmod")]
        if not preps:
            return out
        by_prep = {c.lower_: c for c in tok.children if c.dep_ == "prep"}
        for p in ACTOR_PREPS:
            if p in by_prep and (places or p not in LOCATIVE):
                out += [c for c in by_prep[p].children if c.dep_ == "pobj"]
        return out

    def _agent_of(self, tok: Token) -> Optional[str]:
        """A role noun heading the phrase a name is part of ("Gondor's government")."""
        head = tok.head if tok.dep_ in ("poss", "compound", "amod") else None
        return self.table.agent(head.lemma_) if head is not None and self.entity_at(head) is None else None

    def actor(self, entity: Entity, agent: Optional[str] = None) -> Actor:
        base, own_agent = self._affiliation(entity)
        role = agent or own_agent
        if base is None and role and entity.type in ("PERSON", "ORG"):
            # "Finance Minister Dilson Funaro" in a story that does not say whose: a minister
            return Actor(entity.id, UNKNOWN_COUNTRY + role)
        return Actor(entity.id, compose(base, role))

    def _base(self, entity: Entity) -> Optional[str]:
        """The country, region or organisation code of an entity itself."""
        names = [entity.name] + [m.text for m in entity.mentions if m.kind == "name"]
        for name in names:
            code = self.table.named(name)
            if code:
                return code
        target = entity.metonym_for
        if target in self.entities and target != entity.id:
            return self._base(self.entities[target])
        for code in (target, entity.country):
            if code and country_code(code.upper()):
                return country_code(code.upper())
        if entity.type == "NORP":
            # "Danish Islamist": a group named by its country's adjective and something else
            return next((b for w in entity.name.split() if (b := adjective_base(w))), None)
        return None

    def _affiliation(self, entity: Entity) -> tuple[Optional[str], Optional[str]]:
        """(base code, role) of an entity; for a person or organisation their country from
        their title or the place names around their name, their role from role nouns."""
        if entity.id not in self._affiliations:
            self._affiliations[entity.id] = self._find_affiliation(entity)
        return self._affiliations[entity.id]

    def _find_affiliation(self, entity: Entity) -> tuple[Optional[str], Optional[str]]:
        base = self._base(entity)
        if entity.type in ("GPE", "LOC", "NORP", "FAC"):
            return base, None
        words = [w for role in entity.roles for w in role.split()]
        names = [m.text for m in entity.mentions if m.kind == "name"]
        name_words = [w for n in names for w in n.split()]
        # an organisation is what its head noun says: "International Criminal Court" is a
        # court, "Bank of England" a bank; a person's name may hold a title ("Minister X")
        role_words = words + ([head_noun(n) for n in names] if entity.type == "ORG" else name_words)
        words += name_words
        mods = [t for root in self._roots.get(entity.id, ()) for t in self._np_of(root)]
        # a possessor is someone else: "the Kenyan government's fiercest critic" is Kenyan,
        # not government
        possessors = {p.i for t in mods if t.dep_ == "poss" for p in t.subtree}
        roles = [t.lemma_ for t in mods if t.i not in possessors]
        agent = next((a for a in (self.table.agent(w) for w in role_words + roles) if a), None)
        if base is None:
            base = next((b for b in (self._token_base(t) for t in mods) if b), None)
        if base is None:
            base = next((b for b in (self._word_base(w) for w in words) if b), None)
        return base, agent

    def _np_of(self, root: Token) -> list[Token]:
        top = root.head if root.dep_ in ("appos", "compound") else root
        return [top, *noun_modifiers(top)]

    def _token_base(self, tok: Token) -> Optional[str]:
        entity = self.entity_at(tok)
        if entity is not None and (entity.type in ("GPE", "NORP", "LOC") or self.table.named(entity.name)):
            # a place, or an organisation of the actor table: "President of the European
            # Commission Jose Manuel Barroso" acts for the EU
            return self._base(entity)
        return self._word_base(tok.text)

    def _word_base(self, word: str) -> Optional[str]:
        return self._place_words.get(word.casefold()) or self.table.named(word) or adjective_base(word)


def head_noun(name: str) -> str:
    """The last word of a name before its "of" phrase: "Bank of England" -> "Bank"."""
    words = name.split(" of ")[0].split()
    return words[-1] if words else ""


def adjective_base(word: str) -> Optional[str]:
    """The country code of a capitalised national adjective ("Danish" -> DNK)."""
    place = gazetteer().adjective(word) if word[:1].isupper() else None
    return country_code(place.key) if place is not None and place.kind == "country" else None


def _unique(actors: list[Actor]) -> list[Actor]:
    return list(dict.fromkeys(actors))
