"""Verb questions the rules ask: planned-action forms (data-driven candidates), finite and
present-tense verbs. The lexicon answers where a word's readings agree; the model, which reads
the context, where they do not."""
from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from functools import lru_cache

from extractors.lang import load
from extractors.lexicon import WORD, Reading, has_lexicon, readings, verdict
from extractors.nlp import analyse, has_model, lemma, load_nlp


@lru_cache(maxsize=None)
def _suffix_re(lang: str) -> re.Pattern[str] | None:
    suffix = (load(lang, "grammar") or {}).get("forward_verb_suffix")
    return re.compile(rf"(?<!\w){suffix}(?!\w)", re.I) if suffix else None


def model_sentences(texts: list[str], lang: str) -> list[str]:
    """The texts whose planned-action candidates the lexicon cannot settle (the model will read them)."""
    pattern = _suffix_re(lang)
    if not pattern or not has_model(load_nlp(lang)):
        return []
    want = load(lang, "grammar")["forward_verb_morph"]
    return [t for t in texts if any(_settled(m.group(0), lang, want) is None for m in pattern.finditer(t))]


def _settled(word: str, lang: str, want: Mapping[str, str]) -> bool | None:
    return verdict(word, lang, lambda r: r.has(want))


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
    settled = [_settled(m.group(0), lang, want) for m in candidates]
    if None in settled:  # an illative noun or a passive verb ('toimintaan'): the context decides
        confirmed = {t.idx for t in analyse(text, lang) if all(t.morph.get(k) == [v] for k, v in want.items())}
        settled = [m.start() in confirmed if known is None else known for m, known in zip(candidates, settled)]
    return [m for m, yes in zip(candidates, settled) if yes]


def present_active_verbs(text: str, lang: str) -> list[str]:
    """Finite present-tense active verbs (the model's morphology; empty without a model)."""
    nlp = load_nlp(lang)
    want = (load(lang, "grammar") or {}).get("present_active_morph")
    if not want or not has_model(nlp):
        return []
    test = lambda r: r.pos in ("VERB", "AUX") and r.lemma != "olla" and r.has(want)  # noqa: E731
    known = _words_settled(text, lang, test)
    if known is not None:
        return known
    return [t.text for t in analyse(text, lang) if t.pos_ in ("VERB", "AUX")
            and all(t.morph.get(k) == [v] for k, v in want.items()) and lemma(t, lang) != "olla"]


def has_finite_verb(text: str, lang: str) -> bool:
    """Whether ``text`` is a clause (has a finite verb) rather than a noun phrase; False without a model."""
    nlp = load_nlp(lang)
    if not has_model(nlp):
        return False
    known = _words_settled(text, lang, Reading.finite.fget)
    if known is not None:
        return bool(known)
    return any(t.pos_ in ("VERB", "AUX") and "Fin" in t.morph.get("VerbForm") for t in analyse(text, lang))


def _words_settled(text: str, lang: str, test: Callable[[Reading], bool]) -> list[str] | None:
    """The words of ``text`` that pass ``test`` when the lexicon settles every word (a capitalised
    word it does not know is a name, and passes no verb test); None when the model must decide."""
    if not has_lexicon(lang):
        return None
    found = []
    for m in WORD.finditer(text):
        word = m.group(0)
        known = verdict(word, lang, test)
        if known is None and not (word[:1].isupper() and readings(word, lang) is None):
            return None
        if known:
            found.append(word)
    return found


@lru_cache(maxsize=4096)
def is_genitive_noun(word: str, lang: str) -> bool:
    """'perhetyön' (a noun in the genitive) qualifies a body; 'selvittävän' (a participle) does not.
    Without a model, only an all-capital heading word is trusted."""
    nlp = load_nlp(lang)
    if not has_model(nlp):
        return word.isupper()
    token = analyse(word.lower(), lang)[0]  # a heading in capitals reads as a proper noun
    return token.pos_ in ("NOUN", "PROPN") and token.morph.get("Case") == ["Gen"]
