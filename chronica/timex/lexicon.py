"""The word lists of the TIMEX3 engine (``chronica/data/timex/lexicon.json``) and lookups over them.

Kept apart from the grammar so that both the regular-expression builder and the interpreter read
the same lists, and so the lists can grow without touching engine code.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from chronica.data import load_json


def alternation(words: list[str] | set[str] | dict) -> str:
    """A regex alternation of ``words`` factored as a trie.

    Python's ``re`` tries alternatives one by one; a trie makes a failing position cost one
    character test per level instead of one per word, which is most of the tagger's speed.
    """
    trie: dict = {}
    for word in set(words):
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return "(?:" + _trie_regex(trie) + ")"


def _trie_regex(node: dict) -> str:
    optional = "" in node
    branches = []
    for char in sorted(k for k in node if k):
        piece = r"\s+" if char == " " else re.escape(char)
        branches.append(piece + _trie_regex(node[char]))
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if optional:
        return "(?:" + body + ")?"
    return body if len(branches) == 1 else body


def _norm(text: str) -> str:
    """Lower-case, single-spaced, curly apostrophes straightened: the key form of the word lists."""
    return " ".join(text.lower().replace("’", "'").split())


@dataclass
class Lexicon:
    raw: dict[str, Any]
    numbers: dict[str, int] = field(default_factory=dict)
    ordinals: dict[str, int] = field(default_factory=dict)

    def __post_init__(self) -> None:
        r = self.raw
        self.numbers = dict(r["number_units"]) | r["number_teens"] | r["number_tens"] | r["number_other"]
        for tens, tv in r["number_tens"].items():
            for unit, uv in r["number_units"].items():
                self.numbers[f"{tens}-{unit}"] = tv + uv
                self.numbers[f"{tens} {unit}"] = tv + uv
        self.ordinals = dict(r["ordinal_units"]) | r["ordinal_teens"] | r["ordinal_tens"]
        for tens, tv in r["ordinal_tens_prefix"].items():
            for unit, uv in r["ordinal_units"].items():
                self.ordinals[f"{tens}-{unit}"] = tv + uv
                self.ordinals[f"{tens} {unit}"] = tv + uv

    # -- lookups -------------------------------------------------------------------------------
    def month(self, word: str) -> int:
        return self.raw["months"][_norm(word).rstrip(".")]

    def number(self, word: str) -> int | None:
        """The value of a written or digit number; None for a vague one ("several")."""
        key = _norm(word)
        digits = key.replace(",", "")
        if re.fullmatch(r"\d+(?:\.\d+)?", digits):
            return int(float(digits)) if float(digits).is_integer() else None
        return self.numbers.get(key)

    def ordinal(self, word: str) -> int | None:
        key = _norm(word)
        found = re.fullmatch(r"(\d+)(?:st|nd|rd|th)", key)
        return int(found.group(1)) if found else self.ordinals.get(key)

    def lookup(self, table: str, word: str) -> Any:
        return self.raw[table].get(_norm(word))

    def words(self, table: str) -> frozenset[str]:
        return frozenset(self.raw[table])

    # -- alternations for the grammar ----------------------------------------------------------
    def first_words(self) -> set[str]:
        """First words of every entry of the lists the grammar uses (the start of any match)."""
        r = self.raw
        tables = ["months", "weekdays", "seasons", "parts_of_day", "decade_words", "date_modifiers", "duration_modifiers",
                  "relative_words", "units", "frequency_words", "set_adverbs", "deictics", "holidays", "eras_ad",
                  "vague_numbers"]
        words = [w for t in tables for w in r[t]] + list(self.numbers) + list(self.ordinals)
        return {re.split(r"[\s\-.']", w)[0] for w in words} - {""}

    def placeholders(self) -> dict[str, str]:
        r = self.raw
        need_period = set(r["months_need_period"])
        months = [m for m in r["months"] if m not in need_period]
        month_alt = alternation(months + [f"{m}." for m in need_period])
        vague = [v for v in r["vague_numbers"]]
        number_words = list(self.numbers) + vague
        return {
            "MONTH": month_alt,
            "WEEKDAY": alternation(r["weekdays"]) + "(?:['’]s)?",
            "SEASON": alternation(r["seasons"]),
            "PART": alternation(r["parts_of_day"]),
            "ORDW": alternation(self.ordinals),
            "DECADEW": alternation(r["decade_words"]),
            "DMOD": alternation(r["date_modifiers"]),
            "DURMOD": alternation(r["duration_modifiers"]),
            "REL": alternation(r["relative_words"]),
            "NUM": r"(?:\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?|" + alternation(number_words) + ")",
            "UNIT": alternation(r["units"]),
            "OFFDIR": alternation(r["offset_directions_in_extent"]),
            "FREQ": alternation(r["frequency_words"]),
            "SETADV": alternation(r["set_adverbs"]),
            "DEICTIC": alternation(r["deictics"]),
            "HOLIDAY": alternation(r["holidays"]).replace("'", "['’]"),
            "ERA": alternation(r["eras_bc"] + r["eras_ad"]),
            "ZONE": alternation(r["time_zones"]),
        }


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    return Lexicon(load_json("timex", "lexicon.json"))
