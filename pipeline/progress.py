"""The live progress line of a batch import: files/s, pages/s, ETA and failures so far.

Drawn on stderr with rich, only when stderr is a terminal unless forced, so pipes
and logs get no control characters.
"""
from __future__ import annotations

import sys
import time

from rich.console import Console
from rich.progress import (BarColumn, MofNCompleteColumn, Progress, ProgressColumn, Task, TextColumn,
                           TimeRemainingColumn)
from rich.text import Text


class _RateColumn(ProgressColumn):
    """files/s and pages/s since the batch started."""

    def render(self, task: Task) -> Text:
        elapsed = task.elapsed or 0.0
        if elapsed <= 0:
            return Text("")
        pages = task.fields.get("pages", 0)
        return Text(f"{task.completed / elapsed:.1f} files/s  {pages / elapsed:.1f} pages/s", style="cyan")


class _FailedColumn(ProgressColumn):
    def render(self, task: Task) -> Text:
        failed = task.fields.get("failed", 0)
        return Text(f"{failed} failed", style="red" if failed else "dim")


class BatchProgress:
    """A progress bar over the files of one batch; does nothing when not shown."""

    def __init__(self, show: bool | None = None) -> None:
        self.show = sys.stderr.isatty() if show is None else show
        self.pages = 0
        self.failed = 0
        self.started = time.monotonic()
        self._progress: Progress | None = None
        self._task = None

    def start(self, total: int | None) -> None:
        self.started = time.monotonic()
        if not self.show:
            return
        self._progress = Progress(
            TextColumn("[bold]{task.description}"), BarColumn(bar_width=24), MofNCompleteColumn(), _RateColumn(),
            TextColumn("ETA"), TimeRemainingColumn(), _FailedColumn(),
            console=Console(file=sys.stderr), transient=False, refresh_per_second=4)
        self._progress.start()
        self._task = self._progress.add_task("importing", total=total, pages=0, failed=0)

    def set_total(self, total: int) -> None:
        if self._progress is not None:
            self._progress.update(self._task, total=total)

    def describe(self, text: str) -> None:
        if self._progress is not None:
            self._progress.update(self._task, description=text)

    def advance(self, pages: int = 0, failed: bool = False) -> None:
        self.pages += pages
        self.failed += int(failed)
        if self._progress is not None:
            self._progress.update(self._task, advance=1, pages=self.pages, failed=self.failed)

    def note(self, message: str) -> None:
        """A line printed above the bar (or plainly on stderr when there is no bar)."""
        if self._progress is not None:
            self._progress.console.print(message, markup=False, highlight=False)

    def stop(self) -> None:
        if self._progress is not None:
            self._progress.stop()
            self._progress = None
