"""Schedules: a list of meeting dates ('Kokouspäivät ovat …', bullets under 'Kommande möten') and
tables whose rows begin with a date (a training calendar, a meeting plan)."""
from __future__ import annotations

import re

from schemas.document import Block, BlockKind
from schemas.records import Meeting, MeetingStatus

from . import cues
from .context import Context, body_in, dates_in, event_day
from .dates import DateMatch
from .evidence import evidence
from .meetings_fields import time_word
from .meetings_place import bracketed_place, place_around
from .sentences import Sentence, table_cells

NAME, VERSION = "meetings", "3"
SCHEDULE_SHARE = 0.6  # a table whose rows mostly start with a date is a schedule
CAPTION_CHARS = 80
CALENDAR_GAP = 2  # blocks (a wrapped line, a note) between two parts of one calendar
CLAUSE = re.compile(r"[;.]\s")
SENTENCE_END = re.compile(r";|(?<=[^\W\d_])[.!]\s")  # a date's own dot ('11.4. perutaan') ends no clause
DIGIT = re.compile(r"\d")
WORD = re.compile(r"[^\W\d_]+")
LEAD_CHARS = 40  # a schedule line names its group before the date ('Styrgruppen må 7.12.')


def status_for(date: str | None, ctx: Context) -> str:
    """Planned after the document's date, else held: a past date is not planned."""
    if date and ctx.doc_date and date > ctx.doc_date[:10]:
        return MeetingStatus.PLANNED
    return MeetingStatus.HELD


def is_schedule_line(ctx: Context, s: Sentence, found: list[DateMatch]) -> bool:
    """A sentence that lists meeting dates, or a line under a schedule heading ('Tulevat kokoukset',
    'Kommande möten', 'Upcoming meetings') that starts with its date or its group."""
    if cues.search(ctx.lang, "meeting.schedule", s.text):
        return True
    context = _context(ctx, s)
    if not cues.search(ctx.lang, "meeting.schedule", context):
        return False
    if any(bracketed_place(ctx.doc.text, d.end) for d in found):
        return True
    return (s.in_list or "\n" not in s.block.text) and found[0].start - s.start <= LEAD_CHARS


def _context(ctx: Context, s: Sentence) -> str:
    return " ".join(x for x in (s.intro, s.heading, _list_title(ctx, s)) if x)


def _list_title(ctx: Context, s: Sentence) -> str | None:
    """The short line right above a list ('Kommande möten' in plain text) titles it."""
    if not s.in_list:
        return None
    i = s.block.index - 1
    while i >= 0 and ctx.doc.blocks[i].kind == BlockKind.LIST_ITEM:
        i -= 1
    if i < 0:
        return None
    above = ctx.doc.blocks[i]
    text = above.text.strip()
    if above.kind == BlockKind.TABLE or "\n" in text or len(text) > CAPTION_CHARS or text.endswith("."):
        return None
    return text


def schedule_meetings(ctx: Context, s: Sentence, found: list[DateMatch], own_body: str | None) -> list[Meeting]:
    """One meeting per listed date: the group named on the line or the list it belongs to,
    the place in brackets or after the date, the time written with it."""
    context = (s.intro or s.heading or _list_title(ctx, s) or "").strip().rstrip(":")
    group = None if cues.search(ctx.lang, "meeting.schedule", context) else (context or None)
    lead = s.text[:found[0].start - s.start].strip(" -–•*")
    shared = None if any(d.start_time for d in found) else _intro_time(ctx, s)
    out = []
    for d in found:
        date = event_day(d)
        at = d.start - s.start
        bracket = bracketed_place(ctx.doc.text, d.end)
        if bracket:
            place = bracket.group(1).strip()
        else:
            after = s.text[d.end - s.start:]
            place = place_around(ctx, after, d.end, 0)
        body = body_in(s.text, ctx.lang, at) or group or body_in(context, ctx.lang) or (None if lead else own_body)
        status = MeetingStatus.CANCELLED if _cancelled_in_clause(ctx, s.text, at) else status_for(date, ctx)
        clock = shared or d
        out.append(Meeting(date=date, status=status, start=clock.start_time, end=clock.end_time,
                           place=place, body=body,
                           evidence=evidence(ctx.doc, s.start, s.end, NAME, VERSION, 0.85)))
    return out


def _intro_time(ctx: Context, s: Sentence) -> DateMatch | None:
    """'Tapaamiset pidetään keskiviikkoisin klo 13–15.30:' above a list of dates: the time of each."""
    if s.block.index == 0:
        return None
    above = ctx.doc.blocks[s.block.index - 1]
    if not above.text.rstrip().endswith(":") or above.rows:
        return None
    times = [d for d in dates_in(ctx.dates, above.start, above.end) if d.start_time]
    return times[0] if len(times) == 1 and not event_day(times[0]) else None


def _cancelled_in_clause(ctx: Context, text: str, at: int) -> bool:
    """'Mötet den 12 april inhiberas', 'kokous 4.5. perutaan': a cancel word in the date's own clause."""
    clause = len(SENTENCE_END.findall(text, 0, at))
    return any(len(SENTENCE_END.findall(text, 0, m.start())) == clause
               for m in cues.finditer(ctx.lang, "meeting.cancel", text))


def is_schedule_table(ctx: Context, block: Block) -> bool:
    """A table whose rows mostly begin with a date: one meeting per row."""
    if not block.rows or len(block.rows) < 2:
        return False
    led = 0
    for r, c, s, e in table_cells(block):
        if c == 0 and any(event_day(d) and d.start - s < 6 for d in dates_in(ctx.dates, s, e)):
            led += 1
    data_rows = len(block.rows) - (0 if led == len(block.rows) else 1)
    if led >= 2 and led >= SCHEDULE_SHARE * data_rows:
        return True
    # the rest of a calendar may hold one dated row ('marraskuu | Seminaari (päivä tarkentuu)', 'to 4.12. | …')
    return led >= 1 and _continues_calendar(ctx, block)


def _wrapped_place(ctx: Context, block: Block) -> str | None:
    """A last row cut at a comma ('… klo 9-15,') goes on in the short line below: its place."""
    if block.index + 1 >= len(ctx.doc.blocks):
        return None
    below = ctx.doc.blocks[block.index + 1]
    text = below.text.strip()
    if below.rows or "\n" in text or len(text) > CAPTION_CHARS:
        return None
    return place_around(ctx, text, below.start + below.text.find(text), 0)


def _continues_calendar(ctx: Context, block: Block) -> bool:
    """A calendar the reader split at a wrapped row ('… työseminaari klo 9-15, ⏎ Keravan nuorisotalo')
    goes on in a table of as many columns a line or two below the last."""
    for i in range(block.index - 1, max(-1, block.index - 1 - CALENDAR_GAP), -1):
        above = ctx.doc.blocks[i]
        if above.rows:
            return len(above.rows[0]) == len(block.rows[0]) and is_schedule_table(ctx, above)
        if len(above.text) > CAPTION_CHARS or "\n" in above.text.strip():
            return False
    return False


def schedule_table(ctx: Context, block: Block) -> list[Meeting]:
    """Each dated row: date and times from the first cell, the place from the column headed
    'Paikka'/'Plats'/'Place' (else a cell naming a municipality), a cancel word anywhere;
    the group from the caption above or a cell that names a meeting ('Perhetyön verkostotapaaminen')."""
    rows: dict[int, list[tuple[int, int]]] = {}
    for r, _, s, e in table_cells(block):
        rows.setdefault(r, []).append((s, e))
    header = [ctx.doc.text[s:e].strip() for s, e in rows.get(0, [])]
    place_col = next((c for c, h in enumerate(header) if c and _labels(ctx, h, "field.place")), None)
    caption = _caption(ctx, block)
    out = []
    for r, spans in rows.items():
        first = [d for d in dates_in(ctx.dates, *spans[0]) if event_day(d)]
        if not first:
            continue
        d = first[0]
        cells = [ctx.doc.text[s:e].strip() for s, e in spans]
        cancelled = any(_cancels_row(ctx, c) for c in cells)
        if place_col is not None:
            place = cells[place_col] if place_col < len(cells) and cells[place_col] else None
        else:
            place = next((place_around(ctx, c, s, 0) for c, (s, _) in zip(cells[1:], spans[1:])
                          if place_around(ctx, c, s, 0)), None)
        if place is None and r == max(rows) and cells[-1].endswith(","):
            place = _wrapped_place(ctx, block)
        titled = next((c for i, c in enumerate(cells[1:], 1) if i != place_col
                       and cues.search(ctx.lang, "meeting.noun", c)), None)
        named = next((b for c in cells[1:] if (b := body_in(c, ctx.lang))), None)
        body = caption or named or (_title(ctx, titled) if titled else None)
        # 'ti 30.9. | Johtoryhmä klo 13-15, …': the time may stand in the row's text, not with its date
        clock = d if d.start_time else next((t for s, e in spans[1:] for t in dates_in(ctx.dates, s, e)
                                             if t.start_time), d)
        date = event_day(d)
        out.append(Meeting(
            date=date, status=MeetingStatus.CANCELLED if cancelled else status_for(date, ctx),
            start=clock.start_time, end=clock.end_time, place=place, body=body,
            evidence=evidence(ctx.doc, spans[0][0], spans[-1][1], NAME, VERSION, 0.8)))
    return out


def date_cells(ctx: Context, block: Block) -> list[tuple[int, int]]:
    """Spans of a schedule table's first cells: they date the rows; other cells are read as text
    ('April meeting cancelled; next meeting 11 May 2023' in a decision log)."""
    return [(s, e) for _, c, s, e in table_cells(block) if c == 0]


def _cancels_row(ctx: Context, cell: str) -> bool:
    """'Perhetyön verkostotapaaminen – PERUTTU' cancels its row; 'April meeting cancelled' in a
    log row of 9 March cancels another meeting, which its clause names by a time or a date."""
    for m in cues.finditer(ctx.lang, "meeting.cancel", cell):
        clause = CLAUSE.split(cell[:m.start()])[-1] + cell[m.start():].split(";")[0]
        if not (DIGIT.search(clause) or any(time_word(w, ctx.lang) for w in WORD.findall(clause))):
            return True
    return False


def _labels(ctx: Context, text: str, cue_id: str) -> bool:
    m = cues.search(ctx.lang, cue_id, text)
    return bool(m) and m.start() == 0 and len(text.split()) <= 2


def _title(ctx: Context, cell: str) -> str:
    """'Perhetyön verkostotapaaminen – PERUTTU' -> 'Perhetyön verkostotapaaminen'."""
    if m := cues.search(ctx.lang, "meeting.cancel", cell):
        cell = cell[:m.start()]
    return cell.strip(" –-,;:(")


def _caption(ctx: Context, block: Block) -> str | None:
    """The short line right above a table names the group it schedules ('PERHETYÖN VERKOSTO');
    a sentence introducing the table ('Raportointikaudella järjestettiin seuraavat koulutukset:')
    names none unless it names a body or a meeting."""
    if block.index == 0:
        return None
    above = ctx.doc.blocks[block.index - 1]
    text = above.text.strip().rstrip(":")
    if above.kind == BlockKind.TABLE or len(text) > CAPTION_CHARS or "\n" in text:
        return None
    if body := body_in(text, ctx.lang):
        return text if len(text.split()) <= 4 else body
    return text if cues.search(ctx.lang, "meeting.noun", text) else None
