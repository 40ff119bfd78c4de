"""Built-in actor knowledge and the phrase matcher that finds it in tokenised text.

The knowledge lives in tab-separated files under ``dotterel/data`` (countries, international
bodies, named groups such as armed movements and parties, regions, religions, sector nouns, people with
dated role spells). ``load_knowledge()`` reads them
once, optionally adds user dictionaries in the PETRARCH/TABARI format (see
:mod:`dotterel.resolve.dictionaries`), and returns a :class:`Knowledge` whose :meth:`Knowledge.match`
finds the longest known phrases in a sequence of spaCy token texts.

Matching folds case and accents ("Lopez Obrador" finds "López Obrador"), ignores hyphens, full
stops and apostrophes inside names ("U.S." and "U.S" are the same, "Guinea - Bissau" finds
"Guinea-Bissau"), and lets a possessive "'s" token sit inside a phrase without breaking it
("People 's Republic of China"). A few one-word names are also ordinary English words ("US",
"WHO", "Chad", "Turkey"); those match only when written with the same capitals as in the data.
"""

from __future__ import annotations

import datetime as dt
import gc
import re
import unicodedata
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Final, Iterable, Iterator, Literal, Sequence

from dotterel.errors import KnowledgeError
from dotterel.memo import remember
from dotterel.extract.word_classes import word_class

EntryKind = Literal["country", "igo", "region", "religion", "sector", "person", "actor"]

# When several entries share one phrase, the most specific kind wins: a named person beats a
# user's own dictionary entry (of any kind: a user's "MSF" agent beats our "MSF" body), which
# beats the built-in bodies, countries, regions and nouns.
KIND_PRIORITY: Final[dict[str, int]] = {
    "person": 0, "actor": 1, "igo": 2, "country": 3, "region": 4, "religion": 5, "sector": 6,
}

# One-word names that are also everyday English words. They match only when the text writes
# them with the capitals the knowledge uses: "US"/"WHO" in capitals, "Chad"/"Turkey" capitalised.
ENGLISH_WORDS: Final[frozenset[str]] = word_class("english_name")

# Tokens that may sit inside a phrase without breaking it: a possessive ("López Obrador 's")
# or a hyphen spaCy split off ("Guinea - Bissau").
_TRANSPARENT: Final[frozenset[str]] = frozenset({"'s", "'", "-", "–", "—", "s'"})

# Nouns of geographic features that a country or region name may sit inside without standing
# for it: "the South China Sea", "the Indian Ocean", "the Sea of Japan", "Lake Chad", "the
# Gulf of Aden" (not the Persian Gulf). Written capitalised, they make one place name.
GEO_FEATURES: Final[frozenset[str]] = word_class("geo_feature")

_APOSTROPHES: Final = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'", "ʼ": "'"})
_POSSESSIVE: Final = re.compile(r"'s\b")
_SEPARATORS: Final = re.compile(r"[-–—./'_]")
_WORDS: Final = re.compile(r"\w+|[^\w\s]")


# the words folded and keyed so far (bounded memos: :mod:`dotterel.memo`)
_FOLDED: Final[dict[str, str]] = {}
_PHRASE_KEYS: Final[dict[str, tuple[str, ...]]] = {}
_MEMO_SIZE: Final = 1 << 16


def fold(text: str) -> str:
    """Lower-case ``text`` and strip its accents: "Élysée" -> "elysee".

    Remembered: the same words are folded for every sentence that mentions them."""
    found = _FOLDED.get(text)
    return found if found is not None else remember(_FOLDED, text, _fold(text), _MEMO_SIZE)


def _fold(text: str) -> str:
    """:func:`fold`, not remembered."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_APOSTROPHES))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return stripped.casefold()


def phrase_key(text: str) -> tuple[str, ...]:
    """The words a phrase is matched on: folded, possessives dropped, hyphens and dots as spaces.

    "the U.S." -> ("the", "u", "s"); "Côte d'Ivoire" -> ("cote", "d", "ivoire");
    "LÓPEZ_OBRADOR's" -> ("lopez", "obrador").
    Remembered, as ``fold`` is: every sentence and noun phrase is keyed word by word.
    """
    found = _PHRASE_KEYS.get(text)
    return found if found is not None else remember(_PHRASE_KEYS, text, _phrase_key(text),
                                                         _MEMO_SIZE)


def _phrase_key(text: str) -> tuple[str, ...]:
    """:func:`phrase_key`, not remembered."""
    folded = _POSSESSIVE.sub(" ", fold(text))
    return tuple(_WORDS.findall(_SEPARATORS.sub(" ", folded)))


@dataclass(frozen=True)
class RoleSpell:
    """A code held for a time: ``MEXGOV`` as "president" from 2018-12-01 to 2024-09-30.

    ``start`` and ``end`` are inclusive; ``None`` leaves that side open.
    """

    code: str
    role: str = ""
    start: dt.date | None = None
    end: dt.date | None = None

    def covers(self, day: dt.date) -> bool:
        """Whether the spell is in force on ``day``."""
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


@dataclass(frozen=True)
class Entry:
    """One thing the knowledge knows: a country, a body, a region, a sector noun, a person.

    ``code`` is the ISO alpha-3 code for a country, the full CAMEO code for a body, region, user
    dictionary actor or person (a person's default: the code of their ongoing spell, or their
    country's ``ELI`` once every spell has ended), and the sector code for a sector noun. A user
    agent dictionary code that goes *before* the country keeps its tilde (``NGO~``).
    ``seat`` marks a capital or seat of power standing for a country's government ("the Kremlin");
    ``demonym`` an adjective or a word for its people ("Mexican", "Iraqis").
    """

    kind: EntryKind
    code: str
    name: str
    spells: tuple[RoleSpell, ...] = ()
    person_role: bool = False
    seat: bool = False
    demonym: bool = False
    aliases: tuple[str, ...] = field(default=(), compare=False)

    def code_on(self, day: dt.date | None) -> RoleSpell | None:
        """The spell in force on ``day``, or ``None`` (then ``code`` applies).

        The first listed spell that covers the day wins, as in PETRARCH dictionaries. For a
        person whose spells have all ended by ``day``, the answer is a derived spell: their
        country's ``ELI`` code and the role "former <last role>" (Jorge Glas in 2019 is
        ``ECUELI``, "former vice president").
        """
        if day is None or not self.spells:
            return None
        for spell in self.spells:
            if spell.covers(day):
                return spell
        if self.kind != "person":
            return None
        ended = [s for s in self.spells if s.end is not None and s.end < day]
        if not ended:
            return None
        last = max(ended, key=lambda s: s.end or dt.date.min)
        role = last.role
        if role and not role.startswith("former "):
            role = f"former {role}"
        start = last.end + dt.timedelta(days=1) if last.end else None
        return RoleSpell(code=last.code[:3] + "ELI", role=role, start=start, end=None)


@dataclass(slots=True, init=False)
class PhraseMatch:
    """A known phrase found at token indices ``[start, end)``.

    ``alternatives``: other entries of the same kind written the same way (a user dictionary
    may list "PRESIDENT_BUSH" under two people, each with the dates of their office).

    Every sentence's and phrase's matches are made anew: a plain dataclass with an
    ``__init__`` of its own, which mypyc compiles (the one ``@dataclass`` writes runs as
    Python, a frozen one's setting each field through ``object.__setattr__``: over ten
    times slower). Nothing changes one once made.
    """

    start: int
    end: int
    entry: Entry
    alternatives: tuple[Entry, ...]

    def __init__(self, start: int, end: int, entry: Entry,
                 alternatives: tuple[Entry, ...] = ()) -> None:
        self.start = start
        self.end = end
        self.entry = entry
        self.alternatives = alternatives

    def entry_on(self, day: dt.date | None) -> Entry:
        """The entry whose dated code is in force on ``day``, else the first one."""
        if day is not None and self.alternatives:
            for entry in (self.entry, *self.alternatives):
                if any(spell.covers(day) for spell in entry.spells):
                    return entry
        return self.entry


@dataclass(frozen=True)
class Phrase:
    """One way of writing an entry: the words it is matched on, and how strictly.

    ``stem``: the last word also matches any longer word that begins with it (TABARI entries
    without a trailing underscore, "ARGENTIN" -> "Argentina"). ``case``: for one-word phrases
    that are also English words, the capitals the token must have: ``"upper"`` (all capitals),
    ``"title"`` (an initial capital) or ``""`` (any). ``user``: the phrase comes from a user
    dictionary; on a phrase the built-in knowledge also has, the user's reading wins.
    """

    words: tuple[str, ...]
    entry: Entry
    stem: bool = False
    case: Literal["upper", "title", ""] = ""
    user: bool = False


class _Node:
    """A node of the phrase trie: children by word, entries ending here, stems ending here."""

    __slots__ = ("children", "phrases", "stems")

    def __init__(self) -> None:
        self.children: dict[str, _Node] = {}
        self.phrases: list[Phrase] = []
        # first four letters of a stem -> phrases whose last word is that stem
        self.stems: dict[str, list[Phrase]] = {}


_STEM_INDEX: Final = 4  # a stem shorter than this matches only whole words (too many false hits)
# how many token texts a Knowledge remembers its readings of (see Knowledge._word) before
# it starts afresh: a news text repeats its words, a corpus its vocabulary
WORD_MEMO_SIZE: Final = 1 << 16


class _Word:
    """What the matcher reads of one token text (see :meth:`Knowledge._word`). (A plain
    class: compiled, its attributes are read as a struct's, where a named tuple's are
    looked up by name, and the matcher reads them for every word of every sentence.)"""

    def __init__(self, key: tuple[str, ...], starts: bool, transparent: bool,
                 misspells: Entry | None) -> None:
        self.key = key  # its phrase_key
        self.starts = starts  # whether a phrase may begin with it (as a word or a stem)
        self.transparent = transparent  # a possessive or a hyphen, which does not break a name
        self.misspells = misspells  # the country it misspells (see Knowledge._misspelt)
        # whether it is a "the" (told apart as a flag: a tuple compared for every word
        # of every sentence is built and compared item by item)
        self.the = key == ("the",)


def _case_ok(phrase: Phrase, texts: Sequence[str]) -> bool:
    if not phrase.case:
        return True
    letters = "".join(texts)
    if phrase.case == "upper":
        return letters.isupper()
    return letters[:1].isupper()


# States whose people's names are written family name first, in news as at home ("Xi
# Jinping" is "Xi", "Moon Jae-in" is "Moon"): their office holders' canonical names give the
# first word as the surname too.
FAMILY_NAME_FIRST: Final = frozenset({"CHN", "TWN", "KOR", "PRK"})


def _surnames_of(phrase: Phrase) -> tuple[str, ...]:
    """The words of a person's phrase that name them alone: the last one, and the first
    of a canonical name written family name first (aliases such as "William Lai" are
    written the Western way)."""
    words, entry = phrase.words, phrase.entry
    if (words == phrase_key(entry.name) and entry.spells
            and entry.spells[0].code[:3] in FAMILY_NAME_FIRST):
        return (words[-1], words[0])
    return (words[-1],)


class Knowledge:
    """Actor knowledge with a phrase matcher. Build it with :func:`load_knowledge`."""

    def __init__(self, phrases: Iterable[Phrase]) -> None:
        self._phrases: tuple[Phrase, ...] = tuple(phrases)
        self._root = _Node()
        self._countries: dict[str, Entry] = {}
        self._exact: dict[tuple[str, ...], list[Entry]] = {}
        # a one-word country name or demonym, and each of its inner letters left out:
        # the keys a misspelt name is looked up by (see _misspelt)
        self._near: dict[str, list[tuple[str, Entry]]] = {}
        self._surnames: dict[str, list[Entry]] = {}  # a known person's last name -> them
        self._near_surnames: dict[str, set[str]] = {}  # as _near, for those last names
        # token text -> its reading: every sentence and noun phrase is matched word by
        # word, and a text repeats its words
        self._words: dict[str, _Word] = {}
        # (token text, its lemma's key) -> the first step of a walk from it (see _longest_at)
        self._first_steps: dict[tuple[str, tuple[str, ...] | None],
                                tuple[Phrase | None, list[_Node]]] = {}
        self._surname_of: dict[str, Entry | None] = {}  # token text -> surname()'s answer
        for phrase in self._phrases:
            self._add(phrase)

    def _add(self, phrase: Phrase) -> None:
        if not phrase.words:
            return
        entry = phrase.entry
        if entry.kind == "country" and not entry.seat and not entry.demonym:
            self._countries.setdefault(entry.code, entry)
        if (entry.kind == "country" and len(phrase.words) == 1 and not phrase.user
                and len(phrase.words[0]) >= MISSPELT_MIN and phrase.words[0].isalpha()):
            name = phrase.words[0]
            for key in (name, *_inner_deletions(name)):
                self._near.setdefault(key, []).append((name, entry))
        known = self._exact.setdefault(phrase.words, [])
        if entry not in known:
            known.append(entry)
        if entry.kind == "person" and len(phrase.words) > 1:
            for surname in _surnames_of(phrase):
                bearers = self._surnames.setdefault(surname, [])
                if entry not in bearers:
                    bearers.append(entry)
                if len(surname) >= MISSPELT_MIN and surname.isalpha():
                    for key in (surname, *_inner_deletions(surname)):
                        self._near_surnames.setdefault(key, set()).add(surname)
        last = phrase.words[-1]
        if phrase.stem and len(last) >= _STEM_INDEX:
            node = self._node_for(phrase.words[:-1])
            node.stems.setdefault(last[:_STEM_INDEX], []).append(phrase)
            return
        self._node_for(phrase.words).phrases.append(phrase)

    def _node_for(self, words: tuple[str, ...]) -> _Node:
        """The trie node a word sequence leads to, made as needed."""
        node = self._root
        for word in words:
            child = node.children.get(word)
            if child is None:  # (setdefault would build a node for every word of every phrase)
                child = node.children[word] = _Node()
            node = child
        return node

    @property
    def phrases(self) -> tuple[Phrase, ...]:
        """Every phrase the knowledge matches on, built-in first, then user dictionaries."""
        return self._phrases

    def entries(self, kind: EntryKind | None = None) -> list[Entry]:
        """Every distinct entry (of one ``kind`` if given), in the order the files list them."""
        seen: dict[int, Entry] = {}
        for phrase in self._phrases:
            if kind is None or phrase.entry.kind == kind:
                seen.setdefault(id(phrase.entry), phrase.entry)
        return list(seen.values())

    def country(self, iso3: str) -> Entry | None:
        """The country entry for an ISO alpha-3 code ("MEX"), or ``None``."""
        return self._countries.get(iso3.upper())

    def country_name(self, iso3: str) -> str:
        """The canonical name of a country ("MEX" -> "Mexico"); the code itself if unknown."""
        entry = self.country(iso3)
        return entry.name if entry else iso3

    def lookup(self, phrase: str) -> list[Entry]:
        """Entries written exactly as ``phrase`` (folded), of any kind, most specific kind first."""
        found = self._exact.get(phrase_key(phrase), [])
        return sorted(found, key=lambda e: KIND_PRIORITY[e.kind])

    def surname(self, word: str) -> Entry | None:
        """The one known person whose name ends in ``word`` ("Reagan"), or misspelt by
        one slip ("Bouteflicka"), or None when no one's or several people's do ("Bush")."""
        # (remembered by text: it is asked of most proper names of every document, and
        # the search for a slip looks up a key for each letter of a name no one bears)
        memo = self._surname_of
        if word in memo:
            return memo[word]
        folded = fold(word)
        bearers = self._surnames.get(folded)
        if bearers is None and len(folded) >= MISSPELT_MIN and folded.isalpha():
            near = {name for key in (folded, *_inner_deletions(folded))
                    for name in self._near_surnames.get(key, ()) if _one_slip(folded, name)}
            bearers = self._surnames[near.pop()] if len(near) == 1 else []
        if len(memo) >= WORD_MEMO_SIZE:
            memo.clear()
        found = memo[word] = bearers[0] if bearers and len(bearers) == 1 else None
        return found

    def bearers(self, word: str) -> list[Entry]:
        """Every known person whose name ends in ``word`` ("Bush": both presidents)."""
        return list(self._surnames.get(fold(word), ()))

    def match(self, words: Sequence[str], lemmas: Sequence[str] | None = None,
              stops: list[int] | None = None) -> list[PhraseMatch]:
        """Longest known phrases in a token sequence, left to right, without overlaps.

        ``words`` are token texts (spaCy ``token.text``); ``lemmas``, when given, are tried as
        well so that plurals match their singular ("ministers" -> "minister"). When several
        entries share the longest phrase, the most specific kind wins (person > any user
        entry > IGO > country > region > sector).

        ``stops``, when given, receives every position the scan looks for a phrase at:
        all but those inside a match, or skipped by a "the" looking past itself. A run of
        the words that begins at one of them, that no match crosses the end of and that
        does not end in "the" has the matches found inside it here, moved to its start
        (the scan from that position meets the same phrases, none cut short).
        """
        # (the memo is read here, and _word called only for a text not in it: this
        # runs for every word of every sentence and phrase)
        read, memo = self._word, self._words
        said = [memo.get(w) or read(w) for w in words]
        said_lemmas = [memo.get(lm) or read(lm) for lm in lemmas] if lemmas is not None else []
        transparent = [w.transparent for w in said]
        n_lemmas = len(said_lemmas)
        out: list[PhraseMatch] = []
        # the longest phrase after a "the", looked up past it, and where: when the "the"
        # begins none, the scan goes on at that word, whose phrase is then this one (a
        # plain variable, not a memo of every position: compiled, a closure is dear)
        ahead: PhraseMatch | None = None
        ahead_at = -1
        i = 0
        while i < len(words):
            if stops is not None:
                stops.append(i)
            word = said[i]
            if not word.the and not (word.starts or (
                    i < n_lemmas and said_lemmas[i].starts)):
                # most words begin no phrase: said without a call of _longest_at
                if word.misspells is not None:
                    out.append(PhraseMatch(start=i, end=i + 1, entry=word.misspells))
                i += 1
                continue
            best = (ahead if ahead_at == i
                    else self._longest_at(i, words, said, said_lemmas, transparent))
            if word.the and i + 1 < len(words):
                # "the" belongs to a name only when the name is written with it ("the Kremlin");
                # otherwise it must not hide a longer name that follows it
                # ("the United States of America", known without "the")
                after = self._longest_at(i + 1, words, said, said_lemmas, transparent)
                ahead, ahead_at = after, i + 1
                if after is not None and (best is None or after.end > best.end):
                    best = after
            if best is None:
                i += 1
                continue
            out.append(best)
            i = best.end
        return out

    def _longest_at(self, i: int, words: Sequence[str], said: list[_Word],
                    said_lemmas: list[_Word], transparent: list[bool]) -> PhraseMatch | None:
        """The longest phrase beginning at word ``i``; ``said`` and ``said_lemmas``:
        the readings of the words and of their lemmas (none without lemmas), and
        ``transparent`` whether each word is (see :class:`_Word`)."""
        if not said[i].key or said[i].transparent:
            return None
        if not (said[i].starts or (i < len(said_lemmas) and said_lemmas[i].starts)):
            return None  # most words begin no phrase: one lookup says so
        # the first word's step of the walk, taken once per text and lemma: it depends on
        # them alone (a phrase it ends is one word long), and it is the dearest step (the
        # trie's root has the most stems)
        first = (words[i], said_lemmas[i].key if i < len(said_lemmas) else None)
        step = self._first_steps.get(first)
        if step is None:
            if len(self._first_steps) >= WORD_MEMO_SIZE:
                self._first_steps.clear()
            after, nodes = self._step([self._root], i, None, i, words, said, said_lemmas,
                                      transparent)
            step = self._first_steps[first] = (after[1] if after else None, nodes)
        best = (i + 1, step[0]) if step[0] is not None else None
        nodes = step[1]
        j = i + 1
        while j < len(words) and nodes:
            if not transparent[j]:  # a possessive or hyphen inside a name does not break it
                best, nodes = self._step(nodes, j, best, i, words, said, said_lemmas,
                                         transparent)
            j += 1
        if best is None:
            return None
        end, phrase = best
        entry = phrase.entry
        if not entry.spells:
            return PhraseMatch(start=i, end=end, entry=entry)  # (most: no alternatives)
        others = tuple(e for e in self._exact.get(phrase.words, ()) if e.kind == entry.kind
                       and e is not entry and e.spells)
        return PhraseMatch(start=i, end=end, entry=entry, alternatives=others)

    def _step(self, nodes: list[_Node], j: int, best: tuple[int, Phrase] | None, i: int,
              words: Sequence[str], said: list[_Word], said_lemmas: list[_Word],
              transparent: list[bool]) -> tuple[tuple[int, Phrase] | None, list[_Node]]:
        """One step of :meth:`_longest_at`'s walk of the trie from word ``i``: the best
        phrase (its end and itself) ending at word ``j`` or before, given ``best``, the best
        before it, and the trie's nodes reached from ``nodes`` by word ``j``."""
        key = said[j].key
        lemma_key = said_lemmas[j].key if j < len(said_lemmas) else key
        alternatives = (key,) if lemma_key == key else (key, lemma_key)
        next_nodes: list[_Node] = []
        for node in nodes:
            for alt in alternatives:
                if not alt:
                    continue
                # (a one-word key, most of them, is looked up here: no calls)
                if len(alt) > 1 or node.stems:
                    for phrase in self._stem_hits(node, alt):
                        best = self._better(best, j + 1, phrase, words, i, transparent)
                walked = (node.children.get(alt[0]) if len(alt) == 1
                          else self._walk(node, alt))
                if walked is not None and walked not in next_nodes:
                    next_nodes.append(walked)
        for node in next_nodes:
            for phrase in node.phrases:
                if not phrase.case and (best is None or best[0] <= j):
                    # (what _better gives a phrase longer than the best so far that
                    # asks for no capitals, said without a call: most phrases)
                    best = (j + 1, phrase)
                else:
                    best = self._better(best, j + 1, phrase, words, i, transparent)
        return best, next_nodes

    def _word(self, text: str) -> _Word:
        """The matcher's reading of a token text, worked out once per text."""
        found = self._words.get(text)
        if found is None:
            if len(self._words) >= WORD_MEMO_SIZE:
                self._words.clear()
            key = phrase_key(text)
            found = self._words[text] = _Word(key=key, starts=self._may_start(key),
                                              transparent=fold(text) in _TRANSPARENT,
                                              misspells=self._misspelt(text))
        return found

    def _misspelt(self, word: str) -> Entry | None:
        """The country a capitalised word misspells by one letter left out, added or two
        swapped inside it ("Isreal", "Ethopia", "Afganistan", "Phillippines"), when it
        misspells only one (read once per text with its :class:`_Word`; it counts only
        for a word no phrase begins with). The first and last letters must stand, and no
        letter may be replaced: "Indiana" is no "Indian", "Columbia" no "Colombia"."""
        if len(word) < MISSPELT_MIN or not word[:1].isupper() or not word[1:].islower():
            return None
        folded = fold(word)
        misspelt = None
        if folded.isalpha():
            found = {id(entry): entry for key in (folded, *_inner_deletions(folded))
                     for name, entry in self._near.get(key, ()) if _one_slip(folded, name)}
            codes = {entry.code for entry in found.values()}
            misspelt = next(iter(found.values())) if len(codes) == 1 else None
        return misspelt

    def _may_start(self, key: tuple[str, ...]) -> bool:
        """Whether a phrase may begin with a token keyed ``key`` (as a word or a stem)."""
        if not key:
            return False
        root = self._root
        return key[0] in root.children or (len(key) == 1 and key[0][:_STEM_INDEX] in root.stems)

    @staticmethod
    def _walk(node: _Node, key: tuple[str, ...]) -> _Node | None:
        for word in key:
            child = node.children.get(word)
            if child is None:
                return None
            node = child
        return node

    @staticmethod
    def _stem_hits(node: _Node, key: tuple[str, ...]) -> list[Phrase]:
        # A stem may only be the last word of a phrase and must close on this token's last word.
        for word in key[:-1]:
            child = node.children.get(word)
            if child is None:
                return []
            node = child
        last = key[-1]
        if not node.stems:
            return []
        candidates = node.stems.get(last[:_STEM_INDEX], [])
        return [p for p in candidates if last.startswith(p.words[-1])]

    @staticmethod
    def _better(best: tuple[int, Phrase] | None, end: int, phrase: Phrase, words: Sequence[str],
                start: int, transparent: list[bool]) -> tuple[int, Phrase] | None:
        if phrase.case and not _case_ok(
                phrase, [w for k, w in enumerate(words[start:end], start) if not transparent[k]]):
            return best
        if best is None or end > best[0]:
            return (end, phrase)
        if end == best[0]:
            old, new = best[1], phrase
            # a person, then a user's entry (even a stem one) over a built-in name, then
            # the more specific kind; a whole-word match beats a stem
            if _rank(old) > _rank(new):
                return (end, phrase)
        return best

    def with_dictionaries(self, actor_files: Sequence[Path] = (),
                          agent_files: Sequence[Path] = ()) -> Knowledge:
        """A new Knowledge with the entries of user PETRARCH/TABARI dictionaries added.

        The built-in entries stay: user dictionaries add phrases, they never replace any. Raises
        :class:`dotterel.errors.DictionaryError` for a line that cannot be read.
        """
        # imported here because the dictionary reader builds this module's Entry objects
        from dotterel.resolve.dictionaries import (mark_person_roles, read_actor_file,
                                                   read_agent_file)

        with _collector_paused():
            extra: list[Phrase] = []
            for path in actor_files:
                extra.extend(read_actor_file(Path(path)))
            agents: list[Phrase] = []
            for path in agent_files:
                agents.extend(read_agent_file(Path(path)))
            # a user agent whose head noun is a built-in person role ("deputy foreign
            # minister") is one too, so "Deputy Foreign Minister X" still names a person
            person_nouns = {p.words[-1] for p in self._phrases
                            if p.entry.kind == "sector" and p.entry.person_role}
            extra.extend(mark_person_roles(agents, person_nouns.__contains__))
            if not extra:
                return self
            return Knowledge(self._phrases + tuple(extra))


MISSPELT_MIN: Final = 6  # shorter names are too near other words to read a slip in them


def _feature_word(text: str) -> bool:
    """Whether a token is a capitalised geographic feature noun ("Sea", "Gulf", "Lake")."""
    return text[:1].isupper() and text.lower() in GEO_FEATURES


def in_feature_name(words: Sequence[str], start: int, end: int) -> bool:
    """Whether the name ``words[start:end]`` is only part of a sea's, a lake's or a river's
    name: a feature noun follows it ("the South China Sea", "the Indian Ocean", "the Jordan
    River") or comes before it with "of" ("the Gulf of Mexico", "the Sea of Japan") or
    alone ("Lake Chad")."""
    return ((end < len(words) and _feature_word(words[end]))
            or (start >= 1 and words[start - 1] == "Lake")
            or (start >= 2 and words[start - 1] == "of" and _feature_word(words[start - 2])))


def inside_place_name(words: Sequence[str], start: int, end: int, kind: str) -> bool:
    """Whether a country or region name ``words[start:end]`` (``kind``: its entry's kind)
    is only part of a longer geographic name and so names no actor: inside a sea's, a
    lake's or a river's name (:func:`in_feature_name`), after "New" ("New Mexico", "New
    England", "New Caledonia": other places, named after it), or a region's name followed
    by "of" and a capitalised name ("the Gulf of Aden" is not the Persian Gulf)."""
    if kind not in ("country", "region"):
        return False
    if start >= 1 and words[start - 1] == "New":
        return True
    return in_feature_name(words, start, end) or (
        kind == "region" and end + 1 < len(words) and words[end] == "of"
        and words[end + 1][:1].isupper())


def _inner_deletions(word: str) -> list[str]:
    """``word`` with one of its inner letters (not the first or the last) left out."""
    return [word[:k] + word[k + 1:] for k in range(1, len(word) - 1)]


def _one_slip(word: str, name: str) -> bool:
    """Whether ``word`` is ``name`` with one inner letter left out or added, or two
    neighbouring inner letters swapped; never ``name`` itself."""
    if word == name or word[0] != name[0] or word[-1] != name[-1]:
        return False
    if len(word) == len(name):
        diff = [k for k in range(len(word)) if word[k] != name[k]]
        return (len(diff) == 2 and diff[1] == diff[0] + 1
                and word[diff[0]] == name[diff[1]] and word[diff[1]] == name[diff[0]])
    short, long_ = sorted((word, name), key=len)
    return len(long_) == len(short) + 1 and short in _inner_deletions(long_)


def _rank(phrase: Phrase) -> tuple[bool, bool, int, bool]:
    """How a phrase ranks against another written alike, lowest first: a named person, then
    a user's entry, then the more specific kind; a whole-word match before a stem."""
    return (phrase.entry.kind != "person", not phrase.user, KIND_PRIORITY[phrase.entry.kind],
            phrase.stem)


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Pause Python's cycle collector while a large dictionary is read into objects.

    Reading the Phoenix dictionaries makes a few hundred thousand objects that all live on;
    the collector would rescan the growing heap again and again for cycles that cannot be
    there, which takes a third of the load time. It runs again as before afterwards."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


# ---------------------------------------------------------------------------------------------
# Reading the built-in data files

DATA_DIR: Final[Path] = Path(__file__).resolve().parent.parent / "data"


def _data_path(name: str) -> Path:
    return DATA_DIR / name


def _rows(path: Path, columns: int, required: Sequence[int]) -> Iterator[tuple[int, list[str]]]:
    """(line number, cells) for each data line: header, blank lines and ``#`` comments skipped."""
    with path.open(encoding="utf-8", newline="") as handle:
        header_seen = False
        for number, raw in enumerate(handle, start=1):
            line = raw.rstrip("\r\n")
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            if not header_seen:
                header_seen = True
                continue
            cells = [c.strip() for c in line.split("\t")]
            if len(cells) > columns:
                raise KnowledgeError(str(path), number, f"expected at most {columns} tab-separated "
                                     f"columns, found {len(cells)}")
            cells += [""] * (columns - len(cells))
            missing = [k for k in required if not cells[k]]
            if missing:
                raise KnowledgeError(str(path), number, f"column {missing[0] + 1} is empty")
            yield number, cells


def _alternatives(cell: str) -> list[str]:
    return [part.strip() for part in cell.split("|") if part.strip()]


_CODE: Final = re.compile(r"^[A-Z0-9]{3,}$")


def _check_code(path: Path, number: int, code: str, length: int | None = None) -> str:
    if not _CODE.match(code) or (length is not None and len(code) != length):
        want = f"{length} capital letters" if length else "capital letters and digits"
        raise KnowledgeError(str(path), number, f"bad code {code!r}: expected {want}")
    return code


def case_rule(written: str) -> Literal["upper", "title", ""]:
    """How a one-word built-in name must be capitalised in text to match.

    An acronym written in capitals ("US", "WHO", "PA", "AMLO") must be in capitals in the text;
    a capitalised name that is also an English word ("Chad", "Turkey") needs its capital.
    """
    key = phrase_key(written)
    if len(key) != 1:
        return ""
    letters = re.sub(r"\W", "", written)
    if len(letters) > 1 and letters.isupper():
        return "upper"
    if key[0] in ENGLISH_WORDS and letters[:1].isupper():
        return "title"
    return ""


def _phrases_for(entry: Entry, names: Iterable[str]) -> list[Phrase]:
    out: list[Phrase] = []
    seen: set[tuple[str, ...]] = set()
    for name in names:
        key = phrase_key(name)
        if key and key not in seen:
            seen.add(key)
            out.append(Phrase(words=key, entry=entry, case=case_rule(name)))
    return out


def read_countries(path: Path) -> list[Phrase]:
    """Phrases from a countries file: iso3, name, names, adjectives/demonyms, seats of power."""
    out: list[Phrase] = []
    for number, (iso3, name, names, adjectives, seats) in _rows(path, 5, (0, 1)):
        _check_code(path, number, iso3, 3)
        country = Entry(kind="country", code=iso3, name=name, aliases=tuple(_alternatives(names)))
        out += _phrases_for(country, [name, *country.aliases])
        if adjectives:
            people = Entry(kind="country", code=iso3, name=name, demonym=True,
                           aliases=tuple(_alternatives(adjectives)))
            out += _phrases_for(people, people.aliases)
        if seats:
            seat = Entry(kind="country", code=iso3, name=name, seat=True,
                         aliases=tuple(_alternatives(seats)))
            out += _phrases_for(seat, seat.aliases)
    return out


def read_named(path: Path, kind: Literal["igo", "region", "religion", "actor"]) -> list[Phrase]:
    """Phrases from an IGO, group, region or religion file: code, canonical name, other names.

    Named groups (``groups.tsv``: armed groups, parties, movements) are read as ``"actor"``
    entries, the kind user dictionary actors have, so they match like named actors."""
    out: list[Phrase] = []
    for number, (code, name, names) in _rows(path, 3, (0, 1)):
        _check_code(path, number, code)
        entry = Entry(kind=kind, code=code, name=name, aliases=tuple(_alternatives(names)))
        out += _phrases_for(entry, [name, *entry.aliases])
    return out


def _plural(word: str) -> str:
    if word.endswith("s") and not word.endswith("ss"):
        return word  # already plural ("authorities") or a mass noun ("news")
    if word.endswith("man"):
        return word[:-3] + "men"
    if re.search(r"(x|z|ch|sh|ss)$", word):
        return word + "es"
    if re.search(r"[^aeiou]y$", word):
        return word[:-1] + "ies"
    return word + "s"


def read_sectors(path: Path) -> list[Phrase]:
    """Phrases from a sectors file: phrase, sector code, person role (yes/no).

    The regular plural of each phrase is added too, so that text matches without lemmas,
    unless the file lists that plural itself ("rebels" as a group, apart from "rebel").
    """
    rows: list[Entry] = []
    for number, (phrase, code, person) in _rows(path, 3, (0, 1)):
        _check_code(path, number, code)
        if person.lower() not in ("", "yes", "no"):
            raise KnowledgeError(str(path), number, f"person-role must be yes or no, not {person!r}")
        rows.append(Entry(kind="sector", code=code, name=phrase,
                          person_role=person.lower() == "yes"))
    written = {phrase_key(entry.name) for entry in rows}
    out: list[Phrase] = []
    for entry in rows:
        out += _phrases_for(entry, [entry.name])
        words = entry.name.split()
        plural = " ".join([*words[:-1], _plural(words[-1])])
        if phrase_key(plural) not in written:
            out += _phrases_for(entry, [plural])
    return out


def _iso_date(path: Path, number: int, text: str) -> dt.date | None:
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise KnowledgeError(str(path), number, f"bad date {text!r}: expected YYYY-MM-DD") from None


def parse_spell(path: Path, number: int, text: str) -> RoleSpell:
    """A ``CODE:role:start:end`` spell from a people file."""
    parts = text.split(":")
    if len(parts) != 4:
        raise KnowledgeError(str(path), number,
                             f"bad spell {text!r}: expected CODE:role:start:end")
    code, role, start, end = (p.strip() for p in parts)
    _check_code(path, number, code)
    spell = RoleSpell(code=code, role=role, start=_iso_date(path, number, start),
                      end=_iso_date(path, number, end))
    if spell.start and spell.end and spell.end < spell.start:
        raise KnowledgeError(str(path), number, f"spell {text!r} ends before it starts")
    return spell


def person_default_code(spells: Sequence[RoleSpell]) -> str:
    """A person's code when no date is known: the latest ongoing spell, else country + ELI."""
    ongoing = [s for s in spells if s.end is None]
    if ongoing:
        return max(ongoing, key=lambda s: s.start or dt.date.min).code
    latest = max(spells, key=lambda s: s.end or dt.date.min)
    return latest.code[:3] + "ELI"


def read_people(path: Path) -> list[Phrase]:
    """Phrases from a people file: name, aliases, spells (``CODE:role:start:end``, "|"-separated)."""
    out: list[Phrase] = []
    for number, (name, aliases, spells_cell) in _rows(path, 3, (0, 2)):
        spells = tuple(parse_spell(path, number, s) for s in _alternatives(spells_cell))
        entry = Entry(kind="person", code=person_default_code(spells), name=name, spells=spells,
                      aliases=tuple(_alternatives(aliases)))
        out += _phrases_for(entry, [name, *entry.aliases])
    return out


def read_builtin(data_dir: Path | None = None) -> list[Phrase]:
    """Every phrase of the built-in data files (from ``data_dir`` if given)."""
    def where(name: str) -> Path:
        return data_dir / name if data_dir is not None else _data_path(name)

    return (read_countries(where("countries.tsv")) + read_named(where("igos.tsv"), "igo")
            + read_named(where("groups.tsv"), "actor")
            + read_named(where("regions.tsv"), "region")
            + read_named(where("religions.tsv"), "religion") + read_sectors(where("sectors.tsv"))
            + read_people(where("people.tsv")))


@lru_cache(maxsize=1)
def successions() -> dict[str, tuple[str, dt.date]]:
    """New state -> (the state it left, its first day), from ``successions.tsv``."""
    path = _data_path("successions.tsv")
    out: dict[str, tuple[str, dt.date]] = {}
    for number, (code, predecessor, since) in _rows(path, 3, (0, 1, 2)):
        try:
            day = dt.date.fromisoformat(since)
        except ValueError as exc:
            raise KnowledgeError(str(path), number, f"bad date {since!r}") from exc
        out[_check_code(path, number, code, 3)] = (_check_code(path, number, predecessor, 3), day)
    return out


@lru_cache(maxsize=1)
def period_names() -> dict[str, list[tuple[str, str, dt.date, dt.date, tuple[str, ...]]]]:
    """A folded one-word name -> (the state it names otherwise, the state it named in a
    period, the period's first and last days, the folded phrases of a longer name in
    which it keeps naming the usual state), from ``period_names.tsv``."""
    path = _data_path("period_names.tsv")
    out: dict[str, list[tuple[str, str, dt.date, dt.date, tuple[str, ...]]]] = {}
    for number, (name, usual, then, since, until, unless) in _rows(path, 6, (0, 1, 2, 3, 4)):
        try:
            first, last = dt.date.fromisoformat(since), dt.date.fromisoformat(until)
        except ValueError as exc:
            raise KnowledgeError(str(path), number, f"bad date {since!r} or {until!r}") from exc
        longer = tuple(fold(p) for p in unless.split("|") if p.strip() and p != "-")
        out.setdefault(fold(name), []).append(
            (_check_code(path, number, usual, 3), _check_code(path, number, then, 3), first, last,
             longer))
    return out


@lru_cache(maxsize=1)
def names_settled() -> dt.date:
    """The first day from which no name stands for another state than it does today and
    every state of ``successions.tsv`` exists: on it and after, neither table changes an
    actor (most news is dated so)."""
    ends = [last + dt.timedelta(days=1) for periods in period_names().values()
            for _, _, _, last, _ in periods]
    return max([*ends, *(first for _, first in successions().values())], default=dt.date.min)


@lru_cache(maxsize=1)
def builtin_knowledge() -> Knowledge:
    """The built-in knowledge alone, read once."""
    return Knowledge(read_builtin())


@lru_cache(maxsize=8)
def load_knowledge(actor_files: tuple[Path, ...] = (),
                   agent_files: tuple[Path, ...] = ()) -> Knowledge:
    """The built-in knowledge plus any user actor/agent dictionaries, read once per file set."""
    return builtin_knowledge().with_dictionaries(actor_files, agent_files)


__all__ = [
    "Entry", "EntryKind", "Knowledge", "Phrase", "PhraseMatch", "RoleSpell", "builtin_knowledge",
    "fold", "in_feature_name", "inside_place_name", "load_knowledge", "period_names", "phrase_key",
    "successions",
]
