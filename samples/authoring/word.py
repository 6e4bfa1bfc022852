"""Word documents with python-docx: styles, runs, hyperlinks and neutral core properties."""
from __future__ import annotations

import io
from pathlib import Path
from typing import Iterable

import docx
from docx.document import Document
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from docx.text.paragraph import Paragraph

from .seedtext import Item, Run, inline_runs
from .zipfiles import fixed_zip

LINK_BLUE = "0563C1"


def new_document(title: str) -> Document:
    """An A4 document with a plain house style and no generator name or run-time dates."""
    document = docx.Document()
    props = document.core_properties
    props.author = props.last_modified_by = props.comments = props.keywords = ""
    props.title = title
    drop_dates(props._element)
    section = document.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(2.5))
    document.styles["Normal"].font.name = "Arial"
    document.styles["Normal"].font.size = Pt(11)
    return document


def drop_dates(core: object) -> None:
    """Core-property dates would be the generator's run time, which no reader should trust."""
    for tag in ("dcterms:created", "dcterms:modified", "cp:lastPrinted"):
        for el in core.findall(qn(tag)):  # type: ignore[attr-defined]
            core.remove(el)  # type: ignore[attr-defined]


def add_hyperlink(paragraph: Paragraph, run: Run) -> None:
    """A real ``w:hyperlink`` (python-docx has no API for writing one)."""
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), paragraph.part.relate_to(run.url, RT.HYPERLINK, is_external=True))
    r, rpr, text = OxmlElement("w:r"), OxmlElement("w:rPr"), OxmlElement("w:t")
    if run.bold:
        rpr.append(OxmlElement("w:b"))
    color, underline = OxmlElement("w:color"), OxmlElement("w:u")
    color.set(qn("w:val"), LINK_BLUE)
    underline.set(qn("w:val"), "single")
    rpr.extend([color, underline])
    text.text = run.text
    text.set(qn("xml:space"), "preserve")
    r.extend([rpr, text])
    link.append(r)
    paragraph._p.append(link)


def write_runs(paragraph: Paragraph, runs: Iterable[Run]) -> None:
    for run in runs:
        if run.url:
            add_hyperlink(paragraph, run)
            continue
        r = paragraph.add_run(run.text)
        r.bold = run.bold or None
        r.italic = run.italic or None


def write_lines(paragraph: Paragraph, lines: list[str]) -> None:
    """Markdown lines of one paragraph; the seed's line breaks become Word line breaks."""
    for i, line in enumerate(lines):
        if i:
            paragraph.add_run().add_break()
        write_runs(paragraph, inline_runs(line))


def bullet_style(level: int) -> str:
    return "List Bullet" if level == 0 else f"List Bullet {min(level + 1, 3)}"


def add_item(document: Document, item: Item, style: str | None = None) -> Paragraph:
    """One seed item as a paragraph: bullets become Word list paragraphs, others ``style``."""
    if style is None:
        style = bullet_style(item.level) if item.kind == "bullet" else "Normal"
    paragraph = document.add_paragraph(style=style)
    write_lines(paragraph, item.lines)
    return paragraph


def save(document: Document, path: Path) -> None:
    buf = io.BytesIO()
    document.save(buf)
    path.write_bytes(fixed_zip(buf.getvalue()))
