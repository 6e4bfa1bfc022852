"""Meetings: the one a document records, ones it plans, cancels, moves or schedules, and other
bodies' dated meetings. A date alone is no meeting: it needs a meeting word, a schedule, or a
cancel, move or 'next meeting' cue it belongs to."""
from __future__ import annotations

import re
from dataclasses import replace

from schemas.records import Meeting, MeetingStatus

from . import cues
from .context import Context, body_in, dates_in, event_day
from .dates import DateMatch
from .evidence import evidence
from .meetings_body import nearest, organiser, owner, series
from .meetings_fields import deadlines
from .meetings_own import own_meeting
from .meetings_place import is_place_word, labelled_place, name_before_meeting, place_around
from .meetings_schedule import (date_cells, is_schedule_line, is_schedule_table, schedule_meetings, schedule_table,
                                status_for)
from .normalise import find_municipalities
from .sentences import Sentence

NAME, VERSION = "meetings", "3"
CLAUSE_BREAK = re.compile(r";|\s[–—-]\s")
LIST_GAP_WORDS = 6  # '20.10. Vihdissä (Nummelan sosiaalitoimisto) ja 1.12.': names and a connector
BRACKETS = re.compile(r"\([^()]*\)")
WORD = re.compile(r"[^\W\d_][\w'-]*")
NEXT_LEAD_CHARS = 40  # a body and a number before the date of a line under 'Seuraava kokous'
NOUN_REACH = 60  # a meeting word further from a date than this does not date a meeting by itself


def extract_meetings(ctx: Context, sents: list[Sentence]) -> tuple[list[Meeting], Meeting | None]:
    """All meetings the document names, and among them the one it records itself (if any)."""
    meetings: list[Meeting] = []
    own = own_meeting(ctx, sents)
    if own:
        meetings.append(own)
    own_body = own.body if own else None
    schedules = [b for b in ctx.doc.blocks if is_schedule_table(ctx, b)]
    dating = [span for b in schedules for span in date_cells(ctx, b)]
    for block in schedules:
        meetings.extend(schedule_table(ctx, block))
    moved_off: Meeting | None = None  # a meeting moved away whose new date the next sentence gives
    skip = -1
    for i, s in enumerate(sents):
        if i <= skip or any(a <= s.start < b for a, b in dating):
            continue
        j = i
        while (joined := _continued(ctx, sents, j, s)) is not None:  # '4.2. Keravalla, 6.5.' | 'Järvenpäässä, 9.9.' | …
            s, j = joined, j + 1
        skip = max(skip, j)
        found = [d for d in dates_in(ctx.dates, s.start, s.end) if event_day(d)]
        if not found:
            moved_off = None
            continue
        if is_schedule_line(ctx, s, found):
            meetings.extend(schedule_meetings(ctx, s, _shared_times(ctx, s, found), own_body))
            continue
        made = _sentence_meetings(ctx, sents, i, s, found, own_body) or _under_next_heading(ctx, sents, j, s, found)
        if not made and moved_off and moved_off.evidence.block == s.block.index:
            made = _new_date(ctx, s, found, moved_off)
        moved_off = made[0] if len(made) == 1 and made[0].status == MeetingStatus.CANCELLED \
            and _moves(ctx, s.text) else None
        _times_from_next(ctx, sents, i, made)
        meetings.extend(made)
    return _dedupe(meetings, own), own


def _continued(ctx: Context, sents: list[Sentence], i: int, s: Sentence) -> Sentence | None:
    """Two sentences that are one: a list of dates broken over two blocks ('… keskiviikkoisin
    23.1.,' ⏎ '12.3. ja 14.5.2008 klo 13–15.30.', as PDF lines come), or a sentence cut after a
    date before a capitalised place ('Liitteenä on 4.3.' | 'Kirkkonummella pidetyn kokouksen …')."""
    if i + 1 >= len(sents):
        return None
    nxt = sents[i + 1]
    mine = [d for d in dates_in(ctx.dates, s.start, s.end) if event_day(d)]
    if not mine:
        return None
    theirs = [d for d in dates_in(ctx.dates, nxt.start, nxt.end) if event_day(d)]
    listed = _list_tail(ctx, s.text) and theirs and theirs[0].start - nxt.start <= 3 \
        and nxt.block.index - s.block.index <= 1
    head = WORD.match(nxt.text)
    cut = nxt.block.index == s.block.index and mine[-1].end >= s.end - 1 and head \
        and head.group(0)[:1].isupper() and is_place_word(ctx, head.group(0))
    # 'Liitteenä on 4.3.' | 'Kirkkonummella …' is one sentence; so is an enumeration of dates and
    # places cut at each date ('4.2. Keravalla, 6.5.' | 'Järvenpäässä, 9.9.'), a place before the cut
    enumerated = len(mine) > 1 and _list_tail(ctx, s.text[:mine[-1].start - s.start])
    placed = cut and (enumerated or not find_municipalities(s.text[-40:]))
    if not (listed or placed):
        return None
    return replace(s, end=nxt.end, text=ctx.doc.text[s.start:nxt.end])


def _body_just_before(ctx: Context, text: str, at: int) -> bool:
    """A body named right before ``at`` (the subject of 'käsittelee', 'behandlar', 'will consider')."""
    found = cues.finditer(ctx.lang, "body", text[:at])
    return bool(found) and not text[found[-1].end():at].strip()


def _under_next_heading(ctx: Context, sents: list[Sentence], j: int, s: Sentence,
                        found: list[DateMatch]) -> list[Meeting]:
    """'Seuraava kokous' / 'Nästa möte' / 'Next meeting' heading a slide or a section: the line that
    opens with a body and a date under it ('Ohjausryhmä 4/2009: ma 23.11.2009 klo 12.30–15') is that
    meeting, and an undated line right after it ('Keravan kaupungintalo') its place."""
    if not s.heading or not cues.search(ctx.lang, "meeting.next", s.heading) or len(found) != 1:
        return []
    d = found[0]
    if d.start - s.start > NEXT_LEAD_CHARS or not event_day(d):
        return []
    date = event_day(d)
    body = body_in(s.text[:d.start - s.start], ctx.lang)
    if not (body or d.start_time):
        return []  # 'Protokollet justerat 24.3.2006' under the last heading signs the document
    place = place_around(ctx, s.text, s.start, d.end - s.start)
    nxt = sents[j + 1] if j + 1 < len(sents) else None
    if not place and nxt and nxt.heading == s.heading and not dates_in(ctx.dates, nxt.start, nxt.end) \
            and len(nxt.text) <= NEXT_LEAD_CHARS * 2:
        place = place_around(ctx, nxt.text, nxt.start, 0)
    return [Meeting(date=date, status=status_for(date, ctx), start=d.start_time, end=d.end_time, place=place,
                    body=body, evidence=evidence(ctx.doc, s.start, s.end, NAME, VERSION, 0.75))]


def _moves(ctx: Context, text: str) -> list[re.Match[str]]:
    return sorted(cues.finditer(ctx.lang, "decision.postponed", text)
                  + cues.finditer(ctx.lang, "meeting.moved", text), key=lambda m: m.start())


def _sentence_meetings(ctx: Context, sents: list[Sentence], i: int, s: Sentence, found: list[DateMatch],
                       own_body: str | None) -> list[Meeting]:
    """Meetings a sentence dates: cancelled, moved, next, or a named body's meeting."""
    cancels = cues.finditer(ctx.lang, "meeting.cancel", s.text)
    nexts = cues.finditer(ctx.lang, "meeting.next", s.text)
    nouns = cues.finditer(ctx.lang, "meeting.noun", s.text)
    # 'Järvenpään kaupunginhallitus käsittelee asian 5.10.2009': a body handling a matter on a day meets then
    nouns = sorted(nouns + [m for m in cues.finditer(ctx.lang, "meeting.handles", s.text)
                            if _body_just_before(ctx, s.text, m.start())], key=lambda m: m.start())
    if not (cancels or nexts or nouns):
        return []
    moves = _moves(ctx, s.text) if nouns else []
    moved = _moved_dates(s, found, moves) if moves else {}
    if not moved and len(found) > 1:
        found = _shared_times(ctx, s, _attached(ctx, s, found, cancels + nexts + nouns))
    due = deadlines(ctx, s)
    out = []
    for d in found:
        by_cue = moved.get(id(d)) or _status_by_nearest_cue(s, d, cancels, nexts)
        if d.start in due and by_cue != MeetingStatus.CANCELLED:
            continue  # 'kutsu lähetetään viimeistään 21.4.' dates a deadline, not a meeting
        date = event_day(d)
        status = by_cue or status_for(date, ctx)
        at = d.start - s.start
        if not by_cue and not any(_governs(ctx, s, m, d) for m in nouns):
            continue  # '… jatkavat teemaverstaissa, jos kunta on sitoutunut 18.12.2008 päivitetyn tiedon mukaisesti'
        body = body_in(s.text, ctx.lang, at) or organiser(s.text, ctx.lang) \
            or owner(ctx, s, nouns, at) or series(ctx, nouns, at) or own_body
        place = labelled_place(ctx, sents, i) or place_around(ctx, s.text, s.start, at) \
            or (name_before_meeting(ctx, s.text, s.start, nearest(nouns, at)) if nouns else None)
        out.append(Meeting(date=date, status=status, start=d.start_time, end=d.end_time, place=place, body=body,
                           evidence=evidence(ctx.doc, s.start, s.end, NAME, VERSION, 0.8)))
    return out


def _attached(ctx: Context, s: Sentence, found: list[DateMatch], cue_matches: list[re.Match[str]]) -> list[DateMatch]:
    """The dates a meeting word or cue governs: the nearest to each, and those listed with it
    ('kokoontuu 23.1., 12.3. ja 14.5.'); 'pidetyn kokouksen muistio on lähetetty 28.9.' dates a mailing."""
    kept = {min(range(len(found)), key=lambda k: _gap(m, found[k], s)) for m in cue_matches}
    changed = True
    while changed:
        changed = False
        for k in range(len(found) - 1):
            between = s.text[found[k].end - s.start:found[k + 1].start - s.start]
            if (k in kept) != (k + 1 in kept) and _listed(ctx, between):
                kept |= {k, k + 1}
                changed = True
    return [d for k, d in enumerate(found) if k in kept]


def _governs(ctx: Context, s: Sentence, m: re.Match[str], d: DateMatch) -> bool:
    """A meeting word dates a meeting by itself only close to the date and in its clause:
    no ', jos' / ', att' / ', because' parts them."""
    if _gap(m, d, s) > NOUN_REACH:
        return False
    a, b = sorted((m.start(), d.start - s.start))
    between = s.text[a:b]
    return not any(between[:k.start()].rstrip().endswith(",")
                   for k in cues.finditer(ctx.lang, "meeting.subclause", between))


def _gap(m: re.Match[str], d: DateMatch, s: Sentence) -> int:
    """Characters between a cue in ``s`` and a date (0 when they touch or overlap)."""
    a, b = d.start - s.start, d.end - s.start
    return max(a - m.end(), m.start() - b, 0)


def _list_tail(ctx: Context, text: str) -> bool:
    """Text that ends in a comma or a list connector ('23.1.,', '12.3. ja')."""
    text = text.rstrip()
    if text.endswith(","):
        return True
    last = WORD.findall(text[-8:])
    return bool(last) and bool(cues.search(ctx.lang, "meeting.list_joiner", last[-1])) \
        and text.endswith(last[-1])


def _listed(ctx: Context, between: str) -> bool:
    """Text between two dates of one list: a comma or a connector, maybe a weekday, a time word
    or a place name ('20.10. Vihdissä (Nummelan sosiaalitoimisto) ja 1.12.')."""
    bare = BRACKETS.sub(" ", between)
    words = WORD.findall(bare)
    if len(words) > LIST_GAP_WORDS or not ("," in bare or cues.search(ctx.lang, "meeting.list_joiner", bare)
                                           or not bare.strip()):
        return False
    return all(w[:1].isupper() or len(w) <= 3 or cues.search(ctx.lang, "meeting.list_filler", w) for w in words)


def _shared_times(ctx: Context, s: Sentence, found: list[DateMatch]) -> list[DateMatch]:
    """'23.1., 12.3. ja 14.5.2008 klo 13–15.30': a list's closing time holds for every date in it."""
    if len(found) < 2 or not found[-1].start_time or any(d.start_time for d in found[:-1]):
        return found
    if not all(_listed(ctx, s.text[a.end - s.start:b.start - s.start]) for a, b in zip(found, found[1:])):
        return found
    last = found[-1]
    return [replace(d, start_time=last.start_time, end_time=last.end_time) for d in found[:-1]] + [last]


def _status_by_nearest_cue(s: Sentence, d: DateMatch, cancels: list[re.Match[str]],
                           nexts: list[re.Match[str]]) -> str | None:
    """'April meeting cancelled; next meeting 11 May': each date takes the nearest cue of its own clause."""
    at = d.start - s.start
    clause = _clause_of(s.text, at)
    ranked = [(abs(m.start() - at), MeetingStatus.CANCELLED) for m in cancels
              if _clause_of(s.text, m.start()) == clause]
    ranked += [(abs(m.start() - at), MeetingStatus.PLANNED) for m in nexts
               if _clause_of(s.text, m.start()) == clause]
    return min(ranked)[1] if ranked else None


def _clause_of(text: str, at: int) -> int:
    """Which clause (split at ';' and at dashes between words) position ``at`` falls in."""
    return len(CLAUSE_BREAK.findall(text, 0, at))


def _moved_dates(s: Sentence, found: list[DateMatch], moves: list[re.Match[str]]) -> dict[int, str]:
    """A meeting moved from one date to another: the original is off, the new one planned.
    Dates on both sides of the moving word: before it the original ('kokous 25.3. siirtyy'),
    after it the new date; all on one side: the earliest is the original ('siirretään 28.4.
    pidettäväksi 5.5.'). A single date before the word is off ('seminaari 14.4. siirretään
    syksyyn'), after it the new time ('kokous siirretään 5.5.'). A date earlier than the
    original is no new date of it ('kokous 25.3. siirtyy + muistio 4.3.')."""
    cue = moves[0].start() + s.start
    before = [d for d in found if d.start < cue]
    after = [d for d in found if d.start >= cue]
    if before and after:
        off, new = before, after
    elif len(found) >= 2:
        days = sorted(found, key=lambda d: d.value or "")
        off, new = days[:1], days[1:]
    else:
        off, new = before, after
    latest_off = max((d.value or "" for d in off), default="")
    status = {id(d): MeetingStatus.CANCELLED for d in off}
    status.update({id(d): MeetingStatus.PLANNED for d in new if (d.value or "") > latest_off})
    return status


def _new_date(ctx: Context, s: Sentence, found: list[DateMatch], off: Meeting) -> list[Meeting]:
    """'The meeting planned for 2–3 April had to be postponed. It was agreed to hold it on 9–10 June
    at …': the sentence after a move dates the moved meeting anew."""
    due = deadlines(ctx, s)
    out = []
    for d in found:
        if d.start in due:
            continue
        date = event_day(d)
        place = place_around(ctx, s.text, s.start, d.start - s.start) or off.place
        out.append(Meeting(date=date, status=status_for(date, ctx), start=d.start_time, end=d.end_time,
                           place=place, body=off.body, evidence=evidence(ctx.doc, s.start, s.end, NAME, VERSION, 0.75)))
    return out[:1]


def _times_from_next(ctx: Context, sents: list[Sentence], i: int, made: list[Meeting]) -> None:
    """'… 20.10. Vihdissä ja 1.12. Keravalla. Kokoukset alkavat klo 9.' / '… siirretään 1.4.2009.
    Aika ja paikka pysyvät ennallaan: klo 12.30–15.30 Järvenpään Sosiaalitalolla': a dateless
    sentence right after, naming meetings or time and place, gives their time (and place)."""
    if not made or i + 1 >= len(sents):
        return
    nxt = sents[i + 1]
    if nxt.block.index != sents[i].block.index or any(event_day(d) for d in dates_in(ctx.dates, nxt.start, nxt.end)):
        return
    if not any(cues.search(ctx.lang, c, nxt.text) for c in ("meeting.noun", "field.time", "field.place")):
        return
    clock = next((d for d in dates_in(ctx.dates, nxt.start, nxt.end) if d.type == "time" and d.start_time), None)
    place = place_around(ctx, nxt.text, nxt.start, clock.start - nxt.start if clock else 0)
    for m in made:
        if m.status == MeetingStatus.CANCELLED:
            continue
        if clock and not m.start:
            m.start, m.end = clock.start_time, clock.end_time
        if clock and not m.place:
            m.place = place


def _same_body(a: str | None, b: str | None) -> bool:
    """One body, or one meeting naming none: 'hankkeen johtoryhmä' and 'johtoryhmä' are one."""
    if not a or not b:
        return True
    a, b = a.casefold(), b.casefold()
    return a == b or a.endswith(" " + b) or b.endswith(" " + a)


def _dedupe(meetings: list[Meeting], own: Meeting | None) -> list[Meeting]:
    """One meeting per (date, status, body); the own meeting absorbs sentences about itself;
    a body's meeting that is called off on a date is not also planned for it (a mail's
    subject line 'kokous 25.3.' under 'kokous 25.3. siirtyy')."""
    off = {(m.date, m.body) for m in meetings if m.status == MeetingStatus.CANCELLED and m.body}
    out: list[Meeting] = []
    for m in meetings:
        if m.status == MeetingStatus.PLANNED and (m.date, m.body) in off and m is not own:
            continue
        same = next((o for o in out if o.date == m.date and (
            o.status == m.status and _same_body(o.body, m.body)
            or (o is own and m.status != MeetingStatus.CANCELLED))),
            None)
        if same:
            same.start = same.start or m.start
            same.end = same.end or m.end
            same.place = same.place or m.place
            same.body = same.body or m.body
            continue
        out.append(m)
    return out

