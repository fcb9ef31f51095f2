"""Running the per-article step: in this process, in local worker processes, or on Dask."""
from __future__ import annotations

import enum


class EngineName(str, enum.Enum):
    """Where extraction runs: ``local`` processes, or a ``dask`` cluster."""

    local = "local"
    dask = "dask"
