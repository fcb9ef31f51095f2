from __future__ import annotations

import pytest
from typer.testing import CliRunner

from newsgraph.cli import app


@pytest.fixture
def run():
    """Invoke the CLI in-process: (exit code, stdout, stderr)."""
    runner = CliRunner()

    def invoke(*args: str, input: str | None = None):
        result = runner.invoke(app, list(args), input=input, catch_exceptions=False)
        return result.exit_code, result.stdout, result.stderr

    return invoke
