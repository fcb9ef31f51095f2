"""Attributions read off the dependency parse: a cue, its source and what was reported.

One pass over the tokens; each cue verb (or cue phrase) yields at most one Attribution
with the head token of its source (``Lavrov``, ``he``, ``who``, ``the diplomat``) and
the character span of its content.  Quotation marks are not looked at here: the quote
finder decides which attributions belong to a quotation and which are reported speech.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator, Optional

from spacy.tokens import Doc, Span, Token

from newsgraph.nlp.cues import CueLexicon

#: Dependents that make up the content of a verb of saying.
_CLAUSE_DEPS = ("ccomp",)
#: Subject relations of a cue verb.
_SUBJECTS = ("nsubj", "nsubjpass")
#: Relations through which a subjectless cue inherits the subject of its head
#: ("he said, adding that ...", "X described ..., saying ...", "X said and added ...").
_INHERIT_DEPS = ("advcl", "conj", "xcomp", "pcomp")
#: Dependents of a speaker's head that are not part of the speaker mention.
_NOT_IN_MENTION = ("relcl", "acl", "advcl", "parataxis", "punct", "cc", "prep")
#: Prepositions that stay in a speaker mention ("one of the advisers", "a spokesman for X").
_MENTION_PREPS = ("of", "for", "at", "from")
#: Entity types that never speak ("5:45 p.m. ... said" in a parse gone wrong); numbers
#: do ("63 percent said", "one of the advisers said").
_NOT_SOURCES = {"DATE", "TIME"}
#: Tokens trimmed from either end of a content span.
_EDGE_PUNCT = set(",.;:-\u2013\u2014()[]")


@dataclass
class Attribution:
    #: The cue tokens ("said", "according to"); None when the source is only inferred.
    cue: Optional[Span]
    #: Head token of the source, None when the cue has none.
    source: Optional[Token]
    #: Character span of the reported content, None when the cue has none.
    content: Optional[tuple[int, int]]
    #: What the content is taken from: "clause", "rest" (around the cue), "object", "predicate".
    form: str
    #: "speech" or "belief".
    verb_class: str
    #: Head of where it was said (``Rossiyskaya Gazeta``, ``Twitter``, ``a statement``).
    medium: Optional[Token] = None


def find_attributions(doc: Doc, text: str, lex: CueLexicon, quoted_token: list[int]) -> Iterator[Attribution]:
    """Every cue outside quotation marks (``quoted_token[i] >= 0`` marks quoted tokens);
    ``text`` is ``doc.text``, passed in because spaCy rebuilds it on every access."""
    for i in lex.candidates(doc):
        if quoted_token[i] >= 0:
            continue
        token = doc[i]
        n = lex.phrase_at(token)
        if n:
            att = _phrase_attribution(doc, token, n)
        else:
            vclass = lex.verb_class(token)
            att = _verb_attribution(token, vclass, lex, quoted_token) if vclass else None
        if att is not None:
            att.content = _within_paragraph(text, att.content, token.idx)
            yield att


def _within_paragraph(text: str, span: Optional[tuple[int, int]], at: int) -> Optional[tuple[int, int]]:
    """Reported content never crosses a line break away from its cue (a parse that runs
    on across paragraphs is cut back to the cue's own)."""
    if span is None:
        return None
    start = text.rfind("\n", 0, at) + 1
    end = text.find("\n", at)
    s, e = max(span[0], start), min(span[1], end if end >= 0 else len(text))
    while e > s and text[e - 1].isspace():
        e -= 1
    return (s, e) if e - s > 1 else None


def _verb_attribution(verb: Token, vclass: str, lex: CueLexicon, quoted: list[int]) -> Optional[Attribution]:
    if verb.dep_ in ("amod", "compound"):
        if verb.dep_ == "compound" and verb.is_sent_start and verb.head.pos_ == "PROPN":
            # "Said Ellis: ..." read as a name with a verb in front of it
            return Attribution(verb.doc[verb.i:verb.i + 1], verb.head, None, "clause", vclass)
        return None
    lemma = verb.lemma_.lower()
    source = subject_of(verb, quoted)
    content, form = None, "clause"
    clause = next((c for c in verb.children if c.dep_ in _CLAUSE_DEPS and c != source), None)
    if clause is not None and (source is None or not clause.is_ancestor(source)):
        content = _clause_span(clause)
    elif vclass == "speech" and verb.dep_ == "parataxis":
        content, form = _rest_span(verb.head, verb), "rest"
    elif lemma in lex.characterize:
        content, form = _predicate_span(verb), "predicate"
    elif lemma in lex.object or lemma in lex.prep_objects:
        obj = _object(verb, lex.prep_objects.get(lemma, ()) if lemma not in lex.object else ("*",))
        if obj is not None:
            content, form = _tokens_span(obj.left_edge, obj.right_edge), "object"
    if content is None and vclass == "belief":
        return None
    return Attribution(verb.doc[verb.i:verb.i + 1], source, content, form, vclass, medium_of(verb, lex))


def _object(verb: Token, preps: tuple[str, ...]) -> Optional[Token]:
    """What a verb of saying takes as its content when it has no clause: its direct object
    (``announced a plan``), or the object of a preposition it selects (``called for X``)."""
    for child in verb.rights:
        if "*" in preps and child.dep_ == "dobj" and child.pos_ != "PRON":
            return child
        if child.dep_ == "prep" and child.lower_ in preps:
            return next((c for c in child.children if c.dep_ in ("pobj", "pcomp")), None)
    return None


def _phrase_attribution(doc: Doc, first: Token, n: int) -> Optional[Attribution]:
    """``according to X, ...``: the source is the object of the phrase's last word, the
    content the clause the phrase modifies."""
    last = doc[first.i + n - 1]
    source = next((c for c in last.children if c.dep_ == "pobj"), None)
    if source is None and last.i + 1 < len(doc) and doc[last.i + 1].pos_ in ("PROPN", "NOUN", "PRON"):
        source = np_head(doc[last.i + 1])
    head = first.head if first.head != first else last.head
    phrase_end = (source.right_edge.i if source is not None else last.i) + 1
    host = head if not (first.i <= head.i < phrase_end) else first.sent.root
    content = _rest_span(host, None, exclude=(first.i, phrase_end))
    return Attribution(doc[first.i:first.i + n], source, content, "rest", "speech", None)


def medium_of(verb: Token, lex: CueLexicon) -> Optional[Token]:
    """``said in an article published by X`` -> X; ``on Twitter``; ``in a statement``;
    ``told Reuters`` (an organisation addressed by a verb of telling)."""
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ in lex.media_preps:
            place = next((c for c in child.children if c.dep_ == "pobj"), None)
            if place is not None and (place.lemma_.lower() in lex.media_nouns or place.lower_ in lex.platforms):
                return _medium_owner(place, lex) or place
        elif child.dep_ in ("dobj", "dative") and child.ent_type_ == "ORG" \
                and verb.lemma_.lower() in lex.outlets_verbs:
            return child
    return None


def _medium_owner(place: Token, lex: CueLexicon) -> Optional[Token]:
    """The outlet behind a medium noun: ``an article published by X``, ``an interview with X``."""
    for child in place.children:
        if child.dep_ == "acl":
            agent = next((c for c in child.children if c.dep_ in ("agent", "prep") and c.lower_ in lex.medium_links), None)
            if agent is not None:
                return next((c for c in agent.children if c.dep_ == "pobj"), None)
        elif child.dep_ == "prep" and child.lower_ in lex.medium_links:
            owner = next((c for c in child.children if c.dep_ == "pobj"), None)
            if owner is not None and (owner.pos_ == "PROPN" or owner.lower_ in lex.platforms):
                return owner
        elif child.dep_ == "compound" and child.lower_ in lex.platforms:
            return child
    return None


def subject_of(verb: Token, quoted: list[int]) -> Optional[Token]:
    """The source of a cue verb: its subject, the agent of a passive, the subject of the
    clause it hangs from when it has none (never one inside quotation marks), else the
    name or pronoun standing right beside it (``, said Caddell``, ``Chief Jordan said``)."""
    cue = verb
    for _ in range(4):
        for child in verb.children:
            if child.dep_ in _SUBJECTS and _can_speak(child, cue, quoted):
                return child
            if child.dep_ == "agent":
                obj = next((c for c in child.children if c.dep_ == "pobj"), None)
                if obj is not None and _can_speak(obj, cue, quoted):
                    return obj
        if verb.dep_ not in _INHERIT_DEPS or verb.head == verb or quoted[verb.head.i] >= 0:
            break
        # "upon saying", "after adding": through the preposition to the clause it modifies
        verb = verb.head.head if verb.dep_ == "pcomp" else verb.head
    return _beside(cue, quoted)


def _can_speak(token: Token, cue: Token, quoted: list[int]) -> bool:
    """Not inside a quotation, not a time or date, and in the cue's paragraph."""
    if quoted[token.i] >= 0 or token.ent_type_ in _NOT_SOURCES:
        return False
    a, b = sorted((token.i, cue.i))
    return not any(t.is_space and "\n" in t.text for t in token.doc[a:b])


def _beside(cue: Token, quoted: list[int]) -> Optional[Token]:
    """A noun phrase ending right before the cue (adverbs, auxiliaries, an age or an
    apposition in commas skipped: ``Ramos, 58, told``, ``Sperling, a Clinton adviser,
    said``), or, where the order is inverted (``," said Caddell``, ``," added another
    Republican``, ``Said Ellis:``), the noun phrase right after it."""
    doc = cue.doc
    k = cue.i - 1
    while k >= 0 and quoted[k] < 0 and doc[k].pos_ in ("ADV", "AUX", "PART"):
        k -= 1
    if k > 0 and doc[k].text == ",":
        k = _before_apposition(doc, k, quoted)
    if k >= 0 and doc[k].pos_ in ("PROPN", "NOUN", "PRON") and _can_speak(doc[k], cue, quoted):
        return doc[k]
    before = doc[cue.i - 1] if cue.i > 0 else None
    inverted = before is None or before.is_sent_start is False and before.text in (",", ":") \
        or quoted[before.i] >= 0 or cue.is_sent_start
    k = cue.i + 1
    if not inverted or k >= len(doc):
        return None
    head = np_head(doc[k]) if doc[k].pos_ in ("DET", "ADJ", "NUM", "PROPN") else doc[k]
    if (head.pos_ in ("PROPN", "NOUN") or head.lower_ in ("he", "she", "they")) and _can_speak(head, cue, quoted):
        return head
    return None


def _before_apposition(doc: Doc, comma: int, quoted: list[int]) -> int:
    """Index of the last word before ``X, <apposition>,`` when ``comma`` closes one."""
    for j in range(comma - 1, max(0, comma - 15), -1):
        if quoted[j] >= 0 or doc[j].is_space:
            break
        if doc[j].text == ",":
            return j - 1
    return -1


def np_head(token: Token) -> Token:
    """The head noun of the phrase ``token`` opens or modifies (``the Russian diplomat``)."""
    while token.dep_ in ("compound", "amod", "det", "poss", "nummod", "flat") and token.head != token:
        token = token.head
    return token


def _clause_span(clause: Token) -> Optional[tuple[int, int]]:
    tokens = list(clause.subtree)
    first = 0
    while first < len(tokens) and (tokens[first].dep_ == "mark" and tokens[first].lower_ in ("that", "whether", "if")
                                   or tokens[first].text in _EDGE_PUNCT or tokens[first].is_space):
        first += 1
    if first >= len(tokens):
        return None
    return _tokens_span(tokens[first], tokens[-1])


def _predicate_span(verb: Token) -> Optional[tuple[int, int]]:
    """``described A as B`` / ``called A B``: from the object to the end of its complement."""
    obj = next((c for c in verb.rights if c.dep_ in ("dobj", "nsubj", "ccomp")), None)
    if obj is None:
        return None
    comp = [c for c in verb.rights if c.i > obj.i and c.dep_ in ("prep", "oprd", "xcomp", "ccomp", "acomp", "attr")]
    last = comp[-1].right_edge if comp else obj.right_edge
    return _tokens_span(obj.left_edge, last)


def _rest_span(host: Token, cue: Optional[Token], exclude: tuple[int, int] = (0, 0)) -> Optional[tuple[int, int]]:
    """``host``'s subtree without the cue's own tokens: ``X, he said, Y`` gives ``X ... Y``
    (the cue standing inside is kept in the span), ``Y, he said`` gives ``Y``."""
    skip = set(range(*exclude))
    if cue is not None:
        skip.update(t.i for t in cue.subtree)
    tokens = [t for t in host.subtree if t.i not in skip and not (t.text in _EDGE_PUNCT or t.is_space)]
    if len(tokens) < 2:
        return None
    return _tokens_span(tokens[0], tokens[-1])


def _tokens_span(first: Token, last: Token) -> Optional[tuple[int, int]]:
    doc = first.doc
    i, j = first.i, last.i
    while j > i and (doc[j].text in _EDGE_PUNCT or doc[j].is_space):
        j -= 1
    if j < i:
        return None
    return doc[i].idx, doc[j].idx + len(doc[j])


def mention_span(head: Token) -> tuple[int, int]:
    """Character span of the noun phrase headed by ``head``, without relative clauses and
    other trailing material that is not a name or title."""
    skip: set[int] = set()
    for child in head.children:
        if child.dep_ in _NOT_IN_MENTION and child.i > head.i and child.lower_ not in _MENTION_PREPS:
            skip.update(t.i for t in child.subtree)
    tokens = [t for t in head.subtree if t.i not in skip]
    i = j = tokens.index(head)
    while i > 0 and tokens[i - 1].i == tokens[i].i - 1:
        i -= 1
    while j + 1 < len(tokens) and tokens[j + 1].i == tokens[j].i + 1:
        j += 1
    while i < j and (tokens[i].is_punct or tokens[i].is_space):
        i += 1
    while j > i and (tokens[j].is_punct or tokens[j].is_space):
        j -= 1
    return tokens[i].idx, tokens[j].idx + len(tokens[j])
