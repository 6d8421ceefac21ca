"""Dates stage: every TIMEX3 expression of the document, anchored in its narrative.

The engine (``chronica.timex``) works on text alone; this stage hands it the document's
paragraphs and the stretches governed by each heading, so underspecified dates ("16 December",
"that autumn") are resolved within the episode they belong to.
"""

from __future__ import annotations

from functools import lru_cache

from chronica.model import Document
from chronica.timex import TimexTagger


@lru_cache(maxsize=1)
def tagger() -> TimexTagger:
    """One tagger per process: building it compiles the grammar and reads the data files."""
    return TimexTagger()


def run(doc: Document) -> None:
    starts = [section.start for section in doc.sections]
    sections = list(zip(starts, starts[1:] + [len(doc.text)]))
    paragraphs = [(p.start, p.end) for p in doc.paragraphs]
    doc.timexes = tagger().tag(doc.masked_text(), dct=doc.dct, paragraphs=paragraphs, sections=sections)
