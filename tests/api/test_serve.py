"""``newsgraph serve`` as a process: it keeps answering while articles are being added."""
import threading
import time

import httpx
import pytest
import sample_corpus
from server import AUTH, serving

from newsgraph.store import open_store

#: Fresh articles to post, each with a word no other article has.
POSTED = [{"id": f"posted-{i}", "title": f"Harbour report {i}", "source": "Test Wire",
           "published": f"2022-07-{i + 1:02d}T08:00:00",
           "text": f"Port officials in Gdansk said on Monday that cargo volumes rose {i + 3} percent, "
                   f"and that the quexotic{i} terminal would reopen. \"We expect a busy summer,\" "
                   f"harbour master Anna Nowak told reporters."} for i in range(12)]


@pytest.fixture
def url(tmp_path):
    db = str(tmp_path / "serve.duckdb")
    with open_store(db) as store:
        store.add_records(sample_corpus.records())
    with serving(db, tmp_path / "serve.log") as base:
        yield base


def test_reads_are_answered_while_a_post_is_being_ingested(url):
    done: dict = {}

    def post() -> None:
        started = time.monotonic()
        done["response"] = httpx.post(url + "/api/articles", json=POSTED, headers=AUTH, timeout=300)
        done["span"] = (started, time.monotonic())

    writer = threading.Thread(target=post)
    writer.start()
    reads = []
    while writer.is_alive():
        for path in ("/api/search?q=Russia", "/api/articles", "/"):
            t0 = time.monotonic()
            status = httpx.get(url + path, timeout=30).status_code
            reads.append((t0, time.monotonic() - t0, status))
    writer.join()
    response = done["response"]
    assert response.status_code == 201, response.text
    assert response.json()["stored"] == len(POSTED) and not response.json()["failed"]
    during = [r for r in reads if done["span"][0] <= r[0] <= done["span"][1]]
    assert len(during) >= 10 and {status for _, _, status in during} == {200}
    assert max(seconds for _, seconds, _ in during) < 2.0
    # The new articles are readable at once, and searchable after the background refresh.
    assert httpx.get(url + "/api/articles/posted-3").json()["article"]["id"] == "posted-3"
    for _ in range(100):
        if httpx.get(url + "/api/search", params={"q": "quexotic3"}).json()["total"] == 1:
            break
        time.sleep(0.3)
    else:
        pytest.fail("posted article never became searchable")
    again = httpx.post(url + "/api/articles", json=POSTED[:2], headers=AUTH, timeout=120).json()
    assert (again["stored"], again["skipped"]) == (0, 2)
