"""Language of a document: fi, sv, en, or und, from function-word counts (data per language)."""
from __future__ import annotations

import re

from extractors.lang import load_all
from schemas.document import BlockKind, Document

WORD = re.compile(r"[^\W\d_]+")
MIN_HITS = 3


def document_language(doc: Document) -> str:
    """The language of a document's own text (speaker notes are often in another language)."""
    return detect_language("\n".join(b.text for b in doc.blocks if b.kind != BlockKind.NOTE) or doc.text)


def detect_language(text: str, sample: int = 20000) -> str:
    """The language whose stop words cover the most tokens of ``text``."""
    tokens = [t.lower() for t in WORD.findall(text[:sample])]
    if not tokens:
        return "und"
    scores = {}
    for lang, data in load_all("stopwords").items():
        vocab = set(data["words"])
        scores[lang] = sum(1 for t in tokens if t in vocab)
    best = max(scores, key=scores.get)
    if scores[best] < min(MIN_HITS, max(1, len(tokens) // 10)):
        return _by_letters(text[:sample])
    return best


def _by_letters(text: str) -> str:
    """Few function words (lists, headings): the letters that mark a language, if they are clear."""
    lowered = text.lower()
    scores = {}
    for lang, data in load_all("stopwords").items():
        marks = sum(lowered.count(c) for c in data.get("marks", []))
        if marks >= MIN_HITS and not any(c in lowered for c in data.get("excludes", [])):
            scores[lang] = marks
    return max(scores, key=scores.get) if scores else "und"
