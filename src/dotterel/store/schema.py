"""The event store's schema: its versions, the migrations between them, the current columns.

A store records its schema version in ``meta`` (key ``schema_version``). Every version
has one migration, a list of statements that brings a version ``n - 1`` file to ``n``;
version 1 creates the tables from nothing. Migrations are frozen once released: a later
change to the schema is a new version with its own statements, never an edit of an old one,
so that every file in the field can be brought up to date step by step.
"""

from __future__ import annotations

import duckdb

from dotterel.errors import StoreError

SCHEMA_VERSION = 4

_V1 = (
    """
    CREATE TABLE IF NOT EXISTS meta (
        key   VARCHAR PRIMARY KEY,
        value VARCHAR NOT NULL
    )
    """,
    """
    CREATE TABLE IF NOT EXISTS documents (
        doc_id          VARCHAR PRIMARY KEY,
        content_hash    VARCHAR NOT NULL,
        title           VARCHAR,
        url             VARCHAR,
        outlet          VARCHAR,
        published       DATE,
        published_basis VARCHAR,
        origin          VARCHAR,
        text            VARCHAR,
        n_events        INTEGER NOT NULL,
        coded_at        TIMESTAMP NOT NULL
    )
    """,
    """
    CREATE TABLE IF NOT EXISTS events (
        event_id         VARCHAR PRIMARY KEY,
        doc_id           VARCHAR NOT NULL,
        date             VARCHAR,
        date_start       DATE,
        date_precision   VARCHAR,
        date_basis       VARCHAR,
        source_code      VARCHAR,
        source_country   VARCHAR,
        source_sector    VARCHAR,
        source_name      VARCHAR,
        source_text      VARCHAR,
        target_code      VARCHAR,
        target_country   VARCHAR,
        target_sector    VARCHAR,
        target_name      VARCHAR,
        target_text      VARCHAR,
        cameo            VARCHAR,
        cameo_root       VARCHAR,
        plover           VARCHAR,
        plover_mode      VARCHAR,
        goldstein        DOUBLE,
        quad_class       INTEGER,
        negated          BOOLEAN NOT NULL,
        modality         VARCHAR,
        location_name    VARCHAR,
        location_country VARCHAR,
        lat              DOUBLE,
        lon              DOUBLE,
        geonameid        BIGINT,
        quote_speaker    VARCHAR,
        quote_text       VARCHAR,
        confidence       DOUBLE,
        record           JSON NOT NULL
    )
    """,
    """
    CREATE TABLE IF NOT EXISTS evidence (
        event_id VARCHAR NOT NULL,
        doc_id   VARCHAR NOT NULL,
        sentence VARCHAR,
        start    INTEGER,
        "end"    INTEGER,
        trigger  VARCHAR
    )
    """,
)

# Statements that bring a file at version ``n - 1`` to version ``n``, keyed by ``n``.
# Version 2: quotes and who said them.
_V2 = (
    """
    CREATE TABLE IF NOT EXISTS quotes (
        quote_id        VARCHAR PRIMARY KEY,
        doc_id          VARCHAR NOT NULL,
        start           INTEGER,
        "end"           INTEGER,
        kind            VARCHAR,
        text            VARCHAR,
        speaker         VARCHAR,
        speaker_code    VARCHAR,
        speaker_country VARCHAR,
        speaker_sector  VARCHAR
    )
    """,
)

# Version 3: canonical events, one per real-world act, merged from the reports in events.
_V3 = (
    """
    CREATE TABLE IF NOT EXISTS canonical_events (
        canonical_id   VARCHAR PRIMARY KEY,
        source_country VARCHAR NOT NULL,
        target_country VARCHAR NOT NULL,
        cameo          VARCHAR,
        cameo_root     VARCHAR,
        date           VARCHAR,
        n_mentions     INTEGER,
        n_articles     INTEGER,
        n_sources      INTEGER,
        record         JSON
    )
    """,
)

# Version 4: what coded each article (dotterel.identity), so that a rerun with another
# coding codes it again (NULL for articles stored before); and the dyads whose canonical
# events are still to be merged again after a write (see Store.merge_queued).
_V4 = (
    "ALTER TABLE documents ADD COLUMN coded_by VARCHAR",
    """
    CREATE TABLE IF NOT EXISTS merge_queue (
        source_country VARCHAR NOT NULL,
        target_country VARCHAR NOT NULL,
        PRIMARY KEY (source_country, target_country)
    )
    """,
)

MIGRATIONS: dict[int, tuple[str, ...]] = {1: _V1, 2: _V2, 3: _V3, 4: _V4}

# The columns of the current schema and their SQL types, in table order. The writer builds
# its INSERT statements from these; a test checks them against the tables a migration made.
DOCUMENT_COLUMNS: tuple[tuple[str, str], ...] = (
    ("doc_id", "VARCHAR"), ("content_hash", "VARCHAR"), ("title", "VARCHAR"),
    ("url", "VARCHAR"), ("outlet", "VARCHAR"), ("published", "DATE"),
    ("published_basis", "VARCHAR"), ("origin", "VARCHAR"), ("text", "VARCHAR"),
    ("n_events", "INTEGER"), ("coded_at", "TIMESTAMP"), ("coded_by", "VARCHAR"),
)
EVENT_COLUMNS: tuple[tuple[str, str], ...] = (
    ("event_id", "VARCHAR"), ("doc_id", "VARCHAR"), ("date", "VARCHAR"),
    ("date_start", "DATE"), ("date_precision", "VARCHAR"), ("date_basis", "VARCHAR"),
    ("source_code", "VARCHAR"), ("source_country", "VARCHAR"), ("source_sector", "VARCHAR"),
    ("source_name", "VARCHAR"), ("source_text", "VARCHAR"),
    ("target_code", "VARCHAR"), ("target_country", "VARCHAR"), ("target_sector", "VARCHAR"),
    ("target_name", "VARCHAR"), ("target_text", "VARCHAR"),
    ("cameo", "VARCHAR"), ("cameo_root", "VARCHAR"), ("plover", "VARCHAR"),
    ("plover_mode", "VARCHAR"), ("goldstein", "DOUBLE"), ("quad_class", "INTEGER"),
    ("negated", "BOOLEAN"), ("modality", "VARCHAR"),
    ("location_name", "VARCHAR"), ("location_country", "VARCHAR"),
    ("lat", "DOUBLE"), ("lon", "DOUBLE"), ("geonameid", "BIGINT"),
    ("quote_speaker", "VARCHAR"), ("quote_text", "VARCHAR"), ("confidence", "DOUBLE"),
    ("record", "JSON"),
)
CANONICAL_COLUMNS: tuple[tuple[str, str], ...] = (
    ("canonical_id", "VARCHAR"), ("source_country", "VARCHAR"), ("target_country", "VARCHAR"),
    ("cameo", "VARCHAR"), ("cameo_root", "VARCHAR"), ("date", "VARCHAR"),
    ("n_mentions", "INTEGER"), ("n_articles", "INTEGER"), ("n_sources", "INTEGER"),
    ("record", "JSON"),
)
QUOTE_COLUMNS: tuple[tuple[str, str], ...] = (
    ("quote_id", "VARCHAR"), ("doc_id", "VARCHAR"), ("start", "INTEGER"), ("end", "INTEGER"),
    ("kind", "VARCHAR"), ("text", "VARCHAR"), ("speaker", "VARCHAR"),
    ("speaker_code", "VARCHAR"), ("speaker_country", "VARCHAR"), ("speaker_sector", "VARCHAR"),
)
EVIDENCE_COLUMNS: tuple[tuple[str, str], ...] = (
    ("event_id", "VARCHAR"), ("doc_id", "VARCHAR"), ("sentence", "VARCHAR"),
    ("start", "INTEGER"), ("end", "INTEGER"), ("trigger", "VARCHAR"),
)


def _has_table(conn: duckdb.DuckDBPyConnection, name: str) -> bool:
    row = conn.execute(
        "SELECT count(*) FROM duckdb_tables() "
        "WHERE database_name = current_database() AND schema_name = 'main' AND table_name = ?",
        [name],
    ).fetchone()
    return bool(row and row[0])


def schema_version(conn: duckdb.DuckDBPyConnection) -> int:
    """The schema version recorded in the open file; 0 for a file without a ``meta`` table."""
    if not _has_table(conn, "meta"):
        return 0
    row = conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    if row is None:
        return 0
    try:
        return int(row[0])
    except ValueError:
        raise StoreError(
            f"the store's meta table holds schema_version {row[0]!r}, which is not a number; "
            f"the file is damaged or was not written by Dotterel. Use a new store file."
        ) from None


def migrate(conn: duckdb.DuckDBPyConnection) -> list[int]:
    """Bring the open file up to :data:`SCHEMA_VERSION`, in one transaction.

    Returns the versions applied, in order; an empty list when the file is already current.
    Raises :class:`StoreError` when the file was written by a newer Dotterel, or when a
    migration fails (the file is then left as it was).
    """
    current = schema_version(conn)
    if current > SCHEMA_VERSION:
        raise StoreError(
            f"the store has schema version {current}, newer than this Dotterel understands "
            f"({SCHEMA_VERSION}). Upgrade Dotterel, or use a new store file."
        )
    if current == SCHEMA_VERSION:
        return []
    applied: list[int] = []
    conn.begin()
    try:
        for version in range(current + 1, SCHEMA_VERSION + 1):
            for statement in MIGRATIONS[version]:
                conn.execute(statement)
            applied.append(version)
        # INSERT OR REPLACE keeps one row per key whether or not a version row existed.
        conn.execute(
            "INSERT OR REPLACE INTO meta (key, value) VALUES ('schema_version', ?)",
            [str(SCHEMA_VERSION)],
        )
        conn.commit()
    except duckdb.Error as exc:
        conn.rollback()
        raise StoreError(
            f"cannot bring the store from schema version {current} to {SCHEMA_VERSION}: {exc}. "
            f"The file is unchanged; check that it is a Dotterel store and the disk is writable."
        ) from exc
    return applied
