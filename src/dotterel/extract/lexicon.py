"""The trigger lexicon: which words (with which objects, particles and context) signal
which CAMEO event.

The built-in lexicon is ``dotterel/data/triggers.tsv``; its header comment documents
the format. Users add entries with extra files in the same format:

>>> lex = load_lexicon()
>>> [e.code for e in lex.candidates("VERB", "sever")][:1]
['161']

Every line is checked when it is read: a malformed line, or one naming a CAMEO code
the ontology does not list, raises :class:`dotterel.errors.KnowledgeError` with the
file, the line and what is wrong.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, fields
from functools import lru_cache
from pathlib import Path
from typing import Final, NamedTuple

from dotterel.errors import KnowledgeError
from dotterel.memo import remember
from dotterel.ontology import Ontology, data_path, load_ontology

__all__ = ["COLUMNS", "POS_TAGS", "TriggerEntry", "Lexicon", "load_lexicon", "word_runs"]

COLUMNS: Final = ("code", "pos", "lemma", "particle", "objects", "context", "target", "flags")
POS_TAGS: Final = frozenset({"VERB", "NOUN", "ADJ"})
# Flags without a value; "neg=CODE" is the one flag that carries one.
SIMPLE_FLAGS: Final = frozenset({"speech", "report", "intent", "threat", "converse", "hosted"})
# Target slots that are not prepositions.
TARGET_SLOTS: Final = frozenset({"obj", "dative"})
# Prepositions a target may hang from. A closed list, so that a typo ("agianst") is
# caught when the file is read rather than silently never matching.
PREPOSITIONS: Final = frozenset({
    "about", "above", "across", "after", "against", "along", "amid", "among", "around",
    "at", "before", "behind", "below", "beside", "between", "beyond", "by", "despite",
    "down", "during", "for", "from", "in", "inside", "into", "near", "of", "off", "on",
    "onto", "out", "outside", "over", "past", "since", "through", "throughout", "to",
    "toward", "towards", "under", "upon", "via", "with", "within", "without",
})
_WORD_RE: Final = re.compile(r"^[a-z][a-z'\-]*$")
_PHRASE_RE: Final = re.compile(r"^[a-z0-9][a-z0-9 '\-\.]*$")


@dataclass(frozen=True)
class TriggerEntry:
    """One lexicon line: a head word and the constraints under which it signals ``code``.

    ``particle``, ``objects`` and ``context`` are constraints the extractor must see
    met; ``target`` lists, in order of preference, where the event's target is found;
    ``neg_code`` is the code to use when the trigger is negated. ``origin`` is
    ``"file:line"``.
    """

    code: str
    pos: str
    lemma: str
    particle: str | None
    objects: frozenset[str]
    context: tuple[str, ...]
    target: tuple[str, ...]
    flags: frozenset[str]
    neg_code: str | None
    origin: str
    #: The first words of the entry's context phrases (of an ``a+b`` one, of its first
    #: part), as :func:`word_runs` reads words: a text in which one of its phrases matches
    #: has one of them as a whole run. None when the entry has no context, or a phrase
    #: that starts with no word (then no test of words can rule it out). Read when the
    #: entry is made, without compiling its patterns: every entry of every candidate
    #: trigger is tested by these.
    context_leads: frozenset[str] | None = field(init=False, compare=False, repr=False)
    # the entry's context patterns, compiled on first use (see :meth:`_patterns`)
    _compiled: _ContextPatterns | None = field(init=False, compare=False, repr=False)

    def __post_init__(self) -> None:
        # (fields, not cached properties: compiled, an instance has no dictionary to
        # keep one in, and the property would look it up anew on every read)
        object.__setattr__(self, "context_leads",
                           _context_leads(self.context) if self.context else None)
        object.__setattr__(self, "_compiled", None)

    @property
    def specificity(self) -> int:
        """How many constraints the entry has (particle, objects, context): 0 to 3."""
        return (self.particle is not None) + bool(self.objects) + bool(self.context)

    def object_matches(self, lemma: str | None) -> bool:
        """True when the entry needs no object, or ``lemma`` is one it accepts."""
        if not self.objects:
            return True
        return lemma is not None and lemma.lower() in self.objects

    def context_matches(self, text: str) -> bool:
        """True when the entry needs no context, or one of its phrases occurs in ``text``.

        Phrases match as whole words, case-insensitively ("air" does not match
        "airport"); a phrase written ``a+b`` matches only when both ``a`` and ``b`` occur.
        """
        return not self.context or self.context_in(searchable(text))

    def context_in(self, low: str) -> bool:
        """:meth:`context_matches` of a text already made :func:`searchable` (as a
        trigger's clause is once, for all the entries tried on it)."""
        if not self.context:
            return True
        single, phrases, combined = self._patterns()
        # (a whole-word match is a substring first: plain substring tests rule out most
        # texts before the pattern, which tries every phrase at every position of the
        # text, is searched)
        if single is not None:
            for phrase in phrases:
                if phrase in low:
                    if single.search(low) is not None:
                        return True
                    break
        return any(all(_has_phrase(low, part) for part in parts) for parts in combined)

    def context_possible(self, text: str) -> bool:
        """False when the lower-case ``text`` has the first word of none of the entry's
        context phrases anywhere in it, not even inside another word: then no text made
        of its words, however spaced (as :meth:`context_matches` is given), has any of
        the phrases. A cheap test on a whole sentence that rules out most entries before
        their trigger's clause is read."""
        leads = self.context_leads
        if leads is None:
            return True
        # (plain substring tests: faster than one alternation pattern)
        for lead in leads:
            if lead in text:
                return True
        return False

    def _patterns(self) -> _ContextPatterns:
        """The entry's context patterns, compiled on the first call and kept on the entry:
        they are read for every trigger it is tried on."""
        found = self._compiled
        if found is None:
            found = _context_patterns(self.context)
            object.__setattr__(self, "_compiled", found)
        return found

    def __reduce__(self) -> tuple[type[TriggerEntry], tuple[object, ...]]:
        # made anew from its fields: compiled (setup.py), a frozen dataclass cannot be
        # unpickled or copied field by field (spaCy's worker processes pickle components)
        return TriggerEntry, tuple(getattr(self, f.name) for f in fields(self) if f.init)

    @property
    def has_target(self) -> bool:
        """False for acts done to no one ("held military exercises", "protested")."""
        return bool(self.target) and self.target != ("-",)

    @property
    def is_report(self) -> bool:
        """True for a neutral reporting verb (flag ``report``)."""
        return "report" in self.flags

    def __str__(self) -> str:
        return f"{self.origin}: {self.pos} {self.lemma!r} -> {self.code}"


@lru_cache(maxsize=None)
def _phrase_pattern(phrase: str) -> tuple[str, re.Pattern[str]]:
    """A context phrase, whitespace-normalised, and its compiled whole-word pattern.
    Cached: the lexicon has a few thousand phrases, more than ``re``'s own cache keeps,
    and compiling dominated coding."""
    phrase = " ".join(phrase.split())
    return phrase, re.compile(r"(?<![\w-])" + re.escape(phrase) + r"(?![\w-])")


# A text's words as a whole-word match sees them: runs of word characters and hyphens.
_RUN_RE: Final = re.compile(r"[\w-]+")


def word_runs(text: str, words: Sequence[str], cuts: Iterable[int]) -> set[str]:
    """Every run of word characters and hyphens (a word as a whole-word match sees it:
    :meth:`TriggerEntry.context_matches`) that a text made of ``words``, the pieces of
    ``text`` (tokens, in lower case), however spaced, can have: each piece's own runs, and
    where pieces are written with no space between, at the positions ``cuts`` in
    ``text``, each stretch of a run from one cut or end of it to another ("cease-fire"
    made of "cease", "-" and "fire" has "cease", "cease-", "-", "-fire" and "fire")."""
    # (most words are one run, whole: only the others are searched for theirs; a word
    # kept whole besides, a run or not, only ever lets an entry through)
    runs = set(words)
    runs.update(*map(_runs_of, [w for w in runs if not w.isalnum()]))
    # (a cut splits a run only between two of its characters: most are before a comma or
    # a full stop, and most sentences have none inside a run)
    inner = [p for p in cuts if _in_run(text[p - 1]) and _in_run(text[p])]
    starts: set[int] = set()
    for p in inner:
        start = p - 1
        while start and _in_run(text[start - 1]):
            start -= 1
        if start in starts:
            continue  # (a run cut twice: its stretches are in already)
        starts.add(start)
        end = _RUN_RE.match(text, start).end()  # type: ignore[union-attr]
        points = [start, *(q for q in inner if start < q < end), end]
        runs.update(text[a:b] for k, a in enumerate(points) for b in points[k + 1:])
    return runs


def _in_run(char: str) -> bool:
    """Whether a character is one of a run's (``[\\w-]``: ``\\w`` is what ``str.isalnum``
    says, and the underscore)."""
    return char.isalnum() or char == "_" or char == "-"


# the runs of the words read so far (a bounded memo: :mod:`dotterel.memo`)
_RUNS: Final[dict[str, list[str]]] = {}
_RUNS_MEMO_SIZE: Final = 4096


def _runs_of(word: str) -> list[str]:
    """The runs of a word that is not one run whole. Remembered: most are punctuation,
    "'s" and "u.s.", in every sentence, and a search costs more than the look-up."""
    found = _RUNS.get(word)
    if found is None:
        found = remember(_RUNS, word, _RUN_RE.findall(word), _RUNS_MEMO_SIZE)
    return found


class _ContextPatterns(NamedTuple):
    """An entry's context phrases compiled for searching (see :func:`_context_patterns`)."""

    single: re.Pattern[str] | None  # every single phrase, in one whole-word pattern
    phrases: tuple[str, ...]  # those phrases, whitespace-normalised
    combined: tuple[tuple[str, ...], ...]  # the ``a+b`` alternatives, split into parts


@lru_cache(maxsize=None)
def _context_patterns(context: tuple[str, ...]) -> _ContextPatterns:
    """An entry's context as one whole-word pattern for its single phrases (one search
    instead of one per phrase) and those phrases themselves (longest first), and the
    ``a+b`` alternatives, split into their parts."""
    singles = sorted({" ".join(alt.split()) for alt in context if "+" not in alt},
                     key=len, reverse=True)
    pattern = None
    if singles:
        pattern = re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, singles)) + r")(?![\w-])")
    combined = tuple(tuple(alt.split("+")) for alt in context if "+" in alt)
    return _ContextPatterns(pattern, tuple(singles), combined)


@lru_cache(maxsize=None)
def _context_leads(context: tuple[str, ...]) -> frozenset[str] | None:
    """The first words of all of a context's alternatives (of the first part of an
    ``a+b`` one); None when one does not start with a word. A whole-word match of a
    phrase starts with the phrase's first run of word characters, and that run is whole
    in the text matched: nothing of a word before it or after it."""
    leading = [_RUN_RE.match(" ".join(alt.split("+")[0].split())) for alt in context]
    if any(m is None for m in leading):
        return None
    return frozenset(m.group() for m in leading if m is not None)


def searchable(text: str) -> str:
    """``text`` lower-cased and whitespace-normalised: what an entry's context phrases
    are looked for in (see :meth:`TriggerEntry.context_in`)."""
    return " ".join(text.lower().split())


def _has_phrase(text: str, phrase: str) -> bool:
    """Whole-word, whitespace-normalised search for ``phrase`` in lower-case ``text``."""
    plain, pattern = _phrase_pattern(phrase)
    # most phrases are not in the text at all: a substring test rules them out cheaply
    return plain in text and pattern.search(text) is not None


class Lexicon:
    """Trigger entries indexed by (pos, lemma), most specific first."""

    def __init__(self, entries: Iterable[TriggerEntry]) -> None:
        self._entries: tuple[TriggerEntry, ...] = tuple(entries)
        index: dict[tuple[str, str], list[TriggerEntry]] = {}
        for entry in self._entries:
            index.setdefault((entry.pos, entry.lemma), []).append(entry)
        # sorted() is stable, so entries of equal specificity keep their file order.
        self._index: dict[tuple[str, str], tuple[TriggerEntry, ...]] = {
            key: tuple(sorted(group, key=lambda e: -e.specificity))
            for key, group in index.items()
        }
        self._lemmas: dict[str, frozenset[str]] = {
            pos: frozenset(lemma for (p, lemma) in self._index if p == pos) for pos in POS_TAGS
        }
        self._flags: dict[tuple[str, str], frozenset[str]] = {
            key: frozenset(flag for entry in group for flag in entry.flags)
            for key, group in self._index.items()
        }

    def __reduce__(self) -> tuple[type[Lexicon], tuple[tuple[TriggerEntry, ...]]]:
        # made anew from its entries: compiled (setup.py), it has no other way to be
        # unpickled (spaCy's worker processes pickle the headline component that holds it)
        return Lexicon, (self._entries,)

    def candidates(self, pos: str, lemma: str) -> list[TriggerEntry]:
        """Entries for this head word, most constraints first, then in file order."""
        # (the key as given first: callers mostly pass it normalised already, and this is
        # asked for every candidate trigger word)
        found = self._index.get((pos, lemma))
        if found is None:
            found = self._index.get((pos.upper(), lemma.lower()), ())
        return list(found)

    def flags(self, pos: str, lemma: str) -> frozenset[str]:
        """Every flag some entry for this head word has (asked for each governing word of
        every mention: "is this a word of intending?")."""
        found = self._flags.get((pos, lemma))  # (the key as given first, as in candidates)
        if found is None:
            found = self._flags.get((pos.upper(), lemma.lower()), frozenset())
        return found

    def lemmas(self, pos: str) -> frozenset[str]:
        """Every lemma with at least one entry for ``pos`` (VERB, NOUN or ADJ)."""
        found = self._lemmas.get(pos)  # (the key as given first, as in candidates)
        if found is None:
            found = self._lemmas.get(pos.upper(), frozenset())
        return found

    def codes(self) -> frozenset[str]:
        """Every CAMEO code some entry signals."""
        return frozenset(e.code for e in self._entries)

    def entries(self) -> tuple[TriggerEntry, ...]:
        """All entries in reading order (user files first, then the built-in file)."""
        return self._entries

    def for_code(self, code: str) -> list[TriggerEntry]:
        """The entries that signal ``code``."""
        return [e for e in self._entries if e.code == code]

    def __len__(self) -> int:
        return len(self._entries)

    @classmethod
    def load(cls, extra: Sequence[Path] = (), *, ontology: Ontology | None = None,
             builtin: bool = True) -> Lexicon:
        """Read the built-in ``triggers.tsv`` and any ``extra`` files in the same format.

        Entries from ``extra`` files are placed before the built-in ones, so a user's
        line wins a tie against a built-in line of the same specificity.
        """
        onto = ontology if ontology is not None else load_ontology()
        paths = [Path(p) for p in extra]
        if builtin:
            paths.append(data_path("triggers.tsv"))
        entries: list[TriggerEntry] = []
        seen: dict[tuple[object, ...], str] = {}
        for path in paths:
            for entry in read_trigger_file(path, onto):
                key = (entry.code, entry.pos, entry.lemma, entry.particle,
                       entry.objects, entry.context)
                if key in seen:
                    file, _, line = entry.origin.rpartition(":")
                    raise KnowledgeError(
                        file, int(line),
                        f"this entry repeats the one at {seen[key]}; remove one of them")
                seen[key] = entry.origin
                entries.append(entry)
        return cls(entries)


def read_trigger_file(path: Path, ontology: Ontology) -> list[TriggerEntry]:
    """Parse one trigger file; raise :class:`KnowledgeError` on the first bad line."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise KnowledgeError(str(path), 0, f"cannot read the trigger file: {exc}") from None
    except UnicodeDecodeError as exc:
        raise KnowledgeError(str(path), 0, f"the trigger file is not UTF-8: {exc}") from None
    entries: list[TriggerEntry] = []
    for lineno, raw in enumerate(text.splitlines(), start=1):
        if not raw.strip() or raw.lstrip().startswith("#"):
            continue
        fields = [f.strip() for f in raw.split("\t")]
        if fields[0] == "code" and fields[1:2] == ["pos"]:
            continue  # the column header line
        entries.append(_parse_line(fields, str(path), lineno, ontology))
    return entries


def _parse_line(fields: list[str], path: str, lineno: int, onto: Ontology) -> TriggerEntry:
    """Turn one line's fields into a :class:`TriggerEntry`, checking every column."""

    def fail(reason: str) -> KnowledgeError:
        return KnowledgeError(path, lineno, reason)

    if len(fields) < 3:
        raise fail(f"expected at least 3 tab-separated columns (code, pos, lemma), found "
                   f"{len(fields)}; are the columns separated by spaces instead of tabs?")
    if len(fields) > len(COLUMNS):
        raise fail(f"expected at most {len(COLUMNS)} tab-separated columns "
                   f"({', '.join(COLUMNS)}), found {len(fields)}")
    fields = fields + ["-"] * (len(COLUMNS) - len(fields))
    code, pos, lemma, particle, objects, context, target, flags = fields

    if not onto.has(code):
        raise fail(f"unknown CAMEO event code {code!r} (codes are listed in cameo.tsv)")
    if pos not in POS_TAGS:
        raise fail(f"pos must be VERB, NOUN or ADJ, not {pos!r}")
    if not _WORD_RE.match(lemma):
        raise fail(f"lemma {lemma!r} must be one lower-case word; put a particle in the "
                   f"particle column and required objects in the objects column")
    if particle != "-" and not _WORD_RE.match(particle):
        raise fail(f"particle {particle!r} must be one lower-case word or '-'")
    if particle != "-" and pos != "VERB":
        raise fail("only a VERB trigger can require a particle")

    object_set: frozenset[str] = frozenset()
    if objects != "-":
        items = objects.split("|")
        bad = [o for o in items if not _WORD_RE.match(o)]
        if bad:
            raise fail(f"objects must be '|'-separated lower-case lemmas; bad item(s): "
                       f"{', '.join(repr(b) for b in bad)}")
        object_set = frozenset(items)

    context_tuple: tuple[str, ...] = ()
    if context != "-":
        alts = context.split("|")
        for alt in alts:
            parts = alt.split("+")
            if not all(p.strip() and _PHRASE_RE.match(p.strip()) for p in parts):
                raise fail(f"context phrase {alt!r} must be lower-case words (join phrases "
                           f"that must all occur with '+')")
        context_tuple = tuple(" ".join(a.split()) for a in alts)

    target_tuple: tuple[str, ...] = ()
    if target != "-":
        slots = target.split("|")
        bad = [t for t in slots if t not in TARGET_SLOTS and t not in PREPOSITIONS]
        if bad:
            raise fail(f"target must be '|'-separated 'obj', 'dative' or prepositions; "
                       f"not understood: {', '.join(repr(b) for b in bad)}")
        target_tuple = tuple(slots)

    flag_set: set[str] = set()
    neg_code: str | None = None
    if flags != "-":
        for flag in (f.strip() for f in flags.split(",")):
            if flag.startswith("neg="):
                neg_code = flag[4:]
                if not onto.has(neg_code):
                    raise fail(f"neg={neg_code}: unknown CAMEO event code")
            elif flag in SIMPLE_FLAGS:
                flag_set.add(flag)
            else:
                raise fail(f"unknown flag {flag!r}; known flags: "
                           f"{', '.join(sorted(SIMPLE_FLAGS))}, neg=CODE")
    if "report" in flag_set and code != "010":
        raise fail("flag 'report' marks a neutral reporting verb and needs code 010")

    return TriggerEntry(
        code=code, pos=pos, lemma=lemma,
        particle=None if particle == "-" else particle,
        objects=object_set, context=context_tuple, target=target_tuple,
        flags=frozenset(flag_set), neg_code=neg_code, origin=f"{path}:{lineno}",
    )


@lru_cache(maxsize=8)
def load_lexicon(extra: tuple[Path, ...] = ()) -> Lexicon:
    """The built-in lexicon plus ``extra`` user files, read once per distinct tuple."""
    return Lexicon.load(tuple(Path(p) for p in extra))
