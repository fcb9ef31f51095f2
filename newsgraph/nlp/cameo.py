"""The CAMEO codebook and verb dictionary (``newsgraph/data/cameo_*.json``), loaded once.

Coding an action is a lookup: a verb lemma and the lemmas of its arguments (particle,
prepositions, object) select the most specific dictionary entry.  Keeping the tables in
data files lets analysts extend the dictionary the way PETRARCH users extend theirs.
"""
from __future__ import annotations

import functools
import json
from dataclasses import dataclass
from typing import Optional, Union

from newsgraph.nlp.lexicon import DATA_DIR

Entry = Union[str, dict[str, str]]


@dataclass(frozen=True)
class Code:
    code: str
    root: str
    quad_class: int
    goldstein: float
    name: str


@dataclass(frozen=True)
class Action:
    """What a verb codes: ``forward`` from source to target, ``backward`` from target to
    source (``visit`` is 042 for the visitor and 043, hosting, for the visited)."""

    forward: Optional[str]
    backward: Optional[str] = None

    @classmethod
    def parse(cls, value: str) -> "Action":
        forward, _, backward = value.partition(":")
        return cls(forward or None, backward or None)


def load_json(name: str) -> dict:
    with open(DATA_DIR / name, encoding="utf-8") as fh:
        return json.load(fh)


class Codebook:
    """CAMEO codes with their root, quad class and Goldstein score."""

    def __init__(self, data: dict) -> None:
        self._names = {c: v["name"] for c, v in data["codes"].items()}
        self._goldstein = {c: float(v["goldstein"]) for c, v in data["codes"].items()}
        self._quad = {r: int(q) for r, q in data["quad_class"].items()}

    def __contains__(self, code: str) -> bool:
        return code in self._names

    def __getitem__(self, code: str) -> Code:
        if code not in self._names:
            raise KeyError(f"not a CAMEO code in the codebook: {code!r}")
        root = code[:2]
        return Code(code, root, self._quad[root], self._goldstein[code], self._names[code])


class VerbDictionary:
    """Verb lemma + argument lemmas -> Action, plus the intent recoding of CAMEO 03/13."""

    def __init__(self, data: dict) -> None:
        nominal = data["nominal"]
        self._nouns = {lemma: Action.parse(code) for lemma, code in nominal["nouns"].items()}
        self._verbs: dict[str, list[tuple[frozenset[str], Action]]] = {}
        for lemma, entry in data["verbs"].items():
            table = {"": entry} if isinstance(entry, str) else entry
            self._verbs[lemma] = [(frozenset(k.split()), Action.parse(v)) for k, v in table.items()]
        for lemma in nominal["light_verbs"]:
            # "held talks", "staged an attack": the event noun codes the light verb, after
            # the verb's own entries ("open talks" is a negotiation)
            own = self._verbs.setdefault(lemma, [])
            named = {w for words, _ in own for w in words}
            own += [(frozenset([noun]), action) for noun, action in self._nouns.items() if noun not in named]
        for patterns in self._verbs.values():
            # most specific first (stable: own entries before nouns), so the first pattern
            # whose words are all present wins
            patterns.sort(key=lambda p: -len(p[0]))
        intent = data["intent"]
        self.intent_triggers = frozenset(intent["triggers"])
        self._recode = intent["recode"]
        self.negators = frozenset(data["negators"])
        self.negation_exceptions = frozenset(data["negation_exceptions"])
        #: codes (prefixes) of statements about someone, whose target may be the subject of
        #: the complement clause ("warned that Gondor would ..."); not 019, agreeing on a view
        self._clause_target_codes = tuple(data["clause_target_codes"])
        #: those a statement is made to, not about: "told reporters that Gondor ..."
        self.audiences = frozenset(data["audiences"])
        self.hostile_roots = frozenset(data["hostile_roots"])
        #: roots of acts done somewhere (meeting, signing, aid), so that a place after the
        #: object that codes them says where ("signed an agreement in Istanbul"), while a
        #: request or statement is about the place ("called for a ceasefire in Gaza")
        self.located_roots = frozenset(data["located_roots"])
        #: codes (prefixes) of acts that parties do together, so that coordinated actors with
        #: no other target do them to each other ("A and B signed a treaty", "talks between A
        #: and B"), unlike "A and B praised the plan" or "mediation between A and B"
        self._reciprocal = tuple(data["reciprocal_codes"])
        #: verb -> prepositions whose object, not the one addressed, is the target: "warned
        #: Gondor about the Prince" is a warning about the Prince, given to Gondor
        self._topics: dict[str, tuple[str, ...]] = {v: tuple(p) for v, p in data["topics"].items()}
        self.conditional_marks = frozenset(data["conditional_marks"])
        self.first_person = frozenset(data["first_person"])
        self.future_modals = frozenset(data["future_modals"])
        self.possibility_modals = frozenset(data["possibility_modals"])
        #: verb of happening -> the objects it needs, one of ("take place"), "" for none
        self._happen: dict[str, set[str]] = {}
        for phrase in nominal["happen"]:
            verb, _, obj = phrase.partition(" ")
            self._happen.setdefault(verb, set()).add(obj)
        #: pronoun -> whether it refers to a person (None: either)
        self.third_person: dict[str, Optional[bool]] = data["third_person"]

    def __contains__(self, lemma: str) -> bool:
        return lemma in self._verbs

    def headword(self, lemma: str, form: str) -> Optional[str]:
        """The dictionary lemma of a verb: its own lemma, else its form stripped of an
        inflection, for rare verbs the tagger lemmatises wrongly ("cordoned" -> "cordone")."""
        for word in (lemma, form, *base_forms(form)):
            if word in self._verbs:
                return word
        return None

    def action(self, lemma: str, args: set[str]) -> Optional[Action]:
        """The entry for ``lemma`` whose words are all among ``args``, the longest first."""
        for words, action in self._verbs.get(lemma, ()):
            if words <= args:
                return action
        return None

    def action_words(self, lemma: str) -> frozenset[str]:
        """Every argument word the entries of ``lemma`` name ("in" for "arrive in")."""
        return frozenset(w for words, _ in self._verbs.get(lemma, ()) for w in words)

    def noun_action(self, lemma: str) -> Optional[Action]:
        """What an event noun codes ("talks", "visit", "attack")."""
        return self._nouns.get(lemma)

    def happens(self, lemma: str, objects: set[str]) -> bool:
        """Whether a verb with these object lemmas says its subject took place."""
        needed = self._happen.get(lemma, set())
        return "" in needed or bool(needed & objects)

    def topics(self, lemma: str) -> tuple[str, ...]:
        return self._topics.get(lemma, ())

    def reciprocal(self, code: Optional[str]) -> bool:
        return bool(code) and code.startswith(self._reciprocal)

    def clause_target(self, action: Action) -> bool:
        return any(code.startswith(self._clause_target_codes) for code in (action.forward, action.backward) if code)

    def intent(self, code: str) -> str:
        """The CAMEO code for announcing ``code`` instead of doing it (unchanged if none)."""
        for key in (code, code[:3], code[:2]):
            if key in self._recode:
                return self._recode[key]
        return code


def base_forms(form: str) -> tuple[str, ...]:
    """Candidate bases of an inflected English verb form: "cordoned" -> cordon, cordone;
    "stopped" -> stopp, stoppe, stop; "carried" -> carry."""
    for suffix in ("ied", "ing", "ed", "es", "s"):
        stem = form[:-len(suffix)]
        if form.endswith(suffix) and len(stem) > 2:
            if suffix == "ied":
                return (stem + "y",)
            doubled = (stem[:-1],) if stem[-1] == stem[-2] else ()
            return (stem, stem + "e", *doubled)
    return ()


@functools.lru_cache(maxsize=1)
def codebook() -> Codebook:
    return Codebook(load_json("cameo_codes.json"))


@functools.lru_cache(maxsize=1)
def verbs() -> VerbDictionary:
    return VerbDictionary(load_json("cameo_verbs.json"))
