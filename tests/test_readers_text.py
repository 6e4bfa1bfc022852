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
