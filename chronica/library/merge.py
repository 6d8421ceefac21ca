"""People, places and organisations across books: one library entity per referent.

Each book's entity stage already groups "Joseph Stalin", "Stalin" and "the Soviet leader" into
one entity. Across books we only trust names, never descriptions, and stay conservative: a
surname alone joins a fuller name only when exactly one library entity carries that surname,
so "Roosevelt" is not folded into Theodore when Franklin is in the library too.
"""

from __future__ import annotations

import re
import sqlite3
import unicodedata

from chronica.data import load_lines
from chronica.model import Entity

KINDS = {"PERSON": "person", "GPE": "place", "LOC": "place", "FAC": "place", "ORG": "org", "NORP": "org"}
_PARTICLES = frozenset(load_lines("library", "name_particles.txt"))
_SUFFIXES = frozenset(load_lines("library", "name_suffixes.txt"))
_PUNCT = re.compile(r"[^\w\s]")
_SPACE = re.compile(r"\s+")


def kind(entity_type: str) -> str:
    """The library's coarse kind of a spaCy entity type: person, place, org or other."""
    return KINDS.get(entity_type, "other")


def key(name: str) -> str:
    """The merge key of a name: no accents, case, punctuation or leading article."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    text = _SPACE.sub(" ", _PUNCT.sub(" ", text)).strip()
    return text[4:] if text.startswith("the ") else text


def name_like(alias: str, entity_kind: str) -> bool:
    """A proper name ("Lucius D. Clay", "the Soviet Union"), not a description ("the Chinese leader")."""
    words = alias.split()
    if not words:
        return False
    if words[0] in ("the", "The"):
        if entity_kind == "person":
            return False
        words = words[1:]
    return bool(words) and all(w[:1].isupper() or w.casefold() in _PARTICLES or not w[:1].isalpha() for w in words)


def link(conn: sqlite3.Connection, entity: Entity) -> int:
    """The id of the library entity ``entity`` belongs to, creating it when it is new; records its names."""
    entity_kind = kind(entity.type)
    name_key = key(entity.name)
    names = {key(a): a for a in [*entity.aliases, entity.name] if name_like(a, entity_kind) and key(a)}
    names.setdefault(name_key, entity.name)
    if entity_kind == "person":  # "Joseph Stalin" is also "Stalin" to another book
        for full in [n for k, n in names.items() if " " in k]:
            surname = full.split()[-1].strip(".,")
            if surname.casefold() not in _SUFFIXES and len(surname) > 2 and key(surname):
                names.setdefault(key(surname), surname)
    found = _find(conn, entity_kind, name_key, names)
    if found is None:
        found = conn.execute("INSERT INTO library_entities (kind, name, lat, lon) VALUES (?, ?, ?, ?)",
                             (entity_kind, entity.name, *(entity.coordinates or (None, None)))).lastrowid
    else:
        row = conn.execute("SELECT name, lat FROM library_entities WHERE id = ?", (found,)).fetchone()
        if len(entity.name.split()) > len(row["name"].split()):  # "Stalin" becomes "Joseph Stalin"
            conn.execute("UPDATE library_entities SET name = ? WHERE id = ?", (entity.name, found))
        if row["lat"] is None and entity.coordinates:
            conn.execute("UPDATE library_entities SET lat = ?, lon = ? WHERE id = ?", (*entity.coordinates, found))
    conn.executemany("INSERT OR IGNORE INTO library_aliases (library_entity_id, kind, key, alias) VALUES (?, ?, ?, ?)",
                     [(found, entity_kind, k, a) for k, a in names.items()])
    return found


def _find(conn: sqlite3.Connection, entity_kind: str, name_key: str, names: dict[str, str]) -> int | None:
    def owners(k: str) -> list[int]:
        return [r[0] for r in conn.execute(
            "SELECT library_entity_id FROM library_aliases WHERE kind = ? AND key = ? ORDER BY library_entity_id",
            (entity_kind, k))]

    surname_only = entity_kind == "person" and " " not in name_key
    exact = owners(name_key)
    if exact:  # a surname alone joins the one full name that carries it, never one of several
        return exact[0] if not surname_only or len(exact) == 1 else None
    for k in names:  # another full name of the same referent ("Lucius D. Clay" / "Lucius Clay")
        if " " in k and len(found := owners(k)) == 1:
            return found[0]
    if entity_kind != "person" or surname_only:
        return None
    for k in names:  # a full name joins the one entity known only by its surname
        if " " in k:
            continue
        found = owners(k)
        if len(found) == 1:
            single = conn.execute("SELECT name FROM library_entities WHERE id = ?", (found[0],)).fetchone()[0]
            if " " not in key(single):
                return found[0]
    return None
