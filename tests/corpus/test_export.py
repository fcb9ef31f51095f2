"""Exports: JSONL Records, Parquet / CSV tables, GDELT GKG 2.1 rows."""
import csv
import re

import pyarrow.parquet as pq
import pytest
import sample_corpus

from newsgraph.corpus import export, gkg
from newsgraph.model import Record
from newsgraph.store import open_store


@pytest.fixture
def store(tmp_path):
    with open_store(str(tmp_path / "x.duckdb")) as s:
        s.add_records(sample_corpus.records())
        yield s


def test_jsonl_gives_back_the_records(store, tmp_path):
    assert export.export_jsonl(store, tmp_path / "r.jsonl") == 4
    lines = (tmp_path / "r.jsonl").read_text().splitlines()
    first = Record.from_json(lines[0])
    assert first.article.id == "moscow-1" and first == sample_corpus.records()[0]


@pytest.mark.parametrize("fmt", ["parquet", "csv"])
def test_tables(store, tmp_path, fmt):
    counts = export.export_tables(store, tmp_path / fmt, fmt)
    assert counts["articles"] == 4 and counts["quotes"] == 5 and counts["themes"] == 0
    if fmt == "parquet":
        quotes = pq.read_table(tmp_path / fmt / "quotes.parquet")
        assert quotes.num_rows == 5 and "speaker_id" in quotes.column_names
        assert "record" not in pq.read_table(tmp_path / fmt / "articles.parquet").column_names
        assert pq.read_table(tmp_path / fmt / "themes.parquet").num_rows == 0
    else:
        rows = list(csv.DictReader(open(tmp_path / fmt / "amounts.csv")))
        assert {r["unit"] for r in rows} == {"USD", "percent", ""}


def test_gkg_rows_have_27_fields_and_offsets(store, tmp_path):
    assert export.export_gkg(store, tmp_path / "g.tsv") == 4
    rows = [line.split("\t") for line in (tmp_path / "g.tsv").read_text().splitlines()]
    assert all(len(r) == 27 for r in rows)
    first = dict(zip(gkg.COLUMNS, rows[0]))
    text = sample_corpus.MOSCOW
    assert first["GKGRECORDID"] == "20220505163000-1" and first["V2.1DATE"] == "20220505163000"
    assert first["V2SOURCECOLLECTIONIDENTIFIER"] == "1" and first["V2DOCUMENTIDENTIFIER"].endswith("moscow-1")
    assert first["V1PERSONS"] == "Sergey Lavrov"
    for block in first["V2ENHANCEDPERSONS"].split(";"):
        name, offset = block.split(",")
        assert text[int(offset):].startswith(("Sergey Lavrov", "Lavrov"))
    quotes = [q.split("|") for q in first["V2.1QUOTATIONS"].split("#")]
    assert all(text[int(o):int(o) + int(n)] == q for o, n, _, q in quotes)
    assert first["V2.1AMOUNTS"] == f"30500000000,Russian investments,{text.index('$30.5 billion')}"
    assert first["V2.1ENHANCEDDATES"] == f"4#5#5#2022#{text.index('Thursday')}"
    tone = first["V1.5TONE"].split(",")
    assert len(tone) == 7 and float(tone[0]) == 2.5 and int(tone[6]) == len(re.findall(r"\w+", text))


def test_gkg_locations_use_fips_codes_and_types():
    from newsgraph.model import Article, Entity, Mention

    text = "Talks in Moscow and Washington."
    record = Record(article=Article(id="x", text=text, published="2022-01-02"), entities=[
        Entity("e1", "Moscow", "GPE", kb_id="524901", country="RU", lat=55.75, lon=37.62,
               mentions=[Mention(9, 15, "Moscow")]),
        Entity("e2", "Russia", "GPE", kb_id="RU", country="RU", mentions=[Mention(0, 0, "")]),
        Entity("e3", "Central Asia", "LOC", members=["KZ"], mentions=[Mention(20, 30, "Washington")])])
    fields = dict(zip(gkg.COLUMNS, gkg.row(record, 7)))
    assert fields["GKGRECORDID"] == "20220102000000-7"
    assert fields["V1LOCATIONS"] == "4#Moscow, Russia#RS#RS#55.7500#37.6200#524901;1#Russia#RS#RS###RS"
    assert fields["V2ENHANCEDLOCATIONS"].startswith(
        "1#Russia#RS#RS####RS#0;4#Moscow, Russia#RS#RS##55.7500#37.6200#524901#9")
    assert fields["V2SOURCECOLLECTIONIDENTIFIER"] == "2"


def test_delimiters_inside_values_are_neutralised():
    assert gkg.clean("a;b,c\td\ne", ";", ",") == "a b c d e"
    assert gkg.number(30.5e9) == "30500000000" and gkg.number(2.5) == "2.5"
    assert gkg.theme_code("mining and metals") == "MINING_AND_METALS"
