import json

import pytest

ARTICLES = [
    {"id": "a1", "published": "2023-01-10",
     "text": "Russia praised Kazakhstan for its support. Moscow and Astana signed a trade agreement on Monday."},
    {"id": "a2", "published": "2023-02-12",
     "text": "Russia criticized Kazakhstan over the decision. Kazakhstan rejected Russia's demands, officials said."},
    {"id": "a3", "published": "2023-02-20", "text": "France urged Germany to lower its tariffs."},
]


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    from typer.testing import CliRunner

    from newsgraph.cli import app

    folder = tmp_path_factory.mktemp("events")
    (folder / "news.jsonl").write_text("".join(json.dumps(a) + "\n" for a in ARTICLES), encoding="utf-8")
    path = str(folder / "ng.duckdb")
    result = CliRunner().invoke(app, ["ingest", str(folder / "news.jsonl"), "--db", path, "--workers", "1"])
    assert result.exit_code == 0, result.stderr
    return path


def rows(out: str) -> list[dict]:
    return [json.loads(line) for line in out.splitlines()]


def test_events_newest_first(run, db):
    code, out, err = run("events", "--db", db, "--format", "jsonl")
    assert code == 0, err
    found = rows(out)
    assert found[0]["source_actor"] == "FRA" and found[0]["target_actor"] == "DEU"
    assert [r["published"][:10] for r in found] == sorted((r["published"][:10] for r in found), reverse=True)


def test_events_by_source_country_and_root(run, db):
    code, out, _ = run("events", "--db", db, "--source", "RU", "--root", "05", "--format", "jsonl")
    assert code == 0
    found = rows(out)
    assert found and all(r["source_actor"].startswith("RUS") and r["code"].startswith("05") for r in found)


def test_events_by_target_cameo_code(run, db):
    code, out, _ = run("events", "--db", db, "--target", "RUS", "--format", "jsonl")
    assert code == 0
    assert {r["source_actor"] for r in rows(out)} == {"KAZ"}


def test_events_rejects_a_bad_root(run, db):
    code, _, err = run("events", "--db", db, "--root", "5")
    assert code == 2 and "--root" in err


def test_events_table_has_a_header(run, db):
    code, out, _ = run("events", "--db", db, "--limit", "1")
    assert code == 0
    header, line = out.splitlines()
    assert header.split("\t")[:4] == ["published", "source_actor", "code", "target_actor"]
    assert line.count("\t") == header.count("\t")


def test_tone_between_two_countries_per_month(run, db):
    code, out, err = run("tone", "--pair", "RU", "KZ", "--db", db, "--format", "jsonl")
    assert code == 0, err
    january, february = rows(out)
    assert january["period"] == "2023-01-01" and february["period"] == "2023-02-01"
    assert january["tone"] > 0 > february["tone"]
    assert january["events RU>KZ"] >= 2 and january["goldstein RU>KZ"] > 0
    assert february["goldstein KZ>RU"] < 0


def test_tone_with_unknown_countries_is_empty(run, db):
    code, out, _ = run("tone", "--pair", "BR", "AR", "--db", db, "--format", "jsonl")
    assert code == 0 and out == ""
