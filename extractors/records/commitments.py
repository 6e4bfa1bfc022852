"""Commitments: forward-looking obligations with actors, a due date or period, and the decision they came from."""
from __future__ import annotations

import datetime as dt
import re

from schemas.records import Commitment, Decision, DocKind, Meeting, MeetingStatus

from . import cues
from .dates import DateMatch
from .evidence import evidence
from .meetings import Context, body_in, dates_in, day
from .sentences import Sentence
from .verbs import forward_verbs

NAME, VERSION = "commitments", "1"
MIN_CELL_WORDS = 3  # a one-word cell under "Tehtävä" names a task group, not an obligation


def extract_commitments(ctx: Context, sents: list[Sentence], meetings: list[Meeting],
                        decisions: list[Decision], own: Meeting | None,
                        people: list[str]) -> list[Commitment]:
    decision_at = {d.evidence.start: d for d in decisions if d.evidence}
    out = []
    for s in sents:
        if s.text.rstrip().endswith("?") or s.block.kind in ("heading", "slide_title"):
            continue
        confidence = _commitment_confidence(ctx, s)
        if not confidence:
            continue
        due, due_raw = _due(ctx, s, meetings, own)
        decision = decision_at.get(s.start)
        out.append(Commitment(
            text=s.text, actors=_actors(ctx, s, people), due=due, due_raw=due_raw,
            decision=decision.id if decision else None,
            evidence=evidence(ctx.doc, s.start, s.end, NAME, VERSION, confidence)))
    return out


def _commitment_confidence(ctx: Context, s: Sentence) -> float:
    """How surely ``s`` states an obligation (0 = not a commitment)."""
    lang, text = ctx.lang, s.text
    if cues.search(lang, "commitment.pledge", text) or cues.search(lang, "commitment.assignment", text):
        return 0.8
    if s.in_list and s.intro and (m := cues.search(lang, "commitment.list_intro", s.intro)) and m.start() == 0:
        return 0.6
    if s.column and cues.search(lang, "commitment.column", s.column) and len(text.split()) >= MIN_CELL_WORDS:
        return 0.7
    verbs = [m for m in forward_verbs(_without_decision_cues(text, lang), lang)]
    obligation = cues.search(lang, "commitment.obligation", text)
    if not (verbs or obligation):
        return 0.0
    if cues.search(lang, "commitment.deadline", text) or _future_dates(ctx, s):
        return 0.85
    if ctx.kind == DocKind.PLAN and verbs:
        return 0.6
    return 0.0


def _without_decision_cues(text: str, lang: str) -> str:
    """Blank out decision cue words so 'perutaan' counts as a decision, not a plan."""
    for cue_id in cues.cue_ids(lang, "decision."):
        for m in cues.finditer(lang, cue_id, text):
            text = text[:m.start()] + " " * (m.end() - m.start()) + text[m.end():]
    return text


def _future_dates(ctx: Context, s: Sentence) -> list[DateMatch]:
    found = [d for d in dates_in(ctx.dates, s.start, s.end) if d.valid and d.value and d.type != "time"]
    if not ctx.doc_date:
        return found
    return [d for d in found if _midpoint(d.value) >= ctx.doc_date[:10]]


def _midpoint(value: str) -> str:
    """A period counts as ahead when most of it lies after the document's date."""
    start, _, end = value.partition("/")
    if not end or end == "..":
        return start[:10]
    try:
        a, b = dt.date.fromisoformat(start[:10]), dt.date.fromisoformat(end[:10])
    except ValueError:
        return start[:10]
    return (a + (b - a) / 2).isoformat()


def _due(ctx: Context, s: Sentence, meetings: list[Meeting], own: Meeting | None) -> tuple[str | None, str | None]:
    """The due date: the next meeting for 'by the next meeting', else the first future date or period."""
    if m := cues.search(ctx.lang, "commitment.next_meeting", s.text):
        nxt = _next_meeting(meetings, own, ctx.doc_date)
        if nxt:
            return nxt.date, m.group(0)
    future = _future_dates(ctx, s)
    if future:
        d = future[0]
        return (day(d) or d.value), d.text
    return None, None


def _next_meeting(meetings: list[Meeting], own: Meeting | None, doc_date: str | None) -> Meeting | None:
    planned = [m for m in meetings if m.status == MeetingStatus.PLANNED and m.date
               and (not doc_date or m.date > doc_date[:10])]
    if own and own.body:
        same = [m for m in planned if m.body == own.body]
        planned = same or planned
    return min(planned, key=lambda m: m.date) if planned else None


def _people_in(text: str, people: list[str]) -> list[str]:
    """Attendees named in ``text`` by full name, or by a first name only one attendee has."""
    found = [p for p in people if re.search(rf"(?<!\w){re.escape(p)}(?!\w)", text)]
    first_names: dict[str, list[str]] = {}
    for p in people:
        first_names.setdefault(p.split()[0], []).append(p)
    for first, owners in first_names.items():
        if len(owners) == 1 and owners[0] not in found and re.search(rf"(?<!\w){re.escape(first)}(?!\w)", text):
            found.append(owners[0])
    return found


def _actors(ctx: Context, s: Sentence, people: list[str]) -> list[str]:
    """Who is to act: municipalities listed, people named, or the body the sentence names."""
    from .normalise import find_municipalities

    actors = [name for _, _, name in find_municipalities(s.text)]
    actors += _people_in(s.text, people)
    if not actors and (body := body_in(s.text, ctx.lang)):
        actors.append(body)
    return list(dict.fromkeys(actors))
