"""Ingest: read, extract (with whichever engine) and store, one writer, resumable.

The engine is any function from Articles to Results in input order (``run.local`` or
``run.dask``); everything else, skipping what is stored, recording failures and the
checkpoint, is the same for both.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Callable, Iterable, Iterator, Optional

from newsgraph.ingest import FILE_KEY, LINE_KEY, Item, ReadError
from newsgraph.model import Article, Record
from newsgraph.run.checkpoint import Checkpoint
from newsgraph.run.ordered import batches
from newsgraph.store import Store

if TYPE_CHECKING:  # the writer itself never loads spaCy
    from newsgraph.extract import Result

Engine = Callable[[Iterable[Article]], Iterator["Result"]]

#: Items read and checked against the store at a time.
READ_CHUNK = 256


@dataclass
class Summary:
    stored: int = 0
    replaced: int = 0
    #: Articles whose content was stored already (by an earlier run or earlier in this one).
    skipped: int = 0
    #: Articles an earlier run stored or recorded as failed, passed over by the checkpoint.
    resumed: int = 0
    failures: list[ReadError] = field(default_factory=list)

    @property
    def done(self) -> int:
        return self.stored + self.replaced + self.skipped + self.resumed + len(self.failures)


class Strict(Exception):
    """Raised to stop at the first failure under ``strict``."""


@dataclass
class Ingest:
    store: Store
    engine: Engine
    batch_size: int = 256
    strict: bool = False
    resume: bool = True
    on_error: Callable[[ReadError], None] = lambda err: None
    on_batch: Callable[[Summary], None] = lambda summary: None
    summary: Summary = field(default_factory=Summary)

    def run(self, items: Iterable[Item]) -> Summary:
        """Store every item; raises ``Strict`` at the first failure when ``strict``."""
        checkpoint = Checkpoint(self.store.progress() if self.resume else {})
        results = self.engine(self._new_articles(items, checkpoint))
        with self.store.ingesting():
            for batch in batches(results, self.batch_size):
                self._report([r for r in batch if isinstance(r, ReadError)])
                outcome = self.store.add_records([r for r in batch if isinstance(r, Record)])
                self.summary.stored += outcome.stored
                self.summary.replaced += outcome.replaced
                self.summary.skipped += outcome.skipped
                self._report(outcome.failed, stored=True)
                self.store.save_progress(checkpoint.stored(len(batch)))
                self.on_batch(self.summary)
            self.store.save_progress(checkpoint.stored(0))
        self.on_batch(self.summary)
        return self.summary

    def _new_articles(self, items: Iterable[Item], checkpoint: Checkpoint) -> Iterator[Article]:
        """Articles to extract: neither covered by the checkpoint nor stored already.
        Read errors are recorded as they come, before any later article is stored."""
        for chunk in batches(items, READ_CHUNK):
            errors, articles = [], []
            for item in chunk:
                file, line = _origin(item)
                checkpoint.read(file)
                if checkpoint.covers(file, line):
                    self.summary.resumed += isinstance(item, Article)
                else:
                    (errors if isinstance(item, ReadError) else articles).append(item)
            self._report(errors)
            known = self.store.known_hashes(a.content_hash for a in articles)
            for article in articles:
                if article.content_hash in known:
                    self.summary.skipped += 1
                else:
                    checkpoint.sent(*_origin(article))
                    yield article
        checkpoint.end_of_input()

    def _report(self, errors: list[ReadError], stored: bool = False) -> None:
        if not errors:
            return
        if self.strict:
            errors = errors[:1]
        for err in errors:
            self.on_error(err)
        self.summary.failures += errors
        if not stored:
            self.store.add_failures(errors)
        if self.strict:
            raise Strict(str(errors[0]))


def _origin(item: Item) -> tuple[Optional[str], Optional[int]]:
    if isinstance(item, ReadError):
        return item.file, item.line
    return item.meta.get(FILE_KEY), item.meta.get(LINE_KEY)
