"""``newsgraph failures``: what could not be read, extracted or stored, and why."""
from __future__ import annotations

import json
from typing import Optional

import typer

from newsgraph.cli.app import DEFAULT_DB, app
from newsgraph.store import open_store


@app.command()
def failures(
    db: str = typer.Option(DEFAULT_DB, help="DuckDB file, or a postgresql:// URL."),
    limit: Optional[int] = typer.Option(None, min=1, help="Show at most this many."),
    format: str = typer.Option("text", help="text (file:line [stage] error) or jsonl."),
) -> None:
    """List recorded failures, oldest first: file, line, stage and error of each."""
    with open_store(db, read_only=True) as store:
        rows = store.failures(limit)
    for f in rows:
        if format == "jsonl":
            print(json.dumps({"file": f.file, "line": f.line, "stage": f.stage, "error": f.message}, ensure_ascii=False))
        else:
            print(f"{f.file}{'' if f.line is None else f':{f.line}'}\t{f.stage}\t{f.message}")
