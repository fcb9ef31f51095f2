"""The shared read queries, on every backend, over the hand-made sample corpus."""
import datetime as dt

import pytest
import sample_corpus

from newsgraph.resolve.corpus import corpus_id
from newsgraph.store.queries import amounts, articles, entities, events, quotes, relations, search, timeline
from newsgraph.store.queries.common import Filters


def eid(name: str, etype: str) -> str:
    from newsgraph.model import Entity

    return corpus_id(Entity(id="x", name=name, type=etype))


LAVROV, SCHOLZ = eid("Sergey Lavrov", "PERSON"), eid("Olaf Scholz", "PERSON")
RUSSIA, CENTRAL_ASIA, KAZAKHSTAN = eid("Russia", "GPE"), eid("Central Asia", "LOC"), eid("Kazakhstan", "GPE")


@pytest.fixture
def corpus(store):
    store.add_records(sample_corpus.records())
    store.refresh_search()
    return store


def ids(page) -> list[str]:
    return [item.get("id") or item.get("article_id") for item in page.items]


def test_copies_of_one_story_share_a_cluster_and_others_do_not(corpus):
    rows = {r["id"]: r["cluster_id"] for r in corpus.fetch("SELECT id, cluster_id FROM articles")}
    assert rows["moscow-2"] == rows["moscow-1"] == "moscow-1"
    assert rows["berlin-1"] == "berlin-1" and rows["oslo-1"] == "oslo-1"


def test_a_copy_ingested_later_joins_the_stored_cluster(store):
    first, second, *_ = sample_corpus.records()
    store.add_records([first])
    store.add_records([second])
    assert store.fetch("SELECT cluster_id FROM articles WHERE id = 'moscow-2'")[0]["cluster_id"] == "moscow-1"


def test_articles_newest_first_with_filters_and_paging(corpus):
    page = articles.list_articles(corpus, limit=2)
    assert page.total == 4 and ids(page) == ["oslo-1", "berlin-1"]
    assert ids(articles.list_articles(corpus, limit=2, offset=2)) == ["moscow-2", "moscow-1"]
    assert ids(articles.list_articles(corpus, Filters(source="DW"))) == ["berlin-1"]
    may = Filters(date_from=dt.date(2022, 5, 1), date_to=dt.date(2022, 5, 5))
    assert ids(articles.list_articles(corpus, may)) == ["moscow-1"]
    assert ids(articles.list_articles(corpus, Filters(entity=SCHOLZ))) == ["berlin-1"]
    assert ids(articles.list_articles(corpus, Filters(speaker=LAVROV))) == ["moscow-2", "moscow-1"]


def test_collapsing_keeps_one_article_per_cluster(corpus):
    page = articles.list_articles(corpus, collapse=True)
    assert page.total == 3
    assert {i["id"]: i["copies"] for i in page.items}["moscow-1"] == 2
    assert [a["id"] for a in articles.cluster(corpus, "moscow-1")] == ["moscow-2"]


def test_bm25_search_ranks_filters_collapses_and_snippets(corpus):
    page = search.search_articles(corpus, "Central Asia")
    assert set(ids(page)) == {"moscow-1", "moscow-2"}
    assert all(i["score"] > 0 for i in page.items)
    marked = [text for text, hit in page.items[0]["snippet"] if hit]
    assert "Central" in marked and "Asia" in marked
    assert ids(search.search_articles(corpus, "Central Asia", collapse=True)) == ["moscow-1"] or \
        len(search.search_articles(corpus, "Central Asia", collapse=True).items) == 1
    assert ids(search.search_articles(corpus, "sanctions")) == ["berlin-1"]
    assert search.search_articles(corpus, "sanctions", Filters(source="TASS")).total == 0
    assert search.search_articles(corpus, "zyzzyva").total == 0


def test_search_sees_articles_added_after_a_refresh(corpus):
    extra = sample_corpus.build("new-1", "Zyzzyva beetles were found in Oslo.", "2022-07-01", "NRK",
                                {"Oslo": ("GPE", ["Oslo"])})
    corpus.add_records([extra])
    corpus.refresh_search()
    assert ids(search.search_articles(corpus, "zyzzyva")) == ["new-1"]


def test_quote_search_by_words(corpus):
    page = quotes.quotes(corpus, q="sanctions")
    assert [(q["article_id"], q["speaker"]) for q in page.items] == [("berlin-1", "Olaf Scholz")]


def test_snippet_marks_query_words_in_a_window():
    text = "A " * 300 + "the talks in Geneva ended" + " B" * 300
    pieces = search.snippet(text, "talk Geneva")
    assert pieces[0] == ["\u2026", False] and pieces[-1] == ["\u2026", False]
    assert [p for p, hit in pieces if hit] == ["talks", "Geneva"]
    assert len("".join(p for p, _ in pieces)) < 300


def test_quotes_by_speaker_about_entity_and_by_text(corpus):
    by = quotes.quotes(corpus, speaker=LAVROV)
    assert by.total == 4 and {q["speaker"] for q in by.items} == {"Sergey Lavrov"}
    about = quotes.quotes(corpus, about=KAZAKHSTAN)
    assert about.total == 2 and all("Kazakhstan" in q["text"] for q in about.items)
    assert quotes.quotes(corpus, about=RUSSIA).items[0]["speaker"] == "Olaf Scholz"
    assert quotes.quotes(corpus, q="integration").total == 2
    assert quotes.quotes(corpus, speaker=SCHOLZ, about=KAZAKHSTAN).total == 0


def test_entity_card_mentions_and_cooccurrence(corpus):
    card = entities.get_entity(corpus, LAVROV)
    assert card["name"] == "Sergey Lavrov" and set(card["aliases"]) == {"Sergey Lavrov", "Lavrov"}
    assert card["roles"] == ["foreign minister"]
    assert (card["articles"], card["quotes_by"]) == (2, 4)
    assert card["mentions"] == entities.mentions(corpus, LAVROV).total == 5  # 2 + 3 in the edited copy
    company = {c["name"]: c["articles"] for c in entities.cooccurring(corpus, LAVROV)}
    assert company == {"Russia": 2, "Central Asia": 2, "Kazakhstan": 2}
    assert entities.get_entity(corpus, "E-missing") is None


def test_entity_list_ranked_and_searchable(corpus):
    page = entities.list_entities(corpus, limit=1)
    assert page.items[0]["name"] == "Russia" and page.items[0]["articles"] == 3
    assert [e["name"] for e in entities.list_entities(corpus, q="lavr").items] == ["Sergey Lavrov"]
    assert {e["name"] for e in entities.list_entities(corpus, type="PERSON").items} == {"Sergey Lavrov", "Olaf Scholz"}


def test_amounts_and_events(corpus):
    page = amounts.amounts(corpus, speaker=LAVROV)
    assert page.total == 2 and page.items[0]["value"] == 30.5e9 and page.items[0]["speaker"] == "Sergey Lavrov"
    assert amounts.amounts(corpus, q="gas").items[0]["unit"] == "percent"
    assert amounts.amounts(corpus, unit="USD").total == 2
    ev = events.events(corpus, actor=KAZAKHSTAN)
    assert ev.total == 2 and ev.items[0]["source_name"] == "Sergey Lavrov"
    assert events.events(corpus, root="03").total == 3


def test_timelines_fill_empty_periods_and_collapse(corpus):
    months = timeline.timeline(corpus, "month")
    assert months == [{"period": "2022-05-01", "count": 2}, {"period": "2022-06-01", "count": 2}]
    assert timeline.timeline(corpus, "month", collapse=True)[0]["count"] == 1
    days = timeline.timeline(corpus, "day", q="Central Asia")
    assert days == [{"period": "2022-05-05", "count": 1}, {"period": "2022-05-06", "count": 1}]
    weeks = timeline.timeline(corpus, "week", filters=Filters(entity=RUSSIA))
    assert [w["period"] for w in weeks][:2] == ["2022-05-02", "2022-05-09"] and sum(w["count"] for w in weeks) == 3
    assert timeline.mention_timeline(corpus, LAVROV, "month") == [{"period": "2022-05-01", "count": 5}]
    with pytest.raises(ValueError):
        timeline.timeline(corpus, "fortnight")


def test_relations_graph_and_tone_between_two_actors(corpus):
    g = relations.graph(corpus)
    edges = {(e["source"], e["target"], e["kind"]): e["weight"] for e in g["edges"]}
    assert edges[(LAVROV, KAZAKHSTAN, "event")] == 2
    assert edges[(LAVROV, KAZAKHSTAN, "quote")] == 2
    assert edges[(SCHOLZ, RUSSIA, "quote")] == 1
    assert {n["id"] for n in g["nodes"]} >= {LAVROV, KAZAKHSTAN, SCHOLZ, RUSSIA}
    series = relations.tone_between(corpus, LAVROV, KAZAKHSTAN, "month")
    assert series == [{"period": "2022-05-01", "events_a_to_b": {"value": 6.0, "count": 2}, "events_b_to_a": None,
                       "quotes_a_about_b": {"value": None, "count": 2}, "quotes_b_about_a": None,
                       "article_tone": {"value": 2.5, "count": 2}}]


def test_exports_stream_from_every_backend(corpus, tmp_path):
    from newsgraph.corpus import export

    counts = export.export_tables(corpus, tmp_path / "pq", "parquet")
    assert counts["articles"] == 4 and counts["mentions"] == corpus.stats()["mentions"] == 26
    assert export.export_jsonl(corpus, tmp_path / "r.jsonl") == 4
    assert export.export_gkg(corpus, tmp_path / "g.tsv") == 4
