"""Output formats: each writer turns a Document into text; ``write`` puts it on disk atomically."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from chronica.model import Document
from chronica.writers import html, json, markdown

Writer = Callable[[Document], str]

WRITERS: dict[str, tuple[Writer, str]] = {
    "json": (json.render, ".json"),
    "md": (markdown.render, ".md"),
    "html": (html.render, ".html"),
}


def write_atomic(path: Path, content: str) -> None:
    """Write ``content`` to ``path`` through a temporary file and a rename: never a half-written file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(content)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
