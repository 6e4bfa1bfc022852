"""Meetings: the one a document records (held), ones it plans, cancels or schedules, and other bodies' dated meetings."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from schemas.document import Document
from schemas.records import DocKind, Meeting, MeetingStatus

from . import cues
from .dates import DateMatch
from .evidence import evidence
from .lemmas import lemma_phrase
from .normalise import find_municipalities
from .sentences import Sentence

NAME, VERSION = "meetings", "1"
HEADER_BLOCKS = 12
BRACKETED_PLACE = re.compile(r"\s*\(([^()]{2,60})\)")
CLOCK = re.compile(r"(?<![\d.:])([01]?\d|2[0-3])[.:]([0-5]\d)(?!\d|[.:]\d)")


@dataclass
class Context:
    doc: Document
    lang: str
    doc_date: str | None
    kind: str
    dates: list[DateMatch]


def dates_in(dates: list[DateMatch], start: int, end: int) -> list[DateMatch]:
    return [d for d in dates if start <= d.start < end]


def day(d: DateMatch) -> str | None:
    """The calendar day of a match, or None for periods, bare times and invalid dates."""
    if not d.valid or not d.value or d.type not in ("date", "datetime"):
        return None
    return d.value[:10] if re.fullmatch(r"\d{4}-\d{2}-\d{2}", d.value[:10]) and "/" not in d.value else None


def body_in(text: str, lang: str, near: int | None = None) -> str | None:
    """The governing body a text names ('johtoryhmän' -> 'johtoryhmä'), in base form;
    with ``near``, the one written closest before that position (else the first after it)."""
    found = cues.finditer(lang, "body", text)
    if not found:
        return None
    m = found[0]
    if near is not None:
        before = [b for b in found if b.start() < near]
        m = before[-1] if before else m
    return lemma_phrase(m.group(0), lang)


def field_value(text: str, cue_id: str, lang: str) -> str | None:
    """The value after a field label at the start of a line: 'Paikka: X' or 'Kokouspaikka on X'."""
    lines = text.split("\n")
    for i, line in enumerate(lines):
        if value := _line_field(line, cue_id, lang):
            # a value wrapped onto following lines that carry no label of their own
            for more in lines[i + 1:]:
                if ":" in more[:25] or not more.strip():
                    break
                value = f"{value} {more.strip()}"
            return value.strip(" ,.;")
    return None


def _line_field(sentence_text: str, cue_id: str, lang: str) -> str | None:
    m = cues.search(lang, cue_id, sentence_text)
    if not m or m.start() > 2:
        return None
    rest = sentence_text[m.end():]
    copula = cues.search(lang, "field.copula", rest)
    if rest.lstrip().startswith(":"):
        rest = rest.lstrip()[1:]
    elif copula and copula.start() <= 1:
        rest = rest[copula.end():]
    else:
        return None
    value = " ".join(rest.split()).strip(" ,.;")
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
    for i, s in enumerate(sents):
        found = dates_in(ctx.dates, s.start, s.end)
        if not found:
            continue
        if cues.search(ctx.lang, "meeting.schedule", s.text) and len(found) > 1:
            meetings.extend(_schedule(ctx, s, found))
            continue
        cancel = cues.search(ctx.lang, "meeting.cancel", s.text)
        nxt = cues.search(ctx.lang, "meeting.next", s.text)
        noun = cues.search(ctx.lang, "meeting.noun", s.text)
        if not (cancel or nxt or noun):
            continue
        body = body_in(s.text, ctx.lang) or (own_body if (cancel or nxt) else None)
        for d in found:
            date = day(d)
            if not date:
                continue
            if cancel:
                status = MeetingStatus.CANCELLED
            elif nxt:
                status = MeetingStatus.PLANNED
            else:
                status = status_for(date, ctx)
            place = _place_near(ctx, sents, i) or (_municipality_near(s.text, d.start - s.start) if noun else None)
            if noun and not (cancel or nxt):
                body = body_in(s.text, ctx.lang, noun.start()) or _organiser(s.text, ctx.lang) or own_body
            meetings.append(Meeting(
                date=date, status=status, start=d.start_time, end=d.end_time, place=place, body=body,
                evidence=evidence(ctx.doc, s.start, s.end, NAME, VERSION, 0.8)))
    return _dedupe(meetings, own), own


def _own_meeting(ctx: Context, sents: list[Sentence]) -> Meeting | None:
    """The meeting the document itself records: its time and place fields, its body from the title."""
    if ctx.kind not in (DocKind.MINUTES, DocKind.AGENDA):
        return None
    header = [s for s in sents if s.block.index < HEADER_BLOCKS]
    when = next((s for s in header if field_value(s.text, "field.time", ctx.lang)), None)
    date_match = None
    if when:
        date_match = next((d for d in dates_in(ctx.dates, when.start, when.end) if day(d)), None)
    date = day(date_match) if date_match else (ctx.doc_date[:10] if ctx.doc_date else None)
    if not date:
        return None
    place = next((v for s in header if (v := field_value(s.text, "field.place", ctx.lang))), None)
    place = place or _place_line(header)
    title_text = " ".join(s.text for s in sents[:4])
    body = body_in(title_text, ctx.lang)
    status = MeetingStatus.PLANNED if ctx.kind == DocKind.AGENDA else MeetingStatus.HELD
    anchor = when or (sents[0] if sents else None)
    ev = evidence(ctx.doc, anchor.start, anchor.end, NAME, VERSION, 0.9) if anchor else None
    start = date_match.start_time if date_match else None
    end = date_match.end_time if date_match else None
    return Meeting(date=date, status=status, start=start or _clock_after(sents, "meeting.opened", ctx.lang),
                   end=end or _clock_after(sents, "meeting.closed", ctx.lang), place=place, body=body, evidence=ev)


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


def _schedule(ctx: Context, s: Sentence, found: list[DateMatch]) -> list[Meeting]:
    """A list of dates with bracketed places: each a meeting of the group the list belongs to."""
    body = (s.intro or s.heading or "").strip().rstrip(":") or None
    out = []
    for d in found:
        date = day(d)
        if not date:
            continue
        m = BRACKETED_PLACE.match(ctx.doc.text, d.end)
        place = m.group(1).strip() if m else None
        out.append(Meeting(date=date, status=status_for(date, ctx), start=d.start_time, end=d.end_time,
                           place=place, body=body,
                           evidence=evidence(ctx.doc, d.start, m.end() if m else d.end, NAME, VERSION, 0.85)))
    return out


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


def parse_iso(date: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(date[:10]) if date else None
    except ValueError:
        return None
