"""A ``store`` fixture for every backend the store tests run on."""
from __future__ import annotations

import pytest
from pgserver import PostgresServer, bin_dir

from newsgraph.store import open_store

BACKENDS = ["duckdb", "postgres"]


@pytest.fixture(scope="session")
def pg_server():
    """One PostgreSQL server for the session (Debian's postgresql package)."""
    found = bin_dir()
    if found is None:
        pytest.skip("PostgreSQL binaries absent (apt-get install postgresql)")
    server = PostgresServer(found).start()
    yield server
    server.stop()


@pytest.fixture(params=BACKENDS)
def store_url(request, tmp_path):
    if request.param == "duckdb":
        return str(tmp_path / "t.duckdb")
    if request.param == "postgres":
        return request.getfixturevalue("pg_server").new_database()
    raise AssertionError(request.param)


@pytest.fixture
def store(store_url):
    with open_store(store_url) as s:
        yield s
