"""Word documents (DOCX): paragraph styles give headings, footnotes and endnotes give notes with text.

Standard library zip + defusedxml rather than python-docx: python-docx exposes neither footnotes
nor endnotes, which are what a history draft's citations are, and reading WordprocessingML runs
directly is a few dozen lines. Headings are paragraphs whose style is "heading N"/"Title" (by the
style's name in styles.xml, since style ids are localised) or that carry an outline level.
Deleted revisions and field codes are left out; tabs and line breaks become spaces.
"""

from __future__ import annotations

import re
from pathlib import Path
from xml.etree.ElementTree import Element

from chronica.errors import InputError
from chronica.model import Document
from chronica.readers.common import Block, DocumentBuilder, open_zip, parse_xml, read_bytes, zip_member

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_HEADING_NAME = re.compile(r"^(?:heading\s*(\d)|title)$", re.I)
_SKIP = {f"{_W}{name}" for name in ("del", "delText", "instrText", "pPr", "rPr", "footnoteRef", "endnoteRef",
                                    "separator", "continuationSeparator", "commentReference")}
_SPACE = {f"{_W}{name}" for name in ("tab", "br", "cr")}


def read(path: Path) -> Document:
    data = read_bytes(path)
    archive = open_zip(path, data, "DOCX")

    def part(name: str) -> Element | None:
        raw = zip_member(path, archive, name, "DOCX")
        return None if raw is None else parse_xml(path, raw, f"DOCX part {name}")

    document = part("word/document.xml")
    if document is None:
        raise InputError(str(path), "not a valid DOCX (word/document.xml is missing)")
    body = document.find(f"{_W}body")
    if body is None:
        raise InputError(str(path), "not a valid DOCX (document has no body)")
    reader = _Reader(DocumentBuilder(path, data, "docx"), _heading_styles(part("word/styles.xml")),
                     {"footnote": _note_texts(part("word/footnotes.xml"), "footnote"),
                      "endnote": _note_texts(part("word/endnotes.xml"), "endnote")})
    for paragraph in body.iter(f"{_W}p"):
        reader.paragraph(paragraph)
    doc = reader.builder.finish()
    if not doc.paragraphs and not doc.sections:
        raise InputError(str(path), "DOCX has no text")
    return doc


def _heading_styles(styles: Element | None) -> dict[str, int]:
    """Style id -> heading level, from each paragraph style's name ("heading 2") or outline level."""
    levels: dict[str, int] = {}
    if styles is None:
        return levels
    for style in styles.iter(f"{_W}style"):
        style_id = style.get(f"{_W}styleId", "")
        name = style.find(f"{_W}name")
        match = _HEADING_NAME.match(name.get(f"{_W}val", "") if name is not None else "")
        outline = style.find(f"{_W}pPr/{_W}outlineLvl")
        if match:
            levels[style_id] = int(match.group(1) or 1)
        elif outline is not None and outline.get(f"{_W}val", "9").isdigit() and int(outline.get(f"{_W}val", "9")) < 9:
            levels[style_id] = int(outline.get(f"{_W}val", "9")) + 1
    return levels


def _note_texts(notes: Element | None, kind: str) -> dict[str, str]:
    """Note id -> its text; separators (negative ids, typed) are not notes."""
    texts: dict[str, str] = {}
    if notes is None:
        return texts
    for note in notes.iter(f"{_W}{kind}"):
        if note.get(f"{_W}type") in {"separator", "continuationSeparator", "continuationNotice"}:
            continue
        block = Block()
        for paragraph in note.iter(f"{_W}p"):
            _runs(paragraph, block, None)
            block.add(" ")
        texts[note.get(f"{_W}id", "")] = block.finish()[0]
    return texts


class _Reader:
    def __init__(self, builder: DocumentBuilder, headings: dict[str, int], notes: dict[str, dict[str, str]]) -> None:
        self.builder = builder
        self.headings = headings
        self.notes = notes
        self.counts = {"footnote": 0, "endnote": 0}

    def paragraph(self, paragraph: Element) -> None:
        style = paragraph.find(f"{_W}pPr/{_W}pStyle")
        outline = paragraph.find(f"{_W}pPr/{_W}outlineLvl")
        level = self.headings.get(style.get(f"{_W}val", "")) if style is not None else None
        if level is None and style is not None:
            match = _HEADING_NAME.match(style.get(f"{_W}val", "").replace("Heading", "heading "))
            level = int(match.group(1) or 1) if match else None  # styles.xml missing: ids are English names
        if level is None and outline is not None and outline.get(f"{_W}val", "9").isdigit() and int(outline.get(f"{_W}val", "9")) < 9:
            level = int(outline.get(f"{_W}val", "9")) + 1
        block = Block()
        _runs(paragraph, block, self)
        self.builder.add(block, min(level, 3) if level else None)

    def reference(self, kind: str, note_id: str, block: Block) -> None:
        self.counts[kind] += 1
        number = self.counts[kind]
        block.note(number, self.notes[kind].get(note_id))


def _runs(element: Element, block: Block, reader: _Reader | None) -> None:
    """Text of a paragraph's runs in order; note references become notes when ``reader`` is given."""
    for child in element:
        tag = child.tag
        if tag in _SKIP:
            continue
        if tag == f"{_W}t":
            block.add(child.text or "")
        elif tag in _SPACE:
            block.add(" ")
        elif tag == f"{_W}noBreakHyphen":
            block.add("-")
        elif tag in {f"{_W}footnoteReference", f"{_W}endnoteReference"}:
            if reader is not None:
                reader.reference("footnote" if tag.endswith("footnoteReference") else "endnote", child.get(f"{_W}id", ""), block)
        elif tag != f"{_W}p":  # a nested paragraph (text box) is laid out on its own by body.iter
            _runs(child, block, reader)
