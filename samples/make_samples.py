"""Author the sample corpus: each seed text rebuilt in the office formats such documents had.

Run from the repository root: ``.venv/bin/python samples/make_samples.py [--seeds DIR]``.
The seeds (Markdown-ish text exported from Word and PowerPoint) are parsed by the
modules in ``samples/authoring/``; no seed content is pasted there, only two small
hand-checked layout facts the flattened text cannot tell (which attendee holds which
role, where the seminar deck's slides start). DOCX and PPTX are written with
python-docx / python-pptx; PDF, DOC and ODT are converted from the DOCX by LibreOffice,
one ``soffice`` call per target format. Rebuilding gives the same bytes.
"""
from __future__ import annotations

import argparse
import csv
import shutil
import subprocess
import sys
import tempfile
import uuid
from pathlib import Path
from typing import Callable

from authoring import bulletin, minutes, slides, tables, word
from authoring.zipfiles import doc_without_stamps, fixed_zip, odf_without_stamps, pdf_without_stamps

HERE = Path(__file__).resolve().parent
DEFAULT_SEEDS = HERE.parent.parent / "shared" / "seeds"  # ../shared/seeds from the repository root
SAMPLE_SUFFIXES = {".txt", ".docx", ".pptx", ".pdf", ".doc", ".odt"}

# seed number -> (builder, saver, format) of the file written directly
DIRECT: dict[str, tuple[Callable[[str], object], Callable[[object, Path], None], str]] = {
    "000": (minutes.build, word.save, "docx"),       # type: ignore[dict-item]
    "001": (slides.build_deck, slides.save, "pptx"),  # type: ignore[dict-item]
    "002": (slides.build_seminar, slides.save, "pptx"),  # type: ignore[dict-item]
    "003": (tables.build, word.save, "docx"),        # type: ignore[dict-item]
    "004": (bulletin.build, word.save, "docx"),      # type: ignore[dict-item]
}
# target format -> (LibreOffice filter, seeds converted from their DOCX, stamp remover)
CONVERTED: dict[str, tuple[str, tuple[str, ...], Callable[[bytes], bytes]]] = {
    "pdf": ("pdf:writer_pdf_Export", ("000", "004"), pdf_without_stamps),
    "doc": ("doc:MS Word 97", ("000",), doc_without_stamps),
    "odt": ("odt", ("003",), lambda data: fixed_zip(data, odf_without_stamps)),
}


def soffice(target: str, sources: list[Path], outdir: Path) -> None:
    """One headless LibreOffice call for many files, with a throw-away profile."""
    profile = Path(tempfile.gettempdir()) / f"lo-profile-{uuid.uuid4()}"
    cmd = ["soffice", "--headless", f"-env:UserInstallation=file://{profile}",
           "--convert-to", target, "--outdir", str(outdir), *map(str, sources)]
    try:
        done = subprocess.run(cmd, capture_output=True, text=True, timeout=300)
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    ext = target.split(":")[0]
    missing = [s.name for s in sources if not (outdir / f"{s.stem}.{ext}").exists()]
    if done.returncode or missing:
        raise SystemExit(f"soffice --convert-to {target} failed for {missing}: {done.stderr.strip()[:300]}")


def seed_files(seeds: Path) -> dict[str, Path]:
    found = {p.name[:3]: p for p in sorted(seeds.glob("[0-9][0-9][0-9]_*.txt"))}
    if missing := sorted(set(DIRECT) - set(found)):
        raise SystemExit(f"seeds missing in {seeds}: {missing}")
    return {key: found[key] for key in DIRECT}


def make(seeds: Path, out: Path) -> list[tuple[str, str, str]]:
    """Write every sample into ``out`` and its manifest; returns rows (file, derived_from, format)."""
    by_key = seed_files(seeds)
    for old in out.iterdir():
        if old.is_file() and old.suffix in SAMPLE_SUFFIXES:
            old.unlink()
    manifest: list[tuple[str, str, str]] = []
    for key, seed in by_key.items():
        shutil.copyfile(seed, out / seed.name)
        manifest.append((seed.name, seed.name, "txt"))
        build, save, fmt = DIRECT[key]
        save(build(seed.read_text(encoding="utf-8")), out / f"{seed.stem}.{fmt}")
        manifest.append((f"{seed.stem}.{fmt}", seed.name, fmt))
    with tempfile.TemporaryDirectory() as tmp:
        for fmt, (target, keys, unstamp) in CONVERTED.items():
            soffice(target, [out / f"{by_key[k].stem}.docx" for k in keys], Path(tmp))
            for k in keys:
                name = f"{by_key[k].stem}.{fmt}"
                (out / name).write_bytes(unstamp((Path(tmp) / name).read_bytes()))
                manifest.append((name, by_key[k].name, fmt))
    manifest.sort()
    with open(out / "manifest.csv", "w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(["file", "derived_from", "format"])
        writer.writerows(manifest)
    return manifest


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--seeds", type=Path, default=DEFAULT_SEEDS, help="folder of the seed .txt files")
    parser.add_argument("--out", type=Path, default=HERE, help="folder to write the samples into")
    args = parser.parse_args(argv)
    rows = make(args.seeds, args.out)
    print(f"wrote {len(rows)} samples and manifest.csv to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
