"""The archive as pandas DataFrames, for notebooks and scripts.

    >>> from pipeline.api import Archive
    >>> a = Archive("output/archive.sqlite")
    >>> a.decisions(since="2008-01-01", body="johtoryhmä")
    >>> a.commitments(org="Kerava"); a.timeline(person="Jouko Ranta"); a.sql("SELECT ...")

Every record method takes the filters of ``arkisto query`` (since, until, body,
org, person, kind, type, text, document, limit) and returns one row per record
with its document id, source and evidence columns. The file is opened read-only.
"""
from __future__ import annotations

import os
from datetime import date
from typing import Any

import pandas as pd

from pipeline import query
from pipeline.archive import DEFAULT_DB, ArchiveError, connect, resolve_document
from pipeline.query import Filters


class Archive:
    """Read-only pandas view of an arkisto archive file."""

    def __init__(self, path: str | os.PathLike[str] = DEFAULT_DB) -> None:
        self.path = os.fspath(path)
        if not os.path.isfile(self.path):
            raise ArchiveError(f"no archive at {self.path}")
        self.conn = connect(self.path, readonly=True)

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Archive:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def records(self, table: str, **filters: Any) -> pd.DataFrame:
        """Any of ``query.QUERY_TABLES`` by name, filtered like ``arkisto query``."""
        if filters.get("document"):
            filters["document"] = self._resolve(filters["document"])
        rows = query.select_records(self.conn, table, Filters(**filters))
        return pd.DataFrame.from_records(rows, columns=query.columns_of(self.conn, table))

    def documents(self, **filters: Any) -> pd.DataFrame:
        return self.records("documents", **filters)

    def meetings(self, **filters: Any) -> pd.DataFrame:
        return self.records("meetings", **filters)

    def attendees(self, **filters: Any) -> pd.DataFrame:
        return self.records("attendees", **filters)

    def decisions(self, **filters: Any) -> pd.DataFrame:
        return self.records("decisions", **filters)

    def commitments(self, **filters: Any) -> pd.DataFrame:
        return self.records("commitments", **filters)

    def dates(self, **filters: Any) -> pd.DataFrame:
        return self.records("dates", **filters)

    def contacts(self, **filters: Any) -> pd.DataFrame:
        return self.records("contacts", **filters)

    def tables(self, **filters: Any) -> pd.DataFrame:
        return self.records("tables", **filters)

    def blocks(self, **filters: Any) -> pd.DataFrame:
        return self.records("blocks", **filters)

    def persons(self) -> pd.DataFrame:
        return self.sql("SELECT * FROM persons ORDER BY name")

    def organisations(self) -> pd.DataFrame:
        return self.sql("SELECT * FROM organisations ORDER BY name")

    def runs(self) -> pd.DataFrame:
        return self.sql("SELECT * FROM runs ORDER BY id")

    def errors(self, run: int | None = None) -> pd.DataFrame:
        return pd.DataFrame(query.errors(self.conn, run),
                            columns=["run_id", "file", "stage", "reason", "time"])

    def search(self, text: str, limit: int = 50) -> pd.DataFrame:
        return pd.DataFrame(query.search(self.conn, text, limit),
                            columns=["found_in", "row_id", "document_id", "source", "block", "page",
                                     "snippet", "rank"])

    def timeline(self, today: date | None = None, **filters: Any) -> pd.DataFrame:
        return pd.DataFrame(query.timeline(self.conn, Filters(**filters), today),
                            columns=["date", "type", "text", "status", "due", "actors", "overdue",
                                     "document_id", "source", "quote"])

    def sql(self, statement: str, params: dict[str, Any] | tuple[Any, ...] = ()) -> pd.DataFrame:
        """One SELECT, through the same read-only checks as ``arkisto sql``."""
        columns, rows = query.run_sql(self.path, statement, params)
        return pd.DataFrame.from_records(rows, columns=columns)

    def stats(self) -> dict[str, Any]:
        return query.stats(self.conn)

    def _resolve(self, ref: str) -> str:
        return resolve_document(self.conn, ref)
