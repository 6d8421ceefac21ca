"""Scorers that compare chronica's output with gold annotations."""

from __future__ import annotations

from dataclasses import fields


class Tally:
    """Per-file scores that add up field by field into a total (counts add, lists of misses concatenate).

    For dataclasses: every field must support ``+``.
    """

    def add(self, other: "Tally") -> None:
        for item in fields(self):  # type: ignore[arg-type]
            setattr(self, item.name, getattr(self, item.name) + getattr(other, item.name))
