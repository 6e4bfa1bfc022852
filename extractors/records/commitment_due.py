"""When a commitment is due: the date a deadline word governs, the next meeting actually held,
or the first date ahead of the document's own."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cache

from extractors.lang import load
from schemas.records import Decision, DecisionType, Meeting, MeetingStatus

from . import cues
from .context import Context, dates_in, day, deadline_date
from .dates import DateMatch
from .sentences import Sentence


def due_value(d: DateMatch) -> str:
    """A due date as written in a record: a day, or a period ('../2008-05-31' is due on its end)."""
    if d.value.startswith("../"):
        return d.value[3:]
    return day(d) or d.value


def future_dates(ctx: Context, start: int, end: int) -> list[DateMatch]:
    """Calendar dates and periods between ``start`` and ``end`` that lie ahead of the document's date."""
    found = [d for d in dates_in(ctx.dates, start, end) if d.valid and d.value and d.type != "time"]
    if not ctx.doc_date:
        return found
    return [d for d in found if _midpoint(d.value) >= ctx.doc_date[:10]]


def _midpoint(value: str) -> str:
    """A period counts as ahead when most of it lies after the document's date."""
    start, _, end = value.partition("/")
    if start == "..":
        return end[:10]
    if not end or end == "..":
        return start[:10]
    try:
        a, b = dt.date.fromisoformat(start[:10]), dt.date.fromisoformat(end[:10])
    except ValueError:
        return start[:10]
    return (a + (b - a) / 2).isoformat()


@dataclass(frozen=True)
class DueMeetings:
    """The meetings a deadline may name: the document's own and its next (``next_meeting``)."""

    own: Meeting | None
    next: Meeting | None


def sentence_due(ctx: Context, s: Sentence, meetings: DueMeetings) -> tuple[str | None, str | None]:
    """The due date of a sentence's commitment, and the words that gave it."""
    if d := deadline_date(ctx, s.start, s.end, s.text):
        return due_value(d), d.text
    if due := meeting_due(ctx.lang, s.text, meetings):
        return due
    future = future_dates(ctx, s.start, s.end)
    if future:
        return due_value(future[0]), future[0].text
    return None, None


def meeting_deadline(lang: str, text: str) -> re.Match[str] | None:
    """'ennen seuraavaa kokousta', 'before the meeting': words that make a meeting the deadline."""
    return cues.search(lang, "commitment.next_meeting", text) or cues.search(lang, "commitment.this_meeting", text)


def meeting_due(lang: str, text: str, meetings: DueMeetings) -> tuple[str, str] | None:
    """(day, words) when ``text`` makes a meeting the deadline: 'ennen seuraavaa kokousta' the next
    meeting; 'ennen kokousta' the document's own while it is still to be held (an invitation), else
    the next; a lead time before it ('viikkoa ennen kokousta') is taken off its day."""
    if m := cues.search(lang, "commitment.next_meeting", text):
        meeting = meetings.next
    elif m := cues.search(lang, "commitment.this_meeting", text):
        own = meetings.own
        meeting = own if own and own.status == MeetingStatus.PLANNED else meetings.next
    else:
        return None
    if meeting is None or not meeting.date:
        return None
    lead = _lead_time(lang).search(text, 0, m.start())
    if not lead:
        return meeting.date, m.group(0)
    try:
        day_ = dt.date.fromisoformat(meeting.date[:10]) - dt.timedelta(days=_lead_days(lang, lead))
    except ValueError:  # a meeting date that is not a day
        return meeting.date, m.group(0)
    return day_.isoformat(), text[lead.start():m.end()]


@cache
def _lead_time(lang: str) -> re.Pattern[str]:
    """'kaksi viikkoa ', 'en vecka ', '3 days ' right before a meeting deadline (the language's
    ``lead_time`` words in dates.json; a language without them never matches)."""
    words = load(lang, "dates").get("lead_time") or {"numbers": {}, "units": {}}
    numbers = [r"\d{1,2}", *(re.escape(n) for n in sorted(words["numbers"], key=len, reverse=True))]
    units = [re.escape(u) for u in sorted(words["units"], key=len, reverse=True)] or ["(?!)"]
    return re.compile(rf"(?<!\w)(?:(?P<number>{'|'.join(numbers)})\s+)?(?P<unit>{'|'.join(units)})\s+$", re.I)


def _lead_days(lang: str, lead: re.Match[str]) -> int:
    words = load(lang, "dates")["lead_time"]
    number = (lead.group("number") or "").casefold()
    count = int(number) if number.isdigit() else words["numbers"].get(number, 1)
    return count * words["units"][lead.group("unit").casefold()]


def next_meeting(meetings: list[Meeting], own: Meeting | None, doc_date: str | None,
                 decisions: list[Decision]) -> Meeting | None:
    """The first planned meeting after the document's date that is still to be held: a meeting the
    same document cancels ('huhtikuun kokous jää pois'), or the old date of a moved one, is not."""
    dropped = _dropped(meetings, decisions)
    planned = [m for m in meetings if m.status == MeetingStatus.PLANNED and m.date
               and (not doc_date or m.date > doc_date[:10])
               and not any(m.date == day_ and (not m.body or not body or m.body == body) for day_, body in dropped)]
    body = own.body if own and own.body else _main_body(meetings)
    if body:
        same = [m for m in planned if m.body == body]
        planned = same or planned
    return min(planned, key=lambda m: m.date) if planned else None


def _main_body(meetings: list[Meeting]) -> str | None:
    """The body a document without a meeting of its own (an e-mail, a bulletin) mostly writes about:
    its 'next meeting' is that body's, not the board meeting a quoted reply mentions."""
    counts: dict[str, int] = {}
    for m in meetings:
        if m.body:
            counts[m.body] = counts.get(m.body, 0) + 1
    return max(counts, key=lambda b: counts[b]) if counts else None


def _dropped(meetings: list[Meeting], decisions: list[Decision]) -> set[tuple[str, str | None]]:
    """(date, body) of meetings that will not be held: cancelled ones, those a cancelling decision
    states, and all but the latest date a postponing decision states (its old date)."""
    out = {(m.date, m.body) for m in meetings if m.status == MeetingStatus.CANCELLED and m.date}
    for d in decisions:
        if d.type not in (DecisionType.CANCELLED, DecisionType.POSTPONED) or not d.evidence:
            continue
        inside = [m for m in meetings if m.evidence and m.date
                  and d.evidence.start <= m.evidence.start < d.evidence.end]
        if d.type == DecisionType.POSTPONED:
            inside = sorted(inside, key=lambda m: m.date or "")[:-1]
        out.update((m.date, m.body) for m in inside)
    return out
