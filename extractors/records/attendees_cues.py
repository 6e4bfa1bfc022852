"""Attendance cue words of every language, and the role phrases found in a text.

All languages' cues are used at once: minutes mix them (a Finnish memo with a
Swedish 'Närvarande' list, English titles in a Finnish list).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from extractors.lang import LANGUAGES, load

from .normalise import name_particles

@dataclass(frozen=True)
class Cues:
    heading_re: re.Pattern[str]
    heading_kind: dict[str, str]
    heading_prefixes: dict[tuple[str, ...], frozenset[str]]  # a heading's first two or more words -> its kinds
    roles: tuple[tuple[str, str, bool, bool], ...]  # phrase, role id, deputy, inflects
    org_words: frozenset[str]
    columns: dict[str, tuple[str, ...]]
    column_heads: dict[str, tuple[frozenset[str], tuple[str, ...]]]  # columns as a set, and each + ' ' (prefixes)
    present_values: frozenset[str]
    absent_values: frozenset[str]
    title_suffixes: tuple[str, ...]
    speaker_context: tuple[str, ...]
    qualifiers: frozenset[str]
    stopwords: frozenset[str]
    connectors: frozenset[str]
    list_sep: re.Pattern[str]
    connector_re: re.Pattern[str]  # ' ja ', ' and ' anywhere (the list separator wants a capital next)
    role_link: re.Pattern[str]
    links: frozenset[str]
    particles: frozenset[str]
    name_titles: frozenset[str]  # 'prof', 'dr', 'ft': written before a name, never part of it
    presenting_verbs: tuple[tuple[str, ...], ...]  # 'käsitteli', ('gave', 'a', 'talk')
    meeting_words: frozenset[str]  # 'kokouksen', 'mötets': a role of this meeting, not of a body
    officer_verbs: frozenset[str]  # 'valittiin', 'elected': a meeting officer was chosen
    acting_verbs: frozenset[str]  # 'toimi', 'acted': past tense, so the role was held at this meeting
    clause_words: frozenset[str]  # 'että', 'who': running text, never inside a list row
    countries: frozenset[str]  # 'Finland', 'Ruotsi': beside an organisation, never one
    clauses: tuple[tuple[tuple[str, ...], str], ...]  # ('paikalla', 'olivat') -> 'present': a list follows
    clauses_after: tuple[tuple[tuple[str, ...], str], ...]  # ('olivat', 'poissa') -> 'absent': a list precedes
    scribe_before: tuple[tuple[str, ...], ...]  # ('muistion', 'kirjoitti'): the secretary's name follows
    scribe_after: tuple[tuple[str, ...], ...]  # ('took', 'the', 'minutes'): the secretary's name precedes
    origins: frozenset[str]  # 'from', 'från': the organisation follows a name
    list_adverbs: frozenset[str]  # 'myös', 'also': between an attendance clause and its list
    origin_endings: tuple[str, ...]  # 'sta', 'lta': 'ARVO-hankkeesta', the body someone comes from
    programme_time: re.Pattern[str]  # '9.15', 'klo 9.15–10.00' opening a programme line
    unit_nouns: tuple[str, ...]  # 'neuvola', 'socialbyrån': a lower-case service unit beside a name
    place_prepositions: frozenset[str]  # 'i', 'in': 'polisen i Kyrkslätt', the unit's place follows
    colon_only: frozenset[str]  # 'we were': a label only as 'We were:', never 'We were told:'


@lru_cache(maxsize=1)
def cues() -> Cues:
    kinds: dict[str, str] = {}
    roles: list[tuple[str, str, bool, bool]] = []
    org_words, present, absent, qualifiers, stop = set(), set(), set(), set(), set()
    columns: dict[str, set[str]] = {}
    suffixes, context, connectors, links = set(), set(), set(), set()
    titles, verbs, meeting, officer, clause, acting = set(), set(), set(), set(), set(), set()
    countries: set[str] = set()
    clauses: dict[tuple[str, ...], str] = {}
    after: dict[tuple[str, ...], str] = {}
    scribe_b, scribe_a, origins, adverbs, endings, time_words = set(), set(), set(), set(), set(), set()
    units, place_preps, colon_only = set(), set(), set()
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
        titles.update(w.casefold().rstrip(".") for w in data.get("name_titles", []))
        verbs.update(tuple(w.casefold().split()) for w in data.get("presenting_verbs", []))
        meeting.update(w.casefold() for w in data.get("meeting_words", []))
        officer.update(w.casefold() for w in data.get("officer_verbs", []))
        acting.update(w.casefold() for w in data.get("acting_verbs", []))
        clause.update(w.casefold() for w in data.get("clause_words", []))
        countries.update(w.casefold() for w in data.get("countries", []))
        for kind, phrases in data.get("attendance_clauses", {}).items():
            clauses.update((tuple(p.casefold().split()), kind) for p in phrases)
        for kind, phrases in data.get("attendance_clauses_after", {}).items():
            after.update((tuple(p.casefold().split()), kind) for p in phrases)
        scribe_b.update(tuple(p.casefold().split()) for p in data.get("scribe_before", []))
        scribe_a.update(tuple(p.casefold().split()) for p in data.get("scribe_after", []))
        origins.update(w.casefold() for w in data.get("origin_prepositions", []))
        adverbs.update(w.casefold() for w in data.get("list_adverbs", []))
        endings.update(data.get("origin_case_endings", []))
        time_words.update(w.casefold() for w in data.get("time_prefixes", []))
        units.update(w.casefold() for w in data.get("unit_nouns", []))
        place_preps.update(w.casefold() for w in data.get("place_prepositions", []))
        colon_only.update(w.casefold() for w in data.get("colon_only_headings", []))
        sw = load(lang, "stopwords")
        stop.update(w.casefold() for w in (sw.get("words", []) if isinstance(sw, dict) else sw))
    alternation = "|".join(r"\s+".join(map(re.escape, h.split())) for h in sorted(kinds, key=len, reverse=True))
    # 'Poissa:Jaana Koskinen': a colon may touch the name (PDF text loses the space).
    heading_re = re.compile(rf"^(?:\d{{1,2}}[.)]?\s*)?(?P<h>{alternation})(?:(?P<colon>\s*:)|(?=\s|$))\s*(?P<rest>.*)$",
                            re.I | re.S)
    joined = "|".join(map(re.escape, sorted(connectors, key=len, reverse=True))) or "(?!)"
    timed = "|".join(map(re.escape, sorted(time_words, key=len, reverse=True))) or "(?!)"
    linked = "|".join(map(re.escape, sorted(links, key=len, reverse=True))) or "(?!)"
    return Cues(heading_re=heading_re, heading_kind=kinds,
                heading_prefixes=_heading_prefixes(kinds),
                connectors=frozenset(connectors), links=frozenset(links), particles=name_particles(),
                list_sep=re.compile(rf"\s*[,;]\s*|\s+(?:{joined})\s+(?=(?-i:[A-ZÅÄÖ]))", re.I),
                connector_re=re.compile(rf"(?<![-\s])\s+(?:{joined})\s+", re.I),
                role_link=re.compile(rf"^\s*(?:,|\(|:|-|–)?\s*(?:(?:{linked})\s+)?([\wåäöÅÄÖ.]+)", re.I),
                roles=tuple(sorted(roles, key=lambda r: len(r[0]), reverse=True)),
                org_words=frozenset(org_words),
                columns={k: tuple(sorted(v, key=len, reverse=True)) for k, v in columns.items()},
                column_heads={k: (frozenset(v), tuple(w + " " for w in v)) for k, v in columns.items()},
                present_values=frozenset(present), absent_values=frozenset(absent),
                title_suffixes=tuple(sorted(suffixes)), speaker_context=tuple(sorted(context)),
                qualifiers=frozenset(qualifiers), stopwords=frozenset(stop),
                name_titles=frozenset(titles), presenting_verbs=tuple(sorted(verbs, key=len, reverse=True)),
                meeting_words=frozenset(meeting), officer_verbs=frozenset(officer | acting),
                acting_verbs=frozenset(acting), clause_words=frozenset(clause),
                countries=frozenset(countries),
                clauses=tuple(sorted(clauses.items(), key=lambda kv: len(kv[0]), reverse=True)),
                clauses_after=tuple(sorted(after.items(), key=lambda kv: len(kv[0]), reverse=True)),
                scribe_before=tuple(sorted(scribe_b, key=len, reverse=True)),
                scribe_after=tuple(sorted(scribe_a, key=len, reverse=True)), origins=frozenset(origins),
                list_adverbs=frozenset(adverbs), origin_endings=tuple(sorted(endings)),
                unit_nouns=tuple(sorted(units)), place_prepositions=frozenset(place_preps),
                colon_only=frozenset(colon_only),
                programme_time=re.compile(rf"^(?:(?:{timed})\s*)?\d{{1,2}}[.:]\d{{2}}(?:\s*[-–—]\s*\d{{1,2}}(?:[.:]\d{{2}})?)?\s+",
                                          re.I))


def _heading_prefixes(kinds: dict[str, str]) -> dict[tuple[str, ...], frozenset[str]]:
    prefixes: dict[tuple[str, ...], set[str]] = {}
    for heading, kind in kinds.items():
        words = tuple(heading.split())
        for n in range(2, len(words) + 1):
            prefixes.setdefault(words[:n], set()).add(kind)
    return {words: frozenset(k) for words, k in prefixes.items()}


def is_name_title(word: str, c: Cues) -> bool:
    """'Prof.', 'Dr', 'FT', 'professori': a title or degree written before a name."""
    return word.strip(",;:").casefold().rstrip(".") in c.name_titles


def is_job_title(word: str, c: Cues) -> bool:
    """'projektipäällikkö', 'Manager': a word ending in a job-title suffix."""
    return word.strip(",;:.()").casefold().endswith(c.title_suffixes)


Role = tuple[str, str, bool, bool]  # phrase, role id, deputy, inflects (as in Cues.roles)
RoleHeads = tuple[dict[str, tuple[Role, ...]], tuple[Role, ...]]


@lru_cache(maxsize=1)
def _role_heads() -> RoleHeads:
    """The role phrases that may start with each two letters, in ``Cues.roles`` order (longest
    first), and those shorter than two letters: a position is tried against a handful of
    phrases instead of all of them (~140, a third of the attendee rules' time)."""
    roles = cues().roles
    short = tuple(r for r in roles if len(r[0]) < 2)
    heads = {r[0][:2] for r in roles if len(r[0]) >= 2}
    return {h: tuple(r for r in roles if r[0].startswith(h) or h.startswith(r[0])) for h in heads}, short


def _role_at(lower: str, pos: int, heads: RoleHeads) -> tuple[int, str, bool] | None:
    """The role phrase starting at ``pos`` of a lower-cased text: (end, role id, deputy)."""
    if pos and lower[pos - 1].isalpha():
        return None
    by_head, short = heads
    for phrase, role, deputy, inflects in by_head.get(lower[pos:pos + 2], short):
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


@lru_cache(maxsize=1)
def _role_starts() -> re.Pattern[str]:
    """Where a role phrase may start: after no letter, at the first two letters of a phrase
    (a long paragraph is then not tried letter by letter)."""
    heads = sorted({phrase[:2] for phrase, *_ in cues().roles if phrase})
    return re.compile(r"(?<![^\W\d_])(?:" + "|".join(map(re.escape, heads)) + ")")


@lru_cache(maxsize=16384)
def find_roles(text: str) -> tuple[tuple[int, int, str, bool], ...]:
    """Role words in ``text``: (start, end, role id, deputy)."""
    lower, found, pos = text.casefold(), [], 0
    starts, heads = _role_starts(), _role_heads()
    while m := starts.search(lower, pos):
        pos = m.start()
        if lower[pos].isalpha() and (hit := _role_at(lower, pos, heads)):
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


def role_only(text: str) -> bool:
    """Every word belongs to a role phrase, or is a lower-case qualifier of one."""
    lower = text.casefold()
    covered = [False] * len(lower)
    for s, e, _, _ in find_roles(text):
        covered[s:e] = [True] * (e - s)
    rest = "".join(ch if not cov else " " for ch, cov in zip(text, covered))
    return all(w.islower() or not w.strip("().,:;") for w in rest.split())

