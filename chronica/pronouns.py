"""Third-person pronouns ("he", "his", "she", "her", and "him" as the subject of "recorded him
saying") resolved to people by salience, for quote attribution.

Input: the parsed paragraphs, the document's people and the spans of quotations (pronouns inside
quoted speech, and speakers the quoted words themselves report, belong to the quoted speaker's world
and are skipped). Output: each resolved pronoun becomes a reference of its person. The salience of
a person before a pronoun is the sum over their recent mentions of a weight for the grammatical role
(subjects weigh most, as in Lappin and Leass's algorithm), halved for each sentence back; mentions
more than two sentences back are forgotten.
A resolved pronoun counts as a mention for the next pronoun, so chains of "he … he" stay on one person,
and so does a role description resolved before ("the President spoke … He was tired").
"She" with no woman in reach is the only woman the text has named so far, if there is one. A
pronoun reporting a clause is not that clause's named subject ("Roosevelt, he wrote, “has …”"), nor
is "him" the one who records him ("Moran recorded him saying").
A subject pronoun takes the most recent subject of its own or the previous sentence when there is
one: accumulated salience of a person named often before must not beat the person the last clause
was about ("Kennan wrote … He called for …") — unless that subject is in the paragraph before and the
pronoun's own paragraph has turned to another person ("… Stalin added.¶ The next weeks were hard for
Mao. He complained …"), when salience decides.
"""

from __future__ import annotations

import bisect

from chronica import quotemarks
from chronica.coref import Person
from chronica.data import load_set
from chronica.reporting import SUBJECTS
from chronica.model import Document

_WINDOW = 2  # sentences
_SET_OFF = 2  # tokens between a reported clause and the pronoun reporting it ("Churchill was, he wrote")
# Lappin and Leass's factors summed per role: recency 100, subject 80, direct object 50, indirect or
# oblique 40, head noun 80, not inside an adverbial phrase 50; a possessor earns recency only.
_ROLE_WEIGHT = {"nsubj": 310, "nsubjpass": 310, "dobj": 280, "dative": 270, "pobj": 220, "appos": 230,
                "poss": 100}
_OTHER_WEIGHT = 180
_FEMALE = {"she", "her"}
_SUBJECT_WEIGHT = _ROLE_WEIGHT["nsubj"]
_PRONOUNS = {"he", "his", "she", "her", "him"}  # subjects and possessors: who speaks, whose report


def _female(person: Person) -> bool:
    """A woman by a title or role ("Mrs. Gandhi", "the Queen", a reference "the Queen" resolved to her)
    or a given name ("Eleanor Roosevelt")."""
    markers = load_set("entities", "female_markers.txt")
    titled = (m.titled.split()[0] for m in person.names if m.titled)
    given = (m.text.split()[0] for m in person.names if " " in m.text)
    return (any(t in markers for t in titled) or any(r[0] in markers for r in person.roles)
            or any(w in markers for alias in person.role_aliases for w in alias.split())  # "the Queen"
            or any(g in load_set("entities", "female_names.txt") for g in given))


def run(doc: Document, people: list[Person], quote_spans: list[tuple[int, int]]) -> None:
    """Resolve he/his/she/her outside quotations; resolved pronouns join their person's references."""
    sentence_starts = [s.start for s in doc.sentences]
    paragraph_starts = [p.start for p in doc.paragraphs]
    quoted = quotemarks.inside(quote_spans)
    speech = load_set("quotes", "speech_verbs.txt")

    def sentence_of(position: int) -> int:
        return bisect.bisect_right(sentence_starts, position) - 1

    # (start, sentence, person, weight, subject of a main clause), by start
    events: list[tuple[int, int, Person, int, bool]] = []
    for person in people:
        for m in person.names:
            token, dep = doc.nlp_docs[m.paragraph][m.token], m.dep
            if quoted(m.start) and dep in SUBJECTS and token.head.lemma_.lower() in speech:
                continue  # "“Mr. Seward said, ‘…’” he recalled": a speaker inside the quotation is not "he"
            if dep == "poss" and token.head.dep_ in SUBJECTS:
                token, dep = token.head, token.head.dep_  # "Stalin’s answer came …": the clause is about Stalin
            events.append((m.start, sentence_of(m.start), person, _ROLE_WEIGHT.get(dep, _OTHER_WEIGHT),
                           _main_subject(token)))
        for start, end in person.references:  # "the President spoke … He was tired": descriptions count too
            index = bisect.bisect_right(paragraph_starts, start) - 1
            span = doc.nlp_docs[index].char_span(start - paragraph_starts[index], end - paragraph_starts[index],
                                                 alignment_mode="expand")
            if span is not None:
                events.append((start, sentence_of(start), person, _ROLE_WEIGHT.get(span.root.dep_, _OTHER_WEIGHT),
                               _main_subject(span.root)))
    events.sort(key=lambda e: e[0])
    female = {id(p): _female(p) for p in people}
    pronouns = []
    for index, parsed in enumerate(doc.nlp_docs):
        offset = doc.paragraphs[index].start
        for token in parsed:
            lower = token.lower_
            if (lower in _PRONOUNS and token.tag_ in {"PRP", "PRP$"} and not quoted(offset + token.idx)
                    and (lower != "him" or token.dep_ in SUBJECTS)):  # "Moran recorded him saying"
                pronouns.append((offset + token.idx, len(token.text), lower in _FEMALE, token.dep_,
                                 _main_subject(token), [(offset + a, offset + b) for a, b in _reported(token)]))
    for start, length, is_she, dep, main, reported in pronouns:
        sentence = sentence_of(start)
        scores: dict[int, float] = {}
        keep: dict[int, Person] = {}
        barred = {id(e[2]) for a, b in reported
                  for e in events[bisect.bisect_left(events, a, key=lambda e: e[0]):
                                  bisect.bisect_left(events, b, key=lambda e: e[0])]}
        i = bisect.bisect_left(events, start, key=lambda e: e[0]) - 1
        while i >= 0 and sentence - events[i][1] <= _WINDOW:
            _, s, person, weight, _ = events[i]
            if female[id(person)] == is_she and id(person) not in barred:
                scores[id(person)] = scores.get(id(person), 0.0) + weight * 0.5 ** (sentence - s)
                keep[id(person)] = person
            i -= 1
        if not scores:
            # "she" with no woman in reach: the only woman the text has named so far, if there is one
            women = {id(e[2]): e[2] for e in events[:bisect.bisect_left(events, start, key=lambda e: e[0])]
                     if female[id(e[2])]} if is_she else {}
            if len(women) != 1:
                continue
            keep = women
            scores = {key: 1.0 for key in women}
        best = keep[max(scores, key=scores.__getitem__)]
        if dep in SUBJECTS:
            best = _recent_subject(events, start, sentence, female, is_she, paragraph_starts, barred) or best
        best.references.append((start, start + length))
        bisect.insort(events, (start, sentence, best, _ROLE_WEIGHT.get(dep, _OTHER_WEIGHT), main), key=lambda e: e[0])


def _main_subject(token) -> bool:
    """Whether a name or pronoun is the subject of a main clause ("Khrushchev sent …", not "what Scali reported")."""
    if token.dep_ not in SUBJECTS:
        return False
    verb = token.head
    while verb.dep_ == "conj" and verb.head != verb:
        verb = verb.head
    return verb.dep_ == "ROOT"


def _reported(token) -> list[tuple[int, int]]:
    """Where the people a pronoun cannot stand for are named: the subject of the clause it reports
    ("Roosevelt, he wrote, “has …”", "Churchill was, he had written, “…”") or the subject of the verb
    it is the accusative subject under ("Moran recorded him saying"). Character spans within the
    paragraph."""
    verb = token.head
    if token.dep_ in SUBJECTS and token.lower_ in {"him", "her"} and verb.head.i != verb.i:
        # "Moran recorded him saying": whoever records, hears or sees is not the one seen
        return [(t.left_edge.idx, t.right_edge.idx + len(t.right_edge)) for t in verb.head.children
                if t.dep_ in SUBJECTS]
    if token.dep_ not in SUBJECTS or verb.lemma_.lower() not in load_set("quotes", "speech_verbs.txt"):
        return []
    set_off = token.i > 0 and token.doc[token.i - 1].text == ","  # "X was, he …", not "X had doubts; he …"
    clauses = [verb.head] if verb.dep_ == "parataxis" else [
        c for c in verb.children if c.dep_ == "ccomp" and set_off and 0 < token.i - c.right_edge.i <= _SET_OFF]
    return [(t.left_edge.idx, t.right_edge.idx + len(t.right_edge)) for c in clauses for t in c.children
            if t.dep_ in SUBJECTS and t.i < token.i and t.pos_ != "PRON"]  # "He would stay, he said": one man


def _recent_subject(events: list, start: int, sentence: int, female: dict[int, bool], is_she: bool,
                    paragraph_starts: list[int], barred: set[int]) -> Person | None:
    """The person a subject pronoun most likely continues: the latest subject before it in its own
    sentence; else the latest subject of a main clause in the two sentences before (a person named in a
    subordinate clause — "what Scali reported" — is not what the text is about); else the latest subject
    of the sentence before."""
    i = bisect.bisect_left(events, start, key=lambda e: e[0]) - 1
    fallback = None
    paragraph = bisect.bisect_right(paragraph_starts, start)
    here: set[int] = set()  # people named earlier in the pronoun's own paragraph
    while i >= 0 and sentence - events[i][1] <= _WINDOW:
        position, s, person, weight, main = events[i]
        if female[id(person)] == is_she and id(person) not in barred:
            # "… Stalin added.¶ The next weeks were hard for Mao. He complained …": a main subject of the
            # paragraph before does not win over a person this paragraph has turned to
            elsewhere = bisect.bisect_right(paragraph_starts, position) != paragraph
            turned = elsewhere and bool(here - {id(person)})
            if weight == _SUBJECT_WEIGHT and (s == sentence or (main and not turned)):
                return person
            if weight == _SUBJECT_WEIGHT and sentence - s <= 1 and fallback is None:
                fallback = person
            if not elsewhere:
                here.add(id(person))
        i -= 1
    return fallback
