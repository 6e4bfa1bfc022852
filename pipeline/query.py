"""Reading the archive: record filters, full-text search, timeline, stats, errors, read-only SQL.

Every function takes a connection from ``pipeline.archive.connect`` (read-only
is enough) and returns plain dicts; the CLI prints them, the pandas API frames
them, the exports write them. Filter values are always bound as parameters.
"""
from __future__ import annotations

import json
import re
import sqlite3
from dataclasses import dataclass
from datetime import date
from typing import Any

from pipeline.archive import connect
from pipeline.archive_rows import EVIDENCE_COLUMNS, RECORD_TABLES, record_columns
from pipeline.entities import person_key, query_key
from schemas.records import RECORD_TYPES

QUERY_TABLES: tuple[str, ...] = ("documents", *RECORD_TABLES, "blocks")

# The date a record is filtered and ordered by (decisions: the meeting's date).
DATE_EXPR = {
    "documents": "d.date",
    "meetings": "COALESCE(t.date, d.date)",
    "decisions": "COALESCE(t.date, d.date)",
    "commitments": "COALESCE(t.due, d.date)",
    "dates": "t.value",
}
TYPE_COLUMN = {
    "documents": "d.format", "meetings": "t.status", "attendees": "t.role",
    "decisions": "t.type", "dates": "t.type", "blocks": "t.kind",
}
TEXT_COLUMNS = {
    "documents": ("d.title", "d.text"),
    "meetings": ("t.place", "t.body"),
    "attendees": ("t.name", "t.raw_name", "t.organization", "t.organization_raw"),
    "decisions": ("t.text", "t.item_title"),
    "commitments": ("t.text",),
    "dates": ("t.text",),
    "contacts": ("t.name", "t.title", "t.organization", "t.email"),
    "tables": ("t.rows",),
    "blocks": ("t.text",),
}
INTERNAL_COLUMNS = {"place_key", "body_key", "position"}
JSON_COLUMNS = {"rows", "metadata"}
BOOL_COLUMNS = {"deputy", "weekday_mismatch", "valid", "ocr"}

ORG_IDS = "SELECT id FROM organisations WHERE words_match(key, :org)"
PERSON_IDS = "SELECT id FROM persons WHERE words_match(key, :person)"
# A document "involves" an organisation or person when any of its records links to it.
DOC_HAS_ORG = (
    "(EXISTS (SELECT 1 FROM attendees x WHERE x.document_id = d.id AND x.organisation_id IN ({ids}))"
    " OR EXISTS (SELECT 1 FROM contacts x WHERE x.document_id = d.id AND x.organisation_id IN ({ids}))"
    " OR EXISTS (SELECT 1 FROM commitment_actors a JOIN commitments x ON x.id = a.commitment_id"
    "  WHERE x.document_id = d.id AND a.organisation_id IN ({ids}))"
    " OR EXISTS (SELECT 1 FROM meetings x WHERE x.document_id = d.id"
    "  AND (words_match(x.place_key, :org) OR words_match(x.body_key, :org))))").format(ids=ORG_IDS)
DOC_HAS_PERSON = (
    "(EXISTS (SELECT 1 FROM attendees x WHERE x.document_id = d.id AND x.person_id IN ({ids}))"
    " OR EXISTS (SELECT 1 FROM contacts x WHERE x.document_id = d.id AND x.person_id IN ({ids}))"
    " OR EXISTS (SELECT 1 FROM commitment_actors a JOIN commitments x ON x.id = a.commitment_id"
    "  WHERE x.document_id = d.id AND a.person_id IN ({ids})))").format(ids=PERSON_IDS)
DOC_HAS_BODY = (
    "(EXISTS (SELECT 1 FROM meetings x WHERE x.document_id = d.id AND words_match(x.body_key, :body))"
    " OR EXISTS (SELECT 1 FROM decisions x WHERE x.document_id = d.id"
    "  AND words_match(x.body_key, :body)))")
ORG_FILTER = {
    "attendees": f"t.organisation_id IN ({ORG_IDS})",
    "contacts": f"t.organisation_id IN ({ORG_IDS})",
    "commitments": ("EXISTS (SELECT 1 FROM commitment_actors a WHERE a.commitment_id = t.id"
                    f" AND a.organisation_id IN ({ORG_IDS}))"),
    "meetings": "(words_match(t.place_key, :org) OR words_match(t.body_key, :org))",
    "decisions": "words_match(t.body_key, :org)",
}
PERSON_FILTER = {
    "attendees": f"t.person_id IN ({PERSON_IDS})",
    "contacts": f"t.person_id IN ({PERSON_IDS})",
    "commitments": ("EXISTS (SELECT 1 FROM commitment_actors a WHERE a.commitment_id = t.id"
                    f" AND a.person_id IN ({PERSON_IDS}))"),
    "meetings": ("EXISTS (SELECT 1 FROM attendees x WHERE x.document_id = t.document_id"
                 f" AND x.person_id IN ({PERSON_IDS}))"),
    "decisions": ("EXISTS (SELECT 1 FROM attendees x WHERE x.document_id = t.document_id"
                  f" AND x.person_id IN ({PERSON_IDS}) AND COALESCE(x.status, '') != 'absent')"),
}
BODY_FILTER = {
    "meetings": "words_match(t.body_key, :body)",
    "decisions": "words_match(t.body_key, :body)",
}
ISO_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


class QueryError(Exception):
    """A one-line reason a query cannot run (bad filter, refused SQL, bad search syntax)."""


@dataclass
class Filters:
    """What to keep; ``None`` everywhere keeps everything."""

    since: str | None = None
    until: str | None = None
    body: str | None = None
    org: str | None = None
    person: str | None = None
    kind: str | None = None      # the source document's kind: minutes, bulletin, ...
    type: str | None = None      # the record's own type: decision type, meeting status, role, ...
    text: str | None = None      # case-insensitive substring of the record's text fields
    document: str | None = None  # a document id
    limit: int | None = None


def check_date(value: str | None, *, end: bool = False) -> str | None:
    """An ISO date, year or year-month; a partial ``until`` stretches to the period's end."""
    if value is None:
        return None
    value = value.strip()
    if not ISO_DATE.match(value):
        raise QueryError(f"not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD): {value!r}")
    if end and len(value) == 4:
        return value + "-12-31"
    if end and len(value) == 7:
        return value + "-31"
    return value


def _like(text: str) -> str:
    return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def _where(table: str, f: Filters) -> tuple[list[str], dict[str, Any]]:
    """SQL conditions (fixed text from this module) and their bound values."""
    where: list[str] = []
    params: dict[str, Any] = {}
    date_expr = DATE_EXPR.get(table, "d.date")
    since, until = check_date(f.since), check_date(f.until, end=True)
    if since:
        where.append(f"substr({date_expr}, 1, 10) >= :since")
        params["since"] = since
    if until:
        # An interval "2009-03-01/2009-05-31" counts from its first day.
        where.append(f"substr({date_expr}, 1, 10) <= :until")
        params["until"] = until
    if f.document:
        where.append("d.id = :document")
        params["document"] = f.document
    if f.kind:
        where.append("d.kind = :kind")
        params["kind"] = f.kind
    if f.type:
        column = TYPE_COLUMN.get(table)
        if column is None:
            raise QueryError(f"--type does not apply to {table}")
        where.append(f"{column} = :type")
        params["type"] = f.type
    if f.text:
        columns = TEXT_COLUMNS[table]
        where.append("(" + " OR ".join(f"fold({c}) LIKE fold(:text) ESCAPE '\\'" for c in columns) + ")")
        params["text"] = _like(f.text)
    if f.body:
        where.append(BODY_FILTER.get(table, DOC_HAS_BODY))
        params["body"] = query_key(f.body)
    if f.org:
        where.append(ORG_FILTER.get(table, DOC_HAS_ORG))
        params["org"] = query_key(f.org)
    if f.person:
        where.append(PERSON_FILTER.get(table, DOC_HAS_PERSON))
        params["person"] = person_key(f.person)
    return where, params


def select_records(conn: sqlite3.Connection, table: str, f: Filters | None = None) -> list[dict[str, Any]]:
    """Rows of ``table`` (a record type, ``documents`` or ``blocks``) with document id and source."""
    if table not in QUERY_TABLES:
        raise QueryError(f"unknown record type {table!r} (one of {', '.join(QUERY_TABLES)})")
    f = f or Filters()
    where, params = _where(table, f)
    date_expr = DATE_EXPR.get(table, "d.date")
    if table == "documents":
        sql = "SELECT d.* FROM documents d"
        order = f"{date_expr} IS NULL, {date_expr}, d.source"
    else:
        position = "t.block_index" if table == "blocks" else "t.position"
        sql = f"SELECT t.*, d.source AS source FROM {table} t JOIN documents d ON d.id = t.document_id"
        order = f"{date_expr} IS NULL, substr({date_expr}, 1, 10), d.source, {position}"
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += f" ORDER BY {order}"
    if f.limit is not None:
        sql += " LIMIT :limit"
        params["limit"] = int(f.limit)
    rows = [dict(r) for r in conn.execute(sql, params)]
    if table == "commitments":
        _attach_actors(conn, rows)
    return [_shape(table, r) for r in rows]


def columns_of(conn: sqlite3.Connection, table: str) -> list[str]:
    """The keys ``select_records`` gives each row of ``table``, known even for an empty table."""
    if table not in QUERY_TABLES:
        raise QueryError(f"unknown record type {table!r}")
    if table == "documents":
        cur = conn.execute("SELECT d.* FROM documents d LIMIT 0")
    else:
        cur = conn.execute(f"SELECT t.*, d.source AS source FROM {table} t"
                           " JOIN documents d ON d.id = t.document_id LIMIT 0")
    blank = {d[0]: None for d in cur.description}
    if table == "commitments":
        blank.update(actors=None, actors_raw=None)
    return list(_shape(table, blank))


def _attach_actors(conn: sqlite3.Connection, rows: list[dict[str, Any]]) -> None:
    by_id = {r["id"]: r for r in rows}
    for r in rows:
        r["actors"], r["actors_raw"] = [], []
    if not by_id:
        return
    ids = list(by_id)
    for chunk in range(0, len(ids), 500):
        part = ids[chunk:chunk + 500]
        marks = ",".join("?" * len(part))
        for a in conn.execute(f"SELECT commitment_id, name, raw FROM commitment_actors"
                              f" WHERE commitment_id IN ({marks}) ORDER BY commitment_id, position", part):
            if a["name"] is not None:
                by_id[a["commitment_id"]]["actors"].append(a["name"])
            if a["raw"] is not None:
                by_id[a["commitment_id"]]["actors_raw"].append(a["raw"])


def _shape(table: str, row: dict[str, Any]) -> dict[str, Any]:
    """Column order: ids and source first, the record's fields, then evidence and run."""
    out: dict[str, Any] = {}
    if table == "documents":
        out = {k: v for k, v in row.items()}
    else:
        out["id"] = row["id"]
        out["document_id"] = row["document_id"]
        out["source"] = row["source"]
        if table in RECORD_TYPES:
            out["record_id"] = row["record_id"]
            names = [c for _, c in record_columns(table)]
            if table == "commitments":
                names[1:1] = ["actors", "actors_raw"]
            tail = [*EVIDENCE_COLUMNS, *(k for k in ("person_id", "organisation_id") if k in row),
                    "run_id"]
        else:
            names = [k for k in row if k not in ("id", "document_id", "source", "run_id")]
            tail = ["run_id"]
        for k in [*names, *tail]:
            out[k] = row[k]
    for k in list(out):
        if k in INTERNAL_COLUMNS:
            del out[k]
        elif k in JSON_COLUMNS and isinstance(out[k], str):
            out[k] = json.loads(out[k])
        elif k in BOOL_COLUMNS and out[k] is not None:
            out[k] = bool(out[k])
    return out


# -- full-text search --------------------------------------------------------

FTS_SOURCES = {
    "blocks": "t.block_index",
    "decisions": "t.block",
    "commitments": "t.block",
}


def _quoted(query: str) -> str:
    """The query as plain terms: each word quoted, a trailing * kept as a prefix query."""
    terms = []
    for word in query.split():
        star = word.endswith("*")
        word = word.rstrip("*").replace('"', '""')
        if word:
            terms.append(f'"{word}"' + ("*" if star else ""))
    return " ".join(terms)


def search(conn: sqlite3.Connection, query: str, limit: int = 50) -> list[dict[str, Any]]:
    """FTS5 matches in block, decision and commitment texts, best first, with snippets."""
    if not query.strip():
        raise QueryError("empty search query")
    parts = []
    for table, block in FTS_SOURCES.items():
        fts = f"{table}_fts"
        parts.append(
            f"SELECT '{table[:-1]}' AS found_in, t.id AS row_id, t.document_id, d.source,"
            f" {block} AS block, t.page, snippet({fts}, 0, '[', ']', '…', 12) AS snippet,"
            f" bm25({fts}) AS rank FROM {fts} JOIN {table} t ON t.id = {fts}.rowid"
            f" JOIN documents d ON d.id = t.document_id WHERE {fts} MATCH :q")
    sql = " UNION ALL ".join(parts) + " ORDER BY rank LIMIT :limit"
    try:
        return [dict(r) for r in conn.execute(sql, {"q": query, "limit": limit})]
    except sqlite3.OperationalError:
        pass  # not FTS5 syntax (unbalanced quotes, stray operators): search the words as written
    plain = _quoted(query)
    if not plain:
        raise QueryError(f"nothing to search for in {query!r}")
    try:
        return [dict(r) for r in conn.execute(sql, {"q": plain, "limit": limit})]
    except sqlite3.OperationalError as e:
        raise QueryError(f"cannot search for {query!r}: {e}") from e


# -- timeline ----------------------------------------------------------------

def _due_end(due: str) -> str:
    """The last day a due date or period allows: '2009-03-01/2009-05-31' -> '2009-05-31'."""
    return due.split("/")[-1]


def timeline(conn: sqlite3.Connection, f: Filters | None = None,
             today: date | None = None) -> list[dict[str, Any]]:
    """Meetings, attendance, decisions and commitments across documents in date order.

    Attendance rows appear when the timeline follows a person or an organisation;
    a commitment whose due date has passed by ``today`` is flagged overdue.
    """
    f = f or Filters()
    today_iso = (today or date.today()).isoformat()
    events: list[dict[str, Any]] = []
    for m in select_records(conn, "meetings", f):
        what = ", ".join(x for x in (m["body"], m["place"], _times(m)) if x)
        events.append(_event(m, m["date"], "meeting", what or "meeting", m["status"]))
    if f.person or f.org:
        for a in select_records(conn, "attendees", f):
            when = _meeting_date(conn, a["document_id"])
            what = " – ".join(x for x in (a["name"], a["organization"], a["role"]) if x)
            events.append(_event(a, when, "attendance", what, a["status"]))
    for d in select_records(conn, "decisions", f):
        events.append(_event(d, d["date"] or _document_date(conn, d["document_id"]), "decision",
                             d["text"], d["type"]))
    for c in select_records(conn, "commitments", f):
        status = None
        if c["due"]:
            status = "overdue" if _due_end(c["due"])[:10] < today_iso else "open"
        event = _event(c, c["due"] or _document_date(conn, c["document_id"]), "commitment",
                       c["text"], status)
        event["due"] = c["due"]
        event["actors"] = c["actors"]
        event["overdue"] = status == "overdue"
        events.append(event)
    kinds = {"meeting": 0, "attendance": 1, "decision": 2, "commitment": 3}
    events.sort(key=lambda e: (e["date"] is None, (e["date"] or "")[:10], kinds[e["type"]], e["source"]))
    return events


def _times(m: dict[str, Any]) -> str:
    if m["start_time"] and m["end_time"]:
        return f"{m['start_time']}–{m['end_time']}"
    return m["start_time"] or ""


def _event(row: dict[str, Any], when: str | None, kind: str, text: str | None,
           status: str | None) -> dict[str, Any]:
    return {"date": when, "type": kind, "text": text or "", "status": status,
            "document_id": row["document_id"], "source": row["source"], "quote": row["quote"],
            "due": None, "actors": None, "overdue": False}


def _document_date(conn: sqlite3.Connection, doc_id: str) -> str | None:
    row = conn.execute("SELECT date FROM documents WHERE id = ?", (doc_id,)).fetchone()
    return row[0] if row else None


def _meeting_date(conn: sqlite3.Connection, doc_id: str) -> str | None:
    """The date of the meeting a document records (its first held one), else the document's."""
    row = conn.execute("SELECT date FROM meetings WHERE document_id = ? AND date IS NOT NULL"
                       " ORDER BY status != 'held', position LIMIT 1", (doc_id,)).fetchone()
    return row[0] if row else _document_date(conn, doc_id)


# -- stats and errors --------------------------------------------------------

def stats(conn: sqlite3.Connection) -> dict[str, Any]:
    """Row counts, documents by format, kind and language, runs and errors."""
    tables = [r[0] for r in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE '%\\_fts%' ESCAPE '\\'"
        " AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name")]
    counts = {t: conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in tables}

    def group(column: str) -> dict[str, int]:
        return {str(k): n for k, n in conn.execute(
            f"SELECT COALESCE({column}, '?'), count(*) FROM documents GROUP BY 1 ORDER BY 2 DESC, 1")}

    last = conn.execute("SELECT * FROM runs ORDER BY id DESC LIMIT 1").fetchone()
    return {
        "schema_version": conn.execute("PRAGMA user_version").fetchone()[0],
        "tables": counts,
        "formats": group("format"),
        "kinds": group("kind"),
        "languages": group("language"),
        "dates": dict(zip(("first", "last"), conn.execute(
            "SELECT min(date), max(date) FROM documents").fetchone())),
        "last_run": dict(last) if last else None,
    }


def errors(conn: sqlite3.Connection, run: int | None = None) -> list[dict[str, Any]]:
    """Files that failed, newest run first; ``run`` keeps one run."""
    sql = ("SELECT e.run_id, e.file, e.stage, e.reason, e.time FROM errors e"
           + (" WHERE e.run_id = :run" if run is not None else "")
           + " ORDER BY e.run_id DESC, e.id")
    return [dict(r) for r in conn.execute(sql, {"run": run})]


# -- read-only SQL -----------------------------------------------------------

_LEADING_COMMENTS = re.compile(r"^(\s+|--[^\n]*(\n|$)|/\*.*?\*/)*", re.S)
_DENIED = {
    sqlite3.SQLITE_INSERT: "INSERT", sqlite3.SQLITE_UPDATE: "UPDATE", sqlite3.SQLITE_DELETE: "DELETE",
    sqlite3.SQLITE_ATTACH: "ATTACH", sqlite3.SQLITE_DETACH: "DETACH",
    sqlite3.SQLITE_TRANSACTION: "a transaction", sqlite3.SQLITE_SAVEPOINT: "SAVEPOINT",
    sqlite3.SQLITE_ALTER_TABLE: "ALTER", sqlite3.SQLITE_REINDEX: "REINDEX",
    sqlite3.SQLITE_ANALYZE: "ANALYZE",
}
_DDL = {v for k, v in vars(sqlite3).items() if k.startswith(("SQLITE_CREATE_", "SQLITE_DROP_"))}


def check_select(sql: str) -> str:
    """``sql`` when it is one SELECT or WITH statement, else QueryError with a one-line reason."""
    body = _LEADING_COMMENTS.sub("", sql, count=1)
    first = body.split(None, 1)[0].upper() if body.split() else ""
    first = re.split(r"\W", first, maxsplit=1)[0]
    if first not in ("SELECT", "WITH"):
        raise QueryError(f"refused: only a single SELECT or WITH statement is allowed (got {first or 'nothing'})")
    return sql


def run_sql(path: str, sql: str, params: dict[str, Any] | tuple[Any, ...] = ()) -> tuple[list[str], list[tuple[Any, ...]]]:
    """Run one SELECT through a read-only connection; returns column names and rows."""
    check_select(sql)
    conn = connect(path, readonly=True)
    refused: list[str] = []

    def authorize(action: int, arg1: str | None, arg2: str | None, db: str | None, src: str | None) -> int:
        # SQLite itself reads (and re-marks) sqlite_master while preparing any statement.
        if action in _DENIED and not (arg1 or "").startswith("sqlite_"):
            refused.append(_DENIED[action])
            return sqlite3.SQLITE_DENY
        if action in _DDL:
            refused.append("CREATE/DROP")
            return sqlite3.SQLITE_DENY
        return sqlite3.SQLITE_OK

    conn.set_authorizer(authorize)
    try:
        cur = conn.execute(sql, params)
        rows = [tuple(r) for r in cur.fetchall()]
        columns = [d[0] for d in cur.description or ()]
    except sqlite3.ProgrammingError as e:
        raise QueryError("refused: only a single SELECT or WITH statement is allowed"
                         if "one statement" in str(e) else f"SQL error: {e}") from e
    except sqlite3.DatabaseError as e:
        if refused:
            raise QueryError(f"refused: the archive is read-only here ({refused[0]} is not allowed)") from e
        raise QueryError(f"SQL error: {e}") from e
    finally:
        conn.close()
    return columns, rows
