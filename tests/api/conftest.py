"""An API client over a DuckDB store holding the hand-made sample corpus."""
from __future__ import annotations

import pytest
import sample_corpus
from server import AUTH, TOKEN
from fastapi.testclient import TestClient

from newsgraph.api.app import create_app
from newsgraph.api.security import Security
from newsgraph.store import open_store


@pytest.fixture(scope="module")
def db_path(tmp_path_factory) -> str:
    path = str(tmp_path_factory.mktemp("api") / "api.duckdb")
    with open_store(path) as store:
        store.add_records(sample_corpus.records())
    return path


@pytest.fixture(scope="module")
def client(db_path):
    with TestClient(create_app(db_path, security=Security(token=TOKEN)), headers=AUTH) as c:
        yield c


@pytest.fixture(scope="module")
def ids(client) -> dict[str, str]:
    """Entity name -> id."""
    return {e["name"]: e["id"] for e in client.get("/api/entities", params={"limit": 200}).json()["items"]}
