"""Seed 000, meeting minutes (MUISTIO), as a Word document with a real attendance table."""
from __future__ import annotations

import re

from docx.document import Document
from docx.shared import Cm, Pt

from .seedtext import Item, is_caps, parse_seed, plain
from .word import add_item, new_document

# Hand-checked against the minutes: the flattened role column holds fewer roles than
# there are names; the chair is the first person present, the secretary the last one.
ROLE_ROWS = (0, -1)
DASH = re.compile(r"^[-–—]$")
COLUMN_WIDTHS = (Cm(2.4), Cm(6.0), Cm(4.2), Cm(3.4))


def split_column(cell: str) -> list[str]:
    """A flattened column to its entries: a dash joins its neighbours, ``(x)`` joins the previous."""
    entries: list[list[str]] = []
    glue = False
    for token in cell.split():
        if DASH.match(token) and entries:
            entries[-1].append(token)
            glue = True
        elif entries and (glue or token.startswith("(")):
            entries[-1].append(token)
            glue = False
        else:
            entries.append([token])
    return [" ".join(e) for e in entries]


def split_names(cell: str) -> list[str]:
    """A flattened column of "First Last" names; a dash joins a double surname."""
    tokens = split_column(cell)
    if len(tokens) % 2:
        raise SystemExit(f"attendance names do not pair up: {cell!r}")
    return [f"{tokens[i]} {tokens[i + 1]}" for i in range(0, len(tokens), 2)]


def attendance_rows(rows: list[Item]) -> list[list[str]]:
    """Tab rows ``label, names, organisations, roles`` to one ``[label, name, org, role]`` per person."""
    table: list[list[str]] = []
    for row in rows:
        label, names_cell, orgs_cell, roles_cell = (row.cells + ["", "", ""])[:4]
        names, orgs, roles = split_names(names_cell), split_column(orgs_cell), split_column(roles_cell)
        if len(orgs) != len(names):
            raise SystemExit(f"seed line {row.lineno}: {len(names)} names but {len(orgs)} organisations")
        placed = [""] * len(names)
        if len(roles) == len(names):
            placed = roles
        elif roles:
            if len(roles) != len(ROLE_ROWS):
                raise SystemExit(f"seed line {row.lineno}: roles {roles} do not fit ROLE_ROWS")
            for pos, role in zip(ROLE_ROWS, roles):
                placed[pos] = role
        table.extend([label, n, o, r] for n, o, r in zip(names, orgs, placed))
    return table


def add_attendance(document: Document, rows: list[list[str]]) -> None:
    """Borderless layout table; the "present"/"absent" label is merged down its group's rows."""
    table = document.add_table(rows=len(rows), cols=4)
    table.autofit = False
    for column, width in zip(table.columns, COLUMN_WIDTHS):
        column.width = width
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            cell = table.cell(r, c)
            cell.width = COLUMN_WIDTHS[c]
            cell.paragraphs[0].paragraph_format.space_after = Pt(2)
            if c:
                cell.paragraphs[0].add_run(value)
    start = 0
    for r in range(1, len(rows) + 1):
        if r == len(rows) or rows[r][0] != rows[start][0]:
            label = table.cell(start, 0)
            if r - 1 > start:
                label = label.merge(table.cell(r - 1, 0))
            label.paragraphs[0].add_run(rows[start][0]).bold = True
            start = r


def build(text: str) -> Document:
    """Title and caption, meta lines, attendance table, agenda items as headings, lists, prose."""
    items = parse_seed(text)
    document = new_document(plain(items[1].text) if len(items) > 1 else "")
    leading = True  # the capitalised lines that open the minutes: document type, then caption
    i = 0
    while i < len(items):
        item = items[i]
        if item.kind == "row":
            j = i
            while j < len(items) and items[j].kind == "row":
                j += 1
            add_attendance(document, attendance_rows(items[i:j]))
            i = j
            continue
        leading = leading and item.kind == "text" and len(item.lines) == 1 and is_caps(item.text)
        if leading:
            add_item(document, item, "Title" if i == 0 else "Heading 1")
        elif item.kind == "numbered" and item.level == 0 and len(item.lines) == 1 and len(item.text) < 90:
            add_item(document, item, "Heading 2")  # agenda item
        else:
            add_item(document, item)
        i += 1
    return document
