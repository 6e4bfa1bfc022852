"""The meeting a document records or announces: minutes' and agendas' header fields, a title that
names a meeting ('Kuntatyöryhmien aloitustilaisuus' over 'Järvenpää, Sosiaalitalo, ti 21.8.2007'),
an invitation's event ('kutsuvat Teidät seminaariin maanantaina 11.2.2008 kello 8.30–15.45')."""
from __future__ import annotations

import re

from schemas.document import BlockKind
from schemas.records import DocKind, Meeting, MeetingStatus

from . import cues
from .context import Context, body_in, dates_in, event_day
from .dates import DateMatch
from .evidence import evidence
from .kind import mail_header_label
from .lemmas import lemma_phrase
from .meetings_body import open_compound
from .meetings_fields import CLOCK, clock_after, deadlines, field_times, header_field
from .meetings_place import place_around, place_line
from .normalise import find_municipalities
from .meetings_schedule import status_for
from .sentences import Sentence, table_cells

NAME, VERSION = "meetings", "3"
HEADER_BLOCKS = 12
TITLE_BLOCKS = 6
TITLE_CHARS = 100  # a title line is short; a sentence naming a meeting further down is not the title
SENTENCE_WORDS = 5
TITLE_LINES = 4  # a title slide: the event's name, the project, then its place and date
INVITATION_BLOCKS = 8
PROGRAMME_ROWS = 3  # three time-led lines make a programme
PROGRAMME_GAP = 2  # lines naming a speaker or a detail between two times
PROGRAMME_LINE = re.compile(r"^\s*([01]?\d|2[0-3])[.:]([0-5]\d)(?:\s*[–—-]\s*([01]?\d|2[0-3])[.:]([0-5]\d))?"
                            r"(?![\d.:]\d|\d)")


def own_meeting(ctx: Context, sents: list[Sentence]) -> Meeting | None:
    """The meeting the document records: minutes and agendas by their fields, any document whose
    title names a meeting by the date under it, an invitation by the event it invites to."""
    header = [s for s in sents if s.block.index < HEADER_BLOCKS]
    title = " ".join(b.text for b in _title_blocks(ctx))
    titled, date_match, noun_line = titled_meeting(ctx)
    when = None
    if ctx.kind in (DocKind.MINUTES, DocKind.AGENDA):
        when = next((s for s in header if header_field(s, "field.time", ctx.lang)), None)
        if when:
            date_match = next((d for d in dates_in(ctx.dates, when.start, when.end) if event_day(d)), None)
        elif date_match and ctx.doc_date and event_day(date_match) != ctx.doc_date[:10]:
            date_match = None  # minutes record the meeting of their own date, not one their opening names
    elif not (titled and date_match):
        invited = _invitation_event(ctx, sents)
        if not invited:
            return None
        when, date_match = invited
    date = event_day(date_match) if date_match else (ctx.doc_date[:10] if ctx.doc_date else None)
    if not date:
        return None
    place = _own_place(ctx, header, when, date_match)
    # the body beside the meeting word ('Minutes of the Steering Committee meeting' under a network's name)
    body = (body_in(noun_line, ctx.lang, titled.start()) if titled else None) or body_in(title, ctx.lang) \
        or (_compound_meeting_name(titled, ctx.lang) if titled else None)
    if ctx.kind == DocKind.AGENDA:
        status = MeetingStatus.PLANNED
    elif ctx.kind == DocKind.MINUTES:
        status = MeetingStatus.HELD
    else:
        status = status_for(date, ctx)
    anchor = when or (sents[0] if sents else None)
    ev = evidence(ctx.doc, anchor.start, anchor.end, NAME, VERSION, 0.9) if anchor else None
    start, end = _own_times(ctx, header, when, date_match)
    return Meeting(date=date, status=status, start=start or clock_after(sents, "meeting.opened", ctx.lang),
                   end=end or clock_after(sents, "meeting.closed", ctx.lang), place=place, body=body, evidence=ev)


def _title_blocks(ctx: Context) -> list:
    """The blocks heading the document, up to a participant list: an attendee's organisation
    ('Riga City Council') is not the body whose meeting the document records."""
    out = []
    for b in ctx.doc.blocks[:TITLE_BLOCKS]:
        m = cues.search(ctx.lang, "field.attendance", b.text)
        if m and m.start() == 0:
            break
        if b.kind != BlockKind.TABLE:
            out.append(b)
    return out


def _own_place(ctx: Context, header: list[Sentence], when: Sentence | None, d: DateMatch | None) -> str | None:
    """A place field; a title page or an invitation writes the place with the date ('Järvenpää,
    Sosiaalitalo, ti 21.8.2007', '… kl. 13–16 ⏎ i Borgå stadshus'); else an unlabelled place line."""
    place = next((v for s in header if (v := header_field(s, "field.place", ctx.lang))), None)
    if not place and (when is None or ctx.kind not in (DocKind.MINUTES, DocKind.AGENDA)):
        place = _place_of_date(ctx, d)
    if not place and when and d and d.start >= when.start:
        # 'Aika ja paikka: ti 5.5.2009 klo 18, Lohjan kaupungintalo'
        after = ctx.doc.text[d.end:when.end]
        place = after.strip(" ,;.–-") if find_municipalities(after) else None
    return place or place_line(ctx, header)


def _own_times(ctx: Context, header: list[Sentence], when: Sentence | None,
               d: DateMatch | None) -> tuple[str | None, str | None]:
    """The times written with the date, in a time field of their own ('Time: 18:30 – 20:30'),
    or those of the event's programme."""
    if d and d.start_time:
        return d.start_time, d.end_time
    if when:
        for s in header:
            if not header_field(s, "field.time", ctx.lang):
                continue
            clock = next((t for t in dates_in(ctx.dates, s.start, s.end) if t.start_time), None)
            if clock:  # 'Tid: kl. 14–16' under 'Datum: 5.4.2001'
                return clock.start_time, clock.end_time
            if CLOCK.search(s.text):
                return field_times(s.text[s.text.find(":") + 1:] if ":" in s.text[:20] else s.text)
    return _programme_times(ctx)


def titled_meeting(ctx: Context) -> tuple[re.Match[str] | None, DateMatch | None, str]:
    """A title line that names a meeting ('Ohjausryhmän aloituskokous') or, in a deck, the body it
    was made for, and the date on it or on one of the next few title lines."""
    lines: list[tuple[int, str]] = []
    for b in ctx.doc.blocks[:3]:
        if b.kind not in (BlockKind.HEADING, BlockKind.PARAGRAPH, BlockKind.SLIDE_TITLE):
            continue
        at = b.start
        for line in b.text.split("\n"):
            lines.append((at, line))
            at += len(line) + 1
    for i, (at, line) in enumerate(lines):
        noun = cues.search(ctx.lang, "meeting.noun", line)
        if not noun and ctx.kind == DocKind.SLIDES:
            noun = cues.search(ctx.lang, "body", line)  # a deck made for 'Steering Committee, 5 June 2014'
        if len(line) > TITLE_CHARS or not noun or cues.search(ctx.lang, "meeting.schedule", line) \
                or mail_header_label(line, ctx.lang) or _sentence(line):
            continue
        for at2, line2 in lines[i:i + TITLE_LINES]:
            dated = [d for d in dates_in(ctx.dates, at2, at2 + len(line2)) if event_day(d)]
            if dated:
                return noun, dated[0], line
        return noun, None, line
    return None, None, ""


def _sentence(line: str) -> bool:
    """'Teemaverstaan seuraava kokous siirretään 1.4.2009.': a sentence of the text, not a title."""
    return line.rstrip().endswith(".") and len(line.split()) >= SENTENCE_WORDS


def _invitation_event(ctx: Context, sents: list[Sentence]) -> tuple[Sentence, DateMatch] | None:
    """An invitation letter ('KUTSU', 'Inbjudan', 'You are invited'): the event is the first day
    near its opening that has a time of day or follows a meeting word, not a deadline."""
    if ctx.kind not in (DocKind.BULLETIN, DocKind.OTHER):
        return None
    head = [s for s in sents if s.block.index < INVITATION_BLOCKS]
    if not any(cues.search(ctx.lang, "meeting.invitation", s.text) for s in head):
        return None
    noun_seen = False
    for s in head:
        noun_seen = noun_seen or bool(cues.search(ctx.lang, "meeting.noun", s.text))
        due = deadlines(ctx, s)
        for d in dates_in(ctx.dates, s.start, s.end):
            if event_day(d) and d.start not in due and (d.start_time or noun_seen):
                return s, d
    return None


def _place_of_date(ctx: Context, d: DateMatch | None) -> str | None:
    """The place written on the date's line ('Järvenpää, Sosiaalitalo, ti 21.8.2007 klo 12–16' ->
    'Järvenpää, Sosiaalitalo') or after it ('… kello 8.30–15.45 ⏎ Hyvinkään kaupungintalon …')."""
    if d is None:
        return None
    text = ctx.doc.text
    start = text.rfind("\n", 0, d.start) + 1
    lead = text[start:d.start].strip().rstrip(" ,;–-")
    found = find_municipalities(lead)
    if lead and found and found[0][0] == 0:
        return lead
    line_end = text.find("\n", d.end)
    next_end = text.find("\n", line_end + 1) if line_end >= 0 else -1
    end = len(text) if line_end < 0 or next_end < 0 else next_end
    return place_around(ctx, text[start:end], start, d.start - start)


def _compound_meeting_name(m: re.Match[str], lang: str) -> str | None:
    """'Kevätkokous', 'aloituskokous': a meeting noun with a qualifier names the meeting itself."""
    word = m.group(0)
    if any(cues.search(lang, f"kind.{k}", word) for k in ("minutes", "agenda")):
        return None  # 'Mötesprotokoll', 'Kokousmuistio' name the document, not the meeting
    return lemma_phrase(word, lang) if len(word) > 8 else open_compound(m, lang)


def _programme_times(ctx: Context) -> tuple[str | None, str | None]:
    """A programme of time-led rows or lines ('9.00–9.30 Ilmoittautuminen' … '14.30–15.00 Yhteenveto'),
    speakers' lines allowed between them: the event starts at its first time and ends where its
    last range ends (a last time without an end is when the last item begins)."""
    if ctx.kind in (DocKind.MINUTES, DocKind.AGENDA):
        return None, None  # minutes time their meeting by fields and by its opening and closing
    run: list[re.Match[str]] = []
    gap = 0
    for line in _lines(ctx):
        if m := PROGRAMME_LINE.match(line):
            run.append(m)
            gap = 0
            continue
        gap += 1
        if gap > PROGRAMME_GAP:
            if len(run) >= PROGRAMME_ROWS:
                break
            run = []
    if len(run) < PROGRAMME_ROWS:
        return None, None
    first, last = run[0], run[-1]
    start = f"{int(first.group(1)):02d}:{first.group(2)}"
    end = f"{int(last.group(3)):02d}:{last.group(4)}" if last.group(3) else None
    return start, end


def _lines(ctx: Context) -> list[str]:
    """The document's lines in order, a table giving its first column."""
    out: list[str] = []
    for block in ctx.doc.blocks:
        if block.kind == BlockKind.TABLE:
            out.extend(ctx.doc.text[s:e] for _, c, s, e in table_cells(block) if c == 0)
        else:
            out.extend(line for line in block.text.split("\n") if line.strip())
    return out
