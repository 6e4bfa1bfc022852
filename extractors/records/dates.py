"""Dates, times and periods in text, normalised to ISO 8601.

Every word matched (month, weekday and season names, cue words) comes from
``extractors/lang/<lang>/dates.json``; ``dates_grammar`` compiles it, ``dates_candidates``
reads the text, ``dates_calendar`` does the calendar arithmetic. This module settles
overlaps, joins ranges and times to their days, and gives each match its value:

- A date without a year takes the year, among the reference's year and its two
  neighbours, that puts it closest to the reference (the document's date): a document of
  18.12.2008 naming 15.1. means 2009-01-15, one of 15.1.2009 naming 18.12. means
  2008-12-18. Without a reference, the first full date of the text is the reference.
- Periods are ISO intervals ``start/end`` with ``..`` for an open end.
- An impossible date is kept (``valid=False``, ``value=None``, ``problem`` says why); a
  weekday that does not match its date sets ``weekday_mismatch``.
"""
from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from extractors.lang import load_all
from extractors.records.evidence import evidence
from schemas.document import Document
from schemas.records import DateMention

from .dates_calendar import (NO_YEAR, Day, Period, interval, nearest_year, part, period_span,
                             resolve_day, safe_date)
from .dates_candidates import RANK_FULL, Candidate, Source, candidates
from .dates_grammar import Grammar, grammar, key, lower, meridiem_table
from .dates_times import clock, is_time, times_of

EXTRACTOR, VERSION = "dates", "1"
__all__ = ["DateMatch", "NO_YEAR", "Readings", "extract_dates", "find_dates", "parse_time", "read_dates",
           "to_mentions"]


@dataclass
class DateMatch:
    """One date, period or time found in a text, as written and normalised."""

    start: int
    end: int
    text: str
    value: str | None
    type: str  # date | period | time
    start_time: str | None = None
    end_time: str | None = None
    weekday: str | None = None
    weekday_mismatch: bool = False
    valid: bool = True
    problem: str | None = None
    confidence: float = 0.9
    days: tuple[str, str] | None = None  # first and last ISO day of a range of explicit days


# ---------------------------------------------------------------- choosing and combining

def _choose(cands: list[Candidate]) -> list[Candidate]:
    """Non-overlapping candidates: the surest kind first, then the longest."""
    starts: list[int] = []
    chosen: list[Candidate] = []
    for c in sorted(cands, key=lambda c: (-c.rank, -(c.end - c.start), c.start)):
        i = bisect.bisect_left(starts, c.start)
        if (i and chosen[i - 1].end > c.start) or (i < len(chosen) and chosen[i].start < c.end):
            continue
        starts.insert(i, c.start)
        chosen.insert(i, c)
    return chosen


def _merge_ranges(src: Source, cands: list[Candidate]) -> list[Candidate]:
    """Two days joined only by a dash (or a range word) make one period."""
    out: list[Candidate] = []
    for c in cands:
        prev = out[-1] if out else None
        if (prev and prev.kind == "day" and c.kind == "day" and prev.first and c.first
                and src.g.rx["range_gap"].fullmatch(src.low, prev.end, c.start)
                and "\n" not in src.text[prev.end:c.start]):
            out[-1] = Candidate(prev.start, c.end, RANK_FULL, "range", first=prev.first,
                                last=c.first, weekday=prev.weekday,
                                confidence=min(prev.confidence, c.confidence) - 0.05)
        else:
            out.append(c)
    return out


def _attach_times(src: Source, cands: list[Candidate]) -> list[Candidate]:
    """A time right after a day (with or without a cue word) belongs to that day."""
    out: list[Candidate] = []
    i = 0
    while i < len(cands):
        c = cands[i]
        i += 1
        m = src.after("time_after", c.end) if c.kind == "day" else None
        if m and is_time(m, src.g, attached=True):
            t1, t2 = times_of(m, src.g)
            j = i
            while j < len(cands) and cands[j].start < m.end():
                j += 1
            if t1 and all(x.kind == "time" and x.end <= m.end() for x in cands[i:j]):
                c.end, c.t1, c.t2, i = m.end(), t1, t2, j
        out.append(c)
    return out


# ---------------------------------------------------------------- values

def _build(c: Candidate, text: str, ref: dt.date | None, g: Grammar) -> DateMatch:
    match = DateMatch(c.start, c.end, text[c.start:c.end], None, "date",
                      start_time=c.t1, end_time=c.t2, weekday=c.weekday, confidence=c.confidence)
    if c.kind == "time":
        match.type = "time"
    elif c.kind == "day" and c.first:
        _build_day(c, ref, g, match)
    elif c.kind == "range" and c.first and c.last:
        match.type = "period"
        _build_range(c, ref, match)
    elif c.period:
        match.type = "period"
        _build_period(c.period, ref, match)
    if not match.valid:
        match.value, match.confidence = None, min(match.confidence, 0.6)
    match.confidence = round(match.confidence, 3)
    return match


def _build_day(c: Candidate, ref: dt.date | None, g: Grammar, match: DateMatch) -> None:
    assert c.first
    date, match.problem = resolve_day(c.first, ref)
    match.value = date.isoformat() if date else None
    match.valid = date is not None or c.first.y is None and ref is None
    if c.first.y is None or c.first.yy:
        match.confidence = min(match.confidence, 0.8 if ref else 0.5)
    if date and c.weekday:
        wanted = g.weekday_of.get(key(c.weekday.rstrip(".")))
        if wanted and wanted != date.isoweekday():
            match.weekday_mismatch = True
            match.problem = (f"weekday {c.weekday} does not match {date.isoformat()} "
                             f"({g.weekday_name.get(date.isoweekday(), date.isoweekday())})")
            match.confidence = min(match.confidence, 0.7)


def _build_range(c: Candidate, ref: dt.date | None, match: DateMatch) -> None:
    first, last = c.first, c.last
    assert first and last
    month = first.m or last.m or 0
    if last.y is None and first.y is not None:
        last = Day(first.y, last.m, last.d, last.raw, first.yy)
    end, problem = resolve_day(last, ref)
    start = None
    if end is not None and first.y is None:
        # the first day takes the last one's year, or the year before (28.12.-3.1.2009)
        start = safe_date(end.year, month, first.d)
        if start and start > end and first.m and first.m > end.month:
            start = safe_date(end.year - 1, month, first.d)
        problem = None if start else f"impossible date {first.raw}"
    elif end is not None:
        start, problem = resolve_day(Day(first.y, month, first.d, first.raw, first.yy), ref)
    if start and end and end < start:
        problem = "range ends before it starts"
    match.problem = problem
    match.valid = problem is None or problem == NO_YEAR
    if start and end and problem is None:
        match.value = interval(start, end)
        match.days = (start.isoformat(), end.isoformat())
    if c.last and c.last.y is None:
        match.confidence = min(match.confidence, 0.8 if ref else 0.5)


def _build_period(p: Period, ref: dt.date | None, match: DateMatch) -> None:
    y = p.y1
    if y is None:
        if ref is None:
            match.problem = NO_YEAR
            return
        y = nearest_year(ref, lambda yr: period_span(p, yr))
    span = period_span(p, y) if y is not None else None
    if span is None:
        match.problem, match.valid = "no such period", False
        return
    a, b = part(*span, p)
    match.value = a.isoformat() if a and a == b else interval(a, b)


# ', ' or ' ja ' / ' och ' / ' and ' between listed days, after a place each day may name
# ('4.2. Keravalla, 9.9. Tuusulassa ja 2.12.2009 Mäntsälässä')
LIST_GAP = re.compile(r"(?:[^\S\n]+[A-ZÅÄÖ][\w-]*(?=,|\s+[^\W\d]{1,4}\s*$))?[\s,]*(?:[^\W\d]{1,4}\s+)?")


def _share_list_year(text: str, cands: list[Candidate]) -> list[Candidate]:
    """'23.1., 12.3. ja 14.5.2008': days listed before a day with a year take that year (also when
    each names its place: '6.5. Järvenpäässä, 9.9. Tuusulassa ja 2.12.2009 Mäntsälässä')."""
    for i in range(len(cands) - 2, -1, -1):
        c, nxt = cands[i], cands[i + 1]
        year_day = nxt.first if nxt.kind == "day" else None
        if c.kind != "day" or not c.first or c.first.y is not None or not year_day or year_day.y is None \
                or not LIST_GAP.fullmatch(text[c.end:nxt.start]):
            continue
        if (c.first.m or 0, c.first.d) <= (year_day.m or 0, year_day.d):
            c.first = Day(year_day.y, c.first.m, c.first.d, c.first.raw, year_day.yy)
    return cands


def _first_full_date(cands: tuple[Candidate, ...]) -> dt.date | None:
    for c in cands:
        if c.kind == "day" and c.first and c.first.y is not None and not c.first.yy and c.first.m:
            date = safe_date(c.first.y, c.first.m, c.first.d)
            if date:
                return date
    return None


# ---------------------------------------------------------------- public API

def find_dates(text: str, lang: str = "fi", reference: dt.date | None = None) -> list[DateMatch]:
    """Every date, period and time in ``text``, non-overlapping, in text order."""
    return read_dates(text, lang).dated(reference)


@dataclass(frozen=True)
class Readings:
    """The chosen readings of a text, which do not depend on the reference date: a document is
    read once and dated twice, without and then with its own date (``_build`` only reads them)."""

    text: str
    g: Grammar
    chosen: tuple[Candidate, ...]

    def dated(self, reference: dt.date | None = None) -> list[DateMatch]:
        """The readings as matches; without a reference, the first full date of the text is it."""
        if isinstance(reference, dt.datetime):
            reference = reference.date()
        ref = reference or _first_full_date(self.chosen)
        return [_build(c, self.text, ref, self.g) for c in self.chosen]


def read_dates(text: str, lang: str = "fi") -> Readings:
    """Every reading of ``text`` as a date, period or time, overlaps settled."""
    src = Source(text, lower(text), grammar(lang))
    cands = [c for c in candidates(src) if "\n\n" not in text[c.start:c.end]]
    chosen = _share_list_year(text, _attach_times(src, _merge_ranges(src, _choose(cands))))
    return Readings(text, src.g, tuple(chosen))


def parse_time(text: str) -> str | None:
    """A clock time as ``HH:MM`` ('9' -> '09:00', '13.15' -> '13:15', '6 pm' -> '18:00')."""
    meridiem: dict[str, str] = {}
    for data in load_all("dates").values():
        meridiem.update(meridiem_table(data))
    m = re.fullmatch(r"\s*(\d{1,2})(?:[.:](\d\d))?\s*([^\W\d]\S*)?\s*", text)
    if not m or (m[3] and key(m[3]) not in meridiem):
        return None
    return clock(m[1], m[2], m[3], meridiem)


def _mention(doc: Document, m: DateMatch, value: str | None, type_: str,
             **fields: Any) -> DateMention:
    return DateMention(text=m.text, value=value, type=type_,
                       evidence=evidence(doc, m.start, m.end, EXTRACTOR, VERSION, m.confidence),
                       **fields)


def to_mentions(doc: Document, matches: list[DateMatch]) -> list[DateMention]:
    """DateMention records, with evidence, for matches found in ``doc.text``.

    A range of explicit days (``22.-23.4.2009``) names its two end days as well: after the
    period come a 'date' mention for each end day, on the same text and evidence.
    """
    mentions: list[DateMention] = []
    for m in matches:
        mentions.append(_mention(doc, m, m.value, m.type, start_time=m.start_time,
                                 end_time=m.end_time, weekday_mismatch=m.weekday_mismatch,
                                 valid=m.valid, problem=m.problem))
        mentions += [_mention(doc, m, day, "date") for day in dict.fromkeys(m.days or ())]
    return mentions


def extract_dates(doc: Document, lang: str,
                  reference: dt.date | None = None) -> list[DateMention]:
    """One DateMention per date, period or time mentioned in ``doc``, with its evidence."""
    return to_mentions(doc, find_dates(doc.text, lang, reference))
