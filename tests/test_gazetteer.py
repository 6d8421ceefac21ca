"""The gazetteer: name variants join one place; known places are never typed PERSON."""

from chronica import gazetteer


def test_variants_denote_one_place_with_coordinates():
    gaz = gazetteer.load()
    assert gaz.lookup("Peking") is gaz.lookup("Beijing")
    assert gaz.lookup("Port Arthur").name == "Lüshun"
    assert gaz.lookup("Dalny") is gaz.lookup("Dalian")
    assert gaz.lookup("Kurile Islands") is gaz.lookup("Kuril Islands")
    assert gaz.lookup("the Kremlin").type == "FAC"
    beijing = gaz.lookup("Beijing")
    assert beijing.wikidata == "Q956" and 39 < beijing.coordinates[0] < 41


def test_lone_surnames_do_not_type_a_mention():
    gaz = gazetteer.load()
    assert gaz.lookup("Ho") is None  # too ambiguous on its own
    assert [k.name for k in gaz.short_names["Stalin"]] == ["Joseph Stalin"]


def test_outer_mongolia_is_a_place(analyze_text):
    doc = analyze_text("The treaty made them renounce all claims to Outer Mongolia. Later, Outer Mongolia "
                       "and Manchuria were discussed again in Peking.")
    types = {e.name: e.type for e in doc.entities}
    assert types["Outer Mongolia"] == "LOC"
    assert types["Beijing"] == "GPE"
    assert "PERSON" not in {types[n] for n in ("Outer Mongolia", "Manchuria", "Beijing")}
    beijing = next(e for e in doc.entities if e.name == "Beijing")
    assert beijing.aliases == ["Beijing", "Peking"] and beijing.coordinates is not None
