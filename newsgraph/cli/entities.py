"""``newsgraph entities``: the corpus's entities with their mention counts and aliases."""
from __future__ import annotations

import json
from typing import Optional

import typer

from newsgraph.cli.app import DEFAULT_DB, app
from newsgraph.store import open_store
from newsgraph.store.queries.entities import get_entity, list_entities


@app.command()
def entities(
    type: Optional[str] = typer.Option(None, "--type", help="Only this entity type (PERSON, ORG, GPE ...)."),
    name: Optional[str] = typer.Option(None, "--name", help="Only entities with this in a name or alias."),
    limit: int = typer.Option(50, min=1, help="Show at most this many, most widely reported first."),
    db: str = typer.Option(DEFAULT_DB, help="DuckDB file, or a postgresql:// URL."),
    format: str = typer.Option("text", help="text (one entity a line) or jsonl."),
) -> None:
    """List entities by the number of articles naming them: mentions, articles, aliases."""
    with open_store(db, read_only=True) as store:
        page = list_entities(store, q=name, type=type.upper() if type else None, limit=limit)
        cards = [get_entity(store, item["id"]) for item in page.items]
    for e in cards:
        if format == "jsonl":
            print(json.dumps({k: e[k] for k in ("id", "name", "type", "kb_id", "country", "mentions", "articles",
                                                "aliases", "roles")}, ensure_ascii=False, default=str))
        else:
            print(f"{e['name']}\t{e['type']}\t{e['mentions']} mentions in {e['articles']} articles\t"
                  f"aliases: {', '.join(e['aliases'])}")
    if format != "jsonl" and page.total > len(cards):
        print(f"({page.total - len(cards)} more; raise --limit)")
