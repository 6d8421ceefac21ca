"""A readable chronology in Markdown: date (with its certainty), event, actors, places, citation;
then quotations and the cast. EDTF strings are given for readers who paste them elsewhere."""

from __future__ import annotations

from chronica.model import Document
from chronica.writers.chronology import citation, date_label, entity_index, names, ordered_events, quotes_by_speaker


def _cell(text: str) -> str:
    """Document text made inert in a table cell or list item: a pipe would split the row, a newline end
    it, and ``<`` open raw HTML, which Markdown renderers pass through (a book quoting markup, or a
    hostile upload, must not put script into the rendered page)."""
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ").replace("<", "&lt;")


def render(doc: Document) -> str:
    lines = [f"# Chronology of {_cell(doc.source.path)}", ""]
    if doc.events:
        lines += ["| Date | EDTF | Event | Actors | Places | Citation |", "|---|---|---|---|---|---|"]
        by_id = entity_index(doc)
        for event in ordered_events(doc):
            actors = ", ".join(names(by_id, event.actors))
            places = ", ".join(names(by_id, event.places))
            edtf = event.date.edtf or "" if event.date else ""
            lines.append(f"| {_cell(date_label(event))} | {_cell(edtf)} | {_cell(event.summary)} | {_cell(actors)} "
                         f"| {_cell(places)} | {_cell(citation(event))} |")
        lines += ["", "Dates marked ? are carried over from the narrative, not stated in the sentence; "
                  "(planned), (habitual) and (hypothetical) rows are not happenings."]
    else:
        lines.append("No dated events found.")
    if doc.quotes:
        lines += ["", "## Quotations", ""]
        for quote in doc.quotes:
            who = quote.speaker_name or "unattributed"
            note = f" (note {', '.join(map(str, quote.notes))})" if quote.notes else ""
            lines.append(f"- {_cell(quote.text)} — {_cell(who)}{note}")
    people = [e for e in doc.entities if e.type == "PERSON"]
    if people:
        lines += ["", "## People", ""]
        by_speaker = quotes_by_speaker(doc)
        for person in sorted(people, key=lambda e: -len(e.mentions)):
            aliases = ", ".join(a for a in person.aliases if a != person.name)
            said = by_speaker.get(person.id, [])
            lines.append(f"- **{_cell(person.name)}** ({len(person.mentions)} mentions, {len(said)} quotations)"
                         + (f": {_cell(aliases)}" if aliases else ""))
            lines += [f"  - {_cell(q.text)}" for q in said]
    return "\n".join(lines) + "\n"
