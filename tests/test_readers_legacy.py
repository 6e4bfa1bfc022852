"""Legacy DOC, PPT and RTF through LibreOffice and the DOCX/PPTX readers, on real files."""
from __future__ import annotations

import hashlib
import shutil
import time
import zipfile
from datetime import date
from pathlib import Path

import psutil
import pytest

from extractors.formats import MissingToolError, ReadError, read_document
from extractors.formats import legacy
from schemas.document import BlockKind, Document

ROOT = Path(__file__).resolve().parents[1]
REAL = ROOT.parent / "shared" / "corpus" / "real"
pytestmark = [
    pytest.mark.skipif(not REAL.is_dir(), reason="shared/corpus/real not beside the repo"),
    pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice not installed"),
]


def real(prefix: str) -> Path:
    return next(REAL.glob(f"{prefix}_*"))


_cache: dict[str, Document] = {}


def read_real(prefix: str) -> Document:
    if prefix not in _cache:
        _cache[prefix] = read_document(real(prefix))
    return _cache[prefix]


LEGACY = [
    ("12", "doc", ["Projektisuunnitelma", "opinnäytetyö, jossa tehdään web-sovellus IP-kameraan",
                   "Web-sovelluksen avulla tulisi voida katsoa kameran tallentamia video-otoksia."]),
    ("13", "doc", ["Tero Karvisen Linux projekti", "Ubuntu Server 14.04", "Työympäristö", "w18 Esitys"]),
    ("15", "rtf", ["Testiraportti:", "Yksikkötestit:", "Nappulan törmääminen toiseen nappulaan",
                   "Testauksen ulkopuolelle jääneet luokat:"]),
    ("23", "rtf", ["Group Members:", "MAE Downstairs", "Ash, Edward, Sam"]),
    ("25", "ppt", ["Neural Networks and Categorization Problems", "Back-propagation", "Example One"]),
]


@pytest.mark.slow
@pytest.mark.parametrize("prefix,fmt,phrases", LEGACY, ids=[t[0] for t in LEGACY])
def test_legacy_files_read_through_libreoffice(prefix: str, fmt: str, phrases: list[str]) -> None:
    path = real(prefix)
    doc = read_real(prefix)
    assert doc.format == fmt and doc.source == str(path)
    assert doc.id == hashlib.sha256(path.read_bytes()).hexdigest()  # the original's bytes, not the DOCX's
    assert doc.metadata["converted_by"] == "LibreOffice"
    assert doc.blocks
    for b in doc.blocks:
        assert doc.text[b.start:b.end] == b.text
    text = " ".join(doc.text.split())
    for phrase in phrases:
        assert phrase in text, phrase


@pytest.mark.slow
def test_conversion_day_does_not_leak_into_the_text() -> None:
    doc = read_real("12")  # its footer holds a DATE field that LibreOffice recomputes
    today = date.today()
    for shown in (f"{today.day}.{today.month}.{today.year}", today.isoformat()):
        assert shown not in doc.text
    assert doc.metadata["volatile_fields_cleared"] >= 1
    footer = next(b for b in doc.blocks if b.kind == BlockKind.FOOTER)
    assert "Kari Raappana" in footer.text and "Sivu 1" in footer.text


@pytest.mark.slow
def test_rtf_table_keeps_its_rows() -> None:
    table = next(b for b in read_real("23").blocks if b.kind == BlockKind.TABLE)
    header = table.rows[0]
    assert "Date" in header and "Members present" in header and "Decisions taken" in header
    first = next(r for r in table.rows if "02/02/17" in r)
    assert "MAE Downstairs" in first and "13:00 - 14:00" in first


@pytest.mark.slow
def test_ppt_slides_are_pages() -> None:
    doc = read_real("25")
    assert doc.pages == 55
    titles = [b for b in doc.blocks if b.kind == BlockKind.SLIDE_TITLE]
    assert titles[0].text == "Neural Networks and Categorization Problems" and titles[0].page == 1
    assert any(b.kind == BlockKind.TABLE and b.page == 11 for b in doc.blocks)


@pytest.mark.slow
def test_convert_many_in_one_soffice_run(tmp_path: Path) -> None:
    # equal names in different folders must not overwrite each other
    inputs = []
    for prefix in ("12", "13", "15"):
        folder = tmp_path / prefix
        folder.mkdir()
        inputs.append(Path(shutil.copy(real(prefix), folder / f"document{real(prefix).suffix}")))
    inputs.append(Path(shutil.copy(real("13"), tmp_path / "document.doc")))
    start = time.monotonic()
    results = legacy.convert_many(inputs, "docx", outdir=tmp_path / "out")
    elapsed = time.monotonic() - start
    print(f"\n{len(inputs)} files converted in one soffice run: {elapsed:.1f} s")
    assert set(results) == set(inputs)
    outputs = list(results.values())
    assert all(isinstance(p, Path) and p.parent == tmp_path / "out" for p in outputs)
    assert len(set(outputs)) == len(inputs)
    for path in outputs:
        with zipfile.ZipFile(path) as z:  # type: ignore[arg-type]
            assert "word/document.xml" in z.namelist()
    with zipfile.ZipFile(results[inputs[0]]) as z:  # type: ignore[arg-type]
        assert "opinnäytetyö" in z.read("word/document.xml").decode("utf-8")


def test_missing_libreoffice_is_a_one_line_error(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))  # a machine without LibreOffice
    with pytest.raises(MissingToolError) as err:
        read_document(real("12"))
    assert str(err.value) == "LibreOffice is not installed (apt-get install libreoffice-writer-nogui)"


@pytest.mark.slow
def test_timeout_kills_the_whole_soffice_process_group(tmp_path: Path) -> None:
    start = time.monotonic()
    results = legacy.convert_many([real("25")], "pptx", outdir=tmp_path, timeout=1.0)
    assert time.monotonic() - start < 10
    error = results[real("25")]
    assert isinstance(error, ReadError) and "timed out" in str(error)
    profile = legacy._profile().as_uri()
    time.sleep(0.2)
    left = [p for p in psutil.process_iter(["cmdline"]) if any(profile in c for c in (p.info["cmdline"] or []))]
    assert left == []
    # the same private profile still works after the kill
    again = legacy.convert_many([real("12")], "docx", outdir=tmp_path / "again")
    assert isinstance(again[real("12")], Path)


def test_volatile_fields_cleared_only_for_date_and_time() -> None:
    xml = ('<w:document><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> DATE \\@"d.M.yyyy" '
           '</w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1.1.2031</w:t></w:r>'
           '<w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r>'
           '<w:instrText> SAVEDATE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r>'
           '<w:t>29.10.2015</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>'
           '<w:fldSimple w:instr=" TIME "><w:r><w:t>12:00</w:t></w:r></w:fldSimple></w:document>')
    import io
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("word/document.xml", xml)
    cleaned, count = legacy.drop_volatile_fields(buf.getvalue())
    text = zipfile.ZipFile(io.BytesIO(cleaned)).read("word/document.xml").decode()
    assert count == 2
    assert "1.1.2031" not in text and "12:00" not in text and "29.10.2015" in text
