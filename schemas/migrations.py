"""Schema version and registered migrations of the archive.

``archive.sql`` is always the current schema: a new file gets it whole and every
registered migration is recorded as applied. An older file gets the migrations it
has not run yet, in order, each in its own transaction and recorded in the
``migrations`` table. To change the schema: edit ``archive.sql`` *and* register a
migration that brings an older file to the same place.
"""
from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timezone
from importlib import resources

MIGRATIONS_TABLE = """CREATE TABLE IF NOT EXISTS migrations (
    name TEXT PRIMARY KEY,
    applied TEXT NOT NULL
)"""


@dataclass(frozen=True)
class Migration:
    name: str
    apply: Callable[[sqlite3.Connection], None]


MIGRATIONS: list[Migration] = []


def migration(name: str) -> Callable[[Callable[[sqlite3.Connection], None]], Callable[[sqlite3.Connection], None]]:
    """Register ``fn(conn)`` as the migration ``name``; names sort in the order they must run."""
    def register(fn: Callable[[sqlite3.Connection], None]) -> Callable[[sqlite3.Connection], None]:
        if any(m.name == name for m in MIGRATIONS):
            raise ValueError(f"migration {name} registered twice")
        MIGRATIONS.append(Migration(name, fn))
        MIGRATIONS.sort(key=lambda m: m.name)
        return fn
    return register


def schema_sql() -> str:
    """The current DDL, ``schemas/archive.sql``."""
    return resources.files("schemas").joinpath("archive.sql").read_text(encoding="utf-8")


def statements(sql: str) -> list[str]:
    """Split a script into complete statements (trigger bodies hold semicolons of their own)."""
    out: list[str] = []
    pending = ""
    for line in sql.splitlines(keepends=True):
        if not pending and (not line.strip() or line.lstrip().startswith("--")):
            continue
        pending += line
        if sqlite3.complete_statement(pending):
            out.append(pending.strip())
            pending = ""
    if pending.strip():
        raise ValueError(f"incomplete SQL statement: {pending.strip()[:60]}")
    return out


def _execute_script(conn: sqlite3.Connection, sql: str) -> None:
    for statement in statements(sql):
        conn.execute(statement)


@migration("0001_initial")
def _initial(conn: sqlite3.Connection) -> None:
    """Documents, paths, blocks, record tables, entities, runs, errors and FTS5 tables."""
    _execute_script(conn, schema_sql())


@migration("0002_deferred_fts")
def _deferred_fts(conn: sqlite3.Connection) -> None:
    """``fts_pending`` and the full-text triggers that leave pending rows out (bulk indexing)."""
    current = statements(schema_sql())
    for statement in current:
        if statement.startswith("CREATE TRIGGER IF NOT EXISTS "):
            name = statement.split()[5]
            conn.execute(f"DROP TRIGGER IF EXISTS {name}")  # names come from our own schema file
    for statement in current:
        if statement.startswith("CREATE TRIGGER ") or "fts_pending (" in statement:
            conn.execute(statement)


@migration("0003_no_redundant_blocks_index")
def _no_redundant_blocks_index(conn: sqlite3.Connection) -> None:
    """Drop ``blocks_document``: the UNIQUE (document_id, block_index) index answers the same
    lookups, and a second index on every block row cost the writer time and the file ~9%."""
    conn.execute("DROP INDEX IF EXISTS blocks_document")


def applied(conn: sqlite3.Connection) -> list[str]:
    """Names of the migrations this file has run."""
    conn.execute(MIGRATIONS_TABLE)
    return [r[0] for r in conn.execute("SELECT name FROM migrations ORDER BY name")]


def schema_version(conn: sqlite3.Connection) -> int:
    """The number of migrations applied (also kept in ``PRAGMA user_version``)."""
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def migrate(conn: sqlite3.Connection) -> list[str]:
    """Bring ``conn`` (autocommit mode) to the current schema; return the migrations run."""
    if conn.in_transaction:
        raise RuntimeError("migrate() needs a connection outside a transaction")
    conn.execute("BEGIN IMMEDIATE")
    try:
        done = set(applied(conn))
        fresh = not done and not conn.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'documents'").fetchone()
        now = datetime.now(timezone.utc).isoformat(timespec="seconds")
        ran: list[str] = []
        if fresh:
            _execute_script(conn, schema_sql())
            ran = [m.name for m in MIGRATIONS]
        else:
            for m in MIGRATIONS:
                if m.name not in done:
                    m.apply(conn)
                    ran.append(m.name)
        conn.executemany("INSERT INTO migrations (name, applied) VALUES (?, ?)",
                         [(name, now) for name in ran])
        # PRAGMA takes no parameters; the value is an int we counted ourselves.
        conn.execute(f"PRAGMA user_version = {len(done) + len(ran):d}")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")
    return ran
