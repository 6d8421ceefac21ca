"""Named wars and eras ("During World War II", "after the Civil War") as spans of years.

They are not dates the timex engine reads, yet they move the narrative: a sentence set in World
War II does not continue an episode of 1937. The events stage uses them only to stop carrying
a date the sentence's named period excludes; they never date an event themselves. The names and
spans are data (``data/events/named_periods.json``).
"""

from __future__ import annotations

import re
from functools import lru_cache

from chronica.data import load_json
from chronica.model import Timex


@lru_cache(maxsize=1)
def _periods() -> tuple[re.Pattern[str], dict[str, tuple[int, int]]]:
    spans: dict[str, tuple[int, int]] = {}
    for period in load_json("events", "named_periods.json")["periods"]:
        for name in period["names"]:
            spans[name] = (int(period["from"]), int(period["to"]))
    names = sorted(spans, key=len, reverse=True)  # "American Civil War" before "Civil War"
    return re.compile(r"\b(?:" + "|".join(re.escape(n) for n in names) + r")\b"), spans


def excludes(text: str, timex: Timex) -> bool:
    """Whether ``text`` names a period whose years do not overlap ``timex``'s bounds."""
    pattern, spans = _periods()
    earliest, latest = int(timex.earliest[:4]), int(timex.latest[:4])
    for found in pattern.finditer(text):
        start, end = spans[found.group(0)]
        if latest < start or earliest > end:
            return True
    return False
