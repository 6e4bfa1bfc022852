"""Commitments: forward-looking obligations with actors, a due date or period, and the decision they came from.

Two sources: sentences (an obligation anchored to a deadline, a pledge or assignment, an
item of an action list) and action tables, whose owner and due columns give actors and dates.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from extractors.lang import load
from schemas.document import Block
from schemas.records import Commitment, Decision, DecisionType, DocKind, Meeting, MeetingStatus

from . import cues
from .dates import DateMatch
from .evidence import evidence
from .context import Context, body_in, dates_in, day, deadline_date
from .normalise import canonical_municipality, find_municipalities
from .sentences import Sentence, table_cells
from .verbs import forward_verbs, present_active_verbs

NAME, VERSION = "commitments", "2"
MIN_ACTION_WORDS = 3  # a one-word cell under "Tehtävä" names a task group, not an obligation
DEFERRED = {DecisionType.POSTPONED, DecisionType.CANCELLED}
ACTOR_SPLIT = re.compile(r"\s*(?:[,;/&+]|\s(?:ja|sekä|and|och|samt)\s)\s*", re.I)


def extract_commitments(ctx: Context, sents: list[Sentence], meetings: list[Meeting],
                        decisions: list[Decision], own: Meeting | None,
                        people: list[str]) -> list[Commitment]:
    decision_at = {d.evidence.start: d for d in decisions if d.evidence}
    tables = {b.index: cols for b in ctx.doc.blocks if b.rows and (cols := action_columns(b, ctx.lang))}
    out = []
    for s in sents:
        if s.block.index in tables or s.text.rstrip().endswith("?") or s.block.kind in ("heading", "slide_title"):
            continue
        decision = decision_at.get(s.start)
        if decision and decision.type in DEFERRED:
            continue  # a postponed or cancelled matter is not a promise
        confidence = _confidence(ctx, s, people)
        if not confidence:
            continue
        due, due_raw = _due(ctx, s, meetings, own)
        out.append(Commitment(
            text=s.text, actors=_actors(ctx, s.text, people), due=due, due_raw=due_raw,
            decision=decision.id if decision else None,
            evidence=evidence(ctx.doc, s.start, s.end, NAME, VERSION, confidence)))
    for index, cols in tables.items():
        out.extend(_table_commitments(ctx, ctx.doc.blocks[index], cols, people))
    out.sort(key=lambda c: c.evidence.start if c.evidence else 0)
    return out


@dataclass(frozen=True)
class ActionColumns:
    action: int
    owner: int | None
    due: int | None


def action_columns(block: Block, lang: str) -> ActionColumns | None:
    """The action, owner and due columns of a table whose header names them."""
    header = block.rows[0] if block.rows else []
    found: dict[str, int] = {}
    for i, cell in enumerate(header):
        for role in ("action", "owner", "due"):
            m = cues.search(lang, f"table.{role}_column", cell)
            if m and m.start() == 0 and role not in found and len(cell.split()) <= 4:
                found[role] = i
                break
    if "action" not in found or len(block.rows) < 2:
        return None
    return ActionColumns(found["action"], found.get("owner"), found.get("due"))


def _table_commitments(ctx: Context, block: Block, cols: ActionColumns, people: list[str]) -> list[Commitment]:
    cells = {(r, c): (s, e) for r, c, s, e in table_cells(block)}
    out = []
    for r in range(1, len(block.rows)):
        span = cells.get((r, cols.action))
        if not span:
            continue
        text = ctx.doc.text[span[0]:span[1]].strip()
        if len(text.split()) < (1 if cols.owner is not None or cols.due is not None else MIN_ACTION_WORDS):
            continue
        owner = cells.get((r, cols.owner)) if cols.owner is not None else None
        due_span = cells.get((r, cols.due)) if cols.due is not None else None
        actors = _owner_actors(ctx.doc.text[owner[0]:owner[1]]) if owner else _actors(ctx, text, people)
        due, due_raw = None, None
        if due_span:
            found = [d for d in dates_in(ctx.dates, *due_span) if d.valid and d.value and d.type != "time"]
            if found:
                due, due_raw = _due_value(found[0]), found[0].text
        row_start = min(s for (rr, _), (s, _) in cells.items() if rr == r)
        row_end = max(e for (rr, _), (_, e) in cells.items() if rr == r)
        out.append(Commitment(text=text, actors=actors, due=due, due_raw=due_raw,
                              evidence=evidence(ctx.doc, row_start, row_end, NAME, VERSION, 0.75)))
    return out


def _owner_actors(cell: str) -> list[str]:
    parts = [p.strip(" .") for p in ACTOR_SPLIT.split(cell) if p.strip(" .")]
    return [canonical_municipality(p) or p for p in parts]


def _confidence(ctx: Context, s: Sentence, people: list[str]) -> float:
    """How surely ``s`` states an obligation (0 = not a commitment)."""
    lang, text = ctx.lang, s.text
    if cues.search(lang, "commitment.pledge", text) or cues.search(lang, "commitment.assignment", text):
        return 0.8
    if s.in_list and s.intro and (m := cues.search(lang, "commitment.list_intro", s.intro)) and m.start() == 0:
        return 0.6
    if deadline_date(ctx, s.start, s.end, s.text) or cues.search(lang, "commitment.next_meeting", text):
        return 0.85
    if _named_actor_acts(ctx, s, people):
        return 0.7
    verbs = forward_verbs(_without_decision_cues(text, lang), lang)
    if not (verbs or _obligation(text, lang)):
        return 0.0
    if _future_dates(ctx, s):
        return 0.8
    if ctx.kind == DocKind.PLAN and verbs:
        return 0.6
    return 0.0


def _named_actor_acts(ctx: Context, s: Sentence, people: list[str]) -> bool:
    """'Sirpa hoitaa asian', 'Antti Nieminen varaa tilat': a listed person, then a present verb."""
    starts = _people_in(s.text[:40], people)
    if not (starts and s.text.startswith(starts[0].split()[0])):
        return False
    return bool(present_active_verbs(s.text, ctx.lang) or _obligation(s.text, ctx.lang))


def _obligation(text: str, lang: str) -> bool:
    if cues.search(lang, "commitment.obligation", text):
        return True
    pattern = (load(lang, "grammar") or {}).get("obligation_pattern")
    return bool(pattern and re.search(pattern, text, re.I))


def _without_decision_cues(text: str, lang: str) -> str:
    """Blank out decision cue words so that a cancellation ('perutaan') is a decision, not a plan."""
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
    if start == "..":
        return end[:10]
    if not end or end == "..":
        return start[:10]
    try:
        a, b = dt.date.fromisoformat(start[:10]), dt.date.fromisoformat(end[:10])
    except ValueError:
        return start[:10]
    return (a + (b - a) / 2).isoformat()


def _due_value(d: DateMatch) -> str:
    if d.value.startswith("../"):
        return d.value[3:]
    return day(d) or d.value


def _due(ctx: Context, s: Sentence, meetings: list[Meeting], own: Meeting | None) -> tuple[str | None, str | None]:
    """The due date: the date a deadline word governs, the next meeting, or the first date ahead."""
    if d := deadline_date(ctx, s.start, s.end, s.text):
        return _due_value(d), d.text
    if m := cues.search(ctx.lang, "commitment.next_meeting", s.text):
        nxt = _next_meeting(meetings, own, ctx.doc_date)
        if nxt:
            return nxt.date, m.group(0)
    future = _future_dates(ctx, s)
    if future:
        return _due_value(future[0]), future[0].text
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


def _actors(ctx: Context, text: str, people: list[str]) -> list[str]:
    """Who is to act: municipalities listed, people named, or the body the sentence names."""
    actors = [name for _, _, name in find_municipalities(text)]
    actors += _people_in(text, people)
    if not actors and (body := body_in(text, ctx.lang)):
        actors.append(body)
    return list(dict.fromkeys(actors))

