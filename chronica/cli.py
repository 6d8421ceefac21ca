"""The ``chronica`` command: one verb per job.

Errors a user can fix are one line on stderr naming the file and the problem, with exit
status 2; outputs are written atomically, so a failure never leaves a half-written file.
"""

from __future__ import annotations

import itertools
import os
import re
import sqlite3
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

import click
from rich.console import Console
from rich.progress import BarColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Table

from chronica import __version__
from chronica.errors import InputError
from chronica.model import Document
from chronica.nlp import DEFAULT_MODEL, ModelError
from chronica.writers import WRITERS, output_stem, write_atomic, write_stdout

# Off a terminal rich would wrap tables at 80 columns; give them room instead.
stderr = Console(stderr=True, width=None if sys.stderr.isatty() else 160)


def stdout_console() -> Console:
    """A console for tables on stdout: the terminal's width, or 160 columns when piped or redirected."""
    return Console(width=None if sys.stdout.isatty() else 160)
PROGRESS_MIN_CHARS = 20_000  # about five pages: below that a bar only flickers
_WORKERS_OPTION = click.option(
    "-w", "--workers", default=1, show_default=True, type=click.IntRange(1, 256),
    help="Worker processes (each loads the model): several files, or the chapters of a long one, in parallel.")


def fail(message: str) -> None:
    """Print one error line (no traceback)."""
    stderr.print(f"[bold red]error:[/] {message}", highlight=False, markup=True, soft_wrap=True)


def _validate_dct(_ctx: click.Context, _param: click.Parameter, value: str | None) -> str | None:
    if value is not None and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        raise click.BadParameter("expected YYYY-MM-DD")
    return value


class _Chronica(click.Group):
    """The command group, and the one place a verb's fatal error becomes its line: an :class:`InputError`
    (bad input, an output or library that cannot be written) or a missing model ends the command with
    one error line and exit status 2. Verbs catch only what they report and go on from."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except (InputError, ModelError) as exc:
            fail(str(exc))
            sys.exit(2)


@click.group(cls=_Chronica, context_settings={"help_option_names": ["-h", "--help"]})
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
@_WORKERS_OPTION
def analyze(files: tuple[Path, ...], output: Path | None, formats: tuple[str, ...], model: str,
            dct: str | None, quiet: bool, workers: int) -> None:
    """Analyze FILES and write each analysis (json, md, html, csv, timelinejs, gexf, tei, timeml).

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
        for doc in docs:
            doc.dct = dct or doc.dct
        total = sum(len(doc.text) for doc in docs)
        with Progress(TextColumn("{task.description}"), BarColumn(), TextColumn("{task.percentage:>3.0f}%"),
                      TimeRemainingColumn(), console=stderr, transient=True,
                      disable=quiet or total < PROGRESS_MIN_CHARS) as bar:
            task = bar.add_task("analyzing", total=total)
            used: set[str] = set()
            rows: list[list[str]] = []
            # Each analysis is written as soon as it is done and then let go: a long batch keeps what is
            # finished if a later file fails, and does not hold every analysis in memory.
            pending = deque(docs)
            docs.clear()
            drained = (pending.popleft() for _ in range(len(pending)))
            for doc in _analyzed(drained, model, workers, lambda _doc, chars: bar.advance(task, chars)):
                for warning in doc.warnings:
                    stderr.print(f"[yellow]warning:[/] {warning}", highlight=False)
                stem = output_stem(doc, used)
                for fmt in formats:
                    render, extension = WRITERS[fmt]
                    content = render(doc)
                    if output is None:
                        write_stdout(content)
                    else:
                        write_atomic(output / (stem + extension) if to_dir else output, content)
                rows.append(_summary_row(doc))
        if not quiet and output is not None:
            _summary(rows)
    sys.exit(2 if failed else 0)


def _analyzed(docs: Iterable[Document], model: str, workers: int, progress: Callable[[Document, int], Any],
              dask: str | None = None) -> Iterator[Document]:
    """``docs`` analyzed, in input order: here, by ``workers`` processes, or on a Dask cluster.

    A missing model or an unreachable cluster raises (the group prints its one line, exit 2). With
    nothing to analyze (every file already in the library, say) no model is loaded, no pool started.
    """
    pending = iter(docs)
    first = next(pending, None)
    if first is None:
        return
    docs = itertools.chain([first], pending)
    if dask is not None:
        from chronica import distributed

        with distributed.connect(dask, workers if workers > 1 else None) as client:
            yield from distributed.analyze_many(client, docs, model)
    elif workers > 1:
        from chronica.nlp import check
        from chronica.parallel import analyze_many

        check(model)
        yield from analyze_many(docs, workers, model, progress=progress)
    else:
        from chronica.pipeline import Pipeline

        yield from Pipeline(model).run_many(docs, progress=progress)


def _summary_row(doc: Document) -> list[str]:
    return [Path(doc.source.path).name, *(str(len(x)) for x in (
        doc.sections, doc.sentences, doc.timexes, doc.entities, doc.events, doc.quotes, doc.notes))]


def _summary(rows: list[list[str]]) -> None:
    table = Table(title="chronica analysis")
    for column in ("file", "sections", "sentences", "dates", "entities", "events", "quotes", "notes"):
        table.add_column(column, justify="left" if column == "file" else "right")
    for row in rows:
        table.add_row(*row)
    stderr.print(table)


# --- The library: add, list, remove, search, export, serve -------------------------------------

_DB_OPTION = click.option("--db", type=click.Path(path_type=Path), default="chronica.db", show_default=True,
                          envvar="CHRONICA_DB", help="The library file (SQLite). Env: CHRONICA_DB.")


def _open_library(db: Path, create: bool = False) -> sqlite3.Connection:
    """The library connection; an unknown schema, a foreign or missing file is an :class:`InputError`."""
    from chronica.library import open_library

    return open_library(db, create=create)


def _library_inputs(paths: tuple[Path, ...]) -> tuple[list[Path], int]:
    """Files, and inside directories every file a reader knows, in name order; and how many
    directories held none (each reported: an empty or mistyped corpus folder must not look like success).

    Existing files are made absolute, so a book added once as ``ch1.txt`` and once as
    ``/books/ch1.txt`` is one book of the library, and an edited version replaces it.
    """
    from chronica.readers import READERS

    found: list[Path] = []
    empty = 0
    for path in paths:
        if path.is_dir():
            known = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in READERS)
            if not known:
                fail(f"{path}: no file chronica can read (known: {' '.join(sorted(READERS))})")
                empty += 1
            found += [Path(os.path.abspath(p)) for p in known]
        else:
            found.append(Path(os.path.abspath(path)) if path.is_file() else path)
    return found, empty


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@_DB_OPTION
@click.option("--force", is_flag=True, help="Re-analyze files already in the library (same content hash).")
@click.option("--model", default=DEFAULT_MODEL, show_default=True, help="Any installed spaCy pipeline.")
@click.option("-q", "--quiet", is_flag=True, help="No progress bars.")
@_WORKERS_OPTION
@click.option("--dask", metavar="ADDRESS",
              help="Analyze on a Dask cluster: tcp://scheduler:8786, or 'local' for a LocalCluster of --workers "
                   "processes (default: one per core); needs the dask extra. The library is written here, by one writer.")
def add(paths: tuple[Path, ...], db: Path, force: bool, model: str, quiet: bool, workers: int,
        dask: str | None) -> None:
    """Analyze FILES (or every known file in DIRS) and store them in the library.

    \b
    A file whose content is already in the library is skipped unless --force; a file
    whose content changed replaces the version stored from the same path.
    chronica add book.txt chapters/ --db history.db
    chronica add corpus/ --workers 2                      # two processes on this machine
    chronica add corpus/ --dask tcp://scheduler:8786      # the cluster's workers analyze
    """
    from chronica import readers
    from chronica.library import find, store
    from chronica.readers.common import sha256

    files, empty = _library_inputs(paths)
    conn = _open_library(db, create=True)
    counts = {"added": 0, "skipped": 0, "failed": empty}
    columns = (TextColumn("{task.description}", table_column=None), BarColumn(),
               TextColumn("{task.completed:,.0f}/{task.total:,.0f}"), TimeRemainingColumn())
    with Progress(*columns, console=stderr, disable=quiet) as bar:
        overall = bar.add_task("library", total=len(files))
        tasks: dict[str, Any] = {}  # by path: a pool returns copies of the Documents

        def readable() -> Iterator[Document]:
            for path in files:
                try:
                    if not force and path.is_file() and find(conn, sha256(path.read_bytes())) is not None:
                        counts["skipped"] += 1
                        bar.advance(overall)
                        continue
                    yield readers.read(path)
                except (InputError, OSError) as exc:
                    fail(str(exc) if isinstance(exc, InputError) else f"{path}: cannot read: {exc}")
                    counts["failed"] += 1
                    bar.advance(overall)

        def progress(doc: Document, chars: int) -> None:
            if doc.source.path not in tasks:
                tasks[doc.source.path] = bar.add_task(f"  {Path(doc.source.path).name}", total=max(len(doc.text), 1))
            bar.advance(tasks[doc.source.path], chars)

        for doc in _analyzed(readable(), model, workers, progress, dask):
            task = tasks.pop(doc.source.path, None)
            if task is not None:
                bar.remove_task(task)
            try:
                store(conn, doc, replace=force, supersede=True)
            except sqlite3.Error as exc:  # locked past the timeout by another writer, disk full, read-only
                raise InputError(str(db), f"cannot write the library ({exc})") from None
            counts["added"] += 1
            bar.advance(overall)
            for warning in doc.warnings:
                stderr.print(f"[yellow]warning:[/] {warning}", highlight=False)
    total = conn.execute("SELECT count(*) FROM documents").fetchone()[0]
    if not quiet:
        stderr.print(f"{counts['added']} added, {counts['skipped']} already in the library, "
                     f"{counts['failed']} failed; {db} holds {total} document(s)", highlight=False)
    sys.exit(2 if counts["failed"] else 0)


@main.command(name="list")
@_DB_OPTION
def list_documents(db: Path) -> None:
    """List the books in the library."""
    from chronica.library import queries

    rows = queries.documents(_open_library(db))
    table = Table(title=f"{db}: {len(rows)} document(s)")
    for column in ("id", "name", "format", "chars", "events", "quotes", "entities", "added"):
        table.add_column(column, justify="left" if column in ("name", "format", "added") else "right")
    for r in rows:
        table.add_row(str(r["id"]), r["name"], r["format"], f"{r['chars']:,}", str(r["events"]), str(r["quotes"]),
                      str(r["entities"]), r["added_at"])
    stdout_console().print(table)


@main.command()
@click.argument("documents", nargs=-1, required=True)
@_DB_OPTION
def remove(documents: tuple[str, ...], db: Path) -> None:
    """Remove books from the library, named by id, file name, path or sha256 prefix (see `list`)."""
    from chronica.library import queries, remove as remove_document

    conn = _open_library(db)
    failed = False
    for name in documents:
        ids = queries.document_ids_by_name(conn, name)
        if len(ids) != 1:
            fail(f"{name}: " + ("no such document in the library" if not ids else
                                f"names {len(ids)} documents (ids {', '.join(map(str, ids))}); give the id"))
            failed = True
            continue
        remove_document(conn, ids[0])
        stderr.print(f"removed {name}", highlight=False)
    sys.exit(2 if failed else 0)


@main.command()
@click.argument("query")
@_DB_OPTION
@click.option("-n", "--limit", default=20, show_default=True, type=click.IntRange(1, 1000))
def search(query: str, db: Path, limit: int) -> None:
    """Full-text search of sentences, events and quotations; every word must occur ("quote" a phrase)."""
    from rich.text import Text

    from chronica.library import queries

    hits = queries.search(_open_library(db), query, limit)
    if not hits:
        stderr.print(f"no match for {query!r}", highlight=False)
        sys.exit(1)
    table = Table(title=f"{len(hits)} match(es) for {query!r}", show_lines=True)
    for column in ("document", "date", "citation", "kind", "text"):
        table.add_column(column)
    for hit in hits:
        snippet = Text()
        for i, part in enumerate(re.split(f"[{queries.SNIPPET_START}{queries.SNIPPET_END}]", hit["snippet"])):
            snippet.append(part, style="bold yellow" if i % 2 else "")
        table.add_row(hit["document"], hit["date"] or "", hit["citation"], hit["kind"], snippet)
    stdout_console().print(table)


@main.command()
@_DB_OPTION
@click.option("-f", "--format", "fmt", type=click.Choice(sorted([*WRITERS, "jsonl"])), default="jsonl",
              show_default=True, help="jsonl: one JSON document per line; others: one file per book in -o DIR.")
@click.option("-o", "--output", type=click.Path(path_type=Path), help="Directory (or the .jsonl file). Default: stdout for jsonl.")
def export(db: Path, fmt: str, output: Path | None) -> None:
    """Write every book in the library in one of the output formats."""
    from chronica.library import export as exporter

    conn = _open_library(db)
    if fmt == "jsonl":
        if output is None:
            for line in exporter.jsonl(conn):
                sys.stdout.write(line)
        else:
            write_atomic(output, "".join(exporter.jsonl(conn)))
        return
    if output is None:
        raise click.UsageError(f"--format {fmt} writes one file per book: give -o DIR")
    written = exporter.to_directory(conn, fmt, output)
    stderr.print(f"wrote {len(written)} file(s) to {output}", highlight=False)


@main.command()
@_DB_OPTION
@click.option("--host", default="127.0.0.1", show_default=True, help="Interface to bind (local only by default).")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535))
def serve(db: Path, host: str, port: int) -> None:
    """Browse the library in a web browser: timeline, cast, quotations, map, search, sources."""
    import uvicorn

    from chronica.web.app import create_app

    _open_library(db, create=True).close()  # refuse a foreign or newer file before binding the port
    _check_listen(host, port)
    stderr.print(f"chronica: serving {db} on http://{host}:{port}/", highlight=False)
    uvicorn.run(create_app(db), host=host, port=port, log_level="warning")


def _check_listen(host: str, port: int) -> None:
    """One error line and exit 2 when ``host:port`` cannot be listened on (port taken, unknown host):
    uvicorn would log two lines of its own and exit 3."""
    import socket

    try:
        family, kind, proto, _, address = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0]
        with socket.socket(family, kind, proto) as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as uvicorn binds
            probe.bind(address)
    except OSError as exc:
        fail(f"{host}:{port}: cannot listen ({exc.strerror or exc})")
        sys.exit(2)


# --- Evaluation --------------------------------------------------------------------------------

@main.group(name="eval")
def eval_group() -> None:
    """Score chronica's output against gold annotations."""


@eval_group.command(name="timex")
@click.argument("gold", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--system", "system", multiple=True, required=True, type=click.Path(path_type=Path),
              help="System output (.json analysis or .tml), or a directory of them paired with GOLD by file "
                   "name; repeat the option for several files.")
@click.option("--errors", is_flag=True, help="Also list every missed or wrongly valued gold timex.")
def eval_timex(gold: tuple[Path, ...], system: tuple[Path, ...], errors: bool) -> None:
    """TempEval-3 scores (extent P/R/F1, value and type accuracy, value F1) of timexes.

    \b
    chronica eval timex gold.json --system chapter.json
    chronica eval timex gold/*.tml --system out/
    """
    from chronica.evaluation.timex import evaluate_timex, format_table

    systems = [found for path in system
               for found in (sorted([*path.glob("*.json"), *path.glob("*.tml")]) if path.is_dir() else [path])]
    report = evaluate_timex(list(gold), systems)
    console = stdout_console()
    console.print(format_table(report))
    if errors:
        for name, span, want, got in report.errors:
            console.print(f"{name}: {span!r} gold={want} system={got}", highlight=False)
