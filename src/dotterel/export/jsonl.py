"""Events as JSON lines, one contract record a line (see CONTRACT.md)."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import IO

from ..types import Event


def event_line(event: Event) -> str:
    """One event as one JSON line (UTF-8 kept as is, no trailing newline)."""
    return json.dumps(event.to_dict(), ensure_ascii=False)


def write_events(events: Iterable[Event], out: IO[str]) -> int:
    """Write events as JSON lines to an open text file; returns how many were written."""
    n = 0
    for event in events:
        out.write(event_line(event) + "\n")
        n += 1
    return n
