"""A PDF page's drawn edges from pypdfium2's path objects, shaped as pdfplumber's edges
(``x0``, ``x1``, ``top``, ``bottom``, ``orientation``; y top-down from the page's top
edge), so pdfplumber's table geometry runs on them without pdfminer parsing the page."""
from __future__ import annotations

import ctypes
from typing import Any

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

Matrix = tuple[float, float, float, float, float, float]
IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
MAX_SEGMENTS = 50_000  # more path segments than this: the page is a drawing (a map, a chart), not a table


def page_edges(page: pdfium.PdfPage, page_top: float) -> list[dict[str, Any]]:
    """Horizontal and vertical edges of every drawn path (lines, rectangle sides, straight
    runs of curves), in form XObjects too, as pdfplumber's ``page.edges`` has them; none
    for a page drawn with more than ``MAX_SEGMENTS`` segments."""
    edges: list[dict[str, Any]] = []
    raw = page.raw
    objects = [pdfium_c.FPDFPage_GetObject(raw, i) for i in range(pdfium_c.FPDFPage_CountObjects(raw))]
    return edges if _collect(edges, objects, IDENTITY, page_top, 0) <= MAX_SEGMENTS else []


def _collect(edges: list[dict[str, Any]], objects: list[Any], outer: Matrix, page_top: float, segments: int) -> int:
    """Edges of ``objects`` drawn with the matrix ``outer``; the running segment count."""
    fs = pdfium_c.FS_MATRIX()
    for obj in objects:
        if segments > MAX_SEGMENTS:
            break
        kind = pdfium_c.FPDFPageObj_GetType(obj)
        if kind not in (pdfium_c.FPDF_PAGEOBJ_PATH, pdfium_c.FPDF_PAGEOBJ_FORM):
            continue
        if not pdfium_c.FPDFPageObj_GetMatrix(obj, fs):
            continue
        matrix = _concat((fs.a, fs.b, fs.c, fs.d, fs.e, fs.f), outer)
        if kind == pdfium_c.FPDF_PAGEOBJ_FORM:
            inner = [pdfium_c.FPDFFormObj_GetObject(obj, i) for i in range(pdfium_c.FPDFFormObj_CountObjects(obj))]
            segments = _collect(edges, inner, matrix, page_top, segments)
        else:
            segments += _path_edges(edges, obj, matrix, page_top)
    return segments


def _concat(inner: Matrix, outer: Matrix) -> Matrix:
    """``inner`` then ``outer`` (PDF's row-vector convention: p' = p x inner x outer)."""
    a, b, c, d, e, f = inner
    A, B, C, D, E, F = outer
    return (a * A + b * C, a * B + b * D, c * A + d * C, c * B + d * D, e * A + f * C + E, e * B + f * D + F)


def _path_edges(edges: list[dict[str, Any]], obj: Any, m: Matrix, page_top: float) -> int:
    """Each subpath's on-curve points (Bezier control points skipped, a closed subpath back
    to its start), joined pairwise; the pairs that run level or plumb are edges."""
    n = pdfium_c.FPDFPath_CountSegments(obj)
    x, y = ctypes.c_float(), ctypes.c_float()
    a, b, c, d, e, f = m
    points: list[tuple[float, float]] = []
    bezier = 0
    for i in range(n):
        seg = pdfium_c.FPDFPath_GetPathSegment(obj, i)
        kind = pdfium_c.FPDFPathSegment_GetType(seg)
        if kind == pdfium_c.FPDF_SEGMENT_BEZIERTO:
            bezier += 1
            if bezier % 3:
                continue  # a control point
        else:
            bezier = 0
        pdfium_c.FPDFPathSegment_GetPoint(seg, x, y)
        point = (x.value * a + y.value * c + e, page_top - (x.value * b + y.value * d + f))
        if kind == pdfium_c.FPDF_SEGMENT_MOVETO:
            _add_edges(edges, points)
            points = [point]
        else:
            points.append(point)
        if pdfium_c.FPDFPathSegment_GetClose(seg) and points and points[-1] != points[0]:
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

