"""Quotes stage: paired quotation marks, speaker from a reporting verb in the same sentence.

Curly quotes pair by direction; straight double quotes pair in order of appearance within a
paragraph. A speaker is the subject of a speech verb (word list in ``data/quotes``) outside the
quotation; a pronoun subject takes the nearest person named before it.
"""

from __future__ import annotations

import bisect
import re

from chronica.data import load_lines
from chronica.model import Document, Entity, Quote

_QUOTE = re.compile(r"“[^“”]*”|\"[^\"\n]*\"")
_PRONOUNS = {"he", "she", "they", "He", "She", "They"}


def run(doc: Document) -> None:
    verbs = frozenset(load_lines("quotes", "speech_verbs.txt"))
    index = _MentionIndex(doc.entities)
    masked = doc.masked_text()
    quotes: list[Quote] = []
    for para, parsed in zip(doc.paragraphs, doc.nlp_docs):
        for match in _QUOTE.finditer(masked, para.start, para.end):
            speaker, cue = _attribute(parsed, para.start, match.start(), match.end(), verbs, index)
            quotes.append(Quote(id=f"q{len(quotes) + 1}", text=match.group(0), start=match.start(),
                                end=match.end(), speaker=speaker.id if speaker else None,
                                speaker_name=speaker.name if speaker else None, cue=cue))
    doc.quotes = quotes


def _attribute(parsed, offset: int, start: int, end: int, verbs: frozenset[str],
               index: "_MentionIndex") -> tuple[Entity | None, str | None]:
    local_start, local_end = start - offset, end - offset
    sent = parsed.char_span(local_start, local_end, alignment_mode="expand")
    if sent is None:
        return None, None
    for token in sent.sent:
        if local_start <= token.idx < local_end or token.lemma_.lower() not in verbs or token.pos_ != "VERB":
            continue
        for child in token.children:
            if child.dep_ not in {"nsubj", "nsubjpass"}:
                continue
            if child.text in _PRONOUNS:
                return index.person_before(start), token.text
            subject = parsed[child.left_edge.i:child.i + 1]
            found = index.at(offset + subject.start_char, offset + subject.end_char)
            return found, token.text
    return None, None


class _MentionIndex:
    """Entity mentions sorted by offset, for lookups by span and for the nearest earlier person."""

    def __init__(self, entities: list[Entity]) -> None:
        rows = sorted(((start, end, entity) for entity in entities for start, end in entity.mentions),
                      key=lambda row: row[:2])
        self._starts = [row[0] for row in rows]
        self._rows = rows

    def at(self, start: int, end: int) -> Entity | None:
        i = bisect.bisect_left(self._starts, start)
        while i < len(self._rows) and self._rows[i][0] < end:
            if self._rows[i][2].type == "PERSON":
                return self._rows[i][2]
            i += 1
        return None

    def person_before(self, position: int) -> Entity | None:
        i = bisect.bisect_left(self._starts, position) - 1
        while i >= 0:
            if self._rows[i][2].type == "PERSON":
                return self._rows[i][2]
            i -= 1
        return None
