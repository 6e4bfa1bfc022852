"""End to end: extract the seeds through the real CLI and score them with the shared scorer."""
from tests.heldout_sets import SHARED, extract_and_score, needs_scorer

pytestmark = needs_scorer

OVERALL_FLOOR = 0.95  # measured 1.0 (0.983 rules only); raise as extraction improves, the README states it


def test_seed_score(tmp_path):
    result = extract_and_score(sorted((SHARED / "seeds").glob("*.txt")), SHARED / "eval" / "gold", tmp_path)
    assert result["overall"] >= OVERALL_FLOOR
