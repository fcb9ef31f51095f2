"""Tone in GDELT's sense from VADER's lexicon: word shares, negation, names, and the
helpers for quotes and entity pairs that work on a stored Record."""
from __future__ import annotations

import pytest

from newsgraph.model import Article, Entity, Mention, Quote, Record, Tone
from newsgraph.nlp.tone import Lexicon, doc_tone, lexicon, make_tone, pair_tone, quote_tone, sentence_bounds, text_tone


def test_lexicon_is_vaders_words():
    lex = lexicon()
    assert lex.valence["applaud"] > 0 > lex.valence["war"]
    assert ":)" not in lex.valence
    assert "not" in lex.negators


def test_shares_in_percent_of_words():
    lex = Lexicon({"good": 1.9, "bad": -2.5}, frozenset({"not"}))
    words = [(w, w, True) for w in "a good day and a bad night at all now".split()]
    assert lex.tone(words) == Tone(score=0.0, positive=10.0, negative=10.0, polarity=20.0)


def test_a_negator_flips_the_next_sentiment_word_only():
    lex = Lexicon({"good": 1.9, "war": -2.9}, frozenset({"not"}))
    words = [(w, w, True) for w in "not good for the war".split()]
    assert lex.tone(words).positive == 0 and lex.tone(words).negative == 40.0


def test_lemmas_match_when_the_form_is_missing():
    lex = Lexicon({"praise": 1.5}, frozenset())
    assert lex.tone([("praises", "praise", True)]).positive == 100.0


def test_names_count_as_words_but_not_as_sentiment():
    lex = Lexicon({"great": 3.1}, frozenset())
    assert lex.tone([("great", "great", False), ("game", "game", False)]) == make_tone(0, 0, 2)


def test_empty_text_is_neutral():
    assert text_tone("") == Tone()


def test_component_on_a_doc(nlp):
    positive = nlp("The talks were a great success and both sides praised the friendly atmosphere.")._.tone
    negative = nlp("The attack killed dozens and the government condemned the terrible violence.")._.tone
    assert positive.score > 0 > negative.score
    assert positive.score == pytest.approx(positive.positive - positive.negative, abs=1e-3)
    assert negative.polarity == pytest.approx(negative.positive + negative.negative, abs=1e-3)


def test_doc_tone_skips_named_entities(nlp):
    doc = nlp("Officials met in Great Falls.")
    assert doc_tone(doc).positive == 0


def test_doc_tone_of_a_stretch(nlp):
    doc = nlp("The war was terrible. The peace is wonderful.")
    second = doc.text.index("The peace")
    assert doc_tone(doc, second).score > 0 > doc_tone(doc, 0, second).score


def test_sentence_bounds():
    text = 'He said "No." Then he left. 2022 was hard.'
    assert [text[s:e] for s, e in sentence_bounds(text)] == ['He said "No."', "Then he left.", "2022 was hard."]


def record(text: str, entities: dict[str, list[str]], quotes: list[str] = ()) -> Record:
    ents = [Entity(id=f"e{i}", name=name, type="GPE",
                   mentions=[Mention(text.index(m), text.index(m) + len(m), m) for m in forms])
            for i, (name, forms) in enumerate(entities.items(), 1)]
    qs = [Quote(text.index(q), text.index(q) + len(q), q) for q in quotes]
    return Record(article=Article(id="a", text=text), entities=ents, quotes=qs)


def test_pair_tone_reads_the_sentences_where_both_occur():
    rec = record("Russia praised Kazakhstan warmly. Russia fought a terrible war elsewhere. Kazakhstan is calm.",
                 {"Russia": ["Russia"], "Kazakhstan": ["Kazakhstan"]})
    tone = pair_tone(rec, {"e1"}, {"e2"})
    assert tone is not None and tone.score > 0 and tone.negative == 0


def test_pair_tone_is_none_when_they_never_meet():
    rec = record("Russia is calm. Kazakhstan is calm.", {"Russia": ["Russia"], "Kazakhstan": ["Kazakhstan"]})
    assert pair_tone(rec, {"e1"}, {"e2"}) is None
    assert pair_tone(rec, {"e1"}, {"e9"}) is None


def test_pair_tone_takes_every_entity_of_a_side():
    rec = record("Moscow praised Astana. Russia attacked nobody.",
                 {"Russia": ["Russia"], "Moscow": ["Moscow"], "Kazakhstan": ["Astana"]})
    tone = pair_tone(rec, {"e1", "e2"}, {"e3"})
    assert tone is not None and tone.positive > 0 and tone.negative == 0


def test_quote_tone():
    rec = record('He said "this is a disaster" and left happy.', {}, ['"this is a disaster"'])
    assert quote_tone(rec.quotes[0]).score < 0


def test_seed_tone_is_positive(seed_record):
    assert seed_record.tone.score > 0
    assert seed_record.tone.positive > seed_record.tone.negative
