"""What the page and API routes share: the per-request library connection and page rendering."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from threading import Lock
from typing import Any

from fastapi import HTTPException, Request
from fastapi.responses import HTMLResponse

from chronica.library import load, open_library
from chronica.model import Document
from chronica.web.templating import environment


@dataclass
class Settings:
    """The app's configuration and its one analysis pipeline (loaded on the first upload)."""

    db: Path
    max_upload: int
    model: str | None = None
    pipeline: Any = None
    analysis_lock: Lock = field(default_factory=Lock)  # one analysis at a time: few cores, one model


def settings(request: Request) -> Settings:
    return request.app.state.chronica


def connection(request: Request) -> Iterator[sqlite3.Connection]:
    """A connection per request: sqlite3 connections are not shared between concurrent requests."""
    conn = open_library(settings(request).db)
    try:
        yield conn
    finally:
        conn.close()


def page(name: str, status_code: int = 200, **context: Any) -> HTMLResponse:
    return HTMLResponse(environment().get_template(name).render(**context), status_code=status_code)


def document_or_404(conn: sqlite3.Connection, document_id: int) -> Document:
    doc = load(conn, document_id)
    if doc is None:
        raise HTTPException(404, "no such document")
    return doc
