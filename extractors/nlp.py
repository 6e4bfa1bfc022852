"""The spaCy pipeline per language, loaded once per process; a blank pipeline when the model is missing."""
from __future__ import annotations

import os
import sys
from functools import lru_cache

import spacy
from spacy.language import Language

MODELS = {"fi": "spacy_fi_experimental_web_md"}


@lru_cache(maxsize=None)
def load_nlp(lang: str = "fi") -> Language:
    """The model for ``lang``; if it (or Voikko) is missing, say so once and use a blank pipeline."""
    name = MODELS.get(lang)
    if name and os.environ.get("ARKISTO_NO_MODEL"):
        name = None  # rules only: faster, and how the README's "without the model" score is measured
    if name:
        try:
            return spacy.load(name)
        except Exception as e:  # missing package, missing libvoikko: fall back to rules only
            print(f"arkisto: {name} unavailable ({type(e).__name__}: {e}); "
                  "using rules only (pip install spacy-fi-experimental-web-md; apt-get install libvoikko1 voikko-fi)",
                  file=sys.stderr)
    try:
        return spacy.blank(lang)
    except Exception:
        return spacy.blank("xx")


def has_model(nlp: Language) -> bool:
    return bool(nlp.pipe_names)
