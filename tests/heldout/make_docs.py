"""Write the held-out .docx and .pptx documents into tests/heldout/docs.

Run from the repository root: ``.venv/bin/python tests/heldout/make_docs.py``.
The outputs are committed; the gold files were written by hand against them, so
rerun this only together with a review of the gold (python-docx and python-pptx
stamp fresh timestamps, which changes the bytes but not the text).
"""
from __future__ import annotations

from pathlib import Path

from docx import Document as DocxDocument
from docx.shared import Cm, Pt
from pptx import Presentation
from pptx.util import Inches, Pt as PPt

DOCS = Path(__file__).resolve().parent / "docs"


def _table(doc, rows: list[list[str]], widths: list[float] | None = None, style: str = "Table Grid"):
    """Add a table with a bold header row; returns it so callers can merge cells."""
    table = doc.add_table(rows=len(rows), cols=len(rows[0]))
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
    return table


def steering_group_minutes_lohja_2010(path: Path) -> None:
    """Finnish steering-group minutes: attendee table name | organisation | role, action table."""
    doc = DocxDocument()
    doc.styles["Normal"].font.name = "Arial"
    doc.styles["Normal"].font.size = Pt(10)
    doc.add_paragraph("Länsi-Uudenmaan sosiaalialan osaamiskeskus\t\tPÖYTÄKIRJA 2/2010")
    doc.add_heading("Lastensuojelun avohuollon kehittämishanke LASU – ohjausryhmän kokous", level=1)
    doc.add_paragraph("Aika: tiistai 23.2.2010 klo 9.00–11.30")
    doc.add_paragraph("Paikka: Laurentius-talo, Laurentiuksenkatu 2, Lohja")
    doc.add_paragraph("Läsnä:")
    _table(doc, [
        ["Nimi", "Organisaatio", "Rooli"],
        ["Raija Hiltunen", "Lohjan kaupunki", "puheenjohtaja"],
        ["Kimmo Aalto", "Vihdin kunta", "varapuheenjohtaja"],
        ["Marketta Järvinen", "Raaseporin kaupunki", "jäsen"],
        ["Olli Peltonen", "Uudenmaan liitto", "jäsen"],
        ["Sirkka-Liisa Honkanen", "Inkoon kunta", "varajäsen"],
        ["Jenni Aaltonen", "Länsi-Uudenmaan sosiaalialan osaamiskeskus", "projektipäällikkö, sihteeri"],
    ], widths=[4.5, 7.5, 4.5])
    doc.add_paragraph("Estyneinä: Markku Salo (Siuntion kunta), Päivi Kallio (Karkkilan kaupunki)")

    doc.add_heading("1. Kokouksen avaus", level=2)
    doc.add_paragraph("Puheenjohtaja Raija Hiltunen avasi kokouksen klo 9.05 ja totesi kokouksen "
                      "päätösvaltaiseksi.")
    doc.add_heading("2. Edellisen kokouksen pöytäkirja", level=2)
    doc.add_paragraph("Edellisen kokouksen (8.12.2009) pöytäkirja hyväksyttiin ja allekirjoitettiin.")
    doc.add_heading("3. Hankkeen väliraportti", level=2)
    doc.add_paragraph("Projektipäällikkö Jenni Aaltonen esitteli väliraportin rungon. Väliraportti on "
                      "toimitettava Etelä-Suomen lääninhallitukselle 31.3.2010 mennessä.")
    doc.add_paragraph("Päätös: Ohjausryhmä hyväksyi väliraportin rungon. Projektipäällikkö viimeistelee "
                      "raportin ja lähettää sen ohjausryhmälle kommentoitavaksi 15.3.2010 mennessä.")
    doc.add_heading("4. Kuntakäynnit", level=2)
    doc.add_paragraph("Keskusteltiin kuntakäyntien järjestämisestä. Ohjausryhmä piti tärkeänä, että "
                      "käynneillä tavataan myös sosiaalitoimen johtoa.")
    doc.add_paragraph("Päätös: Kuntakäynnit toteutetaan huhti–toukokuussa 2010 kaikissa kuudessa "
                      "kunnassa. Jäsenet sopivat käyntiajat oman kuntansa kanssa maaliskuun aikana.")
    doc.add_heading("5. Varapuheenjohtajan valinta", level=2)
    doc.add_paragraph("Ohjausryhmän varapuheenjohtajaksi valittiin yksimielisesti Kimmo Aalto Vihdin kunnasta.")
    doc.add_heading("6. Muut asiat", level=2)
    doc.add_paragraph("Huhtikuulle suunniteltu seminaari Karjaalla 14.4.2010 siirretään syksyyn. "
                      "Uusi ajankohta päätetään seuraavassa kokouksessa.")
    doc.add_heading("7. Seuraava kokous", level=2)
    doc.add_paragraph("Seuraava kokous pidetään 20.4.2010 klo 9.00 Vihdissä, Nummelan "
                      "palvelukeskuksessa.")
    doc.add_heading("Toimenpiteet", level=2)
    _table(doc, [
        ["Asia", "Vastuu", "Aikataulu"],
        ["Väliraportin luonnos ohjausryhmälle", "Jenni Aaltonen", "15.3.2010"],
        ["Kuntakäyntien ajat sovittu", "ohjausryhmän jäsenet", "maaliskuu 2010"],
        ["Seminaarin uusi ajankohta", "Kimmo Aalto", "seur. kokous"],
    ], widths=[8, 4.5, 4])
    doc.add_paragraph("")
    doc.add_paragraph("Lohjalla 24.2.2010")
    doc.add_paragraph("Raija Hiltunen\t\t\tJenni Aaltonen\npuheenjohtaja\t\t\tsihteeri")
    doc.save(path)


def project_plan_seinajoki_2016(path: Path) -> None:
    """Finnish project plan: a table tavoite | toimenpide | vastuu | aikataulu with a merged cell."""
    doc = DocxDocument()
    doc.add_heading("Seinäjoen seudun nuorten työllisyyshanke VAUHTI", level=0)
    doc.add_paragraph("TOIMINTASUUNNITELMA 2016–2017 (hyväksytty ohjausryhmässä 7.6.2016)")
    doc.add_heading("1. Taustaa", level=1)
    doc.add_paragraph(
        "Seinäjoen seudulla oli toukokuun 2016 lopussa 1 140 alle 25-vuotiasta työtöntä "
        "työnhakijaa. Hankkeessa kehitetään nuorten työllistymistä tukevia palveluja yhdessä "
        "Seinäjoen, Lapuan, Ilmajoen ja Kurikan kanssa. Hankkeen toteutusaika on 1.8.2016–31.12.2017.")
    doc.add_heading("2. Tavoitteet ja toimenpiteet", level=1)
    table = _table(doc, [
        ["Tavoite", "Toimenpide", "Vastuu", "Aikataulu"],
        ["1. Nuorten palveluohjaus yhden luukun periaatteella",
         "Ohjaamo-palvelupiste avataan Seinäjoen keskustaan", "Seinäjoen kaupunki", "1.10.2016 mennessä"],
        ["1. Nuorten palveluohjaus yhden luukun periaatteella",
         "Palveluohjaajien yhteinen perehdytys", "hankekoordinaattori", "syksy 2016"],
        ["2. Työnantajayhteistyön vahvistaminen",
         "Kartoitetaan seudun yritysten harjoittelupaikat", "Into Seinäjoki Oy", "10/2016–2/2017"],
        ["2. Työnantajayhteistyön vahvistaminen",
         "Järjestetään kaksi rekrytointitapahtumaa", "TE-toimisto ja hanke", "kevät 2017"],
        ["3. Hankkeen arviointi",
         "Ulkoinen arviointi ja loppuraportti", "SeAMK", "30.11.2017"],
    ], widths=[5, 6, 3.5, 3])
    # the first goal spans two rows, as in the original Word files
    table.cell(1, 0).merge(table.cell(2, 0))
    table.cell(1, 0).text = "1. Nuorten palveluohjaus yhden luukun periaatteella"
    table.cell(3, 0).merge(table.cell(4, 0))
    table.cell(3, 0).text = "2. Työnantajayhteistyön vahvistaminen"
    doc.add_heading("3. Organisointi", level=1)
    doc.add_paragraph(
        "Hankkeen ohjausryhmän puheenjohtajana toimii nuorisotoimenjohtaja Jari Ketola. "
        "Ohjausryhmä kokoontuu noin neljä kertaa vuodessa; ensimmäinen kokous pidetään "
        "Seinäjoella 13.9.2016. Hankekoordinaattori raportoi ohjausryhmälle jokaisessa kokouksessa.")
    doc.add_paragraph(
        "Hanke hakee jatkorahoitusta Etelä-Pohjanmaan ELY-keskukselta syksyllä 2017.")
    doc.add_heading("4. Yhteystiedot", level=1)
    doc.add_paragraph("Hankekoordinaattori Laura Mäkinen, puh. 044 418 6021, laura.makinen@seinajoki.fi")
    doc.save(path)


def action_log_2023(path: Path) -> None:
    """English decision and action log: a table date | decision | action | owner | due | status."""
    doc = DocxDocument()
    section = doc.sections[0]
    section.orientation = 1  # landscape, as logs usually are
    section.page_width, section.page_height = section.page_height, section.page_width
    doc.add_heading("Harbourside Regeneration Programme", level=1)
    doc.add_paragraph("Programme Steering Committee – Decision and Action Log (updated 09/03/2023)")
    _table(doc, [
        ["Date", "Decision", "Action", "Owner", "Due", "Status"],
        ["12 Jan 2023", "Phase 2 business case approved subject to cost review",
         "Commission independent cost review", "Priya Shah", "28/02/2023", "Complete"],
        ["12 Jan 2023", "–", "Update the risk register with flood-defence risks", "Mark Evans",
         "09/02/2023", "Overdue"],
        ["09 Feb 2023", "Community engagement plan agreed", "Book venues for three drop-in sessions",
         "Claire Dunn", "15/03/2023", "Open"],
        ["09 Feb 2023", "Decision on the market hall tender deferred to the March meeting",
         "Prepare tender evaluation summary", "Priya Shah", "02/03/2023", "Complete"],
        ["09 Mar 2023", "Market hall contract awarded to Northgate Construction Ltd",
         "Issue award letter and start the standstill period", "Mark Evans", "14/03/2023", "Open"],
        ["09 Mar 2023", "April meeting cancelled (Easter); next meeting 11 May 2023",
         "Circulate revised meeting schedule", "Secretariat", "ASAP", "Open"],
    ], widths=[2.5, 6, 6, 3, 2.5, 2])
    doc.add_paragraph("Chair: Cllr Janet Morris. Log maintained by the Programme Office "
                      "(pmo@harbourside-regen.gov.uk).")
    doc.save(path)


def _slide(prs, title: str, lines: list[str] | None = None):
    slide = prs.slides.add_slide(prs.slide_layouts[1] if lines is not None else prs.slide_layouts[5])
    slide.shapes.title.text = title
    if lines is not None:
        body = slide.placeholders[1].text_frame
        body.text = lines[0]
        for line in lines[1:]:
            level = len(line) - len(line.lstrip(" "))
            p = body.add_paragraph()
            p.text = line.strip()
            p.level = min(level // 2, 4)
    return slide


def _slide_table(slide, rows: list[list[str]]) -> None:
    shape = slide.shapes.add_table(len(rows), len(rows[0]), Inches(0.5), Inches(1.6), Inches(9), Inches(0.4) * len(rows))
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            cell = shape.table.cell(r, c)
            cell.text = value
            cell.text_frame.paragraphs[0].font.size = PPt(14)


def kickoff_slides_porvoo_2006(path: Path) -> None:
    """Finnish kick-off slides with a schedule table and an agreed-items slide."""
    prs = Presentation()
    title = prs.slides.add_slide(prs.slide_layouts[0])
    title.shapes.title.text = "Kotihoidon kehittämishanke KOTIVA"
    title.placeholders[1].text = "Ohjausryhmän aloituskokous\nPorvoossa 28.8.2006"
    _slide(prs, "Hankkeen tavoitteet", [
        "Kotihoidon asiakasprosessin yhtenäistäminen Itä-Uudenmaan kunnissa",
        "Kotiutuskäytännön luominen Porvoon sairaalan ja kotihoidon välille",
        "Henkilöstön osaamisen vahvistaminen",
        "  koulutusohjelma syksyllä 2006 ja keväällä 2007",
    ])
    slide = _slide(prs, "Aikataulu")
    _slide_table(slide, [
        ["Vaihe", "Ajankohta", "Vastuu"],
        ["Nykytilan kartoitus", "9–10/2006", "projektisuunnittelija"],
        ["Kotiutuskäytännön pilotointi", "1.1.–30.4.2007", "Porvoon kotihoito"],
        ["Koulutusohjelma", "syksy 2006 – kevät 2007", "Itä-Uudenmaan osaamiskeskus"],
        ["Loppuraportti", "31.10.2007", "projektipäällikkö"],
    ])
    _slide(prs, "Aloituskokouksessa sovittiin", [
        "Ohjausryhmän puheenjohtajaksi valittiin sosiaalijohtaja Leena Forsström (Porvoo)",
        "Ohjausryhmä kokoontuu syksyllä 2006 vielä kaksi kertaa: 9.10. ja 4.12.",
        "Kunnat nimeävät yhdyshenkilönsä 15.9.2006 mennessä",
        "Projektipäällikkö laatii viestintäsuunnitelman seuraavaan kokoukseen",
    ])
    _slide(prs, "Yhteystiedot", [
        "Projektipäällikkö Anu Heikkinen",
        "anu.heikkinen@porvoo.fi",
        "puh. 019 520 2478",
    ])
    prs.save(path)


def status_slides_2014(path: Path) -> None:
    """English steering-committee status slides: milestone table, requested decisions, next steps."""
    prs = Presentation()
    title = prs.slides.add_slide(prs.slide_layouts[0])
    title.shapes.title.text = "Digital Records Project – Status Update"
    title.placeholders[1].text = "Steering Committee, 5 June 2014\nPresented by Daniel Brooks, Project Manager"
    slide = _slide(prs, "Milestones")
    _slide_table(slide, [
        ["Milestone", "Planned", "Forecast", "RAG"],
        ["Supplier contract signed", "31 Mar 2014", "14 Apr 2014", "Green"],
        ["Scanning pilot (Finance)", "May 2014", "June 2014", "Amber"],
        ["Retention schedule approved", "30 Jun 2014", "30 Sep 2014", "Red"],
        ["Go-live wave 1", "1 Dec 2014", "1 Dec 2014", "Green"],
    ])
    _slide(prs, "Decisions requested from the Committee", [
        "Approve a three-month extension of the scanning pilot",
        "Approve use of contingency (£12,000) for additional scanning staff",
        "Nominate a senior sponsor for the retention schedule",
    ])
    _slide(prs, "Next steps", [
        "Records team to complete the file-plan mapping by 31 July 2014",
        "Daniel Brooks to present the revised budget at the next meeting",
        "Legal Services will review the retention schedule over the summer",
        "Next Steering Committee meeting: 2 October 2014, 14:00, Room 4.12",
    ])
    prs.save(path)


def main() -> None:
    DOCS.mkdir(parents=True, exist_ok=True)
    steering_group_minutes_lohja_2010(DOCS / "fi_poytakirja_ohjausryhma_lohja_2010.docx")
    project_plan_seinajoki_2016(DOCS / "fi_toimintasuunnitelma_seinajoki_2016.docx")
    action_log_2023(DOCS / "en_action_log_harbourside_2023.docx")
    kickoff_slides_porvoo_2006(DOCS / "fi_aloituskokous_porvoo_2006.pptx")
    status_slides_2014(DOCS / "en_status_update_steering_2014.pptx")


if __name__ == "__main__":
    main()
