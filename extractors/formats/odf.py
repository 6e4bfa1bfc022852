"""OpenDocument text (ODT) and presentations (ODP), read from ``content.xml`` and
``meta.xml`` with defusedxml (odfpy's SAX parser is not hardened against entity
expansion) out of a size-checked ZIP.

Every walk over the XML uses an explicit stack, so hostile nesting cannot exhaust
Python's recursion limit.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator
from xml.etree.ElementTree import Element

from schemas.document import BlockKind, Document, DocumentBuilder

from .errors import ReadError
from .office import format_number
from .safezip import open_zip, parse_xml, read_member

NS = {
    "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
    "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
    "table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
    "draw": "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0",
    "presentation": "urn:oasis:names:tc:opendocument:xmlns:presentation:1.0",
    "style": "urn:oasis:names:tc:opendocument:xmlns:style:1.0",
    "svg": "urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0",
    "meta": "urn:oasis:names:tc:opendocument:xmlns:meta:1.0",
    "dc": "http://purl.org/dc/elements/1.1/",
}


def q(name: str) -> str:
    """``text:p`` -> ``{urn:...:text:1.0}p``."""
    prefix, local = name.split(":")
    return f"{{{NS[prefix]}}}{local}"


P, H, LIST, ITEM, HEADER_ITEM = q("text:p"), q("text:h"), q("text:list"), q("text:list-item"), q("text:list-header")
TABLE, ROW, CELL, COVERED = q("table:table"), q("table:table-row"), q("table:table-cell"), q("table:covered-table-cell")
FRAME, TEXT_BOX, GROUP, NOTES = q("draw:frame"), q("draw:text-box"), q("draw:g"), q("presentation:notes")
SOFT_BREAK = q("text:soft-page-break")
STYLE_NAME, CLASS = q("text:style-name"), q("presentation:class")
# Containers whose children are read as if they stood in the parent.
SECTIONS = {q("text:section"), q("text:index-body"), q("text:numbered-paragraph"),
            q("table:table-header-rows"), q("table:table-rows"), q("table:table-row-group"),
            q("text:illustration-index"), q("text:table-index"), q("text:bibliography"),
            q("text:user-index"), q("text:object-index")}
# Never text a reader sees: tables of contents repeat the headings, tracked deletions are gone.
SKIPPED_BLOCKS = {q("text:tracked-changes"), q("text:table-of-content"), q("text:alphabetical-index"),
                  q("text:sequence-decls"), q("text:variable-decls"), q("text:user-field-decls"),
                  q("office:forms"), q("table:table-columns"), q("table:table-column"),
                  q("table:table-header-columns"), q("table:table-column-group"), q("office:annotation")}
SKIPPED_INLINE = {q("office:annotation"), q("office:annotation-end"), q("text:note-citation"),
                  q("text:change"), q("text:change-start"), q("text:change-end"), q("text:bookmark"),
                  q("text:bookmark-start"), q("text:bookmark-end")}
HEADING_STYLE = re.compile(r"^(?:heading|otsikko|rubrik)(?:[ _]|_20_)*([1-9]|10)$", re.I)
TITLE_STYLES = {"title", "otsikko", "rubrik"}
FOOTER_CLASSES = {"footer", "header", "date-time", "page-number"}
MAX_SPACES = 100
MAX_SPAN = 64
MAX_COLUMNS = 256
MAX_REPEATED_ROWS = 1000
MAX_CELLS = 200_000


@dataclass
class _ListLevel:
    numbered: bool
    style: str
    prefix: str
    suffix: str
    start: int
    display: int


@dataclass
class _Styles:
    """Paragraph styles (for heading levels) and list styles (for numbering labels)."""

    parents: dict[str, str] = field(default_factory=dict)
    names: dict[str, str] = field(default_factory=dict)
    outline: dict[str, int] = field(default_factory=dict)
    lists: dict[str, dict[int, _ListLevel]] = field(default_factory=dict)

    def load(self, root: Element | None) -> None:
        if root is None:
            return
        for s in root.iter(q("style:style")):
            name = s.get(q("style:name")) or ""
            if s.get(q("style:family")) != "paragraph":
                continue
            self.parents[name] = s.get(q("style:parent-style-name")) or ""
            self.names[name] = s.get(q("style:display-name")) or name.replace("_20_", " ")
            if (level := s.get(q("style:default-outline-level"))) and level.isdigit():
                self.outline[name] = int(level)
        for ls in root.iter(q("text:list-style")):
            levels: dict[int, _ListLevel] = {}
            for lvl in ls:
                level = int(lvl.get(q("text:level")) or 1) if (lvl.get(q("text:level")) or "1").isdigit() else 1
                if lvl.tag == q("text:list-level-style-number"):
                    fmt = lvl.get(q("style:num-format")) or ""
                    display = lvl.get(q("text:display-levels")) or "1"
                    start = lvl.get(q("text:start-value")) or "1"
                    levels[level] = _ListLevel(bool(fmt), _NUM_FORMATS.get(fmt, "decimal"),
                                               lvl.get(q("style:num-prefix")) or "",
                                               lvl.get(q("style:num-suffix")) or "",
                                               int(start) if start.isdigit() else 1,
                                               int(display) if display.isdigit() else 1)
                else:
                    levels[level] = _ListLevel(False, "", "", "", 1, 1)
            self.lists[ls.get(q("style:name")) or ""] = levels

    def heading_level(self, style: str | None) -> int | None:
        """Heading level of a paragraph style through its parents; None for body text."""
        seen = 0
        while style and seen < 20:
            seen += 1
            if style in self.outline:
                return min(self.outline[style], 10)
            name = self.names.get(style, style.replace("_20_", " "))
            if m := HEADING_STYLE.match(name) or HEADING_STYLE.match(style):
                return int(m.group(1))
            if name.lower() in TITLE_STYLES:
                return 1
            if name.lower() == "heading":
                return 2  # LibreOffice's base heading style, used by hand for section headings
            style = self.parents.get(style)
        return None


_NUM_FORMATS = {"1": "decimal", "a": "lowerLetter", "A": "upperLetter", "i": "lowerRoman", "I": "upperRoman"}


@dataclass
class _List:
    """An open ``text:list``: its style, depth and the counters shared with its sublists."""

    style: str
    depth: int
    counters: list[int]


class _Reader:
    def __init__(self, builder: DocumentBuilder, styles: _Styles) -> None:
        self.b = builder
        self.styles = styles
        self.page: int | None = None  # ODT: page counted from soft page breaks when there are any
        self.last_counters: dict[str, list[int]] = {}

    # -- blocks ------------------------------------------------------------
    def blocks(self, container: Element, page: int | None = None, flat: bool = False) -> None:
        """Emit the blocks of ``container`` in document order (``flat``: lists as paragraphs)."""
        # Work items: an element, the list it sits in, whether it is the first paragraph of an item.
        stack: list[tuple[Element, _List | None, bool]] = [(c, None, False) for c in reversed(container)]
        while stack:
            el, lst, first_in_item = stack.pop()
            tag = el.tag
            if tag in SKIPPED_BLOCKS:
                continue
            if tag == SOFT_BREAK:
                self._soft_break()
            elif tag in (P, H):
                self.paragraph(el, lst, first_in_item, page, flat)
            elif tag == LIST:
                sub = self._open_list(el, lst)
                stack.extend((c, sub, False) for c in reversed(el))
            elif tag in (ITEM, HEADER_ITEM) and lst is not None:
                numbered = tag == ITEM
                if numbered:
                    self._count(el, lst)
                children = list(el)
                first = next((i for i, c in enumerate(children) if c.tag in (P, H)), None)
                stack.extend((c, lst, numbered and i == first) for i, c in reversed(list(enumerate(children))))
            elif tag == TABLE:
                self.b.add(BlockKind.TABLE, "", rows=self.table(el), page=page or self.page)
            elif tag in SECTIONS:
                stack.extend((c, lst, False) for c in reversed(el))
            elif tag == FRAME or tag == GROUP or tag.startswith(f"{{{NS['draw']}}}"):
                self.drawing(el, page, flat)

    def paragraph(self, el: Element, lst: _List | None, labelled: bool, page: int | None, flat: bool) -> None:
        text, extras, start_page = self.inline(el)
        page = page or start_page
        level = None
        if el.tag == H:
            outline = el.get(q("text:outline-level")) or "1"
            level = int(outline) if outline.isdigit() else 1
        elif lst is None:
            level = self.styles.heading_level(el.get(STYLE_NAME))
        if level is not None and text.strip():
            self.b.add(BlockKind.HEADING, text, level=max(1, min(level, 10)), page=page)
        elif lst is not None and not flat:
            label = self._label(lst) if labelled else ""
            self.b.add(BlockKind.LIST_ITEM, f"{label} {text.strip()}" if label and text.strip() else text,
                       level=lst.depth, page=page)
        else:
            self.b.add(BlockKind.PARAGRAPH, text, page=page)
        for extra in extras:
            if extra.tag == q("text:note"):
                body = extra.find(q("text:note-body"))
                if body is not None:
                    self.b.add(BlockKind.NOTE, self.plain_text(body), page=page)
            else:
                self.drawing(extra, page, flat)

    def drawing(self, el: Element, page: int | None, flat: bool) -> None:
        """Text boxes and tables inside frames, shapes and groups anchored in the text."""
        for box in _descendants(el, {TEXT_BOX, TABLE}, stop={NOTES, P, H, LIST}):
            if box.tag == TABLE:
                self.b.add(BlockKind.TABLE, "", rows=self.table(box), page=page or self.page)
            else:
                self.blocks(box, page, flat)
        if el.tag != FRAME and el.tag != GROUP:  # custom shapes hold their paragraphs directly
            self.blocks(el, page, flat)

    # -- inline text ---------------------------------------------------------
    def inline(self, p: Element) -> tuple[str, list[Element], int | None]:
        """A paragraph's text, the frames and notes inside it (read after it), its first page."""
        parts: list[str] = [p.text or ""]
        extras: list[Element] = []
        start_page = self.page if parts[0].strip() else None
        stack: list[Element | str] = []
        for child in reversed(p):
            stack.append(child.tail or "")
            stack.append(child)
        while stack:
            item = stack.pop()
            if isinstance(item, str):
                parts.append(item)
                if start_page is None and item.strip():
                    start_page = self.page
                continue
            tag = item.tag
            if tag == q("text:s"):
                c = item.get(q("text:c")) or "1"
                parts.append(" " * min(int(c) if c.isdigit() else 1, MAX_SPACES))
            elif tag == q("text:tab"):
                parts.append("\t")
            elif tag == q("text:line-break"):
                parts.append("\n")
            elif tag == SOFT_BREAK:
                self._soft_break()
            elif tag == q("text:note") or tag.startswith(f"{{{NS['draw']}}}"):
                extras.append(item)
            elif tag in SKIPPED_INLINE:
                pass
            else:
                for child in reversed(item):
                    stack.append(child.tail or "")
                    stack.append(child)
                stack.append(item.text or "")
        return "".join(parts), extras, start_page if start_page is not None else self.page

    def plain_text(self, container: Element) -> str:
        """All paragraph text under ``container``, one line per paragraph (cells, notes)."""
        lines = [self.inline(p)[0].strip() for p in _descendants(container, {P, H})]
        return "\n".join(line for line in lines if line)

    # -- lists -------------------------------------------------------------
    def _open_list(self, el: Element, parent: _List | None) -> _List:
        style = el.get(STYLE_NAME) or (parent.style if parent else "")
        if parent is not None:
            return _List(style, parent.depth + 1, parent.counters)
        cont = el.get(q("text:continue-numbering")) == "true" or el.get(q("text:continue-list"))
        counters = self.last_counters.get(style) if cont else None
        if counters is None:
            counters = [0] * 11
        self.last_counters[style] = counters
        return _List(style, 1, counters)

    def _count(self, item: Element, lst: _List) -> None:
        depth = min(lst.depth, 10)
        level = self.styles.lists.get(lst.style, {}).get(depth)
        start = item.get(q("text:start-value"))
        if start and start.isdigit():
            lst.counters[depth] = int(start)
        else:
            lst.counters[depth] = (lst.counters[depth] or ((level.start if level else 1) - 1)) + 1
        for deeper in range(depth + 1, 11):
            lst.counters[deeper] = 0

    def _label(self, lst: _List) -> str:
        depth = min(lst.depth, 10)
        levels = self.styles.lists.get(lst.style, {})
        level = levels.get(depth)
        if level is None or not level.numbered:
            return ""
        first = max(1, depth - level.display + 1)
        numbers = []
        for d in range(first, depth + 1):
            style = levels[d].style if d in levels and levels[d].numbered else "decimal"
            numbers.append(format_number(max(lst.counters[d], 1), style))
        return f"{level.prefix}{'.'.join(numbers)}{level.suffix}"

    def _soft_break(self) -> None:
        if self.page is not None:
            self.page += 1

    # -- tables ------------------------------------------------------------
    def table(self, table: Element) -> list[list[str]]:
        """Rows of cell texts; spanned and repeated cells repeat their value (capped)."""
        rows: list[list[str]] = []
        covered: dict[tuple[int, int], str] = {}
        cells = 0
        for row_el in _rows(table):
            row: list[str] = []
            for cell in row_el:
                if cell.tag not in (CELL, COVERED):
                    continue
                repeat = _count_attr(cell, "table:number-columns-repeated", MAX_COLUMNS)
                if cell.tag == COVERED:
                    for _ in range(repeat):
                        row.append(covered.get((len(rows), len(row)), ""))
                    continue
                text = self.plain_text(cell)
                if not text:
                    repeat = min(repeat, MAX_COLUMNS - len(row))
                col_span = _count_attr(cell, "table:number-columns-spanned", MAX_SPAN)
                row_span = _count_attr(cell, "table:number-rows-spanned", MAX_SPAN)
                for _ in range(repeat):
                    col = len(row)
                    for dr in range(row_span):
                        for dc in range(col_span):
                            if dr or dc:
                                covered[(len(rows) + dr, col + dc)] = text
                    row.append(text)
                if len(row) >= MAX_COLUMNS:
                    break
            row = row[:MAX_COLUMNS]
            repeat = _count_attr(row_el, "table:number-rows-repeated", MAX_REPEATED_ROWS)
            if not any(row):
                repeat = 1  # spreadsheets pad with a million empty rows
            for _ in range(repeat):
                rows.append(list(row))
                cells += len(row)
            if cells > MAX_CELLS:
                break
        width = max((max((i + 1 for i, c in enumerate(r) if c), default=0) for r in rows), default=0)
        return [(r + [""] * width)[:width] for r in rows]


def _count_attr(el: Element, name: str, cap: int) -> int:
    value = el.get(q(name)) or "1"
    return max(1, min(int(value), cap)) if value.isdigit() else 1


def _rows(table: Element) -> Iterator[Element]:
    """Rows of a table in order, through header-rows and row-group wrappers (not nested tables)."""
    stack = list(reversed(table))
    while stack:
        el = stack.pop()
        if el.tag == ROW:
            yield el
        elif el.tag in SECTIONS:
            stack.extend(reversed(el))


def _descendants(el: Element, tags: set[str], stop: frozenset[str] | set[str] = frozenset()) -> Iterator[Element]:
    """Elements with ``tags`` below ``el`` in document order, not looking inside a match."""
    stack = list(reversed(el))
    while stack:
        child = stack.pop()
        if child.tag in tags:
            yield child
        elif child.tag not in stop:
            stack.extend(reversed(child))


def _length_cm(value: str | None) -> float:
    """An ODF length (``2.5cm``, ``10mm``, ``1in``, ``72pt``) in centimetres."""
    m = re.match(r"^\s*(-?[\d.]+)\s*(cm|mm|in|pt|pc|px)?\s*$", value or "")
    if not m:
        return 0.0
    try:
        number = float(m.group(1))
    except ValueError:
        return 0.0
    return number * {"cm": 1, "mm": 0.1, "in": 2.54, "pt": 2.54 / 72, "pc": 2.54 / 6, "px": 2.54 / 96}[m.group(2) or "cm"]


def _position(el: Element) -> tuple[float, float]:
    return (_length_cm(el.get(q("svg:y"))), _length_cm(el.get(q("svg:x"))))


def _slide_shapes(page: Element) -> Iterator[Element]:
    """Shapes of a slide with groups flattened."""
    stack = list(reversed(page))
    while stack:
        el = stack.pop()
        if el.tag == GROUP:
            stack.extend(reversed(el))
        elif el.tag.startswith(f"{{{NS['draw']}}}"):
            yield el


def _read_slides(reader: _Reader, presentation: Element) -> int:
    footers: set[str] = set()
    pages = [el for el in presentation if el.tag == q("draw:page")]
    for number, page in enumerate(pages, 1):
        shapes = sorted(_slide_shapes(page), key=_position)
        titles = [s for s in shapes if s.get(CLASS) == "title"]
        for shape in titles + [s for s in shapes if s.get(CLASS) != "title"]:
            cls = shape.get(CLASS)
            if cls == "title":
                reader.b.add(BlockKind.SLIDE_TITLE, reader.plain_text(shape), page=number)
            elif cls in FOOTER_CLASSES:
                text = reader.plain_text(shape)
                if cls == "footer" and text and text not in footers:
                    footers.add(text)
                    reader.b.add(BlockKind.FOOTER, text, page=number)
            elif shape.tag in (q("draw:image"), q("draw:page-thumbnail")) or cls in ("graphic", "chart"):
                continue
            else:
                paragraphs = sum(1 for p in _descendants(shape, {P, H}) if reader.inline(p)[0].strip())
                reader.drawing(shape, number, flat=paragraphs <= 1)
        notes = page.find(NOTES)
        if notes is not None:
            text = "\n".join(reader.plain_text(f) for f in _descendants(notes, {FRAME}) if f.get(CLASS) == "notes")
            reader.b.add(BlockKind.NOTE, text, page=number)
    return len(pages)


def _meta(z: Any) -> tuple[dict[str, Any], int | None]:
    """Title, author, dates and the stored page count from ``meta.xml``."""
    if "meta.xml" not in z.namelist():
        return {}, None
    root = parse_xml(read_member(z, "meta.xml", "OpenDocument file"), "meta.xml", "OpenDocument file")
    meta = root.find(q("office:meta"))
    if meta is None:
        return {}, None

    def text(name: str) -> str | None:
        el = meta.find(q(name))
        return (el.text or "").strip() or None if el is not None else None

    def date(name: str) -> str | None:
        value = text(name)
        return re.sub(r"\.\d+", "", value) if value else None  # drop fractions of a second

    stats = meta.find(q("meta:document-statistic"))
    count = stats.get(q("meta:page-count")) if stats is not None else None
    keywords = [k.text.strip() for k in meta.findall(q("meta:keyword")) if k.text and k.text.strip()]
    return {
        "title": text("dc:title"),
        "author": text("meta:initial-creator") or text("dc:creator"),
        "created": date("meta:creation-date"),
        "modified": date("dc:date"),
        "last_modified_by": text("dc:creator"),
        "subject": text("dc:subject"),
        "keywords": ", ".join(keywords) or None,
    }, int(count) if count and count.isdigit() else None


def read(path: Path, data: bytes, fmt: str) -> Document:
    what = "OpenDocument presentation" if fmt == "odp" else "OpenDocument text"
    with open_zip(data, what) as z:
        if "META-INF/manifest.xml" in z.namelist():
            if b"encryption-data" in read_member(z, "META-INF/manifest.xml", what):
                raise ReadError(f"{what} is password-protected (encrypted)")
        content = parse_xml(read_member(z, "content.xml", what), "content.xml", what)
        styles = _Styles()
        if "styles.xml" in z.namelist():
            styles.load(parse_xml(read_member(z, "styles.xml", what), "styles.xml", what))
        styles.load(content.find(q("office:automatic-styles")))
        metadata, page_count = _meta(z)
    body = content.find(q("office:body"))
    if body is None:
        raise ReadError(f"broken {what}: content.xml has no office:body")
    builder = DocumentBuilder(str(path), fmt, data)
    reader = _Reader(builder, styles)
    presentation = body.find(q("office:presentation"))
    text = body.find(q("office:text"))
    try:
        if presentation is not None:
            pages: int | None = _read_slides(reader, presentation)
        elif text is not None:
            if any(True for _ in text.iter(SOFT_BREAK)):
                reader.page = 1
            reader.blocks(text)
            pages = page_count or (reader.page if reader.page is not None else None)
        else:
            raise ReadError(f"{what} without text or slides (spreadsheet or drawing?)")
    except RecursionError as e:  # text boxes nested inside text boxes thousands deep
        raise ReadError(f"{what} refused: frames nested too deep") from e
    doc = builder.build(pages=pages, metadata=metadata)
    if not doc.title:
        first = next((b for b in doc.blocks if b.kind in (BlockKind.HEADING, BlockKind.SLIDE_TITLE)), None)
        doc.title = first.text.split("\n")[0][:200] if first else None
    return doc
