"""Plain text files: the whole file is the article body."""
from __future__ import annotations

from newsgraph.ingest import FILE_KEY, Item, ReadError
from newsgraph.model import Article


def parse(text: str, file: str, article_id: str) -> Item:
    """The Article in a plain text (no header, so no title or date)."""
    if not text.strip():
        return ReadError(file, None, "empty file")
    return Article(id=article_id, text=text, title=None, meta={FILE_KEY: file})
