"""The HTML pages: library, document, timeline, cast, places, a person or place, quotations, map, search."""

from __future__ import annotations

import re
import sqlite3

from fastapi import APIRouter, Depends, File, HTTPException, Query, Request, UploadFile
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from chronica.library import queries
from chronica.readers import READERS
from chronica.web.common import connection, document_or_404, page, settings
from chronica.web.upload import analyze_upload
from chronica.writers import html as html_writer

router = APIRouter(include_in_schema=False)
Connection = Depends(connection)
_MARKERS = re.compile(f"[{queries.SNIPPET_START}{queries.SNIPPET_END}]")


@router.get("/", response_class=HTMLResponse)
def library_page(request: Request, conn: sqlite3.Connection = Connection) -> HTMLResponse:
    return page("library.html", documents=queries.documents(conn), stats=queries.stats(conn),
                accept=",".join(sorted(READERS)), max_mb=f"{settings(request).max_upload / (1024 * 1024):g}")


@router.post("/upload")
def upload_page(request: Request, file: UploadFile = File(...), conn: sqlite3.Connection = Connection) -> RedirectResponse:
    return RedirectResponse(f"/documents/{analyze_upload(file, request, conn)}", status_code=303)


@router.get("/documents/{document_id}", response_class=HTMLResponse)
def document_page(document_id: int, conn: sqlite3.Connection = Connection) -> HTMLResponse:
    doc = document_or_404(conn, document_id)
    urls = {local: f"/entities/{library_id}" for local, library_id in queries.library_ids(conn, document_id).items()}
    return page("document.html", document_id=document_id, **html_writer.context(doc, urls))


@router.get("/documents/{document_id}/export.html", response_class=HTMLResponse)
def document_export(document_id: int, conn: sqlite3.Connection = Connection) -> HTMLResponse:
    return HTMLResponse(html_writer.render(document_or_404(conn, document_id)))


@router.get("/timeline", response_class=HTMLResponse)
def timeline_page(person: int | None = None, place: int | None = None, document: int | None = None,
                  conn: sqlite3.Connection = Connection) -> HTMLResponse:
    return page("timeline.html", people=queries.entities(conn, "person"), places=queries.entities(conn, "place"),
                documents=queries.documents(conn), selected={"person": person, "place": place, "document": document})


@router.get("/people", response_class=HTMLResponse)
def people_page(conn: sqlite3.Connection = Connection) -> HTMLResponse:
    return page("people.html", heading="Cast", noun="people", entities=queries.entities(conn, "person"))


@router.get("/places", response_class=HTMLResponse)
def places_page(conn: sqlite3.Connection = Connection) -> HTMLResponse:
    return page("people.html", heading="Places", noun="places", entities=queries.entities(conn, "place"))


@router.get("/entities/{entity_id}", response_class=HTMLResponse)
def entity_page(entity_id: int, conn: sqlite3.Connection = Connection) -> HTMLResponse:
    found = queries.entity(conn, entity_id)
    if found is None:
        raise HTTPException(404, "no such person or place")
    return page("entity.html", e=found)


@router.get("/quotes", response_class=HTMLResponse)
def quotes_page(number: int = Query(1, alias="page", ge=1), conn: sqlite3.Connection = Connection) -> HTMLResponse:
    rows = queries.quotes(conn, limit=201, offset=(number - 1) * 200)
    return page("quotes.html", quotes=rows[:200], more=len(rows) > 200, page=number)


@router.get("/map", response_class=HTMLResponse)
def map_page() -> HTMLResponse:
    return page("map.html")


@router.get("/search", response_class=HTMLResponse)
def search_page(q: str = Query("", max_length=500), conn: sqlite3.Connection = Connection) -> HTMLResponse:
    hits = queries.search(conn, q, 100) if q.strip() else []
    for hit in hits:  # the snippet as alternating plain/matched runs, each escaped by the template
        hit["runs"] = _MARKERS.split(hit["snippet"])
    return page("search.html", q=q, hits=hits)


@router.get("/docs", response_class=HTMLResponse)
def docs_page() -> HTMLResponse:
    return page("docs.html")


@router.get("/favicon.ico")
def favicon() -> Response:
    return Response(status_code=204)
