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
