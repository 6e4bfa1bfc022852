"""Meetings: the one a document records, ones it plans, cancels, moves or schedules, and other
bodies' dated meetings. A date alone is no meeting: it needs a meeting word, a schedule, or a
cancel, move or 'next meeting' cue it belongs to."""
from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from extractors.lang import load
from extractors.nlp import analyse, has_model, load_nlp

from schemas.records import Meeting, MeetingStatus

from . import cues
from .context import Context, body_in, dates_in, deadline_date, event_day
from .dates import DateMatch
from .evidence import evidence
from .lemmas import lemma_phrase
from .meetings_own import own_meeting
from .meetings_place import labelled_place, place_around
from .meetings_schedule import (is_schedule_line, is_schedule_table, schedule_meetings, schedule_table,
                                status_for)
from .sentences import Sentence

NAME, VERSION = "meetings", "3"
CLAUSE_BREAK = re.compile(r";|\s[–—-]\s")
LIST_TAIL = re.compile(r"(?:,|\s(?:ja|sekä|tai|och|samt|eller|and|or|&))\s*$", re.I)
LIST_GAP_WORDS = 6  # '20.10. Vihdissä (Nummelan sosiaalitoimisto) ja 1.12.': names and a connector
BRACKETS = re.compile(r"\([^()]*\)")
WORD = re.compile(r"[^\W\d_][\w'-]*")
NOUN_REACH = 60  # a meeting word further from a date than this does not date a meeting by itself
MODIFIER_POS = ("ADJ", "NUM", "DET")
OWNER_WORDS = 3  # the owner, then at most two modifiers: "teemaverstaan seuraava kokous"


def extract_meetings(ctx: Context, sents: list[Sentence]) -> tuple[list[Meeting], Meeting | None]:
    """All meetings the document names, and among them the one it records itself (if any)."""
    meetings: list[Meeting] = []
    own = own_meeting(ctx, sents)
    if own:
        meetings.append(own)
    own_body = own.body if own else None
    schedules = {b.index for b in ctx.doc.blocks if is_schedule_table(ctx, b)}
    for index in sorted(schedules):
        meetings.extend(schedule_table(ctx, ctx.doc.blocks[index]))
    moved_off: Meeting | None = None  # a meeting moved away whose new date the next sentence gives
    skip = -1
    for i, s in enumerate(sents):
        if i <= skip or s.block.index in schedules:
            continue
        if (joined := _continued(ctx, sents, i)) is not None:
            s, skip = joined, i + 1
        found = [d for d in dates_in(ctx.dates, s.start, s.end) if event_day(d)]
        if not found:
            moved_off = None
            continue
        if is_schedule_line(ctx, s, found):
            meetings.extend(schedule_meetings(ctx, s, _shared_times(s, found), own_body))
            continue
        made = _sentence_meetings(ctx, sents, i, s, found, own_body)
        if not made and moved_off and moved_off.evidence.block == s.block.index:
            made = _new_date(ctx, s, found, moved_off)
        moved_off = made[0] if len(made) == 1 and made[0].status == MeetingStatus.CANCELLED \
            and _moves(ctx, s.text) else None
        _times_from_next(ctx, sents, i, made)
        meetings.extend(made)
    return _dedupe(meetings, own), own


def _continued(ctx: Context, sents: list[Sentence], i: int) -> Sentence | None:
    """A list of dates broken over two blocks ('… keskiviikkoisin 23.1.,' ⏎ '12.3. ja 14.5.2008
    klo 13–15.30.', as PDF lines come): the two read as one sentence."""
    s = sents[i]
    if i + 1 >= len(sents) or not LIST_TAIL.search(s.text):
        return None
    nxt = sents[i + 1]
    mine = [d for d in dates_in(ctx.dates, s.start, s.end) if event_day(d)]
    theirs = [d for d in dates_in(ctx.dates, nxt.start, nxt.end) if event_day(d)]
    if not (mine and theirs) or theirs[0].start - nxt.start > 3 or nxt.block.index - s.block.index > 1:
        return None
    return replace(s, end=nxt.end, text=ctx.doc.text[s.start:nxt.end])


def _moves(ctx: Context, text: str) -> list[re.Match[str]]:
    return sorted(cues.finditer(ctx.lang, "decision.postponed", text)
                  + cues.finditer(ctx.lang, "meeting.moved", text), key=lambda m: m.start())


def _sentence_meetings(ctx: Context, sents: list[Sentence], i: int, s: Sentence, found: list[DateMatch],
                       own_body: str | None) -> list[Meeting]:
    """Meetings a sentence dates: cancelled, moved, next, or a named body's meeting."""
    cancels = cues.finditer(ctx.lang, "meeting.cancel", s.text)
    nexts = cues.finditer(ctx.lang, "meeting.next", s.text)
    nouns = cues.finditer(ctx.lang, "meeting.noun", s.text)
    if not (cancels or nexts or nouns):
        return []
    moves = _moves(ctx, s.text) if nouns else []
    moved = _moved_dates(s, found, moves) if moves else {}
    if not moved and len(found) > 1:
        found = _shared_times(s, _attached(s, found, cancels + nexts + nouns))
    due = deadline_date(ctx, s.start, s.end, s.text)
    out = []
    for d in found:
        by_cue = moved.get(id(d)) or _status_by_nearest_cue(s, d, cancels, nexts)
        if d is due and by_cue != MeetingStatus.CANCELLED:
            continue  # 'kutsu lähetetään viimeistään 21.4.' dates a deadline, not a meeting
        date = event_day(d)
        status = by_cue or status_for(date, ctx)
        at = d.start - s.start
        if not by_cue and not any(_governs(ctx, s, m, d) for m in nouns):
            continue  # '… jatkavat teemaverstaissa, jos kunta on sitoutunut 18.12.2008 päivitetyn tiedon mukaisesti'
        body = body_in(s.text, ctx.lang, at) or _organiser(s.text, ctx.lang) \
            or _owner(ctx, s, nouns, at) or own_body or _series(ctx, nouns, at)
        place = labelled_place(ctx, sents, i) or place_around(ctx, _with_tail(ctx, sents, i, s), s.start, at)
        out.append(Meeting(date=date, status=status, start=d.start_time, end=d.end_time, place=place, body=body,
                           evidence=evidence(ctx.doc, s.start, s.end, NAME, VERSION, 0.8)))
    return out


def _attached(s: Sentence, found: list[DateMatch], cue_matches: list[re.Match[str]]) -> list[DateMatch]:
    """The dates a meeting word or cue governs: the nearest to each, and those listed with it
    ('kokoontuu 23.1., 12.3. ja 14.5.'); 'pidetyn kokouksen muistio on lähetetty 28.9.' dates a mailing."""
    kept = {min(range(len(found)), key=lambda k: _gap(m, found[k], s)) for m in cue_matches}
    changed = True
    while changed:
        changed = False
        for k in range(len(found) - 1):
            if (k in kept) != (k + 1 in kept) and _listed(s.text[found[k].end - s.start:found[k + 1].start - s.start]):
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


def _listed(between: str) -> bool:
    """Text between two dates of one list: a connector, maybe a weekday, a time or a place name."""
    words = WORD.findall(BRACKETS.sub(" ", between))
    if len(words) > LIST_GAP_WORDS or not (LIST_TAIL.search(between.rstrip() + " ") or between.strip() in ("", ",")):
        return False
    return all(w[:1].isupper() or w.casefold() in LIST_WORDS or len(w) <= 3 for w in words)


LIST_WORDS = {"ja", "sekä", "tai", "och", "samt", "eller", "and", "or", "klo", "kello", "kl", "at", "den", "on"}


def _shared_times(s: Sentence, found: list[DateMatch]) -> list[DateMatch]:
    """'23.1., 12.3. ja 14.5.2008 klo 13–15.30': a list's closing time holds for every date in it."""
    if len(found) < 2 or not found[-1].start_time or any(d.start_time for d in found[:-1]):
        return found
    if not all(_listed(s.text[a.end - s.start:b.start - s.start]) for a, b in zip(found, found[1:])):
        return found
    last = found[-1]
    return [replace(d, start_time=last.start_time, end_time=last.end_time) for d in found[:-1]] + [last]


def _status_by_nearest_cue(s: Sentence, d: DateMatch, cancels: list[re.Match[str]],
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
    due = deadline_date(ctx, s.start, s.end, s.text)
    out = []
    for d in found:
        if d is due:
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


def _with_tail(ctx: Context, sents: list[Sentence], i: int, s: Sentence) -> str:
    """The sentence, and the place a splitter cut off after a date ('Kokous 6.5.' | 'Lohjalla pidetään …')."""
    if i + 1 < len(sents) and sents[i + 1].block.index == s.block.index and sents[i + 1].start >= s.end:
        nxt = sents[i + 1]
        head = nxt.text.split(maxsplit=1)[0] if nxt.text.split() else ""
        if head[:1].isupper() and cues.search(ctx.lang, "meeting.place_case", head):
            return ctx.doc.text[s.start:nxt.start + len(head)]
    return s.text


def _organiser(text: str, lang: str) -> str | None:
    """'ISO:n järjestämä … -seminaari': the organiser named before the meeting."""
    m = cues.search(lang, "meeting.organiser", text)
    if not m:
        return None
    return re.split(r"[:’']", m.group(0))[0].strip() or None


def _owner(ctx: Context, s: Sentence, nouns: list[re.Match[str]], at: int) -> str | None:
    """The group whose meeting it is, in the genitive before the meeting word: 'teemaverstaan
    seuraava kokous' -> teemaverstas ('Huhtikuun 9. päivän kokous' is dated, not owned)."""
    if not nouns:
        return None
    noun = _nearest(nouns, at)
    dated = dates_in(ctx.dates, s.start, s.end)
    window = max(0, noun.start() - 40)
    before = list(WORD.finditer(s.text, window, noun.start()))[-OWNER_WORDS:]
    for word in reversed(before):
        w, a = word.group(0), s.start + word.start()
        if any(d.start <= a < d.end for d in dated) or _time_word(w, ctx.lang):
            return None  # 'Huhtikuun 9. päivän kokous', 'Marraskuun kokous': a time, not a group
        pos = _pos(w, ctx.lang)
        if pos in MODIFIER_POS:
            continue  # 'teemaverstaan seuraava kokous', 'Kirkkonummella pidetyn kokouksen'
        # the model reads some genitives ('teemaverstaan') as another case: a noun in -n before
        # the meeting word and its modifiers is its owner
        if w.endswith("n") and len(w) > 4 and pos in ("NOUN", "PROPN"):
            return lemma_phrase(w, ctx.lang)
        return None
    return None


@lru_cache(maxsize=2048)
def _pos(word: str, lang: str) -> str | None:
    """The word's part of speech (participles count as adjectives); None without a model."""
    nlp = load_nlp(lang)
    if not has_model(nlp):
        return None
    tokens = analyse(word.lower(), lang)
    if not tokens:
        return None
    t = tokens[0]
    return "ADJ" if t.morph.get("VerbForm") == ["Part"] else t.pos_


def _time_word(word: str, lang: str) -> bool:
    w = word.casefold()
    months, others = _time_words(lang)
    return w in others or any(w.startswith(m) for m in months)


@lru_cache(maxsize=None)
def _time_words(lang: str) -> tuple[tuple[str, ...], frozenset[str]]:
    """Month stems, and the weekday, season, day, week and year words of the date grammar."""
    data = load(lang, "dates") or {}
    months = tuple(m.casefold() for m in data.get("months", {}).values())
    others: set[str] = set()
    for key in ("weekdays", "seasons"):
        for forms in data.get(key, {}).values():
            others.update(f.casefold() for f in forms)
    for key in ("day_words", "week_words", "year_words"):
        others.update(w.casefold() for w in data.get(key, []))
    return months, frozenset(others)


def _series(ctx: Context, nouns: list[re.Match[str]], at: int) -> str | None:
    """A compound meeting word names its series ('Ensimmäinen teemaverstas pidetään …',
    'verkostotapaaminen'); a bare 'kokous' or 'seminaari' names none."""
    if not nouns:
        return None
    word = _nearest(nouns, at).group(0)
    if any(word.casefold().startswith(stem) for stem in _bare_stems(ctx.lang)):
        return None
    return lemma_phrase(word, ctx.lang)


def _nearest(matches: list[re.Match[str]], at: int) -> re.Match[str]:
    return min(matches, key=lambda m: abs(m.start() - at))


@lru_cache(maxsize=None)
def _bare_stems(lang: str) -> tuple[str, ...]:
    """The meeting words' own stems ('kokou*', 'möte*'), as opposed to compounds ('*kokous')."""
    return tuple(w.rstrip("*").casefold() for entry in load(lang, "cues") if entry["id"] == "meeting.noun"
                 for w in entry["words"] if not w.startswith("*"))


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

