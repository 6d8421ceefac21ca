"""TimeML in and out: read a ``.tml`` (TEXT, DCT, gold TIMEX3s); write TIMEX3-annotated TimeML."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

from chronica.errors import InputError
from chronica.model import Timex
from chronica.readers.common import parse_xml, read_bytes
from chronica.xmltext import xml_safe


@dataclass
class TimeMLDocument:
    text: str
    dct: str | None
    timexes: list[Timex]


def read_timeml(path: Path | str) -> TimeMLDocument:
    """Text of the TEXT element (tags removed), the DCT value and the TIMEX3s inside TEXT."""
    path = Path(path)
    root = parse_xml(path, read_bytes(path), "TimeML")
    dct = None
    for timex in root.iter("TIMEX3"):
        if timex.get("functionInDocument") == "CREATION_TIME":
            dct = timex.get("value")
            break
    body = root.find("TEXT")
    if body is None:
        raise InputError(str(path), "TimeML without a TEXT element")
    pieces: list[str] = []
    timexes: list[Timex] = []
    length = 0

    def walk(node: ET.Element) -> None:
        nonlocal length
        start = length
        if node.text:
            pieces.append(node.text)
            length += len(node.text)
        for child in node:
            walk(child)
            if child.tail:
                pieces.append(child.tail)
                length += len(child.tail)
        if node.tag == "TIMEX3" and node is not body:
            timexes.append(Timex(
                id=node.get("tid", f"t{len(timexes) + 1}"), text="".join(pieces)[start:length], start=start, end=length,
                type=node.get("type", "DATE"), value=node.get("value", ""), mod=node.get("mod"),
                quant=node.get("quant"), freq=node.get("freq")))

    walk(body)
    timexes.sort(key=lambda t: t.start)
    return TimeMLDocument("".join(pieces), dct, timexes)


def write_timeml(text: str, timexes: list[Timex], dct: str | None = None, doc_id: str | None = None) -> str:
    """A TimeML document with ``text`` escaped and each (non-overlapping) timex as a TIMEX3."""
    out = ['<?xml version="1.0" encoding="UTF-8"?>', "<TimeML>"]
    if doc_id:
        out.append(f"<DOCID>{escape(doc_id)}</DOCID>")
    if dct:
        out.append(f'<DCT><TIMEX3 tid="t0" type="DATE" value={quoteattr(dct)} temporalFunction="false" '
                   f'functionInDocument="CREATION_TIME">{escape(dct)}</TIMEX3></DCT>')
    body: list[str] = []
    pos = 0
    for timex in sorted(timexes, key=lambda t: (t.start, -t.end)):
        if timex.start < pos:
            continue  # TimeML tags cannot overlap
        body.append(escape(text[pos:timex.start]))
        attrs = {"tid": timex.id, "type": timex.type, "value": timex.value, "mod": timex.mod,
                 "anchorTimeID": timex.anchor, "quant": timex.quant, "freq": timex.freq}
        rendered = " ".join(f"{k}={quoteattr(v)}" for k, v in attrs.items() if v)
        body.append(f"<TIMEX3 {rendered}>{escape(text[timex.start:timex.end])}</TIMEX3>")
        pos = timex.end
    body.append(escape(text[pos:]))
    out.append("<TEXT>" + "".join(body) + "</TEXT>")
    out.append("</TimeML>")
    return xml_safe("\n".join(out)) + "\n"
