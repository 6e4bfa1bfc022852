"""What one file and one worker may cost a batch import: time, size, memory.

The readers carry their own content limits (``extractors/formats/safezip.py``:
decompressed ZIP size and ratio, XML without DTDs or entities; the text reader's
size cap); the limits here are the ones the batch runner enforces around them.
"""
from __future__ import annotations

import os
import re
import resource
from dataclasses import dataclass

MB = 2**20
GB = 2**30

DEFAULT_TIMEOUT = 120.0  # seconds for one file: read, convert, OCR and extract
DEFAULT_MAX_FILE_SIZE = 200 * MB
# Address space, not RSS: spaCy and pdfium map more than they touch, so an
# 800 MB RLIMIT_AS would refuse work that fits in 800 MB of real memory.
DEFAULT_MEMORY = 1536 * MB
DEFAULT_MAX_RSS = 800 * MB  # a worker whose resident memory passes this after a file is replaced
DEFAULT_TASKS_PER_WORKER = 250  # then the worker is replaced anyway, so a slow leak cannot grow
LEGACY_CHUNK = 32  # legacy files per LibreOffice run: its start-up (~1.5 s of CPU) is paid once per run
# Each worker is one core: numeric libraries must not start thread pools of their own.
SINGLE_THREAD_ENV = {"OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1", "MKL_NUM_THREADS": "1",
                     "OMP_THREAD_LIMIT": "1"}

SIZE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([kmgt]?)i?b?\s*$", re.I)
UNITS = {"": 1, "k": 2**10, "m": MB, "g": GB, "t": 2**40}


@dataclass(frozen=True)
class Limits:
    """Per-file and per-worker limits of one batch."""

    timeout: float = DEFAULT_TIMEOUT
    max_file_size: int = DEFAULT_MAX_FILE_SIZE
    memory: int = DEFAULT_MEMORY
    max_rss: int = DEFAULT_MAX_RSS
    tasks_per_worker: int = DEFAULT_TASKS_PER_WORKER

    def __post_init__(self) -> None:
        if self.timeout <= 0:
            raise ValueError("the per-file timeout must be positive")
        if self.max_file_size <= 0:
            raise ValueError("the maximum file size must be positive")
        if self.memory and self.memory < 256 * MB:
            raise ValueError("a worker needs at least 256 MB of address space (0 = no limit)")
        if self.tasks_per_worker < 1:
            raise ValueError("a worker must take at least one file")


def parse_size(text: str) -> int:
    """``"200MB"``, ``"1.5G"``, ``"512k"`` or plain bytes to a byte count (binary units)."""
    m = SIZE.match(text)
    if not m:
        raise ValueError(f"not a size: {text!r} (e.g. 200MB, 1.5GB)")
    return int(float(m.group(1)) * UNITS[m.group(2).lower()])


def format_size(n: int) -> str:
    """A byte count the way a person reads it: ``200 MB``, ``1.5 GB``."""
    if n >= GB:
        return f"{n / GB:.3g} GB"
    if n >= MB:
        return f"{n / MB:.3g} MB"
    return f"{n} bytes"


def default_workers() -> int:
    """One worker per CPU core this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not Linux
        return max(1, os.cpu_count() or 1)


def limit_address_space(nbytes: int) -> None:
    """Cap this process's address space (inherited by the tools it starts); 0 = leave it."""
    if nbytes <= 0:
        return
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    if hard != resource.RLIM_INFINITY:
        nbytes = min(nbytes, hard)
    resource.setrlimit(resource.RLIMIT_AS, (nbytes, hard))


def peak_rss() -> int:
    """This process's peak resident memory in bytes (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
