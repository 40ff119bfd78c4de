"""A faster stand-in for spaCy's attribute ruler that sets exactly the same attributes.

English pipelines map each fine-grained tag to its part of speech and morphology, and fix
a few dozen words, with an ``AttributeRuler``: some 180 token patterns run through spaCy's
general ``Matcher``, which tries every pattern at every token. That is about a tenth of the
whole pipeline's time, for what is mostly a table lookup.

``compile_rules`` splits the ruler's patterns in two, when every pattern is of the simple
kind such rulers hold (fixed tokens compared by equality, ``IN``, ``NOT_IN`` or ``REGEX``;
no operators):

* the tag map: one-token patterns on the tag alone that set part of speech and
  morphology, and come before every other rule. They are applied to the whole document
  at once, through arrays.
* the exceptions: every other pattern, indexed by a value its first token must have
  (its lowercase form, tag, ...), so that only the few tokens with such a value are tried.

Matching reads the document as it was before any rule applied, and the exceptions are
applied after the tag map in the ruler's order (later rules win): what the ruler does.
A ruler with any other kind of pattern is left in place.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import cast

import numpy as np
from spacy.attrs import DEP, IS_SPACE, LOWER, MORPH, NORM, ORTH, POS, TAG
from spacy.language import Language
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc, Token
from spacy.tokens._retokenize import set_token_attrs
from spacy.vocab import Vocab

FAST_RULER = "dotterel_attribute_ruler"

# the token attributes a pattern may test, read as the Matcher reads them
_GETTERS: dict[str, Callable[[Token], object]] = {
    "ORTH": lambda t: t.text,
    "TEXT": lambda t: t.text,
    "LOWER": lambda t: t.lower_,
    "NORM": lambda t: t.norm_,
    "TAG": lambda t: t.tag_,
    "POS": lambda t: t.pos_,
    "DEP": lambda t: t.dep_,
    "LEMMA": lambda t: t.lemma_,
    "IS_SPACE": lambda t: t.is_space,
    "IS_PUNCT": lambda t: t.is_punct,
    "IS_DIGIT": lambda t: t.is_digit,
}
# attributes whose values ``Doc.to_array`` gives, so that patterns on them are tested in bulk
_ARRAY_ATTRS: dict[str, int] = {
    "ORTH": ORTH, "TEXT": ORTH, "LOWER": LOWER, "NORM": NORM, "TAG": TAG, "POS": POS,
    "DEP": DEP, "IS_SPACE": IS_SPACE,
}

# flags are numbers in arrays, not strings: a regex cannot test them there
_FLAGS = frozenset({"IS_SPACE"})

Check = Callable[[Token], bool]


class UnsupportedPattern(ValueError):
    """A ruler pattern this module cannot turn into a table lookup."""


def _predicate(value: object) -> Callable[[object], bool]:
    if isinstance(value, (str, bool, int)):
        return lambda got: got == value
    if isinstance(value, dict) and len(value) == 1:
        (op, arg), = value.items()
        if op == "IN" and isinstance(arg, list):
            allowed = frozenset(arg)
            return lambda got: got in allowed
        if op == "NOT_IN" and isinstance(arg, list):
            banned = frozenset(arg)
            return lambda got: got not in banned
        if op == "REGEX" and isinstance(arg, str):
            rx = re.compile(arg)
            return lambda got: isinstance(got, str) and rx.search(got) is not None
    raise UnsupportedPattern(f"value {value!r}")


def _token_check(spec: dict[str, object]) -> Check:
    """One token's pattern as a single test."""
    if not spec or "OP" in spec:
        raise UnsupportedPattern(f"token pattern {spec!r}")
    tests: list[tuple[Callable[[Token], object], Callable[[object], bool]]] = []
    for key, value in spec.items():
        getter = _GETTERS.get(key)
        if getter is None:
            raise UnsupportedPattern(f"attribute {key!r}")
        tests.append((getter, _predicate(value)))
    return lambda tok: all(ok(get(tok)) for get, ok in tests)


class _ValueTest:
    """A test of one array attribute's value: in a set of values (or not), or a regex on
    its string. Regex results are kept per value, as a document repeats its words."""

    def __init__(self, col: int, wanted: bool, values: frozenset[int] = frozenset(),
                 regex: re.Pattern[str] | None = None) -> None:
        self.col, self.wanted, self.values, self.regex = col, wanted, values, regex
        self._seen: dict[int, bool] = {}

    def holds(self, value: int, vocab: Vocab) -> bool:
        if self.regex is None:
            return (value in self.values) == self.wanted
        known = self._seen.get(value)
        if known is None:
            known = self._seen[value] = self.regex.search(vocab.strings[value]) is not None
        return known

    def mask(self, column: np.ndarray, vocab: Vocab) -> np.ndarray:
        if self.regex is None:
            inside = np.isin(column, np.fromiter(self.values, dtype=column.dtype))
            return inside if self.wanted else ~inside
        distinct = np.unique(column)
        keep = [v for v in distinct.tolist() if self.holds(v, vocab)]
        return np.isin(column, np.array(keep, dtype=column.dtype))


def _on_arrays(key: str, value: object) -> bool:
    """Whether arrays can test attribute ``key`` for ``value``."""
    if key not in _ARRAY_ATTRS:
        return False
    if isinstance(value, (str, bool)):
        return True
    if isinstance(value, dict) and len(value) == 1:
        (op, arg), = value.items()
        return (op in ("IN", "NOT_IN") and isinstance(arg, list)) or \
            (op == "REGEX" and isinstance(arg, str) and key not in _FLAGS)
    return False


def _array_test(key: str, value: object, col: int, vocab: Vocab) -> _ValueTest:
    """``value`` (which ``_on_arrays`` accepts) as a test on array column ``col``."""
    def as_int(v: object) -> int:
        return int(v) if isinstance(v, bool) else vocab.strings.add(str(v))
    if isinstance(value, (str, bool)):
        return _ValueTest(col, True, frozenset({as_int(value)}))
    if isinstance(value, dict) and len(value) == 1:
        (op, arg), = value.items()
        if op in ("IN", "NOT_IN") and isinstance(arg, list):
            return _ValueTest(col, op == "IN", frozenset(as_int(v) for v in arg))
    return _ValueTest(col, True, regex=re.compile(str(value["REGEX"])))  # type: ignore[index]


@dataclass(frozen=True)
class _Rule:
    """One pattern of one ruler entry, split into what arrays test and what Python tests.

    ``first``: the first token's tests on array attributes; ``rest``: Python tests of its
    other constraints, or None when there are none; ``later``: a test per following token.
    """

    entry: int
    length: int
    first: tuple[_ValueTest, ...]
    rest: Check | None
    later: tuple[Check, ...]

    def first_holds(self, row: list[int], vocab: Vocab) -> bool:
        return all(test.holds(row[test.col], vocab) for test in self.first)

    def rest_holds(self, doc: Doc, start: int) -> bool:
        if start + self.length > len(doc):
            return False
        if self.rest is not None and not self.rest(doc[start]):
            return False
        return all(check(doc[start + 1 + k]) for k, check in enumerate(self.later))


@dataclass(frozen=True)
class RuleTable:
    """A ruler's patterns: the tag map as arrays, the exceptions ready to match."""

    tag_pos: dict[int, int]  # tag hash -> POS id the tag map gives it
    tag_morph: dict[int, int]  # tag hash -> morphology hash the tag map gives it
    columns: tuple[int, ...]  # the array attributes the exceptions test
    by_lower: dict[int, tuple[_Rule, ...]]  # exceptions whose first token fixes its form
    others: tuple[_Rule, ...]  # the rest, tested on every token with arrays
    attrs: tuple[dict, ...]  # per entry: spaCy's normalised attributes to set
    indices: tuple[int, ...]  # per entry: which token of the match takes them


def _tag_map_entry(item: dict, attrs: dict) -> str | None:
    """The tag of a tag-map entry (one token, tag alone, sets POS/MORPH), else None."""
    patterns = item["patterns"]
    if len(patterns) != 1 or len(patterns[0]) != 1 or item["index"] not in (0, -1):
        return None
    spec = patterns[0][0]
    if set(spec) != {"TAG"} or not isinstance(spec["TAG"], str) or not attrs:
        return None
    return spec["TAG"] if set(attrs) <= {POS, MORPH} else None


def _split_first(spec: dict[str, object]) -> tuple[dict[str, object], dict[str, object]]:
    """The first token's constraints on array attributes, and the others."""
    on_arrays = {k: v for k, v in spec.items() if _on_arrays(k, v)}
    return on_arrays, {k: v for k, v in spec.items() if k not in on_arrays}


def compile_rules(ruler: AttributeRuler) -> RuleTable:
    """Split and index ``ruler``'s patterns; raises ``UnsupportedPattern`` for other kinds."""
    strings = ruler.vocab.strings
    tag_pos: dict[int, int] = {}
    tag_morph: dict[int, int] = {}
    split: list[tuple[int, list[dict], dict[str, object], dict[str, object]]] = []
    in_tag_map = True  # the tag map must come first: an exception may override it
    for entry, item in enumerate(ruler.patterns):
        attrs = ruler.attrs[entry]
        tag = _tag_map_entry(item, attrs) if in_tag_map else None
        if tag is not None:
            key = strings.add(tag)
            if POS in attrs:
                tag_pos[key] = int(attrs[POS])
            if MORPH in attrs:
                tag_morph[key] = int(attrs[MORPH])
            continue
        in_tag_map = False
        for pattern in cast(list[list[dict[str, object]]], item["patterns"]):
            if not pattern:
                raise UnsupportedPattern("empty pattern")
            for spec in pattern:
                _token_check(spec)  # refuses what it cannot test
            split.append((entry, pattern, *_split_first(pattern[0])))
    columns = tuple(sorted({_ARRAY_ATTRS[key] for _, _, tests, _ in split for key in tests}))
    at = {attr: k for k, attr in enumerate(columns)}
    by_lower: dict[int, list[_Rule]] = {}
    others: list[_Rule] = []
    for entry, pattern, tests, rest in split:
        first = tuple(_array_test(k, v, at[_ARRAY_ATTRS[k]], ruler.vocab) for k, v in tests.items())
        rule = _Rule(entry, len(pattern), first,
                     _token_check(rest) if rest else None,
                     tuple(_token_check(spec) for spec in pattern[1:]))
        lowers = next((t.values for t in first
                       if columns[t.col] == LOWER and t.wanted and t.regex is None), None)
        if lowers is None:
            others.append(rule)
        for lower in lowers or ():
            by_lower.setdefault(lower, []).append(rule)
    return RuleTable(tag_pos=tag_pos, tag_morph=tag_morph, columns=columns,
                     by_lower={k: tuple(v) for k, v in by_lower.items()},
                     others=tuple(others), attrs=tuple(ruler.attrs),
                     indices=tuple(ruler.indices))


class FastAttributeRuler:
    """Sets the attributes an ``AttributeRuler`` would, from a compiled ``RuleTable``."""

    def __init__(self, name: str = FAST_RULER, table: RuleTable | None = None) -> None:
        self.name = name
        self.table = table

    def _exceptions(self, doc: Doc, table: RuleTable) -> list[tuple[int, int, int]]:
        """The exceptions' matches as (entry, start, end), in the order they apply."""
        found: set[tuple[int, int, int]] = set()
        if not table.columns:
            return []
        values = doc.to_array(list(table.columns)).reshape(len(doc), len(table.columns))
        rows = cast(list[list[int]], values.tolist())  # (attribute ids: integers)
        lower = values[:, table.columns.index(LOWER)] if LOWER in table.columns else None
        if lower is not None and table.by_lower:
            known = np.fromiter(table.by_lower, dtype=values.dtype, count=len(table.by_lower))
            for i in np.flatnonzero(np.isin(lower, known)).tolist():
                for rule in table.by_lower[rows[i][table.columns.index(LOWER)]]:
                    if rule.first_holds(rows[i], doc.vocab) and rule.rest_holds(doc, i):
                        found.add((rule.entry, i, i + rule.length))
        for rule in table.others:
            mask = np.ones(len(doc), dtype=bool)
            for test in rule.first:
                mask &= test.mask(values[:, test.col], doc.vocab)
            for i in np.flatnonzero(mask).tolist():
                if rule.rest_holds(doc, i):
                    found.add((rule.entry, i, i + rule.length))
        return sorted(found)  # by entry, so that later rules overwrite earlier ones

    def _apply_tag_map(self, doc: Doc, table: RuleTable) -> None:
        values = doc.to_array([TAG, POS, MORPH])
        tags, inverse = np.unique(values[:, 0], return_inverse=True)
        for col, mapping in ((1, table.tag_pos), (2, table.tag_morph)):
            known = np.array([int(t) in mapping for t in tags])[inverse]
            mapped = np.array([mapping.get(int(t), 0) for t in tags], dtype=values.dtype)[inverse]
            # a tag the map does not cover keeps what it had
            values[:, col] = np.where(known, mapped, values[:, col])
        doc.from_array([POS, MORPH], values[:, 1:])

    def __call__(self, doc: Doc) -> Doc:
        table = self.table
        if table is None:
            raise RuntimeError("FastAttributeRuler used before speed_up_attribute_ruler gave it a table")
        if not len(doc):
            return doc
        exceptions = self._exceptions(doc, table)  # matched on the document as it came
        self._apply_tag_map(doc, table)
        for entry, start, end in exceptions:
            index = table.indices[entry]
            set_token_attrs(doc[start + index] if index >= 0 else doc[end + index],
                            table.attrs[entry])
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        """Process a stream of documents (spaCy's component protocol)."""
        for doc in docs:
            yield self(doc)


@Language.factory(FAST_RULER)
def make_fast_ruler(nlp: Language, name: str) -> FastAttributeRuler:
    """An empty fast ruler; ``speed_up_attribute_ruler`` gives it its table."""
    return FastAttributeRuler(name)


def speed_up_attribute_ruler(nlp: Language) -> bool:
    """Swap ``nlp``'s attribute ruler for the fast one when its patterns allow; say if it did."""
    if "attribute_ruler" not in nlp.pipe_names:
        return False
    ruler = nlp.get_pipe("attribute_ruler")
    if not isinstance(ruler, AttributeRuler):
        return False
    try:
        table = compile_rules(ruler)
    except UnsupportedPattern:
        return False
    fast = cast(FastAttributeRuler, nlp.replace_pipe("attribute_ruler", FAST_RULER))
    fast.table = table
    return True
