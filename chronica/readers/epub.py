"""EPUB 2/3 books: spine order, headings, page breaks, and endnotes resolved to their text.

Standard library only (``zipfile`` behind the bomb limits of :mod:`chronica.readers.common`,
defusedxml for the container and package documents, ``html.parser`` for content documents):
ebooklib would add a dependency that loads every item eagerly and still leaves noteref
resolution to us, and content XHTML in the wild uses HTML named entities (``&nbsp;``) that a
strict XML parser without the DTD rejects, while ``html.parser`` knows them and expands nothing else.

Content documents are parsed into a small tree in two passes: first every document of the spine,
so a note reference in chapter 3 can be resolved to its target in ``notes.xhtml``; then the walk
that lays out the text. Note references are links marked ``epub:type="noteref"``/``role="doc-noteref"``
or links whose text is a bare number; the target element (or the paragraph holding a target anchor)
supplies the note's text and is left out of the running text, as are ``aside`` footnotes and
``endnotes`` sections. The marker digits are left out too: the note sits zero-width after the cited word.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote

from chronica.errors import InputError
from chronica.model import Document, Page
from chronica.readers.common import Block, DocumentBuilder, open_zip, parse_xml, read_bytes, zip_member

_OPF = "{http://www.idpf.org/2007/opf}"
_CONTAINER = "{urn:oasis:names:tc:opendocument:xmlns:container}"
_NCX = "{http://www.daisy.org/z3986/2005/ncx/}"
_VOID = {"br", "img", "hr", "meta", "link", "input", "col", "area", "base", "wbr", "source"}
_BLOCKS = {"p", "div", "li", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6", "dd", "dt", "td", "th",
           "pre", "section", "article", "aside", "ol", "ul", "table", "tr", "body", "header", "footer", "main", "dl"}
_SKIP = {"script", "style", "head", "nav", "svg", "math", "figure", "template"}
_HEADINGS = {"h1": 1, "h2": 2, "h3": 3}
_NOTE_TYPES = re.compile(r"\b(?:footnotes?|endnotes?|rearnotes?|doc-endnotes|doc-footnote|doc-endnote|note)\b")
_NOTEREF = re.compile(r"\b(?:noteref|doc-noteref)\b")
_MARKER = re.compile(r"^\s*[\[(]?(\d{1,4}|[*†‡§])[\])]?\s*$")
_LEADING_NUMBER = re.compile(r"^\s*[\[(]?\d{1,4}[\])]?[.:)]?\s+")


@dataclass
class _Node:
    tag: str
    attrs: dict[str, str]
    parent: _Node | None = None
    children: list[_Node | str] = field(default_factory=list)

    def kinds(self) -> str:
        """The semantic type words of the element: ``epub:type`` and ``role``."""
        return f"{self.attrs.get('epub:type', '')} {self.attrs.get('role', '')}"

    def text(self) -> str:
        return "".join(child if isinstance(child, str) else child.text() for child in self.children)


class _TreeBuilder(HTMLParser):
    """A forgiving tree of an (X)HTML document; mis-nested end tags close back to their opener."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = _Node("#root", {})
        self._open = self.root
        self.ids: dict[str, _Node] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        node = _Node(tag, {k: v or "" for k, v in attrs}, self._open)
        self._open.children.append(node)
        if "id" in node.attrs:
            self.ids.setdefault(node.attrs["id"], node)
        if tag not in _VOID:
            self._open = node

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in _VOID and self._open.parent is not None:
            self._open = self._open.parent

    def handle_endtag(self, tag: str) -> None:
        node: _Node | None = self._open
        while node is not None and node.tag != tag:
            node = node.parent
        if node is not None and node.parent is not None:
            self._open = node.parent

    def handle_data(self, data: str) -> None:
        self._open.children.append(data)


def read(path: Path) -> Document:
    data = read_bytes(path)
    archive = open_zip(path, data, "EPUB")
    opf_path = _rootfile(path, archive)
    package = parse_xml(path, _member(path, archive, opf_path), f"EPUB package document {opf_path}")
    base = posixpath.dirname(opf_path)
    manifest: dict[str, tuple[str, str, str]] = {}
    for item in package.iter(f"{_OPF}item"):
        href = posixpath.normpath(posixpath.join(base, unquote(item.get("href", ""))))
        manifest[item.get("id", "")] = (href, item.get("media-type", ""), item.get("properties", ""))
    spine = [manifest[ref.get("idref", "")][0] for ref in package.iter(f"{_OPF}itemref") if ref.get("idref", "") in manifest]
    if not spine:
        raise InputError(str(path), "EPUB has an empty spine (no content documents)")

    trees: dict[str, _TreeBuilder] = {}
    for name in spine:
        raw = zip_member(path, archive, name, "EPUB")
        if raw is None:
            raise InputError(str(path), f"EPUB spine names {name}, which is not in the archive")
        tree = _TreeBuilder()
        tree.feed(raw.decode("utf-8", errors="replace"))
        tree.close()
        trees[name] = tree
    toc = _toc(path, archive, manifest, package)
    return _Layout(DocumentBuilder(path, data, "epub"), trees, toc).run(spine)


def _member(path: Path, archive, name: str) -> bytes:
    raw = zip_member(path, archive, name, "EPUB")
    if raw is None:
        raise InputError(str(path), f"not a valid EPUB ({name} is missing)")
    return raw


def _rootfile(path: Path, archive) -> str:
    container = parse_xml(path, _member(path, archive, "META-INF/container.xml"), "EPUB container.xml")
    rootfile = container.find(f".//{_CONTAINER}rootfile")
    if rootfile is None or not rootfile.get("full-path"):
        raise InputError(str(path), "not a valid EPUB (container.xml names no package document)")
    return rootfile.get("full-path", "")


def _toc(path: Path, archive, manifest: dict[str, tuple[str, str, str]], package) -> dict[str, tuple[str, int]]:
    """Titles and depths of the navigation document (EPUB 3) or NCX (EPUB 2), keyed by ``doc#id``."""
    toc: dict[str, tuple[str, int]] = {}
    for href, _media, properties in manifest.values():
        if "nav" in properties.split():
            tree = _TreeBuilder()
            tree.feed(_member(path, archive, href).decode("utf-8", errors="replace"))
            tree.close()
            for nav in _iter(tree.root):
                if nav.tag == "nav" and "toc" in nav.kinds():
                    _nav_entries(nav, posixpath.dirname(href), 0, toc)
            return toc
    spine = package.find(f"{_OPF}spine")
    ncx_id = spine.get("toc") if spine is not None else None
    if ncx_id in manifest:
        href = manifest[ncx_id][0]
        ncx = parse_xml(path, _member(path, archive, href), f"EPUB NCX {href}")
        _ncx_entries(ncx.find(f"{_NCX}navMap"), posixpath.dirname(href), 1, toc)
    return toc


def _nav_entries(node: _Node, base: str, depth: int, toc: dict[str, tuple[str, int]]) -> None:
    for child in node.children:
        if isinstance(child, str):
            continue
        if child.tag == "ol":
            _nav_entries(child, base, depth + 1, toc)
        elif child.tag == "a" and child.attrs.get("href"):
            toc.setdefault(_resolve(base, child.attrs["href"]), (" ".join(child.text().split()), depth))
        else:
            _nav_entries(child, base, depth, toc)


def _ncx_entries(parent, base: str, depth: int, toc: dict[str, tuple[str, int]]) -> None:
    if parent is None:
        return
    for point in parent.findall(f"{_NCX}navPoint"):
        label = point.find(f"{_NCX}navLabel/{_NCX}text")
        content = point.find(f"{_NCX}content")
        if content is not None and content.get("src"):
            title = " ".join((label.text or "").split()) if label is not None else ""
            toc.setdefault(_resolve(base, content.get("src", "")), (title, depth))
        _ncx_entries(point, base, depth + 1, toc)


def _resolve(base: str, href: str) -> str:
    """``href`` relative to the document directory ``base``, as ``path#fragment`` inside the zip."""
    target, _, fragment = unquote(href).partition("#")
    target = posixpath.normpath(posixpath.join(base, target)) if target else base
    return f"{target}#{fragment}" if fragment else target


def _iter(node: _Node):
    yield node
    for child in node.children:
        if not isinstance(child, str):
            yield from _iter(child)


class _Layout:
    """The second pass: walks the spine documents, emitting headings, paragraphs, notes and pages."""

    def __init__(self, builder: DocumentBuilder, trees: dict[str, _TreeBuilder], toc: dict[str, tuple[str, int]]) -> None:
        self.builder = builder
        self.trees = trees
        self.toc = toc
        self.block = Block()
        self.excluded: set[int] = set()  # id() of note bodies kept out of the running text
        self.visited: set[int] = set()  # id() of elements laid out so far: a link back to one is no noteref
        self.page_marks: list[tuple[str, int]] = []
        self.doc_name = ""

    def run(self, spine: list[str]) -> Document:
        for name in spine:
            self.doc_name = name
            root = self.trees[name].root
            if name in self.toc and not any(n.tag in _HEADINGS for n in _iter(root)):
                title, _ = self.toc[name]  # a chapter whose title is only in the navigation
                heading = Block()
                heading.add(title)
                self.builder.add(heading, self._level(name, 1))
            self.walk(root)
            self.flush()
        doc = self.builder.finish()
        for index, (label, start) in enumerate(self.page_marks):
            end = self.page_marks[index + 1][1] if index + 1 < len(self.page_marks) else len(doc.text)
            doc.pages.append(Page(label=label, start=start, end=end))
        if not doc.paragraphs:
            raise InputError(doc.source.path, "EPUB has no text (image-only or empty content documents)")
        return doc

    def _level(self, key: str, default: int) -> int:
        entry = self.toc.get(key)
        return min(max(entry[1], 1), 3) if entry else default

    def flush(self, heading_level: int | None = None) -> None:
        self.builder.add(self.block, heading_level)
        self.block = Block()

    def walk(self, node: _Node) -> None:
        for child in node.children:
            if isinstance(child, str):
                self.block.add(child)
                continue
            if child.tag in _SKIP or id(child) in self.excluded or self._is_note_body(child):
                continue
            self.visited.add(id(child))
            if "pagebreak" in child.kinds():
                self.page_break(child)
                continue
            if child.tag == "a" and self._noteref(child):
                continue
            if child.tag in _BLOCKS:
                self.flush()
                if child.tag in _HEADINGS or child.tag in {"h4", "h5", "h6"}:
                    self.walk(child)
                    key = f"{self.doc_name}#{child.attrs.get('id', '')}"
                    self.flush(self._level(key, _HEADINGS.get(child.tag, 3)))
                    continue
                self.walk(child)
                self.flush()
            elif child.tag == "br":
                self.block.add(" ")
            else:
                self.walk(child)

    def page_break(self, node: _Node) -> None:
        label = node.attrs.get("title") or " ".join(node.text().split()) or node.attrs.get("id", "")
        self.page_marks.append((label, self.builder.position(self.block)))

    def _noteref(self, link: _Node) -> bool:
        """Record a note reference at the current position; True if ``link`` was one."""
        href = link.attrs.get("href", "")
        marked = bool(_NOTEREF.search(link.kinds()))
        digits = _MARKER.match(link.text())
        if "#" not in href or not (marked or digits):
            return False
        target = self._target(href)
        if target is None or id(target) in self.visited:
            return False
        body = self._note_container(target)
        self.excluded.add(id(body))
        note_text = " ".join(body.text().split())
        note_text = _LEADING_NUMBER.sub("", note_text, count=1).strip() or None
        label = digits.group(1) if digits else None
        number = int(label) if label and label.isdigit() else len(self.builder.doc.notes) + len(self.block.notes) + 1
        self.block.note(number, note_text, None if label is None or label.isdigit() else label)
        return True

    def _target(self, href: str) -> _Node | None:
        key = _resolve(posixpath.dirname(self.doc_name), href)
        name, _, fragment = key.partition("#")
        tree = self.trees.get(name or self.doc_name)
        return tree.ids.get(fragment) if tree else None

    @staticmethod
    def _note_container(target: _Node) -> _Node:
        """The element holding the note's text: the target itself, or the block around a bare anchor."""
        node = target
        while node.tag not in _BLOCKS - {"body", "section", "ol", "ul", "table"} and node.parent is not None:
            node = node.parent
        return node if node.tag not in {"body", "#root"} else target

    @staticmethod
    def _is_note_body(node: _Node) -> bool:
        return node.tag in {"aside", "section", "div", "ol"} and bool(_NOTE_TYPES.search(node.kinds()))
