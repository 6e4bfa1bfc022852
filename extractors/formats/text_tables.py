"""Tables written in plain text: ASCII grids, HTML fragments and space-aligned columns.

ASCII grids are what psql, the MySQL client, Emacs org/table.el and pandoc print::

    +----+-----------------+        id | name          | Ajankohta | Toimenpide |
    | #  | Action          |       ----+-------        |-----------+------------|
    +====+=================+         1 | Aino          | tammikuu  | Kysely     |
    | 1  | Circulate the   |         2 | Eero
    |    | report          |       (2 rows)
    +----+-----------------+

A separator line (``+---+``, ``---+---``, ``|---|---|``) gives the column edges; a cell
wrapped over several physical lines is joined back into one cell.
"""
from __future__ import annotations

import re

from .text_inline import cell_text

# A separator: dashes or equals signs between joints, with at least one joint (+ or |)
SEP = re.compile(r"^\s*(?=.*[+|])[+|]?\s*:?[-=]{2,}:?\s*(?:[+|]\s*:?[-=]{2,}:?\s*)*[+|]?\s*$")
OUTER_ROW = re.compile(r"^\s*\|.*\|\s*$")
ROW_RE = re.compile(r"<tr\b[^>]*>(.*?)</tr\s*>", re.I | re.S)
CELL_RE = re.compile(r"<t([dh])\b([^>]*)>(.*?)</t[dh]\s*>", re.I | re.S)
SPAN_RE = re.compile(r"colspan\s*=\s*[\"']?(\d+)", re.I)
HEADER_LINES = 6  # a wrapped header may fill a few lines above its rule
FAR = 1 << 30  # the open right edge of a table without outer pipes


def grid_table(lines: list[str], i: int) -> tuple[list[list[str]], int] | None:
    """The ASCII-grid table that starts at line ``i``: its rows and the index of the line after it.

    Rows of a grid hold pipes; at least one separator line must be among them, so a
    lone ``| a | b |`` line or a ``----`` rule is not a grid.
    """
    if "|" not in lines[i] and not SEP.match(lines[i]):
        return None
    first = next((k for k in range(i, min(i + HEADER_LINES + 1, len(lines)))
                  if SEP.match(lines[k]) or not lines[k].strip() or "|" not in lines[k]), None)
    if first is None or not SEP.match(lines[first]):
        return None
    if first > i + 1 and not (OUTER_ROW.match(lines[i]) and lines[first].strip()[0] in "+|"):
        return None  # without outer pipes (psql) the rule sits right under the one header line
    j = first
    while j < len(lines) and lines[j].strip() and ("|" in lines[j] or SEP.match(lines[j])):
        j += 1
    outer = lines[first].strip()[0] in "+|"
    end = i
    while end < j and (SEP.match(lines[end]) or not outer or OUTER_ROW.match(lines[end])):
        end += 1
    block = [lines[k].expandtabs(8).rstrip() for k in range(i, end)]
    if end <= first or all(SEP.match(x) for x in block):
        return None
    return _rows(block, outer), end


def _rows(block: list[str], outer: bool) -> list[list[str]]:
    seps = [x for x in block if SEP.match(x)]
    by_position = any("+" in x.strip()[1:-1] for x in seps)  # only '+' joints mark real column edges
    edges = sorted({k for x in seps for k, ch in enumerate(x) if ch in "+|"})
    if not outer:
        edges = [-1, *edges, FAR]
    groups: list[list[list[str]]] = [[]]
    header_rule = False
    for x in block:
        if SEP.match(x):
            header_rule = header_rule or "=" in x
            if groups[-1]:
                groups.append([])
        else:
            groups[-1].append(_cells(x, edges, outer, by_position))
    groups = [g for g in groups if g]
    body = groups[1:] if len(groups) > 1 else groups
    # pandoc and table.el draw a border after every row: then a group of lines is one row;
    # psql and MySQL draw one under the header only, and a row per line
    per_group = header_rule or len(body) >= 3 or (len(body) == 2 and len(body[-1]) > 1)
    rows: list[list[str]] = []
    for n, group in enumerate(groups):
        if per_group:
            rows.append(_join(group))
        else:
            rows.extend(_unwrap(group))
    return rows


def _cells(line: str, edges: list[int], outer: bool, by_position: bool) -> list[str]:
    """One physical line cut at the column edges; a cell spanning columns is repeated."""
    ncols = len(edges) - 1
    if by_position:
        pipes = {k for k, ch in enumerate(line) if ch == "|"}
        cut = [n for n, e in enumerate(edges) if e in (-1, FAR) or e in pipes]
        if cut and cut[0] == 0 and cut[-1] == ncols and (len(cut) == len(edges) or pipes <= set(edges)):
            cells: list[str] = []
            for a, b in zip(cut, cut[1:]):
                cells.extend([cell_text(line[edges[a] + 1:edges[b]])] * (b - a))
            return cells
    text = line.strip()
    if outer:
        text = text[1:-1] if text.endswith("|") else text[1:]
    cells = [cell_text(c) for c in text.split("|")]
    return cells + [""] * (ncols - len(cells))


def _join(lines: list[list[str]]) -> list[str]:
    """The physical lines of one row joined cell by cell."""
    row = lines[0]
    for cells in lines[1:]:
        row = [_wrap(a, b) for a, b in zip(row, cells)] + row[len(cells):] + cells[len(row):]
    return row


def _unwrap(lines: list[list[str]]) -> list[list[str]]:
    """One row per line, but a line with an empty key cell and few cells continues the row above."""
    rows: list[list[str]] = []
    for cells in lines:
        filled = sum(1 for c in cells if c)
        if rows and rows[-1][0] and not cells[0] and 0 < filled <= len(cells) // 2:
            rows[-1] = _join([rows[-1], cells])
        else:
            rows.append(cells)
    return rows


def _wrap(a: str, b: str) -> str:
    """Two physical lines of one cell as one text."""
    if not a or not b:
        return a or b
    if a.endswith("+") and not a.endswith("++"):
        return a[:-1].rstrip() + "\n" + b  # psql marks a line break inside a value with "+"
    return a + b if a.endswith("-") else a + " " + b  # "ARVO-" + "hanke": the hyphen was the wrap


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
