"""The Typer application that command modules register on."""
from __future__ import annotations

import sys

import typer

app = typer.Typer(
    name="newsgraph",
    help="Turn news articles into a knowledge graph: quotes, speakers, entities, amounts, times, events.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

DEFAULT_DB = "newsgraph.duckdb"


def error(message: str) -> None:
    """One line on stderr: where and what."""
    print(f"newsgraph: {message}", file=sys.stderr, flush=True)
