"""TimeML round trip, the TempEval-3 evaluator, the spaCy component and property tests."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

from chronica.evaluation.timex import Item, evaluate_timex, format_table, score
from chronica.timex import TimexTagger
from chronica.timex.timeml import read_timeml, write_timeml

# TIMEX3 value grammar (ISO-TimeML as used by TempEval-3), wide enough for X placeholders.
VALUE = re.compile(
    r"^(?:PRESENT_REF|PAST_REF|FUTURE_REF"
    r"|P(?:[\dX]+(?:Y|M|W|D|DE|CE|WE))+|PT[\dX]+[HMS]"
    r"|(?:BC)?(?:\d{2}|\d{3}|[\dX]{4})(?:-(?:[\dX]{2}(?:-[\dX]{2})?|SP|SU|FA|WI|Q[1-4]|H[12]|W[\dX]{2}(?:-(?:\d|WE))?))?"
    r"(?:T(?:MO|AF|EV|NI|MI|\d{2}:\d{2}))?)$")

_TAGGER = TimexTagger()


def test_timeml_round_trip(tmp_path):
    text = "Mao & Stalin met on 16 December 1949 <in Moscow>; the following day they talked."
    timexes = _TAGGER.tag(text)
    path = tmp_path / "doc.tml"
    path.write_text(write_timeml(text, timexes, dct="1949-12-20"), encoding="utf-8")
    back = read_timeml(path)
    assert back.text == text
    assert back.dct == "1949-12-20"
    assert [(t.start, t.end, t.value) for t in back.timexes] == [(t.start, t.end, t.value) for t in timexes]


def test_scorer_on_constructed_gold():
    gold = [Item(0, 11, "DATE", "1949-12-16"), Item(20, 24, "DATE", "1950"), Item(30, 37, "DURATION", "P1M", optional=True),
            Item(50, 60, "DATE", "1950-02")]
    system = [Item(0, 11, "DATE", "1949-12-16"), Item(18, 24, "DATE", "1951"), Item(30, 37, "DURATION", "P1M"),
              Item(70, 75, "DATE", "1999")]
    counts, _pairs = score(gold, system)
    assert (counts.gold, counts.system, counts.strict, counts.relaxed, counts.value) == (3, 3, 1, 2, 1)
    assert counts.relaxed_prf == pytest.approx((2 / 3, 2 / 3, 2 / 3))
    assert counts.value_f1 == pytest.approx(2 / 3 * 0.5)


def test_evaluate_files(tmp_path):
    text = "On 16 December Mao met Stalin; on 22 January 1950 Zhou arrived."
    gold = {"text_file": "x.txt", "timexes": [
        {"text": "16 December", "start": 3, "end": 14, "type": "DATE", "value": "1949-12-16", "mod": None, "optional": False},
        {"text": "22 January 1950", "start": 34, "end": 49, "type": "DATE", "value": "1950-01-22", "mod": None, "optional": False}]}
    (tmp_path / "gold.json").write_text(json.dumps(gold))
    (tmp_path / "sys.tml").write_text(write_timeml(text, _TAGGER.tag(text)), encoding="utf-8")
    report = evaluate_timex([tmp_path / "gold.json"], [tmp_path / "sys.tml"])
    assert report.total.value_f1 == 1.0
    assert format_table(report).row_count == 1


def test_spacy_component():
    import spacy

    import chronica.timex.component  # noqa: F401  (registers the factory, as the installed entry point does)

    nlp = spacy.blank("en")
    nlp.add_pipe("chronica_timex")
    doc = nlp("The Berlin blockade began on June 24, 1948, and ended the next year.")
    assert [(s.text, s.label_) for s in doc.spans["timex"]] == [("June 24, 1948", "DATE"), ("the next year", "DATE")]
    assert doc._.timexes[1].value == "1949"


_PIECES = st.sampled_from(list("0123456789 ,.-–'’abcdefghijklmnoprstuvwyADJFMNOSTW\n") + [
    "the ", "following ", "day ", "year ", "May ", "December ", "1949", "BC", "late ", "early ", "mid-", "summer ",
    "of ", "later ", "two ", "weeks ", "1940s ", "century ", "nineteenth ", "every ", "that ", "same ", "Friday ",
    "ago ", "a.m. ", "today ", "31 ", "February ", "B.C. ", "Q", "decades", "now "])


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, max_size=60).map("".join),
       st.one_of(st.none(), st.just("2013-03-22")))
def test_never_raises_and_values_follow_the_grammar(text, dct):
    for timex in _TAGGER.tag(text, dct=dct):
        assert VALUE.match(timex.value), (timex.text, timex.value)
        assert text[timex.start:timex.end] == timex.text
        if timex.earliest and timex.latest:
            assert timex.earliest <= timex.latest or timex.earliest.startswith("-")


def test_timeml_modules_import_in_either_order():
    # chronica.timex.timeml and the TimeML reader import each other's packages; either may come first.
    root = Path(__file__).resolve().parent.parent
    for first in ("chronica.evaluation.timex", "chronica.readers", "chronica.timex.timeml"):
        done = subprocess.run([sys.executable, "-c", f"import {first}"], cwd=root, capture_output=True, text=True)
        assert done.returncode == 0, done.stderr


def test_eval_cli_pairs_a_system_directory_by_file_name(tmp_path):
    from click.testing import CliRunner

    from chronica.cli import main

    text = "On 16 December Mao met Stalin; on 22 January 1950 Zhou arrived."
    for name, value in (("a", "1949-12-16"), ("b", "1950-12-16")):
        gold = {"text_file": f"{name}.txt", "timexes": [
            {"text": "16 December", "start": 3, "end": 14, "type": "DATE", "value": value, "mod": None, "optional": False}]}
        (tmp_path / f"{name}.json").write_text(json.dumps(gold))
    (tmp_path / "out").mkdir()
    for name in ("b", "a"):
        (tmp_path / "out" / f"{name}.tml").write_text(write_timeml(text, _TAGGER.tag(text)), encoding="utf-8")
    result = CliRunner().invoke(main, ["eval", "timex", str(tmp_path / "a.json"), str(tmp_path / "b.json"),
                                       "--system", str(tmp_path / "out"), "--errors"])
    assert result.exit_code == 0, result.output
    assert "b.json: '16 December' gold=1950-12-16 system=1949-12-16" in result.output
    assert "a.json: '16 December'" not in result.output
