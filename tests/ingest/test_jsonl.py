import io
import json

import pytest

from newsgraph.ingest import FILE_KEY, LINE_KEY, ReadError
from newsgraph.ingest.jsonl import parse_lines, read


def lines(*rows: str) -> io.BytesIO:
    return io.BytesIO("".join(r + "\n" for r in rows).encode("utf-8"))


def one(row: dict):
    (item,) = parse_lines(lines(json.dumps(row)), "in.jsonl", "in")
    return item


def test_fixture_good_and_bad_lines(data, split):
    arts, errs = split(read(data / "articles.jsonl"))
    assert [a.id for a in arts] == ["ng-001", "2", "articles-4", "ng-010"]
    assert [(e.line, e.file) for e in errs] == [(n, str(data / "articles.jsonl")) for n in (5, 6, 7, 8, 9)]
    assert "invalid JSON" in errs[0].message
    assert "object" in errs[1].message
    assert "text" in errs[2].message and "text" in errs[3].message
    assert "date" in errs[4].message


def test_known_fields_and_the_rest_in_meta():
    art = one({"id": "a1", "text": "Body.", "published": "2023-06-12T08:30:00", "title": "T", "url": "https://x.example/a",
               "source": "Courier", "language": "de", "topics": ["x"], "dateline": "BONN, June 12 -"})
    got = (art.id, art.text, art.title, art.url, art.source, art.language)
    assert got == ("a1", "Body.", "T", "https://x.example/a", "Courier", "de")
    assert art.published == "2023-06-12T08:30:00"
    assert art.meta == {"topics": ["x"], "dateline": "BONN, June 12 -", FILE_KEY: "in.jsonl", LINE_KEY: 1}


@pytest.mark.parametrize(
    "date, expected",
    [("19950101", "1995-01-01"), (19950101, "1995-01-01"), ("1987-02-26T15:01:01", "1987-02-26T15:01:01")],
)
def test_date_is_an_alias_for_published(date, expected):
    assert one({"text": "x", "date": date}).published == expected


def test_published_wins_over_date_which_stays_in_meta():
    art = one({"text": "x", "published": "2020-01-02", "date": "2020-01-01"})
    assert art.published == "2020-01-02" and art.meta["date"] == "2020-01-01"


def test_publisher_is_an_alias_for_source():
    assert one({"text": "x", "publisher": "breitbart"}).source == "breitbart"


def test_null_fields_are_absent_values():
    art = one({"text": "x", "date": None, "title": None, "language": None})
    assert (art.published, art.title, art.language) == (None, None, "en")
    assert "date" not in art.meta


def test_missing_id_is_stem_and_line_number(split):
    arts, _ = split(parse_lines(lines("", '{"text": "a"}', "   ", '{"text": "b"}'), "f.jsonl", "f"))
    assert [a.id for a in arts] == ["f-2", "f-4"]
    assert [a.meta[LINE_KEY] for a in arts] == [2, 4]


def test_integer_id_becomes_a_string():
    assert one({"id": 7, "text": "x"}).id == "7"


@pytest.mark.parametrize(
    "row, words",
    [
        ('{"text": "x", "title": ["a"]}', "title"),
        ('{"text": "x", "id": true}', "id"),
        ('{"text": "x", "id": ""}', "id"),
        ('{"text": 5}', "text"),
        ('{"text": "x", "published": "not a date"}', "date"),
        ('"just a string"', "object"),
        ('{"text": "x"', "invalid JSON"),
    ],
)
def test_bad_line_is_one_error_with_its_number_and_the_rest_goes_on(row, words, split):
    arts, errs = split(parse_lines(lines('{"text": "first"}', row, '{"text": "last"}'), "f.jsonl", "f"))
    assert [a.text for a in arts] == ["first", "last"]
    assert [(e.file, e.line) for e in errs] == [("f.jsonl", 2)]
    assert words in errs[0].message


def test_undecodable_line_is_one_error(split):
    raw = io.BytesIO(b'{"text": "ok"}\n{"text": "caf\xe9"}\n')
    arts, errs = split(parse_lines(raw, "f.jsonl", "f"))
    assert len(arts) == 1 and errs[0].line == 2 and "UTF-8" in errs[0].message


def test_bom_on_first_line_is_accepted():
    (art,) = parse_lines(io.BytesIO(b'\xef\xbb\xbf{"text": "ok"}\n'), "f.jsonl", "f")
    assert art.text == "ok"


def test_only_blank_lines_is_an_empty_file_error():
    (err,) = parse_lines(lines("", "  "), "f.jsonl", "f")
    assert isinstance(err, ReadError) and err.line is None and "empty" in err.message


def test_binary_file_is_one_error(tmp_path):
    path = tmp_path / "b.jsonl"
    path.write_bytes(b'{"text": "x"}\n\x00\x01\x02' * 10)
    (err,) = read(path)
    assert isinstance(err, ReadError) and err.file == str(path) and "binary" in err.message


def test_lines_are_consumed_lazily():
    pulled = []

    def source():
        for i in range(1000):
            pulled.append(i)
            yield json.dumps({"text": f"article {i}"}).encode()

    items = parse_lines(source(), "big.jsonl", "big")
    assert next(items).text == "article 0"
    assert len(pulled) == 1
