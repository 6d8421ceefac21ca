"""Quotes stage: quotation spans, their kind, and their speakers.

Spans come from :mod:`chronica.quotemarks`, speakers from :mod:`chronica.attribution`. A quotation
with an attributed cue is speech. Without one, a short fragment (up to four words, no sentence
punctuation) is a term — a scare quote or nickname — and a title-cased phrase of four words or more
is a title; terms and titles have no speaker. A title-cased phrase right after a work noun or a verb
of publishing ("his essay of 1893, “…”", "the leaders issued a “Declaration …”"), before a work noun
in apposition ("“Present at the Creation,” his memoir") or right after "in" is a title whatever the
clause around it says: the cue names a work, not words spoken.
A fragment written before the noun it modifies, after an article, is a term ("a “cash and carry”
basis"), and so is a phrase of up to six words a naming cue introduces ("known as the “Christmas
Bombing”", "remembered in Panama as “the treaty no Panamanian signed”", data/quotes/naming_cues.txt)
or one glossed right after it ("“Purna Swaraj,” or complete independence"). A phrase of up to six
words quoted a second time, or a fragment after "so-called", is a term (a label re-used,
“cash-and-carry”) unless a person's reported words govern it. A title-cased phrase that holds a
document noun (“Rome Declaration on Peace and Cooperation”, the “Plan of Guadalupe”, known as the “Oslo
Accord”) is a title, however short and whatever cue names it. A short fragment that stands
as a sentence of its own (“Never.”) is speech, and so is a fragment that is no noun phrase — no name
or label — in a clause whose subject is a person ("Carter promised to correct them “quickly and
openly”", "the proposal that Russia “buy back”"): that person's words.
A quotation nested in another (‘…’ inside “…”) is part of the outer speaker's words, or a term
inside a title or term. A quotation standing alone is the words of whoever the next sentence says
spoke them ("“…” The general spoke those words", "“…” Those were the words of General Cogny").
Speech with no cue of its own belongs to the person whose clause holds it ("He expected the meeting
to “serve …”"); else it continues the previous quotation's speaker, or the speaker the sentences
before it set up ("as Fedorenko describes it …"), when that is at most two sentences back in the
same paragraph. Narration in the past tense with no "I" or "you" in it (“There was another burst of
applause.”) is a witness's account: a witness set up anywhere earlier in the paragraph ("as
Fedorenko describes it", data/quotes/account_verbs.txt) comes before a speech act just before it
("he pronounced a toast"). A quotation that is a sentence of its own is else the words of the person
the sentence before is about ("Churchill arrived in Fulton. “From Stettin …”").
A person the text describes but never names ("the Spanish minister retorted") is no identified
speaker: the quotation's speaker is null, as it is for any source the text leaves unnamed.
"""

from __future__ import annotations

import bisect
import re

from chronica import quotemarks
from chronica.attribution import Attribution, Attributor
from chronica.data import load_lines, load_set
from chronica.entities import DESCRIBED
from chronica.model import Document, Entity, Quote

_TERM_WORDS = 4
_SENTENCE_END = re.compile(r"[.!?…][’'\"”»)]*$")
_WORD = re.compile(r"[\w’'-]+")
_MINOR = {"a", "an", "the", "of", "and", "or", "in", "on", "at", "to", "for", "by", "with", "from", "as", "but", "nor",
          "between", "among", "into", "upon", "against", "over", "under", "within", "toward", "towards", "via",
          "und", "et", "y", "e", "de", "des", "du", "la", "le", "les", "el", "di", "del", "der", "die", "das", "von"}
_GLOSSED = re.compile(r",?\s*or\s+[a-z]")  # "“Purna Swaraj,” or complete independence"
_CONTINUATION_SENTENCES = 2
_REQUOTE_WORDS = 6  # a phrase this short quoted again is a label ("the “ancient hatreds and new plagues” of …")
_TITLE_CUE_WORDS = 6
_APPOSED_WORDS = 2  # "“Fulness of Days,” his memoirs"
_NAMING_GAP = 4  # words a naming cue may enclose: "known to the newspapers as"
_GAP_PREPOSITIONS = {"to", "in", "among", "by", "at", "throughout", "across", "within"}


def title_cued(before: str, after: str) -> bool:
    """Whether a work noun or a verb of publishing stands just before a quotation ("his essay of 1893,"),
    a work noun in apposition right after it ("“Present at the Creation,” his memoir"), or the
    quotation is what something is "in" ("denounced it in “The Economic Consequences of …”")."""
    cues = load_set("quotes", "title_cues.txt")
    following = _WORD.findall(after)[:_APPOSED_WORDS]
    return (bool(_forms(_WORD.findall(before)[-_TITLE_CUE_WORDS:]) & cues)
            or _after_in(before) or bool(_forms(following) & cues))


def _forms(words: list[str]) -> set[str]:
    """The words lower-cased, plurals also in the singular ("his annual reports to Congress, “…”")."""
    lowered = {w.lower() for w in words}
    return lowered | {w[:-1] for w in lowered if w.endswith("s")}


def _after_in(before: str) -> bool:
    """Whether a quotation is what something is in: "in “…”", "In his “…”", "in the “…”"."""
    words = [w.lower() for w in _WORD.findall(before)[-2:]]
    if words[-1:] and words[-1] in {"his", "her", "their", "its", "the"}:
        words.pop()
    return words[-1:] == ["in"]


def named(before: str) -> str | None:
    """The naming cue that ends the text before a quotation ("known as the", "so-called"), if any."""
    if re.search(r"\(\s*(?:or|also|aka)\s*$", before):  # "the Taba (or “Oslo II”) Agreement"
        return "or"
    words = [w.lower() for w in _WORD.findall(before)]
    while words and words[-1] in {"the", "a", "an"}:
        words.pop()
    tail = " ".join(words[-3:])
    cues = load_lines("quotes", "naming_cues.txt")
    found = next((cue for cue in cues if tail == cue or tail.endswith(" " + cue)), None)
    if found is None and words[-1:] == ["as"]:  # "known to the newspapers as the “Delhi Pact”"
        # the cue's verb, then a phrase on it ("to the newspapers", "in Panama"), then "as" — not "described
        # Lumumba as" (an object: the subject's words) nor "as the report became known, presented itself as"
        clause = [w.lower() for w in _WORD.findall(re.split(r"[,.;:!?]", before)[-1])][-_NAMING_GAP - 2:-1]
        found = next((cue for cue in cues if cue.endswith(" as") and cue.split()[0] in clause[:-1]
                      and clause[clause.index(cue.split()[0]) + 1] in _GAP_PREPOSITIONS), None)
    return found


def kind_of(inner: str, before: str, after: str = "") -> str:
    """``term`` or ``title`` or ``speech`` for an unattributed quotation's inner text (``before`` and
    ``after`` are the text around its marks)."""
    words = [w for w in _WORD.findall(inner) if any(c.isalnum() for c in w)]  # not a lone ’ of a nested quote
    if not words:
        return "term"
    title_case = _title_cased(inner)
    # a cue or a document's name allows the full stop American style puts inside the marks:
    # “… in American History.”, “London Declaration on a Transformed North Atlantic Alliance.”
    if title_case and (title_cued(before, after) or _names_document(inner) or (
            len(words) >= _TERM_WORDS and not _SENTENCE_END.search(inner.strip()))):
        return "title"
    stripped = inner.strip().rstrip(",")
    if len(words) <= _TERM_WORDS and not _SENTENCE_END.search(stripped):
        return "term"
    if len(words) < _TERM_WORDS and stripped[-1:] == ".":  # “cash-and-carry.”: a label closing its sentence
        return "term"
    return "speech"


def run(doc: Document) -> None:
    masked = doc.masked_text()
    spans = quotemarks.find(masked, [(p.start, p.end) for p in doc.paragraphs])
    attributor = Attributor(doc, quotemarks.outermost(spans))
    sentence_starts = [s.start for s in doc.sentences]
    described = doc.hints.get(DESCRIBED, set())
    quotes: list[Quote] = []
    previous: tuple[int, Entity, str] | None = None  # (end, speaker, cue) of the last attributed speech
    seen: set[str] = set()
    for start, end in spans:
        inner = masked[start + 1:end - 1] if masked[end - 1] in "”\"»’" else masked[start + 1:end]
        before = masked[max(0, start - 60):start]
        after = masked[end:end + 40]
        kind = kind_of(inner, before, after)
        if (kind == "term" and _SENTENCE_END.search(inner.strip()) and doc.nlp_docs
                and attributor.standalone(start, end)):
            kind = "speech"  # “Never.” standing as a sentence: words, not a label
        outer = quotes[-1] if quotes and start < quotes[-1].end else None
        if outer is not None:  # nested: words the outer speaker quotes, or a label inside a title or term
            spoken = outer.kind == "speech"
            quotes.append(Quote(id=f"q{len(quotes) + 1}", text=doc.text[start:end], start=start, end=end,
                                speaker=outer.speaker if spoken else None,
                                speaker_name=outer.speaker_name if spoken else None,
                                cue=outer.cue if spoken else None, kind="speech" if spoken else "term"))
            continue
        if kind == "title" and (title_cued(before, after) or _names_document(inner)):
            # “…” after "his book", or “Rome Declaration on …”: a work, whoever wrote it
            quotes.append(_unspoken(doc, len(quotes), start, end, "title"))
            continue
        label = _label_key(inner)
        # a naming cue makes a name of a phrase up to six words ("remembered as “the treaty that no
        # Panamanian signed.”"), not of a longer quotation ("describing December 7 as “a date …”")
        cue = named(before) if kind == "term" or len(label.split()) <= _REQUOTE_WORDS else None
        namer = _namer(attributor, doc, start, end, cue) if cue and cue != "so-called" else None
        if (cue and cue != "so-called" and namer is None) or (kind == "term" and _GLOSSED.match(after)) or (
                kind != "speech" and doc.nlp_docs and attributor.label(start, end)):
            # "known as the “Oslo Accord”", "the crews called the “Easter Parade”", a “cash and carry” basis
            seen.add(label)
            quotes.append(_unspoken(doc, len(quotes), start, end, "term"))
            continue
        requoted = label in seen or cue == "so-called"
        fragment = kind == "term" or (len(label.split()) <= _REQUOTE_WORDS
                                      and not _SENTENCE_END.search(inner.strip()))
        if fragment and requoted and not _person_governs(attributor, doc, start, end):
            # a label quoted again or "so-called" is the narrator's term, not new words — unless a
            # person's reported speech governs it ("a note that the so-called “surrender” was …")
            seen.add(label)
            quotes.append(_unspoken(doc, len(quotes), start, end, "term"))
            continue
        seen.add(label)
        found = (Attribution(namer, cue.split()[0], True) if namer is not None  # "what he termed “…”"
                 else attributor.attribute(start, end, short=kind == "term") if doc.nlp_docs
                 else Attribution(None, None, False))
        if not found.found and kind == "speech":  # "“…” The general spoke those words at a conference."
            found = attributor.echoed(start, end) or found
        if not found.found and kind == "term" and doc.nlp_docs and not attributor.nominal(start, end):
            # "Carter identified steps to rectify shortcomings “quickly and openly”": a fragment that is no
            # name or label (not a noun phrase) is the words of the person whose clause holds it
            person = attributor.actor(start, end)
            if person is not None:
                found = Attribution(person, None, True)
        if found.speaker is not None or (found.found and kind != "title"):
            kind = "speech"
        speaker, cue = (found.speaker, found.cue) if kind == "speech" else (None, None)
        if not found.found and kind == "speech":
            # "Churchill arrived in Fulton. “From Stettin …”": the person this paragraph is about comes
            # before a speaker carried over from the paragraph before
            topic = None
            if previous is None or attributor.paragraph_of(previous[0] - 1) != attributor.paragraph_of(start):
                topic = attributor.topic(start)
            if topic is None and not _title_cased(inner):  # “Articles of Confederation …” names a thing
                topic = attributor.actor(start, end)
            carried = None if topic is not None else _carried(attributor, previous, start, end, sentence_starts)
            speaker, cue = (carried[1], carried[2]) if carried is not None else (topic, None)
        if speaker is not None and speaker.id in described:
            speaker = None  # "the Spanish minister retorted": a source the text does not identify
        if speaker is not None and kind == "speech":
            previous = (end, speaker, cue)
        quotes.append(Quote(id=f"q{len(quotes) + 1}", text=doc.text[start:end], start=start, end=end,
                            speaker=speaker.id if speaker else None, speaker_name=speaker.name if speaker else None,
                            cue=cue, kind=kind))
    doc.quotes = quotes


def _title_cased(inner: str) -> bool:
    """Two words or more, every word but the minor ones capitalized or a number: the shape of a name or title."""
    words = [w for w in _WORD.findall(inner) if any(c.isalnum() for c in w)]
    content = [w for w in words if w.lower() not in _MINOR]
    return len(words) >= 2 and words[0][:1].isupper() and all(w[:1].isupper() or w[:1].isdigit() for w in content)


def _names_document(inner: str) -> bool:
    """Whether a title-cased phrase names a document: it holds a capitalized document noun."""
    nouns = load_set("entities", "document_nouns.txt")
    return any(w[:1].isupper() and w.lower() in nouns for w in _WORD.findall(inner))


def _unspoken(doc: Document, count: int, start: int, end: int, kind: str) -> Quote:
    """A title or term: a quotation nobody speaks."""
    return Quote(id=f"q{count + 1}", text=doc.text[start:end], start=start, end=end,
                 speaker=None, speaker_name=None, cue=None, kind=kind)


def _namer(attributor: Attributor, doc: Document, start: int, end: int, cue: str) -> Entity | None:
    """The person (or body) who is the active subject of the naming verb ("what he termed the “new world
    order”", "Eisenhower called it “…”", "calling himself “Citizen Genêt”"), if any: then the name is
    that person's words. A body names with words, not a label, in a phrase of four words or more or one
    that is no noun phrase ("what the Morning Post called “an outrage on the British flag”", "an offer
    the White House called “unthinkable”")."""
    namer = attributor.namer(start, cue.split()[0]) if doc.nlp_docs else None
    if namer is None:
        return None
    words = namer.type == "ORG" and (len(_label_key(doc.text[start:end]).split()) >= _TERM_WORDS
                                     or not attributor.nominal(start, end))
    return namer if namer.type == "PERSON" or words else None


def _person_governs(attributor: Attributor, doc: Document, start: int, end: int) -> bool:
    """Whether a person's reported words govern the quotation (see ``Attributor.reported``)."""
    if not doc.nlp_docs or not attributor.reported(start, end):
        return False
    found = attributor.attribute(start, end, short=True)
    return found.speaker is not None and found.speaker.type == "PERSON"


def _label_key(inner: str) -> str:
    return " ".join(_WORD.findall(inner.lower()))


def _carried(attributor: Attributor, previous, start: int, end: int,
             sentence_starts: list[int]) -> tuple[int, Entity, str] | None:
    """The most recent speaker within reach: the previous quotation's, or one set up just before.
    Narration ("“There was another burst of applause.”") is a witness's account rather than the
    words of a speech act just before it ("he pronounced a toast"): a witness set up anywhere
    earlier in the paragraph ("as Fedorenko describes it") comes first."""
    here = bisect.bisect_right(sentence_starts, start) - 1
    paragraph = attributor.paragraph_of(start)
    options = []
    if previous is not None:
        back = here - (bisect.bisect_right(sentence_starts, previous[0] - 1) - 1)
        if back <= _CONTINUATION_SENTENCES and paragraph - attributor.paragraph_of(previous[0] - 1) <= 1:
            options.append(previous)
    witness = attributor.frame(start, None, accounts=True) if attributor.narrated(start, end) else None
    framed = witness or attributor.frame(start, _CONTINUATION_SENTENCES)
    if framed is not None:
        options.append(framed)
    return max(options, key=lambda o: o[0]) if options else None
