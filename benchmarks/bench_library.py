"""The library at scale: the 205 Milestones sections in one library, then search and timeline latency.

The library is built once (a few minutes of CPU) and kept at $CHRONICA_BENCH_DB (default
/tmp/chronica-bench-milestones.db); later runs reuse it and time ``add`` skipping every file.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from rich.table import Table

from benchmarks.common import console, shared_dir

TARGET_MS = 300
QUERY = "Berlin blockade"


def _best_ms(run: Callable[[], object], repeats: int) -> float:
    best = float("inf")
    for _ in range(repeats):
        started = time.perf_counter()
        run()
        best = min(best, time.perf_counter() - started)
    return best * 1000


def _chronica(*args: str, quiet: bool = True) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "chronica", *args], text=True, check=False,
                          capture_output=quiet)


def main() -> None:
    shared = shared_dir()
    corpus = shared / "corpora" / "milestones" / "text" if shared else None
    if corpus is None or not corpus.is_dir():
        console.print("bench library: skipped (../shared/corpora/milestones is not present)")
        return
    files = sorted(corpus.glob("*.txt"))
    db = Path(os.environ.get("CHRONICA_BENCH_DB", "/tmp/chronica-bench-milestones.db"))
    table = Table(title=f"chronica library: {len(files)} Milestones sections in {db}")
    for column in ("measure", "value", "target"):
        table.add_column(column, justify="left" if column == "measure" else "right")

    from chronica.library import open_library, queries

    stored = 0
    if db.exists():
        conn = open_library(db)
        stored = conn.execute("SELECT count(*) FROM documents").fetchone()[0]
        conn.close()
    if stored < len(files):
        started = time.perf_counter()
        _chronica("add", str(corpus), "--db", str(db), quiet=False)  # shows the progress bars
        table.add_row("build (chronica add, model load included)", f"{time.perf_counter() - started:.1f} s", "")

    started = time.perf_counter()
    rerun = _chronica("add", str(corpus), "--db", str(db))
    skipped = re.search(r"(\d+) added, (\d+) already", rerun.stderr)
    table.add_row(f"re-run add ({skipped.group(1)} added, {skipped.group(2)} skipped)" if skipped else "re-run add",
                  f"{(time.perf_counter() - started) * 1000:.0f} ms", "skips all")

    conn = open_library(db)
    counts = queries.stats(conn)
    table.add_row("library", f"{counts['documents']} docs, {counts['events']} events, {counts['people']} people", "")
    size = sum(p.stat().st_size for p in (db, Path(f"{db}-wal")) if p.exists())
    table.add_row("database size (with WAL)", f"{size / 1e6:.1f} MB", "")
    hits = queries.search(conn, QUERY)
    table.add_row(f'search "{QUERY}" (query only, best of 20)',
                  f"{_best_ms(lambda: queries.search(conn, QUERY), 20):.1f} ms ({len(hits)} hits)", f"< {TARGET_MS} ms")
    table.add_row(f'chronica search "{QUERY}" (whole command, best of 5)',
                  f"{_best_ms(lambda: _chronica('search', QUERY, '--db', str(db)), 5):.0f} ms", f"< {TARGET_MS} ms")

    from fastapi.testclient import TestClient

    from chronica.web.app import create_app

    client = TestClient(create_app(db))
    events = client.get("/api/timeline").json()
    page_ms = _best_ms(lambda: client.get("/timeline"), 10)
    api_ms = _best_ms(lambda: client.get("/api/timeline"), 10)
    table.add_row("GET /timeline (page, best of 10)", f"{page_ms:.0f} ms", f"< {TARGET_MS} ms")
    table.add_row(f"GET /api/timeline ({len(events)} events, best of 10)", f"{api_ms:.0f} ms", f"< {TARGET_MS} ms")
    table.add_row("timeline page + its data", f"{page_ms + api_ms:.0f} ms", f"< {TARGET_MS} ms")
    largest = max(queries.documents(conn), key=lambda d: d["chars"])
    document_url = f"/documents/{largest['id']}"
    table.add_row(f"GET /documents/… ({largest['chars']:,} chars, best of 10)",
                  f"{_best_ms(lambda: client.get(document_url), 10):.0f} ms", "")
    conn.close()
    console.print(table)


if __name__ == "__main__":
    main()
