"""Writers: the Markdown chronology, the self-contained HTML page (escaped), atomic writes."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from chronica.writers import WRITERS, write_atomic

STORY = (
    "THE BLOCKADE\n"
    "On 24 June 1948 the Soviet authorities cut the last rail link into Berlin. "
    "General Lucius Clay ordered the first flights on 26 June.\n"
    "1\n"
    "“We are going to stay,” Clay said. The airlift ended on 30 September 1949.\n"
    "2\n"
)
HOSTILE = "On 3 May 1950 <script>alert(1)</script> wrote \"><img src=x onerror=alert(2)> to the council.\n"


def test_markdown_chronology_is_in_time_order_with_citations(analyze_text) -> None:
    md = WRITERS["md"][0](analyze_text(STORY))
    rows = [line for line in md.splitlines() if line.startswith("| 19")]
    dates = [row.split("|")[1].strip() for row in rows]
    assert dates == sorted(dates) and dates[0] == "1948-06-24" and dates[-1] == "1949-09-30"
    assert any("note 1" in row for row in rows)


def test_html_page_is_self_contained_and_escapes_document_text(analyze_text) -> None:
    page = WRITERS["html"][0](analyze_text(HOSTILE))
    assert "<script>alert(1)</script>" not in page
    assert "<img src=x" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert not re.search(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//""", page)  # nothing fetched from a network
    assert page.count("<script>") == 1  # only the page's own script


def test_html_highlights_dates_and_links_events_to_sentences(analyze_text) -> None:
    doc = analyze_text(STORY)
    page = WRITERS["html"][0](doc)
    assert '<mark class="date">24 June 1948</mark>' in page
    for event in doc.events:
        assert f'data-target="s{event.sentence_start}"' in page
        assert f'id="s{event.sentence_start}"' in page


def test_json_round_trips(analyze_text) -> None:
    data = json.loads(WRITERS["json"][0](analyze_text(STORY)))
    assert data["text"] == STORY
    assert [n["number"] for n in data["notes"]] == [1, 2]


def test_write_atomic_leaves_the_old_file_when_writing_fails(tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    target.write_text("old", encoding="utf-8")
    with pytest.raises(TypeError):
        write_atomic(target, 12345)  # type: ignore[arg-type]
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["out.json"]


def test_write_atomic_gives_files_the_usual_permissions(tmp_path: Path) -> None:
    import os

    target = tmp_path / "out.md"
    write_atomic(target, "# chronology\n")
    umask = os.umask(0)
    os.umask(umask)
    assert target.stat().st_mode & 0o777 == 0o666 & ~umask


def test_markdown_keeps_document_markup_inert(analyze_text) -> None:
    md = WRITERS["md"][0](analyze_text(HOSTILE))
    assert "<script>" not in md and "<img" not in md
    assert "&lt;script>alert(1)&lt;/script>" in md  # still readable once rendered


@pytest.mark.parametrize("fmt", ["tei", "timeml", "gexf"])
def test_xml_outputs_stay_well_formed_with_control_characters(analyze_text, fmt: str) -> None:
    from xml.etree import ElementTree

    # Form feeds and other C0 controls come through from PDF and word-processor text.
    doc = analyze_text("On 24 June 1948 General Lucius Clay\x0c met Ernst Reuter in Berlin.\x01\n"
                       "“We stay,” Clay\x0b said to Reuter on 26 June 1948.\n")
    root = ElementTree.fromstring(WRITERS[fmt][0](doc).encode("utf-8"))
    text = "".join(root.itertext())
    assert "\x0c" not in text and "\x01" not in text
    if fmt != "gexf":
        assert "24 June 1948 General Lucius Clay met" in text.replace("  ", " ")


def test_inputs_with_one_name_in_different_folders_get_their_own_outputs(tmp_path: Path) -> None:
    import subprocess
    import sys

    for folder, year in (("vol1", 1948), ("vol2", 1950)):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "chapter.txt").write_text(f"On 24 June {year} the roads were cut.\n", encoding="utf-8")
    out = tmp_path / "out"
    result = subprocess.run([sys.executable, "-m", "chronica", "analyze", str(tmp_path / "vol1" / "chapter.txt"),
                             str(tmp_path / "vol2" / "chapter.txt"), "-o", str(out), "-q"],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    written = sorted(out.iterdir(), key=lambda p: len(p.name))
    assert len(written) == 2 and written[0].name == "chapter.json" and written[1].name.startswith("chapter-")
    values = sorted(json.loads(p.read_text(encoding="utf-8"))["timexes"][0]["value"] for p in written)
    assert values == ["1948-06-24", "1950-06-24"]
