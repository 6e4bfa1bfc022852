"""Fuzzing the text reader: any bytes give a Document or a ReadError, never another
exception, and every block's span points at its own text."""
from __future__ import annotations

import hashlib
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extractors.formats import read_document, text
from extractors.formats.errors import ReadError
from schemas.document import Document

FUZZ = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
# Pieces of the structure the reader recognises, so examples reach its branches.
MARKUP = st.sampled_from([
    "# ", "## Otsikko", "- ", "* ", "1. ", "a) ", "\t", "|", "| --- | --- |", "<table><tr><td colspan=3>",
    "</td></tr></table>", "<p>", "<br>", "**", "__", "[linkki](http://x)", "\\", "&amp;", "&#0;", "\n", "\n\n",
    "\r\n", "\u00ad", "\u00a0", "\ufeff", "ä", "Ö", "å", "€", "–", "Ã¤", "\x00", "\x1b", " ",
])
ENCODINGS = st.sampled_from(["utf-8", "utf-8-sig", "cp1252", "latin-1", "utf-16", "utf-16-le", "utf-16-be"])


def check(doc: Document, data: bytes) -> None:
    assert doc.id == hashlib.sha256(data).hexdigest()
    assert doc.blocks, "a document without blocks must be a ReadError"
    end = 0
    for i, b in enumerate(doc.blocks):
        assert b.index == i
        assert doc.text[b.start:b.end] == b.text
        assert b.start >= end and b.text.strip()
        end = b.end
    assert end == len(doc.text)


def read_or_refuse(data: bytes, name: str) -> None:
    try:
        doc = read_document(Path(name), data)
    except ReadError as e:
        assert str(e) and "\n" not in str(e)
        return
    check(doc, data)


@FUZZ
@given(st.binary(max_size=4096), st.sampled_from(["x.txt", "x.md", "x.html"]))
def test_arbitrary_bytes_read_or_refuse(data: bytes, name: str) -> None:
    read_or_refuse(data, name)


@FUZZ
@given(st.lists(st.one_of(MARKUP, st.text(max_size=20)), max_size=60), ENCODINGS)
def test_markup_like_text_in_any_encoding(parts: list[str], encoding: str) -> None:
    data = "".join(parts).encode(encoding, errors="replace")
    read_or_refuse(data, "x.md")


@FUZZ
@given(st.binary(max_size=2048), st.sampled_from(["txt", "md"]))
def test_the_reader_itself_takes_any_bytes(data: bytes, fmt: str) -> None:
    """Bypassing format detection (binary data included): still a Document or a ReadError."""
    try:
        doc = text.read(Path(f"x.{fmt}"), data, fmt)
    except ReadError:
        return
    check(doc, data)
