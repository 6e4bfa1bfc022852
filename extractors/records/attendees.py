"""Attendance lists -> Attendee records, whatever the layout.

Layouts: real tables (a header row, a heading column or section rows), tab-aligned
rows, comma and line lists with organisations in brackets, and *flattened columns*
where each column of a table was run together into one cell (all names, then all
organisations, then the roles that were not empty). People come only from lists under
an attendance heading, from tables whose header names a person column, or from a
speaker line at the top of seminar material; prose only settles the roles of people
already listed ("Puheenjohtaja Jouko Ranta avasi ...", "mötesordförande: Filip").
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import NamedTuple

from extractors.lang import LANGUAGES, load
from schemas.document import Block, BlockKind, Document
from schemas.records import Attendee, AttendeeStatus, Role

from .evidence import evidence
from .normalise import (canonical_municipality, is_first_name, name_particles, normalise_organisation,
                        normalise_person)

NAME, VERSION = "attendees", "1"

STATUS_OF_KIND = {"present": AttendeeStatus.PRESENT, "guest": AttendeeStatus.PRESENT,
                  "speaker": AttendeeStatus.PRESENT, "absent": AttendeeStatus.ABSENT,
                  "invited": None}
PROSE_ROLES = (Role.CHAIR, Role.VICE_CHAIR, Role.SECRETARY)
NAME_WORD = re.compile(r"^[A-ZÅÄÖÜÉÈÁÓÍÚŠŽØÆ][a-zåäöüéèáóíúšžøæçñ'’]+"
                       r"(?:[-\u2010\u2011\u2013][A-ZÅÄÖÜÉa-zåäöüé][a-zåäöüéèáóíúšžøæçñ'’]+)*$")
INITIALS = re.compile(r"^(?:[A-ZÅÄÖ]\.?-?){1,3}$")
TOKEN = re.compile(r"\([^()]*\)|[^\s()]+")
DASH_TOKEN = re.compile(r"^[-\u2010\u2011\u2012\u2013\u2014]$")
CELL_SPLIT = re.compile(r"\t+| {3,}")
BULLET = re.compile(r"^(?:[-*•▪◦‣►▶→➢]|\d{1,2}[.)])\s+")
NUMBERING = re.compile(r"^(?:\d{1,2}(?:\.\d{1,2})*[.)]?|[a-z][.)]|§\s*\d+)$")
LABEL = re.compile(r"^[A-ZÅÄÖ][\wåäöÅÄÖ ./()-]{0,40}:(?:\s|$)")
MAX_CONTINUATION_BLOCKS = 40


# ---------------------------------------------------------------------------
# language cues (all languages at once: minutes are often bilingual)


@dataclass(frozen=True)
class Cues:
    heading_re: re.Pattern[str]
    heading_kind: dict[str, str]
    roles: tuple[tuple[str, str, bool, bool], ...]  # phrase, role id, deputy, inflects
    org_words: frozenset[str]
    columns: dict[str, tuple[str, ...]]
    present_values: frozenset[str]
    absent_values: frozenset[str]
    title_suffixes: tuple[str, ...]
    speaker_context: tuple[str, ...]
    qualifiers: frozenset[str]
    stopwords: frozenset[str]
    connectors: frozenset[str]
    list_sep: re.Pattern[str]
    role_link: re.Pattern[str]
    links: frozenset[str]
    particles: frozenset[str]


@lru_cache(maxsize=1)
def cues() -> Cues:
    kinds: dict[str, str] = {}
    roles: list[tuple[str, str, bool, bool]] = []
    org_words, present, absent, qualifiers, stop = set(), set(), set(), set(), set()
    columns: dict[str, set[str]] = {}
    suffixes, context, connectors, links = set(), set(), set(), set()
    for lang in LANGUAGES:
        data = load(lang, "attendance")
        if not data:
            continue
        for kind, words in data["headings"].items():
            for w in words:
                kinds.setdefault(w.casefold(), kind)
        for entry in data["roles"]:
            for w in entry["words"]:
                inflects = lang != "en" and len(w) >= 5 and not w.endswith(".")
                roles.append((w.casefold(), entry["id"], bool(entry.get("deputy")), inflects))
        org_words.update(w.casefold() for w in data["organisation_words"])
        for col, words in data["column_headers"].items():
            columns.setdefault(col, set()).update(w.casefold() for w in words)
        present.update(v.casefold() for v in data["status_values"]["present"])
        absent.update(v.casefold() for v in data["status_values"]["absent"])
        suffixes.update(data["title_suffixes"])
        context.update(data["speaker_context"])
        qualifiers.update(w.casefold() for w in data["meeting_qualifiers"])
        connectors.update(w.casefold() for w in data.get("list_connectors", []))
        links.update(w.casefold() for w in data.get("role_connectors", []))
        sw = load(lang, "stopwords")
        stop.update(w.casefold() for w in (sw.get("words", []) if isinstance(sw, dict) else sw))
    alternation = "|".join(r"\s+".join(map(re.escape, h.split())) for h in sorted(kinds, key=len, reverse=True))
    heading_re = re.compile(rf"^(?:\d{{1,2}}[.)]?\s*)?(?P<h>{alternation})(?P<colon>\s*:)?(?=\s|$)\s*(?P<rest>.*)$",
                            re.I | re.S)
    joined = "|".join(map(re.escape, sorted(connectors, key=len, reverse=True))) or "(?!)"
    linked = "|".join(map(re.escape, sorted(links, key=len, reverse=True))) or "(?!)"
    return Cues(heading_re=heading_re, heading_kind=kinds,
                connectors=frozenset(connectors), links=frozenset(links), particles=name_particles(),
                list_sep=re.compile(rf"\s*[,;]\s*|\s+(?:{joined})\s+(?=[A-ZÅÄÖ])", re.I),
                role_link=re.compile(rf"^\s*(?:,|\(|:|-|–)?\s*(?:(?:{linked})\s+)?([\wåäöÅÄÖ.]+)", re.I),
                roles=tuple(sorted(roles, key=lambda r: len(r[0]), reverse=True)),
                org_words=frozenset(org_words),
                columns={k: tuple(sorted(v, key=len, reverse=True)) for k, v in columns.items()},
                present_values=frozenset(present), absent_values=frozenset(absent),
                title_suffixes=tuple(sorted(suffixes)), speaker_context=tuple(sorted(context)),
                qualifiers=frozenset(qualifiers), stopwords=frozenset(stop))


def _role_at(lower: str, pos: int, c: Cues) -> tuple[int, str, bool] | None:
    """The role phrase starting at ``pos`` of a lower-cased text: (end, role id, deputy)."""
    if pos and lower[pos - 1].isalpha():
        return None
    for phrase, role, deputy, inflects in c.roles:
        if lower.startswith(phrase, pos):
            end = pos + len(phrase)
            if inflects:
                while end < len(lower) and lower[end].isalpha():
                    end += 1
            elif end < len(lower) and lower[end].isalpha() and not (lower[end] == "s" and (
                    end + 1 == len(lower) or not lower[end + 1].isalpha())):
                continue
            return end, role, deputy
    return None


@lru_cache(maxsize=16384)
def find_roles(text: str) -> tuple[tuple[int, int, str, bool], ...]:
    """Role words in ``text``: (start, end, role id, deputy)."""
    c, lower, found, pos = cues(), text.casefold(), [], 0
    while pos < len(lower):
        if lower[pos].isalpha() and (hit := _role_at(lower, pos, c)):
            found.append((pos, hit[0], hit[1], hit[2]))
            pos = hit[0]
        else:
            pos += 1
    return tuple(found)


def role_of(text: str) -> tuple[str, bool] | None:
    """The role a role cell names: the first role that is not a deputy qualifier wins."""
    hits = find_roles(text)
    if not hits:
        return None
    main = next((h for h in hits if not h[3]), hits[0])
    return main[2], any(h[3] for h in hits)


# ---------------------------------------------------------------------------
# pieces of the document text


class Piece(NamedTuple):
    """A substring of the document text and where it starts."""

    text: str
    start: int

    @property
    def end(self) -> int:
        return self.start + len(self.text)

    def sub(self, i: int, j: int | None = None) -> Piece:
        j = len(self.text) if j is None else j
        raw = self.text[i:j]
        lead = len(raw) - len(raw.lstrip())
        return Piece(raw.strip(), self.start + i + lead)


def _lines(piece: Piece) -> list[Piece]:
    out, pos = [], 0
    for line in piece.text.split("\n"):
        p = piece.sub(pos, pos + len(line))
        if p.text:
            out.append(p)
        pos += len(line) + 1
    return out


def _split(piece: Piece, pattern: re.Pattern[str]) -> list[Piece]:
    out, pos = [], 0
    for m in pattern.finditer(piece.text):
        if _depth(piece.text, m.start()) == 0:
            out.append(piece.sub(pos, m.start()))
            pos = m.end()
    out.append(piece.sub(pos))
    return [p for p in out if p.text]


def _depth(text: str, pos: int) -> int:
    return text.count("(", 0, pos) - text.count(")", 0, pos)


class Tok(NamedTuple):
    text: str
    start: int
    end: int


def _tokens(piece: Piece) -> list[Tok]:
    return [Tok(m.group(), piece.start + m.start(), piece.start + m.end())
            for m in TOKEN.finditer(piece.text)]


def _bare(word: str) -> str:
    return word.strip(",;:.")


# ---------------------------------------------------------------------------
# names


def _name_word(tok: str) -> bool:
    return bool(NAME_WORD.match(_bare(tok))) or bool(NAME_WORD.match(tok.rstrip(",;:")))


def _initials(tok: str) -> bool:
    return bool(INITIALS.match(tok.rstrip(",;:")))


def _plain_word(tok: str, c: Cues) -> bool:
    """A capitalised word that is not a place, an organisation word, a role or a function word."""
    low = _bare(tok).casefold()
    return (_name_word(tok) and low not in c.org_words and low not in c.stopwords
            and not find_roles(low) and canonical_municipality(_bare(tok)) is None)


def _join_dashes(toks: list[Tok], lower_tail: bool) -> list[Tok]:
    """Join 'A – B' into one token: surnames (B capitalised) or compounds ('ARVO - hanke')."""
    out: list[Tok] = []
    i = 0
    while i < len(toks):
        t = toks[i]
        if (out and DASH_TOKEN.match(t.text) and i + 1 < len(toks)
                and (toks[i + 1].text[:1].islower() if lower_tail else _name_word(toks[i + 1].text))
                and (lower_tail or _name_word(out[-1].text))):
            prev = out.pop()
            nxt = toks[i + 1]
            out.append(Tok(f"{prev.text}-{nxt.text}", prev.start, nxt.end))
            i += 2
            continue
        out.append(t)
        i += 1
    return out


@dataclass
class Person:
    name: Tok
    strong: bool
    attrs: list[Tok] = field(default_factory=list)


UNKNOWN_FIRST = 2.5


def segment_names(toks: list[Tok], c: Cues) -> list[Person] | None:
    """Split a run of name tokens into people (first names from the lexicon + a surname).

    Tokens after a surname that are places, bracketed qualifiers or role markers are kept
    as that person's attributes. None when the run cannot be read as names.
    """
    toks = _join_dashes(toks, lower_tail=False)
    n = len(toks)
    best: list[tuple[float, list[Person]] | None] = [None] * (n + 1)
    best[n] = (0.0, [])
    for i in range(n - 1, -1, -1):
        if not _name_word(toks[i].text):
            continue
        for n_first in (1, 2, 3):
            j = i + n_first
            if j >= n or not all(_name_word(t.text) for t in toks[i:j]):
                break
            cost = 0.0 if is_first_name(_bare(toks[i].text)) else UNKNOWN_FIRST
            cost += sum(0.4 if is_first_name(_bare(t.text)) else 1.5 for t in toks[i + 1:j])
            k = j
            while k < n - 1 and toks[k].text in c.particles:
                k += 1
            sur = toks[k].text
            if not (_name_word(sur) or _initials(sur)):
                continue
            cost += 0.8 if is_first_name(_bare(sur)) else 0.0
            cost += 0.3 if _initials(sur) else 0.0
            a = k + 1
            while True:
                if best[a] is not None:
                    tail_cost, tail = best[a]
                    person = Person(Tok(" ".join(t.text for t in toks[i:k + 1]).rstrip(",;:"),
                                        toks[i].start, toks[k].end),
                                    strong=is_first_name(_bare(toks[i].text)), attrs=list(toks[k + 1:a]))
                    total = cost + 0.3 * (a - k - 1) + 0.1 + tail_cost
                    if best[i] is None or total < best[i][0]:
                        best[i] = (total, [person, *tail])
                if a < n and _attribute(toks[a].text, c):
                    a += 1
                    continue
                break
    return best[0][1] if best[0] is not None else None


def _attribute(tok: str, c: Cues) -> bool:
    if tok.startswith("("):
        return True
    bare = _bare(tok)
    return bool(canonical_municipality(bare) and not is_first_name(bare)) or bool(role_of(tok))


# ---------------------------------------------------------------------------
# entries: one listed person before normalisation


@dataclass
class Entry:
    name: Piece
    kind: str
    confidence: float
    strong: bool
    org: list[str] = field(default_factory=list)
    role: str | None = None
    role_raw: str | None = None
    deputy: bool = False
    end: int | None = None
    name_end: int | None = None  # where the name ends in the document (joined dashes shorten it)
    start: int | None = None  # where the evidence starts when not at the name (a table row)
    display: str | None = None  # the name in first-name-first order when written the other way
    group: int | None = None  # flattened row whose role cells still need aligning
    pending_roles: list[str] = field(default_factory=list)

    @property
    def key(self) -> str:
        return _person_key(self.display or self.name.text)


def _person_key(name: str) -> str:
    return re.sub(r"\s*[-\u2010-\u2014]\s*", "-", " ".join(name.split())).casefold().strip(" .,")


def _set_role(entry: Entry, text: str) -> bool:
    found = role_of(text)
    if not found:
        return False
    role, deputy = found
    if entry.role is None or entry.role == Role.MEMBER:
        entry.role = role
        raw = " ".join(text.split()).strip(",;: ")
        entry.role_raw = raw[1:-1] if raw.startswith("(") and raw.endswith(")") else raw
    entry.deputy = entry.deputy or deputy
    return True


def _add_attribute(entry: Entry, piece_text: str, c: Cues) -> None:
    """A bracket, comma part or cell next to a name: roles and organisations."""
    text = piece_text.strip()
    if text.startswith("(") and text.endswith(")"):
        text = text[1:-1]
    for part in re.split(r"\s*[,;]\s*", text):
        part = part.strip(" .")
        if not part:
            continue
        if _set_role(entry, part) and _role_only(part):
            continue
        if part[:1].isupper() or part.isupper():
            entry.org.append(part)


def _role_only(text: str) -> bool:
    """Every word belongs to a role phrase, or is a lower-case qualifier of one."""
    lower = text.casefold()
    covered = [False] * len(lower)
    for s, e, _, _ in find_roles(text):
        covered[s:e] = [True] * (e - s)
    rest = "".join(ch if not cov else " " for ch, cov in zip(text, covered))
    return all(w.islower() or not w.strip("().,:;") for w in rest.split())


class NameParse(NamedTuple):
    name: Piece
    strong: bool
    before: list[str]
    after: list[str]
    display: str | None = None  # 'Matti Virtanen' for a list written 'Virtanen Matti'



def _parse_name(piece: Piece, c: Cues) -> NameParse | None:
    """'pj. Liisa Virtanen (Tuusula)' -> name 'Liisa Virtanen', attributes around it."""
    toks = _join_dashes(_tokens(piece), lower_tail=False)
    if not toks:
        return None
    # The name: the first run of capitalised words that starts with a first name (or any
    # capitalised word when none is known), up to the first word that cannot be in a name.
    starts = [i for i, t in enumerate(toks) if _name_word(t.text) and is_first_name(_bare(t.text))]
    i = starts[0] if starts else next((k for k, t in enumerate(toks) if _plain_word(t.text, c)), None)
    if i is None:
        return None
    j = i + 1
    while j < len(toks) and (_name_word(toks[j].text) or _initials(toks[j].text)
                             or toks[j].text in c.particles) and j - i < 5:
        if toks[j - 1].text.endswith((",", ";")):
            break
        j += 1
    core = toks[i:j]
    display = None
    if (i > 0 and all(is_first_name(_bare(t.text)) for t in core) and _plain_word(toks[i - 1].text, c)
            and not is_first_name(_bare(toks[i - 1].text)) and not toks[i - 1].text.endswith((",", ";"))):
        # Official lists often put the surname first: 'Virtanen Matti, puheenjohtaja'.
        display = " ".join([*(_bare(t.text) for t in core), _bare(toks[i - 1].text)])
        i -= 1
        core = toks[i:j]
    # A trailing place after a complete name is an organisation (Matti Virtanen Kerava).
    while len(core) > 2 and canonical_municipality(_bare(core[-1].text)) and not is_first_name(
            _bare(core[-1].text)) and not is_first_name(_bare(core[-2].text)):
        core = core[:-1]
        j -= 1
    strong = is_first_name(_bare(core[0].text))
    if len(core) > 1 and not strong and display is None and not all(_plain_word(t.text, c) or _initials(t.text) for t in core):
        return None
    if len(core) == 1 and not strong and not _plain_word(core[0].text, c):
        return None
    name = Piece(piece.text[core[0].start - piece.start:core[-1].end - piece.start].rstrip(",;:"),
                 core[0].start)
    before = [t.text for t in toks[:i]]
    after = [t.text for t in toks[j:]]
    return NameParse(name, strong or display is not None, before, after, display)


def _parse_line(line: Piece, kind: str, c: Cues) -> list[Entry]:
    """One line of a list: 'A B (Kerava), C D (Tuusula, pj.)', 'A B, Kerava, puheenjohtaja', ..."""
    if m := BULLET.match(line.text):
        line = line.sub(m.end())
    if not line.text:
        return []
    parts = _split(line, c.list_sep)
    if len(parts) == 1 and "(" not in line.text:
        toks = _tokens(line)
        if len(toks) >= 4 and (people := segment_names(toks, c)) and len(people) >= 2:
            return [_entry_of_person(p, kind, c) for p in people]
    parsed = [(p, _parse_name(p, c)) for p in parts]
    n_multi = sum(1 for _, np in parsed if np and " " in np.name.text)
    if n_multi == 0:
        # 'Ash, Edward, Sam': first names only, accepted when most are known first names.
        names = [np for _, np in parsed if np and not np.before and not np.after]
        if len(parsed) < 2 or len(names) < len(parsed) or sum(np.strong for np in names) * 2 < len(parsed):
            return []
        return [Entry(np.name, kind, 0.5, np.strong, end=np.name.end) for np in names]
    entries: list[Entry] = []
    leading: list[str] = []
    for part, np in parsed:
        multi = np is not None and " " in np.name.text
        # With several full names on the line, a lone plain word is one more person.
        lone = (n_multi >= 2 and np is not None and not np.before and not np.after
                and _plain_word(np.name.text, c))
        if multi or lone:
            e = Entry(np.name, kind, (0.9 if np.strong else 0.7) if multi else 0.5, np.strong,
                      end=part.end, display=np.display)
            for words in [*leading, " ".join(np.before)]:
                _set_role(e, words)  # 'pj. Liisa Virtanen', 'puheenjohtaja, Liisa Virtanen'
            leading = []
            for a in _group_after(np.after):
                _add_attribute(e, a, c)
            entries.append(e)
        elif entries:
            _add_attribute(entries[-1], part.text, c)
            entries[-1].end = part.end
        else:
            leading.append(part.text)
    return entries


def _group_after(words: list[str]) -> list[str]:
    """Words after a name: bracket groups stand alone, the rest reads as one phrase."""
    out, run = [], []
    for w in words:
        if w.startswith("("):
            if run:
                out.append(" ".join(run))
                run = []
            out.append(w)
        else:
            run.append(w)
    if run:
        out.append(" ".join(run))
    return out


def _entry_of_person(p: Person, kind: str, c: Cues) -> Entry:
    e = Entry(Piece(p.name.text, p.name.start), kind, 0.85 if p.strong else 0.6, p.strong,
              end=p.attrs[-1].end if p.attrs else p.name.end, name_end=p.name.end)
    for a in p.attrs:
        _add_attribute(e, a.text, c)
    return e


# ---------------------------------------------------------------------------
# flattened columns: one cell per column, every row run together


def _org_units(piece: Piece, c: Cues) -> list[str]:
    """'Järvenpää ARVO - hanke Karviainen (Vihti) Keravan kaupunki' -> one unit per body."""
    toks = _join_dashes(_tokens(piece), lower_tail=True)
    units: list[list[str]] = []
    glue = False
    for t in toks:
        w = t.text
        lower_word = w[:1].islower() and not w.startswith("(")
        if units and (glue or w.startswith("(") or lower_word):
            units[-1].append(w)
        else:
            units.append([w])
        glue = w.endswith("-") or w.casefold() in c.connectors
    return [" ".join(u) for u in units]


def _fit_units(units: list[str], n: int) -> list[str] | None:
    """Merge neighbouring units until there are ``n``: cheapest where a genitive leads."""
    if len(units) < n or n == 0:
        return None
    if len(units) == n:
        return units

    def cost(a: str, b: str) -> float:
        last = a.split()[-1]
        if last.endswith("n") and canonical_municipality(last) and canonical_municipality(last) != last:
            return 0.3  # 'Keravan' + 'Sosiaalitoimi'
        if canonical_municipality(a) and canonical_municipality(b):
            return 3.0
        return 1.0

    m = len(units)
    inf = float("inf")
    # dp[i][g]: best cost of splitting units[:i] into g groups
    dp = [[inf] * (n + 1) for _ in range(m + 1)]
    back: dict[tuple[int, int], int] = {}
    dp[0][0] = 0.0
    for i in range(1, m + 1):
        for g in range(1, min(i, n) + 1):
            for s in range(g - 1, i):
                if dp[s][g - 1] == inf:
                    continue
                inner = sum(cost(units[t], units[t + 1]) for t in range(s, i - 1))
                if dp[s][g - 1] + inner < dp[i][g]:
                    dp[i][g] = dp[s][g - 1] + inner
                    back[(i, g)] = s
    if dp[m][n] == inf:
        return None
    out, i = [], m
    for g in range(n, 0, -1):
        s = back[(i, g)]
        out.append(" ".join(units[s:i]))
        i = s
    return out[::-1]


def _role_units(piece: Piece) -> list[str]:
    """'Puheenjohtaja (varaedustaja) Sihteeri' -> ['Puheenjohtaja (varaedustaja)', 'Sihteeri']."""
    units: list[str] = []
    text = piece.text
    starts = [s for s, _, _, _ in find_roles(text) if _depth(text, s) == 0]
    if not starts:
        return []
    if starts[0] > 0 and text[:starts[0]].strip():
        starts.insert(0, 0)
    for a, b in zip(starts, [*starts[1:], len(text)]):
        if unit := text[a:b].strip():
            units.append(unit)
    return units


def _flattened(cells: list[Piece], kind: str, c: Cues) -> list[Entry] | None:
    """A row whose first cell runs several names together: align the other cells as runs."""
    first = cells[0]
    if any(ch in first.text for ch in ",;\n"):
        return None
    people = segment_names(_tokens(first), c)
    if not people or len(people) < 2 or sum(p.strong for p in people) * 3 < len(people) * 2:
        return None
    entries = [_entry_of_person(p, kind, c) for p in people]
    n = len(entries)
    for cell in cells[1:]:
        roles = _role_units(cell)
        if roles and text_starts_with_role(cell.text):
            if len(roles) == n:
                for e, r in zip(entries, roles):
                    _set_role(e, r)
            elif len(roles) < n:
                for e in entries:
                    e.group, e.pending_roles = first.start, roles
            continue
        orgs = _fit_units(_org_units(cell, c), n)
        if orgs:
            for e, o in zip(entries, orgs):
                _add_org_unit(e, o)
    return entries


def _add_org_unit(entry: Entry, unit: str) -> None:
    """An organisation cell; a bracketed role inside it ('Sipoo (varalla)') is a role."""
    def role_group(m: re.Match[str]) -> str:
        inner = m.group(1)
        if role_of(inner) and _role_only(inner):
            _set_role(entry, inner)
            return ""
        return m.group(0)
    org = " ".join(re.sub(r"\(([^()]*)\)", role_group, unit).split())
    if org:
        entry.org.append(org)


def text_starts_with_role(text: str) -> bool:
    hits = find_roles(text)
    return bool(hits) and hits[0][0] == 0


# ---------------------------------------------------------------------------
# rows: a table row, a tab-aligned line, or a plain line


@dataclass
class State:
    kind: str | None = None
    fresh: bool = False  # the heading had no content on its own line
    blocks_since: int = 0
    last: Entry | None = None


def _heading(text: str, c: Cues, single: bool) -> tuple[str, str, bool] | None:
    """(kind, rest, strict) when ``text`` opens with an attendance heading; strict when no colon."""
    m = c.heading_re.match(text)
    if not m:
        return None
    kind = c.heading_kind[" ".join(m.group("h").casefold().split())]
    rest = m.group("rest").strip()
    if rest and not m.group("colon"):
        # 'Läsnä Matti Virtanen' without a colon: only as a whole line with a capital next.
        if not single or not rest[:1].isupper():
            return None
    return kind, rest, bool(rest) and not m.group("colon")


def _is_label(cells: list[Piece], c: Cues) -> bool:
    """A different field of the memo header ('Paikka:', 'Jakelu<TAB>...') ends a list."""
    first = cells[0].text
    if LABEL.match(first):
        return True
    if len(cells) > 1 and " " not in first and first[:1].isupper() and not is_first_name(first) \
            and not canonical_municipality(first) and not role_of(first):
        return True
    return False


def _join_name_cells(cells: list[Piece]) -> list[Piece]:
    """First name and surname in neighbouring cells ('Merja' | 'Etholén – Rönnerberg') -> one cell."""
    first, second = cells[0].text.split(), cells[1].text.split()
    if (len(first) in (1, 2) and all(is_first_name(w) for w in first) and 1 <= len(second) <= 3
            and cells[1].start == cells[0].end + 1
            and all(_name_word(w) or DASH_TOKEN.match(w) for w in second)
            and not canonical_municipality(cells[1].text)):
        return [Piece(f"{cells[0].text} {cells[1].text}", cells[0].start), *cells[2:]]
    return cells


def _content(cells: list[Piece], kind: str, c: Cues) -> list[Entry]:
    """The people in the content cells of one row."""
    if len(cells) > 1 and (flat := _flattened(cells, kind, c)):
        return flat
    if len(cells) > 1:
        cells = _join_name_cells(cells)
    lines = [line for cell in cells[:1] for line in _lines(cell)]
    entries: list[Entry] = []
    for line in lines:
        entries.extend(_parse_line(line, kind, c))
    if len(cells) > 1:
        if len(entries) == 1:  # one person per row: the other cells are attributes
            for cell in cells[1:]:
                _add_attribute(entries[0], cell.text, c)
                entries[0].end = cell.end
        else:
            for cell in cells[1:]:
                for line in _lines(cell):
                    entries.extend(_parse_line(line, kind, c))
    return entries


def _row(cells: list[Piece], st: State, c: Cues) -> list[Entry]:
    if len(cells) > 1 and NUMBERING.match(cells[0].text):
        cells = cells[1:]  # '1.<TAB>Attendees:'
    if not cells:
        return []
    head = _heading(cells[0].text, c, single=len(cells) == 1)
    if head:
        kind, rest, strict = head
        st.kind, st.fresh, st.blocks_since = kind, True, 0
        content = cells[1:]
        if rest:
            first = cells[0]
            content = [first.sub(len(first.text) - len(rest)), *content]
        if not content:
            return []
        entries = _content(content, kind, c)
        if strict and not any(e.strong for e in entries):
            entries = []
        st.fresh = False
        if not entries:
            st.kind = None
        st.last = entries[-1] if entries else None
        return entries
    if st.kind is None:
        return []
    if _is_label(cells, c):
        st.kind = None
        return []
    if not all(_listlike(p.text, c) for p in cells):
        st.kind = None  # running text after the list
        return []
    if st.last is not None and all(_role_only(p.text) and role_of(p.text) for p in cells):
        for p in cells:  # a role that wrapped onto its own row
            _set_role(st.last, p.text)
        return []
    entries = _content(cells, st.kind, c)
    if not st.fresh and not any(e.strong for e in entries):
        entries = []
    st.fresh = False
    if not entries:
        st.kind = None
    st.last = entries[-1] if entries else None
    return entries


def _listlike(text: str, c: Cues) -> bool:
    """Names, places, bodies, roles and titles only: no running text."""
    for tok in re.findall(r"\([^()]*\)|[^\s,;()]+", text):
        word = tok.strip(".,:;")
        low = word.casefold()
        if (not word or tok.startswith("(") or word[:1].isupper() or DASH_TOKEN.match(word)
                or low in c.org_words or low in c.connectors or low in c.particles
                or low.endswith(c.title_suffixes) or role_of(word)):
            continue
        return False
    return True


def _cells_of_line(line: Piece) -> list[Piece]:
    return [p for p in _split(line, CELL_SPLIT) if p.text]


def _table_rows(block: Block) -> list[list[Piece]]:
    """Cells of a table block as pieces of the document text (line ends inside kept)."""
    rows: list[list[Piece]] = []
    pos = block.start
    source = block.rows or []
    lines = block.text.split("\n")
    for r, line in enumerate(lines):
        cells, cpos = [], pos
        for cell in line.split("\t"):
            cells.append(Piece(cell, cpos))
            cpos += len(cell) + 1
        width = len(source[r]) if r < len(source) else len(cells)
        # The block text is stripped: empty cells at the very start and end are missing.
        if len(cells) < width and r == 0:
            cells = [Piece("", pos)] * (width - len(cells)) + cells
        cells += [Piece("", cpos)] * (width - len(cells))
        if r < len(source):
            cells = [_with_lines(p, source[r][k]) if k < len(source[r]) else p for k, p in enumerate(cells)]
        rows.append(cells)
        pos += len(line) + 1
    return rows


def _with_lines(piece: Piece, original: str) -> Piece:
    """The cell's text as in the document, with the cell's own line ends put back."""
    lines = [" ".join(x.split()) for x in original.split("\n") if x.strip()]
    if len(lines) <= 1 or " ".join(lines) != piece.text:
        return piece
    return Piece("\n".join(lines), piece.start)  # same length: one space became one line end


# ---------------------------------------------------------------------------
# tables with a header row


def _header(row: list[Piece], c: Cues) -> dict[str, int] | None:
    cols: dict[str, int] = {}
    for k, cell in enumerate(row):
        text = " ".join(cell.text.casefold().strip(" :*").split())
        if not text or len(text) > 40:
            continue
        for col in ("first_name", "last_name", "name", "organisation", "role", "status"):
            if col not in cols and any(text == w or text.startswith(w + " ") for w in c.columns[col]):
                cols[col] = k
                break
    if "name" in cols or ("first_name" in cols and "last_name" in cols):
        return cols
    return None


def _header_table(rows: list[list[Piece]], cols: dict[str, int], st: State, c: Cues) -> list[Entry]:
    entries: list[Entry] = []
    kind = st.kind
    marks = {"x", "✓", "✔", "*"}

    def cell(row: list[Piece], col: str) -> Piece | None:
        k = cols.get(col)
        return row[k] if k is not None and k < len(row) and row[k].text else None

    for row in rows:
        nonempty = [p for p in row if p.text]
        if not nonempty:
            continue
        head = _heading(nonempty[0].text, c, single=len(nonempty) == 1)
        if head and len(nonempty) == 1:
            kind = head[0]
            continue
        if "name" in cols:
            name = cell(row, "name")
            name_end = name.end if name else 0
        else:
            first, last = cell(row, "first_name"), cell(row, "last_name")
            name = Piece(f"{first.text} {last.text}", first.start) if first and last else None
            name_end = last.end if last else 0
        words = name.text.split() if name else []
        # A name column holds names: two or more capitalised words, or a known first name.
        if not words or not all(_name_word(w) or _initials(w) for w in words[:4]) or (
                len(words) == 1 and not is_first_name(words[0])):
            continue
        status_kind = kind
        if (sc := cell(row, "status")) is not None:
            value = sc.text.casefold().strip(" .")
            if value in c.absent_values:
                status_kind = "absent"
            elif value in c.present_values or value in marks:
                status_kind = "present"
        elif "status" in cols and kind is None:
            status_kind = "absent"
        if status_kind is None:
            continue
        e = Entry(name, status_kind, 0.85, is_first_name(words[0]), end=nonempty[-1].end,
                  start=nonempty[0].start, name_end=name_end)
        if (org := cell(row, "organisation")) is not None:
            e.org.append(org.text)
        if (role := cell(row, "role")) is not None:
            if not _set_role(e, role.text):
                e.role_raw = role.text
        entries.append(e)
    return entries


# ---------------------------------------------------------------------------
# prose: roles of people already listed


def _name_pattern(name: str) -> str:
    parts = re.split(r"\s*[-\u2010-\u2014]\s*|\s+", name.strip())
    seps = re.findall(r"\s*[-\u2010-\u2014]\s*|\s+", name.strip())
    out = re.escape(parts[0])
    for sep, part in zip(seps, parts[1:]):
        out += (r"\s*[-\u2010-\u2014]\s*" if sep.strip() else r"\s+") + re.escape(part)
    return rf"(?<!\w){out}(?!\w)"


def _prose_roles(doc: Document, entries: list[Entry], c: Cues) -> dict[str, tuple[str, str]]:
    """Roles that running text gives listed people: name -> (role, the role word)."""
    text = doc.text
    firsts: dict[str, set[str]] = {}
    for e in entries:
        firsts.setdefault((e.display or e.name.text).split()[0].casefold(), set()).add(e.key)
    claims: dict[str, list[tuple[str, str, str, bool]]] = {}
    for e in {x.key: x for x in entries}.values():
        name = normalise_person(e.display or e.name.text)
        patterns = [(_name_pattern(name), True)]
        first = name.split()[0]
        if len(firsts.get(first.casefold(), [])) == 1 and len(first) >= 3:
            patterns.append((rf"(?<!\w){re.escape(first)}(?![\w-]| [A-ZÅÄÖ])", False))
        for pattern, full in patterns:
            for m in re.finditer(pattern, text):
                for role, word, qualified in _roles_near(text, m.start(), m.end(), full, c):
                    claims.setdefault(role, []).append((e.key, word, role, qualified))
    resolved: dict[str, tuple[str, str]] = {}
    for role, found in claims.items():
        people = {k for k, _, _, _ in found}
        if len(people) > 1:
            people = {k for k, _, _, q in found if q}
        if len(people) == 1:
            key = people.pop()
            word = next(w for k, w, _, _ in found if k == key)
            resolved.setdefault(key, (role, word))
    return resolved


def _roles_near(text: str, start: int, end: int, full: bool, c: Cues) -> list[tuple[str, str, bool]]:
    before = text[max(0, start - 80):start]
    before = re.split(r"[\n.!?](?:\s|$)|\n", before)[-1]
    words = before.split()
    found = []
    window = words[-4:] if full else words[-1:]
    skipped: list[str] = []
    for k, w in enumerate(reversed(window)):
        w_clean = w.strip(",.:;()")
        if (r := role_of(w_clean)) and r[0] in PROSE_ROLES:
            # 'Kokouksen puheenjohtajaksi valittiin X' names the meeting's chair; 'hallituksen
            # puheenjohtaja X' may not: qualified claims win when several people claim a role.
            lead = words[-(k + 2)].casefold().strip(",.:;") if len(words) >= k + 2 else ""
            qualified = not full or lead in c.qualifiers or any(x in c.qualifiers for x in skipped)
            found.append((r[0], w_clean, qualified))
            break
        # Only linking words may stand between a role and the name ('puheenjohtajaksi valittiin').
        if w_clean.casefold() not in c.qualifiers | c.links or (k and w.endswith(",")):
            break
        skipped.append(w_clean.casefold())
    if full:
        after = text[end:end + 50].split("\n")[0]
        m = c.role_link.match(after)
        if m and (r := role_of(m.group(1))) and r[0] in PROSE_ROLES:
            found.append((r[0], m.group(1), True))
    return found


def _align_roles(entries: list[Entry], prose: dict[str, tuple[str, str]]) -> None:
    """Give a flattened row's role cells to its people, keeping their order.

    Empty role cells vanish when columns are run together, so a row of n people may
    carry k < n roles. The assignment keeps the order and prefers what the text says
    about a person, then the chair first and the secretary last.
    """
    groups: dict[int, list[Entry]] = {}
    for e in entries:
        if e.group is not None:
            groups.setdefault(e.group, []).append(e)
    for people in groups.values():
        units = people[0].pending_roles
        n, k = len(people), len(units)
        if not units:
            continue
        ids = [role_of(u) for u in units]

        def score(i: int, r: int) -> float:
            rid = ids[r][0] if ids[r] else None
            said = prose.get(people[i].key)
            s = 0.0
            if said:
                s += 3.0 if said[0] == rid else -3.0
            if rid == Role.CHAIR and i == 0:
                s += 1.0
            if rid == Role.VICE_CHAIR and i == 1:
                s += 0.5
            if rid == Role.SECRETARY and i == n - 1:
                s += 1.0
            return s

        neg = float("-inf")
        dp = [[neg] * (n + 1) for _ in range(k + 1)]
        for b in range(n + 1):
            dp[0][b] = 0.0
        for a in range(1, k + 1):
            for b in range(a, n + 1):
                dp[a][b] = max(dp[a][b - 1], dp[a - 1][b - 1] + score(b - 1, a - 1))
        a, b = k, n
        while a > 0:
            if dp[a][b] == dp[a][b - 1] and b - 1 >= a:
                b -= 1
                continue
            _set_role(people[b - 1], units[a - 1])
            people[b - 1].confidence = min(people[b - 1].confidence, 0.7)
            a, b = a - 1, b - 1


# ---------------------------------------------------------------------------
# speakers at the top of seminar material


def _speakers(doc: Document, c: Cues) -> list[Entry]:
    head_blocks = [b for b in doc.blocks[:8] if b.kind != BlockKind.TABLE]
    context = " ".join(b.text.casefold() for b in doc.blocks[:12])
    slides = doc.format in ("pptx", "ppt", "odp")
    if not slides and not any(w in context for w in c.speaker_context):
        return []
    lines: list[Piece] = [line for b in head_blocks for line in _lines(Piece(b.text, b.start))]
    found = []
    for i, line in enumerate(lines):
        text = line.text.rstrip(",")
        toks = text.split()
        if not 2 <= len(toks) <= 4 or not all(_name_word(t) for t in toks):
            # 'Name, title Organisation' on one line
            if "," in text:
                head, _, tail = text.partition(",")
                if (e := _speaker_entry(Piece(head, line.start), tail.strip(), c)):
                    found.append(e)
            continue
        if i + 1 < len(lines) and (e := _speaker_entry(Piece(text, line.start), lines[i + 1].text, c)):
            found.append(e)
    return found


def _speaker_entry(name: Piece, title_line: str, c: Cues) -> Entry | None:
    toks = name.text.split()
    if not 2 <= len(toks) <= 4 or not is_first_name(toks[0]) or not all(_name_word(t) for t in toks):
        return None
    words = title_line.replace(",", " ").split()
    if not words or len(words) > 10:
        return None
    title_words = []
    for w in words:
        if w[:1].isupper() and title_words:
            break
        title_words.append(w)
    title = " ".join(title_words).casefold()
    if not any(t.casefold().endswith(s) for t in title_words for s in c.title_suffixes):
        return None
    e = Entry(name, "speaker", 0.7, True, end=name.end)
    e.role, e.role_raw = Role.SPEAKER, title
    org = title_line[title_line.find(words[len(title_words)]):].strip(" ,.") if len(words) > len(title_words) else ""
    if org:
        e.org.append(org)
    return e


# ---------------------------------------------------------------------------
# the extractor


def extract_attendees(doc: Document, lang: str) -> list[Attendee]:
    """Everyone an attendance list, attendance table or speaker line of ``doc`` names.

    ``lang`` is the document's language; the cues of every language are used anyway,
    because minutes mix them (a Finnish memo with a Swedish 'Närvarande' list).
    """
    c = cues()
    entries: list[Entry] = []
    st = State()
    for block in doc.blocks:
        if block.kind == BlockKind.HEADING and not _heading(block.text, c, single=True):
            st.kind = None
        st.blocks_since += 1
        if st.kind and st.blocks_since > MAX_CONTINUATION_BLOCKS:
            st.kind = None
        if block.kind == BlockKind.TABLE and block.rows:
            rows = _table_rows(block)
            cols = _header(rows[0], c) if rows else None
            if cols:
                entries.extend(_header_table(rows[1:], cols, st, c))
                continue
            for row in rows:
                entries.extend(_row([p for p in row if p.text], st, c))
            continue
        for line in _lines(Piece(block.text, block.start)):
            entries.extend(_row(_cells_of_line(line), st, c))
    if not entries:
        entries = _speakers(doc, c)
    if not entries:
        return []
    prose = _prose_roles(doc, entries, c)
    _align_roles(entries, prose)
    for e in entries:
        if e.key in prose and (e.role is None or (e.role == Role.MEMBER and not e.role_raw)):
            e.role, e.role_raw = prose[e.key]
    entries = _resolve_invited(entries)
    return [_attendee(doc, e) for e in _dedupe(entries)]


def _resolve_invited(entries: list[Entry]) -> list[Entry]:
    """'Kallade' lists whom the meeting called: called but not present means absent."""
    invited = [e for e in entries if e.kind == "invited"]
    listed = [e for e in entries if e.kind != "invited"]
    if not invited:
        return listed
    present = {e.key for e in listed if e.kind in ("present", "guest", "speaker")}
    if not present:
        return listed
    called = {e.key for e in invited}
    for e in listed:
        if e.kind == "present" and e.key not in called and e.role is None:
            e.role = Role.GUEST
    for e in invited:
        if e.key not in present:
            e.kind = "absent"
            listed.append(e)
    return listed


def _dedupe(entries: list[Entry]) -> list[Entry]:
    seen: dict[str, Entry] = {}
    for e in entries:
        if e.key in seen:
            kept = seen[e.key]
            kept.org = kept.org or e.org
            if kept.role is None and e.role is not None:
                kept.role, kept.role_raw = e.role, e.role_raw
            continue
        seen[e.key] = e
    return list(seen.values())


def _attendee(doc: Document, e: Entry) -> Attendee:
    status = STATUS_OF_KIND.get(e.kind) or AttendeeStatus.PRESENT
    role = e.role or (Role.GUEST if e.kind == "guest" else Role.SPEAKER if e.kind == "speaker" else Role.MEMBER)
    org_raw = ", ".join(dict.fromkeys(o.strip() for o in e.org if o.strip())) or None
    name_end = e.name_end or e.name.end
    raw = doc.text[e.name.start:name_end] if name_end <= len(doc.text) else e.name.text
    end = max(e.end or name_end, name_end)
    return Attendee(
        name=normalise_person(e.display or " ".join(raw.split())), status=str(status), raw_name=raw,
        organization=normalise_organisation(org_raw) if org_raw else None, organization_raw=org_raw,
        role=str(role), role_raw=e.role_raw, deputy=e.deputy,
        evidence=evidence(doc, min(e.start or e.name.start, e.name.start), end, NAME, VERSION, e.confidence))
