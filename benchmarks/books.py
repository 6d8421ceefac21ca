"""Books generated from known text in each input format, for the reader tests and benchmark.

A :class:`Book` is chapters of paragraphs in which ``{n}`` marks where note ``n`` is cited; each
writer renders the markers the way its format does (EPUB noteref links to an endnotes document,
DOCX footnote references, PDF superscripts with footnotes at the page foot), so a reader is
right when it gives back :meth:`Book.expected_text` with the notes at the marker positions.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass, field
from html import escape
from pathlib import Path

_MARK = re.compile(r"\{(\d+)\}")


@dataclass
class Book:
    title: str
    chapters: list[tuple[str, list[str]]]  # (heading, paragraphs with {n} note marks)
    notes: dict[int, str] = field(default_factory=dict)

    def expected_text(self) -> str:
        """The plain text a reader should give: headings and paragraphs, blank lines between."""
        blocks = []
        for heading, paragraphs in self.chapters:
            blocks.append(heading)
            blocks.extend(_MARK.sub("", p) for p in paragraphs)
        return "\n\n".join(blocks)

    def expected_notes(self) -> list[tuple[int, str, str]]:
        """(number, note text, the 20 characters of plain text before the marker) in reading order."""
        found = []
        text = self.expected_text()
        cursor = 0
        for _, paragraphs in self.chapters:
            for paragraph in paragraphs:
                plain = _MARK.sub("", paragraph)
                cursor = text.index(plain, cursor)
                removed = 0
                for match in _MARK.finditer(paragraph):
                    at = cursor + match.start() - removed
                    removed += len(match.group(0))
                    found.append((int(match.group(1)), self.notes[int(match.group(1))], text[max(at - 20, 0):at]))
                cursor += len(plain)
        return found


# -- EPUB ------------------------------------------------------------------------------------------

def write_epub(book: Book, path: Path) -> Path:
    """EPUB 3: one XHTML per chapter, noteref links into a separate endnotes document."""
    files: dict[str, str] = {}
    for index, (heading, paragraphs) in enumerate(book.chapters, 1):
        body = [f"<h1 id='c{index}'>{escape(heading)}</h1>"]
        for paragraph in paragraphs:
            html = _MARK.sub(lambda m: f"<a epub:type='noteref' id='r{m.group(1)}' href='notes.xhtml#n{m.group(1)}'><sup>{m.group(1)}</sup></a>",
                             escape(paragraph, quote=False))
            body.append(f"<p>{html}</p>")
        files[f"c{index}.xhtml"] = _xhtml(heading, "\n".join(body))
    note_items = "\n".join(
        f"<li id='n{n}'><p><a href='c{_chapter_of(book, n)}.xhtml#r{n}'>{n}.</a> {escape(text)}</p></li>"
        for n, text in sorted(book.notes.items()))
    files["notes.xhtml"] = _xhtml("Notes", f"<section epub:type='endnotes'><h2>Notes</h2><ol>{note_items}</ol></section>")
    nav_items = "".join(f"<li><a href='c{i}.xhtml#c{i}'>{escape(h)}</a></li>" for i, (h, _) in enumerate(book.chapters, 1))
    files["nav.xhtml"] = _xhtml("Contents", f"<nav epub:type='toc'><ol>{nav_items}</ol></nav>")
    nav_property = " properties='nav'"
    manifest = "".join(f"<item id='{name[:-6]}' href='{name}' media-type='application/xhtml+xml'{nav_property if name == 'nav.xhtml' else ''}/>"
                       for name in files)
    spine = "".join(f"<itemref idref='c{i}'/>" for i in range(1, len(book.chapters) + 1)) + "<itemref idref='notes'/>"
    opf = (f"<?xml version='1.0' encoding='utf-8'?><package xmlns='http://www.idpf.org/2007/opf' version='3.0' unique-identifier='id'>"
           f"<metadata xmlns:dc='http://purl.org/dc/elements/1.1/'><dc:identifier id='id'>test</dc:identifier><dc:title>{escape(book.title)}</dc:title></metadata>"
           f"<manifest>{manifest}</manifest><spine>{spine}</spine></package>")
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", "application/epub+zip", compress_type=zipfile.ZIP_STORED)
        archive.writestr("META-INF/container.xml",
                         "<?xml version='1.0'?><container version='1.0' xmlns='urn:oasis:names:tc:opendocument:xmlns:container'>"
                         "<rootfiles><rootfile full-path='OEBPS/content.opf' media-type='application/oebps-package+xml'/></rootfiles></container>",
                         compress_type=zipfile.ZIP_DEFLATED)
        archive.writestr("OEBPS/content.opf", opf, compress_type=zipfile.ZIP_DEFLATED)
        for name, content in files.items():
            archive.writestr(f"OEBPS/{name}", content, compress_type=zipfile.ZIP_DEFLATED)
    return path


def _xhtml(title: str, body: str) -> str:
    return ("<?xml version='1.0' encoding='utf-8'?><!DOCTYPE html><html xmlns='http://www.w3.org/1999/xhtml' "
            f"xmlns:epub='http://www.idpf.org/2007/ops'><head><title>{escape(title)}</title></head><body>{body}</body></html>")


def _chapter_of(book: Book, number: int) -> int:
    for index, (_, paragraphs) in enumerate(book.chapters, 1):
        if any(f"{{{number}}}" in p for p in paragraphs):
            return index
    return 1


# -- DOCX ------------------------------------------------------------------------------------------

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def write_docx(book: Book, path: Path) -> Path:
    """A WordprocessingML package with Heading 1 paragraphs and real footnotes (footnotes.xml)."""
    body: list[str] = []
    for heading, paragraphs in book.chapters:
        body.append(_docx_paragraph(heading, "Heading1"))
        body.extend(_docx_paragraph(p, None) for p in paragraphs)
    document = (f"<?xml version='1.0' encoding='UTF-8' standalone='yes'?><w:document xmlns:w='{_W}' xmlns:r='{_R}'>"
                f"<w:body>{''.join(body)}</w:body></w:document>")
    notes = "".join(
        f"<w:footnote w:id='{n}'><w:p><w:pPr><w:pStyle w:val='FootnoteText'/></w:pPr><w:r><w:rPr><w:rStyle w:val='FootnoteReference'/></w:rPr>"
        f"<w:footnoteRef/></w:r><w:r><w:t xml:space='preserve'> {escape(text)}</w:t></w:r></w:p></w:footnote>"
        for n, text in sorted(book.notes.items()))
    footnotes = (f"<?xml version='1.0' encoding='UTF-8' standalone='yes'?><w:footnotes xmlns:w='{_W}'>"
                 f"<w:footnote w:type='separator' w:id='-1'><w:p><w:r><w:separator/></w:r></w:p></w:footnote>"
                 f"<w:footnote w:type='continuationSeparator' w:id='0'><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>"
                 f"{notes}</w:footnotes>")
    styles = (f"<?xml version='1.0' encoding='UTF-8' standalone='yes'?><w:styles xmlns:w='{_W}'>"
              "<w:style w:type='paragraph' w:styleId='Heading1'><w:name w:val='heading 1'/></w:style>"
              "<w:style w:type='paragraph' w:styleId='Title'><w:name w:val='Title'/></w:style></w:styles>")
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml",
                         "<?xml version='1.0' encoding='UTF-8'?><Types xmlns='http://schemas.openxmlformats.org/package/2006/content-types'>"
                         "<Default Extension='rels' ContentType='application/vnd.openxmlformats-package.relationships+xml'/>"
                         "<Default Extension='xml' ContentType='application/xml'/>"
                         "<Override PartName='/word/document.xml' ContentType='application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml'/>"
                         "<Override PartName='/word/footnotes.xml' ContentType='application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml'/>"
                         "<Override PartName='/word/styles.xml' ContentType='application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml'/></Types>")
        archive.writestr("_rels/.rels",
                         "<?xml version='1.0' encoding='UTF-8'?><Relationships xmlns='http://schemas.openxmlformats.org/package/2006/relationships'>"
                         "<Relationship Id='rId1' Type='http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument' Target='word/document.xml'/></Relationships>")
        archive.writestr("word/_rels/document.xml.rels",
                         "<?xml version='1.0' encoding='UTF-8'?><Relationships xmlns='http://schemas.openxmlformats.org/package/2006/relationships'>"
                         "<Relationship Id='rId1' Type='http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes' Target='footnotes.xml'/>"
                         "<Relationship Id='rId2' Type='http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles' Target='styles.xml'/></Relationships>")
        archive.writestr("word/document.xml", document)
        archive.writestr("word/footnotes.xml", footnotes)
        archive.writestr("word/styles.xml", styles)
    return path


def _docx_paragraph(text: str, style: str | None) -> str:
    props = f"<w:pPr><w:pStyle w:val='{style}'/></w:pPr>" if style else ""
    runs = []
    for index, piece in enumerate(_MARK.split(text)):
        if index % 2:
            runs.append(f"<w:r><w:rPr><w:rStyle w:val='FootnoteReference'/><w:vertAlign w:val='superscript'/></w:rPr><w:footnoteReference w:id='{piece}'/></w:r>")
        elif piece:
            # Split runs mid-word like Word does after an edit, so the reader must join them.
            half = len(piece) // 2
            runs.extend(f"<w:r><w:t xml:space='preserve'>{escape(part, quote=False)}</w:t></w:r>" for part in (piece[:half], piece[half:]) if part)
    return f"<w:p>{props}{''.join(runs)}</w:p>"


# -- PDF -------------------------------------------------------------------------------------------

def write_pdf(book: Book, path: Path) -> Path:
    """A printed-book PDF: running heads, page numbers, first-line indents, words hyphenated at
    line ends, superscript note markers and their footnotes at the foot of the same page."""
    pdf = _BookPDF(book)
    pdf.set_auto_page_break(False)
    for heading, paragraphs in book.chapters:
        pdf.chapter(heading)
        for paragraph in paragraphs:
            pdf.paragraph(paragraph)
    pdf.finish_page()
    pdf.output(str(path))
    return path


class _BookPDF:
    """Typesets by hand (fpdf2 only draws), so line ends, hyphens and footnotes are known exactly."""

    LEFT, RIGHT, TOP, BOTTOM = 72.0, 540.0, 90.0, 700.0
    SIZE, LEADING, NOTE_SIZE = 11.0, 14.0, 8.0

    def __init__(self, book: Book) -> None:
        from fpdf import FPDF

        self.book = book
        self.pdf = FPDF(unit="pt", format="letter")
        self.pdf.set_font("Helvetica", size=self.SIZE)
        self.page_no = 0
        self.y = self.BOTTOM  # forces a page on first use
        self.heading = book.title
        self.page_notes: list[int] = []

    def set_auto_page_break(self, value: bool) -> None:
        self.pdf.set_auto_page_break(value)

    def output(self, name: str) -> None:
        self.pdf.output(name)

    def _notes_height(self, notes: list[int]) -> float:
        return (len(notes) * 2 + 1) * (self.NOTE_SIZE + 2) if notes else 0.0

    def new_page(self) -> None:
        self.finish_page()
        self.pdf.add_page()
        self.page_no += 1
        self.y = self.TOP
        self.pdf.set_font("Helvetica", size=9)
        head = self.book.title if self.page_no % 2 == 0 else self.heading
        self.pdf.text(self.LEFT, 50, head)
        self.pdf.text((self.LEFT + self.RIGHT) / 2, 750, str(self.page_no))

    def finish_page(self) -> None:
        if not self.page_notes:
            return
        pdf = self.pdf
        y = self.BOTTOM + 10 - self._notes_height(self.page_notes) + self.NOTE_SIZE
        pdf.line(self.LEFT, y - 10, self.LEFT + 120, y - 10)
        pdf.set_font("Helvetica", size=self.NOTE_SIZE)
        for number in self.page_notes:
            lines = self._wrap(f"{number}. {self.book.notes[number]}", self.NOTE_SIZE, 0)
            for line, _ in lines:
                pdf.text(self.LEFT, y, line)
                y += self.NOTE_SIZE + 2
        self.page_notes = []

    def chapter(self, heading: str) -> None:
        self.heading = heading
        if self.page_no:
            self.y += self.LEADING
        if self.y + 3 * self.LEADING > self.BOTTOM - self._notes_height(self.page_notes):
            self.new_page()
        self.pdf.set_font("Helvetica", style="B", size=16)
        self.y += 6
        self.pdf.text(self.LEFT, self.y, heading)
        self.y += 2 * self.LEADING

    def _wrap(self, text: str, size: float, indent: float) -> list[tuple[str, list[tuple[int, int]]]]:
        """Greedy lines; a long word that does not fit is hyphenated. Returns lines and their marks
        as (character index in the line, note number)."""
        self.pdf.set_font("Helvetica", size=size)
        width = self.RIGHT - self.LEFT
        lines: list[tuple[str, list[tuple[int, int]]]] = []
        line, marks, room = "", [], width - indent
        for word in text.split(" "):
            word_marks = [(m.start(), int(m.group(1))) for m in _MARK.finditer(word)]
            plain = _MARK.sub("", word)
            candidate = f"{line} {plain}" if line else plain
            if self.pdf.get_string_width(candidate) <= room:
                base = len(candidate) - len(plain)
                marks += [(base + _shift(word, at), n) for at, n in word_marks]
                line = candidate
                continue
            if len(plain) >= 8 and plain.isalpha() and not word_marks and line:
                cut = len(plain) // 2
                head = f"{line} {plain[:cut]}-"
                if self.pdf.get_string_width(head) <= room:
                    lines.append((head, marks))
                    line, marks, room = plain[cut:], [], width
                    continue
            lines.append((line, marks))
            line, room = plain, width
            marks = [(_shift(word, at), n) for at, n in word_marks]
        lines.append((line, marks))
        return lines

    def paragraph(self, text: str) -> None:
        indent = 18.0
        for index, (line, marks) in enumerate(self._wrap(text, self.SIZE, indent)):
            notes = self.page_notes + [n for _, n in marks]
            if self.y > self.BOTTOM - self._notes_height(notes):
                self.new_page()
            x = self.LEFT + (indent if index == 0 else 0)
            self.pdf.set_font("Helvetica", size=self.SIZE)
            cursor = 0
            for at, number in marks:
                self.pdf.set_font("Helvetica", size=self.SIZE)
                self.pdf.text(x, self.y, line[cursor:at])
                x += self.pdf.get_string_width(line[cursor:at])
                self.pdf.set_font("Helvetica", size=self.NOTE_SIZE)
                self.pdf.text(x, self.y - 4, str(number))
                x += self.pdf.get_string_width(str(number))
                cursor = at
                self.page_notes.append(number)
            self.pdf.set_font("Helvetica", size=self.SIZE)
            self.pdf.text(x, self.y, line[cursor:])
            self.y += self.LEADING


def _shift(word: str, at: int) -> int:
    """Index in the plain word of a mark found at ``at`` in the marked word."""
    return len(_MARK.sub("", word[:at]))


# -- hostile and broken inputs -----------------------------------------------------------------------

def zip_bytes(members: dict[str, bytes | str]) -> bytes:
    """A deflated zip of ``members``, for hand-made bad EPUB/DOCX inputs."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return buffer.getvalue()


BILLION_LAUGHS = ('<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
                  '<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">'
                  '<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>')
