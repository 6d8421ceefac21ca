"""A short, readable summary of one clause, in the style of a chronology row.

Built from the clause's own words, not generated: the subject (a pronoun replaced by the name it
stands for, a relative pronoun by the noun it relates to), the verb group, objects and the
phrases that say where and by whom. Dropped: the date (the chronology has a column for it),
scene-setting adverbials before the subject, discourse adverbs, parentheses, and for a passive
the auxiliary ("Treaty ... signed in the Kremlin by the USSR and the PRC"). Long clauses lose
their last phrases first, so the summary stays a clause rather than a cut-off sentence.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from spacy.tokens import Token

from chronica.clauses import Clause, is_clause_head, own_tokens

_DROP_CHILDREN = frozenset({"advmod", "npadvmod", "mark", "cc", "punct", "intj", "dep", "meta", "preconj"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
_RELATIVE_WORDS = frozenset({"that", "which", "who", "whom"})
_NP_LEFT = frozenset({"det", "amod", "compound", "nummod", "poss", "nmod", "case", "quantmod"})
_INHERIT_SUBJECT = frozenset({"conj", "advcl", "pcomp", "xcomp"})
_FINITE = frozenset({"VBD", "VBZ", "VBP", "MD"})
_WH_TAGS = frozenset({"WDT", "WP", "WP$"})
_PUNCT_RUN = re.compile(r"([,;:])(?:\s*[,;:])+")
_TRAILING_CONJUNCTION = re.compile(r"[\s,]+(?:and|but|or|nor|yet)$")
_SPACED_PUNCT = re.compile(r"\s+([,;:.])")

NameOf = Callable[[Token], str | None]  # the name a pronoun stands for, when known


def summarize(clause: Clause, dates: set[int], name_of: NameOf, max_words: int, relativizers: frozenset[str]) -> str:
    """The clause as a headline; ``dates`` are token indices of its temporal expressions."""
    head = clause.head
    keep = _content(clause, dates) | _complement(clause, dates)
    subject, replace, prefix = _subject(clause, name_of, relativizers)
    suffix_after: dict[int, str] = {}
    if head.dep_ == "relcl" and subject is not None and _relative_in(subject, relativizers) is None \
            and head.head.i not in dates and head.head.ent_type_ != "DATE" and not _passive(clause):
        if not any(c.dep_ in {"dobj", "ccomp", "xcomp", "attr", "acomp"} for c in clause.trigger.children):
            anchor = max((c for c in clause.trigger.children if c.dep_ == "prt"), key=lambda t: t.i,
                         default=clause.trigger)
            suffix_after[anchor.i] = noun_phrase(head.head)
    order, cut = _trim(clause, sorted(keep), max_words - len(prefix.split()))
    if prefix and order and head.doc[order[0]].tag_ == "VBN":
        replace.setdefault(order[0], head.doc[order[0]].lower_)  # "The Treaty ... negotiated primarily by"
    text = _join(prefix, [head.doc[i] for i in order], replace, suffix_after)
    text = _SPACED_PUNCT.sub(r"\1", _PUNCT_RUN.sub(r"\1", text)).strip(" ,;:—–-")
    text = _TRAILING_CONJUNCTION.sub("", text)
    text = text + "…" if cut else text
    return text[:1].upper() + text[1:] if text else clause.trigger.text


def _complement(clause: Clause, dates: set[int]) -> set[int]:
    """A complement clause when the verb would otherwise end the summary ("Truman requested" ->
    "Truman requested Congress provide $400,000,000 worth of aid ..."): a report or request says
    nothing without what was reported or requested. Its own words, without dates and "that"."""
    trigger = clause.trigger
    if any(t.i > trigger.i and not t.is_punct and t.dep_ not in {"prt", "neg"} for t in clause.tokens):
        return set()
    complement = next((c for c in trigger.children if c.dep_ in {"ccomp", "xcomp"} and c.i > trigger.i
                       and is_clause_head(c)), None)
    if complement is None:
        return set()
    words = own_tokens(complement)
    doc = trigger.doc
    if any(t.is_quote or t.text == ":" for t in [*doc[trigger.i + 1:complement.left_edge.i], *words]):
        return set()  # quoted words are the quotation's, not a headline's
    return {t.i for t in words if t.i not in dates
            and not (t.dep_ == "mark" and t.head.i == complement.i) and not t.is_punct}


def has_subject(clause: Clause, name_of: NameOf, relativizers: frozenset[str]) -> bool:
    """Whether the summary names who or what acted: a clause without ("Flew to bases in England")
    is a fragment the parser cut from its sentence, not a row a historian can read."""
    subject, _, prefix = _subject(clause, name_of, relativizers)
    return subject is not None or bool(prefix)


def _subject(clause: Clause, name_of: NameOf,
             relativizers: frozenset[str]) -> tuple[Token | None, dict[int, str], str]:
    """The clause's subject, the words that replace its pronouns, and a subject shared from outside.

    A relative pronoun becomes the noun it relates to, also inside the subject ("each of which
    took charge" -> "each of all four occupiers took charge", "whose Foreign Secretary" -> "the
    British's Foreign Secretary"); a personal pronoun becomes the name it stands for.
    """
    head = clause.head
    subject = next((t for t in clause.tokens if t.dep_ in _SUBJECTS and t.head.i in _verb_group(clause)), None)
    if subject is None:
        return None, {}, _outer_subject(head, name_of, relativizers)
    replace: dict[int, str] = {}
    relative = _relative_in(subject, relativizers) if head.dep_ == "relcl" else None
    if relative is not None:
        noun = noun_phrase(head.head)
        replace[relative.i] = noun + "’s" if relative.tag_ == "WP$" else noun
    elif subject.pos_ == "PRON" and subject.lower_ not in relativizers:
        name = name_of(subject)
        if name:
            replace[subject.i] = name
    return subject, replace, ""


def _relative_in(subject: Token, relativizers: frozenset[str]) -> Token | None:
    return next((t for t in subject.subtree if t.lower_ in relativizers and t.tag_ in _WH_TAGS), None)


def noun_phrase(noun: Token) -> str:
    """A noun with its determiners and modifiers, and an "of" phrase: "a session of the UN Security Council"."""
    tokens = [noun]
    for child in noun.children:
        if child.dep_ in _NP_LEFT and child.i < noun.i:
            tokens.extend(child.subtree)
        elif child.dep_ == "prep" and child.lower_ == "of" and child.i > noun.i:
            tokens.extend(t for t in child.subtree if not is_clause_head(t))
    tokens.sort(key=lambda t: t.i)
    return "".join(t.text_with_ws for t in tokens).strip()


def _verb_group(clause: Clause) -> set[int]:
    ids = {clause.head.i, clause.trigger.i}
    token = clause.trigger
    while token.i != clause.head.i and token.head.i != token.i:
        token = token.head
        ids.add(token.i)
    return ids


def _content(clause: Clause, dates: set[int]) -> set[int]:
    """Token indices worth keeping: the clause minus dates, frames, discourse words, asides."""
    group = _verb_group(clause)
    subject_start = min((t.left_edge.i for t in clause.tokens if t.dep_ in _SUBJECTS and t.head.i in group),
                        default=clause.head.i)
    dropped: set[int] = set()
    own = clause.token_ids
    for verb in group:
        token = clause.head.doc[verb]
        for child in token.children:
            if child.i not in own:
                continue
            sub = [t.i for t in child.subtree if t.i in own]
            if child.dep_ == "cc" and not any(is_clause_head(c) for c in token.children if c.dep_ == "conj"):
                continue  # "and" inside the clause ("a pro-Soviet government ... and a pro-Western one")
            if child.dep_ in _DROP_CHILDREN and child.lower_ not in {"not", "n't", "never"}:
                dropped.update(sub)
            elif child.dep_ in {"prep", "advcl"} and child.i < subject_start:
                dropped.update(sub)  # "After some tough negotiating, ..." sets the scene
                dropped.difference_update(_misattached_subject(sub, dates, subject_start))
            elif child.dep_ in {"aux", "auxpass"} and _passive(clause) and child.i < clause.trigger.i \
                    and (child.tag_ in _FINITE or child.tag_ == "VBN"):
                dropped.add(child.i)  # headline passive: "Treaty ... (had been) signed in the Kremlin"
            elif child.dep_ in {"prep", "agent"} and all(t in dates or clause.head.doc[t].is_punct or t == child.i
                                                         or clause.head.doc[t].dep_ == "det" for t in sub):
                dropped.update(sub)  # "on 14 February"
            elif child.dep_ in {"dobj", "mark"} and child.lower_ in _RELATIVE_WORDS \
                    and clause.head.dep_ in {"relcl", "ccomp"}:
                dropped.add(child.i)  # "(that) talks resumed"
    if clause.head.lemma_ == "be" and clause.head.i != clause.trigger.i:
        dropped.add(clause.head.i)  # "they were to be returned" -> "they to be returned"
    dropped.update(dates)
    dropped.update(_parenthesized(clause))
    kept = {t.i for t in clause.tokens} - dropped
    doc = clause.head.doc
    for i in sorted(kept, reverse=True):  # a preposition whose object went with a nested clause or a date
        token = doc[i]
        if token.dep_ in {"prep", "agent"} and not any(c.i in kept for c in token.children):
            kept.discard(i)
    for i in sorted(kept):  # commas left at the edge of what was taken out
        if doc[i].is_punct and doc[i].text in ",;:" and (i - 1 not in kept or i + 1 not in kept):
            kept.discard(i)
    return kept


def _misattached_subject(frame: list[int], dates: set[int], subject_start: int) -> set[int]:
    """Words a small parser hangs on a date that belong to the subject after it.

    In "on 14 February the Treaty of Friendship, Alliance, and Mutual Assistance was signed" the
    parser makes "the Treaty of Friendship, Alliance, and" part of the date phrase; the run of
    words between the date and the subject is given back to the subject.
    """
    in_frame = set(frame)
    last_date = max((i for i in frame if i in dates), default=None)
    if last_date is None or subject_start - 1 not in in_frame:
        return set()
    run = set(range(last_date + 1, subject_start))
    return run if run <= in_frame else set()


def _passive(clause: Clause) -> bool:
    return any(c.dep_ in {"auxpass", "nsubjpass"} for c in clause.trigger.children)


def _parenthesized(clause: Clause) -> set[int]:
    inside, depth = set(), 0
    for token in clause.tokens:
        if token.text in "([":
            depth += 1
        if depth:
            inside.add(token.i)
        if token.text in ")]" and depth:
            depth -= 1
    return inside


def _outer_subject(head: Token, name_of: NameOf, relativizers: frozenset[str]) -> str:
    """The subject a clause shares with the one it hangs from ("Stalin stopped, paused, and ...")."""
    if head.dep_ in {"acl", "relcl"}:
        return noun_phrase(head.head)
    token = head
    while token.dep_ in _INHERIT_SUBJECT or (token.dep_ == "prep" and token is not head):
        token = token.head
        if token.dep_ == "prep":
            continue
        subject = next((c for c in token.children if c.dep_ in _SUBJECTS), None)
        if subject is not None:
            if subject.lower_ in relativizers and token.dep_ == "relcl":
                return noun_phrase(token.head)  # "a program, which was announced ... and commenced"
            if subject.pos_ == "PRON":
                return name_of(subject) or ("" if subject.lower_ in relativizers else subject.text)
            return noun_phrase(subject)
    return ""


def _trim(clause: Clause, order: list[int], max_words: int) -> tuple[list[int], bool]:
    """Drop the last phrases of the clause (after the trigger) until it is short enough.

    Returns the tokens kept and whether words had to be cut mid-phrase (shown as "…").
    """
    words = [i for i in order if not clause.head.doc[i].is_punct]
    if len(words) <= max_words:
        return order, False
    kept = set(order)
    tails = sorted((c for c in clause.trigger.children if c.i > clause.trigger.i and c.dep_ not in {"prt", "neg"}),
                   key=lambda t: -t.i)
    for child in tails:
        kept -= {t.i for t in child.subtree}
        if sum(1 for i in kept if not clause.head.doc[i].is_punct) <= max_words:
            break
    order = [i for i in order if i in kept]
    words = [i for i in order if not clause.head.doc[i].is_punct]
    if len(words) <= max_words:
        return order, False
    return [i for i in order if i <= words[max_words - 1]], True


def _join(prefix: str, tokens: list[Token], replace: dict[int, str], suffix_after: dict[int, str]) -> str:
    """Words spaced as in the source; where words were left out between two, one space."""
    out: list[str] = [prefix + " "] if prefix else []
    for n, token in enumerate(tokens):
        out.append(replace.get(token.i, token.text))
        if token.i in suffix_after:
            out.append(" " + suffix_after[token.i])
        nxt = tokens[n + 1] if n + 1 < len(tokens) else None
        out.append(" " if token.whitespace_ or (nxt is not None and nxt.i != token.i + 1) else "")
    return re.sub(r"\s+", " ", "".join(out)).strip()
