"""Whose meeting it is: the organiser, the group in the genitive before the meeting word, or the
series a compound meeting word names."""
from __future__ import annotations

import re
from functools import lru_cache

from extractors.lang import load
from extractors.nlp import analyse, has_model, load_nlp

from . import cues
from .context import Context, dates_in
from .lemmas import lemma_phrase
from .meetings_fields import time_word
from .normalise import find_municipalities
from .sentences import Sentence

WORD = re.compile(r"[^\W\d_][\w'-]*")
MODIFIER_POS = ("ADJ", "NUM", "DET")
OWNER_WORDS = 3  # the owner, then at most two modifiers: "teemaverstaan seuraava kokous"


def organiser(text: str, lang: str) -> str | None:
    """'ISO:n järjestämä … -seminaari': the organiser named before the meeting."""
    m = cues.search(lang, "meeting.organiser", text)
    if not m:
        return None
    return re.split(r"[:’']", m.group(0))[0].strip() or None


def owner(ctx: Context, s: Sentence, nouns: list[re.Match[str]], at: int) -> str | None:
    """The group whose meeting it is, in the genitive before the meeting word: 'teemaverstaan
    seuraava kokous' -> teemaverstas ('Huhtikuun 9. päivän kokous' is dated, not owned)."""
    if not nouns:
        return None
    noun = nearest(nouns, at)
    capital = noun.group(0)[:1].isupper()
    dated = dates_in(ctx.dates, s.start, s.end)
    window = max(0, noun.start() - 40)
    before = list(WORD.finditer(s.text, window, noun.start()))[-OWNER_WORDS:]
    for word in reversed(before):
        w, a = word.group(0), s.start + word.start()
        if any(d.start <= a < d.end for d in dated) or time_word(w, ctx.lang) or find_municipalities(w):
            return None  # 'Huhtikuun 9. päivän kokous', 'Marraskuun kokous': a time; 'Lohjan kokous': a place
        pos = _pos(w, ctx.lang)
        if pos in MODIFIER_POS:
            continue  # 'teemaverstaan seuraava kokous', 'Kirkkonummella pidetyn kokouksen'
        # the model reads some genitives ('teemaverstaan') as another case: a noun in -n before
        # the meeting word and its modifiers is its owner
        if w.endswith("n") and len(w) > 4 and pos in ("NOUN", "PROPN") and (w[:1].isupper() or not capital):
            return lemma_phrase(w, ctx.lang)
        return None  # '… valittiin nimeämistoimikuntaan Yhtiökokouksessa': a new sentence, no owner
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


def series(ctx: Context, nouns: list[re.Match[str]], at: int) -> str | None:
    """A compound meeting word names its series ('Ensimmäinen teemaverstas pidetään …',
    'verkostotapaaminen'); a bare 'kokous' or 'seminaari' names none."""
    if not nouns:
        return None
    m = nearest(nouns, at)
    word = m.group(0)
    if any(word.casefold().startswith(stem) for stem in _bare_stems(ctx.lang)):
        return open_compound(m, ctx.lang)
    return lemma_phrase(word, ctx.lang)


def open_compound(m: re.Match[str], lang: str) -> str | None:
    """A language that writes compounds apart names a series by the word before the meeting word
    ('the next partner meeting', 'a network meeting'); Finnish and Swedish write them as one word."""
    before = m.string[max(0, m.start() - QUALIFIER_CHARS):m.start()]
    found = [q for q in cues.finditer(lang, "meeting.qualifier", before) if not before[q.end():].strip()]
    return f"{found[-1].group(0).lower()} {m.group(0).lower()}" if found else None


def nearest(matches: list[re.Match[str]], at: int) -> re.Match[str]:
    return min(matches, key=lambda m: abs(m.start() - at))


QUALIFIER_CHARS = 30


@lru_cache(maxsize=None)
def _bare_stems(lang: str) -> tuple[str, ...]:
    """The meeting words' own stems ('kokou*', 'möte*'), as opposed to compounds ('*kokous')."""
    return tuple(w.rstrip("*").casefold() for entry in load(lang, "cues") if entry["id"] == "meeting.noun"
                 for w in entry["words"] if not w.startswith("*"))
