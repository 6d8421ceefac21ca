"""Helpers every reader needs: reading bytes once, hashing, decoding text safely, opening zips and
XML without letting a hostile file exhaust the machine, and laying blocks out as text with offsets."""

from __future__ import annotations

import codecs
import hashlib
import io
import re
import zipfile
import zlib
from pathlib import Path
from xml.etree import ElementTree

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring as defused_fromstring

from chronica.errors import InputError
from chronica.model import Document, Note, Paragraph, Section, SourceInfo

# Magic numbers of binary formats people rename by mistake, so the error can say what the file is.
_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a zip archive (EPUB/DOCX?)"),
    (b"\x7fELF", "an executable"),
    (b"\x1f\x8b", "a gzip archive"),
)


def read_bytes(path: Path) -> bytes:
    data = path.read_bytes()
    if not data:
        raise InputError(str(path), "empty file")
    return data


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def signature(data: bytes) -> str | None:
    """What a file renamed by mistake really is ("a PNG image"), from its magic number; None if unknown."""
    return next((what for magic, what in _SIGNATURES if data.startswith(magic)), None)


def decode_text(path: Path, data: bytes) -> tuple[str, str | None]:
    """Decode bytes of a text file; return the text (universal newlines) and a warning if guessed.

    UTF-8 (with or without BOM) and UTF-16 with BOM are certain; cp1252 is a guess for legacy
    Windows files and says so. Binary files are refused rather than decoded into garbage.
    """
    warning = None
    if data.startswith(codecs.BOM_UTF8):
        text = _strict(path, data, "utf-8-sig")
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text = _strict(path, data, "utf-16")
    else:
        what = signature(data)
        if what is not None:
            raise InputError(str(path), f"binary file ({what}), not text")
        if b"\x00" in data[:8192]:
            raise InputError(str(path), "binary file (contains NUL bytes), not text")
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            try:
                text = data.decode("cp1252")
            except UnicodeDecodeError as exc:
                raise InputError(
                    str(path), f"undecodable bytes at offset {exc.start}: neither UTF-8 nor cp1252"
                ) from None
            warning = f"{path}: not valid UTF-8; decoded as cp1252 (a guess)"
    return text.replace("\r\n", "\n").replace("\r", "\n"), warning


def _strict(path: Path, data: bytes, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise InputError(str(path), f"undecodable bytes at offset {exc.start} for {encoding}") from None


# -- containers and XML: the limits that keep a hostile EPUB/DOCX/TEI from exhausting the machine --
# A 300-page book is a few MB of XHTML; these bounds are two orders of magnitude above real files.
MAX_ZIP_MEMBERS = 10_000
MAX_ZIP_TOTAL = 512 * 1024 * 1024  # uncompressed bytes, all members together
MAX_ZIP_RATIO = 200  # uncompressed/compressed of one member; text compresses ~5-20x, bombs ~1000x


def open_zip(path: Path, data: bytes, kind: str) -> zipfile.ZipFile:
    """Open ``data`` as a zip after checking it against the bomb limits (declared sizes).

    The declared sizes can lie, so :func:`zip_member` also caps what it actually inflates.
    """
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = archive.infolist()
    except (zipfile.BadZipFile, EOFError, ValueError, NotImplementedError, OSError):
        # NotImplementedError: a corrupt central directory claims a zip version from the future.
        what = None if data.startswith(b"PK") else signature(data)  # a damaged zip is just a bad zip
        raise InputError(str(path), f"not a valid {kind} (" + (f"it is {what})" if what else "bad zip)")) from None
    if len(infos) > MAX_ZIP_MEMBERS:
        raise InputError(str(path), f"refused: zip has {len(infos)} members (limit {MAX_ZIP_MEMBERS})")
    total = sum(info.file_size for info in infos)
    if total > MAX_ZIP_TOTAL:
        raise InputError(str(path), f"refused: zip inflates to {total} bytes (limit {MAX_ZIP_TOTAL}), a zip bomb?")
    for info in infos:
        if info.file_size > 1_000_000 and info.file_size > MAX_ZIP_RATIO * max(info.compress_size, 1):
            raise InputError(str(path), f"refused: zip member {info.filename} compresses {info.file_size // max(info.compress_size, 1)}:1, a zip bomb?")
    return archive


def zip_member(path: Path, archive: zipfile.ZipFile, name: str, kind: str) -> bytes | None:
    """The bytes of member ``name`` (None if absent), inflating no more than its declared size allows."""
    try:
        info = archive.getinfo(name)
    except KeyError:
        return None
    try:
        with archive.open(info) as handle:
            data = handle.read(min(info.file_size, MAX_ZIP_TOTAL) + 1)
    except (zipfile.BadZipFile, EOFError, zlib.error, NotImplementedError, RuntimeError, ValueError, OSError):
        # ValueError: a corrupt local header offset makes zipfile seek before the start of the data.
        raise InputError(str(path), f"not a valid {kind} (bad zip: member {name} is corrupt)") from None
    if len(data) > info.file_size:
        raise InputError(str(path), f"refused: zip member {name} inflates past its declared size, a zip bomb?")
    return data


def parse_xml(path: Path, data: bytes, what: str = "XML") -> ElementTree.Element:
    """Parse XML with entity declarations and external references refused (defusedxml).

    A DTD that declares entities is how "billion laughs" and external-entity attacks start; no
    format we read needs one, so it is refused outright rather than expanded.
    """
    try:
        return defused_fromstring(data, forbid_dtd=False, forbid_entities=True, forbid_external=True)
    except DefusedXmlException as exc:
        raise InputError(str(path), f"refused: {what} declares entities or external references ({type(exc).__name__})") from None
    except ElementTree.ParseError as exc:
        raise InputError(str(path), f"malformed {what}: {exc}") from None


# -- assembling text from blocks: every structured reader emits headings and paragraphs -----------
_SPACES = re.compile(r"\s+")


class Block:
    """One paragraph or heading being assembled from inline pieces, whitespace folded as it comes.

    Readers add text runs and, between them, mark where notes and hinted spans (dates, names)
    fall; offsets are final once :meth:`finish` strips the ends, so nothing is searched for later.
    """

    def __init__(self) -> None:
        self._parts: list[str] = []
        self._length = 0
        self._space = True  # at block start or after a space: a leading space is dropped
        self.notes: list[tuple[int, int, str | None, str | None]] = []  # (offset, number, text, label)
        self.spans: list[tuple[str, int, int, str | None]] = []  # (hint kind, start, end, value)

    def add(self, text: str) -> None:
        text = _SPACES.sub(" ", text)
        if self._space and text.startswith(" "):
            text = text[1:]
        if text:
            self._parts.append(text)
            self._length += len(text)
            self._space = text.endswith(" ")

    @property
    def position(self) -> int:
        return self._length

    def tail(self, count: int) -> str:
        """The last ``count`` characters added (for decisions at a line join)."""
        return "".join(self._parts[-count:])[-count:]

    def drop(self, count: int) -> None:
        """Remove the last ``count`` characters (a line-end hyphen); marks past the end are clamped."""
        last = self._parts[-1]
        self._parts[-1] = last[:-count]
        self._length -= count
        self._space = self._parts[-1].endswith(" ")

    def note(self, number: int, text: str | None, label: str | None = None) -> None:
        """A note cited here: zero-width, right after the cited word or punctuation."""
        at = self._length - 1 if self._space and self._length else self._length
        self.notes.append((at, number, text, label))

    def span(self, kind: str, start: int, value: str | None) -> None:
        self.spans.append((kind, start, self._length, value))

    def finish(self) -> tuple[str, list[tuple[int, int, str | None, str | None]], list[tuple[str, int, int, str | None]]]:
        raw = "".join(self._parts)
        text = raw.strip()
        lead = len(raw) - len(raw.lstrip())
        size = len(text)

        def clamp(offset: int) -> int:
            return min(max(offset - lead, 0), size)

        notes = [(clamp(at), number, note_text, label) for at, number, note_text, label in self.notes]
        spans = []
        for kind, start, end, value in self.spans:
            start, end = clamp(start), clamp(end)
            while start < end and text[start].isspace():
                start += 1
            while end > start and text[end - 1].isspace():
                end -= 1
            if end > start:
                spans.append((kind, start, end, value))
        return text, notes, spans


class DocumentBuilder:
    """Lays blocks out as the plain-text corpora are laid out: one block per paragraph, blank lines between."""

    def __init__(self, path: Path, data: bytes, fmt: str) -> None:
        self.doc = Document(text="", source=SourceInfo(path=str(path), sha256=sha256(data), format=fmt))
        self._parts: list[str] = []
        self._offset = 0

    def add(self, block: Block, heading_level: int | None = None) -> tuple[int, int] | None:
        """Append a finished block as a heading (``heading_level``) or a paragraph; its span, or None if empty."""
        text, notes, spans = block.finish()
        if not text:
            return None
        if self._parts:
            self._parts.append("\n\n")
            self._offset += 2
        start = self._offset
        self._parts.append(text)
        self._offset += len(text)
        doc = self.doc
        if heading_level is not None:
            doc.sections.append(Section(title=text, start=start, end=self._offset, level=heading_level))
        else:
            doc.paragraphs.append(Paragraph(start=start, end=self._offset, section=len(doc.sections) - 1 if doc.sections else None))
        for at, number, note_text, label in notes:
            doc.notes.append(Note(number=number, start=start + at, end=start + at, text=note_text, label=label))
        for kind, s, e, value in spans:
            doc.hints.setdefault(kind, []).append((start + s, start + e, value))
        return start, self._offset

    @property
    def offset(self) -> int:
        return self._offset

    def position(self, block: Block) -> int:
        """Where the next character added to ``block`` will land in the text (for page starts)."""
        pending = 2 if self._parts and block.position == 0 else 0
        return self._offset + pending + block.position

    def finish(self) -> Document:
        self.doc.text = "".join(self._parts)
        return self.doc
