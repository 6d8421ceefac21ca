"""What the human-readable writers share: events in time order and how to cite them."""

from __future__ import annotations

from chronica.model import Document, Entity, Event


def ordered_events(doc: Document) -> list[Event]:
    """Dated events by their earliest possible day, then by position in the text; undated last."""
    return sorted(doc.events, key=lambda e: ((e.date.earliest or "9999") if e.date else "9999", e.sentence_start))


def names(doc: Document, ids: list[str]) -> list[str]:
    by_id: dict[str, Entity] = {e.id: e for e in doc.entities}
    return [by_id[i].name for i in ids if i in by_id]


def citation(event: Event) -> str:
    """Where a reader finds the evidence: character span, page and endnotes."""
    parts = [f"chars {event.sentence_start}–{event.sentence_end}"]
    if event.pages:
        parts.append("p. " + ", ".join(event.pages))
    if event.notes:
        parts.append(("note " if len(event.notes) == 1 else "notes ") + ", ".join(map(str, event.notes)))
    return "; ".join(parts)


def date_label(event: Event) -> str:
    if event.date is None:
        return "undated"
    label = event.date.value + (f" ({event.date.mod.lower()})" if event.date.mod else "")
    return label + (" (inferred)" if event.date.inferred else "")
