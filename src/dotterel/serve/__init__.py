"""A read-only web view of an event store: event lists, events with their evidence,
actors, dyad timelines and quotes, each page with a JSON twin.

    from dotterel.serve import create_app
    app = create_app("dotterel.duckdb")      # an ASGI app; run it with uvicorn

The command ``dotterel serve`` runs it on 127.0.0.1:8050.
"""

from __future__ import annotations

from dotterel.serve.app import QueryTimeout, create_app

__all__ = ["QueryTimeout", "create_app"]
