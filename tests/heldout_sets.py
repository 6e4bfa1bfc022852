"""What the score tests (seeds and held-out sets) share: the gold files, the scorer's text normalisation,
the gold checks that read every format through our readers, and one scored extraction run."""
from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212"
KINDS = {"minutes", "agenda", "slides", "bulletin", "plan", "report", "other"}
ROLES = {"chair", "vice_chair", "secretary", "member", "speaker", "guest", "other"}
DAY = re.compile(r"\d{4}-\d{2}-\d{2}")

needs_scorer = pytest.mark.skipif(not (SHARED / "eval" / "score.py").exists(),
                                  reason="shared/eval not beside the repo")


def norm(text: str) -> str:
    """The scorer's normalisation: lower case, one dash, no markdown emphasis, folded space."""
    s = str(text).lower()
    for d in DASHES:
        s = s.replace(d, "-")
    return re.sub(r"\s+", " ", s.replace("*", "")).strip()


def golds(folder: Path) -> list[dict]:
    return [json.loads(p.read_text(encoding="utf-8")) for p in sorted(folder.glob("*.gold.json"))]


def documents(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p.is_file())


def missing_in_text(gold: dict, text: str) -> list[str]:
    """Gold fragments (keywords, places, bodies, e-mails, names, table cells) that ``text``
    (normalised) does not hold: the shared check_gold.py for every format."""
    missing = [k for section in ("decisions", "commitments") for item in gold.get(section, [])
               for k in item.get("keywords", []) if norm(k) not in text]
    missing += [k for m in gold.get("meetings", [])
                for k in m.get("place_keywords", []) + m.get("body_keywords", []) if norm(k) not in text]
    missing += [c["email"] for c in gold.get("contacts", []) if c["email"].lower() not in text]
    missing += [a["name"] for a in gold.get("attendees", []) if norm(a["name"]) not in text]
    missing += [f for row in gold.get("table_rows", []) for f in row if norm(f.lstrip("=")) not in text]
    return missing


def check_well_formed(gold: dict) -> None:
    kinds = gold["kind"] if isinstance(gold["kind"], list) else [gold["kind"]]
    assert set(kinds) <= KINDS
    assert gold["language"] in {"fi", "sv", "en"}
    days = gold.get("dates", [])
    assert all(DAY.fullmatch(d) for d in days) and len(days) == len(set(days))
    assert all(m["status"] in {"held", "planned", "cancelled"} for m in gold.get("meetings", []))
    for a in gold.get("attendees", []):
        assert a.get("status", "present") in {"present", "absent"}
        assert a.get("role", "member") in ROLES
    for c in gold.get("commitments", []):
        assert all(DAY.fullmatch(p) for p in c.get("due", "2000-01-01").split("/"))


def score(gold: Path, pred: Path) -> dict:
    """The shared scorer's JSON result for the predictions in ``pred``."""
    out = subprocess.run([sys.executable, str(SHARED / "eval" / "score.py"), "--gold", str(gold),
                          "--pred", str(pred), "--json"], capture_output=True, text=True, check=True)
    return json.loads(out.stdout[:out.stdout.rindex("}") + 1])


def extract_and_score(docs: list[Path], gold: Path, out: Path) -> dict:
    """``arkisto extract`` over ``docs`` into ``out`` (the real CLI), then the shared scorer."""
    subprocess.run([str(Path(sys.executable).parent / "arkisto"), "extract", *map(str, docs), "--out", str(out)],
                   check=True, capture_output=True)
    result = score(gold, out)
    print(json.dumps(result, indent=1))
    return result
