"""``dotterel quotes``: print stored quotes with their speakers."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from ..settings import Settings
from ..store import Store


def add_parser(sub: argparse._SubParsersAction) -> None:
    """Register the subcommand."""
    p = sub.add_parser("quotes", help="list stored quotes and who said them")
    p.add_argument("--db", type=Path, help="the store (default: $DOTTEREL_DB or ./dotterel.duckdb)")
    p.add_argument("--speaker", help="speaker name or actor code (part of it)")
    p.add_argument("--text", help="words in the quote")
    p.add_argument("--doc", help="only this article id")
    p.add_argument("--limit", type=int, help="at most this many quotes")
    p.add_argument("--format", choices=["table", "jsonl"], default="table")
    p.set_defaults(command="quotes")


def run(args: argparse.Namespace) -> int:
    """Print the quotes that pass the filters."""
    with Store(args.db or Settings.from_env().db, read_only=True) as store:
        rows = store.quotes(speaker=args.speaker, text=args.text, doc_id=args.doc,
                            limit=args.limit)
    if args.format == "jsonl":
        for row in rows:
            sys.stdout.write(json.dumps(row, ensure_ascii=False, default=str) + "\n")
        return 0
    for row in rows:
        who = f"{row['speaker']} ({row['speaker_code']})" if row["speaker_code"] else row["speaker"]
        text = " ".join(str(row["text"]).split())
        print(f"{row['doc_id'][:20]:20}  {row['kind']:8}  {who[:40]:40}  “{text[:110]}”")
    print(f"{len(rows)} quotes", file=sys.stderr)
    return 0
