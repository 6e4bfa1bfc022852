"""A Result as the archive's rows, built where the Result was made.

A batch's workers call ``result_rows``, so the one writer only unpickles plain
tuples, turns entity references into ids and runs SQL: with two workers the
writer's CPU is taken from theirs. Rows leave out ``run_id`` (the writer adds
it); person and organisation columns hold an ``EntityRef`` the writer resolves.
"""
from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, fields
from functools import cache
from operator import attrgetter
from typing import Any, get_type_hints

from pipeline.entities import base_key, is_person_name, organisation_kind, person_key
from pipeline.run import Result
from schemas.records import RECORD_TYPES, Commitment, Record, Records

RECORD_TABLES: tuple[str, ...] = tuple(RECORD_TYPES)
# Record fields stored under another column name (``end`` is an SQL keyword;
# a table record's own block/page would clash with the evidence columns).
RENAMED: dict[str, dict[str, str]] = {
    "meetings": {"start": "start_time", "end": "end_time"},
    "tables": {"block": "table_block", "page": "table_page"},
}
# Fields kept outside the record's own row: commitment actors have a link table.
LINKED: dict[str, set[str]] = {"commitments": {"actors", "actors_raw"}}
EVIDENCE_COLUMNS = ("block", "page", "span_start", "span_end", "quote", "extractor",
                    "extractor_version", "confidence")
NO_EVIDENCE = (None,) * len(EVIDENCE_COLUMNS)
# Columns holding the base-form key of a field (``--place Kerava`` finds "Keravalla").
KEY_COLUMNS: dict[str, tuple[tuple[str, str], ...]] = {
    "meetings": (("place_key", "place"), ("body_key", "body")),
    "decisions": (("body_key", "body"),),
}
# The entity links a record table carries: columns the writer fills with ids.
ENTITY_COLUMNS: dict[str, tuple[str, ...]] = {
    "attendees": ("person_id", "organisation_id"),
    "contacts": ("person_id", "organisation_id"),
}
DOCUMENT_COLUMNS = ("id", "source", "format", "kind", "kind_confidence", "language", "date", "title",
                    "source_title", "pages", "metadata", "text")
BLOCK_COLUMNS = ("document_id", "block_index", "kind", "text", "page", "level", "span_start",
                 "span_end", "rows", "ocr", "ocr_confidence")

EntityRef = tuple[str, str, str, "str | None"]  # (table, key, name, kind): a person or organisation
ActorRef = tuple[EntityRef, bool, "EntityRef | None"]  # as a person, name-shaped?, as an organisation


@dataclass
class TableRows:
    """One record table's rows: own and evidence columns, then entity references per row."""

    columns: tuple[str, ...]
    rows: list[tuple[Any, ...]]
    entity_columns: tuple[str, ...] = ()
    entities: list[tuple[EntityRef | None, ...]] | None = None


@dataclass
class RecordRows:
    """A document's records as rows: the tables that have any, in ``RECORD_TABLES`` order, and
    the commitment actors as (commitment position, index, name, raw, ActorRef or None)."""

    doc_id: str
    tables: dict[str, TableRows]
    actors: list[tuple[int, int, str | None, str | None, ActorRef | None]]


@dataclass
class ArchiveRows:
    """What the writer stores for one document, and what the batch reports of it."""

    document: tuple[Any, ...]  # DOCUMENT_COLUMNS
    blocks: list[tuple[Any, ...]]  # BLOCK_COLUMNS
    records: RecordRows
    counts: dict[str, int]

    @property
    def doc_id(self) -> str:
        return self.records.doc_id

    @property
    def format(self) -> str:
        return self.document[DOCUMENT_COLUMNS.index("format")]

    @property
    def pages(self) -> int | None:
        return self.document[DOCUMENT_COLUMNS.index("pages")]


def result_rows(result: Result) -> ArchiveRows:
    """Everything ``Archive.write_result`` stores for ``result``, but run ids and entity ids."""
    doc, records = result.document, result.records
    info = records.document
    document = (doc.id, doc.source, doc.format, str(info.kind), info.kind_confidence, info.language,
                info.date, info.title or doc.title, doc.title, doc.pages,
                json.dumps(doc.metadata, ensure_ascii=False, default=str), doc.text)
    blocks = [(doc.id, b.index, str(b.kind), b.text, b.page, b.level, b.start, b.end,
               None if b.rows is None else to_column(b.rows), int(b.ocr), b.ocr_confidence)
              for b in doc.blocks]
    counts = {t: len(getattr(records, t)) for t in RECORD_TABLES}
    return ArchiveRows(document, blocks, record_rows(doc.id, records), counts)


def record_rows(doc_id: str, records: Records) -> RecordRows:
    """The rows of a document's records (also what re-extraction stores)."""
    tables: dict[str, TableRows] = {}
    for table in RECORD_TABLES:
        items: list[Record] = getattr(records, table)
        if not items:
            continue
        own = column_values(table)
        keyed = [f for _, f in KEY_COLUMNS.get(table, ())]
        rows = []
        for position, r in enumerate(items):
            ev = r.evidence
            evidence = ((ev.block, ev.page, ev.start, ev.end, ev.quote, ev.extractor, ev.version,
                         ev.confidence) if ev else NO_EVIDENCE)
            keys = [base_key(getattr(r, f) or "") or None for f in keyed]
            rows.append((doc_id, position, r.id, *own(r), *keys, *evidence))
        columns = ("document_id", "position", "record_id", *(c for _, c in record_columns(table)),
                   *(c for c, _ in KEY_COLUMNS.get(table, ())), *EVIDENCE_COLUMNS)
        entities = ENTITY_COLUMNS.get(table, ())
        tables[table] = TableRows(columns, rows, entities,
                                  [_entity_refs(table, r) for r in items] if entities else None)
    return RecordRows(doc_id, tables, _actor_rows(records.commitments))


def _actor_rows(commitments: list[Commitment]) -> list[tuple[int, int, str | None, str | None, ActorRef | None]]:
    """(commitment position, index, name, raw, ActorRef) of every actor; names and raw forms pair by index."""
    rows = []
    for position, c in enumerate(commitments):
        for i in range(max(len(c.actors), len(c.actors_raw))):
            name = c.actors[i] if i < len(c.actors) else None
            raw = c.actors_raw[i] if i < len(c.actors_raw) else None
            rows.append((position, i, name, raw, actor_ref(name or raw or "")))
    return rows


def person_ref(name: str | None) -> EntityRef | None:
    key = person_key(name or "")
    return ("persons", key, name.strip(), None) if key else None  # type: ignore[union-attr]


def organisation_ref(name: str | None) -> EntityRef | None:
    key = base_key(name or "")
    if not key:
        return None
    return ("organisations", key, " ".join(name.split()), organisation_kind(name))  # type: ignore[union-attr,arg-type]


def actor_ref(actor: str) -> ActorRef | None:
    """A commitment actor is a person when the archive knows the name or it is name-shaped, else
    an organisation or body: the writer decides, since only it knows the archive's persons."""
    person = person_ref(actor)
    if person is None:
        return None
    return person, is_person_name(actor), organisation_ref(actor)


def _entity_refs(table: str, r: Any) -> tuple[EntityRef | None, EntityRef | None]:
    if table == "attendees":
        return person_ref(r.name), organisation_ref(r.organization or r.organization_raw)
    return person_ref(r.name), organisation_ref(r.organization)


@cache
def record_columns(table: str) -> list[tuple[str, str]]:
    """(field name, column name) of a record type's own columns, in dataclass order."""
    cls = RECORD_TYPES[table]
    skip = {"evidence", "id"} | LINKED.get(table, set())
    renamed = RENAMED.get(table, {})
    return [(f.name, renamed.get(f.name, f.name)) for f in fields(cls) if f.name not in skip]


@cache
def hints(cls: type) -> dict[str, Any]:
    return get_type_hints(cls)


@cache
def column_values(table: str) -> Callable[[Any], tuple[Any, ...]]:
    """A function giving a record's own column values, converting only the fields that
    need it (lists to JSON, booleans to 0/1): this runs for every row of every document."""
    names = [f for f, _ in record_columns(table)]
    types = hints(RECORD_TYPES[table])
    convert = [k for k, f in enumerate(names)
               if types[f] is bool or getattr(types[f], "__origin__", None) in (list, dict)]
    get = attrgetter(*names)  # every record type has several fields: this gives a tuple
    if not convert:
        return get

    def values(r: Any) -> tuple[Any, ...]:
        row = list(get(r))
        for k in convert:
            row[k] = to_column(row[k])
        return tuple(row)
    return values


def to_column(value: Any) -> Any:
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, bool):
        return int(value)
    return value
