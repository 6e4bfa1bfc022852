"""One extractor per record type; ``extract_records`` runs them in dependency order."""
from __future__ import annotations

import datetime as dt

from extractors.nlp import forget, prime
from schemas.document import Document
from schemas.records import Records

from . import attendees, commitments, contacts, dates, decisions, kind, language, meetings, tables
from .clauses import model_windows
from .context import Context
from .document_date import document_date
from .sentences import sentences
from .verbs import model_sentences


def extract_records(doc: Document) -> Records:
    """All records of ``doc``: a pure function of the document, no I/O."""
    records = Records()
    info = records.document
    info.language = lang = language.document_language(doc)
    rules_lang = lang if lang != "und" else "fi"
    info.title = doc.title
    info.kind, info.kind_confidence = kind.classify_kind(doc, rules_lang)

    readings = dates.read_dates(doc.text, rules_lang)
    first_pass = readings.dated()
    info.date = document_date(doc, first_pass, info.kind, rules_lang)
    reference = dt.date.fromisoformat(info.date) if info.date else None
    found = readings.dated(reference) if reference else first_pass
    records.dates = dates.to_mentions(doc, found)

    sents = sentences(doc, rules_lang)
    # the model's questions about this document's sentences, asked in one batch
    texts = [s.text for s in sents]
    forget()
    prime(model_sentences(texts, rules_lang) + [w for t in texts for w in model_windows(t, rules_lang)], rules_lang)
    ctx = Context(doc, rules_lang, info.date, info.kind, found)
    records.meetings, own = meetings.extract_meetings(ctx, sents)
    records.attendees = attendees.extract_attendees(doc, rules_lang)
    records.decisions = decisions.extract_decisions(ctx, sents, records.meetings, own)
    _number(records.decisions, "decision")
    people = [a.name for a in records.attendees]
    records.commitments = commitments.extract_commitments(
        ctx, sents, records.meetings, records.decisions, own, people)
    records.contacts = contacts.extract_contacts(doc, rules_lang)
    records.tables = tables.extract_tables(doc)
    for name in ("meetings", "attendees", "commitments", "dates", "contacts", "tables"):
        _number(getattr(records, name), name.rstrip("s"))
    return records


def _number(items: list, prefix: str) -> None:
    for i, item in enumerate(items, 1):
        item.id = f"{prefix}-{i}"
