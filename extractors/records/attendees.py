"""Attendance lists -> Attendee records, whatever the layout.

Layouts: real tables (a header row, a heading column or section rows), tab-aligned
rows, comma and line lists with organisations in brackets, and *flattened columns*
where each column of a table was run together into one cell (all names, then all
organisations, then the roles that were not empty). A list goes on while its rows are
list-shaped: names, bodies, places and roles, or one person followed by short
attributes ('Name, University of Edinburgh (Chair)', 'Name<TAB>org, projektipäällikkö');
running text, another label or a heading ends it.

People come from lists under an attendance heading and tables whose header names a
person column. Without a list, ``attendees_prose`` adds the speakers of seminar or
slide material and the officers the meeting chose ('Kokouksen puheenjohtajaksi
valittiin X'); with one, prose only settles the roles of people already listed.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from schemas.document import Block, BlockKind, Document
from schemas.records import Attendee, AttendeeStatus, Role

from .attendees_cues import Cues, cues, find_roles, is_job_title, is_name_title, role_of, role_only
from .attendees_names import NameParse, Person, parse_name, segment_names
from .attendees_prose import elected_officers, prose_roles, prose_speakers, speaker_context, top_speakers
from .attendees_text import (DASH_TOKEN, Entry, Piece, add_attribute, bare_word, bracket_depth, is_initials,
                             is_name_word, is_plain_word, join_dashes, piece_lines, set_role,
                             split_top, tokens_of)
from .evidence import evidence
from .normalise import canonical_municipality, is_first_name, normalise_organisation, normalise_person

NAME, VERSION = "attendees", "1"

STATUS_OF_KIND = {"present": AttendeeStatus.PRESENT, "guest": AttendeeStatus.PRESENT,
                  "speaker": AttendeeStatus.PRESENT, "absent": AttendeeStatus.ABSENT,
                  "invited": None}
CELL_SPLIT = re.compile(r"\t+| {3,}")
BULLET = re.compile(r"^(?:[-*•▪◦‣►▶→➢]|\d{1,2}[.)])\s+")
NUMBERING = re.compile(r"^(?:\d{1,2}(?:\.\d{1,2})*[.)]?|[a-z][.)]|§\s*\d+)$")
LABEL = re.compile(r"^[A-ZÅÄÖ][\wåäöÅÄÖ ./()-]{0,40}:(?:\s|$)")
MAX_CONTINUATION_BLOCKS = 40


def _parse_line(line: Piece, kind: str, c: Cues) -> list[Entry]:
    """One line of a list: 'A B (Kerava), C D (Tuusula, pj.)', 'A B, Kerava, puheenjohtaja', ..."""
    if m := BULLET.match(line.text):
        line = line.sub(m.end())
    if not line.text:
        return []
    parts = split_top(line, c.list_sep)
    if len(parts) == 1 and "(" not in line.text:
        toks = tokens_of(line)
        if len(toks) >= 4 and (people := segment_names(toks, c)) and len(people) >= 2:
            return [_entry_of_person(p, kind, c) for p in people]
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


def _entry_of_person(p: Person, kind: str, c: Cues) -> Entry:
    e = Entry(Piece(p.name.text, p.name.start), kind, 0.85 if p.strong else 0.6, p.strong,
              end=p.attrs[-1].end if p.attrs else p.name.end, name_end=p.name.end)
    for a in p.attrs:
        add_attribute(e, a.text, c)
    return e


# ---------------------------------------------------------------------------
# flattened columns: one cell per column, every row run together


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


def _flattened(cells: list[Piece], kind: str, c: Cues) -> list[Entry] | None:
    """A row whose first cell runs several names together: align the other cells as runs."""
    first = cells[0]
    if any(ch in first.text for ch in ",;\n"):
        return None
    people = segment_names(tokens_of(first), c)
    if not people or len(people) < 2 or sum(p.strong for p in people) * 3 < len(people) * 2:
        return None
    entries = [_entry_of_person(p, kind, c) for p in people]
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


# ---------------------------------------------------------------------------
# rows: a table row, a tab-aligned line, or a plain line


@dataclass
class State:
    kind: str | None = None
    fresh: bool = False  # the heading had no content on its own line
    blocks_since: int = 0
    last: Entry | None = None
    label: str | None = None  # the heading cell of a tab-aligned row: it may wrap onto the next row


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


def _heading_prefix(text: str, c: Cues) -> str | None:
    """The kind of the headings that ``text`` begins ('Muut saapuvilla' of 'muut saapuvilla olleet').

    A label cell that wraps onto the next row shows only its first words. Two words at
    least, and every heading they begin must be of one kind.
    """
    words = text.casefold().rstrip(":").split()
    if len(words) < 2:
        return None
    kinds = {kind for h, kind in c.heading_kind.items() if h.split()[:len(words)] == words}
    return kinds.pop() if len(kinds) == 1 else None


def _unwrap_label(cells: list[Piece], st: State, c: Cues) -> list[Piece]:
    """'Saapuvilla<TAB>A' / 'olleet jäsenet<TAB>B': the label's tail leads the next row; drop it."""
    label, st.label = st.label, None
    first = cells[0].text
    if label is None or len(cells) < 2 or not first[:1].islower() or len(first.split()) > 3:
        return cells
    if (head := _heading(f"{label} {first}", c, single=True)) and not head[1]:
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
    if not all(_attribute_like(r, c) for r in rest):
        return False
    if i > 0 or any(is_first_name(bare_word(t)) for t in name[:2]):
        return True
    return (len(name) >= 2 and all(is_plain_word(t, c) or is_initials(t) for t in name)
            and any(_body_like(r, c) for r in rest))


def _attribute_like(text: str, c: Cues) -> bool:
    """An organisation, place, title or role: short parts and no word of running text."""
    outside = re.sub(r"\([^()]*\)", " ", text)
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


def _join_name_cells(cells: list[Piece]) -> list[Piece]:
    """First name and surname in neighbouring cells ('Merja' | 'Etholén – Rönnerberg') -> one cell."""
    first, second = cells[0].text.split(), cells[1].text.split()
    if (len(first) in (1, 2) and all(is_first_name(w) for w in first) and 1 <= len(second) <= 3
            and cells[1].start == cells[0].end + 1
            and all(is_name_word(w) or DASH_TOKEN.match(w) for w in second)
            and not canonical_municipality(cells[1].text)):
        return [Piece(f"{cells[0].text} {cells[1].text}", cells[0].start), *cells[2:]]
    return cells


def _content(cells: list[Piece], kind: str, c: Cues) -> list[Entry]:
    """The people in the content cells of one row."""
    if len(cells) > 1 and (flat := _flattened(cells, kind, c)):
        return flat
    if len(cells) > 1:
        cells = _join_name_cells(cells)
    lines = [line for cell in cells[:1] for line in piece_lines(cell)]
    entries: list[Entry] = []
    for line in lines:
        entries.extend(_parse_line(line, kind, c))
    if len(cells) > 1:
        if len(entries) == 1:  # one person per row: the other cells are attributes
            for cell in cells[1:]:
                add_attribute(entries[0], cell.text, c)
                entries[0].end = cell.end
        else:
            for cell in cells[1:]:
                for line in piece_lines(cell):
                    entries.extend(_parse_line(line, kind, c))
    return entries


def _row(cells: list[Piece], st: State, c: Cues) -> list[Entry]:
    if len(cells) > 1 and NUMBERING.match(cells[0].text):
        cells = cells[1:]  # '1.<TAB>Attendees:'
    if not cells:
        return []
    head = _heading(cells[0].text, c, single=len(cells) == 1)
    if head is None and len(cells) > 1 and (kind := _heading_prefix(cells[0].text, c)):
        head = (kind, "", False)
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
    cells = _unwrap_label(cells, st, c)
    if _is_label(cells, c):
        st.kind = None
        return []
    person = _person_row(cells, c)
    if not person and not all(_listlike(p.text, c) for p in cells):
        st.kind = None  # running text after the list
        return []
    if st.last is not None and all(role_only(p.text) and role_of(p.text) for p in cells):
        for p in cells:  # a role that wrapped onto its own row
            set_role(st.last, p.text)
        return []
    entries = _content(cells, st.kind, c)
    if not st.fresh and not person and not any(e.strong for e in entries):
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
    return [p for p in split_top(line, CELL_SPLIT) if p.text]


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
        if not words or not all(is_name_word(w) or is_initials(w) for w in words[:4]) or (
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
            if not set_role(e, role.text):
                e.role_raw = role.text
        entries.append(e)
    return entries


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
            set_role(people[b - 1], units[a - 1])
            people[b - 1].confidence = min(people[b - 1].confidence, 0.7)
            a, b = a - 1, b - 1


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
        for line in piece_lines(Piece(block.text, block.start)):
            entries.extend(_row(_cells_of_line(line), st, c))
    officers = elected_officers(doc, c)
    if not entries:
        # No attendance list: speakers of seminar or slide material, the meeting's officers.
        if speaker_context(doc, c):
            entries = top_speakers(doc, c) or prose_speakers(doc, c)
        entries += officers
    else:
        _officer_roles(entries, officers)
    if not entries:
        return []
    prose = prose_roles(doc, entries, c)
    _align_roles(entries, prose)
    for e in entries:
        if e.key in prose and (e.role is None or (e.role == Role.MEMBER and not e.role_raw)):
            e.role, e.role_raw = prose[e.key]
    entries = _resolve_invited(entries)
    return [_attendee(doc, e) for e in _dedupe(entries)]


def _officer_roles(entries: list[Entry], officers: list[Entry]) -> None:
    """A listed person the meeting chose as its chair or secretary has that role."""
    chosen = {o.key: o for o in officers}
    for e in entries:
        if (o := chosen.get(e.key)) and (e.role is None or e.role == Role.MEMBER):
            e.role, e.role_raw = o.role, o.role_raw


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
    if e.kind == "guest" and role == Role.MEMBER:
        role = Role.GUEST  # 'kaupunginhallituksen edustaja' among guests: a member of another body
    org_raw = ", ".join(dict.fromkeys(o.strip() for o in e.org if o.strip())) or None
    name_end = e.name_end or e.name.end
    raw = doc.text[e.name.start:name_end] if name_end <= len(doc.text) else e.name.text
    end = max(e.end or name_end, name_end)
    return Attendee(
        name=normalise_person(e.display or " ".join(raw.split())), status=str(status), raw_name=raw,
        organization=normalise_organisation(org_raw) if org_raw else None, organization_raw=org_raw,
        role=str(role), role_raw=e.role_raw, deputy=e.deputy,
        evidence=evidence(doc, min(e.start or e.name.start, e.name.start), end, NAME, VERSION, e.confidence))
