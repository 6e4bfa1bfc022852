"""The seed texts' structure: Markdown-ish lines, inline markup and HTML cell fragments."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

BULLET = re.compile(r"^(\s*)[-*+]\s+(.*)$")
NUMBERED = re.compile(r"^(\s*)(\d{1,2}[.)])\s+(.*)$")
HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*$")
GLYPH = re.compile(r"^([❖➤▶►•▪→])\s*(.*)$")
INLINE = re.compile(r"\*\*(?P<bold>.+?)\*\*|\[(?P<label>[^\]]*)\]\((?P<href>[^)\s]+)\)"
                    r"|(?P<url>https?://[^\s<>()]+)")
ESCAPE = re.compile(r"\\+([\\_*\[\]()#`])")
LIST_MARK = re.compile(r"(?:^|\s)\*\s+")


@dataclass
class Item:
    """One structural unit of a seed: heading, bullet, numbered line, text paragraph or table row."""

    kind: str  # heading | bullet | numbered | text | row
    lines: list[str]
    level: int = 0
    lineno: int = 0
    cells: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "\n".join(self.lines)


def parse_seed(text: str) -> list[Item]:
    """Seed text to items; a non-blank line that starts no new item continues the previous one."""
    items: list[Item] = []
    open_item: Item | None = None
    for n, raw in enumerate(text.split("\n"), start=1):
        line = raw.rstrip()
        if not line.strip():
            open_item = None
            continue
        if "\t" in line.strip():
            items.append(Item("row", [line], lineno=n, cells=[c.strip() for c in raw.split("\t")]))
            open_item = None
            continue
        if m := HEADING.match(line):
            items.append(Item("heading", [m.group(2)], level=len(m.group(1)), lineno=n))
            open_item = None
            continue
        if m := BULLET.match(line):
            open_item = Item("bullet", [m.group(2)], level=(len(m.group(1)) + 1) // 2, lineno=n)
        elif m := NUMBERED.match(line):
            # the number stays in the text: Word/PowerPoint auto-numbers would not be text
            open_item = Item("numbered", [f"{m.group(2)} {m.group(3)}"],
                             level=(len(m.group(1)) + 1) // 2, lineno=n)
        elif open_item is not None:
            open_item.lines.append(line.strip())
            continue
        else:
            open_item = Item("text", [line.strip()], lineno=n)
        items.append(open_item)
    return items


@dataclass
class Run:
    """A stretch of text with one formatting; ``url`` makes it a hyperlink."""

    text: str
    bold: bool = False
    italic: bool = False
    url: str | None = None


def inline_runs(line: str, bold: bool = False, italic: bool = False) -> list[Run]:
    """Markdown inline markup (bold, links, bare URLs, backslash escapes) to formatted runs."""
    runs: list[Run] = []
    pos = 0
    for m in INLINE.finditer(line):
        if m.start() > pos:
            runs.append(Run(ESCAPE.sub(r"\1", line[pos:m.start()]), bold, italic))
        if m.group("bold") is not None:
            runs.extend(inline_runs(m.group("bold"), True, italic))
        elif m.group("href") is not None:
            runs.append(Run(ESCAPE.sub(r"\1", m.group("label")), bold, italic, ESCAPE.sub(r"\1", m.group("href"))))
        else:
            runs.append(Run(m.group("url"), bold, italic, m.group("url")))
        pos = m.end()
    if pos < len(line):
        runs.append(Run(ESCAPE.sub(r"\1", line[pos:]), bold, italic))
    return [r for r in runs if r.text]


def plain(line: str) -> str:
    return "".join(r.text for r in inline_runs(line))


def is_caps(line: str) -> bool:
    letters = [c for c in line if c.isalpha()]
    return bool(letters) and sum(c.isupper() for c in letters) / len(letters) > 0.8


@dataclass
class CellPara:
    """One paragraph of a table cell; ``level`` is the list depth of a bullet, None for prose."""

    runs: list[Run]
    level: int | None = None


class _CellFragment(HTMLParser):
    """``<p>``/``<i>``/``<ul>`` fragment to paragraphs; the export wrote list items as `` * ``."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.paras: list[CellPara] = []
        self.depth = 0
        self.italic = False
        self.current: CellPara | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("p", "ul", "br", "li"):
            self.current = None
        self.depth += tag == "ul"
        self.italic = self.italic or tag == "i"

    def handle_endtag(self, tag: str) -> None:
        if tag in ("p", "ul", "li"):
            self.current = None
        if tag == "ul":
            self.depth = max(0, self.depth - 1)
        if tag == "i":
            self.italic = False

    def handle_data(self, data: str) -> None:
        parts = LIST_MARK.split(data) if self.depth else [data]
        for i, part in enumerate(parts):
            if i > 0:
                self.current = None
            part = re.sub(r"\s+", " ", part)
            if self.current is None:
                part = part.lstrip()
                if not part:
                    continue
                self.current = CellPara([], self.depth - 1 if self.depth else None)
                self.paras.append(self.current)
            self.current.runs.append(Run(part, italic=self.italic))

    def close(self) -> None:
        super().close()
        for para in self.paras:
            para.runs[-1].text = para.runs[-1].text.rstrip()
            para.runs = [r for r in para.runs if r.text]


def cell_paragraphs(value: str) -> list[CellPara]:
    """A table cell's text: HTML fragments to paragraphs and bullets, other text to one paragraph."""
    if "<" not in value:
        return [CellPara(inline_runs(value))] if value else []
    parser = _CellFragment()
    parser.feed(value)
    parser.close()
    return parser.paras
