"""Plain-text and Markdown exports: legacy encodings, mojibake, Markdown structure,
tab-aligned columns, pipe tables and HTML fragments inside the text."""
from __future__ import annotations

import html
import re
import unicodedata
from pathlib import Path

import ftfy
from ftfy.badness import is_bad

from schemas.document import BlockKind, Document, DocumentBuilder

from .errors import ReadError

HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
BULLET = re.compile(r"^(\s*)(?:[-*+•▪◦‣❖►▶→➢]|\d{1,2}[.)](?=\s)|[a-zåäö][.)](?=\s))\s+(.*)$")
PIPE_ROW = re.compile(r"^\s*\|.*\|\s*$")
PIPE_RULE = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")
MD_LINK = re.compile(r"\[([^\]]*)\]\((?:[^()\s]|\([^()]*\))*\)")
MD_ESCAPE = re.compile(r"\\+([\\_*\[\]()#|`])")
EMPHASIS = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
TAG = re.compile(r"<[^>]+>")
BLOCK_TAG = re.compile(r"<\s*/?\s*(p|br|li|ul|ol|div|tr|h\d)\b[^>]*>", re.I)
HTML_TABLE_START = re.compile(r"<table\b", re.I)
HTML_TABLE_END = re.compile(r"</table\s*>", re.I)
ROW_RE = re.compile(r"<tr\b[^>]*>(.*?)</tr\s*>", re.I | re.S)
CELL_RE = re.compile(r"<t([dh])\b([^>]*)>(.*?)</t[dh]\s*>", re.I | re.S)
SPAN_RE = re.compile(r"colspan\s*=\s*[\"']?(\d+)", re.I)
INLINE_BULLET = re.compile(r"(?:^|\s)\*\s+")
SPACED_GAP = re.compile(r"\S {2,}\S")  # two or more spaces between words: a column gap candidate
MAX_TEXT_BYTES = 200 * 1024 * 1024
LEGACY_ENCODINGS = ("cp1252", "iso8859_15", "latin_1", "cp850", "mac_roman")  # ties go to the first


def decode(data: bytes) -> str:
    """Bytes to text: BOMs, UTF-8, then a detected legacy encoding; mojibake repaired."""
    if data.startswith(b"\xef\xbb\xbf"):
        text = data[3:].decode("utf-8", errors="replace")
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = data.decode("utf-16", errors="replace")
    else:
        text = _decode_without_bom(data)
    if not is_bad(text):  # ftfy's own quick test: most texts have no mojibake to repair
        return text
    return ftfy.fix_text(text, normalization="NFC", uncurl_quotes=False, fix_line_breaks=True,
                         unescape_html=False, fix_latin_ligatures=False, fix_character_width=False)


def _decode_without_bom(data: bytes) -> str:
    sample = data[:4096]
    if sample.count(0) > len(sample) // 4:
        odd_zeros = sample[1::2].count(0) > sample[0::2].count(0)
        return data.decode("utf-16-le" if odd_zeros else "utf-16-be", errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    # The legacy code page whose reading of the bytes gives the most letters: cp1252 reads
    # 0xE4 as "ä", Mac Roman as "‰", so letter counts settle it where detectors guess.
    sample = data[:65536]
    encoding = max(LEGACY_ENCODINGS, key=lambda enc: _letter_score(sample.decode(enc, errors="replace")))
    return data.decode(encoding, errors="replace")


def _letter_score(text: str) -> int:
    """Non-ASCII letters minus non-ASCII symbols, controls and replacement characters."""
    score = 0
    for ch in text:
        if ch >= "\x80":
            score += 1 if unicodedata.category(ch).startswith("L") else -1
    return score


def render_inline(text: str) -> str:
    """Markdown and HTML inline markup to plain text: links, emphasis, escapes, tags, entities."""
    text = MD_LINK.sub(lambda m: m.group(1), text)
    text = MD_ESCAPE.sub(r"\1", text)
    text = EMPHASIS.sub(r"\2", text)
    if "<" in text:
        text = BLOCK_TAG.sub("\n", text)
        text = TAG.sub("", text)
    text = html.unescape(text)
    return text


def cell_text(raw: str) -> str:
    """One table cell: inline markup removed; inline ``* item`` bullets put on their own lines."""
    text = render_inline(raw)
    text = INLINE_BULLET.sub("\n• ", text)
    lines = [" ".join(line.split()) for line in text.split("\n")]
    return "\n".join(line for line in lines if line)


def html_table_rows(fragment: str) -> list[list[str]]:
    """Rows of an HTML ``<table>`` fragment; a colspan repeats the cell across columns."""
    rows = []
    for row in ROW_RE.findall(fragment):
        cells: list[str] = []
        for _, attrs, content in CELL_RE.findall(row):
            span = int(m.group(1)) if (m := SPAN_RE.search(attrs)) else 1
            cells.extend([cell_text(content)] * max(1, min(span, 100)))
        if cells:
            rows.append(cells)
    return rows


def aligned_columns(lines: list[str]) -> list[list[str]] | None:
    """Rows of a space-aligned column layout: cut where every line has a gap of 2+ spaces."""
    width = max(len(x) for x in lines)
    indent = min(len(x) - len(x.lstrip()) for x in lines)
    blank = [all(p >= len(x) or x[p] == " " for x in lines) for p in range(width)]
    cuts: list[tuple[int, int]] = []
    p = indent
    while p < width:
        if not blank[p]:
            p += 1
            continue
        q = p
        while q < width and blank[q]:
            q += 1
        if q - p >= 2 and q < width and _widest_gap(lines, p, q) >= 3:
            cuts.append((p, q))  # padded columns leave a 3+ gap somewhere; prose leaves 2 after a full stop
        p = q
    if not cuts:
        return None
    rows = []
    for line in lines:
        cells, start = [], indent
        for a, b in cuts:
            cells.append(line[start:a].strip())
            start = b
        cells.append(line[start:].strip())
        rows.append(cells)
    filled = sum(1 for r in rows if sum(1 for c in r if c) >= 2)
    return rows if filled >= 0.6 * len(rows) else None


def _widest_gap(lines: list[str], a: int, b: int) -> int:
    """The widest run of spaces, over the lines, that covers columns a..b."""
    widest = 0
    for line in lines:
        if a >= len(line):
            continue
        left, right = a, b
        while left > 0 and line[left - 1] == " ":
            left -= 1
        while right < len(line) and line[right] == " ":
            right += 1
        widest = max(widest, right - left)
    return widest


class _Parser:
    """Line-oriented Markdown/plain-text structure recogniser."""

    def __init__(self, builder: DocumentBuilder) -> None:
        self.b = builder
        self.para: list[str] = []
        self.item: tuple[int, list[str]] | None = None
        self.table: list[list[str]] = []

    def flush(self) -> None:
        if self.para:
            self.b.add(BlockKind.PARAGRAPH, "\n".join(render_inline(x) for x in self.para))
            self.para = []
        if self.item:
            level, lines = self.item
            self.b.add(BlockKind.LIST_ITEM, "\n".join(render_inline(x) for x in lines), level=level)
            self.item = None
        if self.table:
            self.b.add(BlockKind.TABLE, "", rows=self.table)
            self.table = []

    def run(self, lines: list[str]) -> None:
        i = 0
        while i < len(lines):
            line = lines[i].rstrip()
            if HTML_TABLE_START.search(line) and not PIPE_ROW.match(line):
                self.flush()
                j = i
                while j < len(lines) and not HTML_TABLE_END.search(lines[j]):
                    j += 1
                rows = html_table_rows("\n".join(lines[i:j + 1]))
                if rows:
                    self.b.add(BlockKind.TABLE, "", rows=rows)
                i = j + 1
                continue
            j = i
            while j < len(lines) and "\t" not in lines[j] and SPACED_GAP.search(lines[j].strip()):
                j += 1
            if j - i >= 2 and (rows := aligned_columns([x.rstrip() for x in lines[i:j]])):
                self.flush()
                self.b.add(BlockKind.TABLE, "", rows=rows)
                i = j
                continue
            self.line(line)
            i += 1
        self.flush()

    def line(self, line: str) -> None:
        if not line.strip():
            self.flush()
            return
        if "\t" in line.strip("\t ") or (line.startswith("\t") and self.table):
            if self.para or self.item:
                self.flush()
            self.table.append([cell_text(c) for c in line.strip("\n").split("\t")])
            return
        if PIPE_ROW.match(line):
            if not self.table:
                self.flush()
            if not PIPE_RULE.match(line):
                self.table.append([cell_text(c) for c in line.strip().strip("|").split("|")])
            return
        if self.table:
            self.flush()
        if m := HEADING.match(line):
            self.flush()
            self.b.add(BlockKind.HEADING, render_inline(m.group(2)), level=len(m.group(1)))
            return
        if m := BULLET.match(line):
            self.flush()
            indent = len(m.group(1).expandtabs(4))
            numbered = line.strip()[0].isalnum()  # keep "1." / "a)": agenda items are numbered
            self.item = (1 + indent // 2, [line.strip() if numbered else m.group(2)])
            return
        if self.item:
            self.item[1].append(line.strip())
            return
        if "<" in line and BLOCK_TAG.search(line):
            self.flush()
            for part in render_inline(line).split("\n"):
                self.b.add(BlockKind.PARAGRAPH, part)
            return
        self.para.append(line.strip())


def read(path: Path, data: bytes, fmt: str) -> Document:
    if len(data) > MAX_TEXT_BYTES:
        raise ReadError(f"text file larger than {MAX_TEXT_BYTES // 2**20} MB")
    text = decode(data)
    builder = DocumentBuilder(str(path), fmt, data)
    _Parser(builder).run(text.split("\n"))
    doc = builder.build(pages=1)
    if not doc.blocks:
        raise ReadError("no text in file")
    first = next((b for b in doc.blocks if b.kind == BlockKind.HEADING), doc.blocks[0])
    doc.title = first.text.split("\n")[0][:200]
    return doc
