"""Events stage: one event per sentence that holds a DATE.

The event takes the sentence's first DATE, its main verb as trigger, the people, groups and
countries named in it as actors and the places as places. Clause-level extraction replaces
this behind the same ``run(doc)`` seam.
"""

from __future__ import annotations

import bisect

from chronica.model import Document, Event, EventDate

_ACTOR_TYPES = {"PERSON", "ORG", "NORP", "GPE"}
_PLACE_TYPES = {"GPE", "LOC", "FAC"}
_SUMMARY_CHARS = 160


def run(doc: Document) -> None:
    dates = [t for t in doc.timexes if t.type in {"DATE", "TIME"} and t.earliest]
    date_starts = [t.start for t in dates]
    by_id = {entity.id: entity for entity in doc.entities}
    mentions = sorted((start, entity.id) for entity in doc.entities for start, _ in entity.mentions)
    mention_starts = [start for start, _ in mentions]
    events: list[Event] = []
    for sentence in doc.sentences:
        i = bisect.bisect_left(date_starts, sentence.start)
        if i == len(dates) or dates[i].start >= sentence.end:
            continue
        timex = dates[i]
        lo = bisect.bisect_left(mention_starts, sentence.start)
        hi = bisect.bisect_left(mention_starts, sentence.end)
        named = [by_id[i] for i in dict.fromkeys(i for _, i in mentions[lo:hi])]
        text = doc.text[sentence.start:sentence.end]
        events.append(Event(
            id=f"v{len(events) + 1}",
            date=EventDate(value=timex.value, mod=timex.mod, earliest=timex.earliest, latest=timex.latest,
                           timex=timex.id),
            summary=text if len(text) <= _SUMMARY_CHARS else text[:_SUMMARY_CHARS - 1].rstrip() + "…",
            trigger=_trigger(doc, sentence),
            actors=[e.id for e in named if e.type in _ACTOR_TYPES],
            places=[e.id for e in named if e.type in _PLACE_TYPES],
            sentence=text, sentence_start=sentence.start, sentence_end=sentence.end,
            sources=[(sentence.start, sentence.end)],
        ))
    doc.events = events


def _trigger(doc: Document, sentence) -> str:
    para = doc.paragraphs[sentence.paragraph]
    span = doc.nlp_docs[sentence.paragraph].char_span(sentence.start - para.start, sentence.end - para.start,
                                                       alignment_mode="expand")
    return span.root.text if span is not None else ""
