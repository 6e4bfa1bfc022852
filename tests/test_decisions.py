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
