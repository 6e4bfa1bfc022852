"""Rows of an attendance list: a heading opens it, list-shaped rows continue it.

A row is a table row, a tab-aligned line or a plain line. A list goes on while its
rows are list-shaped: names, bodies, places and roles, or one person followed by short
attributes ('Name, University of Edinburgh (Chair)', 'Name<TAB>org, projektipäällikkö');
running text, another label or a heading ends it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from schemas.records import Role

from .attendees_cues import Cues, find_roles, is_job_title, is_name_title, role_of, role_only
from .attendees_lines import BULLET, attribute_like, people_of_cells
from .attendees_names import dash_people, parse_name
from .attendees_text import (DASH_TOKEN, Entry, Piece, bare_word, is_initials, is_name_word, is_plain_word,
                             join_dashes, set_role, split_top, tokens_of)
from .normalise import canonical_municipality, is_first_name

CELL_SPLIT = re.compile(r"\t+| {3,}")
NUMBERING = re.compile(r"^(?:\d{1,2}(?:\.\d{1,2})*[.)]?|[a-z][.)]|§\s*\d+)$")
PHONE = re.compile(r"\d[\d \-]{6,}\d")
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-ZÅÄÖ])")
LABEL_TAIL = re.compile(r"^[a-zåäö]+(?:\s+[a-zåäö]+)?\s*:\s*")
LABEL = re.compile(r"^[A-ZÅÄÖ][\wåäöÅÄÖ ./()-]{0,40}:(?:\s|$)")
OFFICER_ROLES = (Role.CHAIR, Role.VICE_CHAIR, Role.SECRETARY)




@dataclass
class State:
    kind: str | None = None
    fresh: bool = False  # the heading had no content on its own line
    blocks_since: int = 0
    last: Entry | None = None
    label: str | None = None  # the heading cell of a tab-aligned row: it may wrap onto the next row
    header: bool = True  # in the first blocks, where a memo header names the chair and secretary


def heading(text: str, c: Cues, single: bool) -> tuple[str, str, bool] | None:
    """(kind, rest, strict) when ``text`` opens with an attendance heading; strict when no colon."""
    m = c.heading_re.match(text)
    if not m:
        return None
    label = " ".join(m.group("h").casefold().split())
    kind = c.heading_kind[label]
    rest = m.group("rest").strip()
    colon = bool(m.group("colon"))
    if label in c.colon_only and not colon:
        return None  # 'We were told:', 'Vi var överens': a clause, not the label
    if rest and not colon and (tail := LABEL_TAIL.match(rest)):
        # 'Läsnä kokouksessa:', 'Kokoukseen osallistuivat seuraavat henkilöt:': a longer label
        rest, colon = rest[tail.end():], True
    if rest and not colon:
        # 'Läsnä Matti Virtanen' without a colon: only as a whole line with a capital next.
        if not single or not rest[:1].isupper():
            return None
    return kind, rest, bool(rest) and not colon


def _closing_label(text: str, c: Cues) -> tuple[str, str, bool] | None:
    """'Kokoonnuimme kunnantalolla. Paikalla olimme:': a paragraph of prose whose last
    sentence is an attendance label opens the list on the next lines."""
    if not text.rstrip().endswith(":"):
        return None
    last = SENTENCE_END.split(text.strip())[-1]
    if last == text.strip():
        return None
    head = heading(last, c, single=True)
    return head if head and not head[1] else None


def _heading_prefix(text: str, c: Cues) -> str | None:
    """The kind of the headings that ``text`` begins ('Muut saapuvilla' of 'muut saapuvilla olleet').

    A label cell that wraps onto the next row shows only its first words. Two words at
    least, and every heading they begin must be of one kind.
    """
    words = tuple(text.casefold().rstrip(":").split())
    if len(words) < 2:
        return None
    kinds = c.heading_prefixes.get(words, frozenset())
    return next(iter(kinds)) if len(kinds) == 1 else None


def _unwrap_label(cells: list[Piece], st: State, c: Cues) -> list[Piece]:
    """'Saapuvilla<TAB>A' / 'olleet jäsenet<TAB>B': the label's tail leads the next row; drop it."""
    label, st.label = st.label, None
    first = cells[0].text
    if label is None or len(cells) < 2 or not first[:1].islower() or len(first.split()) > 3:
        return cells
    if (head := heading(f"{label} {first}", c, single=True)) and not head[1]:
        st.kind = head[0]
    elif not _person_row(cells[1:], c):
        return cells
    return cells[1:]


def _person_row(cells: list[Piece], c: Cues) -> bool:
    """'Name, organisation, title' or 'Name<TAB>org<TAB>role': one person and short attributes.

    The name leads the row (after honorifics) and ends at a separator; a name without a
    known first name or a title needs an attribute that looks like a body, place or role.
    """
    text = cells[0].text
    if m := BULLET.match(text):
        text = text[m.end():]
    if dashed := dash_people(Piece(text, 0), c):
        return all(attribute_like(p.attrs.text, c) for p in dashed if p.attrs.text) and all(
            attribute_like(p.text, c) for p in cells[1:])
    toks = [t.text for t in join_dashes(tokens_of(Piece(text, 0)), lower_tail=False)]
    i = 0
    while i < len(toks) and is_name_title(toks[i], c):
        i += 1
    j = i
    while j < len(toks) and j - i < 5 and (is_name_word(toks[j]) or is_initials(toks[j]) or toks[j] in c.particles):
        j += 1
        if toks[j - 1].endswith((",", ";")):
            break
    name = toks[i:j]
    if not name or (j < len(toks) and not (name[-1].endswith((",", ";")) or toks[j].startswith("("))):
        return False
    rest = [" ".join(toks[j:]), *(p.text for p in cells[1:])]
    rest = [r for r in rest if r.strip()]
    if not all(attribute_like(r, c) for r in rest):
        return False
    if i > 0 or any(is_first_name(bare_word(t)) for t in name[:2]):
        return True
    return (len(name) >= 2 and all(is_plain_word(t, c) or is_initials(t) for t in name)
            and any(_body_like(r, c) for r in rest))




def _body_like(text: str, c: Cues) -> bool:
    """Brackets, a body word, a municipality, a role or a job title."""
    if "(" in text or role_of(text):
        return True
    return any(w.strip(".,;:").casefold() in c.org_words or canonical_municipality(w.strip(".,;:"))
               or is_job_title(w, c) for w in text.split())


def _is_label(cells: list[Piece], c: Cues) -> bool:
    """A different field of the memo header ('Paikka:', 'Jakelu<TAB>...') ends a list."""
    first = cells[0].text
    if LABEL.match(first):
        return True
    if len(cells) > 1 and " " not in first and first[:1].isupper() and not is_first_name(first) \
            and not canonical_municipality(first) and not role_of(first):
        return True
    return False




def row_entries(cells: list[Piece], st: State, c: Cues) -> list[Entry]:
    if len(cells) > 1 and NUMBERING.match(cells[0].text):
        cells = cells[1:]  # '1.<TAB>Attendees:'
    if not cells:
        return []
    head = heading(cells[0].text, c, single=len(cells) == 1)
    if head is None and len(cells) > 1 and (kind := _heading_prefix(cells[0].text, c)):
        head = (kind, "", False)
    if head is None and len(cells) == 1:
        head = _closing_label(cells[0].text, c)
    if head:
        kind, rest, strict = head
        st.kind, st.fresh, st.blocks_since = kind, True, 0
        st.label = cells[0].text if len(cells) > 1 and not rest else None
        content = cells[1:]
        if rest:
            first = cells[0]
            content = [first.sub(len(first.text) - len(rest)), *content]
        if not content:
            return []
        entries = people_of_cells(content, kind, c)
        if strict and not any(e.strong for e in entries):
            entries = []
        return _taken(entries, st)
    if st.header or st.kind is not None:
        if officers := _officer_row(cells, c, header=st.header and st.kind is None):
            return officers
    if st.kind is None:
        return []
    cells = _unwrap_label(cells, st, c)
    if grouped := _body_group(cells, st.kind, c):
        st.fresh, st.last = False, grouped[-1]
        return grouped
    if _is_label(cells, c):
        st.kind = None
        return []
    if st.last is not None and not st.last.org and len(cells) == 1 and _body_only(cells[0].text, c):
        st.last.org.append(cells[0].text)  # 'Matti Virtanen' / 'Keravan kaupunki' on the next line
        st.last.end = cells[0].end
        return []
    person = _person_row(cells, c)
    if not person and not all(_listlike(p.text, c) for p in cells):
        st.kind = None  # running text after the list
        return []
    if st.last is not None and all(role_only(p.text) and role_of(p.text) for p in cells):
        for p in cells:  # a role that wrapped onto its own row
            set_role(st.last, p.text)
        return []
    entries = people_of_cells(cells, st.kind, c)
    if not st.fresh and not person and not any(e.strong for e in entries):
        entries = []
    return _taken(entries, st)


def _taken(entries: list[Entry], st: State) -> list[Entry]:
    """A row's entries, and the list's state after them: no entries end the list."""
    st.fresh = False
    if not entries:
        st.kind = None
    st.last = entries[-1] if entries else None
    return entries


def _body_group(cells: list[Piece], kind: str, c: Cues) -> list[Entry]:
    """'Kerava: Matti Virtanen, Liisa Laine': people grouped under their body inside a list."""
    first = cells[0]
    if len(cells) > 1 and first.text.endswith(":"):
        label, content = first.text[:-1], cells[1:]
    elif len(cells) == 1 and LABEL.match(first.text):
        cut = first.text.index(":")
        label, content = first.text[:cut], [first.sub(cut + 1)]
    else:
        return []
    if not content[0].text or not _body_only(label, c):
        return []
    entries = people_of_cells(content, kind, c)
    if not any(e.strong for e in entries):
        return []
    for e in entries:
        if not e.org:
            e.org.append(label.strip())
    return entries


def _body_only(text: str, c: Cues) -> bool:
    """A place or a body and nothing else: 'Kerava', 'Keravan kaupunki', 'THL', 'ARVO-hanke'."""
    words = text.strip(" .,:;").split()
    if not words or len(words) > 5 or not words[0][:1].isupper() or is_first_name(bare_word(words[0])):
        return False
    if (np := parse_name(Piece(text, 0), c)) is not None and np.strong:
        return False
    last = words[-1].casefold().strip(".,;:()")
    return bool(canonical_municipality(" ".join(words)) or (len(words) == 1 and canonical_municipality(words[0]))
                or any(last.endswith(w) for w in c.org_words if len(w) >= 4) or last in c.org_words
                or any(len(w) >= 2 and w.isupper() and w.isalpha() for w in words))


def _officer_row(cells: list[Piece], c: Cues, header: bool) -> list[Entry]:
    """'Puheenjohtaja | Sirpa Mäkelä | Kirkkonummen kunta', 'Sihteeri: Heidi Gerdt, ARVO-hanke'.

    A memo header names its officers in rows of their own, the role as the label: the
    label is a chair, vice-chair or secretary word and nothing else, the rest one or
    more people with their attributes. They were at the meeting.
    """
    first = cells[0]
    if len(cells) > 1:
        label, content = first.text.rstrip(" :"), cells[1:]
    elif ":" in first.text:
        cut = first.text.index(":")
        label, content = first.text[:cut], [_first_sentence(first.sub(cut + 1), c)]
    elif header and (hits := find_roles(first.text)) and hits[0][0] == 0:
        # 'Puheenjohtaja Sirpa Mäkelä, Kirkkonummen kunta' as a whole line: the name and
        # its attributes only ('Puheenjohtaja Sirpa Mäkelä avasi kokouksen' is a sentence).
        label, content = first.text[:hits[0][1]], [first.sub(hits[0][1])]
        np = parse_name(content[0], c)
        tail = content[0].text[np.name.end - content[0].start:].strip() if np else ""
        if np is None or np.before or (tail and not (tail[0] in ",(" and attribute_like(tail.lstrip(", "), c))):
            return []
    else:
        return []
    found = role_of(label)
    if not found or found[0] not in OFFICER_ROLES or found[1] or not role_only(label) or not content[0].text:
        return []
    if any("@" in p.text or PHONE.search(p.text) for p in content):
        return []  # 'Puheenjohtaja: X, puh. 040 ...': an association's contact, not a meeting's officer
    entries = people_of_cells(content, "present", c)
    if not entries or not all(e.strong or " " in e.name.text for e in entries):
        return []
    for e in entries:
        e.role, e.role_raw = None, None
        set_role(e, label)
    return entries


def _first_sentence(piece: Piece, c: Cues) -> Piece:
    """'Cllr Janet Morris. Log maintained by ...' -> 'Cllr Janet Morris.'"""
    toks = tokens_of(piece)
    for tok, nxt in zip(toks, toks[1:]):
        if tok.text.endswith(".") and nxt.text[:1].isupper() and not (
                is_initials(tok.text) or is_name_title(tok.text, c) or role_of(tok.text)):
            return Piece(piece.text[:tok.end - piece.start], piece.start)
    return piece


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


def cells_of_line(line: Piece) -> list[Piece]:
    return [p for p in split_top(line, CELL_SPLIT) if p.text]
