"""The JSON API: the same data as the pages, documented by OpenAPI at /docs."""

from __future__ import annotations

import sqlite3
from typing import Any

from fastapi import APIRouter, Depends, File, HTTPException, Query, Request, UploadFile

from chronica.library import queries
from chronica.web.common import connection, document_or_404
from chronica.web.upload import analyze_upload
from chronica.writers.json import to_dict

router = APIRouter(prefix="/api")
Connection = Depends(connection)


@router.get("/documents", tags=["documents"], summary="Books in the library with their counts")
def documents(conn: sqlite3.Connection = Connection) -> list[dict[str, Any]]:
    return queries.documents(conn)


@router.post("/documents", tags=["documents"], status_code=201,
             summary="Upload a file (txt, md, html, …) to analyze and add; returns its id")
def upload(request: Request, file: UploadFile = File(...), conn: sqlite3.Connection = Connection) -> dict[str, int]:
    return {"id": analyze_upload(file, request, conn)}


@router.get("/documents/{document_id}", tags=["documents"],
            summary="One analysis, as `chronica analyze --format json` writes it")
def document(document_id: int, conn: sqlite3.Connection = Connection) -> dict[str, Any]:
    return to_dict(document_or_404(conn, document_id))


@router.get("/timeline", tags=["timeline"], summary="Dated events, earliest first; filter by person, place, book")
def timeline(person: int | None = None, place: int | None = None, document: int | None = None,
             conn: sqlite3.Connection = Connection) -> list[dict[str, Any]]:
    return queries.timeline(conn, person=person, place=place, document=document)


@router.get("/people", tags=["entities"], summary="People across the library, most mentioned first")
def people(conn: sqlite3.Connection = Connection) -> list[dict[str, Any]]:
    return queries.entities(conn, "person")


@router.get("/places", tags=["entities"], summary="Places, with coordinates when the gazetteer knows them")
def places(conn: sqlite3.Connection = Connection) -> list[dict[str, Any]]:
    return queries.entities(conn, "place")


@router.get("/entities/{entity_id}", tags=["entities"],
            summary="A person or place: aliases, the books that mention it, its events and quotations")
def entity(entity_id: int, conn: sqlite3.Connection = Connection) -> dict[str, Any]:
    found = queries.entity(conn, entity_id)
    if found is None:
        raise HTTPException(404, "no such person or place")
    return found


@router.get("/quotes", tags=["quotes"], summary="Quotations with their speakers")
def quotes(limit: int = Query(200, ge=1, le=1000), offset: int = Query(0, ge=0),
           conn: sqlite3.Connection = Connection) -> list[dict[str, Any]]:
    return queries.quotes(conn, limit, offset)


@router.get("/search", tags=["search"], summary="Full-text search of sentences, events and quotations")
def search(q: str = Query(..., min_length=1, max_length=500), limit: int = Query(50, ge=1, le=500),
           conn: sqlite3.Connection = Connection) -> list[dict[str, Any]]:
    return queries.search(conn, q, limit)
