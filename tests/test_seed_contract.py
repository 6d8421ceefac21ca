"""The seed chapter through the CLI: every contract field, the text unchanged, all notes, the heading."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

CONTRACT = {
    "timexes": {"id", "text", "start", "end", "type", "value", "mod", "earliest", "latest"},
    "entities": {"id", "name", "type", "aliases", "mentions"},
    "events": {"id", "date", "summary", "trigger", "actors", "places", "sentence", "sentence_start",
               "sentence_end", "notes"},
    "quotes": {"id", "text", "start", "end", "speaker", "speaker_name", "cue"},
    "notes": {"number", "start", "end", "sentence_start", "sentence_end"},
    "sections": {"title", "start", "end", "level"},
}
DATE_FIELDS = {"value", "mod", "earliest", "latest", "timex", "inferred"}


def test_seed_analysis_follows_the_contract(shared: Path, tmp_path: Path) -> None:
    seed = shared / "seed" / "000_05af9c06156b87ff.txt"
    gold = json.loads((shared / "seed" / "gold.json").read_text(encoding="utf-8"))
    out = tmp_path / "seed.json"
    subprocess.run([sys.executable, "-m", "chronica", "analyze", str(seed), "--format", "json", "-o", str(out), "-q"],
                   check=True, timeout=300)
    result = json.loads(out.read_text(encoding="utf-8"))

    assert result["schema"] == "chronica/1"
    assert set(result["source"]) >= {"path", "sha256", "format"} and result["source"]["format"] == "txt"
    assert result["text"] == seed.read_text(encoding="utf-8")
    assert "dct" in result and result["dct"] is None
    for key, fields in CONTRACT.items():
        assert isinstance(result[key], list) and result[key], key
        for item in result[key]:
            assert fields <= set(item), (key, fields - set(item))
    for event in result["events"]:
        assert DATE_FIELDS <= set(event["date"])

    text = result["text"]
    notes = {n["number"]: n for n in result["notes"]}
    assert sorted(notes) == list(range(82, 96))
    for expected in gold["notes"]:
        note = notes[expected["number"]]
        assert (note["start"], note["end"]) == (expected["marker_start"], expected["marker_end"])
        assert text[note["sentence_start"]:note["sentence_end"]].endswith(expected["cites_sentence_ending"])
    assert "THE THREAT OF WORLD WAR III" in [s["title"] for s in result["sections"]]
    for timex in result["timexes"]:
        assert text[timex["start"]:timex["end"]] == timex["text"]
    for quote in result["quotes"]:
        assert text[quote["start"]:quote["end"]] == quote["text"]
