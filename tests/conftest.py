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


@pytest.fixture(scope="session")
def quotes_of(analyze_text):
    """Analyze a string and map each quotation's text to its (speaker name, kind)."""

    def run(text: str) -> dict[str, tuple[str | None, str]]:
        return {q.text: (q.speaker_name, q.kind) for q in analyze_text(text).quotes}

    return run


@pytest.fixture(scope="session")
def small_book():
    """A short history text with cited notes, written by the reader tests in each book format."""
    from benchmarks.books import Book

    long_paragraph = " ".join(
        f"In {1754 + i} the commissioners reconsidered the intercolonial arrangements once more." for i in range(40))
    return Book(
        "Diplomatic Struggles",
        [("The Albany Plan of Union, 1754",
          ["On July 10, 1754, representatives from seven colonies adopted the Albany Plan.{1} "
           "Benjamin Franklin had proposed a union of the colonies.{2}",
           long_paragraph,
           "The British Government never carried the plan out, and the colonies rejected it as well.{3}"]),
         ("The Treaty of Paris, 1763",
          ["The Treaty of Paris was signed on February 10, 1763, ending the French and Indian War.{4}",
           long_paragraph.replace("commissioners", "negotiators")])],
        {1: "Shannon, Indians and Colonists at the Crossroads of Empire, 12.",
         2: "Franklin to James Alexander, March 1754.",
         3: "Labaree, ed., The Papers of Benjamin Franklin, vol. 5, 387.",
         4: "Anderson, Crucible of War, 503-506."},
    )

