"""The parse arrays the coding stage reads give what spaCy's Token attributes give."""

from __future__ import annotations

from dotterel.nlp.arrays import parse_arrays

TEXT = ("Border guards of the two neighbours exchanged fire overnight, officials said. "
        "The foreign minister, who flew to Geneva on Monday, urged both sides to hold talks "
        "and said her government would not recall its ambassador.")


def test_arrays_agree_with_tokens(coder) -> None:
    doc = coder.nlp(TEXT)
    arrays = parse_arrays(doc)
    for tok in doc:
        i = tok.i
        assert (arrays.words[i], arrays.lowers[i], arrays.lemmas[i]) == (tok.text, tok.lower_, tok.lemma_)
        assert arrays.lemma_lowers[i] == tok.lemma_.lower()
        assert (arrays.pos[i], arrays.tags[i], arrays.deps[i]) == (tok.pos_, tok.tag_, tok.dep_)
        assert (arrays.ent_types[i], arrays.ent_iobs[i]) == (tok.ent_type_, tok.ent_iob_)
        assert arrays.heads[i] == tok.head.i
        assert arrays.children[i] == [c.i for c in tok.children]
        assert arrays.spaces[i] == tok.whitespace_
        assert arrays.idx[i] == tok.idx
        assert (arrays.sent_starts[i], arrays.sent_ends[i]) == (tok.sent.start, tok.sent.end)
        assert (arrays.left_edges[i], arrays.right_edges[i]) == (tok.left_edge.i, tok.right_edge.i)
        assert arrays.subtree(i) == [t.i for t in tok.subtree]
    assert arrays.sentence_bounds == [(sent.start, sent.end) for sent in doc.sents]


def test_span_text_agrees_with_spans(coder) -> None:
    doc = coder.nlp("QUITO (Reuters) -  Police raided the embassy.\n\n\"We will not,\" she said. ")
    arrays = parse_arrays(doc)
    assert arrays.text == doc.text
    for start in range(len(doc)):
        for end in range(start, len(doc) + 1):
            assert arrays.span_text(start, end) == doc[start:end].text


def test_arrays_are_read_once_per_document(coder) -> None:
    doc = coder.nlp(TEXT)
    assert parse_arrays(doc) is parse_arrays(doc)
    assert parse_arrays(coder.nlp("")).words == []
    assert parse_arrays(coder.nlp("")).text == ""


def test_arrays_read_with_a_memo_of_strings(coder) -> None:
    # the coding stage keeps spaCy's strings from one document to the next: what it reads
    # is what the vocabulary gives
    memo: dict[object, str] = {}
    first, again = coder.nlp(TEXT), coder.nlp(TEXT)
    plain = parse_arrays(coder.nlp(TEXT))
    for doc in (first, again):
        arrays = parse_arrays(doc, memo)
        assert (arrays.words, arrays.lowers, arrays.lemmas) == (plain.words, plain.lowers, plain.lemmas)
        assert (arrays.pos, arrays.tags, arrays.deps, arrays.ent_types) == (
            plain.pos, plain.tags, plain.deps, plain.ent_types)
    assert memo and all(coder.nlp.vocab.strings[h] == s for h, s in memo.items())
