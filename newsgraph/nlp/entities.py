"""Component ``newsgraph_entities``: spaCy's named entities grouped per article."""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from newsgraph.model import Entity
from newsgraph.nlp.component import doc_component
from newsgraph.resolve.within import NameMention, group


def find_entities(doc: Doc) -> list[Entity]:
    return group([NameMention(e.start_char, e.end_char, e.text, e.label_) for e in doc.ents])


@Language.factory("newsgraph_entities")
def make_entities(nlp: Language, name: str):
    return doc_component("entities", "entities", find_entities)
