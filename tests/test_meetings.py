"""Meetings: held, planned, cancelled, schedules, and other bodies' meetings."""
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
