"""TimeML (TIMEX3) output: the text with its temporal expressions, for TempEval tools.

The writer itself lives with the timex engine (:func:`chronica.timex.timeml.write_timeml`);
this module only adapts it to the writer interface. It is imported when called: the engine's
TimeML module imports the readers package, whose TimeML reader imports it back, so importing it
while ``chronica.writers`` loads would enter that cycle from the wrong end.
"""

from __future__ import annotations

from pathlib import Path

from chronica.model import Document


def render(doc: Document) -> str:
    from chronica.timex.timeml import write_timeml

    return write_timeml(doc.text, doc.timexes, dct=doc.dct, doc_id=Path(doc.source.path).name)
