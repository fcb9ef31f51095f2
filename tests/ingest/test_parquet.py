"""Parquet input: one article per row of a table with a ``text`` column."""
import datetime as dt

import pyarrow as pa
import pyarrow.parquet as pq

from newsgraph.ingest import ReadError, read_paths
from newsgraph.model import Article


def write(path, columns, row_group_size=None):
    pq.write_table(pa.table(columns), path, row_group_size=row_group_size)
    return str(path)


def test_rows_become_articles_like_jsonl_objects(tmp_path):
    f = write(tmp_path / "news.parquet", {
        "id": ["a", None, "c"],
        "text": ["Ann Lee spoke.", "Omar Haddad spoke.", "Maria Rossi spoke."],
        "date": [dt.datetime(2024, 5, 1, 9, 30), None, dt.datetime(2024, 5, 3)],
        "title": ["One", "Two", None],
        "topic": [["tax"], [], ["roads", "tax"]],
    }, row_group_size=2)
    items = list(read_paths([f]))
    assert all(isinstance(i, Article) for i in items)
    assert [a.id for a in items] == ["a", "news-2", "c"]
    assert items[0].published == "2024-05-01T09:30:00" and items[1].published is None
    assert items[0].title == "One" and items[2].meta["topic"] == ["roads", "tax"]
    assert [a.meta["source_line"] for a in items] == [1, 2, 3]


def test_a_bad_row_costs_only_itself(tmp_path):
    f = write(tmp_path / "t.parquet", {"text": ["fine", None, "  ", "also fine"], "published": ["2024-01-01", "x", "x", "not a date"]})
    items = list(read_paths([f]))
    errors = [(i.line, i.message) for i in items if isinstance(i, ReadError)]
    assert errors == [(2, "missing or empty 'text'"), (3, "missing or empty 'text'"), (4, "unparseable date 'not a date'")]
    assert [i.text for i in items if isinstance(i, Article)] == ["fine"]


def test_bad_files_are_one_error_each(tmp_path):
    no_text = write(tmp_path / "no_text.parquet", {"body": ["x"]})
    empty = write(tmp_path / "empty.parquet", {"text": pa.array([], pa.string())})
    broken = tmp_path / "broken.parquet"
    broken.write_bytes(b"PAR1 this is not parquet")
    items = list(read_paths([no_text, empty, str(broken)]))
    assert [(type(i).__name__, i.message.split(" (")[0]) for i in items] == [
        ("ReadError", "no 'text' column"), ("ReadError", "empty file"), ("ReadError", "not a Parquet file")]
