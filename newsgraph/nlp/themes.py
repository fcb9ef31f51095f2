"""Component ``newsgraph_themes``: what an article is about, from a taxonomy of news themes.

A theme is assigned wherever one of its evidence phrases (``newsgraph/data/themes.json``,
written as lemmas) matches the lemmas of the text, so "investments amounted to" and
"investing" are evidence of the same theme.  Every match is kept with its offsets, like
GDELT's themes, so a reader can see why an article carries a theme and how often.
"""
from __future__ import annotations

import functools
import json

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans
from spacy.vocab import Vocab

from newsgraph.model import Theme
from newsgraph.nlp.component import doc_component
from newsgraph.nlp.lexicon import DATA_DIR


@functools.lru_cache(maxsize=1)
def taxonomy() -> dict[str, list[str]]:
    """Theme name -> evidence phrases (lemmas)."""
    return json.loads((DATA_DIR / "themes.json").read_text(encoding="utf-8"))["themes"]


def build_matcher(vocab: Vocab, themes: dict[str, list[str]]) -> PhraseMatcher:
    """A LEMMA matcher; each phrase also title-cased, since spaCy keeps the case of proper
    noun lemmas ("Trade fell" at a sentence start, headlines)."""
    matcher = PhraseMatcher(vocab, attr="LEMMA")
    for name, phrases in themes.items():
        variants = dict.fromkeys(v for phrase in phrases for v in (phrase, phrase.title()))
        matcher.add(name, [Doc(vocab, words=v.split(), lemmas=v.split()) for v in variants])
    return matcher


class ThemeFinder:
    """The phrase matcher over the taxonomy, built once per pipeline."""

    def __init__(self, vocab: Vocab) -> None:
        self.matcher = build_matcher(vocab, taxonomy())

    def __call__(self, doc: Doc) -> list[Theme]:
        by_theme: dict[int, list[Span]] = {}
        for match_id, start, end in self.matcher(doc):
            by_theme.setdefault(match_id, []).append(doc[start:end])
        # "diplomatic ties" is one piece of evidence, not also "diplomatic"
        spans = [(s, match_id) for match_id, found in by_theme.items() for s in filter_spans(found)]
        return [Theme(s.start_char, s.end_char, s.text, name=doc.vocab.strings[match_id])
                for s, match_id in sorted(spans, key=lambda p: (p[0].start, p[0].end))]


@Language.factory("newsgraph_themes")
def make_themes(nlp: Language, name: str):
    return doc_component("themes", "themes", ThemeFinder(nlp.vocab))
