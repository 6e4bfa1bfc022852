"""Word 2007+ (DOCX): headings, paragraphs, numbered and bulleted lists, tables in
document order, headers and footers, core properties.

python-docx opens the package and parses the XML (lxml, entities not resolved);
the body is walked here in document order because python-docx's paragraph text
misses tracked insertions, content controls and text boxes, and its table API
does not say which cells are merge continuations.
"""
from __future__ import annotations

import io
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator

import docx
from docx.opc.exceptions import PackageNotFoundError

from schemas.document import BlockKind, Document, DocumentBuilder

from .errors import ReadError
from .office import core_metadata, format_number, one_line
from .safezip import check_ooxml

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
# Built-in style names as Word stores them when a localised Word created the style
# (English names are what Word writes for built-ins; Finnish and Swedish Words
# sometimes write their own). These are format knowledge, not language cues.
HEADING_STYLE = re.compile(r"^(?:heading|otsikko|rubrik)\s*([1-9])$", re.I)
TITLE_STYLES = {"title", "otsikko", "rubrik"}
LIST_STYLE = re.compile(r"^list\s+(?:bullet|number)(?:\s+([2-9]))?$", re.I)
MAX_SPAN = 64
MAX_COLUMNS = 512
HEADING_MIN_PT = 14.0
HEADING_MAX_CHARS = 120
# Wrapper elements whose children are read as if they stood in the parent.
TRANSPARENT = {W + "sdt", W + "sdtContent", W + "customXml", W + "ins", W + "moveTo", W + "smartTag"}
SKIP_INLINE = {W + "pPr", W + "rPr", W + "delText", W + "instrText", W + "del", W + "moveFrom",
               W + "footnoteReference", W + "endnoteReference", W + "commentReference", W + "object",
               W + "sdtPr", W + "sdtEndPr", MC_FALLBACK}


def _val(el: Any, name: str = "val") -> str | None:
    return None if el is None else el.get(W + name)


def _on(el: Any) -> bool:
    """An OOXML on/off property: present and not switched off."""
    return el is not None and _val(el) not in ("0", "false", "off")


@dataclass
class _Style:
    name: str
    based_on: str | None
    outline: int | None
    num: tuple[str, int] | None
    bold: bool | None
    size: float | None


@dataclass
class _Para:
    """What the walker learned about one paragraph."""

    text: str
    raw_start: str
    kind: BlockKind
    level: int | None
    page: int
    textboxes: list[Any] = field(default_factory=list)


class _Numbering:
    """Rendered labels of numbered paragraphs ("1.", "2.a)"), as Word draws them."""

    def __init__(self, root: Any, styles: dict[str, _Style]) -> None:
        self.nums: dict[str, tuple[str, dict[int, int]]] = {}
        self.levels: dict[str, dict[int, tuple[str, str, int]]] = {}
        self.links: dict[str, str] = {}
        self.styles = styles
        self.counters: dict[str, list[int | None]] = {}
        self.seen: set[str] = set()
        if root is None:
            return
        for a in root.iterchildren(W + "abstractNum"):
            aid = _val(a, "abstractNumId") or ""
            link = a.find(W + "numStyleLink")
            if link is not None:
                self.links[aid] = _val(link) or ""
            lvls = {}
            for lvl in a.iterchildren(W + "lvl"):
                start = _int(_val(lvl.find(W + "start")), 1)
                lvls[_int(_val(lvl, "ilvl"), 0)] = (_val(lvl.find(W + "numFmt")) or "decimal",
                                                    _val(lvl.find(W + "lvlText")) or "", start)
            self.levels[aid] = lvls
        for n in root.iterchildren(W + "num"):
            overrides = {}
            for o in n.iterchildren(W + "lvlOverride"):
                start = o.find(W + "startOverride")
                if start is not None:
                    overrides[_int(_val(o, "ilvl"), 0)] = _int(_val(start), 1)
            self.nums[_val(n, "numId") or ""] = (_val(n.find(W + "abstractNumId")) or "", overrides)

    def _abstract(self, num_id: str) -> str | None:
        aid = self.nums.get(num_id, (None, {}))[0]
        for _ in range(4):  # numStyleLink -> style -> numId -> abstractNum, guarded against cycles
            if aid is None or aid not in self.links:
                break
            style = self.styles.get(self.links[aid])
            aid = self.nums.get(style.num[0], (None, {}))[0] if style and style.num else None
        return aid

    def label(self, num_id: str, ilvl: int) -> str:
        """Advance the counter of this list level and return its label ('' for bullets)."""
        aid = self._abstract(num_id)
        if aid is None:
            return ""
        levels = self.levels.get(aid, {})
        counters = self.counters.setdefault(aid, [None] * 10)
        overrides = self.nums[num_id][1]
        if num_id not in self.seen:
            self.seen.add(num_id)
            for lvl, start in overrides.items():
                if 0 <= lvl < 10:
                    counters[lvl] = start - 1
        ilvl = max(0, min(ilvl, 9))
        fmt, text, start = levels.get(ilvl, ("decimal", "", 1))
        counters[ilvl] = (counters[ilvl] if counters[ilvl] is not None else start - 1) + 1
        for deeper in range(ilvl + 1, 10):
            counters[deeper] = None
        if fmt in ("bullet", "none") or not text:
            return ""

        def number(m: re.Match[str]) -> str:
            k = int(m.group(1)) - 1
            f, _, s = levels.get(k, ("decimal", "", 1))
            value = counters[k] if 0 <= k < 10 and counters[k] is not None else s
            return format_number(value, f)

        return re.sub(r"%([1-9])", number, text).strip()


def _int(value: str | None, default: int) -> int:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


def _read_styles(document: Any) -> tuple[dict[str, _Style], str | None, float]:
    """Paragraph and character styles by id, the default paragraph style, the default size."""
    root = document.styles.element
    styles: dict[str, _Style] = {}
    default_style = None
    for s in root.iterchildren(W + "style"):
        sid = _val(s, "styleId") or ""
        ppr, rpr = s.find(W + "pPr"), s.find(W + "rPr")
        numpr = ppr.find(W + "numPr") if ppr is not None else None
        num = None
        if numpr is not None and _val(numpr.find(W + "numId")) not in (None, "0"):
            num = (_val(numpr.find(W + "numId")) or "", _int(_val(numpr.find(W + "ilvl")), 0))
        outline = _val(ppr.find(W + "outlineLvl")) if ppr is not None else None
        bold = _on(rpr.find(W + "b")) if rpr is not None and rpr.find(W + "b") is not None else None
        size = _int(_val(rpr.find(W + "sz")), 0) / 2 if rpr is not None and rpr.find(W + "sz") is not None else None
        styles[sid] = _Style(_val(s.find(W + "name")) or sid, _val(s.find(W + "basedOn")),
                             _int(outline, 9) if outline is not None else None, num, bold, size or None)
        if _val(s, "type") == "paragraph" and _val(s, "default") in ("1", "true"):
            default_style = sid
    size = root.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}sz")
    return styles, default_style, (_int(_val(size), 22) / 2 if size is not None else 11.0)


class _Walker:
    """Walks the body (and headers, footers, text boxes) into builder blocks."""

    def __init__(self, document: Any, builder: DocumentBuilder) -> None:
        self.b = builder
        self.styles, self.default_style, self.default_size = _read_styles(document)
        try:
            numbering = document.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            numbering = None
        self.numbering = _Numbering(numbering, self.styles)
        self.page = 1
        self.rendered_breaks = 0
        # Page numbers are only known when Word left its rendered page breaks in the file.
        self.paged = any(True for _ in document.element.body.iter(W + "lastRenderedPageBreak"))
        self.pending: tuple[str, int] | None = None  # a plain paragraph that may get continuation lines

    # -- style lookups ---------------------------------------------------
    def _chain(self, style_id: str | None) -> Iterator[_Style]:
        seen = set()
        while style_id and style_id in self.styles and style_id not in seen and len(seen) < 20:
            seen.add(style_id)
            style = self.styles[style_id]
            yield style
            style_id = style.based_on

    def _style_id(self, p: Any) -> str | None:
        ppr = p.find(W + "pPr")
        sid = _val(ppr.find(W + "pStyle")) if ppr is not None else None
        return sid or self.default_style

    # -- blocks ----------------------------------------------------------
    def walk(self, container: Any) -> None:
        """Emit blocks for the paragraphs and tables of ``container`` in document order."""
        for el in _children(container, {W + "p", W + "tbl"}):
            if el.tag == W + "p":
                para = self.paragraph(el)
                self.emit(para)
                for box in para.textboxes:
                    self.flush()
                    self.walk(box)
            else:
                self.flush()
                page = self.page
                rows = self.table(el)
                self.b.add(BlockKind.TABLE, "", rows=rows, page=self._page(page))
        self.flush()

    def emit(self, para: _Para) -> None:
        text = para.text
        if para.kind != BlockKind.PARAGRAPH:
            self.flush()
            self.b.add(para.kind, text, level=para.level, page=self._page(para.page))
            return
        if not text.strip():
            self.flush()
            return
        if (self.pending and para.raw_start == "\t" and "\t" not in text.strip()
                and para.page == self.pending[1] and _takes_continuation(self.pending[0])):
            # Memo headers lay out "Läsnä<TAB>name" with further names on tab-indented lines.
            self.pending = (self.pending[0] + "\n" + text.rstrip(), self.pending[1])
            return
        self.flush()
        self.pending = (text.rstrip(), para.page)

    def flush(self) -> None:
        if self.pending:
            text, page = self.pending
            self.pending = None
            self.b.add(BlockKind.PARAGRAPH, text, page=self._page(page))

    def _page(self, page: int) -> int | None:
        return page if self.paged else None

    # -- paragraphs -------------------------------------------------------
    def paragraph(self, p: Any) -> _Para:
        text, boxes, page = self._inline(p)
        style_id = self._style_id(p)
        chain = list(self._chain(style_id))
        ppr = p.find(W + "pPr")
        label, list_level = self._list(ppr, chain)
        stripped = text.strip()
        numbered = f"{label} {stripped}" if label else stripped
        if not stripped:
            return _Para(text, text[:1], BlockKind.PARAGRAPH, None, page, boxes)
        level = self._heading_level(ppr, chain)  # numbered headings ("3 § Päätökset") stay headings
        if level is not None:
            return _Para(numbered, text[:1], BlockKind.HEADING, level, page, boxes)
        if list_level is not None:
            return _Para(numbered, text[:1], BlockKind.LIST_ITEM, list_level, page, boxes)
        level = self._looks_like_heading(p, chain, stripped)
        if level is not None:
            return _Para(stripped, text[:1], BlockKind.HEADING, level, page, boxes)
        return _Para(text, text[:1], BlockKind.PARAGRAPH, None, page, boxes)

    def _list(self, ppr: Any, chain: list[_Style]) -> tuple[str, int | None]:
        numpr = ppr.find(W + "numPr") if ppr is not None else None
        num: tuple[str, int] | None = None
        if numpr is not None and numpr.find(W + "numId") is not None:
            num_id = _val(numpr.find(W + "numId")) or "0"
            ilvl = _val(numpr.find(W + "ilvl"))
            style_num = next((s.num for s in chain if s.num), None)
            if num_id != "0":
                num = (num_id, _int(ilvl, style_num[1] if style_num else 0))
            else:
                return "", None  # numId 0 switches numbering off
        else:
            num = next((s.num for s in chain if s.num), None)
        # "List Bullet 2" is its own list at ilvl 0, drawn one step in: the name carries the level.
        named = next((int(m.group(1) or 1) for s in chain if (m := LIST_STYLE.match(s.name))), None)
        if num is not None:
            return self.numbering.label(num[0], num[1]), max(min(num[1], 8) + 1, named or 1)
        return "", named

    def _heading_level(self, ppr: Any, chain: list[_Style]) -> int | None:
        """Level from the outline level or a heading/title style; None for body text."""
        outline = _val(ppr.find(W + "outlineLvl")) if ppr is not None else None
        if outline is not None and _int(outline, 9) < 9:
            return _int(outline, 9) + 1
        for s in chain:
            if s.outline is not None and s.outline < 9:
                return s.outline + 1
            if m := HEADING_STYLE.match(s.name):
                return int(m.group(1))
            if s.name.lower() in TITLE_STYLES:
                return 1
        return None

    def _looks_like_heading(self, p: Any, chain: list[_Style], text: str) -> int | None:
        """A short single line set wholly in bold and clearly larger than body text."""
        if len(text) > HEADING_MAX_CHARS or "\n" in text or "\t" in text:
            return None
        style_bold = next((s.bold for s in chain if s.bold is not None), False)
        style_size = next((s.size for s in chain if s.size), None) or self.default_size
        sizes = []
        for r in p.iter(W + "r"):
            if not "".join(t.text or "" for t in r.iter(W + "t")).strip():
                continue
            rpr = r.find(W + "rPr")
            b = rpr.find(W + "b") if rpr is not None else None
            rstyle = self.styles.get(_val(rpr.find(W + "rStyle")) or "") if rpr is not None else None
            bold = _on(b) if b is not None else (rstyle.bold if rstyle and rstyle.bold is not None else style_bold)
            if not bold:
                return None
            sz = rpr.find(W + "sz") if rpr is not None else None
            sizes.append(_int(_val(sz), 0) / 2 if sz is not None else (rstyle.size if rstyle and rstyle.size
                                                                        else style_size))
        if not sizes or min(sizes) < max(HEADING_MIN_PT, self.default_size + 2):
            return None
        return 1 if min(sizes) >= 18 else 2

    def _inline(self, p: Any) -> tuple[str, list[Any], int]:
        """Visible text of a paragraph, text boxes found in it, the page its text starts on."""
        parts: list[str] = []
        boxes: list[Any] = []
        start_page: int | None = None
        stack = [p]
        while stack:
            el = stack.pop()
            tag = el.tag
            if not isinstance(tag, str) or tag in SKIP_INLINE:
                continue
            if tag == W + "t":
                parts.append(el.text or "")
                if start_page is None and (el.text or "").strip():
                    start_page = self.page
            elif tag == W + "tab":
                parts.append("\t")
            elif tag in (W + "br", W + "cr"):
                parts.append("\n")
            elif tag == W + "noBreakHyphen":
                parts.append("-")
            elif tag == W + "lastRenderedPageBreak":
                self.rendered_breaks += 1
                self.page += 1
            elif tag == W + "txbxContent":
                boxes.append(el)
            elif tag == W + "r" and _hidden(el):
                continue
            else:
                stack.extend(reversed(el))
        return "".join(parts), boxes, start_page if start_page is not None else self.page

    # -- tables -----------------------------------------------------------
    def table(self, tbl: Any) -> list[list[str]]:
        """Rows of cell texts; gridSpan and vMerge repeat the merged value so rows are rectangular."""
        rows: list[list[str]] = []
        above: dict[int, str] = {}  # column -> text of a vertical merge that may continue
        for tr in _children(tbl, {W + "tr"}):
            row: list[str] = []
            trpr = tr.find(W + "trPr")
            before = _int(_val(trpr.find(W + "gridBefore")), 0) if trpr is not None else 0
            row.extend([""] * min(before, MAX_COLUMNS))
            for tc in _children(tr, {W + "tc"}):
                tcpr = tc.find(W + "tcPr")
                span = _int(_val(tcpr.find(W + "gridSpan")), 1) if tcpr is not None else 1
                span = max(1, min(span, MAX_SPAN))
                vmerge = tcpr.find(W + "vMerge") if tcpr is not None else None
                hmerge = tcpr.find(W + "hMerge") if tcpr is not None else None
                col = len(row)
                if vmerge is not None and _val(vmerge) != "restart":
                    text = above.get(col, "")
                    self._cell_text(tc)  # keeps numbering and page counters right
                elif hmerge is not None and _val(hmerge) != "restart" and row:
                    text = row[-1]
                else:
                    text = self._cell_text(tc)
                for c in range(col, col + span):
                    if vmerge is not None:
                        above[c] = text
                    else:
                        above.pop(c, None)
                row.extend([text] * span)
                if len(row) >= MAX_COLUMNS:
                    break
            rows.append(row[:MAX_COLUMNS])
        width = max((len(r) for r in rows), default=0)
        return [r + [""] * (width - len(r)) for r in rows]

    def _cell_text(self, tc: Any) -> str:
        lines = []
        for el in _children(tc, {W + "p", W + "tbl"}):
            if el.tag == W + "p":
                para = self.paragraph(el)
                lines.append(para.text.strip())
                lines.extend(_box_text(self, box) for box in para.textboxes)
            else:
                lines.extend(" ".join(c for c in r if c) for r in self.table(el))
        return "\n".join(line for line in lines if line)


def _box_text(walker: _Walker, box: Any) -> str:
    return "\n".join(walker.paragraph(p).text.strip() for p in _children(box, {W + "p"}))


def _takes_continuation(text: str) -> bool:
    """A tab-laid-out line ("Läsnä<TAB>Name") or a short label line ("Jakelu")."""
    last = text.split("\n")[-1]
    return "\t" in last.strip() or ("\n" not in text and len(text.split()) <= 2 and len(text) <= 30)


def _hidden(run: Any) -> bool:
    rpr = run.find(W + "rPr")
    return rpr is not None and _on(rpr.find(W + "vanish"))


def _children(el: Any, tags: set[str]) -> Iterator[Any]:
    """Children with one of ``tags``, looking through content controls and similar wrappers."""
    stack = list(reversed(el))
    while stack:
        child = stack.pop()
        if child.tag in tags:
            yield child
        elif child.tag in TRANSPARENT:
            stack.extend(reversed(child))


def _header_footer_parts(document: Any) -> tuple[list[Any], list[Any]]:
    """Distinct header and footer elements of all sections (a linked one is its predecessor's)."""
    headers: list[Any] = []
    footers: list[Any] = []
    for section in document.sections:
        for attr, out in (("first_page_header", headers), ("header", headers), ("even_page_header", headers),
                          ("first_page_footer", footers), ("footer", footers), ("even_page_footer", footers)):
            hf = getattr(section, attr)
            if not hf.is_linked_to_previous:
                element = hf._element  # python-docx has no public accessor for the part's root
                if all(element is not e for e in out):
                    out.append(element)
    return headers, footers


def _read(path: Path, data: bytes, fmt: str, document: Any) -> Document:
    builder = DocumentBuilder(str(path), fmt, data)
    walker = _Walker(document, builder)
    headers, footers = _header_footer_parts(document)
    header_walker = _Walker(document, DocumentBuilder(str(path), fmt, data))
    seen: set[tuple[BlockKind, str]] = set()

    def add_part(element: Any, kind: BlockKind) -> None:
        lines = [p.text.strip() for p in map(header_walker.paragraph, _children(element, {W + "p"}))]
        text = "\n".join(line for line in lines if line)
        for tbl in _children(element, {W + "tbl"}):
            text += "\n" + "\n".join("\t".join(r) for r in header_walker.table(tbl))
        if text.strip() and (kind, text.strip()) not in seen:
            seen.add((kind, text.strip()))
            builder.add(kind, text)

    for element in headers:
        add_part(element, BlockKind.HEADER)
    walker.walk(document.element.body)
    for element in footers:
        add_part(element, BlockKind.FOOTER)
    pages = walker.rendered_breaks + 1 if walker.rendered_breaks else None
    doc = builder.build(pages=pages, metadata=core_metadata(document.core_properties))
    if not doc.title:
        first = next((b for b in doc.blocks if b.kind == BlockKind.HEADING), None)
        doc.title = first.text[:200] if first else None
    return doc


def read(path: Path, data: bytes, fmt: str) -> Document:
    check_ooxml(data, "Word document")
    try:
        document = docx.Document(io.BytesIO(data))
    except PackageNotFoundError as e:
        raise ReadError(f"broken Word document: {e}") from e
    except Exception as e:  # python-docx/lxml raise many types on damaged packages
        raise ReadError(f"broken Word document: {one_line(e)}") from e
    try:
        return _read(path, data, fmt, document)
    except ReadError:
        raise
    except Exception as e:
        raise ReadError(f"broken Word document: {one_line(e)}") from e

