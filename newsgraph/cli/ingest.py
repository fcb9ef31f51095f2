"""``newsgraph ingest``: read, extract and store articles, skipping what is stored already."""
from __future__ import annotations

import contextlib
import tempfile
import time
from pathlib import Path
from typing import Iterator, Optional

import typer

from newsgraph.cli.app import DEFAULT_DB, app, error
from newsgraph.cli.progress import article_progress
from newsgraph.ingest import read_paths
from newsgraph.run import EngineName
from newsgraph.run.ingest import Engine, Ingest, Strict, Summary
from newsgraph.run.local import default_workers, process
from newsgraph.store import open_store

#: Articles a worker extracts at a time: a batch's Docs are the bulk of a worker's own
#: memory (peak USS 135 MB at 16 articles, 93 MB at 8, for the same CPU).
WORKER_BATCH = 8


@contextlib.contextmanager
def dask_engine(scheduler: Optional[str], workers: int, out: Optional[Path], partition_size: int) -> Iterator[Engine]:
    """Extraction on a Dask cluster; the Parquet partitions go to ``out``, or to a
    temporary folder removed afterwards."""
    from newsgraph.run import dask

    with contextlib.ExitStack() as stack:
        if out is None:
            out = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="newsgraph-parts-")))
        client = stack.enter_context(dask.connect(scheduler, workers))
        yield lambda articles: dask.process(articles, client, out, partition_size)


@app.command()
def ingest(
    paths: list[str] = typer.Argument(..., help="Files or directories to read; '-' for standard input."),
    db: str = typer.Option(DEFAULT_DB, help="DuckDB file, or a postgresql:// URL."),
    workers: int = typer.Option(default_workers(), min=1, help="Extraction processes (one writer), or LocalCluster workers."),
    batch_size: int = typer.Option(256, min=1, help="Articles per stored transaction."),
    strict: bool = typer.Option(False, help="Stop at the first failure."),
    resume: bool = typer.Option(True, help="Skip what the store's checkpoint says an earlier run finished."),
    engine: EngineName = typer.Option(EngineName.local, help="local: processes on this machine; dask: a Dask cluster."),
    scheduler: Optional[str] = typer.Option(None, help="Dask scheduler address (tcp://HOST:PORT); none starts a LocalCluster."),
    out: Optional[Path] = typer.Option(None, help="With --engine dask: keep the Records' Parquet partitions here."),
    partition_size: int = typer.Option(256, min=1, help="With --engine dask: articles per partition."),
) -> None:
    """Extract Records and store them; articles already stored (same content) are skipped,
    and a rerun after a crash picks up where the checkpoint says the last one stopped."""
    started = time.perf_counter()
    store = open_store(db)
    summary = Summary()
    try:
        with contextlib.ExitStack() as stack:
            if engine is EngineName.dask:
                run = stack.enter_context(dask_engine(scheduler, workers, out, partition_size))
            else:
                # Workers keep a stored batch's worth of articles ahead, so they extract
                # while the writer writes instead of waiting for it.
                ahead = 2 * workers + batch_size // WORKER_BATCH
                run = lambda articles: process(articles, workers, WORKER_BATCH, ahead)  # noqa: E731
            progress = stack.enter_context(article_progress())
            task = progress.add_task("ingest", rate=0.0)

            def show(s: Summary) -> None:
                elapsed = time.perf_counter() - started
                progress.update(task, completed=s.done, rate=s.done / elapsed if elapsed else 0.0)

            job = Ingest(store, run, batch_size=batch_size, strict=strict, resume=resume,
                         on_error=lambda err: error(str(err)), on_batch=show, summary=summary)
            job.run(read_paths(paths))
    except Strict:
        error("stopped at the first failure (--strict)")
    finally:
        stats = store.stats()
        store.close()
    elapsed = time.perf_counter() - started
    print(
        f"ingested {summary.done} articles in {elapsed:.1f}s ({summary.done / elapsed if elapsed else 0:.1f} articles/s): "
        f"{summary.stored} stored, {summary.replaced} replaced, {summary.skipped} already stored, "
        f"{summary.resumed} done by an earlier run (checkpoint), {len(summary.failures)} failed"
    )
    print("store: " + ", ".join(f"{k} {v}" for k, v in stats.items() if v is not None))
    if summary.failures:
        raise typer.Exit(1)
