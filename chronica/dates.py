"""Dates stage: explicit dates, months and years, with the narrative year carried forward.

A first, deliberately small engine: the full TIMEX3 tagger replaces ``tag`` behind the same
``run(doc)`` seam.
"""

from __future__ import annotations

import calendar
import re
from functools import lru_cache

from chronica.data import load_json
from chronica.model import Document, Timex


def _months() -> dict[str, int]:
    return load_json("dates", "months.json")


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern[str]:
    month = "|".join(sorted(_months(), key=len, reverse=True))
    return re.compile(
        rf"\b(?:(?P<d1>\d{{1,2}})\s+(?P<m1>{month})\.?(?:,?\s+(?P<y1>\d{{4}}))?"
        rf"|(?P<m2>{month})\.?\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?(?:,\s*(?P<y2>\d{{4}}))?"
        rf"|(?P<m3>{month})(?:\s+(?:of\s+)?(?P<y3>\d{{4}}))?"
        rf"|(?P<y4>1[0-9]{{3}}|20[0-9]{{2}}))\b",
        re.IGNORECASE,
    )


def run(doc: Document) -> None:
    doc.timexes = tag(doc.masked_text())


def tag(text: str) -> list[Timex]:
    """Find dates; a date without a year takes the year of the last full date before it."""
    found: list[Timex] = []
    year: int | None = None
    for match in _pattern().finditer(text):
        g = match.groupdict()
        month_name = g["m1"] or g["m2"] or g["m3"]
        if g["m3"] and not g["y3"] and not month_name[0].isupper():
            continue  # "may" the verb
        month = _months()[month_name.lower()] if month_name else None
        day = int(g["d1"] or g["d2"]) if (g["d1"] or g["d2"]) else None
        stated = g["y1"] or g["y2"] or g["y3"] or g["y4"]
        if stated:
            year = int(stated)
        if year is None or (day and month and day > calendar.monthrange(year, month)[1]):
            continue
        if month and day:
            value = f"{year:04d}-{month:02d}-{day:02d}"
            earliest = latest = value
        elif month:
            value = f"{year:04d}-{month:02d}"
            earliest, latest = f"{value}-01", f"{value}-{calendar.monthrange(year, month)[1]:02d}"
        else:
            value = f"{year:04d}"
            earliest, latest = f"{value}-01-01", f"{value}-12-31"
        found.append(Timex(id=f"t{len(found) + 1}", text=match.group(0), start=match.start(), end=match.end(),
                           type="DATE", value=value, earliest=earliest, latest=latest))
    return found
