"""Where a meeting is held: a municipality as the text names it, a named venue, an unlabelled place line."""
from __future__ import annotations

import re
from functools import lru_cache

from extractors.lang import load
from extractors.nlp import analyse, has_model, load_nlp

from . import cues
from .context import Context, dates_in
from .meetings_fields import field_value, time_word
from .normalise import find_municipalities, municipality
from .sentences import Sentence

BRACKETED = re.compile(r"\s*\(([^()]{2,60})\)")
PLACE_REACH = 60  # a place phrase this close to the date belongs to its meeting
GENITIVE_NAME = re.compile(r"([A-ZÅÄÖ][\w-]*n)\s+$")  # 'Nummelan ' before 'neuvolassa'
NAME_RUN = re.compile(r"\s+(?:the\s+)?([A-ZÅÄÖ][\w'’-]*(?:\s+(?:of\s+|för\s+)?[A-ZÅÄÖ][\w'’-]*)*)")
NAME_BEFORE = re.compile(r"(?<=\s)([A-ZÅÄÖ][\w-]+)\s$")
PLACE_LINE_CHARS = 120
SIGNATURE_LEAD = re.compile(r"[\s,]*(?:den|the)?", re.I)
SENTENCE_START = re.compile(r"(?:^|[.!?:]\s*)$")
PLACE_CASES = {"Ine", "Ade", "All", "Ill"}  # 'Vihdissä', 'Lohjalla', 'kunnantoimistolle', 'saliin'


def municipality_named(text: str, start: int, end: int, name: str) -> str:
    """The municipality as the text names it: 'Karis' in a Swedish text stays Karis (not Karjaa);
    an inflected Finnish form gives the base name ('Lohjalla' -> Lohja)."""
    entry = municipality(name)
    swedish = entry.name_sv if entry else None
    if swedish and text[start:end].casefold().startswith(swedish.casefold()):
        return swedish
    return name


def municipality_near(text: str, at: int, dated: list[tuple[int, int]] | None = None) -> str | None:
    """The municipality written closest to position ``at`` ('-seminaari Pieksämäellä 17.5.'); of a
    list of dates (``dated``: their spans), one that stands closer to another date is that date's
    ('14.4. i Ingå och 9.6.2011 i Karis', 'Lohjalla 4.3. ja Vihdissä 5.5.')."""
    found = find_municipalities(text)
    if not found:
        return None
    if dated and len(dated) > 1:
        mine = next(((a, b) for a, b in dated if a == at), None)
        own = [f for f in found if mine and min(dated, key=lambda d: _gap(f, d)) == mine]
        found = own or found
    start, end, name = min(found, key=lambda f: abs(f[0] - at))
    return municipality_named(text, start, end, name)


def _gap(f: tuple[int, int, str], d: tuple[int, int]) -> int:
    return max(d[0] - f[1], f[0] - d[1], 0)


def place_phrase(ctx: Context, text: str, offset: int, at: int) -> str | None:
    """A named venue that is no municipality, nearest to position ``at``: a capitalised locative
    ('Nummelan neuvolassa') or a preposition before a name ('in Tallinn', 'at the Town Hall')."""
    taken = [(d.start - offset, d.end - offset) for d in dates_in(ctx.dates, offset, offset + len(text))]
    found: list[tuple[int, str]] = []
    by_ending = _marked_by_ending(ctx.lang)
    for m in cues.finditer(ctx.lang, "meeting.place_marker", text):
        if by_ending:  # Finnish: the place word's own case ending
            owner = GENITIVE_NAME.search(text, max(0, m.start() - 40), m.start())
            start = owner.start() if owner else m.start()
            if (owner or m.group(0)[:1].isupper()) and not SENTENCE_START.search(text[:start]) \
                    and in_place_case(m.group(0), ctx.lang):
                found.append((start, text[start:m.end()]))
            continue
        name = NAME_RUN.match(text, m.end())  # a preposition before a name
        if name and not any(cues.search(ctx.lang, c, name.group(1)) for c in ("meeting.noun", "body")):
            found.append((name.start(1), name.group(1)))  # 'at TEAM MEETING 1' names the meeting, not a place
    found = [(s, p) for s, p in found if abs(s - at) <= PLACE_REACH
             and not any(a < s + len(p) and s < b for a, b in taken)]
    # a place written after the date is nearer to it than one as far before it
    return min(found, key=lambda f: f[0] - at if f[0] >= at else 2 * (at - f[0]))[1] if found else None


def is_place_word(ctx: Context, word: str) -> bool:
    """A word that names a place by its case ending ('Kirkkonummella'); languages that mark
    places with prepositions have none."""
    m = cues.search(ctx.lang, "meeting.place_marker", word)
    return _marked_by_ending(ctx.lang) and bool(m) and m.group(0) == word and in_place_case(word, ctx.lang)


@lru_cache(maxsize=None)
def _marked_by_ending(lang: str) -> bool:
    """Whether the language's place markers are case endings ('*ssa') rather than prepositions ('i')."""
    words = [w for e in load(lang, "cues") if e["id"] == "meeting.place_marker" for w in e["words"]]
    return bool(words) and all(w.startswith("*") for w in words)


@lru_cache(maxsize=2048)
def in_place_case(word: str, lang: str) -> bool:
    """'Lohjalla' is in a place case; 'Villa' only ends like one (trusted without a model)."""
    nlp = load_nlp(lang)
    if not has_model(nlp):
        return True
    tokens = analyse(word, lang)
    return bool(tokens) and bool(PLACE_CASES & set(tokens[-1].morph.get("Case")))


def place_around(ctx: Context, text: str, offset: int, at: int) -> str | None:
    """The place of a meeting dated at ``at`` in ``text``: a municipality, else a named venue."""
    dated = [(d.start - offset, d.end - offset) for d in dates_in(ctx.dates, offset, offset + len(text)) if d.valid]
    return municipality_near(text, at, dated) or place_phrase(ctx, text, offset, at)


def name_before_meeting(ctx: Context, text: str, offset: int, noun: re.Match[str]) -> str | None:
    """'the minutes of the Stockholm meeting': a capitalised name right before the meeting word,
    not a body, a month or the first word of the sentence."""
    m = NAME_BEFORE.search(text, 0, noun.start())
    if not m or SENTENCE_START.search(text[:m.start(1)]):
        return None
    word = m.group(1)
    if any(cues.search(ctx.lang, c, word) for c in ("body", "meeting.noun")) or time_word(word, ctx.lang):
        return None
    if any(d.start <= offset + m.start(1) < d.end for d in dates_in(ctx.dates, offset, offset + len(text))):
        return None
    return word


def labelled_place(ctx: Context, sents: list[Sentence], i: int) -> str | None:
    """A place named in the sentence ('Kokouspaikka on X') or in the next one if that names no date."""
    following = sents[i + 1:i + 2]
    if following and dates_in(ctx.dates, following[0].start, following[0].end):
        following = []
    for s in sents[i:i + 1] + following:
        for part in re.split(r"(?<=[.;])\s+", s.text):
            if v := field_value(part, "field.place", ctx.lang):
                return v
    return None


def bracketed_place(text: str, at: int) -> re.Match[str] | None:
    """'12.1.2011 (Hanko)': a name in brackets right after a date; '(plats meddelas senare)',
    a note in lower case, names no place."""
    m = BRACKETED.match(text, at)
    return m if m and m.group(1).strip()[:1].isupper() else None


def place_line(ctx: Context, header: list[Sentence]) -> str | None:
    """An unlabelled header line that starts with a municipality: 'Mikkelissä, kaupunginkirjaston salissa.',
    'Järvenpää, Sosiaalitalo, ti 21.8.2007 klo 12–16' (the date and time are cut off)."""
    for s in header:
        if s.item:
            break
        if _names_kind(ctx, s.text):
            continue  # 'Siuntion kuntatyöryhmän muistio' is the title, not the place
        found = find_municipalities(s.text)
        if not found or found[0][0] != 0 or len(s.text) >= PLACE_LINE_CHARS or s.text.rstrip().endswith(":"):
            continue
        if ctx.doc.text[s.start - 1:s.start] not in ("", "\n"):
            continue  # a sentence inside a line ('Kokous 6.5. | Lohjalla pidetään …') is no place line
        dated = dates_in(ctx.dates, s.start, s.end)
        text = s.text[:dated[0].start - s.start] if dated else s.text
        text = text.strip().rstrip(" ,;.–-")
        if dated and SIGNATURE_LEAD.fullmatch(text[found[0][1]:]):
            continue  # 'Helsingfors den 2 februari 2009' signs a letter; it places no meeting
        if text:
            return text
    return None


def _names_kind(ctx: Context, text: str) -> bool:
    return any(cues.search(ctx.lang, c, text) for c in ("kind.minutes", "kind.agenda", "kind.bulletin",
                                                        "kind.report", "kind.plan"))
