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


# -- action tables in many layouts --------------------------------------------------------------

MINUTES_TABLE = """MUISTIO 4.2.2011

§\tAsia\tKäsittely ja päätös\tVastuu\tAikataulu
1\tAvaus\tPuheenjohtaja avasi kokouksen.\t–\t–
2\tAsiakaskysely\tSovittiin kyselyn tekemisestä kouluille.\tMaija Koski laatii kyselyn\t15.3.2011 mennessä

3\tKoulutus\tKeskusteltiin koulutuksesta.\tPerhetyön tiimi selvittää kouluttajan ja hinnan\tviikko 12
4\tMuut asiat\tEi muita asioita.\t-\tn/a
"""


def test_an_owner_cell_holding_a_clause_is_the_task_and_its_subject_the_actor():
    commitments = records_of(MINUTES_TABLE).commitments
    got = [(c.text, c.actors, (c.due or "")[:10]) for c in commitments]
    assert ("Maija Koski laatii kyselyn", ["Maija Koski"], "2011-03-15") in got
    # the second block continues the table after a page break: same columns, no header of its own
    assert ("Perhetyön tiimi selvittää kouluttajan ja hinnan", ["Perhetyön tiimi"], "2011-03-21") in got


def test_rows_whose_owner_is_a_dash_or_na_assign_nothing():
    commitments = records_of(MINUTES_TABLE).commitments
    assert not [c for c in commitments if "–" in c.actors or "-" in c.actors or "n/a" in c.actors]
    assert not [c for c in commitments if c.text in ("Avaus", "Muut asiat", "Ei muita asioita.")]
    assert len(commitments) == 2


@pytest.mark.parametrize("text,task,actors,due", [
    ("MINUTES 3 May 2011\n\nItem\tDecision\tOwner\tBy when\n"
     "Website\tA shared website is set up for the network.\tJane Hill and Tom Berg\t30 June 2011\n"
     "Budget\tNo changes.\tn/a\t\n",
     "A shared website is set up for the network.", ["Jane Hill", "Tom Berg"], "2011-06-30"),
    ("PROTOKOLL 3.5.2011\n\nArbetsgruppen för barnskydd och familjearbete i kommunen\n\n"
     "Ärende\tBeslut\tAnsvarig\tTidtabell\n"
     "Föräldragrupper\tTvå nya grupper startas i höst.\tsocialarbetare Karin Ek\t1.9.2011\n"
     "Övrigt\tInga övriga ärenden.\t–\t–\n",
     "Två nya grupper startas i höst.", ["Karin Ek"], "2011-09-01"),
    ("MUISTIO 3.5.2011\n\nVaihe\tAjankohta\tVastuu\n"
     "Kyselyn analyysi\t15.9.2011 mennessä\tARVO-hanke ja Vihdin kunta\n",
     "Kyselyn analyysi", ["ARVO-hanke", "Vihdin kunta"], "2011-09-15"),
])
def test_owner_names_give_actors_and_the_decision_or_action_cell_the_task(text, task, actors, due):
    commitments = records_of(text).commitments
    assert [(c.text, c.actors, c.due) for c in commitments] == [(task, actors, due)]


def test_an_agenda_table_with_a_presenter_column_assigns_no_tasks():
    text = "AGENDA\n\nBoard meeting 3 May 2011\n\nItem\tLead\n" \
           "Minutes of the previous meeting\tChair\nFinance report for the first quarter\tTreasurer\n"
    assert not records_of(text).commitments


def test_a_due_cell_alone_is_not_a_task():
    text = "MUISTIO 3.5.2011\n\nVaihe\tAjankohta\tKuka\n\nJäsenten nimeäminen\n\n15.9.2011 mennessä\n"
    assert not [c for c in records_of(text).commitments if c.text == "15.9.2011 mennessä"]


# -- task clauses: a person or body acting in the present tense with a time ahead ---------------

@pytest.mark.parametrize("text,fragment,actors,due", [
    ("MUISTIO\n\nAika: 2.3.2011\n\nMaija Korhonen toimittaa raportin hallitukselle 12.5.2011.\n",
     "toimittaa raportin", ["Maija Korhonen"], "2011-05-12"),
    ("MUISTIO\n\nAika: 2.3.2011\n\nKunnat palauttavat täytetyt lomakkeet viikolla 14.\n",
     "palauttavat täytetyt", ["Kunnat"], "2011-04-04"),
    ("MUISTIO\n\nAika: 2.3.2011\n\nSovittiin, että projektiryhmä kokoaa palautteet ennen seuraavaa kokousta 6.4.2011.\n",
     "kokoaa palautteet", ["projektiryhmä"], "2011-04-06"),
    ("MINNESANTECKNINGAR\n\nTid: 2.3.2011\n\nJohan Berg sammanställer svaren från kommunerna före den 20 maj 2011.\n",
     "sammanställer svaren", ["Johan Berg"], "2011-05-20"),
    ("MINNESANTECKNINGAR\n\nTid: 2.3.2011\n\nKommunerna skickar in uppgifterna om antalet deltagare i "
     "grupperna till nätverket före 1.6.2011.\n",
     "skickar in", ["Kommunerna"], "2011-06-01"),
    ("PROTOKOLL\n\nTid: 2.3.2011\n\nLena Holm för frågan till styrelsens möte den 14 april 2011.\n",
     "för frågan", ["Lena Holm"], "2011-04-14"),
    ("NOTES\n\nDate: 2 March 2011\n\nAnna Smith sends the invitations to the partners on 3 June 2011.\n",
     "sends the invitations", ["Anna Smith"], "2011-06-03"),
])
def test_a_present_tense_task_with_a_time_ahead_is_a_commitment(text, fragment, actors, due):
    hits = [c for c in records_of(text).commitments if fragment in c.text]
    assert hits, [c.text for c in records_of(text).commitments]
    assert hits[0].actors == actors and (hits[0].due or "").startswith(due)


def test_a_first_person_undertaking_is_due_at_the_next_meeting():
    text = """Lähettäjä: Kokko Maija
Lähetetty: 2. maaliskuuta 2011 10:41
Aihe: Verkoston kokous

Hei,

perhetyön verkoston kokous 9.3. siirretään keskiviikolle 16.3.2011 Lohjalla.

Kokoan vastaukset yhteen ja lähetän ne teille ennen kokousta.

-----Alkuperäinen viesti-----
Lähettäjä: Lindroos Kari
Lähetetty: 1. maaliskuuta 2011 15:02

en pääse 9.3. verkoston kokoukseen, koska meillä on 14.3.2011 perusturvalautakunnan kokous.
"""
    hits = [c for c in records_of(text).commitments if "Kokoan vastaukset" in c.text]
    assert hits and hits[0].due == "2011-03-16"


def test_a_deadline_cell_saying_before_the_next_meeting_is_due_at_that_meeting():
    text = """MINUTES 6.4.2006

Action\tResponsible\tDeadline
Send the revised budget\tTom Berg\t28/04/2006
Propose two dates for the seminar\tAll partners\tbefore the next meeting

The next partner meeting will take place in Uppsala on 21 September 2006.
"""
    dues = {c.text: (c.due, c.due_raw) for c in records_of(text).commitments}
    assert dues["Propose two dates for the seminar"] == ("2006-09-21", "before the next meeting")


@pytest.mark.parametrize("task,words", [
    ("Tarja ja Outi muokkaavat lomaketta ennen seuraavaa tapaamista.", "ennen seuraavaa tapaamista"),
    ("Sihteeri kokoaa vastaukset ennen seuraavaa johtoryhmän kokousta.", "ennen seuraavaa johtoryhmän kokousta"),
    ("Jari valmistelee esityksen seuraavaan johtoryhmäkokoukseen.", "seuraavaan johtoryhmäkokoukseen"),
])
def test_the_next_meeting_named_in_other_words_is_the_due_date(task, words):
    text = f"MUISTIO\n\nKokous 5.10.2006 Mäntsälässä.\n\n{task}\n\nSeuraava kokous pidetään torstaina 11.1.2007.\n"
    hits = [c for c in records_of(text).commitments if c.text == task]
    assert hits and (hits[0].due, hits[0].due_raw) == ("2007-01-11", words)


@pytest.mark.parametrize("text,task,due,words", [
    # an invitation: 'the meeting' is the one it convenes, a week before it
    ("KALLELSE\n\nNätverksmöte 1/2011\n\nTid: torsdag 17.2.2011 kl. 12.30\nPlats: Lojo\n\n"
     "Bilagorna skickas per e-post senast en vecka före mötet.\n\nLojo den 3 februari 2011\n",
     "Bilagorna skickas", "2011-02-10", "en vecka före mötet"),
    ("AGENDA\n\nSteering group meeting\n\nTime: Tuesday 14 March 2006 at 10.00\nPlace: Lohja town hall\n\n"
     "Papers will be sent one week before the meeting.\n", "Papers will be sent", "2006-03-07", "one week before the meeting"),
    # minutes of a meeting held: 'the meeting' is the next one
    ("MUISTIO\n\nKokous 5.10.2006 Mäntsälässä.\n\nMateriaali lähetetään jäsenille viikkoa ennen kokousta.\n\n"
     "Seuraava kokous pidetään torstaina 11.1.2007.\n", "Materiaali lähetetään", "2007-01-04", "viikkoa ennen kokousta"),
    ("MUISTIO\n\nKokous 5.10.2006 Mäntsälässä.\n\nSihteeri lähettää esityslistan 2 päivää ennen seuraavaa kokousta.\n\n"
     "Seuraava kokous pidetään torstaina 11.1.2007.\n", "Sihteeri lähettää", "2007-01-09", "2 päivää ennen seuraavaa kokousta"),
])
def test_a_lead_time_before_a_meeting_is_taken_off_its_day(text, task, due, words):
    hits = [c for c in records_of(text).commitments if c.text.startswith(task)]
    assert hits and (hits[0].due, hits[0].due_raw) == (due, words)


@pytest.mark.parametrize("text", [
    "MUISTIO\n\nAika: 2.3.2011\n\nHanke toimii Lohjalla 1.4.2011 alkaen.\n",  # a state, not a task
    "MUISTIO\n\nAika: 2.3.2011\n\nPerhekeskus Karviainen tarjoaa avointa toimintaa lapsiperheille.\n",  # no time ahead
    "MUISTIO\n\nAika: 2.3.2011\n\nMarja Virtanen kertoi hankkeen tilanteesta 1.2.2011 pidetyssä seminaarissa.\n",
    "MUISTIO\n\nAika: 2.3.2011\n\nOhjausryhmä kokoontuu keväällä 2011 keskiviikkoisin.\n",  # a schedule: meetings
    "LÄGESRAPPORT 2.3.2011\n\nKommande möten\n\nNätverksdag för familjearbetare 21.4.2011 i Hangö\n",
    "PROTOKOLL\n\nTid: 2.3.2011\n\nArbetsgruppen beslöt att starta två föräldragrupper hösten 2011.\n",
    "KUTSU\n\nKirje 2.3.2011\n\nKutsumme teidät alueelliseen seminaariin maanantaina 11.4.2011 Lohjalle.\n",
])
def test_descriptions_schedules_and_decisions_are_not_tasks(text):
    assert not records_of(text).commitments


def test_the_actor_is_the_subject_not_the_recipient():
    text = ("LÄGESRAPPORT\n\nStyrgruppens möte 2.3.2011\n\n"
            "Anna Berg lämnar in ansökan till Länsstyrelsen senast 1.4.2011.\n")
    [c] = records_of(text).commitments
    assert c.actors == ["Anna Berg"]
    text = "MUISTIO\n\nAika: 2.3.2011\n\nLiisa Aho lähettää hakemuksen lääninhallitukselle 30.4.2011 mennessä.\n"
    [c] = records_of(text).commitments
    assert c.actors == ["Liisa Aho"]


def test_next_meeting_due_skips_a_meeting_the_minutes_drop():
    text = """MUISTIO

Nuorisotyön kuntatyöryhmä
Aika: keskiviikko 2.3.2011 klo 14

1. Nuorisotila

Pekka Salo selvittää aukioloajat ja kertoo asiasta seuraavassa kokouksessa.

2. Seuraava kokous

Seuraava kokous on ke 11.5.2011 klo 14. Huhtikuulle sovittu kokous (13.4.) jää pois.
"""
    [c] = [c for c in records_of(text).commitments if "Pekka Salo" in c.text]
    assert c.due == "2011-05-11" and c.actors == ["Pekka Salo"]


@pytest.mark.parametrize("text,fragment,actors", [
    ("MUISTIO\n\nAika: 2.3.2011\n\nPäätös: Koulutuspäivä pidetään 5.10.2011 Lohjalla. Vastuu: Pekka Salo.\n",
     "Koulutuspäivä pidetään", ["Pekka Salo"]),
    ("PROTOKOLL\n\nTid: 2.3.2011\n\nAnsökan om statsunderstöd för en gemensam utbildning ska lämnas till "
     "Länsstyrelsen senast 1.4.2011 (ansvarig: Eva Holm).\n",
     "ska lämnas", ["Eva Holm"]),
])
def test_an_owner_label_names_the_actors(text, fragment, actors):
    commitments = records_of(text).commitments
    hits = [c for c in commitments if fragment in c.text]
    assert hits and hits[0].actors == actors
    assert not [c for c in commitments if c.text.startswith(("Vastuu", "ansvarig"))]


@pytest.mark.parametrize("sentence", [
    "Hallitus päätti, että toimiston aukioloa pidennetään 1.4.2011 alkaen.",
    "Sovittiin, että kyselyt lähetetään kouluille syyskuussa 2011.",
])
def test_a_decision_to_do_something_on_a_date_stays_a_decision(sentence):
    records = records_of(f"PÖYTÄKIRJA\n\nAika: 2.3.2011\n\n{sentence}\n")
    assert records.decisions and not records.commitments


@pytest.mark.parametrize("sentence", [
    "Sovittiin, että Liisa Aho lähettää kyselyt kouluille 15.9.2011 mennessä.",
    "Todettiin, että kyselyn tuloksista keskustellaan tarkemmin syksyn 2011 aikana.",
])
def test_an_agreed_task_with_an_actor_or_deadline_or_a_noted_plan_is_a_commitment(sentence):
    assert records_of(f"PÖYTÄKIRJA\n\nAika: 2.3.2011\n\n{sentence}\n").commitments


def test_without_an_owner_column_the_task_names_its_own_actor():
    text = "MUISTIO 2.3.2011\n\nTehtävä\tAikataulu\nLiisa Aho kokoaa palautteet yhteen\t15.5.2011\n"
    [c] = records_of(text).commitments
    assert (c.text, c.actors, c.due) == ("Liisa Aho kokoaa palautteet yhteen", ["Liisa Aho"], "2011-05-15")


def test_items_under_a_task_heading_that_say_what_is_done_are_commitments():
    text = """# Kuntatyöryhmän muistio 2.3.2011

## Tehtävät ennen seuraavaa tapaamista

- Kunnat lähettävät kyselyn vastaukset hankkeelle
- Seuraava yhteinen tapaaminen ke 6.4.2011 klo 9–12 Lohjalla
"""
    texts = [c.text for c in records_of(text).commitments]
    assert any("Kunnat lähettävät" in t for t in texts)
    assert not any(t.startswith("Seuraava yhteinen tapaaminen") for t in texts)


@pytest.mark.parametrize("text", [
    "MINUTES\n\nDate: 2 March 2011\n\nMembers discussed whether the network should apply in the autumn 2011 round.\n",
    "PÖYTÄKIRJA\n\nAika: 2.3.2011\n\nKeskusteltiin, pitäisikö hakemus jättää syksyllä 2011.\n",
    "PROTOKOLL\n\nTid: 2.3.2011\n\nStyrelsen diskuterade om föreningen ska ansöka om bidrag hösten 2011.\n",
])
def test_an_open_question_is_not_an_obligation(text):
    assert not records_of(text).commitments


@pytest.mark.parametrize("text,tasks,actors", [
    ("MUISTIO 12.3.2012\n\nAsia\tKeskustelu\tSovitut toimenpiteet\tVastuu\tAikataulu\n"
     "Kesäleiri\tLeirin hinta on noussut. Keskusteltiin kuljetuksista.\tLeirin esite päivitetään.\tAnna Ek\t30.4.2012\n"
     "Kysely\tKyselyn aikataulua pohdittiin.\tKyselyn ajankohta päätettiin siirtää syksyyn. Kyselylomake lähetetään kouluille.\tOlli Mäki\tkesäkuu 2012\n",
     ["Leirin esite päivitetään.", "Kyselylomake lähetetään kouluille."], [["Anna Ek"], ["Olli Mäki"]]),
    ("MINNESANTECKNINGAR 12.3.2012\n\nÄrende\tDiskussion\tÖverenskommet\tAnsvarig\tNär\n"
     "Läger\tPriset har stigit.\tBroschyren uppdateras.\tAnna Ek\t30.4.2012\n",
     ["Broschyren uppdateras."], [["Anna Ek"]]),
    ("NOTES 12 March 2012\n\nTopic\tDiscussion\tActions agreed\tOwner\tWhen\n"
     "Camp\tPrices have risen and transport was discussed.\tUpdate the camp leaflet\tAnna Ek\t30 April 2012\n",
     ["Update the camp leaflet"], [["Anna Ek"]]),
])
def test_the_agreed_actions_column_is_the_task_not_the_discussion(text, tasks, actors):
    records = records_of(text)
    assert [c.text for c in records.commitments] == tasks
    assert [c.actors for c in records.commitments] == actors


def test_a_postponement_in_the_actions_cell_stays_a_decision():
    text = ("MUISTIO 12.3.2012\n\nAsia\tKeskustelu\tSovitut toimenpiteet\tVastuu\tAikataulu\n"
            "Kysely\tPohdittiin.\tKyselyn ajankohta päätettiin siirtää syksyyn. Kyselylomake lähetetään kouluille.\tOlli Mäki\tkesäkuu 2012\n")
    records = records_of(text)
    assert [d.text for d in records.decisions] == ["Kyselyn ajankohta päätettiin siirtää syksyyn."]
    assert [c.due for c in records.commitments] == ["2012-06-01/2012-06-30"]


@pytest.mark.parametrize("text,dues", [
    ("TOIMINTASUUNNITELMA 2013\n\nLaadittu 10.12.2012\n\nAjoitus\tToimenpide\tVastuutaho\n"
     "I neljännes\tKyselyn toteutus\tLohjan kunta\nQ2/2013\tRaportin laadinta\tARVO-hanke\n"
     "syyskuu 2013\tSeminaarin järjestäminen\tVihdin kunta\nIV neljännes\tLoppuraportin kirjoitus\tARVO-hanke\n",
     ["2013-01-01/2013-03-31", "2013-04-01/2013-06-30", "2013-09-01/2013-09-30", "2013-10-01/2013-12-31"]),
    ("PLAN 2013\n\nDrafted 10 December 2012\n\nTiming\tAction\tOwner\n"
     "first quarter\tRun the survey\tAnna Ek\nQ3 2013\tWrite the report\tOlli Mäki\nfourth quarter\tHold the seminar\tAnna Ek\n",
     ["2013-01-01/2013-03-31", "2013-07-01/2013-09-30", "2013-10-01/2013-12-31"]),
])
def test_a_timing_column_of_quarters_and_months_gives_dues_in_the_schedules_year(text, dues):
    assert [c.due for c in records_of(text).commitments] == dues


@pytest.mark.parametrize("subject,actors", [
    ("Keravan ja Tuusulan kuntatyöryhmät", ["Keravan ja Tuusulan kuntatyöryhmät"]),
    ("Lohjan ja Vihdin perheneuvolat ja ARVO-hanke", ["Lohjan ja Vihdin perheneuvolat", "ARVO-hanke"]),
    ("Sosiaalityöntekijä Anna Ek ja Olli Mäki", ["Anna Ek", "Olli Mäki"]),
    ("Hallinnoija Järvenpään kaupunki", ["Järvenpään kaupunki"]),
    ("Anna Ek (Lohja)", ["Anna Ek"]),
    ("Anna Ek (Lohja", ["Anna Ek"]),
    # look-alikes: two people, a double first name, two towns named whole
    ("Pekka ja Liisa Virtanen", ["Pekka", "Liisa Virtanen"]),
    ("Maija Liisa Ek", ["Maija Liisa Ek"]),
    ("Lohja ja Vihti", ["Lohja", "Vihti"]),
])
def test_subject_actors_keep_shared_heads_and_drop_titles_and_affiliations(subject, actors):
    from extractors.records.clauses import subject_actors
    assert subject_actors(subject, "fi") == actors


def test_a_municipality_genitive_before_a_noun_is_an_organisation():
    text = "MUISTIO 3.3.2008\n\nYhteinen lomake valmistellaan – vastuu Vihdin neuvola, valmis kesäkuussa 2008.\n"
    [c] = records_of(text).commitments
    assert c.actors == ["Vihdin neuvola"]


def test_a_preposition_that_ends_like_a_verb_does_not_make_the_words_before_it_the_actor():
    """'per' ends as present-tense verbs do (-er); the passive 'skickas' names no actor."""
    text = ("KALLELSE\n\nNätverksmöte 1/2011\n\nTid: torsdag 17.2.2011 kl. 12.30\nPlats: Lojo\n\n"
            "Bilagorna skickas per e-post senast en vecka före mötet.\n")
    [c] = [c for c in records_of(text).commitments if c.text.startswith("Bilagorna")]
    assert c.actors == []
