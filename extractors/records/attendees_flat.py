"""Flattened columns: a table whose columns were each run together into one cell.

A row 'Läsnä | A B C D | Lohja Vantaa Sipoo (varalla) Espoon kaupunki | Puheenjohtaja
Sihteeri' holds all names, then all organisations, then only the roles that were not
empty. The names are split by the first-name lexicon, the organisations cut into as
many units, and the roles aligned to people by order and by what the text says.
"""
from __future__ import annotations

import re

from schemas.records import Role

from .attendees_cues import Cues, find_roles, role_of, role_only
from .attendees_names import entry_of_person, segment_names
from .attendees_text import Entry, Piece, bracket_depth, join_dashes, set_role, tokens_of
from .normalise import canonical_municipality

def _org_units(piece: Piece, c: Cues) -> list[str]:
    """'Järvenpää ARVO - hanke Karviainen (Vihti) Keravan kaupunki' -> one unit per body."""
    toks = join_dashes(tokens_of(piece), lower_tail=True)
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
    starts = [s for s, _, _, _ in find_roles(text) if bracket_depth(text, s) == 0]
    if not starts:
        return []
    if starts[0] > 0 and text[:starts[0]].strip():
        starts.insert(0, 0)
    for a, b in zip(starts, [*starts[1:], len(text)]):
        if unit := text[a:b].strip():
            units.append(unit)
    return units


def flattened(cells: list[Piece], kind: str, c: Cues) -> list[Entry] | None:
    """A row whose first cell runs several names together: align the other cells as runs."""
    first = cells[0]
    if any(ch in first.text for ch in ",;\n"):
        return None
    people = segment_names(tokens_of(first), c)
    if not people or len(people) < 2 or sum(p.strong for p in people) * 3 < len(people) * 2:
        return None
    entries = [entry_of_person(p, kind, c) for p in people]
    n = len(entries)
    for cell in cells[1:]:
        roles = _role_units(cell)
        if roles and text_starts_with_role(cell.text):
            if len(roles) == n:
                for e, r in zip(entries, roles):
                    set_role(e, r)
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
        if role_of(inner) and role_only(inner):
            set_role(entry, inner)
            return ""
        return m.group(0)
    org = " ".join(re.sub(r"\(([^()]*)\)", role_group, unit).split())
    if org:
        entry.org.append(org)


def text_starts_with_role(text: str) -> bool:
    hits = find_roles(text)
    return bool(hits) and hits[0][0] == 0


def align_roles(entries: list[Entry], prose: dict[str, tuple[str, str]]) -> None:
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
            set_role(people[b - 1], units[a - 1])
            people[b - 1].confidence = min(people[b - 1].confidence, 0.7)
            a, b = a - 1, b - 1
