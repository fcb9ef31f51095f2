import json
import pathlib

import pytest

from newsgraph.model import Article, Entity, Mention, Record
from newsgraph.store import open_store


DATA = pathlib.Path(__file__).resolve().parent.parent / "data"


@pytest.fixture
def store(tmp_path):
    with open_store(str(tmp_path / "corpus.duckdb")) as s:
        yield s


def article(aid: str, *entities: tuple) -> Record:
    """A Record whose entities are (type, [mention texts], roles, kb_id) tuples."""
    text, ents = "", []
    for i, (etype, names, roles, kb_id) in enumerate(entities):
        mentions = []
        for name in names:
            mentions.append(Mention(len(text), len(text) + len(name), name))
            text += name + ". "
        ents.append(Entity(id=f"e{i + 1}", name=max(names, key=len), type=etype, roles=list(roles), kb_id=kb_id,
                           mentions=mentions))
    return Record(article=Article(id=aid, text=text), entities=ents)


def person(*names, roles=()):
    return ("PERSON", list(names), roles, None)


def place(name, kb_id):
    return ("GPE", [name], (), kb_id)


def rows(store, like: str) -> dict[str, list[str]]:
    found = store._execute("SELECT name, aliases FROM entities WHERE aliases LIKE ?", [f"%{like}%"])
    return {name: json.loads(aliases) for name, aliases in found}


def linked(store, aid: str) -> dict[str, str]:
    found = store._execute("SELECT a.name, e.name FROM article_entities a JOIN entities e ON e.id = a.entity_id "
                           "WHERE a.article_id = ?", [aid])
    return dict(found)


def test_spellings_of_one_person_are_one_row_and_namesakes_stay_apart(store):
    store.add_records([article("a1", person("Sergey Lavrov", "Lavrov"), place("Russia", "RU")),
                       article("a2", person("Sergei Lavrov"), place("Syria", "SY"))])
    store.add_records([article("a3", person("Anna Lavrov"), place("Cleveland", "5150529"))])
    assert rows(store, "Lavrov") == {"Sergey Lavrov": ["Lavrov", "Sergei Lavrov", "Sergey Lavrov"],
                                     "Anna Lavrov": ["Anna Lavrov"]}


def test_lone_surname_joins_the_namesake_whose_company_it_keeps(store):
    store.add_records([article("a1", person("Sergey Lavrov"), place("Russia", "RU")),
                       article("a2", person("Anna Lavrov"), place("Cleveland", "5150529"))])
    store.add_records([article("a3", person("Lavrov"), place("Russia", "RU")),
                       article("a4", person("Lavrov"), place("Cleveland", "5150529"))])
    assert linked(store, "a3")["Lavrov"] == "Sergey Lavrov"
    assert linked(store, "a4")["Lavrov"] == "Anna Lavrov"


def test_lone_surname_joins_by_shared_role(store):
    store.add_records([article("a1", person("Sergey Lavrov", roles=["foreign minister"])),
                       article("a2", person("Anna Lavrov", roles=["violinist"]))])
    store.add_records([article("a3", person("Lavrov", roles=["violinist"]))])
    assert linked(store, "a3")["Lavrov"] == "Anna Lavrov"


def test_lone_surname_without_evidence_stays_its_own_row(store):
    store.add_records([article("a1", person("Sergey Lavrov")), article("a2", person("Anna Lavrov"))])
    store.add_records([article("a3", person("Lavrov"), place("Oslo", "3143244"))])
    assert set(rows(store, "Lavrov")) == {"Sergey Lavrov", "Anna Lavrov", "Lavrov"}


def test_only_person_of_a_surname_takes_the_lone_surname(store):
    store.add_records([article("a1", person("Volodymyr Zelensky"))])
    store.add_records([article("a2", person("Zelenskyy"))])
    assert rows(store, "Zelensk") == {"Volodymyr Zelensky": ["Volodymyr Zelensky", "Zelenskyy"]}


def test_places_link_by_kb_id_and_other_names_by_alias(store):
    store.add_records([article("a1", place("U.S.", "US"), ("ORG", ["European Union", "EU"], (), None))])
    store.add_records([article("a2", place("United States", "US"), ("ORG", ["EU"], (), None))])
    assert len(rows(store, "U.S.")) == 1 and "United States" in rows(store, "U.S.")["U.S."]
    assert rows(store, "EU") == {"European Union": ["EU", "European Union"]}


def test_ingested_articles_give_exactly_the_right_people(store):
    from newsgraph.extract import extract
    from newsgraph.ingest import read_paths
    from newsgraph.nlp.pipeline import load

    records = list(extract(read_paths([str(DATA / "corpus")]), nlp=load(("newsgraph_entities", "newsgraph_places"))))
    for r in records:  # one article at a time, as a stream of batches would
        store.add_records([r])
    people = {name for name, in store._execute("SELECT name FROM entities WHERE type = 'PERSON' AND aliases LIKE '%Lavrov%'")}
    assert people == {"Anna Lavrov", "Sergey Lavrov"}
    sergey = rows(store, "Sergei")["Sergey Lavrov"]
    assert {"Sergey Lavrov", "Sergei Lavrov", "Lavrov"} <= set(sergey)
    assert linked(store, "4_moscow")["Lavrov"] == "Sergey Lavrov"
    assert linked(store, "5_recital")["Lavrov"] == "Anna Lavrov"
    assert len(rows(store, '"Russia"')) == 1
