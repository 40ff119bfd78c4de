"""Score coded events against hand-coded gold events.

The gold files (``samples/gold.jsonl``, the seed gold beside the project) hold one gold
event per line; predictions are event-contract records as ``Event.to_dict()`` writes them.

Matching is deliberately lenient on the parts where careful human coders disagree and
strict on the parts a user of the data relies on:

* event type: the CAMEO *root* (first two digits) of the prediction must be the root of
  the gold code or of one of its ``cameo_alt`` codes;
* actors: the *country* part of source and target must agree (first three letters of the
  code; every ``IGO...`` code counts as the one country ``IGO``), because sector codes
  are where coders differ most and are scored separately;
* a gold target of ``null``, ``""`` or ``"---"`` accepts any target (the coder did not want
  to pin it down); a prediction *without* a target only matches such a gold event.

Matching is greedy and one-to-one, required gold events first, so an optional gold event
never takes a prediction a required one could use. Optional gold events never count as
misses, and predictions matching them are not false positives. Negated predictions
("will not restore relations") describe something that did not happen and are ignored.

Two gold shapes are read: ours (``"source": {"code": "RUSMIL"}``, evidence an object) and
the seed gold's (``"source": "MEXGOV"`` with ``source_alt``/``target_alt`` lists, evidence a
string). Alternative actor codes widen the set of accepted countries and sectors.

Run ``python -m dotterel.evaluation GOLD PRED`` to print the scores of a predictions file.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable, Mapping, Sequence

from .errors import InputError

__all__ = ["Scores", "load_gold", "score", "format_scores"]

# Gold targets that mean "any target": the coder saw an event but no definite target.
_ANY_TARGET = {"", "---"}


@dataclass(frozen=True)
class Scores:
    """The result of scoring predictions against gold events.

    ``gold`` counts *required* gold events; ``predicted`` counts the non-negated
    predictions in the scored documents. The three accuracies are measured on matched
    (gold, prediction) pairs only, so they describe how good a found event is rather than
    how many were found; ``None`` means no matched pair had anything to check.
    """

    gold: int
    predicted: int
    recall: float
    precision: float
    f1: float
    full_code_acc: float
    source_sector_acc: float | None
    date_acc: float | None
    missed: tuple[dict, ...]
    spurious: tuple[dict, ...]


# --- reading --------------------------------------------------------------------------


def load_gold(path: str | Path) -> list[dict]:
    """Read a gold JSONL file: one gold event per non-blank line.

    Raises ``InputError`` naming the line when a line is not a JSON object or lacks the
    fields every gold event needs (``doc_id``, ``cameo``), so a typo in a hand-written
    gold file is found at once rather than silently lowering recall.
    """
    path = Path(path)
    events: list[dict] = []
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                raise InputError(str(path), f"not valid JSON ({exc.msg})", number) from None
            if not isinstance(record, dict):
                raise InputError(str(path), "a gold line must be a JSON object", number)
            for key in ("doc_id", "cameo"):
                if not record.get(key):
                    raise InputError(str(path), f"gold event has no {key!r}", number)
            events.append(record)
    return events


# --- normalising both sides -----------------------------------------------------------


def _code_of(actor: Any) -> str | None:
    """The actor code of a gold or predicted actor: a dict with ``code``, or a bare string.

    ``None`` means "no actor"; an empty string is kept so that the caller can read it as
    the gold "any target" marker.
    """
    if actor is None:
        return None
    if isinstance(actor, Mapping):
        code = actor.get("code")
        if not code and actor.get("country"):
            # A prediction that only knows the country is still comparable by country.
            code = actor["country"]
        return str(code or "").strip().upper()
    return str(actor).strip().upper()


def _country(code: str) -> str:
    """The country part of an actor code; every international body is just ``IGO``."""
    return "IGO" if code.startswith("IGO") else code[:3]


def _sector(code: str) -> str | None:
    """The first sector of a country actor code (``MEXGOV`` -> ``GOV``), or None.

    IGO codes are skipped: their letters after ``IGO`` name the body, not a sector.
    """
    if code.startswith(("IGO", "NGO")) or len(code) < 6:
        return None
    return code[3:6]


def _root(cameo: Any) -> str:
    """The CAMEO root of a code: its first two digits (``"1243"`` -> ``"12"``)."""
    return str(cameo).strip()[:2]


def _parse_date(value: Any) -> dt.date | None:
    """A date of day, month or year precision as one comparable day.

    A month stands for its 15th and a year for July 1, the middle of the period, so a
    tolerance of about half the period accepts any day inside it.
    """
    if not value:
        return None
    text = str(value).strip()
    try:
        if len(text) == 4:
            return dt.date(int(text), 7, 1)
        if len(text) == 7:
            return dt.date(int(text[:4]), int(text[5:7]), 15)
        return dt.date.fromisoformat(text[:10])
    except ValueError:
        return None


@dataclass(frozen=True)
class _Gold:
    """A gold event reduced to what matching needs."""

    index: int
    record: dict
    required: bool
    roots: frozenset[str]
    codes: frozenset[str]
    source_countries: frozenset[str] | None  # None: any source
    source_sectors: frozenset[str]
    target_countries: frozenset[str] | None  # None: any target
    date: dt.date | None
    tolerance: int


def _alternatives(record: Mapping[str, Any], key: str) -> list[str]:
    """The main code of ``record[key]`` followed by the codes in ``record[key + '_alt']``."""
    codes: list[str] = []
    main = _code_of(record.get(key))
    if main is not None:
        codes.append(main)
    for alt in record.get(f"{key}_alt") or ():
        alt_code = _code_of(alt)
        if alt_code:
            codes.append(alt_code)
    if isinstance(record.get(key), Mapping):
        # Our own gold may also list alternatives inside the actor object.
        for alt in record[key].get("alt") or ():
            alt_code = _code_of(alt)
            if alt_code:
                codes.append(alt_code)
    return codes


def _gold(index: int, record: dict) -> _Gold:
    """Normalise one gold record of either accepted shape."""
    cameo = str(record["cameo"]).strip()
    alts = [str(c).strip() for c in record.get("cameo_alt") or () if str(c).strip()]
    sources = _alternatives(record, "source")
    targets = _alternatives(record, "target")
    # A missing or "any" main code accepts anything, whatever the alternatives say.
    source_any = _code_of(record.get("source")) in (None, *_ANY_TARGET)
    target_any = _code_of(record.get("target")) in (None, *_ANY_TARGET)
    tolerance = record.get("date_tolerance_days")
    return _Gold(
        index=index,
        record=record,
        required=bool(record.get("required", True)),
        roots=frozenset(_root(c) for c in [cameo, *alts]),
        codes=frozenset([cameo, *alts]),
        source_countries=None if source_any else frozenset(_country(c) for c in sources if c),
        source_sectors=frozenset(s for s in (_sector(c) for c in sources if c) if s),
        target_countries=None if target_any else frozenset(_country(c) for c in targets if c),
        date=_parse_date(record.get("date")),
        tolerance=int(tolerance) if isinstance(tolerance, (int, float)) else 0,
    )


@dataclass(frozen=True)
class _Pred:
    """A prediction reduced to what matching needs."""

    index: int
    record: dict
    cameo: str
    source: str | None
    target: str | None
    date: dt.date | None


def _pred(index: int, record: dict) -> _Pred:
    """Normalise one event-contract record."""
    source = _code_of(record.get("source"))
    target = _code_of(record.get("target"))
    return _Pred(
        index=index,
        record=record,
        cameo=str(record.get("cameo") or "").strip(),
        source=source or None,
        target=target or None,
        date=_parse_date(record.get("date")),
    )


# --- matching -------------------------------------------------------------------------


def _matches(gold: _Gold, pred: _Pred) -> bool:
    """Whether ``pred`` can stand for ``gold``: same root family and same countries."""
    if _root(pred.cameo) not in gold.roots:
        return False
    if gold.source_countries is not None:
        if pred.source is None or _country(pred.source) not in gold.source_countries:
            return False
    if gold.target_countries is not None:
        if pred.target is None or _country(pred.target) not in gold.target_countries:
            return False
    return True


def _date_ok(gold: _Gold, pred: _Pred) -> bool:
    """Whether the predicted date lies within the gold tolerance."""
    if gold.date is None or pred.date is None:
        return False
    return abs((pred.date - gold.date).days) <= gold.tolerance


def _sector_ok(gold: _Gold, pred: _Pred) -> bool:
    """Whether the predicted source sector is one the gold accepts."""
    return pred.source is not None and _sector(pred.source) in gold.source_sectors


def _preference(gold: _Gold, pred: _Pred) -> tuple[bool, bool, bool, bool, bool, int]:
    """Rank candidate predictions for one gold event (higher is better).

    Among predictions that all match, the greedy step takes the one closest to the gold
    reading: the gold's own code before an accepted alternative (so that a prediction
    which fits another gold event better through its main code stays free for it), then
    the right date and sector, so that the accuracies reflect the best reading the coder
    offered; ties go to the earlier prediction, for stable results.
    """
    main = str(gold.record["cameo"]).strip()
    return (pred.cameo == main, pred.cameo in gold.codes, _root(pred.cameo) == _root(main),
            _date_ok(gold, pred), _sector_ok(gold, pred), -pred.index)


def score(gold: Sequence[dict], predicted: Sequence[dict],
          doc_ids: Iterable[str] | None = None) -> Scores:
    """Score ``predicted`` event records against ``gold`` events.

    ``doc_ids`` names the documents scored; by default those with at least one gold
    event. Predictions and gold events of other documents are left out, so a coder is
    not blamed for events in articles nobody coded by hand. Pass the ids of every
    article coded when an article without gold events should count its predictions as
    false positives.
    """
    docs = set(doc_ids) if doc_ids is not None else {str(g["doc_id"]) for g in gold}
    golds = [_gold(i, g) for i, g in enumerate(gold) if str(g["doc_id"]) in docs]
    preds = [_pred(i, p) for i, p in enumerate(predicted)
             if str(p.get("doc_id")) in docs and not p.get("negated")]

    preds_by_doc: dict[str, list[_Pred]] = defaultdict(list)
    for p in preds:
        preds_by_doc[str(p.record.get("doc_id"))].append(p)

    used: set[int] = set()
    pairs: list[tuple[_Gold, _Pred]] = []
    missed: list[dict] = []
    # Required gold first: an optional event must never take a prediction a required one
    # needs; within each group, file order keeps the result reproducible.
    for g in sorted(golds, key=lambda x: (not x.required, x.index)):
        candidates = [p for p in preds_by_doc.get(str(g.record["doc_id"]), ())
                      if p.index not in used and _matches(g, p)]
        if not candidates:
            if g.required:
                missed.append(g.record)
            continue
        best = max(candidates, key=lambda p: _preference(g, p))
        used.add(best.index)
        pairs.append((g, best))

    required_total = sum(1 for g in golds if g.required)
    required_found = sum(1 for g, _ in pairs if g.required)
    recall = required_found / required_total if required_total else 0.0
    precision = len(pairs) / len(preds) if preds else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0

    full_code = sum(1 for g, p in pairs if p.cameo in g.codes)
    sector_pairs = [(g, p) for g, p in pairs if g.source_sectors]
    dated_pairs = [(g, p) for g, p in pairs if g.date is not None]

    return Scores(
        gold=required_total,
        predicted=len(preds),
        recall=recall,
        precision=precision,
        f1=f1,
        full_code_acc=full_code / len(pairs) if pairs else 0.0,
        source_sector_acc=(sum(1 for g, p in sector_pairs if _sector_ok(g, p))
                           / len(sector_pairs)) if sector_pairs else None,
        date_acc=(sum(1 for g, p in dated_pairs if _date_ok(g, p))
                  / len(dated_pairs)) if dated_pairs else None,
        missed=tuple(missed),
        spurious=tuple(p.record for p in preds if p.index not in used),
    )


# --- reporting ------------------------------------------------------------------------


def format_scores(scores: Scores) -> str:
    """A short human-readable summary of ``scores``, one figure per line."""
    def pct(value: float | None) -> str:
        return "n/a" if value is None else f"{value:.3f}"

    return "\n".join([
        f"gold (required) {scores.gold}",
        f"predicted       {scores.predicted}",
        f"recall          {pct(scores.recall)}",
        f"precision       {pct(scores.precision)}",
        f"f1              {pct(scores.f1)}",
        f"full code acc   {pct(scores.full_code_acc)}",
        f"source sector   {pct(scores.source_sector_acc)}",
        f"date acc        {pct(scores.date_acc)}",
        f"missed          {len(scores.missed)}",
        f"spurious        {len(scores.spurious)}",
    ])


def _read_jsonl(path: Path) -> list[dict]:
    """Every JSON object of a JSONL file (blank lines skipped)."""
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m dotterel.evaluation GOLD PRED``: print the scores of PRED against GOLD."""
    args = list(sys.argv[1:] if argv is None else argv)
    if len(args) != 2:
        print("usage: python -m dotterel.evaluation GOLD.jsonl PRED.jsonl", file=sys.stderr)
        return 2
    scores = score(load_gold(args[0]), _read_jsonl(Path(args[1])))
    print(format_scores(scores))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
