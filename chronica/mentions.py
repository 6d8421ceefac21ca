"""Typed name mentions of one paragraph: spaCy's entities corrected by the gazetteer and titles.

Input: a parsed paragraph (spaCy Doc) and its offset in the document. Output: :class:`NameMention`
rows with document offsets, the entity type, the core name (titles, articles and possessive
endings removed) and the titled form ("Generalissimo Stalin") when a title stands before the name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from chronica.data import load_set
from chronica.gazetteer import Gazetteer, Known
from chronica.reporting import SUBJECTS

_TYPES = {"PERSON": "PERSON", "ORG": "ORG", "GPE": "GPE", "LOC": "LOC", "FAC": "FAC", "NORP": "NORP",
          "WORK_OF_ART": "WORK", "LAW": "LAW", "EVENT": "EVENT"}
_POSSESSIVE = {"'s", "’s", "'", "’"}
_MAX_TITLE_TOKENS = 6  # "Assistant Secretary of the Navy"
_MAX_NAME_WORDS = 4  # capitalized words a document name reaches back over ("St. James Declaration")
_TITLE_KINDS = {"LAW", "WORK", "EVENT", "ORG"}  # kinds whose long names swallow a following "…, and X"
_TITLE_GLUE = {",", "and", "&"}
_DESIGNATOR = re.compile(r"^[A-Z]{3,}-\d+[\w/-]*$")
_INITIAL = re.compile(r"^[A-Z]\.$")
_OFFICE_LINKS = {"of", "to", "for", "from"}  # "Congressman from New York Emanuel Celler"
_HYPHENS = {"-", "‐", "‑", "–"}  # an en dash joins two names too ("the Hay–Bunau-Varilla Treaty")
_PARTS = {"article", "section", "clause", "annex"}  # a numbered part of a document
_MARKS = str.maketrans("", "", "‘’ʿʾ'")  # transliteration marks and apostrophes inside a name
SUFFIXES = {"Jr.", "Sr.", "Jr", "Sr", "II", "III", "IV"}  # after a name, part of it
NAME_ROLES = {"nsubj", "nsubjpass", "dobj", "pobj", "appos", "conj", "poss"}  # a name as a phrase of its own


@dataclass
class NameMention:
    start: int  # document offsets of the core name
    end: int
    type: str
    text: str  # the core name
    paragraph: int
    token: int  # index (in the paragraph Doc) of the core name's last token
    titled: str | None = None  # the name with its title, as an alias ("Comrade Mao Zedong")
    known: Known | None = None
    dep: str = ""  # dependency label of the name's head: subjects are the most salient antecedents
    plain_title: str | None = None  # the titled form without the nationality before it ("General George Marshall")





@lru_cache(maxsize=1)
def _title_edges() -> tuple[frozenset[str], frozenset[str]]:
    """The first and last words of the titles: most tokens are neither, and need no span built."""
    words = [re.split(r"[\s\-]+", title) for title in load_set("entities", "titles.txt")]
    return frozenset(w[0] for w in words), frozenset(w[-1] for w in words)


def _title_length(tokens) -> int:
    """How many leading tokens of ``tokens`` form a title (longest match), 0 when none."""
    if not len(tokens) or tokens[0].text not in _title_edges()[0]:
        return 0
    for k in range(min(_MAX_TITLE_TOKENS, len(tokens)), 0, -1):
        if tokens[:k].text in load_set("entities", "titles.txt"):
            return k
    return 0


def _title_before(parsed, start: int):
    """The capitalized title span immediately before token ``start`` ("Secretary of State"), if any."""
    if not start or parsed[start - 1].text not in _title_edges()[1]:
        return None
    for k in range(min(_MAX_TITLE_TOKENS, start), 0, -1):
        span = parsed[start - k:start]
        if span.text in load_set("entities", "titles.txt") and span.text[:1].isupper():
            return span
    return None


def find(parsed, paragraph: int, offset: int, gaz: Gazetteer) -> list[NameMention]:
    """All entity mentions of one paragraph, in order; places the gazetteer knows are never PERSON."""
    spans: list[tuple[int, int, str, Known | None]] = []
    ents = _join_titles(_split_possessives(_trim_tails([(e.start, e.end, _TYPES[e.label_]) for e in parsed.ents
                                                        if e.label_ in _TYPES], parsed), parsed, gaz), parsed)
    ents = [piece for s, e, kind in ents for piece in _person_of_place(parsed, s, e, kind, gaz)]
    ents = [piece for s, e, kind in ents for piece in _split_at_verb(parsed, s, e, kind)]
    ents = _newspapers(_documents(_join_names(ents, parsed), parsed), parsed)
    ents = _people_by_role(ents, parsed, gaz)
    ents = _speaking_names(ents, parsed, gaz)
    taken = [False] * len(ents)
    for i, j, known in gaz.find(parsed):
        keep_ent = False
        for k, (s, e, kind) in enumerate(ents):
            if e <= i or s >= j:
                continue
            taken[k] = True
            longer = s <= i and e >= j and (e - s) > (j - i)
            if kind == "PERSON" and known.type != "PERSON":
                keep_ent = known.person_name and (longer or _title_before(parsed, i) is not None)
            elif longer and known.type != "PERSON":
                keep_ent = True  # "Treaty of Peking", "Battle of Midway": the place is part of a name
            if keep_ent:
                spans.append((s, e, kind, None))
                break
        if not keep_ent:
            spans.append((i, j, known.type, known))
    for k, (s, e, kind) in enumerate(ents):
        if not taken[k]:
            kind = _norp_person(parsed, s, e, gaz) if kind == "NORP" else kind
            spans.append((s, e, _role_apposed(parsed, s, e, kind, gaz), None))
    spans += _known_surnames(parsed, spans, gaz)
    spans.sort()
    found = []
    for s, e, kind, known in spans:
        mention = _mention(parsed, s, e, kind, known, paragraph, offset, gaz)
        if mention is not None:
            found.append(mention)
    return found


def _norp_person(parsed, s: int, e: int, gaz: Gazetteer) -> str:
    """"reformist communist, Petar Mladenov" (NORP): two or more proper nouns that name no nationality
    and stand as a noun phrase of their own are a person."""
    span = parsed[s:e]
    if (len(span) >= 2 and all(_is_proper(t) for t in span) and span.text not in gaz.nationalities
            and not any(t.text in gaz.nationalities for t in span) and span.root.dep_ in NAME_ROLES
            and _could_be_name(span, gaz)):
        return "PERSON"
    return "NORP"


def _role_apposed(parsed, s: int, e: int, kind: str, gaz: Gazetteer) -> str:
    """"Shlomo Argov, Israel’s ambassador to …" (ORG): proper nouns followed by a role noun in
    apposition name a person, whatever the model typed them."""
    if kind == "PERSON" or not all(_is_proper(t) or t.text in _HYPHENS for t in parsed[s:e]):
        return kind
    return "PERSON" if _apposed_role(parsed, e, s) and _could_be_name(parsed[s:e], gaz) else kind


def _apposed_role(parsed, e: int, s: int | None = None) -> bool:
    """Whether ", <role noun>" in apposition follows the name ending before token ``e`` (on a token
    of ``[s, e)`` when ``s`` is given)."""
    if e >= len(parsed) or parsed[e].text != ",":
        return False
    for token in parsed[e + 1:e + 7]:
        if token.is_punct:
            break
        if token.dep_ == "appos" and token.lower_ in load_set("entities", "roles.txt") and (
                s is None or s <= token.head.i < e):
            return True
    return False


def _known_surnames(parsed, spans: list[tuple[int, int, str, Known | None]], gaz: Gazetteer) -> list:
    """"Eisenhower agreed": a proper noun standing alone as a clause's argument that is the short name of
    a well-known person, where the model saw no entity, is a person (that person, if only one has it)."""
    taken = {i for s, e, _, _ in spans for i in range(s, e)}
    found = []
    for token in parsed:
        known = gaz.short_names.get(token.text)
        if (known and token.i not in taken and _is_proper(token)
                and token.dep_ in NAME_ROLES and not any(c.dep_ == "compound" for c in token.children)):
            # a person either way; which one only when the name is one known person's
            who = known[0] if len(known) == 1 else gaz.default_for.get(token.text)
            found.append((token.i, token.i + 1, "PERSON", who))
    return found


def _documents(ents: list[tuple[int, int, str]], parsed) -> list[tuple[int, int, str]]:
    """Document names the small model misses or cuts short, as LAW spans that replace what they overlap:
    a numbered designator ("NSC 68", "NSC-68", "Presidential Directive 30"), capitalized words closed by a
    document noun ("St. James Declaration"), "Treaty of Berlin" (the model sees only the place) and a
    law's year ("Neutrality Act" + "of 1937")."""
    ents = [piece for s, e, kind in ents for piece in _parts(parsed, s, e, kind)]
    found: list[tuple[int, int]] = []
    for token in parsed:
        i = token.i
        if _DESIGNATOR.match(token.text):  # "NSC-68" as one token: a paper's number, never a person
            found.append((i, i + 1))
        elif token.like_num and token.text[:1].isdigit() and i > 0 and _designates(parsed[i - 1]):
            start = i - 1
            while start > 0 and i - start < _MAX_NAME_WORDS and parsed[start - 1].text[:1].isupper() \
                    and parsed[start - 1].is_alpha and (parsed[start - 1].i != parsed[start - 1].sent.start
                                                            or parsed[start - 1].pos_ == "PROPN"):
                start -= 1
            found.append((start, i + 1))
        elif (token.text[:1].isupper() and token.lower_ in load_set("entities", "document_nouns.txt")
              and i > 0 and _capitalized_word(parsed[i - 1]) and not (i + 1 < len(parsed) and parsed[i + 1].like_num)):
            start, words = i - 1, 1  # "the 1942 St. James Declaration": a document name the model missed
            while start > 0 and words < _MAX_NAME_WORDS:
                if _capitalized_word(parsed[start - 1]):
                    start -= 1
                elif start > 1 and _hyphen_joined(parsed, start - 1) and _capitalized_word(parsed[start - 2]):
                    start -= 2  # "the Anglo-German Declaration", "the Hay–Bunau-Varilla Treaty"
                else:
                    break
                words += 1
            found.append((start, i + 1))
        elif (token.lower_ in {"of", "on", "by"} and 0 < i < len(parsed) - 2 and parsed[i - 1].text[:1].isupper()
              and parsed[i - 1].lower_ in load_set("entities", "document_nouns.txt")
              and parsed[i + 1].ent_type_ not in {"DATE", "TIME"}  # "signed the Act on April 3"
              and (parsed[i + 1].text[:1].isupper()
                   or (parsed[i + 1].lower_ == "the" and token.lower_ != "by" and parsed[i + 2].text[:1].isupper()))):
            # "Treaty of Berlin", "Protocol of the Conference", "Declaration on the Neutrality of Laos",
            # "Declaration by United Nations"
            end = i + 2 if parsed[i + 1].lower_ != "the" else i + 3
            while end < len(parsed) and ((parsed[end].text[:1].isupper() and parsed[end].pos_ == "PROPN") or (
                    parsed[end].lower_ in {"of", "the", "and"} and end + 1 < len(parsed)
                    and parsed[end + 1].text[:1].isupper() and parsed[end + 1].pos_ == "PROPN")):
                end += 1
            found.append((i - 1, end))
    for s, e, kind in ents:
        if kind == "LAW" and e + 1 < len(parsed) and parsed[e].lower_ == "of" and _is_year(parsed[e + 1]):
            found.append((s, e + 2))
    found = [(a, b) for a, b in found if not any(s <= a and b <= e and (s, e) != (a, b) for s, e, _ in ents)]
    if not found:
        return ents
    kept = [(s, e, kind) for s, e, kind in ents if not any(a < e and s < b for a, b in found)]
    return sorted(kept + [(s, e, "LAW") for s, e in dict.fromkeys(found)])


def _newspapers(ents: list[tuple[int, int, str]], parsed) -> list[tuple[int, int, str]]:
    """Newspaper names the model misses or reads as a place ("The El Paso Herald demanded"): "the",
    capitalized words, and a newspaper word last (data/entities/newspaper_words.txt), as ORG spans that
    replace what they overlap."""
    words = load_set("entities", "newspaper_words.txt")
    found = []
    for token in parsed:
        if token.text not in words or token.i == 0:
            continue
        start = token.i
        while start > 0 and token.i - start < _MAX_NAME_WORDS and _capitalized_word(parsed[start - 1]):
            start -= 1
        end = token.i + 1
        while end + 1 < len(parsed) and _hyphen_joined(parsed, end) and _capitalized_word(parsed[end + 1]):
            end += 2  # "the St. Louis Post-Dispatch"
        if start < token.i and start > 0 and parsed[start - 1].lower_ == "the" and not any(
                kind == "ORG" and s <= start and end <= e for s, e, kind in ents):  # the model has it already
            found.append((start, end))
    if not found:
        return ents
    kept = [(s, e, kind) for s, e, kind in ents if not any(a < e and s < b for a, b in found)]
    return sorted(kept + [(s, e, "ORG") for s, e in found])


def _parts(parsed, s: int, e: int, kind: str) -> list[tuple[int, int, str]]:
    """"Article I of the Treaty of Cession" names two things: the part, and the document it is of."""
    if kind != "LAW" or e - s < 4 or parsed[s].lower_ not in _PARTS or parsed[s + 2].lower_ != "of":
        return [(s, e, kind)]
    whole = s + 3 + (parsed[s + 3].lower_ == "the")
    return [(s, s + 2, kind), (whole, e, kind)] if whole < e else [(s, e, kind)]


def _people_by_role(ents: list[tuple[int, int, str]], parsed, gaz: Gazetteer) -> list[tuple[int, int, str]]:
    """Names the small model misses behind a long office, as PERSON spans replacing what they overlap:
    the last two proper nouns after a capitalized title or role word and its complement ("Secretary of
    Defense Caspar Weinberger", "Assistant to the President for National Security Affairs Brent
    Scowcroft"), the proper nouns right after a personal title ("Prince Norodom Sihanouk",
    "Secretary-General U Thant"), and a proper name set off by a comma as the appositive of a role noun ("Soviet
    Ambassador to the United States, Anatoly Dobrynin", "his half-brother, Souphanouverong"). Names the
    gazetteer knows as places or bodies, nationalities and organization words are never taken."""
    # every rule starts on a capitalized word: the rest of the paragraph needs no look
    found = [span for span in (_after_office(parsed, token) or _appositive(parsed, token) or _after_title(parsed, token)
                               or _before_role(parsed, token) or _after_role(parsed, token) for token in parsed
                               if token.text[:1].isupper() or token.lower_ in load_set("entities", "roles.txt"))
             if span is not None and _could_be_name(parsed[span[0]:span[1]], gaz)
             and not any(kind == "PERSON" and s < span[1] and span[0] < e for s, e, kind in ents)]
    if not found:
        return ents
    kept = [(s, e, kind) for s, e, kind in ents if not any(a < e and s < b for a, b in found)]
    return sorted(kept + [(s, e, "PERSON") for s, e in dict.fromkeys(found)])


def _speaking_names(ents: list[tuple[int, int, str]], parsed, gaz: Gazetteer) -> list[tuple[int, int, str]]:
    """A full name the model misses as the subject of a speech verb ("Fisher Ames of Massachusetts, a
    former congressman, complained"): two or three proper nouns, no office, place or body word, that
    no entity covers, are a PERSON."""
    speech = load_set("quotes", "speech_verbs.txt")
    found = []
    for token in parsed:
        if token.dep_ != "nsubj" or token.head.lemma_.lower() not in speech or not _is_proper(token):
            continue
        start = token.i
        while start > 0 and token.i - start < 2 and parsed[start - 1].dep_ == "compound" and _is_proper(parsed[start - 1]):
            start -= 1
        span = parsed[start:token.i + 1]
        if any(c.dep_ == "det" for c in token.children) or (start > 1 and _hyphen_joined(parsed, start - 1)):
            continue  # "The North-South Dialogue refers to": a named thing, not a person
        if (len(span) >= 2 and not any(s < token.i + 1 and start < e for s, e, _ in ents)
                and not any(_is_office(t) for t in span) and _could_be_name(span, gaz)
                and all(gaz.lookup(t.text) is None for t in span)):
            found.append((start, token.i + 1, "PERSON"))
    return sorted(ents + found) if found else ents


def _is_office(token) -> bool:
    return token.text[:1].isupper() and (token.text in load_set("entities", "titles.txt")
                                         or token.lower_ in load_set("entities", "roles.txt"))


def _after_office(parsed, token) -> tuple[int, int] | None:
    """The name closing "Office (of|to|for [the] Complement)+ First Last", for the office word ``token``."""
    if not _is_office(token):
        return None
    sent_end, end, complement = token.sent.end, token.i + 1, 0
    while end < sent_end and parsed[end].lower_ in _OFFICE_LINKS:
        end += 1
        if end < sent_end and parsed[end].lower_ == "the":
            end += 1
        words = 0
        while end < sent_end and _is_proper(parsed[end]):
            end, words = end + 1, words + 1
        if not words:
            return None
        complement += words
    if complement < 3 or (end < len(parsed) and parsed[end].pos_ == "PROPN"):
        return None  # "… Count Johann von Bernstorff": a name going on in a way we cannot cut
    title = _title_before(parsed, end - 2)
    start = end - 2
    if _INITIAL.match(parsed[start].text) or (title is None and _title_before(parsed, end - 3) is not None):
        start -= 1  # "John F. Kennedy", "Secretary of State William Henry Seward"
    if start - token.i < 2 or not _is_proper(parsed[start]) or any(t.tag_ == "NNPS" for t in parsed[start:end]):
        return None  # plural proper nouns ("National Security Affairs") close an office, not a name
    return start, end


def _after_title(parsed, token) -> tuple[int, int] | None:
    """The one to three proper nouns closing "Title First Last" when ``token`` starts a capitalized title."""
    if not token.text[:1].isupper() or (token.i and _is_proper(parsed[token.i - 1])):
        return None
    k = _title_length(parsed[token.i:token.i + _MAX_TITLE_TOKENS])
    start = token.i + k
    particles = load_set("entities", "name_particles.txt")
    while k and start + 1 < len(parsed) and parsed[start].lower_ in particles and _is_proper(parsed[start + 1]):
        start += 1  # "Marquis de Lafayette": the name is Lafayette
    end = start
    while k and end < len(parsed) and end - start < 3 and (_is_proper(parsed[end]) or _INITIAL.match(parsed[end].text)):
        end += 1
    if not k or end == start or (end < len(parsed) and parsed[end].pos_ == "PROPN") or not _is_proper(parsed[end - 1]):
        return None
    return start, end


def _appositive(parsed, token) -> tuple[int, int] | None:
    """"ROLE …, First Last": ``token`` ends a comma-fronted proper name in apposition under a role noun
    (a full name the parser took for a conjunct also counts: "a resident of Cuba, Narciso López,")."""
    if token.dep_ not in {"appos", "conj"} or not _is_proper(token):
        return None
    start = token.i
    while start > 0 and token.i - start < 2 and parsed[start - 1].dep_ == "compound" and _is_proper(parsed[start - 1]):
        start -= 1
    if start == 0 or parsed[start - 1].text != "," or (token.dep_ == "conj" and start == token.i):
        return None
    head = token.head
    for _ in range(3):
        if head.i < start and head.pos_ in {"NOUN", "PROPN"} and head.lower_ in load_set("entities", "roles.txt"):
            return start, token.i + 1
        if head.head.i == head.i:
            break
        head = head.head
    return None


def _after_role(parsed, token) -> tuple[int, int] | None:
    """"the French playwright Beaumarchais", "U.S. diplomat John Ward": one to three proper nouns after a
    lower-case role noun that modifies them or that they stand in apposition to."""
    if not token.text.islower() or token.i + 1 >= len(parsed) or not _is_proper(parsed[token.i + 1]):
        return None
    end = token.i + 1
    while end < len(parsed) and end - token.i <= 3 and _is_proper(parsed[end]):
        end += 1
    last = parsed[end - 1]
    if (end < len(parsed) and parsed[end].pos_ == "PROPN") or not (
            token.head == last or (last.head == token and last.dep_ == "appos")):
        return None  # a longer name, or role and name are not one phrase ("the leader Moscow trusted")
    return token.i + 1, end


def _before_role(parsed, token) -> tuple[int, int] | None:
    """"Hafiz Isma‘il, his national security advisor": ``token`` ends one to three proper nouns,
    whatever the model typed them, followed by a role noun in apposition."""
    if not _is_proper(token) or (token.i + 1 < len(parsed) and _is_proper(parsed[token.i + 1])):
        return None
    start, words = token.i, 1
    while start > 0 and words < 4 and (_is_proper(parsed[start - 1]) or (
            parsed[start - 1].text in _HYPHENS and start > 1 and _is_proper(parsed[start - 2]))):
        start -= 1
        words += parsed[start].text not in _HYPHENS  # "Phillippe-Jean Bunau-Varilla"
    if start > 0 and (_is_proper(parsed[start - 1]) or parsed[start - 1].text in _HYPHENS):
        return None
    return (start, token.i + 1) if _apposed_role(parsed, token.i + 1, start) else None


def _is_proper(token) -> bool:
    """A capitalized proper noun, transliteration marks allowed ("Isma‘il", "Ba’ath")."""
    return token.pos_ == "PROPN" and token.text[:1].isupper() and token.text.translate(_MARKS).isalpha()


def _could_be_name(span, gaz: Gazetteer) -> bool:
    if any(t.text in gaz.nationalities or t.text in load_set("entities", "org_words.txt") for t in span):
        return False
    known = gaz.lookup(span.text)
    return known is None or known.type == "PERSON" or known.person_name


def _designates(token) -> bool:
    """A word a document number follows: an acronym ("NSC") or a capitalized document noun ("Directive")."""
    text = token.text
    return (len(text) >= 2 and text.isupper() and text.isalpha()) or (
        text[:1].isupper() and token.lower_ in load_set("entities", "document_nouns.txt"))


def _capitalized_word(token) -> bool:
    """A capitalized word that can begin or continue a name ("St.", "James"), not an article nor the
    preposition opening a sentence ("Under Article I")."""
    return (token.text[:1].isupper() and (token.is_alpha or token.text.rstrip(".").isalpha())
            and token.lower_ != "the" and token.pos_ != "ADP")


def _hyphen_joined(parsed, i: int) -> bool:
    """Whether token ``i`` is a hyphen written between two words with no space ("Four-Power")."""
    return parsed[i].text in _HYPHENS and not parsed[i - 1].whitespace_ and not parsed[i].whitespace_


def _is_year(token) -> bool:
    return token.text.isdigit() and len(token.text) == 4


def _trim_tails(ents: list[tuple[int, int, str]], parsed) -> list[tuple[int, int, str]]:
    """A name never ends in a lower-case word, nor begins with an indefinite article: the model's
    "Article V declared" is "Article V"."""
    trimmed = []
    for s, e, kind in ents:
        while e - s > 1 and parsed[e - 1].is_lower and parsed[e - 1].is_alpha:
            e -= 1
        while e - s > 1 and parsed[s].text in {"a", "an"}:  # "a Treaty of …", not "A Framework for Peace"
            s += 1
        trimmed.append((s, e, kind))
    return trimmed


def _split_possessives(ents: list[tuple[int, int, str]], parsed, gaz: Gazetteer) -> list[tuple[int, int, str]]:
    """A span the model ran across a possessive ("Jordan’s King Hussein", "Kennedy’s Kiddie Corps") is
    two names: the owner's and the owned one's. The owner of a person is typed PERSON (the gazetteer then
    types places), the owner of anything else only when it is a known person's short name. A span run
    across a comma into a clause's subject ("the House of Commons, Eden") is the phrase's name and a
    person's."""
    split: list[tuple[int, int, str]] = []
    for s, e, kind in ents:
        comma = next((i for i in range(s + 1, e - 1) if parsed[i].text == ","
                      and any(t.dep_ in SUBJECTS for t in parsed[i + 1:e])), None)
        if comma is not None:  # "In the House of Commons, Eden insisted": a phrase, then the clause's subject
            split += [(s, comma, kind), (comma + 1, e, "PERSON")]
            continue
        cut = next((i for i in range(s + 1, e - 1) if parsed[i].text in _POSSESSIVE
                    and (kind == "PERSON" or parsed[i + 1].text[:1].isupper())), None)
        if cut is None:
            split.append((s, e, kind))
            continue
        owner = parsed[s:cut].text
        known = kind == "PERSON" or any(k.type == "PERSON" for k in gaz.short_names.get(owner, []))
        split += [(s, cut, "PERSON" if known else kind), (cut + 1, e, kind)]
    return split


def _person_of_place(parsed, s: int, e: int, kind: str, gaz: Gazetteer) -> list[tuple[int, int, str]]:
    """"Fisher Ames of Massachusetts", which the model takes for a body, is a person and the place he
    is from: two or three proper nouns with no article, office or body word, "of", a known place."""
    of = next((i for i in range(s + 2, min(e - 1, s + 4)) if parsed[i].lower_ == "of"), None)
    if kind == "PERSON" or of is None or (s > 0 and parsed[s - 1].lower_ == "the"):
        return [(s, e, kind)]
    place = gaz.lookup(parsed[of + 1:e].text)
    if (place is None or place.type != "GPE" or not _could_be_name(parsed[s:of], gaz)
            or not all(_is_proper(t) and not _is_office(t) for t in parsed[s:of])):
        return [(s, e, kind)]
    return [(s, of, "PERSON"), (of + 1, e, "GPE")]


def _split_at_verb(parsed, s: int, e: int, kind: str) -> list[tuple[int, int, str]]:
    """A span the model ran across a clause ("Adams reminded Russell") is the names on either side of
    its verb: a name never holds a lower-case verb."""
    verb = next((i for i in range(s + 1, e - 1) if parsed[i].pos_ == "VERB" and parsed[i].is_lower), None)
    if kind != "PERSON" or verb is None:
        return [(s, e, kind)]
    return [(s, verb, kind), (verb + 1, e, kind)]


def _join_names(ents: list[tuple[int, int, str]], parsed) -> list[tuple[int, int, str]]:
    """A person's name the model cut in two ("Vittorio Emmanuele" PERSON + "Orlando" GPE): a PERSON
    span right before one or two proper nouns it is a compound of is one name with them."""
    joined: list[tuple[int, int, str]] = []
    for s, e, kind in ents:
        if joined and joined[-1][2] == "PERSON" and joined[-1][1] == s and e - s <= 2 and kind != "PERSON" \
                and all(_is_proper(t) for t in parsed[s:e]) and parsed[s - 1].dep_ == "compound" \
                and s <= parsed[s - 1].head.i < e:
            joined[-1] = (joined[-1][0], e, "PERSON")
            continue
        joined.append((s, e, kind))
    return joined


def _join_titles(ents: list[tuple[int, int, str]], parsed) -> list[tuple[int, int, str]]:
    """Glue a name the model split off a long title back on: "the Treaty of Friendship, Alliance" +
    ", and" + "Mutual Assistance" (tagged PERSON) is one treaty, not a treaty and a person."""
    joined: list[tuple[int, int, str]] = []
    for s, e, kind in ents:
        if joined and joined[-1][2] in _TITLE_KINDS and joined[-1][1] < s:
            ps, pe, pkind = joined[-1]
            gap = parsed[pe:s]
            if all(t.text in _TITLE_GLUE for t in gap) and any(t.lower_ == "and" for t in gap) \
                    and all(t.text[:1].isupper() for t in parsed[s:e] if t.is_alpha and t.lower_ not in {"of", "and"}) \
                    and not (kind == "PERSON" and (_apposed_role(parsed, e)  # "…, and J. M. Keynes, an advisor"
                                                   or any(_INITIAL.match(t.text) for t in parsed[s:e]))):
                joined[-1] = (ps, e, pkind)
                continue
        joined.append((s, e, kind))
    return joined


def _mention(parsed, s: int, e: int, kind: str, known: Known | None, paragraph: int, offset: int,
             gaz: Gazetteer) -> NameMention | None:
    while s < e and (parsed[s].lower_ == "the" or parsed[s].is_punct):
        s += 1
    if kind != "PERSON" and known is None:
        s, e, kind = _person_inside(parsed, s, e, kind)
    while e > s and (parsed[e - 1].text in _POSSESSIVE or parsed[e - 1].is_punct):
        e -= 1
    if s >= e:
        return None
    titled = plain_title = None
    if kind == "PERSON":
        if e + 1 < len(parsed) and parsed[e].text == "," and parsed[e + 1].text in SUFFIXES:
            e += 2  # "Arthur Schlesinger, Jr."
        elif e < len(parsed) and parsed[e].text in SUFFIXES:
            e += 1
        if e - s > 2 and parsed[s].lower_ in load_set("entities", "roles.txt"):
            s += 1  # "Historian Arthur Schlesinger": a role word the model took into the name
        k = _title_length(parsed[s:e])
        if k:
            above = _title_before(parsed, s)  # "Prime Minister Lord Palmerston": an office before a peer's title
            titled = parsed[s:e].text if above is None else f"{above.text} {parsed[s:e].text}"
            s += k
        else:
            title = _title_before(parsed, s)
            if title is not None and title.start and parsed[title.start - 1].text in gaz.nationalities:
                # "French Foreign Minister Vergennes" as written, and "Foreign Minister Vergennes"
                plain_title = f"{title.text} {parsed[s:e].text}"
                title = parsed[title.start - 1:title.end]
            titled = f"{title.text} {parsed[s:e].text}" if title is not None else None
        if s >= e or not parsed[s].text[:1].isupper():
            return None
        text = parsed[s:e].text
        if text in SUFFIXES:
            return None  # a stray "Jr." the model took for a name
        if text in gaz.nationalities:
            kind = "NORP"
        else:
            other = gaz.lookup(text)
            if other is not None and other.type != "PERSON" and not other.person_name:
                kind, known = other.type, other
    span = parsed[s:e]
    return NameMention(start=offset + span.start_char, end=offset + span.end_char, type=kind, text=span.text,
                       paragraph=paragraph, token=e - 1, titled=titled, known=known, dep=span.root.dep_,
                       plain_title=plain_title)


def _person_inside(parsed, s: int, e: int, kind: str) -> tuple[int, int, str]:
    """A person the model typed as an organization or place: "Empress Dowager Cixi" (ORG) starts with a
    personal title, "Special Middle East Coordinator Dennis Ross" (ORG) ends in a name after an office,
    "Stalin’s March 1952" (ORG) is a name owning what follows. Organization words
    ("General Assembly", "Prince Edward Island") keep the span as it is."""
    cut = next((i for i in range(s + 1, e - 1) if parsed[i].text in _POSSESSIVE), None)
    if cut is not None and not any(t.text in load_set("entities", "org_words.txt") for t in parsed[cut + 1:e]):
        return s, cut, kind
    office = next((i for i in range(e - 2, s - 1, -1) if _is_office(parsed[i])), None)
    if (office is not None and 1 <= e - office - 1 <= 3 and all(_is_proper(t) for t in parsed[office + 1:e])
            and not any(t.text in load_set("entities", "org_words.txt") for t in parsed[office + 1:e])):
        return office + 1, e, "PERSON"  # "Special Middle East Coordinator Dennis Ross" (ORG)
    k = _title_length(parsed[s:e])
    rest = parsed[s + k:e]
    if k and len(rest) and all(t.text[:1].isupper() and t.is_alpha and t.text not in load_set("entities", "org_words.txt") for t in rest):
        return s, e, "PERSON"
    return s, e, kind
