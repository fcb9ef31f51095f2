"""Results as Parquet partitions: one row per article, its Record as JSON beside the
columns people filter on, or the stage and error it failed with.

A partition is written to a temporary name and renamed, so a partition file that
exists is complete, whatever killed the run that wrote it.
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import Iterable, Iterator

import pyarrow as pa
import pyarrow.parquet as pq

from newsgraph.extract import Result
from newsgraph.ingest import ReadError, origin
from newsgraph.model import Record

SCHEMA = pa.schema([
    ("id", pa.string()),
    ("content_hash", pa.string()),
    ("published", pa.string()),
    ("source", pa.string()),
    ("title", pa.string()),
    ("file", pa.string()),
    ("line", pa.int64()),
    ("stage", pa.string()),       # null unless the article failed
    ("error", pa.string()),
    ("record", pa.large_string()),  # the Record as `newsgraph extract` prints it; null on failure
])

PATTERN = "part-*.parquet"


def to_table(results: Iterable[Result]) -> pa.Table:
    rows = []
    for r in results:
        if isinstance(r, ReadError):
            rows.append({"file": r.file, "line": r.line, "stage": r.stage, "error": r.message})
        else:
            a = r.article
            file, line = origin(a)
            rows.append({"id": a.id, "content_hash": a.content_hash, "published": a.published, "source": a.source,
                         "title": a.title, "file": file, "line": line, "record": r.to_json()})
    return pa.Table.from_pylist(rows, schema=SCHEMA)


def from_table(table: pa.Table) -> Iterator[Result]:
    for row in table.select(["file", "line", "stage", "error", "record"]).to_pylist():
        if row["record"] is None:
            yield ReadError(row["file"], row["line"], row["error"], row["stage"])
        else:
            yield Record.from_json(row["record"])


def partition_path(out: Path, index: int) -> Path:
    return out / f"part-{index:05d}.parquet"


def write(table: pa.Table, path: Path) -> Path:
    tmp = path.with_name(f".{path.name}.tmp")
    pq.write_table(table, tmp)
    os.replace(tmp, path)
    return path


def read(path: Path, batch_size: int = 256) -> Iterator[Result]:
    """A partition's Results in order, a row batch at a time."""
    for batch in pq.ParquetFile(path).iter_batches(batch_size=batch_size):
        yield from from_table(pa.Table.from_batches([batch]))


def failures(path: Path) -> list[ReadError]:
    """A partition's failed articles, without parsing its Records."""
    table = pq.read_table(path, columns=["file", "line", "stage", "error"])
    return [ReadError(r["file"], r["line"], r["error"], r["stage"]) for r in table.to_pylist() if r["stage"] is not None]


def clear(out: Path) -> None:
    """Remove the partitions of an earlier run, so ``out`` ends up holding this one's."""
    for old in out.glob(PATTERN):
        old.unlink()
