"""JSON lines: one article object per line, streamed so that corpus dumps of any size
can be read.  A bad line costs only itself: it becomes a ReadError with its line number.

Known fields become Article attributes; every other field is kept in ``Article.meta``
so that nothing a dataset carries (topics, authors, gold annotations) is lost.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Iterable, Iterator

from newsgraph.ingest import FILE_KEY, LINE_KEY, Item, ReadError
from newsgraph.ingest.dates import normalise
from newsgraph.ingest.files import file_id, head, text_problem
from newsgraph.model import Article

#: Article attribute -> the fields it is read from, first present wins.  The aliases
#: not used stay in meta.
FIELDS = {
    "published": ("published", "date"),
    "source": ("source", "publisher"),
    "title": ("title",),
    "url": ("url",),
    "language": ("language",),
}
_DATE_FIELDS = FIELDS["published"]


class LineError(ValueError):
    """A line that cannot become an Article."""


def read(path: Path) -> Iterator[Item]:
    problem = text_problem(head(path), complete=False)
    if problem:
        yield ReadError(str(path), None, problem)
        return
    with path.open("rb") as lines:
        yield from parse_lines(lines, str(path), file_id(path))


def parse_lines(lines: Iterable[bytes], file: str, stem: str) -> Iterator[Item]:
    """Articles from raw JSON lines; ``stem`` makes ids for objects without one."""
    seen = False
    for number, raw in enumerate(lines, start=1):
        if not raw.strip():
            continue
        seen = True
        try:
            yield parse_line(raw, file, number, stem)
        except LineError as exc:
            yield ReadError(file, number, str(exc))
    if not seen:
        yield ReadError(file, None, "empty file")


def parse_line(raw: bytes, file: str, number: int, stem: str) -> Article:
    try:
        obj = json.loads(raw)  # bytes: a UTF-8 BOM is accepted
    except UnicodeDecodeError as exc:
        raise LineError(f"not UTF-8 text (undecodable byte at offset {exc.start})") from None
    except json.JSONDecodeError as exc:
        raise LineError(f"invalid JSON ({exc.msg}, column {exc.colno})") from None
    if not isinstance(obj, dict):
        raise LineError(f"expected a JSON object, got {type(obj).__name__}")
    return from_object(obj, file, number, stem)


def from_object(obj: dict[str, Any], file: str, number: int, stem: str) -> Article:
    """An Article from one decoded record (a JSON object, a Parquet row); ``obj`` is consumed."""
    text = obj.pop("text", None)
    if not isinstance(text, str) or not text.strip():
        raise LineError("missing or empty 'text'")
    article_id = obj.pop("id", None)
    if article_id is None:
        article_id = f"{stem}-{number}"
    elif isinstance(article_id, (str, int)) and not isinstance(article_id, bool) and str(article_id):
        article_id = str(article_id)
    else:
        raise LineError(f"'id' must be a non-empty string or an integer, got {article_id!r}")
    values = {attr: _take(obj, names) for attr, names in FIELDS.items()}
    if values["published"] is not None:
        published = normalise(values["published"])
        if published is None:
            raise LineError(f"unparseable date {values['published']!r}")
        values["published"] = published
    if values["language"] is None:
        del values["language"]  # the Article default
    return Article(id=article_id, text=text, meta={**obj, FILE_KEY: file, LINE_KEY: number}, **values)


def _take(obj: dict[str, Any], names: tuple[str, ...]) -> Any:
    """Pop ``names`` from ``obj``; the value of the first one given (not null), which
    must be a string (integer dates such as 19950101 are accepted too)."""
    value = None
    for name in names:
        if name not in obj or (value is not None and obj[name] is not None):
            continue
        value = obj.pop(name)
        if name in _DATE_FIELDS and isinstance(value, int) and not isinstance(value, bool):
            value = str(value)
        if value is not None and not isinstance(value, str):
            raise LineError(f"'{name}' must be a string, got {type(value).__name__}")
    return value
