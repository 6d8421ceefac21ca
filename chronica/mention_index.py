"""Entity mentions sorted by offset: the one index the quote, event and addressee stages share.

Each lookup is a bisect plus a walk over the mentions it returns, so the stages stay linear in the
text however many people a book names.
"""

from __future__ import annotations

import bisect
from collections.abc import Collection

from chronica.model import Entity

Row = tuple[int, int, Entity]


class MentionIndex:
    """Mentions as ``(start, end, entity)`` rows in text order (ties by end, never by entity)."""

    def __init__(self, entities: list[Entity], types: Collection[str] | None = None) -> None:
        self.rows: list[Row] = sorted(
            ((start, end, entity) for entity in entities if types is None or entity.type in types
             for start, end in entity.mentions),
            key=lambda row: row[:2],
        )
        self.starts = [row[0] for row in self.rows]

    def overlapping(self, start: int, end: int) -> list[Row]:
        """Rows of mentions that overlap ``[start, end)``."""
        i = bisect.bisect_left(self.starts, start)
        while i > 0 and self.rows[i - 1][1] > start:
            i -= 1
        found = []
        while i < len(self.rows) and self.rows[i][0] < end:
            if self.rows[i][1] > start:
                found.append(self.rows[i])
            i += 1
        return found

    def inside(self, start: int, end: int) -> list[Row]:
        """Rows of mentions that lie wholly inside ``[start, end)``, in text order."""
        i = bisect.bisect_left(self.starts, start)
        found = []
        while i < len(self.rows) and self.rows[i][0] < end:
            if self.rows[i][1] <= end:
                found.append(self.rows[i])
            i += 1
        return found

    def within(self, start: int, end: int) -> list[Entity]:
        """Entities with a mention inside ``[start, end)``, in text order, each once."""
        found: dict[str, Entity] = {}
        for _, _, entity in self.inside(start, end):
            found.setdefault(entity.id, entity)
        return list(found.values())

    def person_before(self, position: int, floor: int = 0) -> Entity | None:
        """The last PERSON mentioned before ``position`` and not before ``floor``."""
        i = bisect.bisect_left(self.starts, position) - 1
        while i >= 0 and self.starts[i] >= floor:
            if self.rows[i][2].type == "PERSON":
                return self.rows[i][2]
            i -= 1
        return None
