"""Wall time of a whole analysis once the model is loaded: the bundled sample and the seed chapter."""

from __future__ import annotations

import time
from pathlib import Path

from rich.table import Table

from benchmarks.common import ROOT, console, shared_dir
from chronica.pipeline import Pipeline


def _inputs() -> list[Path]:
    paths = [ROOT / "chronica" / "sample" / "sample.txt"]
    shared = shared_dir()
    if shared:
        paths.append(shared / "seed" / "000_05af9c06156b87ff.txt")
    return paths


def main(repeats: int = 3) -> None:
    started = time.perf_counter()
    pipeline = Pipeline()
    load = time.perf_counter() - started
    table = Table(title=f"chronica analyze (model loaded once in {load:.2f} s)")
    for column in ("input", "words", "best of 3 (s)", "words/s", "target"):
        table.add_column(column, justify="left" if column == "input" else "right")
    for path in _inputs():
        best, tokens = float("inf"), 0
        for _ in range(repeats):
            t0 = time.perf_counter()
            doc = pipeline.analyze_path(path)
            best = min(best, time.perf_counter() - t0)
            tokens = len(doc.text.split())
        table.add_row(path.name, str(tokens), f"{best:.2f}", f"{tokens / best:,.0f}", "< 3 s")
    console.print(table)


if __name__ == "__main__":
    main()
