"""The TIMEX3 engine on history-style sentences: detection, values, mods, bounds, anchoring."""

from __future__ import annotations

import pytest

from chronica.errors import InputError
from chronica.timex import TimexTagger


@pytest.fixture(scope="module")
def tagger() -> TimexTagger:
    return TimexTagger()


def values(tagger: TimexTagger, text: str, **kw) -> list[tuple[str, str, str | None]]:
    return [(t.text, t.value, t.mod) for t in tagger.tag(text, **kw)]


def test_named_year_does_not_move_the_clock(tagger):
    text = ("Stalin refused to replace the 1945 agreement. In December 1949 Mao arrived in Moscow. "
            "He raised the 1945 Sino-Soviet agreement again. On 21 December a celebration was held.")
    found = {t.text: t for t in tagger.tag(text)}
    assert found["21 December"].value == "1949-12-21"
    assert found["21 December"].anchor is not None


def test_look_ahead_year(tagger):
    text = ("Mao met Stalin on 16 December. The talks went badly.\n"
            "Zhou Enlai arrived in Moscow only on 22 January 1950.")
    found = {t.text: t.value for t in tagger.tag(text, paragraphs=[(0, len(text))])}
    assert found["16 December"] == "1949-12-16"
    assert found["22 January 1950"] == "1950-01-22"


def test_following_day_and_same_day(tagger):
    text = ("On 16 February 1950 Stalin hosted a farewell luncheon. The following day the delegation left. "
            "Molotov gave a speech that same day.")
    got = values(tagger, text)
    assert ("The following day", "1950-02-17", None) in got
    assert ("that same day", "1950-02-17", None) in got


def test_offsets_and_next_year(tagger):
    text = "The crisis began on June 24, 1948. Two weeks later the airlift grew. The next year the blockade ended."
    got = values(tagger, text)
    assert ("Two weeks later", "1948-07-08", None) in got
    assert ("The next year", "1949", None) in got


def test_seasons(tagger):
    text = "Plans were drawn in late 1948 and carried out the following summer. In the fall of 1949 Mao won."
    got = values(tagger, text)
    assert ("late 1948", "1948", "END") in got
    assert ("the following summer", "1949-SU", None) in got
    assert ("the fall of 1949", "1949-FA", None) in got


def test_decades_centuries_bc(tagger):
    found = {t.text: t for t in tagger.tag("In the 1940s, unlike the nineteenth century or 44 B.C., things moved fast.")}
    assert found["the 1940s"].value == "194"
    assert (found["the 1940s"].earliest, found["the 1940s"].latest) == ("1940-01-01", "1949-12-31")
    assert found["the nineteenth century"].value == "18"
    assert found["44 B.C."].value == "BC0044"
    assert found["44 B.C."].earliest == "-0043-01-01"


def test_ranges_and_bounds(tagger):
    found = {t.text: t for t in tagger.tag("The Berlin Airlift, 1948–1949, began in late August 1949.")}
    airlift = found["1948–1949"]
    assert (airlift.value, airlift.earliest, airlift.latest) == ("1948", "1948-01-01", "1949-12-31")
    late = found["late August 1949"]
    assert (late.value, late.mod) == ("1949-08", "END")
    assert late.earliest > "1949-08-15" and late.latest == "1949-08-31"


def test_month_range_gives_both_bounds(tagger):
    got = values(tagger, "The offensive lasted from May to July 1950.")
    assert [g[:2] for g in got] == [("May", "1950-05"), ("July 1950", "1950-07")]


def test_written_numbers_and_durations(tagger):
    got = values(tagger, "The lease ran for thirty-three years; after several years and two and a half months it ended. "
                         "He wrote for decades.")
    assert ("thirty-three years", "P33Y", None) in got
    assert ("several years", "PXY", None) in got
    assert ("two and a half months", "P75D", None) in got
    assert ("decades", "PXDE", None) in got


def test_modifiers(tagger):
    got = values(tagger, "By early 1950, and certainly by mid-1950 or the end of 1952, about 1950 at any rate.")
    assert ("early 1950", "1950", "START") in got
    assert ("mid-1950", "1950", "MID") in got
    assert ("the end of 1952", "1952", "END") in got
    assert ("about 1950", "1950", "APPROX") in got


def test_not_dates(tagger):
    got = values(tagger, "They may march 1500 troops 300 miles; the Seven Years' War was over. One day he left.")
    assert got == []


def test_sets_and_present(tagger):
    got = values(tagger, "The council met every year and reported annually. Today the archive is open.")
    assert ("every year", "P1Y", None) in got
    assert ("annually", "P1Y", None) in got
    assert ("Today", "PRESENT_REF", None) in got


def test_news_mode_deictics(tagger):
    got = values(tagger, "Officials said Friday that last year was bad and this week is worse.", dct="2013-03-22")
    assert ("Friday", "2013-03-22", None) in got
    assert ("last year", "2012", None) in got
    assert ("this week", "2013-W12", None) in got


def test_bad_dct_is_input_error(tagger):
    with pytest.raises(InputError):
        tagger.tag("In 1950.", dct="March 2013")


def test_ids_in_text_order(tagger):
    found = tagger.tag("In 1947 and 1948, and again in 1950.")
    assert [t.id for t in found] == ["t1", "t2", "t3"]
    assert [t.value for t in found] == ["1947", "1948", "1950"]


def test_flash_forward_year_leaves_a_fine_clock(tagger):
    # A work's date told as an aside does not move a day-level narrative into that year.
    text = ("On 28 June 1948 Truman decided to stay in Berlin. In his memoir, published in 1950, Clay admitted "
            "his doubts. In mid-July bombers flew to England. On 2 August Stalin received the envoys.")
    found = {t.text: t.value for t in tagger.tag(text)}
    assert found["1950"] == "1950"
    assert found["mid-July"] == "1948-07"
    assert found["2 August"] == "1948-08-02"


def test_aside_year_without_cue_leaves_the_clock(tagger):
    text = ("The blockade began on 24 June 1948. The airlift, which ended in 1949, was an improvisation at first. "
            "In September the tonnage doubled.")
    found = {t.text: t.value for t in tagger.tag(text)}
    assert found["September"] == "1948-09"


def test_flash_year_confirmed_by_the_next_full_date_moves_the_clock(tagger):
    # The look-ahead decides: the story itself goes on in the cued year.
    text = ("On 3 May 1945 the war in Europe was nearly over. He stayed in the army until 1947, and in "
            "March 1947 he was sent to Berlin. In June he met Clay.")
    found = {t.text: t.value for t in tagger.tag(text)}
    assert found["June"] == "1947-06"


def test_sentence_initial_year_still_moves_the_clock(tagger):
    text = "On 28 June 1948 Truman decided to stay. In 1950 the Korean War began. In July troops landed."
    found = {t.text: t.value for t in tagger.tag(text)}
    assert found["July"] == "1950-07"


def test_news_mode_splits_a_year_range_as_timeml_does(tagger):
    text = "The swine flu pandemic of 2009-2010 killed 348 children."
    assert [(t.text, t.value) for t in tagger.tag(text, dct="2013-03-22")] == [("2009", "2009"), ("2010", "2010")]
    narrative = tagger.tag(text)  # without a DCT the range stays one expression with both bounds
    assert [(t.text, t.value, t.latest) for t in narrative] == [("2009-2010", "2009", "2010-12-31")]


def test_modifier_on_the_clocks_own_month(tagger):
    text = ("Talks collapsed early in September 1948, and the powers went to the Security Council "
            "at the end of the month.")
    got = values(tagger, text)
    assert ("early in September 1948", "1948-09", "START") in got
    assert ("the end of the month", "1948-09", "END") in got


def test_unquantified_stretches_are_vague_durations(tagger):
    text = ("November 1948 brought weeks of fog. After months of negotiations the powers agreed; "
            "the years of the war were not forgotten. Such checks can take days.")
    got = {t.text: t.value for t in tagger.tag(text)}
    assert got["weeks"] == "PXW" and got["months"] == "PXM" and got["days"] == "PXD"
    assert "years" not in got


def test_vague_offset_lands_at_the_coarser_grain(tagger):
    text = "Israel attacked on 29 October 1956. Britain and France landed troops a few days later."
    got = {t.text: t.value for t in tagger.tag(text)}
    assert got["a few days later"] == "1956-11"


def test_offset_takes_the_date_set_beside_it(tagger):
    text = ("The Smithsonian Agreement was signed in December 1971. Fifteen months later, in February 1973, "
            "the dollar was devalued again.")
    got = {t.text: t.value for t in tagger.tag(text)}
    assert got["Fifteen months later"] == "1973-02"


def test_year_after_preposition_before_a_capitalized_word(tagger):
    got = {t.text: t.value for t in tagger.tag("Britain won in India, and in 1759 British armies took Quebec.")}
    assert got["1759"] == "1759"
    assert tagger.tag("They landed 1500 British soldiers.") == []


def test_day_names_and_appositions_are_not_timexes(tagger):
    text = "He got his proof on 13 August 1948, a day the crews remembered as “Black Friday.”"
    assert [(t.text, t.value) for t in tagger.tag(text)] == [("13 August 1948", "1948-08-13")]


def test_clock_time_with_zone_and_weekday(tagger):
    got = values(tagger, "The match was postponed until 15:00 GMT Saturday.", dct="2013-03-22")
    assert got == [("15:00 GMT Saturday", "2013-03-23T15:00", None)]


def test_modified_relative_and_fiscal_year(tagger):
    got = values(tagger, "He was reported missing late last July. The agency cut its budget this fiscal year.",
                 dct="2013-03-22")
    assert ("late last July", "2012-07", "END") in got
    assert ("this fiscal year", "2013", None) in got


def test_clock_time_on_a_full_date(tagger):
    got = values(tagger, "At one minute past midnight on 12 May 1949, the barriers went up. At 3 p.m. on 14 July 1948 they met.")
    assert got == [("one minute past midnight on 12 May 1949", "1949-05-12T00:01", None),
                   ("3 p.m. on 14 July 1948", "1948-07-14T15:00", None)]
