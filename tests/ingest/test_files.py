import pytest

from newsgraph.ingest import ReadError
from newsgraph.ingest.files import file_id, read_text, text_problem


@pytest.mark.parametrize(
    "name, expected",
    [
        ("000_2bc63dc8be47816e.txt", "000_2bc63dc8be47816e"),
        ("crawl.warc.gz", "crawl"),
        ("crawl.warc", "crawl"),
        ("feed.rss", "feed"),
        ("v1.2.jsonl", "v1.2"),
    ],
)
def test_file_id(tmp_path, name, expected):
    assert file_id(tmp_path / name) == expected


def test_head_may_end_inside_a_character():
    data = "caf\u00e9".encode()[:-1]
    assert text_problem(data, complete=False) is None
    assert "UTF-8" in text_problem(data)


def test_read_text_normalises_line_ends_and_drops_bom(tmp_path):
    (tmp_path / "x.txt").write_bytes(b"\xef\xbb\xbfa\r\nb\rc\n")
    assert read_text(tmp_path / "x.txt") == "a\nb\nc\n"


def test_read_text_problem_is_a_read_error(tmp_path):
    (tmp_path / "x.txt").write_bytes(b"")
    err = read_text(tmp_path / "x.txt")
    assert isinstance(err, ReadError) and err.file == str(tmp_path / "x.txt") and err.line is None
