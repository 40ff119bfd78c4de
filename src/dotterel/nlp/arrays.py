"""A parsed document's words, tags and tree read once into plain Python lists.

Every spaCy ``Token`` attribute read builds a new object (``token.head``, ``doc[i]``) or
looks a string up in the vocabulary (``token.dep_``, ``token.lemma_``). The coding stage
reads the same few attributes of the same tokens many times over, so its hot loops read
them from a :class:`ParseArrays` instead, indexed by token position: one ``Doc.to_array``
call and one string lookup per token and attribute, for the whole document.

The arrays are made on first use and kept in the document's ``user_data`` (see
:func:`parse_arrays`), so every stage that codes one document shares them; they describe
the document as parsed, so nothing may change its annotation afterwards.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

import numpy as np
from spacy.attrs import (DEP, ENT_IOB, ENT_TYPE, HEAD, IDX, LEMMA, LOWER, ORTH, POS,
                         SENT_START, SPACY, TAG)
from spacy.strings import StringStore
from spacy.tokens import Doc, Token

# where a document keeps its arrays: ``Doc.user_data`` is the per-document store spaCy
# gives components (the key is namespaced so that no other component's entry is touched;
# a string, whose hash Python keeps, since the arrays are looked up tens of thousands of
# times a batch)
USER_DATA_KEY: Final = "dotterel.parse_arrays"
COLUMNS: Final = [ORTH, LOWER, LEMMA, POS, TAG, DEP, ENT_TYPE, HEAD, SPACY, ENT_IOB, IDX,
                         SENT_START]
# the first columns hold string hashes, the others numbers (read in this order below)
_STRING_COLUMNS: Final = 7
# ``Token.ent_iob_`` of each ``ENT_IOB`` value
IOB_STRINGS: Final = ("", "I", "O", "B")


@dataclass(init=False)
class ParseArrays:
    """One document's token attributes, each a list indexed by token position.

    ``heads[i]`` is the absolute position of token ``i``'s head (``i`` for a root), and
    ``children[i]`` the positions of its dependents in text order, as ``Token.children``.
    The string columns hold exactly what the ``Token`` attribute of the same name gives
    (``lemmas`` is ``lemma_``, ``deps`` is ``dep_``, ``ent_iobs`` is ``ent_iob_``...;
    ``spaces`` is ``whitespace_``); ``lemma_lowers`` are the lemmas in lower case, as the
    lexicons are written (one string for each word, made once). ``idx[i]`` is token
    ``i``'s character offset in ``text``, the document's text (``Doc.text`` joins it anew
    from the tokens on every read).
    ``sent_starts[i]`` and ``sent_ends[i]`` bound token ``i``'s sentence, as
    ``Token.sent.start`` and ``.end`` give them (which walk the document to find it), and
    ``left_edges[i]`` and ``right_edges[i]`` are the first and last words of its subtree.
    ``sentence_bounds`` holds where each sentence starts and ends, in text order, as
    ``doc.sents`` gives them (with no Span made for each).
    """

    words: list[str]
    lowers: list[str]
    lemmas: list[str]
    lemma_lowers: list[str]
    pos: list[str]
    tags: list[str]
    deps: list[str]
    ent_types: list[str]
    heads: list[int]
    children: list[list[int]]
    spaces: list[str]
    ent_iobs: list[str]
    idx: list[int]
    text: str
    sent_starts: list[int]
    sent_ends: list[int]
    left_edges: list[int]
    right_edges: list[int]
    sentence_bounds: list[tuple[int, int]]

    def __init__(self, *, words: list[str], lowers: list[str], lemmas: list[str],
                 lemma_lowers: list[str], pos: list[str], tags: list[str], deps: list[str],
                 ent_types: list[str], heads: list[int], children: list[list[int]],
                 spaces: list[str], ent_iobs: list[str], idx: list[int], text: str,
                 sent_starts: list[int], sent_ends: list[int], left_edges: list[int],
                 right_edges: list[int], sentence_bounds: list[tuple[int, int]]) -> None:
        # (written out, where a dataclass's would be Python: compiled, this one is native
        # code, and one is made for every document; nothing changes the arrays once made)
        self.words = words
        self.lowers = lowers
        self.lemmas = lemmas
        self.lemma_lowers = lemma_lowers
        self.pos = pos
        self.tags = tags
        self.deps = deps
        self.ent_types = ent_types
        self.heads = heads
        self.children = children
        self.spaces = spaces
        self.ent_iobs = ent_iobs
        self.idx = idx
        self.text = text
        self.sent_starts = sent_starts
        self.sent_ends = sent_ends
        self.left_edges = left_edges
        self.right_edges = right_edges
        self.sentence_bounds = sentence_bounds

    @classmethod
    def of(cls, doc: Doc, strings: dict[object, str] | None = None) -> ParseArrays:
        """Read ``doc``'s arrays (use :func:`parse_arrays`, which keeps them). ``strings``:
        a memo of string hashes and their strings (see :func:`parse_arrays`).

        This runs once for every document coded: the numbers are read with whole-array
        operations, and each string cell is one look-up in the memo (compiled), not a
        decoding from the vocabulary."""
        n = len(doc)
        if not n:
            return ParseArrays(words=[], lowers=[], lemmas=[], lemma_lowers=[], pos=[], tags=[],
                               deps=[], ent_types=[], heads=[], children=[], spaces=[],
                               ent_iobs=[], idx=[], text=doc.text, sent_starts=[],
                               sent_ends=[], left_edges=[], right_edges=[],
                               sentence_bounds=[])
        table = doc.to_array(COLUMNS)
        # the string columns, each cell's string looked up in the memo of strings already
        # read (few of a document's words and tags are new)
        columns: list[list[object]] = table[:, :_STRING_COLUMNS].T.tolist()
        vocabulary, memo = doc.vocab.strings, {} if strings is None else strings
        words, lowers, lemmas, pos, tags, deps, ent_types = (
            _strings_of(cells, vocabulary, memo) for cells in columns)
        # the number columns, read as signed (HEAD is a signed offset and SENT_START -1 or
        # 1, stored unsigned) in one conversion; the loops below then index and compare
        # machine integers (NumPy's values are untyped to mypyc: the lists are declared),
        # each far cheaper than a NumPy call on arrays of a few hundred words
        numbers: list[list[int]] = table[:, _STRING_COLUMNS:].T.view(np.int64).tolist()
        offsets, space_flags, iobs, idx, opens = numbers
        heads = [i + offset for i, offset in enumerate(offsets)]
        children: list[list[int]] = [[] for _ in heads]
        # each word is the first of its own subtree and of its ancestors' that no earlier
        # word reached (words taken in text order, each climb stops where one did)
        left_edges = list(range(n))
        for i, h in enumerate(heads):
            if h != i:
                children[h].append(i)
                below, above = i, h
                while above != below and left_edges[above] > i:
                    left_edges[above] = i
                    below, above = above, heads[above]
        # and the last word of each, the words taken from the end
        right_edges = list(range(n))
        for i in range(n - 1, -1, -1):
            below, above = i, heads[i]
            while above != below and right_edges[above] < i:
                right_edges[above] = i
                below, above = above, heads[above]
        spaces = [" " if flag else "" for flag in space_flags]
        # a sentence starts at the first word and at each word marked so; it ends where
        # the next starts
        sent_starts = [0] * n
        start = 0
        for i, opened in enumerate(opens):
            if opened == 1:
                start = i
            sent_starts[i] = start
        sent_ends = [n] * n
        bounds: list[tuple[int, int]] = []  # (from the end: reversed below)
        end = n
        for i in range(n - 1, -1, -1):
            sent_ends[i] = end
            if opens[i] == 1 or i == 0:
                bounds.append((i, end))
                end = i
        bounds.reverse()
        # what ``doc.text`` joins, each word with its trailing space, without making a
        # Token for each
        parts: list[str] = []
        for word, space in zip(words, spaces):
            parts.append(word)
            parts.append(space)
        return ParseArrays(words=words, lowers=lowers, lemmas=lemmas,
                           lemma_lowers=[lemma.lower() for lemma in lemmas], pos=pos,
                           tags=tags, deps=deps, ent_types=ent_types, heads=heads,
                           children=children, spaces=spaces,
                           ent_iobs=[IOB_STRINGS[iob] for iob in iobs], idx=idx,
                           text="".join(parts), sent_starts=sent_starts,
                           sent_ends=sent_ends, left_edges=left_edges,
                           right_edges=right_edges, sentence_bounds=bounds)

    def subtree(self, i: int) -> list[int]:
        """The positions of token ``i``'s subtree in the order ``Token.subtree`` gives
        them: its left dependents' subtrees, itself, its right ones'."""
        children = self.children
        out: list[int] = []
        placed = False  # whether ``i`` itself is in yet, after its left dependents
        # (one pass over the dependents, which are in text order; a leaf is its own
        # subtree: most words are leaves, and need no call of their own)
        for c in children[i]:
            if not placed and c > i:
                out.append(i)
                placed = True
            if children[c]:
                out += self.subtree(c)
            else:
                out.append(c)
        if not placed:
            out.append(i)
        return out

    def entities(self) -> list[tuple[int, int, str]]:
        """Each named entity's start, end and label, as ``doc.ents`` gives them (with
        no Span made for each): an entity opens at a "B" word with a label and goes on
        over the "I" words after it."""
        out: list[tuple[int, int, str]] = []
        start, label = -1, ""
        for i, iob in enumerate(self.ent_iobs):
            if iob == "I":
                continue
            if start != -1:
                out.append((start, i, label))
            start, label = (i, self.ent_types[i]) if iob == "B" and self.ent_types[i] else (-1, "")
        if start != -1:
            out.append((start, len(self.ent_iobs), label))
        return out

    def span_text(self, start: int, end: int) -> str:
        """The text of tokens ``start:end``, as ``doc[start:end].text`` gives it (which
        joins it anew from the tokens on every read)."""
        if end <= start:
            return ""
        return self.text[self.idx[start]:self.idx[end - 1] + len(self.words[end - 1])]


# The document :func:`parse_arrays` was last asked about, and its arrays.
_LAST: Final[list[tuple[Doc | None, ParseArrays | None]]] = [(None, None)]

# The most strings a memo of :func:`parse_arrays` holds: it is emptied when full, so that
# a long run's memory stays bounded.
STRING_MEMO_SIZE: Final = 50_000


def _strings_of(hashes: list[object], strings: StringStore,
                memo: dict[object, str]) -> list[str]:
    """The strings of ``hashes``, from ``memo`` or else from ``strings`` (into ``memo``).

    (The hashes are typed as objects: compiled code then hands NumPy's Python integers
    to the dictionary as they are, where as ``int`` it would unbox each and box it
    again.)"""
    out: list[str] = []
    for h in hashes:
        found = memo.get(h)
        if found is None:
            if len(memo) >= STRING_MEMO_SIZE:
                memo.clear()
            found = memo[h] = strings[h]
        out.append(found)
    return out


def parse_arrays(doc: Doc, strings: dict[object, str] | None = None) -> ParseArrays:
    """``doc``'s :class:`ParseArrays`, read on the first call and kept with the document
    (the last document's are also kept here, with a reference to it).

    ``strings``, when given, is a memo of spaCy's string hashes and the strings they stand
    for, which the first call reads from and adds to: kept from one document to the next
    (a hash is its string's own, the same in every vocabulary), it spares decoding anew
    from the vocabulary what most of a document's words and all its tags were before.
    """
    # the document asked about last, first: the coding stage asks some eight hundred
    # times a document, mostly from functions given one of its Tokens, and one identity
    # test is far cheaper than reading ``user_data`` and looking the arrays up in it
    last_doc, last_arrays = _LAST[0]
    if last_doc is doc and last_arrays is not None:
        return last_arrays
    # (declared a dict: compiled, the look-up is then a dictionary's, not a method call on
    # an object of unknown type)
    data: dict[str, object] = doc.user_data
    found = data.get(USER_DATA_KEY)
    if isinstance(found, ParseArrays):
        arrays = found
    else:
        arrays = data[USER_DATA_KEY] = ParseArrays.of(doc, strings)
    # (one tuple, replaced whole: a thread that reads it sees a document with its own
    # arrays; it keeps that one document alive until another is asked about)
    _LAST[0] = (doc, arrays)
    return arrays


def token_pos(tok: Token) -> str:
    """``tok.pos_``, read from its document's parse arrays. (spaCy's property looks the
    tag's name up in a Python module's dictionary on every read: several times dearer,
    and the coding stage reads it hundreds of times a document.)"""
    return parse_arrays(tok.doc).pos[tok.i]


def token_lower(tok: Token) -> str:
    """``tok.lower_``, read from its document's parse arrays (spaCy's property decodes it
    from the vocabulary on every read)."""
    return parse_arrays(tok.doc).lowers[tok.i]


def token_lemma_lower(tok: Token) -> str:
    """``tok.lemma_.lower()``, read from its document's parse arrays, where it is made
    once for each word."""
    return parse_arrays(tok.doc).lemma_lowers[tok.i]


def forget_arrays(doc: Doc) -> None:
    """Drop ``doc``'s :class:`ParseArrays`, to be read anew on the next call of
    :func:`parse_arrays`: for a component that changes the annotation they were read from."""
    doc.user_data.pop(USER_DATA_KEY, None)
    if _LAST[0][0] is doc:
        _LAST[0] = (None, None)
