"""Doc extension attributes shared by newsgraph components.

Components write plain ``newsgraph.model`` objects here (never spaCy spans) so that
``newsgraph.extract`` can assemble a Record without further conversion.  Offsets are
character offsets into ``doc.text``.
"""
from __future__ import annotations

from spacy.tokens import Doc

#: Attribute name -> default.  Lists default to None so components can tell "not run".
DOC_ATTRS: dict[str, object] = {
    "published": None,   # ISO 8601 publication time of the article, set before the pipeline
    "entities": None,    # list[model.Entity]
    "quotes": None,      # list[model.Quote]
    "amounts": None,     # list[model.Amount]
    "times": None,       # list[model.TimeRef]
    "events": None,      # list[model.Event]
    "tone": None,        # model.Tone
    "themes": None,      # list[model.Theme]
    "repeats": None,     # list[model.Repeat]
    "errors": None,      # list[(stage, message)] of components that failed on this doc
}


def register() -> None:
    for name, default in DOC_ATTRS.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)


register()
