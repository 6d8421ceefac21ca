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
from chronica.mention_index import MentionIndex
from chronica.model import Document, Entity

_OBJECTS = frozenset({"dative", "dobj", "iobj"})
_NETWORK_TYPES = frozenset({"PERSON", "ORG", "GPE", "NORP"})


def run(doc: Document) -> None:
    verbs = load_set("quotes", "speech_verbs.txt")
    index = MentionIndex(doc.entities, _NETWORK_TYPES)
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
        found = _from_reporting_clause(span.sent, offset, quote.start, quote.end, verbs, index)
        found = found or _vocative(doc.text, quote.start, quote.end, index)
        if found is not None and found.id != quote.speaker:
            quote.addressee = found.id


def _from_reporting_clause(sent, offset: int, q_start: int, q_end: int, verbs: frozenset[str],
                           index: MentionIndex) -> Entity | None:
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
            inside = index.inside(start, end)
            if inside:
                return inside[0][2]
    return None


def _vocative(text: str, q_start: int, q_end: int, index: MentionIndex) -> Entity | None:
    """A person named between commas (or a comma and the quote's edge) inside the quotation."""
    for start, end, entity in index.inside(q_start, q_end):
        if entity.type != "PERSON":
            continue
        before = text[q_start:start].rstrip()
        after = text[end:q_end].lstrip()
        if (before.endswith(",") or len(before) <= 1) and (after.startswith((",", "!", "?", ".")) or len(after) <= 1):
            return entity
    return None
