"""Sentences with their structural context: agenda item, heading, parent list item, table column.

Record extractors read a document as a sequence of Sentences; offsets are
document-wide, so any span found in ``Sentence.text`` maps back to the source.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from extractors.lang import load
from schemas.document import Block, BlockKind, Document

AGENDA_ITEM = re.compile(r"^(?:§\s*)?(\d{1,2}(?:\.\d{1,2})?)(?:[.)]|\s*§)?\s+([^\n]{2,120})$")
NUMBERED_LABEL = re.compile(r"(?:^|\n)\s*[^\W\d]+\s+\d{1,3}\.$")  # "Toimenpide 1." is a label, not a sentence
# A sentence ends at . ! ? before a capital, before a bullet line, after a colon at a line end,
# and at a line end when the next line starts with a capital (lines without full stops). Every
# such break starts with white space or a closing quote, which the pattern consumes first: a
# pattern that opens with a character class lets ``re`` skip to the next candidate in C instead
# of trying every position (one that opens with a look-behind cannot); the look-behinds then
# check what came before that first character.
SENTENCE_END = re.compile(
    r"[\s\"'”)]"
    r"(?:(?:(?<=[.!?][\"'”)])[\"'”)]*\s+|(?<=[.!?]\s)\s*)(?=[\"'“(]?[A-ZÅÄÖÜ0-9•-])"  # . ! ? and quotes, space
    r"|(?<=\n)(?=\s*[-•*]\s)"  # a line break before a bullet
    r"|(?<=:\n)"  # a colon at a line end
    r"|(?<![,\-–(&/][ \t\n])(?:(?<=\n)|(?<=[ \t])[ \t]*\n)(?=[ \t]*[A-ZÅÄÖÜ]))")  # a line end, then a capital


@dataclass(frozen=True)
class AgendaItem:
    number: str
    title: str


@dataclass
class Sentence:
    start: int
    end: int
    text: str
    block: Block
    item: AgendaItem | None = None
    heading: str | None = None
    intro: str | None = None  # the line introducing a list ("... seuraavat asiat:") or the parent item
    column: str | None = None  # a table cell's column header
    row: list[str] | None = None  # a table cell's whole row

    @property
    def in_list(self) -> bool:
        return self.block.kind == BlockKind.LIST_ITEM


@lru_cache(maxsize=None)
def _abbreviation_re(lang: str) -> re.Pattern[str]:
    words = load(lang, "abbreviations").get("words", []) if load(lang, "abbreviations") else []
    alts = "|".join(re.escape(w.rstrip(".")) for w in sorted(words, key=len, reverse=True)) or "(?!)"
    return re.compile(rf"(?:(?<!\w)(?:{alts})|(?<!\w)[^\W\d])\.$", re.I)


def split_sentences(text: str, offset: int, lang: str) -> list[tuple[int, int, str]]:
    """Sentence spans of ``text`` (whose first character sits at ``offset``)."""
    abbrev = _abbreviation_re(lang)
    spans: list[tuple[int, int]] = []
    start = 0
    for m in SENTENCE_END.finditer(text):
        head = text[start:m.start()]
        if m.group(0).strip() == "" and _not_an_end(head, abbrev):
            continue  # "mm. Kerava", "klo 9. Paikka": not a sentence end
        spans.append((start, m.start()))
        start = m.end()
    spans.append((start, len(text)))
    out = []
    for s, e in spans:
        chunk = text[s:e]
        lead = len(chunk) - len(chunk.lstrip())
        chunk = chunk.strip()
        if chunk:
            out.append((offset + s + lead, offset + s + lead + len(chunk), chunk))
    return out


def _not_an_end(head: str, abbrev: re.Pattern[str]) -> bool:
    """Whether ``head`` ends in an abbreviation or a numbered label. Both patterns end in
    ``\\.$``: a head that does not end in a full stop (maybe before one line break) is tested
    no further, since searching it tries every position."""
    bare = head.rstrip("\"')”")
    if bare.endswith((".", ".\n")) and abbrev.search(bare):
        return True
    tail = head[:-1] if head.endswith("\n") else head
    return tail.endswith(".") and tail[-2:-1].isdigit() and bool(NUMBERED_LABEL.search(head))


def agenda_item(block: Block) -> AgendaItem | None:
    """A numbered, short, title-like block opens an agenda item."""
    if block.kind not in (BlockKind.HEADING, BlockKind.LIST_ITEM, BlockKind.PARAGRAPH):
        return None
    m = AGENDA_ITEM.match(block.text.strip())
    if not m or m.group(2).rstrip().endswith((".", ",")) or len(m.group(2).split()) > 12:
        return None
    return AgendaItem(m.group(1), m.group(2).strip())


def table_cells(block: Block) -> list[tuple[int, int, int, int]]:
    """(row, col, start, end) of every cell in a table block's text."""
    cells = []
    pos = block.start
    for r, line in enumerate(block.text.split("\n")):
        cpos = pos
        for c, cell in enumerate(line.split("\t")):
            cells.append((r, c, cpos, cpos + len(cell)))
            cpos += len(cell) + 1
        pos += len(line) + 1
    return cells


def sentences(doc: Document, lang: str) -> list[Sentence]:
    """Every sentence of ``doc`` with its agenda item, heading, list intro and table column."""
    out: list[Sentence] = []
    item: AgendaItem | None = None
    heading: str | None = None
    intro: str | None = None
    parents: dict[int, str] = {}
    for block in doc.blocks:
        if block.kind in (BlockKind.HEADER, BlockKind.FOOTER):
            continue
        if new_item := agenda_item(block):
            item = new_item
            heading = new_item.title
            intro = None
            parents.clear()
            out.append(Sentence(block.start, block.end, block.text, block, item, heading))
            continue
        if block.kind in (BlockKind.HEADING, BlockKind.SLIDE_TITLE):
            heading = block.text
            intro = None
            parents.clear()
            out.append(Sentence(block.start, block.end, block.text, block, item, heading))
            continue
        if block.kind == BlockKind.TABLE and block.rows:
            out.extend(_table_sentences(doc, block, item, heading, lang))
            continue
        context = intro
        if block.kind == BlockKind.LIST_ITEM:
            level = block.level or 1
            context = parents.get(level - 1, intro) if level > 1 else intro
            parents[level] = block.text
            for deeper in [k for k in parents if k > level]:
                del parents[deeper]
        else:
            parents.clear()
            stripped = block.text.rstrip()
            intro = stripped if stripped.endswith(":") else None
        for s, e, t in split_sentences(block.text, block.start, lang):
            out.append(Sentence(s, e, t, block, item, heading, context))
    return out


def _table_sentences(doc: Document, block: Block, item: AgendaItem | None, heading: str | None,
                     lang: str) -> list[Sentence]:
    rows = block.text.split("\n")
    header = rows[0].split("\t") if len(rows) > 1 else []
    out = []
    for r, c, s, e in table_cells(block):
        column = header[c] if r > 0 and c < len(header) else None
        row = rows[r].split("\t")
        for ss, se, t in split_sentences(doc.text[s:e], s, lang):
            out.append(Sentence(ss, se, t, block, item, heading, None, column, row))
    return out
