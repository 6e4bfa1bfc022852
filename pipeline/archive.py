"""The SQLite archive: open and migrate, write one Result per transaction, read it back.

Writing is split from processing so a parallel batch runner can hand finished
documents to one writer, as ``ArchiveRows`` its workers built (``archive_rows``):
``has_document``/``document_exists`` tell the runner what it may skip,
``write_result`` stores one document atomically.
"""
from __future__ import annotations

import json
import os
import sqlite3
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timezone
from functools import cache
from pathlib import Path
from typing import Any, Literal

from pipeline.archive_rows import (BLOCK_COLUMNS, DOCUMENT_COLUMNS, RECORD_TABLES,
                                   ArchiveRows, EntityRef, RecordRows, hints, record_columns, record_rows,
                                   result_rows)
from pipeline.entities import words_match
from pipeline.run import Result
from schemas.document import Block, BlockKind, Document
from schemas.migrations import migrate
from schemas.records import RECORD_TYPES, DocumentInfo, Evidence, Records

DEFAULT_DB = Path("output/archive.sqlite")
WAL_CHECKPOINT_PAGES = 10_000  # ~40 MB of write-ahead log between checkpoints (SQLite: 1,000)
Outcome = Literal["added", "updated", "unchanged"]

MIN_ID_PREFIX = 4
FTS_TABLES = ("blocks", "decisions", "commitments")  # each has a <table>_fts full-text index
ENTITY_REFERENCES = {
    "persons": ("attendees", "contacts", "commitment_actors"),
    "organisations": ("attendees", "contacts", "commitment_actors"),
}


def now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def normal_path(path: str | os.PathLike[str]) -> str:
    """The absolute path a file is recorded under (symlinks kept: each path is its own)."""
    return os.path.abspath(os.fspath(path))


@cache
def code_version() -> str:
    """Package version plus the git commit when running from a checkout."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        v = version("arkisto")
    except PackageNotFoundError:
        v = "0"
    root = Path(__file__).resolve().parent.parent
    try:
        sha = subprocess.run(["git", "-C", str(root), "rev-parse", "--short", "HEAD"],
                             capture_output=True, text=True, timeout=5).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        sha = ""
    return f"{v}+g{sha}" if sha else v


def _from_column(hint: Any, value: Any) -> Any:
    if value is None:
        return None
    if hint is bool:
        return bool(value)
    if isinstance(value, str) and getattr(hint, "__origin__", None) is list:
        return json.loads(value)
    return value


def connect(path: str | os.PathLike[str], *, readonly: bool = False) -> sqlite3.Connection:
    """A connection in autocommit mode (we open transactions ourselves) with our SQL functions."""
    if readonly:
        uri = Path(os.path.abspath(path)).as_uri() + "?mode=ro"
        conn = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
        conn.execute("PRAGMA query_only = ON")
    else:
        conn = sqlite3.connect(os.fspath(path), isolation_level=None, check_same_thread=False)
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = NORMAL")
        # A batch commits one document at a time: fewer, larger checkpoints copy each page
        # many documents share (indexes) once for all of them (the writer's CPU per document
        # ~10% less). SQLite removes the log when the archive is closed.
        conn.execute(f"PRAGMA wal_autocheckpoint = {WAL_CHECKPOINT_PAGES:d}")
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA busy_timeout = 10000")
    conn.row_factory = sqlite3.Row
    conn.create_function("fold", 1, lambda s: s.casefold() if isinstance(s, str) else s,
                         deterministic=True)
    conn.create_function("words_match", 2, words_match, deterministic=True)
    return conn


class ArchiveError(Exception):
    """A one-line problem with the archive file (missing, not an archive, ambiguous reference)."""


class Archive:
    """One archive file. Writers use one instance; readers may open ``readonly``."""

    def __init__(self, path: str | os.PathLike[str] = DEFAULT_DB, *, readonly: bool = False) -> None:
        self.path = Path(path)
        self.readonly = readonly
        if readonly:
            if not self.path.is_file():
                raise ArchiveError(f"no archive at {self.path} (run `arkisto ingest` first)")
        else:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            self.conn = connect(self.path, readonly=readonly)
            if not readonly:
                migrate(self.conn)
                self.index_pending()  # what an interrupted bulk import left out of search
            elif not self.conn.execute(
                    "SELECT 1 FROM sqlite_master WHERE name = 'documents'").fetchone():
                raise ArchiveError(f"{self.path} is not an arkisto archive")
        except sqlite3.DatabaseError as e:
            raise ArchiveError(f"{self.path}: {e}") from e
        self._entity_ids: dict[tuple[str, str], int] = {}

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Archive:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One all-or-nothing unit of work (one document, one run row, ...)."""
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self.conn
        except BaseException:
            self.conn.execute("ROLLBACK")
            self._entity_ids.clear()
            raise
        self.conn.execute("COMMIT")

    # -- runs and errors -------------------------------------------------

    def start_run(self, command: str) -> int:
        with self.transaction() as c:
            cur = c.execute("INSERT INTO runs (started, code_version, command) VALUES (?, ?, ?)",
                            (now(), code_version(), command))
        return int(cur.lastrowid)

    def finish_run(self, run_id: int, counts: dict[str, int]) -> None:
        with self.transaction() as c:
            c.execute(
                "UPDATE runs SET ended = ?, files_seen = ?, files_added = ?, files_updated = ?,"
                " files_unchanged = ?, files_failed = ? WHERE id = ?",
                (now(), sum(counts.get(k, 0) for k in ("added", "updated", "unchanged", "failed")),
                 counts.get("added", 0), counts.get("updated", 0), counts.get("unchanged", 0),
                 counts.get("failed", 0), run_id))

    def record_error(self, run_id: int, file: str, stage: str, reason: str) -> None:
        reason = " ".join(str(reason).split()) or "unknown error"
        with self.transaction() as c:
            c.execute("INSERT INTO errors (run_id, file, stage, reason, time) VALUES (?, ?, ?, ?, ?)",
                      (run_id, file, stage, reason, now()))

    # -- what is already here --------------------------------------------

    def has_document(self, sha: str, path: str | os.PathLike[str]) -> bool:
        """True when ``path`` already points at the content ``sha``: nothing to do."""
        row = self.conn.execute("SELECT 1 FROM document_paths WHERE path = ? AND document_id = ?",
                                (normal_path(path), sha)).fetchone()
        return row is not None

    def document_exists(self, sha: str) -> bool:
        return self.conn.execute("SELECT 1 FROM documents WHERE id = ?", (sha,)).fetchone() is not None

    def document_ids(self) -> list[str]:
        return [r[0] for r in self.conn.execute("SELECT id FROM documents ORDER BY source, id")]

    def counts(self) -> dict[str, int]:
        """Rows per plain table (FTS shadow tables left out)."""
        names = [r[0] for r in self.conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE '%\\_fts%' ESCAPE '\\'"
            " AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name")]
        # Table names come from sqlite_master, not from the user.
        return {n: self.conn.execute(f'SELECT count(*) FROM "{n}"').fetchone()[0] for n in names}

    # -- writing ---------------------------------------------------------

    def write_result(self, result: Result | ArchiveRows, path: str | os.PathLike[str], run_id: int, *,
                     defer_index: bool = False) -> Outcome:
        """Store ``result`` as seen at ``path``: one transaction, never half a document.

        added: new content; updated: ``path`` held other content before (that
        document goes when no other path points at it); unchanged: the content was
        already here (at this path, or at another one: then this path is added).
        ``result`` may come as its rows already (a batch's workers build them).
        ``defer_index`` leaves a new document out of full-text search until
        ``index_pending`` runs (a bulk import calls it every few hundred documents).
        """
        rows = result if isinstance(result, ArchiveRows) else result_rows(result)
        path = normal_path(path)
        with self.transaction():
            if not self.document_exists(rows.doc_id):
                if defer_index:
                    self.conn.executemany("INSERT OR IGNORE INTO fts_pending (tbl, document_id) VALUES (?, ?)",
                                          [(t, rows.doc_id) for t in FTS_TABLES])
                self._insert_document(rows, run_id)
                new = True
            else:
                new = False
            outcome = self._point_path(path, rows.doc_id, run_id)
        if outcome == "unchanged" and new:
            return "added"
        return outcome

    def index_pending(self) -> int:
        """Put the rows deferred by ``write_result`` into full-text search, in one transaction
        (also what an interrupted import left); returns the documents indexed."""
        if self.readonly or not self.conn.execute("SELECT 1 FROM fts_pending LIMIT 1").fetchone():
            return 0
        with self.transaction() as c:
            for table in FTS_TABLES:
                # table names come from FTS_TABLES, not from the user
                c.execute(f"INSERT INTO {table}_fts (rowid, text) SELECT x.id, x.text FROM {table} x"
                          " JOIN fts_pending p ON p.tbl = ? AND p.document_id = x.document_id", (table,))
            done = c.execute("SELECT count(DISTINCT document_id) FROM fts_pending").fetchone()[0]
            c.execute("DELETE FROM fts_pending")
        return int(done)

    def link_path(self, sha: str, path: str | os.PathLike[str], run_id: int) -> Outcome:
        """Record that the already archived content ``sha`` was seen at ``path``."""
        with self.transaction():
            if not self.document_exists(sha):
                raise ArchiveError(f"no document {sha}")
            return self._point_path(normal_path(path), sha, run_id)

    def replace_records(self, doc_id: str, records: Records, run_id: int) -> None:
        """Swap a document's records for ``records`` (re-extraction), atomically."""
        with self.transaction() as c:
            for table in RECORD_TABLES:
                c.execute(f"DELETE FROM {table} WHERE document_id = ?", (doc_id,))
            info = records.document
            source_title = c.execute("SELECT source_title FROM documents WHERE id = ?",
                                     (doc_id,)).fetchone()
            c.execute("UPDATE documents SET kind = ?, kind_confidence = ?, language = ?, date = ?,"
                      " title = ?, run_id = ? WHERE id = ?",
                      (str(info.kind), info.kind_confidence, info.language, info.date,
                       info.title or (source_title[0] if source_title else None), run_id, doc_id))
            self._insert_records(record_rows(doc_id, records), run_id)
            self._collect_entities()

    def _point_path(self, path: str, doc_id: str, run_id: int) -> Outcome:
        c = self.conn
        stamp = now()
        row = c.execute("SELECT document_id FROM document_paths WHERE path = ?", (path,)).fetchone()
        if row is None:
            c.execute("INSERT INTO document_paths (path, document_id, first_seen, last_seen, run_id)"
                      " VALUES (?, ?, ?, ?, ?)", (path, doc_id, stamp, stamp, run_id))
            return "unchanged"
        if row[0] == doc_id:
            c.execute("UPDATE document_paths SET last_seen = ? WHERE path = ?", (stamp, path))
            return "unchanged"
        old = row[0]
        c.execute("UPDATE document_paths SET document_id = ?, last_seen = ?, run_id = ? WHERE path = ?",
                  (doc_id, stamp, run_id, path))
        self._drop_if_orphan(old, path)
        return "updated"

    def _drop_if_orphan(self, doc_id: str, left_path: str) -> None:
        c = self.conn
        other = c.execute("SELECT path FROM document_paths WHERE document_id = ?"
                          " ORDER BY last_seen DESC, path LIMIT 1", (doc_id,)).fetchone()
        if other is None:
            c.execute("DELETE FROM documents WHERE id = ?", (doc_id,))  # cascades to every row
            c.execute("DELETE FROM fts_pending WHERE document_id = ?", (doc_id,))
            self._collect_entities()
        else:
            c.execute("UPDATE documents SET source = ? WHERE id = ? AND source = ?",
                      (other[0], doc_id, left_path))

    def _collect_entities(self) -> None:
        """Drop persons and organisations no record points at any more."""
        for table, referrers in ENTITY_REFERENCES.items():
            column = "person_id" if table == "persons" else "organisation_id"
            unused = " AND ".join(
                f"NOT EXISTS (SELECT 1 FROM {r} WHERE {r}.{column} = {table}.id)" for r in referrers)
            self.conn.execute(f"DELETE FROM {table} WHERE {unused}")
        self._entity_ids.clear()

    def _insert_document(self, rows: ArchiveRows, run_id: int) -> None:
        self.conn.execute(_insert_sql("documents", (*DOCUMENT_COLUMNS, "run_id")), (*rows.document, run_id))
        self.conn.executemany(_insert_sql("blocks", (*BLOCK_COLUMNS, "run_id")),
                              [(*b, run_id) for b in rows.blocks])
        self._insert_records(rows.records, run_id)

    def _insert_records(self, records: RecordRows, run_id: int) -> None:
        for table, t in records.tables.items():
            if t.entities is None:
                rows = [(*r, run_id) for r in t.rows]
            else:
                entity = self._entity
                rows = [(*r, run_id, *(entity(e) for e in refs)) for r, refs in zip(t.rows, t.entities)]
            self.conn.executemany(_insert_sql(table, (*t.columns, "run_id", *t.entity_columns)), rows)
            if table == "commitments" and records.actors:
                self._insert_actors(records.doc_id, records.actors, run_id)

    def _insert_actors(self, doc_id: str, actors: list[Any], run_id: int) -> None:
        ids = dict(self.conn.execute("SELECT position, id FROM commitments WHERE document_id = ?",
                                     (doc_id,)).fetchall())
        self.conn.executemany(
            "INSERT INTO commitment_actors (commitment_id, position, name, raw, person_id,"
            " organisation_id, run_id) VALUES (?,?,?,?,?,?,?)",
            [(ids[position], i, name, raw, *self._actor_entity(actor), run_id)
             for position, i, name, raw, actor in actors])

    # -- entities ----------------------------------------------------------

    def _entity(self, ref: EntityRef | None) -> int | None:
        """The id of the person or organisation ``ref`` names, added when new."""
        if ref is None:
            return None
        table, key, name, kind = ref
        cached = self._entity_ids.get((table, key))
        if cached is not None:
            return cached
        if table == "persons":
            self.conn.execute("INSERT OR IGNORE INTO persons (name, key) VALUES (?, ?)", (name, key))
        else:
            self.conn.execute("INSERT OR IGNORE INTO organisations (name, key, kind) VALUES (?, ?, ?)",
                              (name, key, kind))
        found = int(self.conn.execute(f"SELECT id FROM {table} WHERE key = ?", (key,)).fetchone()[0])
        self._entity_ids[(table, key)] = found
        return found

    def _actor_entity(self, actor: Any) -> tuple[int | None, int | None]:
        """A commitment actor is a known or name-shaped person, else an organisation or body."""
        if actor is None:
            return None, None
        person, name_shaped, organisation = actor
        known = (("persons", person[1]) in self._entity_ids
                 or self.conn.execute("SELECT 1 FROM persons WHERE key = ?", (person[1],)).fetchone())
        if known or name_shaped:
            return self._entity(person), None
        return None, self._entity(organisation)

    # -- reading -----------------------------------------------------------

    def resolve(self, ref: str) -> str:
        """A document id from an id, an id prefix, a path or a file name."""
        return resolve_document(self.conn, ref)

    def paths(self, doc_id: str) -> list[sqlite3.Row]:
        return self.conn.execute("SELECT path, first_seen, last_seen, run_id FROM document_paths"
                                 " WHERE document_id = ? ORDER BY first_seen, path", (doc_id,)).fetchall()

    def load_document(self, doc_id: str) -> Document:
        """Rebuild the ``Document`` a reader produced, from the stored text and blocks."""
        row = self.conn.execute("SELECT * FROM documents WHERE id = ?", (doc_id,)).fetchone()
        if row is None:
            raise ArchiveError(f"no document {doc_id}")
        blocks = [
            Block(index=b["block_index"], kind=BlockKind(b["kind"]), text=b["text"],
                  start=b["span_start"], end=b["span_end"], page=b["page"], level=b["level"],
                  rows=json.loads(b["rows"]) if b["rows"] is not None else None,
                  ocr=bool(b["ocr"]), ocr_confidence=b["ocr_confidence"])
            for b in self.conn.execute("SELECT * FROM blocks WHERE document_id = ? ORDER BY block_index",
                                       (doc_id,))
        ]
        return Document(id=row["id"], source=row["source"], format=row["format"], text=row["text"],
                        blocks=blocks, pages=row["pages"], title=row["source_title"],
                        metadata=json.loads(row["metadata"]))

    def load_records(self, doc_id: str) -> Records:
        """The document's records as the extractors returned them."""
        row = self.conn.execute("SELECT * FROM documents WHERE id = ?", (doc_id,)).fetchone()
        if row is None:
            raise ArchiveError(f"no document {doc_id}")
        records = Records(document=DocumentInfo(
            kind=row["kind"], kind_confidence=row["kind_confidence"], language=row["language"],
            date=row["date"], title=row["title"]))
        for table in RECORD_TABLES:
            cls = RECORD_TYPES[table]
            types = hints(cls)
            rows = self.conn.execute(f"SELECT * FROM {table} WHERE document_id = ? ORDER BY position",
                                     (doc_id,)).fetchall()
            actors = self._actors(doc_id) if table == "commitments" else {}
            items = []
            for r in rows:
                kwargs = {f: _from_column(types[f], r[c]) for f, c in record_columns(table)}
                if table == "commitments":
                    names = actors.get(r["id"], [])
                    kwargs["actors"] = [n for n, _ in names if n is not None]
                    kwargs["actors_raw"] = [raw for _, raw in names if raw is not None]
                items.append(cls(**kwargs, id=r["record_id"], evidence=_evidence(r)))
            setattr(records, table, items)
        return records

    def load_result(self, doc_id: str) -> Result:
        return Result(self.load_document(doc_id), self.load_records(doc_id))

    def _actors(self, doc_id: str) -> dict[int, list[tuple[str | None, str | None]]]:
        out: dict[int, list[tuple[str | None, str | None]]] = {}
        for r in self.conn.execute(
                "SELECT a.commitment_id, a.name, a.raw FROM commitment_actors a"
                " JOIN commitments c ON c.id = a.commitment_id WHERE c.document_id = ?"
                " ORDER BY a.commitment_id, a.position", (doc_id,)):
            out.setdefault(r[0], []).append((r[1], r[2]))
        return out


def resolve_document(conn: sqlite3.Connection, ref: str) -> str:
    """A document id from an id, an id prefix, a path or a file name."""
    ref = ref.strip()
    if not ref:
        raise ArchiveError("empty document reference")
    if conn.execute("SELECT 1 FROM documents WHERE id = ?", (ref,)).fetchone():
        return ref
    row = conn.execute("SELECT document_id FROM document_paths WHERE path = ?",
                       (normal_path(ref),)).fetchone()
    if row:
        return row[0]
    pattern = ref.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    candidates: set[str] = set()
    if len(ref) >= MIN_ID_PREFIX and all(ch in "0123456789abcdefABCDEF" for ch in ref):
        candidates = {r[0] for r in conn.execute(
            "SELECT id FROM documents WHERE id LIKE ? || '%'", (ref.lower(),))}
    if not candidates:
        candidates = {r[0] for r in conn.execute(
            "SELECT document_id FROM document_paths WHERE path LIKE '%/' || ? ESCAPE '\\'"
            " OR path = ?", (pattern, ref))}
    if len(candidates) == 1:
        return candidates.pop()
    if not candidates:
        raise ArchiveError(f"no document matches {ref!r}")
    raise ArchiveError(f"{ref!r} matches {len(candidates)} documents; give more of the id")


@cache
def _insert_sql(table: str, columns: tuple[str, ...]) -> str:
    return f"INSERT INTO {table} ({','.join(columns)}) VALUES ({','.join('?' * len(columns))})"


def _evidence(row: sqlite3.Row) -> Evidence | None:
    if row["span_start"] is None:
        return None
    return Evidence(block=row["block"], page=row["page"], start=row["span_start"], end=row["span_end"],
                    quote=row["quote"], extractor=row["extractor"], version=row["extractor_version"],
                    confidence=row["confidence"])
