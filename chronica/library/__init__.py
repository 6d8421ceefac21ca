"""The library: many analyzed books in one SQLite file, queried by the CLI and the web app.

``open_library`` refuses files it does not understand; ``store``/``load`` move whole Documents
in and out; ``queries`` holds the read-only views; ``merge`` links people and places across books.
"""

from __future__ import annotations

from chronica.library.schema import SCHEMA_VERSION, connect as open_library
from chronica.library.store import find, load, remove, store

DEFAULT_DB = "chronica.db"

__all__ = ["DEFAULT_DB", "SCHEMA_VERSION", "find", "load", "open_library", "remove", "store"]
