"""Places in parsed text: which words name places, and where an event happened.

* :func:`find_places` resolves the place names of a sentence or document (spaCy GPE, LOC
  and FAC entities, plus place names the small English model misses or mislabels,
  which it does often: "near Kyiv's main square" tags Kyiv as a PERSON).
* :func:`event_place` picks, for an event trigger, the place its clause puts it in:
  "raided the Mexican Embassy in Quito" -> Quito; "In Gaza, troops stormed..." -> Gaza.
* :func:`dateline_place` reads the dateline of an article ("QUITO, April 5 (Reuters) -").

Names are resolved with the offline GeoNames gazetteer of :mod:`dotterel.resolve.gazetteer`
(GeoNames data, CC BY 4.0), re-exported here.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import deque
from collections.abc import Sequence
from typing import TYPE_CHECKING, Final

from dotterel.extract.word_classes import word_class
from dotterel.resolve.gazetteer import Gazetteer, load_gazetteer, normalize_name
from dotterel.resolve.knowledge import in_feature_name
from dotterel.types import Place

if TYPE_CHECKING:  # spaCy is only needed by callers that already hold parsed text
    from spacy.tokens import Doc, Span, Token

    from dotterel.nlp.arrays import ParseArrays

__all__ = ["Gazetteer", "dateline_place", "event_place", "find_places", "load_gazetteer"]

_PLACE_LABELS: Final = frozenset({"GPE", "LOC", "FAC"})
# Prepositions after which a capitalised name is a place ("in Quito", "near Rafah").
_PLACE_PREPOSITIONS: Final = frozenset({"in", "at", "near", "outside", "inside", "across", "around",
                                        "throughout", "within", "into", "from", "to", "toward",
                                        "towards", "outskirts", "between", "on"})
# Prepositions that say where an event happened: any place after them counts.
_STRONG_LOCATIVES: Final = frozenset({"in", "at", "near", "outside", "inside", "across", "around",
                                      "throughout", "within", "into", "nearby", "off", "along"})
# Prepositions that name a place only when it is smaller than a country: "an attack on
# Kyiv" happened in Kyiv; "sanctions on Russia" did not happen in Russia.
_WEAK_LOCATIVES: Final = frozenset({"on", "to", "toward", "towards", "over", "upon"})
# Dependencies that open another clause: its places belong to other events.
_CLAUSE_DEPS: Final = frozenset({"ccomp", "advcl", "relcl", "parataxis", "csubj", "csubjpass",
                                 "acl", "xcomp"})
# Dependencies through which a place found after a locative preposition stays locative
# ("in the city of Quito", "in the Mexican Embassy in Quito", "in Kharkiv and Kherson").
_NOMINAL_DEPS: Final = frozenset({"pobj", "compound", "appos", "conj", "cc", "poss", "nmod", "amod",
                                  "det", "punct", "npadvmod", "case", "nummod", "quantmod"})
# Nouns after which "of X" names a place X (word_classes.tsv).
_PLACE_NOUNS_BEFORE_OF: Final = word_class("place_before_of")
# Verbs whose direct object is usually a place (word_classes.tsv).
_PLACE_VERBS: Final = word_class("place_verb")
# Verbs of assault whose object, even a capital, is where the deed was done; the object of
# other verbs that are no place verbs, when a capital, stands for its government
# (word_classes.tsv).
_ASSAULT_VERBS: Final = word_class("assault")
# Nouns that, as the object of a place verb, are the place its name qualifies
# (word_classes.tsv).
_PLACE_OBJECT_NOUNS: Final = word_class("place_object")
# Nouns of sites and areas that a town's name before them puts in that town
# (word_classes.tsv).
_SITE_NOUNS: Final = word_class("site")
# Posts and craft a state keeps abroad: a country naming one is its owner, not its place
# (word_classes.tsv).
_STATE_POSTS: Final = word_class("state_post")
# Lower-case words inside place names.
_NAME_PARTICLES: Final = frozenset({"de", "del", "da", "das", "do", "dos", "la", "le", "les", "el",
                                    "al", "es", "au", "aux", "sur", "upon", "di", "du", "y"})
# Months, weekdays and feasts: a run of capitalised words with one is no mislabelled place
# name (word_classes.tsv).
_CALENDAR_WORDS: Final = word_class("calendar")
_MONTHS: Final = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "sept", "oct",
                  "nov", "dec")


def _is_country(place: Place, gazetteer: Gazetteer) -> bool:
    return gazetteer.kind(place) == "country"




def _place_name(text: str) -> str:
    """The place name the words ``text`` give the gazetteer: trimmed, without a
    possessive "'s"."""
    text = text.strip()
    if text.endswith("'s") or text.endswith("\u2019s"):
        text = text[:-2]
    return text


class _Names:
    """The places of the names a document's sentences hold, each looked up once: a
    document names the same places in sentence after sentence, and a sentence is read
    for each event's countries. A name that means one place or none is kept by its text
    alone (its place holds for any context); one that may mean several, by its text and
    the context."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer
        self._plain: dict[str, Place | None] = {}
        self._weighed: dict[tuple[str, tuple[str, ...]], Place | None] = {}

    def place(self, text: str, context: tuple[str, ...]) -> tuple[Place | None, bool]:
        """The place the words ``text`` name in ``context``, and whether another
        context may give another place."""
        if text in self._plain:
            return self._plain[text], False
        key = (text, context)
        if key in self._weighed:
            return self._weighed[key], True
        name = _place_name(text)
        if not normalize_name(name):
            self._plain[text] = None
            return None, False
        place = self.gazetteer.lookup(name, context)
        if self.gazetteer.weighs_context(name):
            self._weighed[key] = place
            return place, True
        self._plain[text] = place
        return place, False


def _previous_word(arrays: ParseArrays, i: int) -> int:
    """Index of the word before token ``i``, skipping a determiner ("in the Donbas")."""
    i -= 1
    while i >= 0 and arrays.lowers[i] in ("the", "a", "an"):
        i -= 1
    return i


def _supported(doc: Doc, arrays: ParseArrays, start: int, end: int, place: Place,
               gazetteer: Gazetteer, resolved_tokens: set[int]) -> bool:
    """Whether the words ``doc[start:end]``, which the NER did not label as a place but
    which name one, are used as a place here. Place names that are also surnames or
    company names ("Jackson", "Lincoln") need this evidence. (Read from the parse arrays:
    every capitalised name a place could be is tested.)"""
    lowers, lemmas, deps, heads = arrays.lowers, arrays.lemma_lowers, arrays.deps, arrays.heads
    prev = _previous_word(arrays, start)
    if prev >= 0 and lowers[prev] in _PLACE_PREPOSITIONS:
        return True  # "in Tunis", "near Kyiv"
    if (prev >= 1 and lowers[prev] == "of"
            and lowers[heads[prev]] in _PLACE_NOUNS_BEFORE_OF):
        return True  # "the port of Odesa", "the capture of Avdiivka"
    # (the Span's root, as spaCy picks it: its rule reads lexical flags the arrays lack)
    root = doc[start:end].root.i
    dep, head = deps[root], heads[root]
    if dep in ("conj", "appos") and head in resolved_tokens:
        return True  # "Khartoum and Omdurman"
    if any(deps[c] == "conj" and c in resolved_tokens for c in arrays.children[root]):
        return True  # "Kramatorsk and Pokrovsk", when only the second is labelled a place
    if dep in ("compound", "nmod") and lemmas[head] in _SITE_NOUNS:
        return True  # "the Zaporizhzhia nuclear plant"
    if any(deps[c] == "appos" and lowers[c] in _PLACE_NOUNS_BEFORE_OF
           for c in arrays.children[root]):
        return True  # "Goma, the largest city in eastern Congo"
    if ((dep == "dobj" or (dep in ("npadvmod", "advmod") and root == head + 1))
            and lemmas[head] in _PLACE_VERBS):
        # "besieged Timbuktu", "fled Nagorno-Karabakh"; "shelled Aleppo on Sunday", whose
        # object the parser may hang on the verb as a loose modifier
        return True
    return end - start == 1 and gazetteer.kind(place) != "city"  # countries, capitals...


def _name_word(arrays: ParseArrays, i: int) -> bool:
    """Whether word ``i`` is a proper noun, or a particle inside a name ("Santiago de
    Compostela"). (``str.istitle`` is what ``Token.is_title`` gives.)"""
    return ((arrays.pos[i] == "PROPN" and arrays.words[i].istitle())
            or arrays.lowers[i] in _NAME_PARTICLES)


def _proper_name(arrays: ParseArrays, start: int, end: int, entity: bool = False) -> bool:
    """All words ``start:end`` proper nouns (a determiner, hyphen, possessive or name
    particle aside), none a month or weekday: what a mislabelled place name looks like.
    Read from the parse arrays: every run of capitalised words is tested. ``entity``: the
    words are an entity the NER found, so a capitalised word counts as a proper noun
    whatever its tag (the small model tags unknown town names ADV or NOUN: "around
    Bakhmut" gives an ORG entity of an adverb)."""
    pos, lowers, words_ = arrays.pos, arrays.lowers, arrays.words
    words = [i for i in range(start, end) if pos[i] not in ("DET", "PUNCT", "PART")
             and lowers[i] not in _NAME_PARTICLES]
    return bool(words) and all((pos[i] == "PROPN" or entity and words_[i].istitle())
                               and lowers[i] not in _CALENDAR_WORDS
                               for i in words) and lowers[end - 1] not in _NAME_PARTICLES


# An entity as find_places reads it: (start, end, label), token offsets in the document.
_Entity = tuple[int, int, str]


def find_places(span: Span | Doc, gazetteer: Gazetteer, context_countries: Sequence[str] = (),
                doc_ents: Sequence[Span] | None = None) -> list[tuple[int, int, Place]]:
    """Place names in ``span`` resolved to places: ``(start, end, place)`` sorted by start.

    ``start``/``end`` are token offsets relative to the document. Read are GPE, LOC and
    FAC entities; other entities made of proper nouns and unlabelled capitalised words
    when their use shows a place (after "in", "at", "near"..., "the port of X", joined to
    a place by "and", the object of "entered", "shelled"...) or when they name a country,
    state, region or capital (the small English model often labels unknown cities PERSON,
    ORG, even DATE); place names inside a longer entity ("Democracy Monument in
    Bangkok"); and "City, State" / "City, Country" pairs, which give one place spanning
    both names ("Paris, Texas"). ``context_countries`` (ISO3, most relevant first)
    decide ambiguous names. ``doc_ents``: the document's entities, when already read
    (building them walks the whole document).
    """
    from spacy.tokens import Doc as DocType  # spaCy is loaded already when a Doc exists

    if isinstance(span, DocType):
        doc, lo, hi = span, 0, len(span)
    else:
        doc, lo, hi = span.doc, span.start, span.end
    if doc_ents is None:
        doc_ents = doc.ents
    ents = [(e.start, e.end, e.label_) for e in doc_ents if e.start >= lo and e.end <= hi]
    return _find_places(doc, lo, hi, ents, _Names(gazetteer), tuple(context_countries))[0]


def _find_places(doc: Doc, lo: int, hi: int, ents: Sequence[_Entity], names: _Names,
                 context: tuple[str, ...]) -> tuple[list[tuple[int, int, Place]], bool]:
    """:func:`find_places` of the words ``lo:hi`` of ``doc``, whose entities are ``ents``
    (``names``: the places of the names resolved so far), and whether the context
    weighed in any name's place: when it did not, the places found hold for any context."""
    from dotterel.nlp.arrays import parse_arrays

    # read from the parse arrays: the words of every sentence are tested, and a Span's
    # text is joined anew from its tokens on every read
    arrays = parse_arrays(doc)
    finder = _PlaceFinder(arrays, names, context)
    covered = {i for start, end, _ in ents for i in range(start, end)}
    # First the entities labelled as places, so that mislabelled neighbours can lean on them.
    for start, end, label in ents:
        if label in _PLACE_LABELS:
            place = finder.resolve(start, end)
            if place is not None:
                finder.add(start, end, place)
            else:
                finder.inner(start, end)
    for start, end, label in ents:
        if label in _PLACE_LABELS or start in finder.found:
            continue
        place = None
        if _proper_name(arrays, start, end, entity=True):
            place = finder.resolve(start, end)
        if place is not None and _supported(doc, arrays, start, end, place, names.gazetteer,
                                            finder.resolved_tokens):
            finder.add(start, end, place)
        elif end - start > 2:
            finder.inner(start, end)
    # Capitalised proper nouns the NER left unlabelled.
    i = lo
    while i < hi:
        if i in covered or not (arrays.pos[i] == "PROPN" and arrays.words[i].istitle()):
            i += 1
            continue
        j = i
        while j < hi and j not in covered and _name_word(arrays, j):
            j += 1
        for end in range(j, i, -1):  # longest name first
            if not _proper_name(arrays, i, end):
                continue
            place = finder.resolve(i, end)
            if place is not None and _supported(doc, arrays, i, end, place, names.gazetteer,
                                                finder.resolved_tokens):
                finder.add(i, end, place)
                break
        i = j
    merged, joined = _merge_qualified(arrays, sorted(finder.found.values(), key=_start_of),
                                      names.gazetteer, context)
    return merged, finder.weighed or joined


def _start_of(found: tuple[int, int, Place]) -> int:
    """Where a place found starts (the key its places are sorted by)."""
    return found[0]


class _PlaceFinder:
    """The places :func:`_find_places` has found in one run of words so far.

    (A class, not functions nested in ``_find_places``: compiled, nested functions that
    call each other make a reference cycle with the frame they share, which only the
    garbage collector frees, and with it the document's parse arrays it holds.)
    """

    def __init__(self, arrays: ParseArrays, names: _Names, context: tuple[str, ...]) -> None:
        self.arrays = arrays
        self.names = names
        self.context = context
        self.found: dict[int, tuple[int, int, Place]] = {}  # start -> (start, end, place)
        self.resolved_tokens: set[int] = set()
        self.weighed = False  # whether some name's place depends on the context

    def resolve(self, start: int, end: int) -> Place | None:
        """The place the words ``start:end`` name, if any."""
        place, depends = self.names.place(self.arrays.span_text(start, end), self.context)
        self.weighed = self.weighed or depends
        return place

    def add(self, start: int, end: int, place: Place) -> None:
        """Keep ``place`` for the words ``start:end``."""
        if in_feature_name(self.arrays.words, start, end):
            return  # "Aden" of "the Gulf of Aden": part of a sea's name, not that place
        self.found[start] = (start, end, place)
        self.resolved_tokens.update(range(start, end))

    def inner(self, ent_start: int, ent_end: int) -> None:
        """A place after a preposition inside an entity: "Democracy Monument in Bangkok"."""
        lowers = self.arrays.lowers
        for i in range(ent_start, ent_end - 1):
            if lowers[i] in _PLACE_PREPOSITIONS or lowers[i] == "of":
                start = i + 2 if lowers[i + 1] == "the" else i + 1
                place = (self.resolve(start, ent_end)
                         if start < ent_end and _proper_name(self.arrays, start, ent_end)
                         else None)
                if place is not None:
                    self.add(start, ent_end, place)
                    return


def _merge_qualified(arrays: ParseArrays, places: list[tuple[int, int, Place]], gazetteer: Gazetteer,
                     context_countries: Sequence[str]
                     ) -> tuple[list[tuple[int, int, Place]], bool]:
    """Join "Paris" "," "Texas" into one place, Paris in Texas, when such a city exists;
    and whether any such pair was looked up (the context weighs in a qualified name)."""
    out: list[tuple[int, int, Place]] = []
    looked_up = False
    k = 0
    while k < len(places):
        start, end, place = places[k]
        if k + 1 < len(places):
            nstart, nend, nplace = places[k + 1]
            qualifier_kind = gazetteer.kind(nplace) in ("country", "state")
            if nstart == end + 1 and arrays.words[end] == "," and qualifier_kind:
                looked_up = True
                joined = gazetteer.lookup(
                    f"{arrays.span_text(start, end)}, {arrays.span_text(nstart, nend)}",
                    context_countries)
                # Only when the qualifier holds a city of that name: "in Gaza, Israel
                # said" is two places, not "Gaza in Israel".
                if joined is not None and joined != nplace and joined.country == nplace.country:
                    out.append((start, nend, joined))
                    k += 2
                    continue
        out.append((start, end, place))
        k += 1
    return out, looked_up


class DocPlaces:
    """The places of one document's sentences, found once per sentence (and context,
    where the context weighs in a name's place): a sentence often reports several
    events, each with its own countries, and finding places reads all its entities."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer
        # by sentence start: the places that hold for any context
        self._plain: dict[int, list[tuple[int, int, Place]]] = {}
        # by sentence start and context: those of a sentence whose places depend on it
        self._found: dict[tuple[int, tuple[str, ...]], list[tuple[int, int, Place]]] = {}
        # the document's entities, read once, and where each starts (in text order)
        self._ents: list[_Entity] | None = None
        self._ent_starts: list[int] = []
        self._names = _Names(gazetteer)  # the places of the names resolved so far

    def in_sentence(self, sent: Span, context_countries: Sequence[str] = ()
                    ) -> list[tuple[int, int, Place]]:
        """``find_places`` of ``sent``, remembered."""
        return self._in_words(sent.doc, sent.start, sent.end, context_countries)

    def _in_words(self, doc: Doc, start: int, end: int, context_countries: Sequence[str]
                  ) -> list[tuple[int, int, Place]]:
        """``find_places`` of the sentence ``doc[start:end]``, remembered (by its bounds:
        no Span need be made)."""
        found = self._plain.get(start)
        if found is not None:
            return found
        context = tuple(context_countries)
        key = (start, context)
        found = self._found.get(key)
        if found is None:
            if self._ents is None:
                from dotterel.nlp.arrays import parse_arrays

                self._ents = parse_arrays(doc).entities()
                self._ent_starts = [e[0] for e in self._ents]
            # the sentence's entities: those that start in it and end in it
            first = bisect_left(self._ent_starts, start)
            last = bisect_left(self._ent_starts, end, first)
            ents = [e for e in self._ents[first:last] if e[1] <= end]
            found, weighed = _find_places(doc, start, end, ents, self._names, context)
            if weighed:
                self._found[key] = found
            else:
                self._plain[start] = found
        return found

    def event_place(self, doc: Doc, trigger: int, context_countries: Sequence[str] = ()
                    ) -> Place | None:
        """:func:`event_place` of the word ``doc[trigger]``, with the sentence's places
        remembered. (By the word's position, its sentence's bounds from the parse arrays:
        asked for every event coded, and ``Token.sent`` walks the document's words.)"""
        from dotterel.nlp.arrays import parse_arrays

        arrays = parse_arrays(doc)
        return _clause_place(arrays, trigger, self.gazetteer, self._in_words(
            doc, arrays.sent_starts[trigger], arrays.sent_ends[trigger], context_countries))


def event_place(trigger: Token, gazetteer: Gazetteer, context_countries: Sequence[str] = (),
                places: list[tuple[int, int, Place]] | None = None) -> Place | None:
    """The place the clause of ``trigger`` says its event happened in, or None.

    Searched breadth-first from the trigger, without entering other clauses: places after
    a locative preposition ("in", "at", "near", "outside"...), also nested ("raided the
    Mexican Embassy in Quito"), and cities or regions that are the direct object ("shelled
    Kharkiv") or follow "on"/"to" ("the attack on Kyiv"). When the trigger's own phrase
    names none, the phrase it belongs to is searched ("Protests erupted in Quito" for the
    trigger "Protests"), up to the head of its clause. ``places``: the sentence's places,
    when already found (:class:`DocPlaces`).
    """
    if places is None:
        places = find_places(trigger.sent, gazetteer, context_countries)
    from dotterel.nlp.arrays import parse_arrays  # spaCy is loaded already

    return _clause_place(parse_arrays(trigger.doc), trigger.i, gazetteer, places)


def _clause_place(arrays: ParseArrays, trigger: int, gazetteer: Gazetteer,
                  places: list[tuple[int, int, Place]]) -> Place | None:
    """:func:`event_place` of word ``trigger``, whose sentence's places are ``places``
    (read from the parse arrays: the search visits the words of the whole clause)."""
    place_at: dict[int, Place] = {}
    for start, end, place in places:
        for i in range(start, end):
            place_at[i] = place
    if not place_at:
        return None
    deps, heads = arrays.deps, arrays.heads
    node = trigger
    for _ in range(4):  # the trigger, then up to three heads
        # (the search from a head enters again the phrase it came up from: a place
        # found there first was passed over for being in no locative use below it)
        found = _search_from(arrays, node, place_at, gazetteer)
        if found is not None:
            return found
        if deps[node] in _CLAUSE_DEPS or deps[node] == "ROOT" or heads[node] == node:
            break
        node = heads[node]
    return None


def _deed_on_place(lemma: str) -> bool:
    """Whether the verb ``lemma`` is done to a place named as its object ("shelled")."""
    verb = lemma.lower()
    return verb in _PLACE_VERBS or verb in _ASSAULT_VERBS


def _owner_of_post(arrays: ParseArrays, i: int, place: Place, gazetteer: Gazetteer) -> bool:
    """Whether word ``i``, naming the country ``place``, modifies a post or craft a state
    keeps abroad: "at a US base" is in Iraq, "near the Iranian embassy" where it stands."""
    return (arrays.deps[i] in ("compound", "poss", "nmod", "amod")
            and arrays.lemma_lowers[arrays.heads[i]] in _STATE_POSTS
            and _is_country(place, gazetteer))


def _search_from(arrays: ParseArrays, root: int, place_at: dict[int, Place],
                 gazetteer: Gazetteer) -> Place | None:
    """Breadth-first search below word ``root`` for a place in locative use."""
    deps, pos, lowers, heads, children = (arrays.deps, arrays.pos, arrays.lowers,
                                          arrays.heads, arrays.children)
    # Queue items: (word, state) with state "" (not yet locative), "strong" or "weak".
    queue: deque[tuple[int, str]] = deque()
    for child in children[root]:
        if deps[child] not in _CLAUSE_DEPS:
            queue.append((child, ""))
    # a country named as the owner of the place word ("in Nigeria's Kaduna state"): the
    # answer only when no smaller place is named below it
    owner: Place | None = None
    while queue:
        i, state = queue.popleft()
        dep = deps[i]
        place = place_at.get(i)
        if place is not None:
            if state == "strong" and not _owner_of_post(arrays, i, place, gazetteer):
                if dep != "poss" or not _is_country(place, gazetteer):
                    return place
                owner = owner or place
            # A direct object counts only when it is the searched word's own ("shelled
            # Kharkiv"), not any object below it; "from Gaza" or "with Russia" never.
            direct_object = state == "" and dep == "dobj" and heads[i] == root
            if (state == "" and dep in ("npadvmod", "advmod") and heads[i] == root
                    and i == root + 1 and _deed_on_place(arrays.lemmas[root])):
                # "shelled Aleppo on Sunday": the parser may hang the place struck, right
                # after the verb, as a loose modifier; it is still the object
                direct_object = True
            if direct_object and gazetteer.kind(place) == "capital":
                direct_object = _deed_on_place(arrays.lemmas[root])
            if (state == "weak" or direct_object) and not _is_country(place, gazetteer):
                return place
        if dep == "prep" or pos[i] == "ADP":
            word = lowers[i]
            if word in _STRONG_LOCATIVES:
                next_state = "strong"
            elif word in _WEAK_LOCATIVES:
                next_state = "weak"
            elif word == "of" and state:
                next_state = state  # "in the city of Quito"
            else:
                next_state = ""
        elif state and dep not in _NOMINAL_DEPS and dep != "prep":
            next_state = ""
        else:
            next_state = state
        if (state == "" and dep == "dobj" and heads[i] == root
                and lowers[i] in _PLACE_OBJECT_NOUNS
                and _deed_on_place(arrays.lemmas[root])):
            next_state = "weak"  # "shelled the town of Toretsk", "hit Syria's Idlib province"
        for child in children[i]:
            if deps[child] not in _CLAUSE_DEPS:
                queue.append((child, next_state))
    return owner


# A dateline: an upper-case place name, maybe ", Region" and ", Month Day", maybe
# "(Agency)", then a dash or colon: "QUITO, April 5 (Reuters) -", "KYIV, Ukraine —".
_DATELINE_DASH: Final = r"(?:[-\u2013\u2014]{1,2}|:)"
_DATELINE: Final = re.compile(
    r"\s*(?P<head>[^\n(]{2,80}?)\s*"
    r"(?:\((?P<agency>[^()\n]{1,40})\)\s*" + _DATELINE_DASH + r"?\s|" + _DATELINE_DASH + r"\s)"
)


def dateline_place(text: str, gazetteer: Gazetteer) -> tuple[Place, int, int] | None:
    """The place of the dateline that opens ``text``, with its character offsets.

    Reads "QUITO, April 5 (Reuters) -", "KYIV, Ukraine —", "WASHINGTON (AP) —",
    "SAN JOSÉ, Costa Rica (AP) —", "NEW DELHI:". The city must be written in capitals;
    a following state or country ("Ukraine", "Texas", "Calif.") picks among cities of
    that name. Returns ``(place, start, end)`` where ``text[start:end]`` is the place
    name as written (with its state or country when one is given), or None.
    """
    m = _DATELINE.match(text)
    if m is None:
        return None
    head = m.group("head")
    head_start = m.start("head")
    parts = head.split(",")
    city = parts[0].strip()
    letters = [c for c in city if c.isalpha()]
    if not letters or city != city.upper() or len(city.split()) > 4 or len(letters) < 2:
        return None
    city_start = head_start + head.index(city)
    city_end = city_start + len(city)
    qualifier = parts[1].strip() if len(parts) > 1 else ""
    if qualifier and (qualifier[:1].isdigit()
                      or qualifier.lower().rstrip(".").split(" ")[0][:3] in _MONTHS
                      and any(ch.isdigit() for ch in qualifier)):
        qualifier = ""  # "April 5" is the date, not a region
    if qualifier:
        qualified = gazetteer.lookup(f"{city}, {qualifier}")
        if qualified is not None:
            q_start = text.index(qualifier, city_end)
            return qualified, city_start, q_start + len(qualifier)
    place = gazetteer.lookup(city)
    if place is None:
        return None
    return place, city_start, city_end
