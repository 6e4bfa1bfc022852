"""Hostile input in one batch: the import finishes in bounded time, every file ends as a
document or as a recorded one-line error, and the archive stays sound."""
from __future__ import annotations

import importlib.util
import json
import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from pipeline.batch import archived_path

HERE = Path(__file__).resolve().parent
TIMEOUT = 10  # seconds per file: the huge text files hit it, nothing else comes near
BOUND = 120  # the whole batch, generously: it takes ~25 s on two cores


def load_generator():
    spec = importlib.util.spec_from_file_location("make_hostile", HERE / "hostile" / "make_hostile.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


def arkisto(*args: str, timeout: float = 300) -> subprocess.CompletedProcess[str]:
    """The real CLI in its own process, as a user runs it."""
    return subprocess.run([sys.executable, "-c", "from pipeline.cli import main; main()", *args],
                          capture_output=True, text=True, timeout=timeout, cwd=HERE.parent)


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str], Path, subprocess.CompletedProcess[str], float]:
    pytest.importorskip("pikepdf")
    root = tmp_path_factory.mktemp("hostile")
    folder = root / "files"
    expected = load_generator().make(folder)
    db = root / "archive.sqlite"
    start = time.monotonic()
    done = arkisto("ingest", str(folder), "--db", str(db), "--workers", "2", "--timeout", str(TIMEOUT), "--json")
    return folder, expected, db, done, time.monotonic() - start


@pytest.mark.slow
def test_the_batch_finishes_in_bounded_time_with_status_1(hostile) -> None:
    _, expected, _, done, seconds = hostile
    assert done.returncode == 1, done.stderr[-2000:]
    assert seconds < BOUND
    assert "Traceback" not in done.stderr
    summary = json.loads(done.stdout)  # one JSON object, nothing else on stdout
    assert summary["files"] == len(expected)
    assert summary["counts"]["failed"] == len(summary["failed"]) > 0


@pytest.mark.slow
def test_every_file_is_a_document_or_a_recorded_error(hostile) -> None:
    folder, expected, db, _, _ = hostile
    conn = sqlite3.connect(db)
    paths = {p for (p,) in conn.execute("SELECT path FROM document_paths")}
    errors = {f: (stage, reason) for f, stage, reason in conn.execute("SELECT file, stage, reason FROM errors")}
    assert len(paths) + len(errors) == len(expected)
    assert not paths & set(errors)
    for name, fate in expected.items():
        key = archived_path(os.path.join(folder, name))
        assert key in paths or key in errors, name
        if fate == "import":
            assert key in paths, (name, errors.get(key))
        elif fate == "error":
            assert key in errors, name
    for stage, reason in errors.values():
        assert stage in ("read", "extract", "write")
        assert reason and "\n" not in reason and "Traceback" not in reason


@pytest.mark.slow
def test_the_archive_is_sound_and_leaks_nothing(hostile) -> None:
    _, _, db, _, _ = hostile
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    texts = " ".join(t for (t,) in conn.execute("SELECT text FROM documents"))
    assert "root:x:0:0" not in texts  # no external entity was resolved
    assert "hahahahahahahahahahahaha" not in texts  # no entity was expanded


@pytest.mark.slow
def test_legacy_encodings_and_mojibake_keep_the_finnish_letters(hostile) -> None:
    folder, expected, db, _, _ = hostile
    gen = load_generator()
    names = [*gen.ENCODED_TEXTS, gen.MOJIBAKE, os.fsdecode(gen.NON_UTF8_NAME)]
    conn = sqlite3.connect(db)
    for name in names:
        row = conn.execute("SELECT d.text FROM documents d JOIN document_paths p ON p.document_id = d.id"
                           " WHERE p.path = ?", (archived_path(os.path.join(folder, name)),)).fetchone()
        assert row is not None, name
        text = row[0]
        assert "Pöytäkirja" in text and "Järvenpäässä" in text and "Åsa Öhman" in text, (name, text[:200])
        assert "Ã" not in text and "\ufffd" not in text, name
    cp1252 = conn.execute("SELECT d.text FROM documents d JOIN document_paths p ON p.document_id = d.id"
                          " WHERE p.path LIKE '%enc-cp1252.txt'").fetchone()[0]
    assert "12 € – alv" in cp1252


@pytest.mark.slow
def test_errors_verb_lists_the_failures(hostile) -> None:
    _, _, db, _, _ = hostile
    done = arkisto("errors", "--db", str(db), "--format", "json", timeout=60)
    assert done.returncode == 0
    rows = json.loads(done.stdout)
    reasons = {Path(r["file"]).name: r["reason"] for r in rows}
    assert "password" in reasons["encrypted-user-password.pdf"]
    assert "zip bomb" in reasons["zip-bomb.docx"]
    assert "DTD" in reasons["external-entity.docx"] and "DTD" in reasons["entity-expansion.docx"]
    assert "empty" in reasons["empty.pdf"]
    assert "not a regular file" in reasons.get("pipe.txt", "not a regular file")
