"""Scores of the chronology against gold key events (issue 5's acceptance measures).

Gold is a JSON object with ``facts`` (``{"date", "mod", "event", "evidence"}``; ``evidence`` is a
verbatim extent of the text, optionally with ``start``) and, when present, ``timexes`` (TIMEX3
gold, TempEval style). The system side is an analysis in the contract's JSON form, so any
producer of that contract can be scored.

- *key events*: a fact is recovered when some event's sentence (or one of its merged source
  sentences) holds the evidence and the event's ``date.value`` equals the gold date;
- *dated sentences*: of all events whose sentence holds a gold DATE, the share whose
  ``date.value`` is one of that sentence's gold values;
- *judged precision*: of the events of a section whose rows were judged by hand, the share that
  tell a happening, with the right date, in a readable summary (:func:`judged_precision`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from chronica.evaluation import Tally


@dataclass
class EventScores(Tally):
    facts: int = 0
    recovered: int = 0
    dated_events: int = 0  # events in a sentence holding a gold DATE
    dated_correct: int = 0  # ... whose value is one of that sentence's gold values
    events: int = 0
    missed: list[str] = field(default_factory=list)  # "date evidence" of facts not recovered
    wrong: list[str] = field(default_factory=list)  # "value | sentence start" of dated-sentence misses

    @property
    def dated_accuracy(self) -> float:
        return self.dated_correct / self.dated_events if self.dated_events else 0.0


def evaluate(gold: dict[str, Any], analysis: dict[str, Any]) -> EventScores:
    text: str = analysis["text"]
    events = analysis["events"]
    scores = EventScores(facts=len(gold.get("facts", [])), events=len(events))
    for fact in gold.get("facts", []):
        start = fact.get("start")
        if start is None or text[start:start + len(fact["evidence"])] != fact["evidence"]:
            start = text.find(fact["evidence"])
        end = start + len(fact["evidence"])
        hit = start >= 0 and any(
            event.get("date") and event["date"]["value"] == fact["date"]
            and any(s <= start and end <= e for s, e in _spans(event))
            for event in events)
        if hit:
            scores.recovered += 1
        else:
            scores.missed.append(f"{fact['date']} {fact['evidence']!r}")
    dates = [t for t in gold.get("timexes", []) if t.get("type") == "DATE" and not t.get("optional")]
    for event in events:
        values = {t["value"] for t in dates if event["sentence_start"] <= t["start"] < event["sentence_end"]}
        if not values:
            continue
        scores.dated_events += 1
        value = event["date"]["value"] if event.get("date") else None
        if value in values:
            scores.dated_correct += 1
        else:
            scores.wrong.append(f"{value} not in {sorted(values)} | {event['summary']}")
    return scores


def _spans(event: dict[str, Any]) -> list[tuple[int, int]]:
    spans = [(event["sentence_start"], event["sentence_end"])]
    spans += [tuple(s) for s in event.get("sources") or []]
    return spans


@dataclass
class PrecisionScores(Tally):
    """Events of a section against hand judgements of its event rows (``benchmarks/devset/event_judgements``).

    A row is matched by trigger offset, date value and whether the date is inferred, so a row whose
    date changed is a new row and counts as unjudged until someone judges it.
    """

    events: int = 0
    judged: int = 0
    happenings: int = 0  # judged rows that tell a happening ...
    dated_right: int = 0  # ... with the right date
    correct: int = 0  # ... and a readable summary
    unjudged: list[str] = field(default_factory=list)


def judged_precision(judgements: dict[str, Any], analysis: dict[str, Any]) -> PrecisionScores:
    by_key = {(j["trigger_start"], j["date"], j["inferred"]): j for j in judgements["events"]}
    scores = PrecisionScores(events=len(analysis["events"]))
    for event in analysis["events"]:
        date = event.get("date") or {}
        judged = by_key.get((event["trigger_start"], date.get("value"), bool(date.get("inferred"))))
        if judged is None:
            scores.unjudged.append(f"{event['trigger_start']} {date.get('value')} | {event['summary']}")
            continue
        scores.judged += 1
        scores.happenings += judged["happening"]
        scores.dated_right += judged["happening"] and bool(judged["date_right"])
        scores.correct += judged["happening"] and bool(judged["date_right"]) and judged["summary_readable"]
    return scores
