"""Base forms of single words through the language model's lemmatiser, cached."""
from __future__ import annotations

from functools import lru_cache

from extractors.nlp import analyse, has_model, lemma as token_lemma, load_nlp


@lru_cache(maxsize=4096)
def lemma(word: str, lang: str = "fi") -> str:
    """The lemma of ``word`` (lower-cased); the word itself when no model is available."""
    nlp = load_nlp(lang)
    if not has_model(nlp) or not word.strip():
        return word.lower()
    tokens = [t for t in analyse(word.lower(), lang) if not t.is_punct]
    return " ".join(token_lemma(t, lang) for t in tokens) if tokens else word.lower()


def lemma_phrase(phrase: str, lang: str = "fi") -> str:
    """A noun phrase with its head (last word) reduced to base form: 'johtoryhmän' -> 'johtoryhmä'."""
    words = phrase.split()
    if not words:
        return phrase
    return " ".join([w.lower() for w in words[:-1]] + [lemma(words[-1], lang)])
