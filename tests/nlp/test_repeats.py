"""Near-duplicate passages inside one article."""
import pytest

from newsgraph.nlp.pipeline import load
from newsgraph.nlp.repeats import find_repeats


@pytest.fixture(scope="module")
def nlp():
    return load(("newsgraph_repeats",))


def repeats(nlp, text):
    found = nlp(text)._.repeats
    for r in found:
        assert text[r.a.start:r.a.end] == r.a.text and text[r.b.start:r.b.end] == r.b.text
    return [(r.a.text, r.b.text) for r in found]


def test_a_restated_attribution_with_another_name_for_the_speaker(nlp):
    text = ("The port will reopen next week, the harbour master said in a statement published by the city council "
            "on its website. Ships are waiting. Crews are tired, the official said in a statement published by the "
            "city council on Friday.")
    ((a, b),) = repeats(nlp, text)
    assert a.startswith("said in a statement published by the city council")
    assert b.startswith("said in a statement published by the city council")


def test_a_lead_restated_inside_a_quote(nlp):
    text = ("Norway wants to keep close and constructive ties with all its neighbours in the north, the minister said. "
            "\"We are maintaining constructive ties with all our neighbours in the north,\" she told reporters.")
    ((a, b),) = repeats(nlp, text)
    assert "constructive ties with all" in a and "neighbours in the north" in b


def test_an_exact_repeat_scores_one(nlp):
    text = ("Prices rose sharply in the capital last month. Wages did not. "
            "Prices rose sharply in the capital last month.")
    (r,) = nlp(text)._.repeats
    assert r.similarity == 1.0 and r.a.start < r.b.start


@pytest.mark.parametrize("text", [
    "He said on Monday that talks had failed. She said on Monday that she would resign.",   # stock phrase
    "Poland signed a deal for up to 7 billion cubic metres of gas a year. "
    "Poland used about 20 billion cubic metres of gas last year.",                          # shared words, other facts
    "One sentence only, repeated words words words words words words.",
])
def test_no_repeat(nlp, text):
    assert repeats(nlp, text) == []


def test_no_sentences_no_repeats():
    import spacy

    assert find_repeats(spacy.blank("en")("same words here and there. same words here and there.")) == []
