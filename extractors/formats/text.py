"""Plain-text and Markdown exports: legacy encodings, mojibake, Markdown structure,
e-mail quoting, tab- and space-aligned columns, pipe and ASCII-grid tables and HTML
fragments inside the text (tables: ``text_tables``; inline markup: ``text_inline``)."""
from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import ftfy
from ftfy.badness import is_bad

from schemas.document import BlockKind, Document, DocumentBuilder

from .errors import ReadError
from .text_inline import BLOCK_TAG, cell_text, render_inline
from .text_tables import aligned_columns, grid_table, html_table_rows

__all__ = ["decode", "read", "render_inline", "cell_text"]

HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
BULLET = re.compile(r"^(\s*)(?:[-*+•▪◦‣❖►▶→➢]|\d{1,2}[.)](?=\s)|([a-zåäö])[.)](?=\s))\s+(.*)$")
PIPE_ROW = re.compile(r"^\s*\|.*\|\s*$")
PIPE_RULE = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*([|+]\s*:?-{2,}:?\s*)*\|?\s*$")
HTML_TABLE_START = re.compile(r"<table\b", re.I)
HTML_TABLE_END = re.compile(r"</table\s*>", re.I)
SPACED_GAP = re.compile(r"\S {2,}\S")  # two or more spaces between words: a column gap candidate
# e-mail quoting: "> text", ">> text", "> > text"; a lone "> 50" is a comparison, not a quote
QUOTE = re.compile(r"^[ \t]{0,3}((?:>[ \t]?)+)")
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


def unquote(lines: list[str]) -> list[str]:
    """E-mail quote markers removed so quoted messages read as text; a change of quote
    depth is a paragraph break (the quoted header does not run into the reply)."""
    out: list[str] = []
    depth = 0
    for n, line in enumerate(lines):
        m = QUOTE.match(line)
        level = m.group(1).count(">") if m else 0
        if level and not _quoted_run(lines, n, m):
            level = 0
        if level != depth and out and out[-1].strip():
            out.append("")
        out.append(line[m.end():] if level and m else line)
        depth = level
    return out


def _quoted_run(lines: list[str], n: int, m: re.Match[str]) -> bool:
    """A quote marker counts when a neighbour line is quoted too or the text is not a number."""
    rest = lines[n][m.end():].lstrip()
    if not rest or not (rest[0].isdigit() or rest[0] in "=-"):
        return True
    return any(0 <= k < len(lines) and QUOTE.match(lines[k]) for k in (n - 1, n + 1))


class _Parser:
    """Line-oriented Markdown/plain-text structure recogniser."""

    def __init__(self, builder: DocumentBuilder) -> None:
        self.b = builder
        self.para: list[str] = []
        self.item: tuple[int, list[str]] | None = None
        self.table: list[list[str]] = []
        self.letter = ""  # the last "a)" / "b." list letter, so "p. 040 …" or "t. Kari" is no list item

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
            if grid := grid_table(lines, i):
                self.flush()
                rows, i = grid
                if max(len(r) for r in rows) > 1:
                    self.b.add(BlockKind.TABLE, "", rows=rows)
                else:  # a text in a box is no table
                    for row in rows:
                        self.b.add(BlockKind.PARAGRAPH, row[0] if row else "")
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
        if (m := BULLET.match(line)) and self._list_letter(m.group(2)):
            self.flush()
            indent = len(m.group(1).expandtabs(4))
            numbered = line.strip()[0].isalnum()  # keep "1." / "a)": agenda items are numbered
            self.item = (1 + indent // 2, [line.strip() if numbered else m.group(3)])
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

    def _list_letter(self, letter: str | None) -> bool:
        """A letter marker starts an item only in sequence: "a)", then "b)", ..."""
        if letter is None:
            return True
        if letter != "a" and (not self.letter or ord(letter) != ord(self.letter) + 1):
            return False
        self.letter = letter
        return True


def read(path: Path, data: bytes, fmt: str) -> Document:
    if len(data) > MAX_TEXT_BYTES:
        raise ReadError(f"text file larger than {MAX_TEXT_BYTES // 2**20} MB")
    text = decode(data)
    builder = DocumentBuilder(str(path), fmt, data)
    _Parser(builder).run(unquote(text.split("\n")))
    doc = builder.build(pages=1)
    if not doc.blocks:
        raise ReadError("no text in file")
    first = next((b for b in doc.blocks if b.kind == BlockKind.HEADING), doc.blocks[0])
    doc.title = first.text.split("\n")[0][:200]
    return doc
