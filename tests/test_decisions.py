"""Decision cues per language, types, agenda items and the meeting date they carry."""
import pytest

from tests.textdoc import records_of

MINUTES_FI = """PÖYTÄKIRJA

Tekninen lautakunta

Aika: keskiviikko 4.3.2009 klo 17.00–19.30
Paikka: Lohjan kaupungintalo, valtuustosali

§ 1 Kokouksen avaus

Puheenjohtaja avasi kokouksen.

§ 2 Pöytäkirjan tarkastajien valinta

Pöytäkirjan tarkastajiksi valittiin Pekka Laine ja Riitta Saari.

§ 3 Talousarvio

Lautakunta hyväksyi esityksen. Talousarvioesitys hyväksyttiin muutoksitta.

§ 4 Katusuunnitelma

Asian käsittely päätettiin siirtää seuraavaan kokoukseen.

§ 5 Muut asiat

Todettiin, että kevään katselmukset tehdään huhtikuussa 2009. Sovittiin, että seuraava kokous pidetään 1.4.2009.
Keskusteltiin hankkeen aikataulusta.
"""


@pytest.mark.parametrize("fragment,kind,item", [
    ("tarkastajiksi valittiin", "elected", "2"),
    ("hyväksyttiin muutoksitta", "approved", "3"),
    ("päätettiin siirtää", "postponed", "4"),
    ("Todettiin, että", "noted", "5"),
    ("Sovittiin, että", "agreed", "5"),
])
def test_finnish_decisions_with_type_and_agenda_item(fragment, kind, item):
    records = records_of(MINUTES_FI)
    hits = [d for d in records.decisions if fragment in d.text]
    assert hits, [d.text for d in records.decisions]
    assert hits[0].type == kind
    assert hits[0].item_number == item
    assert hits[0].date == "2009-03-04"
    assert hits[0].evidence.quote == hits[0].text


def test_discussion_without_cue_is_not_a_decision():
    records = records_of(MINUTES_FI)
    assert not [d for d in records.decisions if "Keskusteltiin" in d.text]
    assert not [d for d in records.decisions if "avasi kokouksen" in d.text]


PROTOKOLL_SV = """PROTOKOLL

Styrelsemöte för Föreningen Kustbygd rf

Tid: 12.10.2010 kl. 18.00
Plats: Föreningshuset, Ekenäs

1. Mötets öppnande

Ordföranden öppnade mötet.

2. Budget

Styrelsen beslutade att godkänna budgeten för år 2011. Verksamhetsplanen godkändes.

3. Val av kassör

Till kassör valdes Anna Lindqvist.
"""

MINUTES_EN = """MINUTES

Board meeting of the Riverside Allotment Association

Date: 14 March 2011, 6 pm
Venue: Community hall

1. Budget

The board approved the budget for 2011. It was agreed that the fence repair is postponed to May.

2. Elections

Tom Baker was elected treasurer.
"""


@pytest.mark.parametrize("text,fragment,kind", [
    (PROTOKOLL_SV, "beslutade att godkänna", "approved"),
    (PROTOKOLL_SV, "Verksamhetsplanen", "approved"),
    (PROTOKOLL_SV, "valdes", "elected"),
    (MINUTES_EN, "approved the budget", "approved"),
    (MINUTES_EN, "was elected", "elected"),
])
def test_swedish_and_english_decisions(text, fragment, kind):
    records = records_of(text)
    hits = [d for d in records.decisions if fragment in d.text]
    assert hits, [d.text for d in records.decisions]
    assert hits[0].type == kind


def test_bulletin_decision_carries_the_date_of_the_meeting_that_made_it():
    text = """TIEDOTE 20.5.2010

Sivistyslautakunta on 12.5.2010 kokouksessaan käsitellyt koulujen lakkautukset.

Lautakunta päätti jatkaa kyläkoulujen toimintaa vuoden 2011 loppuun.
"""
    records = records_of(text)
    assert records.document.kind == "bulletin"
    [d] = [d for d in records.decisions if "päätti" in d.text]
    assert d.date == "2010-05-12"


PYKALAT = """PÖYTÄKIRJA

Sosiaalilautakunta
Aika: 11.2.2003 klo 18.00

1. Kokouksen avaus

Puheenjohtaja avasi kokouksen klo 18.02.

2. Vanhuspalvelujen maksut

Päätös:
Lautakunta hyväksyi maksut esityksen mukaisesti.

3. Kotihoidon järjestäminen

Asia jätettiin Liisa Ahon esityksestä pöydälle.

4. Kesäleiri

Lautakunta sopi seuraavaa:
- Nuorisotoimi järjestää leirin kesäkuussa 2003.
- Leirin kustannukset jaetaan kuntien kesken.

5. Tavoitteet

Tavoitteiksi päätettiin seuraavat asiat:
- Kotihoidon kehittäminen
- Omaishoidon tuen selkeyttäminen

6. Muut asiat

Palkkioista päätetään seuraavassa kokouksessa.
Puheenjohtaja päätti kokouksen klo 19.40.
"""


def texts(records):
    return [d.text for d in records.decisions]


def test_the_paragraph_after_a_bare_decision_label_is_the_decision():
    decisions = records_of(PYKALAT).decisions
    assert any(d.text.startswith("Lautakunta hyväksyi maksut") and d.item_number == "2" for d in decisions)
    assert not any(d.text.strip() == "Päätös:" for d in decisions)


def test_a_cue_with_words_in_between():
    [d] = [d for d in records_of(PYKALAT).decisions if "pöydälle" in d.text]
    assert d.type == "postponed"


def test_clauses_under_a_decision_frame_are_decisions_but_a_list_of_goals_is_not():
    records = records_of(PYKALAT)
    found = texts(records)
    assert any("kustannukset jaetaan" in t for t in found)
    assert not any(t == "Kotihoidon kehittäminen" for t in found)
    # an item where a body undertakes a task puts its weight on the commitment
    assert not any("Nuorisotoimi järjestää leirin" in t for t in found)
    assert any("Nuorisotoimi järjestää leirin" in c.text and c.actors == ["Nuorisotoimi"]
               for c in records.commitments)


def test_closing_the_meeting_and_matters_still_to_decide_are_not_decisions():
    found = texts(records_of(PYKALAT))
    assert not any("päätti kokouksen" in t for t in found)
    assert not any("päätetään seuraavassa" in t for t in found)


@pytest.mark.parametrize("text,fragment,kind", [
    ("TIEDOTE 15.8.2011\n\nSyksyn koulutuskalenteri\n\nAjankohtaispäivä on siirretty torstaille 6.10.2011, "
     "koska puhuja on estynyt.\n", "on siirretty", "postponed"),
    ("TIEDOTE 15.8.2011\n\nSyksyn koulutuskalenteri\n\nVerkoston kokouksen ajankohdaksi on päätetty 5.10.2011.\n",
     "on päätetty", "decided"),
    ("MUISTIO\n\nAika: 2.3.2011\n\nHuhtikuulle sovittu kokous (13.4.) jää pois koulutuspäivän vuoksi.\n",
     "jää pois", "cancelled"),
    ("MUISTIO\n\nAika: 2.3.2011\n\nAiemmin sovittu kokous 8.5.2011 siirtyy maanantaille 12.5.2011.\n",
     "siirtyy", "postponed"),
    ("MEDDELANDE 15.8.2011\n\nNätverkets möte för familjearbetare i kommunerna har flyttats till den 5 oktober 2011 "
     "på grund av budgetarbetet.\n", "har flyttats", "postponed"),
    ("MEDDELANDE 15.8.2011\n\nDet har beslutats att utbildningen för personalen i kommunerna är avgiftsfri "
     "under hösten.\n", "har beslutats", "decided"),
    ("NEWSLETTER 15 August 2011\n\nThe partner meeting in Tallinn has been rescheduled to 5 October 2011.\n",
     "rescheduled", "postponed"),
])
def test_passive_perfect_states_a_decision(text, fragment, kind):
    hits = [d for d in records_of(text).decisions if fragment in d.text]
    assert hits and hits[0].type == kind, [(d.text, d.type) for d in records_of(text).decisions]


@pytest.mark.parametrize("text", [
    "YHTEENVETO\n\nSeminaari 2.3.2011\n\nTutkija Anna Lehto esitteli selvitystään: ilmoituksia tehdään, "
    "mutta ne kirjataan harvoin.\n",
    "SAMMANFATTNING\n\nSeminariet 2.3.2011\n\nForskaren Anna Lehto presenterade sin studie om hur barnen "
    "hörs i barnskyddet: enligt studien antecknades barnens åsikter sällan.\n",
    "SUMMARY\n\nSeminar 2 March 2011\n\nDr Anna Lehto presented her study: children's views were noted "
    "only in a few case files.\n",
])
def test_what_a_speaker_presented_is_not_a_decision(text):
    assert not records_of(text).decisions


def test_a_cue_before_the_reported_speech_is_still_a_decision():
    text = "MUISTIO\n\nAika: 2.3.2011\n\nTodettiin, että Anna Lehto esitteli selvityksen hallitukselle.\n"
    assert records_of(text).decisions


def test_a_decision_column_states_decisions_and_task_cells_do_not():
    text = """PROTOKOLL 3.5.2011

Arbetsgruppen för barnskydd och familjearbete i kommunen

Ärende\tBeslut
Föräldragrupper\tTvå nya grupper startas i höst för familjer med små barn.
Budget\t–
"""
    found = [d.text for d in records_of(text).decisions]
    assert any("Två nya grupper" in t for t in found)
    assert not any(t in ("–", "Budget") for t in found)
    text = "MUISTIO 3.5.2011\n\nAsia\tVastuu\tAikataulu\nKäyntiajat sovittu\tohjausryhmän jäsenet\tmaaliskuu 2011\n"
    records = records_of(text)
    assert not records.decisions
    assert [c.actors for c in records.commitments] == [["ohjausryhmän jäsenet"]]


def test_an_e_mail_subject_line_decides_nothing():
    text = """Lähettäjä: Kokko Maija
Lähetetty: 2. maaliskuuta 2011 10:41
Aihe: VS: Verkoston kokous 16.3. siirtyy

Hei,

verkoston kokous siirretään keskiviikolle 23.3.2011.
"""
    found = [d.text for d in records_of(text).decisions]
    assert found and not any(t.startswith("Aihe") for t in found)


@pytest.mark.parametrize("text,fragment", [
    ("MUISTIO 5.10.2006\n\nKävimme läpi esitteen luonnoksen ja hyväksyimme sen pienin muutoksin.\n", "hyväksyimme"),
    ("MUISTIO 5.10.2006\n\nSovimme, että kevään tapaamiset pidetään Nummelassa.\n", "Sovimme"),
    ("MUISTIO 5.10.2006\n\nTotesimme, että marraskuun kokous jää pitämättä.\n", "Totesimme"),
    ("MINNESANTECKNINGAR 5.10.2006\n\nArbetsgruppen konstaterade att broschyren är klar.\n", "konstaterade"),
    ("MINNESANTECKNINGAR 5.10.2006\n\nVi kom överens om att träffas varannan månad.\n", "kom överens"),
    ("MINNESANTECKNINGAR 5.10.2006\n\nStyrgruppen har valt Anna Ek till ordförande.\n", "har valt"),
    ("NOTES 5 October 2006\n\nWe agreed to meet every two months.\n", "We agreed"),
    ("PÖYTÄKIRJA 5.10.2006\n\nLautakunta asetti työryhmän valmistelemaan palveluverkkoa.\n", "asetti"),
])
def test_first_person_plural_and_appointing_a_group_are_decisions(text, fragment):
    assert [d.text for d in records_of(text).decisions if fragment in d.text]


@pytest.mark.parametrize("text", [
    "KALLELSE 5.10.2011\n\nFörslag: Anna Ek väljs till sekreterare.\n",
    "PÖYTÄKIRJA 5.10.2011\n\nJäsen Olli Mäki ehdotti, että työryhmään nimetään myös koulun edustaja.\n",
    "MINUTES 5 October 2011\n\nProposal: the board approves the budget.\n",
    "MUISTIO 5.10.2011\n\nOhjausryhmän päätettäväksi\n\n- Esitetään, että seminaari pidetään Lohjalla\n",
])
def test_a_proposal_is_neither_a_decision_nor_a_commitment(text):
    records = records_of(text)
    assert not records.decisions and not records.commitments


def test_a_proposal_that_was_approved_is_a_decision():
    text = "PÖYTÄKIRJA 5.10.2011\n\nEhdotus hyväksyttiin yksimielisesti.\n"
    assert [d.text for d in records_of(text).decisions] == ["Ehdotus hyväksyttiin yksimielisesti."]


@pytest.mark.parametrize("heading,items", [
    ("Kokouksessa päätettiin", ["Kevätseminaari pidetään Lohjalla.", "Esite painetaan uudelleen."]),
    ("Yhteiset sopimukset", ["Verkosto kokoontuu jatkossa kuusi kertaa vuodessa."]),
])
def test_items_under_a_heading_that_frames_decisions_are_the_decisions(heading, items):
    text = "# ARVO-verkosto 5.10.2011\n\n## " + heading + "\n\n" + "".join(f"- {i}\n" for i in items)
    records = records_of(text.replace("\n\n- ", "\n- ").replace(":\n", "\n"))
    assert [d.text for d in records.decisions] == items


def test_an_item_naming_who_is_responsible_under_agreements_is_a_task():
    text = "# ARVO-verkosto 5.10.2011\n\n## Yhteiset sopimukset\n\n- Yhteinen lomake valmistellaan – vastuu Lohjan neuvola\n"
    records = records_of(text)
    assert not records.decisions
    assert [c.actors for c in records.commitments] == [["Lohjan neuvola"]]


def test_a_place_date_and_time_line_is_an_event_not_a_task():
    text = "INFORMATIONSMÖTE\n\nLojo stadshus, tisdag 6 november 2012 kl. 14–16\n"
    assert not records_of(text).commitments
