"""The ``newsgraph`` command: one module per command (group) below this package."""
from __future__ import annotations

import importlib

from newsgraph.cli.app import app

#: Modules that register commands on ``app``; each owns one job.
COMMAND_MODULES = ["extract", "ingest", "stats", "entities", "failures", "serve", "export", "claims", "events"]

for _module in COMMAND_MODULES:
    importlib.import_module(f"newsgraph.cli.{_module}")


def main() -> None:
    app()
