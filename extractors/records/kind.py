"""Document kind (minutes, agenda, slides, bulletin, plan, report, other) from cue words and structure."""
from __future__ import annotations

from collections import Counter

from schemas.document import BlockKind, Document
from schemas.records import DocKind

from . import cues

TITLE_BLOCKS = 4
EMAIL_HEAD_LINES = 12
EMAIL_LABELS = 3  # From/Sent/To/Subject: three distinct labels make a mail header, one 'Date:' does not
REGISTRATION_WEIGHT = 5.0  # a call to register outweighs a title naming the event (a seminar) and the fields of the notice
PRESENTATION_PROGRAMS = ("impress", "powerpoint", "keynote")  # programs, not words: no language data
DECK_PAGES = 3
DECK_TITLED_SHARE = 0.75
SLIDE_CHARS = 500  # characters on an average page; a page of minutes or a report holds 800 or more
SLIDE_FORMATS = {"pptx", "odp", "ppt"}
KINDS = [k for k in DocKind if k != DocKind.OTHER]
FIELD_KINDS = (("field.time", (DocKind.MINUTES, DocKind.AGENDA)),
               ("field.place", (DocKind.MINUTES, DocKind.AGENDA)),
               ("field.attendance", (DocKind.MINUTES,)))


def classify_kind(doc: Document, lang: str) -> tuple[str, float]:
    """The most likely kind and a confidence in [0, 1]."""
    if is_email(doc, lang):
        return DocKind.OTHER, 0.9  # a mail export is a letter whatever it carries (minutes attached, a meeting moved)
    scores: Counter[str] = Counter()
    head = [b.text for b in doc.blocks[:TITLE_BLOCKS] if b.kind != BlockKind.TABLE]
    title_text = "\n".join(head)
    body_text = doc.text[:20000]
    first_line = doc.blocks[0].text.split("\n")[0][:60] if doc.blocks else ""
    for kind in KINDS:
        cue_id = f"kind.{kind}"
        if cues.search(lang, cue_id, title_text):
            scores[kind] += 4 if cues.search(lang, cue_id, first_line) else 3
        scores[kind] += 0.5 * cues.count(lang, cue_id, body_text, most=3)  # at most 1.5
    for kind, weight in _structure(doc, lang).items():
        scores[kind] += weight
    if not scores or max(scores.values()) < 1.5:
        return DocKind.OTHER, 0.3
    ranked = scores.most_common()
    best, top = ranked[0]
    runner = ranked[1][1] if len(ranked) > 1 else 0.0
    return best, round(min(0.99, 0.5 + (top - runner) / (2 * top)), 2)


def is_email(doc: Document, lang: str) -> bool:
    """A mail export: it opens with a header label ('Lähettäjä:', 'From:', 'Från:') and has several."""
    lines = [line.strip() for line in doc.text.split("\n")[:EMAIL_HEAD_LINES] if line.strip()]
    labels = [label for line in lines if (label := mail_header_label(line, lang))]
    return bool(lines) and bool(labels) and lines[0].casefold().startswith(labels[0]) \
        and len(set(labels)) >= EMAIL_LABELS


def mail_header_label(line: str, lang: str) -> str | None:
    """'Aihe: …', 'From: …', 'Skickat: …': the mail header label a line opens with, case-folded."""
    m = cues.search(lang, "kind.email_header", line)
    if m and m.start() == 0 and line[m.end():].lstrip(" \t").startswith(":"):
        return m.group(0).casefold()
    return None


def _field_line(line: str, cue_id: str, lang: str) -> bool:
    """'Aika: 5.2.2009', 'Paikka<TAB>Kerava': a label and one value; a table's header row
    ('Ajankohta<TAB>Koulutus<TAB>Paikka') names columns instead."""
    m = cues.search(lang, cue_id, line)
    if not m or m.start() > 2:
        return False
    values = {v.strip() for v in line[m.end():].strip(" :*").split("\t") if v.strip()}
    return len(values) <= 1


def _meeting_columns(doc: Document, lang: str) -> set[str]:
    """A log of meetings as one table ('Date | Time | Place of meeting | Members present | …'):
    the fields its header row names, when it names two of them."""
    for b in doc.blocks[:12]:
        if not b.rows:
            continue
        named = {field for field, _ in FIELD_KINDS
                 if any((m := cues.search(lang, field, cell)) and m.start() == 0 for cell in b.rows[0])}
        if len(named) >= 2:
            return named
    return set()


def _exported_deck(doc: Document) -> bool:
    """A deck saved as PDF: made by a presentation program, or pages that each open with a title
    and carry a few short lines (a slide), where a page of prose carries a thousand characters or more."""
    creator = str(doc.metadata.get("creator") or doc.metadata.get("application") or "").casefold()
    if any(p in creator for p in PRESENTATION_PROGRAMS):
        return True
    pages: dict[int, list] = {}
    for b in doc.blocks:
        if b.page:
            pages.setdefault(b.page, []).append(b)
    if len(pages) < DECK_PAGES:
        return False
    titled = sum(1 for bs in pages.values() if bs[0].kind in (BlockKind.HEADING, BlockKind.SLIDE_TITLE))
    chars = sum(len(b.text) for bs in pages.values() for b in bs) / len(pages)
    return titled >= DECK_TITLED_SHARE * len(pages) and chars <= SLIDE_CHARS


def _structure(doc: Document, lang: str) -> Counter[str]:
    """Evidence from layout: slide formats, repeated slide-title headings, meeting fields, tables."""
    s: Counter[str] = Counter()
    if doc.format in SLIDE_FORMATS or _exported_deck(doc):
        s[DocKind.SLIDES] += 5
    headings = [b.text.strip().lower() for b in doc.blocks if b.kind in (BlockKind.HEADING, BlockKind.SLIDE_TITLE)]
    repeated = sum(n for n in Counter(headings).values() if n > 1)
    if repeated >= 2:  # slide exports repeat their deck title; scanned pages repeat letterheads too
        s[DocKind.SLIDES] += 3 if doc.format in ("txt", "md") else 2
    if doc.blocks:
        short = sum(1 for b in doc.blocks if len(b.text) < 80 and b.kind != BlockKind.TABLE)
        if short / len(doc.blocks) > 0.6 and len(doc.blocks) > 20:
            s[DocKind.SLIDES] += 1
        table_chars = sum(len(b.text) for b in doc.blocks if b.kind == BlockKind.TABLE)
        if table_chars > 0.5 * len(doc.text):
            s[DocKind.PLAN] += 1
    # time and place fields head minutes and agendas alike; an attendance list only minutes
    columns = _meeting_columns(doc, lang)
    for field, kinds in FIELD_KINDS:
        if any(_field_line(line, field, lang) for b in doc.blocks[:12] for line in b.text.split("\n")):
            weight = 1.5
        else:  # a column of a meeting log says less than a field heading the document
            weight = 0.75 if field in columns else 0.0
        for kind in kinds:
            s[kind] += weight
    # an event one is asked to register for (a seminar notice, a training call) is announced, not minuted
    if cues.search(lang, "kind.registration", doc.text[:20000]):
        s[DocKind.BULLETIN] += REGISTRATION_WEIGHT
    # only minutes tell that the meeting was opened or closed ('öppnade mötet'): as strong as a title;
    # an agenda's items ('Mötet öppnas', 'Call to order') say what will happen, so they are not these cues
    if cues.search(lang, "kind.minutes_record", doc.text[:30000]):
        s[DocKind.MINUTES] += 4
    return s
