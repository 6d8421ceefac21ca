"""Small texts for the web and browser tests, and a library built from them (one hostile book)."""

from __future__ import annotations

from pathlib import Path

from chronica.library import open_library, store
from chronica.model import Entity

AIRLIFT = (
    "THE BLOCKADE\n"
    "On 24 June 1948 the Soviet authorities imposed the Berlin blockade and cut the last rail link into Berlin. "
    "General Lucius Clay ordered the first flights on 26 June.\n"
    "1\n"
    "“We are going to stay,” Clay said. The airlift ended on 30 September 1949.\n"
    "2\n"
)
MOSCOW = "In May 1949 Joseph Stalin received the envoys in Moscow. Stalin agreed to lift the blockade on 12 May 1949.\n"
SCRIPT = "<script>alert(1)</script>"
IMG = '"><img src=x onerror=alert(2)>'
HOSTILE = (
    f"On 3 May 1950 the clerk {SCRIPT} wrote {IMG} to the council in Paris.\n"
    f"“{SCRIPT} is not a name,” said Jean Monnet on 9 May 1950.\n"
)
HOSTILE_NAME = f"{IMG}.txt"


def build(path: Path, analyze_text) -> dict[str, int]:
    """A library at ``path`` with the three books; returns their ids by name.

    The hostile book also gets a person named with the payload (a name from the text, so it has
    a mention) and Paris gets coordinates, as the gazetteer would give it.
    """
    conn = open_library(path, create=True)
    ids = {}
    for text, name in ((AIRLIFT, "airlift.txt"), (MOSCOW, "moscow.txt"), (HOSTILE, HOSTILE_NAME)):
        doc = analyze_text(text)
        doc.source.path = name
        if text is HOSTILE:
            start = text.index(IMG)
            doc.entities.append(Entity(id="e-hostile", name=IMG, type="PERSON", aliases=[IMG],
                                       mentions=[(start, start + len(IMG))]))
            for event in doc.events:
                event.actors.append("e-hostile")
            for entity in doc.entities:
                if entity.name == "Paris":
                    entity.coordinates = (48.8566, 2.3522)
        ids[name] = store(conn, doc)
    conn.close()
    return ids
