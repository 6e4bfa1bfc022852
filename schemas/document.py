"""The one document model every reader produces.

A Document holds one document-wide ``text``; each Block points into it with
``start``/``end`` so that ``doc.text[b.start:b.end] == b.text`` always holds.
Readers never compute offsets themselves: they call ``DocumentBuilder.add``.
"""
from __future__ import annotations

import hashlib
from bisect import bisect_right
import re
import unicodedata
from dataclasses import asdict, dataclass, field
from enum import StrEnum
from typing import Any

BLOCK_SEPARATOR = "\n\n"


class BlockKind(StrEnum):
    HEADING = "heading"
    PARAGRAPH = "paragraph"
    LIST_ITEM = "list_item"
    TABLE = "table"
    SLIDE_TITLE = "slide_title"
    NOTE = "note"
    HEADER = "header"
    FOOTER = "footer"
    CAPTION = "caption"


@dataclass
class Block:
    """One ordered unit of a document: a heading, paragraph, list item, table, ..."""

    index: int
    kind: BlockKind
    text: str
    start: int
    end: int
    page: int | None = None
    level: int | None = None
    rows: list[list[str]] | None = None
    ocr: bool = False
    ocr_confidence: float | None = None

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["kind"] = str(self.kind)
        return {k: v for k, v in d.items() if v is not None and not (k == "ocr" and not v)}


@dataclass
class Document:
    """A read file: identity, metadata, text and blocks; no records."""

    id: str
    source: str
    format: str
    text: str = ""
    blocks: list[Block] = field(default_factory=list)
    pages: int | None = None
    title: str | None = None
    metadata: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "source": self.source,
            "format": self.format,
            "title": self.title,
            "pages": self.pages,
            "metadata": self.metadata,
            "text": self.text,
        }

    def block_at(self, offset: int) -> Block | None:
        """The block whose span holds ``offset`` (a binary search: every record's evidence asks)."""
        starts = self.__dict__.get("_block_starts")
        if starts is None or len(starts) != len(self.blocks):
            starts = [b.start for b in self.blocks]
            if starts != sorted(starts):  # blocks out of text order: look at each
                return next((b for b in self.blocks if b.start <= offset < b.end), None)
            self.__dict__["_block_starts"] = starts
        k = bisect_right(starts, offset) - 1
        if k >= 0 and offset < self.blocks[k].end:
            return self.blocks[k]
        return None


CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f]")  # control characters but tab and line end
# Symbol and Wingdings bullets that Word and PDFs store in the Private Use Area
PRIVATE_BULLETS = str.maketrans({c: "•" for c in "\uf0b7\uf0a7\uf0d8\uf076\uf0fc\uf06e\uf0a8\uf0e0\uf0d7"})


def normalise_text(text: str) -> str:
    """NFC, soft hyphens dropped, no-break and odd spaces made plain, line ends unified,
    private-use bullet glyphs made real bullets."""
    text = unicodedata.normalize("NFC", text).translate(PRIVATE_BULLETS)
    text = text.replace("\u00ad", "").replace("\ufeff", "").replace("\u200b", "")
    text = text.replace("\u00a0", " ").replace("\u2007", " ").replace("\u202f", " ")
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\x0b", "\n").replace("\f", "\n")
    return CONTROL.sub("", text)


def table_text(rows: list[list[str]]) -> str:
    """A table's text: cells joined by tabs, rows by line ends."""
    return "\n".join("\t".join(" ".join(c.split()) for c in row) for row in rows)


class DocumentBuilder:
    """Accumulates blocks and keeps the document-wide offsets right."""

    def __init__(self, source: str, fmt: str, data: bytes) -> None:
        self.doc = Document(id=hashlib.sha256(data).hexdigest(), source=source, format=fmt)
        self._parts: list[str] = []
        self._length = 0

    def add(
        self,
        kind: BlockKind,
        text: str,
        *,
        page: int | None = None,
        level: int | None = None,
        rows: list[list[str]] | None = None,
        ocr: bool = False,
        ocr_confidence: float | None = None,
    ) -> Block | None:
        """Append a block; empty text is skipped. Table text is derived from rows."""
        if rows is not None:
            rows = [[normalise_text(c).strip() for c in r] for r in rows]
            rows = [r for r in rows if any(r)]
            if not rows:
                return None
            text = table_text(rows)
        # a table keeps its leading tab: an empty first cell is still a column
        text = normalise_text(text).strip(" \n") if rows is not None else normalise_text(text).strip()
        if not text.strip():
            return None
        if self._parts:
            self._parts.append(BLOCK_SEPARATOR)
            self._length += len(BLOCK_SEPARATOR)
        start = self._length
        self._parts.append(text)
        self._length += len(text)
        block = Block(
            index=len(self.doc.blocks), kind=kind, text=text, start=start, end=self._length,
            page=page, level=level, rows=rows, ocr=ocr, ocr_confidence=ocr_confidence,
        )
        self.doc.blocks.append(block)
        return block

    def build(self, *, pages: int | None = None, metadata: dict[str, Any] | None = None) -> Document:
        doc = self.doc
        doc.text = "".join(self._parts)
        doc.pages = pages if pages is not None else doc.pages
        if metadata:
            doc.metadata.update({k: v for k, v in metadata.items() if v not in (None, "")})
        doc.title = doc.metadata.get("title") or doc.title
        return doc
