"""Events as PLOVER/POLECAT-style JSON lines, one event a line.

POLECAT, the PLOVER-coded successor of ICEWS, ships one JSON object per event with its
category (``event_type``), mode and context, the two actors, where it happened and the
text it was read from. This module writes Dotterel's contract records in that shape so
tools written for PLOVER data can read Dotterel's output. Dotterel computes no PLOVER
contexts, so ``context`` is always an empty list.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import IO, Any


def _actor(actor: dict[str, Any] | None) -> dict[str, Any] | None:
    """A contract actor as a PLOVER actor: name (the words read when no name is known),
    country, sector and the full CAMEO code."""
    if not actor:
        return None
    return {"name": actor.get("name") or actor.get("text") or "",
            "country": actor.get("country") or "",
            "sector": actor.get("sector") or "",
            "code": actor.get("code") or ""}


def _location(location: dict[str, Any] | None) -> dict[str, Any] | None:
    if not location:
        return None
    return {"name": location.get("name"), "country": location.get("country"),
            "lat": location.get("lat"), "lon": location.get("lon"),
            "geonameid": location.get("geonameid")}


def plover_record(record: dict[str, Any]) -> dict[str, Any]:
    """One contract record (``Event.to_dict``) as one PLOVER-style event object.

    ``date`` is written to the precision the article gave (``YYYY-MM-DD``, ``YYYY-MM`` or
    ``YYYY``), never padded to a day it did not name.
    """
    evidence = record.get("evidence") or {}
    return {
        "id": record["event_id"],
        "date": record.get("date"),
        "event_type": record.get("plover"),
        "mode": record.get("plover_mode"),
        "context": [],
        "actor": _actor(record.get("source")),
        "recipient": _actor(record.get("target")),
        "location": _location(record.get("location")),
        "source_text": evidence.get("sentence", ""),
        "trigger": evidence.get("trigger", ""),
        "doc_id": record.get("doc_id"),
        "cameo": record.get("cameo"),
        "goldstein": record.get("goldstein"),
        "negated": bool(record.get("negated")),
        "modality": record.get("modality"),
    }


def write_plover(records: Iterable[dict[str, Any]], out: IO[str]) -> int:
    """Write contract records as PLOVER-style JSON lines; returns how many were written."""
    n = 0
    for record in records:
        out.write(json.dumps(plover_record(record), ensure_ascii=False) + "\n")
        n += 1
    return n
