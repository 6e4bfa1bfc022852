"""Seeds 001 and 002, slide decks, as PowerPoint files: one slide per slide heading."""
from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

import pptx
from pptx.dml.color import RGBColor
from pptx.oxml.ns import qn
from pptx.presentation import Presentation
from pptx.text.text import _Paragraph
from pptx.util import Pt

from .seedtext import GLYPH, Item, inline_runs, parse_seed, plain
from .word import drop_dates
from .zipfiles import fixed_zip

# Hand-checked: the seminar export lost its slide boundaries; these 1-based seed lines
# are its slide titles (the first one is the title slide's).
SEMINAR_TITLE_LINES = (3, 10, 23, 34, 46, 60, 82, 101, 112, 125, 152, 156, 164, 174)
NOTE_RED = RGBColor(0xC0, 0x00, 0x00)
BODY_HEIGHT_PT = 370  # the 4:3 "Title and Content" body placeholder, less its insets


@dataclass
class SlideLine:
    """One body paragraph: its seed lines (joined by line breaks), list level and bullet."""

    lines: list[str]
    level: int = 0
    bullet: bool = False
    glyph: str | None = None
    bold: bool = False


def slide_lines(items: list[Item]) -> list[SlideLine]:
    """``##`` becomes a bold paragraph; a leading ❖/➤/▶ glyph becomes the bullet character."""
    out: list[SlideLine] = []
    for item in items:
        lines, glyph = list(item.lines), None
        if m := GLYPH.match(lines[0]):
            glyph, lines[0] = m.group(1), m.group(2)
        if item.kind == "heading":
            out.append(SlideLine(lines, bold=True))
        elif item.kind == "bullet":
            out.append(SlideLine(lines, item.level, True, glyph))
        else:  # prose and numbered lines keep their own text, without a bullet
            out.append(SlideLine(lines, item.level, glyph is not None, glyph))
    return out


def body_size(lines: list[SlideLine]) -> int:
    """Largest font size (pt) at which the body roughly fits the placeholder."""
    for size in (24, 20, 18, 16, 14, 12, 11, 10):
        per_line = 1250 // size
        needed = sum(max(1, -(-len(plain(s)) // per_line)) for sl in lines for s in sl.lines)
        if needed * size * 1.2 <= BODY_HEIGHT_PT:
            return size
    return 9


def set_bullet(paragraph: _Paragraph, bullet: bool, glyph: str | None) -> None:
    """No bullet, the master's bullet, or ``glyph`` as the bullet character."""
    ppr = paragraph._p.get_or_add_pPr()
    if not bullet:
        ppr.append(ppr.makeelement(qn("a:buNone"), {}))
    elif glyph:
        ppr.append(ppr.makeelement(qn("a:buFont"), {"typeface": "Arial"}))
        ppr.append(ppr.makeelement(qn("a:buChar"), {"char": glyph}))


def write_paragraph(paragraph: _Paragraph, lines: list[str], size: int, bold: bool = False) -> None:
    # the seminar's audience notes ("! ...") were written in red on the slides
    red = plain(lines[0]).lstrip().startswith("!")
    for i, line in enumerate(lines):
        if i:
            paragraph.add_line_break()
        for run in inline_runs(line, bold=bold):
            r = paragraph.add_run()
            r.text = run.text
            r.font.size = Pt(size)
            r.font.bold = run.bold or None
            if run.url:
                r.hyperlink.address = run.url
            if red:
                r.font.color.rgb = NOTE_RED


def add_slide(deck: Presentation, title: str, body: list[SlideLine]) -> None:
    slide = deck.slides.add_slide(deck.slide_layouts[1])  # Title and Content
    slide.shapes.title.text_frame.text = plain(title)
    slide.shapes.title.text_frame.paragraphs[0].runs[0].font.size = Pt(28 if len(title) < 60 else 24)
    frame = slide.placeholders[1].text_frame
    size = body_size(body)
    for n, line in enumerate(body):
        paragraph = frame.paragraphs[0] if n == 0 else frame.add_paragraph()
        paragraph.level = line.level
        set_bullet(paragraph, line.bullet, line.glyph)
        write_paragraph(paragraph, line.lines, size - 2 * line.level, line.bold)


def new_deck(title: str) -> Presentation:
    deck = pptx.Presentation()
    props = deck.core_properties
    props.author = props.last_modified_by = props.comments = props.keywords = ""
    props.title = title
    props.revision = 1
    drop_dates(props._element)
    return deck


def build_deck(text: str) -> Presentation:
    """A Markdown slide export: each ``# `` heading starts a slide and is its title."""
    items = parse_seed(text)
    starts = [i for i, it in enumerate(items) if it.kind == "heading" and it.level == 1]
    deck = new_deck(plain(items[starts[0]].text) if starts else "")
    for k, s in enumerate(starts):
        end = starts[k + 1] if k + 1 < len(starts) else len(items)
        add_slide(deck, items[s].text, slide_lines(items[s + 1:end]))
    return deck


def build_seminar(text: str) -> Presentation:
    """A deck whose export lost the slide markers; a title slide, then one slide per title line."""
    items = parse_seed(text)
    starts = [i for i, it in enumerate(items) if it.lineno in SEMINAR_TITLE_LINES]
    if len(starts) != len(SEMINAR_TITLE_LINES) or any(
            items[i].kind != "text" or len(items[i].lines) != 1 for i in starts):
        raise SystemExit("SEMINAR_TITLE_LINES no longer point at one-line paragraphs of the seed")
    deck = new_deck(plain(items[starts[0]].text))
    cover = deck.slides.add_slide(deck.slide_layouts[0])  # Title Slide
    cover.shapes.title.text = plain(items[starts[0]].text)
    subtitle = cover.placeholders[1].text_frame
    for n, item in enumerate(items[starts[0] + 1:starts[1]]):
        write_paragraph(subtitle.paragraphs[0] if n == 0 else subtitle.add_paragraph(),
                        item.lines, 24 if n == 0 else 20)
    for k, s in enumerate(starts[1:], start=1):
        end = starts[k + 1] if k + 1 < len(starts) else len(items)
        add_slide(deck, items[s].text, slide_lines(items[s + 1:end]))
    return deck


def save(deck: Presentation, path: Path) -> None:
    buf = io.BytesIO()
    deck.save(buf)
    path.write_bytes(fixed_zip(buf.getvalue()))
