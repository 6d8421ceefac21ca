"""Chunked analysis: a normal document is analyzed exactly as a whole; a long one is cut at
sections, its chunks' findings merged into one consistent document."""

from __future__ import annotations

from hypothesis import given, strategies as st

from benchmarks.common import ROOT
from chronica import chunks, dates, entities, events, nlp, notes, quotes, readers, structure
from chronica.chunks import ChunkResult
from chronica.model import Document, Entity, Event, Note, Paragraph, Quote, Section, Sentence, SourceInfo
from chronica.pipeline import Pipeline, document_from_text
from chronica.writers.json import to_dict

SAMPLE = ROOT / "chronica" / "sample" / "sample.txt"


def _whole(pipeline: Pipeline, doc: Document) -> Document:
    """Every stage over the whole document at once: the analysis the chunked pipeline must equal."""
    structure.run(doc)
    nlp.run(doc, pipeline.nlp)
    dates.run(doc)
    entities.run(doc)
    quotes.run(doc)
    events.run(doc)
    notes.run(doc)
    doc.nlp_docs = []
    return doc


def test_normal_document_is_analyzed_exactly_as_a_whole(pipeline) -> None:
    assert len(chunks.plan(structured(readers.read(SAMPLE)))) == 1
    assert to_dict(pipeline.run(readers.read(SAMPLE))) == to_dict(_whole(pipeline, readers.read(SAMPLE)))


def structured(doc: Document) -> Document:
    structure.run(doc)
    return doc


def test_long_document_in_chunks_is_one_consistent_analysis(pipeline) -> None:
    whole = pipeline.run(readers.read(SAMPLE))
    small = Pipeline(chunk_chars=2500)  # the cached model: only the chunk size differs
    plan = chunks.plan(structured(readers.read(SAMPLE)), 2500)
    assert len(plan) >= 3
    parted = small.run(readers.read(SAMPLE))
    # Text-level and paragraph-level results do not depend on the cut.
    assert parted.sentences == whole.sentences
    assert parted.timexes == whole.timexes
    assert parted.notes == whole.notes
    assert [(q.start, q.end, q.kind) for q in parted.quotes] == [(q.start, q.end, q.kind) for q in whole.quotes]
    # Ids are renumbered and every reference resolves.
    ids = [e.id for e in parted.entities]
    assert ids == [f"e{i}" for i in range(1, len(ids) + 1)]
    assert [e.mentions[0] for e in parted.entities] == sorted(e.mentions[0] for e in parted.entities)
    by_id = {e.id: e for e in parted.entities}
    for quote in parted.quotes:
        assert quote.speaker is None or by_id[quote.speaker].name == quote.speaker_name
    timex_ids = {t.id for t in parted.timexes}
    for event in parted.events:
        assert set(event.actors + event.places + event.patients) <= set(by_id)
        assert event.date is None or event.date.timex is None or event.date.timex in timex_ids
    assert [e.id for e in parted.events] == [f"v{i}" for i in range(1, len(parted.events) + 1)]
    # A name met in several chunks is one entity holding the mentions of all of them.
    spans = [(parted.paragraphs[first].start, parted.paragraphs[last - 1].end) for first, last in plan]
    spread = [e for e in parted.entities
              if len({i for s, _ in e.mentions for i, (lo, hi) in enumerate(spans) if lo <= s < hi}) > 1]
    assert spread
    keys = [(e.type, e.name) for e in parted.entities]
    assert len(keys) == len(set(keys))


def _doc(paragraphs: list[tuple[int, int, int | None]], sections: int = 0) -> Document:
    text = "x" * (max(end for _, end, _ in paragraphs) + 1)
    return Document(text=text, source=SourceInfo("<t>", "", "txt"),
                    sections=[Section(f"S{i}", 0, 0) for i in range(sections)],
                    paragraphs=[Paragraph(start, end, section) for start, end, section in paragraphs])


def test_plan_covers_every_paragraph_and_prefers_section_starts() -> None:
    # Ten paragraphs of 100 characters; a new section starts at paragraph 6.
    doc = _doc([(i * 100, i * 100 + 90, 0 if i < 6 else 1) for i in range(10)], sections=2)
    plan = chunks.plan(doc, 800)
    assert plan[0] == (0, 6)  # cut at the section start (in the second half) rather than at 8
    assert [p for first, last in plan for p in range(first, last)] == list(range(10))
    assert all(doc.paragraphs[last - 1].end - doc.paragraphs[first].start <= 800 or last - first == 1
               for first, last in plan)
    assert chunks.plan(doc, 10_000) == [(0, 10)]


def _entity(local: str, name: str, kind: str, aliases: list[str], mentions: list[tuple[int, int]]) -> Entity:
    return Entity(id=local, name=name, type=kind, aliases=aliases, mentions=mentions)


def _event(local: str, actors: list[str], start: int) -> Event:
    return Event(id=local, date=None, summary="", trigger="", actors=actors, places=[], sentence="",
                 sentence_start=start, sentence_end=start + 5)


def test_merge_joins_names_across_chunks_and_remaps_references() -> None:
    doc = _doc([(0, 100, None), (200, 300, None)])
    first = ChunkResult(0, 1, [Sentence(0, 100, 0)],
                        [_entity("e1", "Joseph Stalin", "PERSON", ["Joseph Stalin", "Stalin", "the Soviet leader"],
                                 [(0, 13), (40, 46)]),
                         _entity("e2", "Berlin", "GPE", ["Berlin"], [(60, 66)])],
                        [Quote("q1", "“…”", 70, 80, "e1", "Joseph Stalin", "said")],
                        [_event("v1", ["e1", "e2"], 0)])
    second = ChunkResult(1, 2, [Sentence(200, 300, 1)],
                         [_entity("e1", "Nikita Khrushchev", "PERSON", ["Nikita Khrushchev", "the Soviet leader"],
                                  [(200, 217)]),
                          _entity("e2", "Stalin", "PERSON", ["Stalin"], [(230, 236)]),
                          _entity("e3", "Berlin", "GPE", ["Berlin"], [(250, 256)])],
                         [Quote("q1", "“…”", 260, 270, "e2", "Stalin", "wrote")],
                         [_event("v1", ["e1", "e2", "e3"], 200)])
    chunks.merge(doc, [second, first])  # any order in: paragraph order out
    names = {e.id: e.name for e in doc.entities}
    assert list(names.values()) == ["Joseph Stalin", "Berlin", "Nikita Khrushchev"]  # by first mention
    stalin = doc.entities[0]
    assert stalin.mentions == [(0, 13), (40, 46), (230, 236)]
    assert doc.entities[1].mentions == [(60, 66), (250, 256)]
    assert [(q.id, q.speaker, q.speaker_name) for q in doc.quotes] == [("q1", "e1", "Joseph Stalin"),
                                                                      ("q2", "e1", "Joseph Stalin")]
    assert [(v.id, v.actors) for v in doc.events] == [("v1", ["e1", "e2"]), ("v2", ["e3", "e1", "e2"])]
    assert doc.sentences == [Sentence(0, 100, 0), Sentence(200, 300, 1)]


def test_merge_leaves_an_ambiguous_short_name_alone() -> None:
    doc = _doc([(0, 100, None), (200, 300, None)])
    first = ChunkResult(0, 1, [], [_entity("e1", "John Adams", "PERSON", ["John Adams", "Adams"], [(0, 10)]),
                                   _entity("e2", "Samuel Adams", "PERSON", ["Samuel Adams", "Adams"], [(20, 32)])],
                        [], [])
    second = ChunkResult(1, 2, [], [_entity("e1", "Adams", "PERSON", ["Adams"], [(210, 215)])], [], [])
    chunks.merge(doc, [first, second])
    assert [e.name for e in doc.entities] == ["John Adams", "Samuel Adams", "Adams"]


@given(st.text(alphabet="ab 1\n", max_size=60), st.lists(st.tuples(st.integers(0, 60), st.integers(0, 4)), max_size=6))
def test_masked_text_blanks_exactly_the_markers(text: str, markers: list[tuple[int, int]]) -> None:
    notes_ = [Note(i + 1, min(s, len(text)), min(s + n, len(text))) for i, (s, n) in enumerate(markers)]
    doc = Document(text=text, source=SourceInfo("<t>", "", "txt"), notes=notes_)
    expected = list(text)
    for note in notes_:
        for i in range(note.start, note.end):
            if not expected[i].isspace():
                expected[i] = " "
    assert doc.masked_text() == "".join(expected)


def test_many_documents_streamed_together_are_each_analyzed_as_alone(pipeline) -> None:
    texts = [SAMPLE.read_text(encoding="utf-8"),
             "Dean Acheson spoke in January 1950. In his words, Korea lay outside the “defensive perimeter.”\n",
             "No dates here at all.\n"]
    alone = [to_dict(pipeline.run(document_from_text(t, name=f"t{i}"))) for i, t in enumerate(texts)]
    streamed = [to_dict(d) for d in pipeline.run_many(document_from_text(t, name=f"t{i}") for i, t in enumerate(texts))]
    assert streamed == alone
    small = Pipeline(chunk_chars=2500)  # the sample needs chunks here: analyzed on its own in the stream
    assert [to_dict(d) for d in small.run_many(document_from_text(t, name=f"t{i}") for i, t in enumerate(texts))] == \
        [to_dict(small.run(document_from_text(t, name=f"t{i}"))) for i, t in enumerate(texts)]
