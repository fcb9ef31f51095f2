from newsgraph.ingest import FILE_KEY, ReadError
from newsgraph.ingest.wire import is_wire, parse
from newsgraph.model import Article

SEED_HEADER = " date 2022-05-05 5 May. 16:30"


def test_header_gives_published_and_is_removed_with_blank_lines():
    art = parse(f"{SEED_HEADER}\n\n\nFirst paragraph.\n\nSecond.\n", "x.txt", "x")
    assert isinstance(art, Article)
    assert art.published == "2022-05-05T16:30:00"
    assert art.text == "First paragraph.\n\nSecond.\n"
    assert art.id == "x" and art.title is None
    assert art.meta[FILE_KEY] == "x.txt" and art.meta["header"] == SEED_HEADER.strip()


def test_header_without_leading_space_or_time():
    art = parse("date 2022-05-05\nBody.", "x.txt", "x")
    assert art.published == "2022-05-05"
    assert art.text == "Body."


def test_header_with_seconds():
    assert parse("date 2022-05-05 5 May. 16:30:05\n\nBody.", "x.txt", "x").published == "2022-05-05T16:30:05"


def test_indented_first_body_line_keeps_its_indent():
    assert parse("date 2022-05-05\n\n   Indented.", "x.txt", "x").text == "   Indented."


def test_unparseable_header_date_is_an_error_on_line_1():
    err = parse(" date 2022-13-45 45 Foo. 16:30\n\nBody.", "bad.txt", "bad")
    assert isinstance(err, ReadError)
    assert (err.file, err.line) == ("bad.txt", 1)
    assert "2022-13-45" in err.message


def test_impossible_clock_time_is_an_error():
    err = parse("date 2022-05-05 5 May. 25:61\n\nBody.", "bad.txt", "bad")
    assert isinstance(err, ReadError) and err.line == 1


def test_header_without_body_is_an_error():
    err = parse("date 2022-05-05 5 May. 16:30\n\n  \n", "h.txt", "h")
    assert isinstance(err, ReadError) and err.file == "h.txt"


def test_is_wire_needs_a_date_after_the_word():
    assert is_wire(SEED_HEADER + "\n\nBody")
    assert is_wire("Date 2022-05-05\nBody")
    assert not is_wire("Date night at the Odeon was a success.\n")
    assert not is_wire("Body first.\n date 2022-05-05")


def test_fixture_file(data):
    art = parse((data / "wire.txt").read_text(encoding="utf-8"), "wire.txt", "wire")
    assert art.published == "2021-11-03T09:15:00"
    assert art.text.startswith("Chile's copper output")


def test_seed_article(seed_path):
    from newsgraph.ingest import read_paths

    (art,) = read_paths([str(seed_path)])
    assert art.id == "000_2bc63dc8be47816e"
    assert art.published == "2022-05-05T16:30:00"
    assert art.text.startswith("Russia is seeking to maintain good and constructive relations")
