"""Run files through reading and extraction; archive, batch, export, report; the CLI."""

__version__ = "0.1.0"
