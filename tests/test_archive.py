"""The archive file: schema and migrations, idempotent import, atomic writes, re-extraction."""
from __future__ import annotations

import pickle
import shutil
import sqlite3
import subprocess
import sys
from dataclasses import fields
from pathlib import Path

import pytest
from typer.testing import CliRunner

import pipeline.archive_cli  # noqa: F401  (registers the verbs on the app)
from pipeline.archive import RECORD_TABLES, Archive, record_columns
from pipeline.archive_rows import result_rows
from pipeline.cli import app
from pipeline.run import Result, process_file
from schemas import migrations
from schemas.document import BlockKind, DocumentBuilder
from schemas.records import (RECORD_TYPES, Attendee, Commitment, Contact, DateMention, Decision,
                             Evidence, Meeting, Records, TableRecord)

REPO = Path(__file__).resolve().parent.parent
SEEDS = sorted(Path("/work/shared/seeds").glob("*.txt"))
SAMPLES = REPO / "samples"
CORPUS = Path("/work/shared/corpus/real")
# Each import adds its run, and reports its failures again; every other table must stay put.
GROWS_PER_RUN = {"runs", "errors"}


@pytest.fixture(autouse=True)
def integrity(tmp_path: Path):
    """Every archive a test leaves behind passes SQLite's and FTS5's own checks."""
    yield
    for db in tmp_path.rglob("*.sqlite"):
        conn = sqlite3.connect(db)
        try:
            assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok", db
            assert conn.execute("PRAGMA foreign_key_check").fetchall() == [], db
            for fts in ("blocks_fts", "decisions_fts", "commitments_fts"):
                conn.execute(f"INSERT INTO {fts}({fts}) VALUES ('integrity-check')")
        finally:
            conn.close()


def arkisto(*args: str) -> tuple[int, str, str]:
    """Run the real CLI app in-process; returns exit code, stdout, stderr."""
    result = CliRunner().invoke(app, [str(a) for a in args])
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.stdout, result.stderr


def counts(db: Path) -> dict[str, int]:
    with Archive(db) as a:
        return {t: n for t, n in a.counts().items() if t not in GROWS_PER_RUN}


def rows_by_document(db: Path) -> dict[str, list[tuple]]:
    """Every row of every table that belongs to a document, keyed by table."""
    conn = sqlite3.connect(db)
    out = {}
    for table in ("blocks", *RECORD_TABLES):
        out[table] = conn.execute(f"SELECT * FROM {table} ORDER BY id").fetchall()
    out["commitment_actors"] = conn.execute(
        "SELECT a.*, c.document_id FROM commitment_actors a JOIN commitments c ON c.id = a.commitment_id"
        " ORDER BY a.id").fetchall()
    out["documents"] = conn.execute("SELECT * FROM documents ORDER BY id").fetchall()
    conn.close()
    return out


def copy_corpus(dest: Path) -> Path:
    """Seeds plus whatever samples exist, copied so tests may change them."""
    dest.mkdir(parents=True, exist_ok=True)
    for p in SEEDS:
        shutil.copy(p, dest / p.name)
    if SAMPLES.is_dir():
        for p in sorted(SAMPLES.iterdir()):
            if p.is_file() and not p.name.startswith(".") and p.suffix != ".json":
                shutil.copy(p, dest / f"sample_{p.name}")
    return dest


def finnish_result(source: str = "/arkisto/testi/johtoryhma_2008-12-12.txt") -> Result:
    """A hand-built minutes document with one record of every type, as extractors would give them."""
    b = DocumentBuilder(source, "txt", b"johtoryhma 2008-12-12 " + source.encode())
    b.add(BlockKind.HEADING, "ARVO-hankkeen johtoryhmän kokous", level=1, page=1)
    when = b.add(BlockKind.PARAGRAPH, "Aika: perjantai 12.12.2008 klo 9.00–11.00, Keravan kaupungintalo", page=1)
    table = b.add(BlockKind.TABLE, "", page=1, rows=[["Jouko Ranta", "Järvenpää", "puheenjohtaja"],
                                                     ["Hilkka Aho", "Mäntsälä", "poissa"]])
    dec = b.add(BlockKind.PARAGRAPH, "Johtoryhmä päätti käynnistää teemaverstaat vuoden 2009 alusta.", page=2)
    com = b.add(BlockKind.LIST_ITEM, "Marianna Kokko ja Kerava valmistelevat kyselyn 15.1.2009 mennessä.", page=2)
    con = b.add(BlockKind.PARAGRAPH, "Marianna Kokko, marianna.kokko@sosiaalitalo.fi, 040 3153446", page=2)
    doc = b.build(pages=2, metadata={"author": "Sihteeri", "title": "Johtoryhmä 12.12.2008"})
    assert when and table and dec and com and con

    def ev(block, extractor: str, confidence: float = 0.9) -> Evidence:
        return Evidence(block=block.index, page=block.page, start=block.start, end=block.end,
                        quote=block.text, extractor=extractor, version="1", confidence=confidence)

    records = Records()
    records.document.kind = "minutes"
    records.document.kind_confidence = 0.8
    records.document.language = "fi"
    records.document.date = "2008-12-12"
    records.document.title = "ARVO-hankkeen johtoryhmän kokous"
    records.meetings = [Meeting(date="2008-12-12", status="held", start="09:00", end="11:00",
                                place="Keravan kaupungintalo", body="johtoryhmä", evidence=ev(when, "meetings"),
                                id="m1")]
    records.attendees = [
        Attendee(name="Jouko Ranta", status="present", organization="Järvenpää", role="chair",
                 role_raw="puheenjohtaja", evidence=ev(table, "attendees")),
        Attendee(name="Hilkka Aho", status="absent", organization="Mäntsälä", deputy=True,
                 evidence=ev(table, "attendees")),
    ]
    records.decisions = [Decision(text=dec.text, type="decided", date="2008-12-12", item_number="3",
                                  body="johtoryhmä", evidence=ev(dec, "decisions"), id="d1")]
    records.commitments = [Commitment(text=com.text, actors=["Marianna Kokko", "Kerava"],
                                      actors_raw=["Marianna Kokko", "Kerava"], due="2009-01-15",
                                      due_raw="15.1.2009", decision="d1", evidence=ev(com, "commitments"))]
    records.dates = [DateMention(text="12.12.2008", value="2008-12-12", evidence=ev(when, "dates")),
                     DateMention(text="31.2.2009", value=None, valid=False, problem="no such day",
                                 weekday_mismatch=True, evidence=ev(com, "dates"))]
    records.contacts = [Contact(name="Marianna Kokko", organization="Sosiaalitalo",
                                email="marianna.kokko@sosiaalitalo.fi", phone="040 3153446",
                                evidence=ev(con, "contacts"))]
    records.tables = [TableRecord(rows=table.rows, block=table.index, page=table.page,
                                  evidence=ev(table, "tables", 1.0))]
    return Result(doc, records)


# -- schema ------------------------------------------------------------------

def test_new_archive_is_wal_with_foreign_keys_and_every_migration_recorded(tmp_path: Path) -> None:
    db = tmp_path / "a.sqlite"
    with Archive(db) as a:
        assert a.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert a.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert migrations.applied(a.conn) == [m.name for m in migrations.MIGRATIONS]
        assert migrations.schema_version(a.conn) == len(migrations.MIGRATIONS)
    with Archive(db) as a:  # opening again runs nothing
        assert migrations.migrate(a.conn) == []


def test_a_registered_migration_runs_once_on_an_older_file(tmp_path: Path, monkeypatch) -> None:
    db = tmp_path / "a.sqlite"
    Archive(db).close()

    def add_note(conn: sqlite3.Connection) -> None:
        conn.execute("ALTER TABLE documents ADD COLUMN note TEXT")

    monkeypatch.setattr(migrations, "MIGRATIONS", [*migrations.MIGRATIONS,
                                                   migrations.Migration("9999_note", add_note)])
    with Archive(db) as a:
        assert "note" in {r[1] for r in a.conn.execute("PRAGMA table_info(documents)")}
        assert migrations.applied(a.conn)[-1] == "9999_note"
        assert migrations.schema_version(a.conn) == len(migrations.MIGRATIONS)
    with Archive(db) as a:  # recorded: not run twice (ALTER would fail)
        assert migrations.migrate(a.conn) == []


def test_full_text_tables_are_found_the_way_datasette_looks_for_them() -> None:
    conn = sqlite3.connect(":memory:")
    conn.executescript(migrations.schema_sql())
    for table in ("blocks", "decisions", "commitments"):
        found = conn.execute(
            "SELECT name FROM sqlite_master WHERE rootpage = 0"
            " AND sql LIKE '%VIRTUAL TABLE%USING FTS%content=\"' || ? || '\"%'", (table,)).fetchall()
        assert found == [(f"{table}_fts",)]


def test_every_record_field_has_a_column() -> None:
    conn = sqlite3.connect(":memory:")
    conn.executescript(migrations.schema_sql())
    for table, cls in RECORD_TYPES.items():
        columns = {r[1] for r in conn.execute(f"PRAGMA table_info({table})")}
        for _, column in record_columns(table):
            assert column in columns, (table, column)
        expected = {f.name for f in fields(cls)} - {"evidence", "id"}
        stored = {f for f, _ in record_columns(table)} | ({"actors", "actors_raw"} if table == "commitments" else set())
        assert stored == expected, table
        assert {"document_id", "block", "page", "span_start", "span_end", "quote", "extractor",
                "extractor_version", "confidence", "run_id"} <= columns, table


def test_a_result_comes_back_exactly_as_written(tmp_path: Path) -> None:
    result = finnish_result()
    with Archive(tmp_path / "a.sqlite") as a:
        run = a.start_run("test")
        assert a.write_result(result, result.document.source, run) == "added"
        back = a.load_result(result.document.id)
        assert back.to_dict() == result.to_dict()
        assert back.document.blocks == result.document.blocks
        persons = {r[0] for r in a.conn.execute("SELECT name FROM persons")}
        assert persons == {"Jouko Ranta", "Hilkka Aho", "Marianna Kokko"}
        orgs = dict(a.conn.execute("SELECT name, kind FROM organisations").fetchall())
        assert orgs["Kerava"] == "place" and orgs["Sosiaalitalo"] == "organisation"
        actors = [tuple(r) for r in a.conn.execute(
            "SELECT raw, person_id IS NOT NULL, organisation_id IS NOT NULL FROM commitment_actors ORDER BY position")]
        assert actors == [("Marianna Kokko", 1, 0), ("Kerava", 0, 1)]
        # The contact and the commitment actor are the same person entity.
        assert a.conn.execute("SELECT count(DISTINCT person_id) FROM (SELECT person_id FROM contacts"
                              " UNION ALL SELECT person_id FROM commitment_actors WHERE person_id IS NOT NULL)"
                              ).fetchone()[0] == 1
        assert {r[0] for r in a.conn.execute("SELECT DISTINCT run_id FROM decisions")} == {run}


def test_real_seed_results_come_back_exactly(tmp_path: Path) -> None:
    with Archive(tmp_path / "a.sqlite") as a:
        run = a.start_run("test")
        for path in SEEDS:
            result = process_file(path)
            a.write_result(result, path, run)
            assert a.load_result(result.document.id).to_dict() == result.to_dict(), path.name


def test_rows_built_in_a_worker_store_exactly_what_the_result_stores(tmp_path: Path) -> None:
    results = [finnish_result(), *(process_file(p) for p in SEEDS)]
    for name, given in (("result", lambda r: r), ("rows", lambda r: pickle.loads(pickle.dumps(result_rows(r))))):
        with Archive(tmp_path / f"{name}.sqlite") as a:
            run = a.start_run("test")
            for r in results:
                assert a.write_result(given(r), r.document.source, run) == "added"
    assert rows_by_document(tmp_path / "rows.sqlite") == rows_by_document(tmp_path / "result.sqlite")


def test_whether_an_actor_is_a_person_is_decided_by_the_writer_from_the_archive(tmp_path: Path) -> None:
    """'Qwerty Asdfinen' is not name-shaped (no known first name): an organisation, unless an
    earlier document made it a person; the worker that built the rows cannot know which."""
    def with_actor(source: str, attendee: str | None) -> Result:
        r = finnish_result(source)
        r.records.commitments[0].actors = r.records.commitments[0].actors_raw = ["Qwerty Asdfinen"]
        if attendee:
            r.records.attendees[0].name = attendee
        return r

    def actor_is_person(db: Path, results: list[Result]) -> bool:
        with Archive(db) as a:
            run = a.start_run("test")
            for r in results:
                a.write_result(result_rows(r), r.document.source, run)
            person, organisation = a.conn.execute(
                "SELECT person_id, organisation_id FROM commitment_actors ORDER BY id DESC").fetchone()
            assert (person is None) != (organisation is None)
            return person is not None

    assert not actor_is_person(tmp_path / "a.sqlite", [with_actor("/x/second.txt", None)])
    assert actor_is_person(tmp_path / "b.sqlite", [with_actor("/x/first.txt", "Qwerty Asdfinen"),
                                                   with_actor("/x/second.txt", None)])


def test_a_failing_write_leaves_no_half_document(tmp_path: Path) -> None:
    result = finnish_result()
    result.records.commitments[0].text = object()  # type: ignore[assignment]  # SQLite cannot bind it
    db = tmp_path / "a.sqlite"
    with Archive(db) as a:
        run = a.start_run("test")
        with pytest.raises(sqlite3.Error):
            a.write_result(result, result.document.source, run)
        assert {t: n for t, n in a.counts().items() if n and t not in ("runs", "migrations")} == {}



def _found(a: Archive, table: str, word: str) -> int:
    return a.conn.execute(f"SELECT count(*) FROM {table}_fts WHERE {table}_fts MATCH ?", (word,)).fetchone()[0]


def test_deferred_full_text_rows_are_searchable_after_index_pending(tmp_path: Path) -> None:
    db = tmp_path / "a.sqlite"
    with Archive(db) as a:
        run = a.start_run("test")
        a.write_result(finnish_result(), "/x/a.txt", run, defer_index=True)
        assert (_found(a, "blocks", "teemaverstaat"), _found(a, "decisions", "teemaverstaat")) == (0, 0)
        assert a.index_pending() == 1 and a.index_pending() == 0
        assert _found(a, "blocks", "teemaverstaat") == 1
        assert _found(a, "decisions", "teemaverstaat") == _found(a, "commitments", "kyselyn") == 1
        # a writer that does not defer indexes at once, as the triggers always did
        a.write_result(finnish_result("/x/b.txt"), "/x/b.txt", run)
        assert _found(a, "blocks", "teemaverstaat") == 2
    # the integrity fixture runs FTS5's own check on the file


def test_deleting_or_reextracting_a_pending_document_keeps_the_index_consistent(tmp_path: Path) -> None:
    db = tmp_path / "a.sqlite"
    with Archive(db) as a:
        run = a.start_run("test")
        a.write_result(finnish_result("/x/old.txt"), "/x/p.txt", run, defer_index=True)
        # new bytes at the same path drop the pending document before it was ever indexed
        assert a.write_result(finnish_result("/x/new.txt"), "/x/p.txt", run, defer_index=True) == "updated"
        kept = finnish_result("/x/kept.txt")
        a.write_result(kept, "/x/q.txt", run, defer_index=True)
        a.replace_records(kept.document.id, kept.records, run)  # re-extraction while pending
        assert a.index_pending() == 2
        assert _found(a, "blocks", "teemaverstaat") == 2 and _found(a, "decisions", "teemaverstaat") == 2


def test_an_interrupted_import_is_indexed_when_the_archive_is_next_opened(tmp_path: Path) -> None:
    db = tmp_path / "a.sqlite"
    a = Archive(db)
    a.write_result(finnish_result(), "/x/a.txt", a.start_run("test"), defer_index=True)
    a.conn.close()  # as after kill -9: the document is committed, its index is not
    with Archive(db, readonly=True) as r:
        assert _found(r, "blocks", "teemaverstaat") == 0
    with Archive(db) as a:
        assert _found(a, "blocks", "teemaverstaat") == 1
        assert a.conn.execute("SELECT count(*) FROM fts_pending").fetchone()[0] == 0


def test_the_deferred_index_migration_upgrades_an_older_file(tmp_path: Path) -> None:
    db = tmp_path / "a.sqlite"
    with Archive(db) as a:  # make it look like a file from before 0002: old triggers, no fts_pending
        a.conn.execute("DROP TABLE fts_pending")
        for t in ("blocks", "decisions", "commitments"):
            for kind in ("ai", "ad", "au"):
                a.conn.execute(f"DROP TRIGGER {t}_{kind}")
            a.conn.execute(f"CREATE TRIGGER {t}_ai AFTER INSERT ON {t} BEGIN"
                           f" INSERT INTO {t}_fts(rowid, text) VALUES (new.id, new.text); END")
        a.conn.execute("DELETE FROM migrations WHERE name = '0002_deferred_fts'")
    with Archive(db) as a:
        assert "0002_deferred_fts" in migrations.applied(a.conn)
        triggers = dict(a.conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'").fetchall())
        assert len(triggers) == 9 and all("fts_pending" in sql for sql in triggers.values())
        run = a.start_run("test")
        a.write_result(finnish_result(), "/x/a.txt", run, defer_index=True)
        assert a.index_pending() == 1 and _found(a, "blocks", "teemaverstaat") == 1



def test_blocks_are_found_by_document_through_their_unique_index_alone(tmp_path: Path) -> None:
    db = tmp_path / "a.sqlite"
    with Archive(db) as a:  # a file from before 0003 carried a second index on blocks(document_id)
        a.conn.execute("CREATE INDEX blocks_document ON blocks(document_id)")
        a.conn.execute("DELETE FROM migrations WHERE name = '0003_no_redundant_blocks_index'")
    with Archive(db) as a:
        indexes = {r[1] for r in a.conn.execute("PRAGMA index_list(blocks)")}
        assert indexes == {"sqlite_autoindex_blocks_1"}
        plan = " ".join(r[-1] for r in a.conn.execute(
            "EXPLAIN QUERY PLAN SELECT * FROM blocks WHERE document_id = ? ORDER BY block_index", ("x",)))
        assert "USING INDEX sqlite_autoindex_blocks_1 (document_id=?)" in plan

# -- import ------------------------------------------------------------------

@pytest.mark.slow  # samples include PDF and legacy Office files (LibreOffice, OCR)
def test_importing_a_folder_twice_changes_no_row_count(tmp_path: Path) -> None:
    docs = copy_corpus(tmp_path / "docs")
    db = tmp_path / "a.sqlite"
    code, out, err = arkisto("ingest", docs, "--db", db)
    assert code in (0, 1), err  # samples may hold files a reader cannot take yet
    first = counts(db)
    assert first["documents"] >= len(SEEDS) and first["blocks"] > 0
    code2, out2, _ = arkisto("ingest", docs, "--db", db)
    assert code2 == code
    assert counts(db) == first
    assert " 0 added, 0 updated" in out2
    with Archive(db) as a:
        last = a.conn.execute("SELECT * FROM runs ORDER BY id DESC LIMIT 1").fetchone()
        assert last["files_unchanged"] == first["document_paths"] and last["files_added"] == 0
        assert last["ended"] and last["code_version"]


def test_new_bytes_at_a_path_replace_only_that_document(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    for p in SEEDS:
        shutil.copy(p, docs / p.name)
    db = tmp_path / "a.sqlite"
    assert arkisto("ingest", docs, "--db", db)[0] == 0
    target = docs / SEEDS[0].name
    old_id = process_file(target).document.id
    before = rows_by_document(db)
    target.write_text(target.read_text(encoding="utf-8") + "\nLisäys: kokous siirtyy 9.1.2009.\n", encoding="utf-8")
    new_id = process_file(target).document.id
    code, out, _ = arkisto("ingest", docs, "--db", db)
    assert code == 0 and "1 updated" in out
    after = rows_by_document(db)

    def others(rows: dict[str, list[tuple]], table: str) -> list[tuple]:
        doc_col = 0 if table == "documents" else (-1 if table == "commitment_actors" else 1)
        return [r for r in rows[table] if r[doc_col] not in (old_id, new_id)]

    for table in before:
        assert others(after, table) == others(before, table), table
    with Archive(db) as a:
        assert not a.document_exists(old_id) and a.document_exists(new_id)
        assert a.has_document(new_id, target)
        assert a.conn.execute("SELECT count(*) FROM blocks WHERE document_id = ?", (old_id,)).fetchone()[0] == 0
        assert a.conn.execute("SELECT count(*) FROM documents").fetchone()[0] == len(SEEDS)


def test_same_bytes_under_two_paths_are_one_document_with_both_paths(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b" / "kopio").mkdir(parents=True)
    first, second = tmp_path / "a" / SEEDS[0].name, tmp_path / "b" / "kopio" / "muistio.txt"
    shutil.copy(SEEDS[0], first)
    shutil.copy(SEEDS[0], second)
    db = tmp_path / "a.sqlite"
    assert arkisto("ingest", tmp_path / "a", tmp_path / "b", "--db", db)[0] == 0
    with Archive(db) as a:
        assert a.conn.execute("SELECT count(*) FROM documents").fetchone()[0] == 1
        doc_id = a.document_ids()[0]
        assert sorted(p["path"] for p in a.paths(doc_id)) == sorted([str(first), str(second)])
    # One path gets new bytes: the document stays for the other path.
    second.write_text("Uusi muistio 1.2.2009\n\nKokous peruttiin.\n", encoding="utf-8")
    assert arkisto("ingest", second, "--db", db)[0] == 0
    with Archive(db) as a:
        assert a.conn.execute("SELECT count(*) FROM documents").fetchone()[0] == 2
        assert [p["path"] for p in a.paths(doc_id)] == [str(first)]
        assert a.conn.execute("SELECT source FROM documents WHERE id = ?", (doc_id,)).fetchone()[0] == str(first)


def test_reextract_keeps_every_count_and_reads_no_file(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    for p in SEEDS:
        shutil.copy(p, docs / p.name)
    db = tmp_path / "a.sqlite"
    assert arkisto("ingest", docs, "--db", db)[0] == 0
    before = counts(db)
    shutil.rmtree(docs)  # the files are gone: re-extraction must use the archive alone
    code, out, err = arkisto("ingest", "--reextract", "--db", db)
    assert code == 0, err
    assert counts(db) == before
    assert f"{before['documents']} unchanged" in out or "updated" in out


def test_failures_are_recorded_and_the_batch_goes_on(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    shutil.copy(SEEDS[0], docs / SEEDS[0].name)
    (docs / "tyhja.txt").write_bytes(b"")
    (docs / "kuva.dat").write_bytes(bytes(range(256)) * 8)
    db = tmp_path / "a.sqlite"
    code, out, err = arkisto("ingest", docs, "--db", db)
    assert code == 1
    assert "tyhja.txt" in err and "kuva.dat" in err
    with Archive(db) as a:
        assert a.conn.execute("SELECT count(*) FROM documents").fetchone()[0] == 1
        rows = a.conn.execute("SELECT file, stage, reason, run_id FROM errors ORDER BY file").fetchall()
    assert [Path(r[0]).name for r in rows] == ["kuva.dat", "tyhja.txt"]
    assert all(r[1] == "read" and r[2] and "\n" not in r[2] for r in rows)
    code, out, _ = arkisto("errors", "--db", db, "--format", "json")
    assert code == 0 and "tyhja.txt" in out


@pytest.mark.skipif(not (CORPUS / "27_broken_word_owner_lockfile.docx").exists(), reason="no corpus")
def test_an_office_lock_file_is_reported_not_skipped(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    shutil.copy(CORPUS / "27_broken_word_owner_lockfile.docx", docs / "~$muistio.docx")
    code, _, err = arkisto("ingest", docs, "--db", tmp_path / "a.sqlite")
    assert code == 1 and "~$muistio.docx" in err


def test_sequential_ingest_library_call(tmp_path: Path) -> None:
    """``pipeline.ingest.ingest``: the one-process composition of process_path and write_processed."""
    from pipeline.ingest import ingest

    docs = tmp_path / "docs"
    (docs / "sub").mkdir(parents=True)
    shutil.copy(SEEDS[0], docs / SEEDS[0].name)
    shutil.copy(SEEDS[0], docs / "sub" / "kopio.txt")
    shutil.copy(SEEDS[4], docs / SEEDS[4].name)
    (docs / "~$muistio.docx").write_bytes(b"\x0bMatti Meik\xe4l\xe4inen" + b"\x00" * 40)
    with Archive(tmp_path / "a.sqlite") as a:
        first = ingest(a, [docs])
        assert first.counts == {"added": 2, "unchanged": 1, "failed": 1}
        assert first.records()["tables"] >= 1 and first.by_format()["txt"]["added"] == 2
        failed = next(f for f in first.files if f.outcome == "failed")
        assert failed.path.endswith("~$muistio.docx") and failed.stage == "read"
        before = {t: n for t, n in a.counts().items() if t not in GROWS_PER_RUN}
        second = ingest(a, [docs])
        assert second.counts == {"unchanged": 3, "failed": 1}
        assert {t: n for t, n in a.counts().items() if t not in GROWS_PER_RUN} == before
        run = a.conn.execute("SELECT * FROM runs WHERE id = ?", (second.run_id,)).fetchone()
        assert (run["files_seen"], run["files_unchanged"], run["files_failed"]) == (4, 3, 1)


def test_hidden_files_git_and_our_output_folder_are_skipped(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    project = tmp_path / "project"
    for folder in (".git", "output", "docs"):
        (project / folder).mkdir(parents=True)
    shutil.copy(SEEDS[0], project / "docs" / SEEDS[0].name)
    shutil.copy(SEEDS[1], project / ".git" / "x.txt")
    shutil.copy(SEEDS[2], project / "docs" / ".piilo.txt")
    db = project / "output" / "archive.sqlite"
    shutil.copy(SEEDS[3], project / "output" / "export.txt")
    assert arkisto("ingest", project, "--db", db)[0] == 0
    with Archive(db) as a:
        assert [Path(p).name for (p,) in a.conn.execute("SELECT path FROM document_paths")] == [SEEDS[0].name]


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    assert arkisto("ingest", "--db", tmp_path / "a.sqlite")[0] == 2
    code, _, err = arkisto("ingest", tmp_path / "ei-ole", "--db", tmp_path / "a.sqlite")
    assert code == 2 and "no such file" in err
    code, _, err = arkisto("query", "decisions", "--db", tmp_path / "puuttuu.sqlite")
    assert code == 1 and "no archive" in err


@pytest.mark.slow  # two fresh processes, each loading the extractors
def test_installed_entry_point_has_the_verbs(tmp_path: Path) -> None:
    exe = Path(sys.executable).with_name("arkisto")
    if not exe.exists():
        pytest.skip("arkisto entry point not installed")
    db = tmp_path / "a.sqlite"
    done = subprocess.run([str(exe), "ingest", str(SEEDS[0]), "--db", str(db), "-q"],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    done = subprocess.run([str(exe), "sql", "SELECT count(*) AS n FROM documents", "--db", str(db),
                           "--format", "csv"], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0 and done.stdout.split() == ["n", "1"]
