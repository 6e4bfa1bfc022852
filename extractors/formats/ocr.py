"""OCR of scanned PDF pages: pypdfium2 renders a page, Tesseract reads it as TSV.

Tesseract runs as a subprocess, one page at a time, with a per-page timeout and
``OMP_THREAD_LIMIT=1``: its OpenMP threads make one page ~5x slower on a small
machine, so pages are spread over a few single-threaded processes instead.
"""
from __future__ import annotations

import io
import os
import re
import shutil
import signal
import subprocess
from collections import deque
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from statistics import median

from PIL import Image

from .errors import MissingToolError

DPI = 300
LANGUAGES = "fin+swe+eng"
# psm 6 = one uniform block: keeps the hanging item numbers ("2.", "7.") that psm 3 and 4
# drop or split off as a column of their own; logo noise beside a title is cut away by
# ``parse_tsv``. Multi-column scans would need psm 3 (an option).
PAGE_SEGMENTATION = 6
PAGE_TIMEOUT = 120.0
MIN_WORD_CONFIDENCE = 60  # a kept line needs one word this sure of itself ...
MIN_WORD_ALNUM = 3  # ... with at least this many letters or digits; the rest is logo noise
GAP_SHARE = 0.06  # a gap wider than this share of the page splits a line into pieces
MIN_GOOD_WORDS = 8
MIN_MEAN_CONFIDENCE = 0.75  # upright print reads at 0.9+; a page on its side at ~0.5  # fewer confident words than this: maybe a turned page, ask for orientation


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
    """OCR one page image; a timeout or Tesseract failure is reported in ``error``.

    A page that reads poorly may be scanned sideways or upside down: Tesseract's
    orientation detection is asked then, and the turned page read again.
    """
    options = ["-l", languages, "--psm", str(psm), "--dpi", str(dpi), "tsv"]
    out, error = _tesseract(image, options, timeout)
    if error:
        return OcrPage(page, [], error)
    lines = parse_tsv(out, scale=72 / dpi)
    if _quality(lines) >= MIN_GOOD_WORDS:
        return OcrPage(page, lines)
    osd, _ = _tesseract(image, ["--psm", "0", "--dpi", str(dpi)], timeout)
    turn = re.search(r"Rotate:\s*(\d+)", osd or "")
    if not turn or int(turn[1]) % 360 == 0:
        return OcrPage(page, lines)
    turned = turn_image(image, int(turn[1]))
    again, error = _tesseract(turned, options, timeout)
    if error:
        return OcrPage(page, lines)
    better = parse_tsv(again, scale=72 / dpi)
    return OcrPage(page, better) if _quality(better) > _quality(lines) else OcrPage(page, lines)


def _quality(lines: list[OcrLine]) -> float:
    """Words times their mean confidence: a turned page reads as few, unsure words."""
    words = sum(x.words for x in lines)
    mean = sum(x.words * x.confidence for x in lines) / words if words else 0.0
    return words * mean if mean >= MIN_MEAN_CONFIDENCE else 0.0


def turn_image(image: bytes, degrees: int) -> bytes:
    """Turn a page image clockwise by ``degrees`` (Tesseract's ``Rotate:`` answer)."""
    with Image.open(io.BytesIO(image)) as im:
        buf = io.BytesIO()
        im.rotate(-degrees, expand=True).save(buf, format="PPM")
        return buf.getvalue()


def _tesseract(image: bytes, options: list[str], timeout: float) -> tuple[str, str | None]:
    """Run tesseract on ``image`` from stdin: (stdout, one-line error or None)."""
    cmd = [tesseract_binary(), "stdin", "stdout", *options]
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
    try:
        proc = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, env=env, start_new_session=True)
    except OSError as e:
        return "", f"cannot run tesseract: {e.strerror or e}"
    try:
        out, err = proc.communicate(image, timeout=timeout)
    except subprocess.TimeoutExpired:
        _kill(proc)
        return "", f"OCR timed out after {timeout:.0f} s"
    if proc.returncode != 0:
        reason = err.decode("utf-8", "replace").strip().splitlines()
        return "", f"tesseract failed: {reason[-1] if reason else proc.returncode}"
    return out.decode("utf-8", "replace"), None


def _kill(proc: subprocess.Popen[bytes]) -> None:
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass
    proc.communicate()


@dataclass
class _Word:
    text: str
    left: int
    top: int
    right: int
    bottom: int
    confidence: float  # 0-100

    @property
    def telling(self) -> bool:
        """A word that shows the segment is text: sure, and with a few letters or digits."""
        return self.confidence >= MIN_WORD_CONFIDENCE and sum(c.isalnum() for c in self.text) >= MIN_WORD_ALNUM


def parse_tsv(tsv: str, scale: float) -> list[OcrLine]:
    """Tesseract TSV words grouped into lines, in points; noise (logos, stamps, specks) dropped.

    A line is cut where words stand far apart (a logo beside a heading), and a piece with
    no telling word is dropped; the pieces left are one line again.
    """
    groups: dict[tuple[str, str, str], list[_Word]] = {}
    width = 0
    for row in tsv.splitlines()[1:]:
        cols = row.split("\t")
        if len(cols) < 12:
            continue
        if cols[0] == "1":
            width = int(cols[8])
        if cols[0] != "5" or not cols[11].strip():
            continue
        left, top, w, h = (int(c) for c in cols[6:10])
        word = _Word(cols[11].strip(), left, top, left + w, top + h, max(0.0, float(cols[10])))
        groups.setdefault((cols[2], cols[3], cols[4]), []).append(word)
    gap = GAP_SHARE * (width or 2480)
    lines = []
    for words in groups.values():
        words.sort(key=lambda x: x.left)
        pieces: list[list[_Word]] = [[words[0]]]
        for before, word in zip(words, words[1:]):
            if word.left - before.right > gap:
                pieces.append([word])
            else:
                pieces[-1].append(word)
        kept = [w for piece in pieces if any(x.telling for x in piece) for w in piece]
        if kept:
            lines.append(_line(kept, scale))
    return lines


def _line(words: list[_Word], scale: float) -> OcrLine:
    return OcrLine(
        text=" ".join(w.text for w in words),
        x0=min(w.left for w in words) * scale, x1=max(w.right for w in words) * scale,
        top=median(w.top for w in words) * scale, bottom=median(w.bottom for w in words) * scale,
        confidence=sum(w.confidence for w in words) / len(words) / 100, words=len(words),
    )


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
        finally:
            self.close()
        return self.done

    def close(self) -> None:
        self._pending.clear()
        self._pool.shutdown(wait=False, cancel_futures=True)


def default_workers() -> int:
    """OCR processes per file: ``ARKISTO_OCR_WORKERS`` or the number of cores (at most 4)."""
    env = os.environ.get("ARKISTO_OCR_WORKERS", "")
    if env.isdigit() and int(env) > 0:
        return int(env)
    return max(1, min(4, os.cpu_count() or 1))
