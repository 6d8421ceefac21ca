"""Input formats: one reader module per format, chosen by file extension.

Every reader returns a :class:`~chronica.model.Document` holding the plain text and whatever
structure its format knows (sections, paragraphs, notes, pages). Plain-text formats leave
``paragraphs`` empty so the structure stage finds them in the text.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from chronica.errors import InputError
from chronica.model import Document
from chronica.readers import docx, epub, html, pdf, tei, text, timeml

Reader = Callable[[Path], Document]

READERS: dict[str, Reader] = {
    ".txt": text.read,
    ".text": text.read,
    ".md": text.read,
    ".markdown": text.read,
    ".html": html.read,
    ".htm": html.read,
    ".xhtml": html.read,
    ".epub": epub.read,
    ".pdf": pdf.read,
    ".xml": tei.read,
    ".tei": tei.read,
    ".docx": docx.read,
    ".tml": timeml.read,
}


def read(path: Path) -> Document:
    """Read ``path`` with the reader for its extension; every failure is an :class:`InputError`."""
    if not path.exists():
        raise InputError(str(path), "no such file")
    if path.is_dir():
        raise InputError(str(path), "is a directory, not a file")
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        known = " ".join(sorted(READERS))
        raise InputError(str(path), f"unknown file type '{path.suffix or '(none)'}' (known: {known})")
    try:
        return reader(path)
    except OSError as exc:
        raise InputError(str(path), f"cannot read: {exc.strerror or exc}") from None
    except RecursionError:  # the XML readers walk the element tree recursively
        raise InputError(str(path), "elements nested too deeply to read (thousands of levels)") from None
