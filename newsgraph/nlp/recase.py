"""Names in upper-case lines (headlines, datelines, results tables), found by tagging a
true-cased copy of the line.

The small model keys on capitalisation, so ``ROMANIA BEAT LITHUANIA`` yields nothing.  Each
shouting line is re-cased word by word (the casing the article itself uses elsewhere, else
title case for known places, else lower case for dictionary words, else title case) and run
through the NER alone (it has its own embedding layer), keeping the tokenisation, so the
entities map straight back onto the original tokens.
"""
from __future__ import annotations

from collections import Counter
from typing import Callable, Iterator

from spacy.tokens import Doc

from newsgraph.resolve.gazetteer import gazetteer, is_code

#: (start token, end token, label)
TokenSpan = tuple[int, int, str]


def lines(doc: Doc) -> Iterator[tuple[int, int]]:
    """Token ranges of the text's lines (newline tokens excluded)."""
    start = 0
    for tok in doc:
        if "\n" in tok.text or "\n" in tok.whitespace_:
            end = tok.i if tok.is_space else tok.i + 1
            if end > start:
                yield start, end
            start = tok.i + 1
    if start < len(doc):
        yield start, len(doc)


def _shouted(tok) -> bool:
    return tok.is_alpha and tok.is_upper and len(tok) > 1


def shouting(doc: Doc, start: int, end: int) -> list[int]:
    """Tokens of a line to re-case: all of its upper-case words when it has no lower-case
    word, else a leading upper-case run closed by a comma or dash (a dateline)."""
    words = [t for t in doc[start:end] if t.is_alpha and len(t) > 1]
    if words and all(t.is_upper for t in words):
        return [t.i for t in words]
    run = []
    for tok in doc[start:end]:
        if _shouted(tok):
            run.append(tok.i)
        elif run and tok.text in {",", "-", "(", "\u2014", "\u2013"}:
            return run
        else:
            break
    return []


def casing(doc: Doc) -> dict[str, str]:
    """How the article writes each word outside upper-case stretches: the commonest casing
    of non-initial tokens."""
    counts: dict[str, Counter] = {}
    for tok in doc:
        if tok.is_alpha and not tok.is_upper and not tok.is_sent_start and tok.i > 0 and doc[tok.i - 1].text != "\n":
            counts.setdefault(tok.lower_, Counter())[tok.text] += 1
    return {low: c.most_common(1)[0][0] for low, c in counts.items()}


def recase_word(word: str, seen: dict[str, str], dictionary: frozenset[str]) -> str:
    low = word.lower()
    if low in seen:
        return seen[low]
    if is_code(word) and gazetteer().places(word):
        return word
    title = word.title()
    if gazetteer().places(title) or gazetteer().adjective(title):
        return title
    return low if low in dictionary else title


def recased_entities(doc: Doc, ner: Callable[[Doc], Doc], dictionary: frozenset[str]) -> tuple[set[int], list[TokenSpan]]:
    """(tokens that were re-cased, entities found on the re-cased lines)."""
    touched: set[int] = set()
    found: list[TokenSpan] = []
    seen: dict[str, str] | None = None
    for start, end in lines(doc):
        idx = set(shouting(doc, start, end))
        if not idx:
            continue
        seen = casing(doc) if seen is None else seen
        words = [recase_word(t.text, seen, dictionary) if t.i in idx else t.text for t in doc[start:end]]
        words[0] = words[0][:1].upper() + words[0][1:]
        copy = ner(Doc(doc.vocab, words=words, spaces=[bool(t.whitespace_) for t in doc[start:end]]))
        touched |= idx
        found += [(start + e.start, start + e.end, e.label_) for e in copy.ents
                  if any(start + i in idx for i in range(e.start, e.end))]
    return touched, found
