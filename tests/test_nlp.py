"""The model as arkisto loads it, without the vocabulary's lookup tables, tags exactly as the
model loaded with them: the tables (word probabilities) are read by nothing."""
from pathlib import Path

import pytest
import spacy

from extractors import nlp, nlp_inference

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


@pytest.mark.skipif(not nlp.has_model(nlp.load_nlp("fi")), reason="the Finnish model is not installed")
def test_weights_laid_out_multiply_bit_for_bit_as_transposed():
    """Every weight matrix of the model, against inputs of 1 to 160 rows and a few batches'
    worth: the ops' product equals numpy's ``x @ W.T`` exactly, and the laid-out copy is used
    wherever the product is larger than OpenBLAS's small-matrix path."""
    import numpy

    model = nlp.load_nlp("fi")
    ops = model.get_pipe("tok2vec").model.ops
    assert isinstance(ops, nlp_inference.TransposedWeightOps)
    rng = numpy.random.default_rng(0)
    weights = [node.get_param("W") for _, c in model.pipeline if hasattr(c, "model")
               for node in c.model.walk() if node.has_param("W")]
    assert len(weights) >= 7  # static vectors, the embedding's and the encoder's maxouts, tagger, morphologizer
    fast = 0
    for w in weights:
        w = w.reshape(-1, w.shape[-1])
        for rows in [*range(1, 161), 255, 400, 1000]:
            x = rng.standard_normal((rows, w.shape[1]), dtype=numpy.float32)
            assert numpy.array_equal(ops.gemm(x, w, trans2=True), numpy.dot(x, w.T)), (w.shape, rows)
            fast += rows * w.size > ops.SMALL
    assert fast > 500
    # a layout whose products differ (as another BLAS or CPU might give) is not used
    w = weights[1].reshape(-1, weights[1].shape[-1])
    assert ops._same_products(w, numpy.ascontiguousarray(w.T))
    assert not ops._same_products(w, numpy.ascontiguousarray(w.T) * numpy.float32(1 + 2**-20))
    # a weight the ops has not laid out (not the model's) goes the ordinary way
    other = rng.standard_normal((576, 576), dtype=numpy.float32)
    x = rng.standard_normal((50, 576), dtype=numpy.float32)
    assert numpy.array_equal(ops.gemm(x, other, trans2=True), numpy.dot(x, other.T))


@pytest.mark.skipif(not nlp.has_model(nlp.load_nlp("fi")), reason="the Finnish model is not installed")
def test_remembered_word_vectors_are_spacys():
    """Word vectors remembered across batches (new, repeated, forgotten when the memory is full)
    are the vocabulary's own, to the bit and in its type."""
    import numpy

    model = nlp.load_nlp("fi")
    vectors = model.vocab.vectors
    memory = nlp_inference.WordVectors(size=50)
    texts = [p.read_text(encoding="utf-8")[:600] for p in sorted(SEEDS.glob("*.txt"))]
    assert texts
    for text in texts + texts[::-1]:
        keys = model.make_doc(text).to_array("ORTH")
        got, want = memory.batch(vectors, keys), vectors.get_batch(keys)
        assert got.dtype == want.dtype and got.flags.c_contiguous and numpy.array_equal(got, want)
        assert len(memory._rows) <= 50
    layer = next(n for n in model.get_pipe("tok2vec").model.walk() if n.name == "static_vectors")
    assert layer._func.__module__ == nlp_inference.__name__  # the model reads its vectors through one


@pytest.mark.skipif(not nlp.has_model(nlp.load_nlp("fi")), reason="the Finnish model is not installed")
def test_short_batches_analyse_as_spacy_does():
    """The model as loaded here (weights laid out, word vectors remembered) against spaCy's own
    code: the same token vectors and tags for batches of short texts (as a document's windows
    go to it), a few words and one."""
    from extractors.records.clauses import model_windows
    from extractors.records.sentences import sentences
    from extractors.formats import read_document

    ours = nlp.load_nlp("fi")
    theirs = spacy.load(nlp.MODELS["fi"], exclude=nlp.UNUSED_COMPONENTS + nlp.UNUSED_VOCAB_FIELDS)
    assert any(n._func.__module__ == nlp_inference.__name__ for n in ours.get_pipe("tok2vec").model.walk())
    assert not any(n._func.__module__ == nlp_inference.__name__ for n in theirs.get_pipe("tok2vec").model.walk())
    batches = []
    for path in sorted(SEEDS.glob("*.txt")):
        texts = [s.text for s in sentences(read_document(path), "fi")]
        batches.append([w for t in texts for w in model_windows(t, "fi")])
    batches += [["Kokous"], ["Pirjo Laine vie"], ["ja", "Lohja", "2024"]]
    assert sum(len(b) for b in batches) > 50
    for batch in batches:
        for a, b in zip(ours.pipe(batch), theirs.pipe(batch)):
            assert [(t.tag_, t.pos_, str(t.morph)) for t in a] == [(t.tag_, t.pos_, str(t.morph)) for t in b]
            assert (a.tensor == b.tensor).all()


@pytest.mark.skipif(not nlp.has_model(nlp.load_nlp("fi")), reason="the Finnish model is not installed")
def test_a_single_words_analysis_outlives_the_document_a_sentences_does_not():
    word, sentence = "perhekeskusverkoston", "Pirjo Laine vie asian lautakuntaan."
    first_word, first_sentence = nlp.analyse(word), nlp.analyse(sentence)
    nlp.forget()
    assert nlp.analyse(word) is first_word  # a function of the word: kept, like rules' per-word caches
    assert nlp.analyse(sentence) is not first_sentence  # nothing of a document's reading carries over
    whole = nlp.load_nlp("fi")(word)
    assert [(t.pos_, str(t.morph), nlp.lemma(t)) for t in first_word] == [(t.pos_, str(t.morph), t.lemma_) for t in whole]
    nlp.forget()


@pytest.mark.skipif(not nlp.has_model(nlp.load_nlp("fi")), reason="the Finnish model is not installed")
def test_a_primed_batch_is_analysed_when_first_asked_for_and_only_then():
    texts = ["Pirjo Laine vie asian lautakuntaan.", "Kokous on Lohjan kaupungintalolla.", "Sovittiin, että Anna kokoaa"]
    nlp.forget()
    nlp.prime(texts)
    assert not any(("fi", t) in nlp._analysed for t in texts)  # nothing asked, nothing analysed
    nlp.forget()
    nlp.prime(texts)
    second = nlp.analyse(texts[1])
    assert all(("fi", t) in nlp._analysed for t in texts)  # the whole batch at the first question
    for text, whole in zip(texts, nlp.load_nlp("fi").pipe(texts, disable=["lemmatizer"])):
        doc = nlp.analyse(text)
        assert [(t.pos_, str(t.morph)) for t in doc] == [(t.pos_, str(t.morph)) for t in whole]
        assert (doc.tensor == whole.tensor).all()
    assert nlp.analyse(texts[1]) is second
    nlp.forget()
