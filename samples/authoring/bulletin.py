"""Seed 004, a bulletin (TIEDOTE), as a Word document."""
from __future__ import annotations

from docx.document import Document

from .seedtext import parse_seed, plain
from .word import add_item, new_document


def build(text: str) -> Document:
    """Masthead as title (again where the original's next page began), lists, contact lines."""
    items = parse_seed(text)
    document = new_document(plain(items[0].text) if items else "")
    masthead = items[0].text if items and items[0].kind == "text" else None
    for n, item in enumerate(items):
        if item.kind == "text" and item.text == masthead:
            paragraph = add_item(document, item, "Title")
            paragraph.paragraph_format.page_break_before = n > 0 or None
        elif item.kind == "heading":
            add_item(document, item, f"Heading {min(item.level, 3)}")
        else:
            add_item(document, item)
    return document
