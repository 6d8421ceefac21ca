"""Shared fixtures: the spaCy pipeline (loaded once), the bundled sample, and ../shared when present."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "chronica" / "sample" / "sample.txt"


def shared_dir() -> Path | None:
    """The read-only ../shared material: $CHRONICA_SHARED, else beside the checkout, else /work/shared."""
    for candidate in (os.environ.get("CHRONICA_SHARED"), ROOT.parent / "shared", "/work/shared"):
        if candidate and Path(candidate, "seed").is_dir():
            return Path(candidate)
    return None


@pytest.fixture(scope="session")
def shared() -> Path:
    found = shared_dir()
    if found is None:
        pytest.skip("../shared is not present")
    return found


@pytest.fixture(scope="session")
def pipeline():
    from chronica.pipeline import Pipeline

    return Pipeline()


@pytest.fixture(scope="session")
def analyze_text(pipeline):
    """Analyze a string with the session's pipeline (no model reload per test)."""
    from chronica.pipeline import document_from_text

    def run(text: str, fmt: str = "txt"):
        return pipeline.run(document_from_text(text, fmt=fmt))

    return run
