"""PDF books: the text layer rebuilt into paragraphs, with the page furniture taken out and kept aside.

pypdf (pure Python, maintained, no compiled parts) extracts the text shown on each page with its
position and font size; pdfminer.six would give finer layout but is several times slower, and
reading must stay a small fraction of analysis time. From the positioned fragments this module
rebuilds lines and then decides, page by page, what each line is:

- a running head or page number (top or bottom line, short, repeated across pages or a bare
  number): removed from the text; the number becomes the page's label in ``pages``;
- a footnote (smaller type below the body): its text goes to the note with that number;
- a heading (larger type than the body): a section;
- body text: joined into paragraphs (a new one at a first-line indent or a wider gap), words
  hyphenated across a line end rejoined, superscript digits turned into note positions.

Encrypted PDFs that open with an empty password are read; others, and PDFs with no text layer
(scans), are refused with a message that says what to do.
"""

from __future__ import annotations

import io
import logging
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from chronica.errors import InputError
from chronica.model import Document, Page
from chronica.readers.common import Block, DocumentBuilder, read_bytes, signature

_PAGE_NUMBER = re.compile(r"^\s*(?:page\s+)?(\d{1,4}|[ivxlcdm]{1,7})\s*$", re.I)
_NOTE_START = re.compile(r"^\s*(\d{1,4})[.)]?\s+(.*)$")
_HYPHENATED = re.compile(r"[^\W\d_]-$")
_DIGITS = re.compile(r"^\d{1,4}$")
_EDGE_DIGITS = re.compile(r"^\s*\d+\s*|\s*\d+\s*$")


@dataclass
class _Line:
    y: float
    size: float  # font size of most of the line's characters
    x: float
    pieces: list[tuple[float, float, str]] = field(default_factory=list)  # (x, size, text)

    @property
    def text(self) -> str:
        return "".join(text for _, _, text in self.pieces).strip()


def read(path: Path) -> Document:
    import pypdf
    from pypdf.errors import DependencyError, DeprecationError, PyPdfError

    data = read_bytes(path)
    if not data.startswith(b"%PDF"):
        what = signature(data)
        raise InputError(str(path), f"not a PDF ({f'it is {what}' if what else 'no %PDF header'})")
    # pypdf logs what it finds wrong in a file that still reads (even as ERROR: a broken font
    # encoding), which would print as raw lines to the user's terminal; keep it as one warning.
    complaints = _Complaints()
    logger = logging.getLogger("pypdf")
    logger.addHandler(complaints)
    logger.propagate = False
    try:
        reader = pypdf.PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise InputError(str(path), "encrypted PDF (password-protected): no readable text layer; decrypt it first")
        pages = [_lines(page) for page in reader.pages]
    except InputError:
        raise
    # What a malformed file makes pypdf raise: its own errors (two outside its hierarchy: a filter name it
    # dropped, an AES-encrypted file without the optional crypto package), and builtins from deep inside
    # its parser (a reference loop, a negative seek, an index past a truncated table).
    except (PyPdfError, DependencyError, DeprecationError, ValueError, KeyError, TypeError, AttributeError, OSError, IndexError, ZeroDivisionError,
            RuntimeError, AssertionError) as exc:
        message = str(exc).split("\n")[0][:120]
        if "decrypt" in message.lower() or "crypt" in message.lower():
            raise InputError(str(path), "encrypted PDF: no readable text layer; decrypt it first") from None
        raise InputError(str(path), f"not a valid PDF ({message})") from None
    finally:
        logger.removeHandler(complaints)
        logger.propagate = True
    if not any(pages):
        raise InputError(str(path), "PDF has no text layer (scanned images?); it needs OCR first")
    doc = _Layout(DocumentBuilder(path, data, "pdf")).run(pages)
    if complaints.first:
        more = f" (and {complaints.count - 1} more)" if complaints.count > 1 else ""
        doc.warnings.append(f"{path}: the PDF is partly malformed, text may be garbled: {complaints.first}{more}")
    return doc


class _Complaints(logging.Handler):
    """Counts pypdf's log records of one read and keeps the first, shortened to a line."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.first = ""
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1
        if not self.first:
            self.first = record.getMessage().split("\n")[0][:100]


def _lines(page) -> list[_Line]:
    """The page's text fragments grouped into lines, top to bottom, each sorted left to right."""
    fragments: list[tuple[float, float, float, str]] = []

    def visit(text: str, cm: list[float], tm: list[float], _font: object, size: float) -> None:
        if text and not text.isspace():
            x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            scale = abs(tm[3] * cm[3]) or abs(tm[0] * cm[0]) or 1.0
            fragments.append((y, x, size * scale, text.replace("\n", " ")))

    page.extract_text(visitor_text=visit)
    fragments.sort(key=lambda f: (-f[0], f[1]))
    lines: list[_Line] = []
    for y, x, size, text in fragments:
        # A superscript sits a few points above its line's baseline: same line within half a body size.
        line = next((ln for ln in reversed(lines[-3:]) if abs(ln.y - y) < 0.5 * max(ln.size, size)), None)
        if line is None:
            line = _Line(y=y, size=size, x=x)
            lines.append(line)
        line.pieces.append((x, size, text))
    for line in lines:
        line.pieces.sort()
        sizes = Counter()
        for _, size, text in line.pieces:
            sizes[round(size, 1)] += len(text)
        line.size = sizes.most_common(1)[0][0]
        line.x = line.pieces[0][0]
    lines.sort(key=lambda ln: -ln.y)
    return [line for line in lines if line.text]


class _Layout:
    def __init__(self, builder: DocumentBuilder) -> None:
        self.builder = builder
        self.block = Block()
        self.notes_by_number: dict[int, str] = {}
        self.last_line: _Line | None = None
        self.in_heading = False

    def run(self, pages: list[list[_Line]]) -> Document:
        body_size = _body_size(pages)
        furniture = _repeated_edges(pages)
        left = min((ln.x for page in pages for ln in page if abs(ln.size - body_size) < 0.5), default=0.0)
        leading = _leading(pages, body_size)
        starts: list[tuple[str, int]] = []
        for index, lines in enumerate(pages):
            label = str(index + 1)
            lines = list(lines)
            # Running heads and page numbers: the top and bottom lines when repeated or bare numbers.
            for edge in (0, -1):
                if lines and lines[edge].size <= body_size + 0.5 and (
                        _PAGE_NUMBER.match(lines[edge].text) or _furniture_key(lines[edge].text) in furniture
                        or (edge == 0 and _set_apart(lines, body_size, leading))):
                    number = _PAGE_NUMBER.match(lines[edge].text) or re.search(r"(\d{1,4})\s*$|^\s*(\d{1,4})", lines[edge].text)
                    if number:
                        label = next(g for g in number.groups() if g)
                    lines.pop(edge)
            body_bottom = min((ln.y for ln in lines if ln.size >= body_size - 0.5), default=0.0)
            body = [ln for ln in lines if not (ln.size < body_size - 0.5 and ln.y < body_bottom)]
            self.footnotes([ln for ln in lines if ln.size < body_size - 0.5 and ln.y < body_bottom])
            starts.append((label, self.builder.position(self.block)))
            self.body(body, body_size, left, leading, first_on_page=True)
        self.flush()
        doc = self.builder.finish()
        for index, (label, start) in enumerate(starts):
            end = starts[index + 1][1] if index + 1 < len(starts) else len(doc.text)
            doc.pages.append(Page(label=label, start=min(start, len(doc.text)), end=max(min(end, len(doc.text)), start)))
        for note in doc.notes:
            note.text = self.notes_by_number.get(note.number)
        return doc

    def footnotes(self, lines: list[_Line]) -> None:
        current: int | None = None
        for line in lines:
            match = _NOTE_START.match(line.text)
            if match:
                current = int(match.group(1))
                self.notes_by_number[current] = match.group(2).strip()
            elif current is not None:
                previous = self.notes_by_number[current]
                joiner = "" if _HYPHENATED.search(previous) and line.text[:1].islower() else " "
                self.notes_by_number[current] = (previous[:-1] if joiner == "" else previous) + joiner + line.text

    def body(self, lines: list[_Line], body_size: float, left: float, leading: float, first_on_page: bool) -> None:
        for line in lines:
            if line.size > body_size + 1.0:
                if not self.in_heading:  # a heading's second line continues it
                    self.flush()
                self.block.add(" " + line.text)
                self.in_heading = True
                self.last_line = line
                continue
            if self.in_heading:
                self.flush()
            indented = line.x > left + 0.8 * body_size
            gap = self.last_line is not None and not first_on_page and self.last_line.y - line.y > 1.6 * leading
            if indented or gap:
                self.flush()
            self.text(line, body_size)
            self.last_line = line
            first_on_page = False

    def text(self, line: _Line, body_size: float) -> None:
        """Add a body line: hyphen at the previous line end rejoined, superscript digits as notes."""
        for position, (_, size, piece) in enumerate(line.pieces):
            if size < body_size - 1.0 and _DIGITS.match(piece.strip()):
                self.block.note(int(piece.strip()), None)
                continue
            if position == 0:
                piece = piece.lstrip()
                if self.block.position and not self._hyphen_join(piece):
                    self.block.add(" ")
            self.block.add(piece)

    def _hyphen_join(self, piece: str) -> bool:
        """Join a word broken at the line end: "inter-"+"national" drops the hyphen; before a capital
        or digit ("Spanish-"+"American", "mid-"+"1941") the hyphen is the word's own and stays."""
        if not _HYPHENATED.search(self.block.tail(2)):
            return False
        if piece[:1].islower():
            self.block.drop(1)
        return piece[:1].isalnum()

    def flush(self) -> None:
        self.builder.add(self.block, 1 if self.in_heading else None)
        self.block = Block()
        self.in_heading = False


def _body_size(pages: list[list[_Line]]) -> float:
    sizes: Counter[float] = Counter()
    for lines in pages:
        for line in lines:
            sizes[line.size] += len(line.text)
    return sizes.most_common(1)[0][0]


def _leading(pages: list[list[_Line]], body_size: float) -> float:
    """The most common distance between consecutive body lines."""
    gaps: Counter[float] = Counter()
    for lines in pages:
        for upper, lower in zip(lines, lines[1:]):
            if abs(upper.size - body_size) < 0.5 and abs(lower.size - body_size) < 0.5:
                gaps[round(upper.y - lower.y, 0)] += 1
    return gaps.most_common(1)[0][0] if gaps else body_size * 1.2


def _set_apart(lines: list[_Line], body_size: float, leading: float) -> bool:
    """A top line in smaller type standing well above the next line: a running head."""
    return len(lines) > 1 and lines[0].size < body_size - 0.5 and lines[0].y - lines[1].y > 1.8 * leading


def _furniture_key(text: str) -> str:
    return _EDGE_DIGITS.sub("", text).strip().lower()


def _repeated_edges(pages: list[list[_Line]]) -> set[str]:
    """Texts (page numbers stripped) of top/bottom lines that recur on several pages: running heads."""
    counts: Counter[str] = Counter()
    for lines in pages:
        for line in {id(ln): ln for ln in lines[:1] + lines[-1:]}.values():
            key = _furniture_key(line.text)
            if key:
                counts[key] += 1
    threshold = 3 if len(pages) >= 6 else 2
    return {key for key, count in counts.items() if count >= threshold}
