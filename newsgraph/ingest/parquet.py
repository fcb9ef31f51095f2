"""Parquet files with a ``text`` column: one article per row, read a row group at a time
so that tables of any size stream.  Columns are read like JSONL fields (``id``,
``published``/``date``, ``title``, ``url``, ``source``; the rest kept in meta), and the
row number (from 1) stands for the line in error messages.
"""
from __future__ import annotations

import datetime as dt
import decimal
from pathlib import Path
from typing import Any, Iterator

import pyarrow as pa
import pyarrow.parquet as pq

from newsgraph.ingest import Item, ReadError
from newsgraph.ingest.files import file_id
from newsgraph.ingest.jsonl import LineError, from_object

#: Rows decoded at a time.
BATCH_ROWS = 1024


def read(path: Path) -> Iterator[Item]:
    file, stem = str(path), file_id(path)
    try:
        table = pq.ParquetFile(path)
    except pa.ArrowException as exc:
        yield ReadError(file, None, f"not a Parquet file ({exc})")
        return
    if "text" not in table.schema_arrow.names:
        yield ReadError(file, None, "no 'text' column")
        return
    if table.metadata.num_rows == 0:
        yield ReadError(file, None, "empty file")
        return
    number = 0
    try:
        for batch in table.iter_batches(batch_size=BATCH_ROWS):
            for row in batch.to_pylist():
                number += 1
                try:
                    yield from_object({k: _plain(v) for k, v in row.items()}, file, number, stem)
                except LineError as exc:
                    yield ReadError(file, number, str(exc))
    except pa.ArrowException as exc:
        yield ReadError(file, number + 1, f"unreadable row group ({exc})")


def _plain(value: Any) -> Any:
    """A Parquet value as the JSON value it would be in a JSONL export."""
    if isinstance(value, (dt.datetime, dt.date, dt.time)):
        return value.isoformat()
    if isinstance(value, decimal.Decimal):
        return float(value)
    if isinstance(value, bytes):
        try:
            return value.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise LineError(f"not UTF-8 text (undecodable byte at offset {exc.start})") from None
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value
