"""The analysis pipeline: read → structure → dates → [nlp → entities → quotes → events] per chunk → notes.

Each stage is a module with ``run(doc, ...)`` that fills its part of the Document; the pipeline
only orders them and owns what is expensive to create (the spaCy pipeline). Structure and dates
work on text alone and run once over the whole document; the stages that need parses run chunk
by chunk (see :mod:`chronica.chunks`), so memory stays flat however long the book, and a process
pool (:mod:`chronica.parallel`) or a Dask cluster (:mod:`chronica.distributed`) can take the
chunks and documents in parallel. The three phases below are what those workers call.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from functools import lru_cache, partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from chronica import chunks, dates, entities, events, notes, nlp, quotes, readers, structure
from chronica.chunks import ChunkResult
from chronica.model import Document, SourceInfo
from chronica.readers.common import sha256

if TYPE_CHECKING:
    from spacy.language import Language

Progress = Callable[[int], Any] | None
Timings = dict[str, float] | None
GROUP_PARAGRAPHS = 256  # paragraphs parsed in one stream across documents by run_many


@contextmanager
def _timed(timings: Timings, name: str) -> Iterator[None]:
    started = time.perf_counter()
    yield
    if timings is not None:
        timings[name] = timings.get(name, 0.0) + time.perf_counter() - started


class Pipeline:
    """Holds a loaded spaCy pipeline; ``run`` analyzes one Document in place."""

    def __init__(self, model: str = nlp.DEFAULT_MODEL, batch_size: int = nlp.BATCH_SIZE,
                 chunk_chars: int = chunks.CHUNK_CHARS) -> None:
        self.nlp = nlp.load(model)
        self.batch_size = batch_size
        self.chunk_chars = chunk_chars

    def run(self, doc: Document, progress: Progress = None, timings: Timings = None) -> Document:
        """Analyze ``doc`` in place; ``timings`` (if given) accumulates the seconds spent per stage,
        which is how the benchmark shows what each stage costs inside a whole analysis."""
        prepare(doc, timings)
        return self._run_prepared(doc, progress, timings)

    def run_many(self, docs: Iterable[Document], progress: Callable[[Document, int], Any] | None = None,
                 timings: Timings = None) -> Iterator[Document]:
        """Analyze ``docs`` in order, parsing the paragraphs of consecutive documents in one spaCy
        stream. A library of short essays parsed one essay at a time gives spaCy batches of a few
        paragraphs; streamed together they fill whole batches, which is what makes spaCy fast. At
        most ``GROUP_PARAGRAPHS`` paragraphs' parses are alive at once; a long book that needs
        chunks is analyzed on its own, chunk by chunk, as :meth:`run` does."""
        group: list[Document] = []
        size = 0
        for doc in docs:
            prepare(doc, timings)
            if len(chunks.plan(doc, self.chunk_chars)) > 1:
                yield from self._run_group(group, progress, timings)
                group, size = [], 0
                yield self._run_prepared(doc, None if progress is None else partial(progress, doc), timings)
                continue
            group.append(doc)
            size += len(doc.paragraphs)
            if size >= GROUP_PARAGRAPHS:
                yield from self._run_group(group, progress, timings)
                group, size = [], 0
        yield from self._run_group(group, progress, timings)

    def _run_group(self, group: list[Document], progress: Callable[[Document, int], Any] | None,
                   timings: Timings) -> Iterator[Document]:
        """Prepared one-chunk documents: one parse stream, then each document's other stages."""
        parts = [chunks.view(doc, 0, len(doc.paragraphs)) for doc in group]
        parses: list[list] = [[] for _ in parts]
        with _timed(timings, "nlp"):
            texts = ((text, k) for k, part in enumerate(parts) for text in nlp.paragraph_texts(part))
            for parsed, k in self.nlp.pipe(texts, as_tuples=True, batch_size=self.batch_size):
                parses[k].append(parsed)
                if progress is not None:
                    progress(group[k], len(parsed.text))
        for doc, part, parsed in zip(group, parts, parses):
            with _timed(timings, "nlp"):
                nlp.fill(part, parsed)
            finish(doc, [analyze_parsed(part, 0, timings)], timings)
            yield doc

    def _run_prepared(self, doc: Document, progress: Progress, timings: Timings) -> Document:
        """A prepared document, chunk by chunk (one chunk for any document of normal length)."""
        results = [analyze_chunk(self.nlp, chunks.view(doc, first, last), first, self.batch_size, progress, timings)
                   for first, last in chunks.plan(doc, self.chunk_chars)]
        finish(doc, results, timings)
        return doc

    def analyze_path(self, path: Path, dct: str | None = None, progress: Progress = None,
                     timings: Timings = None) -> Document:
        """Read and analyze the file at ``path``; the reading time counts in ``timings`` as ``read``."""
        started = time.perf_counter()
        doc = readers.read(path)
        if timings is not None:
            timings["read"] = timings.get("read", 0.0) + time.perf_counter() - started
        if dct:
            doc.dct = dct
        return self.run(doc, progress, timings)


@lru_cache(maxsize=2)
def shared(model: str = nlp.DEFAULT_MODEL) -> Pipeline:
    """One Pipeline per process and model: what pool and cluster workers and :func:`chronica.analyze`
    analyze with, so loading the model (a second or more) is paid once, not per document."""
    return Pipeline(model)


def prepare(doc: Document, timings: Timings = None) -> None:
    """The text-only, document-wide stages: structure, then dates anchored across the whole text."""
    with _timed(timings, "structure"):
        structure.run(doc)
    with _timed(timings, "dates"):
        dates.run(doc)


def analyze_chunk(language: Language, part: Document, first: int, batch_size: int = nlp.BATCH_SIZE,
                  progress: Progress = None, timings: Timings = None) -> ChunkResult:
    """Parse a chunk view (paragraphs from index ``first`` on) and run the parse-dependent stages.

    The parses die with this call: only the plain results leave it.
    """
    with _timed(timings, "nlp"):
        nlp.run(part, language, batch_size=batch_size, progress=progress)
    return analyze_parsed(part, first, timings)


def analyze_parsed(part: Document, first: int, timings: Timings = None) -> ChunkResult:
    """The parse-dependent stages over a parsed chunk view; its parses are dropped after them."""
    for name, stage in (("entities", entities), ("quotes", quotes), ("events", events)):
        with _timed(timings, name):
            stage.run(part)
    part.nlp_docs = []
    return chunks.result(part, first)


def finish(doc: Document, results: list[ChunkResult], timings: Timings = None) -> None:
    """Merge the chunks' findings into ``doc`` and link the endnotes (text-only, whole document)."""
    with _timed(timings, "merge"):
        chunks.merge(doc, results)
    with _timed(timings, "notes"):
        notes.run(doc)


def document_from_text(text: str, name: str = "<text>", fmt: str = "txt") -> Document:
    """A Document for text given directly (API use): newlines normalized as a file read would be."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return Document(text=text, source=SourceInfo(path=name, sha256=sha256(text.encode("utf-8")), format=fmt))
