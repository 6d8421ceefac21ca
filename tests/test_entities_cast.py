"""People: one entity per person across name forms, titles, appositions and role descriptions."""

TEXT = (
    "In March the Chinese Communist leader Mao Zedong travelled to Moscow to meet Joseph Stalin. "
    "Stalin’s interpreter, Nikolai Fedorenko, kept notes. Generalissimo Stalin received his guest warmly, "
    "and Mao thanked him. Comrade Mao Zedong then asked for aid. Fedorenko later wrote about the visit. "
    "The Chinese leader left for home in February.\n\n"
    "John Adams and John Quincy Adams both served abroad. Adams later became president.\n"
)


def _people(doc):
    return {e.name: e for e in doc.entities if e.type == "PERSON"}


def test_name_forms_and_titles_cluster(analyze_text):
    people = _people(analyze_text(TEXT))
    mao, stalin, fedorenko = people["Mao Zedong"], people["Joseph Stalin"], people["Nikolai Fedorenko"]
    assert {"Mao", "Comrade Mao Zedong"} <= set(mao.aliases)
    assert "Generalissimo Stalin" in stalin.aliases and "Stalin" in stalin.aliases
    assert {"Fedorenko", "Stalin’s interpreter"} <= set(fedorenko.aliases)
    assert mao.wikidata == "Q5816"


def test_role_description_resolves_when_unambiguous(analyze_text):
    mao = _people(analyze_text(TEXT))["Mao Zedong"]
    assert "the Chinese leader" in mao.aliases


def test_two_people_are_never_merged(analyze_text):
    people = _people(analyze_text(TEXT))
    assert "John Adams" in people and "John Quincy Adams" in people
    for person in people.values():
        others = {n for n in people if n != person.name}
        assert not others & set(person.aliases)


def test_pronoun_mentions_point_to_the_salient_person(analyze_text):
    doc = analyze_text("Stalin arrived late. He spoke about the treaty for an hour.")
    stalin = _people(doc)["Joseph Stalin"]
    start = doc.text.index("He ")
    assert (start, start + 2) in stalin.mentions


def test_people_the_model_types_as_bodies_or_places(analyze_text):
    doc = analyze_text(
        "With the backing of the Empress Dowager Cixi, the Boxers marched on Peking. George F. Kennan wrote "
        "the article. Kennan’s ideas spread. The treaties rejected Stalin’s March 1952 offer of a neutral Germany.\n")
    people = _people(doc)
    assert "Empress Dowager Cixi" in people["Cixi"].aliases
    assert "Kennan" in people["George F. Kennan"].aliases
    assert "Stalin" in people["Joseph Stalin"].aliases


def test_names_inside_a_treaty_title_are_not_people(analyze_text):
    doc = analyze_text("In 1950 Stalin and Mao Zedong signed the Treaty of Friendship, Alliance, and Mutual "
                       "Assistance in Moscow.\n")
    assert "Mutual Assistance" not in {a for e in doc.entities if e.type == "PERSON" for a in e.aliases}
    assert any(e.type == "LAW" and e.name.endswith("Mutual Assistance") for e in doc.entities)


def test_subject_pronoun_prefers_the_latest_subject(analyze_text):
    doc = analyze_text("Harry Truman led the country. Truman consulted Truman’s cabinet, and Truman met his advisers "
                       "every week. George Kennan wrote a long telegram from Moscow. He warned of Soviet pressure.\n")
    kennan = next(e for e in doc.entities if e.name.endswith("Kennan"))
    start = doc.text.index("He warned")
    assert (start, start + 2) in kennan.mentions


def test_a_titled_surname_is_the_known_person_with_that_role_not_a_namesake(analyze_text) -> None:
    doc = analyze_text(
        "In October 1962 President Kennedy ordered a naval quarantine of the island. "
        "Attorney General Robert Kennedy met the Soviet ambassador on the evening of 27 October. "
        "The next morning President Kennedy accepted the offer.\n")
    people = {e.name: e for e in doc.entities if e.type == "PERSON"}
    assert "John F. Kennedy" in people and "Robert Kennedy" in people
    assert "President Kennedy" in people["John F. Kennedy"].aliases
    assert "President Kennedy" not in people["Robert Kennedy"].aliases


def test_a_bare_surname_means_the_essays_main_namesake_outside_the_paragraph_of_another(analyze_text) -> None:
    doc = analyze_text(
        "Critics of the Kennedy administration were loud. In 1961 President Kennedy met Khrushchev in Vienna.\n\n"
        "Attorney General Robert Kennedy then met the ambassador. Kennedy told him the missiles must go.\n\n"
        "The crisis strengthened Kennedy’s standing at home.\n")
    people = _people(doc)
    jfk, bobby = people["John F. Kennedy"], people["Robert Kennedy"]
    text = doc.masked_text()
    bobby_bare = [text[s:e] for s, e in bobby.mentions if text[s:e] == "Kennedy"]
    jfk_starts = {s for s, _ in jfk.mentions}
    assert text.index("Kennedy administration") in jfk_starts  # before the president is titled
    assert text.index("Kennedy’s standing") in jfk_starts  # a later paragraph: the main Kennedy
    assert bobby_bare == ["Kennedy"]  # "Kennedy told him", right after Robert Kennedy in his paragraph


def test_a_name_after_a_long_office_is_a_person(analyze_text) -> None:
    doc = analyze_text(
        "Simultaneously, Assistant to the President for National Security Affairs Brent Scowcroft warned "
        "that the Cold War was not over, and Secretary of Defense Caspar Weinberger agreed.\n")
    people = _people(doc)
    assert {"Brent Scowcroft", "Caspar Weinberger"} <= set(people)
    assert not [e for e in doc.entities if e.type != "PERSON" and ("Scowcroft" in e.name or "Weinberger" in e.name)]
    assert "Secretary of Defense Caspar Weinberger" in people["Caspar Weinberger"].aliases


def test_an_office_alone_yields_no_person(analyze_text) -> None:
    doc = analyze_text(
        "The Assistant to the President for National Security Affairs, who chaired the meeting, sided with "
        "the Secretary of the Treasury. The Ambassador to the United Nations Security Council abstained.\n")
    names = {e.name for e in doc.entities if e.type == "PERSON"}
    assert not {n for n in names if "Affairs" in n or "Council" in n or "Treasury" in n}


def test_a_name_in_apposition_to_a_role_is_a_person(analyze_text) -> None:
    doc = analyze_text(
        "Robert Kennedy then met secretly with Soviet Ambassador to the United States, Anatoly Dobrynin, "
        "and proposed a deal. His half-brother, Souphanouverong, led the rebels.\n")
    people = _people(doc)
    assert {"Anatoly Dobrynin", "Souphanouverong"} <= set(people)
    assert "United States" not in people


def test_a_place_in_apposition_stays_a_place(analyze_text) -> None:
    doc = analyze_text("The envoy travelled on to the capital, Paris, where the king's minister, Vergennes, met him.\n")
    assert "Paris" not in _people(doc)
