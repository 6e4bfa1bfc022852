"""Walk paths and import files into the archive: one document, one transaction.

Processing a file (``process_path``: read, hash, extract) is pure and may run in
worker processes; writing (``Archive.write_result``) happens in one writer. The
sequential ``ingest`` below composes the two; a parallel runner can do the same.
"""
from __future__ import annotations

import hashlib
import os
import traceback
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from extractors.formats import ReadError
from pipeline.archive import RECORD_TABLES, Archive, normal_path
from pipeline.run import Result, process_file

ARCHIVE_SUFFIXES = ("", "-wal", "-shm", "-journal")
# Office writes "~$name.docx" beside a file someone has open: a failure the user should see.
LOCK_PREFIX = "~$"
LOCK_REASON = "an Office owner/lock file (~$ prefix), not a document: the document itself is beside it"


@dataclass
class Processed:
    """What a worker hands the writer: a Result, or the stage and reason it failed."""

    path: Path
    sha: str | None = None
    result: Result | None = None
    stage: str | None = None
    reason: str | None = None


@dataclass
class FileReport:
    path: str
    outcome: str  # added | updated | unchanged | failed
    format: str = "?"
    records: dict[str, int] = field(default_factory=dict)
    stage: str | None = None
    reason: str | None = None


@dataclass
class IngestReport:
    run_id: int
    files: list[FileReport] = field(default_factory=list)

    @property
    def counts(self) -> Counter[str]:
        return Counter(f.outcome for f in self.files)

    @property
    def failed(self) -> int:
        return self.counts["failed"]

    def by_format(self) -> dict[str, Counter[str]]:
        out: dict[str, Counter[str]] = {}
        for f in self.files:
            out.setdefault(f.format, Counter())[f.outcome] += 1
        return dict(sorted(out.items()))

    def records(self) -> Counter[str]:
        total: Counter[str] = Counter({t: 0 for t in RECORD_TABLES})
        for f in self.files:
            total.update(f.records)
        return total


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _one_line(e: BaseException) -> str:
    text = " ".join(str(e).split())
    return text if isinstance(e, ReadError) else f"{type(e).__name__}: {text}".rstrip(": ")


def _stage(e: BaseException) -> str:
    """'read' when a reader failed (its own ReadError, or a bug inside a reader), else 'extract'."""
    if isinstance(e, ReadError):
        return getattr(e, "stage", "read")
    frames = traceback.extract_tb(e.__traceback__)
    inside_reader = any(f"{os.sep}extractors{os.sep}formats{os.sep}" in fr.filename for fr in frames)
    return "read" if inside_reader else "extract"


def read_bytes(path: Path) -> tuple[bytes | None, Processed | None]:
    try:
        return path.read_bytes(), None
    except OSError as e:
        return None, Processed(path, stage="read", reason=f"cannot open file: {e.strerror or e}")


def process_path(path: Path, data: bytes | None = None) -> Processed:
    """Read and extract one file; never raises for a bad file (safe to run in a worker)."""
    if path.name.startswith(LOCK_PREFIX):
        return Processed(path, stage="read", reason=LOCK_REASON)
    if data is None:
        data, failed = read_bytes(path)
        if failed:
            return failed
    assert data is not None
    sha = sha256(data)
    try:
        return Processed(path, sha, result=process_file(path, data))
    except Exception as e:  # a batch goes on whatever one file does
        return Processed(path, sha, stage=_stage(e), reason=_one_line(e))


def _record_counts(result: Result) -> dict[str, int]:
    return {t: len(getattr(result.records, t)) for t in RECORD_TABLES}


def _is_hidden(name: str) -> bool:
    return name.startswith(".")


# Met while walking a folder, these are not documents (code, data, images, media, archives):
# they are passed over. A file named on the command line is always tried, whatever its name.
NOT_DOCUMENTS = frozenset(
    ".py .pyc .js .css .json .jsonl .csv .tsv .xml .yaml .yml .toml .ini .cfg .sql .sqlite .db "
    ".jpg .jpeg .png .gif .bmp .tif .tiff .svg .ico .heic .webp .mp3 .wav .mp4 .avi .mov .mkv "
    ".zip .gz .tgz .bz2 .xz .7z .rar .tar .exe .dll .so .bin .iso .dmg".split())


def is_document_name(name: str) -> bool:
    return os.path.splitext(name)[1].lower() not in NOT_DOCUMENTS


def walk(paths: Iterable[Path], skip_dirs: Iterable[Path] = (), skip_files: Iterable[Path] = ()) -> Iterator[Path]:
    """Files under ``paths`` in a stable order; hidden files and folders, ``skip_dirs`` and files
    that are not documents (``NOT_DOCUMENTS``) left out.

    A file named on the command line is always taken (an Office ``~$`` lock file too:
    it is reported as a failure so the user knows it is there).
    """
    skip_d = {normal_path(p) for p in skip_dirs}
    skip_f = {normal_path(p) for p in skip_files}
    for root in paths:
        if root.is_file():
            if normal_path(root) not in skip_f:
                yield root
            continue
        for here, dirs, files in os.walk(root):
            dirs[:] = sorted(d for d in dirs if not _is_hidden(d)
                             and normal_path(os.path.join(here, d)) not in skip_d)
            for name in sorted(files):
                full = os.path.join(here, name)
                if not _is_hidden(name) and is_document_name(name) and normal_path(full) not in skip_f:
                    yield Path(full)


def default_skips(db: Path) -> tuple[list[Path], list[Path]]:
    """Our own output: the ``output/`` folder here and the archive file with its WAL files."""
    skip_dirs = [Path("output")]
    if db.parent.name == "output":
        skip_dirs.append(db.parent)
    return skip_dirs, [Path(f"{db}{s}") for s in ARCHIVE_SUFFIXES]


def ingest_file(archive: Archive, path: Path, run_id: int) -> FileReport:
    """Import one file: skip known content, else process and write; failures go to ``errors``."""
    data, failed = read_bytes(path)
    if failed is None and not path.name.startswith(LOCK_PREFIX):
        assert data is not None
        sha = sha256(data)
        if archive.document_exists(sha):
            outcome = archive.link_path(sha, path, run_id)
            fmt = archive.conn.execute("SELECT format FROM documents WHERE id = ?", (sha,)).fetchone()[0]
            return FileReport(str(path), outcome, fmt)
    processed = failed or process_path(path, data)
    return write_processed(archive, processed, run_id)


def write_processed(archive: Archive, processed: Processed, run_id: int) -> FileReport:
    """The writer's half: store a worker's Result, or record its failure."""
    shown = str(processed.path)
    fmt = processed.path.suffix.lower().lstrip(".") or "?"
    if processed.result is None:
        archive.record_error(run_id, normal_path(processed.path), processed.stage or "read",
                             processed.reason or "unknown error")
        return FileReport(shown, "failed", fmt, stage=processed.stage, reason=processed.reason)
    result = processed.result
    try:
        outcome = archive.write_result(result, processed.path, run_id)
    except Exception as e:  # e.g. a value SQLite cannot store: this file fails, the batch goes on
        reason = _one_line(e)
        archive.record_error(run_id, normal_path(processed.path), "write", reason)
        return FileReport(shown, "failed", result.document.format, stage="write", reason=reason)
    counts = _record_counts(result) if outcome != "unchanged" else {}
    return FileReport(shown, outcome, result.document.format, counts)


def ingest(archive: Archive, paths: list[Path], command: str = "ingest",
           progress: Callable[[FileReport], None] | None = None) -> IngestReport:
    """Import every file under ``paths``; the run and its counts are recorded."""
    run_id = archive.start_run(command)
    report = IngestReport(run_id)
    skip_dirs, skip_files = default_skips(archive.path)
    try:
        for path in walk(paths, skip_dirs, skip_files):
            item = ingest_file(archive, path, run_id)
            report.files.append(item)
            if progress:
                progress(item)
    finally:
        archive.finish_run(run_id, report.counts)
    return report


def reextract(archive: Archive, paths: list[Path] | None = None, command: str = "ingest --reextract",
              progress: Callable[[FileReport], None] | None = None) -> IngestReport:
    """Run the record extractors again over stored documents, without reading any file.

    A document whose records come out the same is left untouched (its rows keep the
    run that wrote them); otherwise its records are replaced in one transaction.
    """
    from extractors.records import extract_records  # spaCy: not in a batch's parent

    run_id = archive.start_run(command)
    report = IngestReport(run_id)
    try:
        for doc_id in _documents_under(archive, paths):
            document = archive.load_document(doc_id)
            try:
                records = extract_records(document)
            except Exception as e:
                reason = _one_line(e)
                archive.record_error(run_id, document.source, "extract", reason)
                item = FileReport(document.source, "failed", document.format, stage="extract", reason=reason)
            else:
                before = archive.load_records(doc_id)
                if Result(document, before).to_dict() == Result(document, records).to_dict():
                    item = FileReport(document.source, "unchanged", document.format)
                else:
                    archive.replace_records(doc_id, records, run_id)
                    counts = {t: len(getattr(records, t)) for t in RECORD_TABLES}
                    item = FileReport(document.source, "updated", document.format, counts)
            report.files.append(item)
            if progress:
                progress(item)
    finally:
        archive.finish_run(run_id, report.counts)
    return report


def _documents_under(archive: Archive, paths: list[Path] | None) -> list[str]:
    if not paths:
        return archive.document_ids()
    found: set[str] = set()
    for p in paths:
        base = normal_path(p)
        pattern = base.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        for (doc_id,) in archive.conn.execute(
                "SELECT document_id FROM document_paths WHERE path = ? OR path LIKE ? || ? ESCAPE '\\'",
                (base, pattern, "/%")):
            found.add(doc_id)
    return sorted(found)
