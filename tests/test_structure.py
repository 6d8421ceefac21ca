"""Structure of plain text: paragraphs, headings and endnote markers, which are never inside a sentence."""

from __future__ import annotations

from chronica import structure
from chronica.pipeline import document_from_text

BOOK = (
    "The delegation reached the capital on 16 December after a long journey by train across the steppe, "
    "and the hosts greeted it at the station with a band and a guard of honour.\n"
    "82\n"
    "THE THREAT OF WAR\n"
    "Talks resumed in the new year, and on 22 January 1950 the two leaders met again in the study of the "
    "dacha to settle the terms of the treaty that both sides had been drafting.\n"
    "83\n"
    "84\n"
    "Neither man trusted the other, as later memoirs make plain to any reader who compares them side by side "
    "with the official record.[85] The record itself is thin.¹²\n"
)


def test_paragraph_per_line_book_text() -> None:
    doc = document_from_text(BOOK)
    structure.run(doc)
    assert [s.title for s in doc.sections] == ["THE THREAT OF WAR"]
    assert [n.number for n in doc.notes] == [82, 83, 84, 85, 12]
    assert [doc.text[n.start:n.end] for n in doc.notes] == ["82", "83", "84", "[85]", "¹²"]
    assert len(doc.paragraphs) == 3
    assert doc.text[doc.paragraphs[0].start:doc.paragraphs[0].end].startswith("The delegation")
    assert [p.section for p in doc.paragraphs] == [None, 0, 0]
    for note in doc.notes[:3]:
        assert not any(p.start <= note.start < p.end for p in doc.paragraphs)


def test_hard_wrapped_paragraphs_and_markdown_headings() -> None:
    text = (
        "# The Airlift\n\n"
        "## Origins\n\n"
        "The first aircraft landed at Tempelhof on 26 June 1948,\n"
        "carrying milk and flour for the western sectors.\n\n"
        "The second wave followed within days.\n"
    )
    doc = document_from_text(text, fmt="md")
    structure.run(doc)
    assert [(s.title, s.level) for s in doc.sections] == [("The Airlift", 1), ("Origins", 2)]
    assert len(doc.paragraphs) == 2
    first = doc.text[doc.paragraphs[0].start:doc.paragraphs[0].end]
    assert first.startswith("The first aircraft") and first.endswith("western sectors.")


def test_markers_are_outside_sentences(analyze_text) -> None:
    doc = analyze_text(BOOK)
    for note in doc.notes:
        assert note.sentence_start is not None and note.sentence_end <= note.start
        for sentence in doc.sentences:
            assert not (sentence.start < note.end and note.start < sentence.end)
    cited = {n.number: doc.text[n.sentence_start:n.sentence_end] for n in doc.notes}
    assert cited[82].endswith("guard of honour.")
    assert cited[83] == cited[84] and cited[83].endswith("drafting.")
    assert cited[85].endswith("official record.")
    assert cited[12] == "The record itself is thin."


def test_title_case_first_line_is_the_title() -> None:
    text = ("The Bridge of Air: The Berlin Blockade and the Airlift\n"
            "When the victorious powers carved up defeated Germany, they made a special case of its capital, "
            "which lay deep inside the Soviet zone of occupation and was ruled jointly by all four powers.\n")
    doc = document_from_text(text)
    structure.run(doc)
    assert [(s.title, s.start) for s in doc.sections] == [("The Bridge of Air: The Berlin Blockade and the Airlift", 0)]
    assert len(doc.paragraphs) == 1 and doc.paragraphs[0].section == 0


def test_a_sentence_as_first_line_is_not_a_title() -> None:
    doc = document_from_text("Mao showed his respect for Stalin during the meeting.\nHe made no demands.\n")
    structure.run(doc)
    assert doc.sections == []


def test_title_lines_with_dates_in_them() -> None:
    for title in ("Acquisition of Florida: Treaty of Adams-Onis (1819) and Transcontinental Treaty (1821)",
                  "1801–1829: Securing the Republic"):
        doc = document_from_text(f"{title}\n\nThe United States pressed its claims along the border for a decade.\n")
        structure.run(doc)
        assert [s.title for s in doc.sections] == [title]
        assert len(doc.paragraphs) == 1


def test_markdown_footnotes_become_notes_with_text(tmp_path) -> None:
    from chronica import readers

    path = tmp_path / "essay.md"
    path.write_text("# Airlift\n\nThe first aircraft landed on 26 June 1948.[^1]\n\n[^1]: Tempelhof logbook, June 1948.\n",
                    encoding="utf-8")
    doc = readers.read(path)
    structure.run(doc)
    assert [(n.number, n.text) for n in doc.notes] == [(1, "Tempelhof logbook, June 1948.")]
    assert "[^1]" not in doc.text and doc.text[:doc.notes[0].start].endswith("1948.")


def test_a_book_on_one_line_is_cut_into_paragraphs_spacy_can_take() -> None:
    from chronica.pipeline import document_from_text
    from chronica.structure import MAX_PARAGRAPH_CHARS, run

    sentence = "On 24 June 1948 the Soviet authorities cut the roads into Berlin. "
    text = sentence * (3 * MAX_PARAGRAPH_CHARS // len(sentence))
    doc = document_from_text(text.strip())
    run(doc)
    assert len(doc.paragraphs) >= 3
    assert all(0 < p.end - p.start <= MAX_PARAGRAPH_CHARS for p in doc.paragraphs)
    assert doc.paragraphs[0].start == 0 and doc.paragraphs[-1].end == len(doc.text)
    for before, after in zip(doc.paragraphs, doc.paragraphs[1:]):
        assert doc.text[before.end - 1] == "." and doc.text[before.end:after.start].isspace()
        assert doc.text[after.start:].startswith("On 24 June")
