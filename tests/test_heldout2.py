"""Second held-out evaluation: sixteen fi/sv/en documents in seven formats, never tuned on.

The documents, their generator and the hand-made gold live in tests/heldout2/ (see
its README); the gold was committed before arkisto first ran on them. The score test
runs the real CLI and the shared scorer and guards against regressions; the gold
tests keep the annotations honest against the text our readers produce (the shared
check_gold.py reads every file as UTF-8 text, so it cannot check the PDFs, Office
files or the Windows-1252 e-mail).
"""
from __future__ import annotations

import json
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from extractors.formats import read_document

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
HELDOUT = ROOT / "tests" / "heldout2"
DOCS = HELDOUT / "docs"
GOLD = HELDOUT / "gold"

# Measured on the first run after the gold was frozen (commit 3e7d9f4): overall 0.836
# (see tests/heldout2/README.md). The floor is that minus 0.05, rounded down, so the
# test catches regressions but not noise. Raise it when extraction improves; never
# lower it to make a change pass, and never edit the gold to raise the score.
# Raised after the rules improved (2026-11-22: overall 0.974); the same 0.05 of slack.
OVERALL_FLOOR = 0.92

needs_scorer = pytest.mark.skipif(not (SHARED / "eval" / "score.py").exists(),
                                  reason="shared/eval not beside the repo")

DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212"
KINDS = {"minutes", "agenda", "slides", "bulletin", "plan", "report", "other"}


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
    assert 14 <= len(docs) <= 16


def test_set_exercises_the_readers():
    """The set is meant to measure the readers too: keep its format mix when documents change."""
    formats = Counter(read_document(p).format for p in DOCS.iterdir())
    assert formats["pdf"] >= 4 and formats["docx"] >= 3 and formats["pptx"] >= 2
    assert formats["odt"] >= 1 and formats["doc"] >= 1
    languages = Counter(g["language"] for g in _golds())
    assert languages["sv"] >= 3 and languages["en"] >= 2


@pytest.mark.parametrize("gold", _golds(), ids=lambda g: g["source"])
def test_gold_keywords_occur_in_read_text(gold):
    """Equivalent of shared check_gold.py that reads every format through our readers."""
    text = _norm(read_document(DOCS / gold["source"]).text)
    missing = [k for section in ("decisions", "commitments") for item in gold.get(section, [])
               for k in item.get("keywords", []) if _norm(k) not in text]
    missing += [k for m in gold.get("meetings", [])
                for k in m.get("place_keywords", []) + m.get("body_keywords", []) if _norm(k) not in text]
    missing += [c["email"] for c in gold.get("contacts", []) if c["email"].lower() not in text]
    missing += [a["name"] for a in gold.get("attendees", []) if _norm(a["name"]) not in text]
    missing += [f for row in gold.get("table_rows", []) for f in row if _norm(f.lstrip("=")) not in text]
    assert not missing


@pytest.mark.parametrize("gold", _golds(), ids=lambda g: g["source"])
def test_gold_is_well_formed(gold):
    kinds = gold["kind"] if isinstance(gold["kind"], list) else [gold["kind"]]
    assert set(kinds) <= KINDS
    assert gold["language"] in {"fi", "sv", "en"}
    days = gold.get("dates", [])
    assert all(re.fullmatch(r"\d{4}-\d{2}-\d{2}", d) for d in days) and len(days) == len(set(days))
    assert all(m["status"] in {"held", "planned", "cancelled"} for m in gold.get("meetings", []))
    for a in gold.get("attendees", []):
        assert a.get("status", "present") in {"present", "absent"}
        assert a.get("role", "member") in {"chair", "vice_chair", "secretary", "member", "speaker", "guest", "other"}
    for c in gold.get("commitments", []):
        assert all(re.fullmatch(r"\d{4}-\d{2}-\d{2}", p) for p in c.get("due", "2000-01-01").split("/"))


def _score(pred: Path) -> dict:
    out = subprocess.run([sys.executable, str(SHARED / "eval" / "score.py"), "--gold", str(GOLD),
                          "--pred", str(pred), "--json"], capture_output=True, text=True, check=True)
    return json.loads(out.stdout[:out.stdout.rindex("}") + 1])


@needs_scorer
@pytest.mark.slow
def test_heldout2_score(tmp_path):
    docs = sorted(p for p in DOCS.iterdir() if p.is_file())
    subprocess.run([str(Path(sys.executable).parent / "arkisto"), "extract", *map(str, docs), "--out", str(tmp_path)],
                   check=True, capture_output=True)
    result = _score(tmp_path)
    print(json.dumps(result, indent=1))
    assert not result.get("missing_predictions")
    assert result["overall"] >= OVERALL_FLOOR
