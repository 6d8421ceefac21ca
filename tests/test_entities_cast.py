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
