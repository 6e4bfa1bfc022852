"""Normalised people, places and organisations; the municipality gazetteer."""
import csv

import pytest

from extractors.records import normalise
from extractors.records.normalise import (GAZETTEER, canonical_municipality, find_municipalities, inflect,
                                          municipality, normalise_organisation, normalise_person,
                                          normalise_place)

# Inflected forms as written in minutes: every case, consonant gradation, compounds whose last
# element has its own stem, -nen names in the plural, long vowels, Swedish-named municipalities.
INFLECTED = [
    ("Järvenpäässä", "Järvenpää"), ("Järvenpäähän", "Järvenpää"), ("Keravan", "Kerava"),
    ("Keravalla", "Kerava"), ("Pieksämäellä", "Pieksämäki"), ("Lohjalla", "Lohja"),
    ("Vihdissä", "Vihti"), ("Vihtiin", "Vihti"), ("Kirkkonummella", "Kirkkonummi"),
    ("Helsingissä", "Helsinki"), ("Helsinkiin", "Helsinki"), ("Raaseporissa", "Raasepori"),
    ("Lahdessa", "Lahti"), ("Lahteen", "Lahti"), ("Kotkassa", "Kotka"),
    ("Hämeenlinnassa", "Hämeenlinna"), ("Kauniaisissa", "Kauniainen"), ("Kauniaisten", "Kauniainen"),
    ("Seinäjoella", "Seinäjoki"), ("Turussa", "Turku"), ("Hangossa", "Hanko"), ("Liedossa", "Lieto"),
    ("Hailuodossa", "Hailuoto"), ("Tampereella", "Tampere"), ("Raahessa", "Raahe"),
    ("Uudessakaupungissa", "Uusikaupunki"), ("Uudenkaupungin", "Uusikaupunki"),
    ("Lappeenrannassa", "Lappeenranta"), ("Outokummussa", "Outokumpu"), ("Leppävirralla", "Leppävirta"),
    ("Haukiputaalla", "Haukipudas"), ("Pyhäselällä", "Pyhäselkä"), ("Haapavedellä", "Haapavesi"),
    ("Rautalammilla", "Rautalampi"), ("Kannuksessa", "Kannus"), ("Alavudella", "Alavus"),
    ("Paraisilla", "Parainen"), ("Kaustisella", "Kaustinen"), ("Virroilla", "Virrat"),
    ("Espoosta", "Espoo"), ("Vantaalle", "Vantaa"), ("Porvooseen", "Porvoo"), ("Iissä", "Ii"),
    ("Saltvikissa", "Saltvik"), ("Mänttä-Vilppulassa", "Mänttä-Vilppula"), ("Lopella", "Loppi"),
    ("Iitissä", "Iitti"), ("Sammatissa", "Sammatti"), ("Limingassa", "Liminka"),
    ("Kurikassa", "Kurikka"), ("Pyhännällä", "Pyhäntä"), ("Rovaniemellä", "Rovaniemi"),
    ("Nurmijärvellä", "Nurmijärvi"), ("Tuusulassa", "Tuusula"), ("Mäntsälään", "Mäntsälä"),
    ("Siuntiossa", "Siuntio"), ("Hyvinkäälle", "Hyvinkää"), ("Karjaalla", "Karjaa"),
    ("Tammisaaressa", "Tammisaari"), ("Jyväskylän maalaiskunnassa", "Jyväskylän maalaiskunta"),
    # clitics: not generated, resolved by the Voikko fallback
    ("Helsingissäkin", "Helsinki"), ("Tampereellakin", "Tampere"),
]

SWEDISH = [
    ("Helsingfors", "Helsinki"), ("Esbo", "Espoo"), ("Esbos", "Espoo"), ("Vanda", "Vantaa"),
    ("Kyrkslätt", "Kirkkonummi"), ("Sjundeå", "Siuntio"), ("Lojo", "Lohja"), ("Vichtis", "Vihti"),
    ("Tusby", "Tuusula"), ("Kervo", "Kerava"), ("Träskända", "Järvenpää"), ("Hyvinge", "Hyvinkää"),
    ("Raseborg", "Raasepori"), ("Karislojo", "Karjalohja"), ("Karis", "Karjaa"), ("Ekenäs", "Tammisaari"),
    ("Åbo", "Turku"), ("Tammerfors", "Tampere"), ("Grankulla", "Kauniainen"), ("Mariehamn", "Maarianhamina"),
]


@pytest.mark.parametrize("form,name", INFLECTED)
def test_inflected_municipality(form, name):
    assert canonical_municipality(form) == name
    assert normalise_place(form) == name


@pytest.mark.parametrize("form,name", SWEDISH)
def test_swedish_names_map_to_the_finnish_canonical(form, name):
    assert canonical_municipality(form) == name


def test_municipality_as_a_body():
    assert canonical_municipality("Keravan kaupunki") == "Kerava"
    assert canonical_municipality("Sjundeå kommun") == "Siuntio"


@pytest.mark.parametrize("raw,expected", [
    ("Tukholmassa", "Tukholma"),  # not a municipality: lemmatised
    ("Keravan kasvatus- ja opetusvirasto", "Keravan kasvatus- ja opetusvirasto"),  # kept as written
    ("Xyzzylä", "Xyzzylä"),  # unknown word: kept
    ("  Järvenpää, ", "Järvenpää"),
])
def test_places_not_in_the_gazetteer(raw, expected):
    assert normalise_place(raw) == expected
    assert canonical_municipality("Tukholmassa") is None


def test_generator_does_not_need_the_lemmatiser(monkeypatch):
    """The generated reverse index alone settles the common forms (Voikko is only a fallback)."""
    monkeypatch.setattr(normalise, "_lemmas", lambda word: ())
    for form, name in INFLECTED[:-2]:
        assert canonical_municipality(form) == name, form


def test_inflect_gradation_and_harmony():
    assert {"vihdissä", "vihdin", "vihtiin"} <= inflect("Vihti")
    assert {"kirkkonummella", "kirkkonummen"} <= inflect("Kirkkonummi")
    assert "pieksämäellä" in inflect("Pieksämäki") and "pieksämäella" not in inflect("Pieksämäki")


def test_gazetteer_content():
    with GAZETTEER.open(encoding="utf-8") as f:
        rows = list(csv.DictReader((line for line in f if not line.startswith("#")), delimiter="\t"))
    current = [r for r in rows if not r["merged_into"]]
    assert len(current) == 309
    names = {r["name_fi"] for r in rows}
    assert len(names) == len(rows)
    for r in rows:  # every merger points at a municipality in the list
        assert not r["merged_into"] or r["merged_into"] in names, r
    karis = municipality("Karjaa")
    assert karis.name_sv == "Karis" and karis.merged_into == "Raasepori" and karis.merged_year == 2009
    assert municipality("Karjalohja").merged_into == "Lohja"
    assert municipality("Kerava").merged_into is None


@pytest.mark.parametrize("raw,expected", [
    ("Etholén – Rönnerberg", "Etholén-Rönnerberg"),
    ("Merja  Etholén – Rönnerberg", "Merja Etholén-Rönnerberg"),
    (" Leena Järvenkylä-Niemi. ", "Leena Järvenkylä-Niemi"),
    ("Antti H.", "Antti H."),
    ("KALLE Nieminen", "KALLE Nieminen"),  # case kept as written
    ("Anna-Liisa\tMäkelä", "Anna-Liisa Mäkelä"),
])
def test_normalise_person(raw, expected):
    assert normalise_person(raw) == expected


@pytest.mark.parametrize("raw,expected", [
    ("ARVO - hanke", "ARVO-hanke"),
    ("ARVO – hanke", "ARVO-hanke"),
    ("Keravan kaupunki", "Keravan kaupunki"),
    ("Karviainen (Vihti)", "Karviainen (Vihti)"),
    ("Sosiaali- ja terveysministeriö", "Sosiaali- ja terveysministeriö"),
    ("Lohjalla", "Lohja"),
    ("Esbo", "Espoo"),
    ("(Tuusula)", "Tuusula"),
    ("Kerava – Tuusula", "Kerava – Tuusula"),
])
def test_normalise_organisation(raw, expected):
    assert normalise_organisation(raw) == expected


def test_find_municipalities():
    text = ("Kokous pidettiin Keravalla ja Järvenpäässä. Simo Varjonen (Hyvinkää) ja Pekka Lahti "
            "saapuivat Jyväskylän maalaiskunnasta. Esbo och Vanda. Lapissa, II vaihe.")
    found = find_municipalities(text)
    assert [name for _, _, name in found] == [
        "Kerava", "Järvenpää", "Hyvinkää", "Jyväskylän maalaiskunta", "Espoo", "Vantaa"]
    for start, end, _ in found:
        assert text[start:end][0].isupper()
    assert text[found[0][0]:found[0][1]] == "Keravalla"


def test_find_municipalities_lists():
    text = "Sovitut kokouspäivät: 15.1.2009 (Tuusula), 4.3.2009 (Kirkkonummi) ja 11.3.2009 (Raasepori)."
    assert [n for _, _, n in find_municipalities(text)] == ["Tuusula", "Kirkkonummi", "Raasepori"]


def test_a_name_of_several_words_opens_with_a_span_head():
    # find_municipalities keys a span of two or three words only after a word _span_heads holds
    import re
    heads = normalise._span_heads()
    forms = [k for k in normalise._index() if re.search(r"\W", k)]
    assert len(forms) > 100
    several = 0
    for form in forms:
        written = " ".join(w.title() for w in form.split(" ")).replace("-", " - ")
        words = normalise.WORD.findall(written)
        several += len(words) > 1
        assert len(words) == 1 or words[0].casefold() in heads, form
        spans = [(s, e) for s, e, _ in find_municipalities(f"Kokous {written} tänään")]
        if not normalise._entries()[normalise._index()[form]].ambiguous:
            assert (7, 7 + len(written)) in spans, form
    assert several > 100


def test_spaced_and_dashed_names_of_several_words():
    for text, name in [("Kokous Mänttä - Vilppulassa.", "Mänttä-Vilppula"), ("Möte i S:t Michels.", "Mikkeli"),
                       ("Jyväskylän maalaiskunnan edustaja", "Jyväskylän maalaiskunta")]:
        assert [n for _, _, n in find_municipalities(text)] == [name], text
