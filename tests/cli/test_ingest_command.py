import json

import duckdb
import pytest

GOOD = """ date 2023-03-01 1 Mar. 09:15

Prime Minister Jane Doe said on Wednesday that exports rose. Doe added that the budget was balanced.
"""


def table_counts(db: str) -> dict[str, int]:
    con = duckdb.connect(db, read_only=True)
    try:
        return {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                for t in ("articles", "entities", "mentions", "quotes", "failures")}
    finally:
        con.close()


@pytest.fixture
def corpus(tmp_path):
    d = tmp_path / "in"
    d.mkdir()
    (d / "good.txt").write_text(GOOD, encoding="utf-8")
    rows = [{"id": "j1", "text": "Officials in Kenya said rains were late.", "published": "2023-02-01"},
            {"id": "j2", "text": "The mayor of Lyon opened a bridge.", "title": "Bridge"}]
    (d / "news.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return d


def test_ingest_twice_stores_everything_once(run, corpus, tmp_path):
    db = str(tmp_path / "ng.duckdb")
    code, out, err = run("ingest", str(corpus), "--db", db, "--workers", "1")
    assert code == 0, err
    assert "3 stored" in out
    first = table_counts(db)
    assert first["articles"] == 3 and first["failures"] == 0
    code, out, _ = run("ingest", str(corpus), "--db", db, "--workers", "1")
    assert code == 0
    assert "0 stored" in out and "3 done by an earlier run" in out
    assert table_counts(db) == first


BAD_CASES = {
    "binary.txt": (b"\x00\x01\x02\xff\xfe binary", None),
    "empty.txt": (b"", None),
    "lines.jsonl": (b'{"id": "fine", "text": "Fine text from Oslo."}\n'
                    b'{not json\n'
                    b'{"id": "notext", "title": "no body"}\n'
                    b'{"id": "baddate", "text": "Dated badly.", "published": "the 45th of Smarch"}\n', None),
}


@pytest.mark.parametrize("name,expect_line", [("binary.txt", None), ("empty.txt", None),
                                              ("lines.jsonl", 2), ("lines.jsonl", 3), ("lines.jsonl", 4)])
def test_bad_input_is_named_counted_and_the_rest_stored(run, corpus, tmp_path, name, expect_line):
    content, _ = BAD_CASES[name]
    bad = corpus / name
    bad.write_bytes(content)
    db = str(tmp_path / "ng.duckdb")
    code, out, err = run("ingest", str(corpus), "--db", db, "--workers", "1")
    assert code == 1
    where = f"{bad}:{expect_line}:" if expect_line else f"{bad}"
    lines = [line for line in err.splitlines() if where in line]
    assert len(lines) == 1, err
    counts = table_counts(db)
    good_articles = 3 + (1 if name == "lines.jsonl" else 0)
    assert counts["articles"] == good_articles
    assert counts["failures"] == (3 if name == "lines.jsonl" else 1)


def test_strict_stops_at_the_first_failure(run, corpus, tmp_path):
    (corpus / "a_empty.txt").write_bytes(b"")
    db = str(tmp_path / "ng.duckdb")
    code, _, err = run("ingest", str(corpus), "--db", db, "--workers", "1", "--strict")
    assert code == 1 and "--strict" in err


def test_stats_and_sql(run, corpus, tmp_path):
    db = str(tmp_path / "ng.duckdb")
    run("ingest", str(corpus), "--db", db, "--workers", "1")
    code, out, _ = run("stats", "--db", db)
    assert code == 0 and "articles" in out and " 3" in out
    code, out, _ = run("sql", "SELECT id FROM articles ORDER BY id", "--db", db)
    assert code == 0 and out.splitlines() == ["id", "good", "j1", "j2"]
    code, _, err = run("sql", "DELETE FROM articles", "--db", db)
    assert code == 2 and "refused" in err
