"""Clause-level events on original history prose: dates per clause, carried dates, modality,
actors, places, summaries, merging; EDTF strings; the seed's acceptance figures when ../shared is there."""

from __future__ import annotations

import json
from pathlib import Path

from chronica.chronology import carried, edtf, stated
from chronica.model import Timex

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
