"""The records :mod:`dotterel.records` makes are the dataclasses' own, in every respect."""

from __future__ import annotations

import copy
import dataclasses
import datetime as dt
import pickle
from typing import Any, Callable

import pytest

from dotterel import records
from dotterel.types import Actor, Event, Evidence, Place, Quote, TimeRef

ACTOR = {"code": "MEXGOV", "country": "MEX", "sector": "GOV", "name": "Claudia Sheinbaum",
         "text": "President Claudia Sheinbaum", "role": "president"}
EVIDENCE = {"sentence": "Mexico severed relations with Ecuador.", "start": 10, "end": 48,
            "trigger": "severed", "trigger_start": 17, "trigger_end": 24}


def _event_fields() -> dict[str, Any]:
    return {"event_id": "0123456789abcdef", "doc_id": "doc-1",
            "date": TimeRef(dt.date(2024, 4, 5), "day"), "date_basis": "text",
            "source": Actor(**ACTOR), "target": Actor(code="ECU", country="ECU"),
            "cameo": "161", "plover": "REDUCE", "plover_mode": "break relations",
            "goldstein": -4.0, "quad_class": 3, "evidence": Evidence(**EVIDENCE),
            "negated": False, "modality": "reported",
            "location": Place("Quito", "ECU", -0.22, -78.5, 3652462),
            "quote": Quote("Sheinbaum", "We will not stand for it"),
            "confidence": 0.75, "info_source": Actor(code="MEX", country="MEX"),
            "extras": {"explicit_date": True}}


CASES: list[tuple[type, Callable[..., Any], Callable[[], dict[str, Any]]]] = [
    (Actor, records.actor, lambda: dict(ACTOR)),
    (Evidence, records.evidence, lambda: dict(EVIDENCE)),
    (Event, records.event, _event_fields),
]


@pytest.mark.parametrize(("cls", "make", "fields"), CASES, ids=lambda c: getattr(c, "__name__", ""))
def test_a_record_made_fast_is_the_dataclass_own(cls: type, make: Callable[..., Any],
                                                 fields: Callable[[], dict[str, Any]]) -> None:
    values = fields()
    # the function takes every field of the class, no more: a field added to the class
    # must be added to it
    assert set(values) == {f.name for f in dataclasses.fields(cls)}
    made, built = make(**values), cls(**values)
    assert type(made) is cls
    assert made == built and hash(made) == hash(built) and repr(made) == repr(built)
    assert dataclasses.asdict(made) == dataclasses.asdict(built)
    assert pickle.loads(pickle.dumps(made)) == built
    assert copy.deepcopy(made) == built
    assert dataclasses.replace(made) == built
    if hasattr(built, "to_dict"):
        assert made.to_dict() == built.to_dict()
    # still frozen
    name = next(iter(values))
    with pytest.raises(dataclasses.FrozenInstanceError):
        setattr(made, name, values[name])
