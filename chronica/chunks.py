"""Long books in chunks: parse and analyze a run of paragraphs at a time, then merge the results.

spaCy's parses cost about 1.5 kB of memory per token, so a 1M-token book held whole would need
gigabytes. The pipeline instead cuts the paragraphs into chunks (at section boundaries when it
can), gives each chunk to the parse-dependent stages as a *view* — a Document with the same text,
sections, notes and dates but only the chunk's paragraphs and parses — and keeps only the results.
A chunk's parses are dropped before the next is made, so peak memory is the model, one chunk and
the results, however long the book.

A document that fits in one chunk (every chapter or essay of normal length) is analyzed exactly
as a whole. For longer ones the document-level decisions the stages make are taken per chunk and
then reconciled here:

* entities of the same type are joined across chunks by name: the same canonical name, or a name
  that is an alias of exactly one entity already seen ("Stalin" in a later chapter joins "Joseph
  Stalin"); a name shared by several is left as its own entity;
* quotation speakers and event participants are remapped to the joined entities, ids renumbered,
  events put in the events stage's time order;
* a pronoun, role description ("the Soviet leader") or one-word name is resolved within its chunk,
  a quotation continuing across a chunk boundary does not inherit the previous speaker, an
  undated clause just after the boundary does not carry the date before it, and repeated mentions
  of one happening in two chunks stay two events (the events stage merges them only within a
  section, and chunks are cut at sections when they can).
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field, replace

from chronica import chronology
from chronica.model import Document, Entity, Event, Quote, Sentence

CHUNK_CHARS = 250_000  # about 45k tokens: a long chapter, ~70 MB of parses


@dataclass
class ChunkResult:
    """What the parse-dependent stages found in paragraphs ``[first, last)``; offsets are the document's."""

    first: int
    last: int
    sentences: list[Sentence]
    entities: list[Entity]
    quotes: list[Quote]
    events: list[Event]
    warnings: list[str] = field(default_factory=list)


def plan(doc: Document, max_chars: int = CHUNK_CHARS) -> list[tuple[int, int]]:
    """Paragraph ranges ``[first, last)`` of at most ``max_chars`` (a longer paragraph is its own chunk).

    A chunk ends at the last section start inside it when that start lies in its second half, so
    chapters stay whole where they can; otherwise at a paragraph boundary.
    """
    paragraphs = doc.paragraphs
    if not paragraphs or paragraphs[-1].end - paragraphs[0].start <= max_chars:
        return [(0, len(paragraphs))]
    chunks: list[tuple[int, int]] = []
    first = 0
    while first < len(paragraphs):
        limit = paragraphs[first].start + max_chars
        last = first + 1
        section_cut = None
        while last < len(paragraphs) and paragraphs[last].end <= limit:
            if paragraphs[last].section != paragraphs[last - 1].section:
                section_cut = last
            last += 1
        if last < len(paragraphs) and section_cut is not None and \
                paragraphs[section_cut].start - paragraphs[first].start >= max_chars // 2:
            last = section_cut
        chunks.append((first, last))
        first = last
    return chunks


def view(doc: Document, first: int, last: int) -> Document:
    """The Document a chunk's stages see: whole text and structure, the chunk's paragraphs and dates.

    Only the chunk's timexes are handed over (every stage looks dates up by offset inside the
    sentences it reads), which keeps a long book's analysis linear in its length.
    """
    paragraphs = doc.paragraphs[first:last]
    if (first, last) == (0, len(doc.paragraphs)):
        timexes = doc.timexes
    else:
        starts = [t.start for t in doc.timexes]
        timexes = doc.timexes[bisect.bisect_left(starts, paragraphs[0].start):
                              bisect.bisect_left(starts, paragraphs[-1].end)] if paragraphs else []
    return Document(text=doc.text, source=doc.source, dct=doc.dct, sections=doc.sections, paragraphs=paragraphs,
                    pages=doc.pages, notes=doc.notes, timexes=timexes, hints=doc.hints)


def result(part: Document, first: int) -> ChunkResult:
    """A chunk view's findings, sentences renumbered to the document's paragraphs."""
    sentences = [Sentence(s.start, s.end, s.paragraph + first) for s in part.sentences]
    return ChunkResult(first, first + len(part.paragraphs), sentences, part.entities, part.quotes, part.events,
                       part.warnings)


def merge(doc: Document, results: list[ChunkResult]) -> None:
    """Fill ``doc`` with the chunks' findings (in paragraph order); one chunk is taken as it is."""
    results = sorted(results, key=lambda r: r.first)
    doc.sentences = [s for r in results for s in r.sentences]
    doc.warnings += [w for r in results for w in r.warnings]
    if len(results) == 1:
        only = results[0]
        doc.entities, doc.quotes, doc.events = only.entities, only.quotes, only.events
        return
    joined = _Entities()
    maps = [joined.add_chunk(r.entities) for r in results]
    doc.entities, renumber = joined.finish()
    quotes: list[Quote] = []
    events: list[Event] = []
    for r, local in zip(results, maps):
        ids = {old: renumber[new] for old, new in local.items()}
        for quote in r.quotes:
            speaker = ids.get(quote.speaker or "")
            quotes.append(replace(quote, id=f"q{len(quotes) + 1}", speaker=speaker,
                                  speaker_name=joined.name_of(speaker) if speaker else quote.speaker_name))
        for event in r.events:
            events.append(replace(event, actors=_remap(event.actors, ids), places=_remap(event.places, ids),
                                  patients=_remap(event.patients, ids)))
    events.sort(key=chronology.sort_key)  # the events stage's own order (time, then text); stable
    for number, event in enumerate(events, 1):
        event.id = f"v{number}"
    doc.quotes, doc.events = quotes, events


def _remap(entity_ids: list[str], ids: dict[str, str]) -> list[str]:
    return list(dict.fromkeys(ids.get(e, e) for e in entity_ids))


class _Entities:
    """Entities of successive chunks joined by type and name (see the module docstring)."""

    def __init__(self) -> None:
        self._entities: list[Entity] = []
        self._by_name: dict[tuple[str, str], int] = {}
        self._by_alias: dict[tuple[str, str], set[int]] = {}
        self._names: dict[str, str] = {}

    def add_chunk(self, entities: list[Entity]) -> dict[str, int]:
        """Join one chunk's entities; return its local id -> joined index."""
        mapping: dict[str, int] = {}
        for entity in entities:
            index = self._match(entity)
            if index is None:
                index = len(self._entities)
                self._entities.append(replace(entity, aliases=list(entity.aliases), mentions=list(entity.mentions)))
            else:
                self._join(self._entities[index], entity)
            mapping[entity.id] = index
            target = self._entities[index]
            self._by_name.setdefault((target.type, target.name), index)
            for alias in [target.name, *target.aliases]:
                self._by_alias.setdefault((target.type, alias), set()).add(index)
        return mapping

    def _match(self, entity: Entity) -> int | None:
        """The joined entity this one is: same name, else its name is one entity's alias or vice versa.

        Only a proper name is looked up among aliases: role aliases ("the Soviet leader") name
        different people in different chapters.
        """
        same = self._by_name.get((entity.type, entity.name))
        if same is not None:
            return same
        holders = self._by_alias.get((entity.type, entity.name), set())
        if len(holders) == 1:
            return next(iter(holders))
        named = {self._by_name[(entity.type, a)] for a in entity.aliases if (entity.type, a) in self._by_name}
        return next(iter(named)) if len(named) == 1 else None

    @staticmethod
    def _join(into: Entity, other: Entity) -> None:
        """Union of aliases and mentions; the name of the better-identified (known, else longer) one."""
        into.aliases += [a for a in other.aliases if a not in into.aliases]
        into.mentions += other.mentions  # chunks come in text order and never overlap
        if (other.wikidata is not None, len(other.name.split())) > (into.wikidata is not None, len(into.name.split())):
            into.name = other.name
        into.wikidata = into.wikidata or other.wikidata
        into.coordinates = into.coordinates or other.coordinates

    def finish(self) -> tuple[list[Entity], dict[int, str]]:
        """The joined entities ordered by first mention and numbered e1…, and index -> new id."""
        order = sorted(range(len(self._entities)),
                       key=lambda i: self._entities[i].mentions[0] if self._entities[i].mentions else (0, 0))
        renumber: dict[int, str] = {}
        entities: list[Entity] = []
        for number, index in enumerate(order, 1):
            entity = self._entities[index]
            entity.id = renumber[index] = f"e{number}"
            self._names[entity.id] = entity.name
            entities.append(entity)
        return entities, renumber

    def name_of(self, entity_id: str) -> str:
        return self._names[entity_id]

