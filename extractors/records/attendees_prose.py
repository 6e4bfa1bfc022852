"""Running text: the roles of listed people, and speakers at the top of seminar material."""
from __future__ import annotations

import re

from schemas.document import BlockKind, Document
from schemas.records import Role

from .attendees_cues import Cues, role_of
from .attendees_text import Entry, Piece, is_name_word, piece_lines
from .normalise import is_first_name, normalise_person

PROSE_ROLES = (Role.CHAIR, Role.VICE_CHAIR, Role.SECRETARY)


def _name_pattern(name: str) -> str:
    parts = re.split(r"\s*[-\u2010-\u2014]\s*|\s+", name.strip())
    seps = re.findall(r"\s*[-\u2010-\u2014]\s*|\s+", name.strip())
    out = re.escape(parts[0])
    for sep, part in zip(seps, parts[1:]):
        out += (r"\s*[-\u2010-\u2014]\s*" if sep.strip() else r"\s+") + re.escape(part)
    return rf"(?<!\w){out}(?!\w)"


def prose_roles(doc: Document, entries: list[Entry], c: Cues) -> dict[str, tuple[str, str]]:
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



def top_speakers(doc: Document, c: Cues) -> list[Entry]:
    head_blocks = [b for b in doc.blocks[:8] if b.kind != BlockKind.TABLE]
    context = " ".join(b.text.casefold() for b in doc.blocks[:12])
    slides = doc.format in ("pptx", "ppt", "odp")
    if not slides and not any(w in context for w in c.speaker_context):
        return []
    lines: list[Piece] = [line for b in head_blocks for line in piece_lines(Piece(b.text, b.start))]
    found = []
    for i, line in enumerate(lines):
        text = line.text.rstrip(",")
        toks = text.split()
        if not 2 <= len(toks) <= 4 or not all(is_name_word(t) for t in toks):
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
    if not 2 <= len(toks) <= 4 or not is_first_name(toks[0]) or not all(is_name_word(t) for t in toks):
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

