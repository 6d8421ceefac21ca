"""Structure stage: paragraphs, headings and endnote markers of plain text and Markdown.

Readers of structured formats (HTML, EPUB, TEI, DOCX) already fill ``paragraphs``; this stage
then leaves the document alone. For plain text it recognises what a book pulled into a text
file looks like: paragraphs one per line or hard-wrapped in blocks, headings as Markdown ``#``
lines or short lines in capitals, and endnote markers as a bare number on its own line after
a paragraph, a bracketed ``[12]`` or superscript digits.
"""

from __future__ import annotations

import re
from statistics import median

from chronica.model import Document, Note, Paragraph, Section

_MD_HEADING = re.compile(r"^(#{1,6})\s+(.+?)\s*#*\s*$")
_MARKER_LINE = re.compile(r"^\s*(\d{1,4})\s*$")
# "[12]" or superscript digits right after a word or punctuation (not "[1949]" style years in brackets
# after a space, which are editorial insertions rather than note references).
_INLINE_MARKER = re.compile(r"(?<=[\w.,;:!?”\"’')])(?:\[(\d{1,3})\]|([⁰¹²³⁴⁵⁶⁷⁸⁹]+))")
_SUPERSCRIPTS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")
_SENTENCE_END = re.compile(r"[.!?:;,\"”’]$")
# A paragraph longer than this is cut (at a sentence end when there is one in its second half): spaCy
# refuses texts over a million characters, and one huge block would defeat the chunked, flat-memory
# analysis. Only a book saved without line breaks, or markup with no paragraphs, has such blocks.
MAX_PARAGRAPH_CHARS = 100_000
_CUT_AFTER = re.compile(r"[.!?][\"”’)]*\s+")


def run(doc: Document) -> None:
    """Fill sections, paragraphs and notes of a plain-text document (structured input keeps its own),
    then cut overlong paragraphs and give each paragraph its section."""
    if doc.paragraphs:
        _split_long(doc)
        _assign_sections(doc)
        return
    lines = _lines(doc.text)
    one_per_line = _paragraph_per_line(lines)
    block: list[tuple[int, int]] = []

    def close_block() -> None:
        if block:
            doc.paragraphs.append(Paragraph(start=block[0][0], end=block[-1][1]))
            block.clear()

    prev_kind = "blank"
    for index, (start, end) in enumerate(lines):
        line = doc.text[start:end]
        stripped = line.strip()
        if not stripped:
            close_block()
            prev_kind = "blank"
            continue
        marker = _MARKER_LINE.match(line)
        if marker and prev_kind in {"para", "marker"}:
            close_block()
            digits = start + line.index(marker.group(1))
            doc.notes.append(Note(number=int(marker.group(1)), start=digits, end=digits + len(marker.group(1))))
            prev_kind = "marker"
            continue
        heading = _heading(doc, lines, index, prev_kind)
        if heading:
            close_block()
            title, level = heading
            offset = start + line.index(title)
            doc.sections.append(Section(title=title, start=offset, end=offset + len(title), level=level))
            prev_kind = "heading"
            continue
        left = start + (len(line) - len(line.lstrip()))
        right = start + len(line.rstrip())
        if one_per_line:
            close_block()
        block.append((left, right))
        prev_kind = "para"
    close_block()
    _inline_markers(doc)
    _split_long(doc)
    _assign_sections(doc)


def _lines(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for match in re.finditer(r"\n", text):
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(text)))
    return spans


def _paragraph_per_line(lines: list[tuple[int, int]]) -> bool:
    """Long lines mean one paragraph per line (text pulled from a book); short ones, hard wrapping."""
    lengths = [end - start for start, end in lines if end - start > 0]
    return bool(lengths) and median(lengths) > 120


def _heading(doc: Document, lines: list[tuple[int, int]], index: int, prev_kind: str) -> tuple[str, int] | None:
    start, end = lines[index]
    line = doc.text[start:end].strip()
    md = _MD_HEADING.match(line)
    if md and doc.source.format == "md":
        return md.group(2), len(md.group(1))
    words = line.split()
    if len(line) > 100 or len(words) > 14 or _SENTENCE_END.search(line):
        return None
    letters = [c for c in line if c.isalpha()]
    if len(letters) >= 3 and sum(c.isupper() for c in letters) / len(letters) >= 0.9:
        return line, 1
    # A short title-like line standing alone between blank lines, or a title-case first line.
    next_blank = index + 1 >= len(lines) or not doc.text[lines[index + 1][0]:lines[index + 1][1]].strip()
    if prev_kind in {"blank", "heading"} and next_blank and (words[0][:1].isupper() or words[0][:1].isdigit()):
        return line, 1
    first_line = prev_kind == "blank" and not doc.paragraphs and not doc.sections
    significant = [w for w in words if len(w) > 3]
    if first_line and significant and sum(w[0].isupper() for w in significant) / len(significant) >= 0.75:
        return line, 1
    return None


def _inline_markers(doc: Document) -> None:
    for para in doc.paragraphs:
        for match in _INLINE_MARKER.finditer(doc.text, para.start, para.end):
            digits = match.group(1) or match.group(2).translate(_SUPERSCRIPTS)
            doc.notes.append(Note(number=int(digits), start=match.start(), end=match.end()))
    doc.notes.sort(key=lambda note: note.start)


def _split_long(doc: Document, limit: int = MAX_PARAGRAPH_CHARS) -> None:
    """Cut every paragraph longer than ``limit`` into pieces of at most ``limit`` characters."""
    if all(p.end - p.start <= limit for p in doc.paragraphs):
        return
    pieces: list[Paragraph] = []
    for para in doc.paragraphs:
        start = para.start
        while para.end - start > limit:
            window = doc.text[start + limit // 2:start + limit]
            ends = [m.end() for m in _CUT_AFTER.finditer(window)]
            if ends:
                cut = start + limit // 2 + ends[-1]
            else:
                space = window.rfind(" ")
                cut = start + limit // 2 + space + 1 if space >= 0 else start + limit
            end = cut
            while end > start and doc.text[end - 1].isspace():
                end -= 1
            pieces.append(Paragraph(start=start, end=end, section=para.section))
            start = cut
        pieces.append(Paragraph(start=start, end=para.end, section=para.section))
    doc.paragraphs = pieces


def _assign_sections(doc: Document) -> None:
    """Give each paragraph the index of the last heading before it."""
    section = -1
    for para in doc.paragraphs:
        while section + 1 < len(doc.sections) and doc.sections[section + 1].start < para.start:
            section += 1
        para.section = section if section >= 0 else None
