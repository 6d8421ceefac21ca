"""The whole library out again: one file per book with any writer, or every book as JSON lines."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path

from chronica.library.store import load
from chronica.model import Document
from chronica.writers import WRITERS, output_stem, write_atomic
from chronica.writers.json import to_dict

def documents(conn: sqlite3.Connection) -> Iterator[Document]:
    """Every stored book, one at a time (a large library never sits in memory whole)."""
    for (document_id,) in conn.execute("SELECT id FROM documents ORDER BY name, id").fetchall():
        doc = load(conn, document_id)
        if doc is not None:
            yield doc


def jsonl(conn: sqlite3.Connection) -> Iterator[str]:
    """One line per book: the same object ``chronica analyze --format json`` writes."""
    for doc in documents(conn):
        yield json.dumps(to_dict(doc), ensure_ascii=False) + "\n"


def to_directory(conn: sqlite3.Connection, fmt: str, directory: Path) -> list[Path]:
    """One file per book in ``directory``; books sharing a file name get a prefix of their sha256 appended
    (stable across runs and libraries, unlike the library id)."""
    render, extension = WRITERS[fmt]
    written: list[Path] = []
    used: set[str] = set()
    for doc in documents(conn):
        target = directory / (output_stem(doc, used) + extension)
        write_atomic(target, render(doc))
        written.append(target)
    return written
