"""``dotterel serve``: browse a store in a web browser (read-only), with JSON twins."""

from __future__ import annotations

import argparse
import ipaddress
import sys
from pathlib import Path

from ..errors import ConfigError
from ..settings import Settings

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8050


def _port(value: str) -> int:
    try:
        port = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a port number") from None
    if not 0 <= port <= 65535:
        raise argparse.ArgumentTypeError(f"port {port} is not between 0 and 65535")
    return port


def _seconds(value: str) -> float:
    try:
        seconds = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a number of seconds") from None
    if not 0 < seconds <= 600:
        raise argparse.ArgumentTypeError("the query timeout must be between 0 and 600 seconds")
    return seconds


def add_parser(sub: argparse._SubParsersAction) -> None:
    """Register the subcommand."""
    p = sub.add_parser("serve", help="browse a store in a web browser (read-only)",
                       description=__doc__)
    p.add_argument("--db", type=Path, help="the store (default: $DOTTEREL_DB or ./dotterel.duckdb)")
    p.add_argument("--host", default=DEFAULT_HOST,
                   help=f"address to listen on (default {DEFAULT_HOST}: this machine only)")
    p.add_argument("--port", type=_port, default=DEFAULT_PORT,
                   help=f"port to listen on (default {DEFAULT_PORT})")
    p.add_argument("--timeout", type=_seconds, default=5.0,
                   help="seconds a request's queries may run before they are stopped (default 5)")
    p.set_defaults(command="serve")


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def run(args: argparse.Namespace) -> int:
    """Serve the store until interrupted."""
    # Imported here so that other commands do not pay for the web stack.
    try:
        import uvicorn

        from ..serve import create_app
    except ImportError as exc:
        raise ConfigError(f"dotterel serve needs starlette, uvicorn and jinja2 ({exc}); "
                          f"install the package with its dependencies") from exc
    db = args.db or Settings.from_env().db
    app = create_app(db, query_timeout=args.timeout)  # StoreError here if db is unusable
    if not _is_loopback(args.host):
        print(f"dotterel: warning: listening on {args.host}, reachable from other machines; "
              f"the pages show every stored article sentence", file=sys.stderr)
    print(f"dotterel: serving {db} read-only at http://{args.host}:{args.port}/ "
          f"(Ctrl-C stops)", file=sys.stderr)
    uvicorn.run(app, host=args.host, port=args.port, log_level="warning",
                server_header=False)
    return 0
