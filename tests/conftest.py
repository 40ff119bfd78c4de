"""Shared fixtures: one real Coder (real spaCy model) for the whole session."""

from __future__ import annotations

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
