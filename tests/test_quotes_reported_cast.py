"""Held-out error classes of quote attribution, as general rules on sentences written for the tests:
titles after work nouns and publishing verbs, joint sources, quoted words inside reported speech,
and the antecedent of a pronoun speaker."""

from chronica.quotes import kind_of


def _by_text(doc):
    return {q.text: (q.speaker_name, q.kind) for q in doc.quotes}


def test_title_after_a_work_noun_or_a_publishing_verb(analyze_text):
    assert kind_of("The Spirit of the Age in Modern Europe.", "known for his essay of 1910, ") == "title"
    assert kind_of("The Spirit of the Age in Modern Europe.", "he said: ") == "speech"
    got = _by_text(analyze_text(
        "Carl Becker’s lectures drew crowds. Becker is remembered for his essay of 1910, "
        "“The Spirit of the Age in Modern Europe.” In 1946 the two governments issued a "
        "“Joint Statement on Arctic Fisheries.”\n"))
    assert got["“The Spirit of the Age in Modern Europe.”"] == (None, "title")
    assert got["“Joint Statement on Arctic Fisheries.”"] == (None, "title")


def test_joint_sources_have_no_single_speaker(analyze_text):
    got = _by_text(analyze_text(
        "Anthony Eden spoke first. The French, Dutch, and Belgian Governments stated that they wished to keep "
        "“the closest possible cooperation in every matter of trade and shipping.” Later the four ministers "
        "declared that “the conference has reached agreement on every point of substance.”\n"))
    assert got["“the closest possible cooperation in every matter of trade and shipping.”"] == (None, "speech")
    assert got["“the conference has reached agreement on every point of substance.”"] == (None, "speech")


def test_quoted_words_inside_reported_speech(analyze_text):
    got = _by_text(analyze_text(
        "Charles Beard postulated that the tariff had led to the “capture” of Congress by industry. "
        "Woodrow Wilson admired the “scientific approach” referred to by Beard. "
        "Vyacheslav Molotov answered Eden’s note with a message that the British “ultimatum” was a “hostile act.” "
        "Winston Churchill outlined his plan for a Europe that would be guarded by “regional councils” "
        "after the war.\n"))
    assert got["“capture”"] == ("Charles Beard", "speech")
    assert got["“scientific approach”"] == ("Charles Beard", "speech")
    assert got["“ultimatum”"] == ("Vyacheslav Molotov", "speech")
    assert got["“hostile act.”"] == ("Vyacheslav Molotov", "speech")
    assert got["“regional councils”"] == ("Winston Churchill", "speech")


def test_a_label_quoted_again_is_speech_only_inside_reported_words(analyze_text):
    got = [(q.text, q.speaker_name, q.kind) for q in analyze_text(
        "The press spoke of a “truce” and never of a “surrender.” Later Nikolai Bulganin replied with a note "
        "that the so-called “surrender” was a Western invention. The “truce” held.\n").quotes]
    assert got[2] == ("“surrender”", "Nikolai Bulganin", "speech")
    assert got[3] == ("“truce”", None, "term")


def test_a_pronoun_speaker_is_the_main_clause_subject_not_a_subordinate_one(analyze_text):
    got = _by_text(analyze_text(
        "Josip Broz Tito wrote to Joseph Stalin in the spring of 1948. The letter was long and rejected the "
        "charges that Andrei Zhdanov had made in Moscow. “We study the Soviet system,” he wrote, "
        "“but we are building socialism in our own country.”\n"))
    assert got["“We study the Soviet system,”"][0] == "Josip Broz Tito"
