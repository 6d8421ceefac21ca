"""TimeML (``.tml``): the TEXT element as the document and its creation time as the DCT.

Gold TIMEX3s in the file are not used for analysis: chronica tags the text itself, so a
TimeML corpus can be scored against its own annotations with ``chronica eval timex``.
"""

from __future__ import annotations

from pathlib import Path

from chronica.model import Document, SourceInfo
from chronica.readers.common import read_bytes, sha256
# The module, not the function: chronica.timex.timeml imports readers.common, so whichever side is
# imported first meets the other half-initialized; the attribute is looked up at call time instead.
from chronica.timex import timeml


def read(path: Path) -> Document:
    parsed = timeml.read_timeml(path)
    return Document(text=parsed.text, source=SourceInfo(path=str(path), sha256=sha256(read_bytes(path)), format="timeml"),
                    dct=parsed.dct[:10] if parsed.dct else None)
