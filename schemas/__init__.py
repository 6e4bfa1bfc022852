"""Contracts only, no I/O: the document model, the records, the archive schema."""
