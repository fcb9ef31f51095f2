"""HTML fragments (feed descriptions, Atom content) to plain paragraphs.

Fragments are too short for trafilatura's boilerplate detection, and need none: the
feed already chose the content.  Block elements become paragraph breaks so that the
sentence splitter and the chunker see the article's structure.
"""
from __future__ import annotations

from html.parser import HTMLParser

_BLOCKS = frozenset(
    "address article aside blockquote br dd div dl dt figcaption figure footer h1 h2 h3 h4 h5 h6 "
    "header hr li main nav ol p pre section table td th tr ul".split()
)
_HIDDEN = frozenset({"script", "style", "template"})


class _Paragraphs(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.paragraphs: list[str] = []
        self._current: list[str] = []
        self._hidden = 0

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag in _HIDDEN:
            self._hidden += 1
        elif tag in _BLOCKS:
            self.flush()

    def handle_endtag(self, tag: str) -> None:
        if tag in _HIDDEN:
            self._hidden = max(0, self._hidden - 1)
        elif tag in _BLOCKS:
            self.flush()

    def handle_data(self, data: str) -> None:
        if not self._hidden:
            self._current.append(data)

    def flush(self) -> None:
        paragraph = " ".join("".join(self._current).split())
        if paragraph:
            self.paragraphs.append(paragraph)
        self._current = []


def html_to_text(fragment: str) -> str:
    """The text of ``fragment``, one paragraph per block, separated by blank lines."""
    parser = _Paragraphs()
    parser.feed(fragment)
    parser.close()
    parser.flush()
    return "\n\n".join(parser.paragraphs)
