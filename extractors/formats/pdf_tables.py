"""Tables of a PDF page from pypdfium2's characters and drawn edges (``pdf_paths.py``),
through pdfplumber's table geometry (``pdf_geometry.py``): ruled tables from drawn lines and
boxes, with merged cells resolved; text-aligned tables from column gutters. pdfplumber never parses
the page (pdfminer was most of the reader's time); only its pure functions run."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .pdf_geometry import PageText, cell_texts, grid_tables, in_cells
from .pdf_paths import Box

NEAR = 1.0  # points: a word this close to a column edge does not cross it


@dataclass
class TableRegion:
    """A table's rows and its box (points, y down from the page's top)."""

    x0: float
    top: float
    x1: float
    bottom: float
    rows: list[list[str]]

    def holds(self, x0: float, top: float, x1: float, bottom: float) -> bool:
        """Is the centre of this box inside the table?"""
        cx, cy = (x0 + x1) / 2, (top + bottom) / 2
        return self.x0 <= cx <= self.x1 and self.top <= cy <= self.bottom


def find_tables(chars: list[dict[str, Any]], edges: list[dict[str, Any]],
                column_rows: list[Box]) -> list[TableRegion]:
    """Ruled tables; when they miss most of ``column_rows`` (boxes of text lines that look
    like rows of cells), tables of aligned text columns instead, if they cover more.
    An error in the geometry costs the page its tables, not its text."""
    try:
        return _find(PageText(chars), edges, column_rows)
    except (ValueError, ArithmeticError, AssertionError, IndexError, KeyError):
        return []  # pdfplumber's geometry asserts and divides on degenerate input


def _find(page: PageText, edges: list[dict[str, Any]], column_rows: list[Box]) -> list[TableRegion]:
    ruled = []
    for table in grid_tables(page, edges):
        rows = _ruled_rows(page, table)
        if _acceptable(rows, min_rows=2, min_cols=2):
            ruled.append(TableRegion(*table.bbox, rows=rows))
    if len(column_rows) < 3 or _covered(ruled, column_rows) >= 0.5:
        return ruled
    aligned = []
    for table in grid_tables(page, None):
        region = _gutter_table(page, table.bbox)
        if region and _acceptable(region.rows, min_rows=3, min_cols=2):
            aligned.append(_recut(page, region))
    return aligned if _covered(aligned, column_rows) > _covered(ruled, column_rows) else ruled


def _covered(regions: list[TableRegion], boxes: list[Box]) -> float:
    return sum(1 for b in boxes if any(r.holds(*b) for r in regions)) / max(1, len(boxes))


def _acceptable(rows: list[list[str]], *, min_rows: int, min_cols: int) -> bool:
    """A real table: enough rows that have enough filled cells (boxed prose has one column)."""
    full = [r for r in rows if sum(1 for c in r if c.strip()) >= min_cols]
    return len(full) >= min_rows


def _ruled_rows(page: PageText, table: Any) -> list[list[str]]:
    """Cell texts; a cell spanning columns is split at the column edges when no word
    crosses them (a missing rule), else its text is repeated (a real merged cell)."""
    grid = [row.cells for row in table.rows]  # pdfplumber's rows are made anew at each use
    texts = cell_texts(page, grid)
    columns = _column_edges(grid)
    rows = []
    for cells, values in zip(grid, texts):
        out: list[str] = []
        k = 0
        while k < len(cells):
            span = 1
            while k + span < len(cells) and cells[k + span] is None:
                span += 1
            value = values[k] or ""
            if span > 1 and cells[k] is not None:
                out.extend(_split_span(page, cells[k], columns[k:k + span], value))
            else:
                out.extend([value] * span)
            k += span
        rows.append(out)
    return rows


def _column_edges(grid: list[list[Box | None]]) -> list[tuple[float, float] | None]:
    """Left and right edge of every grid column, from the rows where it has its own cell."""
    width = max(len(cells) for cells in grid)
    edges: list[tuple[float, float] | None] = []
    for j in range(width):
        boxes = [box for cells in grid if j < len(cells) and (box := cells[j]) is not None
                 and (j + 1 >= len(cells) or cells[j + 1] is not None)]
        edges.append((min(b[0] for b in boxes), max(b[2] for b in boxes)) if boxes else None)
    return edges


def _split_span(page: PageText, box: Box, columns: list[tuple[float, float] | None], value: str) -> list[str]:
    if any(c is None for c in columns):
        return [value] * len(columns)
    bounds = [c[0] for c in columns[1:]]  # type: ignore[index]
    words = page.crop(box).words()
    # a word crosses a column edge only by more than rounding: text set flush against a
    # rule may start a hair left of it
    if not words or any(w["x0"] + NEAR < b < w["x1"] - NEAR for w in words for b in bounds):
        return [value] * len(columns)
    parts = []
    for j, col in enumerate(columns):
        x0 = box[0] if j == 0 else col[0]  # type: ignore[index]
        x1 = box[2] if j == len(columns) - 1 else columns[j + 1][0]  # type: ignore[index]
        parts.append(page.crop((x0, box[1], x1, box[3])).text())
    return parts if sum(1 for p in parts if p.strip()) >= 2 else [value] * len(columns)


def _gutter_table(page: PageText, bbox: Box) -> TableRegion | None:
    """The longest run of lines in ``bbox`` that have column gutters (gaps of 1.5 line heights
    between words), cut into cells at the gutters and aligned to common column starts.
    pdfplumber's text strategy alone runs on into headings and paragraphs around a table,
    and ends a ragged last column at its aligned words: a row's text runs on past ``bbox``
    up to the next gutter."""
    lines = [_run_on(w, bbox[2]) for w in _word_lines(page.crop((bbox[0], bbox[1], float("inf"), bbox[3])).words())]
    runs: list[list[list[list[dict[str, Any]]]]] = [[]]
    for words in lines:
        groups = _gutter_groups(words)
        height = words[0]["bottom"] - words[0]["top"]
        wrapped = runs[-1] and len(groups) == 1 and groups[0][0]["x0"] > runs[-1][-1][0][0]["x0"] + 1.5 * height
        if len(groups) >= 2 or wrapped:  # a lone piece indented into a later column wraps a cell
            runs[-1].append(groups)
        elif runs[-1]:
            runs.append([])
    best = max(runs, key=len)
    if len(best) < 3:
        return None
    height = max(w["bottom"] - w["top"] for g in best for c in g for w in c)
    starts: list[float] = []
    for x in sorted(c[0]["x0"] for g in best for c in g):
        if not starts or x - starts[-1] > 1.5 * height:
            starts.append(x)
    rows: list[list[str]] = []
    for groups in best:
        row = [""] * len(starts)
        for c in groups:
            col = max(i for i, x in enumerate(starts) if x <= c[0]["x0"] + 1.5 * height)
            row[col] = (row[col] + " " + " ".join(w["text"] for w in c)).strip()
        filled = [i for i, cell in enumerate(row) if cell]
        if rows and len(filled) == 1 and filled[0] > 0:  # the wrapped rest of a cell above
            rows[-1][filled[0]] = f"{rows[-1][filled[0]]} {row[filled[0]]}".strip()
            continue
        rows.append(row)
    top = min(w["top"] for c in best[0] for w in c)
    bottom = max(w["bottom"] for c in best[-1] for w in c)
    right = max([bbox[2]] + [w["x1"] for g in best for c in g for w in c])
    return TableRegion(bbox[0], top - 1, right, bottom + 1, rows=rows)


def _run_on(words: list[dict[str, Any]], right: float) -> list[dict[str, Any]]:
    """A line's words up to ``right``, and after it as long as no gutter comes."""
    kept = [w for w in words if w["x0"] <= right]
    for w in words[len(kept):]:
        if not kept or w["x0"] - kept[-1]["x1"] > 1.5 * (w["bottom"] - w["top"]):
            break
        kept.append(w)
    return kept


def _recut(page: PageText, region: TableRegion) -> TableRegion:
    """Text-aligned columns again, on the table's own lines only (columns found over the
    surrounding prose cut words apart); kept when it holds the same words and fills at
    least as many cells."""
    crop = page.crop((region.x0, region.top, region.x1, region.bottom))
    found = grid_tables(crop, None)
    if not found:
        return region
    table = max(found, key=lambda t: len(t.rows))
    rows = _aligned_rows(crop, table)
    filled = sum(1 for r in rows for c in r if c)
    words = sorted(w for r in rows for c in r for w in c.split())
    if (words != sorted(w for r in region.rows for c in r for w in c.split())
            or filled < sum(1 for r in region.rows for c in r if c)):
        return region
    return TableRegion(region.x0, region.top, region.x1, region.bottom, rows=rows)


def _aligned_rows(page: PageText, table: Any) -> list[list[str]]:
    """Cells from text alignment: whole words go to the cell holding their centre
    (pdfplumber's own cut can split a word that overhangs a column edge)."""
    words = page.crop(table.bbox).word_centres()
    found = in_cells(words, [row.cells for row in table.rows], first_cell=True)
    return [[" ".join(w["text"] for w in cell) for cell in row] for row in found if any(row)]


def _word_lines(words: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    """Words grouped into lines by their vertical position, each line sorted left to right."""
    lines: list[list[dict[str, Any]]] = []
    for w in sorted(words, key=lambda w: (round(w["top"]), w["x0"])):
        if lines and abs(lines[-1][0]["top"] - w["top"]) < 0.5 * (w["bottom"] - w["top"]):
            lines[-1].append(w)
        else:
            lines.append([w])
    return [sorted(line, key=lambda w: w["x0"]) for line in lines]


def _gutter_groups(words: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    """A line's words split where the gap between neighbours is a column gutter."""
    groups = [[words[0]]]
    for prev, cur in zip(words, words[1:]):
        if cur["x0"] - prev["x1"] > 1.5 * (prev["bottom"] - prev["top"]):
            groups.append([cur])
        else:
            groups[-1].append(cur)
    return groups
