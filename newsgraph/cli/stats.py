"""``newsgraph stats`` and ``newsgraph sql``: look inside a store."""
from __future__ import annotations

import csv
import json
import sys

import typer

from newsgraph.cli.app import DEFAULT_DB, app, error
from newsgraph.store import open_store
from newsgraph.store.base import ReadOnlyError


@app.command()
def stats(db: str = typer.Option(DEFAULT_DB, help="DuckDB file, or a postgresql:// URL.")) -> None:
    """Row counts of every table and the publication date range."""
    with open_store(db, read_only=True) as store:
        for key, value in store.stats().items():
            print(f"{key:15} {value}")


@app.command()
def sql(
    query: str = typer.Argument(..., help="One SELECT statement."),
    db: str = typer.Option(DEFAULT_DB, help="DuckDB file, or a postgresql:// URL."),
    format: str = typer.Option("tsv", help="tsv or jsonl."),
) -> None:
    """Run a read-only query; the store cannot be changed and no file can be reached."""
    with open_store(db, read_only=True) as store:
        try:
            columns, rows = store.query(query)
        except ReadOnlyError as exc:
            error(f"refused: {exc}")
            raise typer.Exit(2)
        except Exception as exc:  # noqa: BLE001 - the database's own message is the answer
            error(str(exc).splitlines()[0])
            raise typer.Exit(1)
    if format == "jsonl":
        for row in rows:
            print(json.dumps(dict(zip(columns, row)), default=str, ensure_ascii=False))
    else:
        writer = csv.writer(sys.stdout, delimiter="\t", lineterminator="\n")
        writer.writerow(columns)
        writer.writerows(rows)
