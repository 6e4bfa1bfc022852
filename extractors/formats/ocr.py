"""OCR of scanned PDF pages: pypdfium2 renders a page, Tesseract reads it as TSV.

Tesseract runs as a subprocess, one page at a time, with a per-page timeout and
``OMP_THREAD_LIMIT=1``: its OpenMP threads make one page ~5x slower on a small
machine, so pages are spread over a few single-threaded processes instead.
"""
from __future__ import annotations

import io
import os
import shutil
import signal
import subprocess
from collections import deque
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from statistics import median

from .errors import MissingToolError, ReadError

DPI = 300
LANGUAGES = "fin+swe+eng"
# psm 4 = one column of text of varying sizes: keeps the hanging item numbers ("2.", "3.")
# that psm 3 drops as separate blocks, and tolerates a logo beside a title.
PAGE_SEGMENTATION = 4
PAGE_TIMEOUT = 120.0
MIN_WORD_CONFIDENCE = 60  # a kept line needs one word this sure of itself ...
MIN_WORD_ALNUM = 3  # ... with at least this many letters or digits; the rest is logo noise


@dataclass
class OcrLine:
    """One recognised text line in PDF points, top-down (like pdfplumber)."""

    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    confidence: float  # mean word confidence, 0-1
    words: int


@dataclass
class OcrPage:
    page: int
    lines: list[OcrLine]
    error: str | None = None


def tesseract_binary() -> str:
    """The tesseract executable, or MissingToolError."""
    path = shutil.which("tesseract")
    if path is None:
        raise MissingToolError("tesseract", "tesseract-ocr")
    return path


def render_page(page: object, dpi: int = DPI) -> bytes:
    """A pypdfium2 page as a grayscale PGM image (uncompressed: cheapest to hand over)."""
    bitmap = page.render(scale=dpi / 72, grayscale=True)  # type: ignore[attr-defined]
    try:
        image = bitmap.to_pil()
        buf = io.BytesIO()
        image.save(buf, format="PPM")
        return buf.getvalue()
    finally:
        bitmap.close()


def recognise(image: bytes, *, page: int, dpi: int = DPI, languages: str = LANGUAGES,
              psm: int = PAGE_SEGMENTATION, timeout: float = PAGE_TIMEOUT) -> OcrPage:
    """OCR one page image; a timeout or Tesseract failure is reported in ``error``."""
    cmd = [tesseract_binary(), "stdin", "stdout", "-l", languages, "--psm", str(psm),
           "--dpi", str(dpi), "tsv"]
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
    proc = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, env=env, start_new_session=True)
    try:
        out, err = proc.communicate(image, timeout=timeout)
    except subprocess.TimeoutExpired:
        _kill(proc)
        return OcrPage(page, [], f"OCR timed out after {timeout:.0f} s")
    if proc.returncode != 0:
        reason = err.decode("utf-8", "replace").strip().splitlines()
        return OcrPage(page, [], f"tesseract failed: {reason[-1] if reason else proc.returncode}")
    return OcrPage(page, parse_tsv(out.decode("utf-8", "replace"), scale=72 / dpi))


def _kill(proc: subprocess.Popen[bytes]) -> None:
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass
    proc.communicate()


def parse_tsv(tsv: str, scale: float) -> list[OcrLine]:
    """Tesseract TSV words grouped into lines; noise lines (logos, specks) dropped."""
    groups: dict[tuple[str, str, str], list[list[str]]] = {}
    for row in tsv.splitlines()[1:]:
        cols = row.split("\t")
        if len(cols) < 12 or cols[0] != "5" or not cols[11].strip():
            continue
        groups.setdefault((cols[2], cols[3], cols[4]), []).append(cols)
    lines = []
    for words in groups.values():
        confs = [max(0.0, float(w[10])) for w in words]
        if not any(c >= MIN_WORD_CONFIDENCE and sum(ch.isalnum() for ch in w[11]) >= MIN_WORD_ALNUM
                   for c, w in zip(confs, words)):
            continue
        left = [int(w[6]) for w in words]
        top = [int(w[7]) for w in words]
        right = [int(w[6]) + int(w[8]) for w in words]
        heights = [int(w[9]) for w in words]
        bottom = [t + h for t, h in zip(top, heights)]
        lines.append(OcrLine(
            text=" ".join(w[11].strip() for w in words),
            x0=min(left) * scale, top=median(top) * scale, x1=max(right) * scale,
            bottom=median(bottom) * scale, confidence=sum(confs) / len(confs) / 100,
            words=len(words),
        ))
    return lines


class OcrQueue:
    """Pages OCR'd in a few worker threads (each one Tesseract process), in order.

    Rendering stays with the caller (pdfium is not thread-safe); at most ``workers``
    rendered images wait in memory at once.
    """

    def __init__(self, workers: int, **options: object) -> None:
        tesseract_binary()
        self.workers = max(1, workers)
        self.options = options
        self._pool = ThreadPoolExecutor(max_workers=self.workers, thread_name_prefix="ocr")
        self._pending: deque[Future[OcrPage]] = deque()
        self.done: list[OcrPage] = []

    def submit(self, page: int, image: bytes) -> None:
        while len(self._pending) >= self.workers:
            self.done.append(self._pending.popleft().result())
        self._pending.append(self._pool.submit(recognise, image, page=page, **self.options))  # type: ignore[arg-type]

    def finish(self) -> list[OcrPage]:
        try:
            while self._pending:
                self.done.append(self._pending.popleft().result())
        except MissingToolError:
            raise
        except OSError as e:
            raise ReadError(f"cannot run tesseract: {e}") from e
        finally:
            self._pool.shutdown(wait=True, cancel_futures=True)
        return self.done


def default_workers() -> int:
    """OCR processes per file: ``ARKISTO_OCR_WORKERS`` or the number of cores (at most 4)."""
    env = os.environ.get("ARKISTO_OCR_WORKERS", "")
    if env.isdigit() and int(env) > 0:
        return int(env)
    return max(1, min(4, os.cpu_count() or 1))
