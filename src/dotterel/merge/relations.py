"""The diplomatic status of a country pair over time, derived from coded events.

Events between the two countries (either direction) are read in date order; an event
that severs, downgrades or restores relations, or confirms the current status ("we will
not restore relations"), is a step, with the event as its evidence. Which events do what
is data: ``data/relations.tsv``. Intended, threatened and hypothetical acts change
nothing; nor do negated ones.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from ..errors import KnowledgeError

STATUSES = ("normal", "downgraded", "severed", "restored")
COLUMNS = ("status", "roots", "phrases")
COUNTING_MODALITIES = {"asserted", "reported"}
_NON_WORD = re.compile(r"[^\w\-]+")


@dataclass(frozen=True)
class Rule:
    """One line of ``relations.tsv``."""

    status: str
    roots: frozenset[str]
    phrases: tuple[str, ...]

    def matches(self, record: dict[str, Any]) -> bool:
        """Whether an event record does what this rule says."""
        if str(record.get("cameo", ""))[:2] not in self.roots:
            return False
        evidence = record.get("evidence") or {}
        trigger = _words(evidence.get("trigger", ""))
        if any(f" {p} " in trigger for p in self.phrases):
            return True
        sentence = _words(evidence.get("sentence", ""))
        return any(f" {p} " in sentence for p in self.phrases if " " in p)


@dataclass(frozen=True)
class RelationStep:
    """A change (or confirmation) of a pair's status, with the events that show it."""

    date: str  # YYYY-MM-DD | YYYY-MM | YYYY
    status: str  # downgraded | severed | restored (the status from this date on)
    event: dict[str, Any]  # the first report of it
    confirmed: bool = False  # True: the status already held and an event shows it still does
    also: tuple[dict[str, Any], ...] = ()  # further reports of the same step

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready view."""
        return {"date": self.date, "status": self.status, "confirmed": self.confirmed,
                "event": self.event, "also": list(self.also)}


@dataclass(frozen=True)
class Relations:
    """A country pair's diplomatic status over time."""

    a: str
    b: str
    steps: tuple[RelationStep, ...] = field(default_factory=tuple)
    n_events: int = 0  # events between the pair that were read

    def status_on(self, day: str) -> str:
        """The status on ``day`` (YYYY-MM-DD, YYYY-MM or YYYY): "normal" before any step."""
        status = "normal"
        for step in self.steps:
            if _start(step.date) <= _start(day):
                status = step.status
        return status

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready view."""
        return {"a": self.a, "b": self.b, "n_events": self.n_events,
                "steps": [s.to_dict() for s in self.steps]}


def _words(text: object) -> str:
    """Lower-case words separated by single spaces, padded: punctuation never blocks a match."""
    return " " + " ".join(_NON_WORD.sub(" ", str(text).lower()).split()) + " "


def _start(date: str) -> dt.date:
    parts = [int(p) for p in str(date).split("-")]
    while len(parts) < 3:
        parts.append(1)
    return dt.date(*parts[:3])


def read_rules(path: Path) -> tuple[Rule, ...]:
    """Read a ``relations.tsv``-format file."""
    rules: list[Rule] = []
    header = False
    with path.open(encoding="utf-8") as fh:
        for number, raw in enumerate(fh, start=1):
            line = raw.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            fields = line.split("\t")
            if not header:
                if tuple(fields) != COLUMNS:
                    raise KnowledgeError(str(path), number, f"expected the header {COLUMNS}")
                header = True
                continue
            if len(fields) != len(COLUMNS):
                raise KnowledgeError(str(path), number, f"expected {len(COLUMNS)} columns")
            status, roots, phrases = fields
            if status not in (*STATUSES[1:], "confirmed"):
                raise KnowledgeError(str(path), number, f"unknown status {status!r}")
            rules.append(Rule(status, frozenset(roots.split("|")),
                              tuple(p.strip().lower() for p in phrases.split("|") if p.strip())))
    return tuple(rules)


@lru_cache(maxsize=1)
def load_rules() -> tuple[Rule, ...]:
    """The built-in rules (``data/relations.tsv``), read once."""
    return read_rules(Path(str(resources.files("dotterel") / "data" / "relations.tsv")))


def _between(record: dict[str, Any], a: str, b: str) -> bool:
    src = (record.get("source") or {}).get("country")
    tgt = (record.get("target") or {}).get("country")
    return {src, tgt} == {a, b}


def relations(records: Iterable[dict[str, Any]], a: str, b: str,
              rules: tuple[Rule, ...] | None = None) -> Relations:
    """The status of the pair ``a``-``b`` (ISO3 codes) over time, from event records."""
    a, b = a.upper(), b.upper()
    rules = load_rules() if rules is None else rules
    pair = [r for r in records if r.get("date") and _between(r, a, b)]
    pair.sort(key=lambda r: (_start(r["date"]), r.get("doc_id", "")))
    steps: list[RelationStep] = []
    status = "normal"
    for record in pair:
        if record.get("negated") or record.get("modality") not in COUNTING_MODALITIES:
            continue
        rule = next((r for r in rules if r.matches(record)), None)
        if rule is None:
            continue
        if rule.status == "confirmed":
            if status in ("downgraded", "severed"):
                steps.append(RelationStep(record["date"], status, record, confirmed=True))
            continue
        if rule.status == status or (status == "severed" and rule.status == "downgraded"):
            # another report of the current status (or a lesser step inside a rupture)
            last = steps[-1]
            steps[-1] = RelationStep(last.date, last.status, last.event, last.confirmed,
                                     (*last.also, record))
            continue
        status = rule.status
        steps.append(RelationStep(record["date"], status, record))
    return Relations(a, b, tuple(steps), len(pair))
