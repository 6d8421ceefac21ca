"""TEI reader: divisions, headings, notes and hints; the Milestones chapters match their section texts."""

from __future__ import annotations

import pytest

from benchmarks.books import BILLION_LAUGHS
from chronica.errors import InputError
from chronica.readers import read, tei

EDITION = """<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>Header title</title>
</titleStmt></fileDesc></teiHeader><text><body>
  <div xml:id="genet"><head>The <persName>Citizen Genet</persName> Affair, <date from="1793" to="1794">1793–1794</date></head>
    <p>In April 1793, <persName ref="#genet">Edmond Charles Genet</persName> arrived in
       <placeName>Charleston</placeName>.<note n="7">Ammon, The Genet Mission, 44.</note> He
       met <persName>Washington</persName> on <date when="1793-05-18">May 18</date>.</p>
    <figure><head>A portrait</head></figure>
    <div><head>Recall</head><p>Genet was recalled <quote>“at once”</quote> in 1794.<note>Annals, 3.</note></p>
      <list><item>First demand.</item><item>Second demand.</item></list></div>
  </div></body></text></TEI>"""


def _write(tmp_path, content: str, name: str = "edition.xml"):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    return path


def test_sections_paragraphs_notes_and_hints(tmp_path):
    doc = read(_write(tmp_path, EDITION))
    assert doc.source.format == "tei"
    assert doc.text == ("The Citizen Genet Affair, 1793–1794\n\n"
                        "In April 1793, Edmond Charles Genet arrived in Charleston. He met Washington on May 18.\n\n"
                        "Recall\n\nGenet was recalled “at once” in 1794.\n\nFirst demand.\n\nSecond demand.")
    assert [(s.title, s.level) for s in doc.sections] == [("The Citizen Genet Affair, 1793–1794", 1), ("Recall", 2)]
    assert [p.section for p in doc.paragraphs] == [0, 1, 1, 1]
    assert [(n.number, n.text, doc.text[:n.start][-11:]) for n in doc.notes] == [
        (7, "Ammon, The Genet Mission, 44.", "Charleston."), (2, "Annals, 3.", "e” in 1794.")]

    def spans(kind):
        return [(doc.text[s:e], value) for s, e, value in doc.hints[kind]]

    assert spans("dates") == [("1793–1794", "1793/1794"), ("May 18", "1793-05-18")]
    assert spans("persons") == [("Citizen Genet", None), ("Edmond Charles Genet", "#genet"), ("Washington", None)]
    assert spans("places") == [("Charleston", None)]


def test_billion_laughs_is_refused(tmp_path):
    path = _write(tmp_path, BILLION_LAUGHS + '<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body><p>&lol3;</p></body></text></TEI>')
    with pytest.raises(InputError, match="refused: .*entities"):
        read(path)


@pytest.mark.parametrize("content, problem", [
    ('<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body><p>unclosed</body></text></TEI>', "malformed TEI XML"),
    ("<html><body><p>not TEI</p></body></html>", "not a TEI document"),
    ('<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader/></TEI>', "no <text> element"),
])
def test_bad_tei(tmp_path, content, problem):
    with pytest.raises(InputError, match=problem):
        read(_write(tmp_path, content))


def test_milestones_chapters_match_their_section_texts(shared):
    """Every chapter reads with every div title as a section, and each section's text equals the
    corpus's plain-text file of that section (title line, blank line, paragraphs)."""
    milestones = shared / "corpora" / "milestones"
    chapters = sorted((milestones / "chapters").glob("*.xml"))
    if not chapters:
        pytest.skip("Milestones chapters are not in ../shared")
    assert len(chapters) == 19
    checked = 0
    for chapter in chapters:
        doc = tei.read(chapter)
        sections = {}
        for index, section in enumerate(doc.sections):
            # A section runs to the next heading of its level or above (subheadings stay inside).
            end = next((later.start for later in doc.sections[index + 1:] if later.level <= section.level),
                       len(doc.text))
            sections[section.title] = doc.text[section.start:end].rstrip("\n")
        files = sorted((milestones / "text").glob(f"{chapter.stem}__*.txt"))
        for path in files:
            expected = path.read_text(encoding="utf-8").rstrip("\n")
            assert sections.get(expected.split("\n", 1)[0]) == expected, path.name
            checked += 1
    assert checked == 205


def test_a_bold_only_paragraph_is_a_subheading(tmp_path):
    body = ('<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body><div><head>Johnson and the Middle East</head>'
            '<p><hi rend="strong">The Crisis of 1967</hi></p><p>War broke out on <hi rend="strong">5 June</hi>.</p>'
            '</div></body></text></TEI>')
    doc = read(_write(tmp_path, body))
    assert [(s.title, s.level) for s in doc.sections] == [("Johnson and the Middle East", 1), ("The Crisis of 1967", 2)]
    assert [doc.text[p.start:p.end] for p in doc.paragraphs] == ["War broke out on 5 June."]
