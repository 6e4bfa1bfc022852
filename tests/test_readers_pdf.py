"""PDF reader on the real corpus: text layer, tables, TeX accents, soft hyphens, OCR of
scanned pages (with a hand-typed transcript), and hostile PDFs made at test time."""
from __future__ import annotations

import ctypes
import gc
import io
import os
import random
import shutil
import time
import unicodedata
from pathlib import Path

import pdfplumber
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import pytest
from pdfplumber import table as plumber_table
from pdfplumber import utils as plumber_utils

from tests.hostile.make_hostile import pdf_bytes, pdf_file

from extractors.formats import MissingToolError, ReadError, read_document
from extractors.formats import ocr as ocr_engine
from extractors.formats import pdf, pdf_chars, pdf_geometry, pdf_paths
from extractors.formats.pdf_text import join_lines, recompose_marks
from schemas.document import BlockKind, Document

ROOT = Path(__file__).resolve().parents[1]
REAL = ROOT.parent / "shared" / "corpus" / "real"
TRANSCRIPTS = Path(__file__).parent / "data" / "ocr"
needs_corpus = pytest.mark.skipif(not REAL.is_dir(), reason="shared/corpus/real not beside the repo")
needs_tesseract = pytest.mark.skipif(shutil.which("tesseract") is None, reason="tesseract not installed")


def real(prefix: str) -> Path:
    return next(REAL.glob(f"{prefix}_*"))


def assert_well_formed(doc: Document) -> None:
    assert doc.blocks, "no blocks"
    for b in doc.blocks:
        assert doc.text[b.start:b.end] == b.text
        assert b.text.strip(" \n") == b.text and b.text.strip()  # a table may start with an empty cell
        assert b.page is not None and 1 <= b.page <= (doc.pages or 0)
    assert unicodedata.normalize("NFC", doc.text) == doc.text
    assert "\u00ad" not in doc.text and "\u00a0" not in doc.text and "\ufffe" not in doc.text


def flat(doc: Document) -> str:
    return " ".join(doc.text.split())


_cache: dict[str, Document] = {}


def read_real(prefix: str, **options: object) -> Document:
    key = f"{prefix}{sorted(options.items())}"
    if key not in _cache:
        path = real(prefix)
        _cache[key] = pdf.read(path, path.read_bytes(), "pdf", **options) if options else read_document(path)
    return _cache[key]


TEXT_PDFS = [
    ("01", 3, ["Varsinainen yhtiökokous", "Pöytäkirja 20.06.2017", "Kokouksen puheenjohtajaksi valittiin Tuukka Forsell",
               "ottamassa Koha-kirjastojärjestelmän käyttöönsä", "Kokous päätettiin klo 12.43"]),
    ("02", 1, ["Läsnäolijat ja osakkeenomistajien äänimäärät"]),
    ("05", 4, ["Yhtiökokouskutsu", "Raatihuoneenkatu 6, 50100 Mikkeli", "Kokouksen esityslista", "39 652,73 €"]),
    ("10", 3, ["Toimitusjohtajan raportti 2/2023", "Tavoitteet ja toteuma tarkemmin", "Kirkes-kimpan käyttöönotto"]),
    ("11", 2, ["viestintäsuunnitelma 2023", "Sopivankokoinen Koha-Suomi Oy", "Kohderyhmä"]),
    ("19", 3, ["Protokoll för LiTHe Kods konstituerande möte", "Mötet beslutar att välja Mikael Silvén till mötesordförande",
               "§9 Övriga poster", "Johan Nåtoft", "ålägga den nya styrelsen"]),
    ("20", 2, ["LiTHe Kod 2013-10-09", "Markus Wetterberg, Johan Nåtoft", "Jur-gruppen", "D-sektionens", "11. Kick-Off"]),
    ("21", 1, ["Mötesprotokoll", "Johan föreslår att föreningen skaffar sig ett bankkort för att enklare sköta ekonomin.",
               "Inga övriga punkter"]),
]


@needs_corpus
@pytest.mark.parametrize("prefix,pages,phrases", TEXT_PDFS, ids=[t[0] for t in TEXT_PDFS])
def test_text_pdfs(prefix: str, pages: int, phrases: list[str]) -> None:
    doc = read_real(prefix)
    assert doc.format == "pdf" and doc.pages == pages
    assert_well_formed(doc)
    assert not any(b.ocr for b in doc.blocks)  # a text layer is never OCR'd
    assert {b.page for b in doc.blocks} == set(range(1, pages + 1)) - ({4} if prefix == "05" else set())
    text = flat(doc)
    for phrase in phrases:
        assert phrase in text, phrase


@needs_corpus
def test_latex_accents_recomposed() -> None:
    doc = read_real("19")
    for word in ("för", "möte", "Mötet", "på", "verksamhetsåret", "Övrigt", "Silvén", "Bergström"):
        assert word in doc.text, word
    for mark in "\u00a8\u00b4\u02da\u02c7":
        assert mark not in doc.text, mark
    assert "att˚al" not in doc.text and "attål" not in doc.text


@needs_corpus
def test_running_headers_and_footers() -> None:
    doc = read_real("19")
    headers = [b for b in doc.blocks if b.kind == BlockKind.HEADER]
    footers = [b for b in doc.blocks if b.kind == BlockKind.FOOTER]
    assert [b.page for b in headers] == [1, 2, 3] and [b.page for b in footers] == [1, 2, 3]
    assert all("Sida" in b.text for b in headers) and all("lithekod.se" in b.text for b in footers)


@needs_corpus
def test_soft_hyphens_and_no_break_spaces() -> None:
    doc = read_real("20")
    assert "2013-10-09" in doc.text
    items = [b.text for b in doc.blocks if b.kind == BlockKind.LIST_ITEM]
    assert "mötesordförande: Markus" in items  # "\xad mötesordförande" was a drawn dash bullet


@needs_corpus
def test_headings_and_numbered_items() -> None:
    doc = read_real("01")
    headings = [b.text for b in doc.blocks if b.kind == BlockKind.HEADING]
    assert "1. Kokouksen avaaminen" in headings and "17. Kokouksen päättäminen" in headings
    assert all(b.level for b in doc.blocks if b.kind == BlockKind.HEADING)
    assert "Kokouksen avasi hallituksen puheenjohtaja Rebekka Pilppula klo 12.00" in [b.text for b in doc.blocks]


@needs_corpus
def test_ruled_table_with_merged_rows() -> None:
    doc = read_real("10")
    tables = [b for b in doc.blocks if b.kind == BlockKind.TABLE]
    assert len(tables) == 2 and [t.page for t in tables] == [1, 3]
    assert tables[0].rows[0][:2] == ["Tehtävä", "Kokouksia"]
    assert ["Asiantuntijaryhmä", "2"] == tables[0].rows[1][:2]
    # the boxed one-column list of goals is prose, not a table
    assert any(b.kind == BlockKind.LIST_ITEM and b.text.startswith("3. Kirkes-kimpan") for b in doc.blocks)
    # text inside a table is not repeated as paragraphs
    assert not any(b.kind == BlockKind.PARAGRAPH and "Asiantuntijaryhmä" in b.text for b in doc.blocks)


@needs_corpus
def test_table_rows_without_rules_are_split_into_columns() -> None:
    doc = read_real("11")
    table = next(b for b in doc.blocks if b.kind == BlockKind.TABLE)
    assert table.page == 2 and table.rows[0][:4] == ["Kohderyhmä", "Tavoite", "Toimenpide", "Kanavat"]
    first = table.rows[1]
    assert first[0] == "Isojen kirjastojen johtajat" and first[1].startswith("Varmistaa yhteisiin")


@needs_corpus
def test_table_from_aligned_columns() -> None:
    doc = read_real("02")
    table = next(b for b in doc.blocks if b.kind == BlockKind.TABLE)
    assert {"KUNTA", "Etunimi", "Sukunimi"} <= set(table.rows[0])
    hanko = next(r for r in table.rows if "Hanko" in r)
    assert {"Maarit", "Tuomisto", "Paikanpäällä", "8865"} <= set(hanko)
    assert len(table.rows) >= 40


@needs_corpus
def test_table_search_only_on_pages_that_may_hold_tables() -> None:
    candidates = set()
    for prefix in ("01", "02", "05", "10", "11", "19", "20", "21"):
        doc = pdfium.PdfDocument(real(prefix).read_bytes())
        for index in range(len(doc)):
            page = doc[index]
            lines = pdf.text_lines(page.get_textpage(), page.get_mediabox()[3])
            if lines and pdf._may_hold_table(page, lines):
                candidates.add((prefix, index + 1))
            page.close()
        doc.close()
    # the four pages with tables; not the boxed prose (10 p2), row shading (11 p1), signature rules (19 p3)
    assert candidates == {("02", 1), ("10", 1), ("10", 3), ("11", 2)}


def page_parts(prefix: str, number: int) -> tuple[pdfium.PdfPage, list[dict], list[dict]]:
    """A real page, its edges and table characters as the reader builds them."""
    doc = pdfium.PdfDocument(real(prefix).read_bytes())
    page = doc[number - 1]
    textpage = page.get_textpage()
    records: list = []
    pdf_chars.text_lines(textpage, page.get_mediabox()[3], records)
    view = pdf_paths.page_view(page)
    return page, pdf_paths.page_edges(page, view), pdf_chars.table_chars(textpage, records, view)


@needs_corpus
def test_character_records_are_what_pypdfium2s_checked_api_reads() -> None:
    """The per-character pdfium calls skip ctypes' argument checks (for speed), so a wrong
    argument would not raise: what they read must equal pypdfium2's checked answers."""
    page, _, chars = page_parts("02", 1)
    textpage = page.get_textpage()
    records: list = []
    pdf_chars.text_lines(textpage, page.get_mediabox()[3], records)
    drawn = [r for r in records if r[0] and not r[0].isspace()]
    assert len(drawn) > 1000
    for _, left, right, bottom, top, _, index, _, obj in drawn:
        assert (left, bottom, right, top) == textpage.get_charbox(index)
        assert obj == ctypes.cast(pdfium_c.FPDFText_GetTextObject(textpage, index), ctypes.c_void_p).value
    # an unturned page: the table characters span the loose boxes' x as they are
    spans = [(c["x0"], c["x1"]) for c in chars if c["text"] != " "]
    assert spans == [textpage.get_charbox(r[6], loose=True)[::2] for r in drawn]


def merged(edges: list[dict]) -> list[tuple[str, float, float, float, float]]:
    found = plumber_utils.filter_edges(edges, "v") + plumber_utils.filter_edges(edges, "h")
    out = plumber_utils.filter_edges(plumber_table.merge_edges(found, 3, 3, 3, 3), min_length=3)
    return sorted((e["orientation"], e["x0"], e["top"], e["x1"], e["bottom"]) for e in out)


@needs_corpus
@pytest.mark.parametrize("prefix,number", [("10", 1), ("10", 3), ("11", 2)])
def test_edges_from_pdfium_match_pdfplumbers_parse(prefix: str, number: int) -> None:
    _, edges, _ = page_parts(prefix, number)
    with pdfplumber.open(real(prefix)) as plumbed:
        theirs = merged(plumbed.pages[number - 1].edges)
    mine = merged(edges)
    assert len(mine) == len(theirs) >= 10
    for a, b in zip(mine, theirs):  # pdfium keeps path points as 32-bit floats
        assert a[0] == b[0] and all(abs(x - y) < 0.2 for x, y in zip(a[1:], b[1:])), (a, b)


@needs_corpus
@pytest.mark.parametrize("prefix,number", [("02", 1), ("10", 1), ("11", 2)])
def test_ports_give_pdfplumbers_cells_and_cell_texts(prefix: str, number: int) -> None:
    _, edges, chars = page_parts(prefix, number)
    words = pdf_geometry.PageText(chars).words()
    for found in (plumber_utils.filter_edges(edges, "v") + plumber_utils.filter_edges(edges, "h"),
                  plumber_table.words_to_edges_v(words, 3) + plumber_table.words_to_edges_h(words, 1)):
        merged = plumber_utils.filter_edges(plumber_table.merge_edges(found, 3, 3, 3, 3), min_length=3)
        cells = pdf_geometry.intersections_to_cells(pdf_geometry.crossings(merged))
        theirs = plumber_table.intersections_to_cells(plumber_table.edges_to_intersections(merged, 3, 3))
        assert cells and cells == theirs
        tables = pdf_geometry.cells_to_tables(cells)
        assert tables and tables == plumber_table.cells_to_tables(cells)
        page = pdf_geometry.PageText(chars)
        for table in (plumber_table.Table(page, group) for group in tables):
            rows = [row.cells for row in table.rows]
            assert pdf_geometry.cell_texts(page, rows) == table.extract(x_tolerance=3, y_tolerance=3)


def ragged_grid(seed: int) -> list[dict]:
    """Edges of a few ruled grids as a careless drawing gives them: rules broken into
    pieces, doubled, missing, and ending on, just inside and just outside the 3 pt
    tolerance of the rules they meet."""
    rng = random.Random(seed)
    near = [3.0, -3.0, 2.999, -2.999, 3.001, -3.001, 1.5]

    def off() -> float:
        return rng.choice(near) if rng.random() < 0.25 else 0.0

    edges = []
    for left, top in ((50.0, 60.0), (50.0, 400.0), (330.0, 80.0)):
        xs = [left + 40 * k for k in range(6)]
        ys = [top + 20 * k for k in range(9)]
        for x in xs:
            for y0, y1 in zip(ys, ys[1:]):
                if rng.random() < 0.9:
                    a, b = y0 + off(), y1 + off()
                    edges.append({"x0": x, "x1": x, "top": min(a, b), "bottom": max(a, b), "height": abs(b - a),
                                  "orientation": "v"})
        for y in ys:
            for x0, x1 in zip(xs, xs[1:]):
                for _ in range(1 + (rng.random() < 0.1)):
                    if rng.random() < 0.9:
                        a, b = x0 + off(), x1 + off()
                        edges.append({"x0": min(a, b), "x1": max(a, b), "top": y, "bottom": y, "width": abs(b - a),
                                      "orientation": "h", **({"doctop": y} if rng.random() < 0.5 else {})})
    rng.shuffle(edges)
    return edges


@pytest.mark.parametrize("seed", range(6))
def test_crossings_cells_and_tables_are_pdfplumbers_on_ragged_grids(seed: int) -> None:
    """Unmerged edges, so points meet on the tolerances' edges and edges share boxes."""
    edges = ragged_grid(seed)
    theirs = plumber_table.edges_to_intersections(edges, 3, 3)
    mine = pdf_geometry.crossings(edges)
    assert mine.keys() == theirs.keys() and len(mine) > 100
    box = plumber_utils.obj_to_bbox
    for p, (plumb, level) in mine.items():  # as many edges as pdfplumber has distinct boxes there
        assert len(plumb) == len({box(e) for e in theirs[p]["v"]})
        assert len(level) == len({box(e) for e in theirs[p]["h"]})
    cells = pdf_geometry.intersections_to_cells(mine)
    assert cells == plumber_table.intersections_to_cells(theirs) and len(cells) > 40
    tables = pdf_geometry.cells_to_tables(cells)
    assert tables == plumber_table.cells_to_tables(cells) and len(tables) >= 2


@needs_corpus
@pytest.mark.parametrize("prefix,number", [("02", 1), ("10", 1), ("11", 2)])
def test_word_edges_and_snapping_are_pdfplumbers(prefix: str, number: int) -> None:
    """The text strategy's edges and the snapping of all edges, ported: pdfplumber's edges,
    keys in its order, from a real page's words and rules and from unsettled ones."""
    _, edges, chars = page_parts(prefix, number)
    for page in (chars, unsettled(chars, seed=number)):
        words = pdf_geometry.extract_words(page)
        mine = pdf_geometry.words_to_edges_v(words) + pdf_geometry.words_to_edges_h(words)
        theirs = plumber_table.words_to_edges_v(words, 3) + plumber_table.words_to_edges_h(words, 1)
        assert mine == theirs and [list(e) for e in mine] == [list(e) for e in theirs]
        assert sum(1 for e in mine if e["orientation"] == "v") >= 3
        for found in (mine, edges, ragged_grid(number)):
            snapped = pdf_geometry.snap_edges(found)
            assert snapped == plumber_table.snap_edges(found, 3, 3) != found
            assert [list(e) for e in snapped] == [list(e) for e in plumber_table.snap_edges(found, 3, 3)]
            assert plumber_table.merge_edges(snapped, 0, 0, 3, 3) == plumber_table.merge_edges(found, 3, 3, 3, 3)


def test_box_overlap_is_pdfplumbers() -> None:
    """Boxes sharing a corner, a side, an inside, nothing: overlapping as pdfplumber says."""
    boxes = [(0.0, 0.0, 10.0, 10.0), (10.0, 10.0, 20.0, 20.0), (10.0, 0.0, 20.0, 10.0), (2.0, 2.0, 4.0, 4.0),
             (11.0, 11.0, 12.0, 12.0), (5.0, 10.0, 5.0, 30.0), (5.0, -5.0, 5.0, 5.0), (0.0, float("nan"), 1.0, 1.0)]
    for a in boxes:
        for b in boxes:
            assert pdf_geometry._overlap(a, b) == bool(plumber_utils.get_bbox_overlap(a, b)), (a, b)


def centred_in(objects: list[dict], box: tuple[float, float, float, float]) -> list[dict]:
    """The plain scan that ``PageText.crop`` replaces: every object's centre tested."""
    return [o for o in objects if box[0] <= (o["x0"] + o["x1"]) / 2 <= box[2]
            and box[1] <= (o["top"] + o["bottom"]) / 2 <= box[3]]


@needs_corpus
def test_a_crop_holds_the_characters_and_words_centred_in_it_in_page_order() -> None:
    """Boxes whose edges run through characters' centres (kept: a crop's box is closed),
    cropped twice over, as the gutter search crops a crop."""
    _, _, chars = page_parts("02", 1)
    page = pdf_geometry.PageText(chars)
    centres = sorted({((c["x0"] + c["x1"]) / 2, (c["top"] + c["bottom"]) / 2) for c in chars})
    assert len(centres) > 500
    for step in (7, 101, 211):
        (x0, y0), (x1, y1) = centres[step], centres[-step]
        for box in ((x0, min(y0, y1), x1, max(y0, y1)), (0.0, y0, float("inf"), y0)):
            part = page.crop(box)
            assert part.chars == centred_in(chars, box)
            assert part.words() == centred_in(page.words(), box)
            inner = (box[0] + 20, box[1], box[2], box[3] - 10)
            assert part.crop(inner).chars == centred_in(part.chars, inner)
            assert part.crop(inner).words() == centred_in(part.words(), inner)
    # a character without a place (NaN) is in no crop, and the others are found as before
    lost = [dict(c, x0=float("nan")) if k % 50 == 0 else c for k, c in enumerate(chars)]
    box = (0.0, min(y for _, y in centres), float("inf"), max(y for _, y in centres))
    assert pdf_geometry.PageText(lost).crop(box).chars == centred_in(lost, box) != centred_in(chars, box)


def unsettled(chars: list[dict], seed: int) -> list[dict]:
    """``chars`` with what a page may hold and the reader's own pages rarely do: runs of
    turned text, empty texts, ligatures, positions on and around the 3 pt tolerances."""
    rng = random.Random(seed)
    out = [dict(c) for c in chars]
    for k, c in enumerate(out):
        c["text"] = rng.choice(["", "\ufb01", "\ufb00", c["text"]]) if rng.random() < 0.08 else c["text"]
        if rng.random() < 0.3:
            c["top"] = c["doctop"] = round(c["top"]) + rng.choice([0, 3, -3, 0.5, 3.01])
        if rng.random() < 0.3:
            c["x0"], c["x1"] = round(c["x0"]) + rng.choice([0, 3, -3, -0.5]), round(c["x1"])
        c["upright"] = (k // 40) % 3 != 1
    return out


@needs_corpus
@pytest.mark.parametrize("prefix,number", [("02", 1), ("11", 2)])
def test_words_and_text_are_pdfplumbers(prefix: str, number: int) -> None:
    """The port of pdfplumber's word and text extraction (the table search's hot path)
    gives its words, in its order, and its texts, on a real page and on an unsettled one."""
    _, _, chars = page_parts(prefix, number)
    for page in (chars, unsettled(chars, seed=number)):
        words = pdf_geometry.extract_words(page)
        assert len(words) > 100
        theirs = plumber_utils.extract_words(page, x_tolerance=3, y_tolerance=3)
        assert words == theirs and [list(w) for w in words] == [list(w) for w in theirs]  # keys in order too
        for start in range(0, len(page), 97):
            part = page[start:start + 150]
            assert pdf_geometry.extract_text(part) == plumber_utils.extract_text(part, x_tolerance=3, y_tolerance=3)


@needs_corpus
def test_a_page_drawn_with_too_many_segments_gives_no_edges(monkeypatch: pytest.MonkeyPatch) -> None:
    page, edges, _ = page_parts("10", 1)
    assert edges
    monkeypatch.setattr(pdf_paths, "MAX_SEGMENTS", 20)
    assert pdf_paths.page_edges(page, pdf_paths.page_view(page)) == []


def positioned_pdf(texts: list[tuple[float, float, str]], form: bytes = b"", form_at: bytes = b"",
                   page_rules: bytes = b"", turned: bool = False) -> bytes:
    """One A4 page of Helvetica 10 pt ``(x, y, text)`` runs (PDF space, y up) and ``page_rules``,
    and optionally a form XObject (its content stream ``form``, a 0.5 scale in its /Matrix)
    drawn after the ``form_at`` ``cm``: a hand-written PDF whose geometry the test knows.
    ``turned``: all of it drawn a quarter turn round on a landscape page whose /Rotate 90
    turns it back upright, as some PDF printers write portrait pages."""
    runs = " ".join(f"BT /F1 10 Tf 1 0 0 1 {x} {y} Tm ({t}) Tj ET" for x, y, t in texts).encode("cp1252")
    page = runs + b" " + page_rules + (b" q %s cm /Fm1 Do Q" % form_at if form else b"")
    box, rotate = (b"[0 0 842 595]", b" /Rotate 90") if turned else (b"[0 0 595 842]", b"")
    if turned:
        page = b"q 0 1 -1 0 842 0 cm " + page + b" Q"
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [4 0 R] /Count 1 >>",
               b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox %s%s /Resources << /Font << /F1 3 0 R >>"
               b" /XObject << /Fm1 6 0 R >> >> /Contents 5 0 R >>" % (box, rotate),
               b"<< /Length %d >>\nstream\n%s\nendstream" % (len(page), page),
               b"<< /Type /XObject /Subtype /Form /BBox [0 0 2000 2000] /Matrix [0.5 0 0 0.5 0 0]"
               b" /Length %d >>\nstream\n%s\nendstream" % (len(form), form)]
    return pdf_file(objects)


GRID_ROWS = [["Tehtävä", "Vastuu", "Määräaika"], ["Selvitys talousarviosta", "Aho", "31.5.2024"]]


def test_ruled_table_drawn_in_a_scaled_form_xobject() -> None:
    # rules at x 100, 220, 340, 460 and y 700, 680, 660 on the page, drawn in a form scaled
    # by 0.5 and moved by (20, 40): form coordinates ((x - 20) * 2, (y - 40) * 2); two rows
    # are too few for aligned text columns, so only the rules can make this table
    xs, ys = [100, 220, 340, 460], [700, 680, 660]
    rules = [f"{(x - 20) * 2} {(ys[-1] - 40) * 2} m {(x - 20) * 2} {(ys[0] - 40) * 2} l S" for x in xs]
    rules += [f"{(xs[0] - 20) * 2} {(y - 40) * 2} m {(xs[-1] - 20) * 2} {(y - 40) * 2} l S" for y in ys]
    texts = [(x + 5, y - 14, cell) for y, row in zip(ys, GRID_ROWS) for x, cell in zip(xs, row)]
    texts.append((100, 600, "Kokous päättyi klo 15.00, ja seuraava kokous pidetään kuukauden kuluttua."))
    data = positioned_pdf(texts, form=" ".join(rules).encode(), form_at=b"1 0 0 1 20 40")
    doc = read_document(Path("form.pdf"), data)
    tables = [b for b in doc.blocks if b.kind == BlockKind.TABLE]
    assert len(tables) == 1 and tables[0].rows == GRID_ROWS
    assert [b.text for b in doc.blocks if b.kind != BlockKind.TABLE] == [texts[-1][2]]


def pypdfium2s_path_bounds(page: pdfium.PdfPage) -> list[tuple[float, float, float, float]]:
    return [o.get_bounds() for o in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_PATH], max_depth=2)]


@needs_corpus
def test_path_bounds_are_pypdfium2s_on_the_page_and_in_its_forms() -> None:
    """The table test's bounds of drawn paths, read by raw pdfium calls, are what
    pypdfium2's object API gives: on real pages, and for rules drawn in a form XObject."""
    form = " ".join(f"{x} 0 m {x} 100 l S" for x in (0, 50, 100)).encode()
    pdfs = [pdfium.PdfDocument(positioned_pdf([(100, 600, "x")], form=form, form_at=b"1 0 0 1 20 40",
                                              page_rules=b"10 10 m 200 10 l S 10 20 300 400 re f"))]
    pdfs += [pdfium.PdfDocument(real(prefix).read_bytes()) for prefix in ("02", "10", "11", "19")]
    counted = 0
    for doc in pdfs:
        for page in doc:
            bounds = list(pdf_paths.path_bounds(page))
            assert bounds == pypdfium2s_path_bounds(page)
            counted += len(bounds)
    assert len(list(pdf_paths.path_bounds(pdfs[0][0]))) == 5 and counted > 100


def path_points(obj: object, count, segment, kind, point, close, matrix, pointer=lambda v: v) -> tuple:
    """An object's matrix and its path segments (type, x, y, closes) through the given calls."""
    m, x, y = pdfium_c.FS_MATRIX(), ctypes.c_float(), ctypes.c_float()
    assert matrix(obj, pointer(m))
    segments = []
    for i in range(count(obj)):
        seg = segment(obj, i)
        assert point(seg, pointer(x), pointer(y))
        segments.append((kind(seg), x.value, y.value, bool(close(seg))))
    return (m.a, m.b, m.c, m.d, m.e, m.f), segments


@needs_corpus
def test_path_segments_read_unchecked_are_what_pypdfium2s_checked_api_reads() -> None:
    """The table search reads objects, matrices and path points through calls that skip
    ctypes' argument checks (for speed), so a wrong argument would not raise: they must
    read what pypdfium2's checked calls read, on real pages and in a form XObject."""
    form = " ".join(f"{x} 0 m {x} 100 l S" for x in (0, 50, 100)).encode()
    pdfs = [pdfium.PdfDocument(positioned_pdf([(100, 600, "x")], form=form, form_at=b"1 0 0 1 20 40",
                                              page_rules=b"10 10 m 200 10 l S 10 20 300 400 re f"))]
    pdfs += [pdfium.PdfDocument(real(prefix).read_bytes()) for prefix in ("02", "10", "11")]
    counted = 0
    for doc in pdfs:
        for page in doc:
            raw = page.raw
            checked = [pdfium_c.FPDFPage_GetObject(raw, i) for i in range(pdfium_c.FPDFPage_CountObjects(raw))]
            handles = pdf_paths._page_objects(page)
            assert [ctypes.cast(o, ctypes.c_void_p).value for o in checked] == [h.value for h in handles]
            for obj in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_PATH], max_depth=2):
                handle = pdf_paths.Handle(ctypes.cast(obj.raw, ctypes.c_void_p).value)
                theirs = path_points(obj.raw, pdfium_c.FPDFPath_CountSegments, pdfium_c.FPDFPath_GetPathSegment,
                                     pdfium_c.FPDFPathSegment_GetType, pdfium_c.FPDFPathSegment_GetPoint,
                                     pdfium_c.FPDFPathSegment_GetClose, pdfium_c.FPDFPageObj_GetMatrix)
                mine = path_points(handle, pdf_paths._count_segments, pdf_paths._segment, pdf_paths._segment_type,
                                   pdf_paths._segment_point, pdf_paths._segment_close, pdf_paths._object_matrix,
                                   ctypes.byref)
                assert mine == theirs
                counted += len(mine[1])
    assert counted > 500


def test_ruled_table_on_a_page_drawn_turned_and_rotated_back() -> None:
    xs, ys = [100, 220, 340, 460], [700, 680, 660]
    rules = [f"{x} {ys[-1]} m {x} {ys[0]} l S" for x in xs] + [f"{xs[0]} {y} m {xs[-1]} {y} l S" for y in ys]
    texts = [(x + 5, y - 14, cell) for y, row in zip(ys, GRID_ROWS) for x, cell in zip(xs, row)]
    data = positioned_pdf(texts, page_rules=" ".join(rules).encode(), turned=True)
    doc = read_document(Path("turned.pdf"), data)
    tables = [b for b in doc.blocks if b.kind == BlockKind.TABLE]
    assert len(tables) == 1 and tables[0].rows == GRID_ROWS
    assert not [b.text for b in doc.blocks if b.kind != BlockKind.TABLE]  # the cells are not paragraphs too


def test_graph_paper_is_no_table_and_costs_no_time() -> None:
    # 161 level and 161 plumb rules, further apart than the snapping tolerance: 25,921
    # crossings, and a cell search that grows with their square (~5 s without the cap)
    xs, ys = [50 + 3.2 * i for i in range(161)], [100 + 4.2 * i for i in range(161)]
    rules = [f"{x} {ys[0]} m {x} {ys[-1]} l S" for x in xs] + [f"{xs[0]} {y} m {xs[-1]} {y} l S" for y in ys]
    texts = [(60, 820 - 12 * k, f"Mittaus {k}:     {k * 3} cm     {k * 7} g") for k in range(4)]
    start = time.monotonic()
    doc = read_document(Path("graph.pdf"), positioned_pdf(texts, page_rules=" ".join(rules).encode()))
    assert time.monotonic() - start < 2
    assert not any(b.kind == BlockKind.TABLE for b in doc.blocks) and "Mittaus 3:" in doc.text


def test_ragged_last_column_of_an_aligned_table_keeps_its_words() -> None:
    # no rules: columns only by alignment; the last column's text is ragged, and words of
    # a row run on past the words that align (pdfplumber's table box ends there)
    rows = [["Rooli", "Nimi", "Organisaatio"], ["Puheenjohtaja", "Aino Lehtonen", "Tampereen kaupunki"],
            ["Sihteeri", "Eero Salminen", "Oulun yliopisto (varajäsen)"], ["Jäsen", "Liisa Heikkinen", "Kuopio"],
            ["Jäsen", "Mikko Järvinen", "Turun ammattikorkeakoulu, tietotekniikan laitos"]]
    texts = [(x, 700 - 20 * k, cell) for k, row in enumerate(rows) for x, cell in zip((72, 200, 330), row)]
    texts.append((72, 560, "Muistion kirjoitti sihteeri, ja se hyväksyttiin seuraavassa kokouksessa."))
    doc = read_document(Path("aligned.pdf"), positioned_pdf(texts))
    table = next(b for b in doc.blocks if b.kind == BlockKind.TABLE)
    assert table.rows == rows
    assert [b.text for b in doc.blocks if b.kind != BlockKind.TABLE] == [texts[-1][2]]


@needs_corpus
def test_metadata() -> None:
    doc = read_real("01")
    assert doc.metadata["author"] == "Kosonen Minna Kaisa Hannele"
    assert doc.metadata["created"] == "2017-07-03T12:08:16+03:00"
    assert doc.metadata["producer"].startswith("Microsoft")
    assert read_real("21").metadata["created"] == "2015-01-03T11:57:22Z"
    assert read_real("10").title == "Toimitusjohtajan raportti 2/202"  # the file's own (truncated) title
    assert read_real("20").metadata == {"pdf_version": "1.4"}  # no Info dictionary: nothing invented


@pytest.mark.parametrize("raw,iso", [
    ("D:20170703120816+03'00'", "2017-07-03T12:08:16+03:00"),
    ("D:20150103115722Z00'00'", "2015-01-03T11:57:22Z"),
    ("D:20131001092657-05'30", "2013-10-01T09:26:57-05:30"),
    ("D:2013", "2013"), ("D:201310", "2013-10"), ("20131001", "2013-10-01"),
    ("D:20131345", None), ("", None), ("yesterday", None),
])
def test_pdf_date(raw: str, iso: str | None) -> None:
    assert pdf.pdf_date(raw) == iso


@pytest.mark.parametrize("lines,joined", [
    (["edistää kehittämis-", "toimintaa"], "edistää kehittämistoimintaa"),
    (["medlem-", "savgift"], "medlemsavgift"),
    (["sosiaali-", "ja terveyspalvelut"], "sosiaali- ja terveyspalvelut"),
    (["social-", "och hälsovård"], "social- och hälsovård"),
    (["Koha-", "Suomi Oy"], "Koha-Suomi Oy"),
    (["ottamassa Koha-", "kirjastojärjestelmän"], "ottamassa Koha-kirjastojärjestelmän"),
    (["EU-", "maiden"], "EU-maiden"),
    (["linja-", "auto"], "linja-auto"),
    (["2013-", "10-09"], "2013-10-09"),
    (["16.-", "17.5.2023"], "16.-17.5.2023"),
    (["Långsiktigt mål -", "Bygga en egen hemsida."], "Långsiktigt mål - Bygga en egen hemsida."),
    (["tavallinen rivi", "jatkuu"], "tavallinen rivi jatkuu"),
])
def test_join_lines(lines: list[str], joined: str) -> None:
    assert join_lines(lines) == joined


@pytest.mark.parametrize("raw,fixed", [
    ("f¨or m¨ote", "för möte"), ("Silv´en", "Silvén"), ("p˚a", "på"), ("a¨", "ä"),
    ("don´t", "don´t"), ("it´s", "it´s"), ("`code` and 2^3", "`code` and 2^3"), ("¨", "¨"),
])
def test_recompose_marks(raw: str, fixed: str) -> None:
    assert recompose_marks(raw) == fixed


@pytest.mark.parametrize("text,share", [
    ("Kokous avattiin klo 12.09.", 0.0),
    ("\uf0b7 Kokous avattiin klo 12.09.", 1 / 28),  # a Symbol-font bullet is not a broken layer
    ("\ufffd" * 20, 1.0), ("\ue001\ue002\ue003" * 10 + "abc", 30 / 33), ("short\ufffd", 0.0),
])
def test_unreadable_share(text: str, share: float) -> None:
    assert pdf.unreadable_share(text) == pytest.approx(share)


# --- scanned pages -------------------------------------------------------------------------

def levenshtein(a: str, b: str) -> int:
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


@needs_corpus
@needs_tesseract
@pytest.mark.slow
def test_ocr_character_error_rate_against_transcript() -> None:
    doc = read_real("03", max_ocr_pages=1)
    transcript = next(TRANSCRIPTS.glob("03_*_p1.txt")).read_text(encoding="utf-8")
    reference = " ".join(transcript.split())
    recognised = " ".join(" ".join(b.text for b in doc.blocks if b.page == 1).split())
    cer = levenshtein(reference, recognised) / len(reference)
    print(f"\nOCR character error rate, 03 page 1: {cer:.4f} ({len(reference)} characters)")
    assert cer < 0.03


OCR_PDFS = [
    ("03", 4, ["Kokouksen pöytäkirja", "Kokouksen puheenjohtajaksi valittiin Malin Hollmen", "Päätös: Vahvistettiin."]),
    ("04", 5, ["Koha-Suomi Oy:n Yhtiökokous", "Rebekka Pilppula avasi kokouksen", "Mäkiharju-Rantanen"]),
    ("22", 4, ["2016-05-23", "Mötets öppnande", "Simon Lindblad förklarar mötet öppnat"]),
]


@needs_corpus
@needs_tesseract
@pytest.mark.slow
@pytest.mark.parametrize("prefix,pages,phrases", OCR_PDFS, ids=[t[0] for t in OCR_PDFS])
def test_scanned_pdfs_are_ocrd(prefix: str, pages: int, phrases: list[str]) -> None:
    doc = read_real(prefix, max_ocr_pages=1)
    assert doc.pages == pages
    assert_well_formed(doc)
    assert doc.metadata["ocr_pages"] == [1]
    assert doc.metadata["ocr_skipped_pages"] == list(range(2, pages + 1))
    assert all(b.ocr and 0.5 < (b.ocr_confidence or 0) <= 1 and b.page == 1 for b in doc.blocks)
    text = flat(doc)
    for phrase in phrases:
        assert phrase in text, phrase
    assert any(b.kind == BlockKind.LIST_ITEM and b.text.startswith("2.") for b in doc.blocks)


@needs_corpus
def test_upper_case_extension_is_read_as_pdf() -> None:
    path = real("04")
    assert path.suffix == ".PDF"
    with pytest.raises(ReadError, match="not OCR'd"):
        pdf.read(path, path.read_bytes(), "pdf", ocr=False)


@needs_corpus
def test_missing_tesseract_is_a_one_line_error(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))  # a machine without tesseract
    path = real("22")
    with pytest.raises(MissingToolError) as err:
        pdf.read(path, path.read_bytes(), "pdf", max_ocr_pages=1)
    assert str(err.value) == "tesseract is not installed (apt-get install tesseract-ocr)"
    assert read_real("21").blocks  # text PDFs need no tesseract


@needs_corpus
@needs_tesseract
def test_ocr_page_timeout_kills_tesseract() -> None:
    doc = pdfium.PdfDocument(real("22").read_bytes())
    image = ocr_engine.render_page(doc[0], dpi=150)
    doc.close()
    start = time.monotonic()
    result = ocr_engine.recognise(image, page=1, dpi=150, timeout=0.2)
    assert time.monotonic() - start < 5
    assert result.lines == [] and result.error and "timed out" in result.error


@needs_corpus
@needs_tesseract
@pytest.mark.slow
def test_scan_turned_sideways_is_turned_back() -> None:
    doc = pdfium.PdfDocument(real("22").read_bytes())
    image = ocr_engine.turn_image(ocr_engine.render_page(doc[0], dpi=120), 270)
    doc.close()
    result = ocr_engine.recognise(image, page=1, dpi=120)
    text = " ".join(line.text for line in result.lines)
    assert "Mötets öppnande" in text and "Simon Lindblad" in text


# --- hostile PDFs ------------------------------------------------------------------------

def make_pdf(pages: list[str]) -> bytes:
    """A minimal valid PDF, one line of Helvetica text per page, written by hand."""
    return pdf_bytes(pages)


LOOPING_PAGE_TREE = b"""%PDF-1.4
1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj
2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj
3 0 obj << /Type /Pages /Parent 2 0 R /Kids [2 0 R] /Count 1 >> endobj
trailer << /Root 1 0 R >>
%%EOF
"""


def encrypted(data: bytes, user: str) -> bytes:
    pikepdf = pytest.importorskip("pikepdf")
    out = io.BytesIO()
    with pikepdf.open(io.BytesIO(data)) as doc:
        doc.save(out, encryption=pikepdf.Encryption(user=user, owner="owner-secret", R=4))
    return out.getvalue()


SMALL = make_pdf(["Kokous avattiin klo 12.09.", "Pöytäkirjan vakuudeksi"])


@pytest.mark.parametrize("name,data,reason", [
    ("truncated", SMALL[: len(SMALL) // 2], "corrupted"),
    ("garbage after header", b"%PDF-1.4\n" + bytes(range(256)) * 64, "corrupted"),
    ("header only", b"%PDF-1.7\n", "corrupted"),
    ("looping page tree", LOOPING_PAGE_TREE, "no page can be loaded"),
])
def test_broken_pdf_is_a_quick_read_error(name: str, data: bytes, reason: str) -> None:
    start = time.monotonic()
    with pytest.raises(ReadError, match=reason) as err:
        read_document(Path(f"{name}.pdf"), data)
    assert time.monotonic() - start < 5
    assert "\n" not in str(err.value)


THREE_PAGES = make_pdf(["Kokous avattiin klo 12.09.", "Asialistan kohta kaksi.", "Pöytäkirjan vakuudeksi"])


def fail_on_page_two(monkeypatch) -> list[bool]:
    """pdfium fails half-way through the second page, as a malformed object on a loaded page
    makes it; the list returned gets the cycle collector's state while each page is read."""
    read_lines = pdf.text_lines
    collector: list[bool] = []

    def failing(textpage, top, chars):
        collector.append(gc.isenabled())
        if len(collector) == 2:
            raise pdfium.PdfiumError("Failed to get bounds.")
        return read_lines(textpage, top, chars)

    monkeypatch.setattr(pdf, "text_lines", failing)
    return collector


def test_a_page_pdfium_fails_on_half_way_is_a_warning_and_the_others_are_read(monkeypatch) -> None:
    fail_on_page_two(monkeypatch)
    doc = read_document(Path("half.pdf"), THREE_PAGES)
    assert [(b.page, b.text) for b in doc.blocks] == [(1, "Kokous avattiin klo 12.09."),
                                                      (3, "Pöytäkirjan vakuudeksi")]
    assert doc.pages == 3 and doc.metadata["warnings"] == ["page 2: cannot read (Failed to get bounds.)"]


def test_a_page_is_read_with_the_cycle_collector_paused_and_its_state_restored(monkeypatch) -> None:
    enabled = fail_on_page_two(monkeypatch)
    assert gc.isenabled()
    doc = read_document(Path("paused.pdf"), THREE_PAGES)
    assert enabled == [False, False, False] and gc.isenabled()  # on again, after a failed page too
    assert [b.page for b in doc.blocks] == [1, 3]
    gc.disable()
    try:
        read_document(Path("paused.pdf"), THREE_PAGES)
        assert not gc.isenabled()  # a caller's choice stays
    finally:
        gc.enable()


def test_encrypted_pdf_needs_its_password() -> None:
    data = encrypted(SMALL, user="salasana")
    with pytest.raises(ReadError, match=r"^encrypted PDF \(password required\)$"):
        read_document(Path("locked.pdf"), data)
    doc = pdf.read(Path("locked.pdf"), data, "pdf", password="salasana")
    assert "Kokous avattiin klo 12.09." in doc.text


def test_encrypted_pdf_with_empty_user_password_is_read() -> None:
    data = encrypted(SMALL, user="")
    doc = read_document(Path("owner-only.pdf"), data)
    assert doc.pages == 2 and "Pöytäkirjan vakuudeksi" in doc.text
    assert [b.page for b in doc.blocks] == [1, 2]


@pytest.mark.slow
def test_long_pdf_is_streamed_page_by_page() -> None:
    pages = [f"Sivu {n}: kokous jatkui asialistan kohdasta {n}." for n in range(1, 501)]
    data = make_pdf(pages)
    start = time.monotonic()
    doc = read_document(Path("long.pdf"), data)
    elapsed = time.monotonic() - start
    assert doc.pages == 500 and len(doc.blocks) == 500
    assert doc.blocks[499].text == pages[499] and doc.blocks[499].page == 500
    assert elapsed < 30, f"{elapsed:.1f} s for 500 pages"
    if os.environ.get("CI") is None:
        print(f"\n500-page PDF read in {elapsed:.2f} s")
