"""A ``store`` fixture for every backend the store tests run on."""
from __future__ import annotations

import pytest

from newsgraph.store import open_store

BACKENDS = ["duckdb"]


@pytest.fixture(params=BACKENDS)
def store_url(request, tmp_path):
    if request.param == "duckdb":
        return str(tmp_path / "t.duckdb")
    raise AssertionError(request.param)


@pytest.fixture
def store(store_url):
    with open_store(store_url) as s:
        yield s
