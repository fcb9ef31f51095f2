"""The server store for many users: PostgreSQL (``--db postgresql://...``).

Same schema and the same portable SQL as DuckDB: ``?`` placeholders are rewritten to
psycopg's ``%s``, bulk rows go in with COPY, and full-text search uses GIN indexes on
``to_tsvector('english', ...)`` that PostgreSQL keeps current on every insert.  Readers use
one autocommit connection per thread; the writer has its own.

A user's SQL (``newsgraph sql``) runs only as a role that cannot touch server files (not a
superuser, not in pg_read_server_files / pg_write_server_files / pg_execute_server_program),
as one statement in a READ ONLY transaction with a time limit.
"""
from __future__ import annotations

import re
import threading
import zlib
from typing import Any, Iterator, Sequence

import psycopg
import pyarrow as pa

from newsgraph.store.base import MAX_ROWS, ReadOnlyError, Store, capped

#: Extra DDL on top of schema.sql and postgres_indexes.sql: the full-text indexes and the
#: expressions they cover.
ARTICLE_VECTOR = "to_tsvector('english', coalesce(title, '') || ' ' || text)"
QUOTE_VECTOR = "to_tsvector('english', text)"
SEARCH_DDL = (
    f"CREATE INDEX IF NOT EXISTS articles_fts ON articles USING GIN ({ARTICLE_VECTOR})",
    f"CREATE INDEX IF NOT EXISTS quotes_fts ON quotes USING GIN ({QUOTE_VECTOR})",
)

#: Roles whose members can read, write or run things on the database server's machine.
SERVER_FILE_ROLES = ("pg_read_server_files", "pg_write_server_files", "pg_execute_server_program")

#: A user's statement must start like a query (after comments and parentheses).
_QUERY_START = re.compile(r"^(?:\s|--[^\n]*\n|/\*.*?\*/|\()*(select|with|values|table)\b", re.I | re.S)

#: Serialises schema creation between processes that open the same database at once.
_SCHEMA_LOCK = zlib.crc32(b"newsgraph schema")

#: PostgreSQL type OIDs -> Arrow types, for exports.
_ARROW_TYPES = {16: pa.bool_(), 20: pa.int64(), 21: pa.int32(), 23: pa.int32(), 25: pa.string(),
                700: pa.float32(), 701: pa.float64(), 1043: pa.string(), 1082: pa.date32(),
                1114: pa.timestamp("us"), 1184: pa.timestamp("us", tz="UTC")}


def to_pyformat(sql: str) -> str:
    """``?`` placeholders -> ``%s`` and literal ``%`` -> ``%%``, leaving quoted text alone."""
    out, quote = [], None
    for ch in sql:
        if quote:
            out.append("%%" if ch == "%" else ch)
            if ch == quote:
                quote = None
        elif ch in ("'", '"'):
            quote = ch
            out.append(ch)
        else:
            out.append("%s" if ch == "?" else "%%" if ch == "%" else ch)
    return "".join(out)


class PostgresStore(Store):
    schema_files = ("schema.sql", "postgres_indexes.sql")

    def __init__(self, url: str, read_only: bool = False) -> None:
        self.url = url
        self.read_only = read_only
        self._options = "-c default_transaction_read_only=on" if read_only else ""
        self.con = psycopg.connect(url, autocommit=True, options=self._options)
        self._local = threading.local()
        self._readers: list[psycopg.Connection] = []
        self._readers_lock = threading.Lock()
        if not read_only:
            self.create_schema()

    def create_schema(self) -> None:
        self._execute("SELECT pg_advisory_lock(?)", [_SCHEMA_LOCK])
        try:
            super().create_schema()
            for statement in SEARCH_DDL:
                self._execute(statement)
        finally:
            self._execute("SELECT pg_advisory_unlock(?)", [_SCHEMA_LOCK])

    # -- backend primitives -------------------------------------------------------------
    def _execute(self, sql: str, params: Sequence[Any] = ()) -> list[tuple]:
        cur = self.con.execute(to_pyformat(sql), list(params))
        return cur.fetchall() if cur.description else []

    def _insert(self, table: str, columns: Sequence[str], rows: list[tuple]) -> None:
        with self.con.cursor() as cur, cur.copy(f"COPY {table} ({','.join(columns)}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)

    def _begin(self) -> None:
        self.con.execute("BEGIN")

    def _commit(self) -> None:
        self.con.execute("COMMIT")

    def _rollback(self) -> None:
        self.con.execute("ROLLBACK")  # a warning, not an error, when nothing is open

    def close(self) -> None:
        with self._readers_lock:
            for con in self._readers:
                con.close()
            self._readers.clear()
        self.con.close()

    # -- read side ------------------------------------------------------------------------
    def _reader(self) -> psycopg.Connection:
        con = getattr(self._local, "con", None)
        if con is None or con.closed:
            con = self._local.con = psycopg.connect(self.url, autocommit=True, options=self._options)
            with self._readers_lock:
                self._readers.append(con)
        return con

    def fetch(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        cur = self._reader().execute(to_pyformat(sql), list(params))
        names = [d.name for d in cur.description]
        return [dict(zip(names, row)) for row in cur.fetchall()]

    def arrow_batches(self, sql: str, batch_rows: int = 50_000) -> Iterator[pa.RecordBatch]:
        with psycopg.connect(self.url, options=self._options) as con, con.cursor(name="export") as cur:
            cur.execute(to_pyformat(sql))
            while rows := cur.fetchmany(batch_rows):
                schema = pa.schema([(d.name, _ARROW_TYPES.get(d.type_code, pa.string())) for d in cur.description])
                columns = list(zip(*rows))
                yield pa.RecordBatch.from_arrays(
                    [pa.array(col, type=f.type) for col, f in zip(columns, schema)], schema=schema)

    def match_sql(self, target: str) -> str:
        if target == "articles":
            return (f"SELECT id, ts_rank_cd({ARTICLE_VECTOR}, q, 32) AS score "
                    f"FROM articles, websearch_to_tsquery('english', ?) AS q WHERE {ARTICLE_VECTOR} @@ q")
        return (f"SELECT article_id, idx, ts_rank_cd({QUOTE_VECTOR}, q, 32) AS score "
                f"FROM quotes, websearch_to_tsquery('english', ?) AS q WHERE {QUOTE_VECTOR} @@ q")

    def refresh_search(self) -> bool:
        return False  # the GIN indexes follow every insert

    # -- users' SQL -------------------------------------------------------------------------
    def query(self, sql: str, params: Sequence[Any] = (), max_rows: int = MAX_ROWS) -> tuple[list[str], list[tuple]]:
        if not _QUERY_START.match(sql):
            raise ReadOnlyError("only a single SELECT statement is allowed")
        self._refuse_privileged_role()
        with psycopg.connect(self.url, options=self._options) as con:
            con.execute("BEGIN READ ONLY")
            con.execute("SET LOCAL statement_timeout = '60s'")
            try:
                # Parameters force the extended protocol, which takes exactly one statement.
                cur = con.execute(to_pyformat(sql), list(params), prepare=False)
            except psycopg.errors.ReadOnlySqlTransaction as exc:
                raise ReadOnlyError(str(exc).splitlines()[0]) from exc
            except psycopg.errors.SyntaxError as exc:
                if "multiple commands" in str(exc):
                    raise ReadOnlyError("only a single SELECT statement is allowed") from exc
                raise
            rows = capped(cur.fetchmany, max_rows) if cur.description else []
            return [d.name for d in cur.description or []], rows

    def _refuse_privileged_role(self) -> None:
        checks = " OR ".join(f"pg_has_role(session_user, '{r}', 'MEMBER')" for r in SERVER_FILE_ROLES)
        (privileged,) = self._execute(f"SELECT rolsuper OR {checks} FROM pg_roles WHERE rolname = session_user")[0]
        if privileged:
            raise ReadOnlyError("this role can reach the server's files; run SQL as a role that is not a "
                                "superuser nor a member of " + ", ".join(SERVER_FILE_ROLES))
