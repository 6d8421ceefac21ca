"""What the human-readable and exchange writers share: events in time order, names, citations,
and a date label that says how certain the date is."""

from __future__ import annotations

from chronica.chronology import sort_key
from chronica.model import Document, Entity, Event

_MOD_WORDS = {"START": "early", "MID": "mid", "END": "late", "APPROX": "about", "BEFORE": "before",
              "AFTER": "after", "ON_OR_BEFORE": "by", "ON_OR_AFTER": "from", "LESS_THAN": "less than",
              "MORE_THAN": "more than"}
_MODALITY_WORDS = {"future": "planned", "habitual": "habitual", "hypothetical": "hypothetical"}


def ordered_events(doc: Document) -> list[Event]:
    """Dated events by their earliest possible day (shorter spans first), then text order; undated last."""
    return sorted(doc.events, key=sort_key)


def entity_index(doc: Document) -> dict[str, Entity]:
    return {e.id: e for e in doc.entities}


def names(doc: Document, ids: list[str]) -> list[str]:
    by_id = entity_index(doc)
    return [by_id[i].name for i in ids if i in by_id]


def main_actor(doc: Document, event: Event) -> str | None:
    """The first actor named, else the first patient: the row a timeline groups the event under."""
    found = names(doc, event.actors) or names(doc, event.patients)
    return found[0] if found else None


def citation(event: Event) -> str:
    """Where a reader finds the evidence: character span(s), page and endnotes."""
    spans = event.sources or [(event.sentence_start, event.sentence_end)]
    parts = ["chars " + ", ".join(f"{start}–{end}" for start, end in spans)]
    if event.pages:
        parts.append("p. " + ", ".join(event.pages))
    if event.notes:
        parts.append(("note " if len(event.notes) == 1 else "notes ") + ", ".join(map(str, event.notes)))
    return "; ".join(parts)


def date_label(event: Event) -> str:
    """"1948 (late)", "1950-02? (inferred, 1950-02-14 – 1950-02-28)", "1952 (late; planned)"."""
    if event.date is None:
        return "undated" + (f" ({_MODALITY_WORDS[event.modality]})" if event.modality else "")
    date = event.date
    notes = [_MOD_WORDS.get(date.mod, date.mod.lower())] if date.mod else []
    if date.inferred:
        notes.append(f"inferred, {date.earliest} – {date.latest or '…'}")  # open end: "from 1950"
    if event.modality:
        notes.append(_MODALITY_WORDS[event.modality])
    label = date.value + ("?" if date.inferred else "")
    return label + (f" ({'; '.join(notes)})" if notes else "")
