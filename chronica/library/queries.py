"""Read-only views of the library: what the CLI prints and the web app and its JSON API serve.

Every function returns plain dicts/lists (JSON-ready), built with a few indexed queries, never a
scan per row in Python.
"""

from __future__ import annotations

import re
import sqlite3
from typing import Any

SNIPPET_START, SNIPPET_END = "\x02", "\x03"  # match markers in snippets; never occur in text
_TERM = re.compile(r'"([^"]*)"|(\S+)')


def documents(conn: sqlite3.Connection) -> list[dict[str, Any]]:
    return [dict(r) for r in conn.execute(
        "SELECT d.id, d.name, d.path, d.format, d.sha256, d.added_at, length(d.text) AS chars, "
        "(SELECT count(*) FROM events e WHERE e.document_id = d.id) AS events, "
        "(SELECT count(*) FROM quotes q WHERE q.document_id = d.id) AS quotes, "
        "(SELECT count(*) FROM entities n WHERE n.document_id = d.id) AS entities "
        "FROM documents d ORDER BY d.name, d.id")]


def document_ids_by_name(conn: sqlite3.Connection, name: str) -> list[int]:
    """Books whose file name, path or hash prefix is ``name`` (what a user types after `remove`)."""
    return [r[0] for r in conn.execute(
        "SELECT id FROM documents WHERE name = ?1 OR path = ?1 OR CAST(id AS TEXT) = ?1 "
        "OR (length(?1) >= 8 AND sha256 LIKE ?1 || '%')", (name,))]


def library_ids(conn: sqlite3.Connection, document_id: int) -> dict[str, int]:
    """A book's entity ids (``e1`` …) -> the library entity each was joined to (for links across books)."""
    return {local: library_id for local, library_id in conn.execute(
        "SELECT local_id, library_entity_id FROM entities WHERE document_id = ? AND library_entity_id IS NOT NULL",
        (document_id,))}


def fts_query(query: str) -> str:
    """The user's words as an FTS5 query: every word or "quoted phrase" must occur; no syntax errors.

    A trailing ``*`` keeps its prefix meaning (``Berl*``); FTS operators and column filters typed
    by accident are taken as words.
    """
    terms = []
    for phrase, word in _TERM.findall(query):
        text = (phrase or word).replace('"', " ").strip()
        prefix = bool(word) and text.endswith("*") and len(text) > 1
        text = text.rstrip("*").strip()
        if text:
            terms.append(f'"{text}"' + ("*" if prefix else ""))
    return " ".join(terms)


def search(conn: sqlite3.Connection, query: str, limit: int = 50) -> list[dict[str, Any]]:
    """Best matches among sentences, event summaries and quotations, each with its date and citation."""
    match = fts_query(query)
    if not match:
        return []
    rows = conn.execute(
        "SELECT s.kind, s.document_id, s.start, s.\"end\", d.name AS document, "
        f"snippet(search_index, 0, '{SNIPPET_START}', '{SNIPPET_END}', '…', 24) AS snippet "
        "FROM search_index s JOIN documents d ON d.id = s.document_id "
        "WHERE search_index MATCH ? ORDER BY bm25(search_index) LIMIT ?", (match, limit)).fetchall()
    return [{**dict(r), **_date_and_citation(conn, r["document_id"], r["start"], r["end"])} for r in rows]


def _date_and_citation(conn: sqlite3.Connection, document_id: int, start: int, end: int) -> dict[str, Any]:
    """The date of the event told in the sentence holding [start, end), and where to find it."""
    event = conn.execute(
        "SELECT date_value, date_mod FROM events WHERE document_id = ? AND sentence_start <= ? AND sentence_end >= ? "
        "AND date_value IS NOT NULL ORDER BY sentence_start DESC LIMIT 1", (document_id, start, end)).fetchone()
    pages = [r[0] for r in conn.execute(
        'SELECT label FROM pages WHERE document_id = ? AND start < ? AND "end" > ? ORDER BY position',
        (document_id, end, start))]
    notes = [r[0] for r in conn.execute(
        "SELECT number FROM notes WHERE document_id = ? AND sentence_start <= ? AND sentence_end >= ? "
        "ORDER BY position", (document_id, start, end))]
    parts = [f"chars {start}–{end}"]
    if pages:
        parts.append("p. " + ", ".join(pages))
    if notes:
        parts.append(("note " if len(notes) == 1 else "notes ") + ", ".join(map(str, notes)))
    date = None
    if event:
        date = event["date_value"] + (f" ({event['date_mod'].lower()})" if event["date_mod"] else "")
    return {"date": date, "citation": "; ".join(parts), "notes": notes, "pages": pages}


def timeline(conn: sqlite3.Connection, person: int | None = None, place: int | None = None,
             document: int | None = None) -> list[dict[str, Any]]:
    """Dated events across the library (optionally of one person, place or book), earliest first."""
    where, args = ["e.earliest IS NOT NULL"], []
    for role, library_id in (("actor", person), ("place", place)):
        if library_id is not None:
            where.append("e.id IN (SELECT p.event_id FROM event_participants p JOIN entities n ON n.id = p.entity_id "
                         "WHERE n.library_entity_id = ? AND p.role = ?)")
            args += [library_id, role]
    if document is not None:
        where.append("e.document_id = ?")
        args.append(document)
    return [dict(r) for r in conn.execute(
        "SELECT e.id, e.document_id, d.name AS document, e.summary, e.date_value AS value, e.date_mod AS mod, "
        "e.earliest, e.latest, e.sentence_start, e.sentence_end FROM events e JOIN documents d ON d.id = e.document_id "
        f"WHERE {' AND '.join(where)} ORDER BY e.earliest, e.document_id, e.sentence_start", args)]


def entities(conn: sqlite3.Connection, kind: str = "person") -> list[dict[str, Any]]:
    """Library entities of one kind with how many books and mentions they have, most mentioned first."""
    return [dict(r) for r in conn.execute(
        "SELECT l.id, l.name, l.kind, l.lat, l.lon, count(DISTINCT n.document_id) AS books, "
        "sum(n.mention_count) AS mentions FROM library_entities l JOIN entities n ON n.library_entity_id = l.id "
        "WHERE l.kind = ? GROUP BY l.id ORDER BY mentions DESC, l.name", (kind,))]


def entity(conn: sqlite3.Connection, library_id: int) -> dict[str, Any] | None:
    """One person/place: names, the books that mention it, its events and its quotations."""
    row = conn.execute("SELECT id, name, kind, lat, lon FROM library_entities WHERE id = ?", (library_id,)).fetchone()
    if row is None:
        return None
    aliases = sorted({r[0] for r in conn.execute(
        "SELECT alias FROM library_aliases WHERE library_entity_id = ?", (library_id,))} - {row["name"]})
    books = [dict(r) for r in conn.execute(
        "SELECT d.id, d.name, sum(n.mention_count) AS mentions FROM entities n JOIN documents d ON d.id = n.document_id "
        "WHERE n.library_entity_id = ? GROUP BY d.id ORDER BY d.name", (library_id,))]
    events = [dict(r) for r in conn.execute(
        "SELECT DISTINCT e.id, e.document_id, d.name AS document, e.summary, e.date_value AS value, e.date_mod AS mod, "
        "e.earliest, e.sentence_start, p.role FROM event_participants p JOIN entities n ON n.id = p.entity_id "
        "JOIN events e ON e.id = p.event_id JOIN documents d ON d.id = e.document_id "
        "WHERE n.library_entity_id = ? ORDER BY e.earliest IS NULL, e.earliest, e.sentence_start", (library_id,))]
    quotes = [dict(r) for r in conn.execute(
        "SELECT q.id, q.document_id, d.name AS document, q.text, q.start, q.\"end\" FROM quotes q "
        "JOIN entities n ON n.id = q.speaker_entity_id JOIN documents d ON d.id = q.document_id "
        "WHERE n.library_entity_id = ? ORDER BY d.name, q.start", (library_id,))]
    return {**dict(row), "aliases": aliases, "books": books, "events": events, "quotes": quotes}


def quotes(conn: sqlite3.Connection, limit: int = 200, offset: int = 0) -> list[dict[str, Any]]:
    """Quoted speech with its speaker (library entity when known), by book and position."""
    return [dict(r) for r in conn.execute(
        "SELECT q.id, q.document_id, d.name AS document, q.text, q.start, q.\"end\", q.speaker_name, "
        "n.library_entity_id AS speaker_id FROM quotes q JOIN documents d ON d.id = q.document_id "
        "LEFT JOIN entities n ON n.id = q.speaker_entity_id WHERE q.kind = 'speech' "
        "ORDER BY d.name, q.start LIMIT ? OFFSET ?", (limit, offset))]


def stats(conn: sqlite3.Connection) -> dict[str, int]:
    """How much the library holds, for its front page."""
    row = conn.execute(
        "SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM events), (SELECT count(*) FROM quotes), "
        "(SELECT count(*) FROM library_entities WHERE kind = 'person'), "
        "(SELECT count(*) FROM library_entities WHERE kind = 'place')").fetchone()
    return dict(zip(("documents", "events", "quotes", "people", "places"), row))
