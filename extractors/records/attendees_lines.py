"""One line or row of a list -> the people in it and their attributes.

'A B (Kerava), C D (Tuusula, pj.)', 'A B, Kerava, puheenjohtaja', 'A – Org, title
(pj.)', 'A, Org – chair; B, Org', 'rehtori A ja terveydenhoitaja B', names run
together ('A B C D'), first names only ('Ash, Edward, Sam'), and table rows whose
other cells are the person's attributes or more people.
"""
from __future__ import annotations

import re

from .attendees_cues import Cues, is_job_title, is_name_title, role_of, role_only
from .attendees_flat import flattened
from .attendees_names import DashPerson, NameParse, dash_people, entry_of_person, parse_name, segment_names
from .attendees_text import (DASH_TOKEN, SPACED_DASH_TAIL, Entry, Piece, add_attribute, bracket_depth, is_name_word,
                             is_plain_word, piece_lines, set_role, split_top, tokens_of)
from .normalise import canonical_municipality, is_first_name

BULLET = re.compile(r"^(?:[-*•▪◦‣►▶→➢]|\d{1,2}[.)])\s+")
SEMICOLON = re.compile(r"\s*;\s*")
COMMA = re.compile(r"\s*,\s*")


def parse_line(line: Piece, kind: str, c: Cues) -> list[Entry]:
    """One line of a list: 'A B (Kerava), C D (Tuusula, pj.)', 'A B, Kerava, puheenjohtaja', ..."""
    if m := BULLET.match(line.text):
        line = line.sub(m.end())
    if not line.text:
        return []
    if (dashed := dash_people(line, c)) is not None:
        return [_dash_entry(p, kind, c) for p in dashed]
    if (semi := _semicolon_people(line, kind, c)) is not None:
        return semi
    parts = [q for p in split_top(line, c.list_sep) for q in _split_titled(p, c)]
    if len(parts) == 1 and "(" not in line.text:
        toks = tokens_of(line)
        if len(toks) >= 4 and (people := segment_names(toks, c)) and len(people) >= 2:
            return [entry_of_person(p, kind, c) for p in people]
    # A name after other words ('Office for National Statistics') is a body, not a person,
    # unless those words are a role or a title ('pj. Liisa Virtanen', 'Dr. Jane Roe').
    parsed = [(p, np if np is None or (_lead_ok(np.before, c) and _person_shaped(np)) else None)
              for p in parts for np in [parse_name(p, c)]]
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
                and is_plain_word(np.name.text, c))
        if multi or lone:
            e = Entry(np.name, kind, (0.9 if np.strong else 0.7) if multi else 0.5, np.strong,
                      end=part.end, display=np.display)
            for words in [*leading, " ".join(np.before)]:
                set_role(e, words)  # 'pj. Liisa Virtanen', 'puheenjohtaja, Liisa Virtanen'
            leading = []
            for a in _group_after(np.after):
                add_attribute(e, a, c)
            entries.append(e)
        elif entries:
            add_attribute(entries[-1], part.text, c)
            entries[-1].end = part.end
        else:
            leading.append(part.text)
    return entries


def _semicolon_people(line: Piece, kind: str, c: Cues) -> list[Entry] | None:
    """'A, City of Turku (Finland) – chair; B, Jugendamt Hamburg; C': semicolons part the
    people, so the commas inside a part are the person's attributes. None unless every
    part opens with a name."""
    parts = split_top(line, SEMICOLON)
    if len(parts) < 2:
        return None
    entries = []
    for part in parts:
        head, *rest = split_top(part, COMMA)
        np = parse_name(head, c)
        if np is None or " " not in np.name.text or not (_lead_ok(np.before, c) and _person_shaped(np)):
            return None
        e = Entry(np.name, kind, 0.9 if np.strong else 0.7, np.strong, end=part.end, display=np.display)
        set_role(e, " ".join(np.before))
        for a in [*_group_after(np.after), *(r.text for r in rest)]:
            add_attribute(e, a, c)
        entries.append(e)
    return entries


def _split_titled(part: Piece, c: Cues) -> list[Piece]:
    """'rehtori A ja terveydenhoitaja B': a connector before a title and a name parts two people
    (the list separator only splits before a capital)."""
    for m in c.connector_re.finditer(part.text):
        if bracket_depth(part.text, m.start()) or not part.text[m.end():m.end() + 1].islower():
            continue
        rest = part.sub(m.end())
        np = parse_name(rest, c)
        if (np is not None and np.strong and " " in np.name.text and np.before and np.name.start > rest.start
                and all(is_job_title(w, c) or is_name_title(w, c) for w in np.before)
                and parse_name(part.sub(0, m.start()), c) is not None):
            return [part.sub(0, m.start()), *_split_titled(rest, c)]
    return [part]


def _dash_entry(p: DashPerson, kind: str, c: Cues) -> Entry:
    """'Name – Organisation, title (pj.)': everything after the dash describes the person."""
    e = Entry(p.name, kind, 0.85 if p.strong else 0.7, p.strong, end=p.attrs.end if p.attrs.text else p.name.end)
    if p.attrs.text:
        add_attribute(e, p.attrs.text, c)
    return e


def _person_shaped(np: NameParse) -> bool:
    """Without a known first name or a title, a name has two or three words and no acronym
    ('Leeds Teaching Hospitals NHS Trust' is a body)."""
    words = np.name.text.split()
    return np.strong or (len(words) <= 3 and not any(w.isupper() and len(w) > 1 for w in words))


def _lead_ok(before: list[str], c: Cues) -> bool:
    return not before or role_only(" ".join(before)) or all(
        is_name_title(w, c) or is_job_title(w, c) or role_of(w) for w in before)


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


def attribute_like(text: str, c: Cues) -> bool:
    """An organisation, place, title or role: short parts and no word of running text."""
    outside = re.sub(r"\([^()]*\)", " ", text)
    if (m := SPACED_DASH_TAIL.search(outside)) and (
            role_only(m.group(1)) or tuple(m.group(1).casefold().strip(" .").split()) in c.scribe_after):
        outside = outside[:m.start()]  # '... – took the minutes': the role phrase is no running text
    parts = [p.split() for p in re.split(r"[,;]", outside)]
    if any(len(words) > 6 for words in parts):
        return False
    words = [w.strip(".:").casefold() for p in parts for w in p]
    if any(w in c.clause_words for w in words):
        return False
    last = outside.rstrip()
    # A sentence ends after a lower-case word; a list row rarely does.
    return not (last.endswith(".") and words and words[-1].isalpha() and words[-1].islower() and len(words[-1]) > 3
                and last.split()[-1][:1].islower())


def _join_name_cells(cells: list[Piece]) -> list[Piece]:
    """First name and surname in neighbouring cells ('Merja' | 'Etholén – Rönnerberg') -> one cell."""
    first, second = cells[0].text.split(), cells[1].text.split()
    if (len(first) in (1, 2) and all(is_first_name(w) for w in first) and 1 <= len(second) <= 3
            and cells[1].start == cells[0].end + 1
            and all(is_name_word(w) or DASH_TOKEN.match(w) for w in second)
            and not canonical_municipality(cells[1].text)):
        return [Piece(f"{cells[0].text} {cells[1].text}", cells[0].start), *cells[2:]]
    return cells


def people_of_cells(cells: list[Piece], kind: str, c: Cues) -> list[Entry]:
    """The people in the content cells of one row."""
    if len(cells) > 1 and (flat := flattened(cells, kind, c)):
        return flat
    if len(cells) > 1:
        cells = _join_name_cells(cells)
    lines = [line for cell in cells[:1] for line in piece_lines(cell)]
    entries: list[Entry] = []
    for line in lines:
        entries.extend(parse_line(line, kind, c))
    if len(cells) > 1:
        if len(entries) == 1:  # one person per row: the other cells are attributes
            for cell in cells[1:]:
                add_attribute(entries[0], cell.text, c)
                entries[0].end = cell.end
        else:
            for cell in cells[1:]:
                for line in piece_lines(cell):
                    entries.extend(parse_line(line, kind, c))
    return entries
