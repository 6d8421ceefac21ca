"""Bad input: one line on stderr naming the file and the problem, exit 2, no traceback, nothing written."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from chronica import readers
from chronica.errors import InputError

GOOD = "On 24 June 1948 the Soviet authorities cut the roads into Berlin.\n"


def _bad_files(tmp: Path) -> dict[str, tuple[Path, str]]:
    png = tmp / "image.txt"
    png.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    empty = tmp / "empty.txt"
    empty.write_bytes(b"")
    undecodable = tmp / "bytes.txt"
    undecodable.write_bytes(b"Stalin \x81\x8d\x8f\x90 Mao")  # bytes undefined in both UTF-8 and cp1252
    unknown = tmp / "notes.xyz"
    unknown.write_text(GOOD)
    return {
        "missing": (tmp / "missing.txt", "no such file"),
        "directory": (tmp, "is a directory"),
        "empty": (empty, "empty file"),
        "binary": (png, "PNG image"),
        "undecodable": (undecodable, "undecodable bytes"),
        "unknown extension": (unknown, "unknown file type '.xyz'"),
    }


@pytest.mark.parametrize("case", ["missing", "directory", "empty", "binary", "undecodable", "unknown extension"])
def test_reader_refuses_bad_input_with_the_problem(tmp_path: Path, case: str) -> None:
    path, problem = _bad_files(tmp_path)[case]
    with pytest.raises(InputError) as info:
        readers.read(path)
    assert str(path) in str(info.value)
    assert problem in str(info.value)


def test_cli_reports_each_bad_file_in_one_line_and_still_analyzes_the_good_one(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    bad = _bad_files(tmp_path / "in")
    good = tmp_path / "in" / "good.txt"
    good.write_text(GOOD, encoding="utf-8")
    out = tmp_path / "out"
    args = [str(p) for p, _ in bad.values()] + [str(good)]
    result = subprocess.run([sys.executable, "-m", "chronica", "analyze", *args, "-o", str(out), "-q"],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == len(bad)
    for (path, problem), line in zip(bad.values(), lines):
        assert str(path) in line and problem in line
    assert sorted(p.name for p in out.iterdir()) == ["good.json"]


def test_cli_writes_nothing_when_the_only_input_is_bad(tmp_path: Path) -> None:
    target = tmp_path / "result.json"
    result = subprocess.run([sys.executable, "-m", "chronica", "analyze", str(tmp_path / "nope.txt"), "-o", str(target)],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "nope.txt" in result.stderr
    assert not target.exists()
    assert list(tmp_path.iterdir()) == []


def test_unknown_model_is_one_line(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(GOOD, encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "chronica", "analyze", str(good), "--model", "xx_no_such_model"],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 2
    assert "xx_no_such_model" in result.stderr and "Traceback" not in result.stderr


def test_empty_and_date_free_texts_give_empty_analyses(analyze_text) -> None:
    assert analyze_text("").events == [] and analyze_text("").timexes == []
    doc = analyze_text("The archive holds letters and photographs.\n")
    assert doc.timexes == [] and doc.events == [] and doc.quotes == []


def test_an_output_that_cannot_be_written_is_an_input_error_and_leaves_nothing(tmp_path: Path) -> None:
    from chronica.writers import write_atomic

    blocker = tmp_path / "report"
    blocker.write_text("a file where a directory is wanted")
    with pytest.raises(InputError) as info:
        write_atomic(blocker / "chapter.json", "{}")
    assert info.value.path == str(blocker / "chapter.json")
    assert "cannot write" in info.value.problem
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report"]


def test_a_library_that_cannot_be_created_is_an_input_error(tmp_path: Path) -> None:
    from chronica.library import open_library

    blocker = tmp_path / "libraries"
    blocker.write_text("not a directory")
    with pytest.raises(InputError, match="cannot open"):
        open_library(blocker / "history.db", create=True)


def test_cli_add_of_a_folder_without_known_files_and_unwritable_export_are_one_line(tmp_path: Path) -> None:
    empty = tmp_path / "corpus"
    empty.mkdir()
    (empty / "scan.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    db = tmp_path / "history.db"
    run = [sys.executable, "-m", "chronica"]
    added = subprocess.run([*run, "add", str(empty), "--db", str(db), "-q"], capture_output=True, text=True,
                           timeout=120)
    assert added.returncode == 2
    [line] = added.stderr.strip().splitlines()
    assert line.startswith(f"error: {empty}: no file chronica can read (known: ") and ".txt" in line
    blocker = tmp_path / "out"
    blocker.write_text("a file")
    exported = subprocess.run([*run, "export", "--db", str(db), "-o", str(blocker / "all.jsonl")],
                              capture_output=True, text=True, timeout=120)
    assert exported.returncode == 2
    assert "Traceback" not in exported.stderr
    [line] = exported.stderr.strip().splitlines()
    assert line.startswith(f"error: {blocker / 'all.jsonl'}: cannot write (")


@pytest.mark.parametrize("fmt", ["epub", "docx", "pdf"])
def test_corrupted_books_are_refused_in_one_line(tmp_path: Path, small_book, fmt: str) -> None:
    """Bytes flipped at random in a real book: each read either works or is an InputError, never another
    exception (zipfile and pypdf raise ValueError, NotImplementedError, LimitReachedError on such files)."""
    import random

    from benchmarks.books import write_docx, write_epub, write_pdf

    writer = {"epub": write_epub, "docx": write_docx, "pdf": write_pdf}[fmt]
    data = writer(small_book, tmp_path / f"book.{fmt}").read_bytes()
    rng = random.Random(7)
    path = tmp_path / f"corrupt.{fmt}"
    for _ in range(150):
        damaged = bytearray(data)
        for _ in range(rng.randint(1, 8)):
            damaged[rng.randrange(len(damaged))] = rng.randrange(256)
        path.write_bytes(bytes(damaged))
        try:
            readers.read(path)
        except InputError as exc:
            assert "\n" not in str(exc) and str(path) in str(exc)


def test_pdf_parser_complaints_become_one_warning_not_terminal_noise(tmp_path: Path, small_book, capfd) -> None:
    from benchmarks.books import write_pdf

    data = write_pdf(small_book, tmp_path / "book.pdf").read_bytes()
    assert b"/WinAnsiEncoding" in data
    path = tmp_path / "odd-font.pdf"
    path.write_bytes(data.replace(b"/WinAnsiEncoding", b"/WinAnsiEncodinX"))  # same length: offsets stay valid
    doc = readers.read(path)
    assert "Albany Plan" in doc.text
    [warning] = doc.warnings
    assert warning.startswith(f"{path}: the PDF is partly malformed") and "\n" not in warning
    assert capfd.readouterr().err == ""


def test_serve_on_a_port_already_taken_is_one_line(tmp_path: Path) -> None:
    import socket

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = subprocess.run([sys.executable, "-m", "chronica", "serve", "--db", str(tmp_path / "lib.db"),
                                 "--port", str(port)], capture_output=True, text=True, timeout=60)
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [f"error: 127.0.0.1:{port}: cannot listen (Address already in use)"]


@pytest.mark.parametrize("name, wrap", [
    ("deep.tei", lambda inner: f"<TEI xmlns='http://www.tei-c.org/ns/1.0'><text><body>{inner}</body></text></TEI>"),
    ("deep.tml", lambda inner: f"<TimeML><TEXT>{inner}</TEXT></TimeML>"),
])
def test_absurdly_deep_nesting_is_refused_in_one_line(tmp_path: Path, name: str, wrap) -> None:
    path = tmp_path / name
    path.write_text(wrap("<div>" * 20_000 + "<p>On 3 May 1950.</p>" + "</div>" * 20_000), encoding="utf-8")
    with pytest.raises(InputError, match="nested too deeply"):
        readers.read(path)


@pytest.mark.parametrize("name, problem", [("scan.docx", "not a valid DOCX (it is a PNG image)"),
                                           ("scan.epub", "not a valid EPUB (it is a PNG image)"),
                                           ("scan.pdf", "not a PDF (it is a PNG image)")])
def test_a_renamed_image_is_named_for_what_it_is(tmp_path: Path, name: str, problem: str) -> None:
    path = tmp_path / name
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(64))
    with pytest.raises(InputError) as info:
        readers.read(path)
    assert info.value.problem == problem
