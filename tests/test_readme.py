"""The README's Python examples run as written (from the repository root)."""

from __future__ import annotations

import os
import re

from benchmarks.common import ROOT


def test_readme_python_blocks_run(tmp_path, monkeypatch, capsys) -> None:
    blocks = re.findall(r"```python\n(.*?)```", (ROOT / "README.md").read_text(encoding="utf-8"), re.S)
    assert blocks
    monkeypatch.chdir(tmp_path)
    os.symlink(ROOT / "chronica", tmp_path / "chronica")  # the examples name the bundled sample by its path
    for block in blocks:
        exec(compile(block, "README.md", "exec"), {})
    printed = capsys.readouterr().out
    assert "('24 June 1948', '1948-06-24')" in printed
    assert (tmp_path / "out" / "sample-api.json").exists()
    assert "('The following day', 'DATE', '1948-06-25')" in printed
