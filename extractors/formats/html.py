"""HTML pages: headings, paragraphs, nested lists, tables with spans, the ``<title>``.

Built on the stdlib streaming ``html.parser``: no tree and no recursion, so broken
or absurdly deep markup cannot blow the stack. Open elements are tracked with a
stack plus per-tag counts, so a stray end tag costs O(1) and every element is
popped at most once.
"""
from __future__ import annotations

import codecs
import itertools
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

from schemas.document import BlockKind, Document, DocumentBuilder

from .errors import ReadError
from .text import decode

MAX_HTML_BYTES = 50 * 2**20
MAX_SPAN = 100
MAX_COLUMNS = 1000
MAX_SCOPE_SEARCH = 256
MAX_TABLE_CELLS = 200_000
TAG_OPEN = re.compile(r"<[A-Za-z/!?]")
RAW_TEXT_START = re.compile(r"<(script|style)\b[^<>]*>", re.I)
META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)

SKIPPED = {"script", "style", "template", "noscript", "svg", "math", "iframe", "object", "select", "textarea"}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
        "track", "wbr", "keygen"}
HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
# Elements that end the current run of inline text (and close an open <p>).
BLOCKS = {"address", "article", "aside", "blockquote", "body", "center", "dd", "details", "dialog", "div",
          "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "header", "hgroup", "hr", "html",
          "legend", "li", "main", "menu", "nav", "ol", "p", "pre", "section", "summary", "table", "ul",
          "caption", "tbody", "thead", "tfoot", "tr", "td", "th", *HEADINGS}
CLOSES_P = BLOCKS - {"td", "th", "tr", "tbody", "thead", "tfoot", "caption", "body", "html", "li", "dd", "dt"}


@dataclass
class _Table:
    """A table being read: finished rows, the row in progress and rowspans still pending."""

    rows: list[list[str]] = field(default_factory=list)
    row: list[str] | None = None
    cell: list[str] | None = None
    colspan: int = 1
    rowspan: int = 1
    pending: dict[int, tuple[int, str]] = field(default_factory=dict)  # column -> (rows left, text)
    cells: int = 0
    nested: bool = False  # opened inside another table's cell: becomes that cell's text

    def start_row(self) -> None:
        self.end_row()
        self.row = []

    def end_row(self) -> None:
        self.end_cell()
        if self.row is None:
            return
        self._fill_pending(to_end=True)
        if self.cells <= MAX_TABLE_CELLS:
            self.rows.append(self.row)
        self.row = None

    def start_cell(self, colspan: int, rowspan: int) -> None:
        if self.row is None:
            self.start_row()
        self.end_cell()
        self.cell, self.colspan, self.rowspan = [], colspan, rowspan

    def end_cell(self) -> None:
        if self.cell is None or self.row is None:
            self.cell = None
            return
        text = _clean("".join(self.cell))
        self.cell = None
        self._fill_pending()
        if self.cells > MAX_TABLE_CELLS or len(self.row) >= MAX_COLUMNS:
            return
        for _ in range(self.colspan):
            if self.rowspan > 1:
                self.pending[len(self.row)] = (self.rowspan - 1, text)
            self.row.append(text)
        self.cells += self.colspan

    def _fill_pending(self, to_end: bool = False) -> None:
        """Put values of cells spanning down from earlier rows into this row."""
        assert self.row is not None
        if self.cells > MAX_TABLE_CELLS:
            self.pending.clear()
            return
        last = max(self.pending, default=-1)  # re-added entries keep their column: never grows
        while self.pending:
            col = len(self.row)
            if col not in self.pending:
                if not to_end or col > last:
                    break
                self.row.append("")
                continue
            left, text = self.pending.pop(col)
            if left > 1:
                self.pending[col] = (left - 1, text)
            self.row.append(text)
            self.cells += 1

    def finish(self) -> list[list[str]]:
        self.end_row()
        width = max((len(r) for r in self.rows), default=0)
        return [r + [""] * (width - len(r)) for r in self.rows]


def _clean(text: str) -> str:
    """Collapse HTML whitespace inside each line; keep the line breaks from <br>."""
    lines = (" ".join(line.split()) for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


def _span(value: str | None) -> int:
    try:
        return max(1, min(int(str(value).strip()), MAX_SPAN))
    except ValueError:
        return 1


class _HtmlReader(HTMLParser):
    def __init__(self, builder: DocumentBuilder) -> None:
        super().__init__(convert_charrefs=True)
        self.b = builder
        self.stack: list[str] = []
        self.open: dict[str, int] = {}
        self.buffer: list[str] = []
        self.skip = 0
        self.pre = 0
        self.lists: list[list[int]] = []  # per open list: [ordered?, next number]
        self.item_level: int | None = None
        self.item_label = ""
        self.heading: int | None = None
        self.tables: list[_Table] = []
        self.title: str | None = None
        self.in_title = False
        self.title_parts: list[str] = []
        self.meta: dict[str, str] = {}

    # -- element stack -------------------------------------------------
    def _push(self, tag: str, attrs: dict[str, str | None] | None = None) -> None:
        self.stack.append(tag)
        self.open[tag] = self.open.get(tag, 0) + 1
        self._enter(tag, attrs or {})

    def _pop_to(self, tag: str) -> None:
        """Close ``tag`` and everything opened after it; ignore it when it is not open."""
        if not self.open.get(tag):
            return
        while self.stack:
            top = self.stack.pop()
            self.open[top] -= 1
            self._leave(top)
            if top == tag:
                return

    def _innermost(self, tag: str, stop: set[str]) -> bool:
        """Whether ``tag`` is open above the nearest ``stop`` element.

        Only the top of the stack is searched: an unbounded search would make every
        start tag cost the depth of the page, which hostile markup makes quadratic.
        """
        if not self.open.get(tag):
            return False
        for t in itertools.islice(reversed(self.stack), MAX_SCOPE_SEARCH):
            if t == tag:
                return True
            if t in stop:
                return False
        return False

    # -- parser callbacks ----------------------------------------------
    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "title" and not self.skip:
            self.in_title = True
            return
        if tag == "meta":
            a = dict(attrs)
            name = (a.get("name") or "").lower()
            if name in ("author", "description", "keywords") and a.get("content"):
                self.meta.setdefault(name, a["content"] or "")
            return
        if self.skip:
            if tag in SKIPPED:
                self._push(tag)
            return
        if tag == "br":
            self._data("\n")
            return
        if tag in VOID:
            if tag == "hr":
                self.flush()
            return
        if tag in CLOSES_P and self._innermost("p", {"td", "th", "li", "table"}):
            self._pop_to("p")
        if tag == "li" and self._innermost("li", {"ul", "ol", "menu", "table"}):
            self._pop_to("li")
        if tag in ("dt", "dd"):
            for t in ("dt", "dd"):
                if self._innermost(t, {"dl", "table"}):
                    self._pop_to(t)
        if tag in ("td", "th") and self.tables:
            for t in ("td", "th"):
                if self._innermost(t, {"tr", "table"}):
                    self._pop_to(t)
        if tag == "tr" and self._innermost("tr", {"table"}):
            self._pop_to("tr")
        if tag in HEADINGS:
            for h in HEADINGS:
                if self._innermost(h, {"table", "li"}):
                    self._pop_to(h)
        self._push(tag, dict(attrs))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in VOID or tag == "title":
            self.handle_starttag(tag, attrs)
        # ``<div/>`` and friends open nothing in HTML; treat as a boundary only.
        elif tag in BLOCKS and not self.skip:
            self.flush()

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            if self.in_title:
                self.in_title = False
                self.title = self.title or _clean("".join(self.title_parts))
            return
        if self.skip and tag not in SKIPPED:
            return
        if tag == "br":
            self._data("\n")
            return
        if tag == "p" and not self.open.get("p"):
            self.flush()  # a stray </p> still ends a paragraph, as browsers do
            return
        self._pop_to(tag)

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title_parts.append(data)
        elif not self.skip:
            self._data(data if self.pre else data.replace("\n", " "))

    def close(self) -> None:
        super().close()
        while self.stack:
            self._pop_to(self.stack[-1])
        self.flush()

    # -- structure -----------------------------------------------------
    def _data(self, text: str) -> None:
        self.buffer.append(text)

    def _enter(self, tag: str, a: dict[str, str | None]) -> None:
        if tag in SKIPPED:
            self.skip += 1
            return
        if tag in BLOCKS:
            self.flush()
        if tag == "pre":
            self.pre += 1
        elif tag in HEADINGS:
            self.heading = HEADINGS[tag]
        elif tag in ("ul", "ol", "menu"):
            start = _span(a.get("start")) if tag == "ol" and a.get("start") else 1
            self.lists.append([tag == "ol", start])
        elif tag == "li":
            self.item_level = len(self.lists) or 1
            self.item_label = ""
            if self.lists and self.lists[-1][0]:
                value = a.get("value")
                if value and value.strip().isdigit():
                    self.lists[-1][1] = int(value)
                self.item_label = f"{self.lists[-1][1]}. "
                self.lists[-1][1] += 1
        elif tag == "table":
            self.tables.append(_Table(nested=bool(self.tables and self.tables[-1].cell is not None)))
        elif tag == "tr" and self.tables:
            self.tables[-1].start_row()
        elif tag in ("td", "th") and self.tables:
            self.tables[-1].start_cell(_span(a.get("colspan")), _rowspan(a.get("rowspan")))

    def _leave(self, tag: str) -> None:
        if tag in SKIPPED:
            self.skip -= 1
            return
        if tag in BLOCKS:
            self.flush()
        if tag == "pre":
            self.pre -= 1
        elif tag in HEADINGS:
            self.heading = None
        elif tag in ("ul", "ol", "menu") and self.lists:
            self.lists.pop()
        elif tag == "li":
            self.item_level = None
        elif tag == "table" and self.tables:
            table = self.tables.pop()
            rows = table.finish()
            if table.nested:
                # A table inside a cell becomes text of that cell: one line per row.
                self.buffer.append("\n".join(" ".join(c for c in r if c) for r in rows))
                self.flush()
            else:
                self.b.add(BlockKind.TABLE, "", rows=rows)
        elif tag == "tr" and self.tables:
            self.tables[-1].end_row()
        elif tag in ("td", "th") and self.tables:
            self.tables[-1].end_cell()

    def flush(self) -> None:
        """Emit the inline text gathered so far as one block of the current kind."""
        if not self.buffer:
            return
        text = _clean("".join(self.buffer)) if not self.pre else "".join(self.buffer).strip("\n")
        self.buffer = []
        if not text.strip():
            return
        if self.tables and self.tables[-1].cell is not None:
            self.tables[-1].cell.append(text + "\n")
            return
        if self.heading is not None:
            self.b.add(BlockKind.HEADING, text, level=self.heading)
        elif self.item_level is not None:
            self.b.add(BlockKind.LIST_ITEM, self.item_label + text, level=self.item_level)
            self.item_label = ""
        else:
            self.b.add(BlockKind.PARAGRAPH, text)


def _rowspan(value: str | None) -> int:
    """``rowspan="0"`` means "to the end of the table": capped like any large span."""
    if value is not None and value.strip() == "0":
        return MAX_SPAN
    return _span(value)


def defuse_unclosed_tags(text: str) -> str:
    """Make the input linear-time for ``html.parser``, changing only what browsers show as text.

    The parser rescans to the end of the input for every tag that is still open when
    the next one begins (``<a<a<a...``) and for every unterminated comment, which is
    quadratic. Such a ``<`` is escaped; an unterminated comment runs to the end, as in
    browsers. Script and style bodies are passed over untouched.
    """
    opens = [m.start() for m in TAG_OPEN.finditer(text)]
    parts: list[str] = []
    last = 0
    gt = -1
    skip_to = 0
    for i, pos in enumerate(opens):
        if pos < skip_to:
            continue
        if text.startswith("<!--", pos):
            end = text.find("-->", pos + 4)
            if end < 0:
                parts.append(text[last:pos])
                last = len(text)
                break
            skip_to = end + 3
            continue
        if m := RAW_TEXT_START.match(text, pos):
            close = re.compile(r"</" + m.group(1), re.I).search(text, m.end())
            skip_to = close.start() if close else len(text)
            continue
        if gt < pos:
            gt = text.find(">", pos)
            if gt < 0:
                gt = len(text)
        following = opens[i + 1] if i + 1 < len(opens) else len(text) + 1
        if following < gt:
            parts.append(text[last:pos])
            parts.append("&lt;")
            last = pos + 1
    parts.append(text[last:])
    return "".join(parts)


def decode_html(data: bytes) -> str:
    """A BOM, then a ``<meta charset>`` that names a known codec, then the text heuristics."""
    if not data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        m = META_CHARSET.search(data[:4096])
        if m:
            try:
                codec = codecs.lookup(m.group(1).decode("ascii"))
            except LookupError:
                codec = None
            if codec is not None and codec.name not in ("utf-16-le", "utf-16-be", "utf-16"):
                name = "cp1252" if codec.name in ("latin-1", "iso8859-1", "ascii") else codec.name
                try:
                    return data.decode("utf-8" if codec.name == "utf-8" else name)
                except UnicodeDecodeError:
                    pass  # the declaration lies; fall back to detection
    return decode(data)


def read(path: Path, data: bytes, fmt: str) -> Document:
    if len(data) > MAX_HTML_BYTES:
        raise ReadError(f"HTML file larger than {MAX_HTML_BYTES // 2**20} MB")
    builder = DocumentBuilder(str(path), fmt, data)
    parser = _HtmlReader(builder)
    try:
        parser.feed(defuse_unclosed_tags(decode_html(data)))
        parser.close()
    except (AssertionError, ValueError) as e:  # html.parser asserts on some malformed declarations
        raise ReadError(f"broken HTML: {e}") from e
    doc = builder.build(pages=None, metadata={"title": parser.title, "author": parser.meta.get("author"),
                                              "description": parser.meta.get("description"),
                                              "keywords": parser.meta.get("keywords")})
    if not doc.blocks:
        raise ReadError("no text in HTML page")
    if not doc.title:
        first = next((b for b in doc.blocks if b.kind == BlockKind.HEADING), None)
        doc.title = first.text.split("\n")[0][:200] if first else None
    return doc
