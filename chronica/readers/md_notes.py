"""Markdown footnotes (``[^1]`` references, ``[^1]: text`` definitions) lifted out of the text.

For the Markdown reader to call: it returns the text without the definitions and reference
marks, and notes positioned zero-width right after the cited word, carrying their own text.
Offsets refer to the cleaned text, so call this before anything else takes offsets.
"""

from __future__ import annotations

import re

from chronica.model import Note

# A definition: "[^label]: text" at a line start, continued by indented lines.
_DEFINITION = re.compile(r"^\[\^([^\]\s]+)\]:[ \t]*(.*(?:\n(?:[ \t]{2,}|\t).*)*)\n?", re.M)
_REFERENCE = re.compile(r"\[\^([^\]\s]+)\]")


def extract(text: str) -> tuple[str, list[Note]]:
    """``text`` without footnote definitions and markers, and the notes in reference order."""
    definitions = {m.group(1): " ".join(m.group(2).split()) for m in _DEFINITION.finditer(text)}
    if not definitions:
        return text, []
    body = _DEFINITION.sub("", text).rstrip() + ("\n" if text.endswith("\n") else "")
    parts: list[str] = []
    notes: list[Note] = []
    numbers: dict[str, int] = {}
    length, last = 0, 0
    for match in _REFERENCE.finditer(body):
        label = match.group(1)
        if label not in definitions:
            continue  # "[^x]" with no definition is literal text
        parts.append(body[last:match.start()])
        length += match.start() - last
        last = match.end()
        number = numbers.setdefault(label, int(label) if label.isdigit() else len(numbers) + 1)
        notes.append(Note(number=number, start=length, end=length, text=definitions[label],
                          label=None if label.isdigit() else label))
    parts.append(body[last:])
    return "".join(parts), notes
