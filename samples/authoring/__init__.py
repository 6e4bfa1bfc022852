"""Helpers that author the sample corpus from the seed texts (used by ``make_samples.py``)."""
