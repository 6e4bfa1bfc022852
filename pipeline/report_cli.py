"""The ``arkisto report`` verb: a thin layer over ``pipeline.report``."""
from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Annotated, Optional

import typer

from pipeline.cli import app, fail
from pipeline.report import DEFAULT_DB, ReportError, build_report


@app.command()
def report(
    out: Annotated[Path, typer.Option("--out", help="Folder to write the site into (index.html and pages).")],
    db: Annotated[Path, typer.Option("--db", help="Archive file to read.")] = DEFAULT_DB,
    today: Annotated[Optional[str], typer.Option(
        "--today", help="Day that decides which commitments are past due (YYYY-MM-DD; default today).")] = None,
) -> None:
    """Write a static HTML audit view of the archive: index, document, organisation and person pages."""
    try:
        day = date.fromisoformat(today) if today else None
    except ValueError:
        fail(f"--today: not a date (YYYY-MM-DD): {today}")
    try:
        summary = build_report(db, out, today=day)
    except ReportError as e:
        fail(str(e))
    typer.echo(f"{summary.pages} pages ({summary.documents} documents, {summary.organisations} organisations,"
               f" {summary.persons} persons) written to {summary.out / 'index.html'}", err=True)
