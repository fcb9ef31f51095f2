"""The per-article step on local cores: in-process for one worker, else a process pool.

Workers only extract; the caller's process is the one writer.  Forkserver workers start
clean (no inherited store connection or threads) and are forked from a server that has
loaded the pipeline and the gazetteers (``run/preload.py``), so they share them.
"""
from __future__ import annotations

import itertools
import multiprocessing as mp
import os
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from typing import TYPE_CHECKING, Iterable, Iterator, Optional

import psutil

from newsgraph.model import Article
from newsgraph.run.ordered import batches, ordered_map

if TYPE_CHECKING:  # a pool's parent (the writer) never loads spaCy; its workers do
    from newsgraph.extract import Result


def default_workers() -> int:
    return max(1, os.cpu_count() or 1)


def extract_batch(batch: list[Article]) -> list["Result"]:
    from newsgraph.extract import extract

    return list(extract(batch))


def _start_worker(writer: int) -> None:
    threading.Thread(target=_exit_with, args=(writer,), name="exit-with-writer", daemon=True).start()
    from newsgraph.nlp.pipeline import load

    load()  # cached already when forked from the preloaded server


def _exit_with(pid: int) -> None:
    """End this worker once the process it works for is gone: a writer killed with
    SIGKILL cannot shut its pool down, and its workers would otherwise live on."""
    try:
        writer = psutil.Process(pid)
        while writer.is_running() and writer.status() != psutil.STATUS_ZOMBIE:
            time.sleep(1.0)
    except psutil.NoSuchProcess:
        pass
    os._exit(1)


def pool(workers: int) -> ProcessPoolExecutor:
    ctx = mp.get_context("forkserver")
    ctx.set_forkserver_preload(["newsgraph.run.preload"])
    return ProcessPoolExecutor(max_workers=workers, mp_context=ctx, initializer=_start_worker, initargs=(os.getpid(),))


def process(articles: Iterable[Article], workers: int = 1, batch_size: int = 32,
            in_flight: Optional[int] = None) -> Iterator["Result"]:
    """Results for ``articles`` in input order, with at most ``in_flight`` batches
    submitted (default two per worker)."""
    if workers <= 1:
        from newsgraph.extract import extract

        yield from extract(articles, batch_size=batch_size)
        return
    with pool(workers) as executor:
        done = ordered_map(extract_batch, batches(articles, batch_size), executor, in_flight or 2 * workers)
        yield from itertools.chain.from_iterable(done)
