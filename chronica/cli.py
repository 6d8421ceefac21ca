"""The ``chronica`` command: one verb per job.

Errors a user can fix are one line on stderr naming the file and the problem, with exit
status 2; outputs are written atomically, so a failure never leaves a half-written file.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import click
from rich.console import Console
from rich.progress import BarColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Table

from chronica import __version__
from chronica.errors import InputError
from chronica.model import Document
from chronica.nlp import DEFAULT_MODEL, ModelError
from chronica.writers import WRITERS, write_atomic

stderr = Console(stderr=True)
PROGRESS_MIN_CHARS = 20_000  # about five pages: below that a bar only flickers


def fail(message: str) -> None:
    """Print one error line (no traceback)."""
    stderr.print(f"[bold red]error:[/] {message}", highlight=False, markup=True, soft_wrap=True)


def _validate_dct(_ctx: click.Context, _param: click.Parameter, value: str | None) -> str | None:
    if value is not None and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        raise click.BadParameter("expected YYYY-MM-DD")
    return value


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="chronica")
def main() -> None:
    """chronica: reads history and writes out the chronology inside it."""


@main.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("-o", "--output", type=click.Path(path_type=Path),
              help="Output file, or a directory (needed with several inputs or formats). Default: stdout.")
@click.option("-f", "--format", "formats", type=click.Choice(sorted(WRITERS)), multiple=True,
              help="Output format; repeat for several (default: from -o's extension, else json).")
@click.option("--model", default=DEFAULT_MODEL, show_default=True, help="Any installed spaCy pipeline.")
@click.option("--dct", callback=_validate_dct, help="Document creation date YYYY-MM-DD (news text).")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar or summary table.")
def analyze(files: tuple[Path, ...], output: Path | None, formats: tuple[str, ...], model: str,
            dct: str | None, quiet: bool) -> None:
    """Analyze FILES and write each analysis (json, md or html).

    \b
    chronica analyze chapter.txt                       # JSON on stdout
    chronica analyze chapter.txt -o chapter.html       # format from the extension
    chronica analyze a.txt b.md -f json -f md -o out/  # out/a.json out/a.md out/b.json out/b.md
    """
    if not formats:
        suffix = output.suffix.lstrip(".") if output is not None else ""
        formats = (suffix if suffix in WRITERS else "json",)
    to_dir = output is not None and (len(files) > 1 or len(formats) > 1 or output.is_dir()
                                     or str(output).endswith(("/", "\\")))
    if output is None and (len(files) > 1 or len(formats) > 1):
        raise click.UsageError("several inputs or formats need -o DIR (one output per input and format)")

    from chronica import readers

    failed = False
    docs: list[Document] = []
    for path in files:  # read everything first: bad input is reported before the model loads
        try:
            docs.append(readers.read(path))
        except InputError as exc:
            fail(str(exc))
            failed = True
    if docs:
        from chronica.pipeline import Pipeline

        try:
            pipeline = Pipeline(model)
        except ModelError as exc:
            fail(str(exc))
            sys.exit(2)
        for doc in docs:
            doc.dct = dct or doc.dct
            _run_with_progress(pipeline, doc, quiet)
            for warning in doc.warnings:
                stderr.print(f"[yellow]warning:[/] {warning}", highlight=False)
            for fmt in formats:
                render, extension = WRITERS[fmt]
                content = render(doc)
                if output is None:
                    sys.stdout.write(content)
                else:
                    write_atomic(output / (Path(doc.source.path).stem + extension) if to_dir else output, content)
        if not quiet and output is not None:
            _summary(docs)
    sys.exit(2 if failed else 0)


def _run_with_progress(pipeline, doc: Document, quiet: bool) -> None:
    if quiet or len(doc.text) < PROGRESS_MIN_CHARS:
        pipeline.run(doc)
        return
    with Progress(TextColumn("{task.description}"), BarColumn(), TextColumn("{task.percentage:>3.0f}%"),
                  TimeRemainingColumn(), console=stderr, transient=True) as bar:
        task = bar.add_task(Path(doc.source.path).name, total=len(doc.text))
        pipeline.run(doc, progress=lambda chars: bar.advance(task, chars))


def _summary(docs: list[Document]) -> None:
    table = Table(title="chronica analysis")
    for column in ("file", "sections", "sentences", "dates", "entities", "events", "quotes", "notes"):
        table.add_column(column, justify="left" if column == "file" else "right")
    for doc in docs:
        table.add_row(Path(doc.source.path).name, *(str(len(x)) for x in (
            doc.sections, doc.sentences, doc.timexes, doc.entities, doc.events, doc.quotes, doc.notes)))
    stderr.print(table)


@main.group(name="eval")
def eval_group() -> None:
    """Score chronica's output against gold annotations."""


@eval_group.command(name="timex")
@click.argument("gold", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--system", "system", multiple=True, required=True, type=click.Path(path_type=Path),
              help="System output (.json analysis or .tml); repeat, in the order of GOLD or with the same names.")
@click.option("--errors", is_flag=True, help="Also list every missed or wrongly valued gold timex.")
def eval_timex(gold: tuple[Path, ...], system: tuple[Path, ...], errors: bool) -> None:
    """TempEval-3 scores (extent P/R/F1, value and type accuracy, value F1) of timexes.

    \b
    chronica eval timex gold.json --system chapter.json
    chronica eval timex gold/*.tml --system out/*.tml
    """
    from chronica.evaluation.timex import evaluate_timex, format_table

    try:
        report = evaluate_timex(list(gold), list(system))
    except InputError as exc:
        fail(str(exc))
        sys.exit(2)
    console = Console()
    console.print(format_table(report))
    if errors:
        for name, span, want, got in report.errors:
            console.print(f"{name}: {span!r} gold={want} system={got}", highlight=False)

