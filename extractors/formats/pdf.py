"""PDF reader: the text layer through pypdfium2 page by page, tables where the page
looks tabular (``pdf_tables.py``: pdfplumber's table geometry on pdfium's characters and
drawn edges), Tesseract (``ocr.py``) only on pages without a text layer.

Pages are read one at a time and closed; what is kept per page is plain text with
its geometry, so a long PDF costs time, not memory. Lines become paragraphs by
their geometry (vertical gaps, font changes, short last lines, list markers); the
same grouping serves OCR lines, so scanned and born-digital pages look alike.
"""
from __future__ import annotations

import gc
import re
import unicodedata
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Any, Iterator

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from schemas.document import BlockKind, Document, DocumentBuilder

from . import ocr as ocr_engine
from .errors import ReadError
from .pdf_chars import table_chars, text_lines
from .pdf_paths import concat, invert, map_box, page_edges, page_view, path_bounds
from .pdf_layout import Line, PageContent, Part, assign_heading_levels, group_lines, mark_running_lines
from .pdf_tables import TableRegion, find_tables

MIN_TEXT_CHARS = 16  # fewer visible characters than this: the page has no usable text layer
MIN_SCAN_COVERAGE = 0.3  # ... and images cover this share of it: a scan worth OCR
MAX_UNREADABLE = 0.5  # more unmapped glyphs than this: the text layer is useless, OCR the page
PDFIUM_ERRORS = {
    pdfium_c.FPDF_ERR_FILE: "file not found or cannot be opened",
    pdfium_c.FPDF_ERR_FORMAT: "not a PDF or corrupted",
    pdfium_c.FPDF_ERR_PASSWORD: "encrypted PDF (password required)",
    pdfium_c.FPDF_ERR_SECURITY: "unsupported encryption scheme",
    pdfium_c.FPDF_ERR_PAGE: "page not found or content error",
}


def read(path: Path, data: bytes, fmt: str = "pdf", *, ocr: bool = True,
         max_ocr_pages: int | None = None, ocr_workers: int | None = None,
         password: str | None = None) -> Document:
    """Read a PDF; scanned pages are OCR'd (at most ``max_ocr_pages`` of them, if given)."""
    pdf = _open(data, password)
    pages: list[PageContent] = []
    skipped: list[int] = []
    warnings: list[str] = []
    queue: ocr_engine.OcrQueue | None = None
    submitted = 0
    try:
        count = len(pdf)
        if count == 0:
            raise ReadError("PDF has no pages")
        metadata = _metadata(pdf)
        for index in range(count):
            content, page = _read_page(pdf, index, warnings)
            pages.append(content)
            if page is None:
                continue
            try:
                if content.needs_ocr:
                    if not ocr or (max_ocr_pages is not None and submitted >= max_ocr_pages):
                        skipped.append(content.number)
                    else:
                        if queue is None:
                            queue = ocr_engine.OcrQueue(ocr_workers or ocr_engine.default_workers())
                        queue.submit(content.number, ocr_engine.render_page(page))
                        submitted += 1
            finally:
                page.close()
        ocr_results = queue.finish() if queue else []
    finally:
        if queue:
            queue.close()  # on an error: pages not yet OCR'd are dropped
        pdf.close()
    if all(p.height == 0 for p in pages):
        raise ReadError(f"broken PDF: no page can be loaded ({warnings[0].split(': ', 1)[-1]})")
    for result in ocr_results:
        if result.error:
            warnings.append(f"page {result.page}: {result.error}")
        content = pages[result.page - 1]
        content.parts = group_lines([_ocr_line(x) for x in result.lines], ocr=True)
    mark_running_lines(pages)
    assign_heading_levels(pages)
    builder = DocumentBuilder(str(path), fmt, data)
    for content in pages:
        for part in content.parts:
            builder.add(part.kind, part.text, page=content.number, level=part.level, rows=part.rows,
                        ocr=part.ocr, ocr_confidence=part.confidence)
    if ocr_results:
        metadata["ocr_pages"] = [r.page for r in ocr_results]
    if skipped:
        metadata["ocr_skipped_pages"] = skipped
    if warnings:
        metadata["warnings"] = warnings
    doc = builder.build(pages=count, metadata=metadata)
    if not doc.blocks:
        reason = "scanned pages not OCR'd" if skipped else "no text layer and nothing recognised"
        raise ReadError(f"no text in PDF ({reason})")
    if not doc.title:
        body = [b for b in doc.blocks if b.kind not in (BlockKind.HEADER, BlockKind.FOOTER, BlockKind.TABLE)]
        first = next((b for b in body if b.kind == BlockKind.HEADING), body[0] if body else None)
        doc.title = first.text.split("\n")[0][:200] if first else None
    return doc


def _open(data: bytes, password: str | None) -> pdfium.PdfDocument:
    if not data.lstrip()[:1024].count(b"%PDF-"):
        raise ReadError("not a PDF (no %PDF header)")
    try:
        return pdfium.PdfDocument(data, password=password)
    except pdfium.PdfiumError as e:
        code = getattr(e, "err_code", None)
        if code == pdfium_c.FPDF_ERR_PASSWORD:
            raise ReadError(PDFIUM_ERRORS[code]) from e
        if code in PDFIUM_ERRORS:
            raise ReadError(f"cannot open PDF: {PDFIUM_ERRORS[code]}") from e
        raise ReadError(f"cannot open PDF: {str(e).splitlines()[0]}") from e


def _metadata(pdf: pdfium.PdfDocument) -> dict[str, Any]:
    info = {k: (v or "").replace("\x00", "").strip() for k, v in pdf.get_metadata_dict(skip_empty=True).items()}
    return {
        "title": info.get("Title"), "author": info.get("Author"), "subject": info.get("Subject"),
        "keywords": info.get("Keywords"), "creator": info.get("Creator"),
        "producer": info.get("Producer"), "created": pdf_date(info.get("CreationDate")),
        "modified": pdf_date(info.get("ModDate")), "pdf_version": _version(pdf),
    }


def _version(pdf: pdfium.PdfDocument) -> str | None:
    v = pdf.get_version()
    return f"{v // 10}.{v % 10}" if v else None


PDF_DATE = re.compile(r"^D?:?(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?\s*([Zz+\-])?\s*(\d{2})?'?(\d{2})?'?")


def pdf_date(value: str | None) -> str | None:
    """A PDF date string (``D:20170703120816+03'00'``) as ISO 8601; partial dates stay partial."""
    if not value:
        return None
    m = PDF_DATE.match(value.strip())
    if not m:
        return None
    year, month, day, hour, minute, second, sign, tzh, tzm = m.groups()
    try:
        datetime(int(year), int(month or 1), int(day or 1), int(hour or 0), int(minute or 0), int(second or 0))
    except ValueError:
        return None
    if not month:
        return year
    if not day:
        return f"{year}-{month}"
    if hour is None:
        return f"{year}-{month}-{day}"
    iso = f"{year}-{month}-{day}T{hour}:{minute or '00'}:{second or '00'}"
    if sign in ("Z", "z") and not (tzh and int(tzh)):
        return iso + "Z"
    if sign in ("+", "-") and tzh:
        return f"{iso}{sign}{tzh}:{tzm or '00'}"
    return iso


def _read_page(pdf: pdfium.PdfDocument, index: int, warnings: list[str]) -> tuple[PageContent, Any]:
    """Lines, tables and the OCR verdict of one page; the open page is returned for rendering.
    A page pdfium cannot load, or fails on half-way (a malformed object), is a warning and
    reads as empty: the document keeps its other pages."""
    number = index + 1
    try:
        page = pdf[index]
    except pdfium.PdfiumError as e:
        warnings.append(f"page {number}: cannot load ({str(e).splitlines()[0]})")
        return PageContent(number, 0.0), None
    try:
        with _collector_paused():
            return _page_content(page, number), page
    except pdfium.PdfiumError as e:
        page.close()
        warnings.append(f"page {number}: cannot read ({str(e).splitlines()[0]})")
        return PageContent(number, 0.0), None


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Python's cycle collector off while a page is read: its characters, lines, words and
    table cells are thousands of small objects without cycles, which reference counting
    frees; the collector would walk them every 700 allocations (about 5 % of the reading
    time). Its state is restored afterwards, also on an error."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _page_content(page: pdfium.PdfPage, number: int) -> PageContent:
    page_top = page.get_mediabox()[3]
    content = PageContent(number, page.get_height())
    textpage = page.get_textpage()
    try:
        chars: list[list[Any]] = []
        lines = text_lines(textpage, page_top, chars)
        visible = "".join(x.text for x in lines).replace(" ", "")
        scanned = len(visible) < MIN_TEXT_CHARS and _image_coverage(page) >= MIN_SCAN_COVERAGE
        if scanned or unreadable_share(visible) > MAX_UNREADABLE:
            content.needs_ocr = True
            return content
        regions: list[TableRegion] = []
        if lines and _may_hold_table(page, lines):
            regions = _tables(page, textpage, chars, lines)
    finally:
        textpage.close()
    if regions:
        lines = [x for x in lines if not any(r.holds(x.x0, x.top, x.x1, x.bottom) for r in regions)]
    content.parts = group_lines(lines)
    for region in regions:
        part = Part(BlockKind.TABLE, "", region.top, region.bottom, rows=region.rows)
        at = next((k for k, p in enumerate(content.parts) if p.top > region.top), len(content.parts))
        content.parts.insert(at, part)
    return content


def _tables(page: pdfium.PdfPage, textpage: pdfium.PdfTextPage, chars: list[Any],
            lines: list[Line]) -> list[TableRegion]:
    """The page's tables, searched in its view space (turned by its /Rotate, as a reader
    sees it) and placed back in the lines' space (PDF's x, y down from the top)."""
    view, lines_space = page_view(page), page_view(page, rotation=0)
    to_view, back = concat(invert(lines_space), view), concat(invert(view), lines_space)
    column_rows = [map_box(to_view, (x.x0, x.top, x.x1, x.bottom)) for x in lines if x.wide_gaps >= 2]
    found = find_tables(table_chars(textpage, chars, view), page_edges(page, view), column_rows)
    if view == lines_space:
        return found
    return [TableRegion(*map_box(back, (r.x0, r.top, r.x1, r.bottom)), rows=r.rows) for r in found]


def unreadable_share(text: str) -> float:
    """Share of characters that map to nothing readable: replacement characters, private-use
    glyph codes and controls, as fonts without a Unicode map give them."""
    if len(text) < MIN_TEXT_CHARS or (text.isprintable() and "\ufffd" not in text):
        return 0.0  # printable excludes every category counted below
    # each distinct character asked once (a page repeats a few dozen of them)
    bad = sum(text.count(ch) for ch in set(text) if ch == "\ufffd" or unicodedata.category(ch) in ("Co", "Cc", "Cn"))
    return bad / len(text)


def _image_coverage(page: pdfium.PdfPage) -> float:
    """Share of the page covered by images (overlaps counted twice, capped at 1)."""
    width, height = page.get_size()
    area = 0.0
    for obj in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE], max_depth=3):
        left, bottom, right, top = obj.get_bounds()
        area += max(0.0, min(right, width) - max(left, 0)) * max(0.0, min(top, height) - max(bottom, 0))
    return min(1.0, area / max(1.0, width * height))


def _may_hold_table(page: pdfium.PdfPage, lines: list[Line]) -> bool:
    """Cheap test before the table search (which costs a page's characters again and its
    path segments): aligned text columns, or drawn edges at three or more distinct x and
    y positions (two columns, two rows at least; a box around prose or full-width row
    shading has only two)."""
    if _text_columns(lines):
        return True
    width, height = page.get_size()
    xs: set[int] = set()
    ys: set[int] = set()
    for left, bottom, right, top in path_bounds(page):
        w, h = right - left, top - bottom
        if w * h > 0.8 * width * height or (w < 3 and h < 3):
            continue  # a page-sized fill or a dot
        if w >= 3:
            ys.update((round(bottom / 2), round(top / 2)) if h >= 3 else (round((bottom + top) / 4),))
        if h >= 3:
            xs.update((round(left / 2), round(right / 2)) if w >= 3 else (round((left + right) / 4),))
        if len(xs) >= 3 and len(ys) >= 3:
            return True
    return False


def _text_columns(lines: list[Line]) -> bool:
    return sum(1 for x in lines if x.wide_gaps >= 2) >= 3


def _ocr_line(line: ocr_engine.OcrLine) -> Line:
    return Line(text=line.text, x0=line.x0, x1=line.x1, top=line.top, bottom=line.bottom,
                size=max(1.0, line.bottom - line.top), confidence=line.confidence)
