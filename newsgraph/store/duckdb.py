"""The embedded default store: one DuckDB file.

The connection loads the full-text-search extension from its PyPI package (offline), then
turns off DuckDB's file-system access: nothing run on this connection, a user's SQL least
of all, can read or write files other than the database itself.
"""
from __future__ import annotations

import contextlib
import logging
import pathlib
import re
import threading
from typing import Any, Iterator, Optional, Sequence

import duckdb
import duckdb_extension_fts
import psutil
import pyarrow as pa

from newsgraph.model import Record
from newsgraph.store.base import MAX_ROWS, BatchResult, Busy, ReadOnlyError, Store, capped

FTS_EXTENSION = (pathlib.Path(duckdb_extension_fts.__file__).parent / "extensions"
                 / f"v{duckdb.__version__}" / "fts.duckdb_extension")

#: Options of both BM25 indexes: English stemming and stop words; digits kept as terms.
FTS_OPTIONS = "stemmer = 'porter', stopwords = 'english', ignore = '(\\.|[^a-z0-9])+', overwrite = 1"

#: What the indexes were built from and how; a change means articles were added or
#: replaced, or the index layout below changed (bump the leading version then).
_STAMP_SQL = "SELECT 'v2/' || count(*) || '/' || coalesce(CAST(max(ingested_at) AS TEXT), '') FROM articles"

#: DuckDB's fts indexes a table with one key column, so quotes get one.
_QUOTE_DOCS_SQL = ("CREATE OR REPLACE TABLE quote_docs AS "
                   "SELECT article_id || ':' || idx AS key, article_id, idx, text FROM quotes")

#: The most keys one batch looks up at once (a batch's articles' LSH band keys).
IN_FILTER_KEYS = 8192

#: Most rows a lookup fetches through an index (point lookups) instead of a scan.
INDEX_SCAN_ROWS = 16

#: Settings while an ingest runs (``ingesting``), measured by storing 4,000 Reuters Records.
#: One thread: the extraction workers hold the cores, and DuckDB's own threads only
#: contended with them (the first 2,000 took the writer 13.0 CPU-s with the default
#: threads, 9.4 with one).  Checkpoints four times rarer: each rewrites the row groups the
#: summary tables' upserts touched, all over those tables, so their cost grows with the
#: corpus (20.1 -> 16.2 CPU-s, the mean of two runs each, for the same peak RSS).
#: A buffer pool of 160 MB: by default DuckDB's may take 80% of RAM, so an ingest's memory
#: would grow with the corpus; capped, it evicts and spills instead.  What it cannot evict
#: is a batch's own rows (50-75 MB at 256 articles) and the ART indexes of the keys (11 MB
#: at 40,000 articles), so storing 20,000 Records peaked at 481 MB of writer RSS against
#: 579 with 256 MB, for 10% more writer CPU.  Should a batch need more (a store grown far
#: beyond that), ``_make_room`` doubles the cap.  Only the ingest is capped: a server's
#: readers share one pool, and under 50 concurrent clients 256 MB ran out.
INGEST_SETTINGS = {"threads": 1, "checkpoint_threshold": "64MB", "memory_limit": "160MB"}

#: Articles an ingest writes before it closes and reopens the database.  DuckDB keeps
#: memory outside its buffer pool (and its accounting) that grows with what a connection
#: has written: storing 15,360 Records, the writer's RSS grew 404 -> 449 MB with the pool
#: full at 160 MB, and fell to 288-298 after each reopening every 2,560 articles (the peak
#: staying at 457), for the same CPU.
REOPEN_ARTICLES = 5_000

#: Lookup indexes that stores made before 2026-11-29 have (schema.sql says why no longer):
#: dropped when such a store is opened for writing, so its ingests do not keep them in memory.
RETIRED_INDEXES = ("minhash_bands_key", "articles_cluster", "articles_published", "mentions_entity",
                   "mentions_article", "quotes_speaker", "article_entities_entity", "amounts_speaker",
                   "events_actors", "quote_entities_entity", "quote_entities_article")

#: The share of RAM DuckDB's buffer pool takes by default: as far as ``_make_room`` goes.
DEFAULT_POOL_SHARE = 0.8

log = logging.getLogger(__name__)

_SIZE = re.compile(r"([\d.]+)\s*([KMGT]i?B|bytes?)")
_UNIT_KIB = {"K": 1, "M": 1024, "G": 1024 ** 2, "T": 1024 ** 3}


def _kib(size: str) -> int:
    """KiB in a size as DuckDB prints it ("244.1 MiB", "18.8 GiB")."""
    number, unit = _SIZE.fullmatch(size.strip()).groups()
    return int(float(number) * _UNIT_KIB.get(unit[0], 1 / 1024))


@contextlib.contextmanager
def _busy_when_out_of_memory() -> Iterator[None]:
    """A read the shared buffer pool has no room for just now is ``Busy``, not a crash."""
    try:
        yield
    except duckdb.OutOfMemoryException as exc:
        raise Busy(str(exc).splitlines()[0]) from exc


#: BM25 parameters, as the fts extension's own ``match_bm25`` defaults.
BM25_K, BM25_B = 1.2, 0.75


def _postings_sql(index: str) -> str:
    """Each (term, document) pair of an fts index with its BM25 term weight, sorted by term
    so that a query reads only the row groups of its own terms."""
    return (f"CREATE OR REPLACE TABLE {index}_postings AS SELECT p.termid, p.docid, "
            f"p.tf * {BM25_K + 1} / (p.tf + {BM25_K} * (1 - {BM25_B} + {BM25_B} * d.len / s.avgdl)) AS weight "
            f"FROM (SELECT termid, docid, count(*) AS tf FROM fts_main_{index}.terms GROUP BY termid, docid) AS p "
            f"JOIN fts_main_{index}.docs d ON d.docid = p.docid CROSS JOIN fts_main_{index}.stats s "
            "ORDER BY p.termid, p.docid")


def _bm25_sql(index: str) -> str:
    """``(name, score)`` of the documents of an fts index matching the words in ``?``: the
    extension's Okapi BM25, summed over the postings of the query's terms only."""
    return (f"SELECT d.name, m.score FROM (SELECT p.docid, sum(q.idf * p.weight) AS score FROM "
            f"(SELECT t.termid, log((s.num_docs - t.df + 0.5) / (t.df + 0.5) + 1) AS idf "
            f"FROM fts_main_{index}.dict t CROSS JOIN fts_main_{index}.stats s "
            f"WHERE t.term IN (SELECT stem(unnest(fts_main_{index}.tokenize(?)), 'porter'))) AS q "
            f"JOIN {index}_postings p ON p.termid = q.termid GROUP BY p.docid) AS m "
            f"JOIN fts_main_{index}.docs d ON d.docid = m.docid")


class DuckDBStore(Store):
    def __init__(self, path: str, read_only: bool = False) -> None:
        self.path = path
        self.read_only = read_only
        self.con = self._connect()
        self._local = threading.local()
        self._cursors: list[duckdb.DuckDBPyConnection] = []
        self._cursors_lock = threading.Lock()
        #: While ``ingesting``: its settings as they stand, and articles written since the
        #: database was last opened.
        self._ingest: Optional[dict[str, Any]] = None
        self._written = 0
        if not read_only:
            self.create_schema()

    def _connect(self) -> duckdb.DuckDBPyConnection:
        con = duckdb.connect(self.path, read_only=self.read_only)
        con.execute(f"LOAD '{FTS_EXTENSION}'")
        con.execute("SET enable_external_access = false")
        con.execute("SET autoinstall_known_extensions = false")
        con.execute("SET autoload_known_extensions = false")
        # A semi-join on up to this many keys becomes a filter inside the scan, so looking
        # up a batch's keys reads only their rows, not a column of every stored article.
        con.execute(f"SET dynamic_or_filter_threshold = {IN_FILTER_KEYS}")
        # Fetching more than a few rows through an ART index is slower than scanning: an
        # entity's thousand quotes took 57 ms by index, 4 ms by scan (1x Reuters store, made
        # when the schema still indexed them; an article's id and hash still are).
        con.execute(f"SET index_scan_max_count = {INDEX_SCAN_ROWS}")
        return con

    def create_schema(self) -> None:
        super().create_schema()
        for index in RETIRED_INDEXES:
            self._execute(f"DROP INDEX IF EXISTS {index}")

    def _execute(self, sql: str, params: Sequence[Any] = ()) -> list[tuple]:
        cur = self.con.execute(sql, list(params))
        return cur.fetchall() if cur.description else []

    def _execute_in(self, sql: str, values: Sequence[Any]) -> list[tuple]:
        # One Arrow column, not a parameter per value: the Python client spends a failed
        # ``import pandas`` on each parameter, which cost the writer more than its SQL.
        self.con.register("_ng_values", pa.table({"v": list(values)}))
        try:
            return self._execute(sql.replace("{values}", "(SELECT v FROM _ng_values)"))
        finally:
            self.con.unregister("_ng_values")

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

    @contextlib.contextmanager
    def ingesting(self) -> Iterator[None]:
        saved = {name: self._setting(name) for name in INGEST_SETTINGS}
        self._ingest, self._written = dict(INGEST_SETTINGS), 0
        self._set(self._ingest)
        try:
            yield
        finally:
            self._ingest = None
            # Fold the write-ahead log into the file while the pool is still capped: the
            # end of a 100,000-article ingest (this checkpoint, done at close under the
            # default pool) took the writer from 478 to 645 MB.
            with contextlib.suppress(duckdb.Error):
                self.con.execute("CHECKPOINT")
            # A default goes back by RESET: the rounded text of a size ("18.8 GiB") would not.
            for name, value in saved.items():
                self.con.execute(f"RESET {name}")
                if self._setting(name) != value:
                    self._set({name: value})

    def _make_room(self, exc: Exception) -> bool:
        if not isinstance(exc, duckdb.OutOfMemoryException):
            return False
        kib = _kib(self._setting("memory_limit"))
        if 2 * kib > DEFAULT_POOL_SHARE * psutil.virtual_memory().total / 1024:
            return False
        log.warning("DuckDB's buffer pool raised from %d to %d MiB to fit a batch", kib // 1024, kib // 512)
        self._set({"memory_limit": f"{2 * kib}KiB"})
        if self._ingest is not None:
            self._ingest["memory_limit"] = f"{2 * kib}KiB"
        return True

    def add_records(self, records: list[Record]) -> BatchResult:
        result = super().add_records(records)
        if self._ingest is not None:
            self._written += result.stored + result.replaced
            if self._written >= REOPEN_ARTICLES:
                self._reopen()
        return result

    def _reopen(self) -> None:
        """Close the database and open it again with this ingest's settings, which hands
        back the memory DuckDB kept outside its buffer pool for what was written.  Only
        while ingesting: the writer then has the database to itself."""
        self.close()
        self.con = self._connect()
        self._local = threading.local()
        self._set(self._ingest or {})
        self._written = 0

    def _setting(self, name: str) -> Any:
        return self._execute(f"SELECT current_setting('{name}')")[0][0]

    def _set(self, settings: dict[str, Any]) -> None:
        for name, value in settings.items():
            self.con.execute(f"SET {name} = '{value}'")

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
        with _busy_when_out_of_memory():
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
            return f"SELECT name AS id, score FROM ({_bm25_sql('articles')}) AS bm25"
        return (f"SELECT qd.article_id, qd.idx, bm25.score FROM ({_bm25_sql('quote_docs')}) AS bm25 "
                "JOIN quote_docs qd ON qd.key = bm25.name")

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
            for index in ("articles", "quote_docs"):
                self._execute(_postings_sql(index))
            self._execute("CREATE OR REPLACE TABLE search_stamp AS SELECT ? AS stamp", [stamp])
            self._commit()
        except Exception:
            self._rollback()
            raise
        return True

    def _has_table(self, name: str) -> bool:
        return bool(self._execute("SELECT 1 FROM duckdb_tables() WHERE table_name = ?", [name]))

    def query(self, sql: str, params: Sequence[Any] = (), max_rows: int = MAX_ROWS) -> tuple[list[str], list[tuple]]:
        """One SELECT statement (checked by DuckDB's own parser, on this connection, which
        cannot reach files either while parsing) on a cursor that cannot reach files."""
        try:
            statements = self.con.extract_statements(sql)
        except duckdb.Error as exc:
            raise ReadOnlyError(str(exc).splitlines()[0]) from exc
        if len(statements) != 1 or statements[0].type != duckdb.StatementType.SELECT:
            raise ReadOnlyError("only a single SELECT statement is allowed")
        cur = self.con.cursor()
        try:
            with _busy_when_out_of_memory():
                cur.execute(sql, list(params))
                return [d[0] for d in cur.description or []], capped(cur.fetchmany, max_rows)
        except duckdb.PermissionException as exc:
            raise ReadOnlyError(str(exc).splitlines()[0]) from exc
        finally:
            cur.close()
