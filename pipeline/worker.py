"""The worker side of a batch import: one process reads and extracts one file at a time.

A worker talks to the parent over two pipes of its own, so killing it (timeout,
runaway memory) can corrupt nothing shared. Whatever a file does, the worker
answers with the document's archive rows or a (stage, one-line reason) pair;
only a crash of the process itself (a segfault in a C library) goes unanswered,
and the parent records that too.
"""
from __future__ import annotations

import ctypes
import hashlib
import importlib
import os
import signal
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path

from typing import TYPE_CHECKING

from pipeline.limits import SINGLE_THREAD_ENV, format_size, limit_address_space, peak_rss

if TYPE_CHECKING:  # imported lazily: numpy must not load before the thread limits are set
    from pipeline.archive_rows import ArchiveRows

PR_SET_PDEATHSIG = 1


@dataclass
class Task:
    """One file for a worker. ``path`` opens it; ``shown`` is how the archive records it."""

    id: int
    path: str
    shown: str
    sha: str
    size: int
    fmt: str | None = None
    converted: str | None = None  # the parent's LibreOffice conversion of a legacy file


@dataclass
class Outcome:
    """A worker's answer: the document as the archive's rows, or the stage and one-line reason
    it failed."""

    task_id: int
    rows: ArchiveRows | None = None
    stage: str | None = None
    reason: str | None = None
    seconds: float = 0.0
    fatal: bool = False  # the worker's state is suspect (out of memory): replace it


def one_line(e: BaseException) -> str:
    """An exception as one line; a reader's ReadError is already worded for users."""
    from extractors.formats.errors import ReadError

    text = " ".join(str(e).split())
    if isinstance(e, ReadError):
        return text or type(e).__name__
    return f"internal error: {type(e).__name__}: {text}".rstrip(": ")


def read_converted(path: Path, data: bytes, fmt: str, converted: Path) -> object:
    """Read a legacy file from the parent's conversion, keeping the original's identity.

    The same steps as ``extractors.formats.legacy.read`` after its own conversion.
    """
    from extractors.formats import legacy
    from extractors.formats.errors import ReadError

    target = legacy.TARGETS[fmt]
    try:
        reader = importlib.import_module(legacy.MODERN_READERS[target])
    except ImportError as e:
        raise ReadError(f"no {target} reader to read the converted {fmt} file") from e
    try:
        doc = reader.read(path, converted.read_bytes(), target)
    except ReadError as e:
        raise ReadError(f"converted {fmt} unreadable: {e}") from e
    doc.id = hashlib.sha256(data).hexdigest()
    doc.format = fmt
    doc.metadata["converted_by"] = "LibreOffice"
    return doc


def process(task: Task, max_file_size: int, memory: int,
            tell_stage: Callable[[str], None] = lambda stage: None) -> Outcome:
    """Read and extract one file; never raises (a batch goes on whatever one file does)."""
    from extractors.formats import read_document
    from extractors.formats.errors import ReadError
    from extractors.records import extract_records
    from pipeline.archive_rows import result_rows
    from pipeline.run import Result

    started = time.monotonic()
    stage = "read"
    try:
        path = Path(task.path)
        try:
            size = path.stat().st_size
            if size > max_file_size:
                raise ReadError(f"file larger than the {format_size(max_file_size)} limit "
                                f"({format_size(size)}; see --max-file-size)")
            data = path.read_bytes()
        except OSError as e:
            raise ReadError(f"cannot open file: {e.strerror or e}") from e
        if task.converted and task.fmt:
            doc = read_converted(path, data, task.fmt, Path(task.converted))
        else:
            doc = read_document(path, data)
        doc.source = task.shown  # the archive stores text: a non-UTF-8 name goes in escaped
        stage = "extract"
        tell_stage(stage)
        records = extract_records(doc)
        stage = "write"  # the rows the writer stores are built here, to spare its CPU
        rows = result_rows(Result(doc, records))
        return Outcome(task.id, rows, seconds=time.monotonic() - started)
    except ReadError as e:
        return Outcome(task.id, stage=getattr(e, "stage", stage), reason=one_line(e),
                       seconds=time.monotonic() - started)
    except MemoryError:
        limit = f" (worker limit {format_size(memory)} of address space)" if memory else ""
        return Outcome(task.id, stage=stage, reason=f"out of memory{limit}",
                       seconds=time.monotonic() - started, fatal=True)
    except Exception as e:
        return Outcome(task.id, stage=stage, reason=one_line(e), seconds=time.monotonic() - started)


def current_rss() -> int:
    """Resident memory now, from /proc (cheap enough to ask after every file)."""
    try:
        with open("/proc/self/statm", "rb") as f:
            return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return peak_rss()


def initialise(memory: int, tmpdir: str | None) -> None:
    """Per-worker set-up: signals, parent-death, temp folder, memory cap, the NLP model."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    _die_with_parent()
    os.environ.update(SINGLE_THREAD_ENV)
    if tmpdir:
        # LibreOffice profiles and Tesseract scratch files land here; the parent removes it
        # all at the end, also what a killed worker left behind.
        os.makedirs(tmpdir, exist_ok=True)
        os.environ["TMPDIR"] = tmpdir
        tempfile.tempdir = tmpdir
    limit_address_space(memory)
    from extractors.nlp import load_nlp

    load_nlp("fi")  # a no-op when the forkserver preloaded it


def _die_with_parent() -> None:
    """Linux: get SIGKILL when the process that started us dies (kill -9 of the import)."""
    if not sys.platform.startswith("linux"):
        return
    try:
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):
        pass


def main(tasks: Connection, results: Connection, memory: int, max_file_size: int, tmpdir: str | None) -> None:
    """A worker's life: initialise, then answer one task at a time until told to stop."""
    try:
        try:
            initialise(memory, tmpdir)
        except MemoryError:
            results.send(("failed", f"cannot start: out of memory under a {format_size(memory)} limit"))
            return
        results.send(("ready", os.getpid(), peak_rss()))
        _serve(tasks, results, memory, max_file_size)
    except (EOFError, OSError):  # the parent is gone or gave up on us: nothing left to tell
        return


def _serve(tasks: Connection, results: Connection, memory: int, max_file_size: int) -> None:
    while (task := tasks.recv()) is not None:
        outcome = process(task, max_file_size, memory,
                          lambda stage, tid=task.id: results.send(("stage", tid, stage)))
        try:
            results.send(("done", outcome, peak_rss(), current_rss()))
        except (EOFError, OSError):
            raise
        except Exception as e:  # an unpicklable or too large result: the file fails, not the batch
            fallback = Outcome(task.id, stage="extract", reason=f"cannot hand the result over: {one_line(e)}",
                               seconds=outcome.seconds, fatal=isinstance(e, MemoryError))
            results.send(("done", fallback, peak_rss(), current_rss()))
        if outcome.fatal:
            return
