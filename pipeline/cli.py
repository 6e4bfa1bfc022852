"""The ``arkisto`` command: thin verbs over the library."""
from __future__ import annotations

import importlib
import json
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from extractors.formats import ReadError

app = typer.Typer(add_completion=False, no_args_is_help=True, pretty_exceptions_enable=False,
                  help="Turn legacy organisational documents into an auditable archive of records.")

# Each module registers its verbs on ``app``; listed here so the CLI stays one place.
COMMAND_MODULES: list[str] = ["pipeline.archive_cli", "pipeline.report_cli"]


@app.callback()
def _root() -> None:
    """arkisto: read, extract, archive, query and report."""


def fail(message: str, code: int = 2) -> None:
    """Print a one-line error and exit: never a traceback for a user error."""
    typer.echo(f"arkisto: {message}", err=True)
    raise typer.Exit(code)


@app.command()
def extract(
    files: Annotated[list[Path], typer.Argument(help="Files to read.")],
    out: Annotated[Optional[Path], typer.Option("--out", help="Write DIR/<file name>.json per file.")] = None,
) -> None:
    """Read FILE... and print each one's document, blocks and records as JSON."""
    from pipeline.run import process_file

    failed = 0
    if out:
        out.mkdir(parents=True, exist_ok=True)
    for path in files:
        try:
            result = process_file(path)
        except ReadError as e:
            failed += 1
            typer.echo(f"{path}: {e}", err=True)
            continue
        except Exception as e:  # a bug must not cost the other files their turn
            failed += 1
            typer.echo(f"{path}: internal error: {type(e).__name__}: {e}", err=True)
            continue
        payload = result.to_dict()
        if out:
            (out / f"{path.name}.json").write_text(
                json.dumps(payload, ensure_ascii=False, indent=1), encoding="utf-8")
        elif len(files) == 1:
            typer.echo(json.dumps(payload, ensure_ascii=False, indent=1))
        else:
            typer.echo(json.dumps(payload, ensure_ascii=False))
    if out:
        typer.echo(f"{len(files) - failed} of {len(files)} files written to {out}", err=True)
    if failed:
        raise typer.Exit(1)


def main() -> None:
    for module in COMMAND_MODULES:
        importlib.import_module(module)
    try:
        app()
    except KeyboardInterrupt:
        typer.echo("arkisto: interrupted", err=True)
        sys.exit(130)
