"""Calendar arithmetic over the proleptic Gregorian calendar, BC years included, and the
``earliest``/``latest`` bounds of a TIMEX3 value.

``datetime.date`` stops at year 1, and history does not, so days are counted with the civil-day
algorithm (Howard Hinnant's ``days_from_civil``) on astronomical years (1 BC = year 0).
"""

from __future__ import annotations

import re

Day = tuple[int, int, int]  # astronomical year, month, day

_SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 14)}  # WI runs Dec..Feb of the next year
_PART = re.compile(r"T.*$")
_VALUE = re.compile(
    r"^(?P<bc>BC)?(?:(?P<y>\d{4})(?:-(?:(?P<m>\d{2})(?:-(?P<d>\d{2}))?|(?P<s>SP|SU|FA|WI)|Q(?P<q>[1-4])|H(?P<h>[12])"
    r"|W(?P<w>\d{2})))?|(?P<dec>\d{3})|(?P<cen>\d{2}))$")


def is_leap(year: int) -> bool:
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def days_in_month(year: int, month: int) -> int:
    if month == 2:
        return 29 if is_leap(year) else 28
    return 30 if month in (4, 6, 9, 11) else 31


def to_days(day: Day) -> int:
    """Days since 1970-01-01 of an astronomical-year date."""
    y, m, d = day
    y -= m <= 2
    era = (y if y >= 0 else y - 399) // 400
    yoe = y - era * 400
    doy = (153 * (m + (-3 if m > 2 else 9)) + 2) // 5 + d - 1
    doe = yoe * 365 + yoe // 4 - yoe // 100 + doy
    return era * 146097 + doe - 719468


def from_days(z: int) -> Day:
    z += 719468
    era = (z if z >= 0 else z - 146096) // 146097
    doe = z - era * 146097
    yoe = (doe - doe // 1460 + doe // 36524 - doe // 146096) // 365
    y = yoe + era * 400
    doy = doe - (365 * yoe + yoe // 4 - yoe // 100)
    mp = (5 * doy + 2) // 153
    d = doy - (153 * mp + 2) // 5 + 1
    m = mp + (3 if mp < 10 else -9)
    return (y + (m <= 2), m, d)


def add_days(day: Day, n: int) -> Day:
    return from_days(to_days(day) + n)


def add_months(year: int, month: int, n: int) -> tuple[int, int]:
    index = year * 12 + month - 1 + n
    return index // 12, index % 12 + 1


def weekday(day: Day) -> int:
    """ISO weekday, Monday = 1."""
    return (to_days(day) + 3) % 7 + 1


def iso(day: Day) -> str:
    y, m, d = day
    return f"{y:04d}-{m:02d}-{d:02d}" if y >= 0 else f"-{-y:04d}-{m:02d}-{d:02d}"


def _span(value: str) -> tuple[Day, Day] | None:
    """First and last day a TIMEX3 calendar value covers; None for X-values and references."""
    found = _VALUE.match(_PART.sub("", value))
    if not found:
        return None
    g = found.groupdict()
    bc = bool(g["bc"])

    def year(y: int) -> int:
        return 1 - y if bc else y

    if g["cen"] is not None:
        c = int(g["cen"])
        if bc:  # "BC04" = the fifth century BC = 500..401 BC
            return (year(c * 100 + 100), 1, 1), (year(c * 100 + 1), 12, 31)
        first = max(c * 100, 1)
        return (first, 1, 1), (c * 100 + 99, 12, 31)
    if g["dec"] is not None:
        d = int(g["dec"]) * 10
        if bc:
            return (year(d + 9), 1, 1), (year(d), 12, 31)
        return (max(d, 1), 1, 1), (d + 9, 12, 31)
    y = year(int(g["y"]))
    if g["d"]:
        m, d = int(g["m"]), int(g["d"])
        if not 1 <= m <= 12 or not 1 <= d <= days_in_month(y, m):
            return None
        return (y, m, d), (y, m, d)
    if g["m"]:
        m = int(g["m"])
        if not 1 <= m <= 12:
            return None
        return (y, m, 1), (y, m, days_in_month(y, m))
    if g["s"]:
        first, last = _SEASON_MONTHS[g["s"]]
        ly, lm = add_months(y, last, 0) if last <= 12 else (y + 1, last - 12)
        return (y, first, 1), (ly, lm, days_in_month(ly, lm))
    if g["q"]:
        q = int(g["q"])
        return (y, 3 * q - 2, 1), (y, 3 * q, days_in_month(y, 3 * q))
    if g["h"]:
        h = int(g["h"])
        return (y, 6 * h - 5, 1), (y, 6 * h, days_in_month(y, 6 * h))
    if g["w"]:
        # ISO week: the week with the year's first Thursday is week 1
        jan4 = to_days((y, 1, 4))
        monday = jan4 - (weekday((y, 1, 4)) - 1) + (int(g["w"]) - 1) * 7
        return from_days(monday), from_days(monday + 6)
    return (y, 1, 1), (y, 12, 31)


def bounds(value: str, mod: str | None = None) -> tuple[str | None, str | None]:
    """ISO ``earliest``/``latest`` of a DATE/TIME value, narrowed or widened by its ``mod``.

    START/MID/END keep the first/middle/last third of the span; APPROX widens it by a third
    on each side (at least a year for year-sized spans); BEFORE/AFTER leave the open side None.
    """
    span = _span(value)
    if span is None:
        return None, None
    first, last = to_days(span[0]), to_days(span[1])
    length = last - first + 1
    third = length // 3
    if mod == "START" and length >= 3:
        last = first + third - 1
    elif mod == "END" and length >= 3:
        first = last - third + 1
    elif mod == "MID" and length >= 3:
        first, last = first + third, last - third
    elif mod == "APPROX":
        pad = max(third, 365 if length >= 365 else third, 1)
        first, last = first - pad, last + pad
    elif mod in ("BEFORE", "ON_OR_BEFORE"):
        return None, iso(from_days(first - 1 if mod == "BEFORE" else last))
    elif mod in ("AFTER", "ON_OR_AFTER"):
        return iso(from_days(last + 1 if mod == "AFTER" else first)), None
    return iso(from_days(first)), iso(from_days(last))
