"""Held-out evaluation: fourteen fi/sv/en documents the extractors were not tuned on.

The documents and hand-made gold live in tests/heldout/ (see its README). The
score test runs the real CLI and the shared scorer and guards against regressions;
the gold test keeps the annotations honest (every keyword must occur in the text
the readers produce, also for .docx and .pptx, which the shared check_gold.py
cannot open).
"""
from __future__ import annotations

import re

import pytest

from extractors.formats import read_document
from tests.heldout_sets import ROOT, documents, extract_and_score, golds, needs_scorer, norm

HELDOUT = ROOT / "tests" / "heldout"
DOCS = HELDOUT / "docs"
GOLD = HELDOUT / "gold"

# Measured on the first run after the gold was frozen: overall 0.839 (see
# tests/heldout/README.md). The floor is that minus 0.05, rounded down, so the test
# catches regressions but not noise. Raise it when extraction improves; never lower
# it to make a change pass.
# Raised after the rules improved (2026-11-22: overall 0.981); the same 0.05 of slack.
OVERALL_FLOOR = 0.93


def test_every_document_has_gold():
    docs = [p.name for p in documents(DOCS)]
    assert docs == sorted(g["source"] for g in golds(GOLD))
    assert len(docs) >= 12


@pytest.mark.parametrize("gold", golds(GOLD), ids=lambda g: g["source"])
def test_gold_keywords_occur_in_read_text(gold):
    """Equivalent of shared check_gold.py that also reads .docx/.pptx through our readers."""
    text = norm(read_document(DOCS / gold["source"]).text)
    missing = [k for section in ("decisions", "commitments") for item in gold.get(section, [])
               for k in item.get("keywords", []) if norm(k) not in text]
    missing += [k for m in gold.get("meetings", [])
                for k in m.get("place_keywords", []) + m.get("body_keywords", []) if norm(k) not in text]
    missing += [c["email"] for c in gold.get("contacts", []) if c["email"].split("@")[0] not in text]
    assert not missing
    for day in gold.get("dates", []):
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", day)
    assert len(gold.get("dates", [])) == len(set(gold.get("dates", [])))


@needs_scorer
@pytest.mark.slow
def test_heldout_score(tmp_path):
    result = extract_and_score(documents(DOCS), GOLD, tmp_path)
    assert not result.get("missing_predictions")
    assert result["overall"] >= OVERALL_FLOOR
