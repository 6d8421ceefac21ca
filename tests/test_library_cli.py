"""The library verbs end to end (add, list, search, remove, export) and a SIGKILL in the middle of `add`."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from chronica import readers
from chronica.library import SCHEMA_VERSION, load, open_library
from chronica.writers.json import to_dict

AIRLIFT = ("On 24 June 1948 the Soviet authorities imposed the Berlin blockade. "
           "General Lucius Clay ordered the first flights on 26 June.\n")
KOREA = "On 25 June 1950 North Korean forces crossed the 38th parallel, and Truman answered within days.\n"
PEOPLE = ("Clay", "Truman", "Acheson", "Marshall", "Bevin", "Kennan", "Byrnes", "Forrestal")
MONTHS = ("January", "March", "May", "July", "September", "November")


def chronica(*args: str, timeout: int = 300) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "chronica", *args], capture_output=True, text=True, timeout=timeout)


def _chapter(number: int, paragraphs: int = 60) -> str:
    """A chapter of plausible dated prose, different for every ``number`` (so its content hash differs)."""
    lines = [f"CHAPTER {number}"]
    for i in range(paragraphs):
        year = 1900 + (number * 7 + i) % 90
        who, other = PEOPLE[(number + i) % len(PEOPLE)], PEOPLE[(number + 2 * i + 1) % len(PEOPLE)]
        lines.append(f"On {1 + i % 27} {MONTHS[i % len(MONTHS)]} {year} {who} met {other} in Washington to discuss "
                     f"the loans, and the talks lasted until the spring of {year + 1}. "
                     f"The committee reported in {year + 2}, after {who} had left the capital for good.")
    return "\n".join(lines) + "\n"


def test_add_list_search_remove_export(tmp_path: Path) -> None:
    db = tmp_path / "lib.db"
    (tmp_path / "books").mkdir()
    (tmp_path / "books" / "airlift.txt").write_text(AIRLIFT, encoding="utf-8")
    (tmp_path / "books" / "korea.md").write_text(KOREA, encoding="utf-8")
    (tmp_path / "books" / "cover.png").write_bytes(b"\x89PNG\r\n\x1a\n")  # not a known text type: ignored in a dir

    first = chronica("add", str(tmp_path / "books"), "--db", str(db))
    assert first.returncode == 0, first.stderr
    assert "2 added, 0 already in the library, 0 failed" in first.stderr

    # Nothing to re-analyze: the model is never loaded, so even a model that does not exist is no error.
    again = chronica("add", str(tmp_path / "books"), "--db", str(db), "--model", "no_such_spacy_model")
    assert again.returncode == 0, again.stderr
    assert "0 added, 2 already in the library" in again.stderr

    listing = chronica("list", "--db", str(db))
    assert "airlift.txt" in listing.stdout and "korea.md" in listing.stdout

    found = chronica("search", "Berlin blockade", "--db", str(db))
    assert found.returncode == 0 and "airlift.txt" in found.stdout and "1948-06-24" in found.stdout
    assert chronica("search", "zeppelin", "--db", str(db)).returncode == 1

    lines = chronica("export", "--db", str(db), "--format", "jsonl").stdout.splitlines()
    assert sorted(Path(json.loads(line)["source"]["path"]).name for line in lines) == ["airlift.txt", "korea.md"]
    exported = chronica("export", "--db", str(db), "--format", "tei", "-o", str(tmp_path / "tei"))
    assert exported.returncode == 0, exported.stderr  # every analyze writer, not only a chosen few
    assert sorted(p.name for p in (tmp_path / "tei").iterdir()) == ["airlift.tei.xml", "korea.tei.xml"]

    assert chronica("remove", "korea.md", "--db", str(db)).returncode == 0
    missing = chronica("remove", "korea.md", "--db", str(db))
    assert missing.returncode == 2 and "korea.md: no such document" in missing.stderr
    assert "korea.md" not in chronica("list", "--db", str(db)).stdout


def test_cli_refuses_a_newer_library_in_one_line(tmp_path: Path) -> None:
    db = tmp_path / "future.db"
    open_library(db, create=True).close()
    raw = sqlite3.connect(db)
    raw.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 5}")
    raw.close()
    before = db.read_bytes()
    for verb in (["list"], ["search", "x"], ["export"], ["add", str(db)]):
        result = chronica(*verb, "--db", str(db))
        assert result.returncode == 2, verb
        assert result.stderr.count("\n") == 1 and "newer than this chronica" in result.stderr
        assert "Traceback" not in result.stderr
    assert db.read_bytes() == before


def test_sigkill_during_add_leaves_only_whole_documents(tmp_path: Path, pipeline) -> None:
    books = tmp_path / "books"
    books.mkdir()
    for number in range(8):
        (books / f"chapter{number}.txt").write_text(_chapter(number), encoding="utf-8")
    db = tmp_path / "lib.db"
    process = subprocess.Popen([sys.executable, "-m", "chronica", "add", str(books), "--db", str(db), "-q"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 240
        while time.monotonic() < deadline and process.poll() is None:
            if db.exists():
                try:
                    probe = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
                    stored = probe.execute("SELECT count(*) FROM documents").fetchone()[0]
                    probe.close()
                except sqlite3.OperationalError:  # schema not created yet
                    stored = 0
                if stored >= 1:
                    break
            time.sleep(0.02)
        os.kill(process.pid, signal.SIGKILL)
    finally:
        process.wait(timeout=30)
    assert process.returncode == -signal.SIGKILL

    conn = open_library(db)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    rows = conn.execute("SELECT id, path FROM documents").fetchall()
    assert 1 <= len(rows) < 8  # killed mid-run
    for document_id, path in rows:  # every stored book is exactly the whole analysis of its file
        assert to_dict(load(conn, document_id)) == to_dict(pipeline.run(readers.read(Path(path))))
    conn.close()

    resumed = chronica("add", str(books), "--db", str(db))
    assert resumed.returncode == 0
    assert f"{8 - len(rows)} added, {len(rows)} already in the library" in resumed.stderr


def test_an_edited_file_replaces_itself_however_its_path_is_written(tmp_path: Path) -> None:
    db = tmp_path / "lib.db"
    book = tmp_path / "airlift.txt"
    book.write_text(AIRLIFT, encoding="utf-8")
    first = subprocess.run([sys.executable, "-m", "chronica", "add", "airlift.txt", "--db", str(db), "-q"],
                           capture_output=True, text=True, timeout=300, cwd=tmp_path)
    assert first.returncode == 0, first.stderr
    book.write_text(AIRLIFT + "The last aircraft landed on 30 September 1949.\n", encoding="utf-8")
    second = chronica("add", str(book), "--db", str(db), "-q")
    assert second.returncode == 0, second.stderr
    listing = chronica("list", "--db", str(db)).stdout
    assert listing.count("airlift.txt") == 1
