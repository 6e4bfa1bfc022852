"""The batch runner: parallel import that survives timeouts, crashes, memory limits and
interruption, skips what is already archived, and resumes to the archive a clean run gives."""
from __future__ import annotations

import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import psutil
import pytest

from pipeline.archive import Archive
from pipeline.batch import BatchOptions, archived_path, run_batch, summary
from pipeline.limits import MB, Limits, format_size, parse_size

REPO = Path(__file__).resolve().parent.parent
SAMPLES = REPO / "samples"
CORPUS = next((p for p in (REPO.parent / "shared" / "corpus" / "real", Path("/work/shared/corpus/real"))
               if p.is_dir()), Path("/work/shared/corpus/real"))
GROWS_PER_RUN = {"runs", "errors"}  # every run adds its row and reports its failures again
SLOW_SENTENCE = "Päätettiin, että asia valmistellaan uudelleen ja käsitellään seuraavassa kokouksessa. "


def arkisto(*args: str, timeout: float = 300) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", "from pipeline.cli import main; main()", *args],
                          capture_output=True, text=True, timeout=timeout, cwd=REPO)


def start_arkisto(*args: str) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-c", "from pipeline.cli import main; main()", *args],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=REPO,
                            preexec_fn=_ctrl_c_as_on_a_terminal)


def _ctrl_c_as_on_a_terminal() -> None:
    """SIGINT at its default, as in a foreground command: a test run started in the
    background (``pytest &``, CI wrappers) ignores it, and so would every child it starts."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def text_corpus(folder: Path, copies: int) -> list[Path]:
    """Distinct text files: the sample texts, each copy with a line of its own."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for n in range(copies):
        for src in sorted(SAMPLES.glob("*.txt")):
            target = folder / f"{src.stem}-{n:03d}.txt"
            target.write_text(src.read_text(encoding="utf-8") + f"\n\nLiite {n}: muistiinpano {n}.\n",
                              encoding="utf-8")
            written.append(target)
    return written


def slow_file(path: Path, mb: int = 4) -> Path:
    """One long line of text: the text reader needs seconds for it."""
    path.write_text(SLOW_SENTENCE * (mb * MB // len(SLOW_SENTENCE.encode("utf-8"))), encoding="utf-8")
    return path


def batch(db: Path, paths: list[Path], **limits: object) -> dict:
    with Archive(db) as a:
        report = run_batch(a, paths, BatchOptions(workers=2, limits=Limits(**limits), progress=False))
    return summary(report)


def state(db: Path) -> dict[str, object]:
    """What a finished import must agree on: row counts, document ids, paths, last failures."""
    conn = sqlite3.connect(db)
    tables = [n for (n,) in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE '%\\_fts%' ESCAPE '\\'"
        " AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'")]
    last_run = conn.execute("SELECT max(id) FROM runs").fetchone()[0]
    out = {
        "counts": {t: conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0]
                   for t in tables if t not in GROWS_PER_RUN},
        "documents": {r[0] for r in conn.execute("SELECT id FROM documents")},
        "paths": set(conn.execute("SELECT path, document_id FROM document_paths")),
        "failed": set(conn.execute("SELECT file, stage FROM errors WHERE run_id = ?", (last_run,))),
        "integrity": conn.execute("PRAGMA integrity_check").fetchone()[0],
    }
    conn.close()
    return out


# -- resuming ------------------------------------------------------------------

@pytest.fixture(scope="module")
def resumable(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, object]]:
    """A folder of ~35 files (a few unreadable, one legacy DOC, one taking seconds so an
    interruption always finds work left) and the state of a clean import."""
    folder = tmp_path_factory.mktemp("resume") / "docs"
    text_corpus(folder, 6)
    slow_file(folder / "000-hidas.txt", mb=2)  # sorts first: one worker is busy with it for seconds
    for name in ("000_bbdc249be86c5f1b.doc", "004_9fc991204e159f37.pdf", "003_a8bff1dd4e3f4bc4.docx"):
        shutil.copy(SAMPLES / name, folder / name)
    (folder / "tyhja.txt").write_bytes(b"")
    (folder / "kohina.pdf").write_bytes(bytes(range(256)) * 16)
    db = folder.parent / "clean.sqlite"
    done = arkisto("ingest", str(folder), "--db", str(db), "--workers", "2", "-q")
    assert done.returncode == 1, done.stderr
    return folder, state(db)


def interrupt_midway(folder: Path, db: Path, sig: int) -> tuple[subprocess.Popen[str], list[psutil.Process]]:
    """Start an import and send ``sig`` once a few documents are in the archive.

    Returns the process and what it had started (forkserver, workers, LibreOffice)."""
    proc = start_arkisto("ingest", str(folder), "--db", str(db), "--workers", "2", "-q")
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        time.sleep(0.2)
        try:
            conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
            written = conn.execute("SELECT count(*) FROM documents").fetchone()[0]
            conn.close()
        except sqlite3.Error:
            continue
        if written >= 5:
            break
    assert proc.poll() is None, "the import finished before it could be interrupted"
    started = psutil.Process(proc.pid).children(recursive=True)
    assert started, "no worker processes"
    proc.send_signal(sig)
    proc.wait(60)
    return proc, started


@pytest.mark.slow
def test_kill_9_then_the_same_command_gives_the_clean_archive(resumable, tmp_path: Path) -> None:
    folder, clean = resumable
    db = tmp_path / "killed.sqlite"
    proc, started = interrupt_midway(folder, db, signal.SIGKILL)
    assert proc.returncode == -signal.SIGKILL
    # What the killed import started goes with it (the forkserver sees its parent gone, the
    # workers get their parent-death signal); nothing lingers to write or hold memory.
    _, lingering = psutil.wait_procs(started, timeout=15)
    assert not lingering, [p.cmdline() for p in lingering]
    partial = state(db)
    assert 5 <= len(partial["documents"]) < len(clean["documents"])
    assert partial["integrity"] == "ok"
    done = arkisto("ingest", str(folder), "--db", str(db), "--workers", "2", "-q")
    assert done.returncode == 1, done.stderr
    assert state(db) == clean


@pytest.mark.slow
def test_ctrl_c_stops_cleanly_and_the_rerun_completes(resumable, tmp_path: Path) -> None:
    folder, clean = resumable
    db = tmp_path / "interrupted.sqlite"
    proc, started = interrupt_midway(folder, db, signal.SIGINT)
    err = proc.stderr.read() if proc.stderr else ""
    _, lingering = psutil.wait_procs(started, timeout=15)
    assert not lingering, [p.cmdline() for p in lingering]
    assert proc.returncode == 130, err
    assert "interrupted" in err and "Traceback" not in err
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT ended FROM runs").fetchone()[0]  # the run was closed properly
    conn.close()
    assert arkisto("ingest", str(folder), "--db", str(db), "--workers", "2", "-q").returncode == 1
    assert state(db) == clean


# -- per-file isolation --------------------------------------------------------

def test_a_file_over_the_timeout_is_killed_and_the_batch_goes_on(tmp_path: Path) -> None:
    folder = tmp_path / "docs"
    text_corpus(folder, 1)
    slow = slow_file(folder / "hidas.txt", mb=8)
    s = batch(tmp_path / "a.sqlite", [folder], timeout=5)
    assert s["counts"]["added"] == len(list(SAMPLES.glob("*.txt")))
    assert [(f["file"], f["reason"]) for f in s["failed"]] == [(str(slow), "timed out after 5 s (see --timeout)")]
    assert s["failed"][0]["stage"] in ("read", "extract")  # the stage it was in when killed
    assert s["timeouts"] == 1


def test_a_worker_killed_from_outside_fails_only_its_file(tmp_path: Path) -> None:
    folder = tmp_path / "docs"
    text_corpus(folder, 1)
    slow = slow_file(folder / "hidas.txt", mb=8)
    stop = threading.Event()

    def kill_the_busy_worker() -> None:  # as the kernel's OOM killer would
        while not stop.is_set():
            for server in psutil.Process().children():
                if "forkserver" not in " ".join(server.cmdline()):
                    continue
                for w in server.children():
                    if w.cpu_times().user > 3:
                        w.kill()
                        return
            time.sleep(0.05)

    killer = threading.Thread(target=kill_the_busy_worker, daemon=True)
    killer.start()
    try:
        s = batch(tmp_path / "a.sqlite", [folder], timeout=100)
    finally:
        stop.set()
    assert s["crashes"] == 1
    assert [(f["file"], f["reason"]) for f in s["failed"]] == [
        (str(slow), "worker process died (killed by SIGKILL) on this file")]
    assert s["counts"]["added"] == len(list(SAMPLES.glob("*.txt")))


def test_out_of_memory_fails_the_file_not_the_batch(tmp_path: Path) -> None:
    folder = tmp_path / "docs"
    text_corpus(folder, 1)
    slow_file(folder / "suuri.txt", mb=16)
    s = batch(tmp_path / "a.sqlite", [folder / "suuri.txt", *sorted(folder.glob("0*.txt"))],
              memory=300 * MB, timeout=60)
    assert len(s["failed"]) >= 1
    big = next(f for f in s["failed"] if f["file"].endswith("suuri.txt"))
    assert big["reason"].startswith(("out of memory", "worker process died")), big


def test_too_large_files_are_refused_before_any_worker_reads_them(tmp_path: Path) -> None:
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "iso.txt").write_text("Muistio\n\n" + "Kokous pidettiin. " * 500, encoding="utf-8")
    s = batch(tmp_path / "a.sqlite", [folder], max_file_size=1000)
    assert s["workers_started"] == 0 and s["counts"]["failed"] == 1
    assert "larger than the 1000 bytes limit" in s["failed"][0]["reason"]


# -- skipping and sharing work -------------------------------------------------

def test_archived_files_are_skipped_before_any_worker_starts(tmp_path: Path) -> None:
    folder = tmp_path / "docs"
    text_corpus(folder, 2)
    db = tmp_path / "a.sqlite"
    first = batch(db, [folder])
    assert first["counts"]["added"] == first["files"] > 0
    again = batch(db, [folder])
    assert again["counts"]["unchanged"] == again["files"] == first["files"]
    assert again["workers_started"] == 0


def test_the_same_bytes_twice_in_one_batch_are_read_once(tmp_path: Path) -> None:
    src = sorted(SAMPLES.glob("*.txt"))[0]
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    shutil.copy(src, tmp_path / "a" / "muistio.txt")
    shutil.copy(src, tmp_path / "b" / "kopio.txt")
    db = tmp_path / "a.sqlite"
    with Archive(db) as a:
        report = run_batch(a, [tmp_path / "a", tmp_path / "b"], BatchOptions(workers=2, progress=False))
        assert report.stats.processed == 1
        assert sorted(f.outcome for f in report.files) == ["added", "unchanged"]
        doc_id = a.document_ids()[0]
        assert len(a.paths(doc_id)) == 2


@pytest.mark.slow
@pytest.mark.skipif(not CORPUS.is_dir(), reason="no shared corpus")
def test_legacy_files_are_converted_together(tmp_path: Path) -> None:
    legacy = sorted(p for p in CORPUS.iterdir() if p.suffix.lower() in (".doc", ".ppt", ".rtf"))
    if len(legacy) < 2:
        pytest.skip("fewer than two legacy files in the corpus")
    folder = tmp_path / "docs"
    folder.mkdir()
    for p in legacy:
        shutil.copy(p, folder / p.name)
    db = tmp_path / "a.sqlite"
    s = batch(db, [folder])
    assert s["legacy_converted"] == len(legacy)
    assert s["counts"]["added"] == len(legacy), s["failed"]
    with Archive(db) as a:
        rows = a.conn.execute("SELECT format, metadata FROM documents").fetchall()
    assert sorted(r[0] for r in rows) == sorted(p.suffix.lower().lstrip(".") for p in legacy)
    assert all(json.loads(r[1]).get("converted_by") == "LibreOffice" for r in rows)


# -- the command line ----------------------------------------------------------

def test_json_summary_and_exit_status(tmp_path: Path) -> None:
    folder = tmp_path / "docs"
    text_corpus(folder, 1)
    db = tmp_path / "a.sqlite"
    done = arkisto("ingest", str(folder), "--db", str(db), "--workers", "2", "--json")
    assert done.returncode == 0, done.stderr
    s = json.loads(done.stdout)
    assert s["counts"]["added"] == s["files"] == len(list(folder.iterdir()))
    assert s["workers"] == 2 and s["pages"] >= s["files"] and s["peak_rss_mb"] > 0
    (folder / "rikki.pdf").write_bytes(b"%PDF-1.4\nei mitaan")
    done = arkisto("ingest", str(folder), "--db", str(db), "--json", "--timeout", "30")
    assert done.returncode == 1
    s = json.loads(done.stdout)
    assert s["counts"] == {"added": 0, "updated": 0, "unchanged": s["files"] - 1, "failed": 1}
    assert s["failed"][0]["file"].endswith("rikki.pdf") and s["failed"][0]["stage"] == "read"


@pytest.mark.parametrize("option", [["--workers", "0"], ["--max-file-size", "iso"], ["--timeout", "0"],
                                    ["--memory-limit", "10MB"]])
def test_bad_options_are_usage_errors(tmp_path: Path, option: list[str]) -> None:
    done = arkisto("ingest", str(SAMPLES), "--db", str(tmp_path / "a.sqlite"), *option, timeout=60)
    assert done.returncode == 2 and "Traceback" not in done.stderr


# -- small helpers -------------------------------------------------------------

@pytest.mark.parametrize("text,size", [("200MB", 200 * MB), ("1.5G", 3 * 2**29), ("512k", 512 * 1024),
                                       ("1000", 1000), ("0", 0), ("2 GiB", 2 * 2**30)])
def test_parse_size(text: str, size: int) -> None:
    assert parse_size(text) == size


def test_format_size_and_bad_sizes() -> None:
    assert format_size(200 * MB) == "200 MB" and format_size(1536 * MB) == "1.5 GB"
    for bad in ("", "MB", "-1MB", "12 parsecs"):
        with pytest.raises(ValueError):
            parse_size(bad)


def test_non_utf8_names_are_stored_escaped() -> None:
    name = os.fsdecode(b"/tmp/p\xe4\xe4t\xf6s.txt")
    assert archived_path(name) == "/tmp/p\\xe4\\xe4t\\xf6s.txt"
    assert archived_path("/tmp/päätös.txt") == "/tmp/päätös.txt"


class _StandInWorker:
    """What the dispatcher sees of a worker process: ready, busy with a task or not."""

    def __init__(self) -> None:
        self.ready, self.stopping, self.task = True, False, None

    def give(self, task: object) -> None:
        self.task = task


@pytest.mark.parametrize("workers,converting,busy_after", [(1, True, 0), (1, False, 1), (2, True, 1), (2, False, 2)])
def test_a_libreoffice_run_takes_a_workers_core(tmp_path: Path, workers: int, converting: bool,
                                                busy_after: int) -> None:
    """--workers N bounds the CPU-heavy processes together: while LibreOffice converts a chunk,
    one worker fewer is given files (with one worker, none until the conversion is back)."""
    from pipeline.batch import BatchReport, Task, _Batch, _Converter
    with Archive(tmp_path / "a.sqlite") as archive:
        b = _Batch(archive, 1, BatchOptions(workers=workers, progress=False), BatchReport(1), None)
        b.workers = [_StandInWorker() for _ in range(workers)]  # type: ignore[list-item]
        b.converter = _Converter(tmp_path / "converted", lambda n: 60.0)
        b.converter.running = converting
        b.ready.extend(Task(i, f"f{i}.txt", f"f{i}.txt", f"sha{i}", 1) for i in range(5))
        b._dispatch()
        assert sum(w.task is not None for w in b.workers) == busy_after
        b.converter.running = False
        b._dispatch()
        assert all(w.task is not None for w in b.workers)  # the core is back: every worker is given a file


class _RecordingConverter:
    """What the scanner sees of the LibreOffice thread: chunks handed in, none back yet."""

    def __init__(self) -> None:
        self.pending, self.running, self.chunks = 0, False, []

    def submit(self, target: str, tasks: list) -> None:
        self.pending += 1
        self.chunks.append([Path(t.path).name for t in tasks])


@pytest.mark.skipif(not CORPUS.is_dir(), reason="no shared corpus")
def test_legacy_files_are_scanned_first_and_their_last_chunk_goes_at_once(tmp_path: Path) -> None:
    """LibreOffice gets its files while the workers start, and a chunk short of full goes as
    soon as no legacy file is left to scan: not after the whole folder is scanned, when it used
    to run alone at the end of a batch."""
    from pipeline.batch import BatchReport, _Batch
    legacy = sorted(p for p in CORPUS.iterdir() if p.suffix.lower() in (".doc", ".rtf"))[:2]
    if len(legacy) < 2:
        pytest.skip("fewer than two DOC/RTF files in the corpus")
    folder = tmp_path / "docs"
    text_corpus(folder / "a-texts", 4)  # scanned before the legacy files in folder order
    for p in legacy:
        shutil.copy(p, folder / f"z-{p.name}")
    with Archive(tmp_path / "a.sqlite") as archive:
        b = _Batch(archive, 1, BatchOptions(workers=1, progress=False), BatchReport(1), None)
        b.converter = _RecordingConverter()  # type: ignore[assignment]
        b.legacy_paths.extend(sorted(folder.glob("z-*")))
        b.other_paths.extend(sorted((folder / "a-texts").iterdir()))
        scanning, scanned = b._scan_some()
        assert scanning and scanned == 2 + 4  # the legacy files, then a short queue for the workers
        assert b.converter.chunks == [sorted(f"z-{p.name}" for p in legacy)]  # type: ignore[attr-defined]
        assert len(b.ready) == 4 and b.other_paths


def test_the_parent_of_a_batch_does_not_load_the_extractors(tmp_path: Path) -> None:
    """The workers read and extract; the parent only scans and writes. Importing spaCy there
    cost ~1 s before the first file of every `arkisto ingest`."""
    text_corpus(tmp_path / "docs", 1)
    code = ("import sys; from pathlib import Path; from pipeline.archive import Archive; "
            "from pipeline.batch import BatchOptions, run_batch; "
            "r = run_batch(Archive(sys.argv[1]), [Path(sys.argv[2])], BatchOptions(workers=1, progress=False)); "
            "print(r.counts['added'], sorted(m for m in ('spacy', 'extractors.records') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code, str(tmp_path / "a.sqlite"), str(tmp_path / "docs")],
                         capture_output=True, text=True, timeout=120, cwd=REPO)
    added, loaded = out.stdout.split(" ", 1)
    assert int(added) == len(list(SAMPLES.glob("*.txt"))) and loaded.strip() == "[]", out.stderr
