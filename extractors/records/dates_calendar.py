"""Days and periods as written, and the calendar arithmetic that turns them into dates.

- A missing year is the one, among the reference's year and its two neighbours, that puts
  the day or period closest to the reference.
- Two-digit years fall within 80 years before and 20 after the reference year (without a
  reference: 00-49 are 20xx, 50-99 are 19xx).
- Seasons run three months from their first month (winter 12-2 starts in the year named).
- The beginning, middle or end of a period is its first, middle or last third (a month:
  days 1-10, 11-20, 21-end; a year: months 1-4, 5-8, 9-12).
"""
from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass
from typing import Callable

THIRDS = ("first_third", "middle_third", "last_third")
NO_YEAR = "incomplete date and no reference date"


@dataclass
class Day:
    """A day as written: year None when not stated, ``yy`` when written with two digits."""

    y: int | None
    m: int | None
    d: int
    raw: str
    yy: bool = False


@dataclass
class Period:
    """A period as written; ``y1`` None when the text gives no year."""

    unit: str  # calendar_year | month | season | week
    y1: int | None
    y2: int | None = None
    m1: int = 1  # a month period's first and last month; a week period's first and last week
    m2: int = 12
    season: int = 3  # a season's first month
    meaning: str = "whole"  # whole | open_end | open_start | first_third | ...


def safe_date(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def month_end(y: int, m: int) -> dt.date:
    return dt.date(y, m, calendar.monthrange(y, m)[1])


def nearest_year(ref: dt.date,
                 span_of: Callable[[int], tuple[dt.date, dt.date] | None]) -> int | None:
    """The year (reference year or a neighbour) whose span lies closest to ``ref``."""
    best: tuple[int, int] | None = None
    for y in (ref.year, ref.year - 1, ref.year + 1):
        span = span_of(y)
        if span is None:
            continue
        a, b = span
        dist = 0 if a <= ref <= b else min(abs((a - ref).days), abs((b - ref).days))
        if best is None or dist < best[0]:
            best = (dist, y)
    return best[1] if best else None


def century(yy: int, ref: dt.date | None) -> int:
    """The four-digit year of a two-digit one."""
    if ref is None:
        return 2000 + yy if yy < 50 else 1900 + yy
    year = (ref.year // 100) * 100 + yy
    if year > ref.year + 20:
        year -= 100
    elif year <= ref.year - 80:
        year += 100
    return year


def interval(a: dt.date | None, b: dt.date | None) -> str:
    """ISO 8601 interval, ``..`` for an open end."""
    return f"{a.isoformat() if a else '..'}/{b.isoformat() if b else '..'}"


def resolve_day(day: Day, ref: dt.date | None) -> tuple[dt.date | None, str | None]:
    """A written day as a date, or None and the problem."""
    m = day.m or 0
    if day.y is None:
        if ref is None:
            return None, NO_YEAR
        y = nearest_year(ref, lambda y: (d, d) if (d := safe_date(y, m, day.d)) else None)
        if y is None:
            return None, f"impossible date {day.raw}"
        return dt.date(y, m, day.d), None
    y = century(day.y, ref) if day.yy else day.y
    date = safe_date(y, m, day.d)
    return (date, None) if date else (None, f"impossible date {day.raw}")


def iso_week(y: int, week: int) -> tuple[dt.date, dt.date] | None:
    """First and last day (ISO weekdays 1 and 7) of ISO week ``week`` of ``y``."""
    try:
        first = dt.date.fromisocalendar(y, week, 1)
    except ValueError:
        return None
    return first, first + dt.timedelta(days=6)


def period_span(p: Period, y: int) -> tuple[dt.date, dt.date] | None:
    """First and last day of ``p`` in year ``y`` (None when there is no such period)."""
    if p.unit == "calendar_year":
        return dt.date(y, 1, 1), dt.date(p.y2 or y, 12, 31)
    if p.unit == "month":
        return dt.date(y if p.m1 <= p.m2 else y - 1, p.m1, 1), month_end(y, p.m2)
    if p.unit == "week":
        first, last = iso_week(y, p.m1), iso_week(y, p.m2)
        return (first[0], last[1]) if first and last and first[0] <= last[0] else None
    first = p.season
    crosses = first + 2 > 12  # winter: the 2008-2009 winter is the one that starts in 2008
    last_year = y if p.y2 is None or (crosses and p.y2 == y + 1) else p.y2
    end_month = first + 2
    end = month_end(last_year + (end_month - 1) // 12, (end_month - 1) % 12 + 1)
    return dt.date(y, first, 1), end


def part(a: dt.date, b: dt.date, p: Period) -> tuple[dt.date | None, dt.date | None]:
    """Apply a cue's meaning (open end, open start, one third) to the span a-b."""
    if p.meaning == "open_end":
        return a, None
    if p.meaning == "open_start":
        return None, b
    if p.meaning == "midpoint":  # 'by mid-month': the middle day (a month's 15th)
        mid = a.replace(day=15) if p.unit == "month" and p.m1 == p.m2 else a + (b - a) / 2
        return mid, mid
    if p.meaning not in THIRDS or p.y2 is not None or p.unit == "week":
        return a, b
    third = THIRDS.index(p.meaning)
    if p.unit == "month" and p.m1 == p.m2:
        first = a.replace(day=1 + 10 * third)
        return first, (b if third == 2 else first.replace(day=10 + 10 * third))
    months = (b.year - a.year) * 12 + b.month - a.month + 1
    if months % 3:
        return a, b
    step = months // 3
    start_index = a.month - 1 + step * third
    first = dt.date(a.year + start_index // 12, start_index % 12 + 1, 1)
    end_index = start_index + step - 1
    return first, month_end(a.year + end_index // 12, end_index % 12 + 1)
