"""Known names: places, people and organizations compiled by hand under ``data/gazetteer`` and
``data/entities``.

A small statistical NER model mistypes historical names ("Outer Mongolia" as PERSON, "Kim Il Sung"
as ORG) and cannot know that Peking is Beijing. The gazetteer looks every name form up in one
dict keyed by its exact text, so matching a paragraph costs a few dict probes per capitalized
token — no regex alternation over hundreds of names.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.attrs import IDX, LENGTH

from chronica.data import load_lines

_MAX_TOKENS = 8
_REGNAL_NUMBER = re.compile(r"^[IVXL]+$", re.IGNORECASE)


@dataclass(frozen=True)
class Known:
    """One known referent: a place, person or organization and everything the data says of it."""

    name: str
    type: str  # GPE | LOC | FAC | PERSON | ORG
    wikidata: str | None = None
    coordinates: tuple[float, float] | None = None
    countries: tuple[str, ...] = ()  # people: the countries they led or served
    roles: tuple[str, ...] = ()  # people: role nouns they held ("leader", "foreign minister")
    person_name: bool = False  # places: also a common surname ("Washington", "Jordan")
    forms: tuple[str, ...] = field(default=(), compare=False)


def _rows(area: str, name: str, width: int) -> Iterator[list[str]]:
    for line in load_lines(area, name):
        cells = line.split("\t")
        yield [cell.strip() for cell in cells + [""] * (width - len(cells))]


def _forms(name: str, variants: str) -> tuple[str, ...]:
    forms = [name] + [v for v in variants.split("|") if v]
    # "the X" forms are matched without the article; the article is never part of a name mention.
    return tuple(dict.fromkeys(f[4:] if f.startswith("the ") else f for f in forms))


class Gazetteer:
    """Every name form of every known referent, looked up by exact text."""

    def __init__(self) -> None:
        self.by_form: dict[str, Known] = {}
        self._openings: set[str] = set()  # every prefix of a form's first word: what a first token can be
        self.people: list[Known] = []
        # Single words that name a known person ("Stalin", "Mao"): too ambiguous to type a mention
        # on their own, but they link a one-word person cluster to the person it most likely is.
        self.short_names: dict[str, list[Known]] = {}
        self.nationalities: dict[str, str] = dict(
            (row[0], row[1]) for row in _rows("entities", "nationalities.tsv", 2))
        for name, kind, lat, lon, qid, variants, flags in _rows("gazetteer", "places.tsv", 7):
            coords = (float(lat), float(lon)) if lat and lon else None
            self._add(Known(name, kind, qid or None, coords, person_name="person" in flags,
                            forms=_forms(name, variants)))
        for name, qid, countries, roles, variants in _rows("entities", "people.tsv", 5):
            known = Known(name, "PERSON", qid or None, countries=tuple(c for c in countries.split("|") if c),
                          roles=tuple(r for r in roles.split("|") if r), forms=_forms(name, variants))
            self.people.append(known)
            self._add(known)
            shorts = [f for f in known.forms if " " not in f] + [_short(f) for f in known.forms if " " in f]
            for short in dict.fromkeys(shorts):
                self.short_names.setdefault(short, []).append(known)
        by_name = {known.name: known for known in self.people}
        # the one a bare shared surname means when the text names no other ("Kennedy" → JFK)
        self.default_for: dict[str, Known] = {
            surname: by_name[name] for surname, name in _rows("entities", "surname_defaults.tsv", 2)}
        for name, qid, variants in _rows("entities", "organizations.tsv", 3):
            self._add(Known(name, "ORG", qid or None, forms=_forms(name, variants)))
        self.max_tokens = _MAX_TOKENS

    def _add(self, known: Known) -> None:
        for form in known.forms:
            if known.type == "PERSON" and " " not in form and " " in known.name:
                continue  # a lone surname is not proof of a person ("Sun", "Ho"); see short_names
            self.by_form.setdefault(form, known)
            first = form.split()[0]
            self._openings.update(first[:k] for k in range(1, len(first) + 1))  # "People" of "People’s"

    def lookup(self, text: str) -> Known | None:
        """The referent a name form denotes, ignoring a leading "the"."""
        if text.startswith(("the ", "The ")):
            text = text[4:]
        return self.by_form.get(text)

    def find(self, parsed) -> list[tuple[int, int, Known]]:
        """Longest non-overlapping known names in a spaCy Doc, as token ranges ``(start, end, known)``.

        Only a token that can open a known form is tried, which keeps this linear in practice.
        Candidate names are slices of the paragraph text between token offsets (equal to the span
        texts): making a spaCy Span per candidate cost more than the parse of some stages.
        """
        text = parsed.text
        starts, lengths = parsed.to_array([IDX, LENGTH]).T.tolist() if len(parsed) else ([], [])
        ends = [start + length for start, length in zip(starts, lengths)]
        found: list[tuple[int, int, Known]] = []
        i, n = 0, len(starts)
        while i < n:
            if text[starts[i]:ends[i]] not in self._openings:  # no known name begins with this word
                i += 1
                continue
            hit = None
            for j in range(min(n, i + self.max_tokens), i, -1):
                known = self.by_form.get(text[starts[i]:ends[j - 1]])
                if known is not None:
                    hit = (i, j, known)
                    break
            if hit:
                found.append(hit)
                i = hit[1]
            else:
                i += 1
        return found


@lru_cache(maxsize=1)
def load() -> Gazetteer:
    """The gazetteer, built once per process."""
    return Gazetteer()


def regnal_number(word: str) -> bool:
    """Whether a word is a monarch's or pope's number ("I", "XIV"), which is never a name on its own."""
    return bool(_REGNAL_NUMBER.match(word))


def _short(form: str) -> str:
    """The one word a full name is shortened to: its last, or the name before a regnal number
    ("Wilhelm I" → Wilhelm; never "I")."""
    words = form.split()
    return words[-2] if regnal_number(words[-1]) else words[-1]
