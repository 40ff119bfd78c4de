"""``dotterel export``: write stored events to a file as JSON lines, GDELT, PLOVER or Parquet.

The filters are those of ``dotterel events``. The file is written beside its final name
and moved into place only when complete, so a failed export never leaves half a file
where a whole one was expected (nor destroys an earlier export of the same name).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import duckdb

from ..errors import ConfigError
from ..export.gdelt import GeoCodes, doc_info, write_gdelt
from ..export.parquet import write_parquet
from ..export.plover import write_plover
from ..settings import Settings
from ..store import Store
from .events import add_filter_arguments

FORMATS = ("jsonl", "gdelt", "plover", "parquet")


def add_parser(sub: argparse._SubParsersAction) -> None:
    """Register the subcommand."""
    p = sub.add_parser("export",
                       help="write stored events to a file (jsonl, gdelt, plover, parquet)")
    # No argparse ``choices``: check_format explains a wrong format in Dotterel's words.
    p.add_argument("--format", required=True, metavar="FORMAT",
                   help="jsonl (contract records), gdelt (GDELT 2.0 event table, TSV), "
                        "plover (PLOVER/POLECAT JSON lines) or parquet")
    p.add_argument("--out", required=True, type=Path, help="the file to write (replaced)")
    add_filter_arguments(p)
    p.set_defaults(command="export")


def check_format(fmt: str) -> str:
    """The format name, lower-cased; ConfigError when Dotterel cannot write it."""
    name = (fmt or "").strip().lower()
    if name not in FORMATS:
        raise ConfigError(f"unknown export format {fmt!r}; use one of {', '.join(FORMATS)} "
                          f"(for example --format jsonl).")
    return name


def check_out(out: Path) -> None:
    """ConfigError when ``out`` cannot be an output file: a folder, or in a missing folder."""
    if out.is_dir():
        raise ConfigError(f"--out {out} is a folder; name a file to write, "
                          f"e.g. {out / 'events.out'}.")
    parent = out.parent if str(out.parent) else Path(".")
    if parent.exists() and not parent.is_dir():
        raise ConfigError(f"cannot write {out}: {parent} is a file, not a folder. "
                          f"Choose another --out.")
    if not parent.is_dir():
        raise ConfigError(f"cannot write {out}: the folder {parent} does not exist. "
                          f"Create it first or choose another --out.")


def _write(records: Sequence[dict[str, Any]], fmt: str, path: Path,
           documents: dict[str, Any]) -> int:
    """Write ``records`` in ``fmt`` to ``path`` (created or truncated)."""
    if fmt == "parquet":
        return write_parquet(records, path)
    with open(path, "w", encoding="utf-8", newline="\n") as fh:
        if fmt == "gdelt":
            return write_gdelt(records, fh, documents, GeoCodes.load())
        if fmt == "plover":
            return write_plover(records, fh)
        # jsonl: the records already are the contract's dicts, written as they are.
        for record in records:
            fh.write(json.dumps(record, ensure_ascii=False) + "\n")
        return len(records)


def export_records(records: Sequence[dict[str, Any]], fmt: str, out: Path,
                   documents: dict[str, Any] | None = None) -> int:
    """Write contract records to ``out`` in ``fmt``; returns how many were written.

    ``documents`` maps doc ids to :class:`~dotterel.export.gdelt.DocInfo` (GDELT's
    DATEADDED, SOURCEURL and IsRootEvent); other formats ignore it. The file appears
    only once complete. Raises ConfigError for an unknown format or an unwritable path.
    """
    fmt = check_format(fmt)
    check_out(out)
    partial = out.with_name(f".{out.name}.partial-{os.getpid()}")
    try:
        n = _write(records, fmt, partial, documents or {})
        os.replace(partial, out)
    except (OSError, duckdb.Error) as exc:
        partial.unlink(missing_ok=True)
        raise ConfigError(f"cannot write {out}: {exc}. Check that its folder is writable, "
                          f"or choose another --out.") from exc
    return n


def run(args: argparse.Namespace) -> int:
    """Export the events that pass the filters."""
    fmt = check_format(args.format)
    check_out(args.out)  # before reading the store: a bad path should not cost a query
    db = args.db or Settings.from_env().db
    with Store(db, read_only=True) as store:
        try:
            records = store.events(actor=args.actor, country=args.country, code=args.code,
                                   quad_class=args.quad, since=args.since, until=args.until,
                                   text=args.text, include_negated=args.negated,
                                   limit=args.limit)
        except ValueError as exc:  # a malformed date or limit
            raise ConfigError(str(exc)) from exc
        documents: dict[str, Any] = {}
        if fmt == "gdelt":
            # One look-up per article, not per event: URL, coding time, first paragraph.
            wanted = {r["doc_id"] for r in records}
            documents = {d["doc_id"]: doc_info(d) for d in store.documents()
                         if d["doc_id"] in wanted}
    n = export_records(records, fmt, args.out, documents)
    print(f"exported {n} events to {args.out} ({fmt})", file=sys.stderr)
    return 0
