"""The Jinja2 environment shared by the web app and the ``--format html`` export.

Autoescape is on for every template: a string from a document can only reach a page through
``{{ … }}``, which escapes it. Nothing in a template marks document text ``|safe``.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader
from markupsafe import Markup

HERE = Path(__file__).resolve().parent
TEMPLATES = HERE / "templates"
STATIC = HERE / "static"


@lru_cache(maxsize=1)
def environment() -> Environment:
    return Environment(loader=FileSystemLoader(TEMPLATES), autoescape=True, trim_blocks=True, lstrip_blocks=True)


@lru_cache(maxsize=8)
def static_text(name: str) -> Markup:
    """One of our own static files (CSS/JS), to inline in the self-contained export."""
    return Markup((STATIC / name).read_text(encoding="utf-8"))
