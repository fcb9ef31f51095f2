"""Server safety: writes need the token, bodies are bounded, no CORS unless configured,
security headers, article text escaped in every page, loopback by default."""
import shutil
from pathlib import Path

import httpx
import psutil
import pytest
from fastapi.testclient import TestClient
from server import AUTH, TOKEN, serving

from newsgraph.api.app import create_app
from newsgraph.api.security import CSP, Security
from newsgraph.store import open_store

XSS = "<script>alert(1)</script>"
IMG = "<img src=x onerror=alert(2)>"
POSTED = {
    "id": "xss-1",
    "title": f"Headline {XSS}",
    "source": f"Wire {XSS}",
    "published": "2024-05-06T10:00:00",
    "text": (f'{XSS} The mayor of Oslo, Ann Lee, said on Monday that "{XSS} is not a quote, {IMG}" and that '
             f"the city would spend $5 million on roads. {IMG} Ann Lee met Omar Haddad in Oslo."),
}
CHROMIUM = Path("/usr/bin/chromium")


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> str:
    path = str(tmp_path_factory.mktemp("security") / "s.duckdb")
    open_store(path).close()
    return path


def client(db: str, **settings) -> TestClient:
    return TestClient(create_app(db, refresh_search=False, security=Security(**settings)))


def test_without_a_configured_token_every_write_is_refused(db):
    with client(db) as c:
        assert c.get("/api/stats").status_code == 200
        for headers in ({}, AUTH):
            response = c.post("/api/articles", json=[{"text": "x"}], headers=headers)
            assert response.status_code == 403 and "NEWSGRAPH_TOKEN" in response.json()["detail"]


@pytest.mark.parametrize("headers", [{}, {"Authorization": "Bearer wrong"}, {"Authorization": f"Basic {TOKEN}"},
                                     {"Authorization": TOKEN}, {"Authorization": f"Bearer {TOKEN}x"},
                                     {"X-Token": TOKEN}])
def test_writes_need_the_right_bearer_token(db, headers):
    with client(db, token=TOKEN) as c:
        response = c.post("/api/articles", json=[], headers=headers)
        assert response.status_code == 401 and response.headers["www-authenticate"] == "Bearer"
        for method in ("PUT", "PATCH", "DELETE"):
            assert c.request(method, "/api/articles/a1", headers=headers).status_code == 401


def test_the_right_token_passes_the_guard(db):
    with client(db, token=TOKEN) as c:
        # An empty list fails validation (422) after the guard let it through: nothing is extracted.
        assert c.post("/api/articles", json=[], headers=AUTH).status_code == 422
        assert c.post("/api/articles", json=[], headers={"Authorization": f"bearer  {TOKEN} "}).status_code == 422


def test_bodies_over_the_limit_are_refused_before_they_are_read(db):
    big = [{"text": "x" * 3000}]
    with client(db, token=TOKEN, max_body=2000) as c:
        declared = c.post("/api/articles", json=big, headers=AUTH)
        assert declared.status_code == 413 and "2000 bytes" in declared.json()["detail"]
        chunks = (b'[{"text": "' + b"x" * 1000, b"x" * 1000, b"x" * 1000 + b'"}]')
        streamed = c.post("/api/articles", content=iter(chunks), headers={**AUTH, "Content-Type": "application/json"})
        assert streamed.status_code == 413 and streamed.json()["detail"]
        assert c.post("/api/articles", json=[], headers=AUTH).status_code == 422  # within the limit


def test_cors_is_off_unless_origins_are_configured(db):
    origin = {"Origin": "http://elsewhere.example"}
    preflight = {**origin, "Access-Control-Request-Method": "POST", "Access-Control-Request-Headers": "authorization"}
    with client(db, token=TOKEN) as c:
        assert "access-control-allow-origin" not in c.get("/api/stats", headers=origin).headers
        assert "access-control-allow-origin" not in c.options("/api/articles", headers=preflight).headers
    with client(db, token=TOKEN, cors_origins=("http://ok.example",)) as c:
        ok = c.get("/api/stats", headers={"Origin": "http://ok.example"})
        assert ok.headers["access-control-allow-origin"] == "http://ok.example"
        assert "access-control-allow-origin" not in c.get("/api/stats", headers=origin).headers


def test_browsers_get_security_headers(db):
    with client(db) as c:
        page = c.get("/")
        assert page.status_code == 200
        assert page.headers["x-content-type-options"] == "nosniff"
        assert page.headers["x-frame-options"] == "DENY"
        assert page.headers["content-security-policy"] == CSP
        docs = c.get("/docs")  # Swagger UI starts with an inline script
        assert docs.status_code == 200 and "content-security-policy" not in docs.headers


def test_settings_come_from_the_environment(monkeypatch):
    monkeypatch.setenv("NEWSGRAPH_TOKEN", "t0k")
    monkeypatch.setenv("NEWSGRAPH_MAX_BODY", "1234")
    monkeypatch.setenv("NEWSGRAPH_CORS_ORIGINS", "http://a.example, http://b.example")
    assert Security.from_env() == Security("t0k", 1234, ("http://a.example", "http://b.example"))
    for name in ("NEWSGRAPH_TOKEN", "NEWSGRAPH_MAX_BODY", "NEWSGRAPH_CORS_ORIGINS"):
        monkeypatch.delenv(name)
    assert Security.from_env() == Security()


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    """A real ``newsgraph serve`` (default host) holding the posted article."""
    work = tmp_path_factory.mktemp("served")
    db = str(work / "xss.duckdb")
    open_store(db).close()
    with serving(db, work / "serve.log") as url:
        response = httpx.post(url + "/api/articles", json=[POSTED], headers=AUTH, timeout=600)
        assert response.status_code == 201 and response.json()["stored"] == 1, response.text
        yield url


def test_the_server_listens_on_loopback_only_by_default(served):
    port = httpx.URL(served).port
    listening = [c for c in psutil.net_connections("tcp") if c.status == psutil.CONN_LISTEN and c.laddr.port == port]
    assert listening and {c.laddr.ip for c in listening} == {"127.0.0.1"}


def test_article_text_is_escaped_in_every_page(served):
    record = httpx.get(f"{served}/api/articles/xss-1").json()
    entities = [f"/entities/{e['id']}" for e in httpx.get(f"{served}/api/entities").json()["items"]]
    assert entities, "the article's entities should be listed"
    pages = ["/articles/xss-1", "/?q=Oslo", "/?kind=quotes", "/?q=mayor&kind=quotes", "/", "/entities",
             "/relations", "/about", *entities]
    for path in pages:
        response = httpx.get(served + path, timeout=60)
        assert response.status_code == 200, path
        body = response.text
        assert XSS not in body and "<img src=x" not in body, path
    article = httpx.get(served + "/articles/xss-1").text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in article
    assert XSS in record["article"]["text"]  # stored as given; only rendering escapes


def test_no_script_of_an_article_runs_in_a_browser(served):
    if not CHROMIUM.exists() or shutil.which("chromium") is None:
        pytest.skip("Debian's chromium is not installed (apt-get install chromium)")
    sync_api = pytest.importorskip("playwright.sync_api")
    dialogs = []
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM),
                                    args=["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run"])
        page = browser.new_page()
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        for path in ("/articles/xss-1", "/?q=Oslo", "/?kind=quotes"):
            page.goto(served + path)
            page.wait_for_load_state("load")
        page.goto(served + "/articles/xss-1")
        shown = page.inner_text("body")
        browser.close()
    assert dialogs == []
    assert XSS in shown  # the text is shown as text
