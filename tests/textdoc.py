"""Build Documents from literal text through the real text reader, for extractor tests."""
from __future__ import annotations

from pathlib import Path

from extractors.formats import read_document
from extractors.records import extract_records
from schemas.document import Document
from schemas.records import Records


def text_document(text: str, name: str = "doc.txt") -> Document:
    return read_document(Path(name), text.encode("utf-8"))


def records_of(text: str) -> Records:
    return extract_records(text_document(text))
