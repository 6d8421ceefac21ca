"""The web app in a real browser: Debian's chromium driven by Playwright (no browser download).

Skipped when /usr/bin/chromium or the playwright package is missing; `.ci/run` installs both.
Screenshots of the timeline and of a document page go to out/screens/ for reviewers.
"""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from benchmarks.common import ROOT
from library_data import HOSTILE_NAME, build

CHROMIUM = Path("/usr/bin/chromium")
SCREENS = ROOT / "out" / "screens"

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason="chromium is not installed (/usr/bin/chromium)")
sync_api = pytest.importorskip("playwright.sync_api")


@pytest.fixture(scope="module")
def server_db(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("browser") / "lib.db"


@pytest.fixture(scope="module")
def server(server_db, analyze_text) -> Iterator[tuple[str, dict[str, int]]]:
    """The app on a free local port, served by uvicorn in a thread, over a small library."""
    import uvicorn

    from chronica.web.app import create_app

    db = server_db
    ids = build(db, analyze_text)
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    app_server = uvicorn.Server(uvicorn.Config(create_app(db), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=app_server.run, daemon=True)
    thread.start()
    while not app_server.started:
        if not thread.is_alive():
            pytest.fail("the server did not start")
        thread.join(0.05)
    yield f"http://127.0.0.1:{port}", ids
    app_server.should_exit = True
    thread.join(10)


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    with sync_api.sync_playwright() as playwright:
        instance = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"])
        yield instance
        instance.close()


@pytest.fixture()
def page(browser, server) -> Iterator[object]:
    """A page that fails the test on any dialog (alert), script error or request outside the server."""
    base, _ = server
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    page = context.new_page()
    problems: list[str] = []
    page.on("dialog", lambda dialog: (problems.append(f"dialog: {dialog.message}"), dialog.dismiss()))
    page.on("pageerror", lambda error: problems.append(f"script error: {error}"))
    page.on("request", lambda request: None if request.url.startswith((base, "data:", "file:")) else
            problems.append(f"network request: {request.url}"))
    page.problems = problems
    yield page
    context.close()
    assert problems == []


def test_timeline_item_opens_its_sentence_highlighted(page, server) -> None:
    base, ids = server
    page.goto(f"{base}/timeline")
    page.wait_for_selector("#timeline[data-loaded]")
    assert int(page.get_attribute("#timeline", "data-loaded")) >= 5
    ranged = page.locator(".vis-item.uncertain")  # "In May 1949": a month, drawn as a range
    assert ranged.count() >= 1
    SCREENS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENS / "timeline.png"))

    page.select_option("select[name=document]", str(ids["airlift.txt"]))
    # clause-level events: "imposed the blockade and cut the last rail link" are two; polls without eval (CSP)
    sync_api.expect(page.locator("#count")).to_have_text("4 dated events")
    page.locator(".vis-item", has_text="General Lucius Clay ordered").click()
    page.wait_for_url(f"**/documents/{ids['airlift.txt']}#s*")
    target = page.locator(".sent.target")
    target.wait_for()
    assert target.inner_text().startswith("General Lucius Clay ordered the first flights")
    assert page.locator("tr.event.selected").inner_text().startswith("1948-06-26")
    page.screenshot(path=str(SCREENS / "document.png"))


def test_clicking_an_event_row_scrolls_to_its_sentence(page, server) -> None:
    base, ids = server
    page.set_viewport_size({"width": 1200, "height": 400})
    page.goto(f"{base}/documents/{ids['airlift.txt']}")
    row = page.locator("tr.event", has_text="airlift ended")
    row.click()
    target = page.locator(".sent.target")
    assert target.inner_text() == "The airlift ended on 30 September 1949."
    assert target.evaluate("e => { const r = e.getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight }")
    assert page.url.endswith(f"#{row.get_attribute('data-target')}")
    assert page.locator(".sent.target mark.date").inner_text() == "30 September 1949"


def test_search_from_the_navigation_bar(page, server) -> None:
    base, ids = server
    page.goto(base)
    page.fill(".navsearch input", "Berlin blockade")
    page.press(".navsearch input", "Enter")
    page.wait_for_selector("#hits")
    first = page.locator("ol.hits li").first
    assert "Berlin blockade" in first.locator("a.hit").inner_text()
    assert "airlift.txt" in first.inner_text() and "1948-06-24" in first.inner_text()
    first.locator("a.hit").click()
    assert page.locator(".sent.target").inner_text().startswith("On 24 June 1948")


def test_hostile_document_executes_nothing(page, server, server_db, tmp_path: Path) -> None:
    """Markup in a book's text, names and file name is shown as text on every page; no dialog opens."""
    base, ids = server
    hostile = ids[HOSTILE_NAME]
    page.goto(f"{base}/documents/{hostile}")
    assert "<script>alert(1)</script>" in page.locator("#source").inner_text()
    assert page.locator("img").count() == 0
    page.locator("tr.event").first.click()
    for url in ("/", "/people", "/quotes", "/search?q=alert", "/search?q=img", f"/documents/{hostile}/export.html"):
        page.goto(base + url)
        assert page.locator("img").count() == 0, url
    from chronica.library import load, open_library
    from chronica.writers.html import render

    conn = open_library(server_db)
    export = tmp_path / "hostile.html"
    export.write_text(render(load(conn, hostile)), encoding="utf-8")
    conn.close()
    page.goto(export.as_uri())  # the export opened from disk: no server, no CSP header
    assert "<script>alert(1)</script>" in page.locator("#source").inner_text()
    assert page.locator("img").count() == 0
    page.locator("tr.event").first.click()
    assert page.locator(".sent.target").count() == 1  # its own script runs
    page.goto(f"{base}/timeline?document={hostile}")
    page.wait_for_selector("#timeline[data-loaded]")
    assert page.locator(".vis-item", has_text="<script>alert(1)</script>").count() >= 1
    assert page.locator(".vis-item img").count() == 0
    person = page.locator("select[name=person] option", has_text="onerror").get_attribute("value")
    page.goto(f"{base}/entities/{person}")
    assert page.locator("h1").inner_text().startswith('"><img src=x onerror=alert(2)>')
    page.wait_for_timeout(300)  # give a smuggled onerror handler time to fire (the page fixture checks)


def test_map_draws_the_bundled_outline_and_located_places(page, server) -> None:
    base, _ = server
    page.goto(f"{base}/map")
    page.wait_for_selector("#map[data-loaded]")
    outline = page.locator("#map path")
    outline.nth(100).wait_for(state="attached")  # countries drawn, plus the marker
    assert int(page.get_attribute("#map", "data-loaded")) >= 1  # Paris, and what the gazetteer locates
    assert " of " in page.inner_text("#unlocated")
