"""Component ``newsgraph_entities``: an article's names grouped into entities, with the
titles written before or beside a person's name as roles."""
from __future__ import annotations

import functools
from typing import Callable, Optional

from spacy.language import Language
from spacy.tokens import Doc, Span

from newsgraph.model import Entity
from newsgraph.nlp.component import doc_component
from newsgraph.nlp.mentions import embedded_spans, name_spans
from newsgraph.resolve.gazetteer import gazetteer
from newsgraph.resolve.roles import role_of, title_at_end
from newsgraph.resolve.within import NameMention, group

#: Parts of speech a title before a name is made of ("Russian Foreign Minister").
TITLE_POS = {"PROPN", "NOUN", "ADJ"}
#: Most words taken before a name when looking for its title.
MAX_PREMODIFIERS = 6


def find_entities(doc: Doc, ner: Callable[[Doc], Doc], dictionary: frozenset[str]) -> list[Entity]:
    names = name_spans(doc, ner, dictionary)
    spans = {doc[s].idx: doc[s:e] for s, e, _ in names}
    mentions = [_mention(doc[s:e], label, "name") for s, e, label in names]
    mentions += [_mention(doc[s:e], label, "embedded") for s, e, label in embedded_spans(doc, names)]
    entities = group(mentions)
    for entity in entities:
        if entity.type == "PERSON":
            for m in entity.mentions:
                if m.kind == "name":
                    entity.roles += [r for r in roles_of(spans[m.start]) if r not in entity.roles]
    return entities


def _mention(span: Span, label: str, kind: str) -> NameMention:
    return NameMention(span.start_char, span.end_char, span.text, label, place_key(span.text, label), kind)


def place_key(text: str, label: str) -> Optional[str]:
    """Identity of a country, region or demonym name ("adj:country:RU" for "Russians")."""
    if label == "NORP":
        place = gazetteer().adjective(text)
        return f"adj:{place.kind}:{place.key}" if place else None
    if label in {"GPE", "LOC", "ORG", "FAC"}:
        for place in gazetteer().places(text):
            if place.kind in ("country", "region"):
                return f"{place.kind}:{place.key}"
    return None


def roles_of(name: Span) -> list[str]:
    """Titles written before the name or in apposition to it."""
    found = [premodifier_role(name), appositive_role(name)]
    return [r for r in found if r]


def premodifier_role(name: Span) -> Optional[str]:
    """"Russian Foreign Minister Sergey Lavrov", "Russia's foreign minister Sergey Lavrov"."""
    doc = name.doc
    i = name.start
    while i > max(0, name.start - MAX_PREMODIFIERS) and doc[i - 1].pos_ in TITLE_POS and not doc[i - 1].is_space:
        i -= 1
    if i >= 2 and doc[i - 1].tag_ == "POS" and doc[i - 2].pos_ == "PROPN":
        i -= 2
    words = [t.text for t in doc[i:name.start]]
    return role_of(words) if words and title_at_end(words) else None


def appositive_role(name: Span) -> Optional[str]:
    """"Sergey Lavrov, Russia's foreign minister, said" and "the minister, Sergey Lavrov"."""
    root = name.root
    heads = [c for c in root.children if c.dep_ == "appos" and c.i >= name.end]
    if root.dep_ == "appos" and root.head.i < name.start:
        heads.append(root.head)
    for head in heads:
        tokens = [t for t in head.subtree if t.i <= head.i and not name.start <= t.i < name.end and not t.is_punct]
        role = role_of([t.text for t in tokens])
        if role:
            return role
    return None


def english_words(nlp: Language) -> frozenset[str]:
    """The lemmatizer's word lists: the dictionary used to re-case upper-case lines."""
    table = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_index")
    return frozenset(w for pos in table.keys() for w in table[pos])


@Language.factory("newsgraph_entities")
def make_entities(nlp: Language, name: str):
    fn = functools.partial(find_entities, ner=nlp.get_pipe("ner"), dictionary=english_words(nlp))
    return doc_component("entities", "entities", fn)
