"""Named-entity accuracy of newsgraph against bare spaCy on CoNLL-2003 (testa), same run.

  .venv/bin/python bench/ner.py [--limit N] [--out DIR]

Both systems' Records are scored by the shared ``score_ner.py`` (exact spans, PER/ORG/LOC,
MISC ignored):
* spaCy: the bare pipeline's ``doc.ents``, one entity per span;
* newsgraph: ``newsgraph.extract`` with the entity and place components.
"""
from __future__ import annotations


from evalset import EVAL, compare, newsgraph_records

from newsgraph.model import Article, Entity, Mention, Record
from newsgraph.nlp.pipeline import load

GOLD = EVAL / "conll2003_testa.jsonl"
#: The components whose output the NER scorer reads.
COMPONENTS = ("newsgraph_entities", "newsgraph_places")


def bare_spacy(arts: list[Article]) -> list[Record]:
    nlp = load(())
    out = []
    for art, doc in zip(arts, nlp.pipe(a.text for a in arts)):
        ents = [Entity(id=f"e{i + 1}", name=e.text, type=e.label_,
                       mentions=[Mention(e.start_char, e.end_char, e.text)]) for i, e in enumerate(doc.ents)]
        out.append(Record(article=art, entities=ents))
    return out


def newsgraph(arts: list[Article]) -> list[Record]:
    return newsgraph_records(arts, COMPONENTS)


def main() -> None:
    compare(__doc__, GOLD, "score_ner.py", "ner", {"spacy": bare_spacy, "newsgraph": newsgraph})


if __name__ == "__main__":
    main()
