"""Fixtures shared by the whole suite."""
from __future__ import annotations

import pathlib

import pytest

ROOT = pathlib.Path(__file__).resolve().parent.parent
#: The read-only evaluation material beside a checkout; absent in a user's fresh clone.
SHARED = ROOT.parent / "shared"
SEED = SHARED / "seed" / "000_2bc63dc8be47816e.txt"
SEED_GOLD = SHARED / "seed" / "000_2bc63dc8be47816e.gold.json"
DATA = pathlib.Path(__file__).resolve().parent / "data"
SAMPLES = ROOT / "samples"


@pytest.fixture(scope="session")
def shared() -> pathlib.Path:
    if not SHARED.is_dir():
        pytest.skip("../shared is absent (evaluation data only exists beside the project's own checkout)")
    return SHARED


@pytest.fixture(scope="session")
def seed_path(shared: pathlib.Path) -> pathlib.Path:
    if not SEED.is_file():
        pytest.skip("seed article absent")
    return SEED


@pytest.fixture(scope="session")
def nlp():
    from newsgraph.nlp.pipeline import load

    return load()


@pytest.fixture(scope="session")
def seed_record(seed_path: pathlib.Path, nlp):
    """The seed article through the whole pipeline, once per session."""
    from newsgraph.extract import extract
    from newsgraph.ingest import read_paths

    (record,) = extract(read_paths([str(seed_path)]), nlp=nlp)
    return record
