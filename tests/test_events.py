"""Clause-level events on original history prose: dates per clause, carried dates, modality,
actors, places, summaries, merging; EDTF strings; the seed's acceptance figures when ../shared is there."""

from __future__ import annotations

import json
from pathlib import Path

from chronica.chronology import carried, edtf, stated
from chronica.model import Timex
from chronica.writers.chronology import date_label

TWO_CLAUSES = ("In March 1921 the delegates left Riga, and the commission began to draft its report "
               "the following summer.\n")
EPISODE = ("On 3 May 1926 the miners walked out of the pits across Wales. The railwaymen joined them. "
           "Churchill denounced the strike in the British Gazette.\n")
PROVISION = ("Under the 1919 agreement, the port was leased to the company, but it was to be returned to "
             "the city by the end of 1930.\n")
NOT_HAPPENINGS = "In 1931 the council did not meet. In 1932 the council might have collapsed.\n"


def _by_summary(doc, word: str):
    return [e for e in doc.events if word in e.summary]


def test_a_sentence_with_two_clauses_gives_two_events_with_their_own_dates(analyze_text) -> None:
    doc = analyze_text(TWO_CLAUSES)
    left, = _by_summary(doc, "left Riga")
    report, = _by_summary(doc, "draft its report")
    assert (left.date.value, left.date.inferred) == ("1921-03", False)
    assert report.date.value == "1921-SU" and report.date.edtf == "1921-22"
    assert left.sentence_start == report.sentence_start == 0
    assert [e.id for e in doc.events] == ["v1", "v2"]  # time order


def test_narrative_after_a_dated_sentence_carries_its_date_with_wider_bounds(analyze_text) -> None:
    doc = analyze_text(EPISODE)
    walked, = _by_summary(doc, "walked out")
    joined, = _by_summary(doc, "joined")
    assert walked.date.value == "1926-05-03" and not walked.date.inferred
    assert joined.date.inferred and joined.date.value == "1926-05-03"
    assert (joined.date.earliest, joined.date.latest) == ("1926-05-03", "1926-05-31")
    assert joined.date.edtf == "1926-05-03?"
    denounced, = _by_summary(doc, "denounced")
    names = {e.id: e.name for e in doc.entities}
    assert any(names[a].endswith("Churchill") for a in denounced.actors)


def test_a_future_provision_is_marked_and_dated_by_its_own_deadline(analyze_text) -> None:
    doc = analyze_text(PROVISION)
    returned = [e for e in doc.events if e.modality == "future"]
    assert len(returned) == 1 and returned[0].date.value == "1930" and returned[0].date.mod == "END"
    assert all(e.modality is None for e in doc.events if e is not returned[0])


def test_negated_and_hypothetical_clauses_are_not_happenings(analyze_text) -> None:
    doc = analyze_text(NOT_HAPPENINGS)
    assert not [e for e in doc.events if e.trigger in {"meet", "collapsed"} and e.modality is None]


def test_actors_places_and_a_headline_summary(analyze_text) -> None:
    doc = analyze_text("On 12 April 1935 the treaty was signed in Geneva by France and Italy.\n")
    event, = doc.events
    names = {e.id: e.name for e in doc.entities}
    assert {names[a] for a in event.actors} >= {"France", "Italy"}
    assert [names[p] for p in event.places] == ["Geneva"]
    assert event.summary == "The treaty signed in Geneva by France and Italy"
    assert event.trigger == "signed" and event.sources == [(0, len(doc.text.rstrip()))]


def test_mentions_of_one_happening_are_merged_keeping_both_sentences(analyze_text) -> None:
    doc = analyze_text("On 9 June 1934 Litvinov signed the pact in Geneva. Critics said little. "
                       "On 9 June 1934 Litvinov signed it without ceremony.\n")
    signed = [e for e in doc.events if e.trigger == "signed"]
    assert len(signed) == 1 and len(signed[0].sources) == 2


def test_edtf_strings() -> None:
    def timex(value: str, mod: str | None, earliest: str, latest: str) -> Timex:
        return Timex(id="t1", text="x", start=0, end=1, type="DATE", value=value, mod=mod, earliest=earliest,
                     latest=latest)

    assert stated(timex("1948", "END", "1948-09-01", "1948-12-31")).edtf == "1948-09~/1948-12~"
    assert stated(timex("194", None, "1940-01-01", "1949-12-31")).edtf == "194X"
    assert stated(timex("1962-10-22TEV", None, "1962-10-22", "1962-10-22")).value == "1962-10-22"
    assert edtf("BC0044", None, None, None) == "-0043"
    assert edtf("1950", "APPROX", None, None) == "1950~"
    assert edtf("1950", "BEFORE", None, None) == "../1950"
    assert carried(timex("1950-04", None, "1950-04-01", "1950-04-30")).edtf == "1950-04?"
    follows = stated(timex("1898-05", None, "1898-05-01", "1898-05-31"), after=True)
    assert (follows.value, follows.latest, follows.edtf) == ("1898", "1898-12-31", "1898-05/1898-12")


def test_seed_key_events_and_dated_sentences(shared: Path, pipeline) -> None:
    from chronica.evaluation.events import evaluate
    from chronica.writers.json import to_dict

    gold = json.loads((shared / "seed" / "gold.json").read_text("utf-8"))
    scores = evaluate(gold, to_dict(pipeline.analyze_path(shared / "seed" / gold["text_file"])))
    assert scores.recovered == scores.facts == 18, scores.missed
    assert scores.dated_accuracy >= 0.95, scores.wrong


def _rows(doc) -> list[tuple[str | None, str | None, bool, str]]:
    return [(e.date.value if e.date else None, e.date.mod if e.date else None,
             bool(e.date and e.date.inferred), e.summary) for e in doc.events]


def test_states_and_copulas_are_not_events_even_when_dated(analyze_text) -> None:
    doc = analyze_text("In 1871 Lyon lay far from the new frontier, and the council proclaimed the republic "
                       "in the town hall.\n")
    assert [e.trigger for e in doc.events] == ["proclaimed"]


def test_a_copula_with_a_happening_as_subject_tells_its_outcome(analyze_text) -> None:
    doc = analyze_text("While the mayor's attempt to close the docks was unsuccessful in March 1911, "
                       "he did manage to halve the harbour dues in June 1911.\n")
    assert ("1911-03", None, False) in [row[:3] for row in _rows(doc)]


def test_a_date_after_since_starts_a_state_and_dates_nothing(analyze_text) -> None:
    doc = analyze_text("Vienna, the seat of the court since the sixteenth century, lay on the Danube. "
                       "The company had operated the ferry since its founding in 1869.\n")
    assert doc.events == []


def test_by_before_until_bound_the_happening(analyze_text) -> None:
    doc = analyze_text("The convention was ratified by 1 May 1930. Before 1932 the mill closed. "
                       "It was not until 22 January 1933 that talks resumed.\n")
    rows = {row[3]: row for row in _rows(doc)}
    assert rows["The convention ratified"][:2] == ("1930-05-01", "ON_OR_BEFORE")
    assert rows["The mill closed"][:2] == ("1932", "BEFORE")
    assert rows["Talks resumed"][:2] == ("1933-01-22", None)
    ratified, = _by_summary(doc, "convention")
    assert ratified.date.edtf == "../1930-05-01"


def test_nothing_is_carried_from_a_decade_or_century(analyze_text) -> None:
    doc = analyze_text("In 1850 the port grew. In the 1860s merchants arrived from Genoa. They built warehouses. "
                       "In the nineteenth century the town doubled. The guilds lost their charters.\n")
    assert not [e for e in doc.events if e.date is not None and e.date.inferred]
    assert {e.trigger for e in doc.events if e.date is None} <= {"built", "lost"}


def test_a_past_perfect_relative_clause_does_not_take_its_sentence_date(analyze_text) -> None:
    doc = analyze_text("In July 1950 sixty bombers, the type that had bombed the docks at Kiel, "
                       "flew to bases in England.\n")
    assert [e.trigger for e in doc.events] == ["flew"]


def test_summaries_resolve_relative_pronouns_to_their_noun(analyze_text) -> None:
    doc = analyze_text("The city was divided among four powers, each of which took charge of a sector in July "
                       "1945. The Danish government, whose envoy arrived in Paris on 3 May 1919, protested. "
                       "Congress funded a relief program, which was announced on 10 July 1953 and began on "
                       "27 July 1953.\n")
    summaries = [e.summary for e in doc.events]
    assert "Each of four powers took charge of a sector" in summaries
    assert "The Danish government’s envoy arrived in Paris" in summaries
    began, = [e for e in doc.events if e.trigger == "began"]
    assert began.summary == "A relief program began" and began.date.value == "1953-07-27"
    assert not [s for s in summaries if s.split()[0].lower() in {"which", "who", "whose", "each"}
                and "of" not in s.split()[:3]]


def test_a_participle_of_purpose_is_not_a_happening(analyze_text) -> None:
    doc = analyze_text("In 1953 the two states signed a pact designed to protect the fisheries of the coast.\n")
    assert [e.trigger for e in doc.events] == ["signed"]


def test_an_opening_participle_keeps_its_date_and_the_main_clause_comes_after_it(analyze_text) -> None:
    doc = analyze_text("Negotiated in 1950 and 1951, the Treaty of Lisbon ended the long quarrel between the "
                       "two kingdoms.\n")
    negotiated, = [e for e in doc.events if e.trigger == "Negotiated"]
    ended, = [e for e in doc.events if e.trigger == "ended"]
    assert (negotiated.date.value, negotiated.date.inferred) == ("1950", False)
    assert negotiated.summary == "The Treaty of Lisbon negotiated"
    assert (ended.date.value, ended.date.mod, ended.date.inferred) == ("1950", "ON_OR_AFTER", True)
    assert ended.date.latest is None and ended.date.edtf == "1950?/.."
    assert [e.trigger for e in doc.events] == ["Negotiated", "ended"]  # an open end sorts last
    assert date_label(ended) == "1950? (from; inferred, 1950-01-01 – …)"


CLOCK = "In May 1911 the council met in Cardiff. "


def _carried(doc) -> list[str]:
    return [e.trigger for e in doc.events if e.date is not None and e.date.inferred]


def test_a_compared_date_dates_nothing_and_the_episode_carries(analyze_text) -> None:
    doc = analyze_text(CLOCK + "As in 1908, the mayor called a second vote.\n")
    called, = [e for e in doc.events if e.trigger == "called"]
    assert (called.date.value, called.date.inferred) == ("1911-05", True)


def test_a_later_bound_or_a_named_war_ends_the_carried_episode(analyze_text) -> None:
    bounded = analyze_text(CLOCK + "By 1913 the mayor was weary of the council. The mayor called a second vote.\n")
    assert "called" not in _carried(bounded)
    war = analyze_text(CLOCK + "During the Great War, the council sold the town hall. The mayor called a vote.\n")
    assert _carried(war) == []
    inside = analyze_text("In May 1915 the council met in Cardiff. During the Great War, the council sold the "
                          "town hall.\n")
    assert _carried(inside) == ["sold"]  # a war that holds the episode's date does not stop it


def test_past_perfects_commentary_and_provisions_take_no_carried_date(analyze_text) -> None:
    doc = analyze_text(CLOCK + "The councillors had rejected his plan the year before. The defeat marked the end "
                       "of his career. The charter set new limits on the council's powers. The mayor called a vote.\n")
    assert _carried(doc) == ["called"]


def test_a_question_of_the_narrator_is_no_event_but_a_quoted_one_is_framed(analyze_text) -> None:
    asked = analyze_text(CLOCK + "Did the mayor call a second vote?\n")
    assert [e.trigger for e in asked.events] == ["met"]
    quoted = analyze_text("When Owen succeeded Jones in 1785, the mayor asked: “Is it you who replace him?”\n")
    assert {e.trigger for e in quoted.events} >= {"succeeded"}
    assert all("Is it you" not in e.summary for e in quoted.events)


def test_a_summary_keeps_the_complement_a_verb_would_end_on(analyze_text) -> None:
    doc = analyze_text("In 1911 the mayor of Cardiff resigned. The mayor requested that the council elect a "
                       "successor.\n")
    requested, = [e for e in doc.events if e.trigger == "requested"]
    assert requested.summary.startswith("The mayor requested") and "elect a successor" in requested.summary
