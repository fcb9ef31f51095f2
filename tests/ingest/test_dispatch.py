import io
import sys

import pytest

from newsgraph.ingest import FILE_KEY, ReadError, dispatch, feed, html, jsonl, read_paths, warc
from newsgraph.ingest.dispatch import read_stream, reader_for

WIRE = " date 2022-05-05 5 May. 16:30\n\nThe minister said talks would resume.\n"


@pytest.fixture
def tree(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "a").mkdir()
    (tmp_path / ".hidden").mkdir()
    (tmp_path / "b" / "story.txt").write_text(WIRE, encoding="utf-8")
    (tmp_path / "a" / "story.txt").write_text("Plain text story.\n", encoding="utf-8")
    (tmp_path / "a" / "rows.ndjson").write_text('{"id": "r1", "text": "Row one."}\n', encoding="utf-8")
    (tmp_path / "a" / "notes.md").write_text("# not an article\n", encoding="utf-8")
    (tmp_path / "a" / "story.gold.json").write_text("{}", encoding="utf-8")
    (tmp_path / ".hidden" / "x.txt").write_text("hidden\n", encoding="utf-8")
    (tmp_path / "top.txt").write_text("Top level.\n", encoding="utf-8")
    return tmp_path


def test_directory_reads_supported_files_in_sorted_order(tree, split):
    arts, errs = split(read_paths([str(tree)]))
    assert errs == []
    assert [a.meta[FILE_KEY] for a in arts] == [str(tree / p) for p in ("a/rows.ndjson", "a/story.txt", "b/story.txt", "top.txt")]
    assert [a.text for a in arts] == [
        "Row one.", "Plain text story.\n", "The minister said talks would resume.\n", "Top level.\n"
    ]
    assert arts[2].published == "2022-05-05T16:30:00" and arts[1].published is None


def test_repeated_ids_are_made_unique_and_stable(tree):
    first = [a.id for a in read_paths([str(tree)])]
    again = [a.id for a in read_paths([str(tree)])]
    assert first == again
    assert len(set(first)) == len(first)
    assert first[1] == "story" and first[2].startswith("story-")


def test_the_same_file_twice_gets_two_ids(tree):
    arts = list(read_paths([str(tree / "top.txt"), str(tree / "top.txt")]))
    assert arts[0].id == "top" and arts[1].id != "top" and arts[1].meta["original_id"] == "top"


@pytest.mark.parametrize(
    "name, content, words",
    [
        ("empty.txt", b"", "empty file"),
        ("blank.txt", b"\n  \n", "empty file"),
        ("binary.txt", b"PK\x03\x04\x00\x00\x08\x00", "binary"),
        ("latin1.txt", "caf\u00e9 cr\u00e8me".encode("latin-1"), "not UTF-8"),
        ("empty.jsonl", b"", "empty file"),
        ("binary.jsonl", b"\x00\x01\x02\x03", "binary"),
        ("bad.warc", b"garbage", "WARC"),
    ],
)
def test_bad_files_are_one_error_naming_the_file(tmp_path, name, content, words):
    (tmp_path / name).write_bytes(content)
    (err,) = read_paths([str(tmp_path / name)])
    assert isinstance(err, ReadError) and err.file == str(tmp_path / name) and words in err.message


def test_every_bad_input_costs_only_itself(tmp_path, split):
    """The brief's list of bad inputs together: one ReadError each, the good ones read."""
    (tmp_path / "good.txt").write_text(WIRE, encoding="utf-8")
    (tmp_path / "binary.txt").write_bytes(b"\x00\xff\x00")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "bad_date.txt").write_text(" date 2022-02-31 31 Feb. 10:00\n\nBody.\n", encoding="utf-8")
    (tmp_path / "rows.jsonl").write_text(
        '{"id": "ok-1", "text": "One."}\n'
        "{oops\n"
        '{"id": "no-text"}\n'
        '{"id": "d", "text": "x", "date": "Smarch"}\n'
        '{"id": "ok-2", "text": "Two."}\n',
        encoding="utf-8",
    )
    names = ("missing.txt", "good.txt", "binary.txt", "empty.txt", "bad_date.txt", "rows.jsonl")
    paths = [str(tmp_path / n) for n in names]
    arts, errs = split(read_paths(paths))
    assert [a.id for a in arts] == ["good", "ok-1", "ok-2"]
    where = [(e.file.rsplit("/", 1)[-1], e.line) for e in errs]
    assert where == [
        ("missing.txt", None), ("binary.txt", None), ("empty.txt", None), ("bad_date.txt", 1),
        ("rows.jsonl", 2), ("rows.jsonl", 3), ("rows.jsonl", 4),
    ]


def test_nonexistent_path(tmp_path):
    (err,) = read_paths([str(tmp_path / "nope")])
    assert isinstance(err, ReadError) and err.file == str(tmp_path / "nope") and "no such file" in err.message


def test_unreadable_file_is_an_error(tmp_path):
    (tmp_path / "gone.txt").symlink_to(tmp_path / "missing-target.txt")
    errs = list(read_paths([str(tmp_path)]))
    assert len(errs) == 1 and isinstance(errs[0], ReadError) and errs[0].file == str(tmp_path / "gone.txt")


def test_io_error_while_reading_is_an_error(tmp_path, monkeypatch):
    def failing(path):
        yield from ()
        raise PermissionError(13, "Permission denied")

    monkeypatch.setitem(dispatch.READERS, ".txt", failing)
    (tmp_path / "x.txt").write_text("x", encoding="utf-8")
    (err,) = read_paths([str(tmp_path / "x.txt")])
    assert isinstance(err, ReadError) and "Permission denied" in err.message


def test_unsupported_file_named_explicitly_is_an_error(tmp_path):
    (tmp_path / "report.pdf").write_bytes(b"%PDF-1.4")
    (err,) = read_paths([str(tmp_path / "report.pdf")])
    assert isinstance(err, ReadError) and "unsupported" in err.message


def test_directory_without_readable_files_is_an_error(tmp_path):
    (tmp_path / "notes.md").write_text("x", encoding="utf-8")
    (err,) = read_paths([str(tmp_path)])
    assert isinstance(err, ReadError) and err.file == str(tmp_path)


@pytest.mark.parametrize(
    "name, expected",
    [
        ("a.txt", dispatch.read_txt),
        ("A.TXT", dispatch.read_txt),
        ("a.jsonl", jsonl.read),
        ("a.ndjson", jsonl.read),
        ("a.htm", html.read),
        ("a.atom", feed.read),
        ("a.xml", feed.read),
        ("a.warc", warc.read),
        ("a.warc.gz", warc.read),
        ("a.gz", None),
        ("a.json", None),
    ],
)
def test_reader_for(tmp_path, name, expected):
    assert reader_for(tmp_path / name) is expected


def stream(data: bytes) -> io.BytesIO:
    return io.BytesIO(data)


def test_stdin_json_lines():
    items = list(read_stream(stream(b'\n{"id": "s1", "text": "Hello."}\n{bad\n{"text": "No id."}\n')))
    assert [getattr(i, "id", None) for i in items] == ["s1", None, "stdin-4"]
    assert isinstance(items[1], ReadError) and (items[1].file, items[1].line) == ("<stdin>", 3)


def test_stdin_wire_text():
    (art,) = read_stream(stream(WIRE.encode()))
    assert art.published == "2022-05-05T16:30:00" and art.text.startswith("The minister")
    assert art.id.startswith("stdin-") and art.id == next(read_stream(stream(WIRE.encode()))).id


def test_stdin_plain_text_with_crlf():
    (art,) = read_stream(stream(b"\r\nLine one.\r\nLine two.\r\n"))
    assert art.text == "\nLine one.\nLine two.\n" and art.published is None


@pytest.mark.parametrize("data, words", [(b"", "empty"), (b"\n \n", "empty"), (b"abc\x00def", "binary"), (b"caf\xe9", "UTF-8")])
def test_bad_stdin_is_one_error(data, words):
    (err,) = read_stream(stream(data))
    assert isinstance(err, ReadError) and err.file == "<stdin>" and words in err.message


def test_dash_reads_standard_input(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b'{"id": "x", "text": "From stdin."}\n')))
    (art,) = read_paths(["-"])
    assert art.id == "x"


def test_dash_with_a_text_only_stdin(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.StringIO("Plain caf\u00e9 text."))
    (art,) = read_paths(["-"])
    assert art.text == "Plain caf\u00e9 text."
