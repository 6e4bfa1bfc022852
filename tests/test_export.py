"""Exports: JSON per document equals `arkisto extract --out`; JSONL, CSV and Parquet agree on rows."""
from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from test_archive import SEEDS, arkisto, finnish_result
from test_query import development_group_result

from pipeline.archive import RECORD_TABLES, Archive
from pipeline.query import QUERY_TABLES
from schemas.json_schema import SCHEMA_FILE, render


@pytest.fixture(scope="module")
def archive_db(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """Seeds imported by the CLI plus two hand-built meetings; returns (archive, seed folder)."""
    folder = tmp_path_factory.mktemp("export")
    docs = folder / "docs"
    docs.mkdir()
    for p in SEEDS:
        shutil.copy(p, docs / p.name)
    db = folder / "a.sqlite"
    assert arkisto("ingest", docs, "--db", db)[0] == 0
    with Archive(db) as a:
        run = a.start_run("test: hand-built")
        for result in (finnish_result(), development_group_result()):
            a.write_result(result, result.document.source, run)
    return db, docs


@pytest.fixture(autouse=True)
def integrity(request: pytest.FixtureRequest, tmp_path: Path):
    yield
    dbs = list(tmp_path.rglob("*.sqlite"))
    if "archive_db" in request.fixturenames:
        dbs.append(request.getfixturevalue("archive_db")[0])
    for path in dbs:
        conn = sqlite3.connect(path)
        try:
            assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        finally:
            conn.close()


def test_json_export_gives_the_same_as_extract(archive_db: tuple[Path, Path], tmp_path: Path) -> None:
    db, docs = archive_db
    seeds = sorted(docs.iterdir())
    code, _, err = arkisto("extract", *seeds, "--out", tmp_path / "extract")
    assert code == 0, err
    code, out, err = arkisto("export", "--format", "json", "--out", tmp_path / "export", "--db", db)
    assert code == 0, err
    for seed in seeds:
        extracted = json.loads((tmp_path / "extract" / f"{seed.name}.json").read_text(encoding="utf-8"))
        exported = json.loads((tmp_path / "export" / f"{seed.name}.json").read_text(encoding="utf-8"))
        assert exported == extracted, seed.name
    built = finnish_result()
    exported = json.loads((tmp_path / "export" / f"{Path(built.document.source).name}.json").read_text(encoding="utf-8"))
    assert exported == json.loads(json.dumps(built.to_dict()))
    assert len(list((tmp_path / "export").glob("*.json"))) == len(seeds) + 2


def test_json_export_keeps_documents_with_the_same_file_name_apart(tmp_path: Path) -> None:
    for folder, text in (("a", "Muistio 1.2.2009\n\nKokous pidettiin."), ("b", "Muistio 2.2.2009\n\nKokous peruttiin.")):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "muistio.txt").write_text(text, encoding="utf-8")
    db = tmp_path / "a.sqlite"
    assert arkisto("ingest", tmp_path / "a", tmp_path / "b", "--db", db)[0] == 0
    assert arkisto("export", "--out", tmp_path / "out", "--db", db)[0] == 0
    names = {p.name for p in (tmp_path / "out").iterdir()}
    assert len(names) == 2 and "muistio.txt.json" in names
    assert all(n.startswith("muistio.txt.") and n.endswith(".json") for n in names)


def test_json_export_writes_a_file_per_name_a_document_was_seen_under(tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    shutil.copy(SEEDS[0], tmp_path / "docs" / SEEDS[0].name)
    shutil.copy(SEEDS[0], tmp_path / "docs" / "muistio_kopio.txt")
    db = tmp_path / "a.sqlite"
    assert arkisto("ingest", tmp_path / "docs", "--db", db)[0] == 0
    assert arkisto("export", "--out", tmp_path / "out", "--db", db)[0] == 0
    exported = {p.name: json.loads(p.read_text(encoding="utf-8")) for p in (tmp_path / "out").iterdir()}
    assert set(exported) == {f"{SEEDS[0].name}.json", "muistio_kopio.txt.json"}
    first, copy = exported[f"{SEEDS[0].name}.json"], exported["muistio_kopio.txt.json"]
    assert copy["document"]["source"].endswith("muistio_kopio.txt")
    copy["document"]["source"] = first["document"]["source"]
    assert copy == first


def read_back(folder: Path, fmt: str, table: str) -> pd.DataFrame:
    path = folder / f"{table}.{fmt}"
    if fmt == "jsonl":
        return pd.DataFrame([json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()])
    if fmt == "csv":
        return pd.read_csv(path, keep_default_na=False, dtype=str)
    return pd.read_parquet(path)


def test_jsonl_csv_and_parquet_agree_with_the_archive(archive_db: tuple[Path, Path], tmp_path: Path) -> None:
    db, _ = archive_db
    with Archive(db) as a:
        archived = a.counts()
    frames: dict[str, dict[str, pd.DataFrame]] = {}
    for fmt in ("jsonl", "csv", "parquet"):
        code, out, err = arkisto("export", "--format", fmt, "--out", tmp_path / fmt, "--db", db)
        assert code == 0, err
        assert sorted(p.name for p in (tmp_path / fmt).iterdir()) == sorted(f"{t}.{fmt}" for t in QUERY_TABLES)
        frames[fmt] = {t: read_back(tmp_path / fmt, fmt, t) for t in QUERY_TABLES}
    for table in QUERY_TABLES:
        lengths = {fmt: len(frames[fmt][table]) for fmt in frames}
        assert set(lengths.values()) == {archived[table]}, (table, lengths, archived[table])
        if archived[table]:
            for fmt in frames:
                columns = set(frames[fmt][table].columns)
                assert {"id", "source"} <= columns if table == "documents" else {"document_id", "source"} <= columns
    assert archived["decisions"] >= 2 and archived["commitments"] >= 2  # the hand-built records at least
    # Values survive: lists stay lists in JSONL and Parquet, JSON text in CSV.
    jsonl = frames["jsonl"]["commitments"].set_index("text")
    parquet = frames["parquet"]["commitments"].set_index("text")
    csv = frames["csv"]["commitments"].set_index("text")
    text = finnish_result().records.commitments[0].text
    assert jsonl.loc[text, "actors"] == ["Marianna Kokko", "Kerava"]
    assert list(parquet.loc[text, "actors"]) == ["Marianna Kokko", "Kerava"]
    assert json.loads(csv.loc[text, "actors"]) == ["Marianna Kokko", "Kerava"]
    assert jsonl.loc[text, "quote"] == parquet.loc[text, "quote"] == csv.loc[text, "quote"] == text


def test_empty_tables_export_with_their_columns(tmp_path: Path) -> None:
    db = tmp_path / "a.sqlite"
    Archive(db).close()
    for fmt in ("csv", "parquet"):
        assert arkisto("export", "--format", fmt, "--out", tmp_path / fmt, "--db", db)[0] == 0
        frame = read_back(tmp_path / fmt, fmt, "decisions")
        assert frame.empty and {"document_id", "source", "text", "quote"} <= set(frame.columns)


def test_unknown_export_format_is_a_usage_error(tmp_path: Path) -> None:
    db = tmp_path / "a.sqlite"
    Archive(db).close()
    code, _, err = arkisto("export", "--format", "xml", "--out", tmp_path / "x", "--db", db)
    assert code == 2 and "--format must be one of" in err


# -- JSON Schema of the export -------------------------------------------------

def test_schema_file_is_up_to_date() -> None:
    assert SCHEMA_FILE.read_text(encoding="utf-8") == render(), "run: python -m schemas.json_schema"


def validate(value: Any, schema: dict[str, Any], root: dict[str, Any], where: str = "$") -> list[str]:
    """The subset of JSON Schema our generator writes: type, enum, properties, required, items, anyOf, $ref."""
    if "$ref" in schema:
        return validate(value, root["$defs"][schema["$ref"].rsplit("/", 1)[1]], root, where)
    if "anyOf" in schema:
        if any(not validate(value, s, root, where) for s in schema["anyOf"]):
            return []
        return [f"{where}: {value!r} matches no alternative"]
    problems = []
    kind = schema.get("type")
    checks = {"string": str, "integer": int, "number": (int, float), "boolean": bool, "object": dict,
              "array": list, "null": type(None)}
    if kind and (not isinstance(value, checks[kind]) or (kind in ("integer", "number") and isinstance(value, bool))):
        return [f"{where}: {value!r} is not {kind}"]
    if "enum" in schema and value not in schema["enum"]:
        problems.append(f"{where}: {value!r} not in {schema['enum']}")
    if kind == "object":
        problems += [f"{where}: missing {k}" for k in schema.get("required", []) if k not in value]
        for k, sub in schema.get("properties", {}).items():
            if k in value:
                problems += validate(value[k], sub, root, f"{where}.{k}")
    if kind == "array":
        for i, item in enumerate(value):
            problems += validate(item, schema.get("items", {}), root, f"{where}[{i}]")
    return problems


def test_exports_validate_against_the_schema(archive_db: tuple[Path, Path], tmp_path: Path) -> None:
    db, _ = archive_db
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    assert set(schema["properties"]) == {"document", "blocks", *RECORD_TABLES}
    assert arkisto("export", "--out", tmp_path, "--db", db)[0] == 0
    files = sorted(tmp_path.glob("*.json"))
    assert files
    for path in files:
        problems = validate(json.loads(path.read_text(encoding="utf-8")), schema, schema)
        assert problems == [], (path.name, problems[:5])
    broken = json.loads(files[0].read_text(encoding="utf-8"))
    broken["document"]["kind"] = "pöytäkirja"
    broken["blocks"][0].pop("text")
    assert len(validate(broken, schema, schema)) == 2  # the validator can fail
