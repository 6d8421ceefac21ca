"""Store a Document in the library and load it back, one transaction per document.

A book is written entirely inside ``BEGIN IMMEDIATE … COMMIT``: a crash or SIGKILL mid-way leaves
the WAL without a commit record, so SQLite discards the partial book on the next open.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, fields
from pathlib import Path
from typing import Any, TypeVar

from chronica.library import merge
from chronica.model import (Document, Entity, Event, EventDate, Note, Page, Paragraph, Quote, Section,
                            Sentence, SourceInfo, Timex)

T = TypeVar("T")


@contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """One write transaction; rolled back on any error (the connection is in autocommit mode)."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


def find(conn: sqlite3.Connection, sha256: str) -> int | None:
    row = conn.execute("SELECT id FROM documents WHERE sha256 = ?", (sha256,)).fetchone()
    return row[0] if row else None


def store(conn: sqlite3.Connection, doc: Document, replace: bool = False, supersede: bool = False) -> int:
    """Add ``doc``; return its id. A book with the same content is kept as it is unless ``replace``.

    ``supersede`` also drops books stored from the same path with other content: an edited file
    added again replaces its old version instead of doubling its events on the timeline.
    """
    with transaction(conn):
        old = find(conn, doc.source.sha256)
        if old is not None:
            if not replace:
                return old
            _delete(conn, old)
        if supersede:
            for (stale,) in conn.execute("SELECT id FROM documents WHERE path = ?", (doc.source.path,)).fetchall():
                _delete(conn, stale)
        return _insert(conn, doc)


def remove(conn: sqlite3.Connection, document_id: int) -> bool:
    """Delete a book and every row that hangs off it; False when there is no such book."""
    with transaction(conn):
        if conn.execute("SELECT 1 FROM documents WHERE id = ?", (document_id,)).fetchone() is None:
            return False
        _delete(conn, document_id)
        return True


def _delete(conn: sqlite3.Connection, document_id: int) -> None:
    conn.execute("DELETE FROM search_index WHERE document_id = ?", (document_id,))
    conn.execute("DELETE FROM documents WHERE id = ?", (document_id,))  # cascades to every child table
    conn.execute("DELETE FROM library_entities WHERE id NOT IN "
                 "(SELECT library_entity_id FROM entities WHERE library_entity_id IS NOT NULL)")


def _json(obj: Any, drop: tuple[str, ...] = ()) -> str:
    data = asdict(obj)
    for name in drop:
        data.pop(name, None)
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def _insert(conn: sqlite3.Connection, doc: Document) -> int:
    src = doc.source
    doc_id = conn.execute(
        "INSERT INTO documents (sha256, path, name, format, dct, text, warnings) VALUES (?, ?, ?, ?, ?, ?, ?)",
        (src.sha256, src.path, Path(src.path).name, src.format, doc.dct, doc.text, json.dumps(doc.warnings)),
    ).lastrowid
    x = conn.executemany
    x("INSERT INTO sections VALUES (?, ?, ?, ?, ?, ?)",
      [(doc_id, i, s.title, s.start, s.end, _json(s)) for i, s in enumerate(doc.sections)])
    x("INSERT INTO paragraphs VALUES (?, ?, ?, ?, ?)",
      [(doc_id, i, p.start, p.end, p.section) for i, p in enumerate(doc.paragraphs)])
    x("INSERT INTO sentences VALUES (?, ?, ?, ?, ?)",
      [(doc_id, i, s.start, s.end, s.paragraph) for i, s in enumerate(doc.sentences)])
    x("INSERT INTO pages VALUES (?, ?, ?, ?, ?)",
      [(doc_id, i, p.label, p.start, p.end) for i, p in enumerate(doc.pages)])
    x("INSERT INTO notes VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
      [(doc_id, i, n.number, n.start, n.end, n.sentence_start, n.sentence_end, n.text, _json(n))
       for i, n in enumerate(doc.notes)])
    x("INSERT INTO timexes (document_id, local_id, start, \"end\", type, value, earliest, latest, data) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
      [(doc_id, t.id, t.start, t.end, t.type, t.value, t.earliest, t.latest, _json(t)) for t in doc.timexes])

    entity_ids: dict[str, int] = {}
    for entity in doc.entities:
        library_id = merge.link(conn, entity)
        entity_ids[entity.id] = conn.execute(
            "INSERT INTO entities (document_id, local_id, name, type, library_entity_id, mention_count, data) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            (doc_id, entity.id, entity.name, entity.type, library_id, len(entity.mentions), _json(entity, ("mentions",))),
        ).lastrowid
        x("INSERT INTO mentions VALUES (?, ?, ?)", [(entity_ids[entity.id], s, e) for s, e in entity.mentions])

    search_rows: list[tuple[str, str, int, int, int]] = [
        (doc.text[s.start:s.end], "sentence", doc_id, s.start, s.end) for s in doc.sentences]
    for event in doc.events:
        date = event.date
        event_id = conn.execute(
            "INSERT INTO events (document_id, local_id, summary, trigger, date_value, date_mod, earliest, latest, "
            "sentence_start, sentence_end, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (doc_id, event.id, event.summary, event.trigger, date and date.value, date and date.mod,
             date and date.earliest, date and date.latest, event.sentence_start, event.sentence_end, _json(event)),
        ).lastrowid
        x("INSERT OR IGNORE INTO event_participants VALUES (?, ?, ?)",
          [(event_id, entity_ids[e], role) for role, ids in
           (("actor", event.actors), ("place", event.places), ("patient", event.patients))
           for e in ids if e in entity_ids])
        if event.summary != doc.text[event.sentence_start:event.sentence_end]:  # else the sentence row finds it
            search_rows.append((event.summary, "event", doc_id, event.sentence_start, event.sentence_end))
    for quote in doc.quotes:
        conn.execute(
            "INSERT INTO quotes (document_id, local_id, text, start, \"end\", speaker_entity_id, speaker_name, kind, data) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (doc_id, quote.id, quote.text, quote.start, quote.end, entity_ids.get(quote.speaker or ""),
             quote.speaker_name, quote.kind, _json(quote)))
        search_rows.append((quote.text, "quote", doc_id, quote.start, quote.end))
    x("INSERT INTO search_index (text, kind, document_id, start, \"end\") VALUES (?, ?, ?, ?, ?)", search_rows)
    return doc_id


def _build(cls: type[T], data: dict[str, Any], **overrides: Any) -> T:
    """A model object from its stored JSON, ignoring keys an older/newer model does not have."""
    known = {f.name for f in fields(cls)}  # type: ignore[arg-type]
    return cls(**{**{k: v for k, v in data.items() if k in known}, **overrides})


def load(conn: sqlite3.Connection, document_id: int) -> Document | None:
    """The stored book as a Document, exactly as it was analyzed; None when there is no such book."""
    row = conn.execute("SELECT * FROM documents WHERE id = ?", (document_id,)).fetchone()
    if row is None:
        return None

    def q(sql: str) -> list[sqlite3.Row]:
        return conn.execute(sql, (document_id,)).fetchall()

    doc = Document(text=row["text"], source=SourceInfo(row["path"], row["sha256"], row["format"]), dct=row["dct"],
                   warnings=json.loads(row["warnings"]))
    doc.sections = [_build(Section, json.loads(r[0])) for r in q(
        "SELECT data FROM sections WHERE document_id = ? ORDER BY position")]
    doc.paragraphs = [Paragraph(*r) for r in q(
        'SELECT start, "end", section FROM paragraphs WHERE document_id = ? ORDER BY position')]
    doc.sentences = [Sentence(*r) for r in q(
        'SELECT start, "end", paragraph FROM sentences WHERE document_id = ? ORDER BY position')]
    doc.pages = [Page(*r) for r in q('SELECT label, start, "end" FROM pages WHERE document_id = ? ORDER BY position')]
    doc.notes = [_build(Note, json.loads(r[0])) for r in q(
        "SELECT data FROM notes WHERE document_id = ? ORDER BY position")]
    doc.timexes = [_build(Timex, json.loads(r[0])) for r in q("SELECT data FROM timexes WHERE document_id = ? ORDER BY id")]
    mentions: dict[int, list[tuple[int, int]]] = {}
    for entity_id, start, end in q('SELECT m.entity_id, m.start, m."end" FROM mentions m JOIN entities e '
                                   'ON e.id = m.entity_id WHERE e.document_id = ? ORDER BY m.rowid'):
        mentions.setdefault(entity_id, []).append((start, end))
    for r in q("SELECT id, data FROM entities WHERE document_id = ? ORDER BY id"):
        data = json.loads(r["data"])
        coordinates = tuple(data.pop("coordinates")) if data.get("coordinates") else None
        doc.entities.append(_build(Entity, data, mentions=mentions.get(r["id"], []), coordinates=coordinates))
    for r in q("SELECT data FROM events WHERE document_id = ? ORDER BY id"):
        data = json.loads(r[0])
        date = _build(EventDate, data.pop("date")) if data.get("date") else None
        sources = [tuple(s) for s in data.pop("sources", [])]
        doc.events.append(_build(Event, {**data, "date": date}, sources=sources))
    doc.quotes = [_build(Quote, json.loads(r[0])) for r in q("SELECT data FROM quotes WHERE document_id = ? ORDER BY id")]
    return doc
