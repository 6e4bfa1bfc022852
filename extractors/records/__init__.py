"""One extractor per record type; ``extract_records`` runs them in dependency order."""
from __future__ import annotations

from schemas.document import Document
from schemas.records import Records

from . import language, tables


def extract_records(doc: Document) -> Records:
    """All records of ``doc``: pure function of the document, no I/O."""
    records = Records()
    records.document.language = language.detect_language(doc.text)
    records.document.title = doc.title
    records.tables = tables.extract_tables(doc)
    return records
