"""The public face of the engine: text in, TIMEX3 :class:`~chronica.model.Timex` objects out."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from chronica.errors import InputError
from chronica.model import Timex
from chronica.timex.anchoring import Narrative
from chronica.timex.calendar import Day, bounds, iso
from chronica.timex.grammar import grammar, scan
from chronica.timex.interpret import Interpreter, Mention

_PARAGRAPH = re.compile(r"[^\n]+")


def parse_dct(dct: str | None) -> Day | None:
    """A DCT given as ``YYYY-MM-DD`` (a time part is ignored)."""
    if dct is None:
        return None
    found = re.match(r"^(\d{4})-(\d{2})-(\d{2})", dct.strip())
    try:
        if not found:
            raise ValueError
        day = date(int(found.group(1)), int(found.group(2)), int(found.group(3)))
    except ValueError:
        raise InputError("dct", f"not a YYYY-MM-DD date: {dct!r}") from None
    return day.year, day.month, day.day


def default_paragraphs(text: str) -> list[tuple[int, int]]:
    """Paragraphs when the caller has none: every non-empty line (blank-line blocks are lines too)."""
    return [(m.start(), m.end()) for m in _PARAGRAPH.finditer(text) if m.group().strip()]


def split_year_ranges(text: str, mentions: list[Mention]) -> list[Mention]:
    """A year range as TimeML annotates it: "2009-2010" is two TIMEX3s, one per year.

    chronica's own guidelines keep a range written as one expression whole (with both bounds);
    with a document creation time the reading is TempEval's, which splits it.
    """
    out: list[Mention] = []
    for m in mentions:
        if m.second is None or m.year2 is None:
            out.append(m)
            continue
        first_end = m.start + len(text[m.start:m.second[0]].rstrip(" -–—"))
        out.append(replace(m, end=first_end, rule="year", year2=None, second=None))
        out.append(Mention(m.second[0], m.second[1], "year", m.type, year=m.year2, bc=m.bc))
    return out


class TimexTagger:
    """Detects, normalizes and anchors TIMEX3 expressions.

    Building one compiles the grammar and reads the data files; ``tag`` is then cheap, so one
    tagger serves a whole corpus.
    """

    def __init__(self) -> None:
        grammar()
        self._interpret = Interpreter()

    def mentions(self, text: str) -> list[Mention]:
        found: list[Mention] = []
        for rule, match, groups in scan(text):
            mention = self._interpret(rule.name, rule.attrs, match, groups, text)
            if mention is not None:
                found.append(mention)
        return found

    def tag(self, text: str, dct: str | None = None, paragraphs: list[tuple[int, int]] | None = None,
            sections: list[tuple[int, int]] | None = None) -> list[Timex]:
        """All temporal expressions of ``text`` with ids ``t1``, ``t2``... in text order.

        ``paragraphs``/``sections`` are (start, end) spans; underspecified dates are resolved
        within them first. ``dct`` (``YYYY-MM-DD``) switches deictic words to news reading.
        """
        day = parse_dct(dct)
        mentions = self.mentions(text)
        if day is not None:
            mentions = split_year_ranges(text, mentions)
        if paragraphs is None:
            paragraphs = default_paragraphs(text)
        resolved = Narrative(text, mentions, sorted(paragraphs), sections or [], day).resolve()
        ids: dict[int, str] = {}
        timexes: list[Timex] = []
        for index, (mention, res) in enumerate(zip(mentions, resolved)):
            if res is None:
                continue
            tid = f"t{len(timexes) + 1}"
            ids[index] = tid
            earliest = latest = None
            if res.type in ("DATE", "TIME"):
                earliest, latest = bounds(res.value, res.mod)
                if res.end is not None and earliest is not None:
                    latest = iso(res.end) if res.end[0] >= 0 else latest
            timexes.append(Timex(
                id=tid, text=text[mention.start:mention.end], start=mention.start, end=mention.end,
                type=res.type, value=res.value, mod=res.mod, earliest=earliest, latest=latest,
                anchor=ids.get(res.anchor) if res.anchor is not None else None,
                quant=mention.quant, freq=mention.freq))
        return timexes
