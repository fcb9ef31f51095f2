"""Component ``newsgraph_tone``: article tone in GDELT's sense, from VADER's lexicon.

GDELT's tone is a word count, not a classifier: ``positive`` and ``negative`` are the
shares (in percent of all words) of words with a positive or negative entry in the
lexicon, ``score`` their difference and ``polarity`` their sum.  The lexicon is the one
shipped in the vaderSentiment package; a word counts with the opposite sign after a
negator ("not good"), and words inside names ("the Great Game") do not count.

Besides the component, the helpers below score a stored Record without spaCy: the tone
of a quotation and of the sentences where two entities occur together.
"""
from __future__ import annotations

import functools
import re
from pathlib import Path
from typing import Collection, Iterable, Optional

import vaderSentiment.vaderSentiment as vader
from spacy.language import Language
from spacy.tokens import Doc

from newsgraph.model import Quote, Record, Tone
from newsgraph.nlp.component import doc_component

#: How many words a negator reaches forward, as in VADER.
NEGATION_WINDOW = 3
WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
SENTENCE_END = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][\"'”’)]))\s+(?=[\"'“‘(]?[A-Z0-9])")


class Lexicon:
    """VADER's word valences plus its negators."""

    def __init__(self, valence: dict[str, float], negators: frozenset[str]) -> None:
        self.valence = valence
        self.negators = negators

    def tone(self, words: Iterable[tuple[str, str, bool]]) -> Tone:
        """Tone of ``(lower, lemma, counts)`` words; ``counts`` is False inside names, which
        still count as words but carry no sentiment."""
        n = pos = neg = 0
        since_negator = NEGATION_WINDOW + 1
        for lower, lemma, counts in words:
            n += 1
            since_negator += 1
            if lower in self.negators:
                since_negator = 0
                continue
            value = self.valence.get(lower, self.valence.get(lemma, 0.0)) if counts else 0.0
            if value and since_negator <= NEGATION_WINDOW:
                value = -value  # "not good": the first sentiment word after a negator flips
                since_negator = NEGATION_WINDOW + 1
            pos += value > 0
            neg += value < 0
        return make_tone(pos, neg, n)


@functools.lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """VADER's lexicon as shipped in the vaderSentiment package (words only, no emoticons)."""
    path = Path(vader.__file__).with_name("vader_lexicon.txt")
    valence = {}
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            word, mean, *_ = line.rstrip("\n").split("\t")
            if word.isalpha():
                valence[word] = float(mean)
    return Lexicon(valence, frozenset(vader.NEGATE) | {"n't", "no"})


def make_tone(positive: int, negative: int, words: int) -> Tone:
    if not words:
        return Tone()
    p, q = 100.0 * positive / words, 100.0 * negative / words
    return Tone(score=round(p - q, 3), positive=round(p, 3), negative=round(q, 3), polarity=round(p + q, 3))


def doc_tone(doc: Doc, start: int = 0, end: Optional[int] = None) -> Tone:
    """Tone of the tokens of ``doc`` between two character offsets (the whole text by default)."""
    tokens = doc if start == 0 and end is None else doc.char_span(
        start, end if end is not None else len(doc.text), alignment_mode="expand") or doc
    words = ((t.lower_, t.lemma_.lower(), t.ent_iob_ == "O") for t in tokens if t.is_alpha or t.lower_ == "n't")
    return lexicon().tone(words)


def text_tone(text: str) -> Tone:
    """Tone of plain text (no parse): capitalised words inside a sentence count as names."""
    def words():
        for sentence in SENTENCE_END.split(text):
            for k, m in enumerate(WORD.finditer(sentence)):
                word = m.group()
                lower = word.lower().replace("’", "'")
                yield lower, lower, k == 0 or not word[0].isupper()
    return lexicon().tone(words())


def quote_tone(quote: Quote) -> Tone:
    return text_tone(quote.text)


def sentence_bounds(text: str) -> list[tuple[int, int]]:
    bounds, start = [], 0
    for m in SENTENCE_END.finditer(text):
        bounds.append((start, m.start()))
        start = m.end()
    bounds.append((start, len(text)))
    return bounds


def pair_tone(record: Record, a: Collection[str], b: Collection[str]) -> Optional[Tone]:
    """Tone of the sentences of ``record`` that mention one of the entities ``a`` and one of
    ``b`` (ids; several when a side is a country with its cities and people), or None when
    the two sides never share a sentence."""
    sides = [[m.start for e in record.entities if e.id in ids for m in e.mentions] for ids in (a, b)]
    if not all(sides):
        return None
    text = record.article.text
    shared = [(s, e) for s, e in sentence_bounds(text)
              if all(any(s <= m < e for m in starts) for starts in sides)]
    if not shared:
        return None
    return text_tone(" ".join(text[s:e] for s, e in shared))


@Language.factory("newsgraph_tone")
def make_tone_component(nlp: Language, name: str):
    lexicon()
    return doc_component("tone", "tone", doc_tone)
