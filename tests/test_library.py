"""The library: store/load round trips, schema refusal, merging across books, search, removal, export."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from chronica.errors import InputError
from chronica.library import SCHEMA_VERSION, export, load, merge, open_library, queries, remove, store
from chronica.library.schema import APPLICATION_ID
from chronica.model import Document, Entity, SourceInfo
from chronica.writers.json import to_dict
from library_data import AIRLIFT, MOSCOW

LATER = "Stalin died in Moscow in March 1953, and the succession struggle began at once.\n"


@pytest.fixture()
def library(tmp_path: Path) -> sqlite3.Connection:
    conn = open_library(tmp_path / "lib.db", create=True)
    yield conn
    conn.close()


def _doc(analyze_text, text: str, name: str) -> Document:
    doc = analyze_text(text)
    doc.source.path = name
    return doc


def test_a_new_library_is_versioned_marked_and_in_wal_mode(library: sqlite3.Connection) -> None:
    assert library.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert library.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    assert library.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    tables = {r[0] for r in library.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert {"documents", "sections", "sentences", "timexes", "entities", "mentions", "events",
            "event_participants", "quotes", "notes", "library_entities", "search_index"} <= tables
    index_columns = {r[2] for r in library.execute("PRAGMA index_list('events')") for r in
                     library.execute(f"PRAGMA index_info('{r[1]}')")}
    assert {"earliest", "latest"} <= index_columns


def test_store_and_load_give_back_the_same_analysis(library, analyze_text) -> None:
    doc = _doc(analyze_text, AIRLIFT, "airlift.txt")
    doc.entities[0].coordinates = (52.52, 13.405)
    document_id = store(library, doc)
    back = load(library, document_id)
    assert to_dict(back) == to_dict(doc)
    assert back.entities[0].coordinates == (52.52, 13.405)
    assert store(library, doc) == document_id  # same content: the book is not added twice
    assert library.execute("SELECT count(*) FROM documents").fetchone()[0] == 1


def test_a_failure_mid_book_leaves_nothing_behind(library, analyze_text, monkeypatch) -> None:
    doc = _doc(analyze_text, AIRLIFT, "airlift.txt")
    calls = []

    def failing_link(conn, entity):
        calls.append(entity)
        if len(calls) == 2:
            raise RuntimeError("disk full")
        return real_link(conn, entity)

    real_link = merge.link
    monkeypatch.setattr(merge, "link", failing_link)
    with pytest.raises(RuntimeError):
        store(library, doc)
    for table in ("documents", "sentences", "entities", "library_entities", "events", "search_index"):
        assert library.execute(f"SELECT count(*) FROM {table}").fetchone()[0] == 0, table


def test_newer_schema_is_refused_and_left_unchanged(tmp_path: Path) -> None:
    path = tmp_path / "future.db"
    open_library(path, create=True).close()
    raw = sqlite3.connect(path)
    raw.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    raw.execute("PRAGMA journal_mode = DELETE")
    raw.close()
    before = path.read_bytes()
    with pytest.raises(InputError) as info:
        open_library(path)
    assert f"schema version {SCHEMA_VERSION + 1} is newer" in str(info.value) and str(path) in str(info.value)
    assert path.read_bytes() == before and not Path(f"{path}-wal").exists()


def test_foreign_database_and_non_database_are_refused_unchanged(tmp_path: Path) -> None:
    foreign = tmp_path / "other.db"
    raw = sqlite3.connect(foreign)
    raw.execute("CREATE TABLE invoices (id INTEGER)")
    raw.commit()
    raw.close()
    text = tmp_path / "notes.db"
    text.write_text("not a database at all, just words " * 200, encoding="utf-8")
    for path, problem in ((foreign, "not a chronica library"), (text, "not a SQLite database")):
        before = path.read_bytes()
        with pytest.raises(InputError, match=problem):
            open_library(path)
        assert path.read_bytes() == before
    with pytest.raises(InputError, match="no such library"):
        open_library(tmp_path / "missing.db")


def test_entity_merging_is_by_name_and_conservative_with_surnames(library) -> None:
    def entity(name: str, aliases: list[str], kind: str = "PERSON") -> Entity:
        return Entity(id="e1", name=name, type=kind, aliases=aliases)

    stalin = merge.link(library, entity("Joseph Stalin", ["Joseph Stalin", "Stalin", "the Soviet leader"]))
    assert merge.link(library, entity("Stalin", ["Stalin"])) == stalin
    assert merge.link(library, entity("Iosif Stalin", ["Iosif Stalin", "Stalin"])) != stalin  # another full name
    theodore = merge.link(library, entity("Theodore Roosevelt", ["Theodore Roosevelt"]))
    franklin = merge.link(library, entity("Franklin Roosevelt", ["Franklin Roosevelt", "FDR"]))
    assert theodore != franklin
    assert merge.link(library, entity("Roosevelt", ["Roosevelt"])) not in (theodore, franklin)  # ambiguous
    assert merge.link(library, entity("the Soviet Union", ["Soviet Union"], "GPE")) == \
        merge.link(library, entity("Soviet Union", [], "GPE"))
    # a surname seen first is upgraded when its full name arrives
    truman = merge.link(library, entity("Truman", ["Truman"]))
    assert merge.link(library, entity("Harry Truman", ["Harry Truman", "Truman"])) == truman
    assert library.execute("SELECT name FROM library_entities WHERE id = ?", (truman,)).fetchone()[0] == "Harry Truman"
    assert not merge.name_like("the Chinese leader", "person") and merge.name_like("Lucius D. Clay", "person")


def test_people_across_books_and_their_pages(library, analyze_text) -> None:
    ids = [store(library, _doc(analyze_text, text, name)) for text, name in
           ((MOSCOW, "moscow.txt"), (LATER, "later.txt"), (AIRLIFT, "airlift.txt"))]
    people = {p["name"]: p for p in queries.entities(library, "person")}
    assert people["Joseph Stalin"]["books"] == 2
    page = queries.entity(library, people["Joseph Stalin"]["id"])
    assert sorted(b["id"] for b in page["books"]) == sorted(ids[:2])
    assert "Stalin" in page["aliases"]
    assert all(e["document_id"] in ids[:2] for e in page["events"]) and page["events"]
    places = {p["name"] for p in queries.entities(library, "place")}
    assert {"Moscow", "Berlin"} <= places


def test_timeline_is_in_date_order_and_filters(library, analyze_text) -> None:
    airlift = store(library, _doc(analyze_text, AIRLIFT, "airlift.txt"))
    moscow = store(library, _doc(analyze_text, MOSCOW, "moscow.txt"))
    events = queries.timeline(library)
    assert [e["earliest"] for e in events] == sorted(e["earliest"] for e in events)
    assert {e["document_id"] for e in events} == {airlift, moscow}
    may = [e for e in events if e["value"] == "1949-05"]
    assert may and may[0]["earliest"] == "1949-05-01" and may[0]["latest"] == "1949-05-31"  # a range, not a day
    assert {e["document_id"] for e in queries.timeline(library, document=moscow)} == {moscow}
    stalin = next(p["id"] for p in queries.entities(library) if p["name"] == "Joseph Stalin")
    only_stalin = queries.timeline(library, person=stalin)
    assert only_stalin and all(e["document_id"] == moscow for e in only_stalin)
    assert all("Stalin" in e["summary"] for e in only_stalin)


def test_search_finds_sentences_and_quotes_with_date_and_citation(library, analyze_text) -> None:
    store(library, _doc(analyze_text, AIRLIFT, "airlift.txt"))
    store(library, _doc(analyze_text, MOSCOW, "moscow.txt"))
    hits = queries.search(library, "Berlin blockade")
    assert hits[0]["document"] == "airlift.txt" and hits[0]["date"] == "1948-06-24"
    assert hits[0]["citation"] == f"chars {AIRLIFT.index('On 24')}–{AIRLIFT.index(' General')}"
    flights = queries.search(library, "first flights")[0]
    assert flights["date"] == "1948-06-26" and flights["citation"].endswith("; note 1") and flights["notes"] == [1]
    assert "\x02blockade\x03" in hits[0]["snippet"]
    assert sorted(h["kind"] for h in queries.search(library, '"going to stay"')) == ["quote", "sentence"]
    assert queries.search(library, "blockad*") and not queries.search(library, "blockad")
    for hostile in ('Berlin AND "', "NEAR(", "text:", "*", "-", '"""'):  # FTS syntax typed by accident
        queries.search(library, hostile)


def test_remove_deletes_every_row_of_the_book_only(library, analyze_text) -> None:
    keep = store(library, _doc(analyze_text, MOSCOW, "moscow.txt"))
    gone = store(library, _doc(analyze_text, AIRLIFT, "airlift.txt"))
    assert remove(library, gone) and not remove(library, gone)
    assert [d["id"] for d in queries.documents(library)] == [keep]
    for table in ("sentences", "timexes", "entities", "events", "quotes", "notes", "sections", "paragraphs"):
        assert library.execute(f"SELECT count(*) FROM {table} WHERE document_id = ?", (gone,)).fetchone()[0] == 0
    assert library.execute("SELECT count(*) FROM mentions WHERE entity_id NOT IN (SELECT id FROM entities)").fetchone()[0] == 0
    assert not queries.search(library, "airlift")
    assert "Lucius Clay" not in {p["name"] for p in queries.entities(library)}  # orphaned library entities go too
    assert library.execute("PRAGMA foreign_key_check").fetchall() == []


def test_export_writes_every_book(library, analyze_text, tmp_path: Path) -> None:
    docs = [_doc(analyze_text, text, name) for text, name in ((AIRLIFT, "airlift.txt"), (MOSCOW, "moscow.txt"))]
    for doc in docs:
        store(library, doc)
    lines = list(export.jsonl(library))
    assert [json.loads(line) for line in lines] == [to_dict(d) for d in docs]
    written = export.to_directory(library, "html", tmp_path / "out")
    assert sorted(p.name for p in written) == ["airlift.html", "moscow.html"]
    assert '<mark class="date">24 June 1948</mark>' in (tmp_path / "out" / "airlift.html").read_text(encoding="utf-8")


def test_documents_sharing_a_name_get_distinct_export_files(library, tmp_path: Path) -> None:
    for text in ("First text.\n", "Second text.\n"):
        doc = Document(text=text, source=SourceInfo(path="a/chapter.txt", sha256=str(hash(text)), format="txt"))
        store(library, doc)
    names = sorted(p.name for p in export.to_directory(library, "md", tmp_path))
    assert len(names) == 2 and "chapter.md" in names


def test_fts_query_quotes_every_term() -> None:
    assert queries.fts_query('Berlin "air lift" Clay*') == '"Berlin" "air lift" "Clay"*'
    assert queries.fts_query('AND OR ""') == '"AND" "OR"'
    assert queries.fts_query("   ") == ""


def test_replace_and_supersede(library, analyze_text) -> None:
    first = store(library, _doc(analyze_text, AIRLIFT, "airlift.txt"))
    replaced = store(library, _doc(analyze_text, AIRLIFT, "airlift.txt"), replace=True)
    assert replaced != first and [d["id"] for d in queries.documents(library)] == [replaced]
    other = store(library, _doc(analyze_text, MOSCOW, "moscow.txt"))
    edited = store(library, _doc(analyze_text, AIRLIFT.replace("1949", "1950"), "airlift.txt"), supersede=True)
    assert sorted(d["id"] for d in queries.documents(library)) == [other, edited]
    assert {e["value"] for e in queries.timeline(library, document=edited)} >= {"1950-09-30"}
    assert library.execute("SELECT count(*) FROM events WHERE document_id = ?", (replaced,)).fetchone()[0] == 0
