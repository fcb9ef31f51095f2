"""The server's one writer: articles posted to the API go through the same pipeline as
``newsgraph ingest`` and into the store, while the server keeps answering reads.

Extraction runs in a worker process (spaCy would otherwise hold the interpreter the
request threads need), the same pool ``newsgraph ingest`` uses, so the worker ends with
the server even when the server is killed; storing runs under one lock, because DuckDB allows a single
writer and a single connection must not be used by two threads at once.  Rebuilding
the search index is coalesced on a background thread: a burst of posts costs one rebuild.
"""
from __future__ import annotations

import logging
import threading
from concurrent.futures import ProcessPoolExecutor
from typing import Optional

from newsgraph.ingest import ReadError
from newsgraph.model import Article, Record
from newsgraph.run.local import extract_batch, pool
from newsgraph.store import BatchResult, Store

log = logging.getLogger(__name__)

class Writer:
    def __init__(self, store: Store) -> None:
        self.store = store
        self.lock = threading.Lock()
        self._pool: Optional[ProcessPoolExecutor] = None
        self._pool_lock = threading.Lock()
        self._dirty = threading.Event()
        self._idle = threading.Event()
        self._idle.set()
        self._closing = False
        self._refresher = threading.Thread(target=self._refresh_loop, name="search-refresh", daemon=True)
        self._refresher.start()

    def add(self, articles: list[Article]) -> tuple[BatchResult, list[ReadError]]:
        """Extract and store ``articles``; returns what was stored and what failed to extract."""
        results = self._worker().submit(extract_batch, articles).result()
        records = [r for r in results if isinstance(r, Record)]
        failed = [r for r in results if isinstance(r, ReadError)]
        with self.lock:
            stored = self.store.add_records(records)
            self.store.add_failures(failed)
        self.schedule_refresh()
        return stored, failed

    def refresh_now(self) -> bool:
        with self.lock:
            return self.store.refresh_search()

    def schedule_refresh(self) -> None:
        self._idle.clear()
        self._dirty.set()

    def wait_idle(self, timeout: Optional[float] = None) -> bool:
        """Block until no index rebuild is pending (for tests and benchmarks)."""
        return self._idle.wait(timeout)

    def _refresh_loop(self) -> None:
        while True:
            self._dirty.wait()
            if self._closing:
                return
            self._dirty.clear()
            try:
                self.refresh_now()
            except Exception:  # noqa: BLE001 - the server goes on with the old index
                log.exception("search index refresh failed")
            if not self._dirty.is_set():
                self._idle.set()

    def _worker(self) -> ProcessPoolExecutor:
        with self._pool_lock:
            if self._pool is None:
                self._pool = pool(1)
            return self._pool

    def close(self) -> None:
        self._closing = True
        self._dirty.set()
        self._refresher.join(timeout=60)
        if self._pool is not None:
            self._pool.shutdown(cancel_futures=True)
