"""TempEval-3 scoring of temporal expressions.

Extents match strictly (same offsets) or relaxed (any overlap, one system timex per gold
timex); value and type accuracy are counted over the relaxed matches, and value F1 = relaxed F1
x value accuracy, as in TempEval-3. Gold items marked ``optional`` count neither way: a system
timex on one is neither a hit nor a false alarm, and missing one is no miss.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from rich.table import Table

from chronica.errors import InputError
from chronica.evaluation import Tally
from chronica.timex.timeml import read_timeml


@dataclass
class Item:
    start: int
    end: int
    type: str
    value: str
    optional: bool = False


@dataclass
class Counts(Tally):
    gold: int = 0
    system: int = 0
    strict: int = 0
    relaxed: int = 0
    value: int = 0
    type: int = 0

    @staticmethod
    def _prf(hits: int, system: int, gold: int) -> tuple[float, float, float]:
        p = hits / system if system else 0.0
        r = hits / gold if gold else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    @property
    def strict_prf(self) -> tuple[float, float, float]:
        return self._prf(self.strict, self.system, self.gold)

    @property
    def relaxed_prf(self) -> tuple[float, float, float]:
        return self._prf(self.relaxed, self.system, self.gold)

    @property
    def value_accuracy(self) -> float:
        return self.value / self.relaxed if self.relaxed else 0.0

    @property
    def type_accuracy(self) -> float:
        return self.type / self.relaxed if self.relaxed else 0.0

    @property
    def value_f1(self) -> float:
        return self.relaxed_prf[2] * self.value_accuracy


@dataclass
class Report:
    files: list[tuple[str, Counts]] = field(default_factory=list)
    total: Counts = field(default_factory=Counts)
    errors: list[tuple[str, str, str, str]] = field(default_factory=list)  # file, text span, gold, system


def load_items(path: Path | str) -> tuple[list[Item], str | None]:
    """Timexes of a gold/system JSON (``timexes`` list) or a TimeML file; also the text when known."""
    path = Path(path)
    if path.suffix.lower() in (".tml", ".xml", ".timeml"):
        doc = read_timeml(path)
        return [Item(t.start, t.end, t.type, t.value) for t in doc.timexes], doc.text
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        items = [Item(int(t["start"]), int(t["end"]), t.get("type", "DATE"), t.get("value") or "",
                      bool(t.get("optional", False))) for t in data["timexes"]]
    except OSError as exc:
        raise InputError(str(path), f"cannot read ({exc.strerror})") from None
    except (ValueError, KeyError, TypeError) as exc:
        raise InputError(str(path), f"not a JSON file with a 'timexes' list ({exc})") from None
    return items, None


def score(gold: list[Item], system: list[Item]) -> tuple[Counts, list[tuple[Item, Item | None]]]:
    """Counts for one document and the (gold, system-or-None) pairs of its required gold items."""
    counts = Counts()
    used: set[int] = set()
    on_optional: set[int] = set()
    pairs: list[tuple[Item, Item | None]] = []
    by_start = sorted(range(len(system)), key=lambda k: system[k].start)
    for g in sorted(gold, key=lambda x: (x.optional, x.start)):
        best, best_overlap = None, 0
        for k in by_start:
            s = system[k]
            if s.start >= g.end:
                break
            overlap = min(g.end, s.end) - max(g.start, s.start)
            if k not in used and overlap > best_overlap:
                best, best_overlap = k, overlap
        if best is not None:
            used.add(best)
        if g.optional:
            if best is not None:
                on_optional.add(best)
            continue
        counts.gold += 1
        match = system[best] if best is not None else None
        pairs.append((g, match))
        if match is None:
            continue
        counts.relaxed += 1
        counts.strict += match.start == g.start and match.end == g.end
        counts.value += match.value == g.value
        counts.type += match.type == g.type
    counts.system = len(system) - len(on_optional)
    return counts, pairs


def _pair_paths(gold_paths: list[Path], system_paths: list[Path]) -> list[tuple[Path, Path]]:
    if len(gold_paths) == len(system_paths):
        return list(zip(gold_paths, system_paths))
    by_stem = {p.stem: p for p in system_paths}
    pairs = []
    for g in gold_paths:
        if g.stem not in by_stem:
            raise InputError(str(g), "no system file with the same name")
        pairs.append((g, by_stem[g.stem]))
    return pairs


def evaluate_timex(gold_paths: list[Path | str], system_paths: list[Path | str]) -> Report:
    """Score system files against gold files (paired in order, or by file name)."""
    report = Report()
    for gold_path, system_path in _pair_paths([Path(p) for p in gold_paths], [Path(p) for p in system_paths]):
        gold, text = load_items(gold_path)
        system, system_text = load_items(system_path)
        text = text or system_text
        counts, pairs = score(gold, system)
        report.files.append((gold_path.name, counts))
        report.total.add(counts)
        for g, s in pairs:
            if s is None or s.value != g.value:
                span = text[g.start:g.end] if text else f"{g.start}-{g.end}"
                report.errors.append((gold_path.name, span, g.value, s.value if s else "(missed)"))
    return report


def format_table(report: Report, title: str = "TIMEX3 (TempEval-3 measures)") -> Table:
    table = Table(title=title)
    for name in ("file", "gold", "sys", "strict P", "strict R", "strict F1", "relaxed P", "relaxed R",
                 "relaxed F1", "value acc", "type acc", "value F1"):
        table.add_column(name, justify="left" if name == "file" else "right")
    rows = report.files + ([("TOTAL", report.total)] if len(report.files) != 1 else [])
    for name, c in rows:
        sp, sr, sf = c.strict_prf
        rp, rr, rf = c.relaxed_prf
        table.add_row(name, str(c.gold), str(c.system), *(f"{x:.3f}" for x in (
            sp, sr, sf, rp, rr, rf, c.value_accuracy, c.type_accuracy, c.value_f1)))
    return table
