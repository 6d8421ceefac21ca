"""Uploads: a file a user sends is checked, analyzed and stored; no path the user names is ever read.

The bytes are written under a sanitized base name into a private temporary directory, read there
by the reader for its extension (which refuses binary files), and the directory is removed.
"""

from __future__ import annotations

import re
import sqlite3
import tempfile
from pathlib import Path

from fastapi import HTTPException, Request, UploadFile

from chronica.errors import InputError
from chronica.library import find, store
from chronica.readers import READERS
from chronica.web.common import settings

_UNSAFE_NAME = re.compile(r"[^\w.\- ]+")
_FORM_OVERHEAD = 64 * 1024  # multipart boundaries and headers around the file


def safe_name(filename: str | None) -> str:
    """The base name of an uploaded file with anything but word characters, dots, dashes and spaces replaced."""
    return _UNSAFE_NAME.sub("_", Path(filename or "").name).strip(" .") or "upload.txt"


def analyze_upload(upload: UploadFile, request: Request, conn: sqlite3.Connection) -> int:
    """Check, analyze and store an uploaded file; the library id of the book (an existing one if known)."""
    config = settings(request)
    limit = f"limit {config.max_upload / (1024 * 1024):g} MB"
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > config.max_upload + _FORM_OVERHEAD:
        raise HTTPException(413, f"file too large ({limit})")
    name = safe_name(upload.filename)
    if Path(name).suffix.lower() not in READERS:
        raise HTTPException(415, f"{name}: unsupported file type (known: {' '.join(sorted(READERS))})")
    data = upload.file.read(config.max_upload + 1)
    if len(data) > config.max_upload:
        raise HTTPException(413, f"{name}: file too large ({limit})")
    from chronica import readers

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
    with config.analysis_lock:
        if config.pipeline is None:
            from chronica.pipeline import Pipeline

            config.pipeline = Pipeline(config.model) if config.model else Pipeline()
        config.pipeline.run(doc)
    return store(conn, doc)
