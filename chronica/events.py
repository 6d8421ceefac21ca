"""Events stage: one event per happening clause, dated, with actors, patients, places and a summary.

Per sentence, every clause (see :mod:`chronica.clauses`) that narrates a happening becomes an
event. Its date is, in order of preference:

1. a date in the clause's own words ("In late 1948 Soviet troops left ...");
2. the date of the clause or date expression it hangs from ("It was not until 22 January 1950
   that talks resumed"), else the nearest date of the sentence;
3. a year that only names a thing ("under the 1945 agreement"), when the sentence has no other;
4. for a past-tense narrative clause in an undated sentence shortly after a dated episode in the
   same section, that episode's date one step coarser, ``inferred: true`` (see
   :func:`chronica.chronology.carried`); only a year or finer frames an episode (nothing is
   carried from "the nineteenth century"). Not carried onto a past perfect ("Stalin had
   refrained"), commentary ("problems influenced the decision", ``commentary.json``) or what a
   document stipulates ("the treaty set maximum tonnage"); the episode ends at a sentence set in a
   named war or era outside it ("During World War II", :mod:`chronica.eras`) or bounded by a later
   date ("By 1930 ...").

An opening participle with a date of its own ("Negotiated in 1950 and 1951, the Treaty ... ended
the war") is its own event on that date; the main clause comes after it (``ON_OR_AFTER``, open
end). A date compared to ("As in 1927, Japan insisted") dates nothing, and a narrator's question
("Did the two sides reach ...?") tells no happening.

A date introduced by "since" starts a state and dates nothing; one introduced by "by", "before"
or "until" bounds the happening and is kept with that mod (``ON_OR_BEFORE``, ``BEFORE``).

Clauses in quoted speech, negated clauses and state, copula or attitude verbs (even dated: "Berlin
lay inside the Soviet zone") are not happenings;
reporting verbs only when dated in their own clause; future, habitual and hypothetical clauses
(``modality``) only when their own words carry a date (a provision "to be returned to China by
the end of 1952"), never with a carried date. A dated sentence with no happening clause still
gives one event (an event noun it dates, else its main clause), so no dated statement is lost.
Mentions of one happening are then merged and the events put in time order. The stage also
finds whom each quotation is addressed to (:mod:`chronica.addressees`), as it needs the parse too.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Span, Token

from chronica import addressees, chronology, eras
from chronica.clauses import Clause, clauses
from chronica.data import load_json, load_set
from chronica.mention_index import MentionIndex
from chronica.model import Document, Entity, Event, EventDate, Timex
from chronica.summaries import NameOf, has_subject, summarize

_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
_PATIENTS = frozenset({"dobj", "nsubjpass", "dative", "attr", "oprd"})
_NARRATIVE_DEPS = frozenset({"ROOT", "conj", "advcl"})
_KEPT_DATE_ROLES = frozenset({"nsubj", "nsubjpass", "dobj", "attr"})


@dataclass(frozen=True)
class Lexicon:
    event_nouns: frozenset[str]
    non_events: frozenset[str]
    reporting: frozenset[str]
    place_preps: frozenset[str]
    participant_preps: frozenset[str]
    actor_types: frozenset[str]
    place_types: frozenset[str]
    person_pronouns: frozenset[str]
    relativizers: frozenset[str]
    temporal_preps: frozenset[str]
    posterior_preps: frozenset[str]
    state_start_preps: frozenset[str]
    bound_preps: dict[str, str]
    comparison_words: frozenset[str]
    commentary_verbs: frozenset[str]
    provision_subjects: frozenset[str]
    provision_verbs: frozenset[str]
    carry_sentences: int
    carry_paragraphs: int
    summary_words: int


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    roles = load_json("events", "roles.json")
    policy = load_json("events", "chronology.json")
    commentary = load_json("events", "commentary.json")
    return Lexicon(
        event_nouns=load_set("events", "event_nouns.txt"),
        non_events=load_set("events", "non_event_verbs.txt"),
        reporting=load_set("events", "reporting_verbs.txt"),
        place_preps=frozenset(roles["place_prepositions"]),
        participant_preps=frozenset(roles["participant_prepositions"]),
        actor_types=frozenset(roles["actor_types"]),
        place_types=frozenset(roles["place_types"]),
        person_pronouns=frozenset(roles["person_pronouns"]),
        relativizers=frozenset(roles["relativizers"]),
        temporal_preps=frozenset(roles["temporal_prepositions"]),
        posterior_preps=frozenset(roles["posterior_prepositions"]),
        state_start_preps=frozenset(roles["state_start_prepositions"]),
        bound_preps=dict(roles["bound_prepositions"]),
        comparison_words=frozenset(commentary["comparison_words"]),
        commentary_verbs=frozenset(commentary["commentary_verbs"]),
        provision_subjects=frozenset(commentary["provision_subjects"]),
        provision_verbs=frozenset(commentary["provision_verbs"]),
        carry_sentences=int(policy["carry_sentences"]),
        carry_paragraphs=int(policy["carry_paragraphs"]),
        summary_words=int(policy["summary_words"]),
    )


@dataclass
class _Clock:
    """The last stated date of a happening: undated narrative after it continues its episode."""

    timex: Timex
    sentence: int
    paragraph: int
    section: int | None


@dataclass
class _Sentence:
    """One sentence being read: its parse, offsets and date expressions by token."""

    span: Span
    offset: int  # where the paragraph's parse starts in Document.text
    index: int
    paragraph: int
    timex_of: dict[int, Timex]  # token index -> usable timex covering it
    naming: set[str]  # ids of timexes that only name a thing ("the 1945 agreement")
    after: dict[str, Token]  # timex id -> the earlier happening it dates ("after the outbreak ... in May 1898")
    bounds: dict[str, str]  # timex id -> TIMEX3 mod of a date that bounds the clause ("by 1 May 1950")
    skipped: set[int]  # token indices of dates that cannot date a happening ("since the nineteenth century")

    def char(self, token: Token) -> int:
        return self.offset + token.idx

    def span_of(self, tokens: list[Token]) -> tuple[int, int]:
        return self.offset + tokens[0].idx, self.offset + tokens[-1].idx + len(tokens[-1])


def run(doc: Document) -> None:
    """Fill ``doc.events`` in time order (and, from the same parses, ``Quote.addressee``)."""
    addressees.run(doc)
    lex = lexicon()
    mentions = MentionIndex(doc.entities)
    speech = sorted((q.start, q.end) for q in doc.quotes if q.kind == "speech")
    timexes = sorted((t for t in doc.timexes if chronology.usable(t)), key=lambda t: t.start)
    timex_starts = [t.start for t in timexes]
    events: list[Event] = []
    lemmas: dict[str, str] = {}  # event id -> merge key: trigger lemma and section
    clock: _Clock | None = None
    for index, sentence in enumerate(doc.sentences):
        if sentence.paragraph >= len(doc.nlp_docs):
            continue
        para = doc.paragraphs[sentence.paragraph]
        parsed = doc.nlp_docs[sentence.paragraph]
        span = parsed.char_span(sentence.start - para.start, sentence.end - para.start, alignment_mode="expand")
        if span is None:
            continue
        lo = bisect.bisect_left(timex_starts, sentence.start)
        hi = bisect.bisect_left(timex_starts, sentence.end)
        in_sentence = [t for t in timexes[lo:hi] if not _inside(speech, t.start)]
        reading = _read(span, para.start, index, sentence.paragraph, in_sentence, lex)
        if clock is not None and _moves_on(doc.text[sentence.start:sentence.end], clock, in_sentence, reading):
            clock = None
        carry = clock if clock is not None and _continues(doc, clock, index, sentence.paragraph, lex) else None
        found = _sentence_events(doc, reading, carry, mentions, speech, lex)
        for event, lemma in found:
            event.id = f"v{len(events) + 1}"
            lemmas[event.id] = f"{lemma}@{para.section}"  # merged within a section only
            events.append(event)
            if event.date is not None and not event.date.inferred and event.modality is None \
                    and event.date.timex not in reading.naming and event.date.timex not in reading.bounds:
                timex = next(t for t in in_sentence if t.id == event.date.timex)
                # a century or decade frames no episode: nothing is carried from it, nor from before it
                clock = _Clock(timex, index, sentence.paragraph, para.section) \
                    if chronology.year_or_finer(timex) else None
    events = chronology.merge(events, lemmas)
    events.sort(key=chronology.sort_key)
    for number, event in enumerate(events, 1):
        event.id = f"v{number}"
    doc.events = events


def _moves_on(text: str, clock: _Clock, in_sentence: list[Timex], s: _Sentence) -> bool:
    """The sentence leaves the clock's episode: it names a war or era the episode is outside ("During
    World War II" after 1937), or bounds its happening by a later date ("By 1930 ..." after 1927)."""
    if any(t.id in s.bounds and t.earliest > clock.timex.latest for t in in_sentence):
        return True
    return eras.excludes(text, clock.timex)


def _inside(spans: list[tuple[int, int]], position: int) -> bool:
    i = bisect.bisect_right(spans, (position, float("inf"))) - 1
    return i >= 0 and spans[i][0] <= position < spans[i][1]


def _continues(doc: Document, clock: _Clock, index: int, paragraph: int, lex: Lexicon) -> bool:
    return (doc.paragraphs[paragraph].section == clock.section
            and index - clock.sentence <= lex.carry_sentences
            and paragraph - clock.paragraph <= lex.carry_paragraphs)


def _read(span: Span, offset: int, index: int, paragraph: int, in_sentence: list[Timex], lex: Lexicon) -> _Sentence:
    timex_of: dict[int, Timex] = {}
    naming: set[str] = set()
    after: dict[str, Token] = {}
    bounds: dict[str, str] = {}
    skipped: set[int] = set()
    for timex in in_sentence:
        tokens = [t for t in span if timex.start <= offset + t.idx < timex.end]
        bound = _bound(tokens, lex) if tokens else None
        if bound == _DATES_NOTHING:
            skipped.update(t.i for t in tokens)
            continue
        if bound is not None:
            bounds[timex.id] = bound
        for token in tokens:
            timex_of[token.i] = timex
        if tokens and _names_a_thing(tokens, timex_of, lex):
            naming.add(timex.id)
        happening = _follows(tokens, lex) if tokens else None
        if happening is not None:
            after[timex.id] = happening
    return _Sentence(span, offset, index, paragraph, timex_of, naming, after, bounds, skipped)


_DATES_NOTHING = "DATES_NOTHING"


def _bound(tokens: list[Token], lex: Lexicon) -> str | None:
    """How a preposition right before a date limits the clause instead of dating it.

    "since the nineteenth century" (also "since its construction in 1869") starts a state and
    "as in 1927" compares: ``_DATES_NOTHING``, the date of no happening. "by 1 May", "before 1952", "until March" give the
    TIMEX3 mod of a date the happening is no later than; "not until 22 January 1950" is the
    happening's own date. None for a framing date.
    """
    if _under_preposition(tokens, lex.state_start_preps):
        return _DATES_NOTHING
    first = tokens[0]
    i = first.i - 1
    while i >= first.sent.start and first.doc[i].dep_ == "det":
        i -= 1  # "by the end of 1952"
    if i < first.sent.start or first.doc[i].pos_ not in {"ADP", "SCONJ"}:
        return None
    word = first.doc[i].lower_
    if word in lex.temporal_preps and i > first.sent.start and first.doc[i - 1].lower_ in lex.comparison_words:
        return _DATES_NOTHING  # "As in 1927, Japan insisted ...": the insisting is not of 1927
    if i > first.sent.start and first.doc[i - 1].lower_ in {"not", "n't"}:
        return None
    return lex.bound_preps.get(word)


def _follows(tokens: list[Token], lex: Lexicon) -> Token | None:
    """In "after <happening> ... <date>" the date is the earlier happening's, not the clause's:
    that happening's noun, or None."""
    ids = {t.i for t in tokens}
    root = next((t for t in tokens if t.head.i not in ids or t.head.i == t.i), tokens[0])
    below, token = root, root.head
    while token.head.i != token.i and token.pos_ not in {"VERB", "AUX"}:
        if token.dep_ == "prep" and token.lower_ in lex.posterior_preps:
            return below if below is not root else None
        below, token = token, token.head
    return None


def _under_preposition(tokens: list[Token], words: frozenset[str]) -> bool:
    """The date hangs (through nouns only) from one of these prepositions, before the next verb
    up the tree, or right after one when the parser attached it elsewhere."""
    first = tokens[0]
    if first.i > first.sent.start and first.doc[first.i - 1].lower_ in words:
        return True
    ids = {t.i for t in tokens}
    token = next((t for t in tokens if t.head.i not in ids or t.head.i == t.i), first)
    while token.head.i != token.i and token.pos_ not in {"VERB", "AUX"}:
        if token.dep_ == "prep" and token.lower_ in words:
            return True
        token = token.head
    return False


def _names_a_thing(tokens: list[Token], timex_of: dict[int, Timex], lex: Lexicon) -> bool:
    """A date that only names a thing ("the 1945 agreement", "the Act of 1924"), not a time frame.

    Framing dates are the object of a temporal preposition, an adverbial ("the following summer"),
    the modifier of an event noun ("the 16 December meeting") or in apposition to a framing date;
    a date right after a temporal preposition frames too, so a misparsed "In late 1948 Soviet
    troops" (1948 as a modifier of "troops") still dates the clause.
    """
    ids = {t.i for t in tokens}
    root = next((t for t in tokens if t.head.i not in ids or t.head.i == t.i), tokens[0])
    first = tokens[0]
    before = first.doc[first.i - 1] if first.i > first.sent.start else None
    if before is not None and before.pos_ == "ADP" and before.lower_ in lex.temporal_preps:
        return False
    if root.head.i == root.i or root.dep_ in {"npadvmod", "advmod", "tmod", "nsubj", "nsubjpass", "ROOT"}:
        return False
    if root.dep_ == "pobj":
        return root.head.lower_ not in lex.temporal_preps
    if root.dep_ == "appos" and root.head.i in timex_of:
        return False  # "that same day, 14 February"
    if root.head.pos_ in {"VERB", "AUX"} or root.head.lemma_.lower() in lex.event_nouns:
        return False
    return True


def _sentence_events(doc: Document, s: _Sentence, carry: _Clock | None, mentions: MentionIndex,
                     speech: list[tuple[int, int]], lex: Lexicon) -> list[tuple[Event, str]]:
    found: list[tuple[Event, str]] = []
    parts = clauses(s.span)
    dated = bool(s.timex_of)
    if _question(s, speech):
        return found  # "Did the two sides reach an agreement?" asks, it does not tell
    fronted = _fronted_participles(parts, s)
    earlier = {t.id for c in fronted for t in _dates_in(c, s)} | _misparsed_participle_dates(s)
    for clause in parts:
        if _inside(speech, s.char(clause.trigger)) or clause.negated or _parenthetical(clause.trigger):
            continue
        if clause.tense == "nonfinite" and not (clause.head.dep_ == "acl" and clause.head.tag_ == "VBN") \
                and clause not in fronted:
            continue  # "on hearing", "to meet": circumstances and purposes, not happenings told
        if clause.tense == "nonfinite" and _purpose(clause):
            continue  # "a treaty designed to protect this new nation": what a thing is for
        lemma = clause.trigger.lemma_.lower()
        own = _own_date(clause, s)
        if _provision(clause, lex) and (own is None or own.id in s.naming):
            continue  # "the treaty set maximum tonnage": what a text stipulates, not a happening
        if (lemma in lex.non_events or clause.trigger.pos_ != "VERB") and not _outcome(clause, own, s, lex):
            continue  # a state ("Berlin lay inside the Soviet zone"), even dated; see _fallback
        if not has_subject(clause, _namer(s, mentions, _floor(doc, s), lex), lex.relativizers):
            continue  # a fragment the parser cut off ("Flew to bases in England"), no readable row
        if lemma in lex.reporting and own is None and not (carry and _named_subject(clause, s, mentions)
                                                           and not _frames_quote(s, speech)):
            continue  # "John Scali reported to the White House that ..." is told; "“...,” Clay said" frames
        inferred = opening = False
        if clause.modality is not None or clause.tense == "present":
            if own is None or own.id in s.naming:
                continue
            date = own
        elif dated:
            if own is None and _earlier_aside(clause):
                continue  # "the type that had dropped the atomic bombs on Japan": not on the sentence's date
            date, opening = (own, False) if own else _sentence_date(clause, s, parts, earlier)
        elif clause.tense == "past" and carry is not None and clause.head.dep_ in _NARRATIVE_DEPS \
                and _takes_carry(clause, lex):
            date, inferred = carry.timex, True
        else:
            continue
        found.append((_event(doc, s, clause, clause.trigger, date, inferred, mentions, lex, opening), lemma))
    for timex_id, noun in s.after.items():  # "After the outbreak of hostilities with Spain in May 1898, ..."
        if noun.lemma_.lower() in lex.event_nouns and not _inside(speech, s.char(noun)):
            timex = next(t for t in s.timex_of.values() if t.id == timex_id)
            found.append((_event(doc, s, None, noun, timex, False, mentions, lex), noun.lemma_.lower()))
    if not found and dated:
        fallback = _fallback(s, parts, speech, lex)
        if fallback is not None:
            trigger, clause = fallback
            date = _own_date(clause, s) if clause is not None else None
            date = date or _nearest(trigger, s, s.timex_of.values())
            found.append((_event(doc, s, clause, trigger, date, False, mentions, lex), trigger.lemma_.lower()))
    return found


def _question(s: _Sentence, speech: list[tuple[int, int]]) -> bool:
    """The sentence ends in a question mark of the narrator's, not of a quotation it ends with."""
    return any(t.text == "?" and not _inside(speech, s.char(t)) for t in s.span[-3:])


def _fronted_participles(parts: list[Clause], s: _Sentence) -> list[Clause]:
    """Participles opening a sentence with a date of their own ("Negotiated in 1950 and 1951, the
    Treaty ... ended the war", "Born in China in 1898, ... Luce developed"): the date is the
    participle's happening; the main clause only comes after it."""
    return [c for c in parts if c.head.dep_ == "advcl" and c.tense == "nonfinite" and c.head.tag_ == "VBN"
            and c.head.i < c.head.head.i and not any(x.dep_ in _SUBJECTS for x in c.head.children)
            and _dates_in(c, s)]


def _misparsed_participle_dates(s: _Sentence) -> set[str]:
    """Dates under an opening participle the parser did not make a clause ("Born in China in 1898
    ..., Luce developed", with "Born" as a compound): the participle's, as for a fronted clause."""
    first = s.span[0]
    if first.tag_ != "VBN" or first.dep_ not in {"compound", "amod", "nmod", "npadvmod", "dep"}:
        return set()
    return {s.timex_of[t.i].id for t in first.subtree if t.i in s.timex_of}


def _dates_in(clause: Clause, s: _Sentence) -> list[Timex]:
    return [s.timex_of[t.i] for t in clause.tokens if t.i in s.timex_of and s.timex_of[t.i].id not in s.naming]


def _takes_carry(clause: Clause, lex: Lexicon) -> bool:
    """Whether an undated clause continues the episode it follows, so takes its date.

    Not a past perfect ("Stalin had refrained from ..."), which tells of something earlier, nor
    commentary ("problems influenced the decision", "the decision marked the end of ...").
    """
    if clause.trigger.lemma_.lower() in lex.commentary_verbs:
        return False
    return not any(c.dep_ == "aux" and c.lemma_ == "have" and c.tag_ == "VBD" for c in clause.head.children)


def _provision(clause: Clause, lex: Lexicon) -> bool:
    """A document as the subject of a verb of stipulating ("the terms of the treaty granted ...")."""
    if clause.trigger.lemma_.lower() not in lex.provision_verbs:
        return False
    subject = next((c for c in clause.trigger.children if c.dep_ == "nsubj"), None)
    return subject is not None and subject.lemma_.lower() in lex.provision_subjects


def _purpose(clause: Clause) -> bool:
    """A participle whose complement is a to-infinitive ("reforms designed to build", "a fund
    intended to aid") says what a thing is for, not what happened to it."""
    return any(c.dep_ == "xcomp" and any(x.dep_ == "aux" and x.lower_ == "to" for x in c.children)
               for c in clause.head.children)


def _earlier_aside(clause: Clause) -> bool:
    """A relative clause in the past perfect tells of something earlier than what its sentence dates."""
    return clause.head.dep_ == "relcl" and any(
        c.dep_ == "aux" and c.lemma_ == "have" and c.tag_ == "VBD" for c in clause.head.children)


def _outcome(clause: Clause, own: Timex | None, s: _Sentence, lex: Lexicon) -> bool:
    """A copula dated in its own words whose subject is a happening tells how it ended
    ("Lodge's attempt to pass amendments was unsuccessful in September"): an event, unlike a
    state of a thing ("Berlin lay inside the Soviet zone")."""
    if own is None or own.id in s.naming or own.id in s.bounds or clause.trigger.lemma_.lower() != "be":
        return False
    subject = next((c for c in clause.trigger.children if c.dep_ == "nsubj"), None)
    return subject is not None and subject.lemma_.lower() in lex.event_nouns


def _named_subject(clause: Clause, s: _Sentence, mentions: MentionIndex) -> bool:
    """The clause's subject names someone ("John Scali reported ..."), unlike "historians note"."""
    subject = next((c for c in clause.trigger.children if c.dep_ == "nsubj"), None)
    return subject is not None and bool(_named(s, list(subject.subtree), mentions))


def _frames_quote(s: _Sentence, speech: list[tuple[int, int]]) -> bool:
    start, end = s.span_of([s.span[0], s.span[-1]])
    i = bisect.bisect_left(speech, (start, -1))
    return (i < len(speech) and speech[i][0] < end) or (i > 0 and speech[i - 1][1] > start)


def _parenthetical(token: Token) -> bool:
    """Inside a parenthesis of its sentence: an aside ("(Yugoslavia abstained ...)")."""
    return token.i in _bracketed(token.doc)


@lru_cache(maxsize=8)
def _bracketed(parsed) -> frozenset[int]:
    """Indices of the tokens inside parentheses or brackets, each sentence on its own; most
    paragraphs have none, and need no walk."""
    if "(" not in parsed.text and "[" not in parsed.text:
        return frozenset()
    inside, depth = set(), 0
    for t in parsed:
        if t.is_sent_start:
            depth = 0
        if depth > 0:
            inside.add(t.i)
        depth += (t.text in "([") - (t.text in ")]" and depth > 0)
    return frozenset(inside)


def _own_date(clause: Clause, s: _Sentence) -> Timex | None:
    """The date in the clause's own words nearest its trigger; a naming year only if nothing else."""
    own = [s.timex_of[t.i] for t in clause.tokens if t.i in s.timex_of]
    if not own:
        return None
    framing = [t for t in own if t.id not in s.naming]
    return _nearest(clause.trigger, s, framing or own)


def _sentence_date(clause: Clause, s: _Sentence, parts: list[Clause],
                   earlier: set[str]) -> tuple[Timex | None, bool]:
    """The date of what the clause hangs from, else the sentence's nearest (framing before naming),
    and whether the clause only follows that date: when the sentence's only framing dates are
    those of an opening participle (``earlier``), the clause comes after them."""
    own_of = {c.head.i: c for c in parts}
    token = clause.head
    while token.head.i != token.i:
        token = token.head
        timex = s.timex_of.get(token.i)
        if timex is not None and timex.id not in s.naming:
            return timex, False
        if token.i in own_of:
            date = _own_date(own_of[token.i], s)
            if date is not None and date.id not in s.naming:
                return date, False
    values = list({t.id: t for t in s.timex_of.values()}.values())
    framing = [t for t in values if t.id not in s.naming]
    later = [t for t in framing if t.id not in earlier]
    if framing and not later:
        return _nearest(clause.trigger, s, framing), True
    return _nearest(clause.trigger, s, later or values), False


def _nearest(trigger: Token, s: _Sentence, candidates) -> Timex | None:
    best: Timex | None = None
    distance = None
    position = s.char(trigger)
    for timex in candidates:
        d = min(abs(timex.start - position), abs(timex.end - position))
        if distance is None or d < distance:
            best, distance = timex, d
    return best


def _fallback(s: _Sentence, parts: list[Clause], speech: list[tuple[int, int]],
              lex: Lexicon) -> tuple[Token, Clause | None] | None:
    """What a dated sentence without a happening clause is about: an event noun near a date, else its main clause."""
    for token in s.span:
        if token.pos_ == "NOUN" and token.lemma_.lower() in lex.event_nouns and not _inside(speech, s.char(token)):
            if any(t.i in s.timex_of for t in token.subtree) or token.i in s.timex_of:
                return token, None
    for clause in parts:
        if clause.head.dep_ == "ROOT" and not clause.negated and not _inside(speech, s.char(clause.head)):
            return clause.trigger, clause
    return None


def _event(doc: Document, s: _Sentence, clause: Clause | None, trigger: Token, timex: Timex | None,
           inferred: bool, mentions: MentionIndex, lex: Lexicon, opening: bool = False) -> Event:
    """``opening``: ``timex`` is an opening participle's date, which the event comes after."""
    sentence = doc.sentences[s.index]
    date: EventDate | None = None
    if timex is not None and opening:
        date = chronology.following(timex)
    elif timex is not None:
        follows = clause is not None and timex.id in s.after
        date = chronology.carried(timex) if inferred else chronology.stated(timex, follows, s.bounds.get(timex.id))
    start = s.char(trigger)
    floor = _floor(doc, s)
    actors, patients, places = _roles(s, clause, trigger, mentions, lex, floor)
    if clause is not None:
        dates = {i for i, timex in s.timex_of.items() if not _is_argument(timex, s)} | s.skipped
        summary = summarize(clause, dates, _namer(s, mentions, floor, lex), lex.summary_words, lex.relativizers)
    else:
        summary = _noun_summary(trigger, s)
    return Event(
        id="", date=date, summary=summary, trigger=trigger.text, actors=actors, places=places,
        sentence=doc.text[sentence.start:sentence.end], sentence_start=sentence.start, sentence_end=sentence.end,
        patients=patients, trigger_start=start, trigger_end=start + len(trigger),
        modality=clause.modality if clause is not None else None, sources=[(sentence.start, sentence.end)],
    )


def _floor(doc: Document, s: _Sentence) -> int:
    """How far back a pronoun may look for the person it stands for: the previous paragraph's start."""
    return doc.paragraphs[max(s.paragraph - 1, 0)].start


def _namer(s: _Sentence, mentions: MentionIndex, floor: int, lex: Lexicon) -> NameOf:
    """The name a personal pronoun of the sentence stands for: the last person named before it."""
    def name_of(token: Token) -> str | None:
        if token.lower_ not in lex.person_pronouns:
            return None
        person = mentions.person_before(s.char(token), floor)
        return person.name if person else None
    return name_of


def _is_argument(timex: Timex, s: _Sentence) -> bool:
    """A date that is the subject or object ("The following days were a bustle ..."), kept in summaries."""
    tokens = [t for t in s.span if t.i in s.timex_of and s.timex_of[t.i] is timex]
    ids = {t.i for t in tokens}
    return any(t.dep_ in _KEPT_DATE_ROLES for t in tokens if t.head.i not in ids)


def _noun_summary(noun: Token, s: _Sentence) -> str:
    tokens = [t for t in noun.subtree if t.i not in s.timex_of and not (t.dep_ == "prep" and all(
        x.i in s.timex_of or x is t for x in t.subtree))]
    text = "".join(t.text_with_ws for t in tokens).strip(" ,;:")
    return text[:1].upper() + text[1:]


def _roles(s: _Sentence, clause: Clause | None, trigger: Token, mentions: MentionIndex, lex: Lexicon,
           floor: int) -> tuple[list[str], list[str], list[str]]:
    """Entity ids of the actors (subject, passive agent, "with"/"among" partners), patients and places."""
    actors: list[Entity] = []
    patients: list[Entity] = []
    places: list[Entity] = []
    if clause is None:
        for entity in _named(s, list(trigger.subtree), mentions):
            (places if entity.type in lex.place_types else actors).append(entity)
        return _ids(actors, lex.actor_types), [], _ids(places, lex.place_types)
    own = clause.token_ids
    verbs = [t for t in clause.tokens if t.pos_ in {"VERB", "AUX"} and (t is clause.head or t.dep_ == "xcomp")]
    subject = next((c for v in verbs for c in v.children if c.dep_ == "nsubj"), None)
    if subject is None and clause.head.dep_ in {"conj", "advcl", "pcomp", "xcomp"}:
        governor = clause.head.head
        while governor.dep_ == "prep" and governor.head.i != governor.i:
            governor = governor.head
        subject = next((c for c in governor.children if c.dep_ == "nsubj"), None)
    if subject is not None:
        if subject.lower_ in lex.person_pronouns:
            person = mentions.person_before(s.char(subject), floor)
            actors += [person] if person else []
        elif subject.lower_ in lex.relativizers and clause.head.dep_ == "relcl":
            noun = clause.head.head
            actors += _named(s, [t for t in noun.subtree if t.i <= noun.i], mentions)
        else:
            actors += _named(s, list(subject.subtree), mentions)
    for verb in verbs:
        for child in verb.children:
            if child.i not in own:
                continue
            if child.dep_ == "agent":
                actors += _named(s, list(child.subtree), mentions)
            elif child.dep_ in _PATIENTS:
                patients += _named(s, list(child.subtree), mentions)
            elif child.dep_ == "prep" and child.lower_ in lex.participant_preps:
                actors += _named(s, list(child.subtree), mentions)
            elif child.dep_ == "prep" and child.lower_ in lex.place_preps:
                places += [e for e in _named(s, list(child.subtree), mentions) if e.type in lex.place_types]
    actor_ids = _ids(actors, lex.actor_types)
    return actor_ids, [i for i in _ids(patients, lex.actor_types | lex.place_types) if i not in actor_ids], \
        _ids(places, lex.place_types)


def _named(s: _Sentence, tokens: list[Token], mentions: MentionIndex) -> list[Entity]:
    tokens = sorted(tokens, key=lambda t: t.i)
    if not tokens:
        return []
    start, end = s.span_of(tokens)
    return mentions.within(start, end)


def _ids(entities: list[Entity], types: frozenset[str]) -> list[str]:
    return list(dict.fromkeys(e.id for e in entities if e.type in types))
