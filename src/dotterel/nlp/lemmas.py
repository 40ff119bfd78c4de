"""A faster front for spaCy's rule lemmatizer that gives exactly the same lemmas.

spaCy's rule lemmatizer decides a token's lemma from its text, part of speech and
morphology alone, but visits every token in Python, and for the many tokens in base form
it reads the morphology again each time without caching the answer. News text repeats
the same few thousand (text, part of speech, morphology) triples, so this front reads
the three as arrays, asks the wrapped lemmatizer once per triple it has not met, and
writes every lemma back in one call.

Tokens that already have a lemma (set by the attribute ruler's exceptions) keep it,
unless the lemmatizer was configured to overwrite, as spaCy's does.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import cast

from spacy.attrs import LEMMA, MORPH, ORTH, POS
from spacy.language import Language
from spacy.pipeline import Lemmatizer
from spacy.tokens import Doc

FAST_LEMMATIZER = "dotterel_lemmatizer"


class FastLemmatizer:
    """Sets the lemmas a wrapped rule :class:`~spacy.pipeline.Lemmatizer` would set."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.lemmatizer: Lemmatizer | None = None
        # (orth, pos, morph) -> lemma hash; bounded by the vocabulary the texts use
        self._lemmas: dict[tuple[int, int, int], int] = {}

    def __call__(self, doc: Doc) -> Doc:
        lemmatizer = self.lemmatizer
        if lemmatizer is None:
            raise RuntimeError("FastLemmatizer used before speed_up_lemmatizer set its lemmatizer")
        if not len(doc):
            return doc
        values = doc.to_array([ORTH, POS, MORPH, LEMMA])
        lemmas = values[:, 3].copy()
        known = self._lemmas
        for i, (orth, pos, morph, lemma) in enumerate(values.tolist()):
            if lemma and not lemmatizer.overwrite:
                continue
            key = (orth, pos, morph)
            found = known.get(key)
            if found is None:
                text = lemmatizer.lemmatize(doc[i])[0]
                found = known[key] = doc.vocab.strings.add(text)
            lemmas[i] = found
        doc.from_array([LEMMA], lemmas.reshape(-1, 1))
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        """Process a stream of documents (spaCy's component protocol)."""
        for doc in docs:
            yield self(doc)


@Language.factory(FAST_LEMMATIZER)
def make_fast_lemmatizer(nlp: Language, name: str) -> FastLemmatizer:
    """An empty front; ``speed_up_lemmatizer`` gives it the lemmatizer it stands for."""
    return FastLemmatizer(name)


def speed_up_lemmatizer(nlp: Language) -> bool:
    """Put the fast front in place of ``nlp``'s rule lemmatizer; say if it did.

    Only a rule-mode lemmatizer is fronted: its lemma depends on the token's text, part of
    speech and morphology alone, which is what the front caches on.
    """
    if "lemmatizer" not in nlp.pipe_names:
        return False
    lemmatizer = nlp.get_pipe("lemmatizer")
    if (not isinstance(lemmatizer, Lemmatizer)
            or type(lemmatizer).rule_lemmatize is not Lemmatizer.rule_lemmatize
            or getattr(lemmatizer, "mode", None) != "rule"):
        return False
    fast = cast(FastLemmatizer, nlp.replace_pipe("lemmatizer", FAST_LEMMATIZER))
    fast.lemmatizer = lemmatizer
    return True
