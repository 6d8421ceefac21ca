"""The library's SQLite schema and its versioned migrations.

A library is one SQLite file any SQLite tool can open. ``PRAGMA application_id`` marks it as
chronica's and ``PRAGMA user_version`` is the number of migrations applied. A file from a newer
chronica, or a database that is not a chronica library, is refused before anything is written to
it (even switching the journal to WAL would alter it).

Columns hold what is queried (dates, offsets, names, links); each row's ``data`` holds the whole
model object as JSON, so fields other stages add to the model survive a store/load without a
migration.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from chronica.errors import InputError

APPLICATION_ID = 0x4368726E  # "Chrn"

# One script per version; never edit a released one, append a new one.
MIGRATIONS: tuple[str, ...] = (
    """
    -- AUTOINCREMENT: ids are in URLs (/documents/3), so a removed book's id is never reused.
    CREATE TABLE documents (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        sha256 TEXT NOT NULL UNIQUE,
        path TEXT NOT NULL,
        name TEXT NOT NULL,
        format TEXT NOT NULL,
        dct TEXT,
        text TEXT NOT NULL,
        added_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
        warnings TEXT NOT NULL DEFAULT '[]'
    );
    CREATE TABLE sections (
        document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        position INTEGER NOT NULL, title TEXT NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL,
        data TEXT NOT NULL,
        PRIMARY KEY (document_id, position)
    ) WITHOUT ROWID;
    CREATE TABLE paragraphs (
        document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        position INTEGER NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL, section INTEGER,
        PRIMARY KEY (document_id, position)
    ) WITHOUT ROWID;
    CREATE TABLE sentences (
        document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        position INTEGER NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL, paragraph INTEGER NOT NULL,
        PRIMARY KEY (document_id, position)
    ) WITHOUT ROWID;
    CREATE TABLE pages (
        document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        position INTEGER NOT NULL, label TEXT NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL,
        PRIMARY KEY (document_id, position)
    ) WITHOUT ROWID;
    CREATE TABLE notes (
        document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        position INTEGER NOT NULL, number INTEGER NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL,
        sentence_start INTEGER, sentence_end INTEGER, text TEXT, data TEXT NOT NULL,
        PRIMARY KEY (document_id, position)
    ) WITHOUT ROWID;
    CREATE TABLE timexes (
        id INTEGER PRIMARY KEY,
        document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        local_id TEXT NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL, type TEXT NOT NULL,
        value TEXT NOT NULL, earliest TEXT, latest TEXT, data TEXT NOT NULL
    );
    CREATE INDEX timexes_document ON timexes(document_id);

    -- People, places, organisations across books: one row per real-world referent.
    CREATE TABLE library_entities (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        kind TEXT NOT NULL,          -- person | place | org | other
        name TEXT NOT NULL,
        lat REAL, lon REAL
    );
    CREATE TABLE library_aliases (
        library_entity_id INTEGER NOT NULL REFERENCES library_entities(id) ON DELETE CASCADE,
        kind TEXT NOT NULL,
        key TEXT NOT NULL,           -- normalized alias, the merge key
        alias TEXT NOT NULL,
        PRIMARY KEY (kind, key, library_entity_id)
    ) WITHOUT ROWID;
    CREATE INDEX library_aliases_entity ON library_aliases(library_entity_id);

    CREATE TABLE entities (
        id INTEGER PRIMARY KEY,
        document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        local_id TEXT NOT NULL, name TEXT NOT NULL, type TEXT NOT NULL,
        library_entity_id INTEGER REFERENCES library_entities(id),
        mention_count INTEGER NOT NULL, data TEXT NOT NULL,
        UNIQUE (document_id, local_id)
    );
    CREATE INDEX entities_library ON entities(library_entity_id);
    CREATE TABLE mentions (
        entity_id INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
        start INTEGER NOT NULL, "end" INTEGER NOT NULL
    );
    CREATE INDEX mentions_entity ON mentions(entity_id);

    CREATE TABLE events (
        id INTEGER PRIMARY KEY,
        document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        local_id TEXT NOT NULL, summary TEXT NOT NULL, trigger TEXT NOT NULL,
        date_value TEXT, date_mod TEXT, earliest TEXT, latest TEXT,
        sentence_start INTEGER NOT NULL, sentence_end INTEGER NOT NULL, data TEXT NOT NULL
    );
    CREATE INDEX events_document ON events(document_id, sentence_start);
    CREATE INDEX events_earliest ON events(earliest);
    CREATE INDEX events_latest ON events(latest);
    CREATE TABLE event_participants (
        event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
        entity_id INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
        role TEXT NOT NULL,          -- actor | place | patient
        PRIMARY KEY (event_id, entity_id, role)
    ) WITHOUT ROWID;
    CREATE INDEX event_participants_entity ON event_participants(entity_id);

    CREATE TABLE quotes (
        id INTEGER PRIMARY KEY,
        document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        local_id TEXT NOT NULL, text TEXT NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL,
        speaker_entity_id INTEGER REFERENCES entities(id) ON DELETE SET NULL,
        speaker_name TEXT, kind TEXT NOT NULL, data TEXT NOT NULL
    );
    CREATE INDEX quotes_document ON quotes(document_id);
    CREATE INDEX quotes_speaker ON quotes(speaker_entity_id);

    -- Full-text search over sentences, event summaries and quotations.
    CREATE VIRTUAL TABLE search_index USING fts5(
        text, kind UNINDEXED, document_id UNINDEXED, start UNINDEXED, "end" UNINDEXED,
        tokenize = 'unicode61 remove_diacritics 2'
    );
    """,
)
SCHEMA_VERSION = len(MIGRATIONS)


def connect(path: Path, create: bool = False) -> sqlite3.Connection:
    """Open (or create) the library at ``path``, refusing anything that is not a library we know.

    Raises :class:`InputError` with a one-line reason; a refused file is left byte-for-byte as it was.
    """
    if not path.exists():
        if not create:
            raise InputError(str(path), "no such library (create one with `chronica add FILE --db PATH`)")
    elif path.is_dir():
        raise InputError(str(path), "is a directory, not a library file")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        # Transactions are explicit; a web request may open its connection in one worker thread and use it in another.
        conn = sqlite3.connect(path, timeout=30, isolation_level=None, check_same_thread=False)
    except (OSError, sqlite3.Error) as exc:
        raise InputError(str(path), f"cannot open ({exc})") from None
    conn.row_factory = sqlite3.Row
    try:
        _check(conn)
    except InputError as exc:
        conn.close()
        raise InputError(str(path), exc.problem) from None
    try:
        conn.execute("PRAGMA journal_mode=WAL")  # readers (the web app) never wait for a writer (add)
        conn.execute("PRAGMA synchronous=NORMAL")  # WAL + NORMAL: a crash loses at most the last commit, never corrupts
        conn.execute("PRAGMA foreign_keys=ON")
        migrate(conn)
    except sqlite3.Error as exc:  # a read-only file or directory, a full disk
        conn.close()
        raise InputError(str(path), f"cannot open ({exc})") from None
    return conn


def _check(conn: sqlite3.Connection) -> None:
    try:
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        tables = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
    except sqlite3.DatabaseError:
        raise InputError("", "not a SQLite database") from None
    if app_id == 0 and tables == 0:
        return  # a new, empty file
    if app_id != APPLICATION_ID:
        raise InputError("", "not a chronica library (a SQLite database of another kind); left unchanged")
    if version > SCHEMA_VERSION:
        raise InputError("", f"library schema version {version} is newer than this chronica knows "
                             f"({SCHEMA_VERSION}); upgrade chronica to open it (file left unchanged)")


def migrate(conn: sqlite3.Connection) -> None:
    """Apply the migrations the file has not seen yet, each with its version bump in one transaction."""
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    for number, script in enumerate(MIGRATIONS[version:], start=version + 1):
        # executescript commits first; BEGIN makes the script and the version bump one unit.
        conn.executescript(f"BEGIN; {script}; PRAGMA application_id={APPLICATION_ID}; "
                           f"PRAGMA user_version={number}; COMMIT;")
