"""Held-out evaluation: fourteen fi/sv/en documents the extractors were not tuned on.

The documents and hand-made gold live in tests/heldout/ (see its README). The
score test runs the real CLI and the shared scorer and guards against regressions;
the gold test keeps the annotations honest (every keyword must occur in the text
the readers produce, also for .docx and .pptx, which the shared check_gold.py
cannot open).
"""
from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from extractors.formats import read_document

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
HELDOUT = ROOT / "tests" / "heldout"
DOCS = HELDOUT / "docs"
GOLD = HELDOUT / "gold"

# Measured on the first run after the gold was frozen: overall 0.839 (see
# tests/heldout/README.md). The floor is that minus 0.05, rounded down, so the test
# catches regressions but not noise. Raise it when extraction improves; never lower
# it to make a change pass.
# Raised after the rules improved (2026-11-22: overall 0.981); the same 0.05 of slack.
OVERALL_FLOOR = 0.93

needs_scorer = pytest.mark.skipif(not (SHARED / "eval" / "score.py").exists(),
                                  reason="shared/eval not beside the repo")

DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212"


def _norm(text: str) -> str:
    """The scorer's normalisation: lower case, one dash, no markdown emphasis, folded space."""
    s = str(text).lower()
    for d in DASHES:
        s = s.replace(d, "-")
    return re.sub(r"\s+", " ", s.replace("*", "")).strip()


def _golds() -> list[dict]:
    return [json.loads(p.read_text(encoding="utf-8")) for p in sorted(GOLD.glob("*.gold.json"))]


def test_every_document_has_gold():
    docs = sorted(p.name for p in DOCS.iterdir() if p.is_file())
    assert docs == sorted(g["source"] for g in _golds())
    assert len(docs) >= 12


@pytest.mark.parametrize("gold", _golds(), ids=lambda g: g["source"])
def test_gold_keywords_occur_in_read_text(gold):
    """Equivalent of shared check_gold.py that also reads .docx/.pptx through our readers."""
    text = _norm(read_document(DOCS / gold["source"]).text)
    missing = [k for section in ("decisions", "commitments") for item in gold.get(section, [])
               for k in item.get("keywords", []) if _norm(k) not in text]
    missing += [k for m in gold.get("meetings", [])
                for k in m.get("place_keywords", []) + m.get("body_keywords", []) if _norm(k) not in text]
    missing += [c["email"] for c in gold.get("contacts", []) if c["email"].split("@")[0] not in text]
    assert not missing
    for day in gold.get("dates", []):
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", day)
    assert len(gold.get("dates", [])) == len(set(gold.get("dates", [])))


def _score(pred: Path) -> dict:
    out = subprocess.run([sys.executable, str(SHARED / "eval" / "score.py"), "--gold", str(GOLD),
                          "--pred", str(pred), "--json"], capture_output=True, text=True, check=True)
    return json.loads(out.stdout[:out.stdout.rindex("}") + 1])


@needs_scorer
@pytest.mark.slow
def test_heldout_score(tmp_path):
    docs = sorted(p for p in DOCS.iterdir() if p.is_file())
    subprocess.run([str(Path(sys.executable).parent / "arkisto"), "extract", *map(str, docs), "--out", str(tmp_path)],
                   check=True, capture_output=True)
    result = _score(tmp_path)
    print(json.dumps(result, indent=1))
    assert not result.get("missing_predictions")
    assert result["overall"] >= OVERALL_FLOOR
