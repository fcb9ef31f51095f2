"""The shape every newsgraph component shares: a pure ``Doc -> data`` function whose
result lands on ``doc._``, with its failure recorded instead of killing the batch."""
from __future__ import annotations

from typing import Any, Callable

from spacy.tokens import Doc

from newsgraph.nlp import extensions  # noqa: F401  (registers doc._.errors)


def doc_component(stage: str, attr: str, fn: Callable[[Doc], Any]) -> Callable[[Doc], Doc]:
    """Wrap ``fn`` so its result is stored on ``doc._.<attr>`` and an exception becomes a
    ``(stage, message)`` entry on ``doc._.errors`` (the article then fails as a whole)."""

    def component(doc: Doc) -> Doc:
        try:
            doc._.set(attr, fn(doc))
        except Exception as exc:  # noqa: BLE001 - reported per article, never swallowed
            errors = doc._.errors or []
            errors.append((stage, f"{type(exc).__name__}: {exc}"))
            doc._.errors = errors
        return doc

    return component
