"""The block-offset invariant and document identity hold for every reader on every sample and real file."""
import hashlib
from pathlib import Path

import pytest

from extractors.formats import ReadError, read_document
from schemas.document import BlockKind, DocumentBuilder

ROOT = Path(__file__).resolve().parents[1]
REAL = ROOT.parent / "shared" / "corpus" / "real"
SAMPLES = sorted(p for p in (ROOT / "samples").iterdir() if p.is_file() and p.suffix not in (".py", ".csv", ".md"))
# the scanned PDFs go through OCR; their readers' own tests cover them
REAL_FILES = sorted(p for p in REAL.glob("[0-9]*") if "scanned" not in p.name) if REAL.exists() else []


def check_invariant(path: Path) -> None:
    data = path.read_bytes()
    doc = read_document(path, data)
    assert doc.id == hashlib.sha256(data).hexdigest()
    assert doc.blocks, "no blocks"
    for b in doc.blocks:
        assert doc.text[b.start:b.end] == b.text, (b.index, b.kind)
    assert [b.index for b in doc.blocks] == list(range(len(doc.blocks)))
    assert all(b.start <= c.start for b, c in zip(doc.blocks, doc.blocks[1:]))


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.name)
def test_invariant_on_samples(path):
    check_invariant(path)


@pytest.mark.parametrize("path", REAL_FILES, ids=lambda p: p.name)
def test_invariant_on_real_files(path):
    if path.name.startswith("27_"):
        with pytest.raises(ReadError):
            read_document(path)
        return
    check_invariant(path)


def test_block_at_finds_the_block_holding_each_offset_and_none_between_blocks():
    b = DocumentBuilder("x.txt", "txt", b"x")
    for k in range(40):
        b.add(BlockKind.PARAGRAPH, f"Kappale {k} " + "sana " * (k % 7))
    doc = b.build()
    for offset in range(len(doc.text) + 3):
        expected = next((x for x in doc.blocks if x.start <= offset < x.end), None)
        assert doc.block_at(offset) is expected, offset
