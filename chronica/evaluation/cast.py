"""Scores for the cast: people resolution and quotations with speakers, against a gold file.

Gold is the seed's format: ``people`` (name, aliases) and ``quotes`` (text, start, end, speaker name
or null). Used by ``benchmarks/bench_cast.py`` and the tests.

- A gold person is *cleanly resolved* when exactly one predicted entity holds one of their names
  (name or alias, compared without case, accents or hyphens) and that entity holds no name of another
  gold person.
- A gold quotation is *found* when a predicted quotation overlaps it by at least half of the longer
  of the two; its *speaker is right* when the predicted speaker is the gold person (by name or any
  of their aliases) or both are null.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from chronica.coref import name_key
from chronica.evaluation import Tally
from chronica.model import Document, Entity


@dataclass
class CastScore(Tally):
    people: int = 0
    people_clean: int = 0
    quotes: int = 0
    quotes_found: int = 0
    speakers_right: int = 0


def _names(entity: Entity) -> set[str]:
    return {name_key(entity.name)} | {name_key(a) for a in entity.aliases}


def people_score(gold_people: list[dict[str, Any]], entities: list[Entity]) -> tuple[int, list[str]]:
    """How many gold people are cleanly resolved, and the names of those that are not."""
    keys = [{name_key(p["name"])} | {name_key(a) for a in p.get("aliases", [])} for p in gold_people]
    predicted = [_names(e) for e in entities]
    clean, failures = 0, []
    for i, person in enumerate(gold_people):
        holders = [names for names in predicted if names & keys[i]]
        others = set().union(*(keys[j] for j in range(len(keys)) if j != i)) - keys[i]
        if len(holders) == 1 and not holders[0] & others:
            clean += 1
        else:
            failures.append(person["name"])
    return clean, failures


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    shared = min(a[1], b[1]) - max(a[0], b[0])
    return shared * 2 >= max(a[1] - a[0], b[1] - b[0])


def quote_matches(gold_quotes: list[dict[str, Any]], doc: Document,
                  gold_people: list[dict[str, Any]]) -> list[tuple[dict[str, Any], Any, bool]]:
    """Each gold quotation with the predicted quotation that matches it (or None) and whether the speaker is right."""
    by_id = {e.id: e for e in doc.entities}
    aliases = {name_key(p["name"]): {name_key(p["name"])} | {name_key(a) for a in p.get("aliases", [])}
               for p in gold_people}
    rows = []
    for gold in gold_quotes:
        found = next((q for q in doc.quotes if _overlap((q.start, q.end), (gold["start"], gold["end"]))), None)
        right = False
        if found is not None:
            want = gold.get("speaker")
            if want is None:
                right = found.speaker is None
            elif found.speaker is not None:
                names = _names(by_id[found.speaker]) if found.speaker in by_id else {name_key(found.speaker_name or "")}
                right = bool(names & aliases.get(name_key(want), {name_key(want)}))
        rows.append((gold, found, right))
    return rows


def score(gold: dict[str, Any], doc: Document) -> CastScore:
    """People and quotation figures of one document against its gold annotation."""
    people = gold.get("people", [])
    clean, _ = people_score(people, [e for e in doc.entities if e.type == "PERSON"])
    rows = quote_matches(gold.get("quotes", []), doc, people)
    return CastScore(people=len(people), people_clean=clean, quotes=len(rows),
                     quotes_found=sum(1 for _, q, _ in rows if q is not None),
                     speakers_right=sum(1 for *_, right in rows if right))
