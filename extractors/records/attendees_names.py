"""Names in a list: run-together names split into people, one name and its attributes."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple

from .attendees_cues import Cues, is_name_title, role_of
from .attendees_text import (DASH_TOKEN, Entry, Piece, Tok, add_attribute, bare_word, is_initials, is_name_word, is_plain_word,
                             join_dashes, tokens_of)
from .normalise import canonical_municipality, is_first_name


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
    toks = join_dashes(toks, lower_tail=False)
    n = len(toks)
    best: list[tuple[float, list[Person]] | None] = [None] * (n + 1)
    best[n] = (0.0, [])
    for i in range(n - 1, -1, -1):
        if is_name_title(toks[i].text, c):
            # 'Dr.', 'FT' before a name: not part of it, but it makes the name a person's.
            if best[i + 1] is not None and best[i + 1][1]:
                cost, people = best[i + 1]
                best[i] = (cost, [Person(people[0].name, True, people[0].attrs), *people[1:]])
            continue
        if not is_name_word(toks[i].text):
            continue
        for n_first in (1, 2, 3):
            j = i + n_first
            if j >= n or not all(is_name_word(t.text) for t in toks[i:j]):
                break
            cost = 0.0 if is_first_name(bare_word(toks[i].text)) else UNKNOWN_FIRST
            cost += sum(0.4 if is_first_name(bare_word(t.text)) else 1.5 for t in toks[i + 1:j])
            k = j
            while k < n - 1 and toks[k].text in c.particles:
                k += 1
            sur = toks[k].text
            if not (is_name_word(sur) or is_initials(sur)):
                continue
            cost += 0.8 if is_first_name(bare_word(sur)) else 0.0
            cost += 0.3 if is_initials(sur) else 0.0
            a = k + 1
            while True:
                if best[a] is not None:
                    tail_cost, tail = best[a]
                    person = Person(Tok(" ".join(t.text for t in toks[i:k + 1]).rstrip(",;:"),
                                        toks[i].start, toks[k].end),
                                    strong=is_first_name(bare_word(toks[i].text)), attrs=list(toks[k + 1:a]))
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
    bare = bare_word(tok)
    return bool(canonical_municipality(bare) and not is_first_name(bare)) or bool(role_of(tok))


class NameParse(NamedTuple):
    name: Piece
    strong: bool
    before: list[str]
    after: list[str]
    display: str | None = None  # 'Matti Virtanen' for a list written 'Virtanen Matti'


def parse_name(piece: Piece, c: Cues) -> NameParse | None:
    """'pj. Liisa Virtanen (Tuusula)' -> name 'Liisa Virtanen', attributes around it."""
    toks = join_dashes(tokens_of(piece), lower_tail=False)
    if not toks:
        return None
    # The name: the first run of capitalised words that starts with a first name (or any
    # capitalised word when none is known), up to the first word that cannot be in a name.
    starts = [i for i, t in enumerate(toks) if is_name_word(t.text) and is_first_name(bare_word(t.text))]
    i = starts[0] if starts else next((k for k, t in enumerate(toks) if is_plain_word(t.text, c)), None)
    if i is None:
        return None
    j = i + 1
    while j < len(toks) and (is_name_word(toks[j].text) or is_initials(toks[j].text)
                             or toks[j].text in c.particles) and j - i < 5:
        if toks[j - 1].text.endswith((",", ";")):
            break
        j += 1
    core = toks[i:j]
    display = None
    if (i > 0 and all(is_first_name(bare_word(t.text)) for t in core) and is_plain_word(toks[i - 1].text, c)
            and not is_first_name(bare_word(toks[i - 1].text)) and not toks[i - 1].text.endswith((",", ";"))):
        # Official lists often put the surname first: 'Virtanen Matti, puheenjohtaja'.
        display = " ".join([*(bare_word(t.text) for t in core), bare_word(toks[i - 1].text)])
        i -= 1
        core = toks[i:j]
    # A trailing place after a complete name is an organisation (Matti Virtanen Kerava).
    while len(core) > 2 and canonical_municipality(bare_word(core[-1].text)) and not is_first_name(
            bare_word(core[-1].text)) and not is_first_name(bare_word(core[-2].text)):
        core = core[:-1]
        j -= 1
    titled = i > 0 and is_name_title(toks[i - 1].text, c)
    strong = is_first_name(bare_word(core[0].text)) or titled
    if len(core) > 1 and not strong and display is None and not all(
            is_plain_word(t.text, c) or is_initials(t.text) for t in core):
        return None
    if len(core) == 1 and not strong and not is_plain_word(core[0].text, c):
        return None
    name = Piece(piece.text[core[0].start - piece.start:core[-1].end - piece.start].rstrip(",;:"),
                 core[0].start)
    before = [t.text for t in toks[:i]]
    after = [t.text for t in toks[j:]]
    return NameParse(name, strong or display is not None, before, after, display)


def entry_of_person(p: Person, kind: str, c: Cues) -> Entry:
    """A segmented person as a list entry, its trailing words read as attributes."""
    e = Entry(Piece(p.name.text, p.name.start), kind, 0.85 if p.strong else 0.6, p.strong,
              end=p.attrs[-1].end if p.attrs else p.name.end, name_end=p.name.end)
    for a in p.attrs:
        add_attribute(e, a.text, c)
    return e


class DashPerson(NamedTuple):
    name: Piece
    strong: bool
    attrs: Piece  # the text after the dash up to the next person


def dash_people(piece: Piece, c: Cues) -> list[DashPerson] | None:
    """'Riitta Salonen – Lohjan kaupunki, johtaja (pj.) Mikko Hirvonen – Karjalohjan kunta'.

    One person per line with a spaced dash (or slash) before the organisation; a PDF
    reader may run two such lines together, so every 'First Surname –' after the first
    starts another person. A dash before a lone capitalised word that is no place ('Sari
    Laine – Kivelä') joins a double surname instead. None when the piece does not open
    with 'Name –'.
    """
    toks = tokens_of(piece)
    starts: list[tuple[int, int, int]] = []  # (first name token, dash token, strong)
    for k, tok in enumerate(toks):
        if not (DASH_TOKEN.match(tok.text) or tok.text == "/") or k + 1 >= len(toks) or not _dash_separates(toks, k):
            continue
        for n in (2, 3):
            i = k - n
            if i < 0 or not all(is_name_word(t.text) for t in toks[i:k]) or toks[k - 1].text.endswith((",", ";")):
                continue
            if any(t.text.endswith((",", ";")) and not is_first_name(bare_word(u.text))
                   for t, u in zip(toks[i:k - 1], toks[i + 1:k])):
                continue  # 'Mary Jones, Vantaa –': the comma ends the name ('Virtanen, Matti –' keeps it)
            strong = is_first_name(bare_word(toks[i].text))
            if strong or (i == 0 and n <= 3):
                # the longest run that still starts with a first name: 'Anna Liisa Mäki –'
                if not starts or starts[-1][1] != k:
                    starts.append((i, k, strong))
                else:
                    starts[-1] = (i, k, strong)
    if not starts or starts[0][0] != 0:
        return None
    out = []
    for n, (i, k, strong) in enumerate(starts):
        end = toks[starts[n + 1][0] - 1].end if n + 1 < len(starts) else piece.end
        name = Piece(piece.text[toks[i].start - piece.start:toks[k - 1].end - piece.start], toks[i].start)
        attrs = piece.sub(toks[k].end - piece.start, end - piece.start)
        out.append(DashPerson(name, strong, attrs))
    return out


def _dash_separates(toks: list[Tok], k: int) -> bool:
    """The dash at ``k`` stands between a name and what follows it, not inside a surname."""
    if toks[k].start == toks[k - 1].end or toks[k + 1].start == toks[k].end:
        return False  # 'Laine–Kivelä' written tight: one surname
    if toks[k].text == "/":
        return True  # 'Name / Organisation'
    nxt = toks[k + 1].text
    lone = k + 2 == len(toks) or nxt.endswith((",", ";")) or toks[k + 2].text.startswith("(")
    return not (lone and is_name_word(nxt) and not canonical_municipality(bare_word(nxt)))
