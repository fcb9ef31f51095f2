"""Web pages: trafilatura separates the article from navigation, ads and comments and
reads the page's metadata (title, author, site name, publication date, canonical URL)."""
from __future__ import annotations

from pathlib import Path
from typing import Iterator, Optional, Union

import trafilatura

from newsgraph.ingest import FILE_KEY, Item, ReadError
from newsgraph.ingest.dates import normalise
from newsgraph.ingest.files import file_id, read_markup
from newsgraph.model import Article


def read(path: Path) -> Iterator[Item]:
    data = read_markup(path)
    yield data if isinstance(data, ReadError) else parse(data, str(path), file_id(path))


def parse(page: Union[bytes, str], file: str, article_id: str, url: Optional[str] = None) -> Item:
    """The Article in one HTML page; ``url`` is where it was fetched from, if known."""
    try:
        doc = trafilatura.bare_extraction(page, url=url, with_metadata=True, include_comments=False)
    except Exception as exc:  # noqa: BLE001 - a page trafilatura chokes on is one bad input
        return ReadError(file, None, f"HTML extraction failed: {type(exc).__name__}: {exc}")
    if doc is None or not (doc.text or "").strip():
        return ReadError(file, None, "no article text found in the HTML")
    meta = {FILE_KEY: file}
    if doc.author:
        meta["author"] = doc.author
    if doc.description:
        meta["description"] = doc.description
    return Article(
        id=article_id,
        text=_paragraphs(doc.text),
        source=doc.sitename or None,
        url=doc.url or url,
        title=doc.title or None,
        published=normalise(doc.date) if doc.date else None,
        language=doc.language or "en",
        meta=meta,
    )


def _paragraphs(text: str) -> str:
    """trafilatura puts one paragraph per line; the project separates them by blank lines."""
    return "\n\n".join(line for line in text.split("\n") if line.strip())
