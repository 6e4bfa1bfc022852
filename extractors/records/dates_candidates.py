"""Every reading of a text as a day, range, period or time, before overlaps are settled.

- Two-part and two-digit-year numbers at the start of a line followed by a capitalised
  word are heading numbers, not dates; so are numbers after a version or section word.
- A bare year is no date: it becomes a period only with a cue before or after it, or as a
  year range (2007-2009). A season or month needs a year or a cue.
- A number after a week word is an ISO week, unless a plain lower-case word follows it
  ('viikolla 3 kokousta' counts meetings).
- A lone clock time needs a time cue, a half-day marker, minutes in a range, or a field
  label before it ('Tid: 17.15'); four digits (1045) need a strong time cue.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable

from .dates_calendar import Day, Period, century, safe_date
from .dates_grammar import Grammar, groups_of, is_word_char, key
from .dates_times import is_time, times_of

RANK_PERIOD, RANK_NO_YEAR, RANK_FULL = 1, 2, 3
LISTED_NEXT = re.compile(r"[ \t]+[^\W\d][\w-]*,[ \t]*\d{1,2}\.\d{1,2}\.")  # ' Keravalla, 6.5.' 


@dataclass
class Candidate:
    """One reading of ``text[start:end]``; ``rank`` says how sure its kind is."""

    start: int
    end: int
    rank: int
    kind: str  # day | range | period | time
    first: Day | None = None
    last: Day | None = None
    period: Period | None = None
    weekday: str | None = None
    t1: str | None = None
    t2: str | None = None
    confidence: float = 0.9
    cued: bool = False  # a period with a cue word around it


@dataclass
class Source:
    """The text being read, its offset-preserving lower-case copy, and the grammar."""

    text: str
    low: str
    g: Grammar

    def before(self, name: str, pos: int) -> re.Match[str] | None:
        """Pattern ``name`` ending exactly at ``pos`` (None when it matches nothing there)."""
        if pos == 0 or is_word_char(self.low[pos - 1]):
            return None  # every such pattern ends in a space or punctuation
        m = self.g.rx[name].search(self.low, max(0, pos - self.g.window[name] - 4), pos)
        return m if m and m.start() < pos else None

    def after(self, name: str, pos: int) -> re.Match[str] | None:
        return self.g.rx[name].match(self.low, pos)

    def starts_word(self, pos: int) -> bool:
        return pos == 0 or not is_word_char(self.low[pos - 1])

    def name_case_ok(self, pos: int) -> bool:
        """Languages that capitalise month and weekday names (English) need the capital."""
        return not self.g.capitalised or self.text[pos].isupper()


def candidates(src: Source) -> list[Candidate]:
    """Every candidate reading of ``src``, overlapping, in no particular order."""
    return [*_numeric(src), *_months(src), *_seasons(src), *_years(src), *_weeks(src),
            *_quarters(src), *_times(src)]


def _plausible(d: int, m: int, strict: bool) -> bool:
    """Whether numbers could be meant as a day and month (impossible ones get flagged)."""
    return (1 <= d <= 31 and 1 <= m <= 12) if strict else (d <= 39 and m <= 19)


def _is_heading_number(text: str, start: int, end: int) -> bool:
    """A number alone at the start of a line (or cell) before a capitalised word."""
    line_start = max(text.rfind("\n", 0, start), text.rfind("\t", 0, start)) + 1
    if text[line_start:start].strip(" #|>"):
        return False
    after = re.match(r"[ \t]+(\w)", text[end:end + 4])
    if after and LISTED_NEXT.match(text, end):
        return False  # '4.2. Keravalla, 6.5. Järvenpäässä': a list of days, each with its place
    return bool(after and after.group(1).isupper())


def _order(g: Grammar, a: int, b: int, form: str, y: int | None) -> tuple[int, int]:
    """Day and month of two numbers: the language's order, or its fallback for slashes."""
    orders = g.orders if form == "slash" else g.orders[:1]
    for order in orders:
        d, mo = (a, b) if order == "dmy" else (b, a)
        if safe_date(y or 2000, mo, d):
            return d, mo
    return (a, b) if orders[0] == "dmy" else (b, a)


def _numeric(src: Source) -> Iterable[Candidate]:
    pos = 0
    while m := src.g.rx["numeric"].search(src.low, pos):
        form, groups = groups_of(m)
        cand = _numeric_cand(src, form, groups, m.start(), m.end())
        if cand:
            yield cand
        # a range that is none ('9.00-11.10.2019') may still end in a date
        pos = m.start("a__range") if form == "range" and not cand else m.end()


def _numeric_cand(src: Source, form: str, groups: dict[str, str | None], start: int,
                  end: int) -> Candidate | None:
    a, b = int(groups["a"] or 0), int(groups["b"] or 0)
    y = int(groups["y"]) if groups.get("y") else None
    yy = groups.get("yy")
    if y is not None and not 1900 <= y <= 2099:
        return None
    d, mo = _order(src.g, a, b, form, y)
    full = y is not None
    if not _plausible(d, mo, strict=not full):
        return None
    if not full and src.before("not_date_before", start):
        return None
    raw = src.text[start:end]
    if form == "range":
        return _numeric_range(src, groups, start, end, Day(y, mo, d, raw))
    day = Day(int(yy) if yy else y, mo, d, raw, yy=bool(yy))
    cand = _with_weekday(src, Candidate(start, end, RANK_FULL if (full or yy) else RANK_NO_YEAR,
                                        "day", first=day, confidence=0.95 if full else 0.8))
    if full or cand.weekday:
        return cand
    if form == "slashdm" and cand.start == start:
        return None  # "1/2" is a fraction unless a year, weekday or day word comes with it
    return None if _is_heading_number(src.text, start, end) else cand


def _numeric_range(src: Source, groups: dict[str, str | None], start: int, end: int,
                   last: Day) -> Candidate | None:
    """``15.-17.6.``, and ``9.9-11.10.2019`` whose first day names its month (the dot after
    that month may only be left out when the year follows, or '1.5-2.5.' is two decimals)."""
    d1, m1 = int(groups["d1"] or 0), int(groups["m1"]) if groups["m1"] else None
    if m1 is not None:
        if not _plausible(d1, m1, strict=True) or not (groups["dot1"] or last.y):
            return None
    if not 1 <= d1 <= 31:
        return None
    first = Day(None, m1, d1, last.raw)
    return _with_weekday(src, Candidate(start, end, RANK_FULL if last.y else RANK_NO_YEAR,
                                        "range", first=first, last=last, confidence=0.9))


def _with_weekday(src: Source, cand: Candidate) -> Candidate:
    """Extend a day leftwards over a weekday name and a day prefix word."""
    w = src.before("weekday_before", cand.start)
    if w and (not w["wd"] or src.name_case_ok(w.start("wd"))):
        cand.start = w.start()
        cand.weekday = src.text[w.start("wd"):w.end("wd")] if w["wd"] else None
    return cand


def _months(src: Source) -> Iterable[Candidate]:
    for m in src.g.rx["month"].finditer(src.low):
        if src.starts_word(m.start()) and src.name_case_ok(m.start()):
            cand = _month_cand(src, m)
            if cand:
                yield cand


def _month_cand(src: Source, m: re.Match[str]) -> Candidate | None:
    g = src.g
    form = key(m["mon"])
    month, roles = g.month_of.get(form), g.roles.get(form, set())
    if month is None:
        return None
    start, end = m.start(), m.end()
    if "after_day" in roles and (days := src.before("days_before", start)):
        year = src.after("year_after", end)
        return _days_cand(src, days.start(), year.end() if year else end, days, month,
                          int(year["y"]) if year else None)
    if "before_day" in roles and (days := src.after("days_after", end)) \
            and (days["dw"] or not g.needs_day_word):
        year = src.after("year_after", days.end())
        return _days_cand(src, start, year.end() if year else days.end(), days, month,
                          int(year["y"]) if year else None)
    year = src.after("year_after", end)
    if year and "with_year" in roles:
        first = month
        if stem := src.before("stem_before", start):
            start, first = stem.start(), g.stem_of[key(stem["stem"])]
        return _period_cand(src, start, year.end(), Period("month", int(year["y"]), m1=first,
                                                           m2=month), 0.9)
    cue_b, cue_a = src.before("cue_before", start), src.after("cue_after", end)
    cued = (cue_b and cue_b["cb"]) or cue_a
    if not ((cued and "with_cue" in roles) or "alone" in roles):
        return None
    # a full stop after the name ends the sentence ('in May.'): it is not part of the date
    return _period_cand(src, start, m.end("mon"), Period("month", None, m1=month, m2=month), 0.7)


def _days_cand(src: Source, start: int, end: int, days: re.Match[str], month: int,
               y: int | None) -> Candidate | None:
    d1, d2 = int(days["d1"]), days["d2"]
    if not _plausible(d1, month, strict=True) or (d2 and not 1 <= int(d2) <= 31):
        return None
    raw = src.text[start:end]
    rank, conf = (RANK_FULL, 0.95) if y else (RANK_NO_YEAR, 0.8)
    if d2:
        cand = Candidate(start, end, rank, "range", first=Day(None, month, d1, raw),
                         last=Day(y, month, int(d2), raw), confidence=conf - 0.05)
    else:
        cand = Candidate(start, end, rank, "day", first=Day(y, month, d1, raw), confidence=conf)
    return _with_weekday(src, cand)


def _period_cand(src: Source, start: int, end: int, period: Period, confidence: float,
                 year_words: bool = False) -> Candidate:
    """Extend a period over the cue words around it; the cues set its meaning."""
    g = src.g
    before = src.before("year_cue_before" if year_words else "cue_before", start)
    meaning_before = None
    if before:
        if before["cb"]:
            meaning_before = g.cues_before[key(before["cb"])]
        if year_words and before["yw"]:
            meaning_before = meaning_before or g.year_words[key(before["yw"])]
        if meaning_before or (not year_words and before["art"]):
            start = before.start()
    after = src.after("cue_after", end)
    meaning_after = g.cues_after[key(after["ca"])] if after else None
    if after:
        end = after.end()
    # a trailing cue is the more specific one, unless it only says "during"
    if meaning_after and not (meaning_after == "whole" and meaning_before):
        period.meaning = meaning_after
    else:
        period.meaning = meaning_before or "whole"
    return Candidate(start, end, RANK_PERIOD, "period", period=period, confidence=confidence,
                     cued=bool(meaning_before or meaning_after))


def _seasons(src: Source) -> Iterable[Candidate]:
    for m in src.g.rx["season"].finditer(src.low):
        if not src.starts_word(m.start()):
            continue
        season = src.g.season_of[key(m["season"])]
        start, end = m.start(), m.end()
        if year := src.after("season_year_after", end):
            y1, y2, end = int(year["y"]), int(year["y2"]) if year["y2"] else None, year.end()
        elif lead := src.before("year_word_year_before", start):
            y1, y2, start = int(lead["y"]), None, lead.start()
        else:
            continue  # a season without a year is too vague to date
        if y2 is None or 0 <= y2 - y1 <= 50:
            yield _period_cand(src, start, end, Period("season", y1, y2, season=season), 0.85)


def _years(src: Source) -> Iterable[Candidate]:
    for m in src.g.rx["year_number"].finditer(src.low):
        y1 = int(m["y1"])
        y2 = int(m["y2"] or m["y3"]) if (m["y2"] or m["y3"]) else None
        if y2 is not None and not 0 < y2 - y1 <= 50:
            continue
        cand = _period_cand(src, m.start(), m.end(), Period("calendar_year", y1, y2), 0.85,
                            year_words=True)
        if cand.cued or y2 is not None:
            yield cand


def _weeks(src: Source) -> Iterable[Candidate]:
    """ISO weeks after a week word: 'vko 12', 'viikolla 12/2009', 'week 12-14'."""
    g = src.g
    for m in g.rx["week"].finditer(src.low):
        w1, w2 = int(m["w1"]), int(m["w2"] or m["w1"])
        if not (src.starts_word(m.start()) and 1 <= w1 <= w2 <= 53) or _counts_something(src, m):
            continue
        y = int(m["y"] or m["y4"]) if (m["y"] or m["y4"]) else None
        if m["yy"]:
            y = century(int(m["yy"]), None)
        cand = _period_cand(src, m.start(), m.end(), Period("week", y, m1=w1, m2=w2), 0.8)
        if cand.period and not cand.cued:
            cand.period.meaning = g.week_words[key(m["ww"])]
        yield cand


def _quarters(src: Source) -> Iterable[Candidate]:
    """A quarter as its three months: 'I neljännes', 'Q1/2009', 'första kvartalet 2009'; without a
    year it takes one like other year-less periods, or the one a year word before it names."""
    for m in src.g.rx["quarter"].finditer(src.low):
        q = int(m["qn"] or m["qp"]) if (m["qn"] or m["qp"]) else src.g.quarter_of[key(m["qo"])]
        y = int(m["y"]) if m["y"] else None
        if m["qp"] and y is None:
            continue  # 'Q2 accounts', 'Q4-raportti': without a year, Q2 labels a report, not a time
        start = m.start()
        if y is None and (lead := src.before("year_word_year_before", start)):
            y, start = int(lead["y"]), lead.start()
        yield _period_cand(src, start, m.end(), Period("month", y, m1=3 * q - 2, m2=3 * q), 0.8)


def _counts_something(src: Source, m: re.Match[str]) -> bool:
    """'viikolla 3 kokousta': a plain lower-case word after the number makes it a count."""
    if m["y"] or m["y4"] or m["yy"] or src.after("cue_after", m.end()):
        return False
    word = re.compile(r"[^\S\n]+([^\W\d_])").match(src.text, m.end())
    return bool(word and word[1].islower() and not src.after("time_cued", word.start(1)))


def _times(src: Source) -> Iterable[Candidate]:
    for name in ("time_cued", "time_bare"):
        for m in src.g.rx[name].finditer(src.low):
            if src.starts_word(m.start()) and is_time(m, src.g, attached=False):
                yield from _time_cand(src, m, m.start(), RANK_FULL)
    for m in src.g.rx["time_labelled"].finditer(src.low):
        # 'Tid: 17.15': hours and minutes after a field label; the lowest rank, so that a
        # no-year date it could also be ('Aika: 12.10.') wins
        if m["s1"] and m["s2"] != "":
            yield from _time_cand(src, m, m.start("h1"), RANK_PERIOD)


def _time_cand(src: Source, m: re.Match[str], start: int, rank: int) -> Iterable[Candidate]:
    t1, t2 = times_of(m, src.g)
    if t1:
        yield Candidate(start, m.end(), rank, "time", t1=t1, t2=t2, confidence=0.75)
