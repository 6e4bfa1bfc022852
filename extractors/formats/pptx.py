"""PowerPoint 2007+ (PPTX): per slide the title, text frames as paragraphs or list
items, tables with merged cells resolved, grouped shapes, speaker notes.

Shapes are read top to bottom, left to right (the XML order is the z-order, which
says nothing about reading order); the title always comes first.
"""
from __future__ import annotations

import io
from pathlib import Path
from typing import Any, Iterable

from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE, PP_PLACEHOLDER
from pptx.exc import PackageNotFoundError

from schemas.document import BlockKind, Document, DocumentBuilder

from .errors import ReadError
from .office import core_metadata, format_number, one_line
from .safezip import check_ooxml

A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
TITLES = {PP_PLACEHOLDER.TITLE, PP_PLACEHOLDER.CENTER_TITLE, PP_PLACEHOLDER.VERTICAL_TITLE}
SKIPPED_PLACEHOLDERS = {PP_PLACEHOLDER.DATE, PP_PLACEHOLDER.SLIDE_NUMBER, PP_PLACEHOLDER.HEADER}
# Placeholders whose paragraphs are bulleted by the slide master unless a paragraph says otherwise.
BULLETED = {PP_PLACEHOLDER.BODY, PP_PLACEHOLDER.OBJECT, PP_PLACEHOLDER.VERTICAL_BODY,
            PP_PLACEHOLDER.VERTICAL_OBJECT}
AUTONUM_STYLES = {"arabic": "decimal", "alphaLc": "lowerLetter", "alphaUc": "upperLetter",
                  "romanLc": "lowerRoman", "romanUc": "upperRoman"}
AUTONUM_AFFIXES = {"Period": ("", "."), "ParenR": ("", ")"), "ParenBoth": ("(", ")"), "Plain": ("", "")}
MAX_GROUP_DEPTH = 32
MAX_SPAN = 256


def _position(shape: Any) -> tuple[int, int]:
    try:
        return (shape.top or 0, shape.left or 0)
    except (AttributeError, ValueError, KeyError):
        return (0, 0)


def _placeholder_type(shape: Any) -> Any:
    try:
        return shape.placeholder_format.type if shape.is_placeholder else None
    except (ValueError, AttributeError, KeyError):
        return None


def _bullet(paragraph: Any, bulleted_by_default: bool) -> tuple[bool, str | None, int]:
    """Whether a paragraph is a list item, its auto-number style if numbered, its start."""
    ppr = paragraph._p.pPr  # python-pptx exposes no bullet properties
    if ppr is not None:
        if ppr.find(A + "buNone") is not None:
            return False, None, 1
        auto = ppr.find(A + "buAutoNum")
        if auto is not None:
            return True, auto.get("type") or "arabicPeriod", int(auto.get("startAt") or 1)
        if ppr.find(A + "buChar") is not None or ppr.find(A + "buBlip") is not None:
            return True, None, 1
    return bulleted_by_default, None, 1


def _autonum_label(kind: str, n: int) -> str:
    for base, style in AUTONUM_STYLES.items():
        if kind.startswith(base):
            before, after = AUTONUM_AFFIXES.get(kind[len(base):], ("", "."))
            return f"{before}{format_number(n, style)}{after}"
    return f"{n}."


class _SlideReader:
    def __init__(self, builder: DocumentBuilder) -> None:
        self.b = builder
        self.footers: set[str] = set()

    def slide(self, slide: Any, number: int) -> None:
        title = None
        try:
            title = slide.shapes.title
        except (KeyError, ValueError, AttributeError):
            pass
        if title is not None and title.has_text_frame:
            self.b.add(BlockKind.SLIDE_TITLE, _frame_text(title.text_frame), page=number)
        rest = [s for s in slide.shapes if title is None or s.shape_id != title.shape_id]
        self.shapes(rest, number, 0)
        if slide.has_notes_slide:
            frame = slide.notes_slide.notes_text_frame
            if frame is not None:
                self.b.add(BlockKind.NOTE, _frame_text(frame), page=number)

    def shapes(self, shapes: Iterable[Any], number: int, depth: int) -> None:
        for shape in sorted(shapes, key=_position):
            ptype = _placeholder_type(shape)
            if ptype in SKIPPED_PLACEHOLDERS:
                continue
            if shape.shape_type == MSO_SHAPE_TYPE.GROUP:
                if depth < MAX_GROUP_DEPTH:
                    self.shapes(shape.shapes, number, depth + 1)
            elif getattr(shape, "has_table", False) and shape.has_table:
                self.b.add(BlockKind.TABLE, "", rows=_table_rows(shape.table), page=number)
            elif shape.has_text_frame:
                if ptype == PP_PLACEHOLDER.FOOTER:
                    text = _frame_text(shape.text_frame)
                    if text and text not in self.footers:
                        self.footers.add(text)
                        self.b.add(BlockKind.FOOTER, text, page=number)
                elif ptype in TITLES:
                    self.b.add(BlockKind.SLIDE_TITLE, _frame_text(shape.text_frame), page=number)
                else:
                    self.frame(shape.text_frame, ptype in BULLETED, number)

    def frame(self, frame: Any, bulleted: bool, number: int) -> None:
        """A text frame: bulleted paragraphs become list items, the rest paragraphs."""
        items = [(p, p.text.strip()) for p in frame.paragraphs]
        items = [(p, t) for p, t in items if t]
        if len(items) == 1:
            self.b.add(BlockKind.PARAGRAPH, items[0][1], page=number)
            return
        plain: list[str] = []
        counters: dict[int, int] = {}
        for p, text in items:
            is_item, autonum, start = _bullet(p, bulleted)
            if not is_item:
                plain.append(text)
                continue
            if plain:
                self.b.add(BlockKind.PARAGRAPH, "\n".join(plain), page=number)
                plain = []
            level = p.level
            for deeper in [k for k in counters if k > level]:
                del counters[deeper]
            if autonum:
                counters[level] = counters.get(level, start - 1) + 1
                text = f"{_autonum_label(autonum, counters[level])} {text}"
            self.b.add(BlockKind.LIST_ITEM, text, page=number, level=level + 1)
        if plain:
            self.b.add(BlockKind.PARAGRAPH, "\n".join(plain), page=number)


def _frame_text(frame: Any) -> str:
    return "\n".join(p.text.strip() for p in frame.paragraphs if p.text.strip())


def _table_rows(table: Any) -> list[list[str]]:
    """Cell texts; a merged cell's value is repeated over every grid cell it covers."""
    n_rows, n_cols = len(table.rows), len(table.columns)
    grid: list[list[str | None]] = [[None] * n_cols for _ in range(n_rows)]
    for r in range(n_rows):
        for c in range(n_cols):
            cell = table.cell(r, c)
            if cell.is_spanned and grid[r][c] is not None:
                continue
            text = "\n".join(p.text.strip() for p in cell.text_frame.paragraphs if p.text.strip())
            if cell.is_merge_origin:
                for rr in range(r, min(r + min(cell.span_height, MAX_SPAN), n_rows)):
                    for cc in range(c, min(c + min(cell.span_width, MAX_SPAN), n_cols)):
                        grid[rr][cc] = text
            elif grid[r][c] is None:
                grid[r][c] = text
    return [[c or "" for c in row] for row in grid]


def read(path: Path, data: bytes, fmt: str) -> Document:
    check_ooxml(data, "PowerPoint presentation")
    try:
        prs = Presentation(io.BytesIO(data))
    except PackageNotFoundError as e:
        raise ReadError(f"broken PowerPoint presentation: {e}") from e
    except Exception as e:  # python-pptx/lxml raise many types on damaged packages
        raise ReadError(f"broken PowerPoint presentation: {one_line(e)}") from e
    try:
        builder = DocumentBuilder(str(path), fmt, data)
        reader = _SlideReader(builder)
        slides = list(prs.slides)
        for number, slide in enumerate(slides, 1):
            reader.slide(slide, number)
        doc = builder.build(pages=len(slides), metadata=core_metadata(prs.core_properties))
    except ReadError:
        raise
    except Exception as e:
        raise ReadError(f"broken PowerPoint presentation: {one_line(e)}") from e
    if not doc.title:
        first = next((b for b in doc.blocks if b.kind == BlockKind.SLIDE_TITLE), None)
        doc.title = first.text.split("\n")[0][:200] if first else None
    return doc
