"""Write the third held-out set's non-text documents into tests/heldout3/docs.

Run from the repository root: ``.venv/bin/python tests/heldout3/make_docs.py``.
Needs python-docx, python-pptx, odfpy and LibreOffice (``soffice``) for the PDFs and
the legacy ``.ppt``; the RTF is written by hand, byte by byte, as old word processors
did. The outputs are committed and the gold was written by hand against the text our
readers produce from them, so rerun this only together with a review of the gold
(the libraries and LibreOffice stamp fresh timestamps, which changes the bytes but
not the text). The .txt/.md documents are hand-written files in docs/.
"""
from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from docx import Document as DocxDocument
from docx.enum.text import WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from odf.opendocument import OpenDocumentText
from odf.style import (ParagraphProperties, Style, TableCellProperties,
                       TableColumnProperties, TableProperties, TextProperties)
from odf.table import Table, TableCell, TableColumn, TableRow
from odf.text import H, LineBreak, P, Span
from pptx import Presentation
from pptx.util import Inches, Pt as PPt

DOCS = Path(__file__).resolve().parent / "docs"


# --------------------------------------------------------------------------- helpers

def _docx(font: str = "Arial", size: float = 10) -> DocxDocument:
    doc = DocxDocument()
    doc.styles["Normal"].font.name = font
    doc.styles["Normal"].font.size = Pt(size)
    return doc


def _table(doc, rows: list[list[str]], widths: list[float] | None = None, style: str | None = "Table Grid"):
    table = doc.add_table(rows=len(rows), cols=len(rows[0]))
    if style:
        table.style = style
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            cell = table.cell(r, c)
            cell.text = value
            if r == 0:
                for run in cell.paragraphs[0].runs:
                    run.bold = True
            if widths:
                cell.width = Cm(widths[c])
    if widths:  # LibreOffice lays out by the grid columns, not the cell widths
        table.autofit = False
        for c, w in enumerate(widths):
            table.columns[c].width = Cm(w)
    return table


def _page_field(paragraph) -> None:
    """Append a PAGE field, so the running footer numbers its pages as Word does."""
    run = paragraph.add_run()
    for tag, attr in (("w:fldChar", "begin"), ("w:instrText", None), ("w:fldChar", "end")):
        el = OxmlElement(tag)
        if attr:
            el.set(qn("w:fldCharType"), attr)
        else:
            el.set(qn("xml:space"), "preserve")
            el.text = " PAGE "
        run._r.append(el)


def _to(fmt: str, source: Path, target: Path) -> None:
    """Convert with LibreOffice into ``target``, the way such files were really made."""
    with tempfile.TemporaryDirectory() as out, tempfile.TemporaryDirectory() as profile:
        subprocess.run(["soffice", f"-env:UserInstallation=file://{profile}", "--headless",
                        "--convert-to", fmt, "--outdir", out, str(source)],
                       check=True, capture_output=True, timeout=180)
        shutil.move(str(Path(out) / f"{source.stem}.{fmt}"), target)


def _via(build, suffix: str, target: Path, fmt: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / f"{target.stem}.{suffix}"
        build(src)
        _to(fmt, src, target)


# --------------------------------------------------------------------------- 1. pöytäkirjanote, two pages (PDF)

def board_extract_nurmijarvi_2008(path: Path) -> None:
    """Ote pöytäkirjasta: two § over two pages, running header and footer, Valmistelija/Esittelijä."""
    doc = _docx("Times New Roman", 11)
    sec = doc.sections[0]
    sec.header.paragraphs[0].text = "NURMIJÄRVEN KUNTA\tPÖYTÄKIRJANOTE\tPerusturvalautakunta 6/2008"
    foot = sec.footer.paragraphs[0]
    foot.text = "Pöytäkirja tarkastettu 3.6.2008\t\tSivu "
    _page_field(foot)
    p = doc.add_paragraph()
    p.add_run("PERUSTURVALAUTAKUNTA").bold = True
    doc.add_paragraph("Kokousaika\ttiistai 27.5.2008 kello 17.00–19.40\n"
                      "Kokouspaikka\tNurmijärven kunnantalo, Keskustie 2, valtuustosali")
    doc.add_paragraph("")
    h = doc.add_paragraph()
    h.add_run("§ 52\tLAPSUUDEN ARVOKAS ARKI -HANKKEEN (ARVO) KUNTAOSUUS VUODELLE 2009").bold = True
    doc.add_paragraph("PERLTK § 52\nValmistelija: perhepalvelujohtaja Leena Saarinen, puh. 09 2500 2345, "
                      "leena.saarinen@nurmijarvi.fi\nEsittelijä: perusturvajohtaja Markku Lahti")
    doc.add_paragraph(
        "Järvenpään kaupunki hallinnoi Länsi- ja Keski-Uudenmaan lapsuuden hyvinvoinnin kehittämisyksikköä "
        "(ARVO), jonka toimikausi päättyy 31.10.2009. Hankkeen johtoryhmä on kokouksessaan 14.5.2008 "
        "esittänyt, että alueen kunnat sitoutuvat hankkeen jatkokauteen. Nurmijärven kunnan osuus "
        "jatkokauden kustannuksista on 18 400 euroa.")
    doc.add_paragraph(
        "Hallinnoija Järvenpään kaupunki jättää jatkohakemuksen Etelä-Suomen lääninhallitukselle "
        "30.9.2008 mennessä. Lautakunta on 22.1.2008 (§ 8) merkinnyt tiedoksi hankkeen väliraportin.")
    doc.add_paragraph(
        "Ehdotus\tPerusturvalautakunta päättää\n"
        "1) osallistua ARVO-hankkeen jatkokauteen 1.1.–31.10.2009 ja varata kuntaosuuden 18 400 euroa "
        "vuoden 2009 talousarvioon,\n"
        "2) nimetä hankkeen ohjausryhmään perhepalvelujohtaja Leena Saarisen ja hänen varajäsenekseen "
        "johtavan sosiaalityöntekijän Pia Rantasen.")
    doc.add_paragraph("Päätös\tEhdotus hyväksyttiin yksimielisesti.")
    doc.add_paragraph("Tiedoksi\tJärvenpään kaupunki / ARVO-hanke, talouspalvelut")
    doc.add_paragraph("Muutoksenhaku\tOikaisuvaatimus. Tähän päätökseen tyytymätön voi tehdä kirjallisen "
                      "oikaisuvaatimuksen perusturvalautakunnalle 14 päivän kuluessa päätöksen "
                      "tiedoksisaannista.")
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    h = doc.add_paragraph()
    h.add_run("§ 53\tJÄLKIHUOLLON TYÖRYHMÄN ASETTAMINEN").bold = True
    doc.add_paragraph("PERLTK § 53\nValmistelija: johtava sosiaalityöntekijä Pia Rantanen\n"
                      "Esittelijä: perusturvajohtaja Markku Lahti")
    doc.add_paragraph(
        "Uusi lastensuojelulaki (417/2007) tuli voimaan 1.1.2008. Laki laajentaa jälkihuollon 21 vuoden "
        "ikään asti, ja jälkihuollon asiakasmäärä on kunnassa kasvanut alkuvuoden aikana noin kolmanneksella.")
    doc.add_paragraph(
        "Ehdotus\tPerusturvalautakunta asettaa jälkihuollon työryhmän ajaksi 1.6.–31.12.2008 ja nimeää sen "
        "puheenjohtajaksi johtavan sosiaalityöntekijän Pia Rantasen. Jälkihuollon työryhmä antaa "
        "esityksensä lautakunnalle marraskuun 2008 loppuun mennessä.")
    doc.add_paragraph(
        "Käsittely\tJäsen Kari Vuori ehdotti, että työryhmään nimetään myös nuorisotoimen edustaja. "
        "Esittelijä muutti ehdotustaan Vuoren ehdotuksen mukaisesti.")
    doc.add_paragraph(
        "Päätös\tLautakunta asetti työryhmän esittelijän muutetun ehdotuksen mukaisesti. Työryhmän "
        "ensimmäinen kokous pidetään keskiviikkona 11.6.2008 klo 13 Klaukkalan sosiaalitoimistossa.")
    doc.add_paragraph("Muutoksenhaku\tValmistelua koskevaan päätökseen ei saa hakea muutosta (KuntaL 91 §).")
    doc.add_paragraph("")
    doc.add_paragraph("Otteen oikeaksi todistaa\nNurmijärvellä 3.6.2008\n\nAnu Kivelä\npöytäkirjanpitäjä")
    doc.save(path)


# --------------------------------------------------------------------------- 2. yearly plan by quarters, ruled table (ODT -> PDF)

class _Odt:
    """A small odfpy writer: headings, paragraphs with line breaks, ruled tables."""

    def __init__(self) -> None:
        self.doc = OpenDocumentText()
        self.bold = Style(name="B", family="text")
        self.bold.addElement(TextProperties(fontweight="bold"))
        self.doc.automaticstyles.addElement(self.bold)
        self.cell = Style(name="Cell", family="table-cell")
        self.cell.addElement(TableCellProperties(border="0.5pt solid #000000", padding="0.1cm"))
        self.doc.automaticstyles.addElement(self.cell)
        self.small = Style(name="Small", family="paragraph")
        self.small.addElement(TextProperties(fontsize="9pt"))
        self.small.addElement(ParagraphProperties(margintop="0cm", marginbottom="0cm"))
        self.doc.automaticstyles.addElement(self.small)
        self.n = 0

    def heading(self, text: str, level: int = 1) -> None:
        self.doc.text.addElement(H(outlinelevel=level, text=text))

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
        self.n += 1
        t = Table(name=f"Taulukko{self.n}")
        tstyle = Style(name=f"T{self.n}", family="table")
        tstyle.addElement(TableProperties(width=f"{sum(widths)}cm", align="left"))
        self.doc.automaticstyles.addElement(tstyle)
        t.setAttribute("stylename", tstyle)
        for i, w in enumerate(widths):
            cs = Style(name=f"T{self.n}C{i}", family="table-column")
            cs.addElement(TableColumnProperties(columnwidth=f"{w}cm"))
            self.doc.automaticstyles.addElement(cs)
            t.addElement(TableColumn(stylename=cs))
        for r, row in enumerate(rows):
            tr = TableRow()
            for value in row:
                tc = TableCell(stylename=self.cell, valuetype="string")
                for j, line in enumerate(value.split("\n")):
                    p = P(stylename=self.small)
                    if r == 0:
                        p.addElement(Span(stylename=self.bold, text=line))
                    else:
                        p.addText(line)
                    tc.addElement(p)
                tr.addElement(tc)
            t.addElement(tr)
        self.doc.text.addElement(t)

    def save(self, path: Path) -> None:
        self.doc.save(str(path))


def quarterly_plan_2009(path: Path) -> None:
    """Toimintasuunnitelma by quarters (`I neljännes`, `Q3/2009`, `huhti–kesäkuu`) in a ruled table."""
    odt = _Odt()
    odt.para("Lapsuuden arvokas arki – ARVO-hanke\nKeski-Uudenmaan kuntatyöryhmät\t\tVersio 1.2 / 15.12.2008")
    odt.heading("Kuntatyöryhmien yhteinen toimintasuunnitelma vuodelle 2009", 1)
    odt.para("Suunnitelma on käsitelty ja hyväksytty hankkeen johtoryhmässä 10.12.2008. Se kattaa Keravan, "
             "Järvenpään, Tuusulan ja Mäntsälän kuntatyöryhmät.")
    odt.heading("1. Painopisteet", 2)
    odt.para("Vuonna 2009 painopisteinä ovat varhaisen tuen toimintamallien vakiinnuttaminen, neuvolan ja "
             "päivähoidon yhteistyö sekä hankkeen tulosten juurruttaminen ennen hankkeen päättymistä.")
    odt.heading("2. Toimenpiteet neljänneksittäin", 2)
    odt.table([
        ["Ajoitus", "Toimenpide", "Vastuutaho", "Tulos / mittari"],
        ["I neljännes\n(tammi–maaliskuu)", "Kuntakohtaisten perhekeskussuunnitelmien päivitys",
         "Keravan ja Tuusulan kuntatyöryhmät", "Päivitetyt suunnitelmat"],
        ["Q1/2009", "Lastensuojeluilmoitusten käsittelykäytäntöjen kartoitus", "ARVO-hanke",
         "Kartoitusraportti"],
        ["II neljännes", "Seudullinen koulutuspäivä Varhainen tuki päivähoidossa (23.4.2009, Kerava)",
         "ARVO-hanke ja Keravan varhaiskasvatus", "80 osallistujaa"],
        ["huhti–kesäkuu 2009", "Vanhemmuuden tuen ryhmämallin pilotointi", "Järvenpään perheneuvola",
         "2 ryhmää, palautekysely"],
        ["Q3/2009", "Toimintamallien arviointi kuntatyöryhmissä", "Mäntsälän kuntatyöryhmä",
         "Arviointimuistio"],
        ["syyskuu 2009", "Hankkeen loppuraportin luonnos", "Tiina Harju", "Luonnos johtoryhmälle"],
        ["IV neljännes", "Juurruttamissuunnitelmat kuntien johtoryhmille", "Tuusulan perusturvakeskus",
         "4 suunnitelmaa"],
        ["31.10.2009 mennessä", "Loppuraportti lääninhallitukselle", "Järvenpään kaupunki",
         "Raportti hyväksytty"],
    ], [3.2, 6.2, 4.2, 3.4])
    odt.heading("3. Kokoukset", 2)
    odt.para("Kuntatyöryhmien yhteiset tapaamiset pidetään keskiviikkoisin klo 13–15.30: 4.2. Keravalla, "
             "6.5. Järvenpäässä, 9.9. Tuusulassa ja 2.12.2009 Mäntsälässä.")
    odt.heading("4. Seuranta", 2)
    odt.para("Toimintasuunnitelman toteutumista seurataan kuntatyöryhmien tapaamisissa. Suunnitelmaa "
             "päivitetään tarvittaessa kesäkuussa 2009.")
    odt.para("Lisätietoja: suunnittelija Tiina Harju, puh. 050 336 1190, tiina.harju@sosiaalitalo.fi")
    odt.save(path)


# --------------------------------------------------------------------------- 3. steering-group slides (PPTX -> PDF)

def _bullets(prs, title: str, lines: list[str | tuple[int, str]]):
    slide = prs.slides.add_slide(prs.slide_layouts[1])
    slide.shapes.title.text = title
    tf = slide.placeholders[1].text_frame
    for i, line in enumerate(lines):
        level, text = line if isinstance(line, tuple) else (0, line)
        p = tf.paragraphs[0] if i == 0 else tf.add_paragraph()
        p.text = text
        p.level = level
        p.font.size = PPt(18 if level else 20)
    return slide


def _table_slide(prs, title: str, rows: list[list[str]], top: float = 1.6):
    slide = prs.slides.add_slide(prs.slide_layouts[5])
    slide.shapes.title.text = title
    shape = slide.shapes.add_table(len(rows), len(rows[0]), Inches(0.5), Inches(top), Inches(9), Inches(0.4 * len(rows)))
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            cell = shape.table.cell(r, c)
            cell.text = value
            cell.text_frame.paragraphs[0].font.size = PPt(14)
    return slide


def steering_slides_tuusula_2009(path: Path) -> None:
    """Ohjausryhmän kokous deck: status, milestone table, proposals, next steps and the decisions taken."""
    prs = Presentation()
    s = prs.slides.add_slide(prs.slide_layouts[0])
    s.shapes.title.text = "ARVO – ohjausryhmän kokous 3/2009"
    s.placeholders[1].text = "to 17.9.2009 klo 9.00–11.30\nTuusulan kunnantalo, Hyrylä\nprojektipäällikkö Sari Nyberg"
    _bullets(prs, "Tilannekatsaus", [
        "Perhekeskustoiminta käynnistyi Hyrylässä 1.9.2009",
        "Kuntatyöryhmien arviointiseminaari pidettiin 27.8.2009 (48 osallistujaa)",
        "Budjetin käyttöaste 31.8.2009: 71 %",
        (1, "henkilöstökulut toteutuneet suunnitellusti"),
        (1, "koulutusmäärärahaa säästynyt noin 6 000 €"),
    ])
    _table_slide(prs, "Välitavoitteet", [
        ["Välitavoite", "Tila", "Aikataulu"],
        ["Loppuraportin luonnos", "kesken", "15.10.2009"],
        ["Juurruttamissuunnitelmat kuntiin", "6/9 kuntaa valmis", "vko 42"],
        ["Loppuseminaari", "suunnitteilla", "29.10.2009"],
    ])
    _bullets(prs, "Ohjausryhmän päätettäväksi", [
        "Loppuseminaarin ajankohdaksi esitetään torstaita 29.10.2009 Järvenpää-talossa",
        "Esitetään, että Järvenpää toimii jatkohankkeen hallinnoijana Kaste-ohjelmassa",
    ])
    _bullets(prs, "Kokouksessa päätettiin", [
        "Loppuseminaari pidetään 29.10.2009 Järvenpää-talossa",
        "Jatkohakemus valmistellaan Järvenpään hallinnoimana; Järvenpään kaupunginhallitus käsittelee asian 5.10.2009",
    ])
    _bullets(prs, "Seuraavat askeleet", [
        "Sari Nyberg lähettää loppuraportin luonnoksen ohjausryhmälle 15.10.2009 mennessä",
        "Kunnat toimittavat juurruttamissuunnitelmansa viikolla 42",
        "Järvenpään kaupunki jättää jatkohakemuksen lääninhallitukselle lokakuun loppuun mennessä",
    ])
    _bullets(prs, "Seuraava kokous", [
        "Ohjausryhmä 4/2009: ma 23.11.2009 klo 12.30–15",
        "Keravan kaupungintalo, Kauppakaari 11",
    ])
    prs.save(path)


# --------------------------------------------------------------------------- 4. final report with a results table (DOCX -> PDF)

def final_report_karkkila_2009(path: Path) -> None:
    """Loppuraportti with a ruled results table (target vs achieved) and a footer."""
    doc = _docx("Calibri", 11)
    doc.sections[0].footer.paragraphs[0].text = "Karkkilan kaupunki – Perhetyön kehittämishanke 2007–2009 – loppuraportti"
    doc.add_heading("Perhetyön kehittämishanke Karkkilassa 2007–2009", level=1)
    doc.add_paragraph("Loppuraportti ARVO-hankkeen ohjausryhmälle")
    doc.add_heading("1. Tausta", level=2)
    doc.add_paragraph(
        "Hanke käynnistyi 1.8.2007 osana Lapsuuden arvokas arki -hanketta (ARVO). Sen tarkoituksena oli "
        "rakentaa Karkkilaan varhaisen tuen perhetyö, johon perheet voivat hakeutua ilman "
        "lastensuojelun asiakkuutta. Hankkeessa työskenteli kaksi perhetyöntekijää ja osa-aikainen "
        "projektityöntekijä.")
    doc.add_heading("2. Tavoitteet ja tulokset", level=2)
    _table(doc, [
        ["Tavoite", "Mittari", "Tavoitetaso", "Toteutunut"],
        ["Varhaisen tuen perhetyö käyttöön", "Asiakasperheitä vuodessa", "40", "57"],
        ["Neuvolan ja perhetyön yhteistyö", "Yhteiset kotikäynnit", "60", "48"],
        ["Vanhempainryhmät", "Ryhmiä / osallistujia", "4 / 40", "5 / 46"],
        ["Henkilöstön koulutus", "Koulutuspäiviä", "6", "6"],
    ], widths=[6.0, 4.6, 3.0, 3.0])
    doc.add_paragraph("")
    doc.add_paragraph(
        "Yhteisten kotikäyntien tavoite jäi saavuttamatta, koska neuvolan terveydenhoitajien vaihtuvuus "
        "oli syksyllä 2008 suuri. Muut tavoitteet saavutettiin tai ylitettiin.")
    doc.add_heading("3. Arviointi", level=2)
    doc.add_paragraph(
        "Asiakaspalaute kerättiin keväällä 2009 (vastausprosentti 64). Perheet pitivät tärkeimpänä sitä, "
        "että apua sai nopeasti: ensikäynti toteutui keskimäärin kuuden arkipäivän kuluessa "
        "yhteydenotosta. Hankkeen ohjausryhmä hyväksyi arviointiraportin kokouksessaan 2.9.2009.")
    doc.add_heading("4. Toiminnan jatkuminen", level=2)
    doc.add_paragraph(
        "Karkkilan perusturvalautakunta päätti 16.6.2009 vakinaistaa kaksi perhetyöntekijän tointa "
        "1.1.2010 alkaen. Perhetyö siirtyy hankkeen päättyessä 31.12.2009 osaksi kaupungin perhepalveluja.")
    doc.add_paragraph(
        "Perhetyön toimintamallin käsikirja julkaistaan kaupungin verkkosivuilla joulukuussa 2009. "
        "Perhetyön tiimi järjestää keväällä 2010 kaupungin muille työntekijöille kaksi koulutusiltapäivää "
        "perhetyön menetelmistä. Perhepalvelupäällikkö Ritva Hakala raportoi perusturvalautakunnalle "
        "toiminnan ensimmäisestä vakinaisesta vuodesta helmikuuhun 2011 mennessä.")
    doc.add_paragraph("")
    doc.add_paragraph("Karkkilassa marraskuun 20. päivänä 2009")
    doc.add_paragraph("Eila Tuominen\nprojektityöntekijä\neila.tuominen@karkkila.fi, 044 767 2210")
    doc.save(path)


# --------------------------------------------------------------------------- 5. työkokous memo as a table (DOCX, merged cell)

def work_meeting_table_hyvinkaa_2007(path: Path) -> None:
    """The whole memo is one Word table; a row merged across the last four columns."""
    doc = _docx("Verdana", 9)
    sec = doc.sections[0]
    sec.orientation = 1
    sec.page_width, sec.page_height = sec.page_height, sec.page_width
    p = doc.add_paragraph()
    p.add_run("Hyvinkään kuntatyöryhmä (ARVO) – työkokouksen muistio").bold = True
    doc.add_paragraph("ma 5.11.07, klo 8.30-10, Hyvinkään perhekeskus, Sveitsinkatu 3, neuvotteluhuone Paja")
    doc.add_paragraph("Osallistujat: Sanna Huhtala, perhepalvelupäällikkö (pj.); Petri Laakso, koulukuraattori; "
                      "Minna Aaltonen, perheneuvola; Kaisa Rinne, sosiaalityöntekijä (kirjasi muistion); "
                      "Jukka Mäntylä, ARVO-hanke")
    doc.add_paragraph("Estyneenä: Outi Valtonen, neuvola")
    rows = [
        ["Asia", "Keskustelu", "Sovitut toimenpiteet", "Vastuu", "Aikataulu"],
        ["1. Kouluterveyskyselyn tulokset",
         "Petri esitteli vuoden 2007 tulokset. Yläkoulujen tupakointi on vähentynyt, mutta "
         "poissaolot ovat lisääntyneet.",
         "Tulokset esitellään rehtorikokouksessa.", "Petri Laakso", "14.11.2007"],
        ["2. Perheneuvolan jonotilanne",
         "Jono on lyhentynyt kesän jälkeen. Todettiin, että kiireelliset ajat järjestyvät nyt viikon "
         "sisällä.",
         "Jonotilasto kootaan työryhmälle kuukausittain.", "Minna Aaltonen", "joulukuusta 2007 alkaen"],
        ["3. Varhaisen puuttumisen lomake",
         "Lomakeluonnos vaatii vielä koulujen kommentit.",
         "Lomakkeen käyttöönotto päätettiin siirtää vuoden 2008 alkuun. Koulujen kommentit pyydetään "
         "sähköpostilla.", "Sanna Huhtala ja Kaisa Rinne", "tammikuu 2008"],
        ["4. Joulukuun kokous",
         "Joulukuun kokous (ma 10.12.) perutaan, koska se osuu päällekkäin seudullisen koulutuksen kanssa.",
         "–", "–", "–"],
        ["5. Seuraava kokous", "Seuraava työkokous ma 14.1.2008 klo 8.30 samassa paikassa.", "", "", ""],
    ]
    table = _table(doc, rows, widths=[4, 8, 6, 3.5, 3.5])
    merged = table.cell(5, 1).merge(table.cell(5, 4))
    merged.text = "Seuraava työkokous ma 14.1.2008 klo 8.30 samassa paikassa."
    doc.add_paragraph("")
    doc.add_paragraph("Muistion kirjasi Kaisa Rinne 6.11.2007 / kaisa.rinne@hyvinkaa.fi")
    doc.save(path)


# --------------------------------------------------------------------------- 6. English EU partner minutes with an action table (DOCX)

def eu_partner_minutes_tallinn_2006(path: Path) -> None:
    """Transnational partner meeting: roles in prose, action points table with a vertically merged cell."""
    doc = _docx("Arial", 10)
    doc.add_heading("SAFE STEPS – Daphne II project", level=1)
    doc.add_paragraph("Minutes of the 2nd transnational partner meeting\n"
                      "Tallinn, Estonia, 6–7 April 2006\n"
                      "Venue: Tallinn City Social Welfare and Health Care Department, Vabaduse väljak 10")
    doc.add_heading("Participants", level=2)
    doc.add_paragraph("Maria Lindqvist, City of Vantaa (Finland)\n"
                      "Tom Berg, City of Vantaa (Finland)\n"
                      "Kadri Tamm, Tallinn Social Welfare Department (Estonia)\n"
                      "Andris Ozols, Riga City Council (Latvia)\n"
                      "Helena Björk, Uppsala kommun (Sweden)")
    doc.add_paragraph("The meeting was chaired by Maria Lindqvist and minuted by Tom Berg. Apologies were "
                      "received from Pavel Novak (Brno City Office, Czech Republic).")
    doc.add_heading("1. Progress reports", level=2)
    doc.add_paragraph(
        "Each partner presented its progress since the kick-off meeting in Vantaa on 9 December 2005. The "
        "Latvian partner reported a delay in recruiting the family workers. The partners agreed that Riga "
        "may move its pilot start to 1 September 2006.")
    doc.add_heading("2. Budget", level=2)
    doc.add_paragraph(
        "The revised budget (version of 20 March 2006) was approved. It was resolved that unspent travel "
        "money may be used for translation of the handbook.")
    doc.add_heading("3. Events", level=2)
    doc.add_paragraph(
        "The seminar in Riga planned for 18 May 2006 is postponed to the autumn; a new date will be agreed "
        "by e-mail. Decision: the final conference will be held in Vantaa on 14–15 June 2007.")
    doc.add_paragraph(
        "The next partner meeting will take place in Uppsala on 21–22 September 2006 (to be confirmed).")
    doc.add_heading("Action points", level=2)
    table = _table(doc, [
        ["No.", "Action", "Responsible", "Deadline"],
        ["AP1", "Send the revised budget to the Commission", "Tom Berg", "28/04/2006"],
        ["AP2", "Circulate a draft of the handbook outline", "Helena Björk", "end of May 2006"],
        ["AP3", "Collect pilot data using the common form", "All partners", "15.9.2006"],
        ["AP4", "Propose two dates for the Riga seminar", "", "before the next meeting"],
        ["AP5", "Book the venue for the final conference", "Maria Lindqvist", "Q3 2006"],
    ], widths=[1.2, 8, 3.5, 3.3])
    merged = table.cell(3, 2).merge(table.cell(4, 2))
    merged.text = "All partners"
    doc.add_paragraph("")
    doc.add_paragraph("Minutes: Tom Berg, tom.berg@vantaa.fi, tel. +358 9 8392 4410")
    doc.save(path)


# --------------------------------------------------------------------------- 7. development-day slides (PPTX)

def development_day_slides_vihti_2008(path: Path) -> None:
    """Kehittämispäivä deck: workshop harvest with sub-bullets, agreements, spring schedule as a table."""
    prs = Presentation()
    s = prs.slides.add_slide(prs.slide_layouts[0])
    s.shapes.title.text = "Perhekeskusverkoston kehittämispäivä"
    s.placeholders[1].text = "Nummelan seurakuntakeskus 12.3.2008\nTyöpajojen satoa ja yhteiset sopimukset"
    _bullets(prs, "Työpaja 1: Neuvola ja päivähoito", [
        "Tiedonsiirto neuvolasta päivähoitoon takkuaa",
        (1, "vanhempien suostumus puuttuu usein"),
        (1, "lomakkeita on liikaa"),
        "Toive: yhteinen 4-vuotiaan terveystarkastuksen lomake",
    ])
    _bullets(prs, "Työpaja 2: Vanhemmuuden tuki", [
        "Vertaisryhmiä on Vihdissä, Lohjalla ja Karkkilassa",
        "Isille suunnattua toimintaa ei juuri ole",
        (1, "ehdotus: isä–lapsi-illat kirjastoissa"),
    ])
    _bullets(prs, "Yhteiset sopimukset", [
        "Verkosto kokoontuu jatkossa neljä kertaa vuodessa",
        "Neuvolan ja päivähoidon yhteinen lomake valmistellaan – vastuu Vihdin neuvola, valmis kesäkuussa 2008",
        "Kunnat nimeävät verkostoon yhdyshenkilön 31.3.2008 mennessä",
        "Karkkilan perhetyö kokeilee isä–lapsi-iltoja syksyllä 2008",
    ])
    _table_slide(prs, "Kevään tapaamiset", [
        ["Päivä", "Aika", "Paikka"],
        ["ti 15.4.2008", "13–15.30", "Lohja, perheneuvola"],
        ["ke 28.5.2008", "9–12", "Karkkila, Sammalkallion palvelukeskus"],
    ])
    s = prs.slides.add_slide(prs.slide_layouts[5])
    s.shapes.title.text = "Lisätiedot"
    box = s.shapes.add_textbox(Inches(0.8), Inches(1.8), Inches(8.5), Inches(2))
    box.text_frame.text = "Verkoston koordinaattori Päivi Rautio"
    box.text_frame.add_paragraph().text = "paivi.rautio@vihti.fi – 044 042 3311"
    prs.save(path)


# --------------------------------------------------------------------------- 8. Swedish information-meeting slides (PPTX -> PPT)

def swedish_info_slides_sjundea_2007(path: Path) -> None:
    """Swedish slides saved as PowerPoint 97: background, phase table, decisions, next steps."""
    prs = Presentation()
    s = prs.slides.add_slide(prs.slide_layouts[0])
    s.shapes.title.text = "Familjecentret i Sjundeå – informationsmöte för personalen"
    s.placeholders[1].text = "Sjundeå kommunhus, onsdag 7 november 2007 kl. 14–16\nEva Sandell, koordinator"
    _bullets(prs, "Bakgrund", [
        "Rådgivningen, dagvården och socialarbetet finns i dag i tre olika hus",
        "Familjerna önskar en gemensam dörr",
        "ARVO-projektet stöder planeringen 2007–2008",
    ])
    _bullets(prs, "Beslut hittills", [
        "Socialnämnden beslöt 23.10.2007 att inrätta ett familjecenter i Sjundeå",
        "Arbetsgruppen har valt Eva Sandell till koordinator",
    ])
    _table_slide(prs, "Tidtabell", [
        ["Fas", "När", "Ansvar"],
        ["Planering", "hösten 2007", "arbetsgruppen"],
        ["Öppning", "1.3.2008", "socialdirektör Kim Holmberg"],
        ["Utvärdering", "vecka 46/2008", "ARVO-projektet"],
    ])
    _bullets(prs, "Nästa steg", [
        "Personalen lämnar synpunkter till Eva Sandell senast fredag 23.11.2007",
        "Kim Holmberg presenterar lokalförslaget för socialnämnden i december 2007",
        "Nästa arbetsgruppsmöte tisdag 4.12.2007 kl. 9 i Sjundeå hälsocentral",
        "Kontakt: eva.sandell@sjundea.fi, tfn 09-2606 3120",
    ])
    prs.save(path)


# --------------------------------------------------------------------------- 9. first-person-plural memo (ODT)

def we_memo_mantsala_2006(path: Path) -> None:
    """Työryhmän muistio written as 'we': Kokoonnuimme, Sovimme, Päätimme, Totesimme."""
    odt = _Odt()
    odt.heading("Mäntsälän varhaiskasvatuksen ja neuvolan työryhmä", 1)
    odt.para("Muistio 4/2006")
    odt.para("Kokoonnuimme torstaina 5. lokakuuta 2006 kello 13 Mäntsälän kunnanviraston pieneen "
             "kokoushuoneeseen. Paikalla olimme:")
    odt.para("Helena Koivisto, päiväkodinjohtaja – puheenjohtaja\n"
             "Tarja Nieminen, erityislastentarhanopettaja\n"
             "Outi Sjöberg, terveydenhoitaja (varajäsen, Sari Lundin tilalla)\n"
             "Jari Korpela, sosiaalityöntekijä\n"
             "Mervi Kantola, ARVO-hanke – kirjoitti muistion")
    odt.para("Sari Lund (neuvola)", bold_prefix="Poissa: ")
    odt.heading("Mitä käsittelimme", 2)
    odt.para("1. Kävimme läpi edellisen muistion ja hyväksyimme sen sellaisenaan.")
    odt.para("2. Nelivuotiaan tarkastus. Neuvolan ja päiväkotien lomakkeet ovat päällekkäisiä. Sovimme, että "
             "yhteinen 4-vuotistarkastuksen lomake otetaan kokeiluun tammikuussa 2007 kahdessa päiväkodissa. "
             "Tarja ja Outi muokkaavat lomaketta ennen seuraavaa tapaamista.")
    odt.para("3. Erityisen tuen tarpeet. Päätimme esittää sivistyslautakunnalle, että päiväkoteihin "
             "palkataan toinen kiertävä erityislastentarhanopettaja vuoden 2007 alusta.")
    odt.para("4. Koulutus. Mervi Kantola selvittää marraskuun puoliväliin mennessä, voiko ARVO-hanke "
             "rahoittaa yhteisen koulutusiltapäivän keväällä 2007. Jari Korpela lupasi kysyä "
             "sosiaalitoimen koulutusmäärärahoista.")
    odt.para("5. Kokousajat. Totesimme, että joulukuun 7. päivän kokous jää pitämättä, koska useimmat "
             "ovat silloin koulutuksessa Helsingissä. Seuraavan kerran kokoonnumme torstaina 11.1.2007 "
             "klo 13–15 Mäntsälän neuvolassa.")
    odt.para("Kokous päättyi klo 15.10.")
    odt.para("Muistion kirjoitti Mervi Kantola (mervi.kantola@sosiaalitalo.fi, p. 040 577 2861)")
    odt.save(path)


# --------------------------------------------------------------------------- 10. Swedish working-group notes (hand-written RTF)

def _rtf_escape(text: str) -> str:
    out = []
    for ch in text:
        if ch in "\\{}":
            out.append("\\" + ch)
        elif ch == "\t":
            out.append("\\tab ")
        elif ch == "\n":
            out.append("\\line ")
        elif ord(ch) < 128:
            out.append(ch)
        else:
            try:
                out.append("\\'%02x" % ch.encode("cp1252")[0])
            except UnicodeEncodeError:
                out.append("\\u%d?" % ord(ch))
    return "".join(out)


def swedish_notes_kyrkslatt_2001(path: Path) -> None:
    """Minnesanteckningar as an RTF from a 2001 word processor: tabs, bold labels, `ersättare`."""
    paras: list[tuple[str, str]] = [
        ("b", "KYRKSLÄTTS KOMMUN\tMINNESANTECKNINGAR"),
        ("", "Social- och hälsovårdsverket\t2/2001"),
        ("", ""),
        ("b", "Arbetsgruppen för barnskydd och skola"),
        ("", "Datum:\t15.3.2001\nTid:\tkl. 14.00–16.15\nPlats:\tKyrkslätts kommunhus, mötesrum Grå"),
        ("", "Närvarande:\tBirgitta Lindholm, socialarbetare, ordförande\n"
             "\tJohan Ek, rektor, Winellska skolan\n"
             "\tMarita Sundström, skolkurator (ersättare för Anna Berg)\n"
             "\tLeif Mattsson, polisen i Kyrkslätt\n"
             "\tPatrik Nyström, ungdomsarbetare, sekreterare"),
        ("", "Förhinder:\tAnna Berg, Lena Grönqvist"),
        ("b", "1. Föregående möte"),
        ("", "Minnesanteckningarna från mötet den 8 februari 2001 godkändes utan ändringar."),
        ("b", "2. Anmälningar till barnskyddet från skolorna"),
        ("", "Arbetsgruppen konstaterade att antalet anmälningar från skolorna har ökat. Gruppen enades om att "
             "skolorna i fortsättningen använder en gemensam blankett. Marita Sundström och Birgitta Lindholm "
             "utarbetar blanketten till den 30 april 2001."),
        ("b", "3. Samarbete med polisen"),
        ("", "Leif Mattsson berättade om polisens nya rutiner vid ungdomsfester. Det beslöts att polisen bjuds "
             "in till arbetsgruppens möten två gånger per termin. Johan Ek tar kontakt med de övriga rektorerna "
             "före utgången av april."),
        ("b", "4. Gemensam utbildning"),
        ("", "Frågan om en gemensam utbildningsdag sköts upp till nästa möte."),
        ("b", "5. Mötestider"),
        ("", "Mötet den 12 april inhiberas på grund av påsklovet. Nästa möte hålls torsdagen den 10 maj 2001 "
             "kl. 14 i Winellska skolan (obs! ny plats)."),
        ("", ""),
        ("", "Vid pennan\nPatrik Nyström\npatrik.nystrom@kyrkslatt.fi, tfn 09-2967 2214"),
    ]
    body = []
    for style, text in paras:
        esc = _rtf_escape(text)
        body.append(("{\\b " + esc + "}" if style == "b" else esc) + "\\par")
    rtf = ("{\\rtf1\\ansi\\ansicpg1252\\deff0{\\fonttbl{\\f0\\fswiss Arial;}}\n"
           "{\\info{\\title Minnesanteckningar 2/2001}{\\author Patrik Nystr\\'f6m}}\n"
           "\\viewkind4\\uc1\\pard\\f0\\fs20 " + "\n".join(body) + "\n}\n")
    path.write_bytes(rtf.encode("ascii"))


def main() -> None:
    DOCS.mkdir(parents=True, exist_ok=True)
    _via(board_extract_nurmijarvi_2008, "docx", DOCS / "fi_poytakirjanote_perusturvalautakunta_nurmijarvi_2008.pdf", "pdf")
    _via(quarterly_plan_2009, "odt", DOCS / "fi_toimintasuunnitelma_neljannekset_keski_uusimaa_2009.pdf", "pdf")
    _via(steering_slides_tuusula_2009, "pptx", DOCS / "fi_ohjausryhma_diat_tuusula_2009.pdf", "pdf")
    _via(final_report_karkkila_2009, "docx", DOCS / "fi_loppuraportti_perhetyo_karkkila_2009.pdf", "pdf")
    work_meeting_table_hyvinkaa_2007(DOCS / "fi_tyokokous_taulukkomuistio_hyvinkaa_2007.docx")
    eu_partner_minutes_tallinn_2006(DOCS / "en_minutes_daphne_partner_meeting_tallinn_2006.docx")
    development_day_slides_vihti_2008(DOCS / "fi_kehittamispaiva_perhekeskusverkosto_vihti_2008.pptx")
    _via(swedish_info_slides_sjundea_2007, "pptx", DOCS / "sv_informationsmote_familjecenter_sjundea_2007.ppt", "ppt")
    we_memo_mantsala_2006(DOCS / "fi_tyoryhma_me_muistio_mantsala_2006.odt")
    swedish_notes_kyrkslatt_2001(DOCS / "sv_minnesanteckningar_arbetsgrupp_kyrkslatt_2001.rtf")


if __name__ == "__main__":
    main()
