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

from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, IDX, LEMMA, LOWER, ORTH, POS, SPACY, TAG
from spacy.tokens import Doc

# where a document keeps its arrays: ``Doc.user_data`` is the per-document store spaCy
# gives components (the key is namespaced so that no other component's entry is touched)
USER_DATA_KEY = ("dotterel", "parse_arrays")
COLUMNS = [ORTH, LOWER, LEMMA, POS, TAG, DEP, ENT_TYPE, HEAD, SPACY, ENT_IOB, IDX]
# ``Token.ent_iob_`` of each ``ENT_IOB`` value
IOB_STRINGS = ("", "I", "O", "B")


@dataclass(frozen=True)
class ParseArrays:
    """One document's token attributes, each a list indexed by token position.

    ``heads[i]`` is the absolute position of token ``i``'s head (``i`` for a root), and
    ``children[i]`` the positions of its dependents in text order, as ``Token.children``.
    The string columns hold exactly what the ``Token`` attribute of the same name gives
    (``lemmas`` is ``lemma_``, ``deps`` is ``dep_``, ``ent_iobs`` is ``ent_iob_``...;
    ``spaces`` is ``whitespace_``). ``idx[i]`` is token ``i``'s character offset in
    ``text``, the document's text (``Doc.text`` joins it anew from the tokens on every read).
    """

    words: list[str]
    lowers: list[str]
    lemmas: list[str]
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

    @classmethod
    def of(cls, doc: Doc) -> ParseArrays:
        """Read ``doc``'s arrays (use :func:`parse_arrays`, which keeps them)."""
        strings = doc.vocab.strings
        rows = doc.to_array(COLUMNS).tolist() if len(doc) else []
        columns = list(zip(*rows)) if rows else [()] * len(COLUMNS)
        # one lookup per distinct value: a document repeats its words and tags many times
        seen: dict[int, str] = {}

        def text(column: tuple[int, ...]) -> list[str]:
            out = []
            for h in column:
                s = seen.get(h)
                if s is None:
                    s = seen[h] = strings[h]
                out.append(s)
            return out

        # HEAD is an offset, stored unsigned: convert it back to a signed absolute index
        heads = [i + (h - (1 << 64) if h >= (1 << 63) else h) for i, h in enumerate(columns[7])]
        children: list[list[int]] = [[] for _ in heads]
        for i, h in enumerate(heads):
            if h != i:
                children[h].append(i)
        return cls(words=text(columns[0]), lowers=text(columns[1]), lemmas=text(columns[2]),
                   pos=text(columns[3]), tags=text(columns[4]), deps=text(columns[5]),
                   ent_types=text(columns[6]), heads=heads, children=children,
                   spaces=[" " if f else "" for f in columns[8]],
                   ent_iobs=[IOB_STRINGS[v] for v in columns[9]],
                   idx=list(columns[10]), text=doc.text)

    def span_text(self, start: int, end: int) -> str:
        """The text of tokens ``start:end``, as ``doc[start:end].text`` gives it (which
        joins it anew from the tokens on every read)."""
        if end <= start:
            return ""
        return self.text[self.idx[start]:self.idx[end - 1] + len(self.words[end - 1])]


def parse_arrays(doc: Doc) -> ParseArrays:
    """``doc``'s :class:`ParseArrays`, read on the first call and kept with the document."""
    found = doc.user_data.get(USER_DATA_KEY)
    if found is None:
        found = doc.user_data[USER_DATA_KEY] = ParseArrays.of(doc)
    return found
