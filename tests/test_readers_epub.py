"""EPUB reader: a generated book with linked endnotes reads back to its text, headings and notes."""

from __future__ import annotations

import pytest


from chronica.errors import InputError
from chronica.readers import epub, read
from benchmarks.books import BILLION_LAUGHS, write_epub, zip_bytes

CONTAINER = ("<?xml version='1.0'?><container version='1.0' xmlns='urn:oasis:names:tc:opendocument:xmlns:container'>"
             "<rootfiles><rootfile full-path='content.opf' media-type='application/oebps-package+xml'/></rootfiles></container>")


def _opf(spine: list[str]) -> str:
    items = "".join(f"<item id='i{n}' href='{name}' media-type='application/xhtml+xml'/>" for n, name in enumerate(spine))
    refs = "".join(f"<itemref idref='i{n}'/>" for n in range(len(spine)))
    return f"<package xmlns='http://www.idpf.org/2007/opf' version='3.0'><manifest>{items}</manifest><spine>{refs}</spine></package>"


def test_round_trip_text_sections_and_linked_endnotes(tmp_path, small_book):
    doc = read(write_epub(small_book, tmp_path / "book.epub"))
    assert doc.source.format == "epub" and len(doc.source.sha256) == 64
    assert doc.text == small_book.expected_text()
    assert [s.title for s in doc.sections] == [title for title, _ in small_book.chapters]
    assert all(doc.text[s.start:s.end] == s.title for s in doc.sections)
    assert [doc.text[p.start:p.end] for p in doc.paragraphs] == [b for b in doc.text.split("\n\n") if b not in {s.title for s in doc.sections}]
    got = [(n.number, n.text, doc.text[n.start - 20:n.start]) for n in doc.notes]
    assert got == small_book.expected_notes()
    assert all(n.start == n.end for n in doc.notes)  # the marker digits are not in the text
    assert "Notes" not in doc.text  # the endnotes document is not running text


def test_notes_attach_to_the_cited_sentence(tmp_path, small_book, pipeline):
    doc = pipeline.run(read(write_epub(small_book, tmp_path / "book.epub")))
    first = doc.notes[0]
    assert doc.text[first.sentence_start:first.sentence_end].startswith("On July 10, 1754, representatives")
    assert doc.text[first.sentence_start:first.sentence_end].endswith("Albany Plan.")
    second = doc.notes[1]
    assert doc.text[second.sentence_start:second.sentence_end].startswith("Benjamin Franklin had proposed")


def test_footnote_in_same_document_page_breaks_and_nav_title(tmp_path):
    chapter = ("<html xmlns:epub='http://www.idpf.org/2007/ops'><body>"
               "<p>Washington crossed the Delaware on December 25, 1776.<a epub:type='noteref' href='#fn1'>*</a></p>"
               "<span epub:type='pagebreak' title='12'/><p>Trenton fell the next morning&nbsp;to the Continental Army.</p>"
               "<aside epub:type='footnote' id='fn1'><p>Fischer, Washington's Crossing, 206.</p></aside></body></html>")
    nav = ("<html xmlns:epub='http://www.idpf.org/2007/ops'><body><nav epub:type='toc'><ol>"
           "<li><a href='c1.xhtml'>The Crossing</a></li></ol></nav></body></html>")
    opf = _opf(["c1.xhtml"]).replace("</manifest>", "<item id='nav' href='nav.xhtml' media-type='application/xhtml+xml' properties='nav'/></manifest>")
    path = tmp_path / "crossing.epub"
    path.write_bytes(zip_bytes({"mimetype": "application/epub+zip", "META-INF/container.xml": CONTAINER,
                                "content.opf": opf, "c1.xhtml": chapter, "nav.xhtml": nav}))
    doc = epub.read(path)
    assert doc.text == ("The Crossing\n\nWashington crossed the Delaware on December 25, 1776.\n\n"
                        "Trenton fell the next morning\u00a0to the Continental Army.".replace("\u00a0", " "))
    assert [(s.title, s.level) for s in doc.sections] == [("The Crossing", 1)]
    (note,) = doc.notes
    assert (note.label, note.text) == ("*", "Fischer, Washington's Crossing, 206.")
    assert doc.text[:note.start].endswith("1776.")
    assert [(p.label, doc.text[p.start:p.start + 7]) for p in doc.pages] == [("12", "Trenton")]


@pytest.mark.parametrize("content, problem", [
    (b"PK\x03\x04 this is not really a zip", "not a valid EPUB (bad zip)"),
    (b"just some text", "not a valid EPUB (bad zip)"),
])
def test_bad_zip(tmp_path, content, problem):
    path = tmp_path / "bad.epub"
    path.write_bytes(content)
    with pytest.raises(InputError) as caught:
        read(path)
    assert caught.value.problem == problem


def test_truncated_epub(tmp_path, small_book):
    whole = write_epub(small_book, tmp_path / "book.epub").read_bytes()
    path = tmp_path / "truncated.epub"
    path.write_bytes(whole[: len(whole) // 2])
    with pytest.raises(InputError, match="bad zip"):
        read(path)


def test_xml_bomb_in_package_document_is_refused(tmp_path):
    bomb = BILLION_LAUGHS + "<package xmlns='http://www.idpf.org/2007/opf'><metadata>&lol3;</metadata></package>"
    path = tmp_path / "bomb.epub"
    path.write_bytes(zip_bytes({"META-INF/container.xml": CONTAINER, "content.opf": bomb}))
    with pytest.raises(InputError, match="refused: .*entities"):
        read(path)


def test_zip_bomb_is_refused(tmp_path):
    path = tmp_path / "bomb.epub"
    path.write_bytes(zip_bytes({"META-INF/container.xml": CONTAINER, "content.opf": _opf(["c1.xhtml"]),
                                "c1.xhtml": b"<p>" + b" " * 20_000_000 + b"</p>"}))
    with pytest.raises(InputError, match="zip bomb"):
        read(path)


def test_malformed_package_document(tmp_path):
    path = tmp_path / "broken.epub"
    path.write_bytes(zip_bytes({"META-INF/container.xml": CONTAINER, "content.opf": "<package><manifest></package>"}))
    with pytest.raises(InputError, match="malformed EPUB package document"):
        read(path)


def test_missing_spine_document(tmp_path):
    path = tmp_path / "hollow.epub"
    path.write_bytes(zip_bytes({"META-INF/container.xml": CONTAINER, "content.opf": _opf(["c1.xhtml"])}))
    with pytest.raises(InputError, match="c1.xhtml, which is not in the archive"):
        read(path)
