"""HTML, DOCX, PPTX, ODT and ODP readers on the real corpus, on documents built at
test time with the libraries the producers use, and on hostile files (zip bombs,
entity expansion, truncation, random bytes, absurd nesting)."""
from __future__ import annotations

import io
import os
import struct
import time
import unicodedata
import zipfile
from pathlib import Path

import docx as python_docx
import pytest
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt
from pptx import Presentation
from pptx.util import Inches

from extractors.formats import ReadError, read_document
from extractors.formats import docx as docx_reader
from extractors.formats import html as html_reader
from extractors.formats import odf as odf_reader
from extractors.formats import pptx as pptx_reader
from extractors.formats.safezip import open_zip
from schemas.document import BlockKind, Document

ROOT = Path(__file__).resolve().parents[1]
REAL = ROOT.parent / "shared" / "corpus" / "real"
needs_corpus = pytest.mark.skipif(not REAL.is_dir(), reason="shared/corpus/real not beside the repo")


def real(prefix: str) -> Document:
    return read_document(next(REAL.glob(f"{prefix}_*")))


def assert_well_formed(doc: Document) -> None:
    assert doc.blocks, "no blocks"
    for b in doc.blocks:
        assert doc.text[b.start:b.end] == b.text
        assert b.text.strip() and b.text.strip(" \n") == b.text  # a table may start with an empty cell
        if doc.pages is not None and b.page is not None:
            assert 1 <= b.page <= doc.pages
        if b.rows is not None:
            assert len({len(r) for r in b.rows}) == 1, "table rows are not rectangular"
    assert unicodedata.normalize("NFC", doc.text) == doc.text
    assert "\ufffd" not in doc.text and "\u00a0" not in doc.text


def texts(doc: Document, kind: BlockKind) -> list[str]:
    return [b.text for b in doc.blocks if b.kind == kind]


def block(doc: Document, start: str) -> object:
    return next(b for b in doc.blocks if b.text.startswith(start))


# -- real DOCX ---------------------------------------------------------------

@needs_corpus
def test_docx_agenda_numbered_items_heading_and_metadata() -> None:
    doc = real("06")
    assert_well_formed(doc)
    items = texts(doc, BlockKind.LIST_ITEM)
    assert "1. Kokouksen avaaminen" in items
    assert "4. Kokouksen laillisuuden toteaminen" in items
    assert "18. Kokouksen päättäminen" in items
    assert any(i.startswith("9. Siilinjärven kunta: digijohtaja Tiia Häsä") for i in items)  # a second list
    assert texts(doc, BlockKind.HEADING)[0] == "Yhtiökokouskutsu"
    assert doc.title == "Yhtiökokouskutsu"
    assert "Mikkelissä 19.6.2023" in texts(doc, BlockKind.PARAGRAPH)
    assert not texts(doc, BlockKind.TABLE)
    assert doc.metadata["author"] == "Kosonen Minna Kaisa Hannele"
    assert doc.metadata["last_modified_by"] == "Pilppula Rebekka"
    assert doc.metadata["created"] == "2023-05-08T18:17:00+00:00"
    assert doc.pages is None  # no rendered page breaks; docProps/app.xml's "1" is stale


@needs_corpus
def test_docx_webinar_pages_from_rendered_breaks() -> None:
    doc = real("07")
    assert_well_formed(doc)
    assert doc.pages == 2
    assert block(doc, "Melinda-yhteys").page == 2
    assert block(doc, "Aamun alustusten jälkeen").page == 1
    items = texts(doc, BlockKind.LIST_ITEM)
    assert items[0].startswith("1. Kehittämistarpeet")
    assert items[1].startswith("2. Tulevaisuusvisiot")
    assert doc.title == "Koha-Suomen webinaari 12.2.2021"


@needs_corpus
def test_docx_memo_tab_layout_and_header() -> None:
    doc = real("17")
    assert_well_formed(doc)
    paragraphs = texts(doc, BlockKind.PARAGRAPH)
    assert "Aika\t\t26.1.2018" in paragraphs
    assert "Paikka\t\tTredu hepolamminkatu 10." in paragraphs
    # the second attendee sits on a tab-indented line of its own: kept with its label
    assert "Läsnä\t\tMiko Leppänen\n\t\tLeena Järvenkylä-Niemi." in paragraphs
    assert texts(doc, BlockKind.HEADER) == ["Miko Leppänen\t\tPalaverimuistio\n19.1.2018"]
    assert not texts(doc, BlockKind.TABLE)


@needs_corpus
def test_docx_memo_sfs_layout() -> None:
    doc = real("18")
    assert_well_formed(doc)
    paragraphs = texts(doc, BlockKind.PARAGRAPH)
    assert "Aika\t\t16.1.2019 13.10" in paragraphs
    assert "Läsnä\t\tAntti Hilden, Leena JN" in paragraphs
    assert "Jakelu\t\tLeena JN\n\t\tAntti H" in paragraphs
    item = block(doc, "1 Projektin edistyminen")
    assert item.kind == BlockKind.LIST_ITEM and item.level == 1
    assert doc.metadata["author"] == "Hildén Antti Juhani"


@needs_corpus
def test_docx_minutes_two_tables_in_order() -> None:
    doc = real("24")
    assert_well_formed(doc)
    tables = [b for b in doc.blocks if b.kind == BlockKind.TABLE]
    assert len(tables) == 2
    assert tables[0].rows[0] == ["", "Strengths", "Weaknesses"]
    assert tables[0].rows[1][0] == "Kelvin Ang"
    assert ["Testing", "Lim Wei Jie", "Kelvin Ang, Toh Zhen Yu"] in tables[1].rows
    # tables sit between the list items that introduce them
    assert doc.blocks[tables[0].index - 1].text == "Topic #3: Strengths & Weaknesses"
    assert doc.blocks[tables[1].index - 1].text == "Topic #5: Task allocation"
    assert doc.pages == 3
    assert block(doc, "Topic #6: Oral Presentation 1").page == 3
    assert doc.metadata["last_modified_by"] == "Kelvin Ang"


# -- real PPTX, ODP, ODT --------------------------------------------------------

@needs_corpus
def test_pptx_slides_titles_items_notes() -> None:
    doc = real("08")
    assert_well_formed(doc)
    assert doc.pages == 7
    titles = [(b.page, b.text) for b in doc.blocks if b.kind == BlockKind.SLIDE_TITLE]
    assert titles[:5] == [(1, "Koha-Suomi Oy:n toiminta vuonna 2018"), (2, "Henkilöstö"), (3, "Asiakkaat"),
                          (4, "Kehitystoiminta"), (5, "Kirjastojen yhteistyö")]
    item = block(doc, "Kesällä 2018 Helle-kirjastot")
    assert item.kind == BlockKind.LIST_ITEM and item.level == 1 and item.page == 3
    assert block(doc, "Ari Mäkiranta, Koha Suomi Oy").kind == BlockKind.PARAGRAPH
    notes = [b for b in doc.blocks if b.kind == BlockKind.NOTE]
    assert notes[0].page == 1 and "biblioteket" in notes[0].text
    assert all(b.page is not None for b in doc.blocks)
    assert doc.title == "Koha-Suomi Oy:n toiminta vuonna 2018"
    assert doc.metadata["author"] == "Pilppula Rebekka"


@needs_corpus
def test_odp_slides() -> None:
    doc = real("09")
    assert_well_formed(doc)
    assert doc.pages == 8
    assert (2, "Nykytilanne") in [(b.page, b.text) for b in doc.blocks if b.kind == BlockKind.SLIDE_TITLE]
    item = block(doc, "Kaikkiaan 11 palvelinta eri puolilla Suomea.")
    assert item.kind == BlockKind.LIST_ITEM and item.level == 1 and item.page == 2
    assert block(doc, "Kiitos!").page == 8
    assert doc.metadata["created"] == "2021-01-27T15:34:36"


@needs_corpus
def test_odp_english_pitch() -> None:
    doc = real("26")
    assert_well_formed(doc)
    assert doc.pages == 4
    assert doc.blocks[0].kind == BlockKind.SLIDE_TITLE and doc.blocks[0].text == "Team Water"
    assert block(doc, "Dropbox’s Transparency Report").page == 2
    assert len([b for b in doc.blocks if b.kind == BlockKind.LIST_ITEM and b.page == 3]) == 5


@needs_corpus
def test_odt_bullet_lists() -> None:
    doc = real("14")
    assert_well_formed(doc)
    item = block(doc, "pelaaja: pelaa peli, siirrä nappulaa")
    assert item.kind == BlockKind.LIST_ITEM and item.level == 1
    assert "Luokka: Pelilauta" in texts(doc, BlockKind.PARAGRAPH)
    assert "ylläpitäjä: helppo lisätä uusi nappula" in doc.text


@needs_corpus
def test_odt_headings_pages_and_meta() -> None:
    doc = real("16")
    assert_well_formed(doc)
    assert doc.pages == 16
    assert block(doc, "Projektisuunnitelma: Verkkokaupan").kind == BlockKind.HEADING
    assert block(doc, "Projektisuunnitelma: Verkkokaupan").level == 1
    assert block(doc, "Käytettävät teknologiat").kind == BlockKind.HEADING
    assert block(doc, "Node.js back end.").kind == BlockKind.LIST_ITEM
    pages = [b.page for b in doc.blocks]
    assert pages == sorted(pages) and pages[0] == 1 and pages[-1] >= 10
    assert doc.metadata["author"] == "Tero Hiltunen"
    assert doc.metadata["modified"] == "2016-01-14T13:17:04"


# -- DOCX and PPTX built with python-docx / python-pptx ---------------------------

def make_docx() -> bytes:
    d = python_docx.Document()
    d.core_properties.title = "Hallituksen kokous 3/2024"
    d.core_properties.author = "Sihteeri Säde"
    d.add_heading("Pöytäkirja", level=0)
    d.add_heading("Läsnä", level=1)
    d.add_paragraph("Matti Meikäläinen, puheenjohtaja")
    d.add_heading("Päätökset", level=2)
    d.add_paragraph("Avataan kokous", style="List Number")
    d.add_paragraph("Todetaan läsnäolijat", style="List Number")
    d.add_paragraph("alakohta", style="List Bullet 2")
    d.add_paragraph("Hyväksytään esityslista", style="List Number")
    numbered = d.add_paragraph("Talousarvio", style="Heading 3")  # a heading in the numbered list
    num_pr = OxmlElement("w:numPr")
    for tag, value in (("w:ilvl", "0"), ("w:numId", d.styles["List Number"].element.pPr.numPr.numId.val)):
        el = OxmlElement(tag)
        el.set(qn("w:val"), str(value))
        num_pr.append(el)
    numbered._p.get_or_add_pPr().append(num_pr)
    big = d.add_paragraph().add_run("Liite 1")  # a heading by looks only: bold and large
    big.bold, big.font.size = True, Pt(20)
    d.add_paragraph().add_run("Lihavoitu mutta tavallinen koko").bold = True
    table = d.add_table(rows=3, cols=3)
    for r in range(3):
        for c in range(3):
            table.cell(r, c).text = f"{r}{c}"
    table.cell(0, 0).merge(table.cell(0, 1)).text = "Otsikko"
    table.cell(1, 0).merge(table.cell(2, 0)).text = "Pysty"
    broken = d.add_paragraph("Toisen sivun teksti")
    broken.runs[0]._r.insert(0, OxmlElement("w:lastRenderedPageBreak"))
    d.sections[0].header.paragraphs[0].text = "Kunnanhallitus"
    d.sections[0].footer.paragraphs[0].text = "Sivu"
    second = d.add_section()
    second.header.is_linked_to_previous = False
    second.header.paragraphs[0].text = "Kunnanhallitus"  # same text: one HEADER block
    d.add_paragraph("Loppu")
    out = io.BytesIO()
    d.save(out)
    return out.getvalue()


def test_docx_built_headings_lists_merged_cells_headers() -> None:
    doc = docx_reader.read(Path("built.docx"), make_docx(), "docx")
    assert_well_formed(doc)
    headings = [(b.text, b.level) for b in doc.blocks if b.kind == BlockKind.HEADING]
    assert headings == [("Pöytäkirja", 1), ("Läsnä", 1), ("Päätökset", 2), ("4. Talousarvio", 3), ("Liite 1", 1)]
    assert "Lihavoitu mutta tavallinen koko" in texts(doc, BlockKind.PARAGRAPH)
    items = [(b.text, b.level) for b in doc.blocks if b.kind == BlockKind.LIST_ITEM]
    assert items == [("1. Avataan kokous", 1), ("2. Todetaan läsnäolijat", 1), ("alakohta", 2),
                     ("3. Hyväksytään esityslista", 1)]
    table = next(b for b in doc.blocks if b.kind == BlockKind.TABLE)
    assert table.rows == [["Otsikko", "Otsikko", "02"], ["Pysty", "11", "12"], ["Pysty", "21", "22"]]
    assert texts(doc, BlockKind.HEADER) == ["Kunnanhallitus"]
    assert texts(doc, BlockKind.FOOTER) == ["Sivu"]
    assert doc.blocks[0].kind == BlockKind.HEADER and doc.blocks[-1].kind == BlockKind.FOOTER
    assert doc.pages == 2 and block(doc, "Toisen sivun teksti").page == 2 and block(doc, "Läsnä").page == 1
    assert doc.title == "Hallituksen kokous 3/2024" and doc.metadata["author"] == "Sihteeri Säde"


def make_pptx() -> bytes:
    prs = Presentation()
    slide = prs.slides.add_slide(prs.slide_layouts[1])
    slide.shapes.title.text = "Esityslista"
    body = slide.placeholders[1].text_frame
    body.text = "Avaus"
    for text, level in (("Läsnäolijat", 1), ("Päätökset", 0)):
        p = body.add_paragraph()
        p.text, p.level = text, level
    slide.notes_slide.notes_text_frame.text = "Muista kiittää"
    slide = prs.slides.add_slide(prs.slide_layouts[5])
    slide.shapes.title.text = "Budjetti"
    table = slide.shapes.add_table(3, 3, Inches(1), Inches(2), Inches(6), Inches(2)).table
    for r in range(3):
        for c in range(3):
            table.cell(r, c).text = f"{r}{c}"
    table.cell(0, 0).merge(table.cell(0, 1))
    table.cell(0, 0).text = "Yhdistetty"
    group = slide.shapes.add_group_shape()
    box = group.shapes.add_textbox(Inches(1), Inches(5), Inches(3), Inches(1))
    box.text_frame.text = "Ryhmän teksti"
    out = io.BytesIO()
    prs.save(out)
    return out.getvalue()


def test_pptx_built_levels_tables_groups_notes() -> None:
    doc = pptx_reader.read(Path("built.pptx"), make_pptx(), "pptx")
    assert_well_formed(doc)
    assert doc.pages == 2
    assert [(b.text, b.level, b.page) for b in doc.blocks if b.kind == BlockKind.LIST_ITEM] == [
        ("Avaus", 1, 1), ("Läsnäolijat", 2, 1), ("Päätökset", 1, 1)]
    assert texts(doc, BlockKind.NOTE) == ["Muista kiittää"]
    table = next(b for b in doc.blocks if b.kind == BlockKind.TABLE)
    assert table.page == 2
    assert table.rows[0] == ["Yhdistetty", "Yhdistetty", "02"]
    assert block(doc, "Ryhmän teksti").page == 2


# -- ODT built by hand ------------------------------------------------------------

ODF_NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
          'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
          'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
          'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
          'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"')


def make_odf(body: str, mime: str = "application/vnd.oasis.opendocument.text", prolog: str = "",
             styles: str = "") -> bytes:
    content = (f'<?xml version="1.0" encoding="UTF-8"?>{prolog}<office:document-content {ODF_NS}>'
               f"<office:automatic-styles>{styles}</office:automatic-styles>"
               f"<office:body><office:text>{body}</office:text></office:body></office:document-content>")
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("mimetype", mime, compress_type=zipfile.ZIP_STORED)
        z.writestr("content.xml", content, compress_type=zipfile.ZIP_DEFLATED)
    return out.getvalue()


def test_odt_built_lists_tables_spacing() -> None:
    styles = ('<text:list-style style:name="N"><text:list-level-style-number text:level="1" style:num-format="1" '
              'style:num-suffix="."/><text:list-level-style-number text:level="2" style:num-format="a" '
              'style:num-suffix=")"/></text:list-style>')
    body = ('<text:h text:outline-level="2">Käsitellyt asiat</text:h>'
            '<text:p>Aika<text:tab/>1.2.2024<text:line-break/>Paikka<text:s text:c="3"/>Sali'
            '<text:note><text:note-citation>1</text:note-citation><text:note-body><text:p>Alaviite</text:p>'
            '</text:note-body></text:note> jatkuu</text:p>'
            '<text:list text:style-name="N"><text:list-item><text:p>Avaus</text:p>'
            '<text:list><text:list-item><text:p>Alakohta</text:p></text:list-item></text:list></text:list-item>'
            '<text:list-item><text:p>Päätös</text:p></text:list-item></text:list>'
            '<table:table><table:table-row><table:table-cell table:number-columns-spanned="2"><text:p>Yhdistetty'
            '</text:p></table:table-cell><table:covered-table-cell/><table:table-cell table:number-rows-spanned="2">'
            '<text:p>Pysty</text:p></table:table-cell></table:table-row><table:table-row>'
            '<table:table-cell table:number-columns-repeated="2"><text:p>x</text:p></table:table-cell>'
            '<table:covered-table-cell/><table:table-cell table:number-columns-repeated="100000"/>'
            '</table:table-row><table:table-row table:number-rows-repeated="1000000"/></table:table>')
    doc = odf_reader.read(Path("built.odt"), make_odf(body, styles=styles), "odt")
    assert_well_formed(doc)
    assert (doc.blocks[0].kind, doc.blocks[0].level) == (BlockKind.HEADING, 2)
    assert doc.blocks[1].text == "Aika\t1.2.2024\nPaikka   Sali jatkuu"
    assert texts(doc, BlockKind.NOTE) == ["Alaviite"]
    assert [(b.text, b.level) for b in doc.blocks if b.kind == BlockKind.LIST_ITEM] == [
        ("1. Avaus", 1), ("a) Alakohta", 2), ("2. Päätös", 1)]
    table = next(b for b in doc.blocks if b.kind == BlockKind.TABLE)
    assert table.rows == [["Yhdistetty", "Yhdistetty", "Pysty"], ["x", "x", "Pysty"]]


def test_odf_password_protected_is_named() -> None:
    data = make_odf("<text:p>salattu</text:p>")
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            dst.writestr(info, src.read(info))
        dst.writestr("META-INF/manifest.xml", '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:'
                     'xmlns:manifest:1.0"><manifest:file-entry manifest:full-path="content.xml">'
                     '<manifest:encryption-data/></manifest:file-entry></manifest:manifest>')
    with pytest.raises(ReadError, match="password-protected"):
        read_document(Path("salattu.odt"), out.getvalue())


def test_odf_entities_refused_and_deep_nesting_survives() -> None:
    laughs = ('<!DOCTYPE d [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
              '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">]>')
    with pytest.raises(ReadError, match="DTD or entities"):
        odf_reader.read(Path("laughs.odt"), make_odf("<text:p>&d;</text:p>", prolog=laughs), "odt")
    external = '<!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
    with pytest.raises(ReadError, match="DTD or entities"):
        odf_reader.read(Path("xxe.odt"), make_odf("<text:p>&x;</text:p>", prolog=external), "odt")
    depth = 50_000
    deep = ("<text:section>" * depth + "<text:p>" + "<text:span>" * depth + "syvällä"
            + "</text:span>" * depth + "</text:p>" + "</text:section>" * depth)
    lists = "<text:list><text:list-item>" * 2000 + "<text:p>kohta</text:p>" + "</text:list-item></text:list>" * 2000
    t = time.monotonic()
    doc = odf_reader.read(Path("deep.odt"), make_odf(deep + lists), "odt")
    assert time.monotonic() - t < 10
    assert texts(doc, BlockKind.PARAGRAPH) == ["syvällä"]
    assert [b.level for b in doc.blocks if b.kind == BlockKind.LIST_ITEM] == [2000]


def test_odt_text_boxes_read_and_absurd_frame_nesting_refused() -> None:
    box = '<draw:frame><draw:text-box><text:p>Laatikossa</text:p></draw:text-box></draw:frame>'
    doc = odf_reader.read(Path("box.odt"), make_odf(f"<text:p>Ennen{box} jälkeen</text:p>"), "odt")
    assert [b.text for b in doc.blocks] == ["Ennen jälkeen", "Laatikossa"]
    depth = 3000
    nested = ("<text:p>" + "<draw:frame><draw:text-box><text:p>x" * depth
              + "</text:p></draw:text-box></draw:frame>" * depth + "</text:p>")
    with pytest.raises(ReadError, match="nested too deep"):
        odf_reader.read(Path("boxes.odt"), make_odf(nested), "odt")


# -- hostile ZIP and XML ---------------------------------------------------------------

def replace_member(data: bytes, name: str, content: bytes) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            dst.writestr(info.filename, content if info.filename == name else src.read(info))
    return out.getvalue()


DOCUMENT_XML = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>{dtd}'
                '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
                '<w:body><w:p><w:r><w:t>Alku {ref}</w:t></w:r></w:p></w:body></w:document>')


@pytest.mark.parametrize("dtd, ref", [
    ('<!DOCTYPE w:document [<!ENTITY x SYSTEM "file:///etc/passwd">]>', "&x;"),
    ('<!DOCTYPE w:document [<!ENTITY a "ha"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
     '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">'
     '<!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;"><!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;">'
     '<!ENTITY g "&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;"><!ENTITY h "&g;&g;&g;&g;&g;&g;&g;&g;&g;&g;">]>', "&h;"),
])
def test_docx_with_entities_is_refused_without_expanding(dtd: str, ref: str) -> None:
    data = replace_member(make_docx(), "word/document.xml", DOCUMENT_XML.format(dtd=dtd, ref=ref).encode())
    t = time.monotonic()
    with pytest.raises(ReadError, match="DTD or entities"):
        read_document(Path("entity.docx"), data)
    assert time.monotonic() - t < 5


def test_docx_zip_bomb_by_ratio_is_refused() -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(make_docx())) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            dst.writestr(info.filename, src.read(info))
        dst.writestr("word/media/padding.bin", bytes(24 * 2**20))  # 24 MB of zeros -> ~24 KB
    t = time.monotonic()
    with pytest.raises(ReadError, match="zip bomb"):
        read_document(Path("bomb.docx"), out.getvalue())
    assert time.monotonic() - t < 5


def test_docx_zip_bomb_by_declared_size_is_refused() -> None:
    data = bytearray(make_docx())
    # Declare 2 GB (compressed 100:1, not absurd on its own) for the first member in the
    # central directory, which is what zipfile trusts.
    cd = data.index(b"PK\x01\x02")
    data[cd + 20:cd + 28] = struct.pack("<II", 0x7FFFFFFF // 100, 0x7FFFFFFF)
    with pytest.raises(ReadError, match=r"members expand to 20\d\d MB \(limit 300 MB\)"):
        read_document(Path("declared.docx"), bytes(data))
    data[cd + 20:cd + 28] = struct.pack("<II", 1000, 0x7FFFFFFF)
    with pytest.raises(ReadError, match="zip bomb"):
        open_zip(bytes(data), "test")


def test_docx_entities_are_not_expanded_even_past_the_dtd_check(monkeypatch: pytest.MonkeyPatch) -> None:
    """Defence in depth: python-docx's parser leaves entities unresolved."""
    monkeypatch.setattr(docx_reader, "check_ooxml", lambda data, what: None)
    dtd = ('<!DOCTYPE w:document [<!ENTITY x SYSTEM "file:///etc/hostname"><!ENTITY a "ha">'
           '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>')
    data = replace_member(make_docx(), "word/document.xml", DOCUMENT_XML.format(dtd=dtd, ref="&x;&b;").encode())
    doc = docx_reader.read(Path("entity.docx"), data, "docx")
    assert doc.text == "Alku"


def test_truncated_docx_and_random_pptx_fail_cleanly() -> None:
    data = make_docx()
    for cut in (len(data) // 2, len(data) - 30, 100):
        with pytest.raises(ReadError, match="broken|ZIP"):
            read_document(Path("cut.docx"), data[:cut])
        with pytest.raises(ReadError, match="broken|ZIP"):
            docx_reader.read(Path("cut.docx"), data[:cut], "docx")
    noise = os.urandom(64 * 1024)
    with pytest.raises(ReadError):
        read_document(Path("noise.pptx"), noise)
    with pytest.raises(ReadError, match="ZIP"):
        pptx_reader.read(Path("noise.pptx"), noise, "pptx")
    with pytest.raises(ReadError, match="ZIP"):
        odf_reader.read(Path("noise.odp"), b"PK\x03\x04" + noise, "odp")


def test_docx_with_corrupt_member_fails_cleanly() -> None:
    data = bytearray(make_docx())
    at = data.index(b"word/document.xml") + len("word/document.xml")
    data[at + 20:at + 200] = os.urandom(180)  # inside the deflated stream of the first matching header
    with pytest.raises(ReadError, match="broken|refused"):
        read_document(Path("corrupt.docx"), bytes(data))


@needs_corpus
def test_lock_file_named_docx_fails_cleanly() -> None:
    with pytest.raises(ReadError):
        real("27")


# -- HTML ------------------------------------------------------------------------------

HTML_PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>Pöytäkirja 2/2024</title>
<meta name="author" content="Åsa Öhman"><style>p { color: red }</style></head><body>
<h1>Hallituksen kokous</h1><p>Aika: 12.3.2024<br>Paikka: Kunnantalo
<p>Läsnä &amp; poissa
<script>document.write("<p>SALAINEN</p>")</script>
<ul><li>Avaus<ul><li>Alakohta</li><li>Toinen</ul><li>Päätös</ul>
<ol start="3"><li>Kolmas<li>Neljäs</ol>
<table><tr><th colspan="2">Yhdistetty<th rowspan="2">Pysty</tr><tr><td>a<td>b</tr>
<tr><td rowspan="2">c<td>d<td>e<tr><td>f<td>g</table>
<h2>Lopuksi</h2><p>Kokous päättyi.</p>"""


def test_html_structure_tables_lists_and_script() -> None:
    doc = html_reader.read(Path("page.html"), HTML_PAGE.encode("utf-8"), "html")
    assert_well_formed(doc)
    assert doc.title == "Pöytäkirja 2/2024" and doc.metadata["author"] == "Åsa Öhman"
    assert [(b.text, b.level) for b in doc.blocks if b.kind == BlockKind.HEADING] == [
        ("Hallituksen kokous", 1), ("Lopuksi", 2)]
    assert "Aika: 12.3.2024\nPaikka: Kunnantalo" in texts(doc, BlockKind.PARAGRAPH)
    assert "Läsnä & poissa" in texts(doc, BlockKind.PARAGRAPH)
    assert [(b.text, b.level) for b in doc.blocks if b.kind == BlockKind.LIST_ITEM] == [
        ("Avaus", 1), ("Alakohta", 2), ("Toinen", 2), ("Päätös", 1), ("3. Kolmas", 1), ("4. Neljäs", 1)]
    table = next(b for b in doc.blocks if b.kind == BlockKind.TABLE)
    assert table.rows == [["Yhdistetty", "Yhdistetty", "Pysty"], ["a", "b", "Pysty"],
                          ["c", "d", "e"], ["c", "f", "g"]]
    assert "SALAINEN" not in doc.text and "color" not in doc.text


def test_html_through_detection_with_legacy_charset() -> None:
    page = '<html><head><meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1"></head>'
    doc = read_document(Path("vanha.htm"), (page + "<body><p>Pöytäkirja hyväksyttiin</p>").encode("latin-1"))
    assert doc.format == "html" and doc.text == "Pöytäkirja hyväksyttiin"


@pytest.mark.parametrize("markup", [
    "<html><body>" + "<div>" * 100_000 + "syvä" + "</div>" * 100_000,
    "<html><body>" + "<div><span><table><tr><td><ul><li>" * 20_000 + "syvä",
    "<html><body>syvä" + "<a" * 100_000,
    "<html><body>syvä" + "<!--" * 100_000,
    "<html><body>syvä" + "</b" * 100_000,
    "<html><body><p>syvä<td>" + "<span>" * 20_000 + "<div>x" * 20_000,
])
def test_html_hostile_markup_is_fast_and_does_not_crash(markup: str) -> None:
    t = time.monotonic()
    doc = html_reader.read(Path("hostile.html"), markup.encode(), "html")
    assert time.monotonic() - t < 10
    assert doc.text.startswith("syvä")
