"""Safety checks shared by the ZIP-based readers (DOCX, PPTX, ODT, ODP).

A ZIP is refused before any library touches it when its declared sizes add up to
too much or a member compresses absurdly well (zip bomb). XML we parse ourselves
goes through defusedxml with DTDs forbidden; OOXML parts that declare a DTD are
refused outright (OPC forbids DTDs, so no genuine Office file has one).
"""
from __future__ import annotations

import io
import zipfile
from xml.etree.ElementTree import Element, ParseError

import defusedxml.ElementTree as SafeET
from defusedxml import DefusedXmlException

from .errors import ReadError
from .office import one_line

MAX_TOTAL_BYTES = 300 * 2**20
MAX_RATIO = 200
RATIO_FLOOR_BYTES = 10 * 2**20
MAX_MEMBERS = 20_000
MAX_XML_BYTES = 100 * 2**20
DTD_MARKERS = (b"<!DOCTYPE", b"<!ENTITY", "<!DOCTYPE".encode("utf-16-le"), "<!ENTITY".encode("utf-16-le"))
PROLOG_BYTES = 64 * 1024


def open_zip(data: bytes, what: str = "document", *, max_total: int = MAX_TOTAL_BYTES) -> zipfile.ZipFile:
    """Open ``data`` as a ZIP after the zip-bomb checks; ReadError names what is wrong."""
    try:
        z = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError) as e:
        raise ReadError(f"broken {what}: not a readable ZIP container ({e})") from e
    infos = z.infolist()
    if len(infos) > MAX_MEMBERS:
        raise ReadError(f"{what} refused: {len(infos)} ZIP members (limit {MAX_MEMBERS})")
    total = 0
    for info in infos:
        total += info.file_size
        if info.file_size > RATIO_FLOOR_BYTES and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            ratio = info.file_size // max(info.compress_size, 1)
            raise ReadError(f"{what} refused: member {info.filename!r} expands {ratio}:1 "
                            f"to {info.file_size // 2**20} MB (zip bomb?)")
        if info.flag_bits & 0x1:
            raise ReadError(f"{what} refused: member {info.filename!r} is encrypted")
    if total > max_total:
        raise ReadError(f"{what} refused: members expand to {total // 2**20} MB "
                        f"(limit {max_total // 2**20} MB)")
    return z


def read_member(z: zipfile.ZipFile, name: str, what: str = "document") -> bytes:
    """One member's bytes; a missing, oversized or corrupt member is a ReadError."""
    try:
        info = z.getinfo(name)
    except KeyError as e:
        raise ReadError(f"broken {what}: {name} is missing") from e
    if info.file_size > MAX_XML_BYTES:
        raise ReadError(f"{what} refused: {name} is {info.file_size // 2**20} MB")
    try:
        return z.read(info)
    except (zipfile.BadZipFile, OSError, EOFError, ValueError, NotImplementedError) as e:
        raise ReadError(f"broken {what}: cannot unpack {name} ({e})") from e
    except Exception as e:  # zlib.error and friends from a corrupt stream
        raise ReadError(f"broken {what}: cannot unpack {name} ({one_line(e)})") from e


def parse_xml(data: bytes, name: str, what: str = "document") -> Element:
    """Parse XML with defusedxml: no DTD, no entities, no external references."""
    try:
        return SafeET.fromstring(data, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    except DefusedXmlException as e:
        raise ReadError(f"{what} refused: {name} declares a DTD or entities") from e
    except ParseError as e:
        raise ReadError(f"broken {what}: {name} is not well-formed XML ({e})") from e


def check_ooxml(data: bytes, what: str) -> None:
    """Zip-bomb and DTD checks for a package about to be opened by python-docx/-pptx."""
    with open_zip(data, what) as z:
        for info in z.infolist():
            if not info.filename.endswith((".xml", ".rels")):
                continue
            try:
                with z.open(info) as f:
                    head = f.read(PROLOG_BYTES)
            except Exception as e:  # corrupt deflate stream, bad CRC, ...
                raise ReadError(f"broken {what}: cannot unpack {info.filename} ({one_line(e)})") from e
            if any(marker in head for marker in DTD_MARKERS):
                raise ReadError(f"{what} refused: {info.filename} declares a DTD or entities")
