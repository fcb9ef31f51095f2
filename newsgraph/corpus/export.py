"""Exports of a stored corpus: Records as JSON lines, tables as Parquet or CSV, and a
GDELT GKG 2.1 file.  Everything streams in batches, so corpus size is not bounded by
memory; nothing here writes through the database (DuckDB's connection has no file access).
"""
from __future__ import annotations

import pathlib
from typing import Iterator

import pyarrow as pa
import pyarrow.csv as pacsv
import pyarrow.parquet as pq

from newsgraph.corpus import gkg
from newsgraph.model import Record
from newsgraph.store import Store
from newsgraph.store.rows import COLUMNS, ENTITY_COLUMNS

#: Table -> exported columns.  The articles' Record JSON is left to the jsonl export.
TABLES: dict[str, tuple[str, ...]] = {
    "articles": tuple(c for c in COLUMNS["articles"] if c != "record"),
    "entities": ENTITY_COLUMNS,
    **{t: cols for t, cols in COLUMNS.items() if t not in ("articles", "minhash_bands")},
}

#: Record order in the record-wise exports.
_RECORDS = "SELECT record FROM articles ORDER BY published_at NULLS LAST, id"


def records(store: Store) -> Iterator[Record]:
    for batch in store.arrow_batches(_RECORDS, batch_rows=1000):
        for text in batch.column("record").to_pylist():
            yield Record.from_json(text)


def export_jsonl(store: Store, out: pathlib.Path) -> int:
    """One Record per line, as ``newsgraph extract --format jsonl`` prints them."""
    n = 0
    with open(out, "w", encoding="utf-8") as f:
        for batch in store.arrow_batches(_RECORDS, batch_rows=1000):
            for text in batch.column("record").to_pylist():
                f.write(text + "\n")
                n += 1
    return n


def export_tables(store: Store, out_dir: pathlib.Path, fmt: str) -> dict[str, int]:
    """Each table as ``<out_dir>/<table>.parquet`` or ``.csv``; rows written per table."""
    out_dir.mkdir(parents=True, exist_ok=True)
    written = {}
    for table, columns in TABLES.items():
        path = out_dir / f"{table}.{fmt}"
        written[table] = _write_table(store.arrow_batches(f"SELECT {', '.join(columns)} FROM {table}"), path, fmt,
                                      columns)
    return written


def _write_table(batches: Iterator[pa.RecordBatch], path: pathlib.Path, fmt: str, columns: tuple[str, ...]) -> int:
    writer, n = None, 0
    try:
        for batch in batches:
            if writer is None:
                writer = (pq.ParquetWriter(path, batch.schema) if fmt == "parquet"
                          else pacsv.CSVWriter(path, batch.schema))
            writer.write_batch(batch)
            n += batch.num_rows
    finally:
        if writer is not None:
            writer.close()
    if writer is None:  # an empty table still gets its header
        empty = pa.table({c: pa.array([], pa.string()) for c in columns})
        pq.write_table(empty, path) if fmt == "parquet" else pacsv.write_csv(empty, path)
    return n


def export_gkg(store: Store, out: pathlib.Path) -> int:
    """A GKG 2.1 tab-separated file, one row per article (no header line, as GDELT's)."""
    n = 0
    with open(out, "w", encoding="utf-8", newline="\n") as f:
        for n, record in enumerate(records(store), start=1):
            f.write("\t".join(gkg.row(record, n)) + "\n")
    return n
