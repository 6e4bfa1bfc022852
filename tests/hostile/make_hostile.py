"""Write a folder of hostile input files for the batch importer: ``make_hostile.py OUTDIR``.

Empty, truncated, corrupt, encrypted, looping, bomb-like, mislabelled, huge, deeply
nested and oddly encoded files, a non-UTF-8 file name, a symlink loop and a FIFO.
Each file's expected fate is written to ``OUTDIR/.manifest.tsv`` (hidden, so an
import skips it): ``import`` (must become a document), ``error`` (must be a
recorded error), ``either``. Everything is generated here from code; nothing is
downloaded and no sample file is needed.
"""
from __future__ import annotations

import argparse
import io
import os
import random
import sys
import zipfile
from pathlib import Path

FINNISH = ("Pöytäkirja\n\nKokous pidettiin Järvenpäässä 12.3.2009 klo 13.00. Läsnä: Åsa Öhman, "
           "Väinö Mäkelä ja Pää Sihteeri.\n\nPäätös: hyväksyttiin esityslista ja sovittiin, että "
           "työryhmä selvittää asian syyskuun loppuun mennessä.\n")
ALL_FORMATS = ("pdf", "docx", "pptx", "odt", "odp", "doc", "ppt", "rtf", "txt", "md", "html")
RANDOM_FORMATS = ("pdf", "docx", "pptx", "odt", "odp", "doc", "ppt", "rtf", "txt", "html")
NON_UTF8_NAME = b"p\xe4\xe4t\xf6s.txt"  # "päätös.txt" in latin-1: not valid UTF-8
ENCODED_TEXTS = {  # file name -> (encoding, text, BOM)
    "enc-cp1252.txt": ("cp1252", FINNISH + "Hinta 12 € – alv mukana.\n", b""),
    "enc-latin1.txt": ("latin-1", FINNISH, b""),
    "enc-utf16le-bom.txt": ("utf-16-le", FINNISH, b"\xff\xfe"),
    "enc-utf16be-bom.txt": ("utf-16-be", FINNISH, b"\xfe\xff"),
    "enc-utf16le-nobom.txt": ("utf-16-le", FINNISH, b""),
}
MOJIBAKE = "mojibake.txt"  # UTF-8 read as latin-1 and saved as UTF-8 again: "PÃ¶ytÃ¤kirja"


def pdf_bytes(pages: list[str], *, kids: bytes | None = None) -> bytes:
    """A minimal valid PDF, lines of Helvetica text per page, written by hand."""
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"",
               b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"]
    page_ids = []
    for text in pages:
        lines = " ".join(f"({_pdf_escape(line)}) Tj 0 -16 Td" for line in text.split("\n") if line.strip())
        stream = f"BT /F1 12 Tf 72 760 Td {lines} ET".encode("cp1252")
        objects.append(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream))
        objects.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >>"
                       b" /Contents %d 0 R >>" % len(objects))
        page_ids.append(len(objects))
    listed = kids if kids is not None else " ".join(f"{k} 0 R" for k in page_ids).encode()
    objects[1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (listed, len(page_ids))
    return pdf_file(objects)


def pdf_file(objects: list[bytes]) -> bytes:
    """A PDF of ``objects`` (numbered from 1, the first the catalog) with its xref table."""
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n%s\nendobj\n" % (number, body))
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(b"trailer << /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref))
    return out.getvalue()


def _pdf_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


LOOPING_PAGE_TREE = b"""%PDF-1.4
1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj
2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj
3 0 obj << /Type /Pages /Parent 2 0 R /Kids [2 0 R] /Count 1 >> endobj
trailer << /Root 1 0 R >>
%%EOF
"""


def encrypted_pdf(data: bytes, user: str) -> bytes:
    """``data`` encrypted (AES-128, R4) with this user password and an owner password."""
    import pikepdf

    out = io.BytesIO()
    with pikepdf.open(io.BytesIO(data)) as doc:
        doc.save(out, encryption=pikepdf.Encryption(user=user, owner="omistajan-salasana", R=4))
    return out.getvalue()


def docx_bytes(text: str = FINNISH) -> bytes:
    import docx

    document = docx.Document()
    for para in text.split("\n\n"):
        document.add_paragraph(para.strip())
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def replace_member(package: bytes, name: str, body: bytes) -> bytes:
    """The ZIP ``package`` with member ``name`` replaced by ``body``."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(package)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            dst.writestr(info.filename, body if info.filename == name else src.read(info))
    return out.getvalue()


def zip_bomb(package: bytes, name: str, expanded_mb: int) -> bytes:
    """``package`` whose member ``name`` inflates to ``expanded_mb`` MB of whitespace (ratio ~1000:1)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(package)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            if info.filename != name:
                dst.writestr(info.filename, src.read(info))
                continue
            body = src.read(info)
            cut = body.rindex(b"</")
            bomb = zipfile.ZipInfo(name)
            bomb.compress_type = zipfile.ZIP_DEFLATED
            with dst.open(bomb, "w", force_zip64=True) as f:
                f.write(body[:cut])
                spaces = b" " * 2**20
                for _ in range(expanded_mb):
                    f.write(spaces)
                f.write(body[cut:])
    return out.getvalue()


XXE = b"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>
<w:p><w:r><w:t>P\xc3\xb6yt\xc3\xa4kirja &xxe;</w:t></w:r></w:p></w:body></w:document>"""

LAUGHS = b"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<!DOCTYPE w:document [
 <!ENTITY a "hahahahahahahahahaha">
 <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
 <!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">
 <!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">
 <!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;">
 <!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;">
 <!ENTITY g "&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;">
 <!ENTITY h "&g;&g;&g;&g;&g;&g;&g;&g;&g;&g;">
 <!ENTITY i "&h;&h;&h;&h;&h;&h;&h;&h;&h;&h;">
]>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>
<w:p><w:r><w:t>&i;</w:t></w:r></w:p></w:body></w:document>"""

ODT_XXE = b"""<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE office:document-content [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">
<office:body><office:text><text:p>&xxe;</text:p></office:text></office:body></office:document-content>"""


def odt_bytes(text: str = FINNISH) -> bytes:
    """A minimal OpenDocument text written by hand (mimetype first and stored, as ODF requires)."""
    paras = "".join(f"<text:p>{_xml_escape(p.strip())}</text:p>" for p in text.split("\n\n") if p.strip())
    content = ('<?xml version="1.0" encoding="UTF-8"?><office:document-content '
               'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
               'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
               f"<office:body><office:text>{paras}</office:text></office:body></office:document-content>")
    manifest = ('<?xml version="1.0" encoding="UTF-8"?><manifest:manifest '
                'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
                '<manifest:file-entry manifest:full-path="/" '
                'manifest:media-type="application/vnd.oasis.opendocument.text"/>'
                '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
                "</manifest:manifest>")
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.text")
        z.writestr("META-INF/manifest.xml", manifest, zipfile.ZIP_DEFLATED)
        z.writestr("content.xml", content, zipfile.ZIP_DEFLATED)
    return out.getvalue()


def _xml_escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def big_text(mb: int) -> bytes:
    """``mb`` MB of distinct Finnish-looking paragraphs, built in well under a second."""
    block = "\n".join(f"{{n}}.{i} Kokouksessa käsiteltiin asiaa {i}; päätettiin jatkaa valmistelua."
                      for i in range(10)) + "\n\n"
    one = len(block.encode("utf-8"))
    count = mb * 2**20 // one + 1
    return "".join(block.replace("{n}", str(n)) for n in range(count)).encode("utf-8")[: mb * 2**20]


def long_line(mb: int) -> bytes:
    sentence = "Päätettiin, että asia valmistellaan uudelleen ja käsitellään seuraavassa kokouksessa. "
    data = (sentence * (mb * 2**20 // len(sentence.encode("utf-8")) + 1)).encode("utf-8")
    return data[: mb * 2**20].rsplit(b" ", 1)[0] + b"\n"


def deep_html(depth: int) -> bytes:
    return (b"<!DOCTYPE html><html><head><title>Syv\xc3\xa4</title></head><body>"
            + b"<div>" * depth + "<p>Pöytäkirja syvällä sisällä.</p>".encode("utf-8")
            + b"</div>" * depth + b"</body></html>")


def make(outdir: Path, *, big_mb: int = 50, line_mb: int = 20, seed: int = 1) -> dict[str, str]:
    """Write the hostile files into ``outdir``; returns relative file name -> expected fate."""
    rng = random.Random(seed)
    outdir.mkdir(parents=True, exist_ok=True)
    expected: dict[str, str] = {}

    def put(name: str, data: bytes, fate: str) -> None:
        (outdir / name).write_bytes(data)
        expected[name] = fate

    for fmt in ALL_FORMATS:
        put(f"empty.{fmt}", b"", "error")
    for fmt in RANDOM_FORMATS:
        put(f"random.{fmt}", rng.randbytes(4096 + rng.randrange(4096)), "error")

    valid_pdf = pdf_bytes([FINNISH, "Liite 1\nToimenpiteet ja vastuuhenkilöt"])
    valid_docx = docx_bytes()
    put("valid.pdf", valid_pdf, "import")
    put("valid.docx", valid_docx, "import")
    put("valid.odt", odt_bytes(), "import")
    put("truncated.pdf", valid_pdf[: len(valid_pdf) // 2], "error")
    put("corrupt.pdf", b"%PDF-1.4\n" + rng.randbytes(16384), "error")
    put("header-only.pdf", b"%PDF-1.7\n", "error")
    put("page-tree-loop.pdf", LOOPING_PAGE_TREE, "error")
    put("encrypted-user-password.pdf", encrypted_pdf(valid_pdf, "salasana"), "error")
    put("encrypted-owner-only.pdf", encrypted_pdf(valid_pdf, ""), "import")
    put("pdf-named.docx", pdf_bytes(["Väärä pääte: tämä on PDF.\n" + FINNISH]), "import")
    put("docx-named.pdf", docx_bytes("Väärä pääte: tämä on Word.\n\n" + FINNISH), "import")
    put("truncated.docx", valid_docx[: len(valid_docx) // 2], "error")
    put("zip-bomb.docx", zip_bomb(valid_docx, "word/document.xml", 100), "error")
    put("zip-bomb.odt", zip_bomb(odt_bytes(), "content.xml", 100), "error")
    put("external-entity.docx", replace_member(valid_docx, "word/document.xml", XXE), "error")
    put("entity-expansion.docx", replace_member(valid_docx, "word/document.xml", LAUGHS), "error")
    put("external-entity.odt", replace_member(odt_bytes(), "content.xml", ODT_XXE), "error")
    put("~$lukittu.docx", b"\x05Matti" + b"\x00" * 100 + "Matti Meikäläinen".encode("utf-16-le"), "error")
    put("deep-nesting.html", deep_html(100_000), "import")
    put("big.txt", big_text(big_mb), "either")
    put("one-long-line.txt", long_line(line_mb), "either")

    for name, (encoding, text, bom) in ENCODED_TEXTS.items():
        put(name, bom + text.encode(encoding), "import")
    put(MOJIBAKE, FINNISH.encode("utf-8").decode("latin-1").encode("utf-8"), "import")

    odd = outdir / os.fsdecode(NON_UTF8_NAME)
    odd.write_bytes(("Päätös\n\n" + FINNISH).encode("utf-8"))
    expected[os.fsdecode(NON_UTF8_NAME)] = "import"

    loop = outdir / "loop"
    loop.mkdir(exist_ok=True)
    (loop / "inside.txt").write_text("Muistio\n\nSilmukkakansion sisällä oleva tiedosto.\n", encoding="utf-8")
    expected["loop/inside.txt"] = "import"
    _symlink("..", loop / "parent")  # a folder loop: loop/parent/loop/parent/...
    _symlink("self.txt", loop / "self.txt")  # a file loop: too many levels of symbolic links
    expected["loop/self.txt"] = "error"
    if hasattr(os, "mkfifo"):
        fifo = outdir / "pipe.txt"
        if not fifo.exists():
            os.mkfifo(fifo)
        expected["pipe.txt"] = "error"

    manifest = "".join(f"{os.fsencode(n).decode('utf-8', 'backslashreplace')}\t{f}\n" for n, f in sorted(expected.items()))
    (outdir / ".manifest.tsv").write_text(manifest, encoding="utf-8")
    return expected


def _symlink(target: str, link: Path) -> None:
    if not os.path.lexists(link):
        os.symlink(target, link)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("outdir", type=Path)
    parser.add_argument("--big-mb", type=int, default=50, help="size of the large text file")
    parser.add_argument("--line-mb", type=int, default=20, help="size of the one-line text file")
    args = parser.parse_args(argv)
    expected = make(args.outdir, big_mb=args.big_mb, line_mb=args.line_mb)
    print(f"{len(expected)} hostile files written to {args.outdir}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
