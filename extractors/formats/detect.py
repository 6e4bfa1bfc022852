"""Format detection by content (magic bytes), with the extension only as a tie-breaker."""
from __future__ import annotations

import io
import zipfile
from pathlib import Path

from .errors import ReadError

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ODF_MIMETYPES = {
    b"application/vnd.oasis.opendocument.text": "odt",
    b"application/vnd.oasis.opendocument.presentation": "odp",
}
OOXML_PARTS = {"word/document.xml": "docx", "ppt/presentation.xml": "pptx"}
TEXT_EXTENSIONS = {".md": "md", ".markdown": "md", ".htm": "html", ".html": "html"}


def detect_format(path: Path, data: bytes) -> str:
    """Return a format key (``pdf``, ``docx``, ``txt``, ...) or raise ReadError."""
    if not data.strip(b"\x00 \t\r\n"):
        raise ReadError("empty file")
    head = data[:1024]
    if b"%PDF-" in head:
        return "pdf"
    if data.startswith(b"PK\x03\x04"):
        return _zip_format(data)
    if data.startswith(OLE_MAGIC):
        return _ole_format(path, data)
    if head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{\\rtf"):
        return "rtf"
    if _looks_binary(head):
        hint = " (an Office owner/lock file)" if path.name.startswith("~$") or len(data) < 512 else ""
        raise ReadError(f"not a readable document: binary data of unknown type{hint}")
    lowered = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if lowered.startswith((b"<!doctype html", b"<html")):
        return "html"
    return TEXT_EXTENSIONS.get(path.suffix.lower(), "txt")


def _zip_format(data: bytes) -> str:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            names = set(z.namelist())
            if "mimetype" in names:
                mime = z.read("mimetype").strip()
                if mime in ODF_MIMETYPES:
                    return ODF_MIMETYPES[mime]
            for part, fmt in OOXML_PARTS.items():
                if part in names:
                    return fmt
    except (zipfile.BadZipFile, OSError, ValueError) as e:
        raise ReadError(f"broken ZIP container: {e}") from e
    raise ReadError("ZIP archive that is not a Word, PowerPoint or OpenDocument file")


def _ole_format(path: Path, data: bytes) -> str:
    """Legacy Office binary (CFB): tell Word from PowerPoint by their stream names."""
    if "WordDocument".encode("utf-16-le") in data:
        return "doc"
    if "PowerPoint Document".encode("utf-16-le") in data:
        return "ppt"
    ext = path.suffix.lower().lstrip(".")
    if ext in ("doc", "ppt"):
        return ext
    raise ReadError("legacy Office file of an unsupported kind (not Word or PowerPoint)")


def _looks_binary(head: bytes) -> bool:
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return False  # UTF-16 with BOM
    if b"\x00" in head:
        # UTF-16 without BOM: NULs at every other byte
        odd = head[1::2].count(0)
        even = head[0::2].count(0)
        half = max(1, len(head) // 2)
        return not (odd > 0.4 * half or even > 0.4 * half)
    control = sum(1 for b in head if b < 9 or 13 < b < 32)
    return control > 0.05 * len(head)
