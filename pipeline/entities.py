"""Keys that make persons and organisations comparable across documents.

Persons compare by case-folded name with dashes and spaces unified (the rule the
gold uses). Organisations and places compare by the base forms of their words,
so "Keravan kasvatus- ja opetusvirasto" holds the word "kerava" and ``--org
Kerava`` finds it. Base forms come from Voikko (Finnish); without Voikko, or for
words it does not know, the case-folded word stands for itself.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

WORD = re.compile(r"[^\W_]+")
DASHES = re.compile(r"\s*[-‐‑‒–—―]\s*")
PLACE_CLASS = "paikannimi"
FIRST_NAME_CLASS = "etunimi"


@lru_cache(maxsize=1)
def _voikko() -> Any | None:
    try:
        import libvoikko

        return libvoikko.Voikko("fi")
    except Exception:  # library or dictionary missing: fall back to plain words
        return None


@lru_cache(maxsize=50_000)
def _analyses(word: str) -> tuple[tuple[str, str], ...]:
    v = _voikko()
    if v is None:
        return ()
    return tuple((a.get("BASEFORM", ""), a.get("CLASS", "")) for a in v.analyze(word))


def base_form(word: str) -> str:
    """The word's first base form, case-folded."""
    found = _analyses(word)
    return (found[0][0] if found and found[0][0] else word).casefold()


def words(text: str) -> list[str]:
    return WORD.findall(text)


def person_key(name: str) -> str:
    """'Merja Etholén – Rönnerberg' -> 'merja etholén-rönnerberg'."""
    return " ".join(DASHES.sub("-", name.strip()).casefold().split())


@lru_cache(maxsize=50_000)
def base_key(text: str) -> str:
    """Base forms of the words of ``text``, space-separated: the organisation key (cached: the
    archive's writer asks for every organisation, body and place of every record)."""
    return " ".join(base_form(w) for w in words(text))


def query_key(text: str) -> str:
    """The key a search term is matched with: base forms, so inflected terms match too."""
    return base_key(text)


@lru_cache(maxsize=50_000)
def organisation_kind(name: str) -> str:
    """'place' for a single place name (a municipality), else 'organisation'."""
    ws = words(name)
    if len(ws) == 1 and any(cls == PLACE_CLASS for _, cls in _analyses(ws[0])):
        return "place"
    return "organisation"


def is_person_name(text: str) -> bool:
    """Two or more capitalised words, the first a known first name."""
    ws = words(text)
    if len(ws) < 2 or not all(w[0].isupper() for w in ws):
        return False
    return any(cls == FIRST_NAME_CLASS for _, cls in _analyses(ws[0]))


def words_match(haystack: str | None, needle: str | None) -> int:
    """1 when the words of ``needle`` occur in a row in ``haystack`` (both case-folded keys)."""
    if not haystack or not needle:
        return 0
    hay = words(haystack.casefold())
    want = words(needle.casefold())
    if not want:
        return 0
    n = len(want)
    return int(any(hay[i:i + n] == want for i in range(len(hay) - n + 1)))
