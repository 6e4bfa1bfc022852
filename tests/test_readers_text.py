"""The text/Markdown reader: encodings, mojibake, structure, tables in every text layout."""
from pathlib import Path

import pytest

from extractors.formats import ReadError, read_document
from schemas.document import BlockKind

FINNISH = "Pöytäkirja: päätös hyväksyttiin, Järvenpää ja Åbo.\n"


def read(data: bytes, name: str = "x.txt"):
    return read_document(Path(name), data)


@pytest.mark.parametrize("data", [
    FINNISH.encode("utf-8"),
    b"\xef\xbb\xbf" + FINNISH.encode("utf-8"),
    FINNISH.encode("utf-16"),
    FINNISH.encode("utf-16-le"),
    FINNISH.encode("cp1252"),
    FINNISH.encode("latin-1"),
    FINNISH.encode("utf-8").decode("latin-1").encode("utf-8"),  # double-encoded: mojibake
], ids=["utf8", "utf8-bom", "utf16-bom", "utf16le-nobom", "cp1252", "latin1", "mojibake"])
def test_encodings_give_the_finnish_letters(data):
    doc = read(data)
    assert doc.text == FINNISH.strip()


def test_markdown_structure():
    doc = read("# Otsikko\n\nKappale joka\njatkuu.\n\n- kohta yksi\n  - alakohta\n1. numeroitu\n".encode())
    kinds = [(b.kind, b.level) for b in doc.blocks]
    assert kinds == [(BlockKind.HEADING, 1), (BlockKind.PARAGRAPH, None), (BlockKind.LIST_ITEM, 1),
                     (BlockKind.LIST_ITEM, 2), (BlockKind.LIST_ITEM, 1)]
    assert doc.blocks[1].text == "Kappale joka\njatkuu."
    assert doc.blocks[4].text == "1. numeroitu"


def test_pipe_tab_html_and_space_aligned_tables():
    text = """| Nimi | Kunta |
|------|-------|
| Aino | Lohja |

Nimi\tKunta
Eero\tVihti

<table><tr><td colspan="2">Otsikko</td></tr><tr><td>a</td><td>b</td></tr></table>

Action                          Owner    Due
Send the minutes to members     AK       3 May 2012
Book the hall                   TL       asap
"""
    tables = [b.rows for b in read(text.encode()).blocks if b.kind == BlockKind.TABLE]
    assert tables == [
        [["Nimi", "Kunta"], ["Aino", "Lohja"]],
        [["Nimi", "Kunta"], ["Eero", "Vihti"]],
        [["Otsikko", "Otsikko"], ["a", "b"]],
        [["Action", "Owner", "Due"], ["Send the minutes to members", "AK", "3 May 2012"], ["Book the hall", "TL", "asap"]],
    ]


def test_prose_with_double_spaces_is_not_a_table():
    text = "Kokous alkoi.  Puheenjohtaja avasi sen.\nKeskusteltiin  pitkään asiasta ja\nsovittiin jatkosta.\n"
    assert not [b for b in read(text.encode()).blocks if b.kind == BlockKind.TABLE]


def test_html_fragments_and_markdown_inline_markup_become_plain_text():
    doc = read(b"<p>Tavoite <i>yksi</i></p>\n\n**Lihavoitu** [linkki](http://example.org/a_(b)) ja sidosryhma\\_arvo\n")
    assert doc.text == "Tavoite yksi\n\nLihavoitu linkki ja sidosryhma_arvo"


def test_offsets_hold_for_every_block():
    doc = read("Otsikko\n\nA\tB\nC\tD\n\n- kohta\n".encode())
    assert all(doc.text[b.start:b.end] == b.text for b in doc.blocks)


@pytest.mark.parametrize("data", [b"", b"   \n\n", b"\x00\x00\x00"])
def test_empty_input_is_a_clear_error(data):
    with pytest.raises(ReadError):
        read(data)


@pytest.mark.parametrize("kept", [
    "Lähettäjä: Virtanen Aino <aino.virtanen@lohja.fi>",
    "From: \"Laine Eero\" <eero.laine@vihti.fi>",
    "Från: Anna Berg [mailto:anna.berg@raseborg.fi]",
    "Katso <http://www.lohja.fi/arvo/> tai <www.vihti.fi>",
    "Hyvä <<Etunimi>>, tervetuloa <Kaikki jäsenet> -listalle",
    "jos x < 5 ja y > 3",
    "R&D ja Aho & Co",
])
def test_angle_brackets_that_are_no_html_survive(kept):
    assert read(f"{kept}\n".encode("cp1252") + b"\r\n").text == kept


@pytest.mark.parametrize("html,plain", [
    ("<P>Kokous <B>alkaa</B></P>", "Kokous alkaa"),
    ("<font face=\"Arial\">Teksti</font><o:p></o:p>", "Teksti"),
    ("Posti <p.salo@lohja.fi> ja <li.aho@vihti.fi>", "Posti <p.salo@lohja.fi> ja <li.aho@vihti.fi>"),
])
def test_real_html_tags_go_and_addresses_that_look_like_tags_stay(html, plain):
    assert read(html.encode()).text == plain


MYSQL = """Toimenpiteet
+----+-----------------------+--------------+
| #  | Toimenpide            | Vastuu       |
+----+-----------------------+--------------+
| 1  | Kyselyn laatiminen    | Aino Aho,    |
|    |                       | Pia Salo     |
| 2  | Raportti              | Eero Laine   |
+----+-----------------------+--------------+
2 rows in set
"""
PANDOC = """+---------------+----------------+
| Toimenpide    | Aikataulu      |
+===============+================+
| Kyselyn laa-  | syksy 2009     |
| timinen       |                |
+---------------+----------------+
| Raportti lau- | 15.12.2009     |
| takunnalle    |                |
+---------------+----------------+
"""
PSQL = """ kunta | vastuu
-------+---------------
 Lohja | Aino Aho     +
       | Pia Salo
 Vihti | Eero Laine
(2 rows)
"""
ORG = """| Toimenpide | Vastuu     |
|------------+------------|
| Kysely     | Aino Aho   |
| Raportti   | Eero Laine |
"""


@pytest.mark.parametrize("text,rows", [
    (MYSQL, [["#", "Toimenpide", "Vastuu"], ["1", "Kyselyn laatiminen", "Aino Aho, Pia Salo"],
             ["2", "Raportti", "Eero Laine"]]),
    (PANDOC, [["Toimenpide", "Aikataulu"], ["Kyselyn laa-timinen", "syksy 2009"],
              ["Raportti lau-takunnalle", "15.12.2009"]]),
    (PSQL, [["kunta", "vastuu"], ["Lohja", "Aino Aho\nPia Salo"], ["Vihti", "Eero Laine"]]),
    (ORG, [["Toimenpide", "Vastuu"], ["Kysely", "Aino Aho"], ["Raportti", "Eero Laine"]]),
], ids=["mysql", "pandoc-grid", "psql", "org"])
def test_ascii_grid_is_one_table_with_its_header_and_wrapped_cells_joined(text, rows):
    doc = read(text.encode())
    tables = [b for b in doc.blocks if b.kind == BlockKind.TABLE]
    assert [t.rows for t in tables] == [rows]
    assert "|" not in doc.text and "+--" not in doc.text
    assert all(doc.text[b.start:b.end] == b.text for b in doc.blocks)


def test_a_spanning_grid_cell_is_repeated_across_its_columns():
    text = "+-----+-----+\n| A   | B   |\n+-----+-----+\n| yhteinen  |\n+-----+-----+\n| 1   | 2   |\n+-----+-----+\n"
    [table] = [b.rows for b in read(text.encode()).blocks if b.kind == BlockKind.TABLE]
    assert table == [["A", "B"], ["yhteinen", "yhteinen"], ["1", "2"]]


@pytest.mark.parametrize("text", [
    "+--------------------+\n| TIEDOTE 3/2008     |\n+--------------------+\n",
    "Teksti jossa on putki | merkki ja\n------------\nviiva alla.\n",
    "Valinta: kyllä | ei\nToinen rivi | jossa putki\n",
])
def test_boxed_titles_and_rules_under_prose_are_no_tables(text):
    doc = read(text.encode())
    assert not [b for b in doc.blocks if b.kind == BlockKind.TABLE]
    assert "+---" not in doc.text


def test_quoted_reply_is_read_without_its_markers():
    text = ("Sopii.\n\nt. Eero\n\n> -----Original Message-----\n> From: Aino Aho [mailto:aino.aho@lohja.fi]\n"
            ">\n> Hei,\n>> vanha lainaus\n>\n> Aino Aho\n> puh. 040 123 4567\n")
    doc = read(text.encode())
    assert ">" not in doc.text
    assert "From: Aino Aho [mailto:aino.aho@lohja.fi]" in doc.text
    assert [b.text for b in doc.blocks][-2:] == ["vanha lainaus", "Aino Aho\npuh. 040 123 4567"]
    assert all(doc.text[b.start:b.end] == b.text for b in doc.blocks)


def test_a_lone_greater_than_number_is_no_quote():
    assert read(b"Osallistujia:\n> 50 henkil\xc3\xb6\xc3\xa4\n").text == "Osallistujia:\n> 50 henkilöä"


def test_letter_markers_make_list_items_only_in_sequence():
    doc = read("a) ensimmäinen\nb) toinen\n\nt. Eero\n\nAino Aho\np. 040 123 4567\n".encode())
    assert [(b.kind, b.text) for b in doc.blocks] == [
        (BlockKind.LIST_ITEM, "a) ensimmäinen"), (BlockKind.LIST_ITEM, "b) toinen"),
        (BlockKind.PARAGRAPH, "t. Eero"), (BlockKind.PARAGRAPH, "Aino Aho\np. 040 123 4567")]
