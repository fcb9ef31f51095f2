"""``newsgraph extract``: Records as JSON on standard output."""
from __future__ import annotations

import enum
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Iterable, Optional

import typer

from newsgraph.cli.app import app, error
from newsgraph.ingest import ReadError, read_paths
from newsgraph.model import Article
from newsgraph.run import EngineName
from newsgraph.run.local import default_workers, process

if TYPE_CHECKING:  # spaCy loads where Records are made, not with every command
    from newsgraph.extract import Result


class Format(str, enum.Enum):
    json = "json"
    jsonl = "jsonl"


@app.command()
def extract(
    paths: list[str] = typer.Argument(..., help="Files or directories to read; '-' for standard input."),
    format: Format = typer.Option(Format.json, "--format", "-f", help="json: one document (a list when there are several); jsonl: one Record per line."),
    batch_size: int = typer.Option(32, help="Articles per nlp.pipe batch."),
    workers: int = typer.Option(default_workers(), min=1, help="Extraction processes, or LocalCluster workers."),
    engine: EngineName = typer.Option(EngineName.local, help="local: processes on this machine; dask: a Dask cluster (needs --out)."),
    scheduler: Optional[str] = typer.Option(None, help="Dask scheduler address (tcp://HOST:PORT); none starts a LocalCluster."),
    out_dir: Optional[Path] = typer.Option(None, "--out", help="With --engine dask: write Records as Parquet partitions here instead of printing them."),
    partition_size: int = typer.Option(256, min=1, help="With --engine dask: articles per partition."),
) -> None:
    """Extract Records from articles and print them (nothing is stored)."""
    failed = 0

    def articles():
        nonlocal failed
        for item in read_paths(paths):
            if isinstance(item, ReadError):
                failed += 1
                error(str(item))
            else:
                yield item

    if engine is EngineName.dask:
        if out_dir is None:
            error("--engine dask writes Parquet partitions: give --out DIR")
            raise typer.Exit(2)
        extract_failed = _to_parquet(articles(), scheduler, workers, out_dir, partition_size)
    else:
        extract_failed = _print(process(articles(), workers=workers, batch_size=batch_size), format)
    failed += extract_failed
    if failed:
        error(f"{failed} input(s) failed")
        raise typer.Exit(1)


def _print(results: Iterable["Result"], format: Format) -> int:
    """Records on standard output; the number of articles that failed."""
    failed = 0
    records = []
    out = sys.stdout
    for result in results:
        if isinstance(result, ReadError):
            failed += 1
            error(str(result))
        elif format is Format.jsonl:
            out.write(result.to_json() + "\n")
        else:
            records.append(result.to_dict())
    if format is Format.json:
        doc = records[0] if len(records) == 1 else records
        out.write(json.dumps(doc, ensure_ascii=False, indent=1) + "\n")
    out.flush()
    return failed


def _to_parquet(articles: Iterable[Article], scheduler: Optional[str], workers: int, out: Path, partition_size: int) -> int:
    """Records as Parquet partitions in ``out``; the number of articles that failed."""
    from newsgraph.run import dask, parquet

    failed = written = 0
    with dask.connect(scheduler, workers) as client:
        for path in dask.partitions(articles, client, out, partition_size):
            written += 1
            for err in parquet.failures(path):
                failed += 1
                error(str(err))
    error(f"wrote {written} Parquet partition(s) to {out}")
    return failed
