"""Plain text and Markdown.

A ``.txt`` file's text is its decoded content with line breaks made ``\n`` (a BOM dropped), so
offsets index the file's characters, counting a Windows CRLF as one. Markdown footnotes (``[^1]``)
are lifted out into notes that carry their text.
"""

from __future__ import annotations

from pathlib import Path

from chronica.model import Document, SourceInfo
from chronica.readers import md_notes
from chronica.readers.common import decode_text, read_bytes, sha256


def read(path: Path) -> Document:
    data = read_bytes(path)
    text, warning = decode_text(path, data)
    fmt = "md" if path.suffix.lower() in {".md", ".markdown"} else "txt"
    notes = []
    if fmt == "md":
        text, notes = md_notes.extract(text)
    doc = Document(text=text, source=SourceInfo(path=str(path), sha256=sha256(data), format=fmt), notes=notes)
    if warning:
        doc.warnings.append(warning)
    return doc
