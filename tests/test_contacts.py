"""Contacts: phone formats, which person a phone line belongs to, signatures away from the address."""
import re

import pytest

from tests.textdoc import records_of


def contacts(text: str) -> list[tuple[str | None, str | None, str | None]]:
    return [(c.name, c.email, c.phone) for c in records_of(text).contacts]


@pytest.mark.parametrize("phone", [
    "(09) 123 4567", "(019) 123 456", "(09) 4258 3301", "+358 (0)9 123 4567", "+46 (0)8 123 45 67",
    "+358 40 123 4567", "09-2719 2315",
])
@pytest.mark.parametrize("label", ["puh.", "p.", "tel.", "tfn", "telefon", "phone"])
def test_phone_formats_with_an_area_code_in_parentheses(phone, label):
    text = f"Lisätietoja:\n\nsuunnittelija Aino Aho, {label} {phone}, aino.aho@lohja.fi\n"
    [(name, email, found)] = contacts(text)
    assert (name, email, re.sub(r"\D", "", found or "")) == ("Aino Aho", "aino.aho@lohja.fi", re.sub(r"\D", "", phone))


@pytest.mark.parametrize("layout", [
    # one person a line, columns by tabs; the second person has no first phone column
    "koulutussuunnittelija Aino Aho\tpuh. (019) 369 1234\taino.aho@lohja.fi\n\n"
    "toimistosihteeri Pia Salo\t\t{label} 044-369 1240\tpia.salo@lohja.fi\n",
    # the phone on the line after the address
    "Aino Aho, suunnittelija\naino.aho@lohja.fi\npuh. (019) 369 1234\n"
    "Pia Salo, toimistosihteeri\npia.salo@lohja.fi\n{label} 044-369 1240\n",
    # the phone between the name and the address
    "Aino Aho\nsuunnittelija\npuh. (019) 369 1234\naino.aho@lohja.fi\n\n"
    "Pia Salo\ntoimistosihteeri\n{label} 044-369 1240\npia.salo@lohja.fi\n",
    # name and address on one line, the phone indented under it
    "Aino Aho\taino.aho@lohja.fi\n\tpuh. (019) 369 1234\nPia Salo\tpia.salo@lohja.fi\n\t{label} 044-369 1240\n",
])
@pytest.mark.parametrize("label", ["gsm", "mob.", "mobile", "matkapuhelin", "mobil"])
def test_a_phone_line_belongs_to_the_nearest_person_above_it(layout, label):
    assert contacts(layout.format(label=label)) == [
        ("Aino Aho", "aino.aho@lohja.fi", "(019) 369 1234"), ("Pia Salo", "pia.salo@lohja.fi", "044 369 1240")]


def test_a_phone_under_someone_without_an_address_is_not_the_person_above():
    text = "Aino Aho\naino.aho@lohja.fi\n\nPia Salo\npuh. 040 111 2222\n"
    assert contacts(text) == [("Aino Aho", "aino.aho@lohja.fi", None)]


@pytest.mark.parametrize("header", [
    "Lähettäjä: Aho Aino [mailto:aino.aho@lohja.fi]",
    "From: \"Aho Aino\" <aino.aho@lohja.fi>",
    "Från: Aino Aho <aino.aho@lohja.fi>",
])
@pytest.mark.parametrize("quote", ["", "> "])
def test_the_signature_phone_joins_the_address_in_the_header(header, quote):
    body = ["Hei,", "", "kokous siirtyy.", "", "t. Aino", "", "Aino Aho", "suunnittelija, Lohjan kaupunki", "",
            "p. 044 369 1870"]
    text = "Sopii.\n\nEero\n\n-----Original Message-----\n" + quote + header + "\n" + quote + "Aihe: kokous\n\n"
    text += "\n".join(quote + line for line in body) + "\n"
    assert contacts(text) == [("Aino Aho", "aino.aho@lohja.fi", "044 369 1870")]


def test_a_signature_of_another_person_gives_no_phone():
    text = ("From: Aino Aho <aino.aho@lohja.fi>\nTo: Eero Laine\n\nHei,\n\nterveisin\nEero Laine\nVihdin kunta\n"
            "puh. 09 4258 3000\n")
    assert contacts(text) == [("Aino Aho", "aino.aho@lohja.fi", None)]


@pytest.mark.parametrize("line", ["Y-tunnus 0123456-7", "faksi 09 123 4568", "fax +358 9 123 4568"])
def test_fax_numbers_and_business_ids_are_no_phone(line):
    assert contacts(f"Aino Aho, aino.aho@lohja.fi\n{line}\n") == [("Aino Aho", "aino.aho@lohja.fi", None)]


def test_a_labelled_phone_wins_over_a_fax_on_the_same_line():
    text = "Aino Aho, fax 09 123 4568, puh. 09 123 4567, aino.aho@lohja.fi\n"
    assert contacts(text) == [("Aino Aho", "aino.aho@lohja.fi", "09 123 4567")]


def test_name_in_an_outlook_header_is_written_first_name_first_and_labels_are_no_title():
    [c] = records_of("Notes: Aho Aino, aino.aho@lohja.fi\n").contacts
    assert (c.name, c.title) == ("Aino Aho", None)


def test_a_generic_address_beside_prose_has_no_person():
    [c] = records_of("Chair: Cllr Ann Lee. Log kept by the Programme Office (pmo@example.gov.uk).\n").contacts
    assert (c.name, c.email) == (None, "pmo@example.gov.uk")


def test_signature_title_on_the_line_under_the_name():
    [c] = records_of("Terveisin\n\nAino Aho\nsuunnittelija, Lohjan kaupunki\npuh. 019 123 456\naino.aho@lohja.fi\n").contacts
    assert (c.name, c.title, c.phone) == ("Aino Aho", "suunnittelija", "019 123 456")


def test_a_name_after_the_address_counts_only_when_it_is_the_address_owner():
    assert contacts("From: aino.aho@lohja.fi (Aino Aho)\n") == [("Aino Aho", "aino.aho@lohja.fi", None)]
    assert contacts("Kirjaamo: kirjaamo@lohja.fi, Lohjan Kaupunki\n") == [(None, "kirjaamo@lohja.fi", None)]


@pytest.mark.parametrize("line", ["Aino Aho, aho@lohja.fi", "Aino Aho, aino@lohja.fi", "Aho Aino <aho@lohja.fi>"])
def test_a_one_part_address_names_the_whole_person(line):
    [(name, _, _)] = contacts(line + "\n")
    assert name in ("Aino Aho", "Aho Aino")


def test_addresses_are_found_around_each_at_sign_as_by_a_whole_text_scan():
    from pathlib import Path

    from extractors.formats import read_document
    from extractors.records.contacts import EMAIL, _emails
    paths = [*Path("/work/shared/seeds").glob("*.txt"), *Path("tests").glob("heldout*/docs/*.txt")]
    texts = [read_document(p).text for p in sorted(paths)]
    texts += ["a@b.fi@c.fi x.y@z.fi\u2003p@q.fi\tr+s@t.fi.\n@@ @x.fi (u@v.fi), w.@x.fi.fi-, .a@b.c",
              "Aino Aho aino.aho(at)lohja.fi, b [AT] c.fi and d@e.fi", "", "@", "no address here"]
    assert sum("@" in t for t in texts) >= 5
    for text in texts:
        assert [m.span() for m in _emails(text)] == [m.span() for m in EMAIL.finditer(text)]
