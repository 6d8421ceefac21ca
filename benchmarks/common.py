"""What benchmarks share: where ../shared is, and a console for their tables."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from rich.console import Console

ROOT = Path(__file__).resolve().parent.parent
# Piped or redirected, rich would cut the tables at 80 columns.
console = Console(width=None if sys.stdout.isatty() else 160)


def shared_dir() -> Path | None:
    """$CHRONICA_SHARED, else ../shared beside the checkout, else /work/shared; None when absent."""
    for candidate in (os.environ.get("CHRONICA_SHARED"), ROOT.parent / "shared", "/work/shared"):
        if candidate and Path(candidate, "seed").is_dir():
            return Path(candidate)
    return None
