"""TimeML (TIMEX3) output: the text with its temporal expressions, for TempEval tools.

The writer itself lives with the timex engine (:func:`chronica.timex.timeml.write_timeml`);
this module only adapts it to the writer interface.
"""

from __future__ import annotations

from pathlib import Path

from chronica.model import Document
from chronica.timex.timeml import write_timeml


def render(doc: Document) -> str:
    return write_timeml(doc.text, doc.timexes, dct=doc.dct, doc_id=Path(doc.source.path).name)
