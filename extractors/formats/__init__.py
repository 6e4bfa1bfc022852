"""One reader per format behind one contract: ``read(path, data) -> Document``.

The registry maps a detected format to its reader module; adding a format is one
module, one line here and one test.
"""
from __future__ import annotations

import importlib
from pathlib import Path
from typing import Protocol

from schemas.document import Document

from .detect import detect_format
from .errors import MissingToolError, ReadError

READERS: dict[str, str] = {
    "txt": "extractors.formats.text",
    "md": "extractors.formats.text",
    "html": "extractors.formats.html",
    "docx": "extractors.formats.docx",
    "pptx": "extractors.formats.pptx",
    "odt": "extractors.formats.odf",
    "odp": "extractors.formats.odf",
    "pdf": "extractors.formats.pdf",
    "doc": "extractors.formats.legacy",
    "ppt": "extractors.formats.legacy",
    "rtf": "extractors.formats.legacy",
}


class Reader(Protocol):
    def read(self, path: Path, data: bytes, fmt: str) -> Document: ...


def read_document(path: Path, data: bytes | None = None) -> Document:
    """Detect the format of ``path`` by content and read it into a Document."""
    path = Path(path)
    if data is None:
        try:
            data = path.read_bytes()
        except OSError as e:
            raise ReadError(f"cannot open file: {e.strerror or e}") from e
    fmt = detect_format(path, data)
    module = READERS.get(fmt)
    if module is None:
        raise ReadError(f"unsupported format ({fmt})")
    reader: Reader = importlib.import_module(module)  # type: ignore[assignment]
    return reader.read(path, data, fmt)


__all__ = ["READERS", "read_document", "detect_format", "ReadError", "MissingToolError"]
