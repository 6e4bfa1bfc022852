"""find_dates on arbitrary text: never raises, spans are honest, values are ISO or None."""
from __future__ import annotations

import datetime as dt
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from extractors.records.dates import find_dates

PIECES = ["17.6.2008", "16.–18.2.", "klo 9 – 11", "kello", "tiistai", "ti", "ma ", "2.1.1",
          "tammikuussa", "maaliskuun", "päivänä", "keväällä", "vuodesta", "alkaen", "vv.",
          "2007–2009", "den", "juni", "kl.", "våren", "March", "12th", "of", "at", "6 pm",
          "9:00", "-", "–", "/", ".", ",", " ", "\n", "\t", "0", "1", "2", "3", "9", "12",
          "31", "2009", "İ", "ß", "\u00a0", "§", "vko", "viikolla", "week", "1045", "Aika:",
          "Tid:", "päivän", "9.9", "versio", "53"]
TEXT = st.one_of(
    st.text(max_size=200),
    st.lists(st.sampled_from(PIECES), max_size=40).map("".join),
)
DAY = r"\d{4}-\d{2}-\d{2}"


def _is_iso_value(value: str) -> bool:
    parts = value.split("/")
    if len(parts) not in (1, 2) or value == "../..":
        return False
    for part in parts:
        if part == ".." and len(parts) == 2:
            continue
        if not re.fullmatch(DAY, part):
            return False
        dt.date.fromisoformat(part)
    return True


@settings(max_examples=200, deadline=None)
@given(TEXT, st.sampled_from(["fi", "sv", "en", "xx"]),
       st.one_of(st.none(), st.dates(dt.date(1950, 1, 1), dt.date(2049, 12, 31))))
def test_find_dates_is_total_and_honest(text, lang, reference):
    found = find_dates(text, lang, reference)
    previous_end = 0
    for m in found:
        assert 0 <= m.start < m.end <= len(text)
        assert text[m.start:m.end] == m.text
        assert m.start >= previous_end
        previous_end = m.end
        assert m.type in ("date", "period", "time")
        if m.value is not None:
            assert _is_iso_value(m.value), m.value
            assert m.valid
        if not m.valid:
            assert m.value is None and m.problem
        for t in (m.start_time, m.end_time):
            assert t is None or re.fullmatch(r"(?:[01]\d|2[0-3]):[0-5]\d|24:00", t)
        assert 0 < m.confidence <= 1
        if m.days is not None:
            assert m.type == "period" and m.value == "/".join(m.days), (m.value, m.days)
