"""spaCy component ``chronica_timex``: ``nlp.add_pipe("chronica_timex")``.

Sets ``doc.spans["timex"]`` (label = TIMEX3 type) and ``doc._.timexes`` (Timex objects with
offsets into the Doc's text), so spaCy users get the tagger inside their own pipelines.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from chronica.timex.tagger import TimexTagger

if not Doc.has_extension("timexes"):
    Doc.set_extension("timexes", default=None)


class TimexComponent:
    def __init__(self, dct: str | None = None) -> None:
        self.tagger = TimexTagger()
        self.dct = dct

    def __call__(self, doc: Doc) -> Doc:
        timexes = self.tagger.tag(doc.text, dct=self.dct)
        spans = []
        for timex in timexes:
            span = doc.char_span(timex.start, timex.end, label=timex.type, alignment_mode="expand")
            if span is not None:
                spans.append(span)
        doc.spans["timex"] = spans
        doc._.timexes = timexes
        return doc


@Language.factory("chronica_timex", default_config={"dct": None})
def make_timex(nlp: Language, name: str, dct: str | None) -> TimexComponent:
    return TimexComponent(dct)
