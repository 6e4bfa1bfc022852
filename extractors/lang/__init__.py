"""Language knowledge as data: one folder per language, the same file names in each.

``<lang>/<name>.json`` holds a mapping or list; ``<lang>/<name>.jsonl`` holds cue
patterns, one object per line, whose ``id`` is shared across languages.
"""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Any

LANG_DIR = Path(__file__).parent
LANGUAGES = ("fi", "sv", "en")


@lru_cache(maxsize=None)
def load(lang: str, name: str) -> Any:
    """The data file ``name`` of ``lang`` (``.json`` or ``.jsonl``); empty if absent."""
    folder = LANG_DIR / lang
    path = folder / f"{name}.json"
    if path.exists():
        return json.loads(path.read_text(encoding="utf-8"))
    path = folder / f"{name}.jsonl"
    if path.exists():
        return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()
                if line.strip() and not line.lstrip().startswith("//")]
    return {}


def load_all(name: str) -> dict[str, Any]:
    """``name`` for every language that has it."""
    return {lang: data for lang in LANGUAGES if (data := load(lang, name))}
