"""The spaCy pipeline per language, loaded once per process; a blank pipeline when the model is missing."""
from __future__ import annotations

import os
import re
import sys
from collections import OrderedDict
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.symbols import PUNCT, SPACE
from spacy.tokens import Doc, Token
from thinc.api import set_current_ops
from threadpoolctl import threadpool_limits

from extractors.nlp_inference import TransposedWeightOps, cache_word_vectors

MODELS = {"fi": "spacy_fi_experimental_web_md"}
# Rules read structure; the model is asked only for morphology and lemmas. Its parser and
# entity recogniser are left out: nothing uses them (its NER merges names in lists and
# mislabels dates), and without them the pipeline runs about twice as fast.
UNUSED_COMPONENTS = ["parser", "ner"]
# The vocabulary's lookup tables hold word probabilities (500,000 rows) that no component
# reads; leaving them on disk cuts loading from ~1.6 s to ~0.4 s, predictions identical.
UNUSED_VOCAB_FIELDS = ["lookups"]
# The lemmatizer (a Voikko look-up per token) was a fifth of an analysis, but the rules read the
# lemmas of a few tokens: analyses leave it out and ``lemma`` runs its code on the token read.
LAZY_LEMMATIZER = "lemmatizer"


@lru_cache(maxsize=None)
def load_nlp(lang: str = "fi") -> Language:
    """The model for ``lang``; if it (or Voikko) is missing, say so once and use a blank pipeline."""
    name = MODELS.get(lang)
    if name and os.environ.get("ARKISTO_NO_MODEL"):
        name = None  # rules only: faster, and how the README's "without the model" score is measured
    if name:
        try:
            # numpy's BLAS for the matrix products: thinc's default (blis) ran the model's
            # small per-sentence products 3-4x slower on our machines; and one BLAS thread
            # (batch workers get it from their environment, `arkisto extract` and the API
            # here): two threads waiting on a busy core made them 4x slower
            ops = TransposedWeightOps(use_blis=False)
            set_current_ops(ops)
            threadpool_limits(1, user_api="blas")
            nlp = spacy.load(name, exclude=UNUSED_COMPONENTS + UNUSED_VOCAB_FIELDS)
            # the same arithmetic, faster (nlp_inference): tags and token vectors bit for bit spaCy's
            ops.lay_out(nlp)
            cache_word_vectors(nlp)
            return nlp
        except Exception as e:  # missing package, missing libvoikko: fall back to rules only
            print(f"arkisto: {name} unavailable ({type(e).__name__}: {e}); "
                  "using rules only (pip install spacy-fi-experimental-web-md; apt-get install libvoikko1 voikko-fi)",
                  file=sys.stderr)
    try:
        return spacy.blank(lang)
    except Exception:
        return spacy.blank("xx")


# Tokens either side of a token that the model's tagger reads: its token vectors come from a
# CNN of depth four with a window of one (spacy_fi_experimental_web_md's tok2vec).
MODEL_CONTEXT = 4
_SPACE = re.compile(r"\s+")


def context_window(text: str, start: int, end: int) -> tuple[int, str]:
    """The stretch of ``text`` around ``[start, end)`` whose analysis tags the tokens there
    exactly as the analysis of the whole text does, and its offset: MODEL_CONTEXT words either
    side. Cuts fall on white space, where the tokenizer splits anyway, and a word is at least
    one token."""
    words = [0] + [m.end() for m in _SPACE.finditer(text, 0, start)]  # word starts up to ``start``
    left = words[-1 - MODEL_CONTEXT] if len(words) > MODEL_CONTEXT else 0
    gaps = [m.start() for m in _SPACE.finditer(text, end)][:MODEL_CONTEXT + 1]
    right = gaps[-1] if len(gaps) == MODEL_CONTEXT + 1 else len(text)
    return left, text[left:right]


@lru_cache(maxsize=8)
def has_model(nlp: Language) -> bool:
    return bool(nlp.pipe_names)  # cached: spaCy builds the list at every call, and rules ask per sentence


CACHE_SIZE = 4096
_analysed: OrderedDict[tuple[str, str], Doc] = OrderedDict()
# Analyses of a single word, which rules ask for out of context (its lemma, its case), kept
# across documents like those rules' own per-word caches: a function of the word alone, and
# several rules ask about the same word (17 of 92 such analyses over the scored documents).
WORD_CACHE_SIZE = 2048
_words: OrderedDict[tuple[str, str], Doc] = OrderedDict()
_pending: dict[tuple[str, str], list[str]] = {}  # a primed text -> its batch, until one is asked for


def analyse(text: str, lang: str = "fi") -> Doc:
    """The model's analysis of ``text``, cached: several extractors ask about the same sentence
    of a document (``forget`` empties the cache between documents; a single word's stays).
    Its tokens' lemmas are left unset: read them through ``lemma``."""
    key = (lang, text)
    if key in _analysed:
        return _analysed[key]
    if key in _pending:
        _analyse_batch(_pending[key], lang)
        if key in _analysed:  # (unless the batch outgrew the cache)
            return _analysed[key]
    if key in _words:
        _words.move_to_end(key)
        return _words[key]
    nlp = load_nlp(lang)
    doc = nlp(text, disable=_lazy(nlp))
    if _SPACE.search(text):
        _remember(key, doc)
    else:
        _words[key] = doc
        if len(_words) > WORD_CACHE_SIZE:
            _words.popitem(last=False)
    return doc


def prime(texts: list[str], lang: str = "fi") -> None:
    """Have many texts analysed in one batch (far cheaper than one call each) when an extractor
    first asks for one of them. Rules ask for fewer than half the texts they may ask for (none
    at all in some documents), so the batch is not analysed before one is asked for, and not
    at all if none is; it is the same batch either way."""
    todo = list(dict.fromkeys(t for t in texts if (lang, t) not in _analysed and (lang, t) not in _pending))
    if todo and has_model(load_nlp(lang)):
        _pending.update(((lang, t), todo) for t in todo)


def _analyse_batch(texts: list[str], lang: str) -> None:
    nlp = load_nlp(lang)
    for text, doc in zip(texts, nlp.pipe(texts, batch_size=64, disable=_lazy(nlp))):
        _pending.pop((lang, text), None)
        _remember((lang, text), doc)


def lemma(token: Token, lang: str = "fi") -> str:
    """``token.lemma_`` as the model's lemmatizer sets it, for a token of ``analyse``: its own
    code on this token alone (it reads only the token's text and tag: no parser sets a
    dependency it would also read), stored on the token."""
    if not token.lemma and (lemmatizer := _lemmatizer(load_nlp(lang))) is not None:
        if token.pos in (PUNCT, SPACE):
            token.lemma = token.orth
        else:
            token.lemma_ = lemmatizer.lemmatize(token, lemmatizer._analyze(token))
    return token.lemma_


@lru_cache(maxsize=8)
def _lemmatizer(nlp: Language):
    """The pipeline's Voikko lemmatizer, which ``lemma`` can run per token; None if it has another."""
    if LAZY_LEMMATIZER not in nlp.pipe_names:
        return None
    component = nlp.get_pipe(LAZY_LEMMATIZER)
    return component if hasattr(component, "_analyze") and hasattr(component, "lemmatize") else None


@lru_cache(maxsize=8)
def _lazy(nlp: Language) -> list[str]:
    """The components analyses leave out: the lemmatizer when ``lemma`` can run it per token."""
    return [LAZY_LEMMATIZER] if _lemmatizer(nlp) is not None else []


def forget() -> None:
    """Drop the analyses of the last document: nothing of one document's reading carries over
    to the next (and a batch of near-identical files is not measured on a warm cache); only a
    single word's, which is no reading of the document, stays."""
    _analysed.clear()
    _pending.clear()


def _remember(key: tuple[str, str], doc: Doc) -> None:
    _analysed[key] = doc
    if len(_analysed) > CACHE_SIZE:
        _analysed.popitem(last=False)
