"""Geometry of the report's timeline: one lane per body, x = date, one marker per record group.

Pure layout in SVG user units; ``templates/timeline.html`` draws it, so every
label passes through the template's escaping.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date

WIDTH = 1280
LEFT = 232          # room for the lane labels
RIGHT = 16
TOP = 6
LANE_HEIGHT = 30
AXIS_HEIGHT = 40
LABEL_CHARS = 28
# Kinds share a lane in three rows so a meeting and its decisions stay apart.
ROW_OFFSET = {"meeting": -8, "decision": 0, "commitment": 8}


@dataclass(frozen=True)
class Event:
    """One record on the timeline; ``lane`` is None when no body is known."""

    day: date
    lane: str | None
    lane_label: str
    kind: str
    href: str
    label: str
    overdue: bool = False


@dataclass
class Marker:
    x: float
    y: float
    kind: str
    day: date
    overdue: bool
    href: str
    labels: list[str] = field(default_factory=list)
    r: float = 4.5

    @property
    def count(self) -> int:
        return len(self.labels)


@dataclass(frozen=True)
class Tick:
    x: float
    label: str
    year: str  # the year written under the tick, "" when it repeats
    major: bool


@dataclass(frozen=True)
class Lane:
    label: str
    title: str
    y: float
    top: float
    height: float = LANE_HEIGHT


@dataclass
class Timeline:
    width: int
    height: int
    left: int
    right: int
    axis_y: float
    lanes: list[Lane]
    ticks: list[Tick]
    markers: list[Marker]
    today_x: float | None
    first: date
    last: date


def _month_start(day: date) -> date:
    return date(day.year, day.month, 1)


def _next_month(day: date) -> date:
    return date(day.year + day.month // 12, day.month % 12 + 1, 1)


def _months(first: date, last: date) -> list[date]:
    out = [first]
    while out[-1] < last:
        out.append(_next_month(out[-1]))
    return out


def _ticks(first: date, last: date, x: Callable[[date], float]) -> list[Tick]:
    """Month ticks for short spans, year ticks (with unlabelled months) for long ones."""
    months = _months(first, last)
    span = len(months) - 1
    ticks: list[Tick] = []
    shown_year = None
    for m in months:
        if span > 36:
            major = m.month == 1 or m == first
            if not major and span > 120:
                continue
            label = str(m.year) if major else ""
            ticks.append(Tick(x(m), label, "", major))
            continue
        step = 1 if span <= 18 else 3
        labelled = (m.month - 1) % step == 0
        year = str(m.year) if labelled and m.year != shown_year else ""
        if year:
            shown_year = m.year
        ticks.append(Tick(x(m), str(m.month) if labelled else "", year, m.month == 1))
    return ticks


def layout(events: Iterable[Event], today: date) -> Timeline | None:
    """Place ``events`` on lanes ordered by their first date; None when nothing is dated."""
    events = sorted(events, key=lambda e: (e.day, e.kind))
    if not events:
        return None
    first = _month_start(events[0].day)
    last = _next_month(events[-1].day)
    plot = WIDTH - LEFT - RIGHT
    days = (last - first).days

    def x(day: date) -> float:
        return round(LEFT + plot * (day - first).days / days, 1)

    order: dict[str | None, str] = {}
    for e in events:
        order.setdefault(e.lane, e.lane_label)
    keys = [k for k in order if k is not None] + ([None] if None in order else [])
    lanes: list[Lane] = []
    lane_y: dict[str | None, float] = {}
    for i, key in enumerate(keys):
        top = TOP + i * LANE_HEIGHT
        lane_y[key] = top + LANE_HEIGHT / 2
        label = order[key]
        short = label if len(label) <= LABEL_CHARS else label[: LABEL_CHARS - 1].rstrip() + "…"
        lanes.append(Lane(short, label, lane_y[key], top))

    groups: dict[tuple, Marker] = {}
    for e in events:
        key = (e.lane, e.day, e.kind, e.overdue)
        if key not in groups:
            groups[key] = Marker(x(e.day), lane_y[e.lane] + ROW_OFFSET.get(e.kind, 0), e.kind, e.day,
                                 e.overdue, e.href)
        groups[key].labels.append(e.label)
    markers = list(groups.values())
    for m in markers:
        m.r = min(4.5 + 1.2 * (m.count - 1), 8.0)
    # overdue last so the warning colour is never hidden under a neighbour
    markers.sort(key=lambda m: (m.overdue, m.x))
    axis_y = TOP + len(lanes) * LANE_HEIGHT + 4
    today_x = x(today) if first <= today <= last else None
    return Timeline(WIDTH, int(axis_y + AXIS_HEIGHT), LEFT, WIDTH - RIGHT, axis_y, lanes,
                    _ticks(first, last, x), markers, today_x, first, last)


def overdue(due: date | None, today: date, later: Iterable[date]) -> bool:
    """Past due: the due day has passed and the body has no record on or after it."""
    if due is None or due >= today:
        return False
    return not any(day >= due for day in later)
