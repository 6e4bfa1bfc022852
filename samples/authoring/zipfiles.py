"""Byte-stable output: constant zip timestamps and no run-time stamps from LibreOffice."""
from __future__ import annotations

import io
import re
import zipfile
from typing import Callable

ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)
PDF_STAMP = re.compile(rb"/(CreationDate|ModDate)\s*\(D:[^)]*\)")
PDF_ID = re.compile(rb"/ID\s*\[\s*<[0-9A-Fa-f]+>\s*<[0-9A-Fa-f]+>\s*\]")
PDF_CHECKSUM = re.compile(rb"/DocChecksum\s*/[0-9A-Fa-f]+")
ODF_STAMP = re.compile(rb"<(meta:creation-date|dc:date|meta:editing-duration|meta:print-date)>[^<]*</\1>")
ODF_GENERATOR = re.compile(rb"<meta:generator>[^<]*</meta:generator>")
ODF_RSID = re.compile(rb'(config:name="Rsid(?:Root)?" config:type="int">)\d+<')
ODF_LIST_ID = re.compile(rb'"list(\d{4,})"')
SUMMARY_FMTID = bytes.fromhex("e0859ff2f94f6810ab9108002b27b3d9")
HEX = re.compile(rb"[0-9A-Fa-f]")


def fixed_zip(data: bytes, rewrite: Callable[[str, bytes], bytes] | None = None) -> bytes:
    """Re-pack an OOXML/ODF zip with constant timestamps so rebuilding gives the same bytes."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            body = src.read(info)
            if rewrite is not None:
                body = rewrite(info.filename, body)
            fixed = zipfile.ZipInfo(info.filename, ZIP_EPOCH)
            fixed.compress_type = info.compress_type  # ODF needs its first "mimetype" stored
            fixed.external_attr = 0o644 << 16
            dst.writestr(fixed, body)
    return out.getvalue()


def pdf_without_stamps(data: bytes) -> bytes:
    """Blank the export time, the time-derived /ID and checksum; equal lengths keep xref offsets valid."""
    def blank_date(m: re.Match[bytes]) -> bytes:
        stamp = m.group(0)
        return (stamp[: stamp.index(b"(")] + b"()").ljust(len(stamp), b" ")

    data = PDF_STAMP.sub(blank_date, data)
    data = PDF_CHECKSUM.sub(lambda m: m.group(0)[:12] + HEX.sub(b"0", m.group(0)[12:]), data)
    return PDF_ID.sub(lambda m: m.group(0)[:3] + HEX.sub(b"0", m.group(0)[3:]), data)


def odf_without_stamps(name: str, body: bytes) -> bytes:
    """Drop export times; renumber the random list ids and revision seeds LibreOffice writes."""
    if name == "meta.xml":
        return ODF_GENERATOR.sub(b"", ODF_STAMP.sub(b"", body))
    if name == "settings.xml":
        return ODF_RSID.sub(rb"\g<1>0<", body)
    if name in ("content.xml", "styles.xml"):
        ids: dict[bytes, int] = {}
        return ODF_LIST_ID.sub(lambda m: b'"list%d"' % ids.setdefault(m.group(1), len(ids) + 1), body)
    return body


def doc_without_stamps(data: bytes) -> bytes:
    """Zero the FILETIME properties (printed, created, saved) of the OLE SummaryInformation stream.

    The stream is small and LibreOffice writes it contiguously; anything that does not
    parse as expected is left alone rather than guessed at.
    """
    at = data.find(SUMMARY_FMTID)
    if at < 28:
        return data
    base = at - 28 + int.from_bytes(data[at + 16:at + 20], "little")
    count = int.from_bytes(data[base + 4:base + 8], "little")
    if not 0 < count < 64 or base + 8 + 8 * count > len(data):
        return data
    out = bytearray(data)
    for k in range(count):
        pid = int.from_bytes(data[base + 8 + 8 * k:base + 12 + 8 * k], "little")
        offset = base + int.from_bytes(data[base + 12 + 8 * k:base + 16 + 8 * k], "little")
        if pid in (11, 12, 13) and data[offset:offset + 4] == b"\x40\x00\x00\x00":  # VT_FILETIME
            out[offset + 4:offset + 12] = bytes(8)
    return bytes(out)
