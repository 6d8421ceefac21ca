"""Every export format loads in its reference reader: csv (csv module), TimelineJS3 (documented
fields), GEXF (networkx), TEI (well-formed, TEI P5 basics, every pointer resolves), TimeML (our
TimeML reader), md (uncertainty shown); the CLI writes the zip atomically and to stdout as bytes."""

from __future__ import annotations

import csv
import io
import json
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import pytest

from chronica.writers import WRITERS
from chronica.writers import csv as csv_writer

TEXT = (
    "THE CONFERENCE\n"
    "On 4 February 1945 Roosevelt, Churchill and Stalin met at Yalta. The delegations exchanged toasts. "
    "On 11 February 1945 the three leaders signed the declaration in Livadia Palace. "
    "“We shall meet again,” Churchill told Stalin. In the summer of 1945 they met at Potsdam.\n"
    "12\n"
    "Truman replaced Roosevelt in April 1945, and the new president reached Potsdam in July 1945.[13]\n"
)
TIMELINE_SLIDE_KEYS = {"start_date", "end_date", "text", "media", "group", "display_date", "background",
                       "autolink", "unique_id"}
TIMELINE_DATE_KEYS = {"year", "month", "day", "hour", "minute", "second", "millisecond", "display_date", "format"}
TEI_NS = "{http://www.tei-c.org/ns/1.0}"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"


@pytest.fixture(scope="module")
def doc(analyze_text):
    return analyze_text(TEXT)


def render(doc, fmt: str):
    return WRITERS[fmt][0](doc)


def test_csv_zip_round_trips_through_the_csv_module(doc) -> None:
    archive = zipfile.ZipFile(io.BytesIO(render(doc, "csv")))
    assert sorted(archive.namelist()) == ["entities.csv", "events.csv", "quotes.csv"]
    expected = csv_writer.tables(doc)
    for name in archive.namelist():
        text = archive.read(name).decode("utf-8-sig")
        assert list(csv.reader(io.StringIO(text))) == expected[name]
    events = list(csv.DictReader(io.StringIO(archive.read("events.csv").decode("utf-8-sig"))))
    assert len(events) == len(doc.events) and all(row["date"] and row["edtf"] for row in events)
    assert render(doc, "csv") == render(doc, "csv")  # same analysis, same bytes


def test_timelinejs_uses_only_documented_fields(doc) -> None:
    data = json.loads(render(doc, "timelinejs"))
    assert set(data) <= {"events", "title", "eras", "scale"} and data["events"]
    assert set(data["title"]["text"]) == {"headline", "text"}
    for slide in data["events"]:
        assert set(slide) <= TIMELINE_SLIDE_KEYS
        for key in ("start_date", "end_date"):
            if key in slide:
                assert set(slide[key]) <= TIMELINE_DATE_KEYS and isinstance(slide[key]["year"], int)
        assert set(slide["text"]) == {"headline", "text"} and "chars" in slide["text"]["text"]
    yalta = next(s for s in data["events"] if "Yalta" in s["text"]["headline"])
    assert yalta["start_date"] == {"year": 1945, "month": 2, "day": 4} and "end_date" not in yalta
    assert yalta["group"]
    summer = next(s for s in data["events"] if "Potsdam" in s["text"]["headline"] and "met" in s["text"]["headline"])
    assert summer["end_date"]["month"] > summer["start_date"]["month"]


def test_gexf_loads_in_networkx_with_time_attributes(doc, tmp_path: Path) -> None:
    networkx = pytest.importorskip("networkx")
    path = tmp_path / "net.gexf"
    path.write_text(render(doc, "gexf"), encoding="utf-8")
    graph = networkx.read_gexf(path)
    labels = {data["label"] for _, data in graph.nodes(data=True)}
    assert any(label.endswith("Stalin") for label in labels) and any(label.endswith("Churchill") for label in labels)
    assert graph.number_of_edges() >= 1
    for _, _, data in graph.edges(data=True):
        assert data["weight"] == data["events"] + data["quotes"]
        if data["events"]:
            assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", data["start"]) and data["start"] <= data["end"]
    spoke = [d for _, _, d in graph.edges(data=True) if d["quotes"]]
    assert spoke, "Churchill told Stalin: a speaker-addressee link"


def test_tei_is_well_formed_and_every_pointer_resolves(doc) -> None:
    root = ET.fromstring(render(doc, "tei").encode("utf-8"))
    assert root.tag == f"{TEI_NS}TEI"
    header = root.find(f"{TEI_NS}teiHeader/{TEI_NS}fileDesc")
    for path in ("titleStmt/title", "publicationStmt", "sourceDesc"):
        assert header.find("/".join(TEI_NS + step for step in path.split("/"))) is not None, path
    assert [child.tag for child in root] == [f"{TEI_NS}teiHeader", f"{TEI_NS}standOff", f"{TEI_NS}text"]
    ids = [el.get(XML_ID) for el in root.iter() if el.get(XML_ID)]
    assert len(ids) == len(set(ids))
    for el in root.iter():
        for attr in ("ref", "who", "target"):
            if el.get(attr):
                assert el.get(attr)[1:] in ids, (el.tag, attr, el.get(attr))
        if el.tag == f"{TEI_NS}date" and el.get("when"):
            assert re.fullmatch(r"-?\d{4}(-\d{2}(-\d{2})?)?", el.get("when"))
    body = root.find(f"{TEI_NS}text/{TEI_NS}body")
    assert body.find(f".//{TEI_NS}head").text == "THE CONFERENCE"
    paragraphs = ["".join(p.itertext()) for p in body.iter(f"{TEI_NS}p")]
    assert paragraphs[0] == doc.text[doc.paragraphs[0].start:doc.paragraphs[0].end] + "12"
    assert any(d.get("when") == "1945-02-04" for d in body.iter(f"{TEI_NS}date"))
    assert any(q.get("who") for q in body.iter(f"{TEI_NS}q"))
    notes = root.findall(f"{TEI_NS}text/{TEI_NS}back/{TEI_NS}div/{TEI_NS}note")
    assert [n.get("n") for n in notes] == ["12", "13"] and all(n.get("target") for n in notes)


def test_timeml_round_trips_through_the_reader(doc, tmp_path: Path) -> None:
    from chronica.timex.timeml import read_timeml

    path = tmp_path / "doc.tml"
    path.write_text(render(doc, "timeml"), encoding="utf-8")
    back = read_timeml(path)
    assert back.text == doc.text
    assert [(t.start, t.end, t.value) for t in back.timexes] == [(t.start, t.end, t.value) for t in doc.timexes]


def test_markdown_shows_how_certain_each_date_is(doc) -> None:
    text = render(doc, "md")
    assert "| Date | EDTF | Event |" in text
    assert any(e.date.inferred for e in doc.events)
    assert "? (inferred," in text


def test_cli_writes_the_zip_to_a_directory_and_to_stdout(tmp_path: Path) -> None:
    source = tmp_path / "yalta.txt"
    source.write_text(TEXT, encoding="utf-8")
    subprocess.run([sys.executable, "-m", "chronica", "analyze", str(source), "-f", "csv", "-f", "gexf",
                    "-o", str(tmp_path / "out"), "-q"], check=True, timeout=300)
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["yalta.csv.zip", "yalta.gexf"]
    piped = subprocess.run([sys.executable, "-m", "chronica", "analyze", str(source), "-f", "csv", "-q"],
                           check=True, capture_output=True, timeout=300).stdout
    assert zipfile.ZipFile(io.BytesIO(piped)).namelist() == ["events.csv", "quotes.csv", "entities.csv"]


def test_timelinejs_escapes_names_it_shows_as_html() -> None:
    from chronica.model import Entity, Event, EventDate
    from chronica.writers.timelinejs import slide

    actor = Entity(id="e1", name="<img src=x onerror=alert(1)>", type="PERSON", aliases=[], mentions=[(0, 5)])
    event = Event(id="v1", date=EventDate("1950-05-03", None, "1950-05-03", "1950-05-03", "t1"), summary="<b>met</b>",
                  trigger="met", actors=["e1"], places=[], sentence="<script>x</script> met.", sentence_start=0,
                  sentence_end=24)
    shown = slide({"e1": actor}, event)
    assert shown is not None
    assert shown["group"] == "&lt;img src=x onerror=alert(1)&gt;"
    assert "<" not in shown["text"]["headline"] and "<script>" not in shown["text"]["text"]


def test_csv_cells_never_run_as_spreadsheet_formulas() -> None:
    from chronica.model import Entity, Quote
    from chronica.pipeline import document_from_text

    doc = document_from_text("=cmd|' /C calc'!A0 said the clerk.\n")
    doc.entities = [Entity(id="e1", name="@SUM(A1)", type="PERSON", aliases=["-2+3"], mentions=[(0, 3)])]
    doc.quotes = [Quote(id="q1", text="=cmd|' /C calc'!A0", start=0, end=18, speaker="e1", speaker_name="@SUM(A1)",
                        cue="said")]
    archive = zipfile.ZipFile(io.BytesIO(render(doc, "csv")))
    quote = next(csv.DictReader(io.StringIO(archive.read("quotes.csv").decode("utf-8-sig"))))
    entity = next(csv.DictReader(io.StringIO(archive.read("entities.csv").decode("utf-8-sig"))))
    assert quote["text"] == "'=cmd|' /C calc'!A0" and quote["speaker_name"] == "'@SUM(A1)"
    assert entity["name"] == "'@SUM(A1)" and entity["aliases"] == "'-2+3"
    assert quote["start"] == "0" and csv_writer._safe("-0044") == "-0044"  # numbers and BC years stay numbers
