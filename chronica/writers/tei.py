"""The text as TEI P5: sections as ``<div>``/``<head>``, paragraphs as ``<p>``, sentences as
``<s xml:id>``, and inline what chronica found: ``<date when>`` (or ``notBefore``/``notAfter``
for seasons and the like), ``<persName ref>``, ``<placeName ref>``, ``<orgName ref>``,
``<q who>``, and endnote markers as ``<ref target>`` pointing to ``<note target>`` in ``<back>``,
each note pointing back to the sentence it cites. People, places and organizations are listed
in ``<standOff>`` (the ``ref``/``who`` targets), with the chronology as a ``<listEvent>``.

Inline elements must nest: a quotation that runs over several sentences is split into parts
(``part="I"``/``"M"``/``"F"``, same ``who``); a name or date that would cross a sentence or a
quotation boundary is left untagged rather than breaking the tree.
"""

from __future__ import annotations

import bisect
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

from chronica.chronology import usable
from chronica.model import Document
from chronica.writers.chronology import ordered_events
from chronica.xmltext import xml_safe

TEI = "http://www.tei-c.org/ns/1.0"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
_W3C_DATE = re.compile(r"^-?\d{4}(-\d{2}(-\d{2})?)?$")
_NAME_TAGS = {"PERSON": "persName", "GPE": "placeName", "LOC": "placeName", "FAC": "placeName", "ORG": "orgName"}
_LISTS = {"persName": ("listPerson", "person"), "placeName": ("listPlace", "place"), "orgName": ("listOrg", "org")}


@dataclass
class _Mark:
    start: int
    end: int
    level: int  # 0 sentence, 1 quotation, 2 date/name/note marker
    tag: str
    attrs: dict[str, str]


def _t(name: str) -> str:
    return f"{{{TEI}}}{name}"


def sentence_id(start: int) -> str:
    return f"s{start}"


def render(doc: Document) -> str:
    ET.register_namespace("", TEI)
    root = ET.Element(_t("TEI"))
    _header(root, doc)
    _standoff(root, doc)
    text = ET.SubElement(root, _t("text"))
    _body(ET.SubElement(text, _t("body")), doc)
    if doc.notes:
        notes = ET.SubElement(ET.SubElement(text, _t("back")), _t("div"), {"type": "notes"})
        for index, note in enumerate(doc.notes):
            attrs = {XML_ID: f"n{index + 1}", "n": note.label or str(note.number)}
            if note.sentence_start is not None:
                attrs["target"] = "#" + sentence_id(note.sentence_start)
            ET.SubElement(notes, _t("note"), attrs).text = note.text or ""
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + xml_safe(ET.tostring(root, encoding="unicode")) + "\n"


def _header(root: ET.Element, doc: Document) -> None:
    file_desc = ET.SubElement(ET.SubElement(root, _t("teiHeader")), _t("fileDesc"))
    ET.SubElement(ET.SubElement(file_desc, _t("titleStmt")), _t("title")).text = Path(doc.source.path).name
    ET.SubElement(ET.SubElement(file_desc, _t("publicationStmt")), _t("p")).text = \
        "Annotated by chronica: dates, names, quotations, endnotes and the chronology."
    ET.SubElement(ET.SubElement(file_desc, _t("sourceDesc")), _t("p")).text = \
        f"{doc.source.path} ({doc.source.format}, sha256 {doc.source.sha256})"


def _standoff(root: ET.Element, doc: Document) -> None:
    standoff = ET.SubElement(root, _t("standOff"))
    lists: dict[str, ET.Element] = {}
    for entity in doc.entities:
        tag = _NAME_TAGS.get(entity.type)
        if tag is None:
            continue
        list_tag, item_tag = _LISTS[tag]
        if list_tag not in lists:
            lists[list_tag] = ET.SubElement(standoff, _t(list_tag))
        item = ET.SubElement(lists[list_tag], _t(item_tag), {XML_ID: entity.id})
        ET.SubElement(item, _t(tag)).text = entity.name
        if entity.coordinates and item_tag == "place":
            ET.SubElement(ET.SubElement(item, _t("location")), _t("geo")).text = \
                f"{entity.coordinates[0]} {entity.coordinates[1]}"
    if doc.events:
        events = ET.SubElement(standoff, _t("listEvent"))
        for event in ordered_events(doc):
            attrs = {XML_ID: event.id}
            if event.date is not None:
                attrs.update(_date_attrs(event.date.value, event.date.earliest, event.date.latest))
                if event.date.inferred:
                    attrs["cert"] = "medium"
            if event.modality:
                attrs["type"] = event.modality
            item = ET.SubElement(events, _t("event"), attrs)
            ET.SubElement(item, _t("label")).text = event.summary
            desc = ET.SubElement(item, _t("desc"))
            for start, _ in event.sources or [(event.sentence_start, event.sentence_end)]:
                ET.SubElement(desc, _t("ptr"), {"target": "#" + sentence_id(start)})


def _date_attrs(value: str, earliest: str | None, latest: str | None) -> dict[str, str]:
    day = value[:10]
    if earliest and not latest:
        return {"notBefore": earliest}  # an open end ("from 1950", after an opening participle's date)
    if _W3C_DATE.match(day):
        return {"when": day}
    if earliest and latest:
        return {"notBefore": earliest, "notAfter": latest}
    return {}


def _body(body: ET.Element, doc: Document) -> None:
    marks = _marks(doc)
    divs: dict[int | None, ET.Element] = {}
    for index, para in enumerate(doc.paragraphs):
        if para.section not in divs:
            divs[para.section] = ET.SubElement(body, _t("div"))
            if para.section is not None:
                section = doc.sections[para.section]
                ET.SubElement(divs[para.section], _t("head")).text = section.title
        p = ET.SubElement(divs[para.section], _t("p"))
        inside = [m for m in marks.get(index, []) if para.start <= m.start and m.end <= para.end]
        _fill(p, doc.text, para.start, para.end, inside)
        for marker in marks.get(index, []):  # note markers on their own line after the paragraph
            if marker.tag == "ref" and marker.start >= para.end:
                ET.SubElement(p, _t(marker.tag), marker.attrs).text = doc.text[marker.start:marker.end]
    if not doc.paragraphs:
        ET.SubElement(ET.SubElement(body, _t("div")), _t("p"))


def _marks(doc: Document) -> dict[int, list[_Mark]]:
    """Everything to tag, by paragraph index."""
    starts = [p.start for p in doc.paragraphs]
    by_para: dict[int, list[_Mark]] = {}

    def paragraph_of(position: int) -> int:
        return max(bisect.bisect_right(starts, position) - 1, 0)

    sentences = sorted(doc.sentences, key=lambda s: s.start)
    for s in sentences:
        by_para.setdefault(s.paragraph, []).append(_Mark(s.start, s.end, 0, "s", {XML_ID: sentence_id(s.start)}))
    for quote in doc.quotes:
        pieces = _split(quote.start, quote.end, [(s.start, s.end) for s in sentences])
        for n, (start, end) in enumerate(pieces):
            attrs = {"who": "#" + quote.speaker} if quote.speaker and quote.kind == "speech" else {}
            if quote.kind != "speech":
                attrs["type"] = quote.kind
            if len(pieces) > 1:
                attrs["part"] = "I" if n == 0 else "F" if n == len(pieces) - 1 else "M"
            by_para.setdefault(paragraph_of(start), []).append(_Mark(start, end, 1, "q", attrs))
    for timex in doc.timexes:
        if usable(timex):
            by_para.setdefault(paragraph_of(timex.start), []).append(
                _Mark(timex.start, timex.end, 2, "date", _date_attrs(timex.value, timex.earliest, timex.latest)))
    for entity in doc.entities:
        tag = _NAME_TAGS.get(entity.type)
        attrs = {"ref": "#" + entity.id} if tag else {"type": entity.type}
        for start, end in entity.mentions:
            by_para.setdefault(paragraph_of(start), []).append(_Mark(start, end, 2, tag or "name", attrs))
    for index, note in enumerate(doc.notes):
        if note.end > note.start:
            by_para.setdefault(paragraph_of(note.start), []).append(
                _Mark(note.start, note.end, 2, "ref", {"type": "noteAnchor", "target": f"#n{index + 1}"}))
    for marks in by_para.values():
        marks.sort(key=lambda m: (m.start, -m.end, m.level))
    return by_para


def _split(start: int, end: int, sentences: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """A span cut at sentence boundaries, each piece inside one sentence (text between sentences dropped)."""
    pieces = []
    for s_start, s_end in sentences:
        if s_end <= start or s_start >= end:
            continue
        pieces.append((max(start, s_start), min(end, s_end)))
    return pieces or [(start, end)]


def _fill(parent: ET.Element, text: str, start: int, end: int, marks: list[_Mark]) -> None:
    """Put ``text[start:end]`` into ``parent`` with the outermost marks as children, recursively."""
    cursor, last, i = start, None, 0
    while i < len(marks):
        mark = marks[i]
        i += 1
        if mark.start < cursor or mark.end > end:
            continue  # crosses a boundary already drawn: left untagged
        _append_text(parent, last, text[cursor:mark.start])
        inner = []
        while i < len(marks) and marks[i].start < mark.end:
            if marks[i].end <= mark.end:
                inner.append(marks[i])
            i += 1
        last = ET.SubElement(parent, _t(mark.tag), mark.attrs)
        _fill(last, text, mark.start, mark.end, inner)
        cursor = mark.end
    _append_text(parent, last, text[cursor:end])


def _append_text(parent: ET.Element, last: ET.Element | None, chunk: str) -> None:
    if not chunk:
        return
    if last is None:
        parent.text = (parent.text or "") + chunk
    else:
        last.tail = (last.tail or "") + chunk
