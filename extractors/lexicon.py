"""Readings of a word out of context from a morphological lexicon (Voikko for Finnish), in
the model's terms: part of speech, lemma and Universal Dependencies features.

The model costs ~90 µs a token and several ms a call; a lexicon look-up costs ~16 µs a word and
is cached. Most questions the rules put to the model ('can this word be a finite verb?') are
settled by the lexicon alone: when every reading of a word answers yes, or none does. Only
when the readings disagree does the model, which reads the context, decide. A language
without ``lang/<lang>/lexicon.json`` (or a machine without Voikko) has no lexicon: every
question goes to the model, as before.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from extractors.lang import load

WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")  # a word a lexicon can know: letters, inner hyphens


@dataclass(frozen=True)
class Reading:
    pos: str
    lemma: str
    features: frozenset[tuple[str, str]]

    def has(self, want: Mapping[str, str]) -> bool:
        """Whether the reading carries every feature in ``want`` ({'Tense': 'Pres', ...})."""
        return all((k, v) in self.features for k, v in want.items())

    @property
    def finite(self) -> bool:
        return ("VerbForm", "Fin") in self.features


@lru_cache(maxsize=None)
def _analyser(lang: str) -> Callable[[str], list[dict[str, Any]]] | None:
    """The lexicon's analyse function for ``lang``; None without data or without the library."""
    if (load(lang, "lexicon") or {}).get("engine") != "voikko":
        return None
    try:
        import libvoikko
        return libvoikko.Voikko(lang).analyze
    except Exception:  # libvoikko or its dictionary not installed: the model answers alone
        return None


@lru_cache(maxsize=200_000)
def readings(word: str, lang: str) -> tuple[Reading, ...] | None:
    """Every reading the lexicon has for ``word``; None when it has none (or no lexicon)."""
    analyse = _analyser(lang)
    if analyse is None:
        return None
    data = load(lang, "lexicon")
    pos_of, tables = data["pos"], data["features"]
    out = []
    for analysis in analyse(word):
        features = {"POS": pos_of.get(analysis.get("CLASS"), "X")}
        for attribute, table in tables.items():
            features.update(table.get(analysis.get(attribute), {}))
        pos = features.pop("POS")
        out.append(Reading(pos, analysis.get("BASEFORM", word), frozenset(features.items())))
    return tuple(dict.fromkeys(out)) or None


def verdict(word: str, lang: str, test: Callable[[Reading], bool]) -> bool | None:
    """True when every reading of ``word`` passes ``test``, False when none does, None when
    they disagree or the lexicon does not know the word (the model must decide)."""
    found = readings(word, lang)
    if found is None:
        return None
    passed = [test(r) for r in found]
    return True if all(passed) else False if not any(passed) else None


def has_lexicon(lang: str) -> bool:
    return _analyser(lang) is not None
