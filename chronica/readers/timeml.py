"""TimeML (``.tml``): the TEXT element as the document and its creation time as the DCT.

Gold TIMEX3s in the file are not used for analysis: chronica tags the text itself, so a
TimeML corpus can be scored against its own annotations with ``chronica eval timex``.
"""

from __future__ import annotations

from pathlib import Path

from chronica.model import Document, SourceInfo
from chronica.readers.common import read_bytes, sha256
from chronica.timex.timeml import read_timeml


def read(path: Path) -> Document:
    parsed = read_timeml(path)
    return Document(text=parsed.text, source=SourceInfo(path=str(path), sha256=sha256(read_bytes(path)), format="timeml"),
                    dct=parsed.dct[:10] if parsed.dct else None)
