"""``dotterel relations A B``: the diplomatic status of a country pair over time."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from ..merge.relations import relations
from ..settings import Settings
from ..store import Store


def add_parser(sub: argparse._SubParsersAction) -> None:
    """Register the subcommand."""
    p = sub.add_parser("relations", help="a country pair's diplomatic status over time")
    p.add_argument("a", help="a country code (ISO3), e.g. MEX")
    p.add_argument("b", help="the other country code, e.g. ECU")
    p.add_argument("--db", type=Path, help="the store (default: $DOTTEREL_DB or ./dotterel.duckdb)")
    p.add_argument("--on", help="also say the status on this date (YYYY-MM-DD)")
    p.add_argument("--format", choices=["text", "json"], default="text")
    p.set_defaults(command="relations")


def run(args: argparse.Namespace) -> int:
    """Print the pair's status steps, each with its evidence."""
    a, b = args.a.upper(), args.b.upper()
    with Store(args.db or Settings.from_env().db, read_only=True) as store:
        rel = relations(store.events(country=a), a, b)
    if args.format == "json":
        sys.stdout.write(json.dumps(rel.to_dict(), ensure_ascii=False) + "\n")
        return 0
    print(f"{a}–{b}: {len(rel.steps)} status steps from {rel.n_events} events between them")
    for step in rel.steps:
        ev = step.event
        evidence = ev.get("evidence") or {}
        label = f"still {step.status}" if step.confirmed else step.status
        src = (ev.get("source") or {}).get("code", "")
        tgt = (ev.get("target") or {}).get("code", "")
        more = f" (+{len(step.also)} more reports)" if step.also else ""
        print(f"{step.date:10}  {label:16}  {src} -> {tgt}  {ev.get('cameo')}  "
              f"[{evidence.get('trigger', '')}] {evidence.get('sentence', '')}{more}")
    last = args.on or (rel.steps[-1].date if rel.steps else None)
    if last:
        print(f"status on {last}: {rel.status_on(last)}")
    return 0
