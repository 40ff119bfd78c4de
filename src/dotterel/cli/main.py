"""The ``dotterel`` command: one thin module per subcommand over the library API."""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence

from ..errors import DotterelError
from . import code, events, export, quotes, relations, serve, version

COMMANDS = {"code": code, "events": events, "export": export, "quotes": quotes,
            "relations": relations, "serve": serve, "version": version}


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every subcommand registered."""
    parser = argparse.ArgumentParser(
        prog="dotterel", description="Code news articles into CAMEO/PLOVER political events.")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name, module in COMMANDS.items():
        module.add_parser(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    logging.basicConfig(level=logging.WARNING, format="dotterel: %(message)s")
    args = build_parser().parse_args(argv)
    try:
        return int(COMMANDS[args.command].run(args) or 0)
    except DotterelError as exc:
        print(f"dotterel: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("dotterel: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
