"""Article ids with "/", "?", "#", "%" and spaces (URLs, file paths) work in the API and
the pages, and the pages link to them so that following the link finds the article."""
import re
from urllib.parse import unquote

import pytest
import sample_corpus
from fastapi.testclient import TestClient

from newsgraph.api.app import create_app
from newsgraph.store import open_store

AWKWARD = ["https://news.example/2022/05/moscow", "wire/2022/05/moscow?x=1#top", "50% of/ a b", "a/../b"]


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    path = str(tmp_path_factory.mktemp("ids") / "ids.duckdb")
    moscow, edited, *_ = sample_corpus.records()
    with open_store(path) as store:
        for aid, source in zip(AWKWARD, [moscow, edited, moscow, edited]):
            record = sample_corpus.moscow(aid, source.article.text + f" ({aid})", source.article.published, "TASS")
            store.add_records([record])
    with TestClient(create_app(path)) as c:
        yield c


@pytest.mark.parametrize("aid", AWKWARD)
def test_the_record_of_an_id_with_slashes_and_marks(client, aid):
    encoded = "".join(f"%{b:02X}" for b in aid.encode())
    response = client.get(f"/api/articles/{encoded}")
    assert response.status_code == 200 and response.json()["article"]["id"] == aid
    copies = client.get(f"/api/articles/{encoded}/copies")
    assert copies.status_code == 200 and aid not in {c["id"] for c in copies.json()}


def test_a_raw_slash_in_the_path_is_part_of_the_id(client):
    assert client.get("/api/articles/a/b").status_code == 404  # only "a/../b" is stored
    record = client.get("/api/articles/wire/2022/05/moscow%3Fx=1%23top").json()
    assert record["article"]["id"] == "wire/2022/05/moscow?x=1#top"


def test_pages_link_to_awkward_ids_and_the_links_resolve(client):
    listing = client.get("/").text
    links = re.findall(r'href="(/articles/[^"]+)"', listing)
    assert len(links) == len(AWKWARD)
    found = set()
    for link in links:
        assert "/" not in link[len("/articles/"):] and "?" not in link and "#" not in link
        page = client.get(link)
        assert page.status_code == 200
        found.add(unquote(link[len("/articles/"):]))
        assert f'href="/api/articles/{link[len("/articles/"):]}"' in page.text
    assert found == set(AWKWARD)
