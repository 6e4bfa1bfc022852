"""Exports of the archive: JSON per document (the scored shape), JSONL, CSV or Parquet per record type."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pandas as pd

from pipeline.archive import Archive
from pipeline.query import QUERY_TABLES, columns_of, select_records

FORMATS = ("json", "jsonl", "csv", "parquet")


def export(archive: Archive, out: Path, fmt: str) -> dict[str, int]:
    """Write the archive to ``out`` as ``fmt``; returns files or rows written per name."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r} (one of {', '.join(FORMATS)})")
    out.mkdir(parents=True, exist_ok=True)
    if fmt == "json":
        return export_json(archive, out)
    return export_tables(archive, out, fmt)


def export_json(archive: Archive, out: Path) -> dict[str, int]:
    """``out/<source file name>.json`` per document, as ``Result.to_dict()`` (GOLD_FORMAT.md).

    A document seen under several file names is written once per name (with that
    path as its source), as ``arkisto extract`` would for each file. Two different
    documents with the same file name get the id's first 12 characters added to the
    later one's name, so nothing is overwritten.
    """
    used: set[str] = set()
    files = 0
    doc_ids = archive.document_ids()
    for doc_id in doc_ids:
        result = archive.load_result(doc_id)
        by_name: dict[str, str] = {Path(result.document.source).name or doc_id: result.document.source}
        for p in archive.paths(doc_id):
            by_name.setdefault(Path(p["path"]).name, p["path"])
        for name, source in by_name.items():
            if name in used:
                name = f"{name}.{doc_id[:12]}"
            used.add(name)
            result.document.source = source
            (out / f"{name}.json").write_text(
                json.dumps(result.to_dict(), ensure_ascii=False, indent=1, default=str), encoding="utf-8")
            files += 1
    return {"documents": len(doc_ids), "files": files}


def frame(rows: list[dict[str, Any]], columns: list[str]) -> pd.DataFrame:
    """Rows as a DataFrame with a fixed column order, even when there are none."""
    return pd.DataFrame.from_records(rows, columns=columns)


def export_tables(archive: Archive, out: Path, fmt: str) -> dict[str, int]:
    """One file per table (documents, each record type, blocks), document id and source on every row."""
    written: dict[str, int] = {}
    for table in QUERY_TABLES:
        rows = select_records(archive.conn, table)
        columns = columns_of(archive.conn, table)
        target = out / f"{table}.{fmt}"
        if fmt == "jsonl":
            with target.open("w", encoding="utf-8") as fh:
                for r in rows:
                    fh.write(json.dumps(r, ensure_ascii=False, default=str) + "\n")
        elif fmt == "csv":
            frame([_flat(r, lists=True) for r in rows], columns).to_csv(target, index=False)
        else:
            frame([_flat(r, lists=False) for r in rows], columns).to_parquet(target, index=False)
        written[table] = len(rows)
    return written


def _flat(row: dict[str, Any], *, lists: bool) -> dict[str, Any]:
    """Objects (and, for CSV, lists) as JSON text: one value per cell."""
    return {k: json.dumps(v, ensure_ascii=False) if isinstance(v, dict) or (lists and isinstance(v, list))
            else v for k, v in row.items()}
