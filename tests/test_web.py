"""The web app through FastAPI's test client: pages, JSON API, uploads, escaping, no network."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from chronica.web.app import create_app
from chronica.writers.html import render as export_html
from library_data import AIRLIFT, HOSTILE_NAME, IMG, SCRIPT, build

PAGES = ["/", "/timeline", "/people", "/places", "/quotes", "/map", "/search?q=blockade", "/search", "/docs"]


@pytest.fixture(scope="module")
def site(tmp_path_factory, analyze_text) -> tuple[TestClient, dict[str, int], Path]:
    db = tmp_path_factory.mktemp("web") / "lib.db"
    ids = build(db, analyze_text)
    return TestClient(create_app(db)), ids, db


def _all_pages(client: TestClient, ids: dict[str, int]) -> dict[str, str]:
    urls = PAGES + [f"/documents/{i}" for i in ids.values()]
    urls += [f"/entities/{e['id']}" for e in client.get("/api/people").json() + client.get("/api/places").json()]
    urls += [f"/search?q={q}" for q in ("script", "alert", "img", "council")]
    pages = {}
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        assert response.headers["content-type"].startswith("text/html"), url
        pages[url] = response.text
    return pages


def test_every_page_renders_and_needs_no_network(site) -> None:
    client, ids, _ = site
    for url, page in _all_pages(client, ids).items():
        assert not re.search(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//""", page), url
    for asset in ("vendor/vis-timeline-graph2d.min.js", "vendor/leaflet.js", "vendor/countries-110m.json",
                  "vendor/swagger-ui-bundle.js", "document.js", "timeline.js", "map.js", "chronica.css"):
        assert client.get(f"/static/{asset}").status_code == 200, asset


def test_document_strings_are_escaped_everywhere(site) -> None:
    client, ids, _ = site
    pages = _all_pages(client, ids)
    for url, page in pages.items():
        assert SCRIPT not in page and IMG not in page and "<img src=x" not in page, url
        assert "alert(1)</script>" not in page, url
    document = pages[f"/documents/{ids[HOSTILE_NAME]}"]
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in document
    assert "&#34;&gt;&lt;img src=x onerror=alert(2)&gt;" in document
    assert "script-src 'self'" in client.get("/").headers["content-security-policy"]


def test_document_page_is_the_html_export_view(site) -> None:
    """The web page and the export render the same template: equal once the web app's links are removed."""
    client, ids, _ = site
    for document_id in ids.values():
        page = client.get(f"/documents/{document_id}").text
        exported = client.get(f"/documents/{document_id}/export.html").text
        from chronica.library import load, open_library

        conn = open_library(site[2])
        assert exported == export_html(load(conn, document_id))
        conn.close()

        def view(html: str) -> str:
            main = html[html.index('<main class="docview">'):html.index("</main>")]
            return re.sub(r"</?a\b[^>]*>", "", main)

        assert view(page) == view(exported)
        assert exported.count("<script>") == 1 and "<link" not in exported  # self-contained


def test_document_page_links_events_to_sentences(site) -> None:
    client, ids, _ = site
    page = client.get(f"/documents/{ids['airlift.txt']}").text
    analysis = client.get(f"/api/documents/{ids['airlift.txt']}").json()
    assert analysis["text"] == AIRLIFT
    for event in analysis["events"]:
        assert f'data-target="s{event["sentence_start"]}"' in page and f'id="s{event["sentence_start"]}"' in page
    assert '<mark class="date">24 June 1948</mark>' in page


def test_json_api(site) -> None:
    client, ids, _ = site
    documents = client.get("/api/documents").json()
    assert {d["name"] for d in documents} == set(ids)
    timeline = client.get("/api/timeline").json()
    assert [e["earliest"] for e in timeline] == sorted(e["earliest"] for e in timeline)
    stalin = next(p for p in client.get("/api/people").json() if p["name"] == "Joseph Stalin")
    assert stalin["books"] == 1
    only = client.get("/api/timeline", params={"person": stalin["id"]}).json()
    assert only and {e["document_id"] for e in only} == {ids["moscow.txt"]}
    assert {e["document_id"] for e in client.get("/api/timeline", params={"document": ids["airlift.txt"]}).json()} \
        == {ids["airlift.txt"]}
    paris = next(p for p in client.get("/api/places").json() if p["name"] == "Paris")
    assert (paris["lat"], paris["lon"]) == (48.8566, 2.3522)
    person = client.get(f"/api/entities/{stalin['id']}").json()
    assert "Stalin" in person["aliases"] and person["books"][0]["id"] == ids["moscow.txt"]
    hits = client.get("/api/search", params={"q": "Berlin blockade"}).json()
    assert hits[0]["document_id"] == ids["airlift.txt"] and hits[0]["date"] == "1948-06-24"
    quotes = client.get("/api/quotes").json()
    assert any(q["text"] == "“We are going to stay,”" for q in quotes)
    assert client.get("/api/documents/999").status_code == 404
    assert client.get("/api/entities/999").json() == {"detail": "no such person or place"}
    assert client.get("/api/timeline", params={"person": "x"}).status_code == 422
    paths = client.get("/openapi.json").json()["paths"]
    assert {"/api/documents", "/api/timeline", "/api/search", "/api/people", "/api/places"} <= set(paths)


def test_missing_pages_are_html_404s(site) -> None:
    client, _, _ = site
    response = client.get("/documents/999")
    assert response.status_code == 404 and "no such document" in response.text
    assert client.get("/static/../cli.py").status_code == 404


def test_upload_analyzes_and_stores_once(tmp_path: Path, analyze_text) -> None:
    db = tmp_path / "lib.db"
    build(db, analyze_text)
    client = TestClient(create_app(db, max_upload=2000))
    text = "On 1 October 1949 Mao Zedong proclaimed the People's Republic in Beijing.\n"
    response = client.post("/upload", files={"file": ("../../mao.txt", text.encode(), "text/plain")},
                           follow_redirects=False)
    assert response.status_code == 303
    document_id = int(response.headers["location"].rsplit("/", 1)[1])
    stored = client.get(f"/api/documents/{document_id}").json()
    assert stored["text"] == text and stored["source"]["path"] == "mao.txt"
    assert stored["events"][0]["date"]["value"] == "1949-10-01"
    assert not (tmp_path.parent / "mao.txt").exists()
    again = client.post("/api/documents", files={"file": ("copy.txt", text.encode(), "text/plain")})
    assert again.status_code == 201 and again.json() == {"id": document_id}


@pytest.mark.parametrize("name, content, status, message", [
    ("big.txt", b"words " * 1000, 413, "too large"),
    ("tool.exe", b"MZ\x90\x00", 415, "unsupported file type"),
    ("picture.txt", b"\x89PNG\r\n\x1a\n" + bytes(100), 400, "binary file"),
    ("empty.txt", b"", 400, "empty file"),
])
def test_bad_uploads_are_refused(tmp_path: Path, name: str, content: bytes, status: int, message: str) -> None:
    from chronica.library import open_library

    db = tmp_path / "lib.db"
    open_library(db, create=True).close()
    client = TestClient(create_app(db, max_upload=2000))
    response = client.post("/api/documents", files={"file": (name, content, "application/octet-stream")})
    assert response.status_code == status and message in response.json()["detail"]
    page = client.post("/upload", files={"file": (name, content, "application/octet-stream")})
    assert page.status_code == status and message in page.text
    assert client.get("/api/documents").json() == []


def test_serve_binds_to_localhost_by_default() -> None:
    from chronica.cli import serve

    assert {p.name: p.default for p in serve.params}["host"] == "127.0.0.1"
