"""The plain data model of an analysis.

Every stage reads and fills a :class:`Document`; nothing here knows about spaCy,
so the model can be built, serialized and tested without a language model. Offsets
are Python string indices (end exclusive) into ``Document.text``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
import re
from typing import Any

Span = tuple[int, int]
_BLANK = re.compile(r"\S")


@dataclass
class Section:
    """A heading and the stretch of text it governs (``start``/``end`` are the heading's own span)."""

    title: str
    start: int
    end: int
    level: int = 1


@dataclass
class Paragraph:
    start: int
    end: int
    section: int | None = None  # index into Document.sections


@dataclass
class Sentence:
    start: int
    end: int
    paragraph: int  # index into Document.paragraphs


@dataclass
class Page:
    """A printed page of the source: its label and the text span it covers."""

    label: str
    start: int
    end: int


@dataclass
class Note:
    """An endnote/footnote reference marker and the sentence it cites.

    ``start == end`` when the reader knows the note's position but the marker has no text
    of its own in ``Document.text`` (e.g. an EPUB noteref rendered as a link).
    """

    number: int
    start: int
    end: int
    sentence_start: int | None = None
    sentence_end: int | None = None
    text: str | None = None  # the note's own text when the source carries it
    label: str | None = None  # the marker as printed when it is not a plain number (e.g. "*")


@dataclass
class Timex:
    id: str
    text: str
    start: int
    end: int
    type: str  # DATE | TIME | DURATION | SET
    value: str
    mod: str | None = None
    earliest: str | None = None
    latest: str | None = None
    anchor: str | None = None  # id of the timex a relative expression was resolved against
    quant: str | None = None  # TIMEX3 quant of a SET ("EACH")
    freq: str | None = None  # TIMEX3 freq of a SET ("1X")


@dataclass
class Entity:
    id: str
    name: str
    type: str  # PERSON | ORG | GPE | LOC | FAC | NORP | WORK | LAW | EVENT
    aliases: list[str] = field(default_factory=list)
    mentions: list[Span] = field(default_factory=list)
    wikidata: str | None = None
    coordinates: tuple[float, float] | None = None  # (lat, lon) for places from the gazetteer


@dataclass
class EventDate:
    value: str
    mod: str | None
    earliest: str | None
    latest: str | None
    timex: str | None  # id of the timex the date comes from
    inferred: bool = False
    edtf: str | None = None


@dataclass
class Event:
    id: str
    date: EventDate | None
    summary: str
    trigger: str
    actors: list[str]
    places: list[str]
    sentence: str
    sentence_start: int
    sentence_end: int
    notes: list[int] = field(default_factory=list)
    patients: list[str] = field(default_factory=list)
    trigger_start: int | None = None
    trigger_end: int | None = None
    modality: str | None = None  # None for a happening; "future", "habitual", "hypothetical"
    sources: list[Span] = field(default_factory=list)  # all sentences that mention the happening
    pages: list[str] = field(default_factory=list)


@dataclass
class Quote:
    id: str
    text: str  # includes the quotation marks
    start: int
    end: int
    speaker: str | None
    speaker_name: str | None
    cue: str | None
    kind: str = "speech"  # speech | title | term
    notes: list[int] = field(default_factory=list)
    pages: list[str] = field(default_factory=list)
    addressee: str | None = None  # entity id of the one spoken to, when the text says (the events stage)


@dataclass
class SourceInfo:
    path: str
    sha256: str
    format: str


@dataclass
class Document:
    """One analyzed text and everything chronica found in it."""

    text: str
    source: SourceInfo
    dct: str | None = None
    sections: list[Section] = field(default_factory=list)
    paragraphs: list[Paragraph] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    pages: list[Page] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)
    timexes: list[Timex] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    # Working state shared between stages, never serialized: the spaCy Doc of each
    # paragraph (parallel to ``paragraphs``) and reader hints such as TEI ``date@when``.
    nlp_docs: list[Any] = field(default_factory=list, repr=False)
    hints: dict[str, Any] = field(default_factory=dict, repr=False)

    def masked_text(self) -> str:
        """``text`` with note markers blanked out, so no stage mistakes "82" for a number in prose.

        Same length as ``text``: offsets found in it index ``text`` too.
        """
        if not self.notes:
            return self.text
        # Slices between markers, not a list of characters: a book's text is millions of characters
        # and every stage asks for this, once per chunk of a long book.
        pieces: list[str] = []
        done = 0
        for note in sorted(self.notes, key=lambda n: n.start):
            start = max(note.start, done)
            if note.end <= start:
                continue
            pieces.append(self.text[done:start])
            pieces.append(_BLANK.sub(" ", self.text[start:note.end]))
            done = note.end
        pieces.append(self.text[done:])
        return "".join(pieces)
