"""Evidence: the block, page, span and quote a record came from."""
from __future__ import annotations

from schemas.document import Block, Document
from schemas.records import Evidence

QUOTE_LIMIT = 400


def evidence(doc: Document, start: int, end: int, extractor: str, version: str,
             confidence: float) -> Evidence:
    """Evidence for the span ``doc.text[start:end]``."""
    block = doc.block_at(start)
    quote = doc.text[start:end]
    if len(quote) > QUOTE_LIMIT:
        quote = quote[:QUOTE_LIMIT] + "…"
    return Evidence(block=block.index if block else None, page=block.page if block else None,
                    start=start, end=end, quote=quote, extractor=extractor, version=version,
                    confidence=round(confidence, 3))


def evidence_for_block(doc: Document, block: Block, extractor: str, version: str,
                       confidence: float) -> Evidence:
    return evidence(doc, block.start, block.end, extractor, version, confidence)
