"""Every REST endpoint, with good and bad parameters."""
import duckdb
import pytest


def test_articles_paged_newest_first(client):
    page = client.get("/api/articles", params={"limit": 2}).json()
    assert page["total"] == 4 and page["limit"] == 2 and page["offset"] == 0
    assert [a["id"] for a in page["items"]] == ["oslo-1", "berlin-1"]
    assert [a["id"] for a in client.get("/api/articles", params={"limit": 2, "offset": 2}).json()["items"]] == [
        "moscow-2", "moscow-1"]


def test_articles_filters_and_collapse(client, ids):
    assert client.get("/api/articles", params={"source": "DW"}).json()["total"] == 1
    assert client.get("/api/articles", params={"from": "2022-06-01", "to": "2022-06-30"}).json()["total"] == 2
    assert client.get("/api/articles", params={"entity": ids["Olaf Scholz"]}).json()["total"] == 1
    assert client.get("/api/articles", params={"speaker": ids["Sergey Lavrov"]}).json()["total"] == 2
    collapsed = client.get("/api/articles", params={"collapse": "true"}).json()
    assert collapsed["total"] == 3 and max(a["copies"] for a in collapsed["items"]) == 2


def test_an_articles_record_and_its_copies(client):
    record = client.get("/api/articles/moscow-1").json()
    assert record["article"]["id"] == "moscow-1" and len(record["quotes"]) == 2
    assert [c["id"] for c in client.get("/api/articles/moscow-1/copies").json()] == ["moscow-2"]


def test_search_with_snippets_filters_and_collapse(client):
    page = client.get("/api/search", params={"q": "Central Asia"}).json()
    assert {h["id"] for h in page["items"]} == {"moscow-1", "moscow-2"}
    assert any(hit for _, hit in page["items"][0]["snippet"])
    assert client.get("/api/search", params={"q": "Central Asia", "collapse": True}).json()["total"] == 1
    assert client.get("/api/search", params={"q": "Central Asia", "source": "DW"}).json()["total"] == 0
    assert client.get("/api/search", params={"q": "Russia", "to": "2022-05-31"}).json()["total"] == 2


def test_quotes_by_speaker_about_and_text(client, ids):
    by = client.get("/api/quotes", params={"speaker": ids["Sergey Lavrov"]}).json()
    assert by["total"] == 4 and by["items"][0]["speaker"] == "Sergey Lavrov"
    about = client.get("/api/quotes", params={"about": ids["Russia"]}).json()
    assert [q["speaker"] for q in about["items"]] == ["Olaf Scholz"]
    words = client.get("/api/quotes", params={"q": "integration"}).json()
    assert words["total"] == 2 and all(q["score"] > 0 for q in words["items"])
    assert client.get("/api/quotes", params={"kind": "indirect"}).json()["total"] == 0


def test_entities_list_card_mentions_company_timeline(client, ids):
    listed = client.get("/api/entities", params={"q": "scholz"}).json()["items"]
    assert [e["name"] for e in listed] == ["Olaf Scholz"]
    lavrov = ids["Sergey Lavrov"]
    card = client.get(f"/api/entities/{lavrov}").json()
    assert card["aliases"] == ["Lavrov", "Sergey Lavrov"] and card["quotes_by"] == 4
    mentions = client.get(f"/api/entities/{lavrov}/mentions", params={"limit": 2}).json()
    assert mentions["total"] == 5 and len(mentions["items"]) == 2
    company = client.get(f"/api/entities/{lavrov}/cooccurring").json()
    assert {c["name"] for c in company} == {"Russia", "Central Asia", "Kazakhstan"}
    assert client.get(f"/api/entities/{lavrov}/timeline").json() == [{"period": "2022-05-01", "count": 5}]


def test_amounts_and_events(client, ids):
    amounts = client.get("/api/amounts", params={"unit": "USD"}).json()
    assert amounts["total"] == 2 and amounts["items"][0]["value"] == 30.5e9
    by_scholz = client.get("/api/amounts", params={"speaker": ids["Olaf Scholz"]}).json()
    assert by_scholz["items"][0]["object"] == "gas imports"
    events = client.get("/api/events", params={"actor": ids["Kazakhstan"]}).json()
    assert events["total"] == 2 and events["items"][0]["code"] == "061"
    assert client.get("/api/events", params={"root": "03"}).json()["total"] == 3
    # by CAMEO actor code prefix, or a country's ISO code
    by_russia = client.get("/api/events", params={"source_actor": "RU"}).json()
    assert by_russia["total"] == 4 and {e["source_actor"] for e in by_russia["items"]} == {"RUS", "RUSGOV"}
    assert client.get("/api/events", params={"source_actor": "RUSGOV", "target_actor": "KAZ"}).json()["total"] == 2


def test_timelines_and_relations(client, ids):
    assert client.get("/api/timeline", params={"interval": "month"}).json() == [
        {"period": "2022-05-01", "count": 2}, {"period": "2022-06-01", "count": 2}]
    assert client.get("/api/timeline", params={"q": "sanctions", "interval": "year"}).json() == [
        {"period": "2022-01-01", "count": 1}]
    graph = client.get("/api/relations").json()
    assert {"source": ids["Olaf Scholz"], "target": ids["Russia"], "kind": "quote", "weight": 1,
            "goldstein": None} in graph["edges"]
    tone = client.get("/api/relations/tone", params={"a": ids["Germany"], "b": ids["Russia"]}).json()
    assert tone[0]["events_a_to_b"] == {"value": -2.0, "count": 1}


def test_stats_and_openapi(client):
    assert client.get("/api/stats").json()["articles"] == 4
    schema = client.get("/openapi.json").json()
    assert {"/api/search", "/api/articles", "/api/quotes", "/api/entities/{entity_id}"} <= set(schema["paths"])
    docs = client.get("/docs").text
    assert "swagger-ui" in docs and "cdn" not in docs.lower()


@pytest.mark.parametrize("path, params", [
    ("/api/search", {}),                                  # q is required
    ("/api/search", {"q": ""}),                           # and not empty
    ("/api/search", {"q": "x", "limit": 0}),
    ("/api/search", {"q": "x", "limit": 10_000}),
    ("/api/articles", {"offset": -1}),
    ("/api/articles", {"from": "yesterday"}),
    ("/api/articles", {"from": "2022-06-01", "to": "2022-05-01"}),
    ("/api/timeline", {"interval": "fortnight"}),
    ("/api/events", {"root": "cooperate"}),
    ("/api/quotes", {"kind": "rumour"}),
    ("/api/relations/tone", {"a": "E1"}),
    ("/api/relations", {"max_nodes": 1}),
])
def test_bad_parameters_are_422_json(client, path, params):
    response = client.get(path, params=params)
    assert response.status_code == 422
    assert response.headers["content-type"].startswith("application/json") and "detail" in response.json()


@pytest.mark.parametrize("path", ["/api/articles/nope", "/api/articles/nope/copies", "/api/entities/nope",
                                  "/api/entities/nope/mentions", "/api/entities/nope/cooccurring",
                                  "/api/entities/nope/timeline", "/api/nowhere"])
def test_unknown_things_are_404_json(client, path):
    response = client.get(path)
    assert response.status_code == 404 and response.json()["detail"]


def test_tone_with_an_unknown_entity_is_404(client, ids):
    assert client.get("/api/relations/tone", params={"a": ids["Russia"], "b": "nope"}).status_code == 404


@pytest.mark.parametrize("body", [[], {"text": "not a list"}, [{"title": "no text"}], [{"text": ""}],
                                  [{"text": "x", "published": "last Tuesday"}], [{"text": "x"}] * 101])
def test_bad_posts_are_422_json(client, body):
    response = client.post("/api/articles", json=body)
    assert response.status_code == 422 and "detail" in response.json()



def test_a_store_out_of_memory_answers_503_with_retry_after(client, monkeypatch):
    class Full:
        def execute(self, sql, params=()):
            raise duckdb.OutOfMemoryException("Out of Memory Error: failed to pin block of size 256.0 KiB")

    monkeypatch.setattr(client.app.state.store, "_reader", Full)
    api, page = client.get("/api/search", params={"q": "Russia"}), client.get("/", params={"q": "Russia"})
    assert api.status_code == 503 and api.headers["retry-after"] == "1"
    assert "out of memory" in api.json()["detail"]
    assert page.status_code == 503 and "out of memory" in page.text
