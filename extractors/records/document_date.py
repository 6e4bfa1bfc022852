"""The document's own date. Minutes and agendas: the date of their meeting ('Aika: …'); letters,
reports and bulletins: the date they were signed ('Järvenpäässä 29. elokuuta 2008'); otherwise
the most specific date in the header, else the first full date in the text."""
from __future__ import annotations

import datetime as dt
import re
from email.utils import parsedate_to_datetime

from schemas.document import Document
from schemas.records import DocKind

from . import cues
from .dates import DateMatch
from .meetings_fields import field_value
from .normalise import find_municipalities

HEADER_BLOCKS = 8
MAIL_HEAD_LINES = 12
MEETING_DAYS = dt.timedelta(days=4)  # a span of a few days is one event; a month or a year is a period
DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
SIGNATURE_FILLER = re.compile(r"^[\s,.:]*(?:(?:den|the)\s+)?$", re.I)  # 'Helsingfors den 3 mars 2009'
SIGNED_KINDS = (DocKind.REPORT, DocKind.BULLETIN, DocKind.OTHER)


def _specificity(d: DateMatch) -> int:
    """Day > month > longer period; invalid and bare times do not count."""
    if not d.valid or not d.value or d.type == "time":
        return 0
    if DAY.match(d.value):
        return 3
    start, _, end = d.value.partition("/")
    if DAY.match(start) and DAY.match(end) and \
            dt.date.fromisoformat(end) - dt.date.fromisoformat(start) <= MEETING_DAYS:
        return 3  # a meeting of two days ('6–7 April 2006', '11.–12.3.2008') is dated by its first
    if end and end != ".." and end[:7] == start[:7]:
        return 2
    return 1


def document_date(doc: Document, dates: list[DateMatch], kind: str | None = None, lang: str = "fi") -> str | None:
    """ISO date of the document (a month period gives its first day)."""
    if kind in (DocKind.MINUTES, DocKind.AGENDA) and (met := _meeting_field_date(doc, dates, lang)):
        return met
    if kind == DocKind.OTHER and (sent := _mail_date(doc, dates, lang)):
        return sent
    if kind in SIGNED_KINDS and (signed := _signature_date(doc, dates)):
        return signed
    header_end = doc.blocks[min(HEADER_BLOCKS, len(doc.blocks)) - 1].end if doc.blocks else 0
    header = [d for d in dates if d.start < header_end and _specificity(d)]
    if header:
        best = max(_specificity(d) for d in header)
        if best >= 2:
            chosen = next(d for d in header if _specificity(d) == best)
            return chosen.value.split("/")[0]
    full = next((d for d in dates if _specificity(d) == 3), None)
    if full:
        return full.value.split("/")[0]
    return header[0].value.split("/")[0] if header else None


def _meeting_field_date(doc: Document, dates: list[DateMatch], lang: str) -> str | None:
    """The day on the header's time field ('Aika keskiviikkona 14. marraskuuta 2007'), which an
    agenda's letterhead sending date must not outrank."""
    for b in doc.blocks[:HEADER_BLOCKS]:
        at = b.start
        for line in b.text.split("\n"):
            line_end = at + len(line)
            first = line.split("\t", 1)[0] if "\t" in line else line
            if cues.search(lang, "field.time", first) and field_value(line, "field.time", lang, loose=True):
                day = next((d for d in dates if at <= d.start < line_end and _specificity(d) == 3), None)
                if day:
                    return day.value.split("/")[0]
            at = line_end + 1
    return None


def _mail_date(doc: Document, dates: list[DateMatch], lang: str) -> str | None:
    """A mail export is dated by its header's date field ('Päiväys: Mon, 29 Aug 2005 15:02:11 +0300',
    'Skickat: 3.4.2009 10:12'), not by the meeting it arranges."""
    at = 0
    for line in doc.text.split("\n")[:MAIL_HEAD_LINES]:
        m = cues.search(lang, "kind.email_date", line)
        if m and m.start() == 0 and line[m.end():].lstrip().startswith(":"):
            value = line[m.end():].lstrip()[1:].strip()
            try:  # RFC 2822, the form every mail client writes, whatever the language of its labels
                return parsedate_to_datetime(value).date().isoformat()
            except (TypeError, ValueError):
                pass
            day = next((d for d in dates if at <= d.start < at + len(line) and _specificity(d) == 3), None)
            if day:
                return day.value.split("/")[0]
        at += len(line) + 1
    return None


def _signature_date(doc: Document, dates: list[DateMatch]) -> str | None:
    """The last line that is only a place and a day: the signing of a letter or a report."""
    found = None
    for d in dates:
        if _specificity(d) != 3:
            continue
        line_start = doc.text.rfind("\n", 0, d.start) + 1
        line_end = doc.text.find("\n", d.end)
        line_end = len(doc.text) if line_end < 0 else line_end
        before, after = doc.text[line_start:d.start], doc.text[d.end:line_end]
        places = find_municipalities(before)
        if not places or places[0][0] != len(before) - len(before.lstrip()):
            continue
        if SIGNATURE_FILLER.match(before[places[0][1]:]) and not after.strip(" ."):
            found = d.value.split("/")[0]
    return found
