"""Drafters speaking for their document, designators as documents, premodifier terms, "the President"."""


def test_drafters_and_they_speak_for_the_document(analyze_text, quotes_of):
    text = ("The planning paper ABC-12 was finished in 1961. Its authors argued that the alliance faced "
            "“a long and dangerous decade of rivalry.” Hollis’s group warned that the rival was "
            "“bent on expansion everywhere,” and they concluded that the danger was “growing every year.”\n")
    doc = analyze_text(text)
    got = quotes_of(text)
    assert got["“a long and dangerous decade of rivalry.”"][0] == "ABC-12"
    assert got["“bent on expansion everywhere,”"][0] == "ABC-12"
    assert got["“growing every year.”"][0] == "ABC-12"
    assert all(e.name != "ABC-12" for e in doc.entities if e.type == "PERSON")


def test_a_group_of_people_names_no_document(quotes_of):
    got = quotes_of("The Farm Act passed in 1933. A group of farmers argued that prices were "
                    "“far too low for any family to live on.”\n")
    assert got["“far too low for any family to live on.”"][0] != "Farm Act"


def test_quoted_premodifier_is_a_term(quotes_of):
    got = quotes_of("The law allowed the sale of grain to any buyer, but only on a “pay at the dock” basis, "
                    "and the minister signed a “Ships for Harbors” deal.\n")
    assert got["“pay at the dock”"] == (None, "term")
    assert got["“Ships for Harbors”"] == (None, "term")


def test_the_president_is_the_president_named_last(quotes_of):
    got = quotes_of(
        "President Harold Whitcombe left office in 1960. President Arthur Penrose took office in 1961. "
        "During Penrose’s first year, relations with Moscow stayed cold. The President spoke of "
        "“a peace that will outlast us all.”\n")
    assert got["“a peace that will outlast us all.”"][0] == "Arthur Penrose"
