"""Meetings: held, planned, cancelled, schedules, and other bodies' meetings."""
import pytest

from extractors.records import extract_records
from schemas.document import BlockKind, DocumentBuilder
from tests.textdoc import records_of
from tests.test_commitments import MINUTES


def by_date(records):
    return {m.date: m for m in records.meetings}


def test_the_documents_own_meeting_is_held_with_times_and_place():
    m = by_date(records_of(MINUTES))["2007-09-03"]
    assert (m.status, m.start, m.end) == ("held", "13:00", "15:00")
    assert "Vihdin" in m.place
    assert m.body.endswith("ohjausryhmä")


def test_next_meeting_is_planned_with_its_place():
    m = by_date(records_of(MINUTES))["2007-10-02"]
    assert m.status == "planned" and m.start == "13:00"
    assert m.place == "Lohja"


def test_cancelled_meeting():
    text = """MUISTIO

Aika: 5.2.2009
Paikka: Kerava

Hallituksen 19.2.2009 kokous perutaan. Uudeksi kokousajaksi sovittiin 26.2.2009 klo 18.
"""
    meetings = by_date(records_of(text))
    assert meetings["2009-02-19"].status == "cancelled"
    assert meetings["2009-02-26"].status == "planned"


def test_schedule_in_a_bulletin_gives_one_meeting_per_date_with_its_group_and_place():
    text = """TIEDOTE 1.12.2010

- Perhetyön verkosto
  - Kokouspäivät ovat 12.1.2011 (Hanko), 9.3.2011 (Lohja) ja 4.5.2011 (Vihti)
- Koulutuksen verkosto
  - Kokouspäivät ovat 20.1.2011 (Karkkila) ja 17.3.2011 (Siuntio)
"""
    meetings = records_of(text).meetings
    assert len(meetings) == 5
    hanko = next(m for m in meetings if m.date == "2011-01-12")
    assert hanko.status == "planned" and hanko.place == "Hanko" and "Perhetyön" in hanko.body
    siuntio = next(m for m in meetings if m.date == "2011-03-17")
    assert "Koulutuksen" in siuntio.body


def test_swedish_minutes_meeting():
    text = "PROTOKOLL\n\nStyrelsemöte\n\nTid: 9.10.2013 kl. 17.15\nPlats: Linköping\n\nNästa möte hålls 23.10.2013.\n"
    meetings = by_date(records_of(text))
    assert meetings["2013-10-09"].status == "held"
    assert meetings["2013-10-23"].status == "planned"


def test_opening_and_closing_times_and_an_unlabelled_place_line():
    text = """Vuosikokous 2015

Pöytäkirja 14.4.2015

Lohjalla, kaupunginkirjaston Linnasalissa.

1. Kokouksen avaus

Yhdistyksen puheenjohtaja Eeva Laine avasi kokouksen klo 18.05.

2. Kokouksen päättäminen

Puheenjohtaja päätti kokouksen klo 19.40.
"""
    m = by_date(records_of(text))["2015-04-14"]
    assert (m.status, m.start, m.end) == ("held", "18:05", "19:40")
    assert m.place.startswith("Lohjalla")


def test_swedish_opening_time_without_cue_word_for_clock():
    text = "Styrelsemöte 2016-03-02\n\nNärvarande:\n\nAnna Berg, Olle Ek\n\n1. Mötets öppnande 18:02\n\n5. Mötets avslutande 19:10\n"
    m = by_date(records_of(text))["2016-03-02"]
    assert (m.start, m.end) == ("18:02", "19:10")


# --- the event a title slide, a title page or an invitation names ---------------------------

def test_a_title_slide_names_its_event_with_place_date_and_time_lines_below():
    text = """Verkoston aloitustilaisuus

Lasten hyvinvointihanke
Lohja, Laurentius-talo, ke 5.9.2012 klo 9–15
Projektipäällikkö Anna Virta
"""
    m = by_date(records_of(text))["2012-09-05"]
    assert (m.start, m.end, m.place) == ("09:00", "15:00", "Lohja, Laurentius-talo")
    assert m.body == "verkosto"


def test_a_swedish_title_keeps_the_swedish_place_name_and_a_finnish_one_the_finnish():
    sv = by_date(records_of("Lägesrapport\n\nStyrgruppens möte i Borgå 3.5.2011\nEva Lind, projektledare\n"))
    assert sv["2011-05-03"].place == "Borgå" and sv["2011-05-03"].body == "styrgruppen"
    fi = by_date(records_of("Tilannekatsaus\n\nOhjausryhmän kokous Porvoossa 3.5.2011\nEeva Lind\n"))
    assert fi["2011-05-03"].place == "Porvoo"


def test_a_next_meeting_in_swedish_text_keeps_the_swedish_municipality():
    text = "PROTOKOLL\n\nTid: 3.2.2009 kl. 9.30\nPlats: Ekenäs\n\nNästa möte hålls tisdagen 21.4.2009 kl. 9.30 i Ingå, kommungården.\n"
    assert by_date(records_of(text))["2009-04-21"].place == "Ingå"


@pytest.mark.parametrize("text,event,start,place", [
    ("KUTSU\n\nHyvä vastaanottaja,\n\nKutsumme Teidät alueelliseen seminaariin\n\n"
     "tiistaina maaliskuun 3. päivänä 2009 kello 9–15.30\nLohjan kaupungintalon valtuustosaliin.\n\n"
     "Ilmoittautumiset 20.2.2009 mennessä.\n\nTervetuloa!\n\nVihdissä 2.2.2009\n\nAnna Virta\n",
     "2009-03-03", "09:00", "Lohja"),
    ("INBJUDAN\n\nVi inbjuder er till ett regionalt seminarium\n\nonsdagen den 4 mars 2009 kl. 13–16\n"
     "i Borgå stadshus.\n\nAnmälan senast 20.2.2009.\n\nVälkomna!\n\nHelsingfors den 2 februari 2009\n",
     "2009-03-04", "13:00", "Borgå"),
    ("INVITATION\n\nYou are invited to the network seminar\n\non Thursday 5 March 2009 at 10:00-15:00\n"
     "at Lohja Town Hall.\n\nPlease register by 20 February 2009.\n\nLohja, 2 February 2009\n",
     "2009-03-05", "10:00", "Lohja"),
])
def test_an_invitation_letter_announces_its_event_and_is_dated_by_its_signature(text, event, start, place):
    records = records_of(text)
    assert records.document.kind == "bulletin"
    assert records.document.date == "2009-02-02"  # the letter's date, not its event's
    m = by_date(records)[event]
    assert (m.status, m.start) == ("planned", start) and place in m.place


def test_an_invitation_without_an_event_day_gives_no_meeting():
    text = "KUTSU\n\nKutsumme kunnat mukaan hankkeeseen.\n\nIlmoittautumiset 20.2.2009 mennessä.\n\nTervetuloa!\n"
    assert records_of(text).meetings == []


def test_a_programme_times_the_event_the_document_reports():
    text = """Seminaarin yhteenveto

Yhteenveto Lohjan kaupungintalolla torstaina 19. maaliskuuta 2009 pidetystä seminaarista

Ohjelma

9.00–9.30 Ilmoittautuminen
9.30–11.00 Avaus ja alustus
11.00–12.00 Lounas
12.00–14.30 Ryhmätyöt ja yhteenveto
"""
    m = by_date(records_of(text))["2009-03-19"]
    assert (m.start, m.end) == ("09:00", "14:30")


# --- schedules --------------------------------------------------------------------------------

@pytest.mark.parametrize("text,day,start,place,body", [
    ("Lägesrapport till styrgruppen 12.10.2009\n\nVi har gjort det som vi kom överens om och det går bra.\n\n"
     "Kommande möten\n\n- Styrgruppen må 7.12.2009 kl. 13–15, Ekenäs stadshus\n"
     "- Styrgruppen ons 10.2.2010 (plats meddelas senare)\n", "2009-12-07", "13:00", "Ekenäs", "styrgruppen"),
    ("Tilannekatsaus 12.10.2009\n\nTulevat kokoukset:\n\n- Johtoryhmä ti 8.12.2009 klo 13–15, Vihdin kunnantalo\n"
     "- Johtoryhmä ke 10.2.2010\n", "2009-12-08", "13:00", "Vihti", "johtoryhmä"),
    ("Status report 12 October 2009\n\nThe project is on track and the partners have done what was agreed.\n\n"
     "Upcoming meetings\n\n- Steering group 7 December 2009 at 13:00, Lohja town hall\n"
     "- Steering group 10 February 2010 (venue to be confirmed)\n", "2009-12-07", "13:00", "Lohja", "steering group"),
])
def test_lines_under_an_upcoming_meetings_heading_are_meetings(text, day, start, place, body):
    meetings = by_date(records_of(text))
    m = meetings[day]
    assert (m.status, m.start, m.place) == ("planned", start, place)
    assert body in m.body.lower()
    later = meetings["2010-02-10"]
    assert later.place is None  # '(plats meddelas senare)' is a note, not a place


def test_dated_lines_under_another_heading_are_no_meetings():
    text = "Lägesrapport 12.10.2009\n\nDet här har vi gjort\n\n- Familjearbetaren anställdes 1.4.2009\n- Hemsidan öppnades 8.9.2009\n"
    assert records_of(text).meetings == []


def test_a_training_table_takes_its_place_column_and_past_rows_are_held():
    text = """RAPORTTI

Raportointikaudella järjestettiin seuraavat koulutukset:

| Ajankohta | Koulutus | Paikka | Osallistujia |
|---|---|---|---|
| 5.2.2008 | Lastensuojelulaki käytäntöön | Lohja | 84 |
| 22.4.2008 | Varhainen puuttuminen | Kirkkonummi | 58 |

Järvenpäässä 29. elokuuta 2008
"""
    records = records_of(text)
    assert records.document.date == "2008-08-29"
    meetings = by_date(records)
    assert (meetings["2008-02-05"].place, meetings["2008-02-05"].status) == ("Lohja", "held")
    assert meetings["2008-04-22"].place == "Kirkkonummi"
    assert not any(m.body and "järjestettiin" in m.body for m in meetings.values())


def test_a_date_list_broken_over_two_lines_keeps_every_date_and_the_shared_time():
    text = """ESITYSLISTA

Aika: 14.11.2007 klo 13

6. Kokousaikataulu

Johtoryhmä kokoontuu keväällä 2008 keskiviikkoisin 23.1.,
- 12.3. ja 14.5.2008 klo 13–15.30.
"""
    meetings = by_date(records_of(text))
    for day in ("2008-01-23", "2008-03-12", "2008-05-14"):
        assert (meetings[day].status, meetings[day].start, meetings[day].end) == ("planned", "13:00", "15:30")


# --- a date alone is no meeting -----------------------------------------------------------------

@pytest.mark.parametrize("sentence,not_day", [
    ("Johtoryhmän 19.9.2007 pidetyn kokouksen muistio on lähetetty jäsenille sähköpostitse 28.9.2007.", "2007-09-28"),
    ("Seminaarin aineistot julkaistaan hankkeen verkkosivuilla viikolla 13.", "2009-03-23"),
    ("Jäsenet jatkavat syksyn kokouksissa, jos kunta on sitoutunut teemaan 18.12.2008 päivitetyn tiedon mukaisesti.",
     "2008-12-18"),
    ("Johtoryhmä päätti 14.5.2008 kokouksessaan, että työaikaa lisätään 1.8.2008 alkaen.", "2008-08-01"),
])
def test_a_date_that_a_meeting_word_does_not_govern_is_no_meeting(sentence, not_day):
    text = f"TIEDOTE 15.1.2009\n\n{sentence}\n"
    assert not_day not in by_date(records_of(text))


def test_a_past_meeting_in_a_report_is_held():
    text = "Väliraportti\n\nOhjausryhmä käsitteli raportin kokouksessaan 19.8.2008.\n\nLohjalla 29.8.2008\n"
    records = records_of(text)
    assert records.document.kind == "report"
    assert by_date(records)["2008-08-19"].status == "held"


# --- cancellations and moves ----------------------------------------------------------------------

@pytest.mark.parametrize("text,day", [
    ("MUISTIO\n\nAika: 27.2.2008\n\nHuhtikuulle sovittu kokous (16.4.) jää pois koulutuspäivän vuoksi.\n", "2008-04-16"),
    ("MUISTIO\n\nAika: 27.2.2008\n\nMaaliskuun kokousta 19.3.2008 ei pidetä.\n", "2008-03-19"),
    ("PROTOKOLL\n\nTid: 22.3.2006\n\nMötet som planerats till den 19 april 2006 inställs på grund av påsken.\n", "2006-04-19"),
    ("PROTOKOLL\n\nTid: 22.3.2006\n\nStyrelsens möte den 19 april 2006 utgår.\n", "2006-04-19"),
    ("MINUTES\n\nDate: 22 March 2006\n\nThe meeting of 19 April 2006 will not take place.\n", "2006-04-19"),
])
def test_cancelled_meetings(text, day):
    assert by_date(records_of(text))[day].status == "cancelled"


def test_a_moved_meeting_is_off_on_its_old_day_and_planned_on_its_new_one():
    text = "MUISTIO\n\nAika: 3.4.2008\n\n7. Seuraava kokous\n\nAiemmin sovittu kokous to 8.5.2008 siirtyy maanantaille 12.5.2008 klo 13 Karjalohjan kunnantoimistolle.\n"
    meetings = by_date(records_of(text))
    assert meetings["2008-05-08"].status == "cancelled"
    new = meetings["2008-05-12"]
    assert (new.status, new.start, new.place) == ("planned", "13:00", "Karjalohja")


def test_time_and_place_in_the_sentence_after_a_move_belong_to_the_moved_meeting():
    text = """Lähettäjä: Anna Virta
Lähetetty: 12. maaliskuuta 2009 10:41
Vastaanottaja: Verkosto
Aihe: Kokous siirtyy

Hei, verkoston seuraava kokous siirretään keskiviikolle 1.4.2009. Aika ja paikka pysyvät ennallaan: klo 12.30–15.30 Järvenpään Sosiaalitalolla.
"""
    records = records_of(text)
    assert (records.document.kind, records.document.date) == ("other", "2009-03-12")
    m = by_date(records)["2009-04-01"]
    assert (m.status, m.start, m.end, m.place) == ("planned", "12:30", "15:30", "Järvenpää")


def test_a_shared_start_time_in_the_next_sentence():
    text = "MUISTIO\n\nAika: 15.9.2008\n\nSyksyn muut kokoukset: 20.10.2008 Vihdissä ja 1.12.2008 Keravalla. Kokoukset alkavat klo 9.\n"
    meetings = by_date(records_of(text))
    assert (meetings["2008-10-20"].start, meetings["2008-10-20"].place) == ("09:00", "Vihti")
    assert (meetings["2008-12-01"].start, meetings["2008-12-01"].place) == ("09:00", "Kerava")


def test_a_time_in_an_unrelated_next_sentence_is_not_taken():
    text = "MUISTIO\n\nAika: 15.9.2008\n\nSeuraava kokous on 20.10.2008 Vihdissä. Bussi lähtee klo 8.\n"
    assert by_date(records_of(text))["2008-10-20"].start is None


def test_the_sentence_after_a_postponement_gives_the_new_date():
    text = """MINUTES

Date: 21 April 2009

The partner meeting planned for 2-3 April in Tallinn had to be postponed because of budget cuts. It was agreed to hold it on 9-10 June 2009 at the Tallinn Social Welfare Department.
"""
    meetings = by_date(records_of(text))
    assert meetings["2009-04-02"].status == "cancelled" and meetings["2009-04-02"].place == "Tallinn"
    assert meetings["2009-06-09"].status == "planned" and "Tallinn" in meetings["2009-06-09"].place


# --- place and body ------------------------------------------------------------------------------

def test_a_markdown_title_naming_a_municipality_is_not_the_place():
    text = "# Siuntion kuntatyöryhmän muistio\n\nKokous pidettiin Siuntion kunnantalolla keskiviikkona 27.2.2008 kello 14.15–16.\n"
    m = by_date(records_of(text))["2008-02-27"]
    assert m.place == "Siuntio" and (m.start, m.end) == ("14:15", "16:00")


def test_a_named_venue_that_is_no_municipality():
    text = "SUUNNITELMA 30.1.2009\n\nTyöryhmä kokoontuu ensimmäisen kerran torstaina 12.2.2009 Nummelan neuvolassa.\n"
    assert by_date(records_of(text))["2009-02-12"].place == "Nummelan neuvolassa"


def test_the_group_in_the_genitive_before_the_meeting_word_owns_it_but_a_month_does_not():
    text = "TIEDOTE 12.3.2009\n\nTeemaverstaan seuraava kokous siirretään keskiviikolle 1.4.2009.\n\nMarraskuun kokous 17.11.2009 perutaan.\n"
    meetings = by_date(records_of(text))
    assert meetings["2009-04-01"].body == "teemaverstas"
    assert meetings["2009-11-17"].body != "marraskuu"


def test_a_compound_meeting_word_names_its_series():
    text = "RAPORTTI 29.8.2008\n\nEnsimmäinen teemaverstas pidetään Karkkilassa 7.10.2008.\n"
    m = by_date(records_of(text))["2008-10-07"]
    assert (m.status, m.place, m.body) == ("planned", "Karkkila", "teemaverstas")


def test_a_deck_made_for_a_bodys_meeting_names_it_on_its_title_slide():
    b = DocumentBuilder("deck.pptx", "pptx", b"deck")
    b.add(BlockKind.SLIDE_TITLE, "Records Project – Status Update", page=1)
    b.add(BlockKind.PARAGRAPH, "Steering Committee, 5 June 2014\nPresented by Dan Brook", page=1)
    b.add(BlockKind.SLIDE_TITLE, "Next steps", page=2)
    b.add(BlockKind.LIST_ITEM, "Records team to map the file plan by 31 July 2014", page=2, level=1)
    m = by_date(extract_records(b.build(pages=2)))["2014-06-05"]
    assert m.body == "steering committee"


def test_a_body_and_a_date_heading_a_letter_name_no_event():
    text = "Steering Committee, 5 June 2014\n\nThe report was sent to the members of the committee.\n"
    assert "2014-06-05" not in by_date(records_of(text))


def test_a_name_before_the_meeting_word_places_it_but_a_month_does_not():
    text = "MINUTES\n\nDate: 17 September 2008\n\nThe minutes of the Stockholm meeting of 6 March 2008 were approved.\n"
    assert by_date(records_of(text))["2008-03-06"].place == "Stockholm"
    text = "MINUTES\n\nDate: 17 September 2008\n\nThe minutes of the March meeting of 6 March 2008 were approved.\n"
    assert by_date(records_of(text))["2008-03-06"].place is None


def test_a_sentence_cut_after_a_date_before_a_place_is_read_whole():
    text = ("TIEDOTE 12.3.2009\n\nLiitteenä on 4.3. Kirkkonummella pidetyn kokouksen muistio. "
            "Toukokuun kokous 6.5. Lohjalla pidetään normaalisti.\n")
    meetings = by_date(records_of(text))
    assert (meetings["2009-03-04"].status, meetings["2009-03-04"].place) == ("held", "Kirkkonummi")
    assert (meetings["2009-05-06"].status, meetings["2009-05-06"].place) == ("planned", "Lohja")


def test_days_listed_before_a_year_take_its_year_and_one_body_meets_once_a_day():
    text = ("Väliraportti\n\nHankkeen johtoryhmä kokoontui raportointikaudella kolme kertaa (23.1., 12.3. ja 14.5.2008). "
            "Johtoryhmä päätti 14.5.2008 kokouksessaan, että työaikaa lisätään.\n\nJärvenpäässä 29. elokuuta 2008\n")
    meetings = records_of(text).meetings
    assert sorted(m.date for m in meetings) == ["2008-01-23", "2008-03-12", "2008-05-14"]
    assert all(m.status == "held" for m in meetings)


def test_a_decision_logs_rows_are_its_meetings_and_a_cancel_naming_another_month_is_not_the_rows():
    text = """Steering Committee – Decision and Action Log (updated 09/03/2023)

| Date | Decision | Action |
|---|---|---|
| 09 Feb 2023 | Tender decision deferred | Prepare the tender summary |
| 09 Mar 2023 | April meeting cancelled (Easter); next meeting 11 May 2023 | Circulate the schedule |
"""
    meetings = by_date(records_of(text))
    assert meetings["2023-03-09"].status == "held"
    assert meetings["2023-05-11"].status == "planned"


def test_a_calendar_row_that_says_cancelled_is_cancelled():
    text = """TIEDOTE 15.8.2006

Alla ovat syyskauden tapaamiset, joihin kaikki alueen työntekijät ovat tervetulleita ja ne ovat maksuttomia.

| Päivä | Tapaaminen | Paikka |
|---|---|---|
| to 14.9.2006 | Lastensuojelun verkostotapaaminen | Lohja |
| to 2.11.2006 | Perhetyön verkostotapaaminen – PERUTTU | Inkoo |
"""
    meetings = by_date(records_of(text))
    assert (meetings["2006-11-02"].status, meetings["2006-11-02"].place) == ("cancelled", "Inkoo")
    assert meetings["2006-09-14"].status == "planned"


def test_by_a_means_is_no_deadline_but_by_a_date_is():
    text = "MINUTES\n\nDate: 12 March 2009\n\nThe next meeting will be held by video conference on 14 May 2009 at 13.00.\n"
    m = by_date(records_of(text))["2009-05-14"]
    assert (m.status, m.start) == ("planned", "13:00")
    text = "MINUTES\n\nDate: 12 March 2009\n\nComments on the meeting report are due by 14 May 2009.\n"
    assert "2009-05-14" not in by_date(records_of(text))


def test_separate_date_and_time_fields_with_whole_hours():
    text = "PROTOKOLL\n\nDatum: 5.4.2001\nTid: kl. 14–16\nPlats: Kyrkslätt\n\nMötet öppnades och det konstaterades att gruppen är beslutför.\n"
    m = by_date(records_of(text))["2001-04-05"]
    assert (m.start, m.end, m.place) == ("14:00", "16:00", "Kyrkslätt")


def test_the_weak_grade_of_kokoontua_is_a_meeting_word_and_minutes_keep_their_own_date():
    text = "MUISTIO\n\nKokoonnuttiin Lohjalla 5.5.2009 klo 18. Paikalla olivat kaikki jäsenet.\n\nSeuraavaksi kokoonnutaan 2.6.2009.\n"
    meetings = by_date(records_of(text))
    assert (meetings["2009-05-05"].status, meetings["2009-05-05"].start) == ("held", "18:00")
    assert meetings["2009-06-02"].status == "planned"


@pytest.mark.parametrize("text,place", [
    ("PÖYTÄKIRJA\n\nAika ja paikka: ti 5.5.2009 klo 18, Lohjan kaupungintalo\n\nKokous avattiin ja todettiin päätösvaltaiseksi.\n",
     "Lohjan kaupungintalo"),
    ("PROTOKOLL\n\nTid och plats: 5.5.2009 kl. 18, Borgå stadshus\n\nMötet öppnades och konstaterades beslutfört.\n",
     "Borgå stadshus"),
    ("MINUTES\n\nDate and venue: 5 May 2009 at 18:00, Lohja Town Hall\n\nThe meeting was opened by the chair.\n",
     "Lohja Town Hall"),
])
def test_one_field_for_time_and_place(text, place):
    m = by_date(records_of(text))["2009-05-05"]
    assert (m.status, m.start, m.place) == ("held", "18:00", place)


def test_a_time_field_without_a_place_gives_none():
    text = "PÖYTÄKIRJA\n\nAika: ti 5.5.2009 klo 18, kokous on yhdistyksen vuosikokous\n\nKokous avattiin.\n"
    assert by_date(records_of(text))["2009-05-05"].place is None


def test_a_place_heading_under_the_title_and_a_room_after_the_date():
    text = """# Varsinainen yhtiökokous

## Pöytäkirja 20.06.2017

## Mikkelissä, kaupunginkirjaston Mikkeli-salissa.

1. Kokouksen avaaminen

Kokouksen avasi hallituksen puheenjohtaja klo 12.00.
"""
    assert by_date(records_of(text))["2017-06-20"].place.startswith("Mikkelissä")
    text = ("TEAM MEETING 1 - MEETING MINUTES\n\nThe minutes taken at TEAM MEETING 1 which is held on "
            "August 25, 2014 from 1045 to 1130 at COM1-0210.\n\nAttendees: Kelvin Ang, Thida.\n")
    assert by_date(records_of(text))["2014-08-25"].place == "COM1-0210"


def test_a_minutes_title_word_is_no_meeting_name():
    text = "LiTHe Kod 2014-11-14\n\nMötesprotokoll\n\nNärvarande:\n\nJohan Nåtoft, Filip Haglund\n\n1. Mötets öppnande 15:18\n"
    m = by_date(records_of(text))["2014-11-14"]
    assert m.body != "mötesprotokoll" and m.start == "15:18"


@pytest.mark.parametrize("text,off,on", [
    ("PROTOKOLL\n\nTid: 8.3.2002\n\n4. Mötestider\n\nMötet den 11 april inhiberas på grund av påsken. Nästa möte hålls den 16 maj 2002.\n",
     "2002-04-11", "2002-05-16"),
    ("MUISTIO\n\nAika: 8.3.2002\n\n4. Kokousajat\n\nHuhtikuun kokous 11.4. perutaan. Seuraava kokous pidetään 16.5.2002.\n",
     "2002-04-11", "2002-05-16"),
    ("MINUTES\n\nDate: 8 March 2002\n\n4. Meeting dates\n\nThe meeting on 11 April is cancelled. The next meeting is on 16 May 2002.\n",
     "2002-04-11", "2002-05-16"),
])
def test_a_cancel_word_under_a_schedule_heading_cancels_only_its_own_date(text, off, on):
    meetings = by_date(records_of(text))
    assert meetings[off].status == "cancelled"
    assert meetings[on].status == "planned"


@pytest.mark.parametrize("text", [
    "SAFE CITIES PROJECT\n\nMinutes of the partner meeting\nDate: 6 April 2006\n\nParticipants\nAnna Berg, Riga City Council\nTom Lind, City of Vantaa\n\nThe partners reviewed the budget.\n",
    "HANKE\n\nKumppanikokouksen muistio\nAika: 6.4.2006\n\nLäsnä\nAnna Berg, Riian kaupunginvaltuusto\nTom Lind, Vantaan kaupunginhallitus\n\nKumppanit kävivät läpi budjetin.\n",
])
def test_an_attendees_organisation_is_not_the_body_of_the_meeting(text):
    own = by_date(records_of(text))["2006-04-06"]
    assert not own.body or "council" not in own.body.lower() and "kaupungin" not in own.body.lower()


@pytest.mark.parametrize("text,day,start,place,body", [
    ("UUTISKIRJE 3/2010\n15.9.2010\n\nTapahtumakalenteri\n\nma 4.10.      Johtoryhmä klo 9-11, Lohjan kaupungintalo\nke 13.10.     Perhetyön verkoston kokous klo 13-15,\n              Vihdin kunnantalo\nsyyskuu       Seminaari (päivä tarkentuu)\nti 23.11.     Ohjausryhmä klo 12.30-15, Karkkilan kaupungintalo\n",
     "2010-10-04", "09:00", "Lohja", "johtoryhmä"),
    ("UUTISKIRJE 3/2010\n15.9.2010\n\nTapahtumakalenteri\n\nma 4.10.      Johtoryhmä klo 9-11, Lohjan kaupungintalo\nke 13.10.     Perhetyön verkoston kokous klo 13-15,\n              Vihdin kunnantalo\nsyyskuu       Seminaari (päivä tarkentuu)\nti 23.11.     Ohjausryhmä klo 12.30-15, Karkkilan kaupungintalo\n",
     "2010-11-23", "12:30", "Karkkila", "ohjausryhmä"),
    ("UUTISKIRJE 3/2010\n15.9.2010\n\nTapahtumakalenteri\n\nma 4.10.      Johtoryhmä klo 9-11, Lohjan kaupungintalo\nke 13.10.     Perhetyön verkoston kokous klo 13-15,\n              Vihdin kunnantalo\nsyyskuu       Seminaari (päivä tarkentuu)\nti 23.11.     Ohjausryhmä klo 12.30-15, Karkkilan kaupungintalo\n",
     "2010-10-13", "13:00", "Vihti", None),
    ("NYHETSBREV 3/2010\n15.9.2010\n\nKalender\n\nmå 4.10.      Styrgruppen kl. 9-11, Lojo stadshus\nons 13.10.    Nätverksmöte kl. 13-15, Ekenäs\nseptember     Seminarium (datum meddelas senare)\ntis 23.11.    Ledningsgruppen kl. 12.30-15, Karis stadshus\n\nÄndringar i kalendern meddelas alltid i nästa nyhetsbrev och på webbplatsen, så håll utkik efter dem.\n",
     "2010-10-04", "09:00", "Lojo", "styrgrupp"),
])
def test_calendar_rows_take_the_time_body_and_wrapped_place_of_their_text(text, day, start, place, body):
    m = by_date(records_of(text))[day]
    assert (m.start, m.status) == (start, "planned")
    assert place.lower() in (m.place or "").lower()
    if body:
        assert body in (m.body or "").lower()


def test_a_table_of_plan_periods_with_one_dated_row_is_no_calendar():
    text = "TOIMINTASUUNNITELMA 2010\n\nAjankohta     Toimenpide              Vastuu\ntammikuu      Kyselyn laatiminen      hanke\nkevät 2010    Asukasilta Nummelassa   kunta\n15.6.2010     Raportti valmis         hanke\n"
    assert "2010-06-15" not in by_date(records_of(text))


@pytest.mark.parametrize("text,places", [
    ("TOIMINTASUUNNITELMA 2011\n15.12.2010\n\n3. Kokoukset\n\nVerkoston yhteiset tapaamiset pidetään tiistaisin klo 9–11.30:\n\n"
     "8.3. Lohjalla, 7.6. Vihdissä, 13.9. Karkkilassa ja 6.12.2011 Siuntiossa.\n",
     {"2011-03-08": "Lohja", "2011-06-07": "Vihti", "2011-09-13": "Karkkila", "2011-12-06": "Siuntio"}),
    ("TOIMINTASUUNNITELMA 2011\n15.12.2010\n\n3. Kokoukset\n\nKuntatyöryhmän kokousajat ovat klo 9–11.30:\n\n"
     "8.3. Lohjalla, 7.6. Vihdissä ja 6.12.2011 Siuntiossa.\n",
     {"2011-03-08": "Lohja", "2011-06-07": "Vihti", "2011-12-06": "Siuntio"}),
])
def test_an_enumeration_of_dates_and_places_takes_each_place_and_the_shared_time_above(text, places):
    meetings = by_date(records_of(text))
    for day, place in places.items():
        m = meetings[day]
        assert (m.place, m.start, m.end, m.status) == (place, "09:00", "11:30", "planned")


def test_a_time_in_an_unrelated_line_above_is_not_a_lists_time():
    text = ("TOIMINTASUUNNITELMA 2011\n15.12.2010\n\nAulapalvelu on avoinna klo 8–16.\n\n3. Kokousajat\n\n"
            "8.3. Lohjalla, 7.6. Vihdissä ja 6.12.2011 Siuntiossa.\n")
    meetings = by_date(records_of(text))
    assert meetings["2011-06-07"].start is None


def _deck(pages):
    b = DocumentBuilder("deck.pptx", "pptx", repr(pages).encode())
    for n, (title, items) in enumerate(pages, 1):
        b.add(BlockKind.SLIDE_TITLE, title, page=n)
        for item in items:
            b.add(BlockKind.LIST_ITEM, item, page=n, level=1)
    return extract_records(b.build(pages=len(pages)))


@pytest.mark.parametrize("title,line,where,place", [
    ("Seuraava kokous", "Johtoryhmä 2/2010: ti 16.3.2010 klo 13–15", "Lohjan kaupungintalo, Karstuntie 4", "Lohja"),
    ("Nästa möte", "Styrgruppen 2/2010: tis 16.3.2010 kl. 13–15", "Ekenäs stadshus", "Ekenäs"),
    ("Next meeting", "Steering group 2/2010: Tue 16 March 2010 at 13–15", "Lohja town hall", "Lohja"),
])
def test_a_next_meeting_slide_gives_the_body_date_time_and_the_place_on_the_next_bullet(title, line, where, place):
    recs = _deck([("Hanke – ohjausryhmä 1/2010", ["ke 3.2.2010"]), (title, [line, where])])
    m = by_date(recs)["2010-03-16"]
    assert (m.status, m.start, m.end) == ("planned", "13:00", "15:00")
    assert place in (m.place or "") and m.body


def test_a_signing_line_under_a_next_meeting_heading_is_no_meeting():
    text = "MUISTIO\n\nAika: 3.2.2010\n\n5. Seuraava kokous\n\nSovitaan sähköpostitse.\n\nMuistion kirjasi Anna Virta 5.2.2010\n"
    assert "2010-02-05" not in by_date(records_of(text))


@pytest.mark.parametrize("sentence,day,body", [
    ("Hakemus valmistellaan; Vihdin kunnanhallitus käsittelee asian 12.4.2010.", "2010-04-12", "kunnanhallitus"),
    ("Ansökan bereds av arbetsgruppen; kommunstyrelsen behandlar ärendet 12.4.2010.", "2010-04-12", "kommunstyrelse"),
    ("The application is prepared; the city board will consider it on 12 April 2010.", "2010-04-12", "board"),
])
def test_a_body_handling_a_matter_on_a_day_meets_that_day(sentence, day, body):
    head = {"A": "PROTOKOLL\n\nTid", "T": "MINUTES\n\nDate"}.get(sentence[0], "MUISTIO\n\nAika")
    m = by_date(records_of(f"{head}: 3.2.2010\n\n{sentence}\n"))[day]
    assert m.status == "planned" and body in (m.body or "").lower()


def test_handling_a_matter_without_a_body_is_no_meeting():
    text = "MUISTIO\n\nAika: 3.2.2010\n\nTyöryhmän jäsenet käsittelevät palautteet 12.4.2010 mennessä omissa yksiköissään.\n"
    recs = records_of(text)
    assert "2010-04-12" not in by_date(recs)


@pytest.mark.parametrize("text,places", [
    ("PROTOKOLL\n\nTid: 3.2.2011\n\nNätverket sammanträder 14.4. i Ingå och 9.6.2011 i Karis.\n", {"2011-04-14": "Ingå", "2011-06-09": "Karis"}),
    ("MINUTES\n\nDate: 3 February 2011\n\nThe next network meetings will be held on 14 April in Lohja and on 9 June 2011 in Vihti.\n", {"2011-04-14": "Lohja", "2011-06-09": "Vihti"}),
    ("MUISTIO\n\nAika: 3.2.2011\n\nVerkosto kokoontuu Lohjalla 14.4. ja Vihdissä 9.6.2011.\n", {"2011-04-14": "Lohja", "2011-06-09": "Vihti"}),
])
def test_each_date_of_a_list_takes_the_place_written_closest_to_it(text, places):
    meetings = by_date(records_of(text))
    assert {day: meetings[day].place for day in places} == places


@pytest.mark.parametrize("sentence,body", [
    ("The next partner meeting will take place in Riga on 12 May 2010.", "partner meeting"),
    ("The next planning meeting will be held in Lohja on 12 May 2010.", "planning meeting"),
])
def test_an_english_open_compound_names_the_meetings_series(sentence, body):
    m = by_date(records_of(f"NOTES\n\nDate: 3 February 2010\n\nThe partners discussed the budget and agreed on the plan.\n\n{sentence}\n"))["2010-05-12"]
    assert m.body == body


def test_an_adjective_before_meeting_names_no_series():
    text = "NOTES\n\nDate: 3 February 2010\n\nThe partners discussed the budget and agreed on the plan.\n\nThe next meeting will take place in Riga on 12 May 2010.\n"
    assert by_date(records_of(text))["2010-05-12"].body in (None, "") or "next" not in by_date(records_of(text))["2010-05-12"].body
