"""``newsgraph extract``: Records as JSON on standard output."""
from __future__ import annotations

import enum
import json
import sys

import typer

from newsgraph.cli.app import app, error
from newsgraph.extract import extract as extract_records
from newsgraph.ingest import ReadError, read_paths


class Format(str, enum.Enum):
    json = "json"
    jsonl = "jsonl"


@app.command()
def extract(
    paths: list[str] = typer.Argument(..., help="Files or directories to read; '-' for standard input."),
    format: Format = typer.Option(Format.json, "--format", "-f", help="json: one document (a list when there are several); jsonl: one Record per line."),
    batch_size: int = typer.Option(32, help="Articles per nlp.pipe batch."),
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

    records = []
    out = sys.stdout
    for result in extract_records(articles(), batch_size=batch_size):
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
    if failed:
        error(f"{failed} input(s) failed")
        raise typer.Exit(1)

