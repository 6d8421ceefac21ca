"""The people-and-organizations network as GEXF 1.2 (Gephi, networkx, sigma.js).

Nodes are the people, organizations, groups and countries that act in an event, undergo one,
or speak or are addressed in a quotation. Two of them are linked when they take part in the same
event (``events`` counts them) or when one speaks to the other (``quotes``); ``weight`` is the
sum. The graph is dynamic with ``timeformat="date"``: each node and edge has ``start``/``end``
from the first to the last dated event it appears in, so Gephi's timeline can replay the
network. Written with ElementTree rather than networkx so that the writer needs no extra
dependency; the tests load it with networkx.
"""

from __future__ import annotations

import itertools
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field

from chronica.model import Document
from chronica.xmltext import xml_safe

NS = "http://www.gexf.net/1.2draft"
_NETWORK_TYPES = {"PERSON", "ORG", "NORP", "GPE"}
_NODE_ATTRS = [("0", "type", "string"), ("1", "mentions", "integer")]
_EDGE_ATTRS = [("0", "events", "integer"), ("1", "quotes", "integer"), ("2", "event_ids", "string")]


@dataclass
class _Span:
    start: str | None = None
    end: str | None = None

    def add(self, earliest: str | None, latest: str | None) -> None:
        if earliest and (self.start is None or earliest < self.start):
            self.start = earliest
        if latest and (self.end is None or latest > self.end):
            self.end = latest


@dataclass
class _Edge:
    events: list[str] = field(default_factory=list)
    quotes: int = 0
    span: _Span = field(default_factory=_Span)


def network(doc: Document) -> tuple[dict[str, _Span], dict[tuple[str, str], _Edge]]:
    """Nodes (entity id -> time span) and undirected edges (sorted id pair -> counts and span)."""
    types = {e.id: e.type for e in doc.entities}
    nodes: dict[str, _Span] = {}
    edges: dict[tuple[str, str], _Edge] = {}
    for event in doc.events:
        earliest, latest = (event.date.earliest, event.date.latest) if event.date else (None, None)
        members = [i for i in dict.fromkeys(event.actors + event.patients) if types.get(i) in _NETWORK_TYPES]
        for member in members:
            nodes.setdefault(member, _Span()).add(earliest, latest)
        for pair in itertools.combinations(sorted(members), 2):
            edge = edges.setdefault(pair, _Edge())
            edge.events.append(event.id)
            edge.span.add(earliest, latest)
    for quote in doc.quotes:
        addressee = quote.addressee
        if not quote.speaker or not addressee or quote.speaker == addressee:
            continue
        if types.get(quote.speaker) not in _NETWORK_TYPES or types.get(addressee) not in _NETWORK_TYPES:
            continue
        for member in (quote.speaker, addressee):
            nodes.setdefault(member, _Span())
        edges.setdefault(tuple(sorted((quote.speaker, addressee))), _Edge()).quotes += 1
    return nodes, edges


def render(doc: Document) -> str:
    nodes, edges = network(doc)
    by_id = {e.id: e for e in doc.entities}
    ET.register_namespace("", NS)
    root = ET.Element(f"{{{NS}}}gexf", {"version": "1.2"})
    meta = ET.SubElement(root, f"{{{NS}}}meta")
    ET.SubElement(meta, f"{{{NS}}}creator").text = "chronica"
    ET.SubElement(meta, f"{{{NS}}}description").text = f"People and organizations of {doc.source.path}"
    graph = ET.SubElement(root, f"{{{NS}}}graph", {"mode": "dynamic", "defaultedgetype": "undirected",
                                                  "timeformat": "date"})
    for cls, attrs in (("node", _NODE_ATTRS), ("edge", _EDGE_ATTRS)):
        declared = ET.SubElement(graph, f"{{{NS}}}attributes", {"class": cls, "mode": "static"})
        for key, title, kind in attrs:
            ET.SubElement(declared, f"{{{NS}}}attribute", {"id": key, "title": title, "type": kind})
    node_list = ET.SubElement(graph, f"{{{NS}}}nodes")
    for node_id in sorted(nodes, key=lambda i: int(i[1:]) if i[1:].isdigit() else 0):
        entity = by_id[node_id]
        node = ET.SubElement(node_list, f"{{{NS}}}node", {"id": node_id, "label": entity.name, **_time(nodes[node_id])})
        _values(node, [("0", entity.type), ("1", str(len(entity.mentions)))])
    edge_list = ET.SubElement(graph, f"{{{NS}}}edges")
    for n, ((source, target), edge) in enumerate(sorted(edges.items())):
        weight = len(edge.events) + edge.quotes
        element = ET.SubElement(edge_list, f"{{{NS}}}edge", {"id": str(n), "source": source, "target": target,
                                                             "weight": f"{weight:.1f}", **_time(edge.span)})
        _values(element, [("0", str(len(edge.events))), ("1", str(edge.quotes)), ("2", " ".join(edge.events))])
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + xml_safe(ET.tostring(root, encoding="unicode")) + "\n"


def _time(span: _Span) -> dict[str, str]:
    return {k: v for k, v in (("start", span.start), ("end", span.end)) if v}


def _values(element: ET.Element, values: list[tuple[str, str]]) -> None:
    holder = ET.SubElement(element, f"{{{NS}}}attvalues")
    for key, value in values:
        ET.SubElement(holder, f"{{{NS}}}attvalue", {"for": key, "value": value})
