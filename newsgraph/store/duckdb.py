"""The embedded default store: one DuckDB file.

The connection loads the full-text-search extension from its PyPI package (offline), then
turns off DuckDB's file-system access: nothing run on this connection, a user's SQL least
of all, can read or write files other than the database itself.
"""
from __future__ import annotations

import pathlib
from typing import Any, Sequence

import duckdb
import duckdb_extension_fts
import pyarrow as pa

from newsgraph.store.base import ReadOnlyError, Store

FTS_EXTENSION = (pathlib.Path(duckdb_extension_fts.__file__).parent / "extensions"
                 / f"v{duckdb.__version__}" / "fts.duckdb_extension")


class DuckDBStore(Store):
    def __init__(self, path: str, read_only: bool = False) -> None:
        self.path = path
        self.read_only = read_only
        self.con = duckdb.connect(path, read_only=read_only)
        self.con.execute(f"LOAD '{FTS_EXTENSION}'")
        self.con.execute("SET enable_external_access = false")
        if not read_only:
            self.create_schema()

    def _execute(self, sql: str, params: Sequence[Any] = ()) -> list[tuple]:
        cur = self.con.execute(sql, list(params))
        return cur.fetchall() if cur.description else []

    def _insert(self, table: str, columns: Sequence[str], rows: list[tuple]) -> None:
        # Arrow hands DuckDB whole columns at once: far faster than executemany.
        arrays = [pa.array([row[i] for row in rows]) for i in range(len(columns))]
        self.con.register("_ng_rows", pa.Table.from_arrays(arrays, names=list(columns)))
        try:
            self.con.execute(f"INSERT INTO {table} ({','.join(columns)}) SELECT * FROM _ng_rows")
        finally:
            self.con.unregister("_ng_rows")

    def _begin(self) -> None:
        self.con.begin()

    def _commit(self) -> None:
        self.con.commit()

    def _rollback(self) -> None:
        try:
            self.con.rollback()
        except duckdb.TransactionException:
            pass  # nothing was open

    def close(self) -> None:
        self.con.close()

    def query(self, sql: str, params: Sequence[Any] = ()) -> tuple[list[str], list[tuple]]:
        """One SELECT statement (checked by DuckDB's own parser) on a cursor that cannot
        reach files."""
        try:
            statements = duckdb.extract_statements(sql)
        except duckdb.Error as exc:
            raise ReadOnlyError(str(exc).splitlines()[0]) from exc
        if len(statements) != 1 or statements[0].type != duckdb.StatementType.SELECT:
            raise ReadOnlyError("only a single SELECT statement is allowed")
        cur = self.con.cursor()
        try:
            cur.execute(sql, list(params))
            return [d[0] for d in cur.description or []], cur.fetchall()
        finally:
            cur.close()
