"""WARC archives (ISO 28500, WARC/1.0 and 1.1, plain or gzip): the HTML pages among
their response records, each read like an HTML file.

Records are parsed one at a time from the stream (a version line, header fields, a
blank line, ``Content-Length`` bytes of block), so archives of any size can be read.
A malformed record stops the file with a ReadError giving its byte offset (in the
uncompressed stream): after a wrong length there is no reliable way back into step.
"""
from __future__ import annotations

import gzip
import zlib
from pathlib import Path
from typing import BinaryIO, Iterator, NamedTuple, Optional, Union

from newsgraph.ingest import FILE_KEY, Item, ReadError, html
from newsgraph.ingest.files import head

GZIP_MAGIC = b"\x1f\x8b"
_HTML_TYPES = ("text/html", "application/xhtml+xml")


class WarcError(ValueError):
    """The stream is not (or no longer) a well-formed WARC file."""


class Record(NamedTuple):
    offset: int
    headers: dict[str, str]
    block: bytes


def read(path: Path) -> Iterator[Item]:
    file = str(path)
    start = head(path)
    if not start.strip():
        yield ReadError(file, None, "empty file")
        return
    opener = gzip.open if start.startswith(GZIP_MAGIC) else open
    with opener(path, "rb") as stream:
        try:
            for record in records(stream):
                try:
                    page = html_payload(record)
                except (ValueError, LookupError, zlib.error) as exc:  # chunking, compression, charset
                    yield ReadError(file, None, f"record at byte {record.offset}: bad HTTP payload: {exc}")
                    continue
                if page is not None:
                    yield _article(record, page, file)
        except (WarcError, gzip.BadGzipFile, EOFError, zlib.error) as exc:
            yield ReadError(file, None, f"malformed WARC: {exc}")


def records(stream: BinaryIO) -> Iterator[Record]:
    """Every record in a WARC stream, in order.  Header names are lower-cased."""
    while True:
        offset = stream.tell()
        line = stream.readline()
        while line in (b"\r\n", b"\n"):  # the two line breaks that end each record
            offset = stream.tell()
            line = stream.readline()
        if not line:
            return
        if not line.startswith(b"WARC/"):
            raise WarcError(f"record at byte {offset}: expected a WARC version line, got {line[:40]!r}")
        headers = _headers(stream)
        try:
            length = int(headers["content-length"])
        except (KeyError, ValueError):
            raise WarcError(f"record at byte {offset}: missing or invalid Content-Length") from None
        block = stream.read(length)
        if len(block) < length:
            raise WarcError(f"record at byte {offset}: truncated ({len(block)} of {length} bytes)")
        yield Record(offset, headers, block)


def html_payload(record: Record) -> Optional[Union[bytes, str]]:
    """The HTML page a record holds (a successful HTTP response or an HTML resource),
    decoded when the HTTP headers name a charset; None for every other record."""
    kind = record.headers.get("warc-type")
    content_type = record.headers.get("content-type", "").lower()
    if kind == "resource" and content_type.startswith(_HTML_TYPES):
        return record.block
    if kind != "response" or not content_type.startswith("application/http"):
        return None
    head_part, _, body = record.block.partition(b"\r\n\r\n")
    status, *lines = head_part.decode("latin-1").split("\r\n")
    http = {name: value.lower() for name, value in (_field(line) for line in lines if ":" in line)}
    parts = status.split()
    if len(parts) < 2 or not parts[1].startswith("2"):
        return None
    if not http.get("content-type", "").startswith(_HTML_TYPES):
        return None
    if "chunked" in http.get("transfer-encoding", ""):
        body = _dechunk(body)
    encoding = http.get("content-encoding", "")
    if encoding in ("gzip", "x-gzip", "deflate"):
        body = zlib.decompress(body, wbits=47 if "gzip" in encoding else 15)
    charset = _charset(http["content-type"])
    return body.decode(charset, errors="replace") if charset else body


def _article(record: Record, page: Union[bytes, str], file: str) -> Item:
    record_id = record.headers.get("warc-record-id", "").strip("<>") or f"{file}@{record.offset}"
    url = record.headers.get("warc-target-uri")
    result = html.parse(page, file, record_id, url=url)
    if isinstance(result, ReadError):
        result.message = f"record at byte {record.offset} ({url}): {result.message}"
        return result
    result.meta.update(
        {
            FILE_KEY: file,
            "warc_offset": record.offset,
            "warc_target_uri": url,
            "warc_date": record.headers.get("warc-date"),
        }
    )
    return result


def _headers(stream: BinaryIO) -> dict[str, str]:
    headers: dict[str, str] = {}
    name = None
    for raw in iter(stream.readline, b""):
        line = raw.decode("utf-8", errors="replace").rstrip("\r\n")
        if not line:
            return headers
        if line[0] in " \t" and name:  # a folded continuation line
            headers[name] += " " + line.strip()
        elif ":" in line:
            name, value = _field(line)
            headers[name] = value
    raise WarcError("end of file inside a record header")


def _field(line: str) -> tuple[str, str]:
    name, _, value = line.partition(":")
    return name.strip().lower(), value.strip()


def _dechunk(body: bytes) -> bytes:
    """The payload of an HTTP/1.1 chunked body, as crawlers store it verbatim."""
    out, pos = [], 0
    while True:
        eol = body.find(b"\r\n", pos)
        if eol < 0:
            raise WarcError("bad chunked transfer encoding")
        size = int(body[pos:eol].split(b";")[0] or b"0", 16)
        if size == 0:
            return b"".join(out)
        out.append(body[eol + 2:eol + 2 + size])
        pos = eol + 2 + size + 2


def _charset(content_type: str) -> Optional[str]:
    for param in content_type.split(";")[1:]:
        key, _, value = param.partition("=")
        if key.strip().lower() == "charset" and value.strip():
            return value.strip().strip('"')
    return None
