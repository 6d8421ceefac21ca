"""Parallel analysis gives the serial results: a process pool over documents and over the chunks of
a long one, and `chronica add --dask local` building the same library as a plain `add`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from benchmarks.common import ROOT
from chronica import readers
from chronica.cli import main
from chronica.library import load, open_library
from chronica.parallel import analyze_many
from chronica.pipeline import Pipeline
from chronica.writers.json import to_dict

SAMPLE = ROOT / "chronica" / "sample" / "sample.txt"
TEXTS = {
    "airlift.txt": "On 24 June 1948 the Soviet authorities imposed the Berlin blockade. General Lucius Clay ordered "
                   "the first flights on 26 June. “We are going to stay,” Clay said.\n",
    "moscow.txt": "In May 1949 Joseph Stalin received the envoys in Moscow. Stalin agreed to lift the blockade on "
                  "12 May 1949.\n",
    "korea.md": "On 25 June 1950 North Korean forces crossed the 38th parallel, and Truman answered within days.\n",
    "schuman.txt": "On 9 May 1950 Robert Schuman proposed to pool the coal and steel of France and Germany.\n",
}


def test_pool_equals_serial_for_documents_and_chunks(pipeline, tmp_path: Path) -> None:
    paths = []
    for name, text in TEXTS.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
        paths.append(tmp_path / name)
    small = 2500  # the sample becomes several chunks, analyzed by both workers
    serial = Pipeline(chunk_chars=small)
    expected = [to_dict(serial.run(readers.read(p))) for p in [SAMPLE, *paths]]
    got = [to_dict(d) for d in analyze_many((readers.read(p) for p in [SAMPLE, *paths]), 2, chunk_chars=small)]
    assert got == expected


def _library(db: Path) -> list[tuple]:
    conn = open_library(db)
    rows = conn.execute("SELECT id, path FROM documents ORDER BY path").fetchall()
    events = conn.execute("SELECT d.path, e.local_id, e.summary, e.date_value, e.sentence_start FROM events e "
                          "JOIN documents d ON d.id = e.document_id ORDER BY d.path, e.local_id").fetchall()
    docs = [(Path(path).name, json.dumps(to_dict(load(conn, i)), sort_keys=True)) for i, path in rows]
    return [docs, [(Path(r[0]).name, *r[1:]) for r in events]]


def test_add_on_a_dask_local_cluster_builds_the_same_library(tmp_path: Path) -> None:
    pytest.importorskip("distributed")
    books = tmp_path / "books"
    books.mkdir()
    for name, text in TEXTS.items():
        (books / name).write_text(text, encoding="utf-8")
    runner = CliRunner()
    plain = runner.invoke(main, ["add", str(books), "--db", str(tmp_path / "plain.db"), "-q"])
    assert plain.exit_code == 0, plain.output
    dask = runner.invoke(main, ["add", str(books), "--db", str(tmp_path / "dask.db"), "-q",
                                "--dask", "local", "--workers", "2"])
    assert dask.exit_code == 0, dask.output
    expected = _library(tmp_path / "plain.db")
    assert len(expected[0]) == len(TEXTS) and expected[1]
    assert _library(tmp_path / "dask.db") == expected


def test_unreachable_scheduler_is_one_error_line(tmp_path: Path) -> None:
    pytest.importorskip("distributed")
    (tmp_path / "a.txt").write_text(TEXTS["airlift.txt"], encoding="utf-8")
    result = CliRunner().invoke(main, ["add", str(tmp_path / "a.txt"), "--db", str(tmp_path / "x.db"), "-q",
                                       "--dask", "tcp://127.0.0.1:9"])
    assert result.exit_code == 2
    assert "cannot reach the Dask scheduler" in result.output
