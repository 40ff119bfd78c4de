"""Word classes that tell accidents, the weather, sport and the arts apart from political
deeds, words no pronoun means (the press, one-thing plurals), verbs of commitment, and the
content words the event-mention, actor, coding and place rules apply to (nouns of intent
or dispute, verbs of refusing, accusing or preventing, heads of bodies and forces, words
that date an office, words of meeting or fighting, nouns and verbs of places, verbs that
introduce a quotation, long units of time, headlines' plural bodies, ...), and the words the
knowledge's name matching and the gazetteer treat apart (names that are English words,
geographic features, plain words among towns' names), read from the package's
``word_classes.tsv`` (see its header)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from ..errors import KnowledgeError
from ..ontology import data_path

WORD_CLASSES_FILE = "word_classes.tsv"
HEADER = "class\tlemma"


def read_word_classes(path: Path) -> dict[str, frozenset[str]]:
    """The classes of a word-class file: class name -> its lower-case lemmas; raise
    :class:`KnowledgeError` (file and line) on a malformed line."""
    found: dict[str, set[str]] = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#") or line == HEADER:
            continue
        parts = line.split("\t")
        if len(parts) != 2 or not all(p.strip() for p in parts):
            raise KnowledgeError(str(path), number,
                                 f"expected two tab-separated columns (class, lemma), got {line!r}")
        found.setdefault(parts[0].strip(), set()).add(parts[1].strip().lower())
    return {name: frozenset(words) for name, words in found.items()}


@cache
def _package_classes() -> dict[str, frozenset[str]]:
    """The package's classes, read once (package data does not change while a process
    runs)."""
    return read_word_classes(data_path(WORD_CLASSES_FILE))


def word_class(name: str) -> frozenset[str]:
    """The lower-case lemmas of the package's class ``name``."""
    classes = _package_classes()
    if name not in classes:
        raise KeyError(f"no word class {name!r} in {WORD_CLASSES_FILE} "
                       f"(known: {', '.join(sorted(classes))})")
    return classes[name]
