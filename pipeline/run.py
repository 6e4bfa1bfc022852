"""Run one file through reading and extraction."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from schemas.document import Document
from schemas.records import Records


@dataclass
class Result:
    """A document and its records. Cheap to import (a batch's parent unpickles these): the
    readers and extractors, which pull in spaCy, load only when a file is processed here."""

    document: Document
    records: Records

    def to_dict(self) -> dict[str, Any]:
        """The export shape: ``document``, ``blocks`` and one list per record type."""
        info = self.records.document
        document = self.document.to_dict()
        document.update(kind=info.kind, kind_confidence=info.kind_confidence,
                        language=info.language, date=info.date,
                        title=info.title or self.document.title)
        out: dict[str, Any] = {
            "document": document,
            "blocks": [b.to_dict() for b in self.document.blocks],
        }
        for name in ("meetings", "attendees", "decisions", "commitments", "dates", "contacts", "tables"):
            out[name] = [r.to_dict() for r in getattr(self.records, name)]
        return out


def process_file(path: Path, data: bytes | None = None) -> Result:
    """Read ``path`` and extract its records; raises ReadError for a file that cannot be read."""
    from extractors.formats import read_document
    from extractors.records import extract_records

    document = read_document(Path(path), data)
    return Result(document, extract_records(document))
