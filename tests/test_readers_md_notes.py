"""Markdown footnotes: definitions removed, references become zero-width notes with their text."""

from __future__ import annotations

from chronica.readers.md_notes import extract


def test_references_and_definitions():
    text, notes = extract("# Albany\n\nThe congress met in 1754.[^1] Franklin wrote[^fr] a plan.[^1]\n\n"
                          "[^1]: Shannon, 12.\n[^fr]: Franklin to Colden,\n    March 1754.\n")
    assert text == "# Albany\n\nThe congress met in 1754. Franklin wrote a plan.\n"
    assert [(n.number, n.label, n.text, text[:n.start][-12:]) for n in notes] == [
        (1, None, "Shannon, 12.", "met in 1754."),
        (2, "fr", "Franklin to Colden, March 1754.", "anklin wrote"),
        (1, None, "Shannon, 12.", "rote a plan."),
    ]
    assert all(n.start == n.end for n in notes)


def test_text_without_definitions_is_untouched():
    text = "A bracket [^1] with no definition stays."
    assert extract(text) == (text, [])
