"""Who a quotation is addressed to, read from the parse while it is still there.

The reporting clause says it ("he told Mao", "wrote to Kennan", "asked the ambassador"): the
indirect or direct object, or the object of "to", of a speech verb outside the quotation. Failing
that, a person named as a vocative inside the quotation ("Fine, Comrade Mao Zedong, I'll come").
The GEXF network draws speaker–addressee links from it. Runs in the events stage, the last stage
that sees the parses and runs after quotes and entities.
"""

from __future__ import annotations

import bisect

from chronica.data import load_set
from chronica.model import Document, Entity

_OBJECTS = frozenset({"dative", "dobj", "iobj"})
_NETWORK_TYPES = frozenset({"PERSON", "ORG", "GPE", "NORP"})


def run(doc: Document) -> None:
    verbs = load_set("quotes", "speech_verbs.txt")
    rows = sorted((s, e, entity) for entity in doc.entities for s, e in entity.mentions
                  if entity.type in _NETWORK_TYPES)
    starts = [r[0] for r in rows]
    para_starts = [p.start for p in doc.paragraphs]
    for quote in doc.quotes:
        if quote.kind != "speech" or not quote.speaker:
            continue
        i = bisect.bisect_right(para_starts, quote.start) - 1
        if i < 0 or i >= len(doc.nlp_docs):
            continue
        offset = doc.paragraphs[i].start
        span = doc.nlp_docs[i].char_span(quote.start - offset, min(quote.end, doc.paragraphs[i].end) - offset,
                                         alignment_mode="expand")
        if span is None:
            continue
        found = _from_reporting_clause(span.sent, offset, quote.start, quote.end, verbs, rows, starts)
        found = found or _vocative(doc.text, quote.start, quote.end, rows, starts)
        if found is not None and found.id != quote.speaker:
            quote.addressee = found.id


def _within(rows, starts, start: int, end: int) -> Entity | None:
    i = bisect.bisect_left(starts, start)
    while i < len(rows) and rows[i][0] < end:
        if rows[i][1] <= end:
            return rows[i][2]
        i += 1
    return None


def _from_reporting_clause(sent, offset: int, q_start: int, q_end: int, verbs: frozenset[str], rows,
                           starts) -> Entity | None:
    for token in sent:
        position = offset + token.idx
        if q_start <= position < q_end or token.pos_ != "VERB" or token.lemma_.lower() not in verbs:
            continue
        for child in token.children:
            target = child
            if child.dep_ == "prep" and child.lower_ == "to":
                target = next((c for c in child.children if c.dep_ == "pobj"), None)
            elif child.dep_ not in _OBJECTS:
                continue
            if target is None:
                continue
            sub = list(target.subtree)
            start, end = offset + sub[0].idx, offset + sub[-1].idx + len(sub[-1])
            if q_start <= start < q_end:
                continue
            entity = _within(rows, starts, start, end)
            if entity is not None:
                return entity
    return None


def _vocative(text: str, q_start: int, q_end: int, rows, starts) -> Entity | None:
    """A person named between commas (or a comma and the quote's edge) inside the quotation."""
    i = bisect.bisect_left(starts, q_start)
    while i < len(rows) and rows[i][0] < q_end:
        start, end, entity = rows[i]
        i += 1
        if entity.type != "PERSON" or end > q_end:
            continue
        before = text[q_start:start].rstrip()
        after = text[end:q_end].lstrip()
        if (before.endswith(",") or len(before) <= 1) and (after.startswith((",", "!", "?", ".")) or len(after) <= 1):
            return entity
    return None
