"""Data files (word lists, patterns, gazetteers) kept apart from the engines that apply them."""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Any


@lru_cache(maxsize=None)
def load_json(area: str, name: str) -> Any:
    """Parse ``chronica/data/<area>/<name>`` once per process."""
    return json.loads(resources.files(__name__).joinpath(area, name).read_text("utf-8"))


@lru_cache(maxsize=None)
def load_lines(area: str, name: str) -> tuple[str, ...]:
    """Non-empty, non-comment lines of a word list."""
    text = resources.files(__name__).joinpath(area, name).read_text("utf-8")
    return tuple(line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#"))


@lru_cache(maxsize=None)
def load_set(area: str, name: str) -> frozenset[str]:
    """A word list as a set, for membership tests in the stages' hot loops."""
    return frozenset(load_lines(area, name))
