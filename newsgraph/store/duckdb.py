"""The embedded default store: one DuckDB file.

The connection loads the full-text-search extension from its PyPI package (offline), then
turns off DuckDB's file-system access: nothing run on this connection, a user's SQL least
of all, can read or write files other than the database itself.
"""
from __future__ import annotations

import pathlib
import threading
from typing import Any, Iterator, Sequence

import duckdb
import duckdb_extension_fts
import pyarrow as pa

from newsgraph.store.base import ReadOnlyError, Store

FTS_EXTENSION = (pathlib.Path(duckdb_extension_fts.__file__).parent / "extensions"
                 / f"v{duckdb.__version__}" / "fts.duckdb_extension")

#: Options of both BM25 indexes: English stemming and stop words; digits kept as terms.
FTS_OPTIONS = "stemmer = 'porter', stopwords = 'english', ignore = '(\\.|[^a-z0-9])+', overwrite = 1"

#: What the indexes were built from; a change means articles were added or replaced.
_STAMP_SQL = "SELECT count(*) || '/' || coalesce(CAST(max(ingested_at) AS TEXT), '') FROM articles"

#: DuckDB's fts indexes a table with one key column, so quotes get one.
_QUOTE_DOCS_SQL = ("CREATE OR REPLACE TABLE quote_docs AS "
                   "SELECT article_id || ':' || idx AS key, article_id, idx, text FROM quotes")


class DuckDBStore(Store):
    def __init__(self, path: str, read_only: bool = False) -> None:
        self.path = path
        self.read_only = read_only
        self.con = duckdb.connect(path, read_only=read_only)
        self.con.execute(f"LOAD '{FTS_EXTENSION}'")
        self.con.execute("SET enable_external_access = false")
        self._local = threading.local()
        self._cursors: list[duckdb.DuckDBPyConnection] = []
        self._cursors_lock = threading.Lock()
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
        with self._cursors_lock:
            for cur in self._cursors:
                cur.close()
            self._cursors.clear()
        self.con.close()

    def _reader(self) -> duckdb.DuckDBPyConnection:
        """This thread's cursor: its own connection to the same database, which sees
        committed data and runs alongside the writer."""
        cur = getattr(self._local, "cursor", None)
        if cur is None:
            cur = self._local.cursor = self.con.cursor()
            with self._cursors_lock:
                self._cursors.append(cur)
        return cur

    def fetch(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        cur = self._reader().execute(sql, list(params))
        names = [d[0] for d in cur.description]
        return [dict(zip(names, row)) for row in cur.fetchall()]

    def arrow_batches(self, sql: str, batch_rows: int = 50_000) -> Iterator[pa.RecordBatch]:
        cur = self.con.cursor()
        try:
            yield from cur.execute(sql).to_arrow_reader(batch_rows)
        finally:
            cur.close()

    def match_sql(self, target: str) -> str:
        if target == "articles":
            return ("SELECT id, score FROM (SELECT id, fts_main_articles.match_bm25(id, ?) AS score "
                    "FROM articles) WHERE score IS NOT NULL")
        return ("SELECT article_id, idx, score FROM (SELECT article_id, idx, "
                "fts_main_quote_docs.match_bm25(key, ?) AS score FROM quote_docs) WHERE score IS NOT NULL")

    def refresh_search(self) -> bool:
        """Rebuild both BM25 indexes if articles changed since they were built.  The
        rebuild is one transaction: readers keep the old indexes until it commits."""
        stamp = self._execute(_STAMP_SQL)[0][0]
        built = self._execute("SELECT stamp FROM search_stamp") if self._has_table("search_stamp") else []
        if built and built[0][0] == stamp:
            return False
        self._begin()
        try:
            self._execute(_QUOTE_DOCS_SQL)
            self._execute(f"PRAGMA create_fts_index('articles', 'id', 'title', 'text', {FTS_OPTIONS})")
            self._execute(f"PRAGMA create_fts_index('quote_docs', 'key', 'text', {FTS_OPTIONS})")
            self._execute("CREATE OR REPLACE TABLE search_stamp AS SELECT ? AS stamp", [stamp])
            self._commit()
        except Exception:
            self._rollback()
            raise
        return True

    def _has_table(self, name: str) -> bool:
        return bool(self._execute("SELECT 1 FROM duckdb_tables() WHERE table_name = ?", [name]))

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
