"""Person clustering: which name mentions denote the same person.

Input: PERSON :class:`~chronica.mentions.NameMention` rows in document order. Output: :class:`Person`
clusters. Full names (two words or more) found in the document each start a person unless they are a
spelling of one already seen (a known variant such as Mao Tse-tung / Mao Zedong, the same name
with a middle initial added, or its last two words or more: Siad Barre / Mohammed Siad Barre).
One-word names join the single person whose full name ends — or, for East Asian names, begins — with
that word; when several people fit, each mention joins the one
named earlier in its paragraph, else the one the text already calls by that short name most often.
A family name written before a particle is a surname too ("Gérard" of "Gérard de Rayneval").
Two different full names are never merged, and a titled surname whose title
is the role of exactly one known person of that surname ("President Kennedy") is that person, not
another full name that shares the surname ("Attorney General Robert Kennedy").
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

from chronica.data import load_lines
from chronica.gazetteer import Gazetteer, Known, regnal_number
from chronica.mentions import NAME_ROLES, SUFFIXES, NameMention

_SEPARATORS = re.compile(r"[\s\-‐‑–]+")
_INITIAL = re.compile(r"^[a-z]\.?$")
_SUFFIXES = {s.lower() for s in SUFFIXES}
_SPACED_INITIALS = re.compile(r"\b([a-z])\. (?=[a-z]\.)")
_EDGE_MARKS = re.compile(r"(?:(?<=\s)|^)['‘ʿʾ]+")  # an ayn or apostrophe opening a word of a transliterated name


@lru_cache(maxsize=65536)
def name_key(text: str) -> str:
    """A comparison key for names: no accents, lower case, hyphens as spaces ("Kim Il-sung" = "Kim Il
    Sung"), initials closed up ("George H. W. Bush" = "George H.W. Bush")."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = _SPACED_INITIALS.sub(r"\1.", text.lower().replace("’", "'"))  # "H. W." = "H.W."
    return _EDGE_MARKS.sub("", _SEPARATORS.sub(" ", text).strip())  # "'Abd Al-Karim" = "Abd Al-Karim"


@dataclass(eq=False)
class Person:
    """One person of the document: the name mentions, and references resolved to them."""

    names: list[NameMention] = field(default_factory=list)
    known: Known | None = None
    references: list[tuple[int, int]] = field(default_factory=list)  # role descriptions and pronouns
    role_aliases: list[str] = field(default_factory=list)
    # (role noun, modifiers, possessor key) the document ties to this person: "the Soviet leader".
    roles: list[tuple[str, frozenset[str], str | None]] = field(default_factory=list)

    @property
    def fullest(self) -> str:
        return max((m.text for m in self.names), key=lambda t: (len(t.split()), len(t)))

    @property
    def name(self) -> str:
        return self.known.name if self.known else self.fullest

    @property
    def keys(self) -> set[str]:
        return {name_key(m.text) for m in self.names}

    def aliases(self) -> list[str]:
        forms: list[str] = []
        for mention in self.names:
            forms.append(mention.text)
            forms += [form for form in (mention.titled, mention.plain_title) if form]
        forms += self.role_aliases
        return list(dict.fromkeys(forms))

    def mentions(self) -> list[tuple[int, int]]:
        return sorted({(m.start, m.end) for m in self.names} | set(self.references))


def _same_full_name(a: str, b: str, gaz: Gazetteer) -> bool:
    """Two full names of one person: equal keys, one known person, or a middle initial added."""
    ka, kb = name_key(a), name_key(b)
    if ka == kb:
        return True
    short, long = sorted((ka.split(), kb.split()), key=len)
    if 2 <= len(short) < len(long) and long[-len(short):] == short:
        return True  # "Siad Barre" is "Mohammed Siad Barre" without the given name; so is "Ben-Gurion"
    known_a, known_b = gaz.lookup(a), gaz.lookup(b)
    if known_a is not None and known_a is known_b and known_a.type == "PERSON":
        return True
    ta, tb = ka.split(), kb.split()
    if ta[0] != tb[0] or ta[-1] != tb[-1]:
        return False
    middle = ta[1:-1] + tb[1:-1]
    return len(middle) <= 1 and all(_INITIAL.match(w) for w in middle)


def cluster(mentions: list[NameMention], gaz: Gazetteer) -> list[Person]:
    """Group PERSON mentions into people (see the module docstring for the rules)."""
    people: list[Person] = []
    full_of: dict[str, Person] = {}
    by_words = sorted({m.text for m in mentions}, key=lambda t: -len(name_key(t).split()))
    for text in by_words:
        if len(name_key(text).split()) < 2:
            break
        person = next((p for p in people if any(_same_full_name(text, t, gaz) for t in {m.text for m in p.names})),
                      None)
        if person is None:
            person = Person()
            people.append(person)
        full_of[text] = person
        person.names += [m for m in mentions if m.text == text]
        person.names.sort(key=lambda m: m.start)
    # One-word names: resolve each mention against the full names.
    last_word: dict[str, list[Person]] = {}
    first_word: dict[str, list[Person]] = {}
    for person in people:
        for key in person.keys:
            last_word.setdefault(_surname(key), []).append(person)
            first_word.setdefault(key.split()[0], []).append(person)
        for family in {_before_particle(m.text) for m in person.names} - {None}:
            last_word.setdefault(family, []).append(person)
    singles: dict[str, Person] = {}
    # Titled surnames naming a known person go first, so that a bare surname written before them
    # ("the Kennedy administration" ... "President Kennedy") can still mean that person.
    rest = []
    for mention in mentions:
        if mention.text in full_of:
            continue
        key = name_key(mention.text)
        other = _titled_known(mention, list(dict.fromkeys(last_word.get(key) or first_word.get(key) or [])), gaz)
        if other is None:
            rest.append(mention)
            continue
        person = singles.get(other.name)
        if person is None:
            person = singles[other.name] = Person(known=other)  # "President Kennedy": the known president
            people.append(person)
            last_word.setdefault(key, []).append(person)  # bare surnames may mean this one
        person.names.append(mention)
    for mention in rest:
        key = name_key(mention.text)
        # "King Hussein" is a regnal name, never the surname of "Saddam Hussein"
        by_surname = [] if _regnal(mention) else last_word.get(key)
        candidates = list(dict.fromkeys(by_surname or first_word.get(key) or []))
        if not candidates:
            person = singles.get(key)
            if person is None:
                person = singles[key] = Person()
                people.append(person)
        elif len(candidates) == 1:
            person = candidates[0]
        else:
            person = _choose(candidates, mention)
        bisect.insort(person.names, mention, key=lambda m: m.start)  # _nearest reads them in order
    for person in people:
        person.names.sort(key=lambda m: m.start)
        person.known = _known(person, gaz) or person.known
    return [p for p in people if p.names]


def _surname(key: str) -> str:
    """The last word of a name key, suffixes and regnal numbers aside ("alexander m. haig, jr." → haig,
    "wilhelm i" → wilhelm)."""
    words = [w.strip(",") for w in key.split()]
    while len(words) > 1 and (words[-1] in _SUFFIXES or regnal_number(words[-1])):
        words.pop()
    return words[-1]


def _before_particle(name: str) -> str | None:
    """The family name a territorial particle follows, not the first word ("Conrad-Alexandre Gérard
    de Rayneval" → gérard; "Charles de Gaulle" gives none: Charles is a given name)."""
    words = name.split()
    particles = load_lines("entities", "name_particles.txt")
    return next((name_key(w) for i, w in enumerate(words[1:-2], 1) if words[i + 1].lower() in particles), None)


def _regnal(mention: NameMention) -> bool:
    """Whether a one-word name follows a monarch's or pope's title ("King Hussein", "Pope Pius")."""
    return bool(mention.titled) and any(mention.titled.startswith(t + " ")
                                        for t in load_lines("entities", "regnal_titles.txt"))


def _titled_known(mention: NameMention, candidates: list[Person], gaz: Gazetteer) -> Known | None:
    """The known person a titled surname names when no candidate full name is that person.

    "President Kennedy" in a text that spells out only "Attorney General Robert Kennedy" is the known
    president, not the attorney general: the title is a role the data gives exactly one Kennedy.
    """
    if not mention.titled or not candidates:
        return None
    title = mention.titled[:mention.titled.rfind(mention.text)].strip().lower()
    fits = [k for k in gaz.short_names.get(mention.text, []) if k.type == "PERSON" and title in k.roles]
    if len(fits) != 1:
        return None
    known = fits[0]
    if any(_is_known(person, known, gaz) for person in candidates):
        return None
    return known


def _is_known(person: Person, known: Known, gaz: Gazetteer) -> bool:
    return name_key(known.name) in person.keys or any(gaz.lookup(m.text) is known for m in person.names)


def _choose(candidates: list[Person], mention: NameMention) -> Person:
    """Which of several people a bare surname means. One named earlier in the same paragraph: the
    nearest such (local context). Otherwise the one the text already calls by the short name most
    often: a namesake introduced once in full ("Attorney General Robert Kennedy") does not take over
    the surname the essay uses for its main figure in later paragraphs."""
    local = [p for p in candidates if any(m.paragraph == mention.paragraph and m.start < mention.start
                                          for m in p.names)]
    if local:
        return _nearest(local, mention.start)
    short = {id(p): sum(1 for m in p.names if m.start < mention.start and " " not in m.text) for p in candidates}
    most = max(short.values())
    return _nearest([p for p in candidates if short[id(p)] == most], mention.start)


def _nearest(candidates: list[Person], position: int) -> Person:
    """The candidate mentioned last before ``position`` (else first after): local context decides."""
    best, best_distance = candidates[0], None
    for person in candidates:
        starts = [m.start for m in person.names]
        i = bisect.bisect_left(starts, position)
        distance = position - starts[i - 1] if i else 10**9 + (starts[i] - position if i < len(starts) else 0)
        if best_distance is None or distance < best_distance:
            best, best_distance = person, distance
    return best


def _known(person: Person, gaz: Gazetteer) -> Known | None:
    """The known person this cluster is: by a full name, else by an unambiguous one-word name, else by
    the person a shared surname stands for by default (data/entities/surname_defaults.tsv)."""
    for mention in person.names:
        known = mention.known or gaz.lookup(mention.text)
        if known is not None and known.type == "PERSON":
            return known
    if all(len(m.text.split()) == 1 for m in person.names):
        matches = gaz.short_names.get(person.names[0].text, [])
        if len(matches) == 1:
            return matches[0]
        return gaz.default_for.get(person.names[0].text)
    return None


def propagate(docs: list, offsets: list[int], people: list[Person], taken: set[int]) -> None:
    """Add mentions the model missed: a proper noun spelled like one person's one-word name.

    ``docs`` are the parsed paragraphs, ``offsets`` their document offsets, ``taken`` the start
    offsets already inside a mention. Names shared by two people are left alone.
    """
    owners: dict[str, list[Person]] = {}
    for person in people:
        for key in {_surname(k) for k in person.keys} | {k for k in person.keys if " " not in k}:
            owners.setdefault(key, []).append(person)
    single = {key: found[0] for key, found in owners.items() if len(set(map(id, found))) == 1}
    for index, (parsed, offset) in enumerate(zip(docs, offsets)):
        for token in parsed:
            # a surname the tagger read as a word ("Begin later said") still names when it is an argument
            if (token.pos_ != "PROPN" and token.dep_ not in NAME_ROLES) or offset + token.idx in taken \
                    or not token.text[:1].isupper():
                continue
            person = single.get(name_key(token.text))
            if person is not None:
                start = offset + token.idx
                person.names.append(NameMention(start=start, end=start + len(token.text), type="PERSON",
                                                text=token.text, paragraph=index, token=token.i, dep=token.dep_))
    for person in people:
        person.names.sort(key=lambda m: m.start)
