"""Arbitrary text through ``extract`` with every component in the pipeline: a Record
always comes out, every span's offsets are right, and the Record survives JSON."""
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from texts import any_text, fragment

from newsgraph.extract import extract
from newsgraph.model import Article, Record
from newsgraph.nlp.pipeline import MAX_CHARS

FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                        HealthCheck.too_slow])


def check(record, text: str) -> None:
    assert isinstance(record, Record), f"failed in stage {record.stage}: {record.message}"
    assert record.article.text == text
    for span in record.spans():
        assert 0 <= span.start <= span.end <= len(text), span
        assert span.text == text[span.start:span.end], span
    ids = {e.id for e in record.entities}
    for q in record.quotes:
        assert q.speaker is None or q.speaker in ids
    assert Record.from_json(record.to_json()) == record


@FUZZ
@given(texts=st.lists(any_text, min_size=1, max_size=4))
def test_any_text_gives_a_record_with_valid_offsets(nlp, texts):
    articles = [Article(id=f"f{i}", text=t, published="2022-05-05T16:30:00") for i, t in enumerate(texts)]
    results = list(extract(articles, nlp=nlp))
    assert len(results) == len(articles)
    for result, article in zip(results, articles):
        check(result, article.text)
        assert result.article.id == article.id


@settings(max_examples=2, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(parts=st.lists(fragment, min_size=20, max_size=60))
def test_a_megabyte_of_it_is_chunked_and_offsets_stay_right(nlp, parts):
    # Long runs without spaces keep a megabyte cheap to parse while every chunk still
    # carries the fuzzed fragments at varying offsets.
    unit = "".join(parts) + " " + "x" * 5000 + "\n"
    text = (unit * (1_000_000 // len(unit) + 1))[:1_000_000]
    assert len(text) > 5 * MAX_CHARS
    (record,) = extract([Article(id="mb", text=text)], nlp=nlp)
    check(record, text)
