"""What the human-readable and exchange writers share: events in time order, names, citations,
and a date label that says how certain the date is."""

from __future__ import annotations

from collections.abc import Mapping

from chronica.chronology import sort_key
from chronica.model import Document, Entity, Event, Quote

_MOD_WORDS = {"START": "early", "MID": "mid", "END": "late", "APPROX": "about", "BEFORE": "before",
              "AFTER": "after", "ON_OR_BEFORE": "by", "ON_OR_AFTER": "from", "LESS_THAN": "less than",
              "MORE_THAN": "more than"}
_MODALITY_WORDS = {"future": "planned", "habitual": "habitual", "hypothetical": "hypothetical"}


def ordered_events(doc: Document) -> list[Event]:
    """Dated events by their earliest possible day (shorter spans first), then text order; undated last."""
    return sorted(doc.events, key=sort_key)


def entity_index(doc: Document) -> dict[str, Entity]:
    """Entities by id, built once per document: writers look names up for every event."""
    return {e.id: e for e in doc.entities}


def names(by_id: Mapping[str, Entity], ids: list[str]) -> list[str]:
    """The names of the entities ``ids`` (from :func:`entity_index`), unknown ids skipped."""
    return [by_id[i].name for i in ids if i in by_id]


def main_actor(by_id: Mapping[str, Entity], event: Event) -> str | None:
    """The first actor named, else the first patient: the row a timeline groups the event under."""
    found = names(by_id, event.actors) or names(by_id, event.patients)
    return found[0] if found else None


def quotes_by_speaker(doc: Document) -> dict[str, list[Quote]]:
    """Each speaker's quotations in text order, grouped in one pass (not one scan of all quotes per person)."""
    grouped: dict[str, list[Quote]] = {}
    for quote in doc.quotes:
        if quote.speaker:
            grouped.setdefault(quote.speaker, []).append(quote)
    return grouped


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
