"""Component ``newsgraph_amounts``: the quantities of an article that are amounts, with
what they count, the period they cover and who claims them.

``quantities.scan`` reads the figures; this module judges them on the parse.  Not
amounts: anything inside a time expression (``doc._.times``: years, dates, clock
times), bare numbers that name rather than count ("No. 1", "Flight 17", "Boeing 747"),
pronoun-like "one", and bare year-like integers.  The object is the noun phrase the
number modifies ("900,000 jobs"), the one after "of" ("10,000 tonnes of wheat"), or the
subject of a verb of value ("investments amounted to $30.5 billion").  The period is a
time expression attached to the same clause; the speaker is that of the innermost
quote around the amount that has one (``doc._.quotes``).
"""
from __future__ import annotations

import bisect
import re
from typing import Optional

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from newsgraph.model import Amount, Quote, TimeRef
from newsgraph.nlp import lexicon
from newsgraph.nlp.component import doc_component
from newsgraph.nlp.quantities import Quantity, scan
from newsgraph.resolve.within import NAME_LABELS

_CONTEXT = lexicon.load("amounts.json")
ID_WORDS = frozenset(_CONTEXT["id_words"])
VALUE_VERBS = frozenset(_CONTEXT["value_verbs"])

#: Dependents that belong in the noun phrase an amount counts ("accumulated Russian investments").
NOUN_MODIFIERS = frozenset({"amod", "compound", "nmod", "poss", "nummod", "npadvmod", "advmod", "quantmod", "case"})
NOUNS = ("NOUN", "PROPN")
_WORD_BEFORE = re.compile(r"([\w#.]+)\s*$")


def _is_amount(doc: Doc, text: str, q: Quantity, root: Token) -> bool:
    """Whether a quantity counts or measures something.  Only bare numbers (no currency,
    scale or unit) can fail: they may name a thing instead."""
    if not q.bare:
        return True
    number = doc.char_span(q.number_start, q.number_end, alignment_mode="expand") or [root]
    if any(t.ent_type_ in NAME_LABELS for t in number):
        return False  # a number inside a name: "Boeing 747", "the Group of 20"
    counts = root.dep_ == "nummod" and root.head.pos_ == "NOUN"
    if q.plain and 1800 <= q.value <= 2100 and not counts:
        return False  # a year the times component did not claim
    if q.words and q.value == 1 and not counts:
        return False  # "one of the largest", "no one"
    before = _WORD_BEFORE.search(text, max(0, q.start - 16), q.start)
    return not (q.plain and before and before.group(1).lower() in ID_WORDS)  # "No. 1", "Article 5"


def _noun_phrase_tokens(noun: Token) -> set[int]:
    """The noun, its left modifiers and its conjuncts ("companies and joint ventures")."""
    keep = {noun.i}
    for child in noun.children:
        if child.i < noun.i and child.dep_ in NOUN_MODIFIERS:
            keep.update(t.i for t in child.subtree)
        elif child.dep_ == "cc":
            keep.add(child.i)
        elif child.dep_ == "conj" and child.pos_ in NOUNS:
            keep |= _noun_phrase_tokens(child)
    return keep


def noun_phrase(noun: Token, blocked: set[int]) -> Optional[str]:
    """The text of ``noun``'s phrase without determiners, edge punctuation and the
    ``blocked`` tokens (amounts and times), white space folded (wire copy breaks lines
    inside phrases); None when the noun itself is blocked ("16.7 billion in December")."""
    if noun.i in blocked:
        return None
    doc = noun.doc
    keep = _noun_phrase_tokens(noun) - blocked
    lo = hi = noun.i
    while lo - 1 in keep:
        lo -= 1
    while hi + 1 in keep:
        hi += 1
    while lo < noun.i and (doc[lo].dep_ in ("det", "predet", "cc") or doc[lo].is_punct or doc[lo].is_space):
        lo += 1
    while hi > noun.i and (doc[hi].dep_ == "cc" or doc[hi].is_punct or doc[hi].is_space):
        hi -= 1
    return " ".join(doc[lo:hi + 1].text.split())


def _subject(verb: Token) -> Optional[Token]:
    """The noun a verb of value says something about, through relative clauses
    ("investments, which totalled ..."), participles ("investments totalling ...") and
    shared subjects ("rose 5 pct and reached ...")."""
    for _ in range(4):
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subjects:
            subject = subjects[0]
            if subject.tag_ in ("WDT", "WP") and verb.dep_ == "relcl":
                return verb.head
            return subject if subject.pos_ in NOUNS else None
        if verb.dep_ in ("acl", "relcl") and verb.head.pos_ in NOUNS:
            return verb.head
        if verb.dep_ not in ("xcomp", "conj", "ccomp") or verb.head is verb:
            return None
        verb = verb.head
    return None


def object_of(amount: Span, blocked: set[int]) -> Optional[str]:
    """What the amount counts or measures, from the parse around its root; ``blocked``
    are the tokens of amounts and times, which are never the object."""
    root = amount.root
    while root.dep_ == "conj" and root.head.i in blocked:
        root = root.head  # "16.7 billion in December and 13.2 billion in January"
    of = [c for c in root.children if c.dep_ == "prep" and c.lower_ == "of" and c.i >= amount.end]
    objects = [c for c in of[0].children if c.dep_ == "pobj" and c.pos_ in NOUNS] if of else []
    if objects:
        return noun_phrase(objects[0], blocked)  # "10,000 tonnes of wheat"
    link = root.head
    if link.i in blocked or link is root:
        return None
    if root.dep_ == "pobj" and link.dep_ in ("prep", "agent"):
        link = link.head  # "investments of $5 billion", "amounted to $30.5 billion"
    if link.pos_ in NOUNS:
        return noun_phrase(link, blocked)  # "900,000 jobs", "a $5 billion deal"
    if link.pos_ == "ADJ" and link.dep_ in ("amod", "acl") and link.head.pos_ in NOUNS:
        return noun_phrase(link.head, blocked)  # "investments worth $5 billion"
    if link.pos_ == "ADJ":
        link = link.head
    if link.pos_ in ("VERB", "AUX") and link.lemma_.lower() in VALUE_VERBS:
        subject = _subject(link)
        return noun_phrase(subject, blocked) if subject is not None else None
    return None


def _clause(token: Token, stop: set[int]) -> tuple[Token, bool]:
    """(the verb governing ``token``, whether the way up passed through ``stop``)."""
    for _ in range(12):
        if token.i in stop:
            return token, True
        if token.pos_ in ("VERB", "AUX") or token.head is token:
            return token, False
        token = token.head
    return token, False


def period_of(amount: Span, times: list[tuple[TimeRef, Span]], amounts: list[Span]) -> Optional[list[str]]:
    """The [from, to] of the time expression (of the amount's sentence, ``times``)
    attached to the amount itself, else of the nearest one attached to the amount's
    clause and to no other amount."""
    own = set(range(amount.start, amount.end))
    others = {i for a in amounts if a is not amount for i in range(a.start, a.end)}
    verb, _ = _clause(amount.root, set())
    direct, clause = [], []
    for time, span in times:
        if time.value is None:
            continue
        head, hit = _clause(span.root, own | others)
        if hit and head.i in own:
            direct.append(time)
        elif not hit and head.i == verb.i:
            clause.append(time)
    found = direct or clause
    if not found:
        return None
    time = min(found, key=lambda t: min(abs(t.start - amount.end_char), abs(amount.start_char - t.end)))
    return list(time.value) if isinstance(time.value, list) else [time.value, time.value]


def speaker_of(start: int, end: int, quotes: list[Quote]) -> Optional[str]:
    """The speaker of the innermost quote around [start, end) that has one."""
    around = sorted((q for q in quotes if q.start <= start and end <= q.end and q.speaker), key=lambda q: q.end - q.start)
    return around[0].speaker if around else None


def find_amounts(doc: Doc) -> list[Amount]:
    text = doc.text  # spaCy rebuilds it on every access
    times = doc._.times or []
    found: list[tuple[Quantity, Span]] = []
    for q in scan(text):
        if any(t.start < q.end and q.start < t.end for t in times):
            continue
        span = doc.char_span(q.start, q.end, alignment_mode="expand")
        if span is not None and _is_amount(doc, text, q, span.root):
            found.append((q, span))
    if not found:
        return []
    sent_starts = [s.start for s in doc.sents]
    by_sentence: dict[int, list[tuple[TimeRef, Span]]] = {}
    blocked = {i for _, span in found for i in range(span.start, span.end)}
    for t in times:
        span = doc.char_span(t.start, t.end, alignment_mode="expand")
        if span is not None:
            by_sentence.setdefault(bisect.bisect_right(sent_starts, span.start), []).append((t, span))
            blocked.update(range(span.start, span.end))
    spans = [s for _, s in found]
    return [
        Amount(q.start, q.end, text[q.start:q.end], value=q.value, unit=q.unit, qualifier=q.qualifier,
               object=object_of(span, blocked),
               period=period_of(span, by_sentence.get(bisect.bisect_right(sent_starts, span.start), []), spans),
               speaker=speaker_of(q.start, q.end, doc._.quotes or []), range=q.range)
        for q, span in found
    ]


@Language.factory("newsgraph_amounts")
def make_amounts(nlp: Language, name: str):
    return doc_component("amounts", "amounts", find_amounts)
