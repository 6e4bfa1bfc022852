"""Write the second held-out set's non-text documents into tests/heldout2/docs.

Run from the repository root: ``.venv/bin/python tests/heldout2/make_docs.py``.
Needs python-docx, python-pptx, odfpy and LibreOffice (``soffice``) for the PDFs
and the legacy ``.doc``. The outputs are committed and the gold files were written
by hand against the text our readers produce from them, so rerun this only together
with a review of the gold (the libraries and LibreOffice stamp fresh timestamps,
which changes the bytes but not the text). The .txt/.md documents are hand-written
files in docs/ and are not produced here.
"""
from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from docx import Document as DocxDocument
from docx.enum.text import WD_BREAK
from docx.shared import Cm, Pt
from odf.opendocument import OpenDocumentText
from odf.style import (ParagraphProperties, Style, TableCellProperties,
                       TableColumnProperties, TableProperties, TextProperties)
from odf.table import Table, TableCell, TableColumn, TableRow
from odf.text import H, LineBreak, P, Span
from pptx import Presentation
from pptx.util import Inches, Pt as PPt

DOCS = Path(__file__).resolve().parent / "docs"


# --------------------------------------------------------------------------- Word helpers

def _docx(font: str = "Arial", size: float = 10) -> DocxDocument:
    doc = DocxDocument()
    doc.styles["Normal"].font.name = font
    doc.styles["Normal"].font.size = Pt(size)
    return doc


def _table(doc, rows: list[list[str]], widths: list[float] | None = None, style: str | None = "Table Grid",
           bold_header: bool = True):
    """A Word table; ``style=None`` leaves it borderless, as letter templates do."""
    table = doc.add_table(rows=len(rows), cols=len(rows[0]))
    if style:
        table.style = style
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            cell = table.cell(r, c)
            cell.text = value
            if r == 0 and bold_header:
                for run in cell.paragraphs[0].runs:
                    run.bold = True
            if widths:
                cell.width = Cm(widths[c])
    return table


def _to(fmt: str, source: Path, target: Path) -> None:
    """Convert with LibreOffice into ``target`` (same stem), the way such files were really made."""
    with tempfile.TemporaryDirectory() as out, tempfile.TemporaryDirectory() as profile:
        subprocess.run(["soffice", f"-env:UserInstallation=file://{profile}", "--headless",
                        "--convert-to", fmt, "--outdir", out, str(source)],
                       check=True, capture_output=True, timeout=180)
        produced = Path(out) / f"{source.stem}.{fmt}"
        shutil.move(str(produced), target)


def _via_docx(build, target: Path, fmt: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / f"{target.stem}.docx"
        build(src)
        _to(fmt, src, target)


# --------------------------------------------------------------------------- 1. agenda (PDF)

def agenda_vihti_2007(path: Path) -> None:
    """Esityslista: letterhead on tabs, `Esitys:` proposals, invited list, written-out date."""
    doc = _docx("Times New Roman", 11)
    doc.add_paragraph("Lapsuuden arvokas arki – ARVO-hanke\t\tESITYSLISTA 5/2007\n"
                      "Länsi- ja Keski-Uudenmaan lapsuuden hyvinvoinnin kehittämisyksikkö\t7.11.2007")
    doc.add_paragraph("")
    h = doc.add_paragraph()
    h.add_run("JOHTORYHMÄN KOKOUS").bold = True
    doc.add_paragraph("Aika\t\tkeskiviikkona 14. marraskuuta 2007 klo 13.00–15.30")
    doc.add_paragraph("Paikka\t\tVihdin kunnantalo, Asematie 35, Nummela, valtuustosali")
    doc.add_paragraph("Kutsutut\tJouko Ranta, Järvenpää (puheenjohtaja)\n"
                      "\t\tTuula Heikkinen, Vihti\n"
                      "\t\tKari Lindroos, Lohja\n"
                      "\t\tSirpa Mäkelä, Kirkkonummi\n"
                      "\t\tPekka Aaltonen, Karkkila\n"
                      "\t\tLeena Huttunen, Siuntio\n"
                      "\t\tMarianna Kokko, ARVO-hanke (sihteeri)")
    items = [
        ("1. Kokouksen avaus ja läsnäolijoiden toteaminen", []),
        ("2. Edellisen kokouksen muistio", [
            "Johtoryhmän 19.9.2007 pidetyn kokouksen muistio on lähetetty jäsenille sähköpostitse 28.9.2007.",
            "Esitys: Muistio hyväksytään."]),
        ("3. Kuntatyöryhmien tilanne", [
            "Kuntatyöryhmät on perustettu kahdeksaan kuntaan. Projektikoordinaattori esittelee "
            "tilanteen kunnittain (liite 1).",
            "Esitys: Merkitään tiedoksi."]),
        ("4. Vuoden 2008 toimintasuunnitelma ja talousarvio", [
            "Toimintasuunnitelman luonnos (liite 2) on käsitelty ohjausryhmässä 31.10.2007.",
            "Esitys: Johtoryhmä hyväksyy toimintasuunnitelman ja talousarvion esitetyssä muodossa."]),
        ("5. Kuntien rahoitusosuudet 2008", [
            "Kuntien maksuosuudet laskutetaan kahdessa erässä maaliskuussa ja syyskuussa 2008.",
            "Esitys: Keskustellaan laskutusaikataulusta ja päätetään siitä."]),
        ("6. Kevään 2008 kokousaikataulu", [
            "Esitys: Johtoryhmä kokoontuu keväällä 2008 keskiviikkoisin 23.1., 12.3. ja 14.5.2008 "
            "klo 13–15.30."]),
        ("7. Muut asiat", []),
        ("8. Kokouksen päättäminen", []),
    ]
    for head, paras in items:
        p = doc.add_paragraph()
        p.add_run(head).bold = True
        for text in paras:
            q = doc.add_paragraph(text)
            q.paragraph_format.left_indent = Cm(1.5)
    doc.add_paragraph("")
    doc.add_paragraph("Kuntien tilannekatsaukset pyydetään toimittamaan sihteerille viimeistään "
                      "perjantaina 9.11.2007. Estyneiden jäsenten tulee ilmoittaa asiasta varajäsenelleen "
                      "ja sihteerille.")
    doc.add_paragraph("Tervetuloa!")
    doc.add_paragraph("Marianna Kokko\nprojektikoordinaattori\np. 040 315 3446, marianna.kokko@sosiaalitalo.fi")
    doc.add_paragraph("JAKELU\t\tJohtoryhmän jäsenet ja varajäsenet\nTIEDOKSI\tOhjausryhmän puheenjohtaja")
    doc.save(path)


# --------------------------------------------------------------------------- 2. working group memo, ruled decision table (PDF)

def working_group_memo_lohja_2008(path: Path) -> None:
    """Työryhmän kokousmuistio whose items are rows of a ruled table with decision and task columns."""
    doc = _docx("Arial", 10)
    section = doc.sections[0]
    section.orientation = 1
    section.page_width, section.page_height = section.page_height, section.page_width
    p = doc.add_paragraph()
    p.add_run("LOHJAN SEUDUN LASTENSUOJELUN TYÖRYHMÄ").bold = True
    doc.add_paragraph("KOKOUSMUISTIO 3/2008")
    doc.add_paragraph("Aika:\tto 3.4.08 klo 12.30–15")
    doc.add_paragraph("Paikka:\tLohjan kaupungintalo, Karstuntie 4, kokoushuone Linna")
    doc.add_paragraph("Osallistujat:\n"
                      "Riitta Salonen – Lohjan kaupunki, sosiaalityön johtaja (pj.)\n"
                      "Mikko Hirvonen – Karjalohjan kunta\n"
                      "Anu Leppänen – Sammatin kunta\n"
                      "Johanna Virta – Lohjan kaupunki, perheneuvola\n"
                      "Satu Karppanen – Vihdin kunta, perhekeskus Karviainen\n"
                      "Heidi Gerdt – ARVO-hanke (muistion laatija)")
    doc.add_paragraph("Poissa:\tJaana Koskinen – Nummi-Pusulan kunta")
    _table(doc, [
        ["§", "Asia", "Käsittely ja päätös", "Vastuu", "Aikataulu"],
        ["1", "Kokouksen avaus", "Puheenjohtaja avasi kokouksen klo 12.35.", "–", "–"],
        ["2", "Edellisen muistion tarkistus",
         "Edellisen kokouksen (6.3.2008) muistio hyväksyttiin muutoksitta.", "–", "–"],
        ["3", "Yhteinen lastensuojeluilmoituslomake",
         "Todettiin, että alueen kunnissa on käytössä neljä erilaista ilmoituslomaketta. "
         "Päätettiin ottaa käyttöön yhteinen lomake 1.6.2008 alkaen.",
         "Johanna Virta kokoaa lomakeluonnoksen", "25.4.2008 mennessä"],
        ["4", "Sosiaalipäivystys kesällä",
         "Sovittiin, että Lohjan sosiaalipäivystys hoitaa myös Karjalohjan ja Sammatin kiireelliset "
         "lastensuojeluasiat 16.6.–10.8.2008.",
         "Riitta Salonen neuvottelee sopimuksen kuntien kanssa", "toukokuun loppuun mennessä"],
        ["5", "Koulutustarpeet",
         "Keskusteltiin syksyn koulutuksista. Toiveena on uuden lastensuojelulain (417/2007) "
         "soveltamiskoulutus.",
         "ARVO-hanke selvittää kouluttajan ja hinnan", "viikko 20"],
        ["6", "Muut asiat",
         "Sammatin liittyminen Lohjaan 1.1.2009 muuttaa työryhmän kokoonpanoa. Asia käsitellään "
         "syksyn ensimmäisessä kokouksessa.", "–", "–"],
        ["7", "Seuraava kokous",
         "Aiemmin sovittu kokous to 8.5.2008 siirtyy maanantaille 12.5.2008 klo 13 "
         "Karjalohjan kunnantoimistolle.", "–", "–"],
    ], widths=[1, 4.5, 10, 5, 3.5])
    doc.add_paragraph("")
    doc.add_paragraph("Lohjalla 7.4.2008\t\tMuistion vakuudeksi: Heidi Gerdt")
    doc.save(path)


# --------------------------------------------------------------------------- 3. interim report, two pages (PDF)

def interim_report_2008(path: Path) -> None:
    """Väliraportti over two pages: facts table, ruled training table, commitments, contacts."""
    doc = _docx("Calibri", 11)
    doc.add_heading("LAPSUUDEN ARVOKAS ARKI – ARVO", level=1)
    doc.add_paragraph("Lapsuuden hyvinvoinnin kehittämisyksikkö Länsi- ja Keski-Uudellamaalla")
    doc.add_heading("Väliraportti Etelä-Suomen lääninhallitukselle, raportointikausi 1.1.–30.6.2008", level=2)
    _table(doc, [
        ["Hallinnoija", "Järvenpään kaupunki"],
        ["Toteutusaika", "1.9.2007–31.10.2009"],
        ["Myönnetty valtionavustus", "512 000 €"],
        ["Mukana olevat kunnat", "13"],
    ], widths=[6, 9], bold_header=False)
    doc.add_heading("1. Toiminta raportointikaudella", level=2)
    doc.add_paragraph(
        "Raportointikauden keskeinen tehtävä oli kuntakohtaisten kehittämistarpeiden analyysin "
        "valmistuminen ja sen pohjalta kolmen sisällöllisen kehittämisryhmän käynnistäminen. "
        "Hankkeen johtoryhmä kokoontui raportointikaudella kolme kertaa (23.1., 12.3. ja 14.5.2008). "
        "Johtoryhmä päätti 14.5.2008 kokouksessaan, että projektikoordinaattorin työaikaa "
        "lisätään 1.8.2008 alkaen kokoaikaiseksi.")
    doc.add_paragraph(
        "Kuntatyöryhmät toimivat kaikissa mukana olevissa kunnissa. Kuntatyöryhmien "
        "puheenjohtajat kokoontuivat yhteiseen tapaamiseen kerran.")
    doc.add_heading("2. Koulutukset", level=2)
    doc.add_paragraph("Raportointikaudella järjestettiin seuraavat alueelliset koulutukset:")
    _table(doc, [
        ["Ajankohta", "Koulutus", "Paikka", "Osallistujia"],
        ["5.2.2008", "Lastensuojelulaki käytäntöön", "Lohja", "84"],
        ["11.–12.3.2008", "Verkostodialogiset menetelmät", "Järvenpää", "36"],
        ["22.4.2008", "Varhainen puuttuminen päivähoidossa", "Kirkkonummi", "58"],
        ["3.6.2008", "Perhekeskustoiminnan seminaari", "Vihti", "120"],
        ["Yhteensä", "", "", "298"],
    ], widths=[3, 7, 3, 2.5])
    doc.add_paragraph(
        "Koulutuksista kerätty palaute oli pääosin myönteistä (keskiarvo 4,2 asteikolla 1–5). "
        "Eniten toivottiin jatkokoulutusta verkostodialogisista menetelmistä.")
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    doc.add_heading("3. Talous", level=2)
    doc.add_paragraph(
        "Raportointikauden kustannukset olivat 143 950 euroa, josta henkilöstökulujen osuus oli "
        "98 412 euroa. Kustannukset ovat toteutuneet suunnitellusti.")
    doc.add_heading("4. Seuraavan kauden toimenpiteet", level=2)
    for text in [
        "Hanke selvittää kuntien sitoutumisen pysyvään kehittämisyksikköön vuoden 2008 loppuun mennessä.",
        "Kuntien tulee nimetä edustajansa syksyn teemaverstaisiin 15.9.2008 mennessä.",
        "Ensimmäinen teemaverstas pidetään Karkkilassa 7.10.2008.",
        "Ulkoinen arviointi (Diakonia-ammattikorkeakoulu) käynnistyy syyskuussa 2008.",
        "Hankkeen loppuraportti on toimitettava lääninhallitukselle viimeistään 31.12.2009.",
    ]:
        doc.add_paragraph(text, style="List Bullet")
    doc.add_heading("5. Väliraportin käsittely", level=2)
    doc.add_paragraph(
        "Hankkeen ohjausryhmä käsitteli väliraportin kokouksessaan 19.8.2008 ja hyväksyi sen "
        "lähetettäväksi lääninhallitukselle.")
    doc.add_heading("6. Yhteystiedot", level=2)
    doc.add_paragraph("Projektipäällikkö Tuija Nieminen, Järvenpään kaupunki\n"
                      "gsm 050 412 7788, tuija.nieminen@jarvenpaa.fi")
    doc.add_paragraph("Projektikoordinaattori Marianna Kokko, Sosiaalitalo\n"
                      "gsm 040 315 3446, marianna.kokko@sosiaalitalo.fi")
    doc.add_paragraph("")
    doc.add_paragraph("Järvenpäässä 29. elokuuta 2008")
    doc.add_paragraph("Tuija Nieminen\nprojektipäällikkö")
    doc.save(path)


# --------------------------------------------------------------------------- ODT helpers

class _Odt:
    """A small odfpy writer: headings, paragraphs with line breaks, bordered tables."""

    def __init__(self) -> None:
        self.doc = OpenDocumentText()
        self.bold = Style(name="Bold", family="text")
        self.bold.addElement(TextProperties(fontweight="bold"))
        self.doc.automaticstyles.addElement(self.bold)
        self.h = {}
        for level, size in ((1, "16pt"), (2, "13pt")):
            st = Style(name=f"Heading_{level}", family="paragraph")
            st.addElement(TextProperties(fontsize=size, fontweight="bold"))
            st.addElement(ParagraphProperties(margintop="0.3cm", marginbottom="0.15cm"))
            self.doc.styles.addElement(st)
            self.h[level] = st
        self.cell = Style(name="Cell", family="table-cell")
        self.cell.addElement(TableCellProperties(border="0.5pt solid #000000", padding="0.1cm"))
        self.doc.automaticstyles.addElement(self.cell)
        self.tables = 0

    def heading(self, text: str, level: int = 1) -> None:
        self.doc.text.addElement(H(outlinelevel=level, stylename=self.h[level], text=text))

    def para(self, text: str, bold_prefix: str = "") -> None:
        p = P()
        if bold_prefix:
            p.addElement(Span(stylename=self.bold, text=bold_prefix))
        for i, line in enumerate(text.split("\n")):
            if i:
                p.addElement(LineBreak())
            p.addText(line)
        self.doc.text.addElement(p)

    def table(self, rows: list[list[str]], widths: list[float]) -> None:
        self.tables += 1
        name = f"Table{self.tables}"
        tstyle = Style(name=name, family="table")
        tstyle.addElement(TableProperties(width=f"{sum(widths)}cm", align="left"))
        self.doc.automaticstyles.addElement(tstyle)
        table = Table(name=name, stylename=tstyle)
        for i, w in enumerate(widths):
            cs = Style(name=f"{name}.C{i}", family="table-column")
            cs.addElement(TableColumnProperties(columnwidth=f"{w}cm"))
            self.doc.automaticstyles.addElement(cs)
            table.addElement(TableColumn(stylename=cs))
        for r, row in enumerate(rows):
            tr = TableRow()
            for value in row:
                tc = TableCell(stylename=self.cell, valuetype="string")
                p = P()
                if r == 0:
                    p.addElement(Span(stylename=self.bold, text=value))
                else:
                    p.addText(value)
                tc.addElement(p)
                tr.addElement(tc)
            table.addElement(tr)
        self.doc.text.addElement(table)

    def save(self, path: Path) -> None:
        self.doc.save(str(path))


# --------------------------------------------------------------------------- 4. Swedish notes (PDF made from ODT)

def swedish_network_notes_ekenas_2009(path: Path) -> None:
    """Minnesanteckningar: comma list of participants with organisations in parentheses."""
    odt = _Odt()
    odt.para("Västra Nylands nätverk för familjecentraler")
    odt.heading("MINNESANTECKNINGAR", 1)
    odt.para("tisdagen den 3 februari 2009, kl. 9.30–12.00", bold_prefix="Tid: ")
    odt.para("Familjecentralen Viktoria, Ekenäs", bold_prefix="Plats: ")
    odt.para("Anna Lindqvist (Raseborgs stad, ordförande), Peter Holmström (Ingå kommun), "
             "Camilla Nyberg (Hangö stad), Sofia Grönroos (Sjundeå kommun), Heidi Gerdt "
             "(ARVO-projektet) och Maria Sjöberg (Raseborgs stad, sekreterare)",
             bold_prefix="Närvarande: ")
    odt.para("Johan Ekström (Kyrkslätts kommun)", bold_prefix="Förhinder: ")
    sections = [
        ("1. Mötets öppnande",
         "Ordföranden öppnade mötet kl. 9.35 och hälsade särskilt Camilla Nyberg välkommen, "
         "som deltog i nätverket för första gången."),
        ("2. Föregående minnesanteckningar",
         "Anteckningarna från mötet den 2 december 2008 godkändes utan ändringar."),
        ("3. Verksamhetsplan för våren 2009",
         "Heidi Gerdt presenterade utkastet till verksamhetsplan. Nätverket godkände planen med den "
         "ändringen att temadagen om föräldraskap flyttas från mars till maj.\n"
         "Temadagen hålls i Karis den 14 maj 2009."),
        ("4. Öppna träffpunkter",
         "Diskuterades erfarenheterna av de öppna träffpunkterna. Antecknades att antalet besökare "
         "i Hangö har fördubblats sedan hösten.\n"
         "Peter Holmström sammanställer besöksstatistiken från alla kommuner före den 15 mars 2009."),
        ("5. Utbildning",
         "Man kom överens om att ansöka om statsunderstöd för en gemensam utbildning i "
         "familjearbete. Ansökan ska lämnas till Länsstyrelsen senast 27.2.2009 (ansvarig: Anna Lindqvist)."),
        ("6. Övriga ärenden",
         "Nätverkets möte den 17 mars 2009 inställs på grund av kommunernas budgetarbete."),
        ("7. Nästa möte",
         "Nästa möte hålls tisdagen 21.4.2009 kl. 9.30–12 i Ingå, kommungården."),
    ]
    for head, body in sections:
        odt.heading(head, 2)
        for line in body.split("\n"):
            odt.para(line)
    odt.para("")
    odt.para("Vid pennan\nMaria Sjöberg")
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / f"{path.stem}.odt"
        odt.save(src)
        _to("pdf", src, path)


# --------------------------------------------------------------------------- 5. Finnish memo, header in a merged-cell table (DOCX)

def development_group_memo_kirkkonummi_2008(path: Path) -> None:
    """Muistio whose header is a borderless template table; `Läsnä` label merged over four rows."""
    doc = _docx("Verdana", 9)
    doc.add_paragraph("ARVO – Poikkisektorisen rakenteen kehittämisryhmä\t\t\tMUISTIO 4/2008")
    t = _table(doc, [
        ["Aika", "ma 15.9.2008 klo 9–11.30", ""],
        ["Paikka", "Kirkkonummen kunnantalo, Ervastintie 1, kokoushuone Kirkkoranta", ""],
        ["Puheenjohtaja", "Sirpa Mäkelä", "Kirkkonummen kunta"],
        ["Sihteeri", "Heidi Gerdt", "ARVO-hanke"],
        ["Läsnä", "Anneli Rautiainen", "Keravan kaupunki"],
        ["", "Satu Karppanen", "Vihdin kunta"],
        ["", "Pirjo Laine", "Siuntion kunta"],
        ["", "Tomi Kivelä", "Inkoon kunta (varajäsen)"],
        ["Poissa", "Leena Huttunen, Karkkilan kaupunki; Kari Lindroos, Lohjan kaupunki", ""],
    ], widths=[3, 6, 6], style=None, bold_header=False)
    for r in (0, 1, 8):
        t.cell(r, 1).merge(t.cell(r, 2))
    lab = t.cell(4, 0).merge(t.cell(7, 0))
    lab.text = "Läsnä"
    doc.add_paragraph("")
    blocks = [
        ("1. Kokouksen avaus", ["Puheenjohtaja avasi kokouksen."]),
        ("2. Edellisen kokouksen muistio", ["Edellisen kokouksen muistio tarkastettiin ja hyväksyttiin."]),
        ("3. Kuntakierros", [
            "Kuntakierros on toteutettu kuudessa kunnassa; Inkoon ja Siuntion käynnit ovat vielä tekemättä.",
            "Päätös: Siuntion käynti pidetään 8.10.2008 ja Inkoon käynti lokakuun aikana. Vastuu: Heidi Gerdt."]),
        ("4. Nivelvaiheiden prosessikuvaukset", [
            "Keskusteltiin siitä, mistä nivelvaiheesta kuvaaminen aloitetaan. Kehittämisryhmä päätti, "
            "että ensimmäiseksi kuvataan siirtyminen esiopetuksesta kouluun.",
            "Anneli Rautiainen ja Satu Karppanen laativat prosessikuvauksen luonnoksen 20.10.2008 mennessä."]),
        ("5. Syksyn koulutuspäivä", [
            "Koulutuspäivä ”Lapsi keskiössä” järjestetään ti 11.11.2008 Lohjalla Laurentius-talossa.",
            "Ilmoittautumiset on kerättävä kunnittain ja lähetettävä hankkeeseen viimeistään 31.10.2008."]),
        ("6. Syksyn kokoukset", [
            "Päätös: Marraskuun kokous 17.11.2008 perutaan päällekkäisen koulutuspäivän vuoksi.",
            "Syksyn muut kokoukset: 20.10.2008 Vihdissä (Nummelan sosiaalitoimisto) ja 1.12.2008 "
            "Keravalla. Kokoukset alkavat klo 9."]),
    ]
    for head, paras in blocks:
        doc.add_heading(head, level=3)
        for text in paras:
            doc.add_paragraph(text)
    doc.add_paragraph("")
    doc.add_paragraph("Muistion kirjasi Heidi Gerdt")
    doc.save(path)


# --------------------------------------------------------------------------- 6. Swedish protokoll, merged organisation cell (DOCX)

def swedish_protocol_inga_2006(path: Path) -> None:
    """Protokoll with § items and a Närvarande table whose organisation cell spans two rows."""
    doc = _docx("Arial", 10)
    doc.add_paragraph("INGÅ KOMMUN – INKOON KUNTA\t\t\tPROTOKOLL 2/2006")
    doc.add_heading("Arbetsgruppen för förebyggande barnskydd", level=1)
    doc.add_paragraph("Tid:\tonsdag 22.3.2006 kl. 14–16")
    doc.add_paragraph("Plats:\tIngå kommungård, sammanträdesrummet Fagervik")
    doc.add_paragraph("Närvarande:")
    t = _table(doc, [
        ["Namn", "Organisation", "Uppgift"],
        ["Eva Lindberg", "Ingå kommun, socialbyrån", "ordförande"],
        ["Karin Wikström", "", "socialarbetare"],
        ["Mats Söderholm", "Ingå kommun, bildningsväsendet", "rektor"],
        ["Tiina Laaksonen", "Ingå hälsovårdscentral", "hälsovårdare"],
        ["Ulla Backman", "Folkhälsan", "sekreterare"],
    ], widths=[4, 6.5, 4])
    org = t.cell(1, 1).merge(t.cell(2, 1))
    org.text = "Ingå kommun, socialbyrån"
    doc.add_paragraph("Frånvarande:\tLars Nordström, Ingå församling")
    items = [
        ("§ 1 Mötets öppnande", "Ordföranden öppnade mötet kl. 14.05. Mötet konstaterades lagligen "
                                "sammankallat och beslutfört."),
        ("§ 2 Val av protokolljusterare", "Till protokolljusterare valdes Mats Söderholm."),
        ("§ 3 Föräldragrupper", "Arbetsgruppen beslöt att starta två föräldragrupper för familjer med "
                                "små barn hösten 2006. Karin Wikström och Ulla Backman ansvarar för "
                                "planeringen och rapporterar till arbetsgruppen i maj."),
        ("§ 4 Samarbetet med skolorna", "Ärendet bordlades till nästa möte."),
        ("§ 5 Budget 2007", "Beslut: Arbetsgruppen föreslår för socialnämnden att 3 000 euro reserveras "
                            "för föräldragrupperna i budgeten för 2007. Eva Lindberg för ärendet till "
                            "nämndens möte den 25 april 2006."),
        ("§ 6 Nästa möte", "Mötet som planerats till den 19 april 2006 inställs på grund av påskveckan. "
                           "Nästa möte hålls onsdagen den 10 maj 2006 kl. 14 i kommungården."),
    ]
    for head, body in items:
        p = doc.add_paragraph()
        p.add_run(head).bold = True
        doc.add_paragraph(body)
    doc.add_paragraph("")
    doc.add_paragraph("Eva Lindberg\t\t\tUlla Backman\nordförande\t\t\tsekreterare")
    doc.add_paragraph("Protokollet justerat 24.3.2006\nMats Söderholm")
    doc.save(path)


# --------------------------------------------------------------------------- 7. seminar summary with programme table (DOCX)

def seminar_summary_karkkila_2009(path: Path) -> None:
    """Seminaariyhteenveto: programme table (one row spans all columns), speakers, follow-up."""
    doc = _docx("Calibri", 11)
    doc.add_heading("Lapsen ääni kuuluviin – alueellinen seminaari", level=1)
    doc.add_paragraph("Yhteenveto Karkkilan kaupungintalolla torstaina 19. maaliskuuta 2009 "
                      "pidetystä seminaarista")
    doc.add_heading("Ohjelma", level=2)
    t = _table(doc, [
        ["Aika", "Ohjelma", "Alustaja"],
        ["9.00–9.30", "Ilmoittautuminen ja aamukahvi", ""],
        ["9.30–10.15", "Avaus: Lapsen ääni kunnan päätöksenteossa",
         "sosiaalijohtaja Pekka Aaltonen, Karkkilan kaupunki"],
        ["10.15–11.30", "Lapsen osallisuus lastensuojelussa",
         "yliopistonlehtori Hanna Rautio, Helsingin yliopisto"],
        ["11.30–12.15", "Lounas", ""],
        ["12.15–13.30", "Ryhmätyöt", ""],
        ["13.30–14.30", "Nuorisovaltuusto vaikuttajana",
         "nuorisosihteeri Ville Koski, Karkkilan kaupunki"],
        ["14.30–15.00", "Yhteenveto ja päätös", "projektipäällikkö Tuija Nieminen, ARVO-hanke"],
    ], widths=[2.5, 7, 6.5])
    m = t.cell(5, 1).merge(t.cell(5, 2))
    m.text = "Ryhmätyöt: kolme rinnakkaista työpajaa"
    doc.add_heading("Yhteenveto", level=2)
    doc.add_paragraph(
        "Seminaariin osallistui 74 lasten ja perheiden parissa työskentelevää kahdeksasta kunnasta.")
    doc.add_paragraph(
        "Sosiaalijohtaja Pekka Aaltonen korosti avauspuheenvuorossaan, että lasten näkemykset on "
        "otettava huomioon jo talousarvion valmistelussa. Yliopistonlehtori Hanna Rautio esitteli "
        "tutkimustaan lasten kuulemisesta lastensuojelun asiakastyössä: kuulemista tapahtuu, mutta "
        "se kirjataan harvoin. Nuorisosihteeri Ville Koski kertoi yhdessä nuorisovaltuuston jäsenten "
        "kanssa, miten valtuusto on vaikuttanut Karkkilan nuorisotilan sijaintiin.")
    doc.add_heading("Ryhmätöiden tuloksia", level=2)
    for text in [
        "Ryhmät ehdottivat, että jokaisessa kunnassa kokeiltaisiin lasten kuulemisen lomaketta.",
        "Lapsen oma kertomus tulisi kirjata asiakassuunnitelmaan omin sanoin.",
        "Nuorisovaltuustoille toivottiin puhe- ja läsnäolo-oikeutta lautakunnissa.",
    ]:
        doc.add_paragraph(text, style="List Bullet")
    doc.add_heading("Jatkotoimet", level=2)
    doc.add_paragraph(
        "Seminaarissa sovittiin, että ARVO-hanke kokoaa ryhmätöiden tulokset kuntien käyttöön "
        "huhtikuun loppuun mennessä. Seminaarin aineistot julkaistaan hankkeen verkkosivuilla "
        "viikolla 13. Osallisuusverkoston seuraava tapaaminen on 5.5.2009 Vihdissä.")
    doc.add_paragraph("Lisätietoja: projektisihteeri Anu Salmi, p. 09 2719 2315, anu.salmi@sosiaalitalo.fi")
    doc.save(path)


# --------------------------------------------------------------------------- pptx helpers

def _bullets(prs, title: str, lines: list[str]):
    slide = prs.slides.add_slide(prs.slide_layouts[1])
    slide.shapes.title.text = title
    body = slide.placeholders[1].text_frame
    body.text = lines[0]
    for line in lines[1:]:
        level = (len(line) - len(line.lstrip(" "))) // 2
        p = body.add_paragraph()
        p.text = line.strip()
        p.level = min(level, 4)
    return slide


def _table_slide(prs, title: str, rows: list[list[str]], note: str = ""):
    slide = prs.slides.add_slide(prs.slide_layouts[5])
    slide.shapes.title.text = title
    top = Inches(1.5)
    shape = slide.shapes.add_table(len(rows), len(rows[0]), Inches(0.4), top, Inches(9.2), Inches(0.38) * len(rows))
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            cell = shape.table.cell(r, c)
            cell.text = value
            cell.text_frame.paragraphs[0].font.size = PPt(13)
    if note:
        box = slide.shapes.add_textbox(Inches(0.4), Inches(6.4), Inches(9.2), Inches(0.6))
        box.text_frame.text = note
        box.text_frame.paragraphs[0].font.size = PPt(11)
    return slide


# --------------------------------------------------------------------------- 8. Finnish kick-off slides (PPTX)

def kickoff_slides_jarvenpaa_2007(path: Path) -> None:
    """Kick-off deck: programme with presenters, schedule table, tasks slide, contacts in a text box."""
    prs = Presentation()
    s = prs.slides.add_slide(prs.slide_layouts[0])
    s.shapes.title.text = "Kuntatyöryhmien aloitustilaisuus"
    s.placeholders[1].text = ("Lapsuuden arvokas arki – ARVO-hanke\n"
                              "Järvenpää, Sosiaalitalo, ti 21.8.2007 klo 12–16\n"
                              "Projektipäällikkö Tuija Nieminen")
    _bullets(prs, "Päivän ohjelma", [
        "12.00 Kahvi ja tervetuloa",
        "12.30 ARVO-hanke lyhyesti – Tuija Nieminen",
        "13.15 Kuntatyöryhmän tehtävät – Marianna Kokko",
        "14.30 Ryhmätyö: oman kunnan kehittämistarpeet",
        "15.30 Yhteenveto ja jatkosta sopiminen",
    ])
    _bullets(prs, "Hanke lyhyesti", [
        "Toteutusaika 1.9.2007–31.10.2009",
        "13 kuntaa Länsi- ja Keski-Uudeltamaalta",
        "Rahoitus: sosiaali- ja terveysministeriön valtionavustus ja kuntien omarahoitusosuus",
        "Kuntatyöryhmä = kunnan oma poikkihallinnollinen työryhmä",
        "  sosiaalitoimi, terveystoimi, sivistystoimi, nuorisotoimi",
    ])
    _table_slide(prs, "Aikataulu syksy 2007 – kevät 2008", [
        ["Vaihe", "Ajankohta", "Vastuu"],
        ["Kuntatyöryhmän jäsenet nimetty", "14.9.2007 mennessä", "kunnat"],
        ["Kehittämistarpeiden kartoitus", "viikot 38–42", "kuntatyöryhmät"],
        ["Kartoitusten analyysi", "marraskuu 2007", "ARVO-hanke"],
        ["Ensimmäinen alueseminaari", "24.1.2008", "ARVO-hanke"],
    ], note="Aikataulu tarkentuu johtoryhmän kokouksessa 19.9.2007.")
    _bullets(prs, "Tehtävät ennen seuraavaa tapaamista", [
        "Kunnat nimeävät kuntatyöryhmän jäsenet ja ilmoittavat ne Marianna Kokolle 14.9.2007 mennessä",
        "Hanke lähettää kartoituslomakkeen kuntiin viikolla 37",
        "Kuntatyöryhmät palauttavat täytetyn lomakkeen 19.10.2007 mennessä",
        "Seuraava yhteinen tapaaminen ke 24.10.2007 klo 9–12 Lohjalla, Laurentius-talo",
    ])
    s = prs.slides.add_slide(prs.slide_layouts[5])
    s.shapes.title.text = "Yhteystiedot"
    box = s.shapes.add_textbox(Inches(0.8), Inches(1.8), Inches(8.5), Inches(3))
    tf = box.text_frame
    tf.text = "Tuija Nieminen, projektipäällikkö"
    for line in ["050 412 7788 | tuija.nieminen@jarvenpaa.fi", "",
                 "Marianna Kokko, projektikoordinaattori", "040 315 3446 | marianna.kokko@sosiaalitalo.fi"]:
        tf.add_paragraph().text = line
    prs.save(path)


# --------------------------------------------------------------------------- 9. Swedish status slides (PPTX)

def swedish_status_slides_karis_2009(path: Path) -> None:
    """Lägesrapport: what was done, a budget table with an as-of date, tasks, coming meetings."""
    prs = Presentation()
    s = prs.slides.add_slide(prs.slide_layouts[0])
    s.shapes.title.text = "Trygg start – lägesrapport till styrgruppen"
    s.placeholders[1].text = "Styrgruppens möte i Karis 12.10.2009\nLinda Forsman, projektledare"
    _bullets(prs, "Det här har vi gjort", [
        "Familjearbetaren anställdes 1.4.2009",
        "Tre föräldragrupper har startat: Karis, Ekenäs och Hangö",
        "Utbildningsdag för personalen 8.9.2009 (62 deltagare)",
        "Hemsidan öppnades i juni",
    ])
    _table_slide(prs, "Ekonomi 2009", [
        ["Kostnadsslag", "Budget €", "Utfall 30.9. €"],
        ["Personalkostnader", "85 000", "61 240"],
        ["Utbildning", "6 000", "4 180"],
        ["Resor", "2 500", "1 950"],
        ["Totalt", "93 500", "67 370"],
    ])
    _bullets(prs, "Att göra före nästa möte", [
        "Linda Forsman lämnar in ansökan om förlängt projekt till Länsstyrelsen senast 30.11.2009",
        "Kommunerna rapporterar antalet deltagare i föräldragrupperna före 15.11.",
        "Utvärderingsrapporten blir färdig vecka 48",
    ])
    _bullets(prs, "Kommande möten", [
        "Styrgruppen må 7.12.2009 kl. 13–15, Ekenäs stadshus",
        "Nätverksdag för familjearbetare 21.1.2010 i Hangö",
        "Styrgruppen ons 10.2.2010 (plats meddelas senare)",
    ])
    prs.save(path)


# --------------------------------------------------------------------------- 10. English minutes (ODT)

def english_partner_minutes_lohja_2008(path: Path) -> None:
    """English partner-meeting minutes with a participants table that carries the roles."""
    odt = _Odt()
    odt.heading("Nordic–Baltic Family Centre Network", 1)
    odt.para("Minutes of the partner meeting")
    odt.para("17–18 September 2008", bold_prefix="Date: ")
    odt.para("Laurentius Hall, Lohja, Finland", bold_prefix="Venue: ")
    odt.para("Participants", bold_prefix="")
    odt.table([
        ["Name", "Organisation", "Country", "Role"],
        ["Heidi Gerdt", "ARVO project / Sosiaalitalo", "Finland", "Chair"],
        ["Kristiina Laan", "Tallinn Social Welfare Department", "Estonia", ""],
        ["Ingrid Holm", "Norrtälje Municipality", "Sweden", ""],
        ["Ole Dahl", "Tønsberg kommune", "Norway", ""],
        ["Marianna Kokko", "ARVO project / Sosiaalitalo", "Finland", "Minutes"],
    ], widths=[4, 6, 2.5, 2.5])
    odt.para("Jonas Petraitis (Vilnius City Municipality)", bold_prefix="Unable to attend: ")
    items = [
        ("1. Opening and minutes",
         "The chair welcomed the partners to Lohja. The minutes of the Stockholm meeting of 6 March 2008 "
         "were approved."),
        ("2. Family centre models",
         "Each partner presented its family centre model. Ingrid Holm reported on the Swedish evaluation, "
         "which found that open pre-schools reach families that other services miss.\n"
         "Action: Ingrid Holm to circulate the Swedish evaluation report by 10 October 2008."),
        ("3. Funding",
         "The partners agreed to apply jointly for Nordplus funding for 2009–2010; the application "
         "deadline is 1 March 2009. Kristiina Laan will prepare the first draft of the application by "
         "15 January 2009."),
        ("4. Website",
         "Marianna Kokko will set up a shared network website by the end of October 2008."),
        ("5. Study visit",
         "The study visit to Oslo proposed for November was cancelled because of lack of funds."),
        ("6. Next meeting",
         "It was decided that the next partner meeting will be held in Tallinn on 2–3 April 2009."),
    ]
    for head, body in items:
        odt.heading(head, 2)
        for line in body.split("\n"):
            odt.para(line)
    odt.para("")
    odt.para("Minutes: Marianna Kokko, 22 September 2008")
    odt.save(path)


# --------------------------------------------------------------------------- 11. plan by month (PDF)

def family_centre_plan_vihti_2009(path: Path) -> None:
    """Toimintasuunnitelma: goals, a ruled month-by-month action table, approval, contact."""
    doc = _docx("Arial", 10)
    doc.add_paragraph("VIHDIN KUNTA\tPerusturvakeskus\t\tpäivitetty 30.1.2009")
    doc.add_heading("Perhekeskustoiminnan kehittäminen Vihdissä – toimintasuunnitelma 2009", level=1)
    doc.add_heading("Tausta", level=2)
    doc.add_paragraph(
        "Vihti on mukana ARVO-hankkeen matalan kynnyksen toimintamallien kehittämisverkostossa. "
        "Nummelassa toimii perhekeskus Karviainen, mutta Ojakkalan ja Vihdin kirkonkylän perheillä ei ole "
        "lähellä avointa kohtaamispaikkaa.")
    doc.add_heading("Tavoitteet", level=2)
    for text in ["Lapsiperheiden palvelut kootaan yhteisen perhekeskustoiminnan alle.",
                 "Perheiden osallisuutta palvelujen suunnittelussa lisätään.",
                 "Avoin kohtaamispaikka saadaan myös Ojakkalaan."]:
        doc.add_paragraph(text, style="List Number")
    doc.add_heading("Toimenpiteet ja aikataulu", level=2)
    _table(doc, [
        ["Ajankohta", "Toimenpide", "Vastuu"],
        ["tammikuu 2009", "Perhekeskustyöryhmän kokoaminen", "perhepalvelupäällikkö Tuula Heikkinen"],
        ["viikolla 12", "Asukasilta lapsiperheille Nummelassa", "perhekeskustyöryhmä"],
        ["1.4.–31.5.2009", "Asiakaskysely lapsiperheille", "ARVO-hanke ja Vihdin kunta"],
        ["kesä 2009", "Kyselyn tulosten analyysi", "ARVO-hanke"],
        ["syksy 2009", "Avoin kohtaamispaikka Ojakkalaan", "varhaiskasvatus"],
        ["15.12.2009", "Toiminnan arviointi ja raportti perusturvalautakunnalle", "Tuula Heikkinen"],
    ], widths=[3, 8, 5.5])
    doc.add_paragraph("")
    doc.add_paragraph(
        "Perhekeskustyöryhmä kokoontuu kuukausittain, ensimmäisen kerran torstaina 12.2.2009 "
        "Nummelan neuvolassa.")
    doc.add_heading("Suunnitelman hyväksyminen", level=2)
    doc.add_paragraph(
        "Vihdin perusturvalautakunta hyväksyi suunnitelman kokouksessaan 27.1.2009 (§ 12).")
    doc.add_heading("Yhteyshenkilö", level=2)
    doc.add_paragraph("Tuula Heikkinen, perhepalvelupäällikkö\nVihdin kunta, perusturvakeskus\n"
                      "puh. (09) 4258 3301\nsähköposti: tuula.heikkinen@vihti.fi")
    doc.save(path)


# --------------------------------------------------------------------------- 12. bulletin with a training calendar (legacy DOC)

def training_bulletin_2006(path: Path) -> None:
    """Tiedote with a training table; one training moved, one network meeting cancelled."""
    doc = _docx("Times New Roman", 12)
    doc.add_paragraph("Uudenmaan sosiaalialan osaamiskeskus\nLohjan toimipiste")
    doc.add_paragraph("TIEDOTE\t\t\t\t\t\t15.8.2006")
    doc.add_heading("Syksyn 2006 koulutuskalenteri", level=1)
    doc.add_paragraph(
        "Osaamiskeskuksen johtoryhmä päätti kokouksessaan 9.6.2006, että syksyn koulutukset ovat "
        "alueen kuntien työntekijöille maksuttomia. Alla syyskauden koulutukset ja tapaamiset.")
    _table(doc, [
        ["Päivä", "Koulutus / tapaaminen", "Paikka"],
        ["to 14.9.2006", "Uusi lastensuojelulaki – mitä muuttuu?", "Lohja, Laurentius-talo"],
        ["ti 26.9.2006", "Verkostodialoginen työote, osa 1", "Karjaa, kaupungintalo"],
        ["to 12.10.2006", "Lastensuojelun ajankohtaispäivä (HUOM! siirretty, alun perin 5.10.)",
         "Vihti, Nummelan palvelukeskus"],
        ["to 2.11.2006", "Perhetyön verkostotapaaminen – PERUTTU", "Inkoo"],
        ["ke 22.11.2006", "Verkostodialoginen työote, osa 2", "Karjaa, kaupungintalo"],
    ], widths=[3, 8.5, 5])
    doc.add_paragraph("")
    doc.add_paragraph(
        "Lastensuojelun ajankohtaispäivä on siirretty torstaille 12.10.2006, koska pääpuhuja on estynyt "
        "alkuperäisenä päivänä. Perhetyön verkostotapaaminen on peruttu vähäisen ilmoittautumisen vuoksi; "
        "verkosto kokoontuu seuraavan kerran keväällä 2007.")
    doc.add_paragraph(
        "Syyskauden koulutuksiin on ilmoittauduttava 8.9.2006 mennessä. Ilmoittautumiset "
        "sähköpostitse alla mainituille henkilöille.")
    doc.add_paragraph("Lisätietoja:")
    doc.add_paragraph("koulutussuunnittelija Ritva Laaksonen\tpuh. (019) 369 1234\tritva.laaksonen@sosiaalitalo.fi")
    doc.add_paragraph("toimistosihteeri Eija Mattila\t\tgsm 044-369 1240\teija.mattila@sosiaalitalo.fi")
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / f"{path.stem}.docx"
        doc.save(src)
        _to("doc", src, path)


def main() -> None:
    DOCS.mkdir(parents=True, exist_ok=True)
    _via_docx(agenda_vihti_2007, DOCS / "fi_esityslista_johtoryhma_vihti_2007.pdf", "pdf")
    _via_docx(working_group_memo_lohja_2008, DOCS / "fi_tyoryhma_muistio_lohja_2008.pdf", "pdf")
    _via_docx(interim_report_2008, DOCS / "fi_valiraportti_arvo_2008.pdf", "pdf")
    swedish_network_notes_ekenas_2009(DOCS / "sv_minnesanteckningar_natverk_ekenas_2009.pdf")
    _via_docx(family_centre_plan_vihti_2009, DOCS / "fi_toimintasuunnitelma_perhekeskus_vihti_2009.pdf", "pdf")
    development_group_memo_kirkkonummi_2008(DOCS / "fi_muistio_kehittamisryhma_kirkkonummi_2008.docx")
    swedish_protocol_inga_2006(DOCS / "sv_protokoll_arbetsgrupp_inga_2006.docx")
    seminar_summary_karkkila_2009(DOCS / "fi_seminaariyhteenveto_karkkila_2009.docx")
    kickoff_slides_jarvenpaa_2007(DOCS / "fi_aloitustilaisuus_kuntatyoryhmat_jarvenpaa_2007.pptx")
    swedish_status_slides_karis_2009(DOCS / "sv_lagesrapport_styrgrupp_karis_2009.pptx")
    english_partner_minutes_lohja_2008(DOCS / "en_minutes_partner_meeting_lohja_2008.odt")
    training_bulletin_2006(DOCS / "fi_tiedote_koulutuskalenteri_lohja_2006.doc")


if __name__ == "__main__":
    main()
