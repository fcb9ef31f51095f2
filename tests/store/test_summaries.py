"""Per-entity summaries stay equal to what the stored rows say, through adds, replacements
and rebuilds, on every backend."""
import datetime as dt
from collections import Counter

import sample_corpus

from newsgraph.model import Entity
from newsgraph.resolve.corpus import corpus_id
from newsgraph.store import open_store, summaries
from newsgraph.store.queries import articles, quotes
from newsgraph.store.queries.common import Filters
from newsgraph.store.queries.timeline import mention_timeline


def sample_corpus_ids(*names: str) -> tuple[str, ...]:
    types = {"Sergey Lavrov": "PERSON", "Kazakhstan": "GPE", "Russia": "GPE"}
    return tuple(corpus_id(Entity(id="x", name=n, type=types[n])) for n in names)


def counted(store) -> dict[str, Counter]:
    """The four summaries recomputed in Python from the per-article rows."""
    rows = lambda sql: [tuple(r.values()) for r in store.fetch(sql)]  # noqa: E731
    linked = set(rows("SELECT article_id, entity_id FROM article_entities"))
    mentions = rows("SELECT m.article_id, m.entity_id, m.start_char, m.end_char, CAST(a.published_at AS DATE) "
                    "FROM mentions m JOIN articles a ON a.id = m.article_id")
    quotes = rows("SELECT article_id, idx, start_char, end_char, speaker_id FROM quotes")
    about = {(q[0], q[1], m[1]) for q in quotes for m in mentions if m[0] == q[0] and q[2] <= m[2] and m[3] <= q[3]}
    stats: Counter = Counter()
    for _, entity in linked:
        stats[entity, "articles"] += 1
    for m in mentions:
        stats[m[1], "mentions"] += 1
    for q in quotes:
        if q[4]:
            stats[q[4], "quotes_by"] += 1
    for _, _, entity in about:
        stats[entity, "quotes_about"] += 1
    by_article: dict[str, set] = {}
    for article, entity in linked:
        by_article.setdefault(article, set()).add(entity)
    pairs = Counter((x, y) for company in by_article.values() for x in company for y in company if x != y)
    return {"stats": stats, "pairs": pairs, "about": Counter(about),
            "days": Counter((m[1], str(m[4])) for m in mentions if m[4] is not None)}


def stored(store) -> dict[str, Counter]:
    # Nothing but the MERGE keeps a total's key unique on DuckDB: a second row would vanish
    # in the dicts below, so look for one first.
    for table, (keys, _, _) in summaries.TOTALS.items():
        key = ", ".join(keys)
        assert not store.fetch(f"SELECT {key} FROM {table} GROUP BY {key} HAVING count(*) > 1"), table
    stats: Counter = Counter()
    for r in store.fetch("SELECT * FROM entity_stats"):
        for column in ("articles", "mentions", "quotes_by", "quotes_about"):
            if r[column]:
                stats[r["entity_id"], column] = r[column]
    return {"stats": stats,
            "pairs": Counter({(r["entity_id"], r["other_id"]): r["articles"]
                              for r in store.fetch("SELECT * FROM entity_pairs")}),
            "about": Counter((r["article_id"], r["idx"], r["entity_id"])
                             for r in store.fetch("SELECT * FROM quote_entities")),
            "days": Counter({(r["entity_id"], str(r["day"])): r["mentions"]
                             for r in store.fetch("SELECT * FROM entity_days")})}


def test_summaries_follow_every_write(store):
    records = sample_corpus.records()
    store.add_records(records[:2])
    assert stored(store) == counted(store)
    store.add_records(records)  # two already stored: skipped, not counted twice
    assert stored(store) == counted(store)
    assert stored(store)["pairs"][sample_corpus_ids("Sergey Lavrov", "Kazakhstan")] == 2  # moscow-1 and -2



def test_an_article_replaced_by_an_edited_version_is_counted_once(store):
    store.add_records(sample_corpus.records())
    before = stored(store)
    edited = sample_corpus.moscow("moscow-1", sample_corpus.MOSCOW + " (Updated.)", "2022-05-05T16:30:00", "TASS")
    assert store.add_records([edited]).replaced == 1
    assert stored(store) == counted(store) == before


def test_a_replaced_article_is_counted_out_and_emptied_totals_go(store):
    store.add_records(sample_corpus.records())
    lavrov, kazakhstan = sample_corpus_ids("Sergey Lavrov", "Kazakhstan")
    # moscow-2 comes again with other content: Oslo's text, entities and no quotes.
    oslo = sample_corpus.build("moscow-2", sample_corpus.OSLO + " Again.", "2022-06-14T08:00:00", "NRK",
                               {"Oslo": ("GPE", ["Oslo"])})
    assert store.add_records([oslo]).replaced == 1
    assert stored(store) == counted(store)
    assert stored(store)["pairs"][lavrov, kazakhstan] == 1
    # and the last article naming both goes too: their pair row is deleted, not left at 0
    store.add_records([sample_corpus.build("moscow-1", "Nothing here.", "2022-06-15", "NRK", {})])
    assert stored(store) == counted(store)
    assert not store.fetch("SELECT * FROM entity_pairs WHERE entity_id = ?", [lavrov])
    assert not store.fetch("SELECT * FROM entity_stats WHERE articles <= 0 AND mentions <= 0 AND quotes_by <= 0 "
                           "AND quotes_about <= 0")


def test_rebuild_and_an_older_store_without_summaries(store_url):
    with open_store(store_url) as store:
        store.add_records(sample_corpus.records())
        incremental = stored(store)
        summaries.rebuild(store)
        assert stored(store) == incremental
        for table in ("quote_entities", *summaries.TOTALS):
            store._execute(f"DELETE FROM {table}")
        assert summaries.missing(store)
    with open_store(store_url) as store:  # opening for writing fills them in
        assert not summaries.missing(store) and stored(store) == incremental


def test_mention_timeline_from_days_equals_the_one_from_mentions(store):
    store.add_records(sample_corpus.records())
    (russia,) = sample_corpus_ids("Russia")
    everything = Filters(date_from=dt.date(2000, 1, 1))  # a filter: read from the mentions
    for unit in ("day", "week", "month", "year"):
        assert mention_timeline(store, russia, unit) == mention_timeline(store, russia, unit, everything)
    assert mention_timeline(store, russia, "month") == [{"period": "2022-05-01", "count": 4},
                                                        {"period": "2022-06-01", "count": 2}]


def test_totals_from_the_summaries_equal_the_counted_ones(store):
    store.add_records(sample_corpus.records())
    counting = Filters(date_from=dt.date(2000, 1, 1))  # any filter makes the query count
    for (entity,) in [tuple(r.values()) for r in store.fetch("SELECT id FROM entities")] + [("E-unknown",)]:
        for role in ("speaker", "about"):
            known = quotes.quotes(store, **{role: entity}, limit=1)
            assert known.total == quotes.quotes(store, **{role: entity}, filters=counting, limit=1).total
            assert [q["idx"] for q in known.items] == \
                [q["idx"] for q in quotes.quotes(store, **{role: entity}, filters=counting, limit=1).items]
        listed = articles.list_articles(store, Filters(entity=entity), limit=2)
        assert listed.total == articles.list_articles(store, Filters(entity=entity, date_from=dt.date(2000, 1, 1)),
                                                      limit=2).total
    assert sum(quotes.quotes(store, speaker=e).total for e in sample_corpus_ids("Sergey Lavrov")) == 4
