"""Reading time of a ~300-page book per input format, against the analysis time it must stay under.

The book is the Milestones essays (from ../shared) up to ~105,000 words (about 300 printed pages at
350 words a page), with a note cited at the end of every third paragraph; it is written as EPUB,
DOCX and PDF into a temporary directory. TEI is timed on all 19 Milestones chapters as they are.
The target: reading takes under 10% of analysing the same text (~5k tokens/s with spaCy, so a
300-page book of ~120k tokens ≈ 25 s of analysis, the reader < 2.5 s).
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

from rich.table import Table

from benchmarks.books import Book, write_docx, write_epub, write_pdf
from benchmarks.common import console, shared_dir
from chronica.readers import docx, epub, pdf, tei

WORDS = 105_000
WORDS_PER_PAGE = 350
ANALYSIS_TOKENS_PER_S = 5_000
TOKENS_PER_WORD = 1.2
# The PDF writer uses a core font (no font file to ship), which covers Latin-1 only.
_LATIN1 = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "--", "…": "...", "\u00a0": " "})


def _latin1(text: str) -> str:
    return text.translate(_LATIN1).encode("latin-1", errors="replace").decode("latin-1")


def milestones_book(text_dir: Path, words: int = WORDS) -> Book:
    """Chapters from the Milestones section files, in order, until ``words`` words."""
    chapters: list[tuple[str, list[str]]] = []
    notes: dict[int, str] = {}
    count = 0
    for path in sorted(text_dir.glob("*.txt")):
        text = _latin1(path.read_text(encoding="utf-8"))
        title, *paragraphs = [" ".join(block.split()) for block in text.split("\n\n") if block.strip()]
        marked = []
        for paragraph in paragraphs:
            if len(marked) % 3 == 2:
                number = len(notes) + 1
                notes[number] = f"Office of the Historian, {path.stem}, paragraph {len(marked) + 1}."
                paragraph += f"{{{number}}}"
            marked.append(paragraph)
        chapters.append((title, marked))
        count += sum(len(p.split()) for p in paragraphs)
        if count >= words:
            break
    return Book("Milestones in the History of U.S. Foreign Relations", chapters, notes)


def _best(read, path: Path, repeats: int = 3):
    best, doc = float("inf"), None
    for _ in range(repeats):
        started = time.perf_counter()
        doc = read(path)
        best = min(best, time.perf_counter() - started)
    return best, doc


def main() -> None:
    shared = shared_dir()
    if shared is None:
        console.print("bench_readers: ../shared is not present (needs the Milestones corpus); skipped")
        return
    milestones = shared / "corpora" / "milestones"
    book = milestones_book(milestones / "text")
    table = Table(title="chronica readers: a ~300-page book per format (best of 3)")
    for column in ("format", "words", "pages", "notes", "seconds", "pages/s", "% of analysis", "target"):
        table.add_column(column, justify="left" if column == "format" else "right")
    with tempfile.TemporaryDirectory() as tmp:
        inputs = [("epub", epub.read, write_epub(book, Path(tmp) / "book.epub")),
                  ("docx", docx.read, write_docx(book, Path(tmp) / "book.docx")),
                  ("pdf", pdf.read, write_pdf(book, Path(tmp) / "book.pdf"))]
        for name, read, path in inputs:
            seconds, doc = _best(read, path)
            words = len(doc.text.split())
            pages = len(doc.pages) or round(words / WORDS_PER_PAGE)
            _row(table, name, words, pages, len(doc.notes), seconds)
    seconds, words = 0.0, 0
    chapters = sorted((milestones / "chapters").glob("*.xml"))
    for chapter in chapters:
        took, doc = _best(tei.read, chapter)
        seconds += took
        words += len(doc.text.split())
    _row(table, f"tei ({len(chapters)} chapters)", words, round(words / WORDS_PER_PAGE), 0, seconds)
    console.print(table)


def _row(table: Table, name: str, words: int, pages: int, notes: int, seconds: float) -> None:
    analysis = words * TOKENS_PER_WORD / ANALYSIS_TOKENS_PER_S
    share = 100 * seconds / analysis
    table.add_row(name, f"{words:,}", str(pages), str(notes), f"{seconds:.2f}", f"{pages / seconds:,.0f}",
                  f"{share:.1f}%", "ok (< 10%)" if share < 10 else "SLOW (>= 10%)")


if __name__ == "__main__":
    main()
