"""``newsgraph claims``: stored amounts by claimant, unit and object."""
from __future__ import annotations

import json

import pytest
import sample_corpus

from newsgraph.cli.claims import figure, number
from newsgraph.store import open_store


@pytest.fixture
def db(tmp_path) -> str:
    path = str(tmp_path / "claims.duckdb")
    with open_store(path) as store:
        store.add_records(sample_corpus.records())
    return path


def test_every_amount_with_its_claimant_object_and_article(run, db):
    code, out, err = run("claims", "--db", db)
    assert code == 0, err
    lines = out.splitlines()
    assert len(lines) == 4 and "4 of 4 amounts" in err
    assert lines[0].startswith("2022-06-13") and "300  of ships" in lines[0] and "(oslo-1:" in lines[0]
    assert "Olaf Scholz" in lines[1] and "40 percent  of gas imports" in lines[1]
    assert all("Sergey Lavrov" in line and "30.5 billion USD  of Russian investments" in line for line in lines[2:])


def test_by_speaker_name_unit_and_object(run, db):
    _, out, _ = run("claims", "--db", db, "--speaker", "lavrov")
    assert len(out.splitlines()) == 2 and "Scholz" not in out
    _, out, _ = run("claims", "--db", db, "--speaker", "Sergey Lavrov", "--unit", "percent")
    assert out == ""
    _, out, _ = run("claims", "--db", db, "--unit", "percent")
    assert "gas imports" in out and len(out.splitlines()) == 1
    _, out, _ = run("claims", "--db", db, "--about", "ships")
    assert "oslo-1" in out and len(out.splitlines()) == 1


def test_unknown_speaker_is_an_error(run, db):
    code, out, err = run("claims", "--db", db, "--speaker", "Nobody Known")
    assert code == 1 and out == "" and "Nobody Known" in err


def test_jsonl_rows(run, db):
    _, out, _ = run("claims", "--db", db, "--format", "jsonl", "--limit", "1")
    (row,) = [json.loads(line) for line in out.splitlines()]
    assert (row["article_id"], row["object"], row["speaker"]) == ("oslo-1", "ships", None)


@pytest.mark.parametrize("value, text", [(30.5e9, "30.5 billion"), (10000, "10,000"), (0.15, "0.15"), (2e12, "2 trillion"),
                                         (None, "?")])
def test_number(value, text):
    assert number(value) == text


def test_figure_with_qualifier_and_range():
    row = {"value": 3e9, "range_low": 3e9, "range_high": 4e9, "qualifier": "up to", "unit": "USD"}
    assert figure(row) == "up to 3 billion-4 billion USD"


def test_seed_claims_of_lavrov(run, seed_path, tmp_path):
    db = str(tmp_path / "seed.duckdb")
    code, _, err = run("ingest", str(seed_path), "--db", db, "--workers", "1")
    assert code == 0, err
    _, out, _ = run("claims", "--db", db, "--speaker", "Lavrov")
    assert "approximately 30.5 billion USD  of accumulated Russian investments [2010..2021]" in out
    assert "more than 10,000  of Russian companies and joint ventures" in out
    assert "900,000  of jobs" in out
