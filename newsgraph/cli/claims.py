"""``newsgraph claims``: stored amounts with who gave them, what they count and where."""
from __future__ import annotations

import enum
import json
from typing import Any, Optional

import typer

from newsgraph.cli.app import DEFAULT_DB, app, error
from newsgraph.store import open_store
from newsgraph.store.base import Store
from newsgraph.store.queries.amounts import amounts
from newsgraph.store.queries.entities import list_entities

#: Scale words for printing large values ("30.5 billion"), largest first.
_SCALES = ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"))


class Format(str, enum.Enum):
    text = "text"
    jsonl = "jsonl"


def number(value: Optional[float]) -> str:
    """A value as a reader writes it: "30.5 billion", "10,000", "0.15"."""
    if value is None:
        return "?"
    for size, word in _SCALES:
        if abs(value) >= size:
            return f"{value / size:,.4g} {word}"
    return f"{value:,.0f}" if value == int(value) else f"{value:,.4g}"


def figure(row: dict[str, Any]) -> str:
    """"approximately 30.5 billion USD", "3 billion-4 billion USD"."""
    value = number(row["value"])
    if row["range_low"] is not None and row["range_high"] is not None:
        value = f"{number(row['range_low'])}-{number(row['range_high'])}"
    return " ".join(p for p in (row["qualifier"], value, row["unit"]) if p)


def _speaker_id(store: Store, name: str) -> Optional[str]:
    """The entity called ``name``, else the most frequent one whose name contains it."""
    found = list_entities(store, q=name, limit=20).items
    exact = [e for e in found if e["name"].casefold() == name.casefold()]
    return (exact or found or [{"id": None}])[0]["id"]


@app.command()
def claims(
    speaker: Optional[str] = typer.Option(None, help="Only amounts given by this speaker (a name or part of one)."),
    unit: Optional[str] = typer.Option(None, help="Only amounts in this unit: an ISO 4217 code (USD), 'percent', 'tonne'..."),
    about: Optional[str] = typer.Option(None, help="Only amounts whose object or text contains this."),
    limit: int = typer.Option(50, min=1, help="At most this many, newest articles first."),
    format: Format = typer.Option(Format.text, "--format", "-f", help="text: one line each; jsonl: the stored rows."),
    db: str = typer.Option(DEFAULT_DB, help="DuckDB file, or a postgresql:// URL."),
) -> None:
    """List stored amounts with their claimant, object, value and article."""
    with open_store(db, read_only=True) as store:
        speaker_id = _speaker_id(store, speaker) if speaker else None
        if speaker and speaker_id is None:
            error(f"no entity is called {speaker!r}")
            raise typer.Exit(1)
        page = amounts(store, speaker=speaker_id, unit=unit, q=about, limit=limit)
    for row in page.items:
        if format is Format.jsonl:
            print(json.dumps(row, default=str, ensure_ascii=False))
            continue
        period = f" [{row['period_from']}..{row['period_to']}]" if row["period_from"] else ""
        print(f"{(row['published'] or '')[:10]:10}  {row['speaker'] or '-':24}  {figure(row)}"
              f"  of {row['object'] or '?'}{period}  ({row['article_id']}: {row['title'] or ''})")
    error(f"{len(page.items)} of {page.total} amounts")
