"""Decisions: statements of what a body decided, agreed, noted, approved, elected, postponed or cancelled."""
from __future__ import annotations

from schemas.records import Decision, DocKind, Meeting, MeetingStatus

from . import cues
from .evidence import evidence
from .context import Context, body_in, dates_in, day
from .sentences import Sentence, agenda_item
from .verbs import forward_verbs

NAME, VERSION = "decisions", "1"
MIN_WORDS = 2  # "Päätös:" with nothing after it is an empty template line


def decision_type(text: str, lang: str) -> tuple[str, int, int] | None:
    """(type, start, end) of the first decision cue, most specific type first."""
    for cue_id in cues.cue_ids(lang, "decision."):
        if m := cues.search(lang, cue_id, text):
            return cue_id.split(".", 1)[1], m.start(), m.end()
    # "Tavoitteita painotetaan seuraavasti:" -- a settled arrangement introducing its list
    if (m := cues.search(lang, "decision_frame.as_follows", text)) and m.end() >= len(text.rstrip()) - 1:
        verbs = forward_verbs(text, lang)
        if verbs:
            return "decided", verbs[0].start(), verbs[0].end()
    return None


def extract_decisions(ctx: Context, sents: list[Sentence], meetings: list[Meeting],
                      own: Meeting | None) -> list[Decision]:
    out: list[Decision] = []
    if ctx.kind == DocKind.AGENDA:
        return out  # an agenda proposes; nothing is decided yet
    for s in sents:
        if s.text.rstrip().endswith("?") or agenda_item(s.block) is not None and s.start == s.block.start:
            continue
        found = decision_type(s.text, ctx.lang)
        if not found:
            continue
        kind, cue_start, cue_end = found
        if len((s.text[:cue_start] + s.text[cue_end:]).split()) < MIN_WORDS:
            continue
        body = body_in(s.text, ctx.lang) or (own.body if own else None)
        out.append(Decision(
            text=s.text, type=kind, date=_meeting_date(ctx, s, meetings, own, body),
            item_number=s.item.number if s.item else None, item_title=s.item.title if s.item else None,
            body=body, evidence=evidence(ctx.doc, s.start, s.end, NAME, VERSION, 0.8)))
    return out


def _meeting_date(ctx: Context, s: Sentence, meetings: list[Meeting], own: Meeting | None,
                  body: str | None) -> str | None:
    """The date of the meeting that made the decision."""
    if own and own.status == MeetingStatus.HELD:
        return own.date
    held = [m for m in meetings if m.status == MeetingStatus.HELD and m.date]
    if body:
        same_body = [m for m in held if m.body and (m.body in body or body in m.body)]
        if same_body:
            return max(same_body, key=lambda m: m.date or "").date
    past = [d for d in dates_in(ctx.dates, s.start, s.end)
            if (v := day(d)) and (not ctx.doc_date or v <= ctx.doc_date[:10])]
    if past:
        return day(past[0])
    if held:
        return max(held, key=lambda m: m.date or "").date
    return ctx.doc_date[:10] if ctx.doc_date else None
