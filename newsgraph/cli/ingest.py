"""``newsgraph ingest``: read, extract and store articles, skipping what is stored already."""
from __future__ import annotations

import itertools
import time
from dataclasses import dataclass, field
from typing import Iterator, Optional

import typer

from newsgraph.cli.app import DEFAULT_DB, app, error
from newsgraph.cli.progress import article_progress
from newsgraph.ingest import ReadError, read_paths
from newsgraph.model import Article, Record
from newsgraph.run.local import default_workers, process
from newsgraph.store import Store, open_store


@dataclass
class Summary:
    stored: int = 0
    replaced: int = 0
    skipped: int = 0
    failures: list[ReadError] = field(default_factory=list)

    @property
    def done(self) -> int:
        return self.stored + self.replaced + self.skipped + len(self.failures)


class Strict(Exception):
    """Raised to stop at the first failure under ``--strict``."""


def _report(summary: Summary, store: Store, errors: list[ReadError], strict: bool) -> None:
    if not errors:
        return
    for err in errors:
        error(str(err))
    summary.failures += errors
    store.add_failures(errors)
    if strict:
        raise Strict()


def _new_articles(paths: list[str], store: Store, summary: Summary, strict: bool) -> Iterator[Article]:
    """Readable articles not stored yet; read errors are reported as they come."""
    items = read_paths(paths)
    for chunk in iter(lambda: list(itertools.islice(items, 256)), []):
        _report(summary, store, [i for i in chunk if isinstance(i, ReadError)], strict)
        articles = [i for i in chunk if isinstance(i, Article)]
        known = store.known_hashes(a.content_hash for a in articles)
        summary.skipped += sum(a.content_hash in known for a in articles)
        yield from (a for a in articles if a.content_hash not in known)


@app.command()
def ingest(
    paths: list[str] = typer.Argument(..., help="Files or directories to read; '-' for standard input."),
    db: str = typer.Option(DEFAULT_DB, help="DuckDB file, or a postgresql:// URL."),
    workers: int = typer.Option(default_workers(), min=1, help="Extraction processes (one writer)."),
    batch_size: int = typer.Option(64, min=1, help="Articles per stored transaction."),
    strict: bool = typer.Option(False, help="Stop at the first failure."),
) -> None:
    """Extract Records and store them; articles already stored (same content) are skipped."""
    summary = Summary()
    started = time.perf_counter()
    store = open_store(db)
    try:
        with article_progress() as progress:
            task = progress.add_task("ingest", rate=0.0)
            results = process(_new_articles(paths, store, summary, strict), workers=workers, batch_size=16)
            for batch in iter(lambda: list(itertools.islice(results, batch_size)), []):
                records = [r for r in batch if isinstance(r, Record)]
                _report(summary, store, [r for r in batch if isinstance(r, ReadError)], strict)
                result = store.add_records(records)
                summary.stored += result.stored
                summary.replaced += result.replaced
                summary.skipped += result.skipped
                _report(summary, store, result.failed, strict)
                elapsed = time.perf_counter() - started
                progress.update(task, completed=summary.done, rate=summary.done / elapsed if elapsed else 0.0)
    except Strict:
        error("stopped at the first failure (--strict)")
    finally:
        stats: Optional[dict] = store.stats()
        store.close()
    elapsed = time.perf_counter() - started
    print(
        f"ingested {summary.done} articles in {elapsed:.1f}s ({summary.done / elapsed if elapsed else 0:.1f} articles/s): "
        f"{summary.stored} stored, {summary.replaced} replaced, {summary.skipped} already stored, "
        f"{len(summary.failures)} failed"
    )
    print("store: " + ", ".join(f"{k} {v}" for k, v in stats.items() if v is not None))
    if summary.failures:
        raise typer.Exit(1)
