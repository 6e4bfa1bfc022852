"""Record types extracted from a Document, each carrying its Evidence.

Raw and normalised values sit side by side (``raw`` / ``value``). Field names
and enumerations follow the scoring contract in ``shared/eval/GOLD_FORMAT.md``.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from enum import StrEnum
from typing import Any


class DocKind(StrEnum):
    MINUTES = "minutes"
    AGENDA = "agenda"
    SLIDES = "slides"
    BULLETIN = "bulletin"
    PLAN = "plan"
    REPORT = "report"
    OTHER = "other"


class MeetingStatus(StrEnum):
    HELD = "held"
    PLANNED = "planned"
    CANCELLED = "cancelled"


class AttendeeStatus(StrEnum):
    PRESENT = "present"
    ABSENT = "absent"


class Role(StrEnum):
    CHAIR = "chair"
    VICE_CHAIR = "vice_chair"
    SECRETARY = "secretary"
    MEMBER = "member"
    SPEAKER = "speaker"
    GUEST = "guest"
    OTHER = "other"


class DecisionType(StrEnum):
    DECIDED = "decided"
    AGREED = "agreed"
    NOTED = "noted"
    APPROVED = "approved"
    ELECTED = "elected"
    POSTPONED = "postponed"
    CANCELLED = "cancelled"


@dataclass
class Evidence:
    """Where a record came from: block, page or slide, character span, quote."""

    block: int | None
    page: int | None
    start: int
    end: int
    quote: str
    extractor: str
    version: str
    confidence: float


@dataclass
class Record:
    evidence: Evidence | None = field(default=None, kw_only=True)
    id: str | None = field(default=None, kw_only=True)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class DocumentInfo(Record):
    kind: str = DocKind.OTHER
    kind_confidence: float = 0.0
    language: str = "und"
    date: str | None = None
    title: str | None = None


@dataclass
class DateMention(Record):
    """A date, time or period as written (``text``) and normalised (``value``)."""

    text: str
    value: str | None
    type: str = "date"  # date | time | datetime | period
    start_time: str | None = None
    end_time: str | None = None
    weekday_mismatch: bool = False
    valid: bool = True
    problem: str | None = None


@dataclass
class Meeting(Record):
    date: str | None
    status: str
    start: str | None = None
    end: str | None = None
    place: str | None = None
    body: str | None = None


@dataclass
class Attendee(Record):
    name: str
    status: str
    raw_name: str | None = None
    organization: str | None = None
    organization_raw: str | None = None
    role: str = Role.MEMBER
    role_raw: str | None = None
    deputy: bool = False


@dataclass
class Decision(Record):
    text: str
    type: str
    date: str | None = None
    item_number: str | None = None
    item_title: str | None = None
    body: str | None = None


@dataclass
class Commitment(Record):
    text: str
    actors: list[str] = field(default_factory=list)
    actors_raw: list[str] = field(default_factory=list)
    due: str | None = None
    due_raw: str | None = None
    decision: str | None = None


@dataclass
class Contact(Record):
    name: str | None
    title: str | None = None
    organization: str | None = None
    email: str | None = None
    phone: str | None = None


@dataclass
class TableRecord(Record):
    rows: list[list[str]]
    block: int | None = None
    page: int | None = None


@dataclass
class Records:
    """Everything extracted from one document."""

    document: DocumentInfo = field(default_factory=DocumentInfo)
    meetings: list[Meeting] = field(default_factory=list)
    attendees: list[Attendee] = field(default_factory=list)
    decisions: list[Decision] = field(default_factory=list)
    commitments: list[Commitment] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    contacts: list[Contact] = field(default_factory=list)
    tables: list[TableRecord] = field(default_factory=list)


RECORD_TYPES: dict[str, type[Record]] = {
    "meetings": Meeting,
    "attendees": Attendee,
    "decisions": Decision,
    "commitments": Commitment,
    "dates": DateMention,
    "contacts": Contact,
    "tables": TableRecord,
}
