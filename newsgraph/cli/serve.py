"""``newsgraph serve``: the REST API and the web UI over a store."""
from __future__ import annotations

import typer

from newsgraph.cli.app import DEFAULT_DB, app


@app.command()
def serve(
    db: str = typer.Option(DEFAULT_DB, help="DuckDB file, or a postgresql:// URL."),
    host: str = typer.Option("127.0.0.1", help="Interface to listen on (loopback by default)."),
    port: int = typer.Option(8000, min=1, max=65535, help="TCP port."),
) -> None:
    """Serve the API (/api, docs at /docs) and the web UI (/).  With DuckDB this process
    is the store's one writer: add articles through POST /api/articles while it runs."""
    import uvicorn

    from newsgraph.api.app import create_app

    uvicorn.run(create_app(db), host=host, port=port, log_level="info")
