"""The evaluation gate: code the bundled sample articles and fail below pinned floors.

The floors are deliberately low to start with. Raise them (never lower them) as the coder
improves, so that a change that makes coding worse fails CI instead of slipping through.
Each test prints its scores (``pytest -s``) and lists the missed gold events and the
spurious predictions, which is where to look first when a floor is broken.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Iterator

import pytest

from dotterel.evaluation import Scores, format_scores, load_gold, score
from dotterel.types import Article

# Raise these as the coder improves: they are the worst the bundled samples may score.
# Measured 0.890 and 0.920 when set (stop 23, all of its branches merged; 0.805 and 0.820
# at stop 22, 0.795 and 0.810 at stop 20).
PRECISION_FLOOR = 0.88
RECALL_FLOOR = 0.91
# Of the matched events, the share dated within the gold tolerance. Measured 0.983 at stop
# 23 (0.991 at stop 22, 0.971 at stop 20, 0.961 at stop 19, 0.957 at stop 15).
DATE_FLOOR = 0.98

# The two seed articles are the ones the project started from; hold them to more.
# The scorer here matches one-to-one, so a second report of one act in an article (a
# headline and its body, "the raid" after "raided") counts as spurious; the canonical
# events in the store merge such reports. Measured 0.647 and 0.909 when these were set.
SEED_PRECISION_FLOOR = 0.64
SEED_RECALL_FLOOR = 0.90

PROJECT_ROOT = Path(__file__).resolve().parents[1]
SAMPLES = PROJECT_ROOT / "samples"
# CI checks the shared benchmark folder out beside the project, as ../shared.
SHARED = Path(__file__).resolve().parents[2] / "shared"
SEEDS = SHARED / "seeds"


def read_articles(path: Path) -> list[Article]:
    """Article objects from an article JSONL file (the fields the samples use)."""
    articles: list[Article] = []
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            record = json.loads(line)
            published = record.get("published")
            articles.append(Article(
                id=str(record["id"]),
                text=record["text"],
                published=dt.date.fromisoformat(published) if published else None,
                title=record.get("title", ""),
                url=record.get("url", ""),
                outlet=record.get("outlet", ""),
                published_basis="input" if published else None,
                origin=f"{path}:{number}",
            ))
    return articles


@pytest.fixture(scope="module")
def coder() -> Iterator[object]:
    """One Coder for the whole module: loading the spaCy model is the slow part."""
    from dotterel import Coder  # imported here so that collection works without a Coder

    yield Coder()


def code_and_score(coder: object, articles: list[Article], gold_path: Path) -> Scores:
    """Code ``articles`` and score the events against the gold file."""
    results = list(coder.code_articles(articles))  # type: ignore[attr-defined]
    predictions = [event.to_dict() for _article, events in results for event in events]
    scores = score(load_gold(gold_path), predictions, doc_ids=[a.id for a in articles])
    print()
    print(format_scores(scores))
    for event in scores.missed:
        print("missed  ", event["doc_id"], event["cameo"], event.get("source"),
              event.get("target"), event.get("evidence"))
    for event in scores.spurious:
        print("spurious", event["doc_id"], event["cameo"], event.get("source"),
              event.get("target"), (event.get("evidence") or {}).get("sentence"))
    return scores


def test_samples_meet_floors(coder: object) -> None:
    articles = read_articles(SAMPLES / "articles.jsonl")
    assert len(articles) >= 16
    scores = code_and_score(coder, articles, SAMPLES / "gold.jsonl")
    assert scores.precision >= PRECISION_FLOOR, format_scores(scores)
    assert scores.recall >= RECALL_FLOOR, format_scores(scores)
    assert scores.date_acc is not None and scores.date_acc >= DATE_FLOOR, format_scores(scores)


@pytest.mark.skipif(not (SEEDS / "seeds.jsonl").is_file() or not (SEEDS / "gold.jsonl").is_file(),
                    reason=f"seed articles not found at {SEEDS} (CI checks the shared folder "
                           "out beside the project as ../shared)")
def test_seeds_meet_floors(coder: object) -> None:
    articles = read_articles(SEEDS / "seeds.jsonl")
    scores = code_and_score(coder, articles, SEEDS / "gold.jsonl")
    assert scores.precision >= SEED_PRECISION_FLOOR, format_scores(scores)
    assert scores.recall >= SEED_RECALL_FLOOR, format_scores(scores)
