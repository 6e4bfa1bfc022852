"""Format detection by content: every real corpus file, and disguised, random and empty
variants of them made at test time."""
from __future__ import annotations

import csv
import io
import random
import shutil
import zipfile
from pathlib import Path

import pytest

from extractors.formats import ReadError, detect_format, read_document

ROOT = Path(__file__).resolve().parents[1]
REAL = ROOT.parent / "shared" / "corpus" / "real"
needs_corpus = pytest.mark.skipif(not REAL.is_dir(), reason="shared/corpus/real not beside the repo")
EXTENSIONS = [".pdf", ".PDF", ".docx", ".pptx", ".odt", ".odp", ".doc", ".ppt", ".rtf", ".txt", ".md", ".html"]


def corpus_rows() -> list[dict[str, str]]:
    if not REAL.is_dir():
        return []
    with open(REAL / "SOURCES.tsv", encoding="utf-8") as f:
        return list(csv.DictReader(f, delimiter="\t"))


def real(prefix: str) -> Path:
    return next(REAL.glob(f"{prefix}_*"))


@needs_corpus
@pytest.mark.parametrize("row", corpus_rows(), ids=lambda r: r["file"][:2])
def test_corpus_file_detected(row: dict[str, str]) -> None:
    path = REAL / row["file"]
    data = path.read_bytes()
    if "fake" in row["format"]:
        with pytest.raises(ReadError, match="owner/lock file"):
            detect_format(path, data)
    else:
        assert detect_format(path, data) == row["format"]


@needs_corpus
def test_every_corpus_file_is_listed() -> None:
    listed = {r["file"] for r in corpus_rows()}
    assert listed == {p.name for p in REAL.iterdir() if p.name != "SOURCES.tsv"}


@needs_corpus
def test_word_lock_file_is_a_clear_error_under_any_name(tmp_path: Path) -> None:
    data = real("27").read_bytes()
    for name in ("27.docx", "~$veloper's Guide.docx", "lock.doc", "notes.txt"):
        path = tmp_path / name
        path.write_bytes(data)
        with pytest.raises(ReadError, match="owner/lock file") as err:
            read_document(path)
        assert "\n" not in str(err.value)


@needs_corpus
@pytest.mark.parametrize("prefix,disguise,fmt", [
    ("15", "report.doc", "rtf"),      # an RTF saved with a .doc name
    ("21", "minutes.docx", "pdf"),    # a PDF renamed to .docx
    ("06", "agenda.pdf", "docx"),
    ("12", "plan.rtf", "doc"),
    ("25", "slides.doc", "ppt"),      # OLE streams decide, not the extension
    ("14", "plan.docx", "odt"),
    ("09", "slides.pptx", "odp"),
    ("04", "scan.pdf", "pdf"),
])
def test_content_beats_extension(tmp_path: Path, prefix: str, disguise: str, fmt: str) -> None:
    path = tmp_path / disguise
    shutil.copy(real(prefix), path)
    assert detect_format(path, path.read_bytes()) == fmt


@needs_corpus
def test_disguised_pdf_is_read_as_pdf(tmp_path: Path) -> None:
    path = tmp_path / "minutes.docx"
    shutil.copy(real("21"), path)
    doc = read_document(path)
    assert doc.format == "pdf" and "Mötesprotokoll" in doc.text


@pytest.mark.parametrize("ext", EXTENSIONS)
def test_random_bytes_are_rejected_under_every_extension(tmp_path: Path, ext: str) -> None:
    rng = random.Random(ext)
    for size in (16, 700, 50_000):
        path = tmp_path / f"noise{ext}"
        path.write_bytes(bytes(rng.randrange(256) for _ in range(size)))
        with pytest.raises(ReadError, match="binary data of unknown type"):
            read_document(path)


@pytest.mark.parametrize("ext", EXTENSIONS)
@pytest.mark.parametrize("content", [b"", b"\n\n  \t\r\n", b"\x00" * 64])
def test_empty_files_are_rejected(tmp_path: Path, ext: str, content: bytes) -> None:
    path = tmp_path / f"empty{ext}"
    path.write_bytes(content)
    with pytest.raises(ReadError, match="empty file"):
        read_document(path)


def zipped(parts: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for name, data in parts.items():
            z.writestr(name, data)
    return buf.getvalue()


@pytest.mark.parametrize("name,data,expected", [
    ("a.txt", "Pöytäkirja\nKokous avattiin".encode("utf-16-le"), "txt"),
    ("a.txt", "Pöytäkirja\nKokous avattiin".encode("utf-16"), "txt"),
    ("a.md", b"# Otsikko\n\nTeksti", "md"),
    ("a.txt", b"<!DOCTYPE html><html><body>x</body></html>", "html"),
    ("a.doc", b"\xef\xbb\xbf  {\\rtf1\\ansi hello}", "rtf"),
    ("a.zip", zipped({"word/document.xml": b"<w:document/>"}), "docx"),
    ("a.zip", zipped({"ppt/presentation.xml": b"<p:presentation/>"}), "pptx"),
    ("a.zip", zipped({"mimetype": b"application/vnd.oasis.opendocument.text", "content.xml": b"<x/>"}), "odt"),
    ("a.bin", b"junk before %PDF-1.4 header", "pdf"),
])
def test_detected_by_content(name: str, data: bytes, expected: str) -> None:
    assert detect_format(Path(name), data) == expected


@pytest.mark.parametrize("name,data,reason", [
    ("a.docx", zipped({"readme.txt": b"hello"}), "not a Word, PowerPoint or OpenDocument"),
    ("a.docx", zipped({"word/document.xml": b"<w:document/>" * 100})[:60], "broken ZIP"),
    ("a.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 500 + "EncryptedPackage".encode("utf-16-le"), "encrypted"),
    ("a.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 500 + "Workbook".encode("utf-16-le"), "unsupported kind"),
    ("a.txt", b"\x01\x00\x02\x00\x03\x00" * 100, "binary data"),
])
def test_undetectable_content_is_a_one_line_error(name: str, data: bytes, reason: str) -> None:
    with pytest.raises(ReadError, match=reason) as err:
        detect_format(Path(name), data)
    assert "\n" not in str(err.value)
