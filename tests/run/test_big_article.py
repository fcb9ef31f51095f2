"""A multi-megabyte article goes through in chunks: one Record, offsets right, nothing cut."""
from newsgraph.extract import extract
from newsgraph.model import Article
from newsgraph.nlp.pipeline import MAX_CHARS

PARA = "Angela Merkel met Emmanuel Macron in Paris on Monday. Merkel said the talks were useful.\n\n"
#: Long tokens make megabytes cheap to parse while still forcing many chunks.
FILLER = " ".join(["z" * 2000] * 50) + "\n\n"
LAST = "Finally Boris Johnson arrived in London."


def test_a_two_megabyte_article_is_one_record_with_valid_offsets(nlp):
    text = (PARA + FILLER) * 20 + LAST
    assert len(text) > 2_000_000 > 10 * MAX_CHARS
    results = list(extract([Article(id="big", text=text)], nlp=nlp, batch_size=8))
    assert len(results) == 1
    (record,) = results
    assert record.article.text == text
    for span in record.spans():
        assert 0 <= span.start <= span.end <= len(text)
        assert span.text == text[span.start:span.end]
    by_name = {e.name: e for e in record.entities}
    assert len(by_name["Angela Merkel"].mentions) == 40  # every chunk's mentions, one entity
    assert by_name["Angela Merkel"].mentions[-1].start > len(text) - len(PARA + FILLER + LAST)
    assert {m.start for m in by_name["London"].mentions} == {len(text) - len("London.")}


def test_articles_around_a_big_one_keep_their_order(nlp):
    small = [Article(id=f"s{i}", text=PARA) for i in range(3)]
    big = Article(id="big", text=(PARA + FILLER) * 3)
    out = list(extract([small[0], big, small[1], small[2]], nlp=nlp, batch_size=2))
    assert [r.article.id for r in out] == ["s0", "big", "s1", "s2"]
