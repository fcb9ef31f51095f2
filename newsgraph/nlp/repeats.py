"""Component ``newsgraph_repeats``: passages an article says twice in nearly the same words.

Wire copy often restates a lead inside a later quote, or repeats an attribution ("said in
the article published by ...") with another name for the speaker.  Sentences that share
a word trigram are aligned word by word (difflib); runs of matching words separated by
short gaps form one passage pair, kept when enough words match and they make up most of
both passages.  An article has tens of sentences, so comparing candidate pairs directly
is cheap and gives exact passage bounds (corpus-wide copies use MinHash in corpus.dedupe).
"""
from __future__ import annotations

import itertools
from difflib import SequenceMatcher

from spacy.language import Language
from spacy.tokens import Doc, Span as SpacySpan, Token

from newsgraph.model import Repeat, Span
from newsgraph.nlp.component import doc_component

#: Matching words a passage needs: stock phrases ("he said on Monday") and one shared
#: noun phrase ("billion cubic metres of gas") are not repeats.
MIN_WORDS = 8
#: Share of the two passages' words that match (Dice coefficient).
MIN_SIMILARITY = 0.7
#: Unmatched words allowed between two matching runs of one passage.
MAX_GAP = 4
#: Words in the shingles that pick candidate sentence pairs.
SEED_WORDS = 3


def find_repeats(doc: Doc) -> list[Repeat]:
    if not doc.has_annotation("SENT_START"):
        return []
    sents = [[t for t in s if not (t.is_punct or t.is_space)] for s in doc.sents]
    keys = [[t.lower_ for t in words] for words in sents]
    seeds: dict[tuple[str, ...], set[int]] = {}
    for i, k in enumerate(keys):
        for j in range(len(k) - SEED_WORDS + 1):
            seeds.setdefault(tuple(k[j:j + SEED_WORDS]), set()).add(i)
    pairs = sorted({p for found in seeds.values() for p in itertools.combinations(sorted(found), 2)})
    repeats = []
    for i, j in pairs:
        repeats += _aligned(doc, sents[i], keys[i], sents[j], keys[j])
    return repeats


def _aligned(doc: Doc, a: list[Token], ka: list[str], b: list[Token], kb: list[str]) -> list[Repeat]:
    blocks = [m for m in SequenceMatcher(None, ka, kb, autojunk=False).get_matching_blocks() if m.size]
    groups: list[list] = []
    for m in blocks:
        last = groups[-1][-1] if groups else None
        if last and m.a - (last.a + last.size) <= MAX_GAP and m.b - (last.b + last.size) <= MAX_GAP:
            groups[-1].append(m)
        else:
            groups.append([m])
    out = []
    for g in groups:
        matched = sum(m.size for m in g)
        len_a = g[-1].a + g[-1].size - g[0].a
        len_b = g[-1].b + g[-1].size - g[0].b
        similarity = 2 * matched / (len_a + len_b)
        if matched >= MIN_WORDS and similarity >= MIN_SIMILARITY:
            out.append(Repeat(_span(doc, a[g[0].a], a[g[-1].a + g[-1].size - 1]),
                              _span(doc, b[g[0].b], b[g[-1].b + g[-1].size - 1]), round(similarity, 3)))
    return out


def _span(doc: Doc, first: Token, last: Token) -> Span:
    span: SpacySpan = doc[first.i:last.i + 1]
    return Span(span.start_char, span.end_char, span.text)


@Language.factory("newsgraph_repeats")
def make_repeats(nlp: Language, name: str):
    return doc_component("repeats", "repeats", find_repeats)
