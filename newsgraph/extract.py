"""Doc -> Record: the one place where spaCy's output becomes model objects.

Articles stream through ``nlp.pipe`` in batches.  Texts longer than the pipeline's chunk
size are split at paragraph or sentence boundaries, processed piecewise and merged with
offsets shifted back, so nothing is ever truncated.  A failure in any stage costs only
the article it happened in: it comes out as a ``ReadError`` with the stage named.
"""
from __future__ import annotations

import dataclasses
import re
from typing import Iterable, Iterator, Optional, Union

from spacy.language import Language
from spacy.tokens import Doc

from newsgraph.ingest import ReadError, origin
from newsgraph.model import Article, Record, Tone
from newsgraph.nlp.pipeline import MAX_CHARS, load

Result = Union[Record, ReadError]

_BREAKS = (re.compile(r"\n\s*\n"), re.compile(r"\n"), re.compile(r"[.!?][\"'\u201d\u2019)]*\s"), re.compile(r"\s"))


def chunk_bounds(text: str, size: int = MAX_CHARS) -> list[tuple[int, int]]:
    """Cut ``text`` into pieces of at most ``size`` chars at the best boundary available
    (blank line, line, sentence end, space, else anywhere); the pieces cover the text."""
    bounds, start = [], 0
    while len(text) - start > size:
        window = text[start:start + size]
        cut = 0
        for pattern in _BREAKS:
            ends = [m.end() for m in pattern.finditer(window, size // 2)]
            if ends:
                cut = ends[-1]
                break
        cut = cut or size
        bounds.append((start, start + cut))
        start += cut
    bounds.append((start, len(text)))
    return bounds


def make_doc(nlp: Language, article: Article, start: int, end: int) -> Doc:
    doc = nlp.make_doc(article.text[start:end])
    doc._.published = article.published
    return doc


def record_from_doc(doc: Doc, article: Article) -> Record:
    """Collect what the components left on ``doc._`` into a Record for ``article``."""
    ext = doc._
    return Record(
        article=article,
        entities=ext.entities or [],
        quotes=ext.quotes or [],
        amounts=ext.amounts or [],
        times=ext.times or [],
        events=ext.events or [],
        tone=ext.tone or Tone(),
        themes=ext.themes or [],
        repeats=ext.repeats or [],
    )


def extract(articles: Iterable[Article], nlp: Optional[Language] = None, batch_size: int = 32) -> Iterator[Result]:
    """Records for ``articles`` in input order; an article that fails yields a ReadError.

    A batch holds at most ``batch_size`` pieces and ``MAX_CHARS`` characters, and each
    Doc becomes plain data as soon as it is parsed (a 100,000-character Doc weighs some
    hundred MB), so memory is bounded by the chunk size, never by the article's."""
    nlp = nlp or load()
    parts: list[tuple[tuple[int, int], Result]] = []
    for batch in _batches(_pieces(articles), batch_size, MAX_CHARS):
        for (article, bounds, last), doc in zip(batch, _run(nlp, batch)):
            parts.append((bounds, _part(doc, article)))
            if last:
                yield _assemble(article, parts)
                parts = []


Piece = tuple[Article, tuple[int, int], bool]


def _pieces(articles: Iterable[Article]) -> Iterator[Piece]:
    """Each article's chunks, the last one flagged."""
    for article in articles:
        bounds = chunk_bounds(article.text, MAX_CHARS)
        for i, b in enumerate(bounds):
            yield article, b, i == len(bounds) - 1


def _batches(pieces: Iterable[Piece], size: int, max_chars: int) -> Iterator[list[Piece]]:
    batch: list[Piece] = []
    chars = 0
    for piece in pieces:
        length = piece[1][1] - piece[1][0]
        if batch and (len(batch) >= size or chars + length > max_chars):
            yield batch
            batch, chars = [], 0
        batch.append(piece)
        chars += length
    if batch:
        yield batch


def _run(nlp: Language, batch: list[Piece]) -> list[Union[Doc, Exception]]:
    """The batch through ``nlp.pipe``; if the batch fails, each piece alone so that only
    the broken one is lost."""
    try:
        return list(nlp.pipe(make_doc(nlp, a, *b) for a, b, _ in batch))
    except Exception:  # noqa: BLE001 - isolated below
        out: list[Union[Doc, Exception]] = []
        for a, b, _ in batch:
            try:
                out.append(nlp(make_doc(nlp, a, *b)))
            except Exception as exc:  # noqa: BLE001 - becomes this article's failure
                out.append(exc)
        return out


def _part(doc: Union[Doc, Exception], article: Article) -> Result:
    """One piece's Doc as plain data: its Record, or the article's failure."""
    if isinstance(doc, Exception):
        return _failure(article, "nlp", f"{type(doc).__name__}: {doc}")
    if doc._.errors:
        stage, message = doc._.errors[0]
        return _failure(article, stage, message)
    return record_from_doc(doc, article)


def _assemble(article: Article, parts: list[tuple[tuple[int, int], Result]]) -> Result:
    failed = next((r for _, r in parts if isinstance(r, ReadError)), None)
    if failed is not None:
        return failed
    if len(parts) == 1:
        return parts[0][1]
    return merge_chunks(article, parts)


def _failure(article: Article, stage: str, message: str) -> ReadError:
    file, line = origin(article)
    return ReadError(file or article.id, line, f"article {article.id}: {message}", stage=stage)


def merge_chunks(article: Article, parts: list[tuple[tuple[int, int], Record]]) -> Record:
    """One Record from per-chunk Records: offsets shifted by each chunk's start, entities
    of the same type and name merged, and every entity reference renamed to match."""
    merged = Record(article=article)
    by_key: dict[tuple[str, str], str] = {}
    for (offset, _), part in parts:
        _shift(part, offset)
        rename: dict[str, str] = {}
        for ent in part.entities:
            key = (ent.type, ent.name)
            if key in by_key:
                target = next(e for e in merged.entities if e.id == by_key[key])
                target.mentions.extend(ent.mentions)
                target.roles.extend(r for r in ent.roles if r not in target.roles)
            else:
                new_id = f"e{len(merged.entities) + 1}"
                by_key[key] = new_id
                merged.entities.append(dataclasses.replace(ent, id=new_id))
            rename[ent.id] = by_key[key]
        _rename_refs(part, rename)
        merged.quotes += part.quotes
        merged.amounts += part.amounts
        merged.times += part.times
        merged.events += part.events
        merged.themes += part.themes
        merged.repeats += part.repeats
    merged.tone = _weighted_tone([(end - start, part.tone) for (start, end), part in parts])
    return merged


def _weighted_tone(parts: list[tuple[int, Tone]]) -> Tone:
    """Tone of the whole text: each chunk's tone weighted by its length."""
    total = sum(w for w, _ in parts) or 1
    fields = [f.name for f in dataclasses.fields(Tone)]
    return Tone(**{f: sum(w * getattr(t, f) for w, t in parts) / total for f in fields})


def _shift(record: Record, offset: int) -> None:
    seen: set[int] = set()
    for span in record.spans():
        if id(span) not in seen:
            seen.add(id(span))
            span.start += offset
            span.end += offset


def _rename_refs(record: Record, rename: dict[str, str]) -> None:
    for q in record.quotes:
        q.speaker = rename.get(q.speaker, q.speaker)
        q.medium = rename.get(q.medium, q.medium)
    for a in record.amounts:
        a.speaker = rename.get(a.speaker, a.speaker)
    for e in record.events:
        e.source = rename.get(e.source, e.source)
        e.target = rename.get(e.target, e.target)

