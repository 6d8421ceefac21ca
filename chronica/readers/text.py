"""Plain text and Markdown: the text is the file's content, so offsets index the file itself."""

from __future__ import annotations

from pathlib import Path

from chronica.model import Document, SourceInfo
from chronica.readers.common import decode_text, read_bytes, sha256


def read(path: Path) -> Document:
    data = read_bytes(path)
    text, warning = decode_text(path, data)
    fmt = "md" if path.suffix.lower() in {".md", ".markdown"} else "txt"
    doc = Document(text=text, source=SourceInfo(path=str(path), sha256=sha256(data), format=fmt))
    if warning:
        doc.warnings.append(warning)
    return doc
