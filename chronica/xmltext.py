"""Characters XML 1.0 forbids, made harmless in the XML writers' output.

Text from PDFs and old word-processor files carries form feeds and other C0 controls; neither
``xml.sax.saxutils.escape`` nor ElementTree refuses or escapes them, so one such character in a
book made the whole TEI or TimeML file unreadable. They cannot occur in markup, so one pass over
the serialized document is enough; each becomes a space, keeping every text offset where it was.
"""

from __future__ import annotations

import re

_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_safe(serialized: str) -> str:
    """``serialized`` with each character XML 1.0 forbids replaced by a space (same length)."""
    return _NOT_XML.sub(" ", serialized)
