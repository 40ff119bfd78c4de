"""The installed package runs its coding modules compiled (``setup.py``)."""

from __future__ import annotations

import ast
import importlib
import importlib.machinery
import os
from pathlib import Path

import pytest

import dotterel

ROOT = Path(__file__).resolve().parents[1]


def compiled_modules() -> list[str]:
    """The module names ``setup.py`` lists in ``COMPILED`` (read, not run: running it
    builds)."""
    tree = ast.parse((ROOT / "setup.py").read_text(encoding="utf-8"))
    listed = next(node.value for node in tree.body if isinstance(node, ast.Assign)
                  and any(isinstance(t, ast.Name) and t.id == "COMPILED" for t in node.targets))
    paths = ast.literal_eval(listed)
    return ["dotterel." + path.removesuffix(".py").replace("/", ".") for path in paths]


def test_setup_lists_modules_that_exist() -> None:
    for name in compiled_modules():
        assert (ROOT / "src" / (name.replace(".", "/") + ".py")).is_file(), name


def test_the_coding_modules_run_compiled() -> None:
    if os.environ.get("DOTTEREL_PURE_PYTHON") == "1":
        pytest.skip("built as pure Python on purpose (DOTTEREL_PURE_PYTHON=1)")
    if Path(dotterel.__file__).resolve().parent == ROOT / "src" / "dotterel":
        pytest.skip("an editable install runs the sources as they are")
    suffixes = tuple(importlib.machinery.EXTENSION_SUFFIXES)
    pure = [name for name in compiled_modules()
            if not str(importlib.import_module(name).__file__).endswith(suffixes)]
    assert not pure, f"built without mypyc (see the build's output): {pure}"
