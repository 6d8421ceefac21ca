"""DOCX reader: a generated document with footnotes reads back to its text, headings and notes."""

from __future__ import annotations

import pytest

from benchmarks.books import BILLION_LAUGHS, write_docx, zip_bytes
from chronica.errors import InputError
from chronica.readers import docx, read

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _document(body: str) -> str:
    return f"<w:document xmlns:w='{W}'><w:body>{body}</w:body></w:document>"


def test_round_trip_text_headings_and_footnotes(tmp_path, small_book):
    doc = read(write_docx(small_book, tmp_path / "draft.docx"))
    assert doc.source.format == "docx"
    assert doc.text == small_book.expected_text()
    assert [(s.title, s.level) for s in doc.sections] == [(title, 1) for title, _ in small_book.chapters]
    got = [(n.number, n.text, doc.text[n.start - 20:n.start]) for n in doc.notes]
    assert got == small_book.expected_notes()
    assert [p.section for p in doc.paragraphs] == [0, 0, 0, 1, 1]


def test_endnotes_deleted_revisions_and_heading_without_styles_part(tmp_path):
    body = ("<w:p><w:pPr><w:pStyle w:val='Heading2'/></w:pPr><w:r><w:t>Neutrality, 1793</w:t></w:r></w:p>"
            "<w:p><w:r><w:t xml:space='preserve'>Washington proclaimed neutrality </w:t></w:r>"
            "<w:del><w:r><w:delText>reluctantly </w:delText></w:r></w:del>"
            "<w:r><w:t>in April 1793.</w:t></w:r><w:r><w:endnoteReference w:id='2'/></w:r>"
            "<w:r><w:tab/><w:t>Genet arrived.</w:t></w:r></w:p>")
    endnotes = (f"<w:endnotes xmlns:w='{W}'><w:endnote w:type='separator' w:id='0'><w:p/></w:endnote>"
                "<w:endnote w:id='2'><w:p><w:r><w:endnoteRef/></w:r><w:r><w:t xml:space='preserve'> Proclamation of Neutrality, April 22, 1793.</w:t></w:r></w:p></w:endnote></w:endnotes>")
    path = tmp_path / "endnotes.docx"
    path.write_bytes(zip_bytes({"word/document.xml": _document(body), "word/endnotes.xml": endnotes}))
    doc = docx.read(path)
    assert doc.text == "Neutrality, 1793\n\nWashington proclaimed neutrality in April 1793. Genet arrived."
    assert [(s.title, s.level) for s in doc.sections] == [("Neutrality, 1793", 2)]
    (note,) = doc.notes
    assert note.text == "Proclamation of Neutrality, April 22, 1793."
    assert doc.text[:note.start].endswith("in April 1793.")


def test_bad_zip(tmp_path):
    path = tmp_path / "bad.docx"
    path.write_bytes(b"PK\x03\x04\x14\x00 truncated")
    with pytest.raises(InputError) as caught:
        read(path)
    assert caught.value.problem == "not a valid DOCX (bad zip)"


def test_zip_without_document_part(tmp_path):
    path = tmp_path / "other.docx"
    path.write_bytes(zip_bytes({"readme.txt": "hello"}))
    with pytest.raises(InputError, match="word/document.xml is missing"):
        read(path)


def test_malformed_xml(tmp_path):
    path = tmp_path / "broken.docx"
    path.write_bytes(zip_bytes({"word/document.xml": f"<w:document xmlns:w='{W}'><w:body><w:p></w:body>"}))
    with pytest.raises(InputError, match="malformed DOCX part word/document.xml"):
        read(path)


def test_xml_bomb_is_refused(tmp_path):
    path = tmp_path / "bomb.docx"
    path.write_bytes(zip_bytes({"word/document.xml": BILLION_LAUGHS + _document("<w:p><w:r><w:t>&lol3;</w:t></w:r></w:p>")}))
    with pytest.raises(InputError, match="refused: .*entities"):
        read(path)


def test_zip_bomb_is_refused(tmp_path):
    path = tmp_path / "bomb.docx"
    path.write_bytes(zip_bytes({"word/document.xml": _document("<w:p><w:r><w:t>" + "a" * 30_000_000 + "</w:t></w:r></w:p>")}))
    with pytest.raises(InputError, match="zip bomb"):
        read(path)
