import json

from newsgraph.model import Article, Entity, Mention, Record
from newsgraph.store import open_store


def seeded(tmp_path) -> str:
    db = str(tmp_path / "e.duckdb")
    text = "Sergey Lavrov met Anna Lavrov in Oslo. Lavrov smiled."
    ents = [Entity(id="e1", name="Sergey Lavrov", type="PERSON",
                   mentions=[Mention(0, 13, "Sergey Lavrov"), Mention(39, 45, "Lavrov")]),
            Entity(id="e2", name="Anna Lavrov", type="PERSON", mentions=[Mention(18, 29, "Anna Lavrov")]),
            Entity(id="e3", name="Oslo", type="GPE", kb_id="3143244", mentions=[Mention(33, 37, "Oslo")])]
    with open_store(db) as store:
        store.add_records([Record(article=Article(id="a1", text=text), entities=ents)])
    return db


def test_lists_entities_with_mention_counts_and_aliases(run, tmp_path):
    code, out, _ = run("entities", "--db", seeded(tmp_path))
    assert code == 0
    lines = {line.split("\t")[0]: line for line in out.splitlines()}
    assert set(lines) == {"Sergey Lavrov", "Anna Lavrov", "Oslo"}
    assert "2 mentions in 1 articles" in lines["Sergey Lavrov"]
    assert "aliases: Lavrov, Sergey Lavrov" in lines["Sergey Lavrov"]


def test_filters_by_type_and_name(run, tmp_path):
    db = seeded(tmp_path)
    code, out, _ = run("entities", "--db", db, "--type", "gpe", "--format", "jsonl")
    assert code == 0 and [json.loads(line)["name"] for line in out.splitlines()] == ["Oslo"]
    code, out, _ = run("entities", "--db", db, "--type", "PERSON", "--name", "anna", "--format", "jsonl")
    (row,) = [json.loads(line) for line in out.splitlines()]
    assert (row["name"], row["mentions"], row["aliases"]) == ("Anna Lavrov", 1, ["Anna Lavrov"])


def test_limit_says_how_many_more(run, tmp_path):
    code, out, _ = run("entities", "--db", seeded(tmp_path), "--limit", "1")
    assert code == 0 and out.splitlines()[-1] == "(2 more; raise --limit)"
