"""Where quotations are: spans of text between quotation marks, robust to broken marks.

Input: the (masked) document text and its paragraph spans. Output: ``(start, end)`` spans that
include their marks. Curly quotes pair by direction, straight double quotes by alternation. A
quotation left open at the end of a paragraph continues when the next paragraph opens with a quote
mark (the convention for a speech running over several paragraphs); otherwise it is closed at the
paragraph's end. An opening mark inside an open quotation closes the old one just before it; a
closing mark with nothing open is ignored. Single marks ‘…’ quote words when ‘ opens a word and ’
is not followed by a letter (``snake’s`` is an apostrophe); inside a double quotation they are a
quotation nested in it (“Fighting the ‘Wimp Factor.’”), returned as a span of its own inside the
outer one. Never raises on unbalanced text.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable

_MARK = re.compile(r"[“”\"«»‘’]")
_OPENERS = {"“": "”", "«": "»"}
_CLOSERS = {"”", "»"}


def _is_opener(text: str, i: int, is_open: bool) -> bool:
    mark = text[i]
    if mark in _OPENERS:
        return True
    if mark in _CLOSERS:
        return False
    return not is_open  # a straight quote alternates


def find(text: str, paragraphs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Quotation spans in document order (see the module docstring)."""
    spans: list[tuple[int, int]] = []
    open_at: int | None = None
    for n, (p_start, p_end) in enumerate(paragraphs):
        single_at: int | None = None
        for match in _MARK.finditer(text, p_start, p_end):
            i = match.start()
            if text[i] in "‘’":
                if text[i] == "‘" and single_at is None and (i == p_start or not text[i - 1].isalnum()) \
                        and text[i + 1:i + 2].isalnum():
                    single_at = i
                elif text[i] == "’" and single_at is not None and not text[i + 1:i + 2].isalpha():
                    spans.append((single_at, i + 1))
                    single_at = None
                continue
            if single_at is not None and (open_at is None or single_at < open_at):
                single_at = None  # a double mark inside ‘…’: the ‘ was an apostrophe or a stray mark
            elif single_at is not None and not _is_opener(text, i, True):
                single_at = None  # the double quotation closes with the nested one still open
            if open_at is not None and open_at < p_start and not text[p_start:i].strip():
                continue  # the mark reopening the next paragraph of a quotation running on
            if _is_opener(text, i, open_at is not None):
                if open_at is not None:
                    spans.append((open_at, _trim(text, open_at, i)))
                open_at = i
            elif open_at is not None:
                spans.append((open_at, i + 1))
                open_at = None
        if open_at is not None:
            following = paragraphs[n + 1][0] if n + 1 < len(paragraphs) else None
            runs_on = following is not None and text[following:following + 1] in {"“", "\"", "«"}
            if not runs_on:
                spans.append((open_at, _trim(text, open_at, p_end)))
                open_at = None
    return sorted((s, e) for s, e in spans if e - s > 1)


def outermost(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The spans not nested in another: what is inside quotation marks at all, for position lookups."""
    kept: list[tuple[int, int]] = []
    for start, end in spans:
        if not kept or start >= kept[-1][1]:
            kept.append((start, end))
    return kept


def inside(spans: list[tuple[int, int]]) -> Callable[[int], bool]:
    """A test of whether a text position lies inside one of ``spans`` (sorted, not nested: see
    :func:`outermost`)."""
    starts = [s for s, _ in spans]

    def quoted(position: int) -> bool:
        i = bisect.bisect_right(starts, position) - 1
        return i >= 0 and spans[i][1] > position

    return quoted


def _trim(text: str, start: int, end: int) -> int:
    """End of an unclosed quotation: before ``end``, without trailing space."""
    while end > start + 1 and text[end - 1].isspace():
        end -= 1
    return end
