"""The decision cue words in each sentence of one document, looked for once.

The decision rules type a sentence by its first cue; the commitment rules blank the cues out
(a cancellation is a decision, not a plan) and check that a task verb is not one of them.
Both ask about the same sentences, and the seven cue searches were a tenth of their time.
"""
from __future__ import annotations

import re

from . import cues

PREFIX = "decision."
Hits = tuple[tuple[str, tuple[re.Match[str], ...]], ...]  # (cue id, its matches), only ids that match


class DecisionCues:
    """One document's decision cue matches, per sentence text (made afresh for every document)."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self._hits: dict[str, Hits] = {}

    def hits(self, text: str) -> Hits:
        """Each decision cue id that occurs in ``text``, most specific first (file order), with
        every match, as ``cues.finditer`` gives them."""
        found = self._hits.get(text)
        if found is None:
            found = self._hits[text] = tuple(
                (cue_id, tuple(matches)) for cue_id in cues.cue_ids(self.lang, PREFIX)
                if (matches := cues.finditer(self.lang, cue_id, text)))
        return found

    def first(self, text: str) -> tuple[str, int, int] | None:
        """(type, start, end) of the first match of the most specific cue in ``text``."""
        for cue_id, matches in self.hits(text):
            return cue_id.removeprefix(PREFIX), matches[0].start(), matches[0].end()
        return None

    def blanked(self, text: str) -> str:
        """``text`` with its decision cues blanked out cue by cue: each cue is looked for in
        what the cues before it left, so once one has blanked something the rest look again."""
        hits = dict(self.hits(text))
        if not hits:
            return text
        changed = False
        for cue_id in cues.cue_ids(self.lang, PREFIX):
            for m in cues.finditer(self.lang, cue_id, text) if changed else hits.get(cue_id, ()):
                text = text[:m.start()] + " " * (m.end() - m.start()) + text[m.end():]
                changed = True
        return text
