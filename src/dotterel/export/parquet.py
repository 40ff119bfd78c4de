"""Events as a Parquet file: the store's ``events`` columns, one row per contract record.

The rows are rebuilt from the contract records (not copied from the store's table) so
that any list of records, filtered or not, can be written, and the file has the same
columns and types as the ``events`` table whatever Dotterel version stored them.
DuckDB writes the file itself, so no Parquet library is needed; ``record`` keeps the whole
contract record as JSON (Parquet's JSON logical type: a string to readers without it).
"""

from __future__ import annotations

import datetime as dt
import json
import math
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import duckdb

from ..store.schema import EVENT_COLUMNS


def _finite(value: Any) -> float | None:
    # DuckDB's JSON reader rejects NaN and infinity; an unknown number becomes NULL.
    if value is None:
        return None
    number = float(value)
    return number if math.isfinite(number) else None


def date_start(date: str | None) -> str | None:
    """The first day a contract date (``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``) covers, ISO."""
    if not date:
        return None
    parts = [int(p) for p in date.split("-")]
    year, month, day = (parts + [1, 1])[:3]
    return dt.date(year, month, day).isoformat()


def flat_row(record: dict[str, Any]) -> dict[str, Any]:
    """A contract record as a row of the ``events`` table's columns (``record`` as JSON)."""
    location = record.get("location") or {}
    quote = record.get("quote") or {}
    cameo = record.get("cameo") or ""
    row: dict[str, Any] = {
        "event_id": record["event_id"],
        "doc_id": record.get("doc_id"),
        "date": record.get("date"),
        "date_start": date_start(record.get("date")),
        "date_precision": record.get("date_precision"),
        "date_basis": record.get("date_basis"),
        "cameo": cameo,
        "cameo_root": cameo[:2] or None,
        "plover": record.get("plover"),
        "plover_mode": record.get("plover_mode"),
        "goldstein": _finite(record.get("goldstein")),
        "quad_class": record.get("quad_class"),
        "negated": bool(record.get("negated")),
        "modality": record.get("modality"),
        "location_name": location.get("name"),
        "location_country": location.get("country"),
        "lat": _finite(location.get("lat")),
        "lon": _finite(location.get("lon")),
        "geonameid": location.get("geonameid"),
        "quote_speaker": quote.get("speaker"),
        "quote_text": quote.get("text"),
        "confidence": _finite(record.get("confidence")),
        "record": json.dumps(record, ensure_ascii=False),
    }
    for side in ("source", "target"):
        actor = record.get(side) or {}
        for field in ("code", "country", "sector", "name", "text"):
            row[f"{side}_{field}"] = actor.get(field)
    return row


def write_parquet(records: Iterable[dict[str, Any]], path: str | Path) -> int:
    """Write contract records to a Parquet file at ``path``; returns how many rows.

    Rows keep the order of ``records``. Raises ``duckdb.Error`` (or ``OSError``) when the
    file cannot be written; the caller turns that into a message for the user.
    """
    rows = []
    for n, record in enumerate(records):
        row = flat_row(record)
        row["_n"] = n  # the input order, since a set-based INSERT does not promise one
        rows.append(row)
    # The rows travel as one JSON parameter and are cast column by column: the same
    # types as the events table, and no value is ever spliced into SQL text.
    names = ", ".join(f'"{name}"' for name, _ in EVENT_COLUMNS)
    values = ", ".join(f"CAST(j->>'{name}' AS {sqltype}) AS \"{name}\""
                       for name, sqltype in EVENT_COLUMNS)
    conn = duckdb.connect()  # in memory: nothing touches the store
    try:
        conn.execute(
            f"CREATE TABLE export AS SELECT {values}, CAST(j->>'_n' AS BIGINT) AS _n "
            f"FROM (SELECT unnest(CAST(CAST(? AS JSON) AS JSON[])) AS j)",
            [json.dumps(rows, ensure_ascii=False, allow_nan=False)],
        )
        conn.sql(f"SELECT {names} FROM export ORDER BY _n").write_parquet(str(path))
    finally:
        conn.close()
    return len(rows)
