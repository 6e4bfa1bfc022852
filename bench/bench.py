"""Benchmark: arkisto's batch import against the cost of merely reading the same files.

    .venv/bin/python bench/bench.py [--files 2000] [--workers 1,2] [--rounds 3] [--keep DIR]

Builds a corpus of ``--files`` files from ``samples/`` (every copy has bytes of its
own, so none is skipped as already archived), then measures in one run:

* arkisto end-to-end (``arkisto ingest --json``: read, convert, extract, write the
  archive) on the mixed corpus with each worker count, and on its PDFs alone with
  one worker: files/s, pages/s, peak RSS per worker. ``--rounds`` times, each round
  with its own measure of the machine and its worker counts in turn (1,2 then 2,1);
  the median is reported, and every round beside it;
* the reading floor on the same files: text only through pypdfium2, python-docx,
  python-pptx, odfpy, LibreOffice (legacy files, in batches as arkisto does) and
  plain decoding, one process, no extraction and no archive;
* the PDFs once more with the spaCy model switched off (``ARKISTO_NO_MODEL=1``), to
  show what the model costs;
* pdfplumber ``extract_text`` on the PDFs;
* the machine itself, at the start of every round: a pure-Python loop in one and in
  two processes, so the two-worker speed-up can be read against what the cores give.

Prints the ratios and writes everything to ``bench/results/<date>.json``.
"""
from __future__ import annotations

import argparse
import io
import json
import multiprocessing
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
from collections import Counter
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
SAMPLES = REPO / "samples"
RESULTS = REPO / "bench" / "results"
FORMATS = {".pdf", ".docx", ".pptx", ".odt", ".odp", ".doc", ".ppt", ".rtf", ".txt", ".md"}
ZIP_FORMATS = {".docx", ".pptx", ".odt", ".odp"}
LEGACY = {".doc": "docx", ".rtf": "docx", ".ppt": "pptx"}
BURN_LOOPS = 60_000_000  # about two seconds of one core


# -- the corpus ------------------------------------------------------------------

def unique_copy(data: bytes, suffix: str, n: int) -> bytes:
    """The same document with bytes of its own, in a way its format tolerates."""
    tag = f"arkisto-bench-copy-{n:06d}"
    if suffix in ZIP_FORMATS:
        out = io.BytesIO(data)
        with zipfile.ZipFile(out, "a") as z:  # a ZIP comment: no member changes
            z.comment = tag.encode()
        return out.getvalue()
    if suffix == ".pdf":
        return data + f"\n% {tag}\n".encode()  # a comment after %%EOF; readers use the last startxref
    if suffix in (".doc", ".ppt"):
        return data + f"\n{tag}\n".encode()  # bytes past the compound file's last sector
    if suffix == ".rtf":
        return data.rstrip() + f"\n{{\\*\\arkistobench {tag}}}\n".encode()
    return data + f"\n\nKopio {n}.\n".encode()  # text: a closing paragraph of its own


def build_corpus(folder: Path, files: int) -> Counter[str]:
    """``files`` copies cycling through the samples, in one sub-folder per format."""
    sources = sorted(p for p in SAMPLES.iterdir() if p.is_file() and p.suffix.lower() in FORMATS)
    if not sources:
        sys.exit(f"bench: no samples in {SAMPLES}")
    datas = {p: p.read_bytes() for p in sources}
    made: Counter[str] = Counter()
    for n in range(files):
        src = sources[n % len(sources)]
        suffix = src.suffix.lower()
        target = folder / suffix.lstrip(".") / f"{src.stem}-{n:06d}{suffix}"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(unique_copy(datas[src], suffix, n))
        made[suffix.lstrip(".")] += 1
    return made


# -- arkisto end to end ------------------------------------------------------------

def run_arkisto(folder: Path, workers: int, workdir: Path, timeout: float, *, rules_only: bool = False) -> dict[str, Any]:
    db = workdir / f"bench-{workers}w-{folder.name}{'-rules' if rules_only else ''}.sqlite"
    for f in workdir.glob(db.name + "*"):
        f.unlink()
    cmd = [sys.executable, "-c", "from pipeline.cli import main; main()", "ingest", str(folder), "--db", str(db),
           "--workers", str(workers), "--json", "--no-progress"]
    start = time.monotonic()
    env = {**os.environ, "ARKISTO_NO_MODEL": "1"} if rules_only else None
    done = subprocess.run(cmd, capture_output=True, text=True, cwd=REPO, timeout=timeout, env=env)
    wall = time.monotonic() - start
    if done.returncode not in (0, 1) or not done.stdout.strip():
        raise SystemExit(f"bench: arkisto ingest failed ({done.returncode}): {done.stderr[-2000:]}")
    summary = json.loads(done.stdout)
    files = summary["files"]
    return {
        "workers": workers,
        "files": files,
        "failed": summary["counts"]["failed"],
        "failures": Counter(f["reason"] for f in summary["failed"]).most_common(5),
        "pages": summary["pages"],
        "seconds": summary["seconds"],
        "wall_seconds": round(wall, 2),  # with interpreter start and model loading
        "files_per_second": round(files / summary["seconds"], 2),
        "pages_per_second": round(summary["pages"] / summary["seconds"], 2),
        # after the first worker is ready: the rate once the NLP model has loaded (a one-off
        # ~2.5 s that weighs on a short run, not on an archive of thousands of files)
        "startup_seconds": summary.get("startup_seconds"),
        "pages_per_second_after_startup": _after_startup(summary),
        "peak_rss_mb_per_worker": summary["worker_peak_rss_mb"],
        "peak_rss_mb": summary["peak_rss_mb"],
        "workers_started": summary["workers_started"],
        "timeouts": summary["timeouts"],
        "by_format": summary["by_format"],
    }


def _after_startup(summary: dict[str, Any]) -> float | None:
    startup = summary.get("startup_seconds")
    if startup is None or summary["seconds"] <= startup:
        return None
    return round(summary["pages"] / (summary["seconds"] - startup), 2)


# -- the reading floor -------------------------------------------------------------

def read_text(path: Path, data: bytes) -> tuple[str, int]:
    """Text and page count with the plain libraries, nothing else."""
    suffix = path.suffix.lower()
    if suffix == ".pdf":
        import pypdfium2 as pdfium

        pdf = pdfium.PdfDocument(data)
        try:
            parts = []
            for i in range(len(pdf)):
                page = pdf[i]
                textpage = page.get_textpage()
                parts.append(textpage.get_text_range())
                textpage.close()
                page.close()
            return "\n".join(parts), len(parts)
        finally:
            pdf.close()
    if suffix == ".docx":
        import docx

        d = docx.Document(io.BytesIO(data))
        cells = [c.text for t in d.tables for row in t.rows for c in row.cells]
        return "\n".join([p.text for p in d.paragraphs] + cells), 1
    if suffix == ".pptx":
        import pptx

        prs = pptx.Presentation(io.BytesIO(data))
        texts = [s.text_frame.text for slide in prs.slides for s in slide.shapes if s.has_text_frame]
        return "\n".join(texts), len(prs.slides)
    if suffix in (".odt", ".odp"):
        from odf import teletype
        from odf import text as odftext
        from odf.opendocument import load

        doc = load(io.BytesIO(data))
        return "\n".join(teletype.extractText(p) for p in doc.getElementsByType(odftext.P)), 1
    return data.decode("utf-8", errors="replace"), 1


def reading_floor(folder: Path) -> dict[str, Any]:
    """One process reads every file's text; legacy files are converted in batches first, as arkisto does."""
    from extractors.formats.legacy import convert_many
    from pipeline.limits import LEGACY_CHUNK

    files = sorted(p for p in folder.rglob("*") if p.is_file())
    per_format: dict[str, dict[str, float]] = {}
    start = time.monotonic()
    legacy = [p for p in files if p.suffix.lower() in LEGACY]
    with tempfile.TemporaryDirectory(prefix="arkisto-bench-floor-") as tmp:
        for target in set(LEGACY.values()):
            group = [p for p in legacy if LEGACY[p.suffix.lower()] == target]
            for i in range(0, len(group), LEGACY_CHUNK):
                t = time.monotonic()
                converted = convert_many(group[i:i + LEGACY_CHUNK], target, outdir=Path(tmp) / f"{target}{i}")
                for src, out in converted.items():
                    if isinstance(out, Path):
                        _, pages = read_text(out, out.read_bytes())
                        _add(per_format, src.suffix, 0.0, pages)
                _add(per_format, group[0].suffix, time.monotonic() - t, 0, files=0)
        for p in files:
            if p.suffix.lower() in LEGACY:
                continue
            t = time.monotonic()
            _, pages = read_text(p, p.read_bytes())
            _add(per_format, p.suffix, time.monotonic() - t, pages)
    seconds = time.monotonic() - start
    pages = sum(int(v["pages"]) for v in per_format.values())
    return {"files": len(files), "pages": pages, "seconds": round(seconds, 2),
            "files_per_second": round(len(files) / seconds, 2), "pages_per_second": round(pages / seconds, 2),
            "by_format": {k: {"files": int(v["files"]), "seconds": round(v["seconds"], 2),
                              "files_per_second": round(v["files"] / v["seconds"], 2) if v["seconds"] else None}
                          for k, v in sorted(per_format.items())}}


def _add(table: dict[str, dict[str, float]], suffix: str, seconds: float, pages: int, files: int = 1) -> None:
    row = table.setdefault(suffix.lower().lstrip("."), {"files": 0, "seconds": 0.0, "pages": 0})
    row["files"] += files
    row["seconds"] += seconds
    row["pages"] += pages


def pdfplumber_text(folder: Path) -> dict[str, Any]:
    import pdfplumber

    pdfs = sorted(folder.rglob("*.pdf"))
    pages = 0
    start = time.monotonic()
    for p in pdfs:
        with pdfplumber.open(p) as pdf:
            for page in pdf.pages:
                page.extract_text()
                pages += 1
    seconds = time.monotonic() - start
    return {"files": len(pdfs), "pages": pages, "seconds": round(seconds, 2),
            "pages_per_second": round(pages / seconds, 2) if seconds else None}


# -- the machine ---------------------------------------------------------------------

def _burn(_: int) -> float:
    start = time.monotonic()
    total = 0
    for i in range(BURN_LOOPS):
        total += i
    return time.monotonic() - start


def calibrate() -> dict[str, Any]:
    """How much two processes get done against one, on this machine, right now."""
    one = _burn(0)
    with multiprocessing.get_context("spawn").Pool(2) as pool:
        pool.map(time.sleep, [0.1, 0.1])  # both processes up before the clock starts
        start = time.monotonic()
        pool.map(_burn, [0, 1])
        two = time.monotonic() - start
    return {"one_process_seconds": round(one, 2), "two_processes_seconds": round(two, 2),
            "parallel_speedup": round(2 * one / two, 2), "load_average": os.getloadavg()}


# -- the run --------------------------------------------------------------------------

def ratio(a: float | None, b: float | None) -> float | None:
    return round(a / b, 3) if a and b else None


def lower_middle(items: list[Any], key: Any = None) -> Any:
    """The median item; of an even count, the lower middle one (never flattering)."""
    ranked = sorted(items, key=key)
    return ranked[(len(ranked) - 1) // 2]


def median(values: list[float | None]) -> float | None:
    known = [v for v in values if v is not None]
    return lower_middle(known) if known else None


def median_run(runs: list[dict[str, Any]]) -> dict[str, Any]:
    """The run with the median speed: one real run, reported whole."""
    return lower_middle(runs, key=lambda r: r["files_per_second"])


def round_summary(this: dict[str, Any]) -> dict[str, Any]:
    """One round in short: the machine's two-over-one, each run's speed, the pair's ratio."""
    out: dict[str, Any] = {"machine_two_processes_over_one": this["calibration"]["parallel_speedup"],
                           "load_average": this["calibration"]["load_average"]}
    for name, run in this.items():
        if name != "calibration":
            out[name] = {k: run[k] for k in ("seconds", "files_per_second", "pages_per_second",
                                             "pages_per_second_after_startup", "startup_seconds")}
    out["two_workers_over_one"] = ratio(out.get("mixed_2w", {}).get("files_per_second"),
                                        out.get("mixed_1w", {}).get("files_per_second"))
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--files", type=int, default=2000, help="corpus size (default 2000)")
    parser.add_argument("--workers", default="1,2", help="worker counts to measure (default 1,2)")
    parser.add_argument("--keep", type=Path, help="build the corpus and archives here and keep them")
    parser.add_argument("--timeout", type=float, default=6 * 3600, help="seconds one arkisto run may take")
    parser.add_argument("--rounds", type=int, default=3,
                        help="rounds of arkisto runs, each with its own machine measure (default 3); "
                             "each measure's median is reported")
    parser.add_argument("--out", type=Path, help="result file (default bench/results/<date>.json)")
    args = parser.parse_args(argv)
    if args.rounds < 1:
        parser.error("--rounds must be at least 1")
    workers = [int(w) for w in args.workers.split(",") if w.strip()]

    workdir = args.keep or Path(tempfile.mkdtemp(prefix="arkisto-bench-"))
    corpus = workdir / "corpus"
    if corpus.exists():
        shutil.rmtree(corpus)
    started = datetime.now(timezone.utc)
    made = build_corpus(corpus, args.files)
    print(f"corpus: {sum(made.values())} files {dict(made)} in {corpus}", file=sys.stderr)
    result: dict[str, Any] = {
        "date": started.isoformat(timespec="seconds"),
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version(), "platform": platform.platform()},
        "corpus": {"files": sum(made.values()), "by_format": dict(made)},
        "rounds": [],
        "arkisto": {},
    }
    runs: dict[str, list[dict[str, Any]]] = {}
    try:
        for i in range(args.rounds):
            # Every round has its own measure of the machine and its own pair of runs, in turn
            # 1,2 and 2,1 workers: a slow spell of a shared machine then weighs on both sides.
            this = {"calibration": calibrate()}
            for n in (workers if i % 2 == 0 else workers[::-1]):
                print(f"round {i + 1}/{args.rounds}: arkisto, {n} worker(s), mixed corpus ...", file=sys.stderr)
                this[f"mixed_{n}w"] = run_arkisto(corpus, n, workdir, args.timeout)
            if (corpus / "pdf").is_dir():
                print(f"round {i + 1}/{args.rounds}: arkisto, 1 worker, PDFs only ...", file=sys.stderr)
                this["pdf_1w"] = run_arkisto(corpus / "pdf", 1, workdir, args.timeout)
            for name, run in this.items():
                if name != "calibration":
                    runs.setdefault(name, []).append(run)
            result["rounds"].append(round_summary(this))
        if (corpus / "pdf").is_dir():
            print("arkisto, 1 worker, PDFs only, rules only (no spaCy model) ...", file=sys.stderr)
            runs["pdf_1w_rules_only"] = [run_arkisto(corpus / "pdf", 1, workdir, args.timeout, rules_only=True)]
        print("reading floor ...", file=sys.stderr)
        result["reading_floor"] = reading_floor(corpus)
        result["reading_floor_pdf"] = reading_floor(corpus / "pdf") if (corpus / "pdf").is_dir() else None
        print("pdfplumber ...", file=sys.stderr)
        result["pdfplumber"] = pdfplumber_text(corpus)
    finally:
        if not args.keep:
            shutil.rmtree(workdir, ignore_errors=True)

    a = result["arkisto"] = {name: median_run(r) for name, r in runs.items()}
    one = a.get("mixed_1w", {})
    pdf1 = a.get("pdf_1w", {})
    result["ratios"] = {
        "floor_over_arkisto_files_per_s": ratio(result["reading_floor"]["files_per_second"], one.get("files_per_second")),
        "floor_over_arkisto_pdf_pages_per_s": ratio((result["reading_floor_pdf"] or {}).get("pages_per_second"),
                                                   pdf1.get("pages_per_second")),
        "pdfplumber_over_arkisto_pdf_pages_per_s": ratio(result["pdfplumber"]["pages_per_second"],
                                                         pdf1.get("pages_per_second")),
        "two_workers_over_one": median([r["two_workers_over_one"] for r in result["rounds"]]),
        "machine_two_processes_over_one": median([r["machine_two_processes_over_one"] for r in result["rounds"]]),
    }
    result["targets"] = {
        "pdf_pages_per_second_per_core >= 50": pdf1.get("pages_per_second"),
        "pdf_pages_per_second_per_core >= 50, after start-up": pdf1.get("pages_per_second_after_startup"),
        "two_workers_over_one >= 1.8": result["ratios"]["two_workers_over_one"],
        "peak_rss_mb_per_worker <= 800": max((r.get("peak_rss_mb", 0) for rs in runs.values() for r in rs),
                                             default=None),
    }
    out = args.out or RESULTS / f"{started.strftime('%Y-%m-%d')}.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print_report(result)
    print(f"written to {out}", file=sys.stderr)
    return 0


def print_report(r: dict[str, Any]) -> None:
    print(f"corpus: {r['corpus']['files']} files {r['corpus']['by_format']}")
    for name, run in r["arkisto"].items():
        print(f"arkisto {name} (median round): {run['files_per_second']} files/s, {run['pages_per_second']} pages/s "
              f"({run.get('pages_per_second_after_startup')} after {run.get('startup_seconds')} s of start-up), "
              f"{run['seconds']} s, peak RSS per worker {run['peak_rss_mb_per_worker']} MB, {run['failed']} failed")
    f = r["reading_floor"]
    print(f"reading floor: {f['files_per_second']} files/s, {f['pages_per_second']} pages/s, {f['seconds']} s")
    if r.get("reading_floor_pdf"):
        print(f"reading floor, PDFs: {r['reading_floor_pdf']['pages_per_second']} pages/s")
    print(f"pdfplumber extract_text: {r['pdfplumber']['pages_per_second']} pages/s")
    for i, rnd in enumerate(r["rounds"], 1):
        speeds = ", ".join(f"{k} {v['files_per_second']} files/s" for k, v in rnd.items() if isinstance(v, dict))
        print(f"round {i}: {speeds}; two workers over one {rnd['two_workers_over_one']}x, "
              f"machine's two processes over one {rnd['machine_two_processes_over_one']}x")
    for k, v in r["ratios"].items():
        print(f"  {k}: {v}")


if __name__ == "__main__":
    sys.exit(main())
