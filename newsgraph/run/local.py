"""The per-article step on local cores: in-process for one worker, else a process pool.

Batches go to workers in order and come back in order, with at most two batches per
worker in flight, so memory stays bounded however long the input is.
"""
from __future__ import annotations

import collections
import itertools
import multiprocessing as mp
import os
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Iterable, Iterator

from newsgraph.extract import Result, extract
from newsgraph.model import Article


def default_workers() -> int:
    return max(1, os.cpu_count() or 1)


def _extract_batch(batch: list[Article]) -> list[Result]:
    return list(extract(batch))


def _warm_up() -> None:
    from newsgraph.nlp.pipeline import load

    load()


def process(articles: Iterable[Article], workers: int = 1, batch_size: int = 32) -> Iterator[Result]:
    """Results for ``articles`` in input order."""
    if workers <= 1:
        yield from extract(articles, batch_size=batch_size)
        return
    ctx = mp.get_context("forkserver")
    ctx.set_forkserver_preload(["newsgraph.extract"])
    batches = iter(lambda it=iter(articles): list(itertools.islice(it, batch_size)), [])
    with ProcessPoolExecutor(max_workers=workers, mp_context=ctx, initializer=_warm_up) as pool:
        pending: collections.deque[Future] = collections.deque()
        for batch in batches:
            pending.append(pool.submit(_extract_batch, batch))
            while len(pending) >= 2 * workers:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()
