"""HTML articles: block elements become paragraphs, h1–h3 sections, footnote links notes.

Uses the standard library's tolerant ``html.parser`` (real-world pages are rarely valid XML).
Footnote references are ``<sup>`` numbers or links with ``role="doc-noteref"``/``epub:type="noteref"``;
the note text is taken from the element the link points to (``#fn1``), which is then left out
of the running text, as a reader of the article would.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

from chronica.model import Document, Note, Paragraph, Section, SourceInfo
from chronica.readers.common import decode_text, read_bytes, sha256

_BLOCKS = {"p", "div", "li", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6", "td", "th", "dd", "dt",
           "pre", "section", "article", "aside", "figcaption", "tr", "br", "ol", "ul", "table"}
_SKIP = {"script", "style", "head", "nav", "noscript", "template", "svg", "button", "form"}
_HEADINGS = {"h1": 1, "h2": 2, "h3": 3}
_NOTE_CONTAINER = re.compile(r"footnote|endnote|doc-endnotes|doc-footnotes|rearnote", re.I)
_DIGITS = re.compile(r"^\s*\[?(\d{1,4})\]?\s*$")


class _Extractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[tuple[str, str, list[tuple[int, int, int, str | None]]]] = []
        self._buf = ""  # whitespace folded as it arrives, so offsets into it are final
        self._markers: list[tuple[int, int, int, str | None]] = []  # (start, end, number, href)
        self._kind = "p"
        self._skip = 0
        self._stack: list[str] = []
        self._note_depth: int | None = None  # depth of a footnotes container being collected
        self._sup_or_ref: list[tuple[int, str | None]] = []  # buffer offset where a marker started
        self.note_texts: dict[str, str] = {}
        self._note_id: str | None = None
        self._note_buf: list[str] = []
        self._ids: list[str | None] = []

    # -- blocks -------------------------------------------------------------------------------
    def _flush(self) -> None:
        text = self._buf.strip()
        if text:
            lead = len(self._buf) - len(self._buf.lstrip())
            markers = [(s - lead, e - lead, n, href) for s, e, n, href in self._markers]
            self.blocks.append((self._kind, text, markers))
        self._buf, self._markers, self._kind = "", [], "p"

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        self._stack.append(tag)
        if tag in _SKIP:
            self._skip += 1
            return
        ident = a.get("id")
        role = " ".join(filter(None, [a.get("role"), a.get("epub:type"), a.get("class")]))
        if self._note_depth is None and tag in {"section", "aside", "div", "ol"} and _NOTE_CONTAINER.search(role or ident or ""):
            self._flush()
            self._note_depth = len(self._stack)
        if self._note_depth is not None:
            if ident and tag in {"li", "p", "div", "aside"} and self._note_id is None:
                self._note_id, self._note_buf = ident, []
            return
        if tag in _BLOCKS:
            self._flush()
            self._kind = tag
        if tag == "sup" or (tag == "a" and "noteref" in (role or "")):
            self._sup_or_ref.append((len(self._buf), (a.get("href") or "").lstrip("#") or None))
        elif tag == "a" and self._sup_or_ref and a.get("href", "").startswith("#"):
            start, _ = self._sup_or_ref[-1]
            self._sup_or_ref[-1] = (start, a["href"].lstrip("#"))

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP and self._skip:
            self._skip -= 1
        while self._stack and self._stack[-1] != tag and tag in self._stack:
            self._stack.pop()
        depth = len(self._stack)
        if self._stack and self._stack[-1] == tag:
            self._stack.pop()
        if self._note_depth is not None:
            if self._note_id and tag in {"li", "p", "div", "aside"}:
                self.note_texts[self._note_id] = re.sub(r"\s+", " ", "".join(self._note_buf)).strip(" ↩︎↑^")
                self._note_id = None
            if depth <= self._note_depth:
                self._note_depth = None
            return
        if (tag == "sup" or tag == "a") and self._sup_or_ref:
            start, href = self._sup_or_ref.pop()
            match = _DIGITS.match(self._buf[start:])
            if match and (tag == "sup" or href):
                marker = self._buf[start:].strip()
                at = self._buf.index(marker, start)
                self._markers.append((at, at + len(marker), int(match.group(1)), href))
        if tag in _BLOCKS:
            self._flush()

    def handle_data(self, data: str) -> None:
        if self._skip:
            return
        if self._note_depth is not None:
            if self._note_id:
                self._note_buf.append(data)
            return
        data = re.sub(r"\s+", " ", data)
        if self._buf.endswith(" ") and data.startswith(" "):
            data = data[1:]
        self._buf += data

    def close(self) -> None:
        super().close()
        self._flush()


def read(path: Path) -> Document:
    data = read_bytes(path)
    markup, warning = decode_text(path, data)
    parser = _Extractor()
    parser.feed(markup)
    parser.close()

    parts: list[str] = []
    offset = 0
    doc = Document(text="", source=SourceInfo(path=str(path), sha256=sha256(data), format="html"))
    for kind, block, markers in parser.blocks:
        if parts:
            parts.append("\n\n")
            offset += 2
        start, end = offset, offset + len(block)
        if kind in _HEADINGS:
            doc.sections.append(Section(title=block, start=start, end=end, level=_HEADINGS[kind]))
        else:
            doc.paragraphs.append(Paragraph(start=start, end=end, section=len(doc.sections) - 1 if doc.sections else None))
            for m_start, m_end, number, href in markers:
                note_text = parser.note_texts.get(href) if href else None
                doc.notes.append(Note(number=number, start=start + m_start, end=start + m_end, text=note_text))
        parts.append(block)
        offset = end
    doc.text = "".join(parts)
    if warning:
        doc.warnings.append(warning)
    return doc
