"""Small helpers shared by the office readers (DOCX, PPTX, ODF): list labels,
core properties, one-line error text."""
from __future__ import annotations

from datetime import datetime
from typing import Any

ROMAN = ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
         (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))


def format_number(n: int, style: str) -> str:
    """A list counter as drawn: ``decimal`` 3, ``lowerLetter`` c, ``upperRoman`` III, ..."""
    if style in ("lowerLetter", "upperLetter") and n > 0:
        s = ""
        while n > 0:
            n, r = divmod(n - 1, 26)
            s = chr(97 + r) + s
        return s.upper() if style == "upperLetter" else s
    if style in ("lowerRoman", "upperRoman") and 0 < n < 4000:
        s = ""
        for value, numeral in ROMAN:
            while n >= value:
                s, n = s + numeral, n - value
        return s.upper() if style == "upperRoman" else s
    if style == "decimalZero":
        return f"{n:02d}"
    return str(n)


def iso(value: Any) -> str | None:
    """A core-property date as an ISO string."""
    if isinstance(value, datetime):
        return value.isoformat()
    return str(value) if value else None


def core_metadata(cp: Any) -> dict[str, Any]:
    """Title, author, dates and last editor from python-docx/python-pptx core properties."""
    def text(name: str) -> str | None:
        try:
            return (getattr(cp, name) or "").strip() or None
        except (ValueError, TypeError):
            return None

    def date(name: str) -> str | None:
        try:
            return iso(getattr(cp, name))
        except (ValueError, TypeError, OverflowError):
            return None  # a malformed W3CDTF date in docProps/core.xml

    return {
        "title": text("title"),
        "author": text("author"),
        "created": date("created"),
        "modified": date("modified"),
        "last_modified_by": text("last_modified_by"),
        "subject": text("subject"),
        "keywords": text("keywords"),
    }


def one_line(e: BaseException) -> str:
    """An exception as a short single line for a ReadError."""
    message = " ".join(str(e).split())[:200]
    return f"{type(e).__name__}: {message}" if message else type(e).__name__
