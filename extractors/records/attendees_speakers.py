"""Speakers of seminar and slide material: at the top, in a programme, in running text.

A speaker is named in three shapes here: at the top of the material or on a deck's
title slide ('Name,' / 'title Organisation', 'Projektipäällikkö Name', 'Name,
projektledare'), on a programme line ('12.30 Topic – Name'), and next to a presenting
verb in running text ('Professori X (Stakes) käsitteli ...', 'Seminaarin avasi
perusturvajohtaja X').
"""
from __future__ import annotations

import re

from schemas.document import BlockKind, Document
from schemas.records import Role

from .attendees_cues import Cues, is_job_title, is_name_title
from .attendees_prose import ProseBlock, name_piece, names_in, phrase_needs
from .attendees_names import parse_name
from .attendees_lines import attribute_like
from .attendees_text import Entry, Piece, Tok, add_attribute, bare_word, is_name_word, piece_lines
from .normalise import is_first_name

SLIDE_MIN_PAGES, SLIDE_MAX_CHARS = 3, 400  # a deck printed to PDF: several short pages ...
TITLE_BLOCKS = 4  # a seminar word here names the whole document, not one item in it


def top_speakers(doc: Document, c: Cues) -> list[Entry]:
    """'Name,' then 'title Organisation' in the first blocks of seminar material."""
    head_blocks = [b for b in doc.blocks[:8] if b.kind != BlockKind.TABLE]
    if not speaker_context(doc, c):
        return []
    lines: list[Piece] = [line for b in head_blocks for line in piece_lines(Piece(b.text, b.start))]
    found = []
    for i, line in enumerate(lines):
        text = line.text.rstrip(",")
        toks = text.split()
        if e := _titled_line(line, c) or _titled_tail(line, c):
            found.append(e)  # 'Projektipäällikkö Tuija Nieminen', 'Dr Jane Roe, University of Leeds'
            continue
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


def _titled_line(line: Piece, c: Cues, need_title: bool = True) -> Entry | None:
    """'[title] First Surname[, Organisation]' as the whole line.

    On a title slide the title makes the line a person's ('Projektipäällikkö Tuija
    Nieminen'); after a programme line's dash the name alone will do.
    """
    if need_title and line.text.endswith("."):
        return None  # '... avasi Seinäjoen kaupungin\nperusturvajohtaja Kari Hakala.': a wrapped sentence
    np = parse_name(line, c)
    if np is None or " " not in np.name.text or not is_first_name(bare_word(np.name.text.split()[0])):
        return None
    title = [w for w in np.before if is_job_title(w, c) or is_name_title(w, c)]
    if len(title) != len(np.before) or (need_title and not title):
        return None
    after = line.text[np.name.end - line.start:].strip()  # with the comma the name's token kept
    bracket = after.startswith("(") and after.endswith(")") and after.count("(") == 1
    comma = after.startswith(",") and after.lstrip(", ")[:1].isupper() and attribute_like(after.lstrip(", "), c)
    if after and not (bracket or comma):
        return None  # 'Professori X (Stakes) käsitteli ...' is a sentence, not a presenter line
    e = Entry(np.name, "speaker", 0.7, True, end=line.end if after else np.name.end)
    e.role, e.role_raw = Role.SPEAKER, " ".join(title).casefold() or None
    if after:
        add_attribute(e, after.lstrip(", "), c)
    return e


def _titled_tail(line: Piece, c: Cues) -> Entry | None:
    """'to 17.9.2009 klo 9 Kunnantalo projektipäällikkö Sari Nyberg': a title slide whose lines
    a PDF reader ran into one paragraph ends with the presenter, a lower-case title first."""
    toks = line.text.split()
    for k in range(len(toks) - 3, max(len(toks) - 6, 0), -1):
        if toks[k][:1].islower() and is_job_title(toks[k], c) and not toks[k - 1].endswith("."):
            start = len(" ".join(toks[:k])) + 1
            return _titled_line(line.sub(start), c)
    return None


def programme_speakers(doc: Document, c: Cues) -> list[Entry]:
    """'12.30 ARVO-hanke lyhyesti – Tuija Nieminen', '9.15–10.00 Opening – Dr Jane Roe, University of Leeds'.

    A programme line starts with a time and ends with a dash and the presenter.
    """
    found = []
    for block in doc.blocks:
        if block.kind == BlockKind.TABLE:
            continue
        for line in piece_lines(Piece(block.text, block.start)):
            m = c.programme_time.match(line.text)
            if not m:
                continue
            dashes = [d for d in re.finditer(r"\s[-–—]\s", line.text) if d.start() > m.end()]
            if not dashes:
                continue
            tail = line.sub(dashes[-1].end())
            if (e := _titled_line(tail, c, need_title=False)) is not None:
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


def prose_speakers(doc: Document, prose: list[ProseBlock], c: Cues) -> list[Entry]:
    """Speakers of seminar or slide material named in running text.

    'Professori X (Stakes / THL) käsitteli ...' and 'Dr Y (University of Leeds) spoke
    about ...': a title or a bracketed organisation, then a presenting verb after the
    name; 'Seminaarin avasi perusturvajohtaja X.': the verb before a titled name that
    ends its clause.
    """
    found: list[Entry] = []
    if not speaker_context(doc, c, blocks=TITLE_BLOCKS):
        return []
    verbs = {v[0] for v in c.presenting_verbs if v}
    needs = phrase_needs(v[:1] for v in c.presenting_verbs)  # a block needs a verb's first word; () any text
    for block in prose:
        if not block.may_hold(needs):
            continue
        for toks, words in block.sentences:
            if verbs.isdisjoint(words) and () not in c.presenting_verbs:
                continue  # no presenting verb, so no speaker: spares names_in, the costly part
            for i, j in names_in(toks, c):
                if (e := _speaker_in(toks, words, i, j, doc.text, c)) is not None:
                    found.append(e)
    return found


def _speaker_in(toks: list[Tok], words: list[str], i: int, j: int, text: str, c: Cues) -> Entry | None:
    title = toks[i - 1].text if i > 0 and (is_name_title(toks[i - 1].text, c)
                                           or is_job_title(toks[i - 1].text, c)) else None
    k = j
    org = None
    if k < len(toks) and toks[k].text.startswith("(") and not toks[j - 1].text.endswith((",", ".")):
        org = toks[k].text.strip("()").strip() or None
        k += 1
    verb_after = _verb_at(words, k, c) and not toks[k - 1].text.endswith((".", ";"))
    verb_before = False
    if title and (j == len(toks) or toks[j - 1].text.endswith((".", ",")) or toks[j].text.startswith("(")):
        lead = words[max(0, i - 6):i - 1]
        verb_before = any(_verb_at(lead, n, c) for n in range(len(lead)))
    if not ((title or org) and verb_after) and not verb_before:
        return None
    if not title and not is_first_name(bare_word(toks[i].text)):
        return None
    n_verb = next((len(v) for v in c.presenting_verbs if tuple(words[k:k + len(v)]) == v), 0) if verb_after else 0
    # The evidence runs from the title to the verb: 'Professori X (Stakes / THL) käsitteli'.
    e = Entry(name_piece(toks, i, j, text), "speaker", 0.7, True, start=toks[i - 1].start if title else None,
              end=toks[k + n_verb - 1].end if n_verb else None)
    e.role, e.role_raw = Role.SPEAKER, title.strip(",.").casefold() if title else None
    if org and org[:1].isupper():
        e.org.append(org)
    return e


def _verb_at(words: list[str], k: int, c: Cues) -> bool:
    return any(tuple(words[k:k + len(v)]) == v for v in c.presenting_verbs)


def speaker_context(doc: Document, c: Cues, blocks: int = 12) -> bool:
    """Slides, or seminar words in the first ``blocks`` blocks (a seminar summary, a programme)."""
    if doc.format in ("pptx", "ppt", "odp") or _slide_pages(doc):
        return True
    context = " ".join(b.text.casefold() for b in doc.blocks[:blocks] if b.kind != BlockKind.TABLE)
    return any(w in context for w in c.speaker_context)


def _slide_pages(doc: Document) -> bool:
    """A slide deck converted to PDF: several pages of little text, most opening with a heading
    (a memo or report page holds 800+ characters)."""
    pages: dict[int | None, list] = {}
    for b in doc.blocks:
        pages.setdefault(b.page, []).append(b)
    if len(pages) < SLIDE_MIN_PAGES or None in pages:
        return False
    chars = sum(len(b.text) for b in doc.blocks) / len(pages)
    headed = sum(bs[0].kind == BlockKind.HEADING for bs in pages.values())
    return chars <= SLIDE_MAX_CHARS and headed * 2 >= len(pages)  # ... each opening with its title
