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
    if _is_owner_file(path, data):
        raise ReadError("Office owner/lock file (~$...), left by an open document: not a document")
    if _looks_binary(head):
        raise ReadError("not a readable document: binary data of unknown type")
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
    if "EncryptedPackage".encode("utf-16-le") in data:
        raise ReadError("encrypted Office document (password required)")
    if "WordDocument".encode("utf-16-le") in data:
        return "doc"
    if "PowerPoint Document".encode("utf-16-le") in data:
        return "ppt"
    ext = path.suffix.lower().lstrip(".")
    if ext in ("doc", "ppt"):
        return ext
    raise ReadError("legacy Office file of an unsupported kind (not Word or PowerPoint)")


def _is_owner_file(path: Path, data: bytes) -> bool:
    """Word/Excel/PowerPoint owner file: the user's name as a length-prefixed ANSI string,
    padded to byte 54, then again as UTF-16 (``~$name.docx``, about 162 bytes)."""
    if len(data) > 4096:
        return False
    if path.name.startswith("~$") and len(data) < 1024:
        return True
    n = data[0]
    if not 0 < n <= 53 or len(data) < 56 + 2 * n:
        return False
    ansi = data[1:1 + n]
    wide = data[56:56 + 2 * n]
    if data[54] != n or any(b < 32 for b in ansi) or any(data[1 + n:54]):
        return False
    return wide.decode("utf-16-le", "replace") == ansi.decode("latin-1")


def _looks_binary(head: bytes) -> bool:
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return False  # UTF-16 with BOM
    if b"\x00" in head:
        # UTF-16 without BOM: NULs at every other byte
        odd = head[1::2].count(0)
        even = head[0::2].count(0)
        half = max(1, len(head) // 2)
        if not (odd > 0.4 * half or even > 0.4 * half):
            return True
        # ... and what they spell must be text, not NUL-padded binary
        usable = head[: len(head) // 2 * 2]
        decoded = usable.decode("utf-16-le" if odd > even else "utf-16-be", errors="replace")
        bad = sum(1 for ch in decoded if ch == "\ufffd" or (ord(ch) < 32 and ch not in "\t\r\n\x0c"))
        return bad > 0.05 * max(1, len(decoded))
    control = sum(1 for b in head if b < 9 or 13 < b < 32)
    if control > 0.05 * len(head):
        return True
    # Not UTF-8 and mostly high bytes: noise, not a legacy 8-bit text. (Finnish, Swedish
    # and English in cp1252/latin-1 have a few per cent; Cyrillic code pages would fail.)
    try:
        head.decode("utf-8")
        return False
    except UnicodeDecodeError as e:
        if e.start >= len(head) - 3:
            return False  # a multi-byte character cut by the 1 kB window
    return sum(1 for b in head if b >= 0x80) > 0.3 * len(head)
