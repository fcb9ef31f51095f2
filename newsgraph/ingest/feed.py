"""RSS 2.0 and Atom feeds: one Article per item or entry.

Feeds carry their content as HTML fragments (``description``, ``content:encoded``,
Atom ``content``/``summary``), which are reduced to paragraphs.  The feed's title is
the publisher.  An item without text or with an unparseable date is one ReadError;
the other items are still read.
"""
from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Iterator, NamedTuple, Optional

from newsgraph.ingest import FILE_KEY, Item, ReadError
from newsgraph.ingest.dates import normalise
from newsgraph.ingest.files import file_id, read_markup
from newsgraph.ingest.markup import html_to_text
from newsgraph.model import Article

ATOM = "{http://www.w3.org/2005/Atom}"
CONTENT = "{http://purl.org/rss/1.0/modules/content/}"
DC = "{http://purl.org/dc/elements/1.1/}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


class Entry(NamedTuple):
    """What an RSS item or Atom entry says, before checks."""

    key: Optional[str]
    body: str
    title: Optional[str]
    url: Optional[str]
    date: Optional[str]
    author: Optional[str]
    categories: list[str]


def read(path: Path) -> Iterator[Item]:
    data = read_markup(path)
    if isinstance(data, ReadError):
        yield data
        return
    yield from parse(data, str(path), file_id(path))


def parse(data: bytes, file: str, stem: str) -> Iterator[Item]:
    """Articles in a feed document; ``stem`` makes ids for items without guid or link."""
    try:
        root = ET.fromstring(data)
    except ET.ParseError as exc:
        yield ReadError(file, exc.position[0], f"invalid XML: {exc}")
        return
    channel = root.find("channel")
    if root.tag == "rss" and channel is not None:
        entries = [_rss_item(item) for item in channel.findall("item")]
        source, language = _text(channel, "title"), _text(channel, "language")
    elif root.tag == f"{ATOM}feed":
        entries = [_atom_entry(entry) for entry in root.findall(f"{ATOM}entry")]
        source, language = _plain(root.find(f"{ATOM}title")) or None, root.get(XML_LANG)
    else:
        yield ReadError(file, None, f"not an RSS 2.0 or Atom feed (root element {root.tag!r})")
        return
    for number, entry in enumerate(entries, start=1):
        if not entry.body:
            yield ReadError(file, None, f"entry {number}: no text (empty description and content)")
            continue
        published = normalise(entry.date) if entry.date else None
        if entry.date and published is None:
            yield ReadError(file, None, f"entry {number}: unparseable date {entry.date!r}")
            continue
        meta = {FILE_KEY: file, "entry": number}
        meta.update((k, v) for k, v in (("author", entry.author), ("categories", entry.categories)) if v)
        yield Article(
            id=entry.key or f"{stem}-{number}",
            text=entry.body,
            source=source,
            url=entry.url,
            title=entry.title,
            published=published,
            language=_language(language),
            meta=meta,
        )


def _rss_item(item: ET.Element) -> Entry:
    body = _text(item, f"{CONTENT}encoded") or _text(item, "description")
    link = _text(item, "link")
    return Entry(
        key=_text(item, "guid") or link,
        body=html_to_text(body or ""),
        title=html_to_text(_text(item, "title") or "") or None,
        url=link,
        date=_text(item, "pubDate") or _text(item, f"{DC}date"),
        author=_text(item, f"{DC}creator") or _text(item, "author"),
        categories=[c.text.strip() for c in item.findall("category") if c.text and c.text.strip()],
    )


def _atom_entry(entry: ET.Element) -> Entry:
    links = entry.findall(f"{ATOM}link")
    link = next((x.get("href") for x in links if x.get("rel", "alternate") == "alternate"), None)
    return Entry(
        key=_text(entry, f"{ATOM}id") or link,
        body=_plain(entry.find(f"{ATOM}content")) or _plain(entry.find(f"{ATOM}summary")),
        title=_plain(entry.find(f"{ATOM}title")) or None,
        url=link,
        date=_text(entry, f"{ATOM}published") or _text(entry, f"{ATOM}updated"),
        author=_text(entry, f"{ATOM}author/{ATOM}name"),
        categories=[c.get("term") for c in entry.findall(f"{ATOM}category") if c.get("term")],
    )


def _text(parent: ET.Element, path: str) -> Optional[str]:
    """The stripped text of the first ``path`` below ``parent``, None when absent or blank."""
    node = parent.find(path)
    text = (node.text or "").strip() if node is not None else ""
    return text or None


def _plain(node: Optional[ET.Element]) -> str:
    """The text of an Atom text construct (type text, html or xhtml)."""
    if node is None:
        return ""
    kind = node.get("type", "text")
    if kind == "xhtml":
        for child in node.iter():
            child.tag = child.tag.rsplit("}", 1)[-1]
        markup = "".join(ET.tostring(child, encoding="unicode") for child in node)
        return html_to_text(markup)
    if kind == "html":
        return html_to_text(node.text or "")
    return (node.text or "").strip()


def _language(code: Optional[str]) -> str:
    """"en-us" -> "en"; feeds without a language are taken as English, like Article."""
    return code.split("-")[0].strip().lower() if code and code.strip() else "en"
