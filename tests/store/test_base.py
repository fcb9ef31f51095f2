import pytest

from newsgraph.model import Amount, Article, Entity, Event, Mention, Quote, Record, Span, TimeRef, Theme
from newsgraph.store.base import ReadOnlyError, TooManyRows

TEXT = 'Ann Lee said "taxes rise 5%" on Monday in Oslo.'


def record(aid: str = "a1", text: str = TEXT, **article) -> Record:
    return Record(
        article=Article(id=aid, text=text, published="2022-05-02T10:00:00", **article),
        entities=[Entity(id="e1", name="Ann Lee", type="PERSON", roles=["mayor"], mentions=[Mention(0, 7, "Ann Lee")]),
                  Entity(id="e2", name="Oslo", type="GPE", country="NO", mentions=[Mention(42, 46, "Oslo")])],
        quotes=[Quote(14, 27, "taxes rise 5%", speaker="e1", speaker_name="Ann Lee",
                      speaker_mention=Span(0, 7, "Ann Lee"), cue="said")],
        amounts=[Amount(25, 27, "5%", value=5, unit="percent", speaker="e1")],
        times=[TimeRef(32, 38, "Monday", value="2022-05-02", granularity="day")],
        events=[Event(0, 12, "Ann Lee said", source="e1", target="e2", code="010", root="01")],
        themes=[Theme(14, 19, "taxes", name="taxation")],
    )


def counts(store) -> dict:
    return {k: v for k, v in store.stats().items() if not k.startswith("published")}


def test_every_table_gets_its_rows(store):
    assert store.add_records([record()]).stored == 1
    c = counts(store)
    assert c == {"articles": 1, "entities": 2, "mentions": 2, "quotes": 1, "amounts": 1, "times": 1,
                 "events": 1, "themes": 1, "failures": 0}


def test_adding_the_same_content_twice_stores_it_once(store):
    store.add_records([record()])
    again = store.add_records([record(), record("copy-with-other-id")])
    assert (again.stored, again.skipped) == (0, 2)
    assert counts(store)["articles"] == 1 and counts(store)["mentions"] == 2


def test_an_id_with_new_content_replaces_the_old_rows(store):
    store.add_records([record()])
    res = store.add_records([record(text=TEXT.replace("Oslo", "Bergen").replace("Monday", "Sunday"))])
    assert res.replaced == 1
    assert counts(store)["articles"] == 1 and counts(store)["quotes"] == 1


def test_entities_are_shared_across_articles(store):
    other = "Ann Lee visited Oslo again, and said nothing new."
    rec2 = Record(article=Article(id="a2", text=other),
                  entities=[Entity(id="e1", name="Ann Lee", type="PERSON", roles=["councillor"],
                                   mentions=[Mention(0, 7, "Ann Lee")])])
    store.add_records([record(), rec2])
    _, rows = store.query("SELECT name, roles FROM entities WHERE type = 'PERSON'")
    assert len(rows) == 1 and set(__import__("json").loads(rows[0][1])) == {"mayor", "councillor"}


def test_a_broken_article_fails_alone_and_leaves_no_rows(store):
    bad = record("bad", text="Another text entirely, long enough.")
    bad.quotes[0].speaker_mention = "not a span"  # breaks at write time
    good = record("good", text=TEXT + " More.")
    res = store.add_records([bad, good])
    assert res.stored == 1 and [f.stage for f in res.failed] == ["store"]
    _, rows = store.query("SELECT article_id FROM quotes")
    assert rows == [("good",)]
    assert counts(store)["failures"] == 1


def test_record_round_trips_through_the_store(store):
    store.add_records([record()])
    assert store.record("a1") == record()
    assert store.record("missing") is None


@pytest.mark.parametrize("sql", [
    "DELETE FROM articles",
    "INSERT INTO failures VALUES ('f', 1, 's', 'e', now())",
    "DROP TABLE articles",
    "SELECT 1; DELETE FROM articles",
    "CREATE TABLE x AS SELECT 1",
    "not sql at all",
])
def test_user_sql_cannot_change_the_store(store, sql):
    store.add_records([record()])
    with pytest.raises(ReadOnlyError):
        store.query(sql)
    assert counts(store)["articles"] == 1


def test_user_sql_select_works(store):
    store.add_records([record()])
    cols, rows = store.query("SELECT id, title FROM articles")
    assert cols == ["id", "title"] and rows == [("a1", None)]


def test_users_sql_answers_up_to_the_row_cap_and_refuses_more(store):
    sql = "SELECT n FROM (VALUES (1), (2), (3)) AS t(n) ORDER BY n"
    assert store.query(sql, max_rows=3)[1] == [(1,), (2,), (3,)]
    with pytest.raises(TooManyRows, match="more than 2 rows; add a LIMIT"):
        store.query(sql, max_rows=2)
