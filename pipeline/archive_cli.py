"""Archive verbs: ingest, query, search, show, timeline, sql, stats, errors, export.

Thin over ``pipeline.archive``, ``pipeline.ingest``, ``pipeline.query`` and
``pipeline.export``; registered on ``pipeline.cli.app``.
"""
from __future__ import annotations

import csv
import json
import sys
from datetime import date
from pathlib import Path
from typing import Annotated, Any, Optional

import typer
from rich.console import Console
from rich.table import Table

from pipeline.archive import DEFAULT_DB, RECORD_TABLES, Archive, ArchiveError
from pipeline.cli import app, fail
from pipeline.limits import DEFAULT_TIMEOUT
from pipeline.query import QUERY_TABLES, Filters, QueryError
from schemas.records import DocKind

DbOption = Annotated[Path, typer.Option("--db", envvar="ARKISTO_DB", help="The archive file.")]
FormatOption = Annotated[str, typer.Option("--format", "-f", help="table, json or csv.")]
OUTPUT_FORMATS = ("table", "json", "csv")
# What the table view shows per record type; json and csv carry every column.
TABLE_COLUMNS: dict[str, tuple[str, ...]] = {
    "documents": ("id", "format", "kind", "language", "date", "title", "source"),
    "meetings": ("date", "start_time", "end_time", "status", "body", "place", "source"),
    "attendees": ("name", "organization", "role", "status", "source"),
    "decisions": ("date", "type", "body", "text", "source"),
    "commitments": ("due", "actors", "text", "source"),
    "dates": ("value", "text", "type", "source"),
    "contacts": ("name", "title", "organization", "email", "phone", "source"),
    "tables": ("table_block", "table_page", "rows", "source"),
    "blocks": ("block_index", "kind", "page", "text", "source"),
}
CELL_LIMIT = 160


def _console() -> Console:
    # Looked up per call so CliRunner's captured stdout is used; wide when piped.
    return Console(file=sys.stdout, width=None if sys.stdout.isatty() else 160, soft_wrap=False)


def _open(db: Path, *, readonly: bool = True) -> Archive:
    try:
        return Archive(db, readonly=readonly)
    except ArchiveError as e:
        fail(str(e), 1)
        raise  # unreachable: fail() exits


def _check_format(fmt: str, allowed: tuple[str, ...] = OUTPUT_FORMATS) -> str:
    if fmt not in allowed:
        fail(f"--format must be one of {', '.join(allowed)} (got {fmt!r})")
    return fmt


def _cell(value: Any, name: str = "") -> str:
    if value is None:
        return ""
    if name == "source":
        return Path(str(value)).name
    if name == "id" and isinstance(value, str) and len(value) == 64:
        return value[:12]
    if name == "rows" and isinstance(value, list):
        return f"{len(value)} rows: " + " | ".join(value[0]) if value else ""
    if isinstance(value, (list, dict)):
        value = json.dumps(value, ensure_ascii=False) if isinstance(value, dict) else ", ".join(map(str, value))
    text = " ".join(str(value).split())
    return text if len(text) <= CELL_LIMIT else text[:CELL_LIMIT - 1] + "…"


def emit(rows: list[dict[str, Any]], fmt: str, columns: tuple[str, ...] | list[str] | None = None,
         title: str | None = None, all_columns: list[str] | None = None) -> None:
    """Print rows as a rich table, a JSON list of objects or CSV (every column, ``all_columns`` when empty)."""
    if fmt == "json":
        typer.echo(json.dumps(rows, ensure_ascii=False, indent=1, default=str))
        return
    names = list(columns or (rows[0].keys() if rows else []))
    if fmt == "csv":
        all_names = list(rows[0].keys()) if rows else (all_columns or names)
        writer = csv.DictWriter(sys.stdout, fieldnames=all_names, extrasaction="ignore", lineterminator="\n")
        writer.writeheader()
        for r in rows:
            writer.writerow({k: json.dumps(v, ensure_ascii=False) if isinstance(v, (list, dict)) else v
                             for k, v in r.items()})
        return
    table = Table(title=title, show_lines=False, header_style="bold")
    for n in names:
        table.add_column(n, overflow="fold")
    for r in rows:
        table.add_row(*(_cell(r.get(n), n) for n in names))
    _console().print(table)
    if not rows:
        typer.echo("(no rows)")


# -- ingest --------------------------------------------------------------

@app.command()
def ingest(
    paths: Annotated[Optional[list[Path]], typer.Argument(help="Files and folders (recursively).")] = None,
    db: DbOption = DEFAULT_DB,
    reextract: Annotated[bool, typer.Option("--reextract", help=(
        "Run the record extractors again over the archived text and blocks, without reading files "
        "(all documents, or those under PATH...)."))] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Only the summary line.")] = False,
    workers: Annotated[Optional[int], typer.Option("--workers", "-w", help=(
        "Worker processes reading and extracting in parallel (default: one per CPU core); "
        "a LibreOffice conversion of legacy files takes one worker's place while it runs."))] = None,
    timeout: Annotated[float, typer.Option(help="Seconds one file may take; then its worker is killed "
                                                "and the file recorded as failed.")] = DEFAULT_TIMEOUT,
    max_file_size: Annotated[str, typer.Option(help="Larger files are refused, e.g. 200MB.")] = "200MB",
    memory_limit: Annotated[str, typer.Option(help=(
        "Address space per worker (RLIMIT_AS), e.g. 1.5GB; 0 for none."))] = "1.5GB",
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON summary object on stdout.")] = False,
    progress: Annotated[Optional[bool], typer.Option("--progress/--no-progress", help=(
        "Progress bar on stderr (default: when stderr is a terminal, unless --quiet or --json)."))] = None,
) -> None:
    """Import files into the archive: same bytes again change nothing; new bytes replace a document.

    Files are read and extracted by worker processes; one writer stores one document per
    transaction, so an interrupted import can simply be run again.

    Exit status: 0 all imported, 1 some failed (see `arkisto errors`), 2 usage error.
    """
    from pipeline import batch
    from pipeline import ingest as importer

    paths = paths or []
    if not paths and not reextract:
        fail("give at least one file or folder to ingest (or --reextract)")
    missing = [str(p) for p in paths if not p.exists()]
    if missing and not reextract:
        fail(f"no such file or folder: {', '.join(missing)}")
    command = " ".join(["arkisto", "ingest", *sys.argv[2:]]) if sys.argv[1:2] == ["ingest"] else "ingest"
    try:
        options = batch.options_from_cli(workers, timeout, max_file_size, memory_limit,
                                         progress if progress is not None or not (quiet or as_json) else False)
    except ValueError as e:
        fail(str(e))
    archive = _open(db, readonly=False)
    with archive:
        try:
            report = (importer.reextract(archive, paths, command) if reextract
                      else batch.run_batch(archive, paths, options, command))
        except batch.BatchError as e:
            fail(str(e), 1)
        except KeyboardInterrupt:
            typer.echo("arkisto: interrupted; what was imported is kept: run the same command again "
                       "to carry on", err=True)
            raise typer.Exit(130)
    for f in report.files:
        if f.outcome == "failed":
            typer.echo(f"{f.path}: {f.stage}: {f.reason}", err=True)
    if as_json:
        typer.echo(json.dumps(batch.summary(report), ensure_ascii=False))
        raise typer.Exit(1 if report.failed else 0)
    if not quiet:
        _print_summary(report)
    counts = report.counts
    typer.echo(f"run {report.run_id}: {counts['added']} added, {counts['updated']} updated, "
               f"{counts['unchanged']} unchanged, {counts['failed']} failed ({db})")
    if report.failed:
        raise typer.Exit(1)


def _print_summary(report: Any) -> None:
    outcomes = ("added", "updated", "unchanged", "failed")
    table = Table(title="Files by format", header_style="bold")
    table.add_column("format")
    for o in outcomes:
        table.add_column(o, justify="right")
    totals = report.counts
    for fmt, counts in report.by_format().items():
        table.add_row(fmt, *(str(counts[o]) for o in outcomes))
    table.add_row("all", *(str(totals[o]) for o in outcomes), style="bold")
    records = Table(title="Records written", header_style="bold")
    for t in RECORD_TABLES:
        records.add_column(t, justify="right")
    found = report.records()
    records.add_row(*(str(found[t]) for t in RECORD_TABLES))
    console = _console()
    console.print(table)
    console.print(records)


# -- query ---------------------------------------------------------------

@app.command()
def query(
    record_type: Annotated[str, typer.Argument(metavar="TYPE", help=f"One of: {', '.join(QUERY_TABLES)}.")],
    since: Annotated[Optional[str], typer.Option(help="On or after this date (YYYY[-MM[-DD]]).")] = None,
    until: Annotated[Optional[str], typer.Option(help="On or before this date.")] = None,
    body: Annotated[Optional[str], typer.Option(help="Meeting body, e.g. johtoryhmä.")] = None,
    org: Annotated[Optional[str], typer.Option(help="Organisation or place, e.g. Kerava.")] = None,
    person: Annotated[Optional[str], typer.Option(help="Person, e.g. 'Jouko Ranta' or Ranta.")] = None,
    kind: Annotated[Optional[str], typer.Option(help="Source document kind: minutes, bulletin, ...")] = None,
    type_: Annotated[Optional[str], typer.Option("--type", help=(
        "The record's own type: decision type, meeting status, attendee role, date type, "
        "document format, block kind."))] = None,
    text: Annotated[Optional[str], typer.Option(help="Text contains this (any case).")] = None,
    document: Annotated[Optional[str], typer.Option(help="Only this document (id, id prefix or path).")] = None,
    limit: Annotated[Optional[int], typer.Option(min=1)] = None,
    fmt: FormatOption = "table",
    db: DbOption = DEFAULT_DB,
) -> None:
    """List records (meetings, attendees, decisions, commitments, documents, ...) with their evidence.

    Example: arkisto query decisions --since 2008-12-01 --body johtoryhmä --format json
    """
    from pipeline.query import columns_of, select_records

    _check_format(fmt)
    if record_type not in QUERY_TABLES:
        fail(f"unknown record type {record_type!r} (one of {', '.join(QUERY_TABLES)})")
    kinds = [str(k) for k in DocKind]
    if kind is not None and kind not in kinds:
        fail(f"--kind must be one of {', '.join(kinds)} (got {kind!r})")
    with _open(db) as archive:
        try:
            doc_id = archive.resolve(document) if document else None
            rows = select_records(archive.conn, record_type, Filters(
                since=since, until=until, body=body, org=org, person=person, kind=kind, type=type_,
                text=text, document=doc_id, limit=limit))
        except (QueryError, ArchiveError) as e:
            fail(str(e))
        every = columns_of(archive.conn, record_type)
    emit(rows, fmt, TABLE_COLUMNS.get(record_type), title=f"{record_type} ({len(rows)})", all_columns=every)


@app.command()
def search(
    text: Annotated[str, typer.Argument(metavar="QUERY", help='FTS5 query: words, "phrases", prefix*.')],
    limit: Annotated[int, typer.Option(min=1)] = 50,
    fmt: FormatOption = "table",
    db: DbOption = DEFAULT_DB,
) -> None:
    """Full-text search over block, decision and commitment texts, with snippets and sources.

    Example: arkisto search "valtionavustu*"
    """
    from pipeline.query import search as run_search

    _check_format(fmt)
    with _open(db) as archive:
        try:
            rows = run_search(archive.conn, text, limit)
        except QueryError as e:
            fail(str(e))
    emit(rows, fmt, ("found_in", "snippet", "block", "page", "source"), title=f"{len(rows)} matches")


@app.command()
def show(
    ref: Annotated[str, typer.Argument(metavar="DOC", help="Document id, id prefix, path or file name.")],
    fmt: Annotated[str, typer.Option("--format", "-f", help="table or json.")] = "table",
    db: DbOption = DEFAULT_DB,
) -> None:
    """One document: where it was seen, and its records with evidence quotes.

    Example: arkisto show 54b29125
    """
    _check_format(fmt, ("table", "json"))
    with _open(db) as archive:
        try:
            doc_id = archive.resolve(ref)
        except ArchiveError as e:
            fail(str(e))
        result = archive.load_result(doc_id)
        paths = [dict(p) for p in archive.paths(doc_id)]
    data = result.to_dict()
    if fmt == "json":
        data["paths"] = paths
        typer.echo(json.dumps(data, ensure_ascii=False, indent=1, default=str))
        return
    d = data["document"]
    console = _console()
    console.print(f"[bold]{d['title'] or Path(d['source']).name}[/bold]")
    for key in ("id", "format", "kind", "language", "date", "pages"):
        console.print(f"  {key}: {d[key]}")
    for p in paths:
        console.print(f"  path: {p['path']} (first seen {p['first_seen']}, last seen {p['last_seen']})")
    console.print(f"  blocks: {len(data['blocks'])}")
    for name in RECORD_TABLES:
        items = data[name]
        if not items:
            continue
        columns = [c for c in TABLE_COLUMNS[name] if c != "source"]
        rows = []
        for item in items:
            row = {c: item.get({"start_time": "start", "end_time": "end", "table_block": "block",
                                "table_page": "page"}.get(c, c)) for c in columns}
            ev = item.get("evidence") or {}
            row["page"] = ev.get("page")
            row["quote"] = ev.get("quote")
            rows.append(row)
        emit(rows, "table", [*columns, "page", "quote"], title=f"{name} ({len(items)})")


@app.command()
def timeline(
    org: Annotated[Optional[str], typer.Option(help="Organisation or place, e.g. Kerava.")] = None,
    person: Annotated[Optional[str], typer.Option(help="Person, e.g. 'Marianna Kokko'.")] = None,
    body: Annotated[Optional[str], typer.Option(help="Meeting body, e.g. kehittämisryhmä.")] = None,
    since: Annotated[Optional[str], typer.Option()] = None,
    until: Annotated[Optional[str], typer.Option()] = None,
    today: Annotated[Optional[str], typer.Option(help="Judge overdue commitments as of this day.")] = None,
    fmt: FormatOption = "table",
    db: DbOption = DEFAULT_DB,
) -> None:
    """Meetings, attendance, decisions and commitments in date order; past-due commitments flagged.

    Example: arkisto timeline --org Kerava
    """
    from pipeline.query import check_date
    from pipeline.query import timeline as run_timeline

    _check_format(fmt)
    try:
        as_of = date.fromisoformat(today) if today else None
    except ValueError:
        fail(f"--today must be YYYY-MM-DD (got {today!r})")
    with _open(db) as archive:
        try:
            check_date(since)
            check_date(until)
            rows = run_timeline(archive.conn, Filters(since=since, until=until, body=body, org=org,
                                                      person=person), as_of)
        except QueryError as e:
            fail(str(e))
    if fmt == "table":
        for r in rows:
            if r["overdue"]:
                r["status"] = "OVERDUE"
    emit(rows, fmt, ("date", "type", "status", "text", "due", "source"), title=f"timeline ({len(rows)})")


@app.command()
def sql(
    statement: Annotated[str, typer.Argument(metavar="SQL", help="One SELECT or WITH statement.")],
    fmt: FormatOption = "table",
    db: DbOption = DEFAULT_DB,
) -> None:
    """Run one read-only SELECT against the archive (opened read-only; writes are refused).

    Example: arkisto sql "SELECT kind, count(*) FROM documents GROUP BY kind"
    """
    from pipeline.query import run_sql

    _check_format(fmt)
    if not db.is_file():
        fail(f"no archive at {db} (run `arkisto ingest` first)", 1)
    try:
        columns, rows = run_sql(str(db), statement)
    except QueryError as e:
        fail(str(e))
    emit([dict(zip(columns, r)) for r in rows], fmt, columns)


@app.command()
def stats(
    fmt: Annotated[str, typer.Option("--format", "-f", help="table or json.")] = "table",
    db: DbOption = DEFAULT_DB,
) -> None:
    """Row counts, documents by format, kind and language, and the last run."""
    from pipeline.query import stats as run_stats

    _check_format(fmt, ("table", "json"))
    with _open(db) as archive:
        data = run_stats(archive.conn)
    if fmt == "json":
        typer.echo(json.dumps(data, ensure_ascii=False, indent=1))
        return
    typer.echo(f"{db}: schema version {data['schema_version']}, "
               f"documents dated {data['dates']['first'] or '?'} to {data['dates']['last'] or '?'}")
    emit([{"table": k, "rows": v} for k, v in data["tables"].items()], "table", title="rows")
    for key in ("formats", "kinds", "languages"):
        emit([{key[:-1]: k, "documents": v} for k, v in data[key].items()], "table", title=key)
    if data["last_run"]:
        emit([data["last_run"]], "table", title="last run")


@app.command()
def errors(
    run: Annotated[Optional[int], typer.Option(help="Only this run (see `arkisto stats`).")] = None,
    fmt: FormatOption = "table",
    db: DbOption = DEFAULT_DB,
) -> None:
    """Files that could not be imported: run, file, stage and reason."""
    from pipeline.query import errors as run_errors

    _check_format(fmt)
    with _open(db) as archive:
        rows = run_errors(archive.conn, run)
    emit(rows, fmt, ("run_id", "file", "stage", "reason", "time"), title=f"errors ({len(rows)})")


@app.command()
def export(
    fmt: Annotated[str, typer.Option("--format", "-f", help="json, jsonl, csv or parquet.")] = "json",
    out: Annotated[Path, typer.Option("--out", help="Folder to write into.")] = Path("output/export"),
    db: DbOption = DEFAULT_DB,
) -> None:
    """Export the archive: json = one file per document (as `arkisto extract`); others one file per record type.

    Example: arkisto export --format parquet --out output/parquet
    """
    from pipeline.export import FORMATS
    from pipeline.export import export as run_export

    _check_format(fmt, FORMATS)
    with _open(db) as archive:
        written = run_export(archive, out, fmt)
    typer.echo(", ".join(f"{k} {v}" for k, v in written.items()) + f" written to {out}")
