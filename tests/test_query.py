"""Audit verbs over a real archive file: query filters, search, show, timeline, sql, stats, pandas."""
from __future__ import annotations

import hashlib
import json
import shutil
import sqlite3
from datetime import date
from pathlib import Path

import pandas as pd
import pytest
from test_archive import SEEDS, arkisto, finnish_result

from pipeline.api import Archive as Frames
from pipeline.archive import Archive
from pipeline.run import Result
from schemas.document import BlockKind, DocumentBuilder
from schemas.records import Attendee, Commitment, Decision, Evidence, Meeting, Records

HOSTILE = ["'; DROP TABLE documents; --", '" OR 1=1 --', "%", "_", "\\", "*", "NEAR(", "') OR ('1'='1"]


def development_group_result() -> Result:
    """A second hand-built meeting: the development group on 17.6.2008, one commitment past due."""
    b = DocumentBuilder("/arkisto/testi/kehittamisryhma_2008-06-17.txt", "txt", b"kehittamisryhma 2008-06-17")
    when = b.add(BlockKind.PARAGRAPH, "Aika: tiistai 17.6.2008 klo 9–11. Paikka: Järvenpään kaupungintalo")
    who = b.add(BlockKind.PARAGRAPH, "Paikalla: Jouko Ranta (Järvenpää), Anneli Rautiainen (Keravan kaupunki)")
    dec = b.add(BlockKind.PARAGRAPH, "Varapuheenjohtajan valinta päätettiin siirtää seuraavaan kokoukseen.")
    com = b.add(BlockKind.PARAGRAPH, "Seuraavaan kokoukseen työstetään tehtävistä kaavio.")
    doc = b.build(pages=1)
    assert when and who and dec and com

    def ev(block, name: str) -> Evidence:
        return Evidence(block.index, None, block.start, block.end, block.text, name, "1", 0.9)

    r = Records()
    r.document.kind, r.document.language, r.document.date = "minutes", "fi", "2008-06-17"
    r.meetings = [Meeting(date="2008-06-17", status="held", start="09:00", end="11:00",
                          place="Järvenpään kaupungintalo", body="kehittämisryhmä", evidence=ev(when, "meetings"))]
    r.attendees = [Attendee(name="Jouko Ranta", status="present", organization="Järvenpää", role="chair",
                            evidence=ev(who, "attendees")),
                   Attendee(name="Anneli Rautiainen", status="present", organization="Keravan kaupunki",
                            organization_raw="Keravan kaupunki", evidence=ev(who, "attendees"))]
    r.decisions = [Decision(text=dec.text, type="postponed", date="2008-06-17", body="kehittämisryhmä",
                            evidence=ev(dec, "decisions"))]
    r.commitments = [Commitment(text=com.text, actors=["kehittämisryhmä"], actors_raw=["kehittämisryhmä"],
                                due="2008-12-02", evidence=ev(com, "commitments"))]
    return Result(doc, r)


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Two hand-built meetings with every record type: filter results known exactly."""
    path = tmp_path_factory.mktemp("built") / "a.sqlite"
    with Archive(path) as a:
        run = a.start_run("test: hand-built records")
        for result in (finnish_result(), development_group_result()):
            assert a.write_result(result, result.document.source, run) == "added"
    return path


@pytest.fixture(scope="module")
def seeds_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The five seeds through the real pipeline, imported by the CLI."""
    folder = tmp_path_factory.mktemp("seeds")
    docs = folder / "docs"
    docs.mkdir()
    for p in SEEDS:
        shutil.copy(p, docs / p.name)
    path = folder / "a.sqlite"
    assert arkisto("ingest", docs, "--db", path)[0] == 0
    return path


@pytest.fixture(autouse=True)
def integrity(request: pytest.FixtureRequest, tmp_path: Path):
    yield
    dbs = list(tmp_path.rglob("*.sqlite"))
    for name in ("db", "seeds_db"):
        if name in request.fixturenames:
            dbs.append(request.getfixturevalue(name))
    for path in dbs:
        conn = sqlite3.connect(path)
        try:
            assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            for fts in ("blocks_fts", "decisions_fts", "commitments_fts"):
                conn.execute(f"INSERT INTO {fts}({fts}) VALUES ('integrity-check')")
        finally:
            conn.close()


def query_json(db: Path, *args: str) -> list[dict]:
    code, out, err = arkisto("query", *args, "--db", db, "--format", "json")
    assert code == 0, err
    return json.loads(out)


def fingerprint(db: Path) -> tuple:
    """Schema and row counts: what a harmful statement would change."""
    conn = sqlite3.connect(db)
    schema = conn.execute("SELECT type, name, sql FROM sqlite_master ORDER BY name").fetchall()
    names = [r[1] for r in schema if r[0] == "table" and "_fts" not in r[1]]
    rows = {n: conn.execute(f'SELECT count(*) FROM "{n}"').fetchone()[0] for n in names}
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    conn.close()
    return schema, rows, version


# -- query ---------------------------------------------------------------------

def test_decisions_since_a_date_come_with_document_source_and_quote(db: Path) -> None:
    rows = query_json(db, "decisions", "--since", "2008-12-01")
    assert rows and all(r["date"] >= "2008-12-01" for r in rows)
    assert any(r["text"].startswith("Johtoryhmä päätti") for r in rows)
    for r in rows:
        assert len(r["document_id"]) == 64 and r["source"] and r["quote"]
    earlier = query_json(db, "decisions", "--until", "2008-06-30")
    assert earlier and all(r["date"] <= "2008-06-30" for r in earlier)
    assert {r["document_id"] for r in rows}.isdisjoint({r["document_id"] for r in earlier})


def test_partial_dates_cover_their_period(db: Path) -> None:
    assert query_json(db, "decisions", "--since", "2008-06", "--until", "2008-06") == \
        query_json(db, "decisions", "--since", "2008-06-01", "--until", "2008-06-30")
    code, _, err = arkisto("query", "decisions", "--since", "17.6.2008", "--db", db)
    assert code == 2 and "ISO date" in err


def test_body_matches_inflected_forms(db: Path) -> None:
    rows = query_json(db, "decisions", "--body", "johtoryhmän")
    assert [r["body"] for r in rows] == ["johtoryhmä"]
    meetings = query_json(db, "meetings", "--body", "kehittämisryhmä")
    assert [m["date"] for m in meetings] == ["2008-06-17"]


def test_org_matches_attendee_organisation_commitment_actor_and_meeting_place(db: Path) -> None:
    attendees = query_json(db, "attendees", "--org", "Kerava")
    assert [a["name"] for a in attendees] == ["Anneli Rautiainen"]  # "Keravan kaupunki"
    commitments = query_json(db, "commitments", "--org", "Kerava")
    assert [c["actors"] for c in commitments] == [["Marianna Kokko", "Kerava"]]
    meetings = query_json(db, "meetings", "--org", "Kerava")
    assert [m["place"] for m in meetings] == ["Keravan kaupungintalo"]
    assert query_json(db, "attendees", "--org", "Keravan kaupunki")[0]["name"] == "Anneli Rautiainen"
    assert query_json(db, "attendees", "--org", "Kera") == []  # whole words, not fragments


def test_person_filter(db: Path) -> None:
    rows = query_json(db, "attendees", "--person", "Ranta")
    assert {r["name"] for r in rows} == {"Jouko Ranta"} and len(rows) == 2
    assert [c["actors"][0] for c in query_json(db, "commitments", "--person", "marianna kokko")] == ["Marianna Kokko"]
    # Decisions of meetings the person attended (absent attendees do not count).
    assert {d["date"] for d in query_json(db, "decisions", "--person", "Jouko Ranta")} == {"2008-06-17", "2008-12-12"}
    assert query_json(db, "decisions", "--person", "Hilkka Aho") == []


def test_kind_type_text_and_document_filters(db: Path) -> None:
    assert {d["kind"] for d in query_json(db, "documents", "--kind", "minutes")} == {"minutes"}
    code, _, err = arkisto("query", "documents", "--kind", "pöytäkirja", "--db", db)
    assert code == 2 and "--kind must be one of" in err
    assert [d["type"] for d in query_json(db, "decisions", "--type", "postponed")] == ["postponed"]
    rows = query_json(db, "decisions", "--text", "VARAPUHEENJOHTAJAN")
    assert [r["date"] for r in rows] == ["2008-06-17"]


def test_text_and_document_filters_on_the_seeds(seeds_db: Path) -> None:
    docs = query_json(seeds_db, "documents", "--text", "valtionavustusta")
    assert [Path(d["source"]).name for d in docs] == [SEEDS[0].name]
    blocks = query_json(seeds_db, "blocks", "--document", SEEDS[0].name, "--limit", "3")
    assert [b["block_index"] for b in blocks] == [0, 1, 2]


@pytest.mark.parametrize("option", ["--body", "--text", "--org", "--person", "--kind", "--type", "--document"])
@pytest.mark.parametrize("value", HOSTILE)
def test_hostile_filter_values_do_nothing_harmful(db: Path, option: str, value: str) -> None:
    before = fingerprint(db)
    for table in ("decisions", "documents", "attendees"):
        code, out, err = arkisto("query", table, option, value, "--db", db, "--format", "json")
        assert code in (0, 2), err
        if code == 0:
            assert json.loads(out) == [] or value in ("%", "_", "*") and option == "--text"
        else:
            assert err.count("\n") == 1  # one clear line, no traceback
    assert fingerprint(db) == before


def test_percent_and_underscore_are_literal_in_text_filters(db: Path) -> None:
    assert query_json(db, "decisions", "--text", "%") == []
    assert query_json(db, "decisions", "--text", "_") == []


def test_every_table_lists_as_table_json_and_csv(db: Path) -> None:
    for table in ("documents", "meetings", "attendees", "decisions", "commitments", "dates", "contacts", "tables"):
        for fmt in ("table", "json", "csv"):
            code, out, err = arkisto("query", table, "--db", db, "--format", fmt)
            assert code == 0 and out, (table, fmt, err)
    assert arkisto("query", "pöytäkirjat", "--db", db)[0] == 2
    code, out, _ = arkisto("query", "contacts", "--since", "2100", "--db", db, "--format", "csv")
    assert code == 0 and out.splitlines()[0].startswith("id,document_id,source,record_id,name,")


def test_steering_group_decisions_from_the_bulletin(seeds_db: Path) -> None:
    """Seed 004: the steering group's decisions of 12.12.2008 with quotes, and nothing earlier."""
    bulletin = next(p for p in SEEDS if p.name.startswith("004_"))
    rows = query_json(seeds_db, "decisions", "--since", "2008-12-01", "--document", bulletin.name)
    assert rows
    assert all(r["date"] == "2008-12-12" and r["quote"] for r in rows)
    assert query_json(seeds_db, "decisions", "--until", "2008-12-11", "--document", bulletin.name) == []


# -- search --------------------------------------------------------------------

def test_search_finds_the_seed_minutes_by_prefix(seeds_db: Path) -> None:
    code, out, err = arkisto("search", "valtionavustu*", "--db", seeds_db, "--format", "json")
    assert code == 0, err
    hits = json.loads(out)
    assert any(h["source"].endswith(SEEDS[0].name) for h in hits)
    assert all("[" in h["snippet"] for h in hits)
    code, out, _ = arkisto("search", "valtionavustu*", "--db", seeds_db)
    assert code == 0 and SEEDS[0].name in out


def test_search_keeps_finnish_letters_apart(db: Path) -> None:
    def hits(q: str) -> list[dict]:
        return json.loads(arkisto("search", q, "--db", db, "--format", "json")[1])

    assert any(h["found_in"] == "decision" for h in hits("päätti"))
    assert hits("paatti") == []  # ä is its own letter, not a
    assert hits("PÄÄTTI") == hits("päätti")


@pytest.mark.parametrize("value", HOSTILE + ["AND", '"', "valtion*avustus"])
def test_search_with_hostile_or_broken_syntax_is_harmless(db: Path, value: str) -> None:
    before = fingerprint(db)
    code, out, err = arkisto("search", value, "--db", db)
    assert code in (0, 2) and "Traceback" not in out + err
    assert fingerprint(db) == before


# -- show ----------------------------------------------------------------------

def test_show_by_id_prefix_path_and_name(db: Path) -> None:
    result = finnish_result()
    doc_id = result.document.id
    outputs = []
    for ref in (doc_id, doc_id[:8], result.document.source, Path(result.document.source).name):
        code, out, err = arkisto("show", ref, "--db", db)
        assert code == 0, (ref, err)
        outputs.append(out)
    assert len(set(outputs)) == 1
    assert "Johtoryhmä päätti käynnistää teemaverstaat" in outputs[0] and "decisions (1)" in outputs[0]
    code, out, _ = arkisto("show", doc_id[:8], "--db", db, "--format", "json")
    data = json.loads(out)
    assert data["decisions"][0]["evidence"]["quote"] and data["paths"][0]["path"] == result.document.source
    code, _, err = arkisto("show", "ei-tällaista", "--db", db)
    assert code == 2 and "no document matches" in err


# -- timeline ------------------------------------------------------------------

def test_timeline_for_an_organisation_in_date_order_with_overdue(db: Path) -> None:
    code, out, err = arkisto("timeline", "--org", "Kerava", "--today", "2009-02-01", "--db", db, "--format", "json")
    assert code == 0, err
    events = json.loads(out)
    kinds = [(e["date"], e["type"]) for e in events]
    assert kinds == sorted(kinds, key=lambda k: (k[0], ["meeting", "attendance", "decision", "commitment"].index(k[1])))
    assert ("2008-06-17", "attendance") in kinds  # Anneli Rautiainen, Keravan kaupunki
    assert ("2008-12-12", "meeting") in kinds      # at Keravan kaupungintalo
    commitment = next(e for e in events if e["type"] == "commitment")
    assert commitment["due"] == "2009-01-15" and commitment["overdue"] is True
    code, out, _ = arkisto("timeline", "--org", "Kerava", "--today", "2009-01-01", "--db", db, "--format", "json")
    assert not any(e["overdue"] for e in json.loads(out))


def test_timeline_for_a_person_and_a_body(db: Path) -> None:
    events = json.loads(arkisto("timeline", "--person", "Jouko Ranta", "--db", db, "--format", "json")[1])
    assert [e["date"] for e in events if e["type"] == "attendance"] == ["2008-06-17", "2008-12-12"]
    body = json.loads(arkisto("timeline", "--body", "kehittämisryhmän", "--db", db, "--format", "json")[1])
    assert {e["type"] for e in body} >= {"meeting", "decision"}
    assert all(e["date"] == "2008-06-17" for e in body if e["type"] in ("meeting", "decision"))
    code, out, _ = arkisto("timeline", "--db", db, "--today", "2030-01-01")
    assert code == 0 and "OVERDUE" in out


# -- sql -----------------------------------------------------------------------

@pytest.mark.parametrize("statement", [
    "DROP TABLE documents",
    "DELETE FROM documents",
    "UPDATE documents SET title = 'x'",
    "INSERT INTO errors (run_id, file, stage, reason, time) VALUES (1, 'x', 'x', 'x', 'x')",
    "ATTACH DATABASE ':memory:' AS other",
    "PRAGMA user_version = 99",
    "PRAGMA journal_mode = DELETE",
    "WITH x AS (SELECT 1) DELETE FROM documents",
    "WITH x AS (SELECT 1) UPDATE documents SET title = 'x'",
    "SELECT 1; DROP TABLE documents",
    "  /* comment */ DELETE FROM blocks",
    "VACUUM",
    "CREATE TABLE x (a)",
])
def test_sql_refuses_anything_but_reading(db: Path, statement: str) -> None:
    before = fingerprint(db)
    code, out, err = arkisto("sql", statement, "--db", db)
    assert code == 2 and err.startswith("arkisto: refused") and err.count("\n") == 1, err
    assert fingerprint(db) == before


def test_sql_reads_in_every_format(db: Path) -> None:
    code, out, _ = arkisto("sql", "SELECT kind, count(*) AS n FROM documents GROUP BY kind ORDER BY kind",
                           "--db", db, "--format", "json")
    assert code == 0 and sum(r["n"] for r in json.loads(out)) == 2
    code, out, _ = arkisto("sql", "WITH d AS (SELECT id FROM documents) SELECT count(*) AS n FROM d",
                           "--db", db, "--format", "csv")
    assert out.split() == ["n", str(2)]
    code, out, _ = arkisto("sql", "/* columns */ SELECT name FROM pragma_table_info('documents') LIMIT 1;",
                           "--db", db)
    assert code == 0 and "id" in out


# -- stats, errors -------------------------------------------------------------

def test_stats_and_errors(db: Path) -> None:
    code, out, _ = arkisto("stats", "--db", db, "--format", "json")
    data = json.loads(out)
    assert code == 0 and data["tables"]["documents"] == 2 and data["schema_version"] >= 1
    assert data["last_run"]["command"] == "test: hand-built records"
    code, out, _ = arkisto("stats", "--db", db)
    assert code == 0 and "documents" in out
    code, out, _ = arkisto("errors", "--db", db, "--format", "json")
    assert code == 0 and json.loads(out) == []


# -- pandas --------------------------------------------------------------------

def test_pandas_api_returns_frames_with_the_cli_filters(db: Path) -> None:
    with Frames(db) as a:
        decisions = a.decisions(since="2008-12-01")
        assert isinstance(decisions, pd.DataFrame)
        assert list(decisions["date"]) == [r["date"] for r in query_json(db, "decisions", "--since", "2008-12-01")]
        for name in ("documents", "meetings", "attendees", "decisions", "commitments", "dates", "contacts",
                     "tables", "blocks"):
            frame = getattr(a, name)()
            assert {"document_id", "source"} <= set(frame.columns) or name == "documents"
            assert len(frame) == len(query_json(db, name))
        assert list(a.attendees(org="Kerava")["name"]) == ["Anneli Rautiainen"]
        assert a.commitments(person="Marianna Kokko")["actors"].iloc[0] == ["Marianna Kokko", "Kerava"]
        assert sorted(a.search("teemaverst*")["found_in"]) == ["block", "decision"]
        assert a.timeline(org="Kerava", today=date(2009, 2, 1))["overdue"].any()
        assert a.sql("SELECT count(*) AS n FROM documents")["n"].iloc[0] == 2
        assert a.decisions(document=finnish_result().document.id[:10])["item_number"].tolist() == ["3"]
        empty = a.contacts(since="2100-01-01")
        assert empty.empty and "email" in empty.columns
        with pytest.raises(Exception, match="refused"):
            a.sql("DELETE FROM documents")


def test_pandas_api_opens_read_only(db: Path) -> None:
    digest = hashlib.sha256(db.read_bytes()).hexdigest()
    with Frames(db) as a:
        with pytest.raises(sqlite3.OperationalError):
            a.conn.execute("DELETE FROM documents")
    assert hashlib.sha256(db.read_bytes()).hexdigest() == digest
