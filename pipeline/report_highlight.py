"""Evidence spans and page markers woven into escaped document text.

Spans may overlap or nest, so the text is cut at every span edge into segments
that no span starts or ends inside; each segment is wrapped in one ``<mark>``
per record covering it, outermost span first. Only the first segment of a span
carries the element id that links and scrolling aim at.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from markupsafe import Markup, escape


@dataclass(frozen=True)
class Span:
    """One record's evidence: ``text[start:end]``, its type (``decision``) and reference (``decision-5``)."""

    start: int
    end: int
    kind: str
    ref: str
    label: str = ""


def valid_spans(spans: Iterable[Span], length: int) -> list[Span]:
    """The spans that point at some text inside a text of ``length`` characters."""
    return [s for s in spans if 0 <= s.start < s.end <= length]


def highlight(text: str, spans: Iterable[Span], markers: Mapping[int, Markup] | None = None) -> Markup:
    """``text`` escaped, with every span marked and ``markers[pos]`` inserted before ``text[pos]``."""
    markers = markers or {}
    usable = sorted(valid_spans(spans, len(text)), key=lambda s: (s.start, -s.end, s.kind, s.ref))
    cuts = sorted({0, len(text), *(s.start for s in usable), *(s.end for s in usable),
                   *(p for p in markers if 0 <= p <= len(text))})
    out: list[str] = []
    active: list[Span] = []
    waiting = 0  # index into ``usable`` of the next span to open
    opened: set[str] = set()
    for a, b in zip(cuts, cuts[1:] + [None]):
        if a in markers:
            out.append(str(markers[a]))
        if b is None:
            break
        active = [s for s in active if s.end > a]
        while waiting < len(usable) and usable[waiting].start <= a:
            active.append(usable[waiting])
            waiting += 1
        # outer spans (earlier start, later end) wrap the inner ones
        covering = sorted(active, key=lambda s: (s.start, -s.end, s.kind, s.ref))
        piece = str(escape(text[a:b]))
        for span in reversed(covering):
            anchor = "" if span.ref in opened else f' id="{escape(span.ref)}"'
            title = f' title="{escape(span.label)}"' if span.label else ""
            piece = (f'<mark class="rec-{escape(span.kind)}" data-rec="{escape(span.ref)}"{anchor}{title}>'
                     f"{piece}</mark>")
        opened.update(s.ref for s in covering)
        out.append(piece)
    return Markup("".join(out))
