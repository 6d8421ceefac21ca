"""Event dates and the chronology: EDTF strings, dates carried over, time order, merged mentions.

EDTF (the Library of Congress Extended Date/Time Format, ISO 8601-2) is how the exports state
uncertainty in a machine-readable way: ``1949-08~/1949-08`` style intervals for "late August",
``1949-22`` for summer 1949, ``194X`` for the 1940s, ``1950-02?`` for a date carried over from
the narrative rather than stated.
"""

from __future__ import annotations

import calendar
import re

from chronica.model import Event, EventDate, Timex

_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_YEAR = re.compile(r"^(\d{4})$")
_BC_YEAR = re.compile(r"^BC(\d{4})$")
_PART = re.compile(r"^(\d{4})-(SP|SU|FA|WI|Q[1-4]|H[12])$")
_DECADE = re.compile(r"^(\d{3})$")
_CENTURY = re.compile(r"^(\d{2})$")
# EDTF sub-year groupings: 21-24 seasons (level 1), 33-36 quarters and 40-41 semesters (level 2).
_EDTF_PART = {"SP": "21", "SU": "22", "FA": "23", "WI": "24", "Q1": "33", "Q2": "34", "Q3": "35", "Q4": "36",
              "H1": "40", "H2": "41"}
_BOUNDED_MODS = {"START", "MID", "END"}
_OPEN_BEFORE = {"BEFORE", "ON_OR_BEFORE", "LESS_THAN"}
_OPEN_AFTER = {"AFTER", "ON_OR_AFTER", "MORE_THAN"}


def usable(timex: Timex) -> bool:
    """A DATE or TIME with calendar bounds can date an event ("PRESENT_REF", "XXXX-12" cannot)."""
    return timex.type in {"DATE", "TIME"} and bool(timex.earliest) and bool(timex.latest)


def year_or_finer(timex: Timex) -> bool:
    """A date precise enough to frame an episode: a year or finer, not a decade or century."""
    value = timex.value
    return bool(_DAY.match(value) or _MONTH.match(value) or _YEAR.match(value) or _BC_YEAR.match(value)
                or _PART.match(value))


def stated(timex: Timex, after: bool = False, bound: str | None = None) -> EventDate:
    """The date of an event whose own sentence states it.

    Events are dated to the day: a time of day ("that evening", ``1962-10-22TEV``) stays on the
    timex. ``after`` is for a date inside a phrase the event follows ("After the outbreak of
    hostilities in May 1898, McKinley secured ..."): the event is not on that date but later,
    so it gets the next coarser unit, from that date to the unit's end. ``bound`` is the mod of a
    date the happening is only limited by ("by 1 May 1950": ``ON_OR_BEFORE``), used when the
    expression carries no mod of its own ("by the end of 1952" keeps ``END``).
    """
    value = _day_value(timex.value)
    if after:
        value, latest = _coarser(value, timex.latest)
        return EventDate(value=value, mod=None, earliest=timex.earliest, latest=latest, timex=timex.id,
                         inferred=False, edtf=f"{_month_of(timex.earliest)}/{_month_of(latest)}")
    mod = timex.mod or bound
    return EventDate(value=value, mod=mod, earliest=timex.earliest, latest=timex.latest,
                     timex=timex.id, inferred=False, edtf=edtf(value, mod, timex.earliest, timex.latest))


def carried(timex: Timex) -> EventDate:
    """The date of an undated narrative event that continues the episode ``timex`` dates.

    The episode's date with ``inferred`` set and coarser bounds: from the episode's start to the
    end of the next larger unit (a day's month, a month's or a season's year), because the
    telling moves on from the episode without saying how far.
    """
    value = _day_value(timex.value)
    _, latest = _coarser(value, timex.latest)
    return EventDate(value=value, mod=None, earliest=timex.earliest, latest=latest, timex=timex.id,
                     inferred=True, edtf=edtf(value, None, timex.earliest, latest, uncertain=True))


def following(timex: Timex) -> EventDate:
    """The date of a clause told after an opening participle dated ``timex`` ("Negotiated in 1950
    and 1951, the Treaty ... ended the war"): no earlier than that date, how much later unsaid,
    so ``ON_OR_AFTER`` with an open end, and ``inferred`` as the clause states no date itself."""
    value = _day_value(timex.value)
    return EventDate(value=value, mod="ON_OR_AFTER", earliest=timex.earliest, latest=None, timex=timex.id,
                     inferred=True, edtf=edtf(value, "ON_OR_AFTER", timex.earliest, None, uncertain=True))


def _day_value(value: str) -> str:
    found = _DAY.match(value)
    return found.group(0) if found else value


def _coarser(value: str, latest: str | None) -> tuple[str, str | None]:
    """The value one unit up (a day's month, a month's or a season's year) and that unit's last day."""
    if found := _DAY.match(value):
        year, month = int(found.group(1)), int(found.group(2))
        return f"{year:04d}-{month:02d}", f"{year:04d}-{month:02d}-{calendar.monthrange(year, month)[1]:02d}"
    if _MONTH.match(value) or _PART.match(value):
        return value[:4], f"{value[:4]}-12-31"
    return value, latest


def edtf(value: str, mod: str | None, earliest: str | None, latest: str | None, uncertain: bool = False) -> str | None:
    """The EDTF string of a TIMEX3 value and modifier; ``uncertain`` adds EDTF's ``?``."""
    mark = "?" if uncertain else ""
    if mod in _BOUNDED_MODS and earliest and latest:
        return f"{_month_of(earliest)}~/{_month_of(latest)}~"
    base = _plain(value)
    if base is None:
        return None
    if mod in _OPEN_BEFORE:
        return f"../{base}{mark}"
    if mod in _OPEN_AFTER:
        return f"{base}{mark}/.."
    if mod == "APPROX":
        return base + ("%" if uncertain else "~")
    return base + mark


def _month_of(iso: str) -> str:
    return iso[:7]


def _plain(value: str) -> str | None:
    if _DAY.match(value) or _MONTH.match(value) or _YEAR.match(value):
        return value[:10]
    if found := _BC_YEAR.match(value):
        return f"-{int(found.group(1)) - 1:04d}"  # EDTF counts astronomical years: 1 BC is 0000
    if found := _PART.match(value):
        return f"{found.group(1)}-{_EDTF_PART[found.group(2)]}"
    if _DECADE.match(value):
        return value + "X"
    if _CENTURY.match(value):
        return value + "XX"
    return None


def sort_key(event: Event) -> tuple[str, str, int]:
    """Earliest possible day first; of two events starting together the shorter; then text order."""
    if event.date is None or not event.date.earliest:
        return ("9999-99-99", "9999-99-99", event.sentence_start)
    return (event.date.earliest, event.date.latest or "9999-99-99", event.sentence_start)  # open end: last


def merge(events: list[Event], lemmas: dict[str, str]) -> list[Event]:
    """One event per happening: mentions with the same date, trigger lemma and modality and
    overlapping actors become one event that keeps every source sentence.

    ``lemmas`` maps event id to its merge key (the events stage adds the section to the trigger
    lemma, so a recap in a later chapter stays its own row). Undated and inferred mentions are
    never merged: the date is what says two mentions are one happening.
    """
    kept: list[Event] = []
    by_key: dict[tuple[str, str, str | None, str | None], list[Event]] = {}
    for event in events:
        if event.date is None or event.date.inferred or not event.actors:
            kept.append(event)
            continue
        key = (event.date.value, lemmas[event.id], event.date.mod, event.modality)
        same = next((e for e in by_key.get(key, []) if set(e.actors) & set(event.actors)), None)
        if same is None:
            by_key.setdefault(key, []).append(event)
            kept.append(event)
            continue
        for span in event.sources:
            if span not in same.sources:
                same.sources.append(span)
        same.actors += [a for a in event.actors if a not in same.actors]
        same.patients += [p for p in event.patients if p not in same.patients]
        same.places += [p for p in event.places if p not in same.places]
    return kept
