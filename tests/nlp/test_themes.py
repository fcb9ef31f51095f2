"""Themes from lemmas and phrases, each with the offsets of its evidence."""
from __future__ import annotations

from spacy.vocab import Vocab

from newsgraph.nlp.themes import build_matcher, taxonomy


def names(doc) -> set[str]:
    return {t.name for t in doc._.themes}


def test_taxonomy_has_at_least_forty_themes_with_evidence():
    themes = taxonomy()
    assert len(themes) >= 40
    assert all(phrases for phrases in themes.values())
    for required in ("trade", "investment", "energy", "sanctions", "military conflict", "elections", "health",
                     "diplomacy", "transit", "regional integration", "geopolitics"):
        assert required in themes


def test_matcher_builds_from_lemma_phrases():
    matcher = build_matcher(Vocab(), {"energy": ["oil", "natural gas"]})
    assert len(matcher) == 1


def test_inflected_forms_match_their_lemma(nlp):
    doc = nlp("Foreign investments rose while sanctions on exporters were lifted.")
    assert {"investment", "sanctions", "trade"} <= names(doc)


def test_evidence_offsets_point_at_the_text(nlp):
    doc = nlp("The two countries signed a deal on natural gas and held elections.")
    assert doc._.themes
    for theme in doc._.themes:
        assert doc.text[theme.start:theme.end] == theme.text
    assert ("energy", "natural gas") in {(t.name, t.text) for t in doc._.themes}


def test_nested_evidence_of_one_theme_counts_once(nlp):
    doc = nlp("They restored diplomatic ties.")
    assert [(t.name, t.text) for t in doc._.themes] == [("diplomacy", "diplomatic ties")]


def test_every_occurrence_is_kept(nlp):
    doc = nlp("Trade grew. Trade fell.")
    assert [t.name for t in doc._.themes] == ["trade", "trade"]


def test_text_without_evidence_has_no_theme(nlp):
    assert nlp("The cat sat on the mat.")._.themes == []


def test_seed_themes(seed_record, shared):
    import json

    gold = json.loads((shared / "seed" / "000_2bc63dc8be47816e.gold.json").read_text(encoding="utf-8"))
    assert set(gold["themes"]) <= {t.name for t in seed_record.themes}
