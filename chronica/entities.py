"""Entities stage: people, places, organizations, groups, works and events of the document.

Mentions come from :mod:`chronica.mentions` (spaCy's entities corrected by the gazetteer and titles).
People are clustered by :mod:`chronica.coref`, role descriptions and pronouns are resolved to them by
:mod:`chronica.roles` and :mod:`chronica.pronouns` (a specific description that fits nobody named,
"the Japanese negotiator", is a person of its own); every other name is grouped by its gazetteer
referent (Peking and Beijing are one place) or its own text, and an acronym written in parentheses
after a name ("Chinese Communist Party (CCP)") joins that name; a numbered part of a document is
also called by its number alone ("Article 27 of the Constitution" → "Article 27"). ``aliases`` hold
proper names and resolved role descriptions; ``mentions`` also hold resolved pronouns, so a
quotation's "he" points at its person.
"""

from __future__ import annotations

import re

from chronica import coref, gazetteer, mentions, pronouns, quotemarks, roles
from chronica.attribution import head_word
from chronica.reporting import SUBJECTS
from chronica.mentions import NameMention
from chronica.model import Document, Entity

DESCRIBED = "described people"  # hint: ids of the people the text describes but never names
_NUMBERED_PART = re.compile(r"^([A-Z][a-z]+ [0-9IVXL]+[A-Za-z]?) of ")
_ACRONYM = re.compile(r"\s*\(([A-Z][A-Z.]{1,9})\)")


def run(doc: Document) -> None:
    gaz = gazetteer.load()
    found: list[NameMention] = []
    for index, (para, parsed) in enumerate(zip(doc.paragraphs, doc.nlp_docs)):
        found += mentions.find(parsed, index, para.start, gaz)
    _retype_surnames(found, gaz)
    people = coref.cluster([m for m in found if m.type == "PERSON"], gaz)
    taken = {offset for m in found for offset in range(m.start, m.end)}
    coref.propagate(doc.nlp_docs, [p.start for p in doc.paragraphs], people, taken)
    masked = doc.masked_text()
    quote_spans = quotemarks.outermost(quotemarks.find(masked, [(p.start, p.end) for p in doc.paragraphs]))
    unnamed = roles.run(doc, people, gaz, quotemarks.inside(quote_spans))
    pronouns.run(doc, people, quote_spans)
    described = [Entity(id="", name=name, type="PERSON", aliases=[name], mentions=spans)
                 for name, spans in unnamed.items()]
    entities = [_person_entity(p) for p in people] + described + _group_others(
        [m for m in found if m.type != "PERSON"], masked)
    entities.sort(key=lambda e: e.mentions[0] if e.mentions else (0, 0))
    for number, entity in enumerate(entities, 1):
        entity.id = f"e{number}"
    doc.entities = entities
    doc.hints[DESCRIBED] = {e.id for e in described}


def _retype_surnames(found: list[NameMention], gaz: gazetteer.Gazetteer) -> None:
    """A lone word the model typed as a place or body ("Kennan" ORG, "post-Stalin" GPE) is a person when
    it is the surname of a full name the document gives a person, or the short name of one known person,
    or of several when it stands as a clause's subject ("Dulles and Eden disagreed"), not inside a
    longer name ("the North-South Dialogue"). Names the gazetteer knows as places or bodies keep their type."""
    surnames = {m.text.split()[-1] for m in found if m.type == "PERSON" and " " in m.text}
    for mention in found:
        known = gaz.short_names.get(mention.text, [])
        if (mention.type != "PERSON" and mention.known is None and " " not in mention.text
                and mention.text not in gaz.nationalities
                and (mention.text in surnames or len(known) == 1 or (known and mention.dep in SUBJECTS))):
            mention.type = "PERSON"


def _person_entity(person: coref.Person) -> Entity:
    aliases = person.aliases()
    if person.name not in aliases:
        aliases.insert(0, person.name)
    return Entity(id="", name=person.name, type="PERSON", aliases=aliases, mentions=person.mentions(),
                  wikidata=person.known.wikidata if person.known else None)


def _group_others(found: list[NameMention], text: str) -> list[Entity]:
    """One entity per referent: gazetteer name, else the mention's own text, acronyms joined; "the"
    and a lone capitalized word that heads an earlier name ("the Declaration", "the Concept") is
    the latest such name."""
    acronyms: dict[str, str] = {}
    for mention in found:
        match = _ACRONYM.match(text, mention.end)
        if match and _initials_match(match.group(1), mention.text):
            acronyms[match.group(1)] = mention.known.name if mention.known else mention.text
    by_key: dict[tuple[str, str], Entity] = {}
    latest_by_head: dict[str, tuple[str, str]] = {}
    for mention in found:
        known = mention.known
        key_name = known.name if known else acronyms.get(mention.text, mention.text)
        if (known is None and " " not in mention.text and mention.text.lower() in latest_by_head
                and text[max(0, mention.start - 4):mention.start].lower() == "the "):
            kind, key_name = latest_by_head[mention.text.lower()]  # "the Declaration" → the St. James Declaration
            mention.type = kind
        elif " " in key_name:
            latest_by_head[head_word(key_name)] = (known.type if known else mention.type, key_name)
        kind = known.type if known else mention.type
        entity = by_key.get((kind, key_name))
        if entity is None:
            entity = by_key[(kind, key_name)] = Entity(
                id="", name=key_name, type=kind, wikidata=known.wikidata if known else None,
                coordinates=known.coordinates if known else None)
        if mention.text not in entity.aliases:
            entity.aliases.append(mention.text)
        entity.mentions.append((mention.start, mention.end))
    for entity in by_key.values():
        if entity.name not in entity.aliases:
            entity.aliases.insert(0, entity.name)
        part = _NUMBERED_PART.match(entity.name)
        if part and part.group(1) not in entity.aliases:  # "Article 27 of the Constitution" is "Article 27"
            entity.aliases.append(part.group(1))
    return list(by_key.values())


def _initials_match(acronym: str, name: str) -> bool:
    """"CCP" for "Chinese Communist Party": the capitals of the name's words spell the acronym."""
    letters = acronym.replace(".", "")
    initials = "".join(w[0] for w in re.findall(r"[A-Za-z][\w’'-]*", name) if w[0].isupper())
    return initials == letters
