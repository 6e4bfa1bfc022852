"""Cue patterns from ``extractors/lang/<lang>/cues.jsonl`` compiled to regexes.

Each line: ``{"id": "decision.postponed", "words": ["siirrettiin", "päätettiin siirtää", "lykät*"]}``.
A word ending in ``*`` matches as a prefix, one starting with ``*`` as a suffix (also
inside a phrase: "seuraavaan *kokoukseen"); spaces match any white space, and ``...``
up to four words. Ids are shared across languages.

Most searches find nothing: a text none of whose literals a cue's words contain is not
searched at all, and in a longer text a cue of single words is searched only around them.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import islice
from typing import Iterator
from re._casefix import _EXTRA_CASES

from extractors.lang import load


GAP = r"(?:\S+\s+){0,4}?\S*?"
LONG_TEXT = 120  # a longer text is searched only around the cue's literals (see _matches); a shorter one whole
MAX_WINDOWS = 40  # ... unless they occur so often that a plain scan is as quick
SPACE = re.compile(r"\s")


def _fold_fixes() -> dict[int, int | None]:
    """Letters ``re.I`` equates but ``str.lower`` keeps apart ('ſ'/'s', 'ı'/'i', 'ς'/'σ' …), each
    to one of its group; and the dot of 'İ', which ``re.I`` lowers to 'i' but ``str.lower`` to 'i̇'."""
    fixes: dict[int, int | None] = {0x307: None}
    for key, others in _EXTRA_CASES.items():
        group = (key, *others)
        fixes.update((member, min(group)) for member in group if member != min(group))
    return fixes


_FOLD_FIX = _fold_fixes()
_NEEDS_FIX = re.compile("[" + "".join(re.escape(chr(c)) for c in _FOLD_FIX) + "]")


@dataclass(frozen=True)
class _Cue:
    pattern: re.Pattern[str]
    needles: tuple[str, ...] | None  # folded literals: every match holds one (None: no filter)
    single_words: bool  # no word has a space or '...': a match never spans white space


def _word_regex(word: str) -> str:
    # "..." between words allows up to four words in between: "pantiin ... pöydälle"
    return r"\s+".join(GAP if part == "..." else _part_regex(part) for part in word.split())


def _part_regex(part: str) -> str:
    """One word of an entry: 'x*' a prefix, '*x' a suffix ('seuraavaan *kokoukseen')."""
    body = re.escape(part.strip("*"))
    if part.startswith("*"):
        body = r"\w*" + body
    if part.endswith("*"):
        body = body + r"\w*"
    return body


@lru_cache(maxsize=256)
def _fold(text: str) -> str:
    """``text`` lower-cased so that a substring ``re.I`` matches is a substring here too."""
    folded = text.lower()
    if not folded.isascii() and _NEEDS_FIX.search(folded):
        folded = folded.translate(_FOLD_FIX)
    return folded


def _needles(words: list[str]) -> tuple[str, ...] | None:
    """The longest literal of each word, folded, without those that hold a shorter one."""
    literals = set()
    for word in words:
        parts = [part.strip("*") for part in word.split() if part != "..."]
        if not parts:
            return None
        literals.add(_fold(max(parts, key=len)))
    kept: list[str] = []
    for literal in sorted(literals, key=len):
        if not any(k in literal for k in kept):
            kept.append(literal)
    return tuple(kept)


@lru_cache(maxsize=None)
def _cue(lang: str, cue_id: str) -> _Cue | None:
    words = [w for entry in load(lang, "cues") if entry["id"] == cue_id for w in entry["words"]]
    if not words:
        return None
    words.sort(key=len, reverse=True)
    pattern = re.compile(r"(?<!\w)(?:" + "|".join(_word_regex(w) for w in words) + r")(?!\w)", re.I)
    single = all(len(w.strip("*").split()) == 1 and w.strip("*") != "..." for w in words)
    return _Cue(pattern, _needles(words), single)


def cue(lang: str, cue_id: str) -> re.Pattern[str] | None:
    """The compiled pattern for ``cue_id`` in ``lang`` (None if the language lacks it)."""
    compiled = _cue(lang, cue_id)
    return compiled.pattern if compiled else None


@lru_cache(maxsize=None)
def cue_ids(lang: str, prefix: str) -> tuple[str, ...]:
    """All cue ids of ``lang`` that start with ``prefix`` (e.g. ``decision.``), in file order."""
    seen: dict[str, None] = {}
    for entry in load(lang, "cues"):
        if entry["id"].startswith(prefix):
            seen[entry["id"]] = None
    return tuple(seen)


def _possible(compiled: _Cue, text: str) -> bool:
    # Most calls find nothing; a substring test on the folded text is far cheaper than the regex.
    if compiled.needles is None:
        return True
    folded = _fold(text)
    for needle in compiled.needles:  # a plain loop: any() over a generator costs a third more here
        if needle in folded:
            return True
    return False


def _matches(compiled: _Cue, text: str) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text)``. The regex tries every position of the text (its leading
    look-behind and re.I keep ``re`` from skipping ahead), so in a long text a cue of single
    words is only looked for in the stretches between white space that hold one of its literals."""
    windows = _windows(compiled, text) if compiled.single_words and len(text) > LONG_TEXT else None
    if windows is None:
        yield from compiled.pattern.finditer(text)
        return
    for start, end in windows:
        yield from compiled.pattern.finditer(text, start, end)  # the look-behind still sees text[start - 1]


def _windows(compiled: _Cue, text: str) -> list[tuple[int, int]] | None:
    """Ordered, disjoint spans, each from white space (or the text's start) to white space (or its end),
    covering every whitespace-free stretch that holds a literal; None when that does not pay."""
    folded = _fold(text)
    if compiled.needles is None or len(folded) != len(text):  # a dropped U+0307 shifts the offsets
        return None
    hits: list[int] = []
    for needle in compiled.needles:
        at = folded.find(needle)
        while at >= 0:
            hits.append(at)
            if len(hits) > MAX_WINDOWS:
                return None
            at = folded.find(needle, at + 1)
    windows: list[tuple[int, int]] = []
    for at in sorted(hits):
        if windows and at < windows[-1][1]:
            continue  # the stretch of the previous hit
        start = max(text.rfind(" ", 0, at), text.rfind("\n", 0, at), text.rfind("\t", 0, at)) + 1
        space = SPACE.search(text, at)
        end = space.start() if space else len(text)
        if windows and start <= windows[-1][1]:
            windows[-1] = (windows[-1][0], end)
        else:
            windows.append((start, end))
    return windows


def search(lang: str, cue_id: str, text: str) -> re.Match[str] | None:
    compiled = _cue(lang, cue_id)
    if compiled is None or not _possible(compiled, text):
        return None
    return compiled.pattern.search(text) if len(text) <= LONG_TEXT else next(_matches(compiled, text), None)


def count(lang: str, cue_id: str, text: str, most: int) -> int:
    """How often the cue occurs in ``text``, counting no further than ``most``."""
    compiled = _cue(lang, cue_id)
    if compiled is None or not _possible(compiled, text):
        return 0
    return sum(1 for _ in islice(_matches(compiled, text), most))


def finditer(lang: str, cue_id: str, text: str) -> list[re.Match[str]]:
    compiled = _cue(lang, cue_id)
    if compiled is None or not _possible(compiled, text):
        return []
    return list(compiled.pattern.finditer(text) if len(text) <= LONG_TEXT else _matches(compiled, text))
