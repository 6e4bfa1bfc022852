"""Forward-looking verbs: a language's planned-action verb form (data-driven), confirmed by the model."""
from __future__ import annotations

import re
from functools import lru_cache

from extractors.lang import load
from extractors.nlp import analyse, has_model, load_nlp, prime


@lru_cache(maxsize=None)
def _suffix_re(lang: str) -> re.Pattern[str] | None:
    suffix = (load(lang, "grammar") or {}).get("forward_verb_suffix")
    return re.compile(rf"(?<!\w){suffix}(?!\w)", re.I) if suffix else None


def prime_sentences(texts: list[str], lang: str) -> None:
    """Analyse, in one batch, the sentences the verb tests will ask about (those with a candidate)."""
    pattern = _suffix_re(lang)
    if pattern:
        prime([t for t in texts if pattern.search(t)], lang)


def forward_verbs(text: str, lang: str) -> list[re.Match[str]]:
    """Verbs in ``text`` in the language's planned-action form (Finnish passive present)."""
    pattern = _suffix_re(lang)
    if not pattern:
        return []
    candidates = list(pattern.finditer(text))
    if not candidates:
        return []
    nlp = load_nlp(lang)
    if not has_model(nlp):
        return candidates
    want = load(lang, "grammar")["forward_verb_morph"]
    confirmed = {t.idx for t in analyse(text, lang)
                 if all(t.morph.get(k) == [v] for k, v in want.items())}
    return [m for m in candidates if m.start() in confirmed]


def present_active_verbs(text: str, lang: str) -> list[str]:
    """Finite present-tense active verbs (the model's morphology; empty without a model)."""
    nlp = load_nlp(lang)
    want = (load(lang, "grammar") or {}).get("present_active_morph")
    if not want or not has_model(nlp):
        return []
    return [t.text for t in analyse(text, lang) if t.pos_ in ("VERB", "AUX") and t.lemma_ not in ("olla",)
            and all(t.morph.get(k) == [v] for k, v in want.items())]


def has_finite_verb(text: str, lang: str) -> bool:
    """Whether ``text`` is a clause (has a finite verb) rather than a noun phrase; False without a model."""
    nlp = load_nlp(lang)
    if not has_model(nlp):
        return False
    return any(t.pos_ in ("VERB", "AUX") and "Fin" in t.morph.get("VerbForm") for t in analyse(text, lang))


@lru_cache(maxsize=4096)
def is_genitive_noun(word: str, lang: str) -> bool:
    """'perhetyön' (a noun in the genitive) qualifies a body; 'selvittävän' (a participle) does not.
    Without a model, only an all-capital heading word is trusted."""
    nlp = load_nlp(lang)
    if not has_model(nlp):
        return word.isupper()
    token = analyse(word.lower(), lang)[0]  # a heading in capitals reads as a proper noun
    return token.pos_ in ("NOUN", "PROPN") and token.morph.get("Case") == ["Gen"]
