"""Throughput, memory and scale-out of the full analysis (issue 8).

Three tables, every figure measured in this one run (the machine is shared: compare ratios,
not absolute times):

1. tokens/s of spaCy alone (the same model, ``nlp.pipe`` with ``n_process`` processes, over the
   section texts and over the paragraphs chronica parses) against ``chronica analyze`` of the same
   files (reading, structure, dates, entities, quotes, events, notes) with the same number of
   processes — target ratio ≥ 0.8;
2. time and peak RSS of one synthetic book of 100k, 300k and 1M tokens (Milestones sections
   concatenated), each analyzed in a fresh subprocess — targets: 1M ≤ 11 × 100k (CPU time of the
   analyzing process, which other jobs on the machine do not inflate), peak ≤ 1 GB;
3. Dask LocalCluster throughput with 1 and 2 worker processes (model loaded before timing).

``python -m benchmarks speed`` (full: several minutes) or ``python -m benchmarks speed --quick``
(a tenth of the sizes, a sanity run).
"""

from __future__ import annotations

import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from rich.table import Table

from benchmarks.common import ROOT, console, shared_dir
from chronica import nlp, readers
from chronica.nlp import BATCH_SIZE, DEFAULT_MODEL

FULL = {"sections": None, "books": (100_000, 300_000, 1_000_000), "dask_sections": 40}
QUICK = {"sections": 24, "books": (10_000, 30_000, 100_000), "dask_sections": 8}
RSS_LIMIT_MB = 1000


def _sections(limit: int | None) -> list[Path]:
    shared = shared_dir()
    if shared is None:
        return []
    paths = sorted((shared / "corpora" / "milestones" / "text").glob("*.txt"))
    return paths[:limit] if limit else paths


def _spacy_alone(texts: list[str], processes: int, batch_size: int | None = None) -> tuple[int, float]:
    """Tokens and wall seconds of the plain spaCy pipeline over ``texts``."""
    language = nlp.load(DEFAULT_MODEL)
    started = time.perf_counter()
    tokens = sum(len(doc) for doc in language.pipe(texts, n_process=processes, batch_size=batch_size))
    return tokens, time.perf_counter() - started


def _paragraphs(paths: list[Path]) -> list[str]:
    """The paragraph texts chronica gives spaCy (structure found, note markers blanked)."""
    from chronica import structure

    texts = []
    for path in paths:
        doc = readers.read(path)
        structure.run(doc)
        masked = doc.masked_text()
        texts += [masked[p.start:p.end] for p in doc.paragraphs]
    return texts


def _chronica(paths: list[Path], processes: int) -> float:
    """Wall seconds of the full analysis of ``paths`` (read + every stage), in order."""
    from chronica.parallel import analyze_many
    from chronica.pipeline import shared

    started = time.perf_counter()
    if processes == 1:
        for _ in shared(DEFAULT_MODEL).run_many(readers.read(path) for path in paths):
            pass
    else:
        for _ in analyze_many((readers.read(p) for p in paths), processes):
            pass
    return time.perf_counter() - started


def _throughput(paths: list[Path]) -> Table:
    """spaCy alone over the section texts (what a user would run) and over chronica's paragraphs
    (the same input chronica parses: the difference is chronica's own work), against the full analysis."""
    baselines = {"texts": [p.read_text(encoding="utf-8") for p in paths], "paragraphs": _paragraphs(paths)}
    table = Table(title=f"Throughput on {len(paths)} Milestones sections (tokens/s)")
    for column in ("processes", "clock", "tokens", "spaCy: texts", "spaCy: paragraphs", "chronica analyze",
                   "ratio to texts", "ratio to paragraphs", "target"):
        table.add_column(column, justify="right")
    _chronica(paths[:2], 1)  # warm: model, gazetteer, timex grammar
    for processes in (1, 2):
        # Each side once on the way in and once on the way out (A B C C B A): a drift in the
        # machine's load (other jobs) weighs on all sides alike.
        sides = ("texts", "paragraphs", "chronica")
        wall = dict.fromkeys(sides, 0.0)
        cpu = dict.fromkeys(sides, 0.0)
        tokens = 0
        for side in sides + sides[::-1]:
            cpu_start, wall_start = time.process_time(), time.perf_counter()
            if side == "chronica":
                _chronica(paths, processes)
            elif side == "texts":
                tokens, _ = _spacy_alone(baselines[side], processes)
            else:
                _spacy_alone(baselines[side], processes, BATCH_SIZE)
            wall[side] += time.perf_counter() - wall_start
            cpu[side] += time.process_time() - cpu_start
        clocks = [("wall", wall)] + ([("CPU", cpu)] if processes == 1 else [])  # CPU: this process only
        for clock, seconds in clocks:
            rates = {side: 2 * tokens / seconds[side] for side in sides}
            table.add_row(str(processes), clock, f"{tokens:,}", *(f"{rates[side]:,.0f}" for side in sides),
                          f"{rates['chronica'] / rates['texts']:.2f}", f"{rates['chronica'] / rates['paragraphs']:.2f}",
                          "≥ 0.80")
    return table


def _book(paths: list[Path], tokens: int, directory: Path) -> tuple[Path, int]:
    """A plain-text book of at least ``tokens`` spaCy tokens: the sections, repeated as needed."""
    tokenizer = nlp.load(DEFAULT_MODEL).tokenizer
    sizes = [(p.read_text(encoding="utf-8").strip(), 0) for p in paths]
    sizes = [(text, len(tokenizer(text))) for text, _ in sizes]
    parts, total, i = [], 0, 0
    while total < tokens:
        text, count = sizes[i % len(sizes)]
        parts.append(text)
        total += count
        i += 1
    path = directory / f"book-{tokens}.txt"
    path.write_text("\n\n".join(parts) + "\n", encoding="utf-8")
    return path, total


def _measure_book(path: Path, workers: int) -> dict:
    """Analyze one book in a fresh process; its wall time (model loaded first) and peak RSS."""
    command = [sys.executable, "-m", "benchmarks.bench_speed", "--book", str(path), "--workers", str(workers)]
    out = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def _analyze_book(path: Path, workers: int) -> None:
    """Subprocess side of :func:`_measure_book`: prints one JSON line."""
    from chronica import chunks
    from chronica.parallel import analyze_many
    from chronica.pipeline import Pipeline

    doc = readers.read(path)
    if workers == 1:
        pipeline = Pipeline()
        started, cpu = time.perf_counter(), time.process_time()
        pipeline.run(doc)
    else:
        started, cpu = time.perf_counter(), time.process_time()
        doc = next(analyze_many([doc], workers))
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    # VmHWM, not ru_maxrss: Linux carries ru_maxrss over exec, so a child would report its parent's peak.
    status = Path("/proc/self/status").read_text()
    peak = int(next(line for line in status.splitlines() if line.startswith("VmHWM:")).split()[1]) / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024  # pool workers, forked here
    print(json.dumps({"seconds": seconds, "cpu_seconds": cpu, "peak_mb": peak, "worker_peak_mb": children,
                      "chunks": len(chunks.plan(doc)), "events": len(doc.events), "entities": len(doc.entities)}))


def _books(paths: list[Path], sizes: tuple[int, ...]) -> Table:
    table = Table(title="Synthetic books (Milestones sections concatenated), one fresh process each")
    for column in ("tokens", "workers", "chunks", "wall (s)", "CPU (s)", "CPU × smallest", "tokens/s",
                   "peak RSS (MB)", "worker peak (MB)", "target"):
        table.add_column(column, justify="right")
    base = None
    with tempfile.TemporaryDirectory() as tmp:
        runs = [(size, 1) for size in sizes] + [(sizes[1], 2)]
        for size, workers in runs:
            path, tokens = _book(paths, size, Path(tmp))
            result = _measure_book(path, workers)
            seconds, cpu = result["seconds"], result["cpu_seconds"]
            base = base or cpu
            target = (f"≤ {RSS_LIMIT_MB} MB" + (", ≤ 11×" if size == sizes[-1] else "")) if workers == 1 else ""
            table.add_row(f"{tokens:,}", str(workers), str(result["chunks"]), f"{seconds:.1f}",
                          f"{cpu:.1f}" if workers == 1 else "", f"{cpu / base:.2f}" if workers == 1 else "",
                          f"{tokens / seconds:,.0f}", f"{result['peak_mb']:,.0f}",
                          f"{result['worker_peak_mb']:,.0f}" if workers > 1 else "", target)
    return table


def _warm(model: str) -> None:
    from chronica.pipeline import shared

    shared(model)


def _dask(paths: list[Path]) -> Table | None:
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        return None
    from chronica.distributed import analyze_many

    tokenizer = nlp.load(DEFAULT_MODEL).tokenizer
    tokens = sum(len(tokenizer(p.read_text(encoding="utf-8"))) for p in paths)
    table = Table(title=f"Dask LocalCluster: {len(paths)} sections, {tokens:,} tokens (model loaded before timing)")
    for column in ("workers", "time (s)", "tokens/s", "speed-up"):
        table.add_column(column, justify="right")
    first = None
    for workers in (1, 2):
        with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, \
                Client(cluster) as client:
            client.run(_warm, DEFAULT_MODEL)
            docs = [readers.read(p) for p in paths]
            started = time.perf_counter()
            for _ in analyze_many(client, docs):
                pass
            seconds = time.perf_counter() - started
        first = first or seconds
        table.add_row(str(workers), f"{seconds:.1f}", f"{tokens / seconds:,.0f}", f"{first / seconds:.2f}")
    return table


def main(argv: list[str] | None = None) -> None:
    argv = sys.argv[1:] if argv is None else argv
    if "--book" in argv:
        _analyze_book(Path(argv[argv.index("--book") + 1]), int(argv[argv.index("--workers") + 1]))
        return
    sizes = QUICK if "--quick" in argv else FULL
    paths = _sections(sizes["sections"])
    if not paths:
        console.print("bench speed: the Milestones corpus (../shared) is not available; skipped")
        return
    console.print(_throughput(paths))
    console.print(_books(_sections(None), sizes["books"]))
    table = _dask(paths[:sizes["dask_sections"]])
    console.print(table if table is not None else "Dask is not installed (pip install 'chronica[dask]'): skipped")


if __name__ == "__main__":
    main()
