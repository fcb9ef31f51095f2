"""The server-rendered pages: they render, link, escape article text and fail as HTML."""
import re

import sample_corpus

from newsgraph.api import charts, highlight
from newsgraph.model import Article, Entity, Mention, Quote, Record, Span


def test_search_page_lists_and_searches(client):
    page = client.get("/").text
    assert "4 articles, newest first" in page
    hits = client.get("/", params={"q": "Central Asia"}).text
    assert "2 articles matching" in hits and "<mark>Central</mark>" in hits
    assert "1 article matching" in client.get("/", params={"q": "Central Asia", "collapse": "true"}).text
    quotes = client.get("/", params={"q": "sanctions", "kind": "quotes"}).text
    assert "Sanctions against Russia" in quotes and "Olaf Scholz" in quotes


def test_article_page_highlights_and_links_every_kind(client, ids):
    page = client.get("/articles/moscow-1").text
    assert page.count('class="quote quote-direct"') == 2
    assert f'<a href="/entities/{ids["Sergey Lavrov"]}" class="speaker"' in page
    assert 'class="ent ent-GPE"' in page and 'class="amount"' in page and 'class="time"' in page
    assert "Other copies of this story" in page and "/articles/moscow-2" in page


def test_entity_page_has_card_chart_quotes_and_company(client, ids):
    page = client.get(f"/entities/{ids['Sergey Lavrov']}").text
    assert "foreign minister" in page and "Also written" in page
    assert '<svg class="chart"' in page and page.count('<rect class="bar"') == 1
    assert "We cannot but applaud" in page and "Appears with" in page
    assert "Sanctions against Russia" in client.get(f"/entities/{ids['Russia']}").text  # said about Russia


def test_relations_page_draws_graph_and_tone(client, ids):
    page = client.get("/relations").text
    assert '<svg class="graph"' in page and "Sergey Lavrov" in page
    pair = client.get("/relations", params={"a": ids["Sergey Lavrov"], "b": ids["Kazakhstan"]}).text
    assert '<polyline class="series ab"' in pair
    none = client.get("/relations", params={"a": ids["Olaf Scholz"], "b": ids["Kazakhstan"]}).text
    assert "Nothing links Olaf Scholz and Kazakhstan" in none


def test_other_pages_and_html_errors(client):
    assert "Olaf Scholz" in client.get("/entities", params={"type": "PERSON"}).text
    assert ">articles<" in client.get("/about").text.replace("</td>", "<")
    missing = client.get("/articles/nope")
    assert missing.status_code == 404 and missing.headers["content-type"].startswith("text/html")
    bad = client.get("/", params={"from": "soon"})
    assert bad.status_code == 422 and "text/html" in bad.headers["content-type"] and "YYYY-MM-DD" in bad.text
    assert client.get("/", params={"q": "Russia", "from": "", "to": "", "source": ""}).status_code == 200  # a form
    invalid = client.get("/", params={"page": "0"})
    assert invalid.status_code == 400 and "text/html" in invalid.headers["content-type"]


def test_article_text_is_escaped(tmp_path):
    text = 'Mayor <b>Ann</b> said "<script>alert(1)</script> & more" today.'
    q0 = text.index('"') + 1
    record = Record(article=Article(id="x", text=text),
                    entities=[Entity(id="e1", name="Ann", type="PERSON", mentions=[Mention(9, 12, "Ann")])],
                    quotes=[Quote(q0, q0 + 33, text[q0:q0 + 33], speaker="e1", speaker_mention=Span(9, 12, "Ann"))])
    html = str(highlight.render(text, record))
    assert "<script>" not in html and "&lt;script&gt;" in html and "&lt;b&gt;" in html
    assert re.sub(r"<[^>]+>", "", html).replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&") \
        .replace("&#34;", '"') == text


def test_highlight_nests_inner_marks_in_quotes_and_drops_overlaps():
    record = sample_corpus.records()[0]
    outer, inner = highlight.marks(record)
    assert [m.kind for m in outer] == ["quote", "quote"]
    spans = [(m.start, m.end) for m in inner]
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:]))  # disjoint, in order
    speaker = record.quotes[0].speaker_mention
    assert next(m for m in inner if m.start == speaker.start).kind == "speaker"  # beats the entity mark


def test_bar_chart_scales_to_the_peak():
    chart = charts.bar_chart([{"period": "2022-01-01", "count": 2}, {"period": "2022-02-01", "count": 4}],
                             width=200, height=100)
    assert chart.peak == 4 and [b.height for b in chart.bars] == [50, 100]
    assert chart.bars[0].x < chart.bars[1].x and chart.ticks[0][1] == "2022-01-01"


def test_line_chart_is_symmetric_around_zero_and_skips_gaps():
    chart = charts.line_chart(["a", "b", "c"], {"x": ("ab", [2.0, None, -4.0])}, width=100, height=100)
    assert (chart.low, chart.high, chart.zero_y) == (-4.0, 4.0, 50)
    (line,) = chart.lines
    assert [p[2] for p in line.points] == ["a", "c"] and line.points[1][1] > chart.zero_y > line.points[0][1]


def test_a_search_shows_its_matches_over_time(client):
    page = client.get("/", params={"q": "Russia"}).text
    assert '<div class="trend"' in page and page.count('<rect class="bar"') == 2  # May and June 2022
