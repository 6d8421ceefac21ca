"""Role descriptions as references to people: "the Soviet leader", "Stalin’s interpreter".

Input: the parsed paragraphs and the document's :class:`~chronica.coref.Person` clusters. The
document ties a role to a person when it writes them together — "the Hungarian Communist Party
leader Matyas Rakosi", "Stalin’s interpreter, Nikolai Fedorenko", "Stalin, the Soviet leader,",
"Generalissimo Stalin" — and the people list knows what well-known people led. A later definite
description ("the Chinese leader") is resolved to a person when exactly one person of the
document fits it; it then becomes a mention and an alias of that person. A bare one that fits
several ("the President" after Carter and Reagan) is a mention of the one named last before it. Plural and indefinite
descriptions are never references.
"""

from __future__ import annotations

from collections.abc import Callable

from chronica.coref import Person, name_key
from chronica.data import load_set
from chronica.gazetteer import Gazetteer
from chronica.model import Document

_MODIFIER_DEPS = {"amod", "compound", "nmod", "npadvmod"}
_NOMINAL_DEPS = {"nsubj", "nsubjpass", "dobj", "pobj"}



def _is_role(token) -> bool:
    """A singular role noun; the tagger sometimes reads "the general" as an adjective."""
    nominal = token.pos_ in {"NOUN", "PROPN"} or (token.pos_ == "ADJ" and token.dep_ in _NOMINAL_DEPS)
    return nominal and token.tag_ not in {"NNS", "NNPS"} and token.lower_ in load_set("entities", "roles.txt")


def _modifiers(token) -> frozenset[str]:
    """Capitalized words modifying a role noun ("Hungarian Communist Party leader" → hungarian, communist, party)."""
    words = set()
    for child in token.lefts:
        if child.dep_ in _MODIFIER_DEPS:
            words |= {t.lower_ for t in child.subtree if t.text[:1].isupper() and t.is_alpha}
    return frozenset(words)


def _determiner(token):
    """The definite article or possessor that makes a role noun phrase definite, else None."""
    for child in token.lefts:
        if child.dep_ == "poss" or (child.dep_ == "det" and child.lower_ == "the"):
            return child
    return None


def run(doc: Document, people: list[Person], gaz: Gazetteer,
        quoted: Callable[[int], bool] = lambda position: False) -> dict[str, list[tuple[int, int]]]:
    """Tie roles to people, then resolve definite role descriptions that fit exactly one person.

    A description inside a quotation ("“Harry, the President is dead,”") belongs to the speaker's
    words, not the narrator's, and is left alone. Returns the people the document describes but
    never names: a definite description that fits nobody and is specific — a nationality or a named possessor ("the Japanese negotiator",
    "Gorbachev’s spokesman") — is someone, one person per description, keyed by its text."""
    owner: dict[tuple[int, int], Person] = {}  # (paragraph, token) of a name's tokens -> person
    starts: dict[tuple[int, int], Person] = {}  # (paragraph, first token) -> person
    ends: dict[tuple[int, int], Person] = {}  # (paragraph, last token) -> person
    for person in people:
        for m in person.names:
            parsed, offset = doc.nlp_docs[m.paragraph], doc.paragraphs[m.paragraph].start
            span = parsed.char_span(m.start - offset, m.end - offset, alignment_mode="expand")
            if span is None:
                continue
            starts[(m.paragraph, span.start)] = person
            ends[(m.paragraph, span.end - 1)] = person
            for i in range(span.start, span.end):
                owner[(m.paragraph, i)] = person
            if m.titled:  # "Secretary of State John Hay": secretary of state, secretary
                words = m.titled[: -len(m.text)].strip().lower().split()
                for title in dict.fromkeys((" ".join(words), words[-1], words[0])):
                    if title in load_set("entities", "roles.txt"):
                        person.roles.append((title, frozenset(), None))
    references = []
    for index, parsed in enumerate(doc.nlp_docs):
        offset = doc.paragraphs[index].start
        for token in parsed:
            if not _is_role(token) or (index, token.i) in owner or quoted(offset + token.idx):
                continue
            det = _determiner(token)
            possessor = None
            if det is not None and det.dep_ == "poss":
                holder = owner.get((index, det.i))
                if holder is None:
                    continue  # "his interpreter": the possessor itself needs resolving first
                possessor = id(holder)
            role = (token.lower_, _modifiers(token), possessor)
            named = _named_by(parsed, index, token, starts, ends)
            if named is not None and id(named) == possessor:
                named = None  # "Mao’s interpreter, Mao was …": nobody is their own interpreter
            # from the determiner on: not "A week earlier the American secretary"
            phrase = parsed[max(token.left_edge.i, det.left_edge.i):token.i + 1] if det is not None else None
            if named is not None:
                named.roles.append(role)
                if phrase is not None:
                    named.references.append((offset + phrase.start_char, offset + phrase.end_char))
                    # "the … leader Matyas Rakosi" is one name-like alias; "Stalin’s interpreter, X" is two
                    before_name = (index, token.i + 1) in starts
                    alias = parsed[phrase.start:_name_end(parsed, token.i + 1, index, owner)] if before_name else phrase
                    named.role_aliases.append(_alias(alias.text))
            elif phrase is not None and not _followed_by_name(parsed, token):
                references.append((role, offset + phrase.start_char, offset + phrase.end_char, phrase.text))
    unnamed: dict[tuple[str, frozenset[str], int | None], list[tuple[str, int, int]]] = {}
    for role, start, end, text in references:
        candidates = _fits(role, people, gaz)
        # a description points back: "the President" is not a president the text names only later
        fits = [p for p in candidates if any(m.start < start for m in p.names)]
        if not candidates and (role[2] is not None or _capitalized(role[1], gaz) & gaz.nationalities.keys()):
            unnamed.setdefault(role, []).append((_alias(text), start, end))
        if len(candidates) == 1 and fits:
            fits[0].references.append((start, end))
            fits[0].role_aliases.append(_alias(text))
        elif fits and role[2] is None:
            # "the President" or "the Soviet leader" among several: the one named last before it, as
            # a reader takes it; a mention only, not an alias, since the same words name another elsewhere
            latest = _latest_named(fits, start)
            if latest is not None:
                latest.references.append((start, end))
    return {rows[0][0]: [(start, end) for _, start, end in rows] for rows in unnamed.values()}


def _alias(text: str) -> str:
    return "the" + text[3:] if text.startswith("The ") else text


def _name_end(parsed, start: int, index: int, owner) -> int:
    end = start
    while end < len(parsed) and (index, end) in owner:
        end += 1
    return end


def _followed_by_name(parsed, token) -> bool:
    nxt = token.i + 1
    return nxt < len(parsed) and parsed[nxt].pos_ == "PROPN"


def _named_by(parsed, index: int, token, starts, ends) -> Person | None:
    """The person a role noun is written with: "leader NAME", "role, NAME", "NAME, the role"."""
    i = token.i
    if (index, i + 1) in starts:
        return starts[(index, i + 1)]
    # "The Secretary of State, Dean Acheson,": past the role's complement
    i = max([i] + [c.right_edge.i for c in token.rights if c.dep_ == "prep"])
    # "Stalin’s interpreter, Nikolai Fedorenko," — not "The leader, Fedorenko wrote,"
    if (i + 2 < len(parsed) and parsed[i + 1].text == "," and (index, i + 2) in starts
            and not _subject_after(parsed, i + 2)):
        return starts[(index, i + 2)]
    if token.dep_ == "appos":
        left = token.left_edge.i
        if left >= 2 and parsed[left - 1].text == "," and (index, left - 2) in ends:
            return ends[(index, left - 2)]
    return None


def _subject_after(parsed, start: int) -> bool:
    """Whether the name starting at token ``start`` is the subject of a parenthetical ("The Soviet
    leader, Fedorenko wrote, …") rather than an appositive ("Stalin’s interpreter, Nikolai Fedorenko,
    recalled", "Stalin’s interpreter, Nikolai Fedorenko recalled"): its verb follows it and is set off
    by a comma."""
    head = parsed[start]
    while head.dep_ == "compound" and head.head.i > head.i:
        head = head.head
    return (head.i + 2 < len(parsed) and parsed[head.i + 1].pos_ == "VERB"
            and parsed[head.i + 2].text == ",")


def _latest_named(people: list[Person], before: int) -> Person | None:
    """The person among ``people`` whose name was written last before ``before``."""
    named = [(max(m.start for m in p.names if m.start < before), i) for i, p in enumerate(people)
             if any(m.start < before for m in p.names)]
    return people[max(named)[1]] if named else None


def _fits(role: tuple[str, frozenset[str], int | None], people: list[Person], gaz: Gazetteer) -> list[Person]:
    """The people a definite description fits: those the document tied to the role, and well-known
    holders of it for a bare role or one with only a nationality ("the President" in a chapter on
    Carter who is never titled so, "the Soviet leader")."""
    head, mods, possessor = role
    fits = [p for p in people if any(h == head and (possessor is None or q == possessor) and mods <= m
                                     for h, m, q in p.roles)]
    if possessor is None:
        countries = {gaz.nationalities[w] for w in _capitalized(mods, gaz) if w in gaz.nationalities}
        for person in people:
            known = person.known
            if known is None or person in fits:
                continue
            plain = mods - {name_key(w) for w in gaz.nationalities}
            # "the Prime Minister", "the British Foreign Secretary": one more word makes a known role
            compound = len(plain) == 1 and f"{next(iter(plain))} {head}" in known.roles
            if ((not mods and any(r == head or r.startswith(head + " of ") for r in known.roles))
                    or (countries and countries <= set(known.countries) and not plain
                        and any(r.split()[-1] == head for r in known.roles))
                    or (compound and countries <= set(known.countries))):
                fits.append(person)
    return fits


def _capitalized(mods: frozenset[str], gaz: Gazetteer) -> set[str]:
    """Modifiers as the nationality table spells them ("soviet" → "Soviet")."""
    table = {name_key(k): k for k in gaz.nationalities}
    return {table[m] for m in mods if m in table}
