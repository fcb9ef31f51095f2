"""Readers: one module per source format, each yielding Articles (or ReadErrors).

A reader never raises on bad input: it yields a ``ReadError`` naming the file and line
and carries on, so one broken file or line never costs the others.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator, Optional, Union

from newsgraph.model import Article


@dataclass
class ReadError:
    """Why one input (a file, or one line of it) could not become an Article."""

    file: str
    line: Optional[int]
    message: str
    stage: str = "read"

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line is not None else self.file
        return f"{where}: {self.message}"


Item = Union[Article, ReadError]

#: Keys of ``Article.meta`` that say where an article came from (for error messages).
FILE_KEY = "source_file"
LINE_KEY = "source_line"


def origin(article: Article) -> tuple[Optional[str], Optional[int]]:
    """(file, line) an article was read from, when the reader recorded it."""
    return article.meta.get(FILE_KEY), article.meta.get(LINE_KEY)


def read_paths(paths: list[str]) -> Iterator[Item]:
    """Every Article below ``paths`` (files, directories, ``-`` for stdin), in order."""
    from newsgraph.ingest.dispatch import read_paths as _read

    yield from _read(paths)
