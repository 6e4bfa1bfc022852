"""Cue patterns from ``extractors/lang/<lang>/cues.jsonl`` compiled to regexes.

Each line: ``{"id": "decision.postponed", "words": ["siirrettiin", "päätettiin siirtää", "lykät*"]}``.
A word ending in ``*`` matches as a prefix, one starting with ``*`` as a suffix;
spaces match any white space, and ``...`` up to four words. Ids are shared across languages.
"""
from __future__ import annotations

import re
from functools import lru_cache

from extractors.lang import load


GAP = r"(?:\S+\s+){0,4}?\S*?"


def _word_regex(word: str) -> str:
    prefix = word.endswith("*")
    suffix = word.startswith("*")
    core = word.strip("*")
    # "..." between words allows up to four words in between: "pantiin ... pöydälle"
    body = r"\s+".join(GAP if part == "..." else re.escape(part) for part in core.split())
    if suffix:
        body = r"\w*" + body
    if prefix:
        body = body + r"\w*"
    return body


@lru_cache(maxsize=None)
def cue(lang: str, cue_id: str) -> re.Pattern[str] | None:
    """The compiled pattern for ``cue_id`` in ``lang`` (None if the language lacks it)."""
    words = [w for entry in load(lang, "cues") if entry["id"] == cue_id for w in entry["words"]]
    if not words:
        return None
    words.sort(key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(_word_regex(w) for w in words) + r")(?!\w)", re.I)


@lru_cache(maxsize=None)
def cue_ids(lang: str, prefix: str) -> tuple[str, ...]:
    """All cue ids of ``lang`` that start with ``prefix`` (e.g. ``decision.``), in file order."""
    seen: dict[str, None] = {}
    for entry in load(lang, "cues"):
        if entry["id"].startswith(prefix):
            seen[entry["id"]] = None
    return tuple(seen)


def search(lang: str, cue_id: str, text: str) -> re.Match[str] | None:
    pattern = cue(lang, cue_id)
    return pattern.search(text) if pattern else None


def finditer(lang: str, cue_id: str, text: str) -> list[re.Match[str]]:
    pattern = cue(lang, cue_id)
    return list(pattern.finditer(text)) if pattern else []
