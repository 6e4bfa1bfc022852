"""The sample corpus: every conversion holds its seed's words and the structure it was built with."""
from __future__ import annotations

import csv
import re
import unicodedata
from pathlib import Path

import docx
import pptx
import pytest

from extractors.formats import read_document

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
NOT_SAMPLES = {"make_samples.py", "manifest.csv"}
FORMATS = {"txt", "docx", "pdf", "pptx", "odt", "doc"}
MOJIBAKE = re.compile("[ÃÂ\ufffd]|â€")
FINNISH = "äöåÄÖÅ"
TAG = re.compile(r"<[^>]+>")
MD_LINK = re.compile(r"\[([^\]]*)\]\([^)\s]*\)")
MD_ESCAPE = re.compile(r"\\+([\\_*\[\]()#`])")
BOLD = re.compile(r"\*\*(.+?)\*\*")
MIN_COVERAGE = 0.98


def manifest() -> list[dict[str, str]]:
    with open(SAMPLES / "manifest.csv", newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


ROWS = manifest()


def seed_text(derived_from: str) -> str:
    """The seed as the words a reader should find: Markdown and HTML markup removed."""
    text = (SAMPLES / derived_from).read_text(encoding="utf-8")
    text = TAG.sub(" ", text)
    text = MD_LINK.sub(r"\1", text)
    return MD_ESCAPE.sub(r"\1", text).replace("**", " ")


def words(text: str) -> set[str]:
    return set(re.findall(r"\w+", unicodedata.normalize("NFC", text).lower()))


def rows_of(fmt: str) -> list[dict[str, str]]:
    return [r for r in ROWS if r["format"] == fmt]


def test_manifest_lists_every_sample_and_nothing_else() -> None:
    with open(SAMPLES / "manifest.csv", encoding="utf-8") as fh:
        assert fh.readline().strip() == "file,derived_from,format"
    on_disk = {p.name for p in SAMPLES.iterdir() if p.is_file() and p.name not in NOT_SAMPLES}
    listed = [r["file"] for r in ROWS]
    assert len(listed) == len(set(listed))
    assert set(listed) == on_disk
    seeds = {r["file"] for r in rows_of("txt")}
    for row in ROWS:
        assert row["format"] in FORMATS
        assert row["file"].endswith("." + row["format"])
        assert row["derived_from"] in seeds, f"{row['file']} derives from an unlisted seed"
        # the scorer matches exports by the seed's stem, so every name keeps it
        assert row["file"].startswith(Path(row["derived_from"]).stem + ".")


@pytest.mark.parametrize("row", ROWS, ids=[r["file"] for r in ROWS])
def test_sample_reads_back_with_its_seed_words(row: dict[str, str]) -> None:
    document = read_document(SAMPLES / row["file"])
    if row["format"] != "txt":  # a .txt seed may be detected as Markdown
        assert document.format == row["format"]
    seed = seed_text(row["derived_from"])
    want, got = words(seed), words(document.text)
    missing = want - got
    coverage = 1 - len(missing) / len(want)
    assert coverage >= MIN_COVERAGE, f"{coverage:.1%} of seed words; missing e.g. {sorted(missing)[:15]}"
    for letter in FINNISH:
        if letter in seed:
            assert letter in document.text, f"{letter!r} lost"
    assert not MOJIBAKE.search(document.text), MOJIBAKE.search(document.text)


def test_seed_word_check_can_fail() -> None:
    """The coverage measure notices a conversion that lost a part of its seed."""
    seed = seed_text(rows_of("txt")[0]["file"])
    half = seed[: len(seed) // 2]
    assert len(words(seed) - words(half)) / len(words(seed)) > 1 - MIN_COVERAGE


def _tab_rows(seed: str) -> list[list[str]]:
    return [line.split("\t") for line in seed.splitlines() if "\t" in line.strip()]


def _normal(text: str) -> str:
    return " ".join(text.split())


def test_minutes_docx_has_an_attendance_table_aligned_with_the_seed_columns() -> None:
    """Each person is one row of a ≥3-column table; read down, the columns give back the seed's
    flattened name and organisation columns, so names and organisations stayed aligned."""
    row = next(r for r in rows_of("docx") if "MUISTIO" in (SAMPLES / r["derived_from"]).read_text("utf-8"))
    seed_rows = _tab_rows((SAMPLES / row["derived_from"]).read_text("utf-8"))
    assert seed_rows, "the minutes seed has its attendance as tab-separated columns"
    document = docx.Document(str(SAMPLES / row["file"]))
    name_words = words(" ".join(r[1] for r in seed_rows))
    table = next(t for t in document.tables if len(t.columns) >= 3
                 and name_words <= words(" ".join(c.text for r in t.rows for c in r.cells)))
    cells = [[c.text for c in r.cells] for r in table.rows]
    for seed_row in seed_rows:
        label = seed_row[0].strip()
        group = [r for r in cells if r[0].strip() == label]
        assert group, f"no rows for {label!r}"
        assert all(len(r[1].split()) >= 2 for r in group), "one person per row"
        assert _normal(" ".join(r[1] for r in group)) == _normal(seed_row[1])
        assert _normal(" ".join(r[2] for r in group)) == _normal(seed_row[2])
        if len(seed_row) > 3:
            assert _normal(" ".join(r[3] for r in group)) == _normal(seed_row[3])


def test_docx_samples_use_word_structure_for_markdown() -> None:
    """Seed bullets are "List Bullet" paragraphs, ``**bold**`` is bold runs, no markup is left."""
    for row in rows_of("docx"):
        seed = (SAMPLES / row["derived_from"]).read_text("utf-8")
        document = docx.Document(str(SAMPLES / row["file"]))
        paragraphs = list(document.paragraphs) + [p for t in document.tables for r in t.rows
                                                  for c in r.cells for p in c.paragraphs]
        text = "\n".join(p.text for p in paragraphs)
        assert not re.search(r"<\w+[^>]*>|\*\*|\]\(", text), f"{row['file']} keeps raw markup"
        bullets = len(re.findall(r"^\s*- ", seed, re.M))
        listed = sum(p.style.name.startswith("List Bullet") for p in paragraphs)
        assert listed >= bullets, f"{row['file']}: {listed} list paragraphs for {bullets} seed bullets"
        bold = " ".join(r.text for p in paragraphs for r in p.runs if r.bold)
        for span in BOLD.findall(seed):
            assert _normal(MD_LINK.sub(r"\1", span)) in _normal(bold)


def test_goals_tables_are_real_word_tables_without_html() -> None:
    for row in rows_of("docx"):
        seed_rows = _tab_rows((SAMPLES / row["derived_from"]).read_text("utf-8"))
        if not any("<" in c for r in seed_rows for c in r):
            continue
        document = docx.Document(str(SAMPLES / row["file"]))
        first_cells = {_normal(r.cells[0].text) for t in document.tables for r in t.rows}
        for seed_row in seed_rows:
            label = _normal(TAG.sub(" ", seed_row[0]))
            assert any(label in cell for cell in first_cells), label[:60]


def test_decks_have_one_slide_per_heading_with_levels() -> None:
    for row in rows_of("pptx"):
        seed = (SAMPLES / row["derived_from"]).read_text("utf-8")
        deck = pptx.Presentation(str(SAMPLES / row["file"]))
        titles = [s.shapes.title.text for s in deck.slides]
        assert all(titles), "every slide has a title"
        headings = [MD_ESCAPE.sub(r"\1", h).strip() for h in re.findall(r"^# (.+)$", seed, re.M)]
        if headings:
            assert titles == headings
        if re.search(r"^ +[-\d]", seed, re.M):  # nested items in the seed
            levels = {p.level for s in deck.slides for sh in s.placeholders
                      if sh.placeholder_format.idx == 1 for p in sh.text_frame.paragraphs}
            assert 1 in levels
