"""Clauses of a parsed sentence: the unit an event is made of.

A sentence is cut at its clause heads (verbs that are the root, or conjoined, adverbial,
relative, complement or participial clauses); each clause keeps its *own* tokens, i.e. its
subtree minus the clauses nested in it, so "In late 1948 Soviet troops left the country, and the
United States began to withdraw its contingent the following summer" gives two clauses, each
with its own date. A to-infinitive complement stays in its governing clause ("began to
withdraw"), and for aspectual verbs listed in ``data/events/complement_verbs.txt`` the complement
is the trigger. The clause also records what grammar says about whether it is a happening:
tense, negation and modality (future, habitual, hypothetical; cues in ``modality.json``).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Span, Token

from chronica.data import load_json, load_set

NESTED = frozenset({"conj", "advcl", "relcl", "ccomp", "acl", "pcomp", "csubj", "csubjpass", "parataxis"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj", "expl"})
_PAST_TAGS = frozenset({"VBD"})
_PRESENT_TAGS = frozenset({"VBZ", "VBP"})


@dataclass(frozen=True)
class Cues:
    """The word lists that decide triggers and modality (loaded once)."""

    complement_verbs: frozenset[str]
    modal_aux: dict[str, str]
    perfect_after_modal: str
    be_to: str
    used_to: str
    hypothetical_marks: frozenset[str]
    habitual_adverbs: frozenset[str]


@lru_cache(maxsize=1)
def cues() -> Cues:
    modality = load_json("events", "modality.json")
    return Cues(
        complement_verbs=load_set("events", "complement_verbs.txt"),
        modal_aux=dict(modality["modal_aux"]),
        perfect_after_modal=modality["perfect_after_modal"],
        be_to=modality["be_to"],
        used_to=modality["used_to"],
        hypothetical_marks=frozenset(modality["hypothetical_marks"]),
        habitual_adverbs=frozenset(modality["habitual_adverbs"]),
    )


@dataclass
class Clause:
    head: Token  # the verb that heads the clause in the parse
    trigger: Token  # the word that names the event (the head, or its complement for "began to X")
    tokens: list[Token]  # the clause's own tokens in text order, nested clauses excluded
    tense: str  # "past" | "present" | "nonfinite"
    modality: str | None  # None | "future" | "habitual" | "hypothetical"
    negated: bool

    @property
    def token_ids(self) -> set[int]:
        return {t.i for t in self.tokens}


def is_clause_head(token: Token) -> bool:
    """A verb heading a clause of its own (an infinitive complement belongs to its governor)."""
    if token.pos_ not in {"VERB", "AUX"}:
        return False
    if token.dep_ == "ROOT":
        return True
    if token.dep_ not in NESTED:
        return False
    # Auxiliaries head a clause as copulas or "be to" constructions: with a subject of their own,
    # or conjoined to another clause ("Mao was seated ... and was the first guest to speak").
    if token.pos_ == "AUX":
        return token.dep_ == "conj" or any(c.dep_ in _SUBJECTS for c in token.children)
    return True


def clauses(sent: Span) -> list[Clause]:
    """Every clause of ``sent``, in the order of their heads."""
    return [_clause(head) for head in sent if is_clause_head(head)]


def own_tokens(head: Token) -> list[Token]:
    """``head``'s subtree without the clauses nested in it (their heads are clause heads)."""
    found: list[Token] = []
    stack = [head]
    while stack:
        token = stack.pop()
        found.append(token)
        stack.extend(c for c in token.children if not is_clause_head(c))
    return sorted(found, key=lambda t: t.i)


def _clause(head: Token) -> Clause:
    c = cues()
    trigger = head
    chain = [head]
    while trigger.lemma_.lower() in c.complement_verbs:
        complement = next((x for x in trigger.children if x.dep_ == "xcomp" and x.pos_ == "VERB"), None)
        if complement is None:
            break
        trigger = complement
        chain.append(trigger)
    auxes = [a for t in chain for a in t.children if a.dep_ in {"aux", "auxpass"}]
    negated = any(x.dep_ == "neg" for t in chain for x in t.children)
    return Clause(head=head, trigger=trigger, tokens=own_tokens(head), tense=_tense(head, auxes),
                  modality=_modality(head, chain, auxes, c), negated=negated)


def _tense(head: Token, auxes: list[Token]) -> str:
    finite = [a for a in auxes if a.tag_ in _PAST_TAGS | _PRESENT_TAGS | {"MD"}]
    if not auxes and head.tag_ == "VBN" and any(c.dep_ == "nsubj" for c in head.children):
        return "past"  # "a statement the Americans made": a past tense the tagger read as a participle
    first = finite[0] if finite else head
    if first.tag_ in _PAST_TAGS:
        return "past"
    if first.tag_ in _PRESENT_TAGS or first.tag_ == "MD":
        return "present"
    return "nonfinite"


def _modality(head: Token, chain: list[Token], auxes: list[Token], c: Cues) -> str | None:
    for i, aux in enumerate(auxes):
        if aux.tag_ == "MD":
            lemma = aux.lemma_.lower()
            if any(a.lemma_.lower() == "have" for a in auxes[i + 1:]) and lemma == "would":
                return c.perfect_after_modal
            return c.modal_aux.get(lemma, "hypothetical")
    for governor, complement in zip(chain, chain[1:]):
        has_to = any(x.dep_ == "aux" and x.lower_ == "to" for x in complement.children)
        if has_to and governor.lemma_.lower() == "be":
            return c.be_to
        if has_to and governor.lemma_.lower() == "use" and governor.tag_ == "VBD":
            return c.used_to
    if any(x.dep_ == "mark" and x.lower_ in c.hypothetical_marks for x in head.children):
        return "hypothetical"
    if any(x.dep_ in {"advmod", "npadvmod"} and x.lower_ in c.habitual_adverbs for t in chain for x in t.children):
        return "habitual"
    return None
