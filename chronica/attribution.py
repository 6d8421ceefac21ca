"""Who said a quotation: cue verbs, source phrases and document nouns around it, as data.

Input: the analyzed Document (parsed paragraphs, entities with their resolved role and pronoun
mentions) and all quotation spans. Output per quotation: the speaking entity (or None), the cue word,
and whether a cue was found at all (a found cue with a generic subject — "some authors have
described …" — means "no named speaker", not "look further").

First the clauses that govern the quotation; then a clause ending in a colon right before it, whatever
its verb ("Reagan challenged his counterpart: “…”"); then cues, nearest to the quotation first,
within its sentence (and the next one when the quotation ends with a comma, the previous one when it
follows a comma or colon): a speech verb (data/quotes/speech_verbs.txt) and its subject, inherited
through "…, declaring" style clauses or from the object of "led X to condemn"; a source phrase
("according to X"); a document noun with an author ("Stalin’s telegram", "instructions he gave").
A subject that is itself a document or body ("the report warned") is the speaker when it names an
entity or a definite description points back to one ("the declaration" → the Cairo Declaration), or,
for a letter or note, the person who wrote or sent it just before. A speech verb set off inside a
clause ("The Soviet Union, he stressed, wanted …") reports the whole clause; a possessor inside the
subject ("Brezhnev’s spokesman") is not the one who speaks. A speech verb's own subject outranks
"according to" beside it (the record, not the speaker), and a speaker heard in a small clause
("Moran recorded him saying") outranks the one who heard.
"""

from __future__ import annotations

import bisect
import itertools
import re
from dataclasses import dataclass
from functools import lru_cache

from chronica import mention_index, quotemarks, reporting
from chronica.data import load_lines, load_set
from chronica.model import Document, Entity

_SUBJECTS = reporting.SUBJECTS
_DOCUMENT_TYPES = {"LAW", "WORK"}
_ADJACENT_CHARS = 40
_IT_SENTENCES = 2
_NAMING_LEMMAS = {"know", "call", "name", "title", "dub"}  # "the report, known as NSC 68,"
_ACTOR_CLIMB = 2  # clauses an uncued quotation's person may be found above its own
_OPENING_WORDS = 4  # how far into the next sentence an attribution after “…!” or “…?” may start
_DEFINITE = {"the", "this", "that"}
_CREDITING = {"credit", "attribute", "ascribe"}  # "a remark credited to Churchill"
_BACK_WORDS = {"this", "that", "these", "those"}  # "spoke those words", "wrote this"
_MARKS = set("“”\"«»")
_OPENING = {"“", "\"", "«", "‘"}
# words that make a quotation someone speaking for themselves rather than a witness's narration
_SPEAKER_WORDS = {"i", "me", "my", "mine", "myself", "we", "us", "our", "ours", "ourselves",
                  "you", "your", "yours", "yourself", "yourselves"}
_PLACES = {"GPE", "LOC", "FAC"}
_STATES = {"GPE", "ORG", "NORP"}  # states and bodies, which a person may speak for
# who can be a source, most likely first; a nationality ("the Soviet leader" unresolved) never is
_PERSON_FIRST = ("PERSON", "ORG", "WORK", "LAW", "GPE", "EVENT", "FAC", "LOC")
_LABEL_WORDS = 2  # "the American “right”", a “standard annuity”
_AGREEMENTS = {"treaty", "agreement", "convention", "pact", "accord"}  # "the agreement" an essay is about
_NAME_LINKS = {"of", "on", "for", "between"}  # a name's head comes before these
_SOMEONE = {"a", "an", "one", "another", "some"}  # before a role noun: an unnamed holder
_PART = re.compile(r"(?:Article|Section|Clause|Annex)\s+[IVXLC\d]+[a-z]?$")  # a part of a document, not a whole
_PART_OF = re.compile(r"\s+of\s+(?:the\s+)?")


@lru_cache(maxsize=1)
def _lexicon() -> tuple[frozenset[str], frozenset[str], tuple[str, ...]]:
    return (load_set("quotes", "speech_verbs.txt"), load_set("quotes", "source_nouns.txt"),
            load_lines("quotes", "source_phrases.txt"))


@dataclass
class Attribution:
    speaker: Entity | None
    cue: str | None
    found: bool  # a cue was found, even if its subject names no entity


def head_word(name: str) -> str:
    """The head noun of a name: the word before its first "of", "on", "for" or "between" ("Treaty of
    Berlin", "Convention on Rights and Duties of States" → treaty, convention), else the last word."""
    words = name.lower().split()
    link = next((i for i, w in enumerate(words) if i and w in _NAME_LINKS), None)
    return words[link - 1] if link is not None else words[-1]


def is_document(entity: Entity) -> bool:
    """A law or work, or a body of text the model typed otherwise ("the United States Constitution")."""
    return (entity.type in _DOCUMENT_TYPES or head_word(entity.name) in load_set("entities", "document_nouns.txt")
            or bool(_PART.match(entity.name)))  # "Article II", which the model may type an event


def _whole_law(entity: Entity) -> bool:
    """A law or treaty, not any work ("the Nobel Peace Prize"), and not a part of one ("Article V")."""
    return ((entity.type == "LAW" or head_word(entity.name) in load_set("entities", "document_nouns.txt"))
            and not _PART.match(entity.name))


def _words_before(verb):
    """The noun an infinitive is written right after ("advice" in "Washington’s advice to avoid"),
    whatever the parser attached the infinitive to."""
    if verb.pos_ != "VERB" or verb.i < 2 or verb.doc[verb.i - 1].lower_ != "to" or verb.doc[verb.i - 1].dep_ != "aux":
        return None
    noun = verb.doc[verb.i - 2]
    return noun if noun.pos_ == "NOUN" else None


class MentionIndex(mention_index.MentionIndex):
    """The shared mention index, plus lookups by head word and of the latest document named."""

    def __init__(self, entities: list[Entity]) -> None:
        super().__init__(entities)
        self._by_head_word: dict[str, list[tuple[int, Entity]]] = {}
        self._documents: list[tuple[int, Entity]] = []
        for s, _, entity in self.rows:
            # a bare "Treaty" names nothing; "NSC-68" does
            if entity.type != "PERSON" and (" " in entity.name or any(c.isdigit() for c in entity.name)):
                self._by_head_word.setdefault(head_word(entity.name), []).append((s, entity))
                if is_document(entity):
                    self._documents.append((s, entity))

    def best(self, start: int, end: int, head: int, exclude: tuple[tuple[int, int], ...] = ()) -> Entity | None:
        """The entity a noun phrase names: a person before anything else, the head's own mention first;
        none of the mentions inside ``exclude`` (the phrase's possessors)."""
        rows = [r for r in self.overlapping(start, end) if not any(s <= r[0] and r[1] <= e for s, e in exclude)]
        for kind in _PERSON_FIRST:
            typed = [r for r in rows if r[2].type == kind]
            if typed:
                return min(typed, key=lambda r: 0 if r[0] <= head < r[1] else 1 + abs(r[0] - head))[2]
        return None

    def last_document(self, before: int, since: int = 0, skip=lambda position: False,
                      accept=lambda entity: True) -> Entity | None:
        """The latest law or work named before ``before`` and not before ``since`` ("the paper" after
        "NSC 68, a policy document") that ``accept`` takes, at a mention ``skip`` does not reject."""
        i = bisect.bisect_left(self._documents, before, key=lambda r: r[0])
        while i and self._documents[i - 1][0] >= since:
            i -= 1
            position, entity = self._documents[i]
            if accept(entity) and not skip(position):
                return entity
        return None

    def first_whole(self, before: int, skip) -> Entity | None:
        """The first law or treaty named before ``before`` that is a whole (see ``_whole_law``)."""
        return next((entity for position, entity in self._documents if position < before and _whole_law(entity)
                     and not skip(position)), None)

    def last_named(self, word: str, before: int) -> Entity | None:
        """The latest entity before ``before`` whose name ends in ``word`` ("the conference" → Yalta Conference)."""
        rows = self._by_head_word.get(word, [])
        i = bisect.bisect_left(rows, before, key=lambda r: r[0])
        return rows[i - 1][1] if i else None


class Attributor:
    """Finds the speaker of each quotation of one document."""

    def __init__(self, doc: Document, quote_spans: list[tuple[int, int]]) -> None:
        self.doc = doc
        self.index = MentionIndex(doc.entities)
        self._quoted = quotemarks.inside(quote_spans)
        self._para_starts = [p.start for p in doc.paragraphs]
        self.verbs, self.nouns, self.phrases = _lexicon()

    def _window(self, position: int) -> int:
        """Where a definite description ("the communiqué") may find its referent: this paragraph or the one before."""
        return self._para_starts[max(0, self.paragraph_of(position) - 1)] if self._para_starts else 0

    def _in_words(self, position: int) -> bool:
        """Whether a name at ``position`` is part of someone's quoted words (“founded on the Laws of
        their Prophet”), not a quoted name of its own (the “Rogers Plan”): no document to point back to."""
        return self._quoted(position) and self.doc.text[position - 1:position] not in _OPENING

    def paragraph_of(self, position: int) -> int:
        return max(0, bisect.bisect_right(self._para_starts, position) - 1)

    def _tokens(self, start: int, end: int):
        """The parsed paragraph of ``start``, its offset, and its tokens that begin in ``[start, end)``."""
        index = self.paragraph_of(start)
        parsed, offset = self.doc.nlp_docs[index], self.doc.paragraphs[index].start
        local_start, local_end = start - offset, min(end - offset, len(parsed.text))
        span = parsed.char_span(local_start, local_end, alignment_mode="expand") if local_start < local_end else None
        return parsed, offset, [] if span is None else [t for t in span if t.idx >= local_start]

    def attribute(self, start: int, end: int, short: bool = False) -> Attribution:
        """Speaker of the quotation ``text[start:end]``: first the clauses that govern it, then cues
        near it in its own sentence(s). A ``short`` fragment (a would-be term) takes only the governing
        clauses: a speech verb elsewhere in the sentence does not make a scare quote speech. A body
        the text names as the source speaks, a conference as much as a report ("the Potsdam
        Conference declared …"); several parties together do not ("the four ministers declared").
        A part of a document speaks for the whole (see ``_whole``)."""
        found = self._attribute(start, end, short)
        if found.speaker is not None and _PART.match(found.speaker.name):
            return Attribution(self._whole(found.speaker, start), found.cue, found.found)
        return found

    def _whole(self, part: Entity, before: int) -> Entity:
        """The document an article belongs to: the one named right after it ("Article XI of the Treaty of
        Guadalupe Hidalgo"), else the latest whole document named, outside quotation marks, in this
        paragraph or the one before ("Known as the Burlingame Treaty, … Article V declared"), else the
        first the text names, the one an essay is about ("The Treaty of Portsmouth, signed on September
        5, 1905, ended …"); the article itself when the text names no document ("Article VII of their
        agreement")."""
        mention = max((m for m in part.mentions if m[0] < before), default=None)
        if mention is None:
            return part
        gap = _PART_OF.match(self.doc.text, mention[1])
        if gap is not None and not self.doc.text.startswith("which", gap.end()):  # "…, Article 8 of which"
            named = [e for *_, e in self.index.overlapping(gap.end(), gap.end() + 1)]
            return next((e for e in named if is_document(e)), part)
        return (self.index.last_document(mention[0], self._window(mention[0]), self._quoted, _whole_law)
                or self.index.first_whole(mention[0], self._quoted) or part)

    def _attribute(self, start: int, end: int, short: bool) -> Attribution:
        introduced = None if short else self._after_colon(start)
        if introduced is not None:
            return introduced
        governed = self._governing(start, end, short)
        if governed is not None and (governed.speaker is not None or short):
            return governed
        introduced = self._colon(start)
        if introduced is not None:
            return introduced
        candidates = []
        first, last = self.paragraph_of(start), self.paragraph_of(max(start, end - 1))
        for index in dict.fromkeys((first, last)):
            parsed, offset = self.doc.nlp_docs[index], self.doc.paragraphs[index].start
            for sent in self._context(parsed, offset, start, end):
                for token in sent:
                    position = offset + token.idx
                    if self._quoted(position):
                        continue
                    distance = start - position - len(token) if position < start else position - end
                    if short and not self._adjacent(start, end, position, len(token), token):
                        continue
                    cue = self._cue(token, offset, start)
                    if cue is not None:
                        candidates.append((distance, token.text if cue != "phrase" else reporting.phrase_text(token),
                                           cue, token, offset))
        for _, cue_text, kind, token, offset in sorted(candidates, key=lambda c: c[0]):
            found, speaker = self._source(kind, token, offset, start)
            if found:
                return Attribution(speaker, cue_text, True)
        return governed or Attribution(None, None, False)

    def _colon(self, start: int) -> Attribution | None:
        """"Reagan challenged his counterpart: “Mr. Gorbachev, …”": a clause ending in a colon right
        before the quotation introduces it, whatever its verb; its subject speaks, or nobody named does."""
        text = self.doc.text
        colon = len(text[:start].rstrip()) - 1
        if colon < 0 or text[colon] != ":":
            return None
        index = self.paragraph_of(colon)
        parsed, offset = self.doc.nlp_docs[index], self.doc.paragraphs[index].start
        before = [t for t in parsed if t.idx < colon - offset and not t.is_punct]
        if not before:
            return None
        verb = before[-1]
        while verb.pos_ not in {"VERB", "AUX"} and verb.head != verb:
            verb = verb.head
        if verb.pos_ not in {"VERB", "AUX"}:
            return None
        while verb.head.pos_ in {"VERB", "AUX"} and (verb.dep_ == "xcomp" or (
                verb.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children))):
            verb = verb.head  # "the sentence that came to define the war effort:": the clause "came" heads
        subject = reporting.subject(verb)
        relative = any(c.lower_ in {"that", "which"} and c.dep_ in {*_SUBJECTS, "dobj"} for c in verb.children)
        above = (reporting.taking_verb(verb.head) if verb.dep_ == "relcl"
                 else verb.head if verb.dep_ == "ccomp" and verb.head.pos_ == "VERB" else None)
        if relative and above is not None and not self._quoted(offset + above.idx):
            # "he offered the line that became its epitaph: “…”", "it used language that both sides
            # could accept: “…”": the relative clause describes the words; the clause above gives them
            verb = above
            subject = reporting.subject(verb)
        quoted = subject is None or self._quoted(offset + subject.idx)
        speaker = None if quoted else self._speaker_of(subject, offset, start)
        words = next((c for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() in self.nouns), None)
        author = None if words is None else self._author(words, offset, start)
        if author is not None:  # "Wu delivered a message from the Minister, Edwin H. Conger: “…”"
            speaker = author
        # "a declaration favored by most nations …: “…”": the introducing clause names nobody, and a cue
        # in the next sentence is not this quotation's
        return Attribution(speaker, verb.text, True)

    def _after_colon(self, start: int) -> Attribution | None:
        """"Kellogg answered with a counterproposal: rather than conclude a bilateral treaty, the United
        States and France should invite “…”": further into a clause that a colon opens after a speech
        act (a speech verb, or a verb of authoring with a word for words), the act's subject speaks —
        unless a speech verb after the colon, with a subject of its own, reports the words itself."""
        parsed, offset, inside = self._tokens(start, start + 1)
        if not inside:
            return None
        first = inside[0]
        colon = next((t for t in reversed(parsed[first.sent.start:first.i]) if t.text == ":"), None)
        if colon is None or colon.i + 1 == first.i or self._quoted(offset + colon.idx) or any(
                self._quoted(offset + t.idx) for t in parsed[colon.i + 1:first.i]) or any(
                a.i > colon.i and self._cue(a, offset, start) == "verb" and any(c.dep_ in _SUBJECTS for c in a.children)
                for a in first.ancestors):
            return None  # right after the colon is ``_colon``'s
        verb = parsed[colon.i - 1] if colon.i > first.sent.start else None
        while verb is not None and verb.pos_ not in {"VERB", "AUX"} and verb.head.i != verb.i:
            verb = verb.head
        if verb is None or verb.pos_ != "VERB" or verb.i > colon.i:
            return None
        words = any(c.lemma_.lower() in self.nouns for c in verb.subtree if c.i < colon.i and (
            c.dep_ == "dobj" or (c.dep_ == "pobj" and c.head.head == verb)))
        speaks = self._cue(verb, offset, start) == "verb" or (
            words and verb.lemma_.lower() in load_set("quotes", "authoring_verbs.txt"))
        subject = reporting.subject(verb) if speaks else None
        if subject is None or self._quoted(offset + subject.idx) or not reporting.active(subject, verb):
            return None
        speaker = self._speaker_of(subject, offset, start)
        return None if speaker is None else Attribution(speaker, verb.text, True)

    def _adjacent(self, start: int, end: int, position: int, length: int, token) -> bool:
        """A cue written right against a short fragment, with the punctuation of attribution:
        ``“The treaty,” Stalin explained`` or ``Stalin replied: “Never.”`` — not merely nearby. A verb
        after the fragment attributes it only with a subject of its own and no other verb between: in
        "rejected the idea of “linkage,” believing that he could speak …" the sentence goes on, it names
        no speaker."""
        text = self.doc.text
        if position >= end:
            gap = text[end:position]
            if text[end - 2:end - 1] != "," or len(gap) > _ADJACENT_CHARS or _MARKS & set(gap):
                return False
            if token.pos_ != "VERB":
                return True
            base = position - token.idx  # where the token's paragraph starts
            i = token.i - 1
            while i >= 0 and base + token.doc[i].idx >= end:  # the few words between quotation and verb
                if token.doc[i].pos_ in {"VERB", "AUX"} or token.doc[i].lower_ == "that":
                    return False
                i -= 1
            return any(c.dep_ in _SUBJECTS for c in token.children)
        gap = text[position + length:start]
        return gap.rstrip()[-1:] in {",", ":"} and len(gap) <= _ADJACENT_CHARS and not _MARKS & set(gap)

    def _governing(self, start: int, end: int, short: bool) -> Attribution | None:
        """The source named by the clauses a quotation sits in, nearest first (see ``_source_at``).

        A speech verb whose subject names nobody ("the administration would not “comment …”") is
        passed over for a reporting clause above it ("Vance cautioned that …"); if none names a
        source, the result says a cue was found but no speaker."""
        parsed, offset, inside = self._tokens(start, end)
        local_start, local_end = start - offset, end - offset
        for token in inside:  # "to “roll back” Soviet power, as Dulles advocated": the clause hangs inside
            reported = token.head.i != token.i and self._speaks(token.head, offset, start)
            found = (self._as_clause(token, offset, start) or self._referred(token, offset, end)
                     or (None if reported else self._according(token, offset, start))
                     or self._parenthetical(token, offset, start)
                     or self._outer_subject(token, offset, local_start, short))
            if found is not None:
                return found
        chain = []
        for token in inside:
            if token.is_punct or local_start <= token.head.idx < local_end:
                continue
            head = token.head
            while head not in chain:
                chain.append(head)
                words = _words_before(head)
                if words is not None and words.lemma_.lower() in self.nouns and words not in chain:
                    chain.append(words)  # "Washington’s advice to avoid “…”", which the parser hangs elsewhere
                if head.head == head or (short and head.dep_ == "pcomp" and head.head.lower_ == "by"):
                    break  # "responded by authorizing … “aggressive self-defense”": an act, not words
                head = head.head
        unnamed = None
        for head in chain:
            if self._quoted(offset + head.idx):
                continue
            found = self._source_at(head, offset, start, short) or self._referred(head, offset, end)
            if found is None and not short and head.pos_ in {"VERB", "AUX"}:
                # "Roosevelt, Churchill, and Stalin agreed to have … “…”": theirs jointly
                subject = reporting.subject(head)
                if subject is not None and reporting.joint(subject) and not self._quoted(offset + subject.idx):
                    found = Attribution(None, head.text, True)
            if found is None and head.pos_ == "NOUN" and head.lemma_.lower() in self.nouns:
                verb = reporting.taking_verb(head)
                if (verb is not None and self._cue(verb, offset, start) == "verb"
                        and verb.lemma_.lower() not in load_set("quotes", "authoring_verbs.txt")):
                    # "Eisenhower dismissed the request that he “intervene”": words whose author the
                    # text leaves unnamed, not the words of the one who answers them
                    return unnamed or Attribution(None, head.text, True)
            if found is not None:
                if found.speaker is not None:
                    return found
                unnamed = unnamed or found
        return unnamed

    def _heard(self, verb, offset: int, before: int) -> Attribution | None:
        """"“…,” Tumulty remembered him saying": a speech verb beside the reporting one, with a
        subject of its own outside the quotation, names the one who spoke."""
        for child in verb.children:
            # "heard Stalin say", "remembered him saying", not "would demand" nor "that they were asking"
            small = child.tag_ in {"VBG", "VB"} and not any(c.dep_ in {"aux", "mark"} for c in child.children)
            if (child.dep_ in {"ccomp", "xcomp", "advcl"} and small
                    and not self._quoted(offset + child.idx) and self._cue(child, offset, before) == "verb"):
                subject = next((c for c in child.children if c.dep_ in _SUBJECTS), None)
                if subject is not None and not self._quoted(offset + subject.idx):
                    return Attribution(self._speaker_of(subject, offset, before), child.text, True)
        return None

    def _reporter(self, verb, offset: int, before: int) -> Entity | None:
        """The person whose speech verb governs a clause ("he stated that the Charter applied “…”", "he
        informed the Russian government that the United States would assert the principle “…”"): the
        words are that person's account of what a document or a state says."""
        node = verb
        while node.head.i != node.i and node.dep_ not in {"relcl", "acl"}:  # not "a treaty, under which …"
            node = node.head
            if node.pos_ == "VERB" and self._speaks(node, offset, before):
                speaker = self._speaker_of(reporting.subject(node), offset, before)
                return speaker if speaker is not None and speaker.type == "PERSON" else None
        return None

    def _speaks(self, verb, offset: int, before: int) -> bool:
        """Whether a speech verb with a subject of its own reports the clause: then its subject speaks,
        and "according to" beside it names only the record ("he assured his ministers, according to
        the diary of Hugh Dalton, that “…”")."""
        subject = reporting.subject(verb)
        return (subject is not None and not self._quoted(offset + subject.idx)
                and self._cue(verb, offset, before) == "verb")

    def _outer_subject(self, verb, offset: int, local_start: int, short: bool) -> Attribution | None:
        """"The Rome Declaration “welcomed the development …”": a quotation that opens on its verb is
        the words of that verb's subject, written just before it."""
        if short or verb.pos_ != "VERB" or verb.dep_ != "ROOT":
            return None
        subject = next((c for c in verb.children if c.dep_ in _SUBJECTS and c.idx < local_start), None)
        if subject is None or verb.doc[subject.right_edge.i + 1:verb.i].text.strip("“\"‘ "):
            return None
        speaker = self._speaker_of(subject, offset, offset + local_start)
        return None if speaker is None else Attribution(speaker, verb.text, True)

    def _source_at(self, head, offset: int, before: int, short: bool) -> Attribution | None:
        """What one governing token says of the source: a speech verb's subject (or passive agent),
        an "as X put it" clause, a noun's possessor ("Kennan’s call for …"), a document noun's author,
        a named law or work ("the Neutrality Act prohibiting …"), or a document as the subject of the
        clause ("the Constitution empowered Congress to …"). A possessor speaks only through a word for
        words ("Kennan’s call for “…”", not "Roosevelt’s attempt to renew “…”" or "Israel’s withdrawal
        from “…”")."""
        if head.pos_ in {"VERB", "AUX"}:
            # a speech verb with its own subject speaks for it; "as Holbrooke recalled" or "according to
            # X" beside it names only the record ("telling Izetbegović, as Holbrooke recalled, that …")
            speaks = self._speaks(head, offset, before)
            found = ((None if speaks else self._as_clause(head, offset, before))
                     or self._parenthetical(head, offset, before)
                     or (None if speaks else self._according(head, offset, before)))
            if found is not None:
                return found
            subject = reporting.subject(head)
            if subject is not None and offset + subject.left_edge.idx <= before <= offset + subject.right_edge.idx:
                return None  # "Kennan’s “Long Telegram” argued": the quotation names the subject, not words
            if short and head.lemma_.lower() in load_set("quotes", "deed_verbs.txt") and any(
                    c.dep_ == "dobj" and offset + c.left_edge.idx <= before <= offset + c.right_edge.idx
                    for c in head.children):
                return None  # "he ordered a naval “quarantine”": the thing ordered, not words
            if self._cue(head, offset, before) == "verb":
                heard = self._heard(head, offset, before)
                if heard is not None:
                    return heard
                agent = reporting.agent(head)
                if agent is not None:
                    return Attribution(self._speaker_of(agent, offset, before), head.text, True)
                if subject is not None and not self._quoted(offset + subject.idx):
                    speaker = self._speaker_of(subject, offset, before) if reporting.active(subject, head) else None
                    return Attribution(self._in_document(head, speaker, offset, before), head.text, True)
            if subject is not None and not self._quoted(offset + subject.idx):
                # "the Constitution empowered …" is a document speaking; "it would be “imprudent”",
                # "the treaty was “vastly advantageous”" and "the telegram to have the effect of “…”"
                # describe it, in someone else's words
                # nor does it speak a label the narrator picks a thing out by ("the Treaty of Paris had
                # distinguished between the American “right” to fish and …", "rising to a “standard annuity”")
                document = (None if subject.lower_ == "it" or head.lemma_ in {"be", "have"}
                            or (short and self._determined(before))
                            else self._document(subject, offset, before))
                if document is not None and self._reporter(head, offset, before) is None:
                    return Attribution(document, head.text, True)
                # the words are the noun's content only after "to", "that" or a colon ("His favorite maxim
                # was to “…”", "Tumulty’s account is the only one: the President “…”"), not a judgement of
                # it ("the statement had been “opportunism”")
                content = (self.doc.text[max(0, before - 6):before].rstrip().lower().endswith((" to", " that"))
                           or ":" in self.doc.text[offset + head.idx:before])
                if (head.lemma_ == "be" and content and subject.pos_ == "NOUN"
                        and subject.lemma_.lower() in self.nouns
                        and subject.lemma_.lower() not in load_set("entities", "document_nouns.txt")):
                    author = self._author(subject, offset, before)  # "His favorite maxim was to “…”"
                    if author is not None:
                        return Attribution(author, subject.text, True)
            return None
        if head.pos_ in {"NOUN", "PROPN"}:
            if any(c.dep_ == "prep" and c.lower_ == "as" and offset + c.idx < before for c in head.children):
                return None  # "reported his remarks as the “Guam Doctrine”": a name for the words, not them
            for child in head.children:
                if child.dep_ == "poss" and head.lemma_.lower() in self.nouns:
                    owner = self._named(child, offset)
                    if owner is not None:
                        return Attribution(owner, head.text, True)
            if head.lemma_.lower() in self.nouns:
                author = self._author(head, offset, before)
                if author is not None:
                    return Attribution(author, head.text, True)
            document = self._named_document(head, offset)
            if document is not None:
                return Attribution(document, head.text, True)
        return None

    def reported(self, start: int, end: int) -> bool:
        """Whether a quotation is given as someone's words: it sits in a that-clause ("a statement that
        the U.S. “blockade” was …") or a passive speech verb follows it ("the “…” referred to by Turner"),
        rather than being the narrator's label."""
        _, offset, tokens = self._tokens(start, end)
        inside = [t for t in tokens if not t.is_punct]
        if not inside:
            return False
        ancestors = list(inside[0].ancestors)
        return any(c.dep_ == "mark" and c.lower_ == "that" for a in ancestors for c in a.children) or any(
            self._referred(t, offset, end) is not None for t in [*inside, *ancestors])

    def label(self, start: int, end: int) -> bool:
        """Whether a short quotation names a thing rather than quoting words: it stands before the noun
        it modifies, after that noun's article ("on a “cash and carry” basis", "the elite “SS” unit"),
        or stands in apposition to a noun ("massive attacks on the North—the “Christmas Bombing.”")."""
        parsed, offset, tokens = self._tokens(start, end)
        inside = [t for t in tokens if not t.is_punct]
        if not inside:
            return False
        root = next((t for t in inside if t.head not in inside or t.head == t), inside[0])
        if (root.dep_ == "appos" and root.head.pos_ == "NOUN" and root.head.i < root.i
                and not self._quoted(offset + root.head.idx)  # "into “two camps,” the “imperialist camp”"
                and set(parsed[root.head.i + 1:inside[0].i].text) & {"—", ",", "("}):
            return True
        after = next((t for t in parsed if t.idx >= end - offset), None)
        return (after is not None and after.pos_ == "NOUN" and after.text.islower()
                and (after.head in inside or any(t.head == after for t in inside))
                and (parsed[max(0, inside[0].i - 2)].pos_ == "DET"
                     or any(c.dep_ in {"det", "poss"} and c.i < inside[0].i for c in after.lefts)))

    def _determined(self, start: int) -> bool:
        """Whether the quotation opening at ``start`` is a noun of one or two words whose article or
        modifier stands before the marks ("a “standard annuity”", "the American “right”"): a label.
        Longer phrases are a document's wording ("the “uncivilized native tribes”")."""
        parsed, offset, _ = self._tokens(start, start + 1)
        first = next((t for t in parsed if t.idx > start - offset and not t.is_punct), None)
        if first is None:
            return False
        words = list(itertools.takewhile(lambda t: self._quoted(offset + t.idx), parsed[first.i:first.i + 3]))
        if len([t for t in words if not t.is_punct]) > _LABEL_WORDS:
            return False
        root = first
        while root.head.i != root.i and root.head.idx > start - offset and self._quoted(offset + root.head.idx):
            root = root.head
        return root.pos_ == "NOUN" and any(
            c.dep_ in {"det", "amod", "poss"} and c.idx < start - offset for c in root.children)

    def nominal(self, start: int, end: int) -> bool:
        """Whether a quotation is a noun phrase (a name or label: “containment”) rather than words of
        another kind ("to rectify shortcomings “quickly and openly”", "that Russia “buy back”")."""
        _, _, tokens = self._tokens(start, end)
        inside = [t for t in tokens if not t.is_punct]
        if not inside:
            return True
        root = next((t for t in inside if t.head not in inside or t.head == t), inside[0])
        # X: a foreign word (“glasnost”); a phrase after a noun's preposition names a thing ("the option of
        # “lift and strike”")
        return root.pos_ in {"NOUN", "PROPN", "PRON", "NUM", "X"} or (
            root.dep_ in {"pobj", "pcomp"} and root.head.head.pos_ == "NOUN")

    def _referred(self, noun, offset: int, end: int) -> Attribution | None:
        """"the “vigorous foreign policy” referred to by Turner": a passive speech verb right after the
        quotation, on a noun above it, whose agent is the source."""
        for child in noun.children:
            if (child.dep_ == "acl" and 0 <= offset + child.idx - end <= _ADJACENT_CHARS
                    and self._cue(child, offset, end) == "verb"):
                agent = reporting.agent(child)
                if agent is not None:
                    return Attribution(self._speaker_of(agent, offset, end), child.text, True)
        return None

    def _as_clause(self, token, offset: int, before: int) -> Attribution | None:
        """"…, as X put it / as X advocated": an as-clause on ``token`` whose subject names a source —
        outside the quotation ("“… as far as America is concerned”" is the speaker's own clause), and
        active ("to the “Stony Mountains,” as the Rocky Mountains were then called" names no speaker)."""
        for child in token.children:
            if child.dep_ == "advcl" and child.pos_ == "VERB" and not self._quoted(offset + child.idx) and any(
                    c.dep_ == "mark" and c.lower_ == "as" for c in child.children):
                subject = reporting.subject(child)
                if subject is not None and subject.head == child and reporting.active(subject, child):
                    speaker = self._speaker_of(subject, offset, before)
                    if speaker is not None:
                        return Attribution(speaker, child.text, True)
        return None

    def _parenthetical(self, token, offset: int, before: int) -> Attribution | None:
        """"The Soviet Union, he stressed, wanted to “formally” preserve …": a speech verb set off
        inside the clause reports the whole clause as its subject's words — unless the clause's own
        verb speaks ("Moltke, he wrote, remarked that … “…”": Moltke's words, as reported)."""
        if self._speaks(token, offset, before):
            return None
        for child in token.children:
            if child.dep_ == "parataxis" and self._cue(child, offset, before) == "verb":
                subject = next((c for c in child.children if c.dep_ in _SUBJECTS), None)
                if subject is not None and not self._quoted(offset + subject.idx):
                    return Attribution(self._speaker_of(subject, offset, before), child.text, True)
        return None

    def _according(self, verb, offset: int, before: int) -> Attribution | None:
        """"According to Dean Rusk, the two sides were “eyeball to eyeball”", "In his words, Korea lay
        outside the “…”": a source phrase on the clause."""
        for child in verb.children:
            phrase = reporting.phrase_text(child)
            if phrase and child.i < verb.i:
                source = reporting.phrase_object(child)
                if source is not None:
                    return Attribution(self._speaker_of(source, offset, before), phrase, True)
            if child.dep_ == "prep" and child.lower_ == "in":
                words = next((c for c in child.children if c.dep_ == "pobj" and c.lemma_.lower() == "word"), None)
                owner = None if words is None else next((c for c in words.children if c.dep_ == "poss"), None)
                if owner is not None:
                    return Attribution(self._speaker_of(owner, offset, before), f"in {owner.text} words", True)
        return None

    def _named_document(self, token, offset: int) -> Entity | None:
        """The law or work a token is part of the name of ("Act" in "the Neutrality Act of 1935")."""
        for _, _, entity in self.index.overlapping(offset + token.idx, offset + token.idx + len(token)):
            if is_document(entity):
                return entity
        return None

    def _document(self, subject, offset: int, before: int) -> Entity | None:
        """A subject that is a document or law: a named one, or "the Act", "this treaty" pointing back —
        to a law named in this paragraph or the one before, else, for "the agreement" or "the treaty",
        to the first the text names, the one an essay is about."""
        named = self._named_document(subject, offset)
        if named is not None:
            return named
        if subject.lower_ == "it":
            return self._it(subject, offset)
        nouns = load_set("entities", "document_nouns.txt")
        owner = next((c for c in subject.children if c.dep_ == "poss" and c.lower_ == "whose"), None)
        if owner is not None and subject.lower_ in nouns:  # "the Treaty of 1882, whose first article provided"
            found = self._named(owner, offset)
            return found if found is not None and is_document(found) else None
        if subject.pos_ in {"NOUN", "PROPN"} and subject.lower_ in nouns:
            found = self.index.last_named(subject.lemma_.lower(), offset + subject.idx)
            if found is None and any(c.lower_ in _DEFINITE for c in subject.lefts):
                found = (self.index.last_document(offset + subject.idx, self._window(offset + subject.idx),
                                                  self._in_words)
                         or (self.index.first_whole(offset + subject.idx, self._in_words)
                             if subject.lemma_.lower() in _AGREEMENTS else None))
            if found is not None and is_document(found):
                return found
        return None

    def _drafted(self, noun, offset: int, before: int) -> Entity | None:
        """The document whose drafters a noun names ("its authors", "the report’s authors", "the
        authors of NSC 68", "Nitze’s group"): a document possessor or "of" object, else the latest
        document named before; "a group of senators" names no document."""
        for child in noun.children:
            if child.dep_ == "prep" and child.lower_ == "of":
                target = next((c for c in child.children if c.dep_ == "pobj"), None)
                return None if target is None else self._document(target, offset, before)
            if child.dep_ == "poss":
                if child.lower_ not in {"its", "their"}:
                    document = self._document(child, offset, before)
                    if document is not None:
                        return document
                    if child.pos_ == "NOUN":  # "the report’s" with no document named: nobody
                        return None
        if not any(c.dep_ == "poss" or c.lower_ in _DEFINITE for c in noun.lefts):
            return None
        return self.index.last_document(offset + noun.idx, self._window(offset + noun.idx), self._in_words)

    def _they(self, pronoun, offset: int, before: int) -> Entity | None:
        """"they" as a source: the drafters named as a subject in its own or the previous sentence
        ("Nitze’s group argued … they concluded")."""
        sent = pronoun.sent
        first = pronoun.doc[sent.start - 1].sent.start if sent.start > 0 else sent.start
        for token in reversed(pronoun.doc[first:pronoun.i]):
            if token.dep_ in _SUBJECTS and token.pos_ == "NOUN" and token.lemma_.lower() in load_set("quotes", "author_nouns.txt"):
                return self._drafted(token, offset, before)
        return None

    def _pair(self, head, offset: int) -> Entity | None:
        """"Dulles and Eden disagreed. The latter insisted …": the last or the one before the last of
        the people named since the sentence before began."""
        sent = head.sent
        first = head.doc[sent.start - 1].sent.start if sent.start > 0 else sent.start
        people: list[Entity] = []
        for _, _, entity in self.index.overlapping(offset + head.doc[first].idx, offset + head.idx):
            if entity.type == "PERSON" and entity not in people[-1:]:
                people.append(entity)
        if len(people) < 2:
            return None
        return people[-1] if head.lower_ == "latter" else people[-2]

    def _it(self, pronoun, offset: int) -> Entity | None:
        """"it" as a source ("“…,” it read"): the document or body that is the subject of one of the
        two sentences before ("The New York Tribune agreed. “…,” it observed")."""
        parsed = pronoun.doc
        sents = [s for s in parsed.sents if s.end <= pronoun.sent.start][-_IT_SENTENCES:]
        for sent in reversed(sents):
            for token in sent:
                if token.dep_ in _SUBJECTS and token.head.dep_ == "ROOT":
                    found = self._document(token, offset, offset + token.idx)
                    if found is None and token.lemma_.lower() in self.nouns:  # "The letter was long. … it read"
                        found = self._author(token, offset, offset + token.idx)
                    if found is None and token.pos_ == "PROPN":
                        body = self._named(token, offset)
                        found = body if body is not None and body.type == "ORG" else None
                    if found is not None:
                        return found
        return None

    def _context(self, parsed, offset: int, start: int, end: int) -> list:
        """The sentences of ``parsed`` around a quotation (see the module docstring)."""
        sents = list(parsed.sents)
        local_start, local_end = start - offset, end - offset
        chosen = [i for i, s in enumerate(sents) if s.start_char < local_end and s.end_char > local_start]
        if not chosen:
            return []
        lo, hi = chosen[0], chosen[-1]
        text = self.doc.text
        after = text[end:end + 3].lstrip()
        exclaimed = text[end - 2:end - 1] in {"!", "?"}
        last = not parsed.text[local_end:sents[hi].end_char].strip()  # "“…,” and it did. France declared": no
        if last and hi + 1 < len(sents) and (
                text[end - 2:end - 1] in {",", "—"} or after[:1].islower() or after[:1] == ","
                or (exclaimed and self._opens_with_cue(sents[hi + 1], offset))):
            hi += 1  # "“…, tear down this wall!” Reagan demanded": the sentence after attributes it
        before = text[max(offset, start - 3):start].rstrip()
        if lo > 0 and before[-1:] in {",", ":"}:
            lo -= 1
        return sents[lo:hi + 1]

    def _opens_with_cue(self, sent, offset: int) -> bool:
        """Whether a sentence opens with a speech verb among its first words ("Reagan demanded …",
        "asked Stalin")."""
        return any(self._cue(t, offset, offset + t.idx) == "verb" for t in list(sent)[:_OPENING_WORDS])

    def _cue(self, token, offset: int, start: int) -> str | None:
        lemma = token.lemma_.lower()
        if token.pos_ == "VERB" and lemma in self.verbs and not any(
                c.dep_ == "xcomp" and not self._quoted(offset + c.idx) for c in token.children):
            return "verb"  # "continued to receive" is not speech; "he said, “to doom …”" is
        if token.pos_ == "VERB" and lemma in load_set("quotes", "clause_verbs.txt") and any(c.dep_ == "ccomp" for c in token.children):
            return "verb"  # "Kennan maintained that …", not "maintained a “presence”"
        if token.pos_ == "VERB" and any(c.dep_ == "prep" and c.lower_ == "in" and any(
                o.dep_ == "pobj" and o.lemma_.lower() in self.nouns for o in c.children) for c in token.children):
            return "verb"  # "In his inaugural address, the President contrasted “…”": it reports the address
        if token.pos_ == "NOUN" and lemma in self.nouns:
            return "noun"
        if reporting.phrase_text(token) in self.phrases:
            return "phrase"
        return None

    def _in_document(self, verb, speaker: Entity | None, offset: int, before: int) -> Entity | None:
        """"In that article, the United Kingdom agreed …", "the United States declared in the Joint
        Communiqué that …", "the Cairo Declaration, in which they demanded … and stated …", "a
        Protocol, by which the signatories declared": a state, a body or the parties speak through the
        document they are said to speak in, or through the person who reports their words."""
        if speaker is not None and speaker.type not in _STATES:
            return speaker
        clause = verb
        while clause.dep_ == "conj" and clause.head.pos_ in {"VERB", "AUX"}:  # "demanded … and stated"
            clause = clause.head
        for head in dict.fromkeys((verb, clause)):
            for child in head.children:
                if child.dep_ == "prep" and child.lower_ in {"in", "by", "under"}:
                    target = next((c for c in child.children if c.dep_ == "pobj"), None)
                    if target is not None and target.lower_ == "which" and head.dep_ == "relcl":
                        target = head.head  # "in which", "by which": the noun the relative clause is on
                    elif child.lower_ != "in":
                        continue
                    document = None if target is None else self._document(target, offset, before)
                    if document is not None:
                        return document
        # "he informed the Russian government that the United States would assert the principle “…”": a
        # person reporting what a state says speaks for it
        return None if speaker is None else self._reporter(verb, offset, before) or speaker

    def _source(self, kind: str, token, offset: int, before: int) -> tuple[bool, Entity | None]:
        if kind == "verb":
            subject = reporting.subject(token)
            if subject is None:
                return False, None
            speaker = self._speaker_of(subject, offset, before) if reporting.active(subject, token) else None
            return True, self._in_document(token, speaker, offset, before)
        if kind == "phrase":
            head = reporting.phrase_object(token)
            return (False, None) if head is None else (True, self._speaker_of(head, offset, before))
        author = self._author(token, offset, before)
        return (author is not None, author)

    def _speaker_of(self, head, offset: int, before: int, owners: bool = False) -> Entity | None:
        """The entity a subject noun phrase stands for (a document's author when it is a document); a
        relative "which" stands for its antecedent, quoted or not ("the “Rogers Plan,” which called for").
        A possessor inside the phrase is not the one who speaks ("Brezhnev’s spokesman declared", "a
        number of the President’s advisors concluded"), unless it owns words ("the tone of the
        President’s remarks") or ``owners`` asks what the phrase is about."""
        antecedent = head.head.head
        if (head.lower_ in {"which", "that", "who"} and head.head.dep_ == "relcl" and antecedent.i < head.i
                and offset + antecedent.idx < before):  # never the quotation being attributed itself
            if antecedent.dep_ == "appos" and antecedent.head.i < antecedent.i:
                antecedent = antecedent.head  # "Edwin M. Stanton, a Democrat who …": the one named
            rows = self.index.overlapping(offset + antecedent.left_edge.idx, offset + antecedent.idx + len(antecedent))
            named = [r[2] for r in rows if r[2].type in {"PERSON", "ORG", "LAW", "WORK"}]
            return named[-1] if named else None
        if head.lower_ == "it":
            return self._it(head, offset)
        if head.lower_ in {"latter", "former"} and any(c.lower_ == "the" for c in head.lefts):
            return self._pair(head, offset)
        if head.lower_ == "they":
            return self._they(head, offset, before)
        named = self._named_document(head, offset) if head.pos_ == "PROPN" else None
        if named is not None:  # "The Fontainebleau Memorandum, which he circulated, warned": the document
            return named
        if head.pos_ == "NOUN" and head.lemma_.lower() in load_set("quotes", "author_nouns.txt"):
            drafted = self._drafted(head, offset, before)
            if drafted is not None:
                return drafted
        if head.lemma_.lower() in self.nouns:
            author = self._author(head, offset, before)
            if author is not None:
                return author
        if reporting.joint(head, plural=self._person(head, offset) is None):  # "Welles" tagged as a plural
            return None
        if head.pos_ == "NOUN" and head.lower_ in load_set("entities", "roles.txt") and any(
                c.dep_ in {"det", "nummod"} and c.lower_ in _SOMEONE for c in head.lefts):
            return None  # "one State Department official observed": somebody the text does not name
        document = self._document(head, offset, before)  # "this treaty with Germany stipulated" → the treaty
        if document is not None:
            return document
        left, right = head.left_edge, head.right_edge
        owned = () if owners else tuple(
            (offset + t.left_edge.idx, offset + t.right_edge.idx + len(t.right_edge)) for t in head.subtree
            if reporting.possessor(t) and t.i != head.i and not {t.head.lemma_.lower(), t.head.lower_} & self.nouns)
        # "The New York Tribune, edited by Horace Greeley,": a clause on the subject names others, unless
        # it names the subject itself ("the committee’s report, soon known as the Dawes Plan,")
        owned += tuple((offset + c.left_edge.idx, offset + c.right_edge.idx + len(c.right_edge))
                       for c in head.children if c.dep_ in {"acl", "relcl"}
                       and not any(t.lemma_.lower() in _NAMING_LEMMAS for t in c.subtree))
        # "Anatoly Chernyaev, foreign policy advisor to Gorbachev": a person before the head's
        # prepositional phrase, not the one the phrase is "to"
        if (head.lower_ in load_set("entities", "roles.txt") and left.i >= 2 and left.nbor(-1).text == ","
                and (head.dep_ == "appos" or left.nbor(-2).dep_ != "pobj")):
            # not the object of a fronted phrase: "In a letter to Joseph Martin, the general argued"
            named = self.index.best(offset + left.nbor(-2).idx, offset + left.nbor(-2).idx + len(left.nbor(-2)),
                                    offset + left.nbor(-2).idx)  # "Anatoly Chernyaev, foreign policy advisor …"
            if named is not None and named.type == "PERSON":
                return named
        prep = next((c for c in head.children if c.dep_ == "prep" and c.i > head.i and c.left_edge.i > left.i), None)
        if prep is not None:
            cut = prep.doc[prep.left_edge.i - 1]
            named = self.index.best(offset + left.idx, offset + cut.idx + len(cut), offset + head.idx, owned)
            if named is not None and named.type == "PERSON":
                return named
        named = self.index.best(offset + left.idx, offset + right.idx + len(right), offset + head.idx, owned)
        if (named is not None and named.type in _PLACES and head.pos_ == "PROPN"
                and not self.index.overlapping(offset + head.idx, offset + head.idx + len(head))):
            return None  # "Fisher Ames of Massachusetts", a name the model missed: not the place he is from
        if named is not None:
            return named
        if head.pos_ == "NOUN" and any(c.lower_ == "the" for c in head.lefts):
            return self.index.last_named(head.lemma_.lower(), offset + head.idx)
        return None

    def _author(self, noun, offset: int, before: int) -> Entity | None:
        """Who wrote or spoke a document noun: its possessor, the subject of a clause on it, or its name
        (also one given in apposition: "the report, known as NSC 68," or "the report, NSC 68,")."""
        for child in noun.children:
            if child.dep_ == "appos" or (child.dep_ == "acl" and child.lemma_.lower() in _NAMING_LEMMAS):
                named = next((e for t in child.subtree for *_, e in self.index.overlapping(
                    offset + t.idx, offset + t.idx + len(t)) if is_document(e)), None)
                if named is not None:
                    return named
            if child.dep_ == "poss":
                if child.lower_ == "its":  # "its fifth point expressed …": the document just named
                    return self.index.last_document(offset + child.idx, self._window(offset + child.idx),
                                                    self._in_words)
                return self._named(child, offset)
            if child.dep_ in {"relcl", "acl"}:
                owner = self._in_name_of(child, offset) or self._credited(child, offset)
                if owner is not None:
                    return owner
            if child.dep_ in {"relcl", "acl"} and not reporting.complement(child):
                subject = reporting.subject(child)
                if subject is not None:
                    return self._named(subject, offset)
            if child.dep_ == "prep" and child.lower_ in {"from", "of"}:  # "the message from Khrushchev",
                # "the report of the Kerner Commission"
                source = next((c for c in child.children if c.dep_ == "pobj"), None)
                named = None if source is None else self._named(source, offset)
                if named is not None or child.lower_ == "from":  # "a statement of principles" looks on
                    return named
        indefinite = any(c.dep_ == "det" and c.lower_ in {"a", "an"} for c in noun.lefts)
        for row in ([] if indefinite else  # "a Latin American UN resolution" is nobody's own
                    self.index.overlapping(offset + noun.left_edge.idx, offset + noun.idx + len(noun))):
            if row[2].type not in {"PERSON", "NORP"}:
                return row[2]
        verb = reporting.taking_verb(noun)
        if verb is not None and verb.lemma_.lower() in load_set("quotes", "authoring_verbs.txt"):
            subject = reporting.subject(verb)  # "Khrushchev responded with a statement that …", "issued a statement"
            if subject is not None and not self._quoted(offset + subject.idx):
                return self._speaker_of(subject, offset, before)
        if any(c.lower_ == "the" for c in noun.lefts):
            return self.index.last_named(noun.lemma_.lower(), offset + noun.idx) or self._sender(noun, offset, before)
        return None

    def _in_name_of(self, verb, offset: int) -> Entity | None:
        """"an answer sent in the Viceroy’s name", "a statement issued in the President’s name": the one
        in whose name it went out."""
        for prep in verb.children:
            if prep.dep_ == "prep" and prep.lower_ == "in":
                name = next((c for c in prep.children if c.dep_ == "pobj" and c.lemma_.lower() == "name"), None)
                owner = None if name is None else next((c for c in name.children if c.dep_ == "poss"), None)
                if owner is not None:
                    return self._named(owner, offset)
        return None

    def _credited(self, verb, offset: int) -> Entity | None:
        """"a remark usually credited to Churchill", "words attributed to Lincoln": the one they are
        credited to."""
        if verb.lemma_.lower() not in _CREDITING:
            return None
        for prep in verb.children:
            if prep.dep_ == "prep" and prep.lower_ == "to":
                target = next((c for c in prep.children if c.dep_ == "pobj"), None)
                if target is not None:
                    return self._named(target, offset)
        return None

    def _sender(self, noun, offset: int, before: int) -> Entity | None:
        """"Khrushchev wrote to Kennedy on 26 October. The letter was long …": the person who wrote or
        sent something in the two sentences before a definite document noun is its author — or who spoke
        in the same thing there ("In a longhand letter, the President concluded: “…” The letter ended")."""
        sents = [s for s in noun.doc.sents if s.end <= noun.sent.start][-_IT_SENTENCES:]
        for token in reversed([t for s in sents for t in s]):
            spoken_in = (reporting.taking_verb(token) if token.lemma_ == noun.lemma_ and token.head.lower_ == "in"
                         and not self._quoted(offset + token.idx) else None)
            if spoken_in is not None and self._cue(spoken_in, offset, before) == "verb":
                verb = spoken_in  # "In a longhand letter …, the President concluded"
            elif token.pos_ == "VERB" and token.lemma_.lower() in load_set("quotes", "authoring_verbs.txt"):
                verb = token
            else:
                continue
            subject = reporting.subject(verb)
            if subject is not None and reporting.active(subject, verb) and not self._quoted(offset + subject.idx):
                speaker = self._speaker_of(subject, offset, before)
                return speaker if speaker is not None and speaker.type == "PERSON" else None
        return None

    def namer(self, start: int, word: str) -> Entity | None:
        """Who gives a quoted name: the active subject of the naming verb ``word`` written last before
        ``start`` in its sentence ("calling himself “Citizen Genêt”" → Genêt)."""
        parsed, offset, inside = self._tokens(start, start + 1)
        if not inside:
            return None
        first = inside[0].i
        sent = parsed[max(0, first - 1)].sent  # the sentence the words before the quotation are in
        verb = next((t for t in reversed(parsed[sent.start:first]) if t.lower_ == word and t.pos_ == "VERB"), None)
        if verb is None:
            return None
        subject = reporting.subject(verb)
        if subject is None or self._quoted(offset + subject.idx) or not reporting.active(subject, verb):
            return None
        return self._speaker_of(subject, offset, start)

    def actor(self, start: int, end: int) -> Entity | None:
        """The person whose clause holds words no cue attributes: the active subject of the nearest
        verb above the quotation ("He expected the meeting to “serve a specific purpose …”") — or of the
        clause above when that verb's subject is no person ("Bismarck expected the telegram to have the
        effect of “…”") — or the owner of a copula's subject ("Churchill’s primary goal was “to get
        …”")."""
        _, offset, inside = self._tokens(start, end)
        verb = next((t.head for t in inside if not t.is_punct and t.head not in inside), None)
        while verb is not None and verb.pos_ not in {"VERB", "AUX"} and verb.head.i != verb.i:
            verb = verb.head
        if verb is None or verb.pos_ not in {"VERB", "AUX"} or self._quoted(offset + verb.idx):
            return None
        subject = reporting.subject(verb)
        for _ in range(_ACTOR_CLIMB):  # "Bismarck expected the telegram to have the effect of “…”"
            above = next((a for a in verb.ancestors if a.pos_ in {"VERB", "AUX"}), None)
            if (verb.dep_ not in {"xcomp", "ccomp", "acl"} or above is None or self._person(subject, offset)
                    or self._quoted(offset + above.idx)):
                break
            verb, subject = above, reporting.subject(above)
        if (subject is None or self._quoted(offset + subject.idx) or not reporting.active(subject, verb)
                or reporting.joint(subject, plural=self._person(subject, offset) is None)):
            return None
        owner = next((c for c in subject.children if c.dep_ == "poss"), None) if verb.lemma_ == "be" else None
        return self._person(owner or subject, offset)  # the person the phrase is, not one named inside it

    def _named(self, word, offset: int) -> Entity | None:
        """The entity the phrase ending in ``word`` names ("the U.S. Minister to China" → its holder);
        "whose" names the one its relative clause is on ("Williams, whose statement that …")."""
        if word.lower_ == "whose":
            clause = next((a for a in word.ancestors if a.dep_ == "relcl"), None)
            if clause is None or self._quoted(offset + clause.head.idx):
                return None
            word = clause.head
        return self.index.best(offset + word.left_edge.idx, offset + word.idx + len(word), offset + word.idx)

    def _person(self, word, offset: int) -> Entity | None:
        """The person a word is a mention of, if any."""
        if word is None:
            return None
        rows = self.index.overlapping(offset + word.idx, offset + word.idx + len(word))
        return next((r[2] for r in rows if r[2].type == "PERSON"), None)

    def standalone(self, start: int, end: int) -> bool:
        """Whether a quotation is a whole sentence of its own, nothing before or after it."""
        _, offset, inside = self._tokens(start, end)
        if not inside:
            return False
        text = self.doc.text
        return (not text[offset + inside[0].sent.start_char:start].strip()
                and not text[end:offset + inside[-1].sent.end_char].strip())

    def echoed(self, start: int, end: int) -> Attribution | None:
        """"“We shall land at Inchon …” The general spoke those words at a conference", "“…” Those were
        the words of General Cogny": the sentence right after a quotation standing alone names its
        speaker by a speech verb whose object points back to it, or says whose words it was."""
        parsed, offset, inside = self._tokens(start, end)
        if not inside or inside[-1].i + 1 >= len(parsed) or not self.standalone(start, end):
            return None
        for token in parsed[inside[-1].i + 1].sent:
            if (token.lemma_ == "be" and any(c.dep_ in _SUBJECTS and c.lower_ in _BACK_WORDS for c in token.children)):
                words = next((c for c in token.children
                              if c.dep_ == "attr" and {c.lemma_.lower(), c.lower_} & self.nouns), None)
                author = None if words is None else self._author(words, offset, start)
                if author is not None:  # "“…” Those were the words of General René Cogny"
                    return Attribution(author, words.text, True)
            if token.dep_ != "ROOT" or self._cue(token, offset, start) != "verb":
                continue  # the sentence's own verb, not "a reservation that critics labeled …"
            back = any(c.dep_ == "dobj" and c.tag_ != "WDT" and (c.lemma_.lower() in _BACK_WORDS or any(
                d.lower_ in _BACK_WORDS for d in c.children if d.dep_ == "det")) for c in token.children)
            subject = reporting.subject(token)
            if back and subject is not None:
                return Attribution(self._speaker_of(subject, offset, start), token.text, True)
        return None

    def topic(self, start: int) -> Entity | None:
        """The person a quotation standing as a sentence of its own most likely belongs to: the main
        subject of the sentence just before it in the paragraph, when that names a person."""
        index = self.paragraph_of(start)
        parsed, offset = self.doc.nlp_docs[index], self.doc.paragraphs[index].start
        sents = list(parsed.sents)
        here = next((i for i, s in enumerate(sents) if offset + s.start_char <= start < offset + s.end_char), None)
        if not here or self.doc.text[offset + sents[here].start_char:start].strip():
            return None
        subject = next((c for c in sents[here - 1].root.children if c.dep_ in _SUBJECTS), None)
        speaker = None if subject is None else self._speaker_of(subject, offset, start, owners=True)
        return speaker if speaker is not None and speaker.type == "PERSON" else None

    def narrated(self, start: int, end: int) -> bool:
        """Whether a quotation reads as a witness's narration rather than words spoken to someone:
        a verb in the past tense, and no first or second person ("There was another burst of
        applause", not "I never attend receptions")."""
        _, _, inside = self._tokens(start, end)
        return (any(t.tag_ == "VBD" for t in inside)
                and not any(t.lower_ in _SPEAKER_WORDS and t.pos_ == "PRON" for t in inside))

    def frame(self, start: int, sentences_back: int | None,
              accounts: bool = False) -> tuple[int, Entity, str] | None:
        """A speaker set up in the sentences just before ``start`` ("as Fedorenko describes it").
        With ``accounts``, only a witness giving an account (data/quotes/account_verbs.txt: "as
        Fedorenko describes it", "Harriman recalled"), anywhere earlier in the paragraph when
        ``sentences_back`` is None."""
        index = self.paragraph_of(start)
        parsed, offset = self.doc.nlp_docs[index], self.doc.paragraphs[index].start
        before = [s for s in parsed.sents if offset + s.end_char <= start]
        account_verbs = load_set("quotes", "account_verbs.txt")
        for sent in reversed(before if sentences_back is None else before[-sentences_back:]):
            for token in reversed(list(sent)):
                if self._quoted(offset + token.idx) or self._cue(token, offset, start) != "verb":
                    continue
                if accounts and token.lemma_.lower() not in account_verbs:
                    continue
                subject = reporting.subject(token)
                if subject is None:
                    continue
                speaker = self._speaker_of(subject, offset, start)
                if speaker is not None and speaker.type == "PERSON":
                    return offset + token.idx, speaker, token.text
        return None
