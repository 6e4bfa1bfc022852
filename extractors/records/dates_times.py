"""Clock times: when a number is a time, and its ``HH:MM`` value."""
from __future__ import annotations

import re

from .dates_grammar import Grammar, key


def clock(h: str | None, mi: str | None, mer: str | None, halves: dict[str, str]) -> str | None:
    """``HH:MM`` of an hour, minutes and half-day marker, or None when no such time."""
    if h is None:
        return None
    hour, minute = int(h), int(mi) if mi else 0
    if minute > 59:
        return None
    if mer:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + int(halves.get(key(mer), "0"))
    if hour > 24 or (hour == 24 and minute):
        return None
    return f"{hour:02d}:{minute:02d}"


def times_of(m: re.Match[str], g: Grammar) -> tuple[str | None, str | None]:
    """Start and end time of a match of the grammar's time patterns."""
    mer2 = m["mer2"]
    t1 = clock(m["h1"], m["mi1"], m["mer1"], g.meridiem)
    if m["mer1"] is None and mer2 and m["h2"]:
        # "9-11 am": the second half-day marker covers both ends unless that reverses them
        shift = int(g.meridiem.get(key(mer2), "0"))
        h1, h2 = int(m["h1"]), int(m["h2"]) % 12 + shift
        if 1 <= h1 <= 12 and h1 % 12 + shift <= h2:
            t1 = clock(m["h1"], m["mi1"], mer2, g.meridiem)
    t2 = clock(m["h2"], m["mi2"], mer2, g.meridiem) if m["h2"] else None
    if t1 is None or (m["h2"] and t2 is None):
        return None, None
    return t1, t2


def is_time(m: re.Match[str], g: Grammar, attached: bool) -> bool:
    """Whether a number is a time: a cue, half-day marker, minutes, or (after a date) a range.

    Four digits (1045) are a time only right after a strong time cue, and only as hours and
    minutes written with two digits each.
    """
    cue = m["cue"] if "cue" in m.re.groupindex else None
    strong = bool(cue and key(cue) in g.strong_cues)
    for n in "12":
        if m[f"s{n}"] == "" and (not strong or len(m[f"h{n}"]) != 2):
            return False
    marked = bool(m["mer1"] or m["mer2"] or m["hw1"] or m["hw2"])
    if strong:
        return True
    if cue:
        return marked or bool(m["mi1"]) or attached
    if marked:
        return True
    if attached:
        return bool(m["mi1"] or m["h2"])
    return bool(m["h2"] and m["s1"] == ":" and m["s2"] == ":")
