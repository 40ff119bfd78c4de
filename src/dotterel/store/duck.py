"""The event store: coded documents, events and their evidence in one DuckDB file."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import math
import re
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any

import duckdb

from dotterel.errors import StoreError
from dotterel.store.schema import (
    DOCUMENT_COLUMNS,
    EVENT_COLUMNS,
    CANONICAL_COLUMNS,
    EVIDENCE_COLUMNS,
    QUOTE_COLUMNS,
    SCHEMA_VERSION,
    migrate,
    schema_version,
)
from dotterel.merge.canonical import merge
from dotterel.types import Article, Event, Quote

if TYPE_CHECKING:
    from dotterel.store.shards import Shard

BATCH_SIZE = 200  # articles per transaction in add_many

_BOUND = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def content_hash(text: str) -> str:
    """The SHA-256 of ``text`` (UTF-8), as 64 hex digits: the key that tells versions apart."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def select_rows_sql(columns: tuple[tuple[str, str], ...]) -> str:
    """A SELECT of typed ``columns`` from rows given as one JSON array parameter.

    Binding one JSON string is far faster than ``executemany`` (which costs about a
    millisecond a row) or binding Python lists; the values still travel as a parameter,
    never as SQL text. ``from_json`` reads each row once into a typed struct (taking
    each column out with ``->>`` parsed the row again for every column). Column names
    come from the schema module, not from input.
    """
    # a JSON column arrives as its text, checked by the cast
    structure = json.dumps([{name: "VARCHAR" if sqltype == "JSON" else sqltype
                             for name, sqltype in columns}])
    values = ", ".join((f'CAST(r."{name}" AS JSON)' if sqltype == "JSON" else f'r."{name}"')
                       + f' AS "{name}"' for name, sqltype in columns)
    return (f"SELECT {values} FROM "
            f"(SELECT unnest(from_json(CAST(? AS JSON), '{structure}')) AS r)")


def column_names(columns: tuple[tuple[str, str], ...]) -> str:
    """The quoted, comma-separated names of ``columns``."""
    return ", ".join(f'"{name}"' for name, _ in columns)


def _insert_sql(table: str, columns: tuple[tuple[str, str], ...]) -> str:
    """An INSERT that takes all its rows as one JSON array parameter (see select_rows_sql)."""
    return f"INSERT INTO {table} ({column_names(columns)}) {select_rows_sql(columns)}"


# the tables a coded article fills, in the order they are written
SHARD_TABLES = {"documents": DOCUMENT_COLUMNS, "events": EVENT_COLUMNS,
                "evidence": EVIDENCE_COLUMNS, "quotes": QUOTE_COLUMNS}
_INSERTS = {table: _insert_sql(table, columns) for table, columns in SHARD_TABLES.items()}
_INSERT_CANONICAL = _insert_sql("canonical_events", CANONICAL_COLUMNS)
_IDS = "(SELECT unnest(CAST(CAST(? AS JSON) AS VARCHAR[])))"


def _finite(value: float | None) -> float | None:
    # JSON has no NaN or infinity; an unknown number is stored as NULL.
    if value is None or not math.isfinite(value):
        return None
    return value


def _date_start(event: Event) -> dt.date | None:
    """The first day the event's date covers."""
    if event.date is None:
        return None
    value, precision = event.date.value, event.date.precision
    if precision == "year":
        return dt.date(value.year, 1, 1)
    if precision == "month":
        return dt.date(value.year, value.month, 1)
    return value


def _parse_bound(value: str | dt.date, name: str, *, end: bool) -> dt.date:
    """``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` as a date: the first day of the period for a
    lower bound, the last for an upper bound, so ``until="2024-03"`` keeps all of March."""
    if isinstance(value, dt.date):
        return value
    match = _BOUND.match(value.strip())
    if not match:
        raise ValueError(f"{name}={value!r} is not a date; write YYYY, YYYY-MM or YYYY-MM-DD")
    year, month, day = match.group(1), match.group(2), match.group(3)
    try:
        if day:
            return dt.date(int(year), int(month), int(day))
        if month:
            first = dt.date(int(year), int(month), 1)
            if not end:
                return first
            following = dt.date(first.year + first.month // 12, first.month % 12 + 1, 1)
            return following - dt.timedelta(days=1)
        return dt.date(int(year), 12, 31) if end else dt.date(int(year), 1, 1)
    except ValueError:
        raise ValueError(f"{name}={value!r} is not a real date") from None


def _event_row(event: Event) -> tuple[dict[str, Any], dict[str, Any]]:
    """The ``events`` row and the ``evidence`` row for one event."""
    record = event.to_dict()
    try:
        # allow_nan=False: a NaN would make JSON that DuckDB (and every reader) rejects.
        record_json = json.dumps(record, ensure_ascii=False, allow_nan=False)
    except ValueError:
        raise StoreError(
            f"event {event.event_id!r} holds a number that is not finite (NaN or infinity) "
            f"and cannot be stored; fix the stage that produced it."
        ) from None
    row: dict[str, Any] = {
        "event_id": event.event_id,
        "doc_id": event.doc_id,
        "date": record["date"],
        "date_start": (start.isoformat() if (start := _date_start(event)) else None),
        "date_precision": record["date_precision"],
        "date_basis": event.date_basis,
        "cameo": event.cameo,
        "cameo_root": event.cameo[:2] or None,
        "plover": event.plover,
        "plover_mode": event.plover_mode,
        "goldstein": _finite(event.goldstein),
        "quad_class": event.quad_class,
        "negated": bool(event.negated),
        "modality": event.modality,
        "location_name": event.location.name if event.location else None,
        "location_country": event.location.country if event.location else None,
        "lat": _finite(event.location.lat) if event.location else None,
        "lon": _finite(event.location.lon) if event.location else None,
        "geonameid": event.location.geonameid if event.location else None,
        "quote_speaker": event.quote.speaker if event.quote else None,
        "quote_text": event.quote.text if event.quote else None,
        "confidence": record["confidence"],
        "record": record_json,
    }
    for side, actor in (("source", event.source), ("target", event.target)):
        row[f"{side}_code"] = actor.code if actor else None
        row[f"{side}_country"] = actor.country if actor else None
        row[f"{side}_sector"] = actor.sector if actor else None
        row[f"{side}_name"] = actor.name if actor else None
        row[f"{side}_text"] = actor.text if actor else None
    evidence = {
        "event_id": event.event_id,
        "doc_id": event.doc_id,
        "sentence": event.evidence.sentence,
        "start": event.evidence.start,
        "end": event.evidence.end,
        "trigger": event.evidence.trigger,
    }
    return row, evidence


# an event's dyad as one string (country codes hold no "|"), to match dyads in one set
_DYAD_KEY = "coalesce(source_country, '') || '|' || coalesce(target_country, '')"


def _dyads_of(conn: duckdb.DuckDBPyConnection, ids: Sequence[str]) -> set[tuple[str, str]]:
    """The dyads of the events stored for the documents ``ids``: the canonical events
    that hold their reports are among these dyads'."""
    return set(conn.execute(
        "SELECT DISTINCT coalesce(source_country, ''), coalesce(target_country, '') "
        f"FROM events WHERE doc_id IN {_IDS}", [json.dumps(list(ids))]).fetchall())


def _refresh_canonical(conn: duckdb.DuckDBPyConnection, dyads: set[tuple[str, str]]) -> None:
    """Merge the stored reports of each dyad into canonical events, replacing its old ones.

    One statement does each step for all the dyads at once: a run touches many dyads,
    and each statement scans the events table.
    """
    if not dyads:
        return
    keys = json.dumps(sorted(f"{src}|{tgt}" for src, tgt in dyads))
    conn.execute(f"DELETE FROM canonical_events WHERE {_DYAD_KEY} IN {_IDS}", [keys])
    found = conn.execute(f"SELECT doc_id, record FROM events WHERE {_DYAD_KEY} IN {_IDS}",
                         [keys]).fetchall()
    docs = json.dumps(sorted({doc_id for doc_id, _ in found}))
    outlets = dict(conn.execute(f"SELECT doc_id, outlet FROM documents WHERE doc_id IN {_IDS} "
                                f"AND coalesce(outlet, '') <> ''", [docs]).fetchall())
    rows = []
    for c in merge([json.loads(record) for _, record in found], outlets):
        src, tgt = c.dyad
        rows.append({"canonical_id": c.canonical_id, "source_country": src,
                     "target_country": tgt, "cameo": c.record.get("cameo"),
                     "cameo_root": str(c.record.get("cameo", ""))[:2], "date": c.record.get("date"),
                     "n_mentions": c.n_mentions, "n_articles": c.n_articles,
                     "n_sources": c.n_sources, "record": json.dumps(c.to_dict(), ensure_ascii=False)})
    if rows:
        conn.execute(_INSERT_CANONICAL, [json.dumps(rows, ensure_ascii=False)])


def _queue_dyads(conn: duckdb.DuckDBPyConnection, dyads: set[tuple[str, str]]) -> None:
    """Queue ``dyads`` for :meth:`Store.merge_queued`, in the caller's transaction."""
    if dyads:
        conn.execute("INSERT OR IGNORE INTO merge_queue SELECT p[1], p[2] FROM "
                     "(SELECT unnest(CAST(CAST(? AS JSON) AS VARCHAR[][])) AS p)",
                     [json.dumps(sorted(dyads))])


def _delete_documents(conn: duckdb.DuckDBPyConnection, ids: Sequence[str]) -> None:
    """Delete the documents ``ids`` and every row that belongs to them."""
    param = json.dumps(list(ids))
    for table in ("evidence", "events", "quotes", "documents"):
        conn.execute(f"DELETE FROM {table} WHERE doc_id IN {_IDS}", [param])


def coded_rows(coded: Iterable[tuple[Article, Sequence[Event], Sequence[Quote], str]],
               coded_at: str, coded_by: str | None) -> dict[str, list[dict[str, Any]]]:
    """The rows of each table (documents, events, evidence, quotes) for coded articles,
    given as (article, events, quotes, content hash), coded at ``coded_at`` by the
    coding ``coded_by`` (:mod:`dotterel.identity`); events keep their order."""
    rows: dict[str, list[dict[str, Any]]] = {t: [] for t in SHARD_TABLES}
    for article, article_events, article_quotes, digest in coded:
        rows["documents"].append(_document_row(article, digest, len(article_events), coded_at,
                                               coded_by))
        rows["quotes"].extend(_quote_row(article.id, q) for q in article_quotes)
        for event in article_events:
            event_row, evidence_row = _event_row(event)
            rows["events"].append(event_row)
            rows["evidence"].append(evidence_row)
    return rows


def now_utc() -> str:
    """The time now (UTC, no zone), as the store's ``coded_at`` takes it."""
    return dt.datetime.now(dt.timezone.utc).replace(tzinfo=None).isoformat(sep=" ")


def _quote_row(doc_id: str, quote: Quote) -> dict[str, Any]:
    actor = quote.speaker_actor
    key = f"{doc_id}|{quote.start}|{quote.end}|{quote.kind}"
    return {"quote_id": hashlib.sha1(key.encode("utf-8")).hexdigest()[:16], "doc_id": doc_id,
            "start": quote.start, "end": quote.end, "kind": quote.kind, "text": quote.text,
            "speaker": quote.speaker, "speaker_code": actor.code if actor else None,
            "speaker_country": actor.country if actor else None,
            "speaker_sector": actor.sector if actor else None}


def _document_row(article: Article, digest: str, n_events: int, coded_at: str,
                  coded_by: str | None) -> dict[str, Any]:
    return {
        "doc_id": article.id,
        "content_hash": digest,
        "title": article.title,
        "url": article.url,
        "outlet": article.outlet,
        "published": article.published.isoformat() if article.published else None,
        "published_basis": article.published_basis,
        "origin": article.origin,
        "text": article.text,
        "n_events": n_events,
        "coded_at": coded_at,
        "coded_by": coded_by,
    }


def _check_events(article: Article, events: Sequence[Event]) -> None:
    # Events are replaced by doc_id; one filed under another id would outlive its article.
    for event in events:
        if event.doc_id != article.id:
            raise ValueError(
                f"event {event.event_id!r} has doc_id {event.doc_id!r} but was given with "
                f"article {article.id!r}; store each event with the article it came from"
            )


def _open_error(path: Path, read_only: bool, exc: duckdb.Error) -> StoreError:
    """A StoreError that says why ``path`` cannot be opened and what to do about it."""
    message = str(exc)
    if "not a valid DuckDB database" in message:
        return StoreError(
            f"{path} is not a DuckDB database file, so it cannot be an event store. "
            f"Name a Dotterel store file, or a path that does not exist yet to create a new one."
        )
    if "Could not set lock" in message or "Conflicting lock" in message:
        return StoreError(
            f"{path} is in use by another process ({message}). DuckDB lets one process write "
            f"a file at a time: wait for that process to finish or stop it, then try again."
        )
    if isinstance(exc, duckdb.ConnectionException):
        return StoreError(
            f"{path} is already open in this process in {'write' if read_only else 'read-only'} "
            f"mode; close that store before opening it {'read-only' if read_only else 'for writing'}."
        )
    return StoreError(f"cannot open the event store {path}: {message}. "
                      f"Check the path and its permissions, or use a new store file.")


class Store:
    """Coded documents, events and evidence in one DuckDB file.

    Open it for writing (the default) to create the file and bring its schema up to date,
    or ``read_only=True`` to query a file another run wrote. Use it as a context manager,
    or call :meth:`close`. One process at a time may hold a file open for writing.
    """

    def __init__(self, path: str | Path, read_only: bool = False) -> None:
        """Open (and when writing, create and migrate) the store at ``path``.

        Raises :class:`StoreError` when the file cannot be opened: locked by another
        process, not a DuckDB file, missing when opened read-only, or of a schema this
        version cannot read.
        """
        self.path = Path(path)
        self.read_only = read_only
        self._conn: duckdb.DuckDBPyConnection | None = None
        if read_only and not self.path.exists():
            raise StoreError(
                f"the event store {self.path} does not exist. Code some articles into it "
                f"first, or check the path."
            )
        if not read_only and not self.path.parent.exists():
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise StoreError(f"cannot create the folder for the event store {self.path}: "
                                 f"{exc}. Choose a writable location.") from exc
        try:
            conn = duckdb.connect(str(self.path), read_only=read_only)
        except duckdb.Error as exc:
            raise _open_error(self.path, read_only, exc) from exc
        try:
            self._prepare(conn)
        except BaseException:
            conn.close()
            raise
        self._conn = conn

    def _prepare(self, conn: duckdb.DuckDBPyConnection) -> None:
        """Check the schema version; when writing, bring the file up to date."""
        try:
            if not self.read_only:
                migrate(conn)
                return
            version = schema_version(conn)
        except duckdb.Error as exc:
            raise StoreError(f"cannot read the schema of the event store {self.path}: {exc}. "
                             f"Use a Dotterel store file, or a new path.") from exc
        if version == 0:
            raise StoreError(
                f"{self.path} is a DuckDB file but not a Dotterel event store (it has no "
                f"schema version). Name a store Dotterel wrote, or a new path to create one."
            )
        if version < SCHEMA_VERSION:
            raise StoreError(
                f"the event store {self.path} has schema version {version}, older than this "
                f"Dotterel's {SCHEMA_VERSION}; open it once for writing to upgrade it, then "
                f"read it again."
            )
        if version > SCHEMA_VERSION:
            raise StoreError(
                f"the event store {self.path} has schema version {version}, newer than this "
                f"Dotterel understands ({SCHEMA_VERSION}); upgrade Dotterel to read it."
            )

    # -- lifecycle -------------------------------------------------------------------

    def close(self) -> None:
        """Close the file; closing twice is harmless."""
        if self._conn is not None:
            self._conn.close()
            self._conn = None

    def __enter__(self) -> Store:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()

    @property
    def conn(self) -> duckdb.DuckDBPyConnection:
        """The open DuckDB connection (for read queries the methods here do not cover)."""
        if self._conn is None:
            raise StoreError(f"the event store {self.path} is closed; open a new Store.")
        return self._conn

    @property
    def schema_version(self) -> int:
        """The schema version recorded in the file."""
        with self._errors("read the schema version of"):
            return schema_version(self.conn)

    def migrate(self) -> list[int]:
        """Bring the file up to the current schema; returns the versions applied (none when current)."""
        self._require_writable("migrate")
        with self._errors("migrate"):
            return migrate(self.conn)

    @contextmanager
    def _errors(self, action: str) -> Iterator[None]:
        # DuckDB's own errors become StoreErrors that name the file.
        try:
            yield
        except duckdb.Error as exc:
            raise StoreError(f"cannot {action} the event store {self.path}: {exc}") from exc

    def _require_writable(self, what: str) -> None:
        if self.read_only:
            raise StoreError(f"the event store {self.path} was opened read-only and cannot "
                             f"{what}; open it without read_only to write.")

    # -- writing ---------------------------------------------------------------------

    def add(self, article: Article, events: Sequence[Event], quotes: Sequence[Quote] = (),
            *, coded_by: str | None = None, merge: bool = True) -> bool:
        """Store one coded article and its events, in one transaction.

        ``coded_by`` names the coding that found them (:func:`dotterel.identity.coding_identity`).
        Returns False, writing nothing, when the article is already stored with the same
        text (same id and content hash) by the same coding. An article stored before with
        other text, or by another coding, has its document row, events and evidence
        replaced. With ``merge`` (the default) the canonical events of the dyads touched
        are merged again before it returns; without, they wait for :meth:`merge_queued`. Raises ValueError when an event's
        ``doc_id`` is not the article's id, StoreError when the write fails (nothing is
        written then), for example when an event id is already stored for another article.
        """
        written, _ = self._write_batch([(article, events, quotes)], coded_by)
        if merge:
            self.merge_queued()
        return written == 1

    def add_many(self, items: Iterable[tuple[Article, Sequence[Event]]
                                       | tuple[Article, Sequence[Event], Sequence[Quote]]],
                 *, coded_by: str | None = None, merge: bool = True) -> tuple[int, int]:
        """Store many coded articles (with their quotes, when given as a third item),
        one transaction per batch of up to 200; ``coded_by`` and ``merge`` as for
        :meth:`add` (the merge comes once, after the last batch).

        Returns ``(written, skipped)``: articles written (new or replaced) and articles
        skipped as already stored with the same text by the same coding. A failing batch
        is rolled back and raises StoreError; batches before it stay written.
        """
        written = skipped = 0
        batch: list[tuple[Article, Sequence[Event], Sequence[Quote]]] = []
        for item in items:
            batch.append((item[0], item[1], item[2] if len(item) > 2 else ()))
            if len(batch) >= BATCH_SIZE:
                w, s = self._write_batch(batch, coded_by)
                written, skipped, batch = written + w, skipped + s, []
        if batch:
            w, s = self._write_batch(batch, coded_by)
            written, skipped = written + w, skipped + s
        if merge:
            self.merge_queued()
        return written, skipped

    def _write_batch(self, batch: Sequence[tuple[Article, Sequence[Event], Sequence[Quote]]],
                     coded_by: str | None) -> tuple[int, int]:
        """Write one batch in one transaction, as if its articles were added one by one."""
        self._require_writable("be written")
        conn = self.conn
        prepared = []
        for article, events, quotes in batch:
            events = list(events)
            _check_events(article, events)
            prepared.append((article, events, list(quotes), content_hash(article.text)))
        ids = json.dumps(sorted({p[0].id for p in prepared}))
        coded_at = now_utc()

        with self._errors("write to"):
            conn.begin()
            try:
                stored = {doc_id: (digest, by) for doc_id, digest, by in conn.execute(
                    f"SELECT doc_id, content_hash, coded_by FROM documents WHERE doc_id IN {_IDS}",
                    [ids]).fetchall()}
                # Decide in input order, so a later copy of an id in the same batch wins
                # and the counts match what adding the articles one by one would give.
                chosen: dict[str, tuple[Article, list[Event], list[Quote], str]] = {}
                written = skipped = 0
                for article, events, quotes, digest in prepared:
                    if stored.get(article.id) == (digest, coded_by):
                        skipped += 1
                        continue
                    stored[article.id] = (digest, coded_by)
                    chosen[article.id] = (article, events, quotes, digest)
                    written += 1
                if chosen:
                    self._replace(conn, chosen, coded_at, coded_by)
                conn.commit()
            except BaseException:
                conn.rollback()
                raise
        return written, skipped

    @staticmethod
    def _replace(conn: duckdb.DuckDBPyConnection,
                 chosen: dict[str, tuple[Article, list[Event], list[Quote], str]],
                 coded_at: str, coded_by: str | None) -> None:
        """Delete whatever is stored under the chosen ids and insert their new rows."""
        rows = coded_rows(chosen.values(), coded_at, coded_by)
        dyads = _dyads_of(conn, list(chosen))  # merged again: their old reports go
        _delete_documents(conn, list(chosen))
        # DuckDB's JSON reader rejects NaN, so numbers were made finite in the rows above.
        for table, table_rows in rows.items():
            if table_rows:
                conn.execute(_INSERTS[table], [json.dumps(table_rows, ensure_ascii=False)])
        dyads |= {(r["source_country"] or "", r["target_country"] or "") for r in rows["events"]}
        _queue_dyads(conn, dyads)

    def take_shards(self, shards: Sequence[Shard], *, merge: bool = True) -> int:
        """Take in shards (Parquet files workers wrote, see :mod:`dotterel.store.shards`),
        in order and in one transaction; returns the number of articles they held.
        ``merge`` as for :meth:`add`.

        The shards' articles replace whatever is stored under their ids, as :meth:`add`
        does for an article with new text; the caller skips articles already stored with
        the same text before coding them. The files are left in place.
        """
        self._require_writable("take in a shard")
        conn = self.conn
        taken = 0
        with self._errors("take a shard into"):
            conn.begin()
            try:
                dyads: set[tuple[str, str]] = set()
                for shard in shards:
                    ids = [r[0] for r in conn.execute("SELECT doc_id FROM read_parquet(?)",
                                                      [str(shard.path("documents"))]).fetchall()]
                    dyads |= _dyads_of(conn, ids)  # merged again: their old reports go
                    _delete_documents(conn, ids)
                    for table, columns in SHARD_TABLES.items():
                        names = column_names(columns)
                        conn.execute(f"INSERT INTO {table} ({names}) SELECT {names} "
                                     f"FROM read_parquet(?)", [str(shard.path(table))])
                    dyads |= set(conn.execute(
                        "SELECT DISTINCT coalesce(source_country, ''), "
                        "coalesce(target_country, '') FROM read_parquet(?)",
                        [str(shard.path("events"))]).fetchall())
                    taken += len(ids)
                _queue_dyads(conn, dyads)
                conn.commit()
            except BaseException:
                conn.rollback()
                raise
        if merge:
            self.merge_queued()
        return taken

    def merge_queued(self) -> int:
        """Merge again, in one transaction, the canonical events of every dyad a write
        queued (this process's or an interrupted run's); returns how many dyads.

        Each merge reads all of a dyad's reports, so a long run merges once at its end
        rather than after every batch, which would read a busy dyad's reports again and
        again.
        """
        self._require_writable("merge canonical events")
        conn = self.conn
        with self._errors("merge canonical events in"):
            conn.begin()
            try:
                dyads = set(conn.execute(
                    "SELECT source_country, target_country FROM merge_queue").fetchall())
                _refresh_canonical(conn, dyads)
                conn.execute("DELETE FROM merge_queue")
                conn.commit()
            except BaseException:
                conn.rollback()
                raise
        return len(dyads)

    # -- reading ---------------------------------------------------------------------

    def has(self, doc_id: str, content_hash: str | None = None) -> bool:
        """Whether ``doc_id`` is stored (with exactly ``content_hash``, when given)."""
        sql = "SELECT count(*) FROM documents WHERE doc_id = ?"
        params: list[Any] = [doc_id]
        if content_hash is not None:
            sql += " AND content_hash = ?"
            params.append(content_hash)
        with self._errors("read"):
            row = self.conn.execute(sql, params).fetchone()
        return bool(row and row[0])

    def stored_codings(self) -> dict[str, tuple[str, str | None]]:
        """Every stored document id with its content hash and the coding that stored it
        (:mod:`dotterel.identity`): what a resumed run can skip."""
        with self._errors("read"):
            return {doc_id: (digest, by) for doc_id, digest, by in self.conn.execute(
                "SELECT doc_id, content_hash, coded_by FROM documents").fetchall()}

    def event_lines(self, doc_ids: Sequence[str]) -> dict[str, list[str]]:
        """The stored contract records of the articles ``doc_ids``, as JSON text, each
        article's in the order it was coded (DuckDB keeps insertion order in a scan)."""
        out: dict[str, list[str]] = {doc_id: [] for doc_id in doc_ids}
        with self._errors("read"):
            rows = self.conn.execute(f"SELECT doc_id, record FROM events WHERE doc_id IN {_IDS}",
                                     [json.dumps(list(out))]).fetchall()
        for doc_id, record in rows:
            out[doc_id].append(record)
        return out

    def events(self, *, actor: str | None = None, country: str | None = None,
               code: str | None = None, quad_class: int | None = None,
               since: str | None = None, until: str | None = None, text: str | None = None,
               doc_id: str | None = None, include_negated: bool = False,
               actor_code: str | None = None, quoted: bool = False,
               newest_first: bool = False, offset: int = 0,
               limit: int | None = None) -> list[dict[str, Any]]:
        """The stored contract records that pass every filter given.

        ``actor``: a prefix of the source or target CAMEO code, or a case-insensitive
        substring of its name. ``country``: the source or target country code. ``code``:
        a CAMEO code prefix ("16" matches 161 and 1612). ``since`` / ``until``: YYYY,
        YYYY-MM or YYYY-MM-DD, inclusive, compared with the first day each event's date
        covers (``until="2024-03"`` runs to 31 March); undated events fail them.
        ``text``: a case-insensitive substring of the evidence sentence. Negated events
        are left out unless ``include_negated``. ``actor_code``: a prefix of the source or
        target code (codes only). ``quoted``: only events with a quote. Empty strings
        filter nothing.
        Ordered by date (undated last), document id, evidence offset; ``newest_first``
        turns the dates round (one day's events keep their order). ``offset`` and
        ``limit`` page through the result.
        Raises ValueError for a malformed date or limit.
        """
        where, params = self._event_filters(
            actor=actor, country=country, code=code, quad_class=quad_class, since=since,
            until=until, text=text, doc_id=doc_id, include_negated=include_negated,
            actor_code=actor_code, quoted=quoted)
        sql = ("SELECT e.record FROM events e LEFT JOIN "
               "(SELECT event_id, min(start) AS start FROM evidence GROUP BY event_id) v "
               "ON v.event_id = e.event_id")
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += (f" ORDER BY e.date_start {'DESC' if newest_first else 'ASC'} NULLS LAST, "
                "e.doc_id, v.start NULLS LAST, e.event_id")
        if limit is not None:
            sql += " LIMIT ?"
            params.append(_check_limit(limit))
        if offset:
            sql += " OFFSET ?"
            params.append(_check_limit(offset, "offset"))
        with self._errors("read"):
            rows = self.conn.execute(sql, params).fetchall()
        return [json.loads(record) for (record,) in rows]

    def count_events(self, **filters: Any) -> int:
        """How many events :meth:`events` gives for the same filters (no paging)."""
        where, params = self._event_filters(**filters)
        sql = "SELECT count(*) FROM events e" + (" WHERE " + " AND ".join(where) if where else "")
        with self._errors("read"):
            row = self.conn.execute(sql, params).fetchone()
        return int(row[0]) if row else 0

    @staticmethod
    def _event_filters(*, actor: str | None = None, country: str | None = None,
                       code: str | None = None, quad_class: int | None = None,
                       since: str | None = None, until: str | None = None,
                       text: str | None = None, doc_id: str | None = None,
                       include_negated: bool = False, actor_code: str | None = None,
                       quoted: bool = False) -> tuple[list[str], list[Any]]:
        """The WHERE clauses and parameters of :meth:`events`' filters."""
        where: list[str] = []
        params: list[Any] = []
        if actor:
            where.append("(starts_with(e.source_code, ?) OR starts_with(e.target_code, ?) "
                         "OR contains(lower(e.source_name), ?) "
                         "OR contains(lower(e.target_name), ?))")
            params += [actor.upper(), actor.upper(), actor.lower(), actor.lower()]
        if country:
            where.append("(e.source_country = ? OR e.target_country = ?)")
            params += [country.upper(), country.upper()]
        if code:
            where.append("starts_with(e.cameo, ?)")
            params.append(code)
        if quad_class is not None:
            where.append("e.quad_class = ?")
            params.append(int(quad_class))
        if since:
            where.append("e.date_start >= ?")
            params.append(_parse_bound(since, "since", end=False))
        if until:
            where.append("e.date_start <= ?")
            params.append(_parse_bound(until, "until", end=True))
        if text:
            where.append("EXISTS (SELECT 1 FROM evidence x WHERE x.event_id = e.event_id "
                         "AND contains(lower(x.sentence), ?))")
            params.append(text.lower())
        if doc_id:
            where.append("e.doc_id = ?")
            params.append(doc_id)
        if not include_negated:
            where.append("NOT e.negated")
        if actor_code:
            where.append("(starts_with(e.source_code, ?) OR starts_with(e.target_code, ?))")
            params += [actor_code.upper(), actor_code.upper()]
        if quoted:
            where.append("coalesce(e.quote_text, '') <> ''")
        return where, params

    def counts(self) -> dict[str, int]:
        """Rows stored: ``{"documents": n, "events": n, "evidence": n}``."""
        with self._errors("read"):
            row = self.conn.execute(
                "SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM events), "
                "(SELECT count(*) FROM evidence)"
            ).fetchone()
        assert row is not None  # a scalar SELECT always returns one row
        return {"documents": int(row[0]), "events": int(row[1]), "evidence": int(row[2])}

    def canonical_events(self, *, country: str | None = None, code: str | None = None,
                         limit: int | None = None) -> list[dict[str, Any]]:
        """Canonical events (one per real-world act, with their reports, counts and merge
        reasons), filtered by a country on either side or a CAMEO code prefix, in date order."""
        where: list[str] = []
        params: list[Any] = []
        if country:
            where.append("(source_country = ? OR target_country = ?)")
            params += [country.upper()] * 2
        if code:
            where.append("cameo LIKE ?")
            params.append(f"{code}%")
        sql = "SELECT record FROM canonical_events"
        sql += (" WHERE " + " AND ".join(where) if where else "") + " ORDER BY date, canonical_id"
        if limit is not None:
            sql += " LIMIT ?"
            params.append(_check_limit(limit))
        with self._errors("read"):
            return [json.loads(r[0]) for r in self.conn.execute(sql, params).fetchall()]

    def quotes(self, *, speaker: str | None = None, text: str | None = None,
               doc_id: str | None = None, limit: int | None = None) -> list[dict[str, Any]]:
        """Stored quotes, filtered by speaker (name or actor code, case-insensitive
        substring), words in the quote, or article; in article and text order."""
        where: list[str] = []
        params: list[Any] = []
        if speaker:
            where.append("(lower(speaker) LIKE ? OR lower(speaker_code) LIKE ?)")
            params += [f"%{speaker.lower()}%"] * 2
        if text:
            where.append("lower(text) LIKE ?")
            params.append(f"%{text.lower()}%")
        if doc_id:
            where.append("doc_id = ?")
            params.append(doc_id)
        sql = "SELECT * FROM quotes" + (" WHERE " + " AND ".join(where) if where else "")
        sql += " ORDER BY doc_id, start"
        if limit is not None:
            sql += " LIMIT ?"
            params.append(_check_limit(limit))
        with self._errors("read"):
            cur = self.conn.execute(sql, params)
            names = [d[0] for d in cur.description]
            return [dict(zip(names, row)) for row in cur.fetchall()]

    def documents(self, limit: int | None = None) -> list[dict[str, Any]]:
        """The stored documents, as dicts of the ``documents`` columns.

        Dates and times are ISO strings (``published`` ``YYYY-MM-DD``, ``coded_at``
        ``YYYY-MM-DDTHH:MM:SS[.ffffff]``, UTC), so the dicts serialise to JSON as they are.
        Ordered by publication date (undated last), then id.
        """
        names = [name for name, _ in DOCUMENT_COLUMNS]
        sql = (f"SELECT {', '.join(f'd.{n}' for n in names)} FROM documents d "
               f"ORDER BY d.published NULLS LAST, d.doc_id")
        params: list[Any] = []
        if limit is not None:
            sql += " LIMIT ?"
            params.append(_check_limit(limit))
        with self._errors("read"):
            rows = self.conn.execute(sql, params).fetchall()
        out = []
        for row in rows:
            doc = dict(zip(names, row))
            for key in ("published", "coded_at"):
                if isinstance(doc[key], dt.date):  # datetime is a date too
                    doc[key] = doc[key].isoformat()
            out.append(doc)
        return out


def _check_limit(limit: int, name: str = "limit") -> int:
    if isinstance(limit, bool) or not isinstance(limit, int) or limit < 0:
        raise ValueError(f"{name}={limit!r} must be a whole number, 0 or more")
    return limit
