from newsgraph.ingest import FILE_KEY, ReadError
from newsgraph.ingest.text import parse


def test_whole_text_is_the_body():
    art = parse("Tickets cost 8 euros.\n", "p.txt", "p")
    assert (art.id, art.text, art.title, art.published) == ("p", "Tickets cost 8 euros.\n", None, None)
    assert art.meta == {FILE_KEY: "p.txt"}


def test_blank_text_is_an_error():
    err = parse(" \n\t\n", "p.txt", "p")
    assert isinstance(err, ReadError) and err.file == "p.txt" and "empty" in err.message
