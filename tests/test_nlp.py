"""The model as arkisto loads it, without the vocabulary's lookup tables, tags exactly as the
model loaded with them: the tables (word probabilities) are read by nothing."""
from pathlib import Path

import pytest
import spacy

from extractors import nlp

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"


@pytest.mark.skipif(not nlp.has_model(nlp.load_nlp("fi")), reason="the Finnish model is not installed")
def test_the_model_without_lookups_tags_as_with_them():
    trimmed = nlp.load_nlp("fi")
    whole = spacy.load(nlp.MODELS["fi"], exclude=nlp.UNUSED_COMPONENTS)
    assert whole.vocab.lookups.tables and not trimmed.vocab.lookups.tables
    texts = [p.read_text(encoding="utf-8")[:3000] for p in sorted(SEEDS.glob("*.txt"))]
    assert texts
    for a, b in zip(trimmed.pipe(texts), whole.pipe(texts)):
        assert [(t.text, t.pos_, str(t.morph), t.lemma_, t.norm_) for t in a] == \
            [(t.text, t.pos_, str(t.morph), t.lemma_, t.norm_) for t in b]
        assert (a.tensor == b.tensor).all()


@pytest.mark.skipif(not nlp.has_model(nlp.load_nlp("fi")), reason="the Finnish model is not installed")
def test_lemmas_read_lazily_are_the_pipelines_lemmas():
    """Analyses leave the lemmatizer out; ``lemma`` gives every token (words, names, numbers,
    punctuation, hyphenated compounds) the lemma the whole pipeline gives it."""
    model = nlp.load_nlp("fi")
    texts = [line for p in sorted(SEEDS.glob("*.txt")) for line in p.read_text(encoding="utf-8").splitlines()
             if line.strip()][:400]
    assert len(texts) > 100
    nlp.forget()
    nlp.prime(texts[:200])
    docs = [nlp.analyse(t) for t in texts]  # half from the batch, half one call each
    assert not any(t.lemma_ for t in docs[0])
    for doc, whole in zip(docs, model.pipe(texts)):
        assert [(t.text, t.pos_, nlp.lemma(t)) for t in doc] == [(t.text, t.pos_, t.lemma_) for t in whole]
        assert [t.lemma_ for t in doc] == [t.lemma_ for t in whole]  # and stored on the token
    nlp.forget()
