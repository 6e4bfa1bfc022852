"""Third held-out evaluation: fifteen fi/sv/en documents in nine formats, never tuned on.

The documents, their generator and the hand-made gold live in tests/heldout3/ (see
its README); the gold was committed before arkisto first ran on them, by someone who
had not read the extractors nor the earlier sets' gold. The score test
runs the real CLI and the shared scorer and guards against regressions; the gold
tests keep the annotations honest against the text our readers produce (the shared
check_gold.py reads every file as UTF-8 text, so it cannot check the PDFs, Office
files, the RTF or the ISO-8859-1 e-mail).
"""
from __future__ import annotations

from collections import Counter

import pytest

from extractors.formats import read_document
from tests.heldout_sets import ROOT, check_well_formed, documents, extract_and_score, golds, missing_in_text, \
    needs_scorer, norm

HELDOUT = ROOT / "tests" / "heldout3"
DOCS = HELDOUT / "docs"
GOLD = HELDOUT / "gold"

# Measured on the first run after the gold was frozen (commit 60f880d): overall 0.843
# (see tests/heldout3/README.md). The floor is that minus 0.05, rounded down, so the
# test catches regressions but not noise. Raise it when extraction improves; never
# lower it to make a change pass, and never edit the gold to raise the score.
# Raised after the rules improved (2026-11-22: overall 0.961); the same 0.05 of slack.
OVERALL_FLOOR = 0.91


def test_every_document_has_gold():
    docs = [p.name for p in documents(DOCS)]
    assert docs == sorted(g["source"] for g in golds(GOLD))
    assert 14 <= len(docs) <= 16


def test_set_exercises_the_readers():
    """The set is meant to measure the readers too: keep its format mix when documents change."""
    formats = Counter(read_document(p).format for p in DOCS.iterdir())
    assert formats["pdf"] >= 4 and formats["docx"] >= 2 and formats["pptx"] >= 1
    assert formats["ppt"] >= 1 and formats["odt"] >= 1 and formats["rtf"] >= 1
    languages = Counter(g["language"] for g in golds(GOLD))
    assert languages["sv"] >= 3 and languages["en"] >= 2


@pytest.mark.parametrize("gold", golds(GOLD), ids=lambda g: g["source"])
def test_gold_keywords_occur_in_read_text(gold):
    """Equivalent of shared check_gold.py that reads every format through our readers."""
    assert not missing_in_text(gold, norm(read_document(DOCS / gold["source"]).text))


@pytest.mark.parametrize("gold", golds(GOLD), ids=lambda g: g["source"])
def test_gold_is_well_formed(gold):
    check_well_formed(gold)


@needs_scorer
@pytest.mark.slow
def test_heldout3_score(tmp_path):
    result = extract_and_score(documents(DOCS), GOLD, tmp_path)
    assert not result.get("missing_predictions")
    assert result["overall"] >= OVERALL_FLOOR
