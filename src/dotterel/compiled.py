"""Whether this install runs its coding modules compiled with mypyc (see ``setup.py``)."""

from __future__ import annotations

import importlib
from importlib.machinery import EXTENSION_SUFFIXES


def is_compiled(module: str) -> bool:
    """Whether the module named ``module`` was loaded from a compiled extension."""
    return str(importlib.import_module(module).__file__).endswith(tuple(EXTENSION_SUFFIXES))


def coding_build() -> str:
    """How the coding stage runs here, in words: compiled (a built install) or as its
    Python sources (an editable or pure-Python install)."""
    return "compiled (mypyc)" if is_compiled("dotterel.coding") else "Python sources, not compiled"
