"""The analysis pipeline: read → structure → nlp → dates → entities → quotes → events → notes.

Each stage is a module with ``run(doc, ...)`` that fills its part of the Document; the pipeline
only orders them and owns what is expensive to create (the spaCy pipeline).
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from chronica import dates, entities, events, notes, nlp, quotes, readers, structure
from chronica.model import Document, SourceInfo


class Pipeline:
    """Holds a loaded spaCy pipeline; ``run`` analyzes one Document in place."""

    def __init__(self, model: str = nlp.DEFAULT_MODEL, batch_size: int = 64) -> None:
        self.nlp = nlp.load(model)
        self.batch_size = batch_size

    def run(self, doc: Document, progress: Callable[[int], Any] | None = None,
            timings: dict[str, float] | None = None) -> Document:
        """Analyze ``doc`` in place; ``timings`` (if given) accumulates the seconds spent per stage,
        which is how the benchmark shows what each stage costs inside a whole analysis."""
        stages: list[tuple[str, Callable[[], Any]]] = [
            ("structure", lambda: structure.run(doc)),
            ("nlp", lambda: nlp.run(doc, self.nlp, batch_size=self.batch_size, progress=progress)),
            ("dates", lambda: dates.run(doc)),
            ("entities", lambda: entities.run(doc)),
            ("quotes", lambda: quotes.run(doc)),
            ("events", lambda: events.run(doc)),
            ("notes", lambda: notes.run(doc)),
        ]
        for name, stage in stages:
            started = time.perf_counter()
            stage()
            if timings is not None:
                timings[name] = timings.get(name, 0.0) + time.perf_counter() - started
        doc.nlp_docs = []  # the parses are working state; don't keep them alive with the results
        return doc

    def analyze_path(self, path: Path, dct: str | None = None, progress: Callable[[int], Any] | None = None,
                     timings: dict[str, float] | None = None) -> Document:
        started = time.perf_counter()
        doc = readers.read(path)
        if timings is not None:
            timings["read"] = timings.get("read", 0.0) + time.perf_counter() - started
        if dct:
            doc.dct = dct
        return self.run(doc, progress, timings)


def document_from_text(text: str, name: str = "<text>", fmt: str = "txt") -> Document:
    """A Document for text given directly (API use): newlines normalized as a file read would be."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    sha = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return Document(text=text, source=SourceInfo(path=name, sha256=sha, format=fmt))
