"""Dates, times and periods: table-driven per language, the seed gold, and the data/code split."""
from __future__ import annotations

import datetime as dt
import json
import re
import time
from pathlib import Path

import pytest

from extractors.lang import LANGUAGES, load
from extractors.records import dates
from extractors.records.dates import DateMatch, extract_dates, find_dates, parse_time
from schemas.document import BlockKind, DocumentBuilder

SEEDS = Path("/work/shared/seeds")
GOLD = Path("/work/shared/eval/gold")
DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def D(iso: str) -> dt.date:
    return dt.date.fromisoformat(iso)


def case(lang: str, source: str, ref: str | None, value: str | None, type_: str = "date", **extra):
    """One row: ``source`` holds exactly one match with this value, type and extra fields."""
    return pytest.param(lang, source, ref, value, type_, extra, id=f"{lang}:{source[:40]}")


def only(text: str, lang: str, ref: str | None) -> DateMatch:
    found = find_dates(text, lang, D(ref) if ref else None)
    assert len(found) == 1, found
    return found[0]


FINNISH = [
    # numeric, with a year
    case("fi", "Kokous pidettiin 3.9.2007 kunnantalolla.", None, "2007-09-03", text="3.9.2007"),
    case("fi", "Päivitetty 05.01.2011", None, "2011-01-05"),
    case("fi", "Tallennettu 2010-11-23.", None, "2010-11-23"),
    case("fi", "Lähetetty 23/11/2010 postitse", None, "2010-11-23"),
    case("fi", "muistio 4.3.99", "2000-01-10", "1999-03-04"),
    case("fi", "muistio 4.3.07", "2007-05-01", "2007-03-04"),
    case("fi", "päivätty 4. 3. 2007", None, "2007-03-04"),
    case("sv", "LiTHe Kod 20141114", None, "2014-11-14", text="20141114"),
    case("en", "Minutes_20090514 final", None, "2009-05-14", text="20090514"),
    case("fi", "Hyväksytty 29.2.2012.", None, "2012-02-29"),
    # without a year: the year nearest to the reference, across New Year both ways
    case("fi", "Seuraava tapaaminen 14.10. Porissa", "2009-09-01", "2009-10-14", text="14.10."),
    case("fi", "Palautus 20.1. mennessä", "2010-12-01", "2011-01-20"),
    case("fi", "edellisessä kokouksessa 28.12.", "2011-01-10", "2010-12-28"),
    case("fi", "Retki 7.6. alkaa", "2010-01-15", "2010-06-07"),
    case("fi", "Juhla 8.8. pidettiin", "2010-01-15", "2009-08-08"),
    case("fi", "Kokous 16.2. alkaen", None, None, valid=True,
         problem=dates.NO_YEAR),
    # ranges of days
    case("fi", "Leiri 20.–22.7. Kuopiossa", "2010-05-03", "2010-07-20/2010-07-22", "period"),
    case("fi", "Messut 16.-18.11.2010", None, "2010-11-16/2010-11-18", "period"),
    case("fi", "koulutus 30.11.–2.12.2010 Tampereella", None, "2010-11-30/2010-12-02", "period"),
    case("fi", "loma 27.12.–6.1.", "2010-12-01", "2010-12-27/2011-01-06", "period"),
    case("fi", "jakso 1.3.2010 – 31.5.2010", None, "2010-03-01/2010-05-31", "period"),
    case("fi", "jakso 28.12.2011-4.1.2012", None, "2011-12-28/2012-01-04", "period"),
    case("fi", "leiri 18.–16.4.2011", None, None, "period", valid=False,
         problem="range ends before it starts"),
    # weekdays are checked against the date
    case("fi", "Torstai 7.10.2010 klo 13–15", None, "2010-10-07", start_time="13:00",
         end_time="15:00", weekday="Torstai", weekday_mismatch=False),
    case("fi", "ke 13.10. kirjastossa", "2010-10-01", "2010-10-13", weekday="ke",
         weekday_mismatch=False),
    case("fi", "maanantai 7.10.2010", None, "2010-10-07", weekday_mismatch=True),
    case("fi", "perjantaina 8.10.2010", None, "2010-10-08", weekday_mismatch=False),
    case("fi", "la 9.10.2010", None, "2010-10-09", weekday="la", weekday_mismatch=False),
    case("fi", "Ti 15.3.2011 kello 9.30", None, "2011-03-15", start_time="09:30",
         weekday_mismatch=False),
    # times, alone or attached to the day before them
    case("fi", "klo 9 - 11", None, None, "time", start_time="09:00", end_time="11:00"),
    case("fi", "alkaa klo 8.30–10", None, None, "time", start_time="08:30", end_time="10:00"),
    case("fi", "kello 17 alkaen", None, None, "time", start_time="17:00", end_time=None),
    case("fi", "klo 12.00-12.45", None, None, "time", start_time="12:00", end_time="12:45"),
    case("fi", "tauko 10:15–11:45", None, None, "time", start_time="10:15", end_time="11:45"),
    case("fi", "Aika: 5.5.2011 klo 10–12", None, "2011-05-05", start_time="10:00",
         end_time="12:00", text="5.5.2011 klo 10–12"),
    case("fi", "5.5.2011, kello 14.15", None, "2011-05-05", start_time="14:15"),
    case("fi", "5.5.2011 10.00–11.30 valtuustosali", None, "2011-05-05", start_time="10:00",
         end_time="11:30"),
    case("fi", "5.5.2011 klo 9 – klo 10", None, "2011-05-05", start_time="09:00",
         end_time="10:00"),
    case("fi", "pidetään torstaina 21.9.2023. klo 10 alkaen", None, "2023-09-21",
         start_time="10:00", weekday_mismatch=False),
    case("fi", "Katko\t11.1.\t7-8.30\tpalvelin", "2011-01-03", "2011-01-11", start_time="07:00",
         end_time="08:30"),
    # month names in their cases
    case("fi", "marraskuussa 2010 pidetty", None, "2010-11-01/2010-11-30", "period"),
    case("fi", "helmikuun 3. päivänä 2011", None, "2011-02-03"),
    case("fi", "3. helmikuuta 2011 alkaen", None, "2011-02-03", text="3. helmikuuta 2011"),
    case("fi", "Lokakuu 2009", None, "2009-10-01/2009-10-31", "period"),
    case("fi", "Kysely (syyskuu 2010)", None, "2010-09-01/2010-09-30", "period",
         text="syyskuu 2010"),
    case("fi", "kesäkuun alussa", "2011-04-01", "2011-06-01/2011-06-10", "period"),
    case("fi", "elokuun lopussa", "2011-04-01", "2011-08-21/2011-08-31", "period"),
    case("fi", "huhtikuun puolivälissä", "2012-01-05", "2012-04-11/2012-04-20", "period"),
    case("fi", "Syyskuussa asia tulee esiin", "2011-04-01", "2011-09-01/2011-09-30", "period"),
    case("fi", "joulukuussa todettiin", "2011-01-10", "2010-12-01/2010-12-31", "period"),
    case("fi", "maaliskuuhun mennessä", "2012-01-01", "../2012-03-31", "period"),
    case("fi", "tammikuusta alkaen", "2012-12-01", "2013-01-01/..", "period"),
    case("fi", "touko–kesäkuussa 2012", None, "2012-05-01/2012-06-30", "period"),
    case("fi", "15.–17. lokakuuta 2010", None, "2010-10-15/2010-10-17", "period"),
    case("fi", "tammik. 2011", None, "2011-01-01/2011-01-31", "period"),
    case("fi", "1. tammikuuta", "2010-12-20", "2011-01-01"),
    case("fi", "maanantaina 2. tammikuuta 2012", None, "2012-01-02", weekday_mismatch=False),
    # seasons and years with a cue
    case("fi", "keväällä 2012 aloitetaan", None, "2012-03-01/2012-05-31", "period"),
    case("fi", "syksyllä 2011", None, "2011-09-01/2011-11-30", "period"),
    case("fi", "kesän 2010 aikana", None, "2010-06-01/2010-08-31", "period"),
    case("fi", "talvella 2010–2011", None, "2010-12-01/2011-02-28", "period"),
    case("fi", "talvi 2011", None, "2011-12-01/2012-02-29", "period"),
    case("fi", "Kevät 2013", None, "2013-03-01/2013-05-31", "period"),
    case("fi", "Syksylle 2012 suunnitellut", None, "2012-09-01/2012-11-30", "period"),
    case("fi", "vuoden 2011 syksyllä", None, "2011-09-01/2011-11-30", "period"),
    case("fi", "syksyn 2013 alussa", None, "2013-09-01/2013-09-30", "period"),
    case("fi", "vuodesta 2015 alkaen", None, "2015-01-01/..", "period"),
    case("fi", "hanke 2011–2014", None, "2011-01-01/2014-12-31", "period", text="2011–2014"),
    case("fi", "(vv. 1998 - 2001)", None, "1998-01-01/2001-12-31", "period"),
    case("fi", "vuosina 2004–2006", None, "2004-01-01/2006-12-31", "period"),
    case("fi", "vuoden 2012 alusta", None, "2012-01-01/..", "period"),
    case("fi", "vuoden 2012 aikana", None, "2012-01-01/2012-12-31", "period"),
    case("fi", "vuonna 1995 perustettu", None, "1995-01-01/1995-12-31", "period"),
    case("fi", "vuodelle 2013", None, "2013-01-01/2013-12-31", "period"),
    case("fi", "vuoteen 2020 mennessä", None, "../2020-12-31", "period"),
    case("fi", "2016 lähtien", None, "2016-01-01/..", "period"),
    case("fi", "vuoden 2014 loppuun mennessä", None, "../2014-12-31", "period"),
    case("fi", "vuoden 2014 lopussa", None, "2014-09-01/2014-12-31", "period"),
    case("fi", "toiminta (v. 2012 alkaen)", None, "2012-01-01/..", "period"),
    # a range of explicit days also names its end days; other periods do not
    case("fi", "Koulutus 3.–4.11.2010 Helsingissä", None, "2010-11-03/2010-11-04", "period",
         days=("2010-11-03", "2010-11-04")),
    case("fi", "loma 20.12.–9.1.", "2011-11-01", "2011-12-20/2012-01-09", "period",
         days=("2011-12-20", "2012-01-09")),
    case("fi", "sopimus 1.2.2012–31.1.2014", None, "2012-02-01/2014-01-31", "period",
         days=("2012-02-01", "2014-01-31")),
    case("fi", "7.–9. maaliskuuta 2011", None, "2011-03-07/2011-03-09", "period",
         days=("2011-03-07", "2011-03-09")),
    case("fi", "touko–kesäkuussa 2012", None, "2012-05-01/2012-06-30", "period", days=None),
    case("fi", "vuosina 2004–2006", None, "2004-01-01/2006-12-31", "period", days=None),
    case("fi", "leiri 18.–16.4.2011 ", None, None, "period", days=None),
    # a range whose first day names its month without the dot after it
    case("fi", "Näyttely 14.9–2.10.2011 kirjastossa", None, "2011-09-14/2011-10-02", "period",
         days=("2011-09-14", "2011-10-02")),
    case("fi", "lomat 20.12–10.1.2012", None, "2011-12-20/2012-01-10", "period"),
    case("fi", "hinta 9.00–11.10.2019", None, "2019-10-11", text="11.10.2019"),
    # the day word in its cases after a month name in the genitive
    case("fi", "Maaliskuun 15. päivän kokous siirtyy", "2011-01-10", "2011-03-15",
         text="Maaliskuun 15. päivän"),
    case("fi", "toukokuun 2. päivästä 2011 alkaen", None, "2011-05-02"),
    case("fi", "kesäkuun 30. päivään mennessä", "2011-04-01", "2011-06-30"),
    # ISO weeks, Monday to Sunday
    case("fi", "Kokous vko 12", "2010-05-01", "2010-03-22/2010-03-28", "period", text="vko 12"),
    case("fi", "Leiri pidetään viikolla 12/2009.", None, "2009-03-16/2009-03-22", "period"),
    case("fi", "viikoilla 33–34", "2011-06-01", "2011-08-15/2011-08-28", "period"),
    case("fi", "viikosta 40 alkaen", "2011-06-01", "2011-10-03/..", "period"),
    case("fi", "vk 1/10 Helsingissä", None, "2010-01-04/2010-01-10", "period"),
    case("fi", "vko 53/2009", None, "2009-12-28/2010-01-03", "period"),
    case("fi", "vko 53/2010", None, None, "period", valid=False, problem="no such period"),
    case("fi", "vko 12", None, None, "period", valid=True, problem=dates.NO_YEAR),
    # a bare time after a field label; four digits only after a time cue
    case("fi", "Aika: 17.15\nPaikka: Kaupungintalo", None, None, "time", start_time="17:15",
         text="17.15"),
    case("fi", "**Kokousaika:** 9.30–11", None, None, "time", start_time="09:30",
         end_time="11:00"),
    case("fi", "Aika: 12.10.", "2011-09-01", "2011-10-12"),
    case("fi", "alkaa klo 1045", None, None, "time", start_time="10:45"),
    case("fi", "5.5.2011 klo 1300", None, "2011-05-05", start_time="13:00"),
    case("fi", "5.5.2011 1300 henkeä", None, "2011-05-05", start_time=None, text="5.5.2011"),
    # section and version numbers are no dates, a day at the end of a sentence is
    case("fi", "Kokous pidetään 3.5.", "2011-01-01", "2011-05-03"),
    # impossible dates are kept and flagged, never invented
    case("fi", "31.4.2011", None, None, valid=False, problem="impossible date 31.4.2011"),
    case("fi", "29.2.2011", None, None, valid=False),
    case("fi", "päivä 0.5.2011", None, None, valid=False),
    case("fi", "12.14.2011", None, None, valid=False),
    case("fi", "35.1.2011", None, None, valid=False),
    case("fi", "viimeistään 31.11.", "2011-10-01", None, valid=False),
    case("fi", "30. helmikuuta 2010", None, None, valid=False),
    # quarters are their three months; without a year, the year nearest the reference
    case("fi", "Toteutus 3. neljännes 2011", None, "2011-07-01/2011-09-30", "period"),
    case("fi", "Ajoitus: Q2/2012", None, "2012-04-01/2012-06-30", "period"),
    case("fi", "valmis II neljänneksellä", "2010-02-01", "2010-04-01/2010-06-30", "period"),
    case("fi", "vuoden 2013 neljäs vuosineljännes", None, "2013-10-01/2013-12-31", "period"),
    case("fi", "tehdään ensimmäisellä kvartaalilla 2014", None, "2014-01-01/2014-03-31", "period"),
    case("fi", "Raportti maaliskuun puoliväliin mennessä", "2010-01-20", "2010-03-15", "period"),
    case("fi", "kesäkuun alkuun mennessä", "2010-01-20", "2010-06-01/2010-06-10", "period"),
    # a month name ending the sentence: the full stop is not part of it
    case("fi", "Työryhmä raportoi toukokuussa.", "2006-03-22", "2006-05-01/2006-05-31", "period"),
]

SWEDISH = [
    case("sv", "Mötet hölls 12 mars 2010 i Vasa", None, "2010-03-12", text="12 mars 2010"),
    case("sv", "den 3 juni", "2010-05-01", "2010-06-03"),
    case("sv", "i januari 2011", None, "2011-01-01/2011-01-31", "period"),
    case("sv", "våren 2011", None, "2011-03-01/2011-05-31", "period"),
    case("sv", "under hösten 2010", None, "2010-09-01/2010-11-30", "period"),
    case("sv", "sommaren 2012", None, "2012-06-01/2012-08-31", "period"),
    case("sv", "tisdag 5.10.2010 kl. 13–15", None, "2010-10-05", start_time="13:00",
         end_time="15:00", weekday_mismatch=False),
    case("sv", "onsdagen den 6 oktober 2010", None, "2010-10-06", weekday_mismatch=False),
    case("sv", "måndag 5.10.2010", None, "2010-10-05", weekday_mismatch=True),
    case("sv", "den 17/6 firas", "2011-03-01", "2011-06-17"),
    case("sv", "17/6 2011", None, "2011-06-17"),
    case("sv", "fr.o.m. 2012", None, "2012-01-01/..", "period"),
    case("sv", "gruppen från våren 2013", None, "2013-03-01/..", "period"),
    case("sv", "under 2013", None, "2013-01-01/2013-12-31", "period"),
    case("sv", "åren 2008–2010", None, "2008-01-01/2010-12-31", "period"),
    case("sv", "i slutet av maj 2011", None, "2011-05-21/2011-05-31", "period"),
    case("sv", "kl 9.30", None, None, "time", start_time="09:30"),
    case("sv", "3:e juni 2009", None, "2009-06-03"),
    case("sv", "2011-04-05", None, "2011-04-05"),
    case("sv", "31 april 2011", None, None, valid=False),
    case("sv", "den 5–7 maj 2011", None, "2011-05-05/2011-05-07", "period",
         days=("2011-05-05", "2011-05-07")),
    case("sv", "remisstid 3.3–15.4.2012", None, "2012-03-03/2012-04-15", "period",
         days=("2012-03-03", "2012-04-15")),
    case("sv", "vecka 7 2011", None, "2011-02-14/2011-02-20", "period"),
    case("sv", "under v. 12–14", "2011-01-10", "2011-03-21/2011-04-10", "period"),
    case("sv", "Tid:\t18.30", None, None, "time", start_time="18:30"),
    case("sv", "kl. 1800–2000", None, None, "time", start_time="18:00", end_time="20:00"),
    case("sv", "under tredje kvartalet 2010", None, "2010-07-01/2010-09-30", "period"),
    case("sv", "klart kvartal 4 2011", None, "2011-10-01/2011-12-31", "period"),
    case("sv", "rapport till mitten av april", "2011-01-10", "2011-04-15", "period"),
    case("sv", "Gruppen rapporterar till arbetsgruppen i maj.", "2006-03-22", "2006-05-01/2006-05-31", "period"),
    case("sv", "Johan tar kontakt före utgången av april.", "2001-03-01", "../2001-04-30", "period"),
]

ENGLISH = [
    case("en", "Signed on March 3, 2011 in Oulu", None, "2011-03-03", text="March 3, 2011"),
    case("en", "3 March 2011", None, "2011-03-03"),
    case("en", "on the 3rd of March 2011", None, "2011-03-03"),
    case("en", "in February 2012", None, "2012-02-01/2012-02-29", "period"),
    case("en", "spring 2010", None, "2010-03-01/2010-05-31", "period"),
    case("en", "in the autumn of 2011", None, "2011-09-01/2011-11-30", "period"),
    case("en", "Thursday, 7 October 2010 at 2 pm", None, "2010-10-07", start_time="14:00",
         weekday_mismatch=False),
    case("en", "Friday, 7 October 2010", None, "2010-10-07", weekday_mismatch=True),
    case("en", "from 2014 onwards", None, "2014-01-01/..", "period"),
    case("en", "since 2015", None, "2015-01-01/..", "period"),
    case("en", "during 2013", None, "2013-01-01/2013-12-31", "period"),
    case("en", "by the end of June 2012", None, "../2012-06-30", "period"),
    case("en", "at 10:30", None, None, "time", start_time="10:30"),
    case("en", "2–4 pm", None, None, "time", start_time="14:00", end_time="16:00"),
    case("en", "9:00-17:00", None, None, "time", start_time="09:00", end_time="17:00"),
    case("en", "6/30/2011", None, "2011-06-30"),
    case("en", "30/6/2011", None, "2011-06-30"),
    case("en", "March 12–14, 2009", None, "2009-03-12/2009-03-14", "period"),
    case("en", "12 May", "2011-02-01", "2011-05-12"),
    case("en", "31 June 2011", None, None, valid=False),
    case("en", "workshop on 7-8 October 2010", None, "2010-10-07/2010-10-08", "period",
         days=("2010-10-07", "2010-10-08")),
    case("en", "from 3 May to 5 May 2012", None, "2012-05-03/2012-05-05", "period",
         days=("2012-05-03", "2012-05-05")),
    case("en", "in May 2012", None, "2012-05-01/2012-05-31", "period", days=None),
    case("en", "due in wk 52/2010", None, "2010-12-27/2011-01-02", "period"),
    case("en", "Week 9", "2012-06-01", "2012-02-27/2012-03-04", "period"),
    case("en", "**Time:** 17:15", None, None, "time", start_time="17:15"),
    case("en", "in the second quarter of 2010", None, "2010-04-01/2010-06-30", "period"),
    case("en", "due Q4 2007", None, "2007-10-01/2007-12-31", "period"),
    case("en", "the 3rd quarter", "2011-05-01", "2011-07-01/2011-09-30", "period"),
    case("en", "The group will report back in May.", "2009-02-10", "2009-05-01/2009-05-31", "period"),
    case("en", "Confirm the venue\tLE\tend of March", "2009-02-10", "2009-03-21/2009-03-31", "period"),
    case("en", "Send the report by end of May.", "2009-02-10", "../2009-05-31", "period"),
]


@pytest.mark.parametrize("lang,text,ref,value,type_,extra", FINNISH + SWEDISH + ENGLISH)
def test_date(lang, text, ref, value, type_, extra):
    m = only(text, lang, ref)
    assert (m.value, m.type) == (value, type_)
    for name, expected in extra.items():
        assert getattr(m, name) == expected, name
    assert text[m.start:m.end] == m.text
    if m.valid is False:
        assert m.problem and m.value is None


NOT_DATES = [
    ("fi", "puh. 09 1234 567"),
    ("fi", "p. 050-1234567 tai 040 - 3153447"),
    ("fi", "Luku 3.2.1 Tavoitteet"),
    ("fi", "3.2.11 Tavoitteet ja toimenpiteet"),
    ("fi", "sisällys\n2.4. Hankkeen rakenne"),
    ("fi", "versio 2.4.12 julkaistiin"),
    ("fi", "kasvu oli 3,5 % ja 3.5 miljoonaa"),
    ("fi", "hinta 1.200 euroa, alennus 12.50 €"),
    ("fi", "Sivuja oli 2008 kappaletta"),
    ("fi", "osoite 10.12.0.1 verkossa"),
    ("fi", "§ 12.3. muutettiin"),
    ("fi", "kohdat 1.2.3.4 ja 2.1.1 - 2.1.3"),
    ("fi", "tammikuun kokouksessa"),
    ("fi", "keväällä on kiire"),
    ("fi", "klo on rikki, 9.00-11.00"),
    ("fi", "2000-luvulla"),
    ("sv", "hälften, 1/2 av medlemmarna"),
    ("en", "you may 5 times march 12 miles"),
    ("en", "at 6 locations with 2000 people"),
    ("fi", "Asennettiin versio 3.5."),
    ("fi", "Katso kohta 3.5."),
    ("fi", "kuten kohdassa 4.2. todetaan"),
    ("fi", "liitteessä 2.1. on kaavio"),
    ("sv", "se punkten 3.5."),
    ("en", "see item 3.5."),
    ("fi", "viikolla 3 kokousta ja viikon 2 tärkeintä asiaa"),
    ("fi", "Asiakasnumero 1045"),
    ("fi", "Aika: 17 henkilöä"),
    ("fi", "kasvu oli 1,5–2,5 %"),
    ("sv", "vecka 60"),
    ("fi", "Dnro 20081234 ja viite 20081301"),  # no month 12 day 34, no month 13
    ("fi", "puh. 0912345678, asiakasnumero 120081115"),
    ("fi", "Q5-raportti ja Q1-hanke, osa I neljästä"),  # no quarter 5; Q1 names a project
    ("en", "a quarter of the members; Q12 2010"),
    ("en", "Q2 management accounts"),
    ("sv", "ett kvartal senare"),
]


@pytest.mark.parametrize("lang,text", NOT_DATES)
def test_not_a_date(lang, text):
    assert find_dates(text, lang, D("2010-06-01")) == []


def test_phone_number_is_no_date_even_inside_a_contact_block():
    text = "Lisätietoja:\nMaija Meikäläinen\np. 040 - 3153446\nmaija@example.fi"
    assert find_dates(text, "fi", D("2010-06-01")) == []


def test_matches_do_not_overlap_and_are_in_order():
    text = ("Aika: tiistai 15.3.2011 klo 9 – 11. Seuraavat 16.–18.2.2012 ja 20.3. "
            "keväällä 2012, vuodesta 2013 alkaen; klo 14 ja 12. maaliskuuta 2012.")
    found = find_dates(text, "fi")
    assert [m.start for m in found] == sorted(m.start for m in found)
    assert all(a.end <= b.start for a, b in zip(found, found[1:]))
    assert [m.type for m in found] == ["date", "period", "date", "period", "period", "time",
                                       "date"]
    # the order is what lets the rules find a sentence's dates by bisection
    from extractors.records.context import dates_in
    for a, b in [(0, len(text)), (10, 40), (41, 42), (0, 0), (36, 70), (100, 160)]:
        assert dates_in(found, a, b) == [m for m in found if a <= m.start < b]


def test_one_reading_dated_twice_gives_what_two_readings_give():
    # extract_records reads a document once and dates it without, then with, its own date
    text = "Muistio 18.12.2008\nKokoukset 15.1. ja 4.3. sekä 10.12. klo 9–11, viikolla 12"
    readings = dates.read_dates(text, "fi")
    for ref in (None, D("2009-06-01"), D("2008-01-10")):
        assert readings.dated(ref) == find_dates(text, "fi", ref)
    assert readings.dated() == readings.dated()  # dating leaves the readings as they were


def test_reference_defaults_to_the_first_full_date():
    text = "Muistio 18.12.2008\nKokoukset 15.1. ja 4.3. sekä 10.12."
    values = [m.value for m in find_dates(text, "fi")]
    assert values == ["2008-12-18", "2009-01-15", "2009-03-04", "2008-12-10"]


def test_explicit_reference_wins_over_the_text():
    found = find_dates("Muistio 18.12.2008, kokous 15.1.", "fi", D("2008-01-02"))
    assert found[1].value == "2008-01-15"


def test_year_inferred_dates_are_less_certain_than_full_ones():
    full, inferred = find_dates("17.6.2008 ja 18.6.", "fi")
    assert full.confidence > inferred.confidence


@pytest.mark.parametrize("text,expected", [
    ("9", "09:00"), ("13.15", "13:15"), ("9:05", "09:05"), ("23.59", "23:59"),
    ("6 pm", "18:00"), ("6.30 p.m.", "18:30"), ("12 am", "00:00"), ("12 pm", "12:00"),
    ("25", None), ("9.75", None), ("13 pm", None), ("noon", None), ("", None),
])
def test_parse_time(text, expected):
    assert parse_time(text) == expected


# ---------------------------------------------------------------- seeds against the gold

def _seed_days(path: Path) -> set[str]:
    text = path.read_text(encoding="utf-8")
    first = next((m for m in find_dates(text, "fi")
                  if m.valid and m.value and DAY.fullmatch(m.value) and re.search(r"\d{4}", m.text)),
                 None)
    reference = D(first.value) if first else None
    return {m.value for m in find_dates(text, "fi", reference)
            if m.valid and m.type == "date" and m.value and DAY.fullmatch(m.value)}


@pytest.mark.parametrize("seed", sorted(SEEDS.glob("*.txt")), ids=lambda p: p.name[:3])
def test_seed_calendar_days_match_the_gold(seed):
    gold = json.loads((GOLD / f"{seed.name}.gold.json").read_text(encoding="utf-8"))
    assert _seed_days(seed) == set(gold["dates"])


# ---------------------------------------------------------------- records and evidence

def test_extract_dates_gives_records_with_evidence():
    b = DocumentBuilder("memo.txt", "text", b"memo")
    b.add(BlockKind.HEADING, "Muistio 3.2.2010")
    b.add(BlockKind.PARAGRAPH, "Kokous torstaina 4.2. klo 13–15. Ohjelma keväällä 2010.")
    doc = b.build()
    mentions = extract_dates(doc, "fi")
    assert [(m.value, m.type) for m in mentions] == [
        ("2010-02-03", "date"), ("2010-02-04", "date"), ("2010-03-01/2010-05-31", "period")]
    meeting = mentions[1]
    assert (meeting.start_time, meeting.end_time, meeting.weekday_mismatch) == ("13:00", "15:00", False)
    ev = meeting.evidence
    assert ev.extractor == "dates" and ev.block == 1 and ev.quote == meeting.text
    assert doc.text[ev.start:ev.end] == "torstaina 4.2. klo 13–15"
    assert mentions[0].evidence.confidence > meeting.evidence.confidence > 0


def test_to_mentions_keeps_flags():
    b = DocumentBuilder("x.txt", "text", b"x")
    b.add(BlockKind.PARAGRAPH, "perjantai 31.6.2008 ja keskiviikko 2.12.2008")
    doc = b.build()
    bad, mismatch = dates.to_mentions(doc, find_dates(doc.text, "fi"))
    assert (bad.valid, bad.value, bad.problem) == (False, None, "impossible date 31.6.2008")
    assert (mismatch.weekday_mismatch, mismatch.value) == (True, "2008-12-02")


def test_a_range_of_days_also_names_its_end_days():
    b = DocumentBuilder("x.txt", "text", b"x")
    b.add(BlockKind.PARAGRAPH, "Seminaari 22.–23.4.2009 ja jakso 1.1.–30.4.2007.")
    b.add(BlockKind.PARAGRAPH,
          "Leiri 5.–5.6.2009, viikolla 12/2009 ja keväällä 2009; 18.–16.4.2009.")
    doc = b.build()
    mentions = extract_dates(doc, "fi")
    assert [(m.value, m.type) for m in mentions] == [
        ("2009-04-22/2009-04-23", "period"), ("2009-04-22", "date"), ("2009-04-23", "date"),
        ("2007-01-01/2007-04-30", "period"), ("2007-01-01", "date"), ("2007-04-30", "date"),
        ("2009-06-05/2009-06-05", "period"), ("2009-06-05", "date"),
        ("2009-03-16/2009-03-22", "period"), ("2009-03-01/2009-05-31", "period"),
        (None, "period")]
    period, first, last = mentions[:3]
    for day in (first, last):
        assert day.text == period.text == "22.–23.4.2009"
        assert (day.evidence.start, day.evidence.end) == (period.evidence.start,
                                                          period.evidence.end)
        assert day.evidence is not period.evidence
    assert find_dates(doc.text, "fi")[0].days == ("2009-04-22", "2009-04-23")


# ---------------------------------------------------------------- language data and code

def _names(lang: str) -> set[str]:
    data = load(lang, "dates")
    names = {n + s for n in data["months"].values() for ss in data["month_suffixes"].values()
             for s in ss}
    names |= {w for ws in data["month_abbreviations"].values() for w in ws}
    names |= {w for ws in data["weekdays"].values() for w in ws}
    return {n.lower() for n in names if len(n) >= 4}


def _cue_words(lang: str) -> set[str]:
    data = load(lang, "dates")
    words = {w for ws in data["seasons"].values() for w in ws}
    for key in ("year_words", "cues_before", "cues_after", "day_words", "day_month_joiners",
                "range_words", "day_prefixes", "articles", "date_time_joiners", "hour_words"):
        words |= set(data.get(key, []))
    words |= {w for ws in data["time_cues"].values() for w in ws}
    words |= {w for ws in data["meridiem"].values() for w in ws}
    return {w.lower() for w in words if len(w) >= 2 and re.search(r"\w", w)}


def _date_code() -> str:
    """The source of ``dates.py`` and the ``dates_*.py`` modules it is split into."""
    folder = Path(dates.__file__).parent
    return "\n".join(p.read_text(encoding="utf-8") for p in sorted(folder.glob("dates*.py")))


def test_dates_modules_stay_small():
    sizes = {p.name: len(p.read_text(encoding="utf-8").splitlines())
             for p in Path(dates.__file__).parent.glob("dates*.py")}
    assert len(sizes) > 1 and max(sizes.values()) <= 400, sizes


def test_no_month_or_weekday_name_in_the_code():
    source = _date_code().lower()
    found = [n for lang in LANGUAGES for n in _names(lang)
             if re.search(rf"(?<!\w){re.escape(n)}(?!\w)", source)]
    assert not found, found


def test_no_cue_word_in_the_code_strings():
    source = _date_code().lower()
    source = re.sub(r'"""(?:.|\n)*?"""', "", source)
    source = re.sub(r"#[^\n]*", "", source)
    strings = " ".join(re.findall(r"[\"']([^\"'\n]+)[\"']", source))
    found = [w for lang in LANGUAGES for w in _cue_words(lang)
             if re.search(rf"(?<!\w){re.escape(w)}(?!\w)", strings)]
    assert not found, found


def test_every_language_file_has_the_same_keys_and_a_source():
    keys = {lang: set(load(lang, "dates")) for lang in LANGUAGES}
    assert keys["fi"] == keys["sv"] == keys["en"]
    for lang in LANGUAGES:
        data = load(lang, "dates")
        assert len(data["source"]) > 40
        assert sorted(map(int, data["months"])) == list(range(1, 13))
        assert sorted(map(int, data["weekdays"])) == list(range(1, 8))
        assert sorted(map(int, data["seasons"])) == [3, 6, 9, 12]
        meanings = {*data["year_words"].values(), *data["cues_before"].values(),
                    *data["cues_after"].values()}
        assert meanings <= {"whole", "open_end", "open_start", "first_third", "middle_third",
                            "last_third", "midpoint"}


def test_a_language_without_data_still_reads_numeric_dates():
    found = find_dates("kokous 17.6.2008 klo 9", "xx")
    assert [m.value for m in found] == ["2008-06-17"]


def test_ten_thousand_words_well_under_fifty_ms():
    text = "\n\n".join(p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt")))
    while len(text.split()) < 10_000:
        text += "\n\n" + text
    find_dates(text[:1000], "fi")  # grammar compiled once, outside the timing
    best = min(_cpu_seconds(lambda: find_dates(text, "fi")) for _ in range(3))
    assert best < 0.05, f"{best * 1000:.1f} ms"


def _cpu_seconds(fn) -> float:
    """CPU time, so that other jobs on a shared machine do not fail the test."""
    start = time.process_time()
    fn()
    return time.process_time() - start


def test_days_listed_with_their_places_take_the_last_days_year():
    found = find_dates("Tapaamiset: 3.3. Lohjalla, 8.9. Vihdissä ja 1.12.2010 Karkkilassa.", "fi", D("2009-12-20"))
    assert [m.value for m in found] == ["2010-03-03", "2010-09-08", "2010-12-01"]
    found = find_dates("12.3. Espoo, 15.10. Vanda och 3.12.2011 Esbo", "sv", D("2010-11-30"))
    assert [m.value for m in found] == ["2011-03-12", "2011-10-15", "2011-12-03"]


def test_a_heading_number_is_still_no_date_and_a_sentence_is_no_list():
    assert find_dates("2.4. Hankkeen rakenne\n3.1. Tavoitteet", "fi", D("2009-12-20")) == []
    found = find_dates("Kokous 15.9. siirtyy, uusi aika 2.12.2010", "fi", D("2009-12-20"))
    assert [m.value for m in found] == ["2009-09-15", "2010-12-02"]

