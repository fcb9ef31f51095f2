from newsgraph.ingest import FILE_KEY, ReadError
from newsgraph.ingest.html import parse, read


def test_article_page(data):
    (art,) = read(data / "article.html")
    assert art.id == "article"
    assert art.title == "Harbour city approves $48 million flood barrier"
    assert art.source == "The Coastal Ledger"
    assert art.url == "https://ledger.example.org/news/2023/03/14/flood-barrier"
    assert art.published == "2023-03-14"
    assert art.meta["author"] == "Priya Nandakumar" and art.meta[FILE_KEY] == str(data / "article.html")
    assert '"Nobody is going to be locked out of their own harbour," he said.' in art.text


def test_boilerplate_is_left_out_and_paragraphs_kept(data):
    (art,) = read(data / "article.html")
    for junk in ("Most read", "Ferry timetable", "All rights reserved", "Privacy"):
        assert junk not in art.text
    assert "\n\nThe project is expected to cost about $48 million" in art.text


def test_url_given_by_the_caller_is_used_when_the_page_has_none():
    body = "<p>" + "The assembly met on Monday and agreed a new budget for the coming year. " * 6 + "</p>"
    art = parse(f"<html><body><article>{body}</article></body></html>", "p.html", "p", url="https://x.example/p")
    assert art.url == "https://x.example/p"


def test_page_without_text_is_an_error():
    err = parse("<html><head><title>Empty</title></head><body><script>var x = 1;</script></body></html>", "e.html", "e")
    assert isinstance(err, ReadError) and err.file == "e.html" and "no article text" in err.message


def test_empty_and_binary_files_are_errors(tmp_path):
    (tmp_path / "empty.html").write_bytes(b"  \n")
    (tmp_path / "bin.html").write_bytes(b"<html>\x00\x00\x00</html>")
    (empty,) = read(tmp_path / "empty.html")
    (binary,) = read(tmp_path / "bin.html")
    assert isinstance(empty, ReadError) and "empty" in empty.message
    assert isinstance(binary, ReadError) and "binary" in binary.message


def test_legacy_charset_declared_in_the_page_is_honoured(tmp_path):
    text = "<p>" + "Le café de la gare a rouvert lundi après trois mois de travaux, a annoncé la mairie. " * 4 + "</p>"
    page = f'<html><head><meta charset="iso-8859-1"></head><body><article>{text}</article></body></html>'
    (tmp_path / "latin1.html").write_bytes(page.encode("iso-8859-1"))
    (art,) = read(tmp_path / "latin1.html")
    assert "Le café de la gare" in art.text
