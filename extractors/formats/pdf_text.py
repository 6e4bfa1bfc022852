"""Text repairs for PDF and OCR lines: TeX's spacing accents, hyphenation at line
ends, list markers. Pure functions; ``pdf.py`` feeds them pdfium characters."""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Any

from extractors.lang import load_all

# Spacing diacritics (as pdfTeX's fonts emit them) -> their combining forms
SPACING_MARKS = {
    "\u00a8": "\u0308",  # ¨ diaeresis
    "\u00b4": "\u0301",  # ´ acute
    "\u02da": "\u030a",  # ˚ ring
    "\u02c7": "\u030c",  # ˇ caron
    "\u0060": "\u0300",  # ` grave
    "\u005e": "\u0302",  # ^ circumflex
    "\u02c6": "\u0302",  # ˆ modifier circumflex
    "\u02dc": "\u0303",  # ˜ small tilde
    "\u00af": "\u0304",  # ¯ macron
    "\u02d8": "\u0306",  # ˘ breve
    "\u02d9": "\u0307",  # ˙ dot above
    "\u02dd": "\u030b",  # ˝ double acute
}
# Marks that never stand alone in prose may be recomposed from the text alone;
# ` ^ ´ also serve as backtick, caret and apostrophe, so they need geometry (or a vowel).
TEXT_ONLY_MARKS = "\u00a8\u02da\u02c7\u02dc\u02c6\u02dd"
MARK_THEN_LETTER = re.compile(f"([{TEXT_ONLY_MARKS}])([^\\W\\d_])|(\u00b4)([AEIOUYaeiouy])")
LETTER_THEN_MARK = re.compile(f"([^\\W\\d_])([{TEXT_ONLY_MARKS}])(?![^\\W\\d_])")

BULLET = re.compile(r"^\s*([•●▪◦‣∙·○■□►▶➢➤✓✔❖*\uf0b7\uf0a7\uf0d8\uf076]|[-–—](?=\s))\s*")
NUMBERED = re.compile(r"^\s*(?:\d{1,3}(?:\.\d{1,3})*[.)]|[a-zåäö][.)]|§\s*\d+(?:\.\d+)*\.?)\s+\S")
HYPHENS = "-\u2010\u00ad\u0002"
SENTENCE_END = ".!?:;"


def compose(base: str, mark: str) -> str | None:
    """``base`` with spacing ``mark`` as one precomposed letter, or None if none exists."""
    composed = unicodedata.normalize("NFC", base + SPACING_MARKS[mark])
    return composed if len(composed) == 1 else None


def attach_marks(chars: list[list[Any]]) -> None:
    """Fold spacing accents into the letter they sit on, by geometry, in place.

    ``chars`` are ``[char, left, right, bottom, top, size, index]`` in PDF space (y up).
    TeX draws an accent as its own glyph over the letter; a real backtick, caret or
    apostrophe has its own advance and does not overlap a letter beneath it.
    """
    for k, mark in enumerate(chars):
        if mark[0] not in SPACING_MARKS or mark[2] <= mark[1]:
            continue
        width = mark[2] - mark[1]
        best, best_score = None, None
        for m, base in enumerate(chars):
            if m == k or not base[0].isalpha() or base[2] <= base[1]:
                continue
            overlap = min(mark[2], base[2]) - max(mark[1], base[1])
            height = base[4] - base[3]
            if overlap < 0.6 * width or mark[3] < base[4] - 0.25 * height or mark[3] > base[4] + height:
                continue
            score = abs((mark[1] + mark[2]) - (base[1] + base[2]))
            if best_score is None or score < best_score:
                best, best_score = m, score
        if best is None or (letter := compose(chars[best][0], mark[0])) is None:
            continue
        chars[best][0] = letter
        mark[0] = " " if _gap_around(chars, k) else ""


def _gap_around(chars: list[list[Any]], k: int) -> bool:
    """Did the removed accent stand in a word space (pdfTeX's ``att˚al¨agga``)?"""
    before = next((c for c in reversed(chars[:k]) if c[0]), None)
    after = next((c for c in chars[k + 1:] if c[0]), None)
    if before is None or after is None or before[0].isspace() or after[0].isspace():
        return False
    return after[1] - before[2] > 0.2 * max(before[5], after[5], 1.0)


def recompose_marks(text: str) -> str:
    """Text-only fallback for accents that geometry left: ``f¨or`` -> ``för``, ``a¨`` -> ``ä``."""
    if SPACING_MARKS.keys().isdisjoint(text):
        return text

    def before(m: re.Match[str]) -> str:
        mark, base = (m[1], m[2]) if m[1] else (m[3], m[4])
        return compose(base, mark) or m[0]

    text = MARK_THEN_LETTER.sub(before, text)
    return LETTER_THEN_MARK.sub(lambda m: compose(m[1], m[2]) or m[0], text)


def is_list_marker(text: str) -> bool:
    return bool(BULLET.match(text) or NUMBERED.match(text))


def strip_bullet(text: str) -> str:
    """Drop a bullet symbol; item numbers stay (agenda items are cited by number)."""
    m = BULLET.match(text)
    return text[m.end():] if m and text[m.end():].strip() else text


@lru_cache(maxsize=1)
def _short_function_words() -> frozenset[str]:
    """Short function words (``ja``, ``och``, ``and``) of every language: after a line-end
    hyphen they mean a suspended compound (``sosiaali- ja terveys``), not a split word."""
    words = set()
    for data in load_all("stopwords").values():
        items = data.get("words", []) if isinstance(data, dict) else data
        words.update(w.lower() for w in items if isinstance(w, str) and len(w) <= 5)
    return frozenset(words)


def join_lines(lines: list[str]) -> str:
    """A paragraph's lines as running text; words hyphenated at a line end are rejoined."""
    out = ""
    for line in lines:
        line = line.strip()
        if not line:
            continue
        if not out:
            out = line
        elif out[-1] in HYPHENS:
            out = _join_hyphen(out[:-1], line)
        else:
            out = f"{out} {line}"
    return out


def _join_hyphen(left: str, right: str) -> str:
    """``left`` ended in a hyphen that was removed: decide what the hyphen was."""
    if not left or left[-1].isspace():
        return f"{left}- {right}".lstrip() if left.strip() else f"- {right}"  # a dash
    word = re.search(r"[^\W\d_]+$", left)
    first = re.match(r"[^\W\d_]+", right)
    if word is None or first is None or not right[0].islower():
        return f"{left}-{right}"  # 2013-10-09, Koha-Suomi, Kick-Off
    head, tail = word[0], first[0]
    if tail.lower() in _short_function_words() and (len(right) == len(tail) or not right[len(tail)].isalpha()):
        return f"{left}- {right}"  # sosiaali- ja terveys
    if head[-1].lower() == tail[0] and head[-1].lower() in "aeiouyäöå":
        return f"{left}-{right}"  # Finnish writes a hyphen between equal vowels: linja-auto
    before = left[: word.start()].rstrip()
    proper = head[0].isupper() and before and before[-1] not in SENTENCE_END
    if proper or head.isupper() and len(head) > 1:
        return f"{left}-{right}"  # Koha-kirjastojärjestelmä, EU-maat
    return left + right
