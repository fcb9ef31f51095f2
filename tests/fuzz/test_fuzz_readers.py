"""Arbitrary text and bytes through every reader: Articles or ReadErrors, never an
exception; JSONL and Parquet keep the text exactly as given."""
import gzip
import html
import io
import json
import tempfile
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
from hypothesis import given, settings
from hypothesis import strategies as st
from texts import any_text, fragment

from newsgraph.ingest import ReadError, read_paths
from newsgraph.ingest.dispatch import READERS, read_stream
from newsgraph.model import Article

FUZZ = settings(max_examples=60, deadline=None)


def warc(block: bytes) -> bytes:
    payload = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + block
    head = (f"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: http://example.org/a\r\n"
            f"Content-Type: application/http; msgtype=response\r\nContent-Length: {len(payload)}\r\n\r\n")
    return head.encode() + payload + b"\r\n\r\n"


def page(text: str, escape: bool) -> bytes:
    body = html.escape(text) if escape else text
    return f"<html><head><title>{body[:80]}</title></head><body><article><p>{body}</p></article></body></html>".encode(
        "utf-8", "surrogatepass")


def feed(text: str, escape: bool) -> bytes:
    body = html.escape(text) if escape else text
    return (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>t</title>'
            f"<item><title>{body[:80]}</title><description>{body}</description>"
            f"<pubDate>{body[:30]}</pubDate></item></channel></rss>").encode("utf-8", "surrogatepass")


#: extension -> how a text becomes that file's bytes (escaped or raw markup)
BUILD = {
    ".txt": lambda t, e: t.encode(),
    ".jsonl": lambda t, e: (json.dumps({"id": t[:20] or 1, "text": t, "published": t[:25], "title": t}) + "\n" + t).encode(),
    ".ndjson": lambda t, e: t.encode(),
    ".html": page,
    ".htm": lambda t, e: t.encode(),
    ".xml": feed,
    ".rss": feed,
    ".atom": lambda t, e: f'<feed xmlns="http://www.w3.org/2005/Atom"><entry><title>{t}</title><content>{t}</content></entry></feed>'.encode(),
    ".warc": lambda t, e: warc(page(t, e)),
    ".warc.gz": lambda t, e: gzip.compress(warc(page(t, e))),
}


def parquet_bytes(**columns: list) -> bytes:
    sink = io.BytesIO()
    pq.write_table(pa.table({k: pa.array(v, pa.string()) for k, v in columns.items()}), sink)
    return sink.getvalue()


def read(name: str, data: bytes) -> list:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder, name)
        path.write_bytes(data)
        items = list(read_paths([str(path)]))
    for item in items:
        assert isinstance(item, (Article, ReadError)), item
        if isinstance(item, Article):
            assert isinstance(item.text, str) and item.id
            assert item.published is None or isinstance(item.published, str)
        else:
            assert item.file == str(path) and item.message
    return items


def test_every_reader_is_fuzzed():
    assert set(READERS) == set(BUILD) | {".parquet"}


@FUZZ
@given(ext=st.sampled_from(sorted(BUILD)), text=any_text, escape=st.booleans())
def test_text_in_any_format_never_raises(ext, text, escape):
    read("in" + ext, BUILD[ext](text, escape))


@FUZZ
@given(texts=st.lists(st.one_of(st.none(), any_text), min_size=1, max_size=5), other=st.lists(any_text, min_size=5, max_size=5))
def test_parquet_rows_never_raise(texts, other):
    n = len(texts)
    read("in.parquet", parquet_bytes(text=texts, id=other[:n], published=other[:n], title=other[:n]))


@FUZZ
@given(ext=st.sampled_from(sorted(BUILD) + [".parquet"]), data=st.binary(max_size=2000))
def test_bytes_in_any_format_never_raise(ext, data):
    read("in" + ext, data)


@FUZZ
@given(data=st.one_of(st.binary(max_size=500), any_text.map(lambda t: t.encode())))
def test_stdin_never_raises(data):
    for item in read_stream(io.BytesIO(data)):
        assert isinstance(item, (Article, ReadError))


@FUZZ
@given(texts=st.lists(any_text, min_size=1, max_size=5))
def test_jsonl_and_parquet_keep_text_exactly(texts):
    jsonl = "".join(json.dumps({"text": t}) + "\n" for t in texts).encode()
    for items in (read("in.jsonl", jsonl), read("in.parquet", parquet_bytes(text=texts))):
        assert [i.text for i in items if isinstance(i, Article)] == [t for t in texts if t.strip()]


@settings(max_examples=3, deadline=None)
@given(parts=st.lists(fragment, min_size=1, max_size=40))
def test_a_megabyte_through_every_reader(parts):
    unit = "".join(parts) or "x"
    text = (unit * (1_000_000 // len(unit) + 1))[:1_000_000]
    for ext, build in BUILD.items():
        read("big" + ext, build(text, True))
    (article,) = [i for i in read("big.jsonl", json.dumps({"text": text + "."}).encode()) if isinstance(i, Article)]
    assert article.text == text + "."
    read("big.parquet", parquet_bytes(text=[text], published=[text[:30]]))
