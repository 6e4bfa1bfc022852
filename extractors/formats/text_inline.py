"""Inline markup inside plain text and Markdown: links, emphasis, escapes, HTML tags, entities.

Only real HTML is removed. Plain-text exports are full of angle brackets that are not
tags: ``Name <addr@host>`` and ``<http://…>`` in e-mail headers, ``<<Nimi>>`` merge
fields, ``<Name>`` placeholders. A tag is therefore an HTML element name (all lower or
all upper case, as editors write them) or an Office namespace tag like ``<o:p>``.
"""
from __future__ import annotations

import html
import re

HTML_ELEMENTS = (
    "a abbr acronym address area article aside audio b base basefont bdi bdo big blink blockquote body br "
    "button caption center cite code col colgroup dd del details dfn dir div dl dt em embed fieldset "
    "figcaption figure font footer form frame frameset h1 h2 h3 h4 h5 h6 head header hr html i iframe img "
    "input ins kbd label legend li link main map mark marquee menu meta nav nobr noscript object ol "
    "optgroup option p param pre q s samp script section select small source span strike strong style sub "
    "summary sup table tbody td textarea tfoot th thead time title tr tt u ul var video wbr"
).split()
_NAMES = "|".join(sorted(HTML_ELEMENTS, key=len, reverse=True))
# <p>, </P>, <br/>, <font face="Arial">, <o:p>, <st1:place w:st="on">, <!-- … -->, <!DOCTYPE …>, <?xml …?>
TAG = re.compile(
    r"<(?:!--.*?--|![A-Za-z][^<>]*|\?[^<>]*\?"
    rf"|/?\s*(?:(?:{_NAMES})|(?:{_NAMES.upper()})|[a-z]\w*:[\w.-]+)(?=[\s/>])(?:\s+[^<>]*?)?\s*/?)>",
    re.S)
BLOCK_TAG = re.compile(r"<\s*/?\s*(?:p|br|li|ul|ol|div|tr|h[1-6])(?=[\s/>])[^<>]*>", re.I)
MD_LINK = re.compile(r"\[([^\]]*)\]\((?:[^()\s]|\([^()]*\))*\)")
MD_ESCAPE = re.compile(r"\\+([\\_*\[\]()#|`])")
EMPHASIS = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
INLINE_BULLET = re.compile(r"(?:^|\s)\*\s+")
ENTITY = re.compile(r"&(?:#\d{1,7}|#x[0-9a-f]{1,6}|[a-z][a-z0-9]{1,31});", re.I)


def has_tag(text: str) -> bool:
    """True when the text holds at least one real HTML tag."""
    return "<" in text and TAG.search(text) is not None


def render_inline(text: str) -> str:
    """Markdown and HTML inline markup to plain text: links, emphasis, escapes, tags, entities."""
    text = MD_LINK.sub(lambda m: m.group(1), text)
    text = MD_ESCAPE.sub(r"\1", text)
    text = EMPHASIS.sub(r"\2", text)
    if has_tag(text):
        text = BLOCK_TAG.sub("\n", text)
        text = TAG.sub("", text)
    if "&" in text and ENTITY.search(text):  # a bare "R&D" or "Aho & Co" stays as written
        text = html.unescape(text)
    return text


def cell_text(raw: str) -> str:
    """One table cell: inline markup removed; inline ``* item`` bullets put on their own lines."""
    text = render_inline(raw)
    text = INLINE_BULLET.sub("\n• ", text)
    lines = [" ".join(line.split()) for line in text.split("\n")]
    return "\n".join(line for line in lines if line)
