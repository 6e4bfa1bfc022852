"""What the record extractors share about one document: its dates, kind and language, and helpers over them."""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from datetime import date
from operator import attrgetter

from schemas.document import Document

from . import cues
from .dates import DateMatch
from .decision_cues import DecisionCues
from .lemmas import lemma_phrase
from .verbs import is_genitive_noun

ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
SHORT_RANGE_DAYS = 7  # a range this short is one event ("5.–6.10.2011"), dated by its first day
DEADLINE_REACH = 40  # characters between a deadline word and the date it governs
# 'perhetyön ' before 'verkosto'; 'koulukuraattoreiden ja -psykologien ' (a shared head) too
GENITIVE_MODIFIER = re.compile(r"((?:\w+\s+\w{2,4}\s+-)?\w+[nN])\s+$")  # capitals in headings
CAPITALISED_MODIFIER = re.compile(r"([A-ZÅÄÖ][\w-]+)\s+$")  # 'Steering ' before 'Committee'
_START = attrgetter("start")


@dataclass
class Context:
    doc: Document
    lang: str
    doc_date: str | None
    kind: str
    dates: list[DateMatch]
    decision_cues: DecisionCues = field(init=False, repr=False)  # asked by decisions and commitments

    def __post_init__(self) -> None:
        self.decision_cues = DecisionCues(self.lang)


def dates_in(dates: list[DateMatch], start: int, end: int) -> list[DateMatch]:
    """The dates that start in ``[start, end)``, by bisection: ``dates`` are in text order, as
    find_dates gives them (the rules ask this per sentence and per line)."""
    return dates[bisect_left(dates, start, key=_START):bisect_left(dates, end, key=_START)]


def day(d: DateMatch) -> str | None:
    """The calendar day of a match, or None for periods, bare times and invalid dates."""
    if not d.valid or not d.value or d.type not in ("date", "datetime"):
        return None
    return d.value[:10] if ISO_DAY.fullmatch(d.value[:10]) and "/" not in d.value else None


def event_day(d: DateMatch) -> str | None:
    """The day an event happens: a date, or the first day of a short range of written days
    ('17–18 September'); a week or month names no day ('viikolla 13' is not a meeting day)."""
    if found := day(d):
        return found
    if not d.valid or not d.days or d.type != "period":
        return None
    start, end = d.days
    if not (ISO_DAY.fullmatch(start) and ISO_DAY.fullmatch(end[:10])):
        return None
    span = (date.fromisoformat(end[:10]) - date.fromisoformat(start)).days
    return start if 0 < span <= SHORT_RANGE_DAYS else None


def body_in(text: str, lang: str, near: int | None = None) -> str | None:
    """The governing body a text names ('johtoryhmän' -> 'johtoryhmä'), in base form, with the
    word that qualifies it ('perhetyön verkosto', 'Steering Committee'); with ``near``, the body
    written closest before that position (else the first after it)."""
    found = cues.finditer(lang, "body", text)
    if not found:
        return None
    m = found[0]
    if near is not None:
        before = [b for b in found if b.start() < near]
        m = before[-1] if before else m
    head = lemma_phrase(m.group(0), lang)
    if head.endswith("s") and (plain := cues.search(lang, "body", head[:-1])) and plain.group(0) == head[:-1]:
        head = head[:-1]  # a genitive the lemmatiser left: 'styrgruppens' -> 'styrgruppen'
    left = text[max(0, m.start() - 40):m.start()]
    genitive = GENITIVE_MODIFIER.search(left)
    if genitive and not is_genitive_noun(genitive.group(1), lang):
        genitive = None
    qualifier = genitive or (CAPITALISED_MODIFIER.search(left) if m.group(0)[:1].isupper() else None)
    if qualifier and not cues.search(lang, "body", qualifier.group(1)) and len(qualifier.group(1)) > 3:
        return f"{qualifier.group(1).lower()} {head}"
    return head


def deadline_date(ctx: Context, start: int, end: int, text: str) -> DateMatch | None:
    """The date a deadline word governs: 'viimeistään 21.4.', '15.9. mennessä', 'by 31 July'."""
    best, gap = None, DEADLINE_REACH + 1
    for m in cues.finditer(ctx.lang, "commitment.deadline", text):
        cue_start, cue_end = start + m.start(), start + m.end()
        for d in dates_in(ctx.dates, start, end):
            if not (d.valid and d.value) or d.type == "time":
                continue
            distance = max(d.start - cue_end, cue_start - d.end, 0)  # 0 when the date holds the cue
            if distance < gap:
                best, gap = d, distance
    return best
