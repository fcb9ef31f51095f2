"""Imported by the forkserver of the local pool, which preloads modules, not functions.

Loading happens here once, and every worker forked afterwards shares the model and the
gazetteers copy-on-write instead of building its own (about 8 CPU seconds and 400 MB a
worker).  The loaded objects are then frozen out of the garbage collector's sight, so a
worker's collections do not write to, and so copy, the pages that hold them.
"""
from __future__ import annotations

import gc

from newsgraph.extract import extract
from newsgraph.model import Article
from newsgraph.nlp.pipeline import load
from newsgraph.resolve.gazetteer import gazetteer, towns

#: Run once through extraction so components load their lazy lexicons here, not in each worker.
WARM_UP = ('"We will talk," Foreign Minister Sergey Lavrov told reporters in Moscow on Friday, '
           "adding that Russia had spent $5 million, up 3% since 2021.")


def warm() -> None:
    load()
    gazetteer()
    towns()
    list(extract([Article(id="warm-up", text=WARM_UP)]))
    gc.freeze()


warm()
