"""The Python API: chronica.analyze on text and on a path, and the Analysis views."""

from __future__ import annotations

import json
from pathlib import Path

import chronica

TEXT = "On 24 June 1948 the Soviet authorities cut the roads into Berlin. “We stay,” Clay said.\n"


def test_analyze_text_and_path_agree(tmp_path: Path) -> None:
    path = tmp_path / "berlin.txt"
    path.write_text(TEXT, encoding="utf-8")
    from_text = chronica.analyze(TEXT)
    from_path = chronica.analyze(path)
    assert from_text.to_dict()["timexes"] == from_path.to_dict()["timexes"]
    assert from_path.document.source.format == "txt" and from_path.document.source.path == str(path)
    assert [t.value for t in from_text.timexes] == ["1948-06-24"]
    assert from_text.events[0].date.value == "1948-06-24"
    assert [q.text for q in from_text.quotes] == ["“We stay,”"]
    assert json.loads(from_text.to_json())["schema"] == "chronica/1"


def test_a_string_naming_a_file_is_read_as_that_file(tmp_path: Path) -> None:
    path = tmp_path / "berlin.txt"
    path.write_text(TEXT, encoding="utf-8")
    assert chronica.analyze(str(path)).document.text == TEXT


def test_the_model_is_loaded_once_for_many_calls() -> None:
    from chronica.pipeline import shared

    chronica.analyze(TEXT)
    loaded = shared.cache_info().currsize
    for _ in range(3):
        chronica.analyze(TEXT)
    assert shared.cache_info().currsize == loaded and shared.cache_info().hits >= 3
