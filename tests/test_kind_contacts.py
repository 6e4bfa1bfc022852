"""Document kind, language, date; contacts."""
import pytest

from tests.textdoc import records_of


@pytest.mark.parametrize("text,kind,lang", [
    ("PÖYTÄKIRJA\n\nAika: 1.2.2010\nPaikka: Espoo\n\nKokous avattiin ja todettiin päätösvaltaiseksi.", "minutes", "fi"),
    ("ESITYSLISTA\n\nAika: 1.2.2010 klo 18\n\n1. Kokouksen avaus\n2. Muut asiat ja kokouksen päättäminen", "agenda", "fi"),
    ("TIEDOTE 3.3.2010\n\nKunta on päättänyt uudistaa palvelunsa ja tiedottaa asiasta kuntalaisille.", "bulletin", "fi"),
    ("TOIMINTASUUNNITELMA 2011\n\nTavoitteena on että hankkeen toimet kohdistetaan kuntien tarpeisiin.", "plan", "fi"),
    ("PROTOKOLL\n\nTid: 1.2.2010\n\nMötet öppnades och det konstaterades att styrelsen är beslutför.", "minutes", "sv"),
    ("MINUTES OF THE MEETING\n\nDate: 1 February 2010\n\nThe meeting was opened and the chair welcomed the members.", "minutes", "en"),
])
def test_kind_and_language(text, kind, lang):
    info = records_of(text).document
    assert (info.kind, info.language) == (kind, lang)


def test_document_date_from_header():
    assert records_of("TIEDOTE 18.12.2009\n\nTekstiä on tässä ja se on kunnan tiedote.").document.date == "2009-12-18"


def test_contacts_with_title_email_and_phone():
    text = """Lisätietoja antavat:

Suunnittelija Pirjo Mäkelä
pirjo.makela@lohja.fi
puh. 044 - 369 1234

Kehittämispäällikkö Jari Nieminen
jari.nieminen@vihti.fi
p. 050 123 4567
"""
    contacts = records_of(text).contacts
    assert [(c.name, c.title, c.email) for c in contacts] == [
        ("Pirjo Mäkelä", "Suunnittelija", "pirjo.makela@lohja.fi"),
        ("Jari Nieminen", "Kehittämispäällikkö", "jari.nieminen@vihti.fi")]
    assert [c.phone.replace(" ", "") for c in contacts] == ["0443691234", "0501234567"]


def test_phone_on_the_same_line_as_the_address_wins_and_obfuscated_addresses_count():
    text = """Mer information:

projektledare Eva Lind, tfn 040 111 2222, eva.lind@borga.fi
planerare Per Holm, tfn 050 333 4444, per.holm(at)borga.fi
"""
    contacts = records_of(text).contacts
    assert [(c.name, c.email, c.phone) for c in contacts] == [
        ("Eva Lind", "eva.lind@borga.fi", "040 111 2222"),
        ("Per Holm", "per.holm@borga.fi", "050 333 4444")]


def test_a_list_with_few_function_words_is_still_finnish():
    text = "Ominaisuudet\n\n- Sisäänkirjautuminen\n- Tuotteiden selaaminen kategorioista\n- Tilausten käsittely ja hyväksyntä\n"
    assert records_of(text).document.language == "fi"


def test_minutes_that_list_their_agenda_are_minutes():
    text = """Yhdistyksen vuosikokous

Kokouksen esityslista

1. Kokouksen avaaminen

Puheenjohtaja avasi kokouksen klo 18.05.

2. Kokouksen päättäminen

Puheenjohtaja päätti kokouksen klo 19.30.
"""
    assert records_of(text).document.kind == "minutes"


# --- kind: mail exports, invitations, interim reports, call notes ----------------------------

@pytest.mark.parametrize("text", [
    "Lähettäjä: Anna Virta\nLähetetty: 12. maaliskuuta 2009 10:41\nVastaanottaja: Verkosto\nAihe: Muistio ja seuraava kokous\n\n"
    "Hei, liitteenä on kokouksen muistio. Seuraava kokous on 1.4.2009.\n",
    "Från: Eva Lind\nSkickat: den 12 mars 2009 10:41\nTill: Nätverket\nÄmne: Protokoll från mötet\n\n"
    "Hej, här kommer protokollet från mötet. Nästa möte hålls 1.4.2009.\n",
    "From: Anne Hill\nSent: 12 March 2009 10:41\nTo: Partners\nSubject: Minutes of the meeting\n\n"
    "Dear all, please find the minutes attached. The next meeting is on 1 April 2009.\n",
])
def test_a_mail_export_is_other_and_dated_by_its_sending(text):
    info = records_of(text).document
    assert (info.kind, info.date) == ("other", "2009-03-12")


def test_minutes_with_a_subject_line_are_still_minutes():
    text = "MUISTIO\n\nAika: 5.2.2009\nPaikka: Lohja\nAihe: Kuntakierros\n\nKokous avattiin ja todettiin päätösvaltaiseksi.\n"
    assert records_of(text).document.kind == "minutes"


@pytest.mark.parametrize("text,kind", [
    ("Väliraportti lääninhallitukselle, raportointikausi 1.1.–30.6.2008\n\nHankkeen johtoryhmä kokoontui kolme kertaa.\n", "report"),
    ("Mellanrapport till länsstyrelsen, rapporteringsperiod 1.1–30.6.2008\n\nStyrgruppen har sammanträtt tre gånger.\n", "report"),
    ("KUTSU\n\nKutsumme Teidät lasten hyvinvointisuunnitelman seminaariin 11.2.2008.\n\nTervetuloa!\n", "bulletin"),
    ("NORDIC NETWORK\nNotes of the telephone conference\nTue 21/4/2009, 14:00-15:00\n\nThe partners agreed to meet in June.\n", "minutes"),
])
def test_kind_of_reports_invitations_and_call_notes(text, kind):
    assert records_of(text).document.kind == kind


def test_a_tables_header_row_is_no_meeting_field():
    text = """Koulutuskalenteri

| Ajankohta | Koulutus | Kouluttaja |
|---|---|---|
| 5.2.2008 | Lastensuojelulaki | Anna Virta |
| 22.4.2008 | Varhainen puuttuminen | Pekka Laine |
"""
    assert records_of(text).document.kind not in ("minutes", "agenda")


def test_a_log_of_meetings_in_one_table_is_minutes():
    text = """Group Members: Ash, Edward, Sam

| | Date | Time | Place of meeting | Members present | Decisions taken |
|---|---|---|---|---|---|
| 1 | 02/02/17 | 13:00 - 14:00 | Library | Ash, Edward | We will complete the use case document. |
| 2 | 07/02/17 | 12:00 - 13:00 | Lab | Ash, Sam | We decided to start the class diagrams. |
"""
    assert records_of(text).document.kind == "minutes"


# --- document date: meeting field, signature line ------------------------------------------------

def test_an_agendas_date_is_its_meetings_not_its_letterheads():
    text = ("Hanke X\tESITYSLISTA 5/2007\t7.11.2007\n\nJOHTORYHMÄN KOKOUS\n\n"
            "Aika keskiviikkona 14. marraskuuta 2007 klo 13.00–15.30\nPaikka Vihdin kunnantalo\n\n1. Kokouksen avaus\n")
    info = records_of(text).document
    assert (info.kind, info.date) == ("agenda", "2007-11-14")


@pytest.mark.parametrize("text,date", [
    ("Väliraportti 2008\n\nRaportointikausi 1.1.–30.6.2008. Johtoryhmä kokoontui 23.1.2008.\n\n"
     "Järvenpäässä 29. elokuuta 2008\n\nTuija Nieminen\n", "2008-08-29"),
    ("Mellanrapport 2008\n\nRapporteringsperioden 1.1–30.6.2008. Styrgruppen sammanträdde den 23 januari 2008.\n\n"
     "Helsingfors den 2 september 2008\n\nEva Lind\n", "2008-09-02"),
    ("Interim report 2008\n\nThe reporting period ended on 30 June 2008. The steering group met on 23 January 2008.\n\n"
     "Lohja, 3 September 2008\n\nAnne Hill\n", "2008-09-03"),
])
def test_a_report_is_dated_by_its_signature_line(text, date):
    assert records_of(text).document.date == date


def test_a_place_and_date_inside_a_sentence_is_no_signature():
    text = "RAPORTTI 15.9.2008\n\nSeminaari pidettiin Lohjalla 3.6.2008 ja se onnistui hyvin.\n"
    assert records_of(text).document.date == "2008-09-15"


def test_a_mail_client_header_with_a_date_label_is_a_mail_but_one_date_label_is_not():
    text = ("Aihe: Kokousaika\nPäiväys: 29.8.2005 10:41\nLähettäjä: Anna Virta\nVastaanottaja: Verkosto\n\n"
            "Hei, kokous pidetään tiistaina 13.9.2005 klo 13.\n")
    assert records_of(text).document.kind == "other"
    text = "Päiväys: 29.8.2005\n\nMUISTIO\n\nKokous avattiin ja todettiin päätösvaltaiseksi.\n"
    assert records_of(text).document.kind != "other"


@pytest.mark.parametrize("text", [
    "NÄTVERKET FÖR FAMILJEARBETE\n\nKALLELSE OCH FÖREDRAGNINGSLISTA\n\nTid: 3.4.2012 kl. 13\nPlats: Ekenäs\n\nKallade: styrgruppen\n\n1 Mötet öppnas\n2 Övriga ärenden\n3 Mötet avslutas\n",
    "PERHETYÖN VERKOSTO\n\nKOKOUSKUTSU\n\nAika: 3.4.2012 klo 13\nPaikka: Lohja\n\n1. Kokouksen avaus\n2. Muut asiat\n3. Kokouksen päättäminen\n",
    "FAMILY WORK NETWORK\n\nNOTICE OF MEETING AND AGENDA\n\nTime: 3 April 2012 at 13\nPlace: Lohja\n\n1 Call to order\n2 Any other business\n3 Closing\n",
])
def test_an_agendas_items_for_opening_and_closing_do_not_make_it_minutes(text):
    info = records_of(text).document
    assert info.kind == "agenda"
    assert records_of(text).meetings[0].status == "planned"


def test_minutes_that_say_the_meeting_was_opened_stay_minutes_even_with_an_agenda_heading():
    text = "STYRGRUPPEN\n\nFöredragningslista och protokoll\n\nTid: 3.4.2012\n\n1 Ordföranden öppnade mötet kl. 13.05.\n2 Ordföranden avslutade mötet kl. 15.\n"
    assert records_of(text).document.kind == "minutes"


@pytest.mark.parametrize("text,lang", [
    ("# Perhetyön seutuseminaari\n\nAika: tiistai 4.3.2014 klo 9–15\nPaikka: Lohjan kaupungintalo\n\n## Ohjelma\n\n9.00 Avaus\n12.00 Lounas\n\n## Ilmoittautuminen\n\nIlmoittautumiset pyydetään 20.2. mennessä sähköpostilla, ja mukaan mahtuu kolmekymmentä osallistujaa.\n\nLohjalla 3.2.2014\n", "fi"),
    ("# Seminarium om familjearbete\n\nTid: tisdag 4.3.2014 kl. 9–15\nPlats: Lojo stadshus\n\n## Program\n\n9.00 Inledning\n12.00 Lunch\n\nAnmälan senast 20.2.2014 till kansliet.\n\nLojo den 3.2.2014\n", "sv"),
    ("# Family work seminar\n\nTime: Tuesday 4 March 2014 at 9–15\nPlace: Lohja town hall\n\n## Programme\n\n9.00 Opening\n12.00 Lunch\n\nPlease register by 20 February 2014.\n\nLohja, 3 February 2014\n", "en"),
])
def test_a_notice_asking_to_register_is_a_bulletin_dated_by_its_signing_and_its_event_planned(text, lang):
    recs = records_of(text)
    assert (recs.document.kind, recs.document.language) == ("bulletin", lang)
    assert recs.document.date == "2014-02-03"
    assert [m.status for m in recs.meetings if m.date == "2014-03-04"] == ["planned"]


def test_minutes_that_mention_registering_for_a_seminar_stay_minutes():
    text = "PÖYTÄKIRJA\n\nAika: 5.2.2014 klo 13\nPaikka: Vihti\nLäsnä: Anna Virta, Pekka Salo\n\n1. Kokouksen avaus\n\nPuheenjohtaja avasi kokouksen klo 13.05.\n\n2. Koulutus\n\nJäsenet voivat ilmoittautua koulutukseen 20.2. mennessä.\n"
    assert records_of(text).document.kind == "minutes"


@pytest.mark.parametrize("text,date", [
    ("Aihe: Kokousaika\nPäiväys: Tue, 6 Sep 2011 09:12:40 +0300\nLähettäjä: Anna Virta <anna@kunta.fi>\nVastaanottaja: ryhma@kunta.fi\n\n"
     "Hei,\n\nKokous pidetään siis tiistaina 20.9.2011 klo 13 Lohjan kaupungintalolla.\n\nAnna\n", "2011-09-06"),
    ("Från: Anna Virta\nSkickat: 6.9.2011 09:12\nTill: gruppen\nÄmne: Mötestid\n\n"
     "Hej,\n\nMötet hålls alltså tisdagen den 20.9.2011 kl. 13 i Lojo stadshus.\n\nAnna\n", "2011-09-06"),
    ("From: Anna Virta\nDate: Tue, 6 Sep 2011 09:12:40 +0300\nTo: group\nSubject: Meeting time\n\n"
     "Hi all,\n\nThe meeting will be held on Tuesday 20 September 2011 at 13 in Lohja town hall.\n\nAnna\n", "2011-09-06"),
])
def test_a_mail_is_dated_by_its_header_not_by_the_meeting_it_arranges(text, date):
    recs = records_of(text)
    assert recs.document.date == date
    assert [m.status for m in recs.meetings if m.date == "2011-09-20"] == ["planned"]


@pytest.mark.parametrize("text,date", [
    ("PROJECT NETWORK\n\nMinutes of the 3rd partner meeting\nRiga, Latvia, 14–15 May 2007\n\nThe partners reviewed the work done since the kick-off meeting in Lohja on 2 February 2007.\n", "2007-05-14"),
    ("VERKOSTO\n\nKumppanikokouksen muistio\nLohja 14.–15.5.2007\n\nKumppanit kävivät läpi työn, joka on tehty aloituskokouksen 2.2.2007 jälkeen.\n", "2007-05-14"),
    ("NÄTVERKET\n\nMinnesanteckningar från partnermötet\nEkenäs 14–15 maj 2007\n\nParterna gick igenom arbetet sedan startmötet den 2 februari 2007.\n", "2007-05-14"),
])
def test_a_two_day_meeting_in_the_title_dates_the_document_not_a_past_date_in_its_text(text, date):
    assert records_of(text).document.date == date



def _paged_pdf(pages: list[tuple[str, list[str]]], metadata: dict | None = None):
    from schemas.document import BlockKind, DocumentBuilder
    b = DocumentBuilder("deck.pdf", "pdf", repr(pages).encode())
    for n, (title, lines) in enumerate(pages, 1):
        b.add(BlockKind.HEADING, title, page=n)
        for line in lines:
            b.add(BlockKind.LIST_ITEM if len(line) < 90 else BlockKind.PARAGRAPH, line, page=n)
    return b.build(pages=len(pages), metadata=metadata or {})


SLIDES = [("Perhekeskushanke – ohjausryhmä 2/2010", ["ke 12.5.2010 klo 13–15", "Lohjan kaupungintalo"]),
          ("Tilannekatsaus", ["Perhekeskus avattiin Nummelassa 3.5.2010", "Budjetista käytetty 40 %"]),
          ("Päätettäväksi", ["Väliraportin hyväksyminen", "Syksyn seminaarin ajankohta"]),
          ("Seuraavat askeleet", ["Arviointikysely kuntiin kesäkuussa", "Kiitos!"])]


@pytest.mark.parametrize("metadata", [{}, {"creator": "Microsoft PowerPoint 2003"}])
def test_a_deck_saved_as_pdf_is_slides(metadata):
    from extractors.records import extract_records
    assert extract_records(_paged_pdf(SLIDES, metadata)).document.kind == "slides"


def test_a_pdf_of_prose_pages_under_headings_is_not_slides():
    from extractors.records import extract_records
    prose = "Hankkeen ohjausryhmä kokoontui raportointikaudella kolme kertaa ja käsitteli hankkeen etenemistä, " * 8
    pages = [(title, [prose, prose]) for title, _ in SLIDES]
    assert extract_records(_paged_pdf(pages, {"creator": "Writer"})).document.kind != "slides"
