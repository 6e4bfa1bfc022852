"""The document's own date: the most specific date in its header, else the first full date in it."""
from __future__ import annotations

import re

from schemas.document import Document

from .dates import DateMatch

HEADER_BLOCKS = 8
DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _specificity(d: DateMatch) -> int:
    """Day > month > longer period; invalid and bare times do not count."""
    if not d.valid or not d.value or d.type == "time":
        return 0
    if DAY.match(d.value):
        return 3
    start, _, end = d.value.partition("/")
    if end and end != ".." and end[:7] == start[:7]:
        return 2
    return 1


def document_date(doc: Document, dates: list[DateMatch]) -> str | None:
    """ISO date of the document (a month period gives its first day)."""
    header_end = doc.blocks[min(HEADER_BLOCKS, len(doc.blocks)) - 1].end if doc.blocks else 0
    header = [d for d in dates if d.start < header_end and _specificity(d)]
    if header:
        best = max(_specificity(d) for d in header)
        if best >= 2:
            chosen = next(d for d in header if _specificity(d) == best)
            return chosen.value.split("/")[0]
    full = next((d for d in dates if _specificity(d) == 3), None)
    if full:
        return full.value
    return header[0].value.split("/")[0] if header else None
