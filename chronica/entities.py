"""Entities stage: named entities from spaCy, grouped by identical name.

Mentions of the same name (ignoring a leading "the" and a possessive "'s") become one entity.
Type labels follow the contract (spaCy's WORK_OF_ART is WORK).
"""

from __future__ import annotations

import re

from chronica.model import Document, Entity

_TYPES = {"PERSON": "PERSON", "ORG": "ORG", "GPE": "GPE", "LOC": "LOC", "FAC": "FAC", "NORP": "NORP",
          "WORK_OF_ART": "WORK", "LAW": "LAW", "EVENT": "EVENT"}
_POSSESSIVE = re.compile(r"[’']s?$")


def normalize(name: str) -> str:
    """The grouping key of a name: no leading article, no possessive ending, single spaces."""
    name = re.sub(r"\s+", " ", name.strip())
    name = re.sub(r"^(?:the|The)\s+", "", name)
    return _POSSESSIVE.sub("", name)


def run(doc: Document) -> None:
    by_key: dict[tuple[str, str], Entity] = {}
    for para, parsed in zip(doc.paragraphs, doc.nlp_docs):
        for ent in parsed.ents:
            kind = _TYPES.get(ent.label_)
            name = normalize(ent.text)
            if not kind or not name:
                continue
            start = para.start + ent.start_char + ent.text.index(name)
            entity = by_key.get((kind, name))
            if entity is None:
                entity = by_key[(kind, name)] = Entity(id=f"e{len(by_key) + 1}", name=name, type=kind)
            if name not in entity.aliases:
                entity.aliases.append(name)
            entity.mentions.append((start, start + len(name)))
    doc.entities = list(by_key.values())
