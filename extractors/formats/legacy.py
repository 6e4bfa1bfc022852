"""Legacy Word (.doc), PowerPoint (.ppt) and RTF: LibreOffice headless converts them to
DOCX/PPTX in a temporary folder, and the modern reader reads the result.

The Document keeps the original's identity: ``id`` is the sha256 of the original
bytes, ``format`` is doc/ppt/rtf and ``source`` the original path. Every soffice
run gets a private profile (two runs sharing one fail silently), a timeout, and on
timeout its whole process group is killed. ``convert_many`` converts a batch in one
soffice run, which saves LibreOffice's start-up for every file but the first.
"""
from __future__ import annotations

import atexit
import hashlib
import importlib
import os
import shutil
import signal
import subprocess
import tempfile
import threading
import uuid
from pathlib import Path

from schemas.document import Document

from .errors import MissingToolError, ReadError

TARGETS = {"doc": "docx", "rtf": "docx", "ppt": "pptx"}
MODERN_READERS = {"docx": "extractors.formats.docx", "pptx": "extractors.formats.pptx"}
TIMEOUT = 180.0  # seconds for one file (a 55-slide PPT takes ~10 s)
BATCH_TIMEOUT_PER_FILE = 30.0
_profiles: dict[tuple[int, int], Path] = {}
_profiles_lock = threading.Lock()


def read(path: Path, data: bytes, fmt: str, *, timeout: float = TIMEOUT) -> Document:
    """Convert with LibreOffice, read with the DOCX/PPTX reader, restore the original identity."""
    target = TARGETS.get(fmt)
    if target is None:
        raise ReadError(f"not a legacy format: {fmt}")
    with tempfile.TemporaryDirectory(prefix="arkisto-legacy-") as tmp:
        source = Path(tmp) / f"input.{fmt}"
        source.write_bytes(data)
        result = convert_many([source], target, outdir=Path(tmp) / "out", timeout=timeout)[source]
        if isinstance(result, ReadError):
            raise result
        converted = result.read_bytes()
    try:
        reader = importlib.import_module(MODERN_READERS[target])
    except ImportError as e:
        raise ReadError(f"no {target} reader to read the converted {fmt} file") from e
    try:
        doc: Document = reader.read(Path(path), converted, target)
    except ReadError as e:
        raise ReadError(f"converted {fmt} unreadable: {e}") from e
    doc.id = hashlib.sha256(data).hexdigest()
    doc.format = fmt
    doc.source = str(path)
    doc.metadata["converted_by"] = "LibreOffice"
    return doc


def soffice_binary() -> str:
    """The LibreOffice executable, or MissingToolError."""
    for name in ("soffice", "libreoffice"):
        if found := shutil.which(name):
            return found
    raise MissingToolError("LibreOffice", "libreoffice-writer-nogui")


def convert_many(paths: list[Path], target: str, *, outdir: Path | None = None,
                 timeout: float | None = None) -> dict[Path, Path | ReadError]:
    """Convert many files to ``target`` (docx, pptx, pdf, ...) in one soffice run.

    Returns each input path mapped to its converted file or to a ReadError. Results go
    to ``outdir`` (a new temporary folder if not given: the caller removes it). Inputs
    are linked under numbered names first, so equal names in different folders and odd
    characters cannot collide or confuse soffice.
    """
    paths = [Path(p) for p in paths]
    if not paths:
        return {}
    binary = soffice_binary()
    outdir = Path(outdir) if outdir else Path(tempfile.mkdtemp(prefix="arkisto-converted-"))
    outdir.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix="arkisto-staging-"))
    try:
        staged = {}
        batch = uuid.uuid4().hex[:8]  # outputs of earlier runs into the same outdir survive
        for number, path in enumerate(paths):
            link = staging / f"{batch}-{number:06d}{path.suffix.lower()}"
            try:
                link.symlink_to(path.resolve())
            except OSError:
                shutil.copyfile(path, link)
            staged[path] = link
        limit = timeout if timeout is not None else max(TIMEOUT, 60 + BATCH_TIMEOUT_PER_FILE * len(paths))
        failure = _run_soffice(binary, target, outdir, list(staged.values()), limit)
        results: dict[Path, Path | ReadError] = {}
        for path, link in staged.items():
            converted = outdir / f"{link.stem}.{target}"
            if converted.exists() and converted.stat().st_size > 0:
                results[path] = converted
            else:
                results[path] = ReadError(failure or "LibreOffice could not convert the file")
        return results
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _run_soffice(binary: str, target: str, outdir: Path, inputs: list[Path], timeout: float) -> str | None:
    """Run one conversion; a one-line reason when the run as a whole failed."""
    cmd = [binary, f"-env:UserInstallation={_profile().as_uri()}", "--headless", "--norestore",
           "--nologo", "--nodefault", "--nolockcheck", "--convert-to", target,
           "--outdir", str(outdir), *map(str, inputs)]
    try:
        proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, start_new_session=True)
    except OSError as e:
        raise ReadError(f"cannot start LibreOffice: {e.strerror or e}") from e
    try:
        _, err = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        _kill_group(proc)
        return f"LibreOffice conversion timed out after {timeout:.0f} s"
    if proc.returncode != 0:
        lines = err.decode("utf-8", "replace").strip().splitlines()
        return f"LibreOffice failed ({lines[-1] if lines else f'exit {proc.returncode}'})"
    return None


def _kill_group(proc: subprocess.Popen[bytes]) -> None:
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass
    proc.communicate()


def _profile() -> Path:
    """This process's and thread's private LibreOffice profile; reused, so only the first
    run pays for building it. Keyed by pid too: a forked worker must not share it."""
    key = (os.getpid(), threading.get_ident())
    with _profiles_lock:
        if key not in _profiles:
            _profiles[key] = Path(tempfile.gettempdir()) / f"arkisto-lo-{os.getpid()}-{uuid.uuid4().hex}"
        return _profiles[key]


@atexit.register
def _remove_profiles() -> None:
    for (pid, _), folder in list(_profiles.items()):
        if pid == os.getpid():
            shutil.rmtree(folder, ignore_errors=True)
