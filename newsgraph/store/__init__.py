"""Storage of Records: DuckDB (embedded, the default) or PostgreSQL (``postgresql://``)."""
from __future__ import annotations

from newsgraph.store.base import BatchResult, Store


def open_store(db: str, read_only: bool = False) -> Store:
    """The store at ``db``: a PostgreSQL URL, or a DuckDB file path (created if missing)."""
    if db.startswith(("postgresql://", "postgres://")):
        from newsgraph.store.postgres import PostgresStore

        return PostgresStore(db, read_only=read_only)
    from newsgraph.store.duckdb import DuckDBStore

    return DuckDBStore(db, read_only=read_only)


__all__ = ["open_store", "Store", "BatchResult"]
