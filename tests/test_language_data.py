"""Language knowledge lives in data files: every cue id exists per language and no cue word is in code."""
import json
import re
from pathlib import Path

import pytest

from extractors.lang import LANG_DIR, LANGUAGES, load

CODE = [p for p in Path("extractors").rglob("*.py")]


def cue_words(lang: str) -> set[str]:
    return {w.strip("*").lower() for e in load(lang, "cues") for w in e["words"]}


def test_every_language_has_the_same_cue_ids():
    ids = {lang: {e["id"] for e in load(lang, "cues")} for lang in LANGUAGES}
    assert ids["fi"] == ids["sv"] == ids["en"]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_cue_files_are_valid_jsonl(lang):
    for line in (LANG_DIR / lang / "cues.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("//"):
            entry = json.loads(line)
            assert entry["id"] and entry["words"]


def test_no_cue_word_in_python_code():
    # English is also the language of the code, so its cue words ("contact") are identifiers too
    words = {w for lang in ("fi", "sv") for w in cue_words(lang) if len(w) >= 5 and " " not in w} - cue_words("en")
    offenders = []
    for path in CODE:
        source = path.read_text(encoding="utf-8").lower()
        source = re.sub(r'"""(?:.|\n)*?"""', "", source)  # docstrings may cite examples
        source = re.sub(r"#[^\n]*", "", source)
        strings = " ".join(re.findall(r"[\"']([^\"'\n]{3,})[\"']", source))
        for w in words:
            if re.search(rf"(?<!\w){re.escape(w)}(?!\w)", strings):
                offenders.append(f"{path}: {w}")
    assert not offenders, offenders
