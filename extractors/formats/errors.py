"""Errors a reader raises for a file it cannot read: each carries a one-line reason."""
from __future__ import annotations


class ReadError(Exception):
    """The file cannot be read (broken, encrypted, empty, unsupported, too large)."""

    stage = "read"


class MissingToolError(ReadError):
    """A system tool is missing; the message names the Debian package to install."""

    def __init__(self, tool: str, package: str) -> None:
        super().__init__(f"{tool} is not installed (apt-get install {package})")
        self.tool = tool
        self.package = package
