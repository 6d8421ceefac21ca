"""The chronology: key events recovered with the right date (seed, Milestones dev set), dated-sentence
agreement where gold dates exist (seed; the Milestones sections with timex gold), the events
stage's time next to the whole analysis, and precision on the sections whose event rows were
judged by hand (``devset/event_judgements``)."""

from __future__ import annotations

import json
import time
from pathlib import Path

from rich.table import Table

from benchmarks.common import ROOT, console, shared_dir
from chronica import events
from chronica.evaluation.events import EventScores, PrecisionScores, evaluate, judged_precision
from chronica.pipeline import Pipeline
from chronica.writers.json import to_dict

_DEV = ROOT / "benchmarks" / "devset"


def _pct(num: int, den: int) -> str:
    return f"{100 * num / den:.1f}% ({num}/{den})" if den else "–"


def _gold_sets(shared: Path) -> list[tuple[str, list[tuple[Path, dict]]]]:
    seed = json.loads((shared / "seed" / "gold.json").read_text("utf-8"))
    sets = [("seed", [(shared / "seed" / seed["text_file"], seed)])]
    rows = []
    for path in sorted((_DEV / "cast").glob("*.json")):
        gold = json.loads(path.read_text("utf-8"))
        timex_gold = _DEV / "timex" / path.name
        if timex_gold.is_file():  # the timex helper's gold of the same section: dated-sentence figure too
            gold = {**gold, "timexes": json.loads(timex_gold.read_text("utf-8"))["timexes"]}
        rows.append((shared / gold["text_file"], gold))
    if rows:
        sets.append(("dev (Milestones)", rows))
    timex_rows = [(shared / gold["text_file"], gold) for gold in
                  (json.loads(p.read_text("utf-8")) for p in sorted((_DEV / "timex").glob("*.json")))]
    if timex_rows:  # sections with timex gold only: the dated-sentence figure on more text
        sets.append(("dev timex sections", timex_rows))
    return sets


class _Timed:
    """Stands in for ``events.run`` during the benchmark to add up the events stage's own time
    (the parses it needs are gone once the pipeline returns, so it cannot be re-run apart)."""

    def __init__(self) -> None:
        self.seconds = 0.0
        self._run = events.run

    def __call__(self, doc) -> None:
        t0 = time.perf_counter()
        self._run(doc)
        self.seconds += time.perf_counter() - t0


def main(show_misses: bool = True) -> None:
    shared = shared_dir()
    if shared is None:
        console.print("bench events: ../shared is not present; nothing to measure")
        return
    pipeline = Pipeline()
    table = Table(title="Chronology: key events with the right date")
    for column in ("set", "docs", "key events (right date)", "dated-sentence events", "events", "stage s",
                   "total s", "target"):
        table.add_column(column, justify="left" if column == "set" else "right")
    misses: list[str] = []
    timed = _Timed()
    events.run = timed
    try:
        for name, rows in _gold_sets(shared):
            total, timed.seconds, started = EventScores(), 0.0, time.perf_counter()
            for path, gold in rows:
                scores = evaluate(gold, to_dict(pipeline.analyze_path(path)))
                total.add(scores)
                misses += [f"{name} {path.stem}: {m}" for m in scores.missed]
            table.add_row(name, str(len(rows)), _pct(total.recovered, total.facts),
                          _pct(total.dated_correct, total.dated_events), str(total.events),
                          f"{timed.seconds:.2f}", f"{time.perf_counter() - started:.2f}", "100% seed, ≥95%")
    finally:
        events.run = timed._run
    console.print(table)
    if show_misses and misses:
        console.print("missed key events:", highlight=False)
        for line in misses:
            console.print(f"  {line}", highlight=False)
    _precision(shared, pipeline)


def _precision(shared: Path, pipeline: Pipeline) -> None:
    """Hand-judged precision: rows not judged yet are counted and listed, never guessed."""
    table = Table(title="Chronology precision (hand-judged rows, see devset/README.md)")
    for column in ("section", "events", "judged", "happenings", "+ right date", "+ readable summary"):
        table.add_column(column, justify="left" if column == "section" else "right")
    total = PrecisionScores()
    for path in sorted((_DEV / "event_judgements").glob("*.json")):
        judgements = json.loads(path.read_text("utf-8"))
        scores = judged_precision(judgements, to_dict(pipeline.analyze_path(shared / judgements["text_file"])))
        total.add(scores)
        table.add_row(path.stem, str(scores.events), str(scores.judged), _pct(scores.happenings, scores.judged),
                      _pct(scores.dated_right, scores.judged), _pct(scores.correct, scores.judged))
    table.add_row("all", str(total.events), str(total.judged), _pct(total.happenings, total.judged),
                  _pct(total.dated_right, total.judged), _pct(total.correct, total.judged))
    console.print(table)
    for line in total.unjudged:
        console.print(f"  unjudged: {line}", highlight=False)


if __name__ == "__main__":
    main()
