#!/usr/bin/env bash
# Set up newsgraph in ./.venv and ingest the bundled sample articles into newsgraph.duckdb.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3.11}
[ -x .venv/bin/python ] || "$PY" -m venv .venv
.venv/bin/pip install -q -e .
.venv/bin/newsgraph ingest samples/ --db "${DB:-newsgraph.duckdb}"
.venv/bin/newsgraph stats --db "${DB:-newsgraph.duckdb}"
