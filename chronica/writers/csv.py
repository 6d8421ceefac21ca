"""The analysis as spreadsheets: a zip holding ``events.csv``, ``quotes.csv`` and ``entities.csv``.

One zip rather than three loose files so that ``-f csv`` keeps the CLI's rule of one output file
per input and format, and a spreadsheet user still gets one table per kind of thing. UTF-8 with
a byte-order mark, because that is what makes Excel read accented names right; every other CSV
reader ignores it. List cells (actors, notes, sources) are joined with "; ". The zip's entries
carry a fixed timestamp so the same analysis always gives the same bytes. A text cell that a
spreadsheet would run as a formula (starting with ``=``, ``+``, ``-``, ``@``, tab or CR) gets a
leading apostrophe, the usual guard against formula injection; numbers and dates are left alone.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile

from chronica.model import Document
from chronica.writers.chronology import entity_index, ordered_events

EVENT_COLUMNS = ["id", "date", "mod", "earliest", "latest", "edtf", "inferred", "modality", "summary", "trigger",
                 "actors", "actor_ids", "patients", "places", "sentence", "sentence_start", "sentence_end",
                 "sources", "notes", "pages"]
QUOTE_COLUMNS = ["id", "text", "start", "end", "kind", "speaker", "speaker_name", "addressee", "cue", "notes", "pages"]
ENTITY_COLUMNS = ["id", "name", "type", "aliases", "mentions", "first_mention", "wikidata", "latitude", "longitude"]
_FIXED_TIME = (1980, 1, 1, 0, 0, 0)
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_NUMBER_OR_DATE = re.compile(r"-?\d[\d.:T-]*")


def _safe(cell: str) -> str:
    """The cell as a spreadsheet will show it, never as a formula it would run."""
    if cell.startswith(_FORMULA_START) and not _NUMBER_OR_DATE.fullmatch(cell):
        return "'" + cell
    return cell


def _join(items) -> str:
    return "; ".join(str(i) for i in items)


def tables(doc: Document) -> dict[str, list[list[str]]]:
    """The three tables, header row first, as lists of strings."""
    by_id = entity_index(doc)

    def named(ids: list[str]) -> str:
        return _join(by_id[i].name for i in ids if i in by_id)

    events = [EVENT_COLUMNS]
    for e in ordered_events(doc):
        d = e.date
        events.append([e.id, d.value if d else "", (d.mod or "") if d else "", (d.earliest or "") if d else "",
                       (d.latest or "") if d else "", (d.edtf or "") if d else "", str(bool(d and d.inferred)).lower(),
                       e.modality or "", e.summary, e.trigger, named(e.actors), _join(e.actors), named(e.patients),
                       named(e.places), e.sentence, str(e.sentence_start), str(e.sentence_end),
                       _join(f"{s}-{t}" for s, t in e.sources), _join(e.notes), _join(e.pages)])
    quotes = [QUOTE_COLUMNS]
    for q in doc.quotes:
        addressee = q.addressee
        quotes.append([q.id, q.text, str(q.start), str(q.end), q.kind, q.speaker or "", q.speaker_name or "",
                       by_id[addressee].name if addressee in by_id else "", q.cue or "", _join(q.notes),
                       _join(q.pages)])
    entities = [ENTITY_COLUMNS]
    for n in doc.entities:
        lat, lon = n.coordinates if n.coordinates else ("", "")
        entities.append([n.id, n.name, n.type, _join(n.aliases), str(len(n.mentions)),
                         str(min(s for s, _ in n.mentions)) if n.mentions else "", n.wikidata or "", str(lat),
                         str(lon)])
    return {"events.csv": events, "quotes.csv": quotes, "entities.csv": entities}


def render(doc: Document) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, rows in tables(doc).items():
            text = io.StringIO()
            csv.writer(text, lineterminator="\r\n").writerows([_safe(cell) for cell in row] for row in rows)
            info = zipfile.ZipInfo(name, date_time=_FIXED_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, "\ufeff" + text.getvalue())
    return buffer.getvalue()
