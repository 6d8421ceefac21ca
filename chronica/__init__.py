"""chronica: reads history and writes out the chronology inside it.

>>> import chronica
>>> analysis = chronica.analyze("On 24 June 1948 the Soviets cut the roads to Berlin.")
>>> analysis.timexes[0].value
'1948-06-24'
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from chronica.model import Document, Entity, Event, Quote, Timex

__version__ = "0.1.0"
__all__ = ["Analysis", "analyze", "__version__"]


class Analysis:
    """The result of analyzing one text: the Document plus convenient views and serializers."""

    def __init__(self, document: Document) -> None:
        self.document = document

    @property
    def events(self) -> list[Event]:
        return self.document.events

    @property
    def quotes(self) -> list[Quote]:
        return self.document.quotes

    @property
    def entities(self) -> list[Entity]:
        return self.document.entities

    @property
    def timexes(self) -> list[Timex]:
        return self.document.timexes

    def to_dict(self) -> dict[str, Any]:
        from chronica.writers.json import to_dict

        return to_dict(self.document)

    def to_json(self) -> str:
        """The JSON contract (``chronica analyze -f json``) as one string."""
        return json.dumps(self.to_dict(), ensure_ascii=False)

    def render(self, fmt: str) -> str | bytes:
        """The analysis in one of the output formats (``json``, ``md``, ``html`` ...); ``csv`` is a zip, bytes."""
        from chronica.writers import WRITERS

        return WRITERS[fmt][0](self.document)


def analyze(path_or_text: str | Path, *, model: str | None = None, dct: str | None = None) -> Analysis:
    """Analyze a file (a ``Path``, or a ``str`` naming an existing file) or a text given as a string.

    ``model`` names any installed spaCy pipeline (default: the small English model); ``dct`` is a
    document creation date (``YYYY-MM-DD``) for news text, resolving "Friday" or "last year".
    """
    from chronica.nlp import DEFAULT_MODEL
    from chronica.pipeline import document_from_text, shared

    pipeline = shared(model or DEFAULT_MODEL)  # the model loads once per process, not once per call
    is_path = isinstance(path_or_text, Path) or (
        "\n" not in path_or_text and len(path_or_text) < 4096 and Path(path_or_text).is_file()
    )
    if is_path:
        return Analysis(pipeline.analyze_path(Path(path_or_text), dct=dct))
    doc = document_from_text(str(path_or_text))
    doc.dct = dct
    return Analysis(pipeline.run(doc))
