"""The reporting-cue lexicon (``newsgraph/data/cues.json``) as fast lookups on tokens.

Kept apart from the quote finder so that other components (amounts, events) can ask
"is this a verb of saying?" without pulling in quotation logic.
"""
from __future__ import annotations

import functools
import json
from dataclasses import dataclass
import pathlib

import numpy as np
from spacy.attrs import LEMMA, LOWER
from spacy.strings import StringStore
from spacy.tokens import Doc, Token

DATA = pathlib.Path(__file__).resolve().parent.parent / "data" / "cues.json"


def _hash(word: str) -> int:
    return StringStore()[word]


@dataclass(frozen=True)
class CueLexicon:
    speech: frozenset[str]
    belief: frozenset[str]
    characterize: frozenset[str]
    object: frozenset[str]
    #: verb -> the object word that makes it a cue ("as X put it")
    idioms: dict[str, str]
    #: verb -> prepositions whose object is the content ("call for", "warn of")
    prep_objects: dict[str, tuple[str, ...]]
    #: first word -> the remaining words of each multi-word phrase starting with it
    phrases: dict[str, tuple[tuple[str, ...], ...]]
    media_nouns: frozenset[str]
    platforms: frozenset[str]
    media_preps: frozenset[str]
    medium_links: frozenset[str]
    outlets_verbs: frozenset[str]

    def verb_class(self, token: Token) -> str | None:
        """"speech", "belief" or None for a verb token."""
        if token.pos_ not in ("VERB", "AUX") and not token.tag_.startswith("VB"):
            return None
        lemma = token.lemma_.lower()
        if lemma in self.speech or lemma in self.characterize or lemma in self.object or lemma in self.prep_objects:
            return "speech"
        if lemma in self.belief:
            return "belief"
        word = self.idioms.get(lemma)
        if word is not None and any(c.lower_ == word for c in token.children):
            return "speech"
        return None

    def candidates(self, doc: Doc) -> list[int]:
        """Indices of the tokens that may start a cue (by lemma or by first word), found
        on the token arrays so that no Token object is built for the rest."""
        arr = doc.to_array([LEMMA, LOWER])
        hits = np.isin(arr[:, 0], self._lemma_hashes) | np.isin(arr[:, 1], self._first_word_hashes)
        return np.flatnonzero(hits).tolist()

    @functools.cached_property
    def _lemma_hashes(self) -> np.ndarray:
        words = self.speech | self.belief | self.characterize | self.object | set(self.prep_objects) | set(self.idioms)
        return np.array(sorted(_hash(w) for w in words), dtype=np.uint64)

    @functools.cached_property
    def _first_word_hashes(self) -> np.ndarray:
        return np.array(sorted(_hash(w) for w in self.phrases), dtype=np.uint64)

    def phrase_at(self, token: Token) -> int:
        """Length in tokens of the cue phrase starting at ``token`` (0 if none)."""
        rests = self.phrases.get(token.lower_)
        if not rests:
            return 0
        doc = token.doc
        for rest in rests:
            end = token.i + 1 + len(rest)
            if end <= len(doc) and all(doc[token.i + 1 + k].lower_ == w for k, w in enumerate(rest)):
                return 1 + len(rest)
        return 0


@functools.lru_cache(maxsize=1)
def lexicon() -> CueLexicon:
    raw = json.loads(DATA.read_text(encoding="utf-8"))
    phrases: dict[str, list[tuple[str, ...]]] = {}
    for words in raw["phrases"]:
        phrases.setdefault(words[0], []).append(tuple(words[1:]))
    sets = {k: frozenset(w.lower() for w in raw[k]) for k in (
        "speech", "belief", "characterize", "object", "media_nouns", "platforms",
        "media_preps", "medium_links", "outlets_verbs")}
    return CueLexicon(phrases={k: tuple(sorted(v, key=len, reverse=True)) for k, v in phrases.items()},
                      prep_objects={k: tuple(v) for k, v in raw["prep_objects"].items()},
                      idioms=dict(raw["idioms"]), **sets)
