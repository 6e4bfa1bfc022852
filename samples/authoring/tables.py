"""Seed 003, goals and needs tables, as a landscape Word document with real tables."""
from __future__ import annotations

import re

from docx.document import Document
from docx.enum.section import WD_ORIENT
from docx.oxml import OxmlElement
from docx.shared import Cm
from docx.table import _Cell

from .seedtext import Item, cell_paragraphs, is_caps, parse_seed, plain
from .word import bullet_style, new_document, write_lines, write_runs

DATA_ROW = re.compile(r"^\d+(\.\d+)+\s")
Row = list[str] | str  # a list of cells, or the text of a group row spanning the table


def write_cell(cell: _Cell, value: str, bold: bool = False) -> None:
    """HTML fragments become paragraphs and bullets (with italics kept); no tags remain."""
    for n, para in enumerate(cell_paragraphs(value)):
        paragraph = cell.paragraphs[0] if n == 0 else cell.add_paragraph()
        if para.level is not None:
            paragraph.style = bullet_style(para.level)
        for run in para.runs:
            run.bold = run.bold or bold
        write_runs(paragraph, para.runs)


def _one_line(item: object) -> bool:
    return isinstance(item, Item) and item.kind in ("text", "numbered") and len(item.lines) == 1


def _numbered_like_data(item: object) -> bool:
    return _one_line(item) and bool(DATA_ROW.match(item.text + " "))  # type: ignore[union-attr]


def group(items: list[Item]) -> list[tuple[str, object]]:
    """Items to ``("para", Item)`` and ``("table", (header, rows))`` in seed order.

    A table is a run of tab rows. One-line paragraphs numbered like the data rows
    ("2.1 ...") just before or between them are group rows of the table. The header is
    the first tab row unless that row holds data; then it is the ``width`` one-line
    paragraphs just before the table (the export flattened the header row that way).
    When both exist and agree, the paragraphs were a duplicate and are dropped.
    """
    out: list[tuple[str, object]] = []
    i = 0
    while i < len(items):
        if items[i].kind != "row":
            out.append(("para", items[i]))
            i += 1
            continue
        width = len(items[i].cells)
        rows: list[Row] = []
        while out and _numbered_like_data(out[-1][1]):
            rows.insert(0, out.pop()[1].text)  # type: ignore[union-attr]
        while i < len(items):
            item = items[i]
            if item.kind == "row":
                rows.append((item.cells + [""] * width)[:width])
            elif (_numbered_like_data(item) and i + 1 < len(items) and items[i + 1].kind == "row"
                  and len(items[i + 1].cells) == width):
                rows.append(item.text)
            else:
                break
            i += 1
        header: list[str] = []
        first = rows[0]
        if isinstance(first, list) and not any("<" in c for c in first) and not DATA_ROW.match(first[0] + " "):
            header, rows = first, rows[1:]
        before = [x for _, x in out[-width:]] if len(out) >= width else []
        if len(before) == width and all(_one_line(x) for x in before):
            texts = [x.text for x in before]  # type: ignore[union-attr]
            if not header or texts == header:
                header = texts
                del out[-width:]
        out.append(("table", (header, rows)))
    return out


def add_table(document: Document, header: list[str], rows: list[Row], usable: int) -> None:
    width = len(header) if header else max(len(r) for r in rows if isinstance(r, list))
    table = document.add_table(rows=0, cols=width)
    table.style = "Table Grid"
    table.autofit = False
    prose = any("<p>" in c for r in rows if isinstance(r, list) for c in r[:1])
    # goals tables are prose in every column; needs tables are label, count, content
    ratios = [1.0] * width if width != 3 else ([1.3, 1.3, 1.4] if prose else [1.2, 0.45, 1.85])
    widths = [int(usable * r / sum(ratios)) for r in ratios]
    if header:
        cells = table.add_row().cells
        for c, value in enumerate(header):
            write_cell(cells[c], value, bold=True)
        table.rows[0]._tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))  # repeat on each page
    for row in rows:
        cells = table.add_row().cells
        if isinstance(row, str):
            write_cell(cells[0].merge(cells[-1]), row, bold=True)
            continue
        for c, value in enumerate(row):
            write_cell(cells[c], value)
    for c, column in enumerate(table.columns):
        column.width = widths[c]
        for cell in column.cells:
            cell.width = widths[c]


def build(text: str) -> Document:
    """Each block of caption lines starts a page: first line Heading 1, capitalised lines Heading 2."""
    items = parse_seed(text)
    document = new_document(plain(items[0].text) if items else "")
    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = section.page_height, section.page_width
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(2))
    usable = section.page_width - section.left_margin - section.right_margin
    after_table, first_in_block = False, True
    for kind, value in group(items):
        if kind == "table":
            add_table(document, *value, usable=usable)  # type: ignore[misc]
            after_table = True
            continue
        item: Item = value  # type: ignore[assignment]
        first_in_block = first_in_block or after_table
        style = "Heading 1" if first_in_block else ("Heading 2" if is_caps(item.text) else "Normal")
        paragraph = document.add_paragraph(style=style)
        paragraph.paragraph_format.page_break_before = after_table or None
        write_lines(paragraph, item.lines)
        first_in_block = after_table = False
    return document
