"""The grammar of reporting clauses, on spaCy tokens: who a verb's subject is (inherited through
"…, declaring", object control, "quoted X as saying"), whether it speaks actively, joint subjects,
that-clauses, passive agents and source phrases ("according to X"). Used by
:mod:`chronica.attribution`; pure functions, no document state.
"""

from __future__ import annotations

from chronica.data import load_lines, load_set

SUBJECTS = {"nsubj", "nsubjpass"}
_INHERITS_SUBJECT = {"advcl", "xcomp", "conj", "ccomp", "acl", "pcomp"}


def _inverted(verb):
    """The speaker written after an inverted speech verb set off by commas ("Suez, wrote one minister,
    had been …", "…,” said the President."), which the parser takes for its object."""
    doc = verb.doc
    if verb.i == 0 or doc[verb.i - 1].text not in {",", "”", "\""} or verb.lemma_.lower() not in load_set(
            "quotes", "inverting_verbs.txt"):
        return None
    after = next((c for c in verb.children if c.dep_ == "dobj" and c.pos_ in {"NOUN", "PROPN"}), None)
    if (after is None or after.left_edge.i != verb.i + 1
            or not (after.pos_ == "PROPN" or after.left_edge.dep_ in {"det", "nummod", "poss"})):
        return None
    closing = after.right_edge.i + 1
    return after if closing < len(doc) and doc[closing].text in {",", ".", ";"} else None


def possessor(token) -> bool:
    """Whether a token owns the noun it hangs on ("Brezhnev’s spokesman"), tagged poss or, as the
    parser sometimes has it, a modifier with a possessive ending ("Evelyn’s servant")."""
    return token.dep_ == "poss" or (token.dep_ == "nmod" and any(
        c.dep_ == "case" and c.text in {"’s", "'s", "’", "'"} for c in token.children))


def subject(verb):
    """The subject of a verb, inherited from the governing clause for "…, declaring" and the like, or
    from the object of a verb of asking or causing ("urged Kennedy to declare")."""
    inverted = _inverted(verb)
    if inverted is not None:
        return inverted
    for step in range(3):
        # the subject nearest the verb: "A professor at Wisconsin, Turner postulated" parses two
        subjects = [c for c in verb.children if c.dep_ in SUBJECTS]
        if subjects:
            return min(subjects, key=lambda c: abs(verb.i - c.i))
        if verb.dep_ not in _INHERITS_SUBJECT or verb.head == verb:
            return None
        if verb.dep_ == "pcomp" and verb.head.lower_ == "as":  # "quoted Vandenberg as saying", "was quoted as saying"
            quoted = next((c for c in verb.head.head.children if c.dep_ in {"dobj", "nsubjpass"}), None)
            if quoted is not None:
                return quoted
        if verb.dep_ == "pcomp" and verb.head.dep_ == "prep" and verb.head.head.pos_ in {"VERB", "AUX"}:
            verb = verb.head.head  # "In calling for …, Wilson voiced", "Palmerston opened the meeting by declaring"
            continue
        speech = load_set("quotes", "speech_verbs.txt")
        if verb.dep_ == "xcomp" and step == 0 and verb.head.lemma_.lower() not in speech:
            # "led Roosevelt to condemn …": the object above speaks; but "Seward instructed Adams to
            # warn …" gives Seward's words
            controller = next((c for c in verb.head.children if c.dep_ == "dobj" and c.i < verb.i), None)
            if controller is not None:
                return controller
        if verb.dep_ == "advcl" and verb.tag_ == "VBG":
            # "… when Roosevelt rejected it, asserting that …": the subject written last before the
            # participle, among its head's and the head's other clauses'
            sibling = _nearest_subject(verb)
            if sibling is not None:
                return sibling
        verb = verb.head
    return None


def _nearest_subject(participle):
    """The subject nearest before a participle among those of its head and of the head's other
    adverbial or conjoined clauses before it, when one of those clauses is nearer than the head's own."""
    head = participle.head
    own = [c for c in head.children if c.dep_ in SUBJECTS and c.i < participle.i]
    siblings = [c for clause in head.children if clause.dep_ in {"advcl", "conj"} and clause.i < participle.i
                for c in clause.children if c.dep_ in SUBJECTS]
    nearest = max(own + siblings, key=lambda c: c.i, default=None)
    return nearest if nearest is not None and nearest not in own else None


def active(subject, verb) -> bool:
    """Whether ``subject`` speaks through ``verb``: not the passive subject of the speech verb itself
    ("Roosevelt's approach has been characterized as “…”" names what was described, not who spoke),
    nor what a reduced passive participle describes ("Often referred to as “…”, Reagan …")."""
    if verb.tag_ in {"VBN", "VBD"} and verb.dep_ in {"acl", "advcl", "amod"} and not any(
            c.dep_ in {"aux", "auxpass", "nsubj", "nsubjpass"} for c in verb.children):
        return False  # a participle with no subject or auxiliary of its own: passive
    return not (subject.dep_ == "nsubjpass" and subject.head == verb)


def joint(head, plural: bool = True) -> bool:
    """A subject of several parties or a plural body ("the U.S., British, and Soviet Governments",
    "the three leaders", "Stalin and Churchill"): no single speaker. With ``plural`` false a plural
    tag alone does not count (a name the tagger took for a plural noun: "Welles")."""
    if any(c.dep_ == "appos" and c.pos_ == "PROPN" for c in head.children):
        return False  # "His son and private secretary, Henry Adams,": two roles of one named man
    if plural and head.tag_ == "NNS":
        return True
    return any(t.dep_ == "conj" for left in head.lefts for t in left.subtree) or any(
        c.dep_ == "conj" and c.pos_ in {"PROPN", "NOUN"} for c in head.children)


def complement(clause) -> bool:
    """A that-clause giving a noun's content ("a statement that the blockade was …"), not a relative clause."""
    return any(c.dep_ == "mark" and c.lower_ in {"that", "whether"} for c in clause.children)


def taking_verb(noun):
    """The verb a noun is the object of, directly or through a preposition ("responded with a statement")."""
    if noun.dep_ == "dobj" and noun.head.pos_ == "VERB":
        return noun.head
    if noun.dep_ == "pobj" and noun.head.dep_ == "prep" and noun.head.head.pos_ == "VERB":
        return noun.head.head
    return None


def agent(verb):
    """The "by X" of a passive speech verb ("“…” was declared by the conference")."""
    for child in verb.children:
        if child.dep_ == "agent":
            return next((c for c in child.children if c.dep_ == "pobj"), None)
    return None


def phrase_text(token) -> str:
    """The source phrase starting at ``token`` ("according to"), or ''."""
    doc = token.doc
    for length in (4, 3, 2, 1):
        if token.i + length <= len(doc):
            text = doc[token.i:token.i + length].text.lower()
            if text in load_lines("quotes", "source_phrases.txt"):
                return text
    return ""


def phrase_object(token):
    """The head noun of the phrase after a source phrase: "according to [the Soviet leader]"."""
    doc = token.doc
    length = len(phrase_text(token).split())
    i = token.i + length
    if i >= len(doc):
        return None
    head = doc[i]
    while head.head.i > head.i and head.head.i < len(doc) and head.dep_ in {"det", "amod", "compound", "poss", "nmod",
                                                                              "case", "punct"}:
        head = head.head
    return head if head.pos_ in {"PROPN", "NOUN", "PRON"} else None
