"""An in-order map over any ``concurrent.futures`` executor with a bounded number of
batches in flight: the shape shared by the local process pool and a Dask cluster.

Submitting ahead keeps every worker busy; waiting on the oldest batch first keeps the
results in input order (so a checkpoint can say "everything up to here is stored"); the
bound keeps memory flat however long the input is.
"""
from __future__ import annotations

import collections
import itertools
from concurrent.futures import Executor, Future
from typing import Callable, Iterable, Iterator, TypeVar

T = TypeVar("T")
R = TypeVar("R")


def batches(items: Iterable[T], size: int) -> Iterator[list[T]]:
    it = iter(items)
    return iter(lambda: list(itertools.islice(it, size)), [])


def ordered_map(fn: Callable[[list[T]], R], chunks: Iterable[list[T]], executor: Executor, in_flight: int) -> Iterator[R]:
    """``fn(chunk)`` for every chunk, run on ``executor``, yielded in input order."""
    pending: collections.deque[Future] = collections.deque()
    for chunk in chunks:
        pending.append(executor.submit(fn, chunk))
        while len(pending) >= in_flight:
            yield pending.popleft().result()
    while pending:
        yield pending.popleft().result()
