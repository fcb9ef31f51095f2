import gzip
import zlib

import pytest

from newsgraph.ingest import FILE_KEY, ReadError
from newsgraph.ingest.warc import read

PARAGRAPH = "The regional assembly approved the new water tariff on Monday after a long debate, officials said. "


def page(marker: str) -> bytes:
    return f"<html><body><article><p>{marker}. {PARAGRAPH * 4}</p></article></body></html>".encode()


RESPONSE = "application/http; msgtype=response"


def record(kind: str, block: bytes, rid: str, uri: str = "https://news.example/a", ctype: str = RESPONSE) -> bytes:
    head = (
        f"WARC/1.1\r\nWARC-Type: {kind}\r\nWARC-Record-ID: <urn:uuid:{rid}>\r\nWARC-Date: 2024-01-01T00:00:00Z\r\n"
        f"WARC-Target-URI: {uri}\r\nContent-Type: {ctype}\r\nContent-Length: {len(block)}\r\n\r\n"
    )
    return head.encode() + block + b"\r\n\r\n"


def http(body: bytes, status: str = "200 OK", headers: str = "Content-Type: text/html") -> bytes:
    return f"HTTP/1.1 {status}\r\n{headers}\r\n\r\n".encode() + body


def write(tmp_path, name: str, data: bytes):
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_fixture_reads_only_the_successful_html_response(data):
    (art,) = read(data / "crawl.warc")
    assert art.id == "urn:uuid:00000000-0000-4000-8000-000000000003"
    assert art.url == "https://ledger.example.org/news/2023/03/14/flood-barrier"
    assert art.title == "Harbour city approves $48 million flood barrier"
    assert art.published == "2023-03-14"
    assert art.meta[FILE_KEY] == str(data / "crawl.warc")
    assert art.meta["warc_date"] == "2023-03-15T10:00:00Z"
    assert (data / "crawl.warc").read_bytes()[art.meta["warc_offset"]:].startswith(b"WARC/1.0\r\nWARC-Type: response")


@pytest.mark.parametrize("members", [False, True])
def test_gzip_whole_file_or_one_member_per_record(data, tmp_path, members):
    records = [record("response", http(page(f"Story {i}")), f"id-{i}") for i in range(3)]
    packed = b"".join(gzip.compress(r) for r in records) if members else gzip.compress(b"".join(records))
    arts = list(read(write(tmp_path, "c.warc.gz", packed)))
    assert [a.id for a in arts] == ["urn:uuid:id-0", "urn:uuid:id-1", "urn:uuid:id-2"]
    assert arts[2].text.startswith("Story 2.")


def test_chunked_and_gzip_encoded_http_body(tmp_path):
    body = gzip.compress(page("Compressed"))
    chunked = b"".join(b"%x\r\n%s\r\n" % (len(body[i:i + 50]), body[i:i + 50]) for i in range(0, len(body), 50)) + b"0\r\n\r\n"
    headers = "Content-Type: text/html\r\nTransfer-Encoding: chunked\r\nContent-Encoding: gzip"
    (art,) = read(write(tmp_path, "c.warc", record("response", http(chunked, headers=headers), "z")))
    assert art.text.startswith("Compressed.")


def test_charset_from_http_headers(tmp_path):
    body = page("Caf\u00e9 reopens").replace(b"Caf\xc3\xa9", "Caf\u00e9".encode("latin-1"))
    headers = "Content-Type: text/html; charset=ISO-8859-1"
    (art,) = read(write(tmp_path, "c.warc", record("response", http(body, headers=headers), "l")))
    assert art.text.startswith("Caf\u00e9 reopens.")


def test_html_resource_records_are_read(tmp_path):
    (art,) = read(write(tmp_path, "c.warc", record("resource", page("Resource"), "r", ctype="text/html")))
    assert art.text.startswith("Resource.")


def test_non_html_failed_and_request_records_are_skipped(tmp_path):
    data = (
        record("request", b"GET /a HTTP/1.1\r\n\r\n", "q", ctype="application/http; msgtype=request")
        + record("response", http(page("Gone"), status="404 Not Found"), "n")
        + record("response", http(b"{}", headers="Content-Type: application/json"), "j")
        + record("metadata", b"via: x\r\n", "m", ctype="application/warc-fields")
    )
    assert list(read(write(tmp_path, "c.warc", data))) == []


def test_bad_payload_costs_only_its_record(tmp_path):
    bad = record("response", http(b"zz\r\nnot hex", headers="Content-Type: text/html\r\nTransfer-Encoding: chunked"), "bad")
    good = record("response", http(page("After")), "good")
    err, art = read(write(tmp_path, "c.warc", bad + good))
    assert isinstance(err, ReadError) and "record at byte 0" in err.message
    assert art.id == "urn:uuid:good"


def test_truncated_record_stops_the_file_with_an_error(tmp_path):
    good = record("response", http(page("First")), "a")
    cut = record("response", http(page("Second")), "b")[:-200]
    art, err = read(write(tmp_path, "c.warc", good + cut))
    assert art.id == "urn:uuid:a"
    assert isinstance(err, ReadError) and err.file == str(tmp_path / "c.warc")
    assert f"record at byte {len(good)}" in err.message and "truncated" in err.message


@pytest.mark.parametrize(
    "data, words",
    [
        (b"<html>not a warc</html>", "version line"),
        (b"WARC/1.0\r\nWARC-Type: response\r\n\r\nbody", "Content-Length"),
        (b"WARC/1.0\r\nWARC-Type: response\r\n", "end of file"),
        (gzip.compress(b"WARC/1.0\r\n" * 50)[:-30], "malformed WARC"),
        (b"\x1f\x8b" + b"\x00" * 40, "malformed WARC"),
    ],
)
def test_malformed_files_are_one_error(tmp_path, data, words):
    (err,) = read(write(tmp_path, "bad.warc", data))
    assert isinstance(err, ReadError) and err.file == str(tmp_path / "bad.warc") and words in err.message


def test_empty_file_is_an_error(tmp_path):
    (err,) = read(write(tmp_path, "e.warc.gz", b""))
    assert isinstance(err, ReadError) and "empty" in err.message


def test_deflate_encoding(tmp_path):
    body = zlib.compress(page("Deflated"))
    headers = "Content-Type: text/html\r\nContent-Encoding: deflate"
    (art,) = read(write(tmp_path, "c.warc", record("response", http(body, headers=headers), "d")))
    assert art.text.startswith("Deflated.")
