"""TIMEX3 temporal expressions for history narrative: detection, normalization, narrative anchoring.

``TimexTagger().tag(text, dct=None, paragraphs=None, sections=None)`` returns
:class:`chronica.model.Timex` objects; ``nlp.add_pipe("chronica_timex")`` does the same for spaCy.
"""

from chronica.timex.tagger import TimexTagger

__all__ = ["TimexTagger"]
