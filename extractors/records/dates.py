"""Dates, times and periods in text, normalised to ISO 8601.

Every word this module matches (month, weekday and season names, cue words) comes from
``extractors/lang/<lang>/dates.json``; the code only knows the shapes dates take.

Rules:
- A date without a year takes the year, among the reference's year and its two
  neighbours, that puts it closest to the reference (the document's date): a document of
  18.12.2008 naming 15.1. means 2009-01-15, one of 15.1.2009 naming 18.12. means
  2008-12-18. Without a reference, the first full date of the text is the reference.
- Two-digit years fall within 80 years before and 20 after the reference year
  (without a reference: 00-49 are 20xx, 50-99 are 19xx).
- Periods are ISO intervals ``start/end`` with ``..`` for an open end. Seasons run three
  months from the first month their data key names (winter: 12-2, so the winter of 2009
  starts in 12/2009). The beginning, middle or end of a period is its first, middle or last
  third (a month: days 1-10, 11-20, 21-end; a year: months 1-4, 5-8, 9-12).
- A bare year is no date: it becomes a period only with a cue before or after it, or as a
  year range (2007-2009).
- An impossible date is kept (``valid=False``, ``value=None``, ``problem`` says why); a
  weekday that does not match its date sets ``weekday_mismatch``.
- Two-part and two-digit-year numbers at the start of a line followed by a capitalised
  word are heading numbers, not dates; so are numbers after a version or section word.
"""
from __future__ import annotations

import bisect
import calendar
import datetime as dt
import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Callable, Iterable

from extractors.lang import load, load_all
from extractors.records.evidence import evidence
from schemas.document import Document
from schemas.records import DateMention

EXTRACTOR, VERSION = "dates", "1"

DASH = r"[-\u2010-\u2015\u2212]"
SEP = r"(?:(?<=[.\-])\s*|\s+)"  # after a cue word: a space, optional once it ends in '.' or '-'
YEAR4 = r"(?:19|20)\d\d"
NUM_END = r"(?!\w|[.,:/]\d)"
THIRDS = ("first_third", "middle_third", "last_third")

RANK_PERIOD, RANK_NO_YEAR, RANK_FULL = 1, 2, 3
NO_YEAR = "incomplete date and no reference date"


@dataclass
class DateMatch:
    """One date, period or time found in a text, as written and normalised."""

    start: int
    end: int
    text: str
    value: str | None
    type: str  # date | period | time
    start_time: str | None = None
    end_time: str | None = None
    weekday: str | None = None
    weekday_mismatch: bool = False
    valid: bool = True
    problem: str | None = None
    confidence: float = 0.9


# ---------------------------------------------------------------- language grammar

def _key(word: str) -> str:
    return " ".join(word.split()).lower()


def _lower(text: str) -> str:
    """``text`` lower-cased without changing any offset."""
    low = text.lower()
    if len(low) == len(text):  # lower-casing never shrinks a character, so offsets hold
        return low
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


def _is_word_char(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


def _alternation(words: Iterable[str]) -> str:
    """A regex matching any of ``words`` (lower-cased), as a trie so that long lists stay fast."""
    trie: dict[str, Any] = {}
    for word in {_key(w) for w in words if w.strip()}:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}
    if not trie:
        return "(?!)"

    def emit(node: dict[str, Any]) -> str:
        branches = [(r"\s+" if ch == " " else re.escape(ch)) + emit(child)
                    for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return f"(?:{emit(trie)})"


def _either(alternatives: dict[str, str]) -> str:
    """One regex trying named alternatives in order; group ``g`` of ``alt`` becomes ``g__alt``."""
    parts = [f"(?P<{name}>" + re.sub(r"\(\?P<(\w+)>", rf"(?P<\1__{name}>", body) + ")"
             for name, body in alternatives.items()]
    return r"(?=\d)(?:" + "|".join(parts) + ")"  # the look-ahead lets the engine skip non-digits


def _groups(m: re.Match[str]) -> tuple[str, dict[str, str | None]]:
    """The alternative of an ``_either`` match and its groups under their plain names."""
    name = m.lastgroup or ""
    tail = "__" + name
    return name, {k[:-len(tail)]: v for k, v in m.groupdict().items() if k.endswith(tail)}


@dataclass
class _Grammar:
    """One language's date words and the regexes compiled from them."""

    month_of: dict[str, int] = field(default_factory=dict)
    roles: dict[str, set[str]] = field(default_factory=dict)
    stem_of: dict[str, int] = field(default_factory=dict)
    weekday_of: dict[str, int] = field(default_factory=dict)
    weekday_name: dict[int, str] = field(default_factory=dict)
    season_of: dict[str, int] = field(default_factory=dict)
    cues_before: dict[str, str] = field(default_factory=dict)
    year_words: dict[str, str] = field(default_factory=dict)
    cues_after: dict[str, str] = field(default_factory=dict)
    strong_cues: set[str] = field(default_factory=set)
    meridiem: dict[str, str] = field(default_factory=dict)
    needs_day_word: bool = False
    capitalised: bool = False
    window: dict[str, int] = field(default_factory=dict)  # how far back a pattern can reach
    orders: tuple[str, ...] = ("dmy",)
    rx: dict[str, re.Pattern[str]] = field(default_factory=dict)


def _meridiem_table(data: dict[str, Any]) -> dict[str, str]:
    return {_key(w): half for half, words in data.get("meridiem", {}).items() for w in words}


def _month_tables(g: _Grammar, data: dict[str, Any]) -> list[str]:
    """Fill the month lookups; return every month form the text may use."""
    suffixes: dict[str, list[str]] = data.get("month_suffixes", {})
    forms: list[str] = []
    for num, name in data.get("months", {}).items():
        for role, endings in suffixes.items():
            for ending in endings:
                forms.append(name + ending)
                g.month_of[_key(name + ending)] = int(num)
                g.roles.setdefault(_key(name + ending), set()).add(role)
    abbr_roles = {"after_day", "with_year"}
    if suffixes.get("before_day"):
        abbr_roles.add("before_day")
    for num, abbrs in data.get("month_abbreviations", {}).items():
        for abbr in abbrs:
            forms.append(abbr)
            g.month_of.setdefault(_key(abbr), int(num))
            g.roles.setdefault(_key(abbr), set()).update(abbr_roles)
    stems = {s: int(n) for n, ss in data.get("month_range_stems", {}).items() for s in ss}
    stems.update({name: int(n) for n, name in data.get("months", {}).items()})
    g.stem_of = {_key(s): n for s, n in stems.items()}
    return forms


@lru_cache(maxsize=None)
def _grammar(lang: str) -> _Grammar:
    """Compile the date grammar of ``lang`` once (a language without data: numbers only)."""
    data: dict[str, Any] = load(lang, "dates") or {}
    g = _Grammar()
    months = _month_tables(g, data)
    weekdays: dict[str, list[str]] = data.get("weekdays", {})
    g.weekday_of = {_key(w): int(n) for n, ws in weekdays.items() for w in ws}
    g.weekday_name = {int(n): ws[0] for n, ws in weekdays.items()}
    g.season_of = {_key(w): int(s) for s, ws in data.get("seasons", {}).items() for w in ws}
    g.cues_before = {_key(k): v for k, v in data.get("cues_before", {}).items()}
    g.year_words = {_key(k): v for k, v in data.get("year_words", {}).items()}
    g.cues_after = {_key(k): v for k, v in data.get("cues_after", {}).items()}
    cues = data.get("time_cues", {})
    g.strong_cues = {_key(w) for w in cues.get("strong", [])}
    g.meridiem = _meridiem_table(data)
    g.needs_day_word = bool(data.get("month_day_requires_day_word"))
    g.capitalised = bool(data.get("case_sensitive_names"))
    g.orders = tuple(data.get("numeric_order", ["dmy"]))

    alt = _alternation
    ordinal, article = alt(data.get("ordinal_suffixes", [])), alt(data.get("articles", []))
    range_word, year_word = alt(data.get("range_words", [])), alt(g.year_words)
    mer, hour_word = alt(g.meridiem), alt(data.get("hour_words", []))
    time_cue = alt([*cues.get("strong", []), *cues.get("weak", [])])
    marker = rf"(?:\s*(?:{mer})(?!\w)|\s+{hour_word})"
    lead = r"(?<![\w.,/:]\d)"  # a number's first digit, not inside a longer number or path
    days = rf"(?P<d1>\d{{1,2}})(?:{ordinal})?\.?(?:\s*{DASH}\s*(?P<d2>\d{{1,2}})(?:{ordinal})?\.?)?"
    clock = (rf"(?P<h{{n}}>\d{{{{1,2}}}})(?:(?P<s{{n}}>[.:])(?P<mi{{n}}>[0-5]\d))?"
             rf"(?:\s*(?P<mer{{n}}>{mer})(?!\w))?(?:\s+(?P<hw{{n}}>{hour_word}))?")
    time_core = (clock.format(n=1) + rf"(?:(?:\s*{DASH}\s*|\s+{range_word}\s+)(?:{time_cue}{SEP})?"
                 + clock.format(n=2) + r")?(?!\w|[.,:]\d)")
    numeric = {
        "range": (rf"(?P<d1>\d{lead}\d?)\.?\s*{DASH}\s*(?P<a>\d{{1,2}})\.\s?(?P<b>\d{{1,2}})\."
                  rf"(?:\s?(?P<y>\d{{4}}))?(?!\w|[.,:/]\d)"),
        "dotted": rf"(?P<a>\d{lead}\d?)\.\s?(?P<b>\d{{1,2}})\.\s?(?P<y>\d{{4}}){NUM_END}",
        "dottedyy": rf"(?P<a>\d{lead}\d?)\.(?P<b>\d{{1,2}})\.(?P<yy>\d\d){NUM_END}",
        "slash": rf"(?P<a>\d{lead}\d?)/(?P<b>\d{{1,2}})/(?:(?P<y>\d{{4}})|(?P<yy>\d\d)){NUM_END}",
        "dashed": rf"(?P<a>\d(?<![\w.,/:-]\d)\d?)-(?P<b>\d{{1,2}})-(?P<y>\d{{4}}){NUM_END}",
        "iso": rf"(?P<y>\d(?<![\w.,:-]\d)\d{{3}})-(?P<b>\d{{1,2}})-(?P<a>\d{{1,2}})(?!\w|[.,:-]\d)",
        "noyear": rf"(?P<a>\d{lead}\d?)\.(?P<b>\d{{1,2}})\.(?!\w|[.,:/]?\d)",
    }
    if data.get("slash_day_month"):
        numeric["slashdm"] = rf"(?P<a>\d{lead}\d?)/(?P<b>\d{{1,2}})(?:\s+(?P<y>{YEAR4}))?{NUM_END}"
    patterns = {
        # scanned over the whole text
        "numeric": _either(numeric),
        "month": rf"(?P<mon>{alt(months)})(?P<dot>\.)?(?!\w)",
        "season": rf"(?P<season>{alt(g.season_of)})(?!\w)",
        "year_number": (rf"(?P<y1>(?:19|20)(?<![\w.,/:]\d\d)(?<!\d[-\u2013]\d\d)\d\d)"
                        rf"(?:\s*{DASH}\s*(?P<y2>{YEAR4})|\s+{range_word}\s+(?P<y3>{YEAR4}))?"
                        rf"(?!\w|[.,:/]\d|-\w)"),
        "time_cued": rf"(?P<cue>{time_cue}){SEP}{time_core}",
        "time_bare": (rf"(?=\d)(?<![\w.,:/])(?=\d{{1,2}}(?:[.:]\d\d)?(?:{marker}|\s*{DASH}\s*"
                      rf"\d{{1,2}}(?:[.:]\d\d)?{marker})|\d{{1,2}}:\d\d\s*{DASH}\s*\d{{1,2}}:\d\d)"
                      rf"{time_core}"),
        # searched backwards from where a match starts, as far as ``window`` says
        "weekday_before": (rf"(?:(?<!\w)(?P<wd>{alt(g.weekday_of)})\.?,?\s+)?"
                           rf"(?:(?<!\w)(?P<dp>{alt(data.get('day_prefixes', []))})\s+)?\Z"),
        "days_before": (rf"(?<![\w.,/:]){days}\s+"
                        rf"(?:{alt(data.get('day_month_joiners', []))}\s+)?\Z"),
        "stem_before": rf"(?<!\w)(?P<stem>{alt(g.stem_of)})\s*{DASH}\s*\Z",
        "cue_before": (rf"(?:(?<!\w)(?P<cb>{alt(g.cues_before)}){SEP})?"
                       rf"(?:(?<!\w)(?P<art>{article})\s+)?\Z"),
        "year_cue_before": (rf"(?:(?<!\w)(?P<cb>{alt(g.cues_before)}){SEP})?"
                            rf"(?:(?<!\w)(?P<yw>{year_word}){SEP})?\Z"),
        "year_word_year_before": rf"(?<!\w){year_word}{SEP}(?P<y>{YEAR4})\s+\Z",
        "not_date_before": rf"(?<!\w){alt(data.get('not_date_before', []))}\s*\Z",
        # matched right where a match ends
        "days_after": (rf"\s+(?:{article}\s+)?{days}"
                       rf"(?:\s+(?P<dw>{alt(data.get('day_words', []))}))?(?!\w|[.,:]\d)"),
        "year_after": rf"(?:,\s*|\s+)(?P<y>{YEAR4})(?!\w|[.,:/]\d|-\w)",
        "season_year_after": (rf"(?:\s+{alt(data.get('season_year_joiners', []))})?\s+"
                              rf"(?P<y>{YEAR4})(?:\s*{DASH}\s*(?P<y2>{YEAR4}))?"
                              rf"(?!\w|[.,:/]\d|-\w)"),
        "cue_after": rf"\s+(?P<ca>{alt(g.cues_after)})(?!\w)",
        "time_after": (rf"[.,]?[^\S\n]*,?[^\S\n]*\n?[^\S\n]*"
                       rf"(?:(?P<cue>{time_cue}|{alt(data.get('date_time_joiners', []))}){SEP})?"
                       rf"{time_core}"),
        "range_gap": rf"\s*(?:{DASH}|/|\s{range_word}\s)\s*",
    }
    g.rx = {name: re.compile(p) for name, p in patterns.items()}
    g.window = {
        "weekday_before": _longest(g.weekday_of, data.get("day_prefixes", [])),
        "days_before": _longest(["00:e-00:e."], data.get("day_month_joiners", [])),
        "stem_before": _longest(g.stem_of),
        "cue_before": _longest(g.cues_before, data.get("articles", [])),
        "year_cue_before": _longest(g.cues_before, g.year_words),
        "year_word_year_before": _longest(g.year_words, ["2000"]),
        "not_date_before": _longest(data.get("not_date_before", [])),
    }
    return g


def _longest(*word_lists: Iterable[str]) -> int:
    """Characters a sequence of one word from each list (plus spaces) can take at most."""
    return sum(max((len(w) for w in words), default=0) + 3 for words in word_lists)


# ---------------------------------------------------------------- candidates

@dataclass
class _Day:
    """A day as written: year None when not stated, ``yy`` when written with two digits."""

    y: int | None
    m: int | None
    d: int
    raw: str
    yy: bool = False


@dataclass
class _Period:
    unit: str  # calendar_year | month | season
    y1: int | None
    y2: int | None = None
    m1: int = 1
    m2: int = 12
    season: int = 3  # a season's first month
    meaning: str = "whole"  # whole | open_end | open_start | first_third | ...


@dataclass
class _Cand:
    start: int
    end: int
    rank: int
    kind: str  # day | range | period | time
    first: _Day | None = None
    last: _Day | None = None
    period: _Period | None = None
    weekday: str | None = None
    t1: str | None = None
    t2: str | None = None
    confidence: float = 0.9
    cued: bool = False  # a period with a cue word around it


@dataclass
class _Src:
    """The text being read, its offset-preserving lower-case copy, and the grammar."""

    text: str
    low: str
    g: _Grammar

    def before(self, name: str, pos: int) -> re.Match[str] | None:
        """Pattern ``name`` ending exactly at ``pos`` (None when it matches nothing there)."""
        if pos == 0 or _is_word_char(self.low[pos - 1]):
            return None  # every such pattern ends in a space or punctuation
        m = self.g.rx[name].search(self.low, max(0, pos - self.g.window[name] - 4), pos)
        return m if m and m.start() < pos else None

    def after(self, name: str, pos: int) -> re.Match[str] | None:
        return self.g.rx[name].match(self.low, pos)

    def starts_word(self, pos: int) -> bool:
        return pos == 0 or not _is_word_char(self.low[pos - 1])

    def name_case_ok(self, pos: int) -> bool:
        """Languages that capitalise month and weekday names (English) need the capital."""
        return not self.g.capitalised or self.text[pos].isupper()


def _plausible(d: int, m: int, strict: bool) -> bool:
    """Whether numbers could be meant as a day and month (impossible ones get flagged)."""
    return (1 <= d <= 31 and 1 <= m <= 12) if strict else (d <= 39 and m <= 19)


def _is_heading_number(text: str, start: int, end: int) -> bool:
    """A number alone at the start of a line (or cell) before a capitalised word."""
    line_start = max(text.rfind("\n", 0, start), text.rfind("\t", 0, start)) + 1
    if text[line_start:start].strip(" #|>"):
        return False
    after = re.match(r"[ \t]+(\w)", text[end:end + 4])
    return bool(after and after.group(1).isupper())


def _order(g: _Grammar, a: int, b: int, form: str, y: int | None) -> tuple[int, int]:
    """Day and month of two numbers: the language's order, or its fallback for slashes."""
    orders = g.orders if form == "slash" else g.orders[:1]
    for order in orders:
        d, mo = (a, b) if order == "dmy" else (b, a)
        if _safe_date(y or 2000, mo, d):
            return d, mo
    return (a, b) if orders[0] == "dmy" else (b, a)


def _numeric(src: _Src) -> Iterable[_Cand]:
    for m in src.g.rx["numeric"].finditer(src.low):
        form, groups = _groups(m)
        cand = _numeric_cand(src, form, groups, m.start(), m.end())
        if cand:
            yield cand


def _numeric_cand(src: _Src, form: str, groups: dict[str, str | None], start: int,
                  end: int) -> _Cand | None:
    a, b = int(groups["a"] or 0), int(groups["b"] or 0)
    y = int(groups["y"]) if groups.get("y") else None
    yy = groups.get("yy")
    if y is not None and not 1900 <= y <= 2099:
        return None
    d, mo = _order(src.g, a, b, form, y)
    full = y is not None
    if not _plausible(d, mo, strict=not full):
        return None
    if not full and src.before("not_date_before", start):
        return None
    raw = src.text[start:end]
    if form == "range":
        d1 = int(groups["d1"] or 0)
        if not 1 <= d1 <= 31:
            return None
        return _with_weekday(src, _Cand(start, end, RANK_FULL if full else RANK_NO_YEAR, "range",
                                        first=_Day(None, None, d1, raw),
                                        last=_Day(y, mo, d, raw), confidence=0.9))
    day = _Day(int(yy) if yy else y, mo, d, raw, yy=bool(yy))
    cand = _with_weekday(src, _Cand(start, end, RANK_FULL if (full or yy) else RANK_NO_YEAR, "day",
                                    first=day, confidence=0.95 if full else 0.8))
    if full or cand.weekday:
        return cand
    if form == "slashdm" and cand.start == start:
        return None  # "1/2" is a fraction unless a year, weekday or day word comes with it
    return None if _is_heading_number(src.text, start, end) else cand


def _with_weekday(src: _Src, cand: _Cand) -> _Cand:
    """Extend a day leftwards over a weekday name and a day prefix word."""
    w = src.before("weekday_before", cand.start)
    if w and (not w["wd"] or src.name_case_ok(w.start("wd"))):
        cand.start = w.start()
        cand.weekday = src.text[w.start("wd"):w.end("wd")] if w["wd"] else None
    return cand


def _months(src: _Src) -> Iterable[_Cand]:
    for m in src.g.rx["month"].finditer(src.low):
        if src.starts_word(m.start()) and src.name_case_ok(m.start()):
            cand = _month_cand(src, m)
            if cand:
                yield cand


def _month_cand(src: _Src, m: re.Match[str]) -> _Cand | None:
    g = src.g
    form = _key(m["mon"])
    month, roles = g.month_of.get(form), g.roles.get(form, set())
    if month is None:
        return None
    start, end = m.start(), m.end()
    if "after_day" in roles and (days := src.before("days_before", start)):
        year = src.after("year_after", end)
        return _days_cand(src, days.start(), year.end() if year else end, days, month,
                          int(year["y"]) if year else None)
    if "before_day" in roles and (days := src.after("days_after", end)) \
            and (days["dw"] or not g.needs_day_word):
        year = src.after("year_after", days.end())
        return _days_cand(src, start, year.end() if year else days.end(), days, month,
                          int(year["y"]) if year else None)
    year = src.after("year_after", end)
    if year and "with_year" in roles:
        first = month
        if stem := src.before("stem_before", start):
            start, first = stem.start(), g.stem_of[_key(stem["stem"])]
        return _period_cand(src, start, year.end(), _Period("month", int(year["y"]), m1=first,
                                                            m2=month), 0.9)
    cue_b, cue_a = src.before("cue_before", start), src.after("cue_after", end)
    cued = (cue_b and cue_b["cb"]) or cue_a
    if m["dot"] or not ((cued and "with_cue" in roles) or "alone" in roles):
        return None
    return _period_cand(src, start, end, _Period("month", None, m1=month, m2=month), 0.7)


def _days_cand(src: _Src, start: int, end: int, days: re.Match[str], month: int,
               y: int | None) -> _Cand | None:
    d1, d2 = int(days["d1"]), days["d2"]
    if not _plausible(d1, month, strict=True) or (d2 and not 1 <= int(d2) <= 31):
        return None
    raw = src.text[start:end]
    rank, conf = (RANK_FULL, 0.95) if y else (RANK_NO_YEAR, 0.8)
    if d2:
        cand = _Cand(start, end, rank, "range", first=_Day(None, month, d1, raw),
                     last=_Day(y, month, int(d2), raw), confidence=conf - 0.05)
    else:
        cand = _Cand(start, end, rank, "day", first=_Day(y, month, d1, raw), confidence=conf)
    return _with_weekday(src, cand)


def _period_cand(src: _Src, start: int, end: int, period: _Period, confidence: float,
                 year_words: bool = False) -> _Cand:
    """Extend a period over the cue words around it; the cues set its meaning."""
    g = src.g
    before = src.before("year_cue_before" if year_words else "cue_before", start)
    meaning_before = None
    if before:
        if before["cb"]:
            meaning_before = g.cues_before[_key(before["cb"])]
        if year_words and before["yw"]:
            meaning_before = meaning_before or g.year_words[_key(before["yw"])]
        if meaning_before or (not year_words and before["art"]):
            start = before.start()
    after = src.after("cue_after", end)
    meaning_after = g.cues_after[_key(after["ca"])] if after else None
    if after:
        end = after.end()
    # a trailing cue is the more specific one, unless it only says "during"
    if meaning_after and not (meaning_after == "whole" and meaning_before):
        period.meaning = meaning_after
    else:
        period.meaning = meaning_before or "whole"
    return _Cand(start, end, RANK_PERIOD, "period", period=period, confidence=confidence,
                 cued=bool(meaning_before or meaning_after))


def _seasons(src: _Src) -> Iterable[_Cand]:
    for m in src.g.rx["season"].finditer(src.low):
        if not src.starts_word(m.start()):
            continue
        season = src.g.season_of[_key(m["season"])]
        start, end = m.start(), m.end()
        if year := src.after("season_year_after", end):
            y1, y2, end = int(year["y"]), int(year["y2"]) if year["y2"] else None, year.end()
        elif lead := src.before("year_word_year_before", start):
            y1, y2, start = int(lead["y"]), None, lead.start()
        else:
            continue  # a season without a year is too vague to date
        if y2 is None or 0 <= y2 - y1 <= 50:
            yield _period_cand(src, start, end, _Period("season", y1, y2, season=season), 0.85)


def _years(src: _Src) -> Iterable[_Cand]:
    for m in src.g.rx["year_number"].finditer(src.low):
        y1 = int(m["y1"])
        y2 = int(m["y2"] or m["y3"]) if (m["y2"] or m["y3"]) else None
        if y2 is not None and not 0 < y2 - y1 <= 50:
            continue
        cand = _period_cand(src, m.start(), m.end(), _Period("calendar_year", y1, y2), 0.85,
                            year_words=True)
        if cand.cued or y2 is not None:
            yield cand


def _clock(h: str | None, mi: str | None, mer: str | None, halves: dict[str, str]) -> str | None:
    if h is None:
        return None
    hour, minute = int(h), int(mi) if mi else 0
    if minute > 59:
        return None
    if mer:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + int(halves.get(_key(mer), "0"))
    if hour > 24 or (hour == 24 and minute):
        return None
    return f"{hour:02d}:{minute:02d}"


def _times_of(m: re.Match[str], g: _Grammar) -> tuple[str | None, str | None]:
    mer2 = m["mer2"]
    t1 = _clock(m["h1"], m["mi1"], m["mer1"], g.meridiem)
    if m["mer1"] is None and mer2 and m["h2"]:
        # "9-11 am": the second half-day marker covers both ends unless that reverses them
        shift = int(g.meridiem.get(_key(mer2), "0"))
        h1, h2 = int(m["h1"]), int(m["h2"]) % 12 + shift
        if 1 <= h1 <= 12 and h1 % 12 + shift <= h2:
            t1 = _clock(m["h1"], m["mi1"], mer2, g.meridiem)
    t2 = _clock(m["h2"], m["mi2"], mer2, g.meridiem) if m["h2"] else None
    if t1 is None or (m["h2"] and t2 is None):
        return None, None
    return t1, t2


def _is_time(m: re.Match[str], g: _Grammar, attached: bool) -> bool:
    """Whether a number is a time: a cue, half-day marker, minutes, or (after a date) a range."""
    cue = m["cue"] if "cue" in m.re.groupindex else None
    marked = bool(m["mer1"] or m["mer2"] or m["hw1"] or m["hw2"])
    if cue and _key(cue) in g.strong_cues:
        return True
    if cue:
        return marked or bool(m["mi1"]) or attached
    if marked:
        return True
    if attached:
        return bool(m["mi1"] or m["h2"])
    return bool(m["h2"] and m["s1"] == ":" and m["s2"] == ":")


def _times(src: _Src) -> Iterable[_Cand]:
    for name in ("time_cued", "time_bare"):
        for m in src.g.rx[name].finditer(src.low):
            if src.starts_word(m.start()) and _is_time(m, src.g, attached=False):
                t1, t2 = _times_of(m, src.g)
                if t1:
                    yield _Cand(m.start(), m.end(), RANK_FULL, "time", t1=t1, t2=t2,
                                confidence=0.75)


# ---------------------------------------------------------------- choosing and combining

def _resolve(cands: list[_Cand]) -> list[_Cand]:
    """Non-overlapping candidates: the surest kind first, then the longest."""
    starts: list[int] = []
    chosen: list[_Cand] = []
    for c in sorted(cands, key=lambda c: (-c.rank, -(c.end - c.start), c.start)):
        i = bisect.bisect_left(starts, c.start)
        if (i and chosen[i - 1].end > c.start) or (i < len(chosen) and chosen[i].start < c.end):
            continue
        starts.insert(i, c.start)
        chosen.insert(i, c)
    return chosen


def _merge_ranges(src: _Src, cands: list[_Cand]) -> list[_Cand]:
    """Two days joined only by a dash (or a range word) make one period."""
    out: list[_Cand] = []
    for c in cands:
        prev = out[-1] if out else None
        if (prev and prev.kind == "day" and c.kind == "day" and prev.first and c.first
                and src.g.rx["range_gap"].fullmatch(src.low, prev.end, c.start)
                and "\n" not in src.text[prev.end:c.start]):
            out[-1] = _Cand(prev.start, c.end, RANK_FULL, "range", first=prev.first,
                            last=c.first, weekday=prev.weekday,
                            confidence=min(prev.confidence, c.confidence) - 0.05)
        else:
            out.append(c)
    return out


def _attach_times(src: _Src, cands: list[_Cand]) -> list[_Cand]:
    """A time right after a day (with or without a cue word) belongs to that day."""
    out: list[_Cand] = []
    i = 0
    while i < len(cands):
        c = cands[i]
        i += 1
        m = src.after("time_after", c.end) if c.kind == "day" else None
        if m and _is_time(m, src.g, attached=True):
            t1, t2 = _times_of(m, src.g)
            j = i
            while j < len(cands) and cands[j].start < m.end():
                j += 1
            if t1 and all(x.kind == "time" and x.end <= m.end() for x in cands[i:j]):
                c.end, c.t1, c.t2, i = m.end(), t1, t2, j
        out.append(c)
    return out


# ---------------------------------------------------------------- values

def _safe_date(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def _month_end(y: int, m: int) -> dt.date:
    return dt.date(y, m, calendar.monthrange(y, m)[1])


def _nearest_year(ref: dt.date,
                  span_of: Callable[[int], tuple[dt.date, dt.date] | None]) -> int | None:
    """The year (reference year or a neighbour) whose span lies closest to ``ref``."""
    best: tuple[int, int] | None = None
    for y in (ref.year, ref.year - 1, ref.year + 1):
        span = span_of(y)
        if span is None:
            continue
        a, b = span
        dist = 0 if a <= ref <= b else min(abs((a - ref).days), abs((b - ref).days))
        if best is None or dist < best[0]:
            best = (dist, y)
    return best[1] if best else None


def _century(yy: int, ref: dt.date | None) -> int:
    if ref is None:
        return 2000 + yy if yy < 50 else 1900 + yy
    year = (ref.year // 100) * 100 + yy
    if year > ref.year + 20:
        year -= 100
    elif year <= ref.year - 80:
        year += 100
    return year


def _interval(a: dt.date | None, b: dt.date | None) -> str:
    return f"{a.isoformat() if a else '..'}/{b.isoformat() if b else '..'}"


def _resolve_day(day: _Day, ref: dt.date | None) -> tuple[dt.date | None, str | None]:
    """A written day as a date, or None and the problem."""
    m = day.m or 0
    if day.y is None:
        if ref is None:
            return None, NO_YEAR
        y = _nearest_year(ref, lambda y: (d, d) if (d := _safe_date(y, m, day.d)) else None)
        if y is None:
            return None, f"impossible date {day.raw}"
        return dt.date(y, m, day.d), None
    y = _century(day.y, ref) if day.yy else day.y
    date = _safe_date(y, m, day.d)
    return (date, None) if date else (None, f"impossible date {day.raw}")


def _period_span(p: _Period, y: int) -> tuple[dt.date, dt.date] | None:
    if p.unit == "calendar_year":
        return dt.date(y, 1, 1), dt.date(p.y2 or y, 12, 31)
    if p.unit == "month":
        return dt.date(y if p.m1 <= p.m2 else y - 1, p.m1, 1), _month_end(y, p.m2)
    first = p.season
    crosses = first + 2 > 12  # winter: the 2008-2009 winter is the one that starts in 2008
    last_year = y if p.y2 is None or (crosses and p.y2 == y + 1) else p.y2
    end_month = first + 2
    end = _month_end(last_year + (end_month - 1) // 12, (end_month - 1) % 12 + 1)
    return dt.date(y, first, 1), end


def _part(a: dt.date, b: dt.date, p: _Period) -> tuple[dt.date | None, dt.date | None]:
    """Apply a cue's meaning (open end, open start, one third) to the span a-b."""
    if p.meaning == "open_end":
        return a, None
    if p.meaning == "open_start":
        return None, b
    if p.meaning not in THIRDS or p.y2 is not None:
        return a, b
    third = THIRDS.index(p.meaning)
    if p.unit == "month" and p.m1 == p.m2:
        first = a.replace(day=1 + 10 * third)
        return first, (b if third == 2 else first.replace(day=10 + 10 * third))
    months = (b.year - a.year) * 12 + b.month - a.month + 1
    if months % 3:
        return a, b
    step = months // 3
    start_index = a.month - 1 + step * third
    first = dt.date(a.year + start_index // 12, start_index % 12 + 1, 1)
    end_index = start_index + step - 1
    return first, _month_end(a.year + end_index // 12, end_index % 12 + 1)


def _build(c: _Cand, text: str, ref: dt.date | None, g: _Grammar) -> DateMatch:
    match = DateMatch(c.start, c.end, text[c.start:c.end], None, "date",
                      start_time=c.t1, end_time=c.t2, weekday=c.weekday, confidence=c.confidence)
    if c.kind == "time":
        match.type = "time"
    elif c.kind == "day" and c.first:
        date, match.problem = _resolve_day(c.first, ref)
        match.value = date.isoformat() if date else None
        match.valid = date is not None or c.first.y is None and ref is None
        if c.first.y is None or c.first.yy:
            match.confidence = min(match.confidence, 0.8 if ref else 0.5)
        if date and c.weekday:
            wanted = g.weekday_of.get(_key(c.weekday.rstrip(".")))
            if wanted and wanted != date.isoweekday():
                match.weekday_mismatch = True
                match.problem = (f"weekday {c.weekday} does not match {date.isoformat()} "
                                 f"({g.weekday_name.get(date.isoweekday(), date.isoweekday())})")
                match.confidence = min(match.confidence, 0.7)
    elif c.kind == "range" and c.first and c.last:
        match.type = "period"
        _build_range(c, ref, match)
    elif c.period:
        match.type = "period"
        _build_period(c.period, ref, match)
    if not match.valid:
        match.value, match.confidence = None, min(match.confidence, 0.6)
    match.confidence = round(match.confidence, 3)
    return match


def _build_range(c: _Cand, ref: dt.date | None, match: DateMatch) -> None:
    first, last = c.first, c.last
    assert first and last
    month = first.m or last.m or 0
    if last.y is None and first.y is not None:
        last = _Day(first.y, last.m, last.d, last.raw, first.yy)
    end, problem = _resolve_day(last, ref)
    start = None
    if end is not None and first.y is None:
        # the first day takes the last one's year, or the year before (28.12.-3.1.2009)
        start = _safe_date(end.year, month, first.d)
        if start and start > end and first.m and first.m > end.month:
            start = _safe_date(end.year - 1, month, first.d)
        problem = None if start else f"impossible date {first.raw}"
    elif end is not None:
        start, problem = _resolve_day(_Day(first.y, month, first.d, first.raw, first.yy), ref)
    if start and end and end < start:
        problem = "range ends before it starts"
    match.problem = problem
    match.valid = problem is None or problem == NO_YEAR
    if start and end and problem is None:
        match.value = _interval(start, end)
    if c.last and c.last.y is None:
        match.confidence = min(match.confidence, 0.8 if ref else 0.5)


def _build_period(p: _Period, ref: dt.date | None, match: DateMatch) -> None:
    y = p.y1
    if y is None:
        if ref is None:
            match.problem = NO_YEAR
            return
        y = _nearest_year(ref, lambda yr: _period_span(p, yr))
    span = _period_span(p, y) if y is not None else None
    if span is None:
        match.problem = "no such period"
        return
    a, b = _part(*span, p)
    match.value = _interval(a, b)


def _first_full_date(cands: list[_Cand]) -> dt.date | None:
    for c in cands:
        if c.kind == "day" and c.first and c.first.y is not None and not c.first.yy and c.first.m:
            date = _safe_date(c.first.y, c.first.m, c.first.d)
            if date:
                return date
    return None


# ---------------------------------------------------------------- public API

def find_dates(text: str, lang: str = "fi", reference: dt.date | None = None) -> list[DateMatch]:
    """Every date, period and time in ``text``, non-overlapping, in text order."""
    if isinstance(reference, dt.datetime):
        reference = reference.date()
    src = _Src(text, _lower(text), _grammar(lang))
    cands = [*_numeric(src), *_months(src), *_seasons(src), *_years(src), *_times(src)]
    cands = [c for c in cands if "\n\n" not in text[c.start:c.end]]
    chosen = _attach_times(src, _merge_ranges(src, _resolve(cands)))
    ref = reference or _first_full_date(chosen)
    return [_build(c, text, ref, src.g) for c in chosen]


def parse_time(text: str) -> str | None:
    """A clock time as ``HH:MM`` ('9' -> '09:00', '13.15' -> '13:15', '6 pm' -> '18:00')."""
    meridiem: dict[str, str] = {}
    for data in load_all("dates").values():
        meridiem.update(_meridiem_table(data))
    m = re.fullmatch(r"\s*(\d{1,2})(?:[.:](\d\d))?\s*([^\W\d]\S*)?\s*", text)
    if not m or (m[3] and _key(m[3]) not in meridiem):
        return None
    return _clock(m[1], m[2], m[3], meridiem)


def to_mentions(doc: Document, matches: list[DateMatch]) -> list[DateMention]:
    """DateMention records, with evidence, for matches found in ``doc.text``."""
    return [
        DateMention(text=m.text, value=m.value, type=m.type, start_time=m.start_time,
                    end_time=m.end_time, weekday_mismatch=m.weekday_mismatch, valid=m.valid,
                    problem=m.problem,
                    evidence=evidence(doc, m.start, m.end, EXTRACTOR, VERSION, m.confidence))
        for m in matches
    ]


def extract_dates(doc: Document, lang: str,
                  reference: dt.date | None = None) -> list[DateMention]:
    """One DateMention per date, period or time mentioned in ``doc``, with its evidence."""
    return to_mentions(doc, find_dates(doc.text, lang, reference))
