"""Resume after a crash: how far each input file is stored, kept in the store itself.

Items are read in order and their results are stored in order, so once the result of
the article at line L of file F is committed, every item of F up to L is stored,
skipped as stored already, or recorded in ``failures``; once F has been read to its end
and its last article committed, F is done.  A rerun skips what its checkpoint covers
before any work, so a failed article is neither extracted nor recorded twice.  A file
whose size or modification time changed starts over.  Exactly-once storage itself rests
on the per-batch transaction and the content hash; the checkpoint makes reruns cheap.
"""
from __future__ import annotations

import collections
import os
import stat
from typing import Optional

from newsgraph.store.base import Progress


def signature(file: str) -> Optional[str]:
    """Size and modification time of a regular file; None for anything else (stdin, a
    directory, a path that is gone), which is never checkpointed."""
    try:
        st = os.stat(file)
    except OSError:
        return None
    return f"{st.st_size}:{st.st_mtime_ns}" if stat.S_ISREG(st.st_mode) else None


class Checkpoint:
    """Tracks one run's items from reading to storing; ``saved`` is the store's state."""

    def __init__(self, saved: dict[str, Progress]) -> None:
        self._saved = saved
        self._keys: dict[str, tuple[str, Optional[str]]] = {}
        self._in_flight: collections.deque[tuple[str, Optional[int]]] = collections.deque()
        self._pending: collections.Counter[str] = collections.Counter()
        self._lines: dict[str, int] = {}
        self._current: Optional[str] = None
        self._closed: list[str] = []

    def _key(self, file: str) -> tuple[str, Optional[str]]:
        if file not in self._keys:
            self._keys[file] = (os.path.abspath(file), signature(file))
        return self._keys[file]

    def covers(self, file: Optional[str], line: Optional[int]) -> bool:
        """Whether a previous run stored or recorded the item read at ``file:line``."""
        if file is None:
            return False
        key, sig = self._key(file)
        saved = self._saved.get(key)
        if sig is None or saved is None or saved.signature != sig:
            return False
        return saved.done or (line is not None and saved.line is not None and line <= saved.line)

    def read(self, file: Optional[str]) -> None:
        """An item of ``file`` was read: the file before it has been read to its end."""
        if file != self._current:
            self.end_of_input()
            self._current = file

    def end_of_input(self) -> None:
        if self._current is not None:
            self._closed.append(self._current)
            self._current = None

    def sent(self, file: Optional[str], line: Optional[int]) -> None:
        """An article of ``file`` went to extraction; its result will come back in order."""
        self._in_flight.append((file or "", line))
        self._pending[file or ""] += 1

    def stored(self, count: int) -> list[Progress]:
        """The next ``count`` results are committed: the checkpoint rows to save."""
        touched = set()
        for _ in range(count):
            file, line = self._in_flight.popleft()
            self._pending[file] -= 1
            if line is not None:
                self._lines[file] = max(line, self._lines.get(file, line))
            touched.add(file)
        done = [f for f in self._closed if not self._pending[f]]
        self._closed = [f for f in self._closed if self._pending[f]]
        rows = [self._row(f, done=False) for f in touched - set(done)] + [self._row(f, done=True) for f in done]
        for f in done:  # forget finished files: memory stays flat over many inputs
            self._pending.pop(f, None)
            self._lines.pop(f, None)
            self._keys.pop(f, None)
        return [r for r in rows if r is not None]

    def _row(self, file: str, done: bool) -> Optional[Progress]:
        """The row to save for ``file``, or None when there is nothing new to say."""
        key, sig = self._key(file) if file else ("", None)
        if sig is None:
            return None
        saved = self._saved.get(key)
        line = self._lines.get(file)
        if saved is not None and saved.signature == sig:
            if saved.done:
                return None
            if saved.line is not None:
                line = max(line or 0, saved.line)
        return Progress(key, sig, line, done)
