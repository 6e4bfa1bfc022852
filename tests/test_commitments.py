"""Commitments: forward-looking obligations, their due dates and actors."""
import pytest

from tests.textdoc import records_of

MINUTES = """MUISTIO

Nuorisotyön ohjausryhmän kokous

Aika: maanantai 3.9.2007 klo 13–15
Paikka: Vihdin kunnantalo

1. Kokouksen avaus

Puheenjohtaja avasi kokouksen.

2. Toimintasuunnitelma

Toimintasuunnitelman luonnos lähetetään jäsenille kommentoitavaksi 15.9.2007 mennessä.
Seuraavaan kokoukseen valmistellaan talousarvioesitys.
Nuorisotilojen aukioloajoista keskustellaan syksyn 2007 aikana.
Kuntien nuorisotoimet kuvaavat nykytilanteen lokakuussa 2007.

3. Seuraava kokous

Seuraava kokous pidetään tiistaina 2.10.2007 klo 13. Kokouspaikka on Lohja.
"""


@pytest.mark.parametrize("fragment,due", [
    ("lähetetään jäsenille", "2007-09-15"),
    ("valmistellaan talousarvioesitys", "2007-10-02"),
    ("keskustellaan syksyn 2007", "2007-09-01"),
])
def test_finnish_commitments_and_due_dates(fragment, due):
    records = records_of(MINUTES)
    hits = [c for c in records.commitments if fragment in c.text]
    assert hits, [c.text for c in records.commitments]
    assert (hits[0].due or "").startswith(due)


def test_statement_of_fact_is_not_a_commitment():
    records = records_of(MINUTES)
    assert not [c for c in records.commitments if "avasi kokouksen" in c.text]


def test_pledged_municipalities_become_actors_in_base_form():
    text = """TIEDOTE 5.2.2010

Verkostoon sitoutuneet kunnat ovat Lohja, Vihti, Karkkila ja Siuntio.
"""
    records = records_of(text)
    [c] = records.commitments
    assert c.actors == ["Lohja", "Vihti", "Karkkila", "Siuntio"]


def test_action_list_items_are_commitments():
    text = """Työpajan yhteenveto 12.4.2010

Jatkotoimenpiteet:

- Esitteen päivittäminen
- Kyselyn lähettäminen kouluille
"""
    records = records_of(text)
    texts = [c.text for c in records.commitments]
    assert any("Esitteen" in t for t in texts) and any("Kyselyn" in t for t in texts)


@pytest.mark.parametrize("text,fragment", [
    ("MINUTES\n\nDate: 3 May 2012\n\nActions:\n\n- Maria will send the survey to members by 20 May 2012.\n", "send the survey"),
    ("PROTOKOLL\n\nTid: 3.5.2012\n\nSekreteraren ska skicka enkäten till medlemmarna senast 20.5.2012.\n", "skicka enkäten"),
])
def test_swedish_and_english_commitments(text, fragment):
    records = records_of(text)
    hits = [c for c in records.commitments if fragment in c.text]
    assert hits and hits[0].due == "2012-05-20"


def test_action_table_rows_take_owner_and_due_from_their_columns():
    text = """MUISTIO 4.2.2011

Toimenpide\tVastuu\tAikataulu
Kyselyn laatiminen kouluille\tLohja ja Vihti\t15.3.2011
Koulutuspäivän järjestäminen\tMaija Koski\ttoukokuussa 2011
"""
    commitments = records_of(text).commitments
    assert [(c.text, c.actors, c.due[:10]) for c in commitments] == [
        ("Kyselyn laatiminen kouluille", ["Lohja", "Vihti"], "2011-03-15"),
        ("Koulutuspäivän järjestäminen", ["Maija Koski"], "2011-05-01")]


def test_the_deadline_word_chooses_the_due_date():
    text = "MUISTIO 1.3.2012\n\nTalkoot pidetään 16.5.2012, ja ilmoittautumiset kerätään huhtikuun loppuun mennessä.\n"
    [c] = records_of(text).commitments
    assert c.due.endswith("2012-04-30")


def test_a_listed_person_acting_in_the_present_tense_is_a_commitment():
    text = """PÖYTÄKIRJA

Aika: 3.3.2014
Läsnä: Hanna Lehto (pj.), Mikko Saari, Outi Laine (siht.)

1. Kevätretki

Mikko selvittää bussiyhtiöiden hinnat. Retkestä keskusteltiin vilkkaasti.
"""
    records = records_of(text)
    hits = [c for c in records.commitments if "selvittää" in c.text]
    assert hits and hits[0].actors == ["Mikko Saari"]
    assert not [c for c in records.commitments if "keskusteltiin" in c.text]


def test_postponed_matter_is_a_decision_not_a_commitment():
    text = "PÖYTÄKIRJA\n\nAika: 3.3.2014\n\nAsian käsittely siirrettiin seuraavaan kokoukseen.\n"
    records = records_of(text)
    assert records.decisions and not records.commitments
