"""One self-contained HTML page: the chronology beside the source text, dates and names highlighted.

No network: styles and the small script are inline. Every string that comes from the document
is escaped with ``html.escape``; the page builds no markup from document text in JavaScript.
"""

from __future__ import annotations

import bisect
from html import escape

from chronica.model import Document, Sentence
from chronica.writers.chronology import citation, date_label, names, ordered_events

_ENTITY_CLASS = {"PERSON": "person", "GPE": "place", "LOC": "place", "FAC": "place", "ORG": "org", "NORP": "org"}

_STYLE = """
body{font:15px/1.5 Georgia,serif;margin:0;color:#222;background:#fbfaf7}
header{padding:12px 20px;background:#2f3b52;color:#fff}header h1{font-size:18px;margin:0}
main{display:grid;grid-template-columns:minmax(320px,40%) 1fr;gap:0;height:calc(100vh - 50px)}
#chronology,#source{overflow:auto;padding:12px 20px}#chronology{border-right:1px solid #ddd;background:#fff}
table{border-collapse:collapse;width:100%;font-size:13px}td,th{border-bottom:1px solid #eee;padding:4px;vertical-align:top;text-align:left}
tr.event{cursor:pointer}tr.event:hover{background:#f0f4ff}
.date{background:#ffe8a3}.person{background:#cfe8ff}.place{background:#d6f5d6}.org{background:#eadcff}
.sent.target{outline:2px solid #e07a00;background:#fff3e0}sup.note{color:#a33;font-size:11px}
h2{font-size:16px}.quote{font-style:italic}.muted{color:#777;font-size:12px}
"""

_SCRIPT = """
document.querySelectorAll('tr.event').forEach(function(row){row.addEventListener('click',function(){
 document.querySelectorAll('.sent.target').forEach(function(s){s.classList.remove('target')});
 var s=document.getElementById(row.dataset.target); if(s){s.classList.add('target');s.scrollIntoView({block:'center'});}
});});
"""


def render(doc: Document) -> str:
    title = escape(doc.source.path)
    return (
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
        f"<title>chronica — {title}</title><style>{_STYLE}</style></head><body>"
        f"<header><h1>chronica — {title}</h1></header><main>"
        f"<section id=\"chronology\">{_chronology(doc)}{_quotes(doc)}{_cast(doc)}</section>"
        f"<section id=\"source\"><h2>Source text</h2>{_source(doc)}</section>"
        f"</main><script>{_SCRIPT}</script></body></html>\n"
    )


def _chronology(doc: Document) -> str:
    rows = []
    for event in ordered_events(doc):
        rows.append(
            f"<tr class=\"event\" data-target=\"s{event.sentence_start}\"><td>{escape(date_label(event))}</td>"
            f"<td>{escape(event.summary)}</td><td>{escape(', '.join(names(doc, event.actors)))}</td>"
            f"<td class=\"muted\">{escape(citation(event))}</td></tr>"
        )
    body = "".join(rows) or "<tr><td colspan=\"4\">No dated events found.</td></tr>"
    return ("<h2>Chronology</h2><table><thead><tr><th>Date</th><th>Event</th><th>Actors</th><th>Citation</th>"
            f"</tr></thead><tbody>{body}</tbody></table>")


def _quotes(doc: Document) -> str:
    if not doc.quotes:
        return ""
    items = "".join(
        f"<li><span class=\"quote\">{escape(q.text)}</span> — {escape(q.speaker_name or 'unattributed')}</li>"
        for q in doc.quotes
    )
    return f"<h2>Quotations</h2><ul>{items}</ul>"


def _cast(doc: Document) -> str:
    people = sorted((e for e in doc.entities if e.type == "PERSON"), key=lambda e: -len(e.mentions))
    if not people:
        return ""
    items = "".join(
        f"<li><b>{escape(p.name)}</b> <span class=\"muted\">{len(p.mentions)} mentions; "
        f"{escape(', '.join(a for a in p.aliases if a != p.name))}</span>{_said(doc, p.id)}</li>" for p in people
    )
    return f"<h2>People</h2><ul>{items}</ul>"


def _said(doc: Document, person: str) -> str:
    """The person's quotations under their name in the cast list."""
    said = "".join(f"<li class=\"quote\">{escape(q.text)}</li>" for q in doc.quotes if q.speaker == person)
    return f"<ul>{said}</ul>" if said else ""


def _source(doc: Document) -> str:
    """Paragraphs and headings in text order; sentences as anchors; dates and names as marks."""
    marks = _marks(doc)
    blocks: list[tuple[int, str]] = [(s.start, f"<h2>{escape(s.title)}</h2>") for s in doc.sections]
    by_paragraph: dict[int, list[Sentence]] = {}
    for sentence in doc.sentences:
        by_paragraph.setdefault(sentence.paragraph, []).append(sentence)
    paragraph_starts = [p.start for p in doc.paragraphs]
    notes_by_paragraph: dict[int, list[int]] = {}
    for note in doc.notes:
        index = max(bisect.bisect_right(paragraph_starts, note.start) - 1, 0)
        notes_by_paragraph.setdefault(index, []).append(note.number)
    for index, para in enumerate(doc.paragraphs):
        parts, cursor = [], para.start
        for sentence in by_paragraph.get(index, []):
            parts.append(escape(doc.text[cursor:sentence.start]))
            parts.append(f"<span class=\"sent\" id=\"s{sentence.start}\">{_marked(doc.text, sentence.start, sentence.end, marks)}</span>")
            cursor = sentence.end
        parts.append(escape(doc.text[cursor:para.end]))
        notes = "".join(f"<sup class=\"note\">{n}</sup>" for n in notes_by_paragraph.get(index, []))
        blocks.append((para.start, f"<p>{''.join(parts)}{notes}</p>"))
    return "".join(html for _, html in sorted(blocks, key=lambda b: b[0]))


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


def _marked(text: str, start: int, end: int, marks: list[tuple[int, int, str]]) -> str:
    out, cursor = [], start
    i = bisect.bisect_left(marks, (start,))
    while i < len(marks) and marks[i][0] < end:
        m_start, m_end, cls = marks[i]
        i += 1
        if m_end > end:
            continue
        out.append(escape(text[cursor:m_start]))
        out.append(f"<mark class=\"{cls}\">{escape(text[m_start:m_end])}</mark>")
        cursor = m_end
    out.append(escape(text[cursor:end]))
    return "".join(out)
