"""The web app: the library as pages (timeline, cast, places, quotations, sources, search) and a JSON API.

Every page is a Jinja2 template with autoescape and a strict Content-Security-Policy (scripts only
from /static, which holds our scripts and the vendored libraries): a string from a book can neither
break out of its element nor run. The app reads no path a user supplies: uploads are copied into a
private temporary directory under a sanitized name and analyzed there.
"""

from __future__ import annotations

import re
import sqlite3
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from fastapi import Depends, FastAPI, File, HTTPException, Query, Request, UploadFile
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from chronica import __version__
from chronica.errors import InputError
from chronica.model import Document
from chronica.library import find, load, open_library, queries, store
from chronica.web.templating import STATIC, environment
from chronica.writers import html as html_writer
from chronica.writers.json import to_dict

MAX_UPLOAD = 20 * 1024 * 1024  # a long book as text is a few MB; anything larger is not a text
CSP = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
       "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'")
_UNSAFE_NAME = re.compile(r"[^\w.\- ]+")


def create_app(db: Path, max_upload: int = MAX_UPLOAD, model: str | None = None) -> FastAPI:
    """The app serving the library at ``db`` (which must open: see ``open_library``)."""
    from chronica.readers import READERS

    app = FastAPI(title="chronica", version=__version__, docs_url=None, redoc_url=None,
                  description="The chronology inside a library of history books: events, people, places, quotations.")
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    analysis_lock = threading.Lock()  # one analysis at a time: the machine has few cores and one model
    pipelines: dict[str, Any] = {}

    def connection() -> Iterator[sqlite3.Connection]:
        """A connection per request (sqlite3 connections are not shared between threads)."""
        conn = open_library(db)
        try:
            yield conn
        finally:
            conn.close()

    def page(name: str, status_code: int = 200, **context: Any) -> HTMLResponse:
        return HTMLResponse(environment().get_template(name).render(**context), status_code=status_code)

    @app.middleware("http")
    async def security_headers(request: Request, call_next):  # type: ignore[no-untyped-def]
        response = await call_next(request)
        response.headers["Content-Security-Policy"] = CSP
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "no-referrer"
        return response

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        if request.url.path.startswith("/api/"):
            return JSONResponse({"detail": exc.detail}, status_code=exc.status_code)
        return page("error.html", exc.status_code, status=exc.status_code, message=str(exc.detail))

    def analyze_upload(upload: UploadFile, request: Request, conn: sqlite3.Connection) -> int:
        """Check, analyze and store an uploaded file; the library id of the book."""
        declared = request.headers.get("content-length")
        if declared and declared.isdigit() and int(declared) > max_upload + 64 * 1024:
            raise HTTPException(413, f"file too large (limit {max_upload // (1024 * 1024)} MB)")
        name = _UNSAFE_NAME.sub("_", Path(upload.filename or "").name).strip(" .") or "upload.txt"
        if Path(name).suffix.lower() not in READERS:
            raise HTTPException(415, f"{name}: unsupported file type (known: {' '.join(sorted(READERS))})")
        data = upload.file.read(max_upload + 1)
        if len(data) > max_upload:
            raise HTTPException(413, f"{name}: file too large (limit {max_upload // (1024 * 1024)} MB)")
        from chronica import readers
        from chronica.pipeline import Pipeline

        with tempfile.TemporaryDirectory(prefix="chronica-upload-") as tmp:
            path = Path(tmp) / name
            path.write_bytes(data)
            try:
                doc = readers.read(path)
            except InputError as exc:
                raise HTTPException(400, f"{name}: {exc.problem}") from None
        doc.source.path = name
        existing = find(conn, doc.source.sha256)
        if existing is not None:
            return existing
        with analysis_lock:
            if "default" not in pipelines:
                pipelines["default"] = Pipeline(model) if model else Pipeline()
            pipelines["default"].run(doc)
        return store(conn, doc)

    # ---- pages -------------------------------------------------------------------------------

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def library_page(conn: sqlite3.Connection = Depends(connection)) -> HTMLResponse:
        return page("library.html", documents=queries.documents(conn), stats=queries.stats(conn),
                    accept=",".join(sorted(READERS)), max_mb=max_upload // (1024 * 1024))

    @app.post("/upload", include_in_schema=False)
    def upload_page(request: Request, file: UploadFile = File(...),
                    conn: sqlite3.Connection = Depends(connection)) -> RedirectResponse:
        return RedirectResponse(f"/documents/{analyze_upload(file, request, conn)}", status_code=303)

    @app.get("/documents/{document_id}", response_class=HTMLResponse, include_in_schema=False)
    def document_page(document_id: int, conn: sqlite3.Connection = Depends(connection)) -> HTMLResponse:
        doc = _document(conn, document_id)
        urls = {r[0]: f"/entities/{r[1]}" for r in conn.execute(
            "SELECT local_id, library_entity_id FROM entities WHERE document_id = ?", (document_id,))}
        return page("document.html", document_id=document_id, **html_writer.context(doc, urls))

    @app.get("/documents/{document_id}/export.html", response_class=HTMLResponse, include_in_schema=False)
    def document_export(document_id: int, conn: sqlite3.Connection = Depends(connection)) -> HTMLResponse:
        return HTMLResponse(html_writer.render(_document(conn, document_id)))

    @app.get("/timeline", response_class=HTMLResponse, include_in_schema=False)
    def timeline_page(person: int | None = None, place: int | None = None, document: int | None = None,
                      conn: sqlite3.Connection = Depends(connection)) -> HTMLResponse:
        return page("timeline.html", people=queries.entities(conn, "person"), places=queries.entities(conn, "place"),
                    documents=queries.documents(conn), selected={"person": person, "place": place, "document": document})

    @app.get("/people", response_class=HTMLResponse, include_in_schema=False)
    def people_page(conn: sqlite3.Connection = Depends(connection)) -> HTMLResponse:
        return page("people.html", heading="Cast", noun="people", entities=queries.entities(conn, "person"))

    @app.get("/places", response_class=HTMLResponse, include_in_schema=False)
    def places_page(conn: sqlite3.Connection = Depends(connection)) -> HTMLResponse:
        return page("people.html", heading="Places", noun="places", entities=queries.entities(conn, "place"))

    @app.get("/entities/{entity_id}", response_class=HTMLResponse, include_in_schema=False)
    def entity_page(entity_id: int, conn: sqlite3.Connection = Depends(connection)) -> HTMLResponse:
        found = queries.entity(conn, entity_id)
        if found is None:
            raise HTTPException(404, "no such person or place")
        return page("entity.html", e=found)

    @app.get("/quotes", response_class=HTMLResponse, include_in_schema=False)
    def quotes_page(page_number: int = Query(1, alias="page", ge=1),
                    conn: sqlite3.Connection = Depends(connection)) -> HTMLResponse:
        rows = queries.quotes(conn, limit=201, offset=(page_number - 1) * 200)
        return page("quotes.html", quotes=rows[:200], more=len(rows) > 200, page=page_number)

    @app.get("/map", response_class=HTMLResponse, include_in_schema=False)
    def map_page() -> HTMLResponse:
        return page("map.html")

    @app.get("/search", response_class=HTMLResponse, include_in_schema=False)
    def search_page(q: str = Query("", max_length=500), conn: sqlite3.Connection = Depends(connection)) -> HTMLResponse:
        hits = queries.search(conn, q, 100) if q.strip() else []
        for hit in hits:  # the snippet as alternating plain/matched runs, each escaped by the template
            hit["runs"] = re.split(f"[{queries.SNIPPET_START}{queries.SNIPPET_END}]", hit["snippet"])
        return page("search.html", q=q, hits=hits)

    @app.get("/favicon.ico", include_in_schema=False)
    def favicon() -> Response:
        return Response(status_code=204)

    @app.get("/docs", response_class=HTMLResponse, include_in_schema=False)
    def docs_page() -> HTMLResponse:
        return page("docs.html")

    # ---- JSON API ----------------------------------------------------------------------------

    @app.get("/api/documents", tags=["documents"], summary="Books in the library with their counts")
    def api_documents(conn: sqlite3.Connection = Depends(connection)) -> list[dict[str, Any]]:
        return queries.documents(conn)

    @app.post("/api/documents", tags=["documents"], status_code=201,
              summary="Upload a file (txt, md, html, …) to analyze and add; returns its id")
    def api_upload(request: Request, file: UploadFile = File(...),
                   conn: sqlite3.Connection = Depends(connection)) -> dict[str, int]:
        return {"id": analyze_upload(file, request, conn)}

    @app.get("/api/documents/{document_id}", tags=["documents"],
             summary="One analysis, as `chronica analyze --format json` writes it")
    def api_document(document_id: int, conn: sqlite3.Connection = Depends(connection)) -> dict[str, Any]:
        return to_dict(_document(conn, document_id))

    @app.get("/api/timeline", tags=["timeline"], summary="Dated events, earliest first; filter by person, place, book")
    def api_timeline(person: int | None = None, place: int | None = None, document: int | None = None,
                     conn: sqlite3.Connection = Depends(connection)) -> list[dict[str, Any]]:
        return queries.timeline(conn, person=person, place=place, document=document)

    @app.get("/api/people", tags=["entities"], summary="People across the library, most mentioned first")
    def api_people(conn: sqlite3.Connection = Depends(connection)) -> list[dict[str, Any]]:
        return queries.entities(conn, "person")

    @app.get("/api/places", tags=["entities"], summary="Places with coordinates when the gazetteer knows them")
    def api_places(conn: sqlite3.Connection = Depends(connection)) -> list[dict[str, Any]]:
        return queries.entities(conn, "place")

    @app.get("/api/entities/{entity_id}", tags=["entities"],
             summary="A person or place: aliases, the books that mention it, its events and quotations")
    def api_entity(entity_id: int, conn: sqlite3.Connection = Depends(connection)) -> dict[str, Any]:
        found = queries.entity(conn, entity_id)
        if found is None:
            raise HTTPException(404, "no such person or place")
        return found

    @app.get("/api/quotes", tags=["quotes"], summary="Quotations with their speakers")
    def api_quotes(limit: int = Query(200, ge=1, le=1000), offset: int = Query(0, ge=0),
                   conn: sqlite3.Connection = Depends(connection)) -> list[dict[str, Any]]:
        return queries.quotes(conn, limit, offset)

    @app.get("/api/search", tags=["search"], summary="Full-text search of sentences, events and quotations")
    def api_search(q: str = Query(..., min_length=1, max_length=500), limit: int = Query(50, ge=1, le=500),
                   conn: sqlite3.Connection = Depends(connection)) -> list[dict[str, Any]]:
        return queries.search(conn, q, limit)

    return app


def _document(conn: sqlite3.Connection, document_id: int) -> Document:
    doc = load(conn, document_id)
    if doc is None:
        raise HTTPException(404, "no such document")
    return doc
