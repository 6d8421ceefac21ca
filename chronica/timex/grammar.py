"""One compiled regular expression for every TIMEX3 rule in ``chronica/data/timex/patterns.json``.

Speed is the reason for the shape: a single ``finditer`` over the text visits each position once
and only tries the rules at word starts, instead of a Python loop per token or per pattern.
Each rule is wrapped in its own named group, and the rule's inner groups get a unique prefix so
the same template (``{DMY}``...) can be reused; :func:`groups` undoes the renaming.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Iterator

from chronica.data import load_json
from chronica.timex.lexicon import alternation, lexicon

_PLACEHOLDER = re.compile(r"\{([A-Z][A-Z0-9]*)\}")
_GROUP = re.compile(r"\(\?P<([a-z0-9]+)>")


@dataclass(frozen=True)
class Rule:
    name: str
    attrs: dict[str, Any]


def _expand(pattern: str, table: dict[str, str]) -> str:
    for _ in range(10):  # templates nest a few levels deep
        expanded = _PLACEHOLDER.sub(lambda m: table[m.group(1)], pattern)
        if expanded == pattern:
            return expanded
        pattern = expanded
    raise ValueError(f"template expansion does not terminate: {pattern[:80]}")


@dataclass
class Grammar:
    regex: re.Pattern[str]
    rules: dict[str, Rule]  # outer group name -> rule
    # outer group name -> its inner groups as (regex group index, template name), in pattern order:
    # reading only the matched rule's groups is much cheaper than a groupdict of the whole grammar
    inner: dict[str, list[tuple[int, str]]]


@lru_cache(maxsize=1)
def grammar() -> Grammar:
    spec = load_json("timex", "patterns.json")
    table = lexicon().placeholders() | spec["templates"]
    alternatives: list[str] = []
    rules: dict[str, Rule] = {}
    for index, rule in enumerate(spec["rules"]):
        counter = iter(range(10_000))
        body = _GROUP.sub(lambda m: f"(?P<g{index}_{next(counter)}_{m.group(1)}>", _expand(rule["pattern"], table))
        outer = f"r{index}"
        alternatives.append(f"(?P<{outer}>{body})")
        rules[outer] = Rule(rule["name"], {k: v for k, v in rule.items() if k not in ("name", "pattern")})
    # A cheap gate first: only a word start whose word can begin some rule (or a digit) goes on
    # to the rules, which is a small fraction of the text.
    first = alternation(lexicon().first_words() | set(spec["first_words"]))
    gate = rf"(?<![\w$£€])(?=\d|['’]\d|{first}(?![a-z]))"
    regex = re.compile(gate + "(?:" + "|".join(alternatives) + ")", re.IGNORECASE)
    inner: dict[str, list[tuple[int, str]]] = {outer: [] for outer in rules}
    for key, number in sorted(regex.groupindex.items(), key=lambda kv: kv[1]):
        if key[0] == "g":
            index, _n, name = key.split("_", 2)
            inner[f"r{index[1:]}"].append((number, name))
    return Grammar(regex, rules, inner)


def scan(text: str) -> Iterator[tuple[Rule, re.Match[str], dict[str, str]]]:
    """Every rule match in ``text``, left to right, with its inner groups by their plain names."""
    g = grammar()
    for match in g.regex.finditer(text):
        yield g.rules[match.lastgroup], match, groups(match)


def group_span(match: re.Match[str], name: str) -> tuple[int, int] | None:
    """Offsets of the first matched inner group called ``name`` (template name, prefix undone)."""
    for number, plain in grammar().inner[match.lastgroup]:
        if plain == name and match.group(number) is not None:
            return match.span(number)
    return None


def groups(match: re.Match[str]) -> dict[str, str]:
    """Matched inner groups keyed by their template name (first occurrence wins)."""
    found: dict[str, str] = {}
    for number, name in grammar().inner[match.lastgroup]:
        value = match.group(number)
        if value is not None:
            found.setdefault(name, value)
    return found
