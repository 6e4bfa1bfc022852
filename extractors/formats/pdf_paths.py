"""Drawn paths of a PDF page through pypdfium2: the page's view (turned by its /Rotate, y down
from the top) and the straight segments of its path objects shaped as pdfplumber's edges
(``x0``, ``x1``, ``top``, ``bottom``, ``orientation``), for the table search."""
from __future__ import annotations

import ctypes
from typing import Any, Iterator

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

Matrix = tuple[float, float, float, float, float, float]  # PDF's a b c d e f: x' = ax + cy + e
Box = tuple[float, float, float, float]
MAX_SEGMENTS = 50_000  # more path segments than this: the page is a drawing (a map, a chart), not a table


def unchecked(function: Any, restype: Any) -> Any:
    """``function`` without argument types: ctypes' conversion and checks of each argument
    (pypdfium2's typed pointers) cost more than pdfium's own work for a character or a
    path segment. The callers pass what C receives as it is: handles as ctypes objects,
    out-parameters by ``byref``, a ``c_ulong`` where C takes one, other indices as ints (a
    plain int address would be cut to 32 bits)."""
    return ctypes.CFUNCTYPE(restype)(ctypes.cast(function, ctypes.c_void_p).value)


class Handle(ctypes.c_void_p):
    """A pdfium object handle as an unchecked call returns it: a subclass of ``c_void_p``
    stays a ctypes object that the next call takes as a pointer (ctypes would turn a plain
    ``c_void_p`` result into an int)."""


_count_objects = unchecked(pdfium_c.FPDFPage_CountObjects, ctypes.c_int)
_page_object = unchecked(pdfium_c.FPDFPage_GetObject, Handle)
_count_form_objects = unchecked(pdfium_c.FPDFFormObj_CountObjects, ctypes.c_int)
_form_object = unchecked(pdfium_c.FPDFFormObj_GetObject, Handle)
_object_type = unchecked(pdfium_c.FPDFPageObj_GetType, ctypes.c_int)
_object_bounds = unchecked(pdfium_c.FPDFPageObj_GetBounds, ctypes.c_int)
_object_matrix = unchecked(pdfium_c.FPDFPageObj_GetMatrix, ctypes.c_int)
_count_segments = unchecked(pdfium_c.FPDFPath_CountSegments, ctypes.c_int)
_segment = unchecked(pdfium_c.FPDFPath_GetPathSegment, Handle)
_segment_type = unchecked(pdfium_c.FPDFPathSegment_GetType, ctypes.c_int)
_segment_point = unchecked(pdfium_c.FPDFPathSegment_GetPoint, ctypes.c_int)
_segment_close = unchecked(pdfium_c.FPDFPathSegment_GetClose, ctypes.c_int)


def _page_objects(page: pdfium.PdfPage) -> list[Handle]:
    raw = page.raw
    return [_page_object(raw, i) for i in range(_count_objects(raw))]


def _form_objects(form: Handle) -> list[Handle]:
    return [_form_object(form, ctypes.c_ulong(i)) for i in range(_count_form_objects(form))]


def page_view(page: pdfium.PdfPage, rotation: int | None = None) -> Matrix:
    """The matrix from PDF space to the page as a viewer shows it: its /Rotate applied (or
    ``rotation``), x from the left, y down from the top, as pdfminer lays a page out. Text
    drawn turned on a page that is turned back reads upright there."""
    x0, y0, x1, y1 = page.get_mediabox()
    turn = (page.get_rotation() if rotation is None else rotation) % 360
    if turn == 90:
        return (0.0, 1.0, 1.0, 0.0, -y0, -x0)
    if turn == 180:
        return (-1.0, 0.0, 0.0, 1.0, x1, -y0)
    if turn == 270:
        return (0.0, -1.0, -1.0, 0.0, y1, x1)
    return (1.0, 0.0, 0.0, -1.0, 0.0, y1)


def invert(m: Matrix) -> Matrix:
    a, b, c, d, e, f = m
    det = a * d - b * c
    return (d / det, -b / det, -c / det, a / det, (c * f - d * e) / det, (b * e - a * f) / det)


def map_box(m: Matrix, box: Box) -> Box:
    """The box ``(x0, y0, x1, y1)`` through ``m`` (a quarter turn keeps a box a box)."""
    a, b, c, d, e, f = m
    xs = (box[0] * a + box[1] * c + e, box[2] * a + box[3] * c + e)
    ys = (box[0] * b + box[1] * d + f, box[2] * b + box[3] * d + f)
    return (min(xs), min(ys), max(xs), max(ys))


def path_bounds(page: pdfium.PdfPage) -> Iterator[Box]:
    """Bounds (left, bottom, right, top; PDF space) of the page's path objects and of those
    in its form XObjects, one level down: what ``page.get_objects([path], max_depth=2)``
    gives, without a pypdfium2 object made for each of the page's objects (text objects
    too) first; an object pdfium cannot place is skipped."""
    yield from _bounds(_page_objects(page), 0)


def _bounds(objects: list[Handle], level: int) -> Iterator[Box]:
    box = (ctypes.c_float * 4)()
    box_at = [ctypes.byref(box, 4 * k) for k in range(4)]
    for obj in objects:
        kind = _object_type(obj)
        if kind == pdfium_c.FPDF_PAGEOBJ_PATH and _object_bounds(obj, *box_at):
            yield (box[0], box[1], box[2], box[3])
        elif kind == pdfium_c.FPDF_PAGEOBJ_FORM and level == 0:
            yield from _bounds(_form_objects(obj), level + 1)


def page_edges(page: pdfium.PdfPage, view: Matrix) -> list[dict[str, Any]]:
    """Horizontal and vertical edges of every drawn path (lines, rectangle sides, straight
    runs of curves), in form XObjects too, as pdfplumber's ``page.edges`` has them, in
    ``view`` space; none for a page drawn with more than ``MAX_SEGMENTS`` segments."""
    edges: list[dict[str, Any]] = []
    return edges if _collect(edges, _page_objects(page), view, 0) <= MAX_SEGMENTS else []


def _collect(edges: list[dict[str, Any]], objects: list[Handle], outer: Matrix, segments: int) -> int:
    """Edges of ``objects`` drawn with the matrix ``outer``; the running segment count."""
    fs = pdfium_c.FS_MATRIX()
    fs_at = ctypes.byref(fs)
    for obj in objects:
        if segments > MAX_SEGMENTS:
            break
        kind = _object_type(obj)
        if kind not in (pdfium_c.FPDF_PAGEOBJ_PATH, pdfium_c.FPDF_PAGEOBJ_FORM):
            continue
        if not _object_matrix(obj, fs_at):
            continue
        matrix = concat((fs.a, fs.b, fs.c, fs.d, fs.e, fs.f), outer)
        if kind == pdfium_c.FPDF_PAGEOBJ_FORM:
            segments = _collect(edges, _form_objects(obj), matrix, segments)
        else:
            segments += _path_edges(edges, obj, matrix)
    return segments


def concat(inner: Matrix, outer: Matrix) -> Matrix:
    """``inner`` then ``outer`` (PDF's row-vector convention: p' = p x inner x outer)."""
    a, b, c, d, e, f = inner
    A, B, C, D, E, F = outer
    return (a * A + b * C, a * B + b * D, c * A + d * C, c * B + d * D, e * A + f * C + E, e * B + f * D + F)


def _path_edges(edges: list[dict[str, Any]], obj: Handle, m: Matrix) -> int:
    """Each subpath's on-curve points (Bezier control points skipped, a closed subpath back
    to its start), joined pairwise; the pairs that run level or plumb are edges."""
    n = _count_segments(obj)
    x, y = ctypes.c_float(), ctypes.c_float()
    x_at, y_at = ctypes.byref(x), ctypes.byref(y)
    a, b, c, d, e, f = m
    points: list[tuple[float, float]] = []
    bezier = 0
    for i in range(n):
        seg = _segment(obj, i)
        kind = _segment_type(seg)
        if kind == pdfium_c.FPDF_SEGMENT_UNKNOWN or not _segment_point(seg, x_at, y_at):
            continue
        if kind == pdfium_c.FPDF_SEGMENT_BEZIERTO:
            bezier += 1
            if bezier % 3:
                continue  # a control point
        else:
            bezier = 0
        point = (x.value * a + y.value * c + e, x.value * b + y.value * d + f)
        if kind == pdfium_c.FPDF_SEGMENT_MOVETO:
            _add_edges(edges, points)
            points = [point]
        else:
            points.append(point)
        if _segment_close(seg) and points and points[-1] != points[0]:
            points.append(points[0])
    _add_edges(edges, points)
    return n


def _add_edges(edges: list[dict[str, Any]], points: list[tuple[float, float]]) -> None:
    for (x0, y0), (x1, y1) in zip(points, points[1:]):
        if x0 == x1 and y0 != y1:
            top, bottom = min(y0, y1), max(y0, y1)
            edges.append({"object_type": "line", "orientation": "v", "x0": x0, "x1": x0, "top": top,
                          "bottom": bottom, "doctop": top, "width": 0.0, "height": bottom - top})
        elif y0 == y1 and x0 != x1:
            left, right = min(x0, x1), max(x0, x1)
            edges.append({"object_type": "line", "orientation": "h", "x0": left, "x1": right, "top": y0,
                          "bottom": y0, "doctop": y0, "width": right - left, "height": 0.0})
