"""The records of :mod:`dotterel.types` as the compiled coding stage makes them.

A frozen dataclass's ``__init__`` is Python that sets each field through
``object.__setattr__`` (the class's own refuses), and compiled code reaches it through the
slow path of a call, with a dictionary of its keyword arguments: an ``Actor`` costs about a
microsecond to make, an ``Event`` more. The coding stage makes dozens of them for every
article. The functions here make the same records, equal, hashed, printed and pickled
alike, by giving a new instance its fields' dictionary whole: a third of the time.

Each function takes every field of its class (``tests/test_records.py`` checks that they
match the dataclass, field for field, so a field added there must be added here).
"""

from __future__ import annotations

from typing import Any, Final

from .types import Actor, DateBasis, Event, Evidence, Modality, Place, Quote, TimeRef

_NEW: Final = object.__new__
# (the frozen classes' own ``__setattr__`` refuses every attribute)
_SET: Final = object.__setattr__


def actor(code: str, country: str, sector: str, name: str, text: str, role: str) -> Actor:
    """``Actor(code=code, country=country, ...)``."""
    made: Any = _NEW(Actor)
    _SET(made, "__dict__", {"code": code, "country": country, "sector": sector,
                            "name": name, "text": text, "role": role})
    return made


def evidence(sentence: str, start: int, end: int, trigger: str, trigger_start: int,
             trigger_end: int) -> Evidence:
    """``Evidence(sentence=sentence, start=start, ...)``."""
    made: Any = _NEW(Evidence)
    _SET(made, "__dict__", {"sentence": sentence, "start": start, "end": end,
                            "trigger": trigger, "trigger_start": trigger_start,
                            "trigger_end": trigger_end})
    return made


def event(event_id: str, doc_id: str, date: TimeRef | None, date_basis: DateBasis,
          source: Actor | None, target: Actor | None, cameo: str, plover: str,
          plover_mode: str | None, goldstein: float, quad_class: int, evidence: Evidence,
          negated: bool, modality: Modality, location: Place | None, quote: Quote | None,
          confidence: float, info_source: Actor | None, extras: dict[str, Any]) -> Event:
    """``Event(event_id=event_id, doc_id=doc_id, ...)``."""
    made: Any = _NEW(Event)
    _SET(made, "__dict__", {
        "event_id": event_id, "doc_id": doc_id, "date": date, "date_basis": date_basis,
        "source": source, "target": target, "cameo": cameo, "plover": plover,
        "plover_mode": plover_mode, "goldstein": goldstein, "quad_class": quad_class,
        "evidence": evidence, "negated": negated, "modality": modality,
        "location": location, "quote": quote, "confidence": confidence,
        "info_source": info_source, "extras": extras})
    return made
