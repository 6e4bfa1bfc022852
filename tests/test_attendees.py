"""Attendees in every layout, three languages, real files and the seed against its gold."""
from __future__ import annotations

import importlib.util
import json
import re
import time
import zipfile
from pathlib import Path

import pytest

from extractors.formats import read_document
from extractors.records.attendees import extract_attendees
from schemas.document import BlockKind, Document, DocumentBuilder
from schemas.records import Attendee

SHARED = Path(__file__).resolve().parents[2] / "shared"
REAL = SHARED / "corpus" / "real"
SEEDS = SHARED / "seeds"
GOLD = SHARED / "eval" / "gold"


def build(*blocks, fmt: str = "txt") -> Document:
    """A Document of paragraphs (str), tables (list of rows) or (kind, text) blocks."""
    b = DocumentBuilder("test", fmt, repr(blocks).encode())
    for blk in blocks:
        if isinstance(blk, list):
            b.add(BlockKind.TABLE, "", rows=blk)
        elif isinstance(blk, tuple):
            b.add(BlockKind(blk[0]), blk[1])
        else:
            b.add(BlockKind.PARAGRAPH, blk)
    return b.build()


def text_doc(text: str) -> Document:
    return read_document(Path("minutes.txt"), text.encode("utf-8"))


def rows(attendees: list[Attendee]) -> list[tuple]:
    return [(a.name, a.organization, a.role, a.status) for a in attendees]


P, A = "present", "absent"

LAYOUTS = {
    "fi brackets": (
        build("Läsnä: Pekka Laaksonen (Lohja), Tiina Virtanen (Vantaa, pj.), Kalle Nieminen (Espoon kaupunki, siht.)",
              "Poissa: Raili Koskinen (Hanko)"),
        [("Pekka Laaksonen", "Lohja", "member", P), ("Tiina Virtanen", "Vantaa", "chair", P),
         ("Kalle Nieminen", "Espoon kaupunki", "secretary", P), ("Raili Koskinen", "Hanko", "member", A)]),
    "fi one per line": (
        build("Läsnä olivat:\nPekka Laaksonen, Lohja, puheenjohtaja\nTiina Virtanen, Vantaa\n"
              "Kalle Nieminen, Sipoo, sihteeri", "1. Kokouksen avaus"),
        [("Pekka Laaksonen", "Lohja", "chair", P), ("Tiina Virtanen", "Vantaa", "member", P),
         ("Kalle Nieminen", "Sipoo", "secretary", P)]),
    "fi name, role lines after a bare heading": (
        build(("heading", "Osallistujat"), "Pekka Laaksonen, pj.", "Tiina Virtanen", "Kalle Nieminen, siht.",
              ("heading", "Asiat")),
        [("Pekka Laaksonen", None, "chair", P), ("Tiina Virtanen", None, "member", P),
         ("Kalle Nieminen", None, "secretary", P)]),
    "fi table with header row": (
        build("Läsnä", [["Nimi", "Organisaatio", "Rooli"], ["Pekka Laaksonen", "Lohjan kaupunki", "puheenjohtaja"],
                        ["Tiina Virtanen", "Vantaa", "jäsen"], ["Kalle Nieminen", "THL", "varajäsen"]]),
        [("Pekka Laaksonen", "Lohjan kaupunki", "chair", P), ("Tiina Virtanen", "Vantaa", "member", P),
         ("Kalle Nieminen", "THL", "member", P)]),
    "fi table with section rows": (
        build([["Paikalla", "", ""], ["", "Pekka Laaksonen", "Lohja"], ["", "Tiina Virtanen", "Vantaa"],
               ["Poissa", "", ""], ["", "Kalle Nieminen", "Sipoo"]]),
        [("Pekka Laaksonen", "Lohja", "member", P), ("Tiina Virtanen", "Vantaa", "member", P),
         ("Kalle Nieminen", "Sipoo", "member", A)]),
    "fi table with status column and first/last names": (
        build([["Kunta", "Etunimi", "Sukunimi", "Läsnä"], ["Porvoo", "Aino", "Lehtonen", "x"],
               ["Loviisa", "Ville", "Heikkinen", ""], ["Sipoo", "Maija", "Koivisto", "etänä"]]),
        [("Aino Lehtonen", "Porvoo", "member", P), ("Ville Heikkinen", "Loviisa", "member", A),
         ("Maija Koivisto", "Sipoo", "member", P)]),
    "fi tab-aligned lines (text reader makes a table)": (
        text_doc("Aika\t\t3.2.2010 klo 13\nPaikka\t\tLohjan kaupungintalo\nLäsnä\t\tPekka Laaksonen\n"
                 "\t\tTiina Järvinen-Koski.\n\n1. Avaus\n\nJakelu\t\tKalle Nieminen\n"),
        [("Pekka Laaksonen", None, "member", P), ("Tiina Järvinen-Koski", None, "member", P)]),
    "fi tab paragraphs (a DOCX without tables)": (
        build("Läsnä\t\tPekka Laaksonen", "Tiina Järvinen-Koski.", "1. Projektin tilanne",
              "Jakelu\t\tKalle Nieminen"),
        [("Pekka Laaksonen", None, "member", P), ("Tiina Järvinen-Koski", None, "member", P)]),
    "fi flattened columns, roles aligned by evidence in the text": (
        build("Paikalla:\tPekka Laaksonen Tiina Virtanen Kalle Nieminen Anna-Liisa Mäkelä\t"
              "Lohja Vantaa Sipoo (varalla) Espoon kaupunki\tPuheenjohtaja Sihteeri",
              "Poissa:\tRaili Koskinen Juha Salonen\tHanko Inkoo",
              "1. Avaus", "Sihteerinä toimi Kalle Nieminen."),
        [("Pekka Laaksonen", "Lohja", "chair", P), ("Tiina Virtanen", "Vantaa", "member", P),
         ("Kalle Nieminen", "Sipoo", "secretary", P), ("Anna-Liisa Mäkelä", "Espoon kaupunki", "member", P),
         ("Raili Koskinen", "Hanko", "member", A), ("Juha Salonen", "Inkoo", "member", A)]),
    "fi flattened columns through the text reader": (
        text_doc("Läsnä:\tAino Lehtonen Ville Heikki Rantanen Sari Laine – Kivelä\t"
                 "Porvoo Keravan kaupunki Kela (Loviisa)\tPuheenjohtaja Varapuheenjohtaja Sihteeri\n"),
        [("Aino Lehtonen", "Porvoo", "chair", P), ("Ville Heikki Rantanen", "Keravan kaupunki", "vice_chair", P),
         ("Sari Laine-Kivelä", "Kela (Loviisa)", "secretary", P)]),
    "fi names run together without columns": (
        build("Läsnä: Pekka Laaksonen Tiina Virtanen Kalle Nieminen"),
        [("Pekka Laaksonen", None, "member", P), ("Tiina Virtanen", None, "member", P),
         ("Kalle Nieminen", None, "member", P)]),
    "fi surname first, as in official minutes": (
        build("Läsnä:\nVirtanen Matti, puheenjohtaja\nLaine Liisa Maria, jäsen\nNieminen Kalle (Sipoo), sihteeri",
              "Poissa: Koskinen Raili"),
        [("Matti Virtanen", None, "chair", P), ("Liisa Maria Laine", None, "member", P),
         ("Kalle Nieminen", "Sipoo", "secretary", P), ("Raili Koskinen", None, "member", A)]),
    "fi guests": (
        build("Läsnä: Pekka Laaksonen, Tiina Virtanen", "Kutsuttuina: Heikki Saarinen (Kuntaliitto)"),
        [("Pekka Laaksonen", None, "member", P), ("Tiina Virtanen", None, "member", P),
         ("Heikki Saarinen", "Kuntaliitto", "guest", P)]),
    "sv called and present": (
        build("Kallade:\nJohan Lindqvist, Karin Åberg, Mats Holm", "Närvarande:\nJohan Lindqvist, Karin Åberg, "
              "Björn Sundell", "1. Mötets öppnande", "2. Val av mötesfunktionärer\nmötesordförande: Johan\n"
              "mötessekreterare: Karin"),
        [("Johan Lindqvist", None, "chair", P), ("Karin Åberg", None, "secretary", P),
         ("Björn Sundell", None, "guest", P), ("Mats Holm", None, "member", A)]),
    "sv markers": (
        build("Närvarande: Anders Nyström (ordf.), Eva Blomqvist (sekr.), Stefan Holm (Esbo stad)\n"
              "Frånvarande: Camilla Lind (ersättare)"),
        [("Anders Nyström", None, "chair", P), ("Eva Blomqvist", None, "secretary", P),
         ("Stefan Holm", "Esbo stad", "member", P), ("Camilla Lind", None, "member", A)]),
    "en present and apologies": (
        build("Present: John Smith (Chair), Mary Jones (Secretary), Paul Brown", "Apologies: Sarah Green, David White"),
        [("John Smith", None, "chair", P), ("Mary Jones", None, "secretary", P), ("Paul Brown", None, "member", P),
         ("Sarah Green", None, "member", A), ("David White", None, "member", A)]),
    "en numbered heading, unknown names": (
        build(("list_item", "1.\tAttendees:"), "Kelvin Ang, Lim Wei Jie, Thida, Toh Zhen Yu.",
              "2.\tReason for meeting:"),
        [("Kelvin Ang", None, "member", P), ("Lim Wei Jie", None, "member", P), ("Thida", None, "member", P),
         ("Toh Zhen Yu", None, "member", P)]),
}


@pytest.mark.parametrize("name", LAYOUTS)
def test_layout(name):
    doc, expected = LAYOUTS[name]
    assert rows(extract_attendees(doc, "fi")) == expected


def test_deputy_flags():
    doc = LAYOUTS["fi table with header row"][0]
    deputies = {a.name: a.deputy for a in extract_attendees(doc, "fi")}
    assert deputies == {"Pekka Laaksonen": False, "Tiina Virtanen": False, "Kalle Nieminen": True}
    flat = {a.name: a.deputy for a in extract_attendees(LAYOUTS["fi flattened columns, roles aligned by evidence "
                                                                "in the text"][0], "fi")}
    assert flat["Kalle Nieminen"] and not flat["Pekka Laaksonen"]
    sv = {a.name: a.deputy for a in extract_attendees(LAYOUTS["sv markers"][0], "sv")}
    assert sv["Camilla Lind"] and not sv["Anders Nyström"]


def test_evidence_points_at_the_name():
    doc = LAYOUTS["fi brackets"][0]
    for a in extract_attendees(doc, "fi"):
        ev = a.evidence
        assert ev.extractor == "attendees" and 0 < ev.confidence <= 1
        assert doc.text[ev.start:ev.end] == ev.quote
        assert ev.quote.startswith(a.raw_name)


PROSE = [
    build("Puheenjohtaja Pekka Laaksonen avasi kokouksen. Tiina Virtanen esitteli asian ja Kalle Nieminen "
          "kirjasi sen."),
    build("Kokoukseen osallistui kahdeksan henkilöä Lohjalta ja Vantaalta.", "Läsnä oli myös yleisöä."),
    build("Present value of the project was discussed by John Smith and Mary Jones."),
    build("Paikka: Keravan kaupungintalo", "Jakelu: Pekka Laaksonen, Tiina Virtanen"),
    build("Projektin tilanne\nMiko esitteli edistymisraportin.", "Antti Hilden"),
]


@pytest.mark.parametrize("doc", PROSE)
def test_prose_yields_nobody(doc):
    assert extract_attendees(doc, "fi") == []


def test_speaker_at_the_top_of_seminar_material():
    doc = build("Kuntien hyvinvointiseminaari", "Lohja 3.5.2006", "Pirjo Lehtinen,\nkehittämispäällikkö Kuntaliitto",
                "Seminaarin puheenvuoro", "Mitä hyvinvointi on?")
    assert rows(extract_attendees(doc, "fi")) == [("Pirjo Lehtinen", "Kuntaliitto", "speaker", P)]
    memo = build("Muistio", "Pirjo Lehtinen,\nkehittämispäällikkö Kuntaliitto", "Asiat käsiteltiin.")
    assert extract_attendees(memo, "fi") == []  # no seminar cue, no slides: not a speaker


# ---------------------------------------------------------------------------
# real files


def docx_paragraphs(path: Path) -> Document:
    """The paragraphs of a DOCX as blocks, tabs kept: what a paragraph-level reader gives."""
    xml = zipfile.ZipFile(path).read("word/document.xml").decode("utf-8")
    b = DocumentBuilder(str(path), "docx", path.read_bytes())
    for p in re.findall(r"<w:p[ >].*?</w:p>", xml, re.S):
        text = re.sub(r"<[^>]+>", "", re.sub(r"<w:br/>", "\n", re.sub(r"<w:tab/>", "\t", p)))
        b.add(BlockKind.PARAGRAPH, text.replace("&amp;", "&"))
    return b.build()


def real(prefix: str) -> Path:
    found = sorted(REAL.glob(prefix + "_*"))
    if not found:
        pytest.skip(f"{prefix}_* not in shared/corpus/real")
    return found[0]


REAL_DOCX = {
    "17": [("Miko Leppänen", None, "member", P), ("Leena Järvenkylä-Niemi", None, "member", P)],
    "18": [("Antti Hilden", None, "member", P), ("Leena JN", None, "member", P)],
    "24": [("Kelvin Ang", None, "member", P), ("Lim Wei Jie", None, "member", P), ("Thida", None, "member", P),
           ("Toh Zhen Yu", None, "member", P)],
}


@pytest.mark.parametrize("prefix", REAL_DOCX)
def test_real_docx_tab_layouts(prefix):
    assert rows(extract_attendees(docx_paragraphs(real(prefix)), "fi")) == REAL_DOCX[prefix]


@pytest.mark.parametrize("prefix", REAL_DOCX)
def test_real_docx_through_the_reader(prefix):
    if importlib.util.find_spec("extractors.formats.docx") is None:
        pytest.skip("DOCX reader not in this tree yet")
    assert rows(extract_attendees(read_document(real(prefix)), "fi")) == REAL_DOCX[prefix]


def test_real_swedish_pdf_called_and_present():
    doc = read_document(real("20"))
    assert rows(extract_attendees(doc, "sv")) == [
        ("Markus Wetterberg", None, "chair", P), ("Johan Nåtoft", None, "secretary", P),
        ("Filip Haglund", None, "member", P), ("David Bergström", None, "member", P),
        ("Mikael Silvén", None, "guest", P), ("Fabian Sandin", None, "member", A)]


def test_real_pdf_attendance_table():
    found = extract_attendees(read_document(real("02")), "fi")
    by_name = {a.name: a for a in found}
    assert len(found) == len(by_name) >= 15  # one record per person, though they represent several towns
    assert by_name["Maarit Tuomisto"].organization == "Hanko"
    assert by_name["Outi Nivakoski"].status == P  # 'Etänä': attended remotely
    assert all(len(a.name.split()) >= 2 for a in found)


def test_real_files_without_lists_yield_nobody():
    for prefix in ("01", "05", "10", "11", "19"):
        assert extract_attendees(read_document(real(prefix)), "fi") == [], prefix


# ---------------------------------------------------------------------------
# seeds against their gold


def _norm_name(name: str) -> str:
    return re.sub(r"\s*[-–—]\s*", "-", name.lower())


@pytest.mark.parametrize("stem", ["000", "001", "002", "003", "004"])
def test_seed_against_gold(stem):
    seeds = sorted(SEEDS.glob(stem + "_*.txt"))
    if not seeds:
        pytest.skip("seeds not beside the repo")
    gold = json.loads((GOLD / f"{seeds[0].name}.gold.json").read_text(encoding="utf-8"))["attendees"]
    found = extract_attendees(read_document(seeds[0]), "fi")
    assert [_norm_name(a.name) for a in found] == [_norm_name(g["name"]) for g in gold]
    for a, g in zip(found, gold):
        assert a.status == g["status"]
        assert a.organization == g["organization"]
        if "role" in g:
            assert a.role == g["role"], a.name


def test_extraction_is_fast():
    seeds = sorted(SEEDS.glob("*.txt"))
    if not seeds:
        pytest.skip("seeds not beside the repo")
    docs = [read_document(p) for p in seeds]
    extract_attendees(docs[0], "fi")  # gazetteer and lexicon load once
    start = time.perf_counter()
    for doc in docs:
        extract_attendees(doc, "fi")
    assert time.perf_counter() - start < 1.0


def test_running_text_after_a_list_adds_no_role_or_person():
    doc = build("Läsnä: Pekka Laaksonen, Tiina Virtanen", "Puheenjohtaja totesi, että Tiina Virtanen on paikalla.",
                "Lisäksi Heikki Saarinen kertoi hankkeesta.")
    assert rows(extract_attendees(doc, "fi")) == [("Pekka Laaksonen", None, "member", P),
                                                  ("Tiina Virtanen", None, "member", P)]


@pytest.mark.parametrize("text,chair", [
    ("Kokouksen avasi hallituksen puheenjohtaja Rebekka Pilppula. "
     "Kokouksen puheenjohtajaksi valittiin Tuukka Forsell.", "Tuukka Forsell"),
    ("Tuukka Forsell toimi puheenjohtajana.", "Tuukka Forsell"),
    ("Mötet beslutar att välja Rebekka Pilppula till mötesordförande.", "Rebekka Pilppula"),
    ("Rebekka Pilppula chaired the meeting.", "Rebekka Pilppula"),
])
def test_prose_settles_the_chair_of_listed_people(text, chair):
    doc = build("Läsnä: Tuukka Forsell, Rebekka Pilppula", text)
    roles = {a.name: a.role for a in extract_attendees(doc, "fi")}
    assert roles[chair] == "chair"
    assert list(roles.values()).count("chair") == 1
