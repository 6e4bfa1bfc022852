"""Readers (``formats``) turn files into Documents; extractors (``records``) turn Documents into records."""
