"""A TEI chapter analyzes like the plain-text files of its sections: same dates, quotes and events."""

from __future__ import annotations

from pathlib import Path

from chronica.model import Document
from chronica.readers import read

CHAPTER = "1750-1775"


def _content(doc: Document, start: int = 0, end: int | None = None) -> dict[str, list]:
    """What a reader of the analysis sees, without offsets (which differ between the two inputs)."""
    end = len(doc.text) if end is None else end
    inside = lambda item_start: start <= item_start < end  # noqa: E731
    text = doc.text
    return {
        "dates": [(t.text, t.value) for t in doc.timexes if inside(t.start)],
        "quotes": [(q.text, q.speaker_name) for q in doc.quotes if inside(q.start)],
        "events": [(e.date.value if e.date else None, e.trigger, text[e.sentence_start:e.sentence_end])
                   for e in doc.events if inside(e.sentence_start)],
    }


def test_tei_chapter_equals_its_section_texts(shared: Path, pipeline) -> None:
    chapter = pipeline.run(read(shared / "corpora" / "milestones" / "chapters" / f"{CHAPTER}.xml"))
    sections = sorted((shared / "corpora" / "milestones" / "text").glob(f"{CHAPTER}__*.txt"))
    assert sections
    combined: dict[str, list] = {"dates": [], "quotes": [], "events": []}
    for path in sections:
        part = _content(pipeline.run(read(path)))
        for key in combined:
            combined[key].extend(part[key])
    whole = _content(chapter)
    for key in combined:
        assert sorted(whole[key], key=repr) == sorted(combined[key], key=repr), key
