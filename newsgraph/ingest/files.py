"""Loading input files, and the checks every reader shares.

Bad files are common in real collections (a stray PDF, an empty export, a Latin-1
dump); each becomes one ReadError that says which file and why, never an exception.
"""
from __future__ import annotations

import codecs
from pathlib import Path
from typing import Optional, Union

from newsgraph.ingest import ReadError

#: How much of a streamed file is checked before it is read line by line.
HEAD_BYTES = 8192


def text_problem(data: bytes, complete: bool = True) -> Optional[str]:
    """Why ``data`` is not usable UTF-8 text, or None.  With ``complete=False`` the data
    is a file's head: a multi-byte character cut at its end is not an error."""
    if complete and not data.strip():
        return "empty file"
    if b"\0" in data:
        return "binary file (NUL bytes)"
    try:
        codecs.getincrementaldecoder("utf-8")().decode(data, final=complete)
    except UnicodeDecodeError as exc:
        return f"not UTF-8 text (undecodable byte at offset {exc.start})"
    return None


def markup_problem(data: bytes) -> Optional[str]:
    """Why ``data`` cannot be HTML or XML (which may declare a legacy charset), or None."""
    if not data.strip():
        return "empty file"
    if b"\0" in data:
        return "binary file (NUL bytes)"
    return None


def head(path: Path) -> bytes:
    with path.open("rb") as f:
        return f.read(HEAD_BYTES)


def read_text(path: Path) -> Union[str, ReadError]:
    """The whole file as text with ``\\n`` line ends (a UTF-8 BOM dropped)."""
    data = path.read_bytes()
    problem = text_problem(data)
    if problem:
        return ReadError(str(path), None, problem)
    return decode(data)


def read_markup(path: Path) -> Union[bytes, ReadError]:
    """The whole file as bytes, for parsers that honour the document's own charset."""
    data = path.read_bytes()
    problem = markup_problem(data)
    return ReadError(str(path), None, problem) if problem else data


def decode(data: bytes) -> str:
    """UTF-8 (BOM dropped) with universal newlines, as ``open()`` would give it."""
    text = data.decode("utf-8-sig")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def file_id(path: Path) -> str:
    """An article id from a file name: the name without its format suffixes."""
    name = path.name
    for suffix in (".gz", ".warc"):
        name = name.removesuffix(suffix)
    return Path(name).stem or name
