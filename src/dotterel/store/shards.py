"""Shards: the Parquet files one worker writes for one chunk of coded articles.

A worker of a scaled-out run (:mod:`dotterel.run.cluster`) codes a chunk and writes one
Parquet file per store table (documents, events, evidence, quotes) with exactly the
store's columns; the driver takes the shard into the store (:meth:`Store.take_shards`,
DuckDB reads Parquet natively) and copies its event records to ``--out``. Each file is
written under a temporary name and renamed, so a shard that exists is whole.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import duckdb

from dotterel.store.duck import SHARD_TABLES, coded_rows, content_hash, now_utc, select_rows_sql
from dotterel.types import Article, Event, Quote


@dataclass(frozen=True)
class Shard:
    """The files of one shard: ``{folder}/{name}.{table}.parquet``."""

    folder: Path
    name: str

    def path(self, table: str) -> Path:
        """The Parquet file of ``table``."""
        return self.folder / f"{self.name}.{table}.parquet"

    def remove(self) -> None:
        """Delete the shard's files (after the driver has taken it in)."""
        for table in SHARD_TABLES:
            self.path(table).unlink(missing_ok=True)


class ShardWriter:
    """Writes shards through one in-memory DuckDB connection, opened once: a new
    connection costs about 20 ms, as much as writing a small shard."""

    def __init__(self) -> None:
        # one thread: a worker has one core's share of the machine, and DuckDB's pool
        # would take the others' cores
        self._conn = duckdb.connect(config={"threads": 1})

    def write(self, coded: Sequence[tuple[Article, Sequence[Event], Sequence[Quote]]],
              folder: Path, name: str, coded_by: str | None = None) -> Shard:
        """Write coded articles as a shard in ``folder`` and return it; ``coded_by``
        names the coding that found them (:mod:`dotterel.identity`).

        An id that occurs twice keeps its last copy, as a store batch does.
        """
        latest = {article.id: (article, list(events), list(quotes), content_hash(article.text))
                  for article, events, quotes in coded}
        rows = coded_rows(latest.values(), now_utc(), coded_by)
        shard = Shard(folder, name)
        # only the COPY's Parquet output is written, under a temporary name
        for table, columns in SHARD_TABLES.items():
            final = shard.path(table)
            partial = final.with_name(final.name + ".partial")
            self._conn.execute(f"COPY ({select_rows_sql(columns)}) TO '{_sql_path(partial)}' "
                               f"(FORMAT parquet)", [json.dumps(rows[table], ensure_ascii=False)])
            os.replace(partial, final)
        return shard

    def close(self) -> None:
        """Close the connection."""
        self._conn.close()

    def __enter__(self) -> ShardWriter:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def shard_event_lines(shard: Shard) -> Iterator[str]:
    """The shard's contract records as JSON text, in the order the articles were coded."""
    with duckdb.connect() as conn:
        rows = conn.execute("SELECT record FROM read_parquet(?)",
                            [str(shard.path("events"))]).fetchall()
    for (record,) in rows:
        yield record


def _sql_path(path: Path) -> str:
    # COPY ... TO takes no parameter for its file; the path is ours (a shard folder and
    # a generated name), quoted as an SQL string all the same
    return str(path).replace("'", "''")
