"""Notes stage: link each endnote marker to the sentence it cites, and each citation to its notes.

A marker cites the sentence it follows: the last sentence that starts before it. Events and
quotes then carry the numbers of the notes that cite their sentence, and the pages it lies on.
"""

from __future__ import annotations

import bisect

from chronica.model import Document


def run(doc: Document) -> None:
    starts = [s.start for s in doc.sentences]
    cited: dict[tuple[int, int], list[int]] = {}
    for note in doc.notes:
        i = bisect.bisect_left(starts, note.start) - 1
        if i < 0:
            continue
        sentence = doc.sentences[i]
        note.sentence_start, note.sentence_end = sentence.start, sentence.end
        cited.setdefault((sentence.start, sentence.end), []).append(note.number)
    page_starts = [page.start for page in doc.pages]

    def pages(position: int) -> list[str]:
        i = bisect.bisect_right(page_starts, position) - 1
        return [doc.pages[i].label] if i >= 0 and position < doc.pages[i].end else []

    for event in doc.events:
        spans = event.sources or [(event.sentence_start, event.sentence_end)]
        event.notes = sorted({n for span in spans for n in cited.get(span, [])})
        event.pages = pages(event.sentence_start)
    sentence_of = _SentenceLookup(doc)
    for quote in doc.quotes:
        quote.notes = sorted({n for span in sentence_of.spans(quote.start, quote.end) for n in cited.get(span, [])})
        quote.pages = pages(quote.start)


class _SentenceLookup:
    def __init__(self, doc: Document) -> None:
        self._sentences = doc.sentences
        self._starts = [s.start for s in doc.sentences]

    def spans(self, start: int, end: int) -> list[tuple[int, int]]:
        i = max(bisect.bisect_right(self._starts, start) - 1, 0)
        found = []
        while i < len(self._sentences) and self._sentences[i].start < end:
            found.append((self._sentences[i].start, self._sentences[i].end))
            i += 1
        return found
