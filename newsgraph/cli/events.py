"""``newsgraph events`` and ``newsgraph tone``: who did what to whom, and how two countries
deal with each other over time, from the store."""
from __future__ import annotations

import enum
import json
from typing import Any, Optional

import typer

from newsgraph.cli.app import DEFAULT_DB, app, error
from newsgraph.store import open_store

ACTOR_HELP = "ISO country code (RU) or CAMEO actor code or prefix (RUSGOV, IGOEEU)."


class Format(str, enum.Enum):
    tsv = "tsv"
    jsonl = "jsonl"


@app.command()
def events(
    source: Optional[str] = typer.Option(None, help=f"Source actor: {ACTOR_HELP}"),
    target: Optional[str] = typer.Option(None, help=f"Target actor: {ACTOR_HELP}"),
    root: Optional[str] = typer.Option(None, help="CAMEO root code, e.g. 05 (diplomatic cooperation)."),
    limit: int = typer.Option(20, help="Most recent events to show."),
    format: Format = typer.Option(Format.tsv, "--format", "-f"),
    db: str = typer.Option(DEFAULT_DB, help="DuckDB file, or a postgresql:// URL."),
) -> None:
    """CAMEO-coded events between actors, newest first."""
    from newsgraph.store.queries.events import events as query_events

    if root is not None and not (len(root) == 2 and root.isdigit()):
        error(f"--root must be two digits (01-20), not {root!r}")
        raise typer.Exit(2)
    with open_store(db, read_only=True) as store:
        page = query_events(store, root=root, limit=limit,
                            source_actor=source, target_actor=target)
    columns = ("published", "source_actor", "code", "target_actor", "goldstein", "source_name", "target_name", "text")
    _print([{c: row[c] for c in columns} for row in page.items], columns, format)


@app.command()
def tone(
    pair: tuple[str, str] = typer.Option(..., "--pair", help="Two countries: ISO codes (RU KZ) or CAMEO codes."),
    interval: str = typer.Option("month", help="day, week, month or year."),
    format: Format = typer.Option(Format.tsv, "--format", "-f"),
    db: str = typer.Option(DEFAULT_DB, help="DuckDB file, or a postgresql:// URL."),
) -> None:
    """Tone between two countries over time: the sentences where both occur, and the mean
    Goldstein score of the events each way."""
    from newsgraph.store.queries.actors import country_tone  # loads spaCy: only for this command

    a, b = pair
    with open_store(db, read_only=True) as store:
        try:
            periods = country_tone(store, a, b, interval)
        except ValueError as exc:
            error(str(exc))
            raise typer.Exit(2)
    rows = [{"period": p["period"],
             "tone": (p["tone"] or {}).get("value"), "articles": (p["tone"] or {}).get("articles", 0),
             f"events {a}>{b}": (p["a_to_b"] or {}).get("count", 0),
             f"goldstein {a}>{b}": (p["a_to_b"] or {}).get("goldstein"),
             f"events {b}>{a}": (p["b_to_a"] or {}).get("count", 0),
             f"goldstein {b}>{a}": (p["b_to_a"] or {}).get("goldstein")} for p in periods]
    columns = ("period", "tone", "articles", f"events {a}>{b}", f"goldstein {a}>{b}", f"events {b}>{a}",
               f"goldstein {b}>{a}")
    _print(rows, columns, format)


def _print(rows: list[dict[str, Any]], columns: tuple[str, ...], format: Format) -> None:
    if format is Format.jsonl:
        for row in rows:
            print(json.dumps(row, default=str, ensure_ascii=False))
        return
    print("\t".join(columns))
    for row in rows:
        print("\t".join("" if row[c] is None else str(row[c]) for c in columns))
