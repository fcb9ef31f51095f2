"""Quotes through the whole pipeline: every construction the quote finder knows, with its
kind, cue, speaker mention and medium, and the failure cases (odd marks, no speaker)."""
from __future__ import annotations

import json

import pytest

from newsgraph.model import Quote


def quotes(nlp, text: str) -> list[Quote]:
    doc = nlp(text)
    assert not doc._.errors, doc._.errors
    for q in doc._.quotes:
        assert q.text == text[q.start:q.end]
        if q.speaker_mention is not None:
            sm = q.speaker_mention
            assert sm.text == text[sm.start:sm.end]
        assert 0.0 <= q.confidence <= 1.0
    return doc._.quotes


def one(nlp, text: str, kind: str) -> Quote:
    found = [q for q in quotes(nlp, text) if q.kind == kind]
    assert len(found) == 1, found
    return found[0]


def mention(q: Quote) -> str | None:
    return q.speaker_mention.text if q.speaker_mention else None


# -- direct quotations ----------------------------------------------------------------------

@pytest.mark.parametrize("text, content", [
    ('"We will win," John Smith said.', "We will win,"),
    ("\u201cWe will win,\u201d John Smith said.", "We will win,"),
    ("\u00abWe will win\u00bb, John Smith said.", "We will win"),
    ("''We will win,'' John Smith said.", "We will win,"),
    ("\u2018We will win,\u2019 John Smith said.", "We will win,"),
])
def test_direct_quote_in_every_mark_style(nlp, text, content):
    q = one(nlp, text, "direct")
    assert (q.text, q.cue, mention(q), q.speaker_name) == (content, "said", "John Smith", "John Smith")


def test_quote_over_several_sentences(nlp):
    q = one(nlp, '"Prices rose. Wages fell. Nobody is happy," John Smith said.', "direct")
    assert q.text == "Prices rose. Wages fell. Nobody is happy,"
    assert mention(q) == "John Smith"


def test_inverted_cue_and_cue_before_the_quote(nlp):
    assert mention(one(nlp, '"We will win," said Anna Jones.', "direct")) == "Anna Jones"
    q = one(nlp, 'Anna Jones said: "We will win the vote."', "direct")
    assert (mention(q), q.cue) == ("Anna Jones", "said")


@pytest.mark.parametrize("text, surface", [
    ('"We will win," added another Ohio Republican.', "another Ohio Republican"),
    ('"We will win," John Smith, a senior Ohio Republican, said on Monday.', "John Smith"),
    ('John Smith drew boos upon saying, "We will win."', "John Smith"),
    ('Said John Smith: "We will win."', "John Smith"),
    ('"We will win," said one of the advisers.', "one of the advisers"),
])
def test_where_the_source_stands(nlp, text, surface):
    q = one(nlp, text, "direct")
    assert q.speaker_mention is not None and surface in q.speaker_mention.text


def test_quote_split_by_its_attribution(nlp):
    first, second = quotes(nlp, '"We will win," said Anna Jones. "And we will win again."')
    assert (first.text, second.text) == ("We will win,", "And we will win again.")
    assert first.kind == second.kind == "direct"
    assert first.speaker == second.speaker is not None


def test_quote_continued_over_paragraphs(nlp):
    text = 'Mayor John Smith spoke on Monday:\n\n"The first part of it.\n\n"And the second part," he added.'
    (q,) = quotes(nlp, text)
    assert q.text == 'The first part of it.\n\n"And the second part,'
    assert q.speaker_name == "John Smith"


def test_wire_paragraph_of_pure_quotation_continues_the_speaker(nlp):
    text = '"We will win," John Smith said.\n\n"There is no doubt about it."'
    first, second = quotes(nlp, text)
    assert second.speaker == first.speaker is not None
    assert second.confidence < first.confidence


def test_dash_byline(nlp):
    q = one(nlp, "\u201cWe need a change.\u201d \u2015 Maria Lopez", "direct")
    assert mention(q) == "Maria Lopez"


def test_two_speakers_in_one_paragraph(nlp):
    first, second = quotes(nlp, '"Yes," said John Smith. "No," said Mary Jones.')
    assert (first.speaker_name, second.speaker_name) == ("John Smith", "Mary Jones")


def test_quote_without_a_speaker(nlp):
    (q,) = quotes(nlp, '"Nothing but the truth."')
    assert q.kind == "direct"
    assert (q.speaker, q.speaker_name, q.speaker_mention, q.cue) == (None, None, None, None)
    assert q.confidence == 0.0


@pytest.mark.parametrize("text", [
    'He said "this never closes.\n\nThe next paragraph goes on.',
    'A stray \u201d mark, then \u201copen \u201copen again.',
    '"\n"\n\u201c',
    "\u2019\u2018'\u00bb\u00ab",
])
def test_odd_marks_never_crash(nlp, text):
    for q in quotes(nlp, text):
        assert "\n\n" not in q.text


def test_scare_quotes_are_not_speech(nlp):
    assert quotes(nlp, 'The so-called "experts" met in the capital on Monday.') == []


# -- reported speech --------------------------------------------------------------------------

@pytest.mark.parametrize("text, content, cue", [
    ("John Smith said that taxes would rise next year.", "taxes would rise next year", "said"),
    ("John Smith said taxes would rise next year.", "taxes would rise next year", "said"),
    ("Taxes will rise next year, John Smith said.", "Taxes will rise next year", "said"),
    ("Taxes, John Smith said, will rise next year.", "Taxes, John Smith said, will rise next year", "said"),
    ("According to John Smith, taxes will rise next year.", "taxes will rise next year", "According to"),
    ("John Smith described the plan as reckless and unfair.", "the plan as reckless and unfair", "described"),
    ("John Smith added that the plan was unfair to families.", "the plan was unfair to families", "added"),
])
def test_indirect_forms(nlp, text, content, cue):
    q = one(nlp, text, "indirect")
    assert (q.text, q.cue, mention(q)) == (content, cue, "John Smith")


def test_adding_and_saying_take_the_subject_of_their_clause(nlp):
    said, adding = quotes(nlp, "John Smith said taxes would rise, adding that prices would fall.")
    assert (adding.text, adding.cue, mention(adding)) == ("prices would fall", "adding", "John Smith")
    saying = [q for q in quotes(nlp, "John Smith criticized the plan, saying it would hurt families.")
              if q.cue == "saying"]
    assert [(q.text, mention(q)) for q in saying] == [("it would hurt families", "John Smith")]


def test_partial_quote_comes_with_its_reported_clause(nlp):
    text = 'John Smith said the plan was "a disaster for working families."'
    indirect, partial = quotes(nlp, text)
    assert (indirect.kind, partial.kind) == ("indirect", "partial")
    assert indirect.text == 'the plan was "a disaster for working families."'
    assert partial.text == "a disaster for working families."
    assert indirect.speaker == partial.speaker is not None
    assert indirect.start <= partial.start and partial.end <= indirect.end


def test_partial_quote_before_its_cue(nlp):
    text = 'Trade keeps growing despite "the turbulent situation," John Smith emphasized.'
    kinds = {q.kind: q for q in quotes(nlp, text)}
    assert kinds["partial"].text == "the turbulent situation,"
    assert kinds["partial"].cue == kinds["indirect"].cue == "emphasized"
    assert mention(kinds["partial"]) == "John Smith"


def test_as_x_put_it(nlp):
    q = one(nlp, 'As John Smith put it, "the plan is dead."', "partial")
    assert (q.cue, mention(q)) == ("put", "John Smith")


def test_headline_label(nlp):
    q = one(nlp, "John Smith: Taxes will rise next year.", "indirect")
    assert (q.text, q.cue, mention(q)) == ("Taxes will rise next year", ":", "John Smith")


# -- medium -----------------------------------------------------------------------------------

def _entity_name(nlp, text: str, eid: str) -> str:
    doc = nlp(text)
    return next(e.name for e in doc._.entities if e.id == eid)


@pytest.mark.parametrize("text, medium", [
    ("Taxes will rise, John Smith said in an interview with Reuters.", "Reuters"),
    ("John Smith told Reuters that taxes will rise.", "Reuters"),
    ("John Smith said on Twitter that taxes will rise.", "Twitter"),
])
def test_medium_named(nlp, text, medium):
    q = one(nlp, text, "indirect")
    assert q.medium is not None
    name = _entity_name(nlp, text, q.medium) if q.medium.startswith("e") and q.medium[1:].isdigit() else q.medium
    assert name == medium


def test_definite_medium_refers_back_to_the_named_one(nlp):
    text = ("Taxes will rise, John Smith said in an article published by Rossiyskaya Gazeta. "
            "Prices will fall, he said in the article published by the newspaper.")
    first, second = quotes(nlp, text)
    assert first.medium is not None and second.medium == first.medium


def test_medium_without_a_name(nlp):
    q = one(nlp, "Taxes will rise, John Smith said in a statement.", "indirect")
    assert q.medium == "a statement"


# -- the seed article -------------------------------------------------------------------------

def _strip(s: str) -> str:
    return s.strip(" \t\n.,;:\"'\u201c\u201d\u2018\u2019")


def test_seed_gold_quotes_found_with_kind_and_speaker(seed_record, shared):
    gold = json.loads((shared / "seed" / "000_2bc63dc8be47816e.gold.json").read_text(encoding="utf-8"))
    names = {e.id: e.name for e in seed_record.entities}
    predicted = [(_strip(q.text), q) for q in seed_record.quotes]
    for g in gold["quotes"]:
        hits = [q for text, q in predicted if text == _strip(g["text"])]
        assert hits, g["text"]
        assert g["kind"] in {q.kind for q in hits}, (g["text"], [q.kind for q in hits])
        assert all("Lavrov" in names.get(q.speaker, "") for q in hits), g["text"]
