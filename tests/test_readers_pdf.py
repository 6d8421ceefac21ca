"""PDF reader: a generated book with running heads, page numbers, hyphenated line ends and
footnotes reads back to its text, with the furniture kept as pages and the footnotes as notes."""

from __future__ import annotations

import pytest

from benchmarks.books import write_pdf
from chronica.errors import InputError
from chronica.readers import pdf, read

fpdf = pytest.importorskip("fpdf")


def test_round_trip_text_pages_and_footnotes(tmp_path, small_book):
    doc = read(write_pdf(small_book, tmp_path / "book.pdf"))
    assert doc.source.format == "pdf"
    assert doc.text == small_book.expected_text()  # no running heads, page numbers or footnotes left in
    assert [s.title for s in doc.sections] == [title for title, _ in small_book.chapters]
    got = [(n.number, n.text, doc.text[n.start - 20:n.start]) for n in doc.notes]
    assert got == small_book.expected_notes()
    assert len(doc.pages) >= 3
    assert [p.label for p in doc.pages] == [str(i) for i in range(1, len(doc.pages) + 1)]
    assert doc.pages[0].start == 0 and doc.pages[-1].end == len(doc.text)
    assert all(a.end == b.start for a, b in zip(doc.pages, doc.pages[1:]))


def test_hyphenated_line_ends_are_rejoined(tmp_path, small_book):
    path = write_pdf(small_book, tmp_path / "book.pdf")
    import pypdf

    raw = "".join(page.extract_text() for page in pypdf.PdfReader(path).pages)
    assert "-\n" in raw  # the typesetter did break words at line ends
    assert "-" not in pdf.read(path).text.replace("503-506", "")


def _one_page(tmp_path, name: str, draw, **encryption) -> object:
    document = fpdf.FPDF()
    document.add_page()
    draw(document)
    if encryption:
        document.set_encryption(**encryption)
    path = tmp_path / name
    document.output(str(path))
    return path


def test_image_only_pdf_needs_ocr(tmp_path):
    path = _one_page(tmp_path, "scan.pdf", lambda d: d.rect(20, 20, 100, 150, style="F"))
    with pytest.raises(InputError, match="no text layer.*needs OCR"):
        read(path)


def test_password_protected_pdf_is_refused(tmp_path):
    from fpdf.enums import EncryptionMethod

    def draw(d):
        d.set_font("Helvetica", size=12)
        d.text(20, 20, "Secret minutes of the Continental Congress, 1776.")

    path = _one_page(tmp_path, "locked.pdf", draw, owner_password="owner", user_password="reader",
                     encryption_method=EncryptionMethod.RC4)
    with pytest.raises(InputError, match="encrypted PDF"):
        read(path)
    # Encrypted with an owner password only: opens without one, as any PDF viewer does.
    open_path = _one_page(tmp_path, "restricted.pdf", draw, owner_password="owner", encryption_method=EncryptionMethod.RC4)
    assert read(open_path).text == "Secret minutes of the Continental Congress, 1776."


@pytest.mark.parametrize("content", [b"%PDF-1.7\n1 0 obj << /Type /Catalog", b"not a pdf at all"])
def test_corrupt_pdf(tmp_path, content):
    path = tmp_path / "broken.pdf"
    path.write_bytes(content)
    with pytest.raises(InputError, match="not a (valid )?PDF"):
        read(path)
