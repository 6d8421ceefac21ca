"""TEI P5 editions: ``div``/``head`` sections, ``p`` paragraphs, ``note`` notes, names and dates as hints.

The text is laid out as the per-section plain-text files of the same editions are: each ``div``
heading on its own line, a blank line, then its paragraphs (list items and block quotations as
paragraphs of their own). Figures and their captions are not prose and are left out. ``note``
elements are lifted out of the running text into :class:`~chronica.model.Note` with their own
text, positioned right after the word they are attached to. ``date@when`` (or ``@from``/``@to``)
and ``persName``/``placeName``/``orgName`` are kept as ``hints`` spans, an editor's judgement the
analysis can trust over its own.
"""

from __future__ import annotations

from pathlib import Path
from xml.etree.ElementTree import Element

from chronica.errors import InputError
from chronica.model import Document
from chronica.readers.common import Block, DocumentBuilder, parse_xml, read_bytes

_NS = "{http://www.tei-c.org/ns/1.0}"
_XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
# Elements holding paragraph-level prose; containers (div, list, body...) are walked through.
_PARAGRAPHS = {"p", "item", "quote", "ab", "l", "label"}
# Children that make their parent a container; an inline <quote> inside a <p> does not.
_BLOCK_CHILDREN = {"p", "ab", "item", "list", "lg", "l"}
_SKIP = {"figure", "teiHeader", "facsimile", "graphic", "pb", "lb", "cb", "milestone", "fw", "note"}
_NAMES = {"persName": "persons", "placeName": "places", "orgName": "orgs"}


def read(path: Path) -> Document:
    data = read_bytes(path)
    root = parse_xml(path, data, "TEI XML")
    if _local(root.tag) not in {"TEI", "teiCorpus", "text"}:
        raise InputError(str(path), f"not a TEI document (root element <{_local(root.tag)}>)")
    text = root.find(f".//{_NS}text") if _local(root.tag) != "text" else root
    if text is None:
        text = root.find(".//text")  # TEI without its namespace, as some older editions are
    if text is None:
        raise InputError(str(path), "TEI document has no <text> element")
    reader = _Reader(DocumentBuilder(path, data, "tei"))
    reader.container(text, depth=0)
    doc = reader.builder.finish()
    if not doc.paragraphs:
        raise InputError(str(path), "TEI document has no paragraphs of text")
    return doc


def _local(tag: object) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


class _Reader:
    def __init__(self, builder: DocumentBuilder) -> None:
        self.builder = builder
        self.note_count = 0

    def container(self, element: Element, depth: int) -> None:
        """Walk a structural element: headings and paragraphs become blocks, divs nest a level deeper."""
        for child in element:
            name = _local(child.tag)
            if name in _SKIP:
                continue
            if name == "head":
                self.block(child, heading_level=max(depth, 1))
            elif name.startswith("div"):
                self.container(child, depth + 1)
            elif name == "p" and _is_run_in_heading(child):
                self.block(child, heading_level=depth + 1)
            elif name in _PARAGRAPHS and not _has_blocks(child):
                self.block(child)
            else:
                self.container(child, depth)

    def block(self, element: Element, heading_level: int | None = None) -> None:
        block = Block()
        self.inline(element, block)
        self.builder.add(block, heading_level)

    def inline(self, element: Element, block: Block) -> None:
        if element.text:
            block.add(element.text)
        for child in element:
            name = _local(child.tag)
            if name == "note":
                self.note_count += 1
                number = child.get("n", "")
                note = Block()
                self.inline(child, note)
                note_text, _, _ = note.finish()
                label = None if number.isdigit() or not number else number
                block.note(int(number) if number.isdigit() else self.note_count, note_text or None, label)
            elif name in {"lb", "pb", "cb"}:
                block.add(" ")
            elif name not in _SKIP:
                start = block.position
                self.inline(child, block)
                if name == "date":
                    when = child.get("when") or _range(child.get("from"), child.get("to"))
                    if when:
                        block.span("dates", start, when)
                elif name in _NAMES:
                    block.span(_NAMES[name], start, child.get("ref") or child.get("key"))
            if child.tail:
                block.add(child.tail)


def _range(start: str | None, end: str | None) -> str | None:
    """``@from``/``@to`` as an ISO 8601 interval, the form a TIMEX3 range takes."""
    if start and end:
        return f"{start}/{end}"
    return start or end


def _has_blocks(element: Element) -> bool:
    """A ``quote`` or ``item`` that wraps paragraphs is a container, not a paragraph itself."""
    return any(_local(child.tag) in _BLOCK_CHILDREN for child in element)


def _is_run_in_heading(element: Element) -> bool:
    """A paragraph that is nothing but one bold run (``<p><hi rend="strong">…</hi></p>``) is a subheading.

    Editions mark subheads inside a section this way; the plain-text version of the same page
    shows them as short lines of their own, which the structure stage reads as headings.
    """
    children = list(element)
    if len(children) != 1 or (element.text or "").strip() or (children[0].tail or "").strip():
        return False
    child = children[0]
    return _local(child.tag) == "hi" and (child.get("rend") or "") in {"strong", "bold", "b"} and not len(child)
