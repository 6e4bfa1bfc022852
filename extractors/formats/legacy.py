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
import io
import os
import re
import shutil
import signal
import subprocess
import tempfile
import threading
import uuid
import zipfile
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
        converted, cleared = drop_volatile_fields(result.read_bytes())
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
    if cleared:
        doc.metadata["volatile_fields_cleared"] = cleared
    return doc


# DATE and TIME fields show "now": LibreOffice recomputes them while converting, so a 2015
# memo would carry the conversion day. Their shown value is dropped (SAVEDATE, CREATEDATE
# and PRINTDATE are stored facts and stay).
_VOLATILE = r"\s*(?:DATE|TIME)\b"
_COMPLEX_FIELD = re.compile(
    r"(<w:instrText[^>]*>" + _VOLATILE + r"[^<]*</w:instrText>.*?<w:fldChar [^>]*w:fldCharType=\"separate\"[^>]*>)"
    r"(.*?)(<w:fldChar [^>]*w:fldCharType=\"end\")", re.S)
_SIMPLE_FIELD = re.compile(r"(<w:fldSimple [^>]*w:instr=\"" + _VOLATILE + r"[^\"]*\"[^>]*>)(.*?)(</w:fldSimple>)", re.S)
_SLIDE_FIELD = re.compile(r"(<a:fld [^>]*type=\"datetime[^\"]*\"[^>]*>)(.*?)(</a:fld>)", re.S)
_TEXT = re.compile(r"(<(w|a):t(?:\s[^>]*)?>)[^<]*(</\2:t>)")


def drop_volatile_fields(package: bytes) -> tuple[bytes, int]:
    """A converted DOCX/PPTX with the shown text of date/time-of-now fields emptied."""
    try:
        source = zipfile.ZipFile(io.BytesIO(package))
    except zipfile.BadZipFile as e:
        raise ReadError(f"LibreOffice wrote a broken file: {e}") from e
    out = io.BytesIO()
    cleared = 0
    with source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            data = source.read(item)
            if item.filename.endswith(".xml") and item.filename.startswith(("word/", "ppt/slides/")):
                text = data.decode("utf-8")
                for pattern in (_COMPLEX_FIELD, _SIMPLE_FIELD, _SLIDE_FIELD):
                    text, n = pattern.subn(lambda m: m[1] + _TEXT.sub(r"\1\3", m[2]) + m[3], text)
                    cleared += n
                data = text.encode("utf-8")
            target.writestr(item, data)
    return out.getvalue(), cleared


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
