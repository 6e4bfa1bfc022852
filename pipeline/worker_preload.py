"""Imported once by the batch's forkserver: load what every worker needs before forking.

Workers forked from a server that already holds the spaCy model start in
milliseconds and share the model's pages (copy-on-write) instead of each loading
its own copy; a worker replaced after its quota of files costs nothing to restart.
"""
from __future__ import annotations

import os

from pipeline.limits import SINGLE_THREAD_ENV

# Before numpy is imported: no BLAS thread pools in the server or in its forks.
for _name, _value in SINGLE_THREAD_ENV.items():
    os.environ.setdefault(_name, _value)

try:
    import pipeline.run  # noqa: F401  (readers' registry, record extractors)
    import pipeline.worker  # noqa: F401
    from extractors.nlp import load_nlp

    load_nlp("fi")
except Exception:  # a worker loads (and reports) what the server could not
    pass
