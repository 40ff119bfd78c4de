"""The event store: coded documents, events and evidence in one DuckDB file.

    with Store("events.duckdb") as store:
        store.add(article, events)            # False when the same text is already stored
        store.events(actor="USA", since="2024-01")
"""

from __future__ import annotations

from dotterel.store.duck import BATCH_SIZE, Store, content_hash
from dotterel.store.schema import SCHEMA_VERSION, migrate, schema_version

__all__ = ["BATCH_SIZE", "SCHEMA_VERSION", "Store", "content_hash", "migrate", "schema_version"]
