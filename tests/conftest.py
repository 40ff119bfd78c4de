"""Shared fixtures: one real Coder (real spaCy model) for the whole session."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def coder():
    """A Coder with the default settings: the real model and built-in knowledge."""
    from dotterel import Coder

    return Coder()


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """The shared benchmark folder beside the project; tests needing it skip without it."""
    if not SHARED.is_dir():
        pytest.skip("../shared (benchmarks and seed articles) is not beside the project")
    return SHARED


def _store_rows(db: Path) -> dict[str, list[str]]:
    from dotterel.store import Store

    with Store(db, read_only=True) as store:
        return {table: sorted(map(repr, store.conn.execute(
                    f"SELECT * {'EXCLUDE (coded_at)' if table == 'documents' else ''} "
                    f"FROM {table}").fetchall()))
                for table in ("documents", "events", "evidence", "quotes", "canonical_events")}


@pytest.fixture(scope="session")
def store_rows() -> Callable[[Path], dict[str, list[str]]]:
    """Every row of every table of a store file (but the time each article was coded),
    sorted: two stores with equal rows hold the same coding."""
    return _store_rows
