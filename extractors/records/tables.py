"""Tables: every table block as rows of cells."""
from __future__ import annotations

from schemas.document import BlockKind, Document
from schemas.records import TableRecord

from .evidence import evidence_for_block

NAME, VERSION = "tables", "1"


def extract_tables(doc: Document) -> list[TableRecord]:
    return [
        TableRecord(rows=b.rows, block=b.index, page=b.page,
                    evidence=evidence_for_block(doc, b, NAME, VERSION, 1.0))
        for b in doc.blocks if b.kind == BlockKind.TABLE and b.rows
    ]
