"""Batch import at archive scale: worker processes read and extract, the parent writes.

The parent walks the paths, hashes each file and skips what the archive already
holds, converts legacy DOC/PPT/RTF files in batches of one LibreOffice run each,
and hands the rest to worker processes one file at a time over pipes of their own
(``pipeline/worker.py``). It alone writes, one document per transaction, so an
interrupted import (Ctrl-C, ``kill -9``) leaves whole documents only and the same
command later carries on. Full-text search is brought up to date every few hundred
documents in bulk (``Archive.index_pending``), far cheaper than per document. A
worker that overruns the per-file timeout is killed with everything it started and
replaced; so is one that crashes, runs out of memory, grows past the RSS ceiling or
has served its quota of files. Every failure lands in the archive's ``errors``
table as (file, stage, reason).
"""
from __future__ import annotations

import hashlib
import multiprocessing
import os
import queue
import shutil
import signal
import stat
import tempfile
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from pathlib import Path
from typing import Any

import psutil

from pipeline import worker
from pipeline.archive import Archive
from pipeline.ingest import FileReport, IngestReport, default_skips, walk
from pipeline.limits import LEGACY_CHUNK, Limits, default_workers, format_size, parse_size, peak_rss
from pipeline.progress import BatchProgress
from pipeline.worker import Outcome, Task

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
LEGACY_FORMATS = ("doc", "ppt", "rtf")
HASH_CHUNK = 1 << 20
WHOLE_READ_LIMIT = 64 * 2**20  # legacy files up to this size are told apart (DOC/PPT) in the parent
POLL_SECONDS = 0.2
START_FAILURES_ALLOWED = 3
STOP_GRACE_SECONDS = 5.0
LOCK_FILE_PREFIX = "~$"
SLOWEST_KEPT = 5
INDEX_EVERY = 256  # documents written between two bulk full-text indexing steps


class BatchError(Exception):
    """The batch as a whole cannot go on (workers cannot start); one line for the user."""


@dataclass
class BatchOptions:
    workers: int = field(default_factory=default_workers)
    limits: Limits = field(default_factory=Limits)
    progress: bool | None = None  # None: when stderr is a terminal
    legacy_chunk: int = LEGACY_CHUNK
    preload: bool = True  # load the NLP model once in the forkserver; workers share it


@dataclass
class BatchStats:
    """How the batch went, beside the per-file outcomes."""

    workers: int = 0
    seconds: float = 0.0
    pages: int = 0
    processed: int = 0  # files that went through a worker
    workers_started: int = 0
    timeouts: int = 0
    crashes: int = 0
    recycled: int = 0
    legacy_converted: int = 0
    worker_peak_rss: list[int] = field(default_factory=list)  # one per worker process, bytes
    parent_peak_rss: int = 0
    slowest: list[tuple[float, str]] = field(default_factory=list)  # (seconds, file), slowest first
    startup_seconds: float | None = None  # until the first worker was ready (the NLP model loads once)

    def timed(self, seconds: float, file: str) -> None:
        """Keep the few slowest files: where a batch's time went."""
        self.slowest.append((round(seconds, 2), file))
        self.slowest.sort(reverse=True)
        del self.slowest[SLOWEST_KEPT:]

    @property
    def peak_rss(self) -> int:
        return max(self.worker_peak_rss, default=0)


@dataclass
class BatchReport(IngestReport):
    stats: BatchStats = field(default_factory=BatchStats)


def summary(report: IngestReport) -> dict[str, Any]:
    """A report as one JSON-ready object: counts, by format, records, failures and speed."""
    out: dict[str, Any] = {
        "run_id": report.run_id,
        "files": len(report.files),
        "counts": {k: report.counts[k] for k in ("added", "updated", "unchanged", "failed")},
        "by_format": {fmt: dict(c) for fmt, c in report.by_format().items()},
        "records": dict(report.records()),
        "failed": [{"file": f.path, "stage": f.stage, "reason": f.reason}
                   for f in report.files if f.outcome == "failed"],
    }
    s = getattr(report, "stats", None)
    if isinstance(s, BatchStats):
        out.update({
            "workers": s.workers,
            "seconds": round(s.seconds, 3),
            "startup_seconds": round(s.startup_seconds, 3) if s.startup_seconds is not None else None,
            "pages": s.pages,
            "files_per_second": round(s.processed / s.seconds, 2) if s.seconds else None,
            "pages_per_second": round(s.pages / s.seconds, 2) if s.seconds else None,
            "peak_rss_mb": round(s.peak_rss / 2**20, 1),
            "worker_peak_rss_mb": [round(r / 2**20, 1) for r in s.worker_peak_rss],
            "workers_started": s.workers_started,
            "timeouts": s.timeouts,
            "crashes": s.crashes,
            "recycled": s.recycled,
            "legacy_converted": s.legacy_converted,
            "slowest": [{"file": f, "seconds": t} for t, f in s.slowest],
        })
    return out


def options_from_cli(workers: int | None, timeout: float, max_file_size: str, memory_limit: str,
                     progress: bool | None) -> BatchOptions:
    """BatchOptions from the ingest verb's options; ValueError names a bad one."""
    if workers is not None and workers < 1:
        raise ValueError("--workers must be at least 1")
    limits = Limits(timeout=timeout, max_file_size=parse_size(max_file_size), memory=parse_size(memory_limit))
    return BatchOptions(workers=workers or default_workers(), limits=limits, progress=progress)


def archived_path(path: str | os.PathLike[str]) -> str:
    """The absolute path as the archive stores it: text, so a non-UTF-8 name is escaped (\\xe4)."""
    full = os.path.abspath(os.fspath(path))
    return _text(full)


def shown_path(path: str | os.PathLike[str]) -> str:
    return _text(os.fspath(path))


def _text(s: str) -> str:
    try:
        s.encode("utf-8")
        return s
    except UnicodeEncodeError:
        return os.fsencode(s).decode("utf-8", "backslashreplace")


def _suffix_format(path: str) -> str:
    return Path(path).suffix.lower().lstrip(".") or "?"


class _Worker:
    """The parent's handle on one worker process and the file it is working on."""

    def __init__(self, ctx: Any, number: int, limits: Limits, tmpdir: str) -> None:
        task_r, task_w = ctx.Pipe(duplex=False)
        result_r, result_w = ctx.Pipe(duplex=False)
        self.number = number
        self.process = ctx.Process(
            target=worker.main, name=f"arkisto-worker-{number}", daemon=True,
            args=(task_r, result_w, limits.memory, limits.max_file_size, os.path.join(tmpdir, f"w{number}")))
        self.process.start()
        task_r.close()
        result_w.close()
        self.tasks: Connection = task_w
        self.results: Connection = result_r
        self.ready = False
        self.stopping = False
        self.task: Task | None = None
        self.started = 0.0
        self.stage = "read"
        self.served = 0
        self.peak_rss = 0

    def give(self, task: Task) -> None:
        self.task, self.started, self.stage = task, time.monotonic(), "read"
        self.tasks.send(task)

    def stop(self) -> None:
        """Ask the worker to finish; it exits after its current file."""
        self.stopping = True
        try:
            self.tasks.send(None)
        except OSError:
            pass

    def kill(self) -> None:
        """Kill the worker and everything it started (LibreOffice, Tesseract)."""
        try:
            children = psutil.Process(self.process.pid).children(recursive=True)
        except (psutil.Error, TypeError):
            children = []
        for p in [*children]:
            try:
                p.kill()
            except psutil.Error:
                pass
        if self.process.is_alive():
            self.process.kill()
        self.process.join(STOP_GRACE_SECONDS)
        self.close()

    def close(self) -> None:
        for conn in (self.tasks, self.results):
            try:
                conn.close()
            except OSError:
                pass

    def death(self) -> str:
        code = self.process.exitcode
        if code is not None and code < 0:
            try:
                return f"killed by {signal.Signals(-code).name}"
            except ValueError:
                return f"killed by signal {-code}"
        return f"exit status {code}" if code is not None else "ended"


class _Converter(threading.Thread):
    """Converts chunks of legacy files with one LibreOffice run each, off the main thread."""

    def __init__(self, outdir: Path, timeout_per_chunk: Callable[[int], float]) -> None:
        super().__init__(name="arkisto-legacy-converter", daemon=True)
        self.inbox: queue.Queue[tuple[str, list[Task]] | None] = queue.Queue()
        self.outbox: queue.Queue[list[Task]] = queue.Queue()
        self.outdir = outdir
        self.timeout_per_chunk = timeout_per_chunk
        self.pending = 0  # chunks handed in and not yet back
        self.running = False  # LibreOffice is converting a chunk right now
        self.converted = 0
        self._count = 0

    def submit(self, target: str, tasks: list[Task]) -> None:
        self.pending += 1
        self.inbox.put((target, tasks))

    def run(self) -> None:
        from extractors.formats.legacy import convert_many

        while (item := self.inbox.get()) is not None:
            target, tasks = item
            self._count += 1
            self.running = True
            try:
                done = convert_many([Path(t.path) for t in tasks], target,
                                    outdir=self.outdir / str(self._count),
                                    timeout=self.timeout_per_chunk(len(tasks)))
            except Exception:  # no LibreOffice, cannot start it: each worker tries alone and reports
                done = {}
            finally:
                self.running = False
            for t in tasks:
                out = done.get(Path(t.path))
                if isinstance(out, Path):
                    t.converted = str(out)
                    self.converted += 1
            self.outbox.put(tasks)


class _Batch:
    """One run of the batch: scanning, dispatching, writing, watching the workers."""

    def __init__(self, archive: Archive, run_id: int, options: BatchOptions, report: BatchReport,
                 on_file: Callable[[FileReport], None] | None) -> None:
        self.archive, self.run_id, self.options, self.report = archive, run_id, options, report
        self.limits = options.limits
        self.on_file = on_file
        self.progress = BatchProgress(options.progress)
        self.ctx = multiprocessing.get_context("forkserver")
        if options.preload:
            self.ctx.set_forkserver_preload(["pipeline.worker_preload"])
        self.tmpdir = tempfile.mkdtemp(prefix="arkisto-batch-")
        self.workers: list[_Worker] = []
        self.ready: deque[Task] = deque()
        self.legacy: dict[str, list[Task]] = {}  # target format -> tasks waiting for a chunk to fill
        self.legacy_paths: deque[Path] = deque()  # not yet scanned
        self.other_paths: deque[Path] = deque()
        self.converter: _Converter | None = None
        self.in_flight: dict[str, Task] = {}  # sha -> the task reading it
        self.twins: dict[str, list[Task]] = {}  # sha -> more paths with the same bytes
        self.next_id = 0
        self.next_worker = 0
        self.start_failures = 0
        self.wanted_workers = max(1, options.workers)
        self.unindexed = 0  # documents written but not yet in full-text search
        self.started = time.monotonic()

    # -- the main loop -----------------------------------------------------

    def run(self, paths: list[Path]) -> None:
        skip_dirs, skip_files = default_skips(self.archive.path)
        files = list(walk(paths, skip_dirs, skip_files))
        self.progress.start(len(files))
        self.progress.describe("importing")
        # Legacy files are scanned first: LibreOffice converts them while the workers start and
        # read the rest, and its last chunk does not wait for the end of the scan (it used to
        # run alone at the end of a batch, the other cores idle).
        self.legacy_paths = deque(p for p in files if _legacy_suffix(p))
        self.other_paths = deque(p for p in files if not _legacy_suffix(p))
        scanning = True
        while True:
            scanned = 0
            if scanning:
                scanning, scanned = self._scan_some()
                if not scanning:
                    self._flush_legacy()
            self._collect_conversions()
            self._dispatch()
            if not scanning and not self.ready and not self._busy() and not self._converting():
                break
            # While files are still being scanned, only glance at the workers; else wait for them.
            self._pump(0 if scanned else POLL_SECONDS)
            self._watch_time()

    def _scan_some(self) -> tuple[bool, int]:
        """Scan files until enough work is queued: (files left to scan?, files scanned)."""
        scanned = 0
        while scanned < 256 and (path := self._next_path()) is not None:
            self._scan(path)
            scanned += 1
            if not self.legacy_paths and _legacy_suffix(path):
                self._flush_legacy()  # the last legacy file: convert the partial chunk now
        return bool(self.legacy_paths or self.other_paths), scanned

    def _next_path(self) -> Path | None:
        """The next file to scan: a legacy one unless LibreOffice is behind (memory stays bounded),
        else another one while the workers' queue is short; None when neither is due."""
        behind = (self._converting() > 1
                  and sum(map(len, self.legacy.values())) >= 2 * self.options.legacy_chunk)
        if self.legacy_paths and not behind:
            return self.legacy_paths.popleft()
        if self.other_paths and len(self.ready) < 4 * self.wanted_workers:
            return self.other_paths.popleft()
        return None

    def _scan(self, path: Path) -> None:
        """Hash one file and decide: skip (known bytes), fail early, convert first, or queue."""
        raw = os.fspath(path)
        shown = archived_path(raw)
        try:
            st = os.stat(raw)
            if not stat.S_ISREG(st.st_mode):
                return self._fail_early(raw, "read", "not a regular file")
            if st.st_size > self.limits.max_file_size:
                return self._fail_early(raw, "read", f"file larger than the {format_size(self.limits.max_file_size)}"
                                        f" limit ({format_size(st.st_size)}; see --max-file-size)")
            sha, head = _hash(raw, st.st_size)
        except OSError as e:
            return self._fail_early(raw, "read", f"cannot open file: {e.strerror or e}")
        if self.archive.document_exists(sha):
            outcome = self.archive.link_path(sha, shown, self.run_id)
            return self._finish(FileReport(shown_path(raw), outcome, self._stored_format(sha)))
        task = Task(self.next_id, raw, shown, sha, st.st_size)
        self.next_id += 1
        if sha in self.in_flight:
            self.twins.setdefault(sha, []).append(task)
            return None
        self.in_flight[sha] = task
        fmt = _legacy_format(raw, head, st.st_size)
        if fmt:
            task.fmt = fmt
            target = "pptx" if fmt == "ppt" else "docx"
            chunk = self.legacy.setdefault(target, [])
            chunk.append(task)
            if len(chunk) >= self.options.legacy_chunk:
                self._convert(target)
        else:
            self.ready.append(task)
        return None

    # -- legacy conversion -----------------------------------------------

    def _convert(self, target: str) -> None:
        tasks = self.legacy.pop(target, [])
        if not tasks:
            return
        if self.converter is None:
            limit = self.limits.timeout

            def per_chunk(n: int) -> float:
                return limit + 2.0 * n

            self.converter = _Converter(Path(self.tmpdir) / "converted", per_chunk)
            self.converter.start()
        self.converter.submit(target, tasks)

    def _flush_legacy(self) -> None:
        for target in list(self.legacy):
            self._convert(target)

    def _collect_conversions(self) -> None:
        if self.converter is None:
            return
        while True:
            try:
                tasks = self.converter.outbox.get_nowait()
            except queue.Empty:
                return
            self.converter.pending -= 1
            self.ready.extendleft(reversed(tasks))  # LibreOffice is done: these go first

    def _converting(self) -> int:
        return self.converter.pending if self.converter else 0

    # -- workers -----------------------------------------------------------

    def _busy(self) -> bool:
        return any(w.task is not None for w in self.workers)

    def _dispatch(self) -> None:
        live = [w for w in self.workers if not w.stopping]
        work_left = len(self.ready) + self._converting()
        while len(live) < self.wanted_workers and work_left > sum(1 for w in live if w.task is None):
            live.append(self._start_worker())
        # a LibreOffice run takes a core as a worker does: --workers N bounds both together
        slots = self.wanted_workers - (1 if self.converter and self.converter.running else 0)
        busy = sum(1 for w in live if w.task is not None)
        for w in live:
            if w.ready and w.task is None and self.ready and busy < slots:
                busy += 1
                task = self.ready.popleft()
                try:
                    w.give(task)
                except OSError:  # it died between two files; the pump will see it
                    w.task = task

    def _start_worker(self) -> _Worker:
        self.next_worker += 1
        try:
            w = _Worker(self.ctx, self.next_worker, self.limits, self.tmpdir)
        except OSError as e:
            raise BatchError(f"cannot start a worker process: {e.strerror or e}") from e
        self.workers.append(w)
        self.report.stats.workers_started += 1
        return w

    def _pump(self, timeout: float) -> None:
        """Handle what the workers said; notice the ones that died."""
        conns = {w.results: w for w in self.workers}
        if not conns:
            time.sleep(timeout)
            return
        for conn in wait(list(conns), timeout):
            w = conns[conn]  # type: ignore[index]
            try:
                while True:
                    message = w.results.recv()
                    self._message(w, message)
                    if not w.results.poll():
                        break
            except (EOFError, OSError):
                self._died(w)

    def _message(self, w: _Worker, message: tuple[Any, ...]) -> None:
        kind = message[0]
        if kind == "ready":
            w.ready = True
            if self.report.stats.startup_seconds is None:
                self.report.stats.startup_seconds = time.monotonic() - self.started
            w.peak_rss = max(w.peak_rss, message[2])
            self.start_failures = 0
        elif kind == "stage":
            if w.task is not None and w.task.id == message[1]:
                w.stage = message[2]
        elif kind == "done":
            outcome, peak, rss = message[1], message[2], message[3]
            w.peak_rss = max(w.peak_rss, peak)
            task, w.task = w.task, None
            w.served += 1
            if outcome.fatal or w.served >= self.limits.tasks_per_worker or rss > self.limits.max_rss:
                self.report.stats.recycled += 1
                w.stop()
            self._dispatch()  # the worker gets its next file before we spend time writing this one
            if task is not None and task.id == outcome.task_id:
                self._write(task, outcome)
        elif kind == "failed":
            raise BatchError(f"worker {message[1]}")

    def _died(self, w: _Worker) -> None:
        w.process.join(STOP_GRACE_SECONDS)
        if w.stopping and w.task is None:
            self._retire(w)
            return
        if not w.ready:
            self.start_failures += 1
            if self.start_failures >= START_FAILURES_ALLOWED:
                raise BatchError(f"worker processes cannot start ({w.death()}; see the messages above)")
        task, w.task = w.task, None
        if task is not None:
            self.report.stats.crashes += 1
            self._write(task, Outcome(task.id, stage=w.stage,
                                      reason=f"worker process died ({w.death()}) on this file"))
        self._retire(w)

    def _retire(self, w: _Worker) -> None:
        if w.process.is_alive():
            w.kill()
        else:
            w.close()
        self.report.stats.worker_peak_rss.append(w.peak_rss)
        self.workers.remove(w)

    def _watch_time(self) -> None:
        now = time.monotonic()
        for w in list(self.workers):
            if w.task is not None and now - w.started > self.limits.timeout:
                task, w.task = w.task, None
                stage = w.stage
                w.kill()
                self.report.stats.timeouts += 1
                self._write(task, Outcome(task.id, stage=stage,
                                          reason=f"timed out after {self.limits.timeout:g} s (see --timeout)"))
                self._retire(w)

    # -- writing -----------------------------------------------------------

    def _write(self, task: Task, outcome: Outcome) -> None:
        """The writer: one document per transaction; a failure goes to ``errors``."""
        self.in_flight.pop(task.sha, None)
        twins = self.twins.pop(task.sha, [])
        if task.converted:
            Path(task.converted).unlink(missing_ok=True)
        rows = outcome.rows
        self.report.stats.processed += 1
        if outcome.seconds:
            self.report.stats.timed(outcome.seconds, shown_path(task.path))
        if rows is None:
            self._fail(task, outcome.stage or "read", outcome.reason or "unknown error")
            for t in twins:
                self._fail(t, outcome.stage or "read", outcome.reason or "unknown error")
            return
        pages = rows.pages or 1
        self.report.stats.pages += pages
        try:
            done = self.archive.write_result(rows, task.shown, self.run_id, defer_index=True)
        except Exception as e:  # e.g. a value SQLite cannot store: this file fails, the batch goes on
            reason = worker.one_line(e)
            self._fail(task, "write", reason, rows.format)
            for t in twins:
                self._fail(t, "write", reason, rows.format)
            return
        counts = {}
        if done != "unchanged":
            counts = rows.counts
            self.unindexed += 1
            if self.unindexed >= INDEX_EVERY:
                self._index()
        self._finish(FileReport(shown_path(task.path), done, rows.format, counts), pages)
        for t in twins:
            self._finish(FileReport(shown_path(t.path), self.archive.link_path(task.sha, t.shown, self.run_id),
                                    rows.format))

    def _index(self) -> None:
        """Full-text index what was written since the last time, in one transaction."""
        self.archive.index_pending()
        self.unindexed = 0

    def _fail(self, task: Task, stage: str, reason: str, fmt: str | None = None) -> None:
        self.archive.record_error(self.run_id, task.shown, stage, reason)
        self._finish(FileReport(shown_path(task.path), "failed", fmt or task.fmt or _suffix_format(task.path),
                                stage=stage, reason=reason))

    def _fail_early(self, raw: str, stage: str, reason: str) -> None:
        self.archive.record_error(self.run_id, archived_path(raw), stage, reason)
        self._finish(FileReport(shown_path(raw), "failed", _suffix_format(raw), stage=stage, reason=reason))

    def _finish(self, item: FileReport, pages: int = 0) -> None:
        self.report.files.append(item)
        self.progress.advance(pages, item.outcome == "failed")
        if item.outcome == "failed":
            self.progress.note(f"{item.path}: {item.stage}: {item.reason}")
        if self.on_file:
            self.on_file(item)

    def _stored_format(self, sha: str) -> str:
        row = self.archive.conn.execute("SELECT format FROM documents WHERE id = ?", (sha,)).fetchone()
        return row[0] if row else "?"

    # -- ending ------------------------------------------------------------

    def close(self, aborted: bool) -> None:
        """Stop the workers (kill them when aborting), the converter, and remove temp files."""
        for w in list(self.workers):
            if aborted or w.task is not None:
                w.kill()
            else:
                w.stop()
        deadline = time.monotonic() + STOP_GRACE_SECONDS
        for w in list(self.workers):
            w.process.join(max(0.0, deadline - time.monotonic()))
            self._retire(w)
        if self.converter is not None:
            self.converter.inbox.put(None)
            if aborted:
                _kill_own_soffice()
            self.converter.join(STOP_GRACE_SECONDS)
            self.report.stats.legacy_converted = self.converter.converted
        self.progress.stop()
        shutil.rmtree(self.tmpdir, ignore_errors=True)
        self._index()  # within the batch's time: its documents are searchable when it ends
        self.report.stats.seconds = time.monotonic() - self.started
        self.report.stats.parent_peak_rss = peak_rss()


def run_batch(archive: Archive, paths: list[Path], options: BatchOptions | None = None,
              command: str = "ingest", on_file: Callable[[FileReport], None] | None = None) -> BatchReport:
    """Import every file under ``paths`` with worker processes; the run and its counts are recorded.

    Ctrl-C (or SIGTERM) stops the batch cleanly: what was written stays, whole
    documents only, and running the same import again carries on.
    """
    options = options or BatchOptions()
    run_id = archive.start_run(command)
    report = BatchReport(run_id)
    report.stats.workers = max(1, options.workers)
    batch = _Batch(archive, run_id, options, report, on_file)
    aborted = True
    previous = _terminate_as_interrupt()
    try:
        batch.run(paths)
        aborted = False
    finally:
        try:
            batch.close(aborted)
        finally:
            _restore_terminate(previous)
            archive.finish_run(run_id, report.counts)
    return report


def _hash(path: str, size: int) -> tuple[str, bytes]:
    """SHA-256 of the file and its first bytes (what the format checks need)."""
    h = hashlib.sha256()
    head = b""
    with open(path, "rb") as f:
        if size <= WHOLE_READ_LIMIT:
            data = f.read()
            h.update(data)
            return h.hexdigest(), data
        while chunk := f.read(HASH_CHUNK):
            if not head:
                head = chunk
            h.update(chunk)
    return h.hexdigest(), head


def _legacy_suffix(path: Path) -> bool:
    return path.suffix.lower().lstrip(".") in LEGACY_FORMATS


def _legacy_format(path: str, data: bytes, size: int) -> str | None:
    """doc/ppt/rtf when LibreOffice must convert the file first, else None."""
    if not (data.startswith(OLE_MAGIC) or data.lstrip(b"\xef\xbb\xbf \t\r\n")[:5] == b"{\\rtf"):
        return None
    if len(data) < size or os.path.basename(path).startswith(LOCK_FILE_PREFIX):
        return None  # too large to tell apart here, or an Office lock file: the worker decides
    from extractors.formats.detect import detect_format
    from extractors.formats.errors import ReadError

    try:
        fmt = detect_format(Path(path), data)
    except ReadError:
        return None
    return fmt if fmt in LEGACY_FORMATS else None


def _kill_own_soffice() -> None:
    """LibreOffice runs the converter started (in their own sessions, so Ctrl-C missed them)."""
    try:
        children = psutil.Process().children(recursive=True)
    except psutil.Error:
        return
    for p in children:
        try:
            if "soffice" in p.name() or "oosplash" in p.name():
                p.kill()
        except psutil.Error:
            pass


def _terminate_as_interrupt() -> Any:
    """SIGTERM ends the batch as Ctrl-C does (clean stop); only possible on the main thread."""
    if threading.current_thread() is not threading.main_thread():
        return None

    def interrupt(signum: int, frame: Any) -> None:
        raise KeyboardInterrupt

    return signal.signal(signal.SIGTERM, interrupt)


def _restore_terminate(previous: Any) -> None:
    if previous is not None:
        signal.signal(signal.SIGTERM, previous)
