"""Fixtures for the readers: the hand-written files in tests/data/ingest/."""
from __future__ import annotations

import pathlib

import pytest

from newsgraph.ingest import ReadError
from newsgraph.model import Article

DATA = pathlib.Path(__file__).resolve().parent.parent / "data" / "ingest"


@pytest.fixture(scope="session")
def data() -> pathlib.Path:
    return DATA


def _split(items) -> tuple[list[Article], list[ReadError]]:
    items = list(items)
    return [i for i in items if isinstance(i, Article)], [i for i in items if isinstance(i, ReadError)]


@pytest.fixture(scope="session")
def split():
    """(articles, errors) from a reader's output, each in order."""
    return _split
