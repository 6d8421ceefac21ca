"""The analysis as JSON, following the contract in the spec (``schema: chronica/1``)."""

from __future__ import annotations

import json
from dataclasses import asdict
from typing import Any

from chronica.model import Document

SCHEMA = "chronica/1"


def to_dict(doc: Document) -> dict[str, Any]:
    """Every contract field, plus chronica's extras (never renamed, only added)."""
    return {
        "schema": SCHEMA,
        "source": asdict(doc.source),
        "text": doc.text,
        "dct": doc.dct,
        "timexes": [asdict(t) for t in doc.timexes],
        "entities": [{**asdict(e), "mentions": [list(m) for m in e.mentions],
                      "coordinates": list(e.coordinates) if e.coordinates else None} for e in doc.entities],
        "events": [{**asdict(e), "sources": [list(s) for s in e.sources]} for e in doc.events],
        "quotes": [asdict(q) for q in doc.quotes],
        "notes": [asdict(n) for n in doc.notes],
        "sections": [asdict(s) for s in doc.sections],
        "paragraphs": [[p.start, p.end] for p in doc.paragraphs],
        "sentences": [[s.start, s.end] for s in doc.sentences],
        "pages": [asdict(p) for p in doc.pages],
        "warnings": list(doc.warnings),
    }


def render(doc: Document) -> str:
    return json.dumps(to_dict(doc), ensure_ascii=False, indent=1) + "\n"
