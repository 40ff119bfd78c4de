"""``dotterel version``: the package, spaCy and model versions."""

from __future__ import annotations

import argparse
import importlib.metadata as md

from .. import __version__
from ..compiled import coding_build
from ..settings import Settings


def add_parser(sub: argparse._SubParsersAction) -> None:
    """Register the subcommand."""
    p = sub.add_parser("version", help="print version information")
    p.set_defaults(command="version")


def _installed(dist: str) -> str:
    try:
        return md.version(dist)
    except md.PackageNotFoundError:
        return "not installed"


def run(args: argparse.Namespace) -> int:
    """Print the versions."""
    settings = Settings.from_env()
    print(f"dotterel {__version__}")
    print(f"spacy {_installed('spacy')}")
    print(f"model {settings.model} {_installed(settings.model.replace('_', '-'))}")
    print(f"duckdb {_installed('duckdb')}")
    print(f"build {coding_build()}")
    return 0
