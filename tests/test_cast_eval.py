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
