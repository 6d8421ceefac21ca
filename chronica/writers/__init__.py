"""Output formats: each writer turns a Document into text (or bytes, for an archive); ``write_atomic``
puts it on disk, the one place output files are written."""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from chronica.errors import InputError
from chronica.model import Document
from chronica.writers import csv, gexf, html, json, markdown, tei, timelinejs, timeml

Writer = Callable[[Document], str | bytes]

WRITERS: dict[str, tuple[Writer, str]] = {
    "json": (json.render, ".json"),
    "md": (markdown.render, ".md"),
    "html": (html.render, ".html"),
    "csv": (csv.render, ".csv.zip"),
    "timelinejs": (timelinejs.render, ".timeline.json"),
    "gexf": (gexf.render, ".gexf"),
    "tei": (tei.render, ".tei.xml"),
    "timeml": (timeml.render, ".tml"),
}


def write_atomic(path: Path, content: str | bytes) -> None:
    """Write ``content`` to ``path`` through a temporary file and a rename: never a half-written file.

    A place that cannot be written (no permission, a file where a directory should be, disk full)
    is an :class:`InputError` naming ``path``, so the CLI prints one line instead of a traceback.
    """
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise InputError(str(path), f"cannot write ({exc.strerror or exc})") from None
    try:
        os.fchmod(fd, 0o666 & ~_umask())  # mkstemp's 0600 would make outputs private to their writer
        if isinstance(content, bytes):
            with os.fdopen(fd, "wb") as handle:
                handle.write(content)
        else:
            with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
                handle.write(content)
        os.replace(tmp, path)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise InputError(str(path), f"cannot write ({exc.strerror or exc})") from None
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def output_stem(doc: Document, used: set[str]) -> str:
    """The base name of ``doc``'s output files in a directory, unique among ``used`` (which it joins):
    the input's stem, or with a prefix of its sha256 appended when another input had that stem
    (``a/ch1.txt`` and ``b/ch1.txt`` must not write one ``ch1.json`` over the other)."""
    stem = Path(doc.source.path).stem or "document"
    if stem in used:
        stem = f"{stem}-{doc.source.sha256[:8]}"
    used.add(stem)
    return stem


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current


def write_stdout(content: str | bytes) -> None:
    """Text to stdout as text; an archive as raw bytes (``chronica analyze x.txt -f csv > x.zip``)."""
    if isinstance(content, bytes):
        sys.stdout.flush()
        sys.stdout.buffer.write(content)
        sys.stdout.buffer.flush()
    else:
        sys.stdout.write(content)
