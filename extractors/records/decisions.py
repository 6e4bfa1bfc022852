"""Decisions: statements of what a body decided, agreed, noted, approved, elected, postponed or cancelled."""
from __future__ import annotations

import re

from schemas.records import Decision, DecisionType, DocKind, Meeting, MeetingStatus

from . import cues
from .evidence import evidence
from .kind import mail_header_label
from .clauses import task_clause
from .commitment_due import meeting_deadline
from .commitment_tables import action_tables, is_deferral, is_empty_cell, task_cells
from .context import Context, body_in, dates_in, day, deadline_date
from .decision_cues import DecisionCues
from .sentences import Sentence, agenda_item
from .verbs import forward_verbs, has_finite_verb

NAME, VERSION = "decisions", "1"
MIN_WORDS = 2  # "Päätös:" with less than this after it is a label
LABEL_END = re.compile(r"\s*:")


def decision_type(text: str, decision_cues: DecisionCues) -> tuple[str, int, int] | None:
    """(type, start, end) of the first decision cue, most specific type first."""
    lang = decision_cues.lang
    if found := decision_cues.first(text):
        return found
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
    label_block: int | None = None  # the block after a bare 'Päätös:' label states the decision
    frames: dict[str, str] = {}  # 'sovittiin seuraavaa:' -> its type, for the list items under it
    heading_frames: dict[str, str] = {}  # a heading that frames decisions -> their type
    tasks = task_cells(ctx.doc, action_tables(ctx.doc, ctx.lang))  # 'Kuntakäyntien ajat sovittu' is a task
    for s in sents:
        if any(a <= s.start < b for a, b in tasks) and not is_deferral(s.text, ctx.lang):
            continue  # a task cell assigns work; a postponement or cancellation in it is decided
        if s.text.rstrip().endswith("?") or agenda_item(s.block) is not None and s.start == s.block.start:
            continue
        if _procedural(s.text, ctx.lang) or mail_header_label(s.text, ctx.lang):
            continue
        found = decision_type(s.text, ctx.decision_cues)
        kind = found[0] if found else None
        if is_proposal(s.text, ctx.lang, found[1] if found else None) or under_proposals(s, ctx.lang):
            continue  # 'Förslag: …', 'X ehdotti, että …': proposed, not yet decided
        if s.block.kind in ("heading", "slide_title") and (frame := _frame_heading(s.text, found, ctx.lang)):
            heading_frames[s.text] = frame  # 'Kokouksessa päätettiin', 'Yhteiset sopimukset': its items are the decisions
            continue
        if found and _is_bare_label(s.text, found):
            label_block = s.block.index + 1
            continue
        if found and s.text.rstrip().endswith(":"):
            frames[s.text] = kind
        if (not found and s.in_list and s.intro in frames and has_finite_verb(s.text, ctx.lang)
                and not task_clause(s.text, ctx.lang)):
            # 'sovittiin seuraavaa:' then clauses; a list of goals is not decisions, and an item
            # where someone undertakes a task ('Osaamiskeskus kokoaa ...') is a commitment
            kind = frames[s.intro]
        elif (not found and s.in_list and s.heading in heading_frames and has_finite_verb(s.text, ctx.lang)
              and not task_clause(s.text, ctx.lang) and not cues.search(ctx.lang, "commitment.owner_label", s.text)):
            # an item that names who is responsible ('– vastuu Vihdin neuvola') is a task
            kind = heading_frames[s.heading]
        elif not found and label_block == s.block.index:
            kind = DecisionType.DECIDED
        elif not found and _in_decision_column(s, ctx.lang):
            kind = DecisionType.DECIDED  # a 'Päätös' / 'Decision' column states decisions without cue words
        if not kind or (found and (_still_to_decide(ctx, s, found) or _reported(s.text, found, ctx.lang))):
            continue
        body = body_in(s.text, ctx.lang) or (own.body if own else None)
        out.append(Decision(
            text=s.text, type=kind, date=_meeting_date(ctx, s, meetings, own, body),
            item_number=s.item.number if s.item else None, item_title=s.item.title if s.item else None,
            body=body, evidence=evidence(ctx.doc, s.start, s.end, NAME, VERSION, 0.8 if found else 0.65)))
    return out


def _is_bare_label(text: str, found: tuple[str, int, int]) -> bool:
    """'Päätös:' alone: a label whose decision follows."""
    _, cue_start, cue_end = found
    rest = (text[:cue_start] + text[cue_end:]).strip(" :\n")
    return text.rstrip().endswith(":") and len(rest.split()) < MIN_WORDS


def is_proposal(text: str, lang: str, cue_start: int | None = None) -> bool:
    """'Ehdotus: …', 'Förslag: X väljs', 'Jäsen X ehdotti, että …', 'has proposed that …': a proposal
    label opening the text, or a verb of proposing before the cue (or anywhere without one)."""
    for m in cues.finditer(lang, "decision_frame.proposal", text):
        if cue_start is not None and m.end() <= cue_start and not text[m.end():cue_start].strip():
            continue  # 'Ehdotus hyväksyttiin': the proposal is the subject of the decision
        label = m.start() == 0 or LABEL_END.match(text, m.end()) and not text[:m.start()].strip(" -•*")
        if label or cue_start is None or m.end() <= cue_start:
            return True
    return False


def under_proposals(s: Sentence, lang: str) -> bool:
    """An item under 'Ohjausryhmän päätettäväksi' / 'För beslut' / 'For decision': asked, not decided."""
    return bool(s.in_list and s.heading and cues.search(lang, "decision_frame.for_decision", s.heading))


def _frame_heading(text: str, found: tuple[str, int, int] | None, lang: str) -> str | None:
    """The decision type a heading frames: a bare decision cue ('Kokouksessa päätettiin') or a
    heading that names agreements ('Yhteiset sopimukset', 'Överenskommelser', 'Agreements')."""
    if found and len((text[:found[1]] + text[found[2]:]).split()) < MIN_WORDS:
        return found[0]
    m = cues.search(lang, "decision_frame.heading", text)
    if m and m.start() == 0 and m.end() >= len(text.rstrip(" :")):
        return DecisionType.AGREED
    return None


def _reported(text: str, found: tuple[str, int, int], lang: str) -> bool:
    """'X esitteli tutkimustaan: ... se kirjataan harvoin': a cue inside what someone presented or
    told is part of the report, not something the meeting decided."""
    m = cues.search(lang, "decision_frame.reported", text)
    return bool(m and m.end() <= found[1])


def _in_decision_column(s: Sentence, lang: str) -> bool:
    """A sentence in a table column headed 'Päätös' / 'Beslut' / 'Decision' (not 'Käsittely')."""
    if not s.column or s.column == s.text:
        return False
    m = cues.search(lang, "table.decision_column", s.column)
    return bool(m and m.start() == 0 and not is_empty_cell(s.text, lang))


def _procedural(text: str, lang: str) -> bool:
    """Opening and closing the meeting are not decisions ('Puheenjohtaja päätti kokouksen klo 19.10')."""
    return bool(cues.search(lang, "meeting.opened", text) or cues.search(lang, "meeting.closed", text))


def _still_to_decide(ctx: Context, s: Sentence, found: tuple[str, int, int]) -> bool:
    """'Uusi ajankohta päätetään seuraavassa kokouksessa': a present-passive cue with a future anchor."""
    _, cue_start, cue_end = found
    if not forward_verbs(s.text[cue_start:cue_end], ctx.lang):
        return False
    return bool(meeting_deadline(ctx.lang, s.text) or deadline_date(ctx, s.start, s.end, s.text))


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
