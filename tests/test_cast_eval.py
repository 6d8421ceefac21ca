"""The cast evaluation on the seed chapter (skips without ../shared)."""

import json

from chronica.evaluation.cast import people_score, score


def test_people_score_rejects_merged_people():
    from chronica.model import Entity

    gold = [{"name": "A B", "aliases": ["B"]}, {"name": "C D", "aliases": ["D"]}]
    merged = [Entity(id="e1", name="A B", type="PERSON", aliases=["B", "D"])]
    assert people_score(gold, merged) == (0, ["A B", "C D"])


def test_seed_cast(shared, pipeline):
    gold = json.loads((shared / "seed" / "gold.json").read_text("utf-8"))
    result = score(gold, pipeline.analyze_path(shared / "seed" / gold["text_file"]))
    assert result.people_clean == result.people
    assert result.quotes_found == result.quotes


def test_a_speaker_matches_through_the_titled_form_in_the_gold_aliases(analyze_text):
    from chronica.evaluation.cast import quote_matches

    text = ("Klemens von Metternich’s envoy arrived in 1815. When the envoy left, Austrian Foreign Minister "
            "Metternich asked: “Who will keep the peace of Europe now?”\n")
    doc = analyze_text(text)
    start = text.index("“")
    gold_people = [{"name": "Prince Klemens Wenzel von Metternich",
                    "aliases": ["Austrian Foreign Minister Metternich"]}]
    gold = [{"text": text[start:text.index("”") + 1], "start": start, "end": text.index("”") + 1,
             "speaker": "Prince Klemens Wenzel von Metternich"}]
    [(_, found, right)] = quote_matches(gold, doc, gold_people)
    assert found is not None and right
