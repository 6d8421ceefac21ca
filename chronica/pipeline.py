"""The analysis pipeline: read → structure → dates → [nlp → entities → quotes → events] per chunk → notes.

Each stage is a module with ``run(doc, ...)`` that fills its part of the Document; the pipeline
only orders them and owns what is expensive to create (the spaCy pipeline). Structure and dates
work on text alone and run once over the whole document; the stages that need parses run chunk
by chunk (see :mod:`chronica.chunks`), so memory stays flat however long the book, and a process
pool (:mod:`chronica.parallel`) or a Dask cluster (:mod:`chronica.distributed`) can take the
chunks and documents in parallel. The three phases below are what those workers call.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from chronica import chunks, dates, entities, events, notes, nlp, quotes, readers, structure
from chronica.chunks import ChunkResult
from chronica.model import Document, SourceInfo

if TYPE_CHECKING:
    from spacy.language import Language

Progress = Callable[[int], Any] | None


class Pipeline:
    """Holds a loaded spaCy pipeline; ``run`` analyzes one Document in place."""

    def __init__(self, model: str = nlp.DEFAULT_MODEL, batch_size: int = nlp.BATCH_SIZE,
                 chunk_chars: int = chunks.CHUNK_CHARS) -> None:
        self.nlp = nlp.load(model)
        self.batch_size = batch_size
        self.chunk_chars = chunk_chars

    def run(self, doc: Document, progress: Progress = None) -> Document:
        prepare(doc)
        results = [analyze_chunk(self.nlp, chunks.view(doc, first, last), first, self.batch_size, progress)
                   for first, last in chunks.plan(doc, self.chunk_chars)]
        finish(doc, results)
        return doc

    def analyze_path(self, path: Path, dct: str | None = None, progress: Progress = None) -> Document:
        doc = readers.read(path)
        if dct:
            doc.dct = dct
        return self.run(doc, progress)


@lru_cache(maxsize=2)
def shared(model: str = nlp.DEFAULT_MODEL) -> Pipeline:
    """One Pipeline per process and model: what pool and cluster workers analyze with."""
    return Pipeline(model)


def prepare(doc: Document) -> None:
    """The text-only, document-wide stages: structure, then dates anchored across the whole text."""
    structure.run(doc)
    dates.run(doc)


def analyze_chunk(language: Language, part: Document, first: int, batch_size: int = nlp.BATCH_SIZE,
                  progress: Progress = None) -> ChunkResult:
    """Parse a chunk view (paragraphs from index ``first`` on) and run the parse-dependent stages.

    The parses die with this call: only the plain results leave it.
    """
    nlp.run(part, language, batch_size=batch_size, progress=progress)
    entities.run(part)
    quotes.run(part)
    events.run(part)
    part.nlp_docs = []
    return chunks.result(part, first)


def finish(doc: Document, results: list[ChunkResult]) -> None:
    """Merge the chunks' findings into ``doc`` and link the endnotes (text-only, whole document)."""
    chunks.merge(doc, results)
    notes.run(doc)


def document_from_text(text: str, name: str = "<text>", fmt: str = "txt") -> Document:
    """A Document for text given directly (API use): newlines normalized as a file read would be."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    sha = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return Document(text=text, source=SourceInfo(path=name, sha256=sha, format=fmt))
