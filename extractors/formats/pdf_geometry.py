"""Table grids of a PDF page without pdfminer: pdfplumber's pure table geometry (words,
edge snapping and merging, intersections, cells, word alignment) run on the drawn edges of
``pdf_paths`` and on pdfium's characters.

Where pdfplumber's generic code was most of the table search's time, its functions are
ported for the settings used here (``TOLERANCE``), each giving pdfplumber's results in
its order (tests compare them with pdfplumber's own): word and text extraction, word
edges, snapping, intersections, cells and tables."""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from itertools import groupby
from math import isnan
from operator import itemgetter
from typing import Any, Callable

from pdfplumber import table as plumber_table
from pdfplumber import utils as plumber_utils
from pdfplumber.utils.text import LIGATURES

from .pdf_paths import Box

TOLERANCE = 3  # pdfplumber's defaults: snapping, joining, intersections, word gaps
MIN_EDGE = 3  # shorter merged edges are no rules
MIN_WORDS_VERTICAL = 3  # words sharing an x that make an implied column edge
MAX_CROSSINGS = 20_000  # more level x plumb edge pairs than this (a 141 x 141 grid): no table either
_UPRIGHT, _TEXT, _FIRST = itemgetter("upright"), itemgetter("text"), itemgetter(0)
_X0, _X1, _TOP, _BOTTOM = itemgetter("x0"), itemgetter("x1"), itemgetter("top"), itemgetter("bottom")
_BOX = itemgetter("x0", "top", "x1", "bottom")
# how pdfplumber reads upright and turned text: the key of a line (a column of turned text),
# the order in it, a character's start and end along it, its position across it, the direction
_READING = {True: (_TOP, itemgetter("x0", "x0"), "x0", "x1", "top", "ltr"),
            False: (_X0, itemgetter("top", "bottom"), "top", "bottom", "x0", "ttb")}


class Centres:
    """Objects (characters, words) by the height of their centre, so the ones centred in a
    box are found by bisection in its band instead of by a scan of all of them."""

    def __init__(self, objects: list[dict[str, Any]]) -> None:
        ys = [(o["top"] + o["bottom"]) / 2 for o in objects]
        self.objects = objects
        self.xs = [(o["x0"] + o["x1"]) / 2 for o in objects]
        if isnan(sum(ys) + sum(self.xs)):  # a NaN centre is in no box, and would unsettle the sort
            kept = [k for k in range(len(objects)) if ys[k] == ys[k] and self.xs[k] == self.xs[k]]
            self.order = sorted(kept, key=ys.__getitem__)
            self.heights = [ys[k] for k in self.order]
        else:
            self.order = sorted(range(len(objects)), key=ys.__getitem__)  # stable: ties keep the objects' order
            self.heights = sorted(ys)

    def within(self, box: Box, *, closed: bool = True) -> list[int]:
        """Indices, in the objects' order, of those whose centre lies in ``box``: on any of
        its edges too (``closed``), or not on its right and bottom ones (pdfplumber's cells)."""
        x0, top, x1, bottom = box
        xs, low = self.xs, bisect_left(self.heights, top)
        if closed:
            return sorted([k for k in self.order[low:bisect_right(self.heights, bottom)] if x0 <= xs[k] <= x1])
        return sorted([k for k in self.order[low:bisect_left(self.heights, bottom)] if x0 <= xs[k] < x1])


class PageText:
    """Positioned characters of a page or of a part of it, and their words. A part (a
    crop) finds its characters and its words in its page's when first asked for them:
    the text-aligned table search reads only words."""

    def __init__(self, chars: list[dict[str, Any]] | None, cropped_from: tuple[PageText, Box] | None = None) -> None:
        self._chars = chars
        self._words: list[dict[str, Any]] | None = None
        self._cropped_from = cropped_from
        self._char_centres: Centres | None = None
        self._word_centres: Centres | None = None

    def crop(self, box: Box) -> PageText:
        """The characters and the words whose centre lies in ``box``: a glyph overhanging a
        rule stays whole, and so does a word running out of a table's box."""
        return PageText(None, cropped_from=(self, box))

    @property
    def chars(self) -> list[dict[str, Any]]:
        if self._chars is None:
            page, box = self._cropped_from  # type: ignore[misc]
            self._chars = [page.chars[k] for k in page.char_centres().within(box)]
        return self._chars

    def char_centres(self) -> Centres:
        if self._char_centres is None:
            self._char_centres = Centres(self.chars)
        return self._char_centres

    def words(self) -> list[dict[str, Any]]:
        if self._words is None:
            if self._cropped_from is None:
                self._words = extract_words(self.chars)
            else:
                page, box = self._cropped_from
                words = page.words()
                self._words = [words[k] for k in page.word_centres().within(box)]
        return self._words

    def word_centres(self) -> Centres:
        if self._word_centres is None:
            self._word_centres = Centres(self.words())
        return self._word_centres

    def text(self) -> str:
        return extract_text(self.chars)


def extract_words(chars: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """pdfplumber's ``extract_words`` with ``TOLERANCE`` and its other defaults, the same
    words in the same order: its generators and calls per character were most of the
    table search's time."""
    return _read_words(chars, _merge)


def extract_text(chars: list[dict[str, Any]]) -> str:
    """pdfplumber's ``extract_text`` (not laid out) with ``TOLERANCE``: words joined by
    spaces in lines of close tops, lines by newlines."""
    words = _read_words(chars, _top_and_text)  # all a text needs of a word
    return "\n".join(" ".join(w[1] for w in line) for line in _clusters(words, _FIRST))


def _read_words(chars: list[dict[str, Any]], merge: Callable[[list[dict[str, Any]], str], Any]) -> list[Any]:
    """Each word's characters through ``merge``, in pdfplumber's order of words."""
    words = []
    for upright, run in groupby(chars, _UPRIGHT):
        line_key, order, along, end, across, direction = _READING[bool(upright)]
        for line in _clusters(list(run), line_key):
            words.extend(merge(word, direction) for word in _split(sorted(line, key=order), along, end, across))
    return words


def _clusters(objects: list[Any], key: Any, tolerance: float = TOLERANCE) -> list[list[Any]]:
    """pdfplumber's ``cluster_objects``: objects whose ``key`` values chain within
    ``tolerance`` of each other, clusters in the order of their values, each in the
    objects' order."""
    keys = [key(o) for o in objects]
    cluster: dict[Any, int] = {}
    count, last = 0, None
    for value in sorted(set(keys)):
        if last is None or not value <= last + tolerance:
            count += 1
        cluster[value] = count - 1
        last = value
    if count == 1:
        return [list(objects)]  # most cells hold one line
    groups: list[list[Any]] = [[] for _ in range(count)]
    for o, k in zip(objects, keys):
        groups[cluster[k]].append(o)
    return groups


def _split(chars: list[dict[str, Any]], along: str, end: str, across: str) -> list[list[dict[str, Any]]]:
    """pdfplumber's ``iter_chars_to_words`` on a sorted line: a word ends at a blank, where
    the next character goes back, leaves a gap over ``TOLERANCE`` or strays off the line."""
    words: list[list[dict[str, Any]]] = []
    current: list[dict[str, Any]] = []
    prev: dict[str, Any] = {}
    for c in chars:
        text = c["text"]
        if not text or text.isspace():
            if current:
                words.append(current)
            current = []
            if not text:  # pdfplumber's split_at_punctuation="" holds an empty text: a word alone
                words.append([c])
            continue
        if current and (c[along] < prev[along] or c[along] > prev[end] + TOLERANCE
                        or abs(c[across] - prev[across]) > TOLERANCE):
            words.append(current)
            current = [c]
        else:
            current.append(c)
        prev = c
    if current:
        words.append(current)
    return words


def _merge(chars: list[dict[str, Any]], direction: str) -> dict[str, Any]:
    """pdfplumber's ``merge_chars``: a word's text and box."""
    first = chars[0]
    x0, top, x1, bottom = _bbox(chars)
    return {"text": _text(chars), "x0": x0, "x1": x1,
            "top": top, "doctop": top + (first["doctop"] - first["top"]), "bottom": bottom,
            "upright": first["upright"], "height": bottom - top, "width": x1 - x0, "direction": direction}


def _top_and_text(chars: list[dict[str, Any]], direction: str) -> tuple[float, str]:
    return min(map(_TOP, chars)), _text(chars)


def _text(chars: list[dict[str, Any]]) -> str:
    """A word's text, ligatures spelt out (pdfplumber's ``or ""`` is moot: a text is a
    string, as pdfplumber needs it to be, and an empty one is a word alone)."""
    texts = list(map(_TEXT, chars))
    return "".join(map(LIGATURES.get, texts, texts))


def grid_tables(page: PageText, edges: list[dict[str, Any]] | None) -> list[plumber_table.Table]:
    """pdfplumber's table finder with its default settings: from drawn ``edges``, or, when
    None, from edges implied by the words' alignment (its "text" strategy)."""
    if edges is None:
        found = words_to_edges_v(page.words()) + words_to_edges_h(page.words())
    else:
        found = plumber_utils.filter_edges(edges, "v") + plumber_utils.filter_edges(edges, "h")
    merged = plumber_table.merge_edges(snap_edges(found), 0, 0, TOLERANCE, TOLERANCE)  # snapped already
    merged = plumber_utils.filter_edges(merged, min_length=MIN_EDGE)
    across = sum(1 for e in merged if e["orientation"] == "h")
    if across * (len(merged) - across) > MAX_CROSSINGS:
        return []  # graph paper, hatching: the cell search grows with the square of the crossings
    tables = cells_to_tables(intersections_to_cells(crossings(merged)))
    return [plumber_table.Table(page, group) for group in tables]  # type: ignore[arg-type]


def words_to_edges_v(words: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """pdfplumber's ``words_to_edges_v`` (``MIN_WORDS_VERTICAL`` words make a column): the
    boxes of the largest groups of words whose left, right or centre lie within 1 pt,
    none overlapping a larger one, give plumb edges at their left sides and one at the
    right of them all, each spanning all of them."""
    groups = _clusters(words, _X0, 1) + _clusters(words, _X1, 1) + _clusters(words, _centre, 1)
    columns: list[Box] = []
    for group in sorted(groups, key=lambda g: -len(g)):
        if len(group) < MIN_WORDS_VERTICAL:
            break  # the rest are no larger
        box = _bbox(group)
        if not any(_overlap(box, c) for c in columns):
            columns.append(box)
    if not columns:
        return []
    columns.sort(key=_FIRST)
    right, top, bottom = max(c[2] for c in columns), min(c[1] for c in columns), max(c[3] for c in columns)
    return [{"x0": x, "x1": x, "top": top, "bottom": bottom, "height": bottom - top, "orientation": "v"}
            for x in [c[0] for c in columns] + [right]]


def words_to_edges_h(words: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """pdfplumber's ``words_to_edges_h`` (one word makes a row): a level edge across all
    the words at the top and at the bottom of each line of them (tops within 1 pt)."""
    lines = [_bbox(line) for line in _clusters(words, _TOP, 1)]
    if not lines:
        return []
    left, right = min(b[0] for b in lines), max(b[2] for b in lines)
    return [{"x0": left, "x1": right, "top": y, "bottom": y, "width": right - left, "orientation": "h"}
            for b in lines for y in (b[1], b[3])]


def _centre(word: dict[str, Any]) -> float:
    return (word["x0"] + word["x1"]) / 2


def _bbox(objects: list[dict[str, Any]]) -> Box:
    """pdfplumber's ``objects_to_bbox``: the box round all of the objects."""
    return min(map(_X0, objects)), min(map(_TOP, objects)), max(map(_X1, objects)), max(map(_BOTTOM, objects))


def _overlap(a: Box, b: Box) -> bool:
    """pdfplumber's ``get_bbox_overlap`` as a yes or no: boxes sharing more than a point."""
    width, height = min(a[2], b[2]) - max(a[0], b[0]), min(a[3], b[3]) - max(a[1], b[1])
    return height >= 0 and width >= 0 and height + width > 0


def snap_edges(edges: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """pdfplumber's ``snap_edges`` with ``TOLERANCE``, on edges as this module and
    pdfplumber's word edges make them (no ``y0``, ``y1``): edges whose lines lie within it
    of each other moved onto their mean line, as new edges, plumb ones first."""
    plumb = _snap([e for e in edges if e["orientation"] == "v"], _X0, ("x0", "x1"))
    return plumb + _snap([e for e in edges if e["orientation"] == "h"], _TOP, ("top", "bottom", "doctop"))


def _snap(edges: list[dict[str, Any]], line: Any, moved: tuple[str, ...]) -> list[dict[str, Any]]:
    out = []
    for group in _clusters(edges, line):
        mean = sum(map(line, group)) / len(group)
        for e in group:
            shift = mean - line(e)
            out.append({**e, **{k: e[k] + shift for k in moved if k in e}})
    return out


Point = tuple[float, float]
Crossings = dict[Point, tuple[set[int], set[int]]]


def crossings(edges: list[dict[str, Any]]) -> Crossings:
    """pdfplumber's ``edges_to_intersections`` with ``TOLERANCE``: where a plumb edge meets
    a level one, the ids of the plumb and of the level edges there (one id per box, as
    pdfplumber compares edges by their boxes). A plumb edge looks only at the level ones
    in its span, found by bisection in their heights."""
    ids: dict[Box, int] = {}
    level = sorted((e for e in edges if e["orientation"] == "h" and e["top"] == e["top"]), key=_TOP)  # no NaN
    heights = [e["top"] for e in level]
    points: Crossings = {}
    for v in (e for e in edges if e["orientation"] == "v"):
        x, top, bottom = v["x0"], v["top"], v["bottom"]
        plumb = ids.setdefault(_BOX(v), len(ids))
        # a point more each way than the tolerance, so rounding cannot drop one; the exact test follows
        for h in level[bisect_left(heights, top - TOLERANCE - 1):bisect_right(heights, bottom + TOLERANCE + 1)]:
            y = h["top"]
            if (top <= y + TOLERANCE and bottom >= y - TOLERANCE
                    and x >= h["x0"] - TOLERANCE and x <= h["x1"] + TOLERANCE):
                there = points.setdefault((x, y), (set(), set()))
                there[0].add(plumb)
                there[1].add(ids.setdefault(_BOX(h), len(ids)))
    return points


def intersections_to_cells(points: Crossings) -> list[Box]:
    """pdfplumber's ``intersections_to_cells``, the same cells in the same order: from each
    point, the nearest point below on a shared plumb edge whose row meets a point to the
    right on a shared level edge, closing a box with edges on all four sides."""
    columns: dict[float, list[Point]] = {}
    rows: dict[float, list[Point]] = {}
    at: dict[Point, tuple[int, int]] = {}  # a point's place in its column and in its row
    for p in sorted(points):  # by x, then y: each column runs down, each row to the right
        column, row = columns.setdefault(p[0], []), rows.setdefault(p[1], [])
        at[p] = (len(column), len(row))
        column.append(p)
        row.append(p)
    cells = []
    for (x, y), (down, across) in at.items():
        plumb, level = points[(x, y)]
        right = rows[y][across + 1:]
        for below in columns[x][down + 1:]:
            if plumb.isdisjoint(points[below][0]):
                continue
            corner = next((r for r in right if not level.isdisjoint(points[r][1]) and _closes(points, r, below)),
                          None)
            if corner is not None:
                cells.append((x, y, corner[0], below[1]))
                break
            if all(level.isdisjoint(points[r][1]) for r in right):
                break  # nothing to the right on a shared edge: no cell starts here, however far down one looks
    return cells


def _closes(points: Crossings, right: Point, below: Point) -> bool:
    """Is there a point under ``right`` and level with ``below`` that shares an edge with each?"""
    corner = points.get((right[0], below[1]))
    return (corner is not None and not corner[0].isdisjoint(points[right][0])
            and not corner[1].isdisjoint(points[below][1]))


def cells_to_tables(cells: list[Box]) -> list[list[Box]]:
    """pdfplumber's ``cells_to_tables``, the same tables with their cells in the same order:
    cells that share corners, gathered in passes over the cells left until one adds none;
    a pass keeps what it leaves instead of removing each cell it takes from a list."""
    remaining, tables = list(cells), []
    while remaining:
        corners: set[Point] = set()
        table: list[Box] = []
        while True:
            left = []
            for cell in remaining:
                x0, top, x1, bottom = cell
                box_corners = ((x0, top), (x0, bottom), (x1, top), (x1, bottom))
                if not table or not corners.isdisjoint(box_corners):
                    corners.update(box_corners)
                    table.append(cell)
                else:
                    left.append(cell)
            grew, remaining = len(left) < len(remaining), left
            if not grew or not remaining:
                break
        tables.append(table)
    tables.sort(key=lambda t: min((c[1], c[0]) for c in t))
    return [t for t in tables if len(t) > 1]


def in_cells(objects: Centres, rows: list[list[Box | None]], *,
             first_cell: bool = False) -> list[list[list[dict[str, Any]]]]:
    """For every cell of ``rows``, the objects (characters, words) whose centre lies in it,
    as pdfplumber tests it (right and bottom edges excluded), in the objects' order;
    ``first_cell``: an object goes only to the first cell of a row that holds it."""
    out = []
    for cells in rows:
        taken: set[int] = set()
        found_row = []
        for cell in cells:
            found: list[int] = []
            if cell is not None:
                found = objects.within(cell, closed=False)
                if first_cell:
                    found = [k for k in found if k not in taken]
                    taken.update(found)
            found_row.append([objects.objects[k] for k in found])
        out.append(found_row)
    return out


def cell_texts(page: PageText, rows: list[list[Box | None]]) -> list[list[str | None]]:
    """pdfplumber's ``Table.extract`` of a table's ``rows`` of cells, the same texts, with
    each cell's characters found in its band of the page instead of by a scan of the page
    per row."""
    return [[None if cell is None else extract_text(chars) for cell, chars in zip(cells, found)]
            for cells, found in zip(rows, in_cells(page.char_centres(), rows))]
