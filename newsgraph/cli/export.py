"""``newsgraph export``: the stored corpus as files other tools read."""
from __future__ import annotations

import enum
import pathlib

import typer

from newsgraph.cli.app import DEFAULT_DB, app
from newsgraph.corpus import export as exports
from newsgraph.store import open_store


class Format(str, enum.Enum):
    jsonl = "jsonl"
    parquet = "parquet"
    csv = "csv"
    gkg = "gkg"


@app.command()
def export(
    format: Format = typer.Option(..., "--format", "-f", help="jsonl: Records; parquet / csv: one file per table "
                                  "in the --out folder; gkg: a GDELT GKG 2.1 tab-separated file."),
    out: pathlib.Path = typer.Option(..., help="File (jsonl, gkg) or folder (parquet, csv) to write."),
    db: str = typer.Option(DEFAULT_DB, help="DuckDB file, or a postgresql:// URL."),
) -> None:
    """Write the stored corpus out."""
    with open_store(db, read_only=True) as store:
        if format is Format.jsonl:
            print(f"{exports.export_jsonl(store, out)} records -> {out}")
        elif format is Format.gkg:
            print(f"{exports.export_gkg(store, out)} GKG rows -> {out}")
        else:
            for table, n in exports.export_tables(store, out, format.value).items():
                print(f"{table:17} {n:>9} rows -> {out / f'{table}.{format.value}'}")
