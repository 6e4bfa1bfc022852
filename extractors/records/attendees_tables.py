"""Attendance tables: cells as pieces of the document text, and tables with a header row."""
from __future__ import annotations

from collections.abc import Callable

from schemas.document import Block
from schemas.records import Role

from .attendees_cues import Cues, role_of
from .attendees_lines import parse_line
from .attendees_rows import OFFICER_ROLES, PHONE, State, heading
from .attendees_text import Entry, Piece, is_initials, is_name_word, set_role
from .normalise import is_first_name

def table_rows(block: Block) -> list[list[Piece]]:
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


def header_columns(row: list[Piece], c: Cues) -> dict[str, int] | None:
    """Which column holds names, speakers, organisations, roles and status ('Kunta / organisaatio'
    is read by each of its halves, the first that names a column wins)."""
    cols: dict[str, int] = {}
    for k, cell in enumerate(row):
        text = " ".join(cell.text.casefold().strip(" :*").split())
        if not text or len(text) > 40:
            continue
        col = next((col for seg in [text, *(t.strip() for t in text.split("/"))] if seg
                    for col in ("first_name", "last_name", "name", "speaker", "organisation", "role", "status")
                    if col not in cols and _names_column(seg, c.column_heads.get(col))),
                   None)
        if col:
            cols[col] = k
    if "name" in cols or "speaker" in cols or ("first_name" in cols and "last_name" in cols):
        return cols
    return None


def _names_column(header: str, heads: tuple[frozenset[str], tuple[str, ...]] | None) -> bool:
    """``header`` is one of the column's words, or starts with one and a space."""
    return heads is not None and (header in heads[0] or header.startswith(heads[1]))


def header_table(rows: list[list[Piece]], cols: dict[str, int], st: State, c: Cues) -> list[Entry]:
    """People of a table whose header names a person column, under the list's heading.

    Without a heading the table is an attendance table when it has a status column or
    names a meeting officer in its role column ('Chair', 'sekreterare'); a programme's
    speaker column ('Alustaja', 'Talare', 'Presenter') holds speakers.
    """
    kind = st.kind

    def cell(row: list[Piece], col: str) -> Piece | None:
        k = cols.get(col)
        return row[k] if k is not None and k < len(row) and row[k].text else None

    if "name" not in cols and "first_name" not in cols:
        return _speaker_column(rows, cols["speaker"], c)
    if kind is None and "role" in cols and not _contacts(rows) and any(
            (r := role_of((cell(row, "role") or Piece("", 0)).text)) and r[0] in OFFICER_ROLES and not r[1]
            for row in rows):
        kind = "present"
    return _people_rows(rows, cols, kind, cell, c)


def _people_rows(rows: list[list[Piece]], cols: dict[str, int], kind: str | None,
                 cell: Callable[[list[Piece], str], Piece | None], c: Cues) -> list[Entry]:
    entries: list[Entry] = []
    marks = {"x", "✓", "✔", "*"}
    for row in rows:
        nonempty = [p for p in row if p.text]
        if not nonempty:
            continue
        head = heading(nonempty[0].text, c, single=len(nonempty) == 1)
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


def _speaker_column(rows: list[list[Piece]], k: int, c: Cues) -> list[Entry]:
    """'sosiaalijohtaja Pekka Aaltonen, Karkkilan kaupunki' in a programme's speaker column."""
    entries: list[Entry] = []
    for row in rows:
        if k >= len(row) or not row[k].text or len({p.text for p in row if p.text}) < 2:
            continue  # a row merged across the columns ('Lounas', 'Ryhmätyöt: ...') names nobody
        for e in parse_line(row[k], "speaker", c):
            if e.strong or " " in e.name.text:
                e.role = e.role or Role.SPEAKER
                entries.append(e)
    return entries


def _contacts(rows: list[list[Piece]]) -> bool:
    """E-mail addresses or phone numbers: a board's contact list, not who attended."""
    return any("@" in p.text or PHONE.search(p.text) for row in rows for p in row)
