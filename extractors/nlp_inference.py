"""The spaCy model's arithmetic, faster and bit for bit the same (``nlp.load_nlp`` installs it):
weight matrices laid out once for numpy's BLAS, and the vectors of words met before remembered.

Each part keeps the model's own operations on the same numbers, so every tag, morphology and
token vector stays identical; ``tests/test_nlp.py`` holds them to spaCy's and thinc's code.
"""
from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Iterable

import numpy
from spacy.language import Language
from spacy.ml.staticvectors import forward as spacy_static_vectors
from spacy.tokens import Doc
from spacy.vectors import BaseVectors, Mode, Vectors
from thinc.api import Model, NumpyOps
from thinc.types import Floats2d, Ragged


class TransposedWeightOps(NumpyOps):
    """numpy's BLAS, multiplying by the model's weights in the layout it is fastest with.

    Every layer multiplies its input by its weight matrix transposed (``x @ W.T``); given ``W.T``
    as a view, OpenBLAS ran these products (10-100 rows against 576x576 and the like) ~30%
    slower than given the same matrix laid out row by row (twice as slow at 9 rows): ~10% of
    the model's time. ``lay_out`` makes that copy of each weight once (9 MB; weights never
    change after loading: nothing here trains). The products are bit for bit the same: OpenBLAS
    packs either layout into the same blocks for the same kernel -- except on its small-matrix
    and matrix-vector paths (rows x 576 x 576 up to 100**3), which therefore keep the transposed
    call. That holds for the OpenBLAS and CPU we measured; elsewhere a weight whose products do
    not check out equal at load is simply not laid out.
    """

    SMALL = 100 ** 3  # OpenBLAS's small-matrix bound (M*N*K) on x86-64

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._laid_out: dict[tuple[int, tuple[int, ...], tuple[int, ...]], tuple] = {}

    def lay_out(self, nlp: Language) -> None:
        """Lay out every weight matrix of ``nlp``'s components for ``gemm`` -- each one only if
        its products check out equal here (another BLAS or CPU may take other paths)."""
        for node in _nodes(nlp):
            if node.has_param("W") and node.get_param("W") is not None:
                w = node.get_param("W")
                w = w.reshape(-1, w.shape[-1])  # a maxout's pieces (nO, nP, nI) as it multiplies them
                laid_out = numpy.ascontiguousarray(w.T)
                if self._same_products(w, laid_out):
                    # the entry holds the weight: its memory cannot pass to another array
                    self._laid_out[_key(w)] = (w, laid_out)

    def _same_products(self, w: numpy.ndarray, laid_out: numpy.ndarray) -> bool:
        """``x @ laid_out`` equals ``x @ w.T`` bit for bit for inputs of the sizes a document's
        batch has, from just past the small-matrix bound up."""
        first = self.SMALL // w.size + 1
        rng = numpy.random.default_rng(0)
        for rows in sorted({first, first + 5, 2 * first + 1, 150}):
            if rows < first:
                continue
            x = rng.standard_normal((rows, w.shape[1]), dtype=numpy.float32)
            if not numpy.array_equal(numpy.dot(x, laid_out), numpy.dot(x, w.T)):
                return False
        return True

    def gemm(self, x, y, *, out=None, trans1=False, trans2=False):
        if trans2 and not trans1 and out is None and x.shape[0] * y.size > self.SMALL:
            laid_out = self._laid_out.get(_key(y))
            if laid_out is not None:
                return numpy.dot(x, laid_out[1])
        return super().gemm(x, y, out=out, trans1=trans1, trans2=trans2)


def _key(w: numpy.ndarray) -> tuple[int, tuple[int, ...], tuple[int, ...]]:
    """A weight's identity as layers pass it: its memory, shape and strides (a maxout passes a
    new view of the same matrix at every call)."""
    return w.__array_interface__["data"][0], w.shape, w.strides


def _nodes(nlp: Language) -> Iterable[Model]:
    for _, component in nlp.pipeline:
        if isinstance(getattr(component, "model", None), Model):
            yield from component.model.walk()


def cache_word_vectors(nlp: Language) -> None:
    """Give the model's static-vector layers a ``WordVectors``: the vector of a word the
    process has met before is not looked up again."""
    for node in _nodes(nlp):
        if node.name == "static_vectors":
            node.replace_callbacks(_static_vectors(WordVectors()))


class WordVectors:
    """The vocabulary's vectors (``Vectors.get_batch``) of the last ``size`` words asked for
    (10,000 words: 12 MB).

    A word's vector is a function of the word alone (for floret vectors the mean of the rows
    its character n-grams hash to: ~1,000 scattered rows of a 60 MB table for a document's
    windows, ~10% of the model's time), so a remembered one is the same array of numbers. Like
    the lexicon's readings, it carries over from document to document: over the 43 distinct
    scored documents in turn it saved ~4% of the model's time, over copies of the same
    documents (the speed benchmark's corpus) ~11%.
    """

    def __init__(self, size: int = 10_000) -> None:
        self.size = size
        self._rows: OrderedDict[int, numpy.ndarray] = OrderedDict()

    def batch(self, vectors: BaseVectors, keys: numpy.ndarray) -> Floats2d:
        """``vectors.get_batch(keys)``, looked up (in one call) only for keys not remembered."""
        rows, order = self._rows, keys.tolist()
        todo = [k for k in dict.fromkeys(order) if k not in rows]
        if 0 in todo:  # the empty string's: spaCy gives all-empty batches zeros of another type
            return vectors.get_batch(keys)
        if todo:
            rows.update(zip(todo, vectors.get_batch(numpy.asarray(todo, dtype=keys.dtype))))
        out = numpy.stack([rows[k] for k in order])
        for k in dict.fromkeys(order):
            rows.move_to_end(k)
        while len(rows) > self.size:
            rows.popitem(last=False)
        return out


def _static_vectors(memory: WordVectors) -> Callable:
    def forward(model: Model, docs: list[Doc], is_train: bool) -> tuple[Ragged, Callable]:
        """spaCy's StaticVectors forward (``spacy/ml/staticvectors.py``) for inference: the
        same keys, vectors and product, the vectors through ``memory``."""
        vectors = docs[0].vocab.vectors if docs else None
        if (is_train or not sum(len(doc) for doc in docs) or not isinstance(vectors, Vectors)
                or vectors.mode != Mode.floret):
            return spacy_static_vectors(model, docs, is_train)
        keys = model.ops.flatten([doc.to_array(vectors.attr) for doc in docs])
        V = model.ops.as_contig(memory.batch(vectors, keys))
        W = model.ops.as_contig(model.get_param("W"))
        output = Ragged(model.ops.gemm(V, W, trans2=True), model.ops.asarray1i([len(doc) for doc in docs]))
        return output, _inference_only
    return forward


def _inference_only(_):
    raise NotImplementedError("arkisto's static vectors are for inference only")
