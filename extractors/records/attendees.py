"""Attendance lists -> Attendee records (work in progress: returns nothing yet)."""
from __future__ import annotations

from schemas.document import Document
from schemas.records import Attendee

NAME, VERSION = "attendees", "0"


def extract_attendees(doc: Document, lang: str) -> list[Attendee]:
    return []
