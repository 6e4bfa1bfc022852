"""Characters of a PDF page through pypdfium2: text lines with their geometry for the
layout, and pdfplumber-shaped characters for the table search.

Every question to pdfium is a ctypes call, and a page has thousands of characters, so
each character is asked only for its box and its text object, through prototypes that
skip ctypes' argument checks; size and direction belong to the text object and are
looked up once for it, weight once per font.
"""
from __future__ import annotations

import ctypes
from itertools import chain, repeat
from operator import gt, itemgetter, sub
from typing import Any

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from .pdf_paths import Matrix, concat, unchecked
from .pdf_layout import Line
from .pdf_text import SPACING_MARKS, attach_marks, recompose_marks

# A character record: [char, left, right, bottom, top, size, index, turn, text object],
# PDF space (y up); a space has no geometry (it only separates words)
Char = list[Any]
Turn = tuple[float, float, float, float]  # the text matrix without its offset
UPRIGHT: Turn = (1.0, 0.0, 0.0, 1.0)
DESCENT = 0.2  # share of the font size below the baseline, for a table character's box
BOLD_NAMES = ("bold", "black", "heavy", "semibold", "demi")
# U+00AD in a PDF is a drawn glyph (the soft hyphen was already resolved when the page
# was typeset), and pdfium writes a line-end hyphen as U+0002 (or U+FFFE)
HYPHEN_GLYPHS = {"\u00ad": "-", "\u0002": "-", "\ufffe": "-"}
_CHAR, _LEFT, _RIGHT, _BOTTOM, _TOP, _SIZE = (itemgetter(k) for k in range(6))

_char_box = unchecked(pdfium_c.FPDFText_GetCharBox, ctypes.c_int)
_loose_box = unchecked(pdfium_c.FPDFText_GetLooseCharBox, ctypes.c_int)
_origin = unchecked(pdfium_c.FPDFText_GetCharOrigin, ctypes.c_int)
# the text object as a plain address: the characters of one object share a cache entry
_text_object = unchecked(pdfium_c.FPDFText_GetTextObject, ctypes.c_void_p)
_font_size = unchecked(pdfium_c.FPDFText_GetFontSize, ctypes.c_double)
_matrix = unchecked(pdfium_c.FPDFText_GetMatrix, ctypes.c_int)
_font = unchecked(pdfium_c.FPDFTextObj_GetFont, ctypes.c_void_p)
_font_weight = unchecked(pdfium_c.FPDFText_GetFontWeight, ctypes.c_int)
_font_info = unchecked(pdfium_c.FPDFText_GetFontInfo, ctypes.c_ulong)


def _handle(textpage: pdfium.PdfTextPage) -> ctypes.c_void_p:
    return ctypes.c_void_p(ctypes.cast(textpage.raw, ctypes.c_void_p).value)


def text_lines(textpage: pdfium.PdfTextPage, page_top: float, chars: list[Char] | None = None) -> list[Line]:
    """The page's text lines in pdfium's reading order, diacritics recomposed; ``chars``,
    if given, receives every character's record, for ``table_chars``."""
    bold: dict[int, bool] = {}
    bold_objects: dict[int, bool] = {}
    lines = []
    groups = _read_chars(textpage)
    at = _handle(textpage)
    for group in groups:
        line = _make_line(at, group, page_top, bold, bold_objects)
        if line:
            lines.append(line)
    if chars is not None:
        chars.extend(chain.from_iterable(groups))
    return lines


def _read_chars(textpage: pdfium.PdfTextPage) -> list[list[Char]]:
    """Character records grouped into pdfium's lines, in page order."""
    n = textpage.count_chars()
    if n <= 0:
        return []
    text = textpage.get_text_range()
    if len(text) != n:
        text = "".join(chr(pdfium_c.FPDFText_GetUnicode(textpage.raw, i)) for i in range(n))
    # one array for the box, read back in one step (four ctypes ``.value``s cost more)
    box = (ctypes.c_double * 4)()
    box_view = memoryview(box).cast("B").cast("d")
    at_left, at_right, at_bottom, at_top = (ctypes.byref(box, 8 * k) for k in range(4))
    at = _handle(textpage)
    char_box, text_object = _char_box, _text_object
    # a text object's matrix, asked once per object (a page may set each glyph as its own object)
    matrix = pdfium_c.FS_MATRIX()
    matrix_at, matrix_view = ctypes.byref(matrix), memoryview(matrix).cast("B").cast("f")
    styles: dict[int, tuple[float, Turn]] = {}
    lines: list[list[Char]] = []
    current: list[Char] = []
    base_at: int | None = None  # the character whose baseline the next one is compared with
    size_before = left_before = 0.0
    obj_before, size, turn = None, 0.0, UPRIGHT  # consecutive characters mostly share a text object
    for i, ch in enumerate(text):
        if ch.isspace():
            if ch == "\n":
                if current:
                    lines.append(current)
                    current, base_at = [], None
            elif ch != "\r":
                current.append([ch, 0.0, 0.0, 0.0, 0.0, 0.0, i, UPRIGHT, None])
            continue
        char_box(at, i, at_left, at_right, at_bottom, at_top)
        x, right, bottom, top = box_view
        obj = text_object(at, i)
        if obj != obj_before or not obj:
            style = styles.get(obj) if obj else None
            if style is None:
                style = _style(at, i, matrix_at, matrix_view)
                if obj:
                    styles[obj] = style
            size, turn = style
            obj_before = obj
        if ch not in SPACING_MARKS:
            # pdfium joins a line ending in a hyphen with the next one: split them again
            # where the text goes back left (x < left_before first: it is rare and cheap)
            # and the baseline drops (not at a superscript, nor in rotated text, whose
            # baseline runs up the page)
            if base_at is not None and x < left_before and current:
                em = size if size > size_before else size_before
                em = em if em > 1.0 else 1.0
                if x < left_before - 0.5 * em and abs(_baseline(at, i) - _baseline(at, base_at)) > 0.6 * em:
                    lines.append(current)
                    current = []
            base_at, size_before, left_before = i, size, x
        current.append([ch, x, right, bottom, top, size, i, turn, obj])
    if current:
        lines.append(current)
    return lines


def _baseline(textpage: ctypes.c_void_p, index: int) -> float:
    x, y = ctypes.c_double(), ctypes.c_double()
    _origin(textpage, index, ctypes.byref(x), ctypes.byref(y))
    return y.value


def _style(textpage: ctypes.c_void_p, index: int, matrix: Any, matrix_view: memoryview) -> tuple[float, Turn]:
    """The size a reader sees: pdfium's font size times the text matrix scale (Quartz and
    others set the font at 1 pt and scale it with the matrix); and the matrix's turn.
    ``matrix`` (an FS_MATRIX by reference) receives the matrix, read back through ``matrix_view``."""
    size = _font_size(textpage, index) or 0.0
    if not _matrix(textpage, index, matrix):
        return size, UPRIGHT
    a, b, c, d, _, _ = matrix_view
    scale = abs(a * d - b * c) ** 0.5
    return (size * scale if scale > 0 else size), (a, b, c, d)


def _make_line(textpage: ctypes.c_void_p, chars: list[Char], page_top: float, bold: dict[int, bool],
               bold_objects: dict[int, bool]) -> Line | None:
    text = "".join(map(_CHAR, chars))
    marks = not SPACING_MARKS.keys().isdisjoint(text)
    if marks:
        attach_marks(chars)
        text = "".join(map(_CHAR, chars))
    for glyph, hyphen in HYPHEN_GLYPHS.items():
        text = text.replace(glyph, hyphen)
    text = recompose_marks(text).strip()
    if not text:
        return None
    # a record with a box is a drawn character, unless an accent folded into its letter
    # left it blank
    visible = [c for c in chars if c[2] > c[1] and c[0].strip()] if marks else [c for c in chars if c[2] > c[1]]
    if not visible:
        return None
    lefts, rights = list(map(_LEFT, visible)), list(map(_RIGHT, visible))
    sizes = sorted(map(_SIZE, visible))
    size = sizes[len(sizes) // 2] or 10.0
    gaps = sum(map(gt, map(sub, lefts[1:], rights), repeat(1.5 * size)))  # next left - this right > 1.5 em
    # bold when two of the first, middle and last characters are: the third only decides a tie
    first, middle = (_is_bold(textpage, visible[k], bold, bold_objects) for k in (0, len(visible) // 2))
    return Line(
        text=text, x0=min(lefts), x1=max(rights),
        top=page_top - max(map(_TOP, visible)), bottom=page_top - min(map(_BOTTOM, visible)),
        size=round(size, 1), wide_gaps=gaps,
        bold=first if first == middle else _is_bold(textpage, visible[-1], bold, bold_objects),
    )


def _is_bold(textpage: ctypes.c_void_p, char: Char, cache: dict[int, bool], objects: dict[int, bool]) -> bool:
    """Is the character's font bold, by weight or by name? Both belong to the font, so the
    answer is cached per font (text objects are often single words sharing a few fonts),
    and per text object (a line's characters mostly share one)."""
    obj = char[8]
    found = objects.get(obj) if obj else None
    if found is not None:
        return found
    font = _font(ctypes.c_void_p(obj)) if obj else None
    found = cache.get(font) if font else None
    if found is None:
        if _font_weight(textpage, char[6]) >= 600:
            found = True
        else:
            buf = ctypes.create_string_buffer(128)
            flags = ctypes.c_int()
            _font_info(textpage, char[6], buf, ctypes.c_ulong(128), ctypes.byref(flags))
            name = buf.value.decode("latin-1", "replace").lower()
            found = any(w in name for w in BOLD_NAMES)
        if font:
            cache[font] = found
    if obj:
        objects[obj] = found
    return found


def table_chars(textpage: pdfium.PdfTextPage, chars: list[Char], view: Matrix) -> list[dict[str, Any]]:
    """pdfplumber-shaped characters (``text``, ``x0``, ``x1``, ``top``, ``bottom``, in
    ``view`` space) from ``text_lines``'s records, accents already folded in.

    x spans the glyph's advance (pdfium's loose box, as pdfminer has it), so word gaps
    and column edges do not move with each glyph's side bearings; y of upright text is
    one font size high on the baseline, so the characters of a line share their top. A
    space takes its place from the character before it: it only separates words.
    """
    out: list[dict[str, Any]] = []
    rect = pdfium_c.FS_RECTF()
    origin = (ctypes.c_double * 2)()
    # both read back through memoryviews, in one step each: left, top, right, bottom; x, y
    rect_view, origin_view = memoryview(rect).cast("B").cast("f"), memoryview(origin).cast("B").cast("d")
    at, rect_at, x_at, y_at = _handle(textpage), ctypes.byref(rect), ctypes.byref(origin), ctypes.byref(origin, 8)
    loose_box, char_origin = _loose_box, _origin
    upright: dict[Turn, bool] = {}
    turn_before, up = None, False
    a, b, c, d, e, f = view
    rise = 1 - DESCENT
    for ch, _, _, _, _, size, index, turn, _ in chars:
        if not ch:
            continue  # an accent folded into its letter
        if ch.isspace():
            if out:
                last = out[-1]
                out.append({**last, "text": " ", "x0": last["x1"], "width": 0.0})
            continue
        if turn is not turn_before:  # a text object's characters share one turn tuple
            turn_before, up = turn, upright.get(turn)
            if up is None:
                up = upright[turn] = _upright(turn, view)
        loose_box(at, index, rect_at)
        left, high, right, low = rect_view
        # the box's corners through the view (map_box, inline: this runs for every character)
        xa, xb = left * a + low * c + e, right * a + high * c + e
        x0, x1 = (xa, xb) if xa <= xb else (xb, xa)
        if up:
            char_origin(at, index, x_at, y_at)
            x, y = origin_view
            base = b * x + d * y + f
            top, bottom = base - rise * size, base + DESCENT * size
        else:
            ya, yb = left * b + low * d + f, right * b + high * d + f
            top, bottom = (ya, yb) if ya <= yb else (yb, ya)
        out.append({"text": HYPHEN_GLYPHS.get(ch, ch), "x0": x0, "x1": x1, "top": top, "bottom": bottom,
                    "doctop": top, "width": x1 - x0, "height": bottom - top, "size": size, "upright": up})
    return out


def _upright(turn: Turn, view: Matrix) -> bool:
    """Does text drawn with ``turn`` run left to right, right side up, in ``view`` space
    (pdfminer's test, with the view's y running down)?"""
    a, b, c, d, _, _ = concat((*turn, 0.0, 0.0), view)
    return a * d < 0 and b * c >= 0
