"""Labelled header fields of a meeting document ('Aika: …', 'Paikka<TAB>…', 'Kokouspaikka on …'),
and the word lookups the meeting modules share: time words and deadline dates."""
from __future__ import annotations

import re
from functools import lru_cache

from extractors.lang import load

from . import cues
from .context import Context, dates_in
from .sentences import Sentence

CLOCK = re.compile(r"(?<![\d.:])([01]?\d|2[0-3])[.:]([0-5]\d)(?!\d|[.:]\d)")
DIGIT = re.compile(r"\d")
DEADLINE_GAP = 3


def field_value(text: str, cue_id: str, lang: str, loose: bool = False) -> str | None:
    """The value after a field label at the start of a line: 'Paikka: X', 'Aika<TAB>X', 'Kokouspaikka on X'.
    ``loose`` also takes a label and value parted by a single space, as PDF text of a Word
    template gives them ('Paikka Vihdin kunnantalo'), when the value looks like one."""
    lines = text.split("\n")
    for i, line in enumerate(lines):
        if value := _line_field(line, cue_id, lang, loose):
            # a value wrapped onto following lines that carry no label of their own
            for more in lines[i + 1:]:
                if ":" in more[:25] or "\t" in more or not more.strip():
                    break
                value = f"{value} {more.strip()}"
            return value.strip(" ,.;")
    return None


def _line_field(line: str, cue_id: str, lang: str, loose: bool) -> str | None:
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
    elif loose and rest[:1] == " " and _looks_like_value(rest[1:], cue_id):
        pass
    else:
        return None
    value = " ".join(rest.replace("*", " ").split()).strip(" ,.;")
    return value or None


def _looks_like_value(rest: str, cue_id: str) -> bool:
    """A time value holds a number ('Aika keskiviikkona 14.11.'), a place value starts with a
    name ('Paikka Vihdin kunnantalo'); 'Aika kului nopeasti' is a sentence, not a field."""
    if cue_id == "field.time":
        return bool(DIGIT.search(rest))
    return rest[:1].isupper()


def header_field(s: Sentence, cue_id: str, lang: str) -> str | None:
    """A header field in running text, or in a table row whose first cell is the label."""
    if s.row is not None:
        # a label and its value (merged cells repeat it); 'Date | Decision | Action' heads columns
        values = {c.strip() for c in s.row[1:] if c.strip()}
        if len(values) == 1 and cues.search(lang, cue_id, s.row[0]) and s.text != s.row[0]:
            label = cues.search(lang, cue_id, s.row[0])
            return s.text if label and label.start() == 0 and len(s.row[0].split()) <= 2 else None
        return None
    return field_value(s.text, cue_id, lang, loose=True)


def field_times(text: str) -> tuple[str | None, str | None]:
    """'18:30 – 20:30' in a separate time field."""
    clocks = CLOCK.findall(text)
    times = [f"{int(h):02d}:{m}" for h, m in clocks]
    return (times[0] if times else None), (times[1] if len(times) > 1 else None)


def clock_after(sents: list[Sentence], cue_id: str, lang: str) -> str | None:
    """The time written with an opening or closing cue: 'avasi kokouksen klo 12.00', 'Mötets öppnande 17:54'."""
    for s in sents:
        if (m := cues.search(lang, cue_id, s.text)) and (t := CLOCK.search(s.text, m.end())):
            if t.start() - m.end() <= 80:
                return f"{int(t.group(1)):02d}:{t.group(2)}"
    return None


def time_word(word: str, lang: str) -> bool:
    """A month, weekday, season, day, week or year word of the language's date grammar."""
    w = word.casefold()
    months, others = _time_words(lang)
    return w in others or any(w.startswith(m) for m in months)


@lru_cache(maxsize=None)
def _time_words(lang: str) -> tuple[tuple[str, ...], frozenset[str]]:
    data = load(lang, "dates") or {}
    months = tuple(m.casefold() for m in data.get("months", {}).values())
    others: set[str] = set()
    for key in ("weekdays", "seasons"):
        for forms in data.get(key, {}).values():
            others.update(f.casefold() for f in forms)
    for key in ("day_words", "week_words", "year_words"):
        others.update(w.casefold() for w in data.get(key, []))
    return months, frozenset(others)


def deadlines(ctx: Context, s: Sentence) -> set[int]:
    """Start offsets of the dates a deadline word stands right beside ('viimeistään pe 9.11.',
    '15.9. mennessä', 'by 31 July'): those date a task, not a meeting. 'held by video
    conference on 14 May' does not."""
    found = dates_in(ctx.dates, s.start, s.end)
    out = set()
    for m in cues.finditer(ctx.lang, "commitment.deadline", s.text):
        a, b = s.start + m.start(), s.start + m.end()
        out.update(d.start for d in found if 0 <= d.start - b <= DEADLINE_GAP or 0 <= a - d.end <= DEADLINE_GAP)
    return out
