"""What every backend shares: batch ingest with idempotency, failures, stats, read-only SQL.

Backends supply a connection and a few primitives (``_execute``, ``_execute_in``,
``_insert``, ``_begin`` / ``_commit`` / ``_rollback``); all SQL here is portable and uses
``?`` placeholders.  The writer's work per batch is a fixed number of statements, each
naming the batch's keys once, so it does not grow with the batch or with the corpus.
"""
from __future__ import annotations

import contextlib
import datetime as dt
import importlib.resources
from dataclasses import dataclass, field
from typing import Any, Callable, Collection, Iterable, Iterator, Optional, Sequence

import pyarrow as pa

from newsgraph.corpus.dedupe import assign_clusters
from newsgraph.ingest import ReadError
from newsgraph.model import Record
from newsgraph.resolve.corpus import EntityLinker, entity_row, merge_rows
from newsgraph.store import summaries
from newsgraph.store.rows import ARTICLE_TABLES, COLUMNS, ENTITY_COLUMNS, FAILURE_COLUMNS, PROGRESS_COLUMNS, record_rows

#: The most rows a user's SQL may return: the answer is held in memory whole.
MAX_ROWS = 100_000

#: Tables ``newsgraph stats`` counts.
COUNTED = ("articles", "entities", "mentions", "quotes", "amounts", "times", "events", "themes", "failures")


class ReadOnlyError(ValueError):
    """A user's SQL that would change the store or reach outside it."""


class TooManyRows(ValueError):
    """A user's SQL whose answer is longer than the store hands out at once."""


class Busy(RuntimeError):
    """The backend could not answer now for want of memory; the same request may succeed
    a moment later (a server answers 503 with Retry-After)."""


def capped(fetchmany: Callable[[int], list[tuple]], max_rows: int) -> list[tuple]:
    """At most ``max_rows`` rows, fetching one more to tell whether there are more."""
    rows = fetchmany(max_rows + 1)
    if len(rows) > max_rows:
        raise TooManyRows(f"the query returns more than {max_rows:,} rows; add a LIMIT or aggregate")
    return rows


@dataclass(frozen=True)
class Progress:
    """How far one input file is stored (a row of ``ingest_progress``)."""

    input: str
    signature: str
    line: Optional[int]
    done: bool


@dataclass
class BatchResult:
    stored: int = 0
    replaced: int = 0
    skipped: int = 0
    failed: list[ReadError] = field(default_factory=list)


def schema_statements(name: str = "schema.sql") -> list[str]:
    """The statements of a SQL file of this package, comment lines dropped."""
    sql = importlib.resources.files("newsgraph.store").joinpath(name).read_text(encoding="utf-8")
    out = []
    for chunk in sql.split(";"):
        statement = "\n".join(line for line in chunk.splitlines() if not line.lstrip().startswith("--")).strip()
        if statement:
            out.append(statement)
    return out


class Store:
    """A corpus of Records in a SQL database."""

    read_only: bool
    #: The DDL files of this package the backend runs, in order.
    schema_files: tuple[str, ...] = ("schema.sql",)

    # -- backend primitives -------------------------------------------------------------
    def _execute(self, sql: str, params: Sequence[Any] = ()) -> list[tuple]:
        raise NotImplementedError

    def _execute_in(self, sql: str, values: Sequence[Any]) -> list[tuple]:
        """Run ``sql`` with each ``{values}`` standing for the set of ``values`` (after ``IN``)."""
        marks = f"({','.join('?' * len(values))})"
        return self._execute(sql.replace("{values}", marks), list(values) * sql.count("{values}"))

    def _insert(self, table: str, columns: Sequence[str], rows: list[tuple]) -> None:
        raise NotImplementedError

    def _begin(self) -> None:
        raise NotImplementedError

    def _commit(self) -> None:
        raise NotImplementedError

    def _rollback(self) -> None:
        raise NotImplementedError

    def close(self) -> None:
        raise NotImplementedError

    def _make_room(self, exc: Exception) -> bool:
        """Whether ``exc`` was the backend running short of a resource it has now been given
        more of (so the whole batch is worth writing again); nothing to give by default."""
        return False

    @contextlib.contextmanager
    def ingesting(self) -> Iterator[None]:
        """Settings for a long run of batch writes whose extraction has the machine's
        cores (a backend may narrow its own parallelism); nothing by default."""
        yield

    def query(self, sql: str, params: Sequence[Any] = (), max_rows: int = MAX_ROWS) -> tuple[list[str], list[tuple]]:
        """Run one read-only statement typed by a user: column names and rows; raises
        ``TooManyRows`` past ``max_rows``."""
        raise NotImplementedError

    # -- read side (store/queries) --------------------------------------------------------
    def fetch(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        """Rows of one of our read queries as dicts, on a connection of the calling thread,
        so that readers in a server never wait for the writer."""
        raise NotImplementedError

    def arrow_batches(self, sql: str, batch_rows: int = 50_000) -> Iterator[pa.RecordBatch]:
        """The result of a read query as Arrow batches (for exports)."""
        raise NotImplementedError

    def match_sql(self, target: str) -> str:
        """Full-text match as a subquery with one ``?`` (the user's words): ``(id, score)``
        for ``articles``, ``(article_id, idx, score)`` for ``quotes``; higher is better."""
        raise NotImplementedError

    def refresh_search(self) -> bool:
        """Bring the full-text index up to date with the stored rows; True if it was rebuilt."""
        raise NotImplementedError

    # -- shared logic -------------------------------------------------------------------
    def create_schema(self) -> None:
        for name in self.schema_files:
            for statement in schema_statements(name):
                self._execute(statement)
        if summaries.missing(self):
            summaries.rebuild(self)

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def known_hashes(self, hashes: Iterable[str]) -> set[str]:
        hashes = list(set(hashes))
        if not hashes:
            return set()
        return {r[0] for r in self._execute_in("SELECT content_hash FROM articles WHERE content_hash IN {values}", hashes)}

    def add_records(self, records: list[Record]) -> BatchResult:
        """Store a batch in one transaction.  Articles already stored (same content hash)
        are skipped; a stored id with new content is replaced.  If the batch cannot be
        written whole, each article is retried alone so only the broken ones fail."""
        result = BatchResult()
        known = self.known_hashes(r.article.content_hash for r in records)
        fresh, seen = [], set()
        for r in records:
            h = r.article.content_hash
            if h in known or h in seen:
                result.skipped += 1
            else:
                seen.add(h)
                fresh.append(r)
        if not fresh:
            return result
        while True:
            try:
                self._write(fresh, result)
                return result
            except Exception as exc:  # noqa: BLE001 - isolate the article that broke the batch
                self._rollback()
                result.stored = result.replaced = 0
                if not self._make_room(exc):
                    break
        for r in fresh:
            try:
                self._write([r], result)
            except Exception as exc:  # noqa: BLE001 - recorded as this article's failure
                self._rollback()
                file, line = r.article.meta.get("source_file"), r.article.meta.get("source_line")
                err = ReadError(file or r.article.id, line, f"article {r.article.id}: {type(exc).__name__}: {exc}", "store")
                result.failed.append(err)
                self.add_failures([err])
        return result

    def _write(self, records: list[Record], result: BatchResult) -> None:
        self._begin()
        ids = [r.article.id for r in records]
        existing = {row[0] for row in self._execute_in("SELECT id FROM articles WHERE id IN {values}", ids)}
        lowered = summaries.subtract(self, existing)
        for table in ARTICLE_TABLES:
            key = "id" if table == "articles" else "article_id"
            if existing:
                self._execute_in(f"DELETE FROM {table} WHERE {key} IN {{values}}", sorted(existing))
        rows: dict[str, list[tuple]] = {t: [] for t in COLUMNS}
        entity_rows: dict[str, tuple] = {}
        clusters = assign_clusters(records, self._near_copies)
        linker = EntityLinker(self, records)
        for r in records:
            ids_map = linker.link(r)
            for e in r.entities:
                row = entity_row(e, ids_map[e.id])
                entity_rows[row[0]] = merge_rows(entity_rows[row[0]], row) if row[0] in entity_rows else row
            cluster = clusters[r.article.id]
            for table, table_rows in record_rows(r, ids_map, cluster.cluster_id).items():
                rows[table] += table_rows
            rows["minhash_bands"] += [(r.article.id, key) for key in cluster.band_keys]
        self._upsert_entities(entity_rows)
        self._index_entities(linker.keys())
        for table, table_rows in rows.items():
            if table_rows:
                self._insert(table, COLUMNS[table], table_rows)
        summaries.add(self, ids, lowered)
        self._commit()
        result.replaced += len(existing)
        result.stored += len(records) - len(existing)

    def _near_copies(self, band_keys: list[int]) -> list[tuple]:
        """Stored articles under any of ``band_keys``: (band key, id, cluster_id, text).
        Two statements, so that only the candidates' texts are read."""
        if not band_keys:
            return []
        hits = self._execute_in("SELECT band_key, article_id FROM minhash_bands WHERE band_key IN {values}", band_keys)
        if not hits:
            return []
        ids = sorted({aid for _, aid in hits})
        found = {r[0]: r for r in self._execute_in("SELECT id, cluster_id, text FROM articles WHERE id IN {values}", ids)}
        return [(key, *found[aid]) for key, aid in hits if aid in found]

    def entity_candidates(self, keys: Sequence[str]) -> list[tuple[str, tuple]]:
        """(key, entity row) for the stored entities indexed under any of ``keys``."""
        if not keys:
            return []
        cols = ",".join(f"e.{c}" for c in ENTITY_COLUMNS)
        return [(r[0], tuple(r[1:])) for r in self._execute_in(
            f"SELECT k.key, {cols} FROM entity_keys k JOIN entities e ON e.id = k.entity_id "
            "WHERE k.key IN {values}", list(keys))]

    def entity_company(self, entity_ids: Sequence[str], among: Collection[str]) -> dict[str, set[str]]:
        """Entity id -> the entities of ``among`` sharing a stored article with it, from the
        pairs store/summaries keeps.  Only pairs within ``among`` are read: a popular
        entity's every companion grew with the corpus (15% of the writer at 4,000 articles)."""
        wanted, among = set(entity_ids), set(among)
        company: dict[str, set[str]] = {}
        if wanted and among:
            for eid, other in self._execute_in("SELECT entity_id, other_id FROM entity_pairs "
                                               "WHERE entity_id IN {values} AND other_id IN {values}",
                                               sorted(wanted | among)):
                if eid in wanted and other in among:
                    company.setdefault(eid, set()).add(other)
        return company

    def _index_entities(self, pairs: list[tuple[str, str]]) -> None:
        if not pairs:
            return
        keys = sorted({k for k, _ in pairs})
        stored = set(map(tuple, self._execute_in("SELECT key, entity_id FROM entity_keys WHERE key IN {values}", keys)))
        fresh = [p for p in pairs if p not in stored]
        if fresh:
            self._insert("entity_keys", ("key", "entity_id"), fresh)

    def _upsert_entities(self, rows: dict[str, tuple]) -> None:
        if not rows:
            return
        ids = list(rows)
        cols = ",".join(ENTITY_COLUMNS)
        for old in self._execute_in(f"SELECT {cols} FROM entities WHERE id IN {{values}}", ids):
            rows[old[0]] = merge_rows(tuple(old), rows[old[0]])
        self._execute_in("DELETE FROM entities WHERE id IN {values}", ids)
        self._insert("entities", ENTITY_COLUMNS, list(rows.values()))

    def add_failures(self, failures: list[ReadError]) -> None:
        """Record failures; one already recorded (same file, line, stage and error, as
        when a run is repeated) is not recorded again."""
        rows = list(dict.fromkeys((f.file, f.line, f.stage, f.message) for f in failures))
        if not rows:
            return
        files = list({r[0] for r in rows})
        stored = set(self._execute_in("SELECT file, line, stage, error FROM failures WHERE file IN {values}", files))
        now = dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)
        fresh = [(*r, now) for r in rows if r not in stored]
        if fresh:
            self._begin()
            self._insert("failures", FAILURE_COLUMNS, fresh)
            self._commit()

    def failures(self, limit: Optional[int] = None) -> list[ReadError]:
        """Recorded failures, oldest first."""
        sql = "SELECT file, line, stage, error FROM failures ORDER BY failed_at, file, line"
        rows = self._execute(sql + (f" LIMIT {int(limit)}" if limit is not None else ""))
        return [ReadError(file, line, error, stage) for file, line, stage, error in rows]

    def progress(self) -> dict[str, Progress]:
        """Every input's ingest checkpoint."""
        rows = self._execute("SELECT input, signature, line, done FROM ingest_progress")
        return {r[0]: Progress(*r) for r in rows}

    def save_progress(self, rows: list[Progress]) -> None:
        if not rows:
            return
        now = dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)
        keys = [r.input for r in rows]
        self._begin()
        self._execute_in("DELETE FROM ingest_progress WHERE input IN {values}", keys)
        self._insert("ingest_progress", PROGRESS_COLUMNS, [(r.input, r.signature, r.line, r.done, now) for r in rows])
        self._commit()

    def stats(self) -> dict[str, Any]:
        counts = {t: self._execute(f"SELECT count(*) FROM {t}")[0][0] for t in COUNTED}
        first, last = self._execute("SELECT min(published_at), max(published_at) FROM articles")[0]
        counts["published_from"] = str(first) if first else None
        counts["published_to"] = str(last) if last else None
        return counts

    def record(self, article_id: str) -> Optional[Record]:
        rows = self._execute("SELECT record FROM articles WHERE id = ?", [article_id])
        return Record.from_json(rows[0][0]) if rows else None
