"""Meetings: the one a document records, ones it plans, cancels or schedules, and other bodies' dated meetings."""
from __future__ import annotations

import re

from schemas.document import Block, BlockKind
from schemas.records import DocKind, Meeting, MeetingStatus

from . import cues
from .context import Context, body_in, dates_in, deadline_date, event_day
from .dates import DateMatch
from .evidence import evidence
from .normalise import find_municipalities
from .sentences import Sentence, table_cells

NAME, VERSION = "meetings", "2"
HEADER_BLOCKS = 12
TITLE_BLOCKS = 6
TITLE_CHARS = 100  # a title line is short; a sentence naming a meeting further down is not the title
SCHEDULE_SHARE = 0.6  # a table whose rows mostly start with a date is a schedule
BRACKETED_PLACE = re.compile(r"\s*\(([^()]{2,60})\)")
CLAUSE_BREAK = re.compile(r";|\s[–—-]\s")
CLOCK = re.compile(r"(?<![\d.:])([01]?\d|2[0-3])[.:]([0-5]\d)(?!\d|[.:]\d)")


def field_value(text: str, cue_id: str, lang: str) -> str | None:
    """The value after a field label at the start of a line: 'Paikka: X', 'Aika<TAB>X', 'Kokouspaikka on X'."""
    lines = text.split("\n")
    for i, line in enumerate(lines):
        if value := _line_field(line, cue_id, lang):
            # a value wrapped onto following lines that carry no label of their own
            for more in lines[i + 1:]:
                if ":" in more[:25] or "\t" in more or not more.strip():
                    break
                value = f"{value} {more.strip()}"
            return value.strip(" ,.;")
    return None


def _line_field(line: str, cue_id: str, lang: str) -> str | None:
    m = cues.search(lang, cue_id, line)
    if not m or m.start() > 2:
        return None
    rest = line[m.end():]
    copula = cues.search(lang, "field.copula", rest)
    if rest.lstrip(" *").startswith(":"):
        rest = rest.lstrip(" *")[1:]
    elif rest.startswith("\t"):
        pass
    elif copula and copula.start() <= 1:
        rest = rest[copula.end():]
    else:
        return None
    value = " ".join(rest.replace("*", " ").split()).strip(" ,.;")
    return value or None


def status_for(date: str | None, ctx: Context) -> str:
    if date and ctx.doc_date and date > ctx.doc_date[:10]:
        return MeetingStatus.PLANNED
    return MeetingStatus.HELD


def extract_meetings(ctx: Context, sents: list[Sentence]) -> tuple[list[Meeting], Meeting | None]:
    """All meetings the document names, and among them the one it records itself (if any)."""
    meetings: list[Meeting] = []
    own = _own_meeting(ctx, sents)
    if own:
        meetings.append(own)
    own_body = own.body if own else None
    schedules = {b.index for b in ctx.doc.blocks if _is_schedule_table(ctx, b)}
    for index in sorted(schedules):
        meetings.extend(_schedule_table(ctx, ctx.doc.blocks[index]))
    for i, s in enumerate(sents):
        if s.block.index in schedules:
            continue
        found = [d for d in dates_in(ctx.dates, s.start, s.end) if event_day(d)]
        if not found:
            continue
        context = " ".join(x for x in (s.intro, s.heading) if x)
        if cues.search(ctx.lang, "meeting.schedule", s.text) or (
                cues.search(ctx.lang, "meeting.schedule", context) and _bracketed(ctx, found)):
            meetings.extend(_schedule(ctx, s, found))
            continue
        meetings.extend(_sentence_meetings(ctx, sents, i, found, own_body))
    return _dedupe(meetings, own), own


def _sentence_meetings(ctx: Context, sents: list[Sentence], i: int, found: list[DateMatch],
                       own_body: str | None) -> list[Meeting]:
    """Meetings a sentence dates: cancelled, next, or a named body's meeting."""
    s = sents[i]
    cancels = cues.finditer(ctx.lang, "meeting.cancel", s.text)
    nexts = cues.finditer(ctx.lang, "meeting.next", s.text)
    moves = cues.finditer(ctx.lang, "decision.postponed", s.text)
    noun = cues.search(ctx.lang, "meeting.noun", s.text)
    if not (cancels or nexts or noun):
        return []
    moved = _moved_dates(s, found, moves) if noun and moves else {}
    due = deadline_date(ctx, s.start, s.end, s.text)
    out = []
    for d in found:
        if d is due:
            continue  # 'kutsu lähetetään viimeistään 21.4.' dates a deadline, not a meeting
        date = event_day(d)
        status = moved.get(id(d)) or _status_by_nearest_cue(ctx, s, d, cancels, nexts) or status_for(date, ctx)
        if status == MeetingStatus.HELD and not noun:
            continue
        body = body_in(s.text, ctx.lang, d.start - s.start) or (
            _organiser(s.text, ctx.lang) if noun else None) or own_body
        place = _place_near(ctx, sents, i) or _municipality_near(s.text, d.start - s.start)
        out.append(Meeting(date=date, status=status, start=d.start_time, end=d.end_time, place=place, body=body,
                           evidence=evidence(ctx.doc, s.start, s.end, NAME, VERSION, 0.8)))
    return out


def _status_by_nearest_cue(ctx: Context, s: Sentence, d: DateMatch, cancels: list[re.Match[str]],
                           nexts: list[re.Match[str]]) -> str | None:
    """'April meeting cancelled; next meeting 11 May': each date takes the nearest cue of its own clause."""
    at = d.start - s.start
    clause = _clause_of(s.text, at)
    ranked = [(abs(m.start() - at), MeetingStatus.CANCELLED) for m in cancels if _clause_of(s.text, m.start()) == clause]
    ranked += [(abs(m.start() - at), MeetingStatus.PLANNED) for m in nexts if _clause_of(s.text, m.start()) == clause]
    return min(ranked)[1] if ranked else None


def _clause_of(text: str, at: int) -> int:
    """Which clause (split at ';' and at dashes between words) position ``at`` falls in."""
    return len(CLAUSE_BREAK.findall(text, 0, at))


def _moved_dates(s: Sentence, found: list[DateMatch], moves: list[re.Match[str]]) -> dict[int, str]:
    """A meeting moved from one date to another: the earlier date is off, the later one planned;
    a single date before the moving word is off ('seminaari 14.4. siirretään syksyyn'),
    after it the new time ('kokous siirretään 5.5.')."""
    days = sorted(found, key=lambda d: d.value or "")
    if len(days) >= 2:
        return {id(days[0]): MeetingStatus.CANCELLED, **{id(d): MeetingStatus.PLANNED for d in days[1:]}}
    d = days[0]
    before = d.start - s.start < moves[0].start()
    return {id(d): MeetingStatus.CANCELLED if before else MeetingStatus.PLANNED}


def _own_meeting(ctx: Context, sents: list[Sentence]) -> Meeting | None:
    """The meeting the document records: minutes and agendas by their fields, any document whose
    title names a meeting ('Ohjausryhmän aloituskokous / Porvoossa 28.8.2006') by its date."""
    header = [s for s in sents if s.block.index < HEADER_BLOCKS]
    title = " ".join(b.text for b in ctx.doc.blocks[:TITLE_BLOCKS] if b.kind != BlockKind.TABLE)
    titled, date_match = _titled_meeting(ctx)
    when = None
    if ctx.kind in (DocKind.MINUTES, DocKind.AGENDA):
        when = next((s for s in header if _header_field(s, "field.time", ctx.lang)), None)
        if when:
            date_match = next((d for d in dates_in(ctx.dates, when.start, when.end) if event_day(d)), None)
    elif not (titled and date_match):
        return None
    date = event_day(date_match) if date_match else (ctx.doc_date[:10] if ctx.doc_date else None)
    if not date:
        return None
    place = next((v for s in header if (v := _header_field(s, "field.place", ctx.lang))), None)
    place = place or _place_line(header)
    body = body_in(title, ctx.lang) or (_compound_meeting_name(titled) if titled else None)
    if ctx.kind == DocKind.AGENDA:
        status = MeetingStatus.PLANNED
    elif ctx.kind == DocKind.MINUTES:
        status = MeetingStatus.HELD
    else:
        status = status_for(date, ctx)
    anchor = when or (sents[0] if sents else None)
    ev = evidence(ctx.doc, anchor.start, anchor.end, NAME, VERSION, 0.9) if anchor else None
    start = date_match.start_time if date_match else None
    end = date_match.end_time if date_match else None
    if not start and when:
        # 'Date: ...' and 'Time: 18:30 – 20:30' on lines of their own
        for s in header:
            if (value := _header_field(s, "field.time", ctx.lang)) and CLOCK.search(value):
                start, end = _field_times(value)
                break
    return Meeting(date=date, status=status, start=start or _clock_after(sents, "meeting.opened", ctx.lang),
                   end=end or _clock_after(sents, "meeting.closed", ctx.lang), place=place, body=body, evidence=ev)


def _titled_meeting(ctx: Context) -> tuple[re.Match[str] | None, DateMatch | None]:
    """A title line that names a meeting ('Ohjausryhmän aloituskokous'), and the date on it or the next line."""
    lines: list[tuple[int, str]] = []
    for b in ctx.doc.blocks[:3]:
        if b.kind not in (BlockKind.HEADING, BlockKind.PARAGRAPH, BlockKind.SLIDE_TITLE):
            continue
        at = b.start
        for line in b.text.split("\n"):
            lines.append((at, line))
            at += len(line) + 1
    for i, (at, line) in enumerate(lines):
        if len(line) > TITLE_CHARS or not (noun := cues.search(ctx.lang, "meeting.noun", line)) \
                or cues.search(ctx.lang, "meeting.schedule", line):
            continue
        for at2, line2 in lines[i:i + 2]:
            dated = [d for d in dates_in(ctx.dates, at2, at2 + len(line2)) if event_day(d)]
            if dated:
                return noun, dated[0]
        return noun, None
    return None, None


def _header_field(s: Sentence, cue_id: str, lang: str) -> str | None:
    """A header field in running text, or in a table row whose first cell is the label."""
    if s.row is not None:
        if len(s.row) >= 2 and cues.search(lang, cue_id, s.row[0]) and s.text != s.row[0]:
            label = cues.search(lang, cue_id, s.row[0])
            return s.text if label and label.start() == 0 and len(s.row[0].split()) <= 2 else None
        return None
    return field_value(s.text, cue_id, lang)


def _field_times(text: str) -> tuple[str | None, str | None]:
    """'18:30 – 20:30' in a separate time field."""
    clocks = CLOCK.findall(text)
    times = [f"{int(h):02d}:{m}" for h, m in clocks]
    return (times[0] if times else None), (times[1] if len(times) > 1 else None)


def _compound_meeting_name(m: re.Match[str]) -> str | None:
    """'Kevätkokous', 'aloituskokous': a meeting noun with a qualifier names the meeting itself."""
    word = m.group(0)
    return word.lower() if len(word) > 8 else None


def _clock_after(sents: list[Sentence], cue_id: str, lang: str) -> str | None:
    """The time written with an opening or closing cue: 'avasi kokouksen klo 12.00', 'Mötets öppnande 17:54'."""
    for s in sents:
        if (m := cues.search(lang, cue_id, s.text)) and (t := CLOCK.search(s.text, m.end())):
            if t.start() - m.end() <= 80:
                return f"{int(t.group(1)):02d}:{t.group(2)}"
    return None


def _place_line(header: list[Sentence]) -> str | None:
    """An unlabelled header line that starts with a municipality: 'Mikkelissä, kaupunginkirjaston salissa.'"""
    for s in header:
        if s.item:
            break
        found = find_municipalities(s.text)
        if found and found[0][0] == 0 and len(s.text) < 120 and not s.text.rstrip().endswith(":"):
            return s.text.strip().rstrip(".")
    return None


def _bracketed(ctx: Context, found: list[DateMatch]) -> bool:
    return any(BRACKETED_PLACE.match(ctx.doc.text, d.end) for d in found)


def _schedule(ctx: Context, s: Sentence, found: list[DateMatch]) -> list[Meeting]:
    """A list of dates with bracketed places: each a meeting of the group the list belongs to."""
    body = (s.intro or s.heading or "").strip().rstrip(":") or None
    out = []
    for d in found:
        date = event_day(d)
        m = BRACKETED_PLACE.match(ctx.doc.text, d.end)
        place = m.group(1).strip() if m else None
        out.append(Meeting(date=date, status=status_for(date, ctx), start=d.start_time, end=d.end_time,
                           place=place, body=body,
                           evidence=evidence(ctx.doc, d.start, m.end() if m else d.end, NAME, VERSION, 0.85)))
    return out


def _is_schedule_table(ctx: Context, block: Block) -> bool:
    """A table whose rows mostly begin with a date: one meeting per row."""
    if not block.rows or len(block.rows) < 2:
        return False
    led = 0
    for r, c, s, e in table_cells(block):
        if c == 0 and any(event_day(d) and d.start - s < 6 for d in dates_in(ctx.dates, s, e)):
            led += 1
    data_rows = len(block.rows) - (0 if led == len(block.rows) else 1)
    return led >= 2 and led >= SCHEDULE_SHARE * data_rows


def _schedule_table(ctx: Context, block: Block) -> list[Meeting]:
    """Each dated row: date and times from the first cell, place from the next, a cancel word anywhere."""
    body = _caption(ctx, block)
    rows: dict[int, list[tuple[int, int]]] = {}
    for r, _, s, e in table_cells(block):
        rows.setdefault(r, []).append((s, e))
    out = []
    for r, spans in rows.items():
        first = [d for d in dates_in(ctx.dates, *spans[0]) if event_day(d)]
        if not first:
            continue
        d = first[0]
        row_text = ctx.doc.text[spans[0][0]:spans[-1][1]]
        others = [ctx.doc.text[s:e].strip() for s, e in spans[1:] if ctx.doc.text[s:e].strip()]
        cancelled = cues.search(ctx.lang, "meeting.cancel", row_text)
        place = next((o for o in others if not cues.search(ctx.lang, "meeting.cancel", o)), None)
        date = event_day(d)
        out.append(Meeting(
            date=date, status=MeetingStatus.CANCELLED if cancelled else status_for(date, ctx),
            start=d.start_time, end=d.end_time, place=place, body=body,
            evidence=evidence(ctx.doc, spans[0][0], spans[-1][1], NAME, VERSION, 0.8)))
    return out


def _caption(ctx: Context, block: Block) -> str | None:
    """The short line right above a table names what it schedules ('PERHETYÖN VERKOSTO')."""
    if block.index == 0:
        return None
    above = ctx.doc.blocks[block.index - 1]
    text = above.text.strip().rstrip(":")
    if above.kind != BlockKind.TABLE and len(text) <= 80 and "\n" not in text:
        return text
    return None


def _place_near(ctx: Context, sents: list[Sentence], i: int) -> str | None:
    """A place named in the sentence ('Kokouspaikka on X') or in the next one if that names no date."""
    following = sents[i + 1:i + 2]
    if following and dates_in(ctx.dates, following[0].start, following[0].end):
        following = []
    for s in sents[i:i + 1] + following:
        for part in re.split(r"(?<=[.;])\s+", s.text):
            if v := field_value(part, "field.place", ctx.lang):
                return v
    return None


def _municipality_near(text: str, at: int) -> str | None:
    """The municipality written closest to position ``at`` ('-seminaari Pieksämäellä 17.5.')."""
    found = find_municipalities(text)
    return min(found, key=lambda f: abs(f[0] - at))[2] if found else None


def _organiser(text: str, lang: str) -> str | None:
    m = cues.search(lang, "meeting.organiser", text)
    if not m:
        return None
    return re.split(r"[:’']", m.group(0))[0].strip() or None


def _dedupe(meetings: list[Meeting], own: Meeting | None) -> list[Meeting]:
    """One meeting per (date, status, body); the own meeting absorbs sentences about itself."""
    out: list[Meeting] = []
    for m in meetings:
        same = next((o for o in out if o.date == m.date and (
            o.status == m.status and (o.body or "") == (m.body or "")
            or (o is own and m.status != MeetingStatus.CANCELLED and (not m.body or not o.body or m.body == o.body)))),
            None)
        if same:
            same.start = same.start or m.start
            same.end = same.end or m.end
            same.place = same.place or m.place
            same.body = same.body or m.body
            continue
        out.append(m)
    return out
