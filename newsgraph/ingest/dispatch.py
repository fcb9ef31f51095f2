"""Which reader reads what: by file extension, by walking directories, by sniffing stdin.

Everything that can go wrong with a path (missing, unreadable, a format we do not
read) becomes a ReadError naming it, and the other paths are still read.
"""
from __future__ import annotations

import hashlib
import io
import os
import sys
from itertools import chain, count
from pathlib import Path
from typing import BinaryIO, Callable, Iterable, Iterator, Optional

from newsgraph.ingest import FILE_KEY, LINE_KEY, Item, ReadError, feed, html, jsonl, parquet, text, warc, wire
from newsgraph.ingest.files import decode, file_id, read_text, text_problem
from newsgraph.model import Article

Reader = Callable[[Path], Iterator[Item]]

STDIN = "-"
STDIN_NAME = "<stdin>"


def read_txt(path: Path) -> Iterator[Item]:
    """A .txt file: the wire format when it starts with a wire header, else plain text."""
    content = read_text(path)
    yield content if isinstance(content, ReadError) else parse_text(content, str(path), file_id(path))


def parse_text(content: str, file: str, article_id: str) -> Item:
    parse = wire.parse if wire.is_wire(content) else text.parse
    return parse(content, file, article_id)


#: Extension (lower case) -> reader.  Longer extensions are tried first (".warc.gz").
READERS: dict[str, Reader] = {
    ".txt": read_txt,
    ".jsonl": jsonl.read,
    ".ndjson": jsonl.read,
    ".html": html.read,
    ".htm": html.read,
    ".xml": feed.read,
    ".rss": feed.read,
    ".atom": feed.read,
    ".warc": warc.read,
    ".warc.gz": warc.read,
    ".parquet": parquet.read,
}


def reader_for(path: Path) -> Optional[Reader]:
    name = path.name.lower()
    for ext in sorted(READERS, key=len, reverse=True):
        if name.endswith(ext):
            return READERS[ext]
    return None


def read_paths(paths: list[str]) -> Iterator[Item]:
    """Every Article below ``paths`` in order; ids are made unique across the whole run."""
    return unique_ids(chain.from_iterable(read_path(p) for p in paths))


def read_path(name: str) -> Iterator[Item]:
    if name == STDIN:
        # A replaced sys.stdin (an embedding program, a test) may be text-only.
        stream = getattr(sys.stdin, "buffer", None) or io.BytesIO(sys.stdin.read().encode("utf-8"))
        yield from read_stream(stream)
        return
    path = Path(name)
    if path.is_dir():
        files = walk(path)
        if not files:
            yield ReadError(name, None, f"no readable files ({' '.join(READERS)}) in directory")
        for file in files:
            yield from read_file(file)
    elif path.exists():
        yield from read_file(path)
    else:
        yield ReadError(name, None, "no such file or directory")


def walk(root: Path) -> list[Path]:
    """Supported files below ``root`` sorted by path, hidden files and folders skipped."""
    found = []
    for folder, dirs, files in os.walk(root):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        found += [Path(folder, name) for name in files if not name.startswith(".")]
    return sorted(p for p in found if reader_for(p) is not None)


def read_file(path: Path) -> Iterator[Item]:
    reader = reader_for(path)
    if reader is None:
        yield ReadError(str(path), None, f"unsupported file type {path.suffix or '(no extension)'!r}")
        return
    try:
        yield from reader(path)
    except OSError as exc:
        yield ReadError(str(path), None, f"cannot read: {exc.strerror or exc}")


def read_stream(stream: BinaryIO, file: str = STDIN_NAME) -> Iterator[Item]:
    """Standard input: JSON lines when the first non-blank character is ``{``, else a
    wire or plain text whose id is derived from its content."""
    lines = iter(stream.readline, b"")
    blank = []
    for line in lines:
        if line.strip().lstrip(b"\xef\xbb\xbf"):
            break
        blank.append(line)
    else:
        yield ReadError(file, None, "empty input")
        return
    if line.lstrip(b"\xef\xbb\xbf \t").startswith(b"{"):
        yield from jsonl.parse_lines(chain(blank, [line], lines), file, "stdin")
        return
    data = b"".join(chain(blank, [line], lines))
    problem = text_problem(data)
    if problem:
        yield ReadError(file, None, problem)
        return
    content = decode(data)
    yield parse_text(content, file, "stdin-" + hashlib.sha1(data).hexdigest()[:12])


def unique_ids(items: Iterable[Item]) -> Iterator[Item]:
    """Make every Article id unique within a run.  A repeated id (two files with the
    same name in different folders, two datasets numbering from 1) gets a suffix made
    from the article's origin and content, so that it stays the same between runs."""
    seen: set[str] = set()
    for item in items:
        if not isinstance(item, ReadError):
            if item.id in seen:
                item.meta["original_id"] = item.id
                item.id = _fresh_id(item, seen)
            seen.add(item.id)
        yield item


def _fresh_id(article: Article, taken: set[str]) -> str:
    where = f"{article.meta.get(FILE_KEY)}:{article.meta.get(LINE_KEY)}:{article.content_hash}"
    base = f"{article.id}-{hashlib.sha1(where.encode()).hexdigest()[:8]}"
    return next(c for c in chain([base], (f"{base}-{n}" for n in count(2))) if c not in taken)
