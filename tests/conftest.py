"""Shared fixtures: the spaCy pipeline (loaded once), the bundled sample, and ../shared when present."""

from __future__ import annotations

from pathlib import Path

import pytest

from benchmarks.common import ROOT, shared_dir

SAMPLE = ROOT / "chronica" / "sample" / "sample.txt"


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
