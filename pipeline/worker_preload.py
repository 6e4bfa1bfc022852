"""Imported once by the batch's forkserver: load what every worker needs before forking.

Workers forked from a server that already holds the spaCy model start in
milliseconds and share the model's pages (copy-on-write) instead of each loading
its own copy; a worker replaced after its quota of files costs nothing to restart.
"""
from __future__ import annotations

import os
from pathlib import Path

from pipeline.limits import SINGLE_THREAD_ENV

# Before numpy is imported: no BLAS thread pools in the server or in its forks.
for _name, _value in SINGLE_THREAD_ENV.items():
    os.environ.setdefault(_name, _value)

# A few lines of minutes, extracted once here: the readers' libraries, the language data, the
# compiled cue patterns and the model's first call are then set up before any worker forks
# (a fresh or recycled worker's first file cost ~0.25 s more than the next ones).
WARM_UP = ("MUISTIO\n\nKehittämisryhmän kokous 12.2.2008 klo 13–15, Lohjan kaupungintalo\n\n"
           "Läsnä: Matti Virtanen, puheenjohtaja; Pirjo Laine, sihteeri\n\n"
           "Päätettiin, että Pirjo Laine vie asian lautakuntaan 15.3.2008 mennessä.\n"
           "Seuraava kokous pidetään 3.4.2008. Lisätietoja: matti.virtanen@example.fi, 040 123 4567\n")


def _warm_up() -> None:
    import importlib

    from extractors.formats import READERS
    from extractors.formats.text import read as read_text
    from extractors.records import extract_records

    for module in set(READERS.values()):
        importlib.import_module(module)
    extract_records(read_text(Path("warm-up.txt"), WARM_UP.encode("utf-8"), "txt"))


try:
    import pipeline.worker  # noqa: F401
    from extractors.nlp import load_nlp

    load_nlp("fi")
    _warm_up()
except Exception:  # a worker loads (and reports) what the server could not
    pass
