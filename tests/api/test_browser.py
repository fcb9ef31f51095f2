"""The web UI in a real headless Chromium (Debian's), over articles ingested by the real
pipeline: search, open the article, see its quotes highlighted, follow the speaker to
the entity page, see the chart.  Screenshots go to tests/artifacts/."""
import pathlib
import shutil
import subprocess

import pytest
from server import newsgraph_command, serving

ROOT = pathlib.Path(__file__).resolve().parents[2]
SEED = ROOT.parent / "shared" / "seed" / "000_2bc63dc8be47816e.txt"
ARTIFACTS = ROOT / "tests" / "artifacts"
CHROMIUM = pathlib.Path("/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"]

#: (query, article id, speaker surname): the seed when ../shared is there, else a sample.
CASE = (("Central Asia", "000_2bc63dc8be47816e", "Lavrov") if SEED.is_file()
        else ("Arusha", "001_kenya_tanzania_border_trade", "Otieno"))


@pytest.fixture(scope="module")
def url(tmp_path_factory):
    if not CHROMIUM.exists() or shutil.which("chromium") is None:
        pytest.skip("Debian's chromium is not installed (apt-get install chromium)")
    pytest.importorskip("playwright.sync_api")
    work = tmp_path_factory.mktemp("browser")
    db = str(work / "ui.duckdb")
    inputs = [str(ROOT / "samples")] + ([str(SEED)] if SEED.is_file() else [])
    subprocess.run([str(newsgraph_command()), "ingest", *inputs, "--db", db, "--workers", "1"], check=True,
                   capture_output=True, timeout=900)
    with serving(db, work / "serve.log") as base:
        yield base


@pytest.fixture(scope="module")
def page():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield browser.new_page(viewport={"width": 1366, "height": 900})
        browser.close()


def shot(page, name: str) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def test_search_article_speaker_entity_chart(url, page):
    query, article_id, surname = CASE
    page.goto(url + "/")
    page.fill("input[name=q]", query)
    page.click("form.search button[type=submit]")
    page.wait_for_selector("ol.results li.hit")
    assert page.locator("ol.results mark").count() > 0
    shot(page, "1-search")

    page.click(f"ol.results a[href='/articles/{article_id}']")
    page.wait_for_selector("article .body")
    quotes = page.locator("article .body .quote")
    assert quotes.count() >= 3
    assert quotes.first.evaluate("e => getComputedStyle(e).backgroundColor") != "rgba(0, 0, 0, 0)"
    speaker = page.locator("article .body a.speaker", has_text=surname).first
    assert speaker.count() == 1
    shot(page, "2-article")

    speaker.click()
    page.wait_for_selector("header.entity-head h1")
    assert surname in page.inner_text("header.entity-head h1")
    assert page.locator("svg.chart rect.bar").count() >= 1
    assert page.locator("section.panel li.quote-item").count() >= 1
    shot(page, "3-entity")


def test_relations_view_and_docs(url, page):
    page.goto(url + "/relations")
    assert page.locator("svg.graph circle.node").count() >= 2
    page.locator("svg.graph circle.node").nth(0).click()
    page.locator("svg.graph circle.node").nth(1).click()
    page.wait_for_selector("form.pair")
    shot(page, "4-relations")
    page.goto(url + "/docs")
    page.wait_for_selector(".swagger-ui .opblock", timeout=20_000)
    assert page.locator(".opblock").count() > 10
    shot(page, "5-api-docs")
