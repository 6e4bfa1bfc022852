"""Page layout from positioned lines: paragraphs, headings, list items, running
headers and footers. Serves text-layer lines and OCR lines alike; no PDF library here."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from statistics import median

from schemas.document import BlockKind

from .pdf_text import is_list_marker, join_lines, strip_bullet

HEADING_SCALE = 1.08  # a heading's font is this much larger than body text (LaTeX: 12/10.95)
OCR_HEADING_SCALE = 1.3
MARGIN_SHARE = 0.12  # running headers/footers live in this top/bottom share of the page


@dataclass
class Line:
    """One text line in points, top-down from the page's top edge."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    bold: bool = False
    wide_gaps: int = 0  # gaps of 1.5 em or more: a row of table cells
    confidence: float | None = None


@dataclass
class Part:
    """A block-to-be on a page: paragraph, heading, list item or table."""

    kind: BlockKind
    text: str
    top: float
    bottom: float
    size: float = 0.0
    bold: bool = False
    lines: int = 1
    rows: list[list[str]] | None = None
    ocr: bool = False
    confidence: float | None = None
    level: int | None = None


@dataclass
class PageContent:
    number: int
    height: float
    parts: list[Part] = field(default_factory=list)
    needs_ocr: bool = False


def group_lines(lines: list[Line], *, ocr: bool = False) -> list[Part]:
    """Lines to paragraphs by geometry: gaps, font changes, short last lines, list markers."""
    if not lines:
        return []
    body = _body_size(lines)
    pitch = _line_pitch(lines, body)
    long = [x for x in lines if len(x.text) >= 25] or lines  # the text column's edges
    right, left = max(x.x1 for x in long), min(x.x0 for x in long)
    width = max(1.0, right - left)
    groups: list[list[Line]] = [[lines[0]]]
    for prev, cur in zip(lines, lines[1:]):
        if _breaks(prev, cur, pitch, right, width, size_tolerance=0.35 if ocr else 0.12):
            groups.append([cur])
        else:
            groups[-1].append(cur)
    body_bold = _body_bold(lines)
    return [_part(g, body, body_bold, ocr) for g in groups]


def _body_size(lines: list[Line]) -> float:
    weights: dict[float, int] = {}
    for x in lines:
        weights[x.size] = weights.get(x.size, 0) + len(x.text)
    return max(weights, key=lambda s: weights[s])


def _body_bold(lines: list[Line]) -> bool:
    bold = sum(len(x.text) for x in lines if x.bold)
    return bold > sum(len(x.text) for x in lines) / 2


def _line_pitch(lines: list[Line], body: float) -> float:
    """The distance between consecutive lines inside a paragraph: the smallest step that
    recurs (paragraph gaps are larger, and may be the commonest step)."""
    steps = sorted(b.top - a.top for a, b in zip(lines, lines[1:])
                   if 0.8 * body < b.top - a.top < 3 * body and abs(a.size - b.size) < 0.2 * body)
    for k, step in enumerate(steps):
        close = [s for s in steps[k:] if s <= step * 1.05]
        if len(close) >= 2:
            return median(close)
    return min(steps[0], 1.25 * body) if steps else 1.2 * body


def _breaks(prev: Line, cur: Line, pitch: float, right: float, width: float, *,
            size_tolerance: float) -> bool:
    size = max(prev.size, cur.size)
    step = cur.top - prev.top
    if step < -0.5 * size or step > 1.18 * pitch + 0.5:
        return True  # a wider gap, or back up the page: a new column or region
    if cur.top >= prev.bottom - 0.2 * size and step < 0.5 * size and cur.x0 > prev.x1:
        return True  # side by side on one baseline: separate cells of a layout
    if abs(prev.size - cur.size) > size_tolerance * size:
        return True
    if is_list_marker(cur.text):
        return True
    if prev.bold != cur.bold:
        # bold words inside a sentence ('ovat **Kerava, Vihti**') do not start a paragraph
        return prev.text.endswith((".", "!", "?", ":")) or cur.text[:1].isupper() or cur.text[:1].isdigit()
    if not (cur.text[:1].isupper() or cur.text[:1].isdigit()):
        return False
    # a short last line ends a paragraph; sure when it ends a sentence, too
    ends_sentence = prev.text.endswith((".", "!", "?", ":"))
    return prev.x1 < right - (0.1 if ends_sentence else 0.3) * width


def _part(lines: list[Line], body: float, body_bold: bool, ocr: bool) -> Part:
    text = join_lines([x.text for x in lines])
    size = max(x.size for x in lines)
    bold = all(x.bold for x in lines)
    confidences = [x.confidence for x in lines if x.confidence is not None]
    part = Part(BlockKind.PARAGRAPH, text, lines[0].top, lines[-1].bottom, size=size, bold=bold,
                lines=len(lines), ocr=ocr,
                confidence=round(sum(confidences) / len(confidences), 3) if confidences else None)
    # OCR knows no bold and measures line heights roughly: only clearly larger lines count
    scale = OCR_HEADING_SCALE if ocr else HEADING_SCALE
    if (len(lines) <= 2 and len(text) <= 160 and any(c.isalpha() for c in text)
            and not text.endswith((",", ";")) and (size >= scale * body or (bold and not body_bold))):
        part.kind = BlockKind.HEADING
    elif is_list_marker(text):
        part.kind = BlockKind.LIST_ITEM
        part.text = strip_bullet(text)
    return part


def _signature(text: str) -> str:
    return re.sub(r"\d+", "#", " ".join(text.lower().split()))


def mark_running_lines(pages: list[PageContent]) -> None:
    """Text repeated in the top or bottom margin of most pages is a running header/footer."""
    with_text = [p for p in pages if p.parts and p.height]
    if len(with_text) < 2:
        return
    seen: dict[tuple[str, str], set[int]] = {}
    for page in with_text:
        for where, part in _margin_parts(page):
            seen.setdefault((where, _signature(part.text)), set()).add(page.number)
    need = max(2, (len(with_text) + 1) // 2)
    for page in with_text:
        for where, part in _margin_parts(page):
            if len(seen[(where, _signature(part.text))]) >= need:
                part.kind = BlockKind.HEADER if where == "top" else BlockKind.FOOTER
                part.level = None


def _margin_parts(page: PageContent) -> list[tuple[str, Part]]:
    found = []
    text_parts = [p for p in page.parts if p.kind != BlockKind.TABLE]
    for part in text_parts[:2]:
        if part.bottom <= MARGIN_SHARE * page.height * 1.5 and part.top <= MARGIN_SHARE * page.height:
            found.append(("top", part))
    for part in text_parts[-2:]:
        if part.top >= (1 - MARGIN_SHARE) * page.height and ("top", part) not in found:
            found.append(("bottom", part))
    return found


def assign_heading_levels(pages: list[PageContent]) -> None:
    """Level 1 for the largest heading size in the document, 2 for the next, ...; headings
    that are only bold body text come last."""
    headings = [p for page in pages for p in page.parts if p.kind == BlockKind.HEADING]
    body = _body_size([Line(p.text, 0, 0, 0, 0, p.size) for page in pages for p in page.parts])  if headings else 0
    sizes = sorted({round(h.size) for h in headings if h.size >= HEADING_SCALE * body}, reverse=True)
    for h in headings:
        level = sizes.index(round(h.size)) + 1 if round(h.size) in sizes and h.size >= HEADING_SCALE * body else len(sizes) + 1
        h.level = min(level, 6)
