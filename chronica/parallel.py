"""Several documents, or the chunks of a long one, analyzed by a pool of worker processes.

Each worker loads the spaCy model once (:func:`chronica.pipeline.shared`) and takes tasks of two
kinds: a whole document that fits in one chunk, or one chunk view of a long document whose
structure and dates the parent computed (they need the whole text). The parent merges a long
document's chunks and links its notes. Documents come back in input order, and at most
``2 × workers`` tasks are in flight, so a directory of books is streamed, not loaded at once.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from typing import Any

from chronica import chunks, structure
from chronica.chunks import ChunkResult
from chronica.model import Document
from chronica.nlp import DEFAULT_MODEL
from chronica.pipeline import analyze_chunk, finish, prepare, shared


def _load(model: str) -> None:
    shared(model)


def _whole(model: str, doc: Document) -> Document:
    return shared(model).run(doc)


def _chunk(model: str, part: Document, first: int) -> ChunkResult:
    pipeline = shared(model)
    return analyze_chunk(pipeline.nlp, part, first, pipeline.batch_size)


@dataclass
class _Pending:
    """A document in flight: its whole-document future, or its chunks' futures."""

    doc: Document
    whole: Future | None = None
    parts: list[Future] = field(default_factory=list)

    def futures(self) -> list[Future]:
        return [self.whole] if self.whole is not None else self.parts


def analyze_many(docs: Iterable[Document], workers: int, model: str = DEFAULT_MODEL,
                 chunk_chars: int = chunks.CHUNK_CHARS,
                 progress: Callable[[Document, int], Any] | None = None) -> Iterator[Document]:
    """Analyze ``docs`` with ``workers`` processes; yield each analyzed Document in input order.

    ``progress(doc, chars)`` is called in the parent as each task of ``doc`` completes.
    """
    with ProcessPoolExecutor(max_workers=workers, initializer=_load, initargs=(model,)) as pool:
        pending: deque[_Pending] = deque()
        in_flight = 0
        for doc in docs:
            item = _submit(pool, model, doc, chunk_chars, progress)
            pending.append(item)
            in_flight += len(item.futures())
            while in_flight >= 2 * workers and pending:
                done = pending.popleft()
                in_flight -= len(done.futures())
                yield _collect(done)
        while pending:
            yield _collect(pending.popleft())


def _submit(pool: ProcessPoolExecutor, model: str, doc: Document, chunk_chars: int,
            progress: Callable[[Document, int], Any] | None) -> _Pending:
    structure.run(doc)  # cheap, and it decides whether the document is one task or several
    plan = chunks.plan(doc, chunk_chars)
    item = _Pending(doc)
    if len(plan) == 1:
        item.whole = pool.submit(_whole, model, doc)
        spans = [len(doc.text)]
    else:
        prepare(doc)  # dates are anchored across the whole text, before it is cut
        item.parts = [pool.submit(_chunk, model, chunks.view(doc, first, last), first) for first, last in plan]
        spans = [doc.paragraphs[last - 1].end - doc.paragraphs[first].start for first, last in plan]
    if progress is not None:
        for future, chars in zip(item.futures(), spans):
            future.add_done_callback(lambda _f, chars=chars: progress(doc, chars))
    return item


def _collect(item: _Pending) -> Document:
    if item.whole is not None:
        return item.whole.result()
    finish(item.doc, [future.result() for future in item.parts])
    return item.doc
