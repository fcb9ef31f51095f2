"""Pairing quotation marks on raw text: every mark style, nesting, paragraphs, odd marks."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsgraph.nlp.quotemarks import find_quoted


def inside(text: str) -> list[str]:
    return [text[q.start:q.end] for q in find_quoted(text)]


@pytest.mark.parametrize("text, expected", [
    ('He said "we will win," and left.', ["we will win,"]),
    ("\u201cWe will win,\u201d he said.", ["We will win,"]),
    ("\u00abWe will win\u00bb, he said.", ["We will win"]),
    ("\u201eWir gewinnen\u201c, sagte er.", ["Wir gewinnen"]),
    ("''We will win,'' the economist wrote.", ["We will win,"]),
    ("``We will win,'' the economist wrote.", ["We will win,"]),
    ("\u2018We will win,\u2019 she said.", ["We will win,"]),
    ("'We will win,' she said.", ["We will win,"]),
])
def test_every_mark_style(text, expected):
    assert inside(text) == expected


def test_apostrophes_are_not_marks():
    text = "It\u2019s the students\u2019 union, don\u2019t you know, and the \u201890s were Jones's."
    assert inside(text) == []


def test_split_quote_gives_two_stretches():
    assert inside("\u201cA,\u201d he said. \u201cB.\u201d") == ["A,", "B."]


def test_quote_within_a_quote_stays_inside():
    text = "\u201cHe calls it \u201chell\u201d and means it,\u201d she said. \u201cNext.\u201d"
    assert inside(text) == ["He calls it \u201chell\u201d and means it,", "Next."]


def test_single_quotes_inside_double_ones_are_left_to_them():
    text = "\"He said, 'no way,' and left,\" she recalled."
    assert inside(text) == ["He said, 'no way,' and left,"]


def test_wire_style_paragraph_continuation():
    text = "He said:\n\n\u201cFirst paragraph of the quote.\n\n\u201cSecond one,\u201d he added.\n\nNext."
    (q,) = find_quoted(text)
    assert text[q.start:q.end] == "First paragraph of the quote.\n\n\u201cSecond one,"
    assert q.continued and q.close_mark is not None


def test_unclosed_quote_ends_with_its_paragraph():
    text = "He said \u201cthis never closes.\n\nA new paragraph with \u201cits own\u201d quote."
    qs = find_quoted(text)
    assert [text[q.start:q.end] for q in qs] == ["this never closes.", "its own"]
    assert qs[0].close_mark is None and not qs[0].continued


def test_second_opening_mark_means_the_first_never_closed():
    text = "\u201cMissing close. \u201cSecond,\u201d he said."
    assert inside(text) == ["Missing close.", "Second,"]


def test_stray_closing_mark_is_ignored():
    assert inside("a stray \u201d here and \u201cthen a real one\u201d.") == ["then a real one"]


def test_empty_and_markless_text():
    assert find_quoted("") == []
    assert find_quoted("No marks at all.\n\nNone here either.") == []
    assert find_quoted("\u201c\u201d \"\" ''") == []


_PIECES = st.sampled_from(["word", " ", "\n", "\n\n", ".", ",", '"', "\u201c", "\u201d", "\u2018", "\u2019",
                           "'", "''", "``", "\u00ab", "\u00bb", "\u201e", "don't", "A"])


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, max_size=40))
def test_any_mix_of_marks_gives_ordered_disjoint_stretches(pieces):
    text = "".join(pieces)
    qs = find_quoted(text)
    for q in qs:
        assert 0 <= q.open_mark < q.start <= q.end <= len(text)
        assert q.close_mark is None or q.end <= q.close_mark < len(text)
        assert text[q.start:q.end].strip()
    for a, b in zip(qs, qs[1:]):
        assert a.end <= b.open_mark
