"""Word lists and code books shipped in ``newsgraph/data`` (JSON written by the project)."""
from __future__ import annotations

import functools
import json
import pathlib
from typing import Any

DATA_DIR = pathlib.Path(__file__).resolve().parent.parent / "data"


@functools.cache
def load(name: str) -> Any:
    """The parsed JSON file ``newsgraph/data/<name>``, read once per process."""
    return json.loads((DATA_DIR / name).read_text(encoding="utf-8"))
