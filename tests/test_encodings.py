"""Text decoding: UTF-8 with and without BOM and UTF-16 with BOM are certain; cp1252 is a warned guess."""

from __future__ import annotations

import codecs
from pathlib import Path

from chronica import readers

TEXT = "Mao’s train reached Moscow on 16 December 1949 — “a great day,” said Molotov.\n"


def test_utf8_bom_is_stripped(tmp_path: Path) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes(codecs.BOM_UTF8 + TEXT.encode("utf-8"))
    doc = readers.read(path)
    assert doc.text == TEXT and doc.warnings == []


def test_utf16_with_bom(tmp_path: Path) -> None:
    path = tmp_path / "u16.txt"
    path.write_bytes(TEXT.encode("utf-16"))
    assert readers.read(path).text == TEXT


def test_cp1252_is_decoded_with_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "legacy.txt"
    path.write_bytes(TEXT.encode("cp1252"))
    doc = readers.read(path)
    assert doc.text == TEXT
    assert len(doc.warnings) == 1 and "cp1252" in doc.warnings[0] and str(path) in doc.warnings[0]


def test_windows_newlines_become_universal(tmp_path: Path) -> None:
    path = tmp_path / "crlf.txt"
    path.write_bytes(TEXT.replace("\n", "\r\n").encode("utf-8") * 2)
    assert readers.read(path).text == TEXT * 2
