"""One self-contained HTML page: the chronology beside the source text, dates and names highlighted.

It is the web app's document page (same template, CSS and script, inlined here so the file needs
no server and no network). ``context`` turns a Document into what the template shows; every
string from the document is escaped by Jinja2's autoescape, and the script builds no markup from
document text.
"""

from __future__ import annotations

import base64
import bisect
import hashlib
from pathlib import Path
from typing import Any

from chronica.model import Document, Sentence
from chronica.writers.chronology import citation, date_label, ordered_events, quotes_by_speaker

_ENTITY_CLASS = {"PERSON": "person", "GPE": "place", "LOC": "place", "FAC": "place", "ORG": "org", "NORP": "org"}


def render(doc: Document) -> str:
    from chronica.web.templating import environment, static_text

    script = static_text("document.js")
    # The file has no server to send a Content-Security-Policy: the page carries one that lets only
    # its own script (by hash) run, as a second guard behind escaping.
    digest = base64.b64encode(hashlib.sha256(str(script).encode("utf-8")).digest()).decode("ascii")
    csp = f"default-src 'none'; script-src 'sha256-{digest}'; style-src 'unsafe-inline'; img-src data:"
    template = environment().get_template("export.html")
    return template.render(css=static_text("chronica.css"), js=script, csp=csp, **context(doc)) + "\n"


def context(doc: Document, entity_urls: dict[str, str] | None = None) -> dict[str, Any]:
    """What the document view shows; ``entity_urls`` links names (by entity id) to pages in the web app."""
    urls = entity_urls or {}
    by_id = {e.id: e for e in doc.entities}
    sentence_starts = [s.start for s in doc.sentences]
    events = [{
        "date": date_label(e), "summary": e.summary, "target": f"s{e.sentence_start}", "citation": citation(e),
        "uncertain": bool(e.date and e.date.earliest != e.date.latest),
        "actors": [(by_id[a].name, urls.get(a)) for a in e.actors if a in by_id],
        "places": [(by_id[p].name, urls.get(p)) for p in e.places if p in by_id],
    } for e in ordered_events(doc)]
    quotes = [{
        "text": q.text, "speaker": q.speaker_name, "url": urls.get(q.speaker or ""),
        "target": _sentence_id(doc.sentences, sentence_starts, q.start),
    } for q in doc.quotes if q.kind == "speech"]
    by_speaker = quotes_by_speaker(doc)
    people = [{"name": p.name, "url": urls.get(p.id), "mentions": len(p.mentions),
               "aliases": [a for a in p.aliases if a != p.name],
               "quotes": [q.text for q in by_speaker.get(p.id, [])]}
              for p in sorted((e for e in doc.entities if e.type == "PERSON"), key=lambda e: -len(e.mentions))]
    return {"title": Path(doc.source.path).name or doc.source.path, "events": events, "quotes": quotes, "people": people,
            "blocks": _blocks(doc)}


def _sentence_id(sentences: list[Sentence], starts: list[int], offset: int) -> str | None:
    index = bisect.bisect_right(starts, offset) - 1
    return f"s{sentences[index].start}" if index >= 0 and offset < sentences[index].end else None


def _blocks(doc: Document) -> list[dict[str, Any]]:
    """Headings and paragraphs in text order; a paragraph is text runs and sentences of marked runs."""
    marks = _marks(doc)
    event_sentences = {e.sentence_start for e in doc.events}
    blocks: list[tuple[int, dict[str, Any]]] = [(s.start, {"heading": s.title}) for s in doc.sections]
    by_paragraph: dict[int, list[Sentence]] = {}
    for sentence in doc.sentences:
        by_paragraph.setdefault(sentence.paragraph, []).append(sentence)
    paragraph_starts = [p.start for p in doc.paragraphs]
    notes_by_paragraph: dict[int, list[int]] = {}
    for note in doc.notes:
        index = max(bisect.bisect_right(paragraph_starts, note.start) - 1, 0)
        notes_by_paragraph.setdefault(index, []).append(note.number)
    for index, para in enumerate(doc.paragraphs):
        parts: list[dict[str, Any]] = []
        cursor = para.start
        for sentence in by_paragraph.get(index, []):
            if sentence.start > cursor:
                parts.append({"text": doc.text[cursor:sentence.start]})
            parts.append({"id": f"s{sentence.start}", "event": sentence.start in event_sentences,
                          "runs": _runs(doc.text, sentence.start, sentence.end, marks)})
            cursor = sentence.end
        if para.end > cursor:
            parts.append({"text": doc.text[cursor:para.end]})
        blocks.append((para.start, {"parts": parts, "notes": notes_by_paragraph.get(index, [])}))
    return [block for _, block in sorted(blocks, key=lambda b: b[0])]


def _marks(doc: Document) -> list[tuple[int, int, str]]:
    """Non-overlapping highlight spans, dates first, then names; sorted by start."""
    spans = [(t.start, t.end, "date") for t in doc.timexes]
    spans += [(s, e, _ENTITY_CLASS[ent.type]) for ent in doc.entities if ent.type in _ENTITY_CLASS for s, e in ent.mentions]
    taken: list[tuple[int, int, str]] = []
    occupied: set[int] = set()
    for start, end, cls in spans:
        if not occupied.intersection(range(start, end)):
            taken.append((start, end, cls))
            occupied.update(range(start, end))
    return sorted(taken)


def _runs(text: str, start: int, end: int, marks: list[tuple[int, int, str]]) -> list[tuple[str, str | None]]:
    """The sentence as (text, highlight class or None) runs."""
    runs: list[tuple[str, str | None]] = []
    cursor = start
    i = bisect.bisect_left(marks, (start,))
    while i < len(marks) and marks[i][0] < end:
        m_start, m_end, cls = marks[i]
        i += 1
        if m_end > end or m_start < cursor:
            continue
        if m_start > cursor:
            runs.append((text[cursor:m_start], None))
        runs.append((text[m_start:m_end], cls))
        cursor = m_end
    if end > cursor:
        runs.append((text[cursor:end], None))
    return runs
