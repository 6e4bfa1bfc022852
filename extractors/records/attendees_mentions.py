"""Where a listed person's name is written in the running text.

A name's words may stand apart by any white space and its dashes with or without
spaces around ('Tor - Erik Backman'); only whole words count. The matcher is written
by hand: a regex per listed person cost more to compile (~0.1 ms) than to run.
``name_pattern`` is that regex, still used for the odd name with an empty part.
"""
from __future__ import annotations

import re
from typing import Callable, Iterator

NAME_SEP = re.compile(r"\s*[-\u2010-\u2014]\s*|\s+")
NAME_DASHES = "-\u2010\u2011\u2012\u2013\u2014"
SPACES = re.compile(r"\s*")
NO_WORD_BEFORE = re.compile(r"(?<!\w)")
NO_WORD_AFTER = re.compile(r"(?!\w)")
FIRST_NAME_END = re.compile(r"(?![\w-]| [A-ZÅÄÖ])")  # 'Liisa' alone: not 'Liisa-Maria', not 'Liisa Aho'


def name_pattern(name: str) -> str:
    """The regex of ``name`` in the text."""
    parts = NAME_SEP.split(name.strip())
    out = re.escape(parts[0])
    for sep, part in zip(NAME_SEP.findall(name.strip()), parts[1:]):
        out += (r"\s*[-\u2010-\u2014]\s*" if sep.strip() else r"\s+") + re.escape(part)
    return rf"(?<!\w){out}(?!\w)"


def full_name_spans(name: str, text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each place ``text`` writes ``name``, as ``re.finditer(name_pattern(name))``."""
    parts = NAME_SEP.split(name.strip())
    dashed = [bool(sep.strip()) for sep in NAME_SEP.findall(name.strip())]
    if not all(parts):
        return (m.span() for m in re.finditer(name_pattern(name), text))
    return _spans(text, parts[0], lambda pos: _rest_of_name(text, pos, parts[1:], dashed))


def first_name_spans(first: str, text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each place ``text`` writes the first name ``first`` without a surname after it."""
    return _spans(text, first, lambda pos: pos if FIRST_NAME_END.match(text, pos) else None)


def _spans(text: str, literal: str, end_at: Callable[[int], int | None]) -> Iterator[tuple[int, int]]:
    """Whole-word ``literal``, left to right and not overlapping, where ``end_at`` (given the
    position after it) finds the end of the mention."""
    pos = text.find(literal)
    while pos >= 0:
        end = end_at(pos + len(literal)) if NO_WORD_BEFORE.match(text, pos) else None
        if end is not None:
            yield pos, end
        pos = text.find(literal, pos + 1 if end is None else end)


def _rest_of_name(text: str, pos: int, parts: list[str], dashed: list[bool]) -> int | None:
    """Where the name whose first word ends at ``pos`` ends, or None. Every part is non-empty
    and starts with no space or dash, so each gap is all the white space there (and one dash)."""
    for part, dash in zip(parts, dashed):
        gap = SPACES.match(text, pos).end()
        if dash:
            if gap == len(text) or text[gap] not in NAME_DASHES:
                return None
            gap = SPACES.match(text, gap + 1).end()
        elif gap == pos:
            return None
        if not text.startswith(part, gap):
            return None
        pos = gap + len(part)
    return pos if NO_WORD_AFTER.match(text, pos) else None
