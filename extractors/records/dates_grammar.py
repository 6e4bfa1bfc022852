"""One language's date words (``extractors/lang/<lang>/dates.json``) compiled into regexes.

The code knows only the shapes dates take; every word comes from the data file.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Iterable

from extractors.lang import load

DASH = r"[-\u2010-\u2015\u2212]"
SEP = r"(?:(?<=[.\-])\s*|\s+)"  # after a cue word: a space, optional once it ends in '.' or '-'
YEAR4 = r"(?:19|20)\d\d"
NUM_END = r"(?!\w|[.,:/]\d)"
LEAD = r"(?<![\w.,/:]\d)"  # a number's first digit, not inside a longer number or path


def key(word: str) -> str:
    """A word as the lookup tables hold it: lower case, single spaces."""
    return " ".join(word.split()).lower()


def lower(text: str) -> str:
    """``text`` lower-cased without changing any offset."""
    low = text.lower()
    if len(low) == len(text):  # lower-casing never shrinks a character, so offsets hold
        return low
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


def is_word_char(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


def alternation(words: Iterable[str]) -> str:
    """A regex matching any of ``words`` (lower-cased), as a trie so that long lists stay fast."""
    trie: dict[str, Any] = {}
    for word in {key(w) for w in words if w.strip()}:
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


def either(alternatives: dict[str, str]) -> str:
    """One regex trying named alternatives in order; group ``g`` of ``alt`` becomes ``g__alt``."""
    parts = [f"(?P<{name}>" + re.sub(r"\(\?P<(\w+)>", rf"(?P<\1__{name}>", body) + ")"
             for name, body in alternatives.items()]
    return r"(?=\d)(?:" + "|".join(parts) + ")"  # the look-ahead lets the engine skip non-digits


def groups_of(m: re.Match[str]) -> tuple[str, dict[str, str | None]]:
    """The alternative of an ``either`` match and its groups under their plain names."""
    name = m.lastgroup or ""
    return name, {plain: m.group(group) for plain, group in _alternative_groups(m.re, name)}


@lru_cache(maxsize=None)
def _alternative_groups(pattern: re.Pattern[str], name: str) -> tuple[tuple[str, str], ...]:
    """(plain name, group name) of alternative ``name``'s groups, in the pattern's order: worked
    out once per pattern, not from all forty groups of every number the text holds."""
    tail = "__" + name
    return tuple((group[:-len(tail)], group) for group in pattern.groupindex if group.endswith(tail))


@dataclass
class Grammar:
    """One language's date words and the regexes compiled from them."""

    month_of: dict[str, int] = field(default_factory=dict)
    roles: dict[str, set[str]] = field(default_factory=dict)
    stem_of: dict[str, int] = field(default_factory=dict)
    weekday_of: dict[str, int] = field(default_factory=dict)
    weekday_name: dict[int, str] = field(default_factory=dict)
    season_of: dict[str, int] = field(default_factory=dict)
    cues_before: dict[str, str] = field(default_factory=dict)
    year_words: dict[str, str] = field(default_factory=dict)
    week_words: dict[str, str] = field(default_factory=dict)
    quarter_of: dict[str, int] = field(default_factory=dict)  # an ordinal word -> its quarter (1-4)
    cues_after: dict[str, str] = field(default_factory=dict)
    strong_cues: set[str] = field(default_factory=set)
    meridiem: dict[str, str] = field(default_factory=dict)
    needs_day_word: bool = False
    capitalised: bool = False
    window: dict[str, int] = field(default_factory=dict)  # how far back a pattern can reach
    orders: tuple[str, ...] = ("dmy",)
    rx: dict[str, re.Pattern[str]] = field(default_factory=dict)


def meridiem_table(data: dict[str, Any]) -> dict[str, str]:
    """Half-day marker -> the hours it adds ('0' or '12')."""
    return {key(w): half for half, words in data.get("meridiem", {}).items() for w in words}


def _month_tables(g: Grammar, data: dict[str, Any]) -> list[str]:
    """Fill the month lookups; return every month form the text may use."""
    suffixes: dict[str, list[str]] = data.get("month_suffixes", {})
    forms: list[str] = []
    for num, name in data.get("months", {}).items():
        for role, endings in suffixes.items():
            for ending in endings:
                forms.append(name + ending)
                g.month_of[key(name + ending)] = int(num)
                g.roles.setdefault(key(name + ending), set()).add(role)
    abbr_roles = {"after_day", "with_year"}
    if suffixes.get("before_day"):
        abbr_roles.add("before_day")
    for num, abbrs in data.get("month_abbreviations", {}).items():
        for abbr in abbrs:
            forms.append(abbr)
            g.month_of.setdefault(key(abbr), int(num))
            g.roles.setdefault(key(abbr), set()).update(abbr_roles)
    stems = {s: int(n) for n, ss in data.get("month_range_stems", {}).items() for s in ss}
    stems.update({name: int(n) for n, name in data.get("months", {}).items()})
    g.stem_of = {key(s): n for s, n in stems.items()}
    return forms


def _longest(*word_lists: Iterable[str]) -> int:
    """Characters a sequence of one word from each list (plus spaces) can take at most."""
    return sum(max((len(w) for w in words), default=0) + 3 for words in word_lists)


@lru_cache(maxsize=None)
def grammar(lang: str) -> Grammar:
    """Compile the date grammar of ``lang`` once (a language without data: numbers only)."""
    data: dict[str, Any] = load(lang, "dates") or {}
    g = Grammar()
    months = _month_tables(g, data)
    weekdays: dict[str, list[str]] = data.get("weekdays", {})
    g.weekday_of = {key(w): int(n) for n, ws in weekdays.items() for w in ws}
    g.weekday_name = {int(n): ws[0] for n, ws in weekdays.items()}
    g.season_of = {key(w): int(s) for s, ws in data.get("seasons", {}).items() for w in ws}
    g.cues_before = {key(k): v for k, v in data.get("cues_before", {}).items()}
    g.year_words = {key(k): v for k, v in data.get("year_words", {}).items()}
    g.week_words = {key(k): v for k, v in data.get("week_words", {}).items()}
    g.cues_after = {key(k): v for k, v in data.get("cues_after", {}).items()}
    g.quarter_of = {key(w): int(q) for q, ws in data.get("quarters", {}).items() for w in ws}
    cues = data.get("time_cues", {})
    g.strong_cues = {key(w) for w in cues.get("strong", [])}
    g.meridiem = meridiem_table(data)
    g.needs_day_word = bool(data.get("month_day_requires_day_word"))
    g.capitalised = bool(data.get("case_sensitive_names"))
    g.orders = tuple(data.get("numeric_order", ["dmy"]))
    g.rx = {name: re.compile(p) for name, p in _patterns(g, data, months).items()}
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


def _patterns(g: Grammar, data: dict[str, Any], months: list[str]) -> dict[str, str]:
    alt = alternation
    ordinal, article = alt(data.get("ordinal_suffixes", [])), alt(data.get("articles", []))
    range_word, year_word = alt(data.get("range_words", [])), alt(g.year_words)
    mer, hour_word = alt(g.meridiem), alt(data.get("hour_words", []))
    cues = data.get("time_cues", {})
    time_cue = alt([*cues.get("strong", []), *cues.get("weak", [])])
    marker = rf"(?:\s*(?:{mer})(?!\w)|\s+{hour_word})"
    days = rf"(?P<d1>\d{{1,2}})(?:{ordinal})?\.?(?:\s*{DASH}\s*(?P<d2>\d{{1,2}})(?:{ordinal})?\.?)?"
    # an empty separator (1045) is a time only after a time cue: see dates_times.is_time
    clock = (rf"(?P<h{{n}}>\d{{{{1,2}}}})(?:(?P<s{{n}}>[.:]?)(?P<mi{{n}}>[0-5]\d))?"
             rf"(?:\s*(?P<mer{{n}}>{mer})(?!\w))?(?:\s+(?P<hw{{n}}>{hour_word}))?")
    time_core = (clock.format(n=1) + rf"(?:(?:\s*{DASH}\s*|\s+{range_word}\s+)(?:{time_cue}{SEP})?"
                 + clock.format(n=2) + r")?(?!\w|[.,:]\d)")
    numeric = {
        "range": (rf"(?P<d1>\d{LEAD}\d?)(?:\.(?P<m1>\d{{1,2}}))?(?P<dot1>\.)?\s*{DASH}\s*"
                  rf"(?P<a>\d{{1,2}})\.\s?(?P<b>\d{{1,2}})\."
                  rf"(?:\s?(?P<y>\d{{4}}))?(?!\w|[.,:/]\d)"),
        "dotted": rf"(?P<a>\d{LEAD}\d?)\.\s?(?P<b>\d{{1,2}})\.\s?(?P<y>\d{{4}}){NUM_END}",
        "dottedyy": rf"(?P<a>\d{LEAD}\d?)\.(?P<b>\d{{1,2}})\.(?P<yy>\d\d){NUM_END}",
        "slash": rf"(?P<a>\d{LEAD}\d?)/(?P<b>\d{{1,2}})/(?:(?P<y>\d{{4}})|(?P<yy>\d\d)){NUM_END}",
        "dashed": rf"(?P<a>\d(?<![\w.,/:-]\d)\d?)-(?P<b>\d{{1,2}})-(?P<y>\d{{4}}){NUM_END}",
        "iso": r"(?P<y>\d(?<![\w.,:-]\d)\d{3})-(?P<b>\d{1,2})-(?P<a>\d{1,2})(?!\w|[.,:-]\d)",
        "noyear": rf"(?P<a>\d{LEAD}\d?)\.(?P<b>\d{{1,2}})\.(?!\w|[.,:/]?\d)",
        # ISO 8601 basic (20141114), as in file names and headings; the month and day must be
        # two-digit valid ones, so phone and reference numbers (0912345678, 20081234) stay out
        "compact": (r"(?P<y>(?:19|20)(?<![^\W_]\d\d)(?<![.,:/+-]\d\d)\d\d)(?P<b>0[1-9]|1[0-2])"
                    r"(?P<a>0[1-9]|[12]\d|3[01])(?![^\W_]|[.,:/-]\d)"),  # '_' may join it to a name
    }
    if data.get("slash_day_month"):
        numeric["slashdm"] = rf"(?P<a>\d{LEAD}\d?)/(?P<b>\d{{1,2}})(?:\s+(?P<y>{YEAR4}))?{NUM_END}"
    return {
        # scanned over the whole text
        "numeric": either(numeric),
        "month": rf"(?P<mon>{alt(months)})\.?(?!\w)",
        "season": rf"(?P<season>{alt(g.season_of)})(?!\w)",
        "year_number": (rf"(?P<y1>(?:19|20)(?<![\w.,/:]\d\d)(?<!\d[-\u2013]\d\d)\d\d)"
                        rf"(?:\s*{DASH}\s*(?P<y2>{YEAR4})|\s+{range_word}\s+(?P<y3>{YEAR4}))?"
                        rf"(?!\w|[.,:/]\d|-\w)"),
        # 'I neljännes', '1. neljännes 2009', 'kvartal 1 2009', 'the first quarter of 2009', 'Q1/2009'
        "quarter": (rf"(?<!\w)(?:(?P<qo>{alt(g.quarter_of)})\s+(?:{article}\s+)?{alt(data.get('quarter_words', []))}"
                    rf"|{alt(data.get('quarter_words', []))}\s+(?P<qn>[1-4])"
                    rf"|{alt(data.get('quarter_prefixes', []))}(?P<qp>[1-4]))"
                    rf"(?:(?:\s*[/-]\s*|,?\s+(?:{alt(data.get('season_year_joiners', []))}\s+)?)(?P<y>{YEAR4}))?"
                    rf"(?!\w|[.,:/]\d|-\w)"),
        "time_cued": rf"(?P<cue>{time_cue}){SEP}{time_core}",
        # a field label (optionally in Markdown emphasis) at the start of a line or cell
        "time_labelled": (rf"(?<![^\n\t|])[^\S\n]*[*_#>]*[^\S\n]*"
                          rf"(?:{alt(data.get('time_labels', []))})"
                          rf"[*_]*(?:[^\S\n]*:[*_]*[^\S\n]*|\t\s*){time_core}"),
        "week": (rf"(?P<ww>{alt(g.week_words)}){SEP}"
                 rf"(?P<w1>\d{{1,2}})(?:\s*{DASH}\s*(?P<w2>\d{{1,2}}))?"
                 rf"(?:\s*/\s*(?:(?P<y>{YEAR4})|(?P<yy>\d\d))|,?\s+(?P<y4>{YEAR4}))?"
                 rf"(?!\w|[.,:/]\d|-\w)"),
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
