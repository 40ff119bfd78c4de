"""``dotterel events``: print stored events as a table (or JSON lines), with filters."""

from __future__ import annotations

import argparse
import json
import shutil
import sys
from pathlib import Path
from typing import Any

from ..settings import Settings
from ..store import Store


def add_filter_arguments(p: argparse.ArgumentParser) -> None:
    """The store and event filters that ``events`` and ``export`` share."""
    p.add_argument("--db", type=Path, help="the store (default: $DOTTEREL_DB or ./dotterel.duckdb)")
    p.add_argument("--actor", help="source or target code prefix or name")
    p.add_argument("--country", help="source or target country (ISO3)")
    p.add_argument("--code", help="CAMEO code or root prefix, e.g. 16 or 161")
    p.add_argument("--quad", type=int, choices=[1, 2, 3, 4], help="quad class")
    p.add_argument("--since", help="first date, YYYY-MM-DD")
    p.add_argument("--until", help="last date, YYYY-MM-DD")
    p.add_argument("--text", help="words in the evidence sentence")
    p.add_argument("--negated", action="store_true", help="include negated events")
    p.add_argument("--limit", type=int, help="at most this many events")


def add_parser(sub: argparse._SubParsersAction) -> None:
    """Register the subcommand."""
    p = sub.add_parser("events", help="list stored events")
    add_filter_arguments(p)
    p.add_argument("--merged", action="store_true",
                   help="one row per real-world event (reports merged), with report counts")
    p.add_argument("--format", choices=["table", "jsonl"], default="table")
    p.set_defaults(command="events")


def _actor(a: dict[str, Any] | None) -> str:
    if not a:
        return "-"
    name = a.get("name") or a.get("text") or ""
    return f"{a.get('code', '')} ({name})" if name else a.get("code", "")


def _clip(text: str, width: int) -> str:
    return text if len(text) <= width else text[: max(width - 1, 0)] + "…"


def format_table(records: list[dict[str, Any]], width: int = 160) -> str:
    """Events as a readable fixed-width table: date, source, code, target, evidence."""
    rows = [("DATE", "SOURCE", "CAMEO", "PLOVER", "TARGET", "EVIDENCE")]
    for r in records:
        ev = r.get("evidence") or {}
        trigger = ev.get("trigger", "")
        rows.append((r.get("date") or "?", _actor(r.get("source")), r.get("cameo", ""),
                     r.get("plover") or "", _actor(r.get("target")),
                     f"[{trigger}] {ev.get('sentence', '')}"))
    widths = [10, 30, 5, 11, 30]
    lines = []
    for row in rows:
        cells = [_clip(str(c), w).ljust(w) for c, w in zip(row, widths)]
        rest = width - sum(widths) - 2 * len(widths)
        lines.append("  ".join([*cells, _clip(row[-1].replace("\n", " "), max(rest, 20))]))
    return "\n".join(lines)


def run(args: argparse.Namespace) -> int:
    """Print the events that pass the filters."""
    db = args.db or Settings.from_env().db
    if args.merged:
        with Store(db, read_only=True) as store:
            records = store.canonical_events(country=args.country, code=args.code,
                                             limit=args.limit)
        for r in records:
            r["evidence"] = {**(r.get("evidence") or {}),
                             "trigger": f"{r['n_mentions']} reports, {r['n_articles']} articles"}
        return _print(records, args.format)
    with Store(db, read_only=True) as store:
        records = store.events(actor=args.actor, country=args.country, code=args.code,
                               quad_class=args.quad, since=args.since, until=args.until,
                               text=args.text, include_negated=args.negated, limit=args.limit)
    return _print(records, args.format)


def _print(records: list[dict[str, Any]], fmt: str) -> int:
    if fmt == "jsonl":
        for r in records:
            sys.stdout.write(json.dumps(r, ensure_ascii=False) + "\n")
        return 0
    width = shutil.get_terminal_size((160, 40)).columns
    print(format_table(records, max(width, 120)))
    print(f"{len(records)} events", file=sys.stderr)
    return 0
