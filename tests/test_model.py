import dataclasses

from newsgraph.model import (Amount, Article, Entity, Mention, Quote, Record, Repeat, Span, Theme, TimeRef, Tone,
                             next_entity_id)


def _record() -> Record:
    text = 'Ann Lee said "yes" on Monday, about $5 million.'
    return Record(
        article=Article(id="a", text=text, published="2022-05-02", meta={"source_line": 3}),
        entities=[Entity(id="e1", name="Ann Lee", type="PERSON", roles=["mayor"], mentions=[Mention(0, 7, "Ann Lee")])],
        quotes=[Quote(14, 17, "yes", kind="direct", speaker="e1", speaker_name="Ann Lee",
                      speaker_mention=Span(0, 7, "Ann Lee"), cue="said", confidence=0.9)],
        amounts=[Amount(36, 46, "$5 million", value=5e6, unit="USD", qualifier="approximately")],
        times=[TimeRef(22, 28, "Monday", value="2022-05-02", granularity="day")],
        tone=Tone(score=1.5, positive=2.0, negative=0.5, polarity=2.5),
        themes=[Theme(36, 46, "$5 million", name="economy")],
        repeats=[Repeat(Span(0, 3, "Ann"), Span(4, 7, "Lee"), 0.5)],
    )


def test_json_round_trip_keeps_every_field():
    record = _record()
    again = Record.from_json(record.to_json())
    assert again == record
    assert isinstance(again.quotes[0].speaker_mention, Span)
    assert isinstance(again.repeats[0].a, Span)


def test_json_field_names_follow_the_contract():
    d = _record().to_dict()
    assert set(d) == {"article", "entities", "quotes", "amounts", "times", "events", "tone", "themes", "repeats"}
    assert {"id", "source", "url", "title", "published", "language", "text"} <= set(d["article"])
    assert {"id", "name", "type", "kb_id", "roles", "country", "lat", "lon", "members", "mentions"} <= set(d["entities"][0])
    assert {"kind", "start", "end", "text", "speaker", "speaker_name", "speaker_mention", "cue", "medium",
            "confidence"} <= set(d["quotes"][0])
    assert {"start", "end", "text", "value", "unit", "qualifier", "object", "period", "speaker"} <= set(d["amounts"][0])
    assert {"start", "end", "text", "value", "granularity"} <= set(d["times"][0])
    assert {"score", "positive", "negative"} <= set(d["tone"])
    assert set(d["repeats"][0]) == {"a", "b", "similarity"}


def test_to_dict_is_asdict_with_nothing_shared_but_scalars():
    record = _record()
    record.article.meta["authors"] = ["A. Writer"]
    d = record.to_dict()
    assert d == dataclasses.asdict(record)
    d["entities"][0]["roles"].append("judge")
    d["article"]["meta"]["authors"].clear()
    assert record.entities[0].roles == ["mayor"] and record.article.meta["authors"] == ["A. Writer"]


def test_time_value_may_be_a_range():
    t = TimeRef(0, 4, "2010", value=["2010", "2021"], granularity="range")
    rec = Record(article=Article(id="x", text="2010"), times=[t])
    assert Record.from_json(rec.to_json()).times[0].value == ["2010", "2021"]


def test_spans_cover_every_offset_carrier():
    spans = list(_record().spans())
    # mention, quote, speaker mention, amount, time, theme, two repeat sides
    assert len(spans) == 8


def test_content_hash_ignores_id_but_not_text():
    a = Article(id="1", text="same")
    assert a.content_hash == Article(id="2", text="same").content_hash
    assert a.content_hash != Article(id="1", text="other").content_hash


def test_next_entity_id_follows_the_highest_not_the_count():
    assert next_entity_id([]) == "e1"
    assert next_entity_id([Entity(id="e2", name="London", type="GPE"), Entity(id="x", name="?", type="ORG")]) == "e3"
