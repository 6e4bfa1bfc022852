"""Attendance lists -> Attendee records, whatever the layout.

Layouts: real tables (a header row, a heading column or section rows), tab-aligned
rows, comma, dash and line lists with organisations in brackets, a memo header's
officer rows ('Puheenjohtaja | Name | Org'), *flattened columns* where each column of
a table was run together into one cell, and sentences ('Paikalla olivat ...').

People come from lists under an attendance heading (``attendees_rows``; one line of a
list is read by ``attendees_lines``), tables whose header names a person or speaker
column (``attendees_tables``, ``attendees_flat``) and attendance sentences
(``attendees_sentences``). Without any of them,
``attendees_speakers`` adds the speakers of seminar or slide material, and the
officers the meeting chose or the memo's writer ('Kokouksen puheenjohtajaksi
valittiin X', 'Muistion kirjoitti X') are added; with a list, prose only settles the
roles of people already listed.
"""
from __future__ import annotations

from schemas.document import BlockKind, Document
from schemas.records import Attendee, AttendeeStatus, Role

from .attendees_cues import cues
from .attendees_flat import align_roles
from .attendees_prose import elected_officers, prose_blocks, prose_roles
from .attendees_rows import State, cells_of_line, heading, row_entries
from .attendees_sentences import attendance_sentences
from .attendees_speakers import programme_speakers, prose_speakers, speaker_context, top_speakers
from .attendees_tables import header_columns, header_table, table_rows
from .attendees_text import Entry, Piece, piece_lines
from .evidence import evidence
from .normalise import normalise_organisation, normalise_person

NAME, VERSION = "attendees", "1"
STATUS_OF_KIND = {"present": AttendeeStatus.PRESENT, "guest": AttendeeStatus.PRESENT,
                  "speaker": AttendeeStatus.PRESENT, "absent": AttendeeStatus.ABSENT,
                  "invited": None}
MAX_CONTINUATION_BLOCKS = 40
HEADER_BLOCKS = 15  # a memo header's rows ('Puheenjohtaja: X'); later such lines are signatures or contacts


def extract_attendees(doc: Document, lang: str) -> list[Attendee]:
    """Everyone an attendance list, attendance table or speaker line of ``doc`` names.

    ``lang`` is the document's language; the cues of every language are used anyway,
    because minutes mix them (a Finnish memo with a Swedish 'Närvarande' list).
    """
    c = cues()
    entries: list[Entry] = []
    st = State()
    for block in doc.blocks:
        st.header = block.index < HEADER_BLOCKS
        if block.kind == BlockKind.HEADING and not heading(block.text, c, single=True):
            st.kind = None
        st.blocks_since += 1
        if st.kind and st.blocks_since > MAX_CONTINUATION_BLOCKS:
            st.kind = None
        if block.kind == BlockKind.TABLE and block.rows:
            rows = table_rows(block)
            cols = header_columns(rows[0], c) if rows else None
            if cols:
                entries.extend(header_table(rows[1:], cols, st, c))
                continue
            for row in rows:
                entries.extend(row_entries([p for p in row if p.text], st, c))
            continue
        for line in piece_lines(Piece(block.text, block.start)):
            entries.extend(row_entries(cells_of_line(line), st, c))
    prose = prose_blocks(doc, c)
    listed, writers = attendance_sentences(doc, prose, c)
    entries += listed
    officers = elected_officers(doc, prose, c) + writers
    if not entries:
        # No attendance list: speakers of seminar or slide material, the meeting's officers.
        if speaker_context(doc, c):
            entries = top_speakers(doc, c) + programme_speakers(doc, c) + prose_speakers(doc, prose, c)
        entries += officers
    else:
        _officer_roles(entries, officers)
    if not entries:
        return []
    prose = prose_roles(doc, entries, c)
    align_roles(entries, prose)
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
