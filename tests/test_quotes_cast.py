"""Quotations: spans robust to broken marks, kinds, and speakers from history-prose cues."""

from hypothesis import given, strategies as st

from chronica import quotemarks
from chronica.quotes import kind_of


def _paragraphs(text):
    spans, start = [], 0
    for line in text.split("\n"):
        spans.append((start, start + len(line)))
        start += len(line) + 1
    return spans


def _texts(text):
    return [text[s:e] for s, e in quotemarks.find(text, _paragraphs(text))]


def test_interrupted_and_running_on_quotations():
    text = "“The Kremlin,” he said, “is a place.”\n“First part\n“and second part.”\nHe said \"plain\" twice."
    assert _texts(text) == ["“The Kremlin,”", "“is a place.”", "“First part\n“and second part.”", "\"plain\""]


def test_unbalanced_marks_recover():
    text = "She said “never closed and “second one.”\nAn orphan” closer here."
    assert _texts(text) == ["“never closed and", "“second one.”"]


@given(st.text(alphabet="ab “”\"\n.,", max_size=80))
def test_never_crashes_and_spans_stay_inside(text):
    paragraphs = _paragraphs(text)
    spans = quotemarks.find(text, paragraphs)
    assert all(0 <= s < e <= len(text) for s, e in spans)
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:]))


def test_kinds():
    assert kind_of("hot", "the war turned ") == "term"
    assert kind_of("The Sources of Soviet Conduct", "an article entitled ") == "title"
    assert kind_of("We should not meddle too deeply in Korean affairs.", "he said: ") == "speech"


def _speakers(doc):
    return [(q.text, q.speaker_name, q.kind) for q in doc.quotes]


def test_attribution_patterns(analyze_text):
    doc = analyze_text(
        "In 1949 Joseph Stalin met Mao Zedong. “The treaty,” Stalin explained, “must stay as it is.” "
        "Mao responded: “We will wait.” According to Mao, “patience is a weapon.” "
        "The talks were called “cordial” by the press. He was greeted, Nikolai Fedorenko wrote, "
        "“with loud applause.”\n")
    got = {text: (speaker, kind) for text, speaker, kind in _speakers(doc)}
    assert got["“The treaty,”"] == ("Joseph Stalin", "speech")
    assert got["“must stay as it is.”"] == ("Joseph Stalin", "speech")
    assert got["“We will wait.”"][0] == "Mao Zedong"
    assert got["“patience is a weapon.”"][0] == "Mao Zedong"
    assert got["“with loud applause.”"][0] == "Nikolai Fedorenko"


def test_pronoun_speaker_and_terms(analyze_text):
    doc = analyze_text("Stalin spoke first. The Soviet side wanted to “formally” keep the pact, he stressed. "
                       "Relations were never “hot” again.\n")
    got = {text: (speaker, kind) for text, speaker, kind in _speakers(doc)}
    assert got["“formally”"][0] == "Joseph Stalin"
    assert got["“hot”"] == (None, "term")


def test_single_quotation_marks_and_apostrophes():
    text = "Franklin sent ‘short hints towards a union’ to the snake’s friends and the colonies’ agents."
    assert _texts(text) == ["‘short hints towards a union’"]


def _by_text(doc):
    return {text: (speaker, kind) for text, speaker, kind in _speakers(doc)}


def test_documents_as_sources(analyze_text):
    got = _by_text(analyze_text(
        "The United States Constitution empowered Congress to “regulate commerce with foreign nations.” "
        "In 1950 the National Security Council drafted NSC 68, a policy document signed by Truman. "
        "The paper expanded the scope of containment. “In the context of the present polarization of power,” "
        "it read, “a defeat of free institutions anywhere is a defeat everywhere.”\n"))
    assert got["“regulate commerce with foreign nations.”"][0] == "United States Constitution"
    assert got["“In the context of the present polarization of power,”"][0] == "NSC 68"
    assert got["“a defeat of free institutions anywhere is a defeat everywhere.”"][0] == "NSC 68"


def test_this_treaty_points_back_to_the_named_treaty(analyze_text):
    got = _by_text(analyze_text(
        "In 1921 the United States signed the Treaty of Berlin with Germany. This treaty stipulated that the "
        "United States would enjoy all “rights, privileges, indemnities, reparations or advantages” of a victor.\n"))
    assert got["“rights, privileges, indemnities, reparations or advantages”"][0] == "Treaty of Berlin"


def test_governing_clause_decides_the_speaker(analyze_text):
    got = _by_text(analyze_text(
        "Cyrus Vance cautioned that the administration would not “comment on each and every issue” in public. "
        "The United States did not move to “roll back” Soviet power, as John Foster Dulles advocated. "
        "Paul Nitze interpreted George Kennan’s call for “the adroit application of counter-force” as military. "
        "Once John Hay put them into writing, the “Open Door” became the official policy.\n"))
    assert got["“comment on each and every issue”"][0] == "Cyrus Vance"
    assert got["“roll back”"] == ("John Foster Dulles", "speech")
    assert got["“the adroit application of counter-force”"][0].endswith("Kennan")
    assert got["“Open Door”"] == (None, "term")


def test_a_label_quoted_again_is_a_term(analyze_text):
    doc = analyze_text(
        "The Neutrality Act of 1937 gave the President the power to extend the embargo to any additional "
        "“articles or materials.” The so-called “cash-and-carry” provision followed. "
        "The Neutrality Act of 1939 put all trade under the terms of “cash-and-carry.”\n")
    got = [(q.text, q.speaker_name, q.kind) for q in doc.quotes]
    assert got[0] == ("“articles or materials.”", "Neutrality Act of 1937", "speech")
    assert got[2] == ("“cash-and-carry.”", None, "term")
