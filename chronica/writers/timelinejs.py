"""The chronology as TimelineJS3 JSON (https://timeline.knightlab.com/docs/json-format.html).

Documented fields only: a ``title`` slide and ``events`` slides with ``start_date``/``end_date``
date objects (``year`` required; ``month``, ``day``), ``text`` (``headline``, ``text``),
``group``, ``display_date`` and ``unique_id``. ``group`` is the event's main actor, so the
timeline gives each actor its own row. TimelineJS inserts ``text`` and ``group`` as HTML: the
sentence, summary, citation and actor name are escaped. An event is drawn over its calendar bounds (``earliest``..``latest``): a
one-day event has no ``end_date``. Years BC are negative, as TimelineJS expects.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from html import escape
from typing import Any

from chronica.model import Document, Entity, Event
from chronica.writers.chronology import citation, date_label, entity_index, main_actor, ordered_events

_ISO = re.compile(r"^(-?\d{4})-(\d{2})-(\d{2})$")


def date_object(iso: str) -> dict[str, int] | None:
    found = _ISO.match(iso or "")
    if not found:
        return None
    return {"year": int(found.group(1)), "month": int(found.group(2)), "day": int(found.group(3))}


def slide(by_id: Mapping[str, Entity], event: Event) -> dict[str, Any] | None:
    """One TimelineJS slide, or None for an event without calendar bounds; ``by_id`` names the group."""
    if event.date is None:
        return None
    start, end = date_object(event.date.earliest or ""), date_object(event.date.latest or "")
    if start is None:
        return None
    body = f"<p>{escape(event.sentence)}</p><p><small>{escape(citation(event))}</small></p>"
    out: dict[str, Any] = {"unique_id": event.id, "start_date": start,
                           "text": {"headline": escape(event.summary), "text": body},
                           "display_date": date_label(event)}
    if end is not None and end != start:
        out["end_date"] = end
    group = main_actor(by_id, event)
    if group:
        out["group"] = escape(group)  # TimelineJS shows group labels as HTML, like the slide text
    return out


def to_dict(doc: Document) -> dict[str, Any]:
    by_id = entity_index(doc)
    slides = [s for s in (slide(by_id, e) for e in ordered_events(doc)) if s is not None]
    return {"title": {"text": {"headline": escape(f"Chronology of {doc.source.path}"),
                               "text": f"<p>{len(slides)} events found by chronica</p>"}},
            "events": slides}


def render(doc: Document) -> str:
    return json.dumps(to_dict(doc), ensure_ascii=False, indent=1) + "\n"
