"""The decision cues found once per sentence give what the decision and commitment rules found
when each looked for them itself."""
from pathlib import Path

import pytest

from extractors.formats import read_document
from extractors.lang import LANGUAGES
from extractors.records import cues
from extractors.records.decision_cues import DecisionCues
from extractors.records.sentences import sentences

SEEDS = Path("/work/shared/seeds")
TEXTS = [*sorted(SEEDS.glob("*.txt")), *sorted(Path("tests").glob("heldout*/docs/*.txt")),
         *sorted(Path("tests").glob("heldout*/docs/*.md"))]


def _first_cue(text: str, lang: str) -> tuple[str, int, int] | None:
    """decisions.decision_type's cue search as it was: the first cue id with a match."""
    for cue_id in cues.cue_ids(lang, "decision."):
        if m := cues.search(lang, cue_id, text):
            return cue_id.split(".", 1)[1], m.start(), m.end()
    return None


def _blanked(text: str, lang: str) -> str:
    """commitments' blanking as it was: every cue in turn, on what the earlier ones left."""
    for cue_id in cues.cue_ids(lang, "decision."):
        for m in cues.finditer(lang, cue_id, text):
            text = text[:m.start()] + " " * (m.end() - m.start()) + text[m.end():]
    return text


def _sentences() -> list[str]:
    texts = []
    for path in TEXTS:
        doc = read_document(path)
        texts += [s.text for s in sentences(doc, "fi")]
    return texts


SENTENCES = _sentences()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_shared_cues_equal_each_rules_own_search(lang):
    found = DecisionCues(lang)
    with_cues = 0
    for text in SENTENCES:
        hits = found.hits(text)
        assert found.first(text) == _first_cue(text, lang), text
        assert found.blanked(text) == _blanked(text, lang), text
        assert [(cue_id, [m.span() for m in ms]) for cue_id, ms in hits] == [
            (cue_id, [m.span() for m in cues.finditer(lang, cue_id, text)])
            for cue_id in cues.cue_ids(lang, "decision.") if cues.finditer(lang, cue_id, text)], text
        with_cues += bool(hits)
    assert with_cues >= 5  # the sentences hold cues of this language, so the comparison means something


def test_overlapping_cues_of_two_types_type_and_blank_as_before():
    # 'päätettiin siirtää' (postponed) holds 'päätettiin' (decided); 'todettiin yhdessä' (agreed) holds
    # 'todettiin' (noted): the more specific type wins, and every cue word is blanked
    text = "Asian käsittely päätettiin siirtää. Todettiin yhdessä, että päätettiin hyväksyä muistio."
    found = DecisionCues("fi")
    assert [cue_id for cue_id, _ in found.hits(text)] == [
        "decision.postponed", "decision.approved", "decision.decided", "decision.agreed", "decision.noted"]
    assert found.first(text) == _first_cue(text, "fi") == ("postponed", 16, 34)
    assert found.blanked(text) == _blanked(text, "fi")
    assert not any(word in found.blanked(text).lower() for word in ("päätettiin", "todettiin", "hyväksyä"))
