"""Walking a folder takes documents and passes over code, data and images; named files are always tried."""

from pipeline.ingest import walk


def test_folder_walk_passes_over_files_that_are_not_documents(tmp_path):
    for name in ("minutes.docx", "notes.TXT", "scan.PDF", "no_extension", "make.py", "list.csv", "logo.png",
                 ".hidden.txt", "sub/agenda.odt", "sub/archive.zip"):
        (tmp_path / name).parent.mkdir(exist_ok=True)
        (tmp_path / name).write_bytes(b"x")
    found = sorted(p.relative_to(tmp_path).as_posix() for p in walk([tmp_path]))
    assert found == ["minutes.docx", "no_extension", "notes.TXT", "scan.PDF", "sub/agenda.odt"]
    named = tmp_path / "make.py"
    assert list(walk([named])) == [named]
