"""Event dates: when each mentioned event happened.

For each event mention, in order of preference:
1. the time expression governing the trigger's clause ("raided ... on April 5, 2024");
2. a time expression elsewhere in the sentence that no other event claims;
3. the narrative time carried from earlier sentences;
4. the publication date.

Narrative time follows the story: a sentence with a time expression moves it, except a
flashback in the pluperfect ("Three months earlier, Mexico had condemned..."), which is
dated but leaves the story where it was. Anaphoric expressions ("the day before the raid")
are anchored on the date of the event they name when an earlier sentence dated it.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from typing import Final

from spacy.tokens import Doc, Token

from ..extract.mentions import Mention
from ..extract.word_classes import word_class
from ..nlp.arrays import ParseArrays, parse_arrays
from ..types import DateBasis, PublishedBasis, TimeRef
from .timex import (NUMERIC_DATE_RULES, RuleMatch, Tense, TimeMention, apposed_offset,
                    day_first_order, find_times, time_matches)

FUTURE_AUX: Final = {"will", "shall", "'ll"}


@dataclass(init=False, unsafe_hash=True)
class DatedMention:
    """An event mention with its date and how that date was found.

    (Not frozen, as it is made for each event mention: compiled, this ``__init__`` is over ten
    times faster than a frozen dataclass's, which runs as Python. Nothing changes one
    once made; it hashes and compares as a frozen one would.)
    """

    mention: Mention
    date: TimeRef | None
    basis: DateBasis
    explicit: bool  # dated by a time expression of its own sentence, not the story's

    def __init__(self, mention: Mention, date: TimeRef | None, basis: DateBasis,
                 explicit: bool = False) -> None:
        self.mention = mention
        self.date = date
        self.basis = basis
        self.explicit = explicit


def _basis_of_published(basis: PublishedBasis | None) -> DateBasis:
    # a crawl date stands in for the publication date (the contract has no value of its
    # own for it); the article keeps its honest basis, "crawl", in the store
    if basis == "metadata":
        return "metadata"
    if basis == "argument":
        return "argument"
    if basis == "text":  # the publication date itself was worked out from the text
        return "text"
    return "published"


def _auxiliaries(arrays: ParseArrays, verb: int) -> set[str]:
    """The auxiliaries of word ``verb`` ("had", "will"...), lower-cased."""
    return {arrays.lowers[c] for c in arrays.children[verb] if arrays.deps[c] == "aux"}


def _is_pluperfect(arrays: ParseArrays, root: int) -> bool:
    """Whether a clause is in the past perfect ("had condemned"): a flashback."""
    return "had" in _auxiliaries(arrays, root) and arrays.tags[root] == "VBN"


def _is_perfect(arrays: ParseArrays, root: int) -> bool:
    """Whether a clause is in the present perfect ("has been in office since 2023"): it
    tells of a state that holds now, not of a moment the story moves to."""
    return (bool(_auxiliaries(arrays, root) & {"has", "have", "'s", "'ve"})
            and arrays.tags[root] == "VBN")


def _tense(arrays: ParseArrays, verb: int) -> Tense | None:
    auxiliaries = _auxiliaries(arrays, verb)
    # "would" is the future told from the past ("said it would expel the envoy on
    # Friday": the coming Friday), but not with "have" ("would have voted on Sunday")
    if auxiliaries & FUTURE_AUX or ("would" in auxiliaries and "have" not in auxiliaries):
        return "future"
    if arrays.tags[verb] in ("VBD", "VBN"):
        return "past"
    return None


def _same_span(again: list[TimeMention], tm: TimeMention) -> TimeMention:
    """The mention of ``again`` (the text's times found anew) at ``tm``'s span, else
    ``tm``."""
    return next((t for t in again if (t.start, t.end) == (tm.start, tm.end)), tm)


def _in_own_tense(arrays: ParseArrays, tm: TimeMention, tok: int, tense: Tense | None,
                  text: str, published: dt.date | None, narrative: TimeRef | None,
                  matches: list[RuleMatch]) -> TimeMention:
    """A time told from publication ("in January", "on Friday"), at word ``tok``, resolved
    in the tense of its own clause when that differs from the sentence's: in "Iran said it
    will hold talks in January" the talks are next January's, and in "The law, passed in
    March, will take effect" the passing is the latest March's."""
    head = _clause_head(arrays, tok)
    own = _tense(arrays, head) if head is not None else None
    if tm.anchor != "published" or own is None or own == tense:
        return tm
    again = find_times(text, published, narrative, own,
                       matches=matches)
    return _same_span(again, tm)


def _from_saying(arrays: ParseArrays, tm: TimeMention, tok: int,
                 located: list[tuple[TimeMention, int]], text: str,
                 published: dt.date | None, narrative: TimeRef | None,
                 matches: list[RuleMatch]) -> TimeMention:
    """A time told from publication in a "would" clause, or in a clause in the past,
    counted from the day of the saying that clause reports when that day is known and
    earlier: in "Iran said last Thursday it would free them on Saturday" the Saturday is
    the one after that Thursday, not the one after publication; in "troops shelled the
    town on Tuesday, officials said on Monday" the Tuesday is the one before that Monday
    (what is told happened before the telling)."""
    head = _clause_head(arrays, tok)
    if tm.anchor != "published" or head is None or arrays.deps[head] != "ccomp":
        return tm
    auxiliaries = _auxiliaries(arrays, head)
    tense: Tense
    if "would" in auxiliaries and "have" not in auxiliaries:
        tense = "future"
    elif _tense(arrays, head) == "past":
        tense = "past"
    else:
        return tm
    saying = arrays.heads[head]
    said = [t.ref for t, at in located
            if at != tok and (at == saying or _clause_head(arrays, at) == saying)]
    # (the story's time stands in for the saying's only in a "would" clause: a past deed
    # reported without the day of the report may be older than the story's last step)
    day = said[0] if said else (narrative if tense == "future" else None)
    if day is None or day.precision != "day" or published is None or day.value >= published:
        return tm
    again = find_times(text, day.value, narrative, tense, matches=matches)
    return _same_span(again, tm)


def _in_conjoined_year(arrays: ParseArrays, tm: TimeMention, tok: int,
                       located: list[tuple[TimeMention, int]], text: str,
                       published: dt.date | None, tense: Tense | None,
                       matches: list[RuleMatch]) -> TimeMention:
    """A time told from publication, in a clause joined by "and" to one an earlier full
    date of a past year dates, resolved in that date's year: in "Chile expelled the
    envoy on November 3, 2023, and on December 1 Peru recalled its own" December is
    2023's (as the next sentence's would be: :meth:`DocDates._close_to_story`)."""
    head = _clause_head(arrays, tok)
    if tm.anchor != "published" or head is None or published is None:
        return tm
    for earlier, at in located:
        # (only a full date sets the year: a bare year or a decade does not say it goes on)
        if (at >= tok or earlier.anchor != "absolute"
                or earlier.ref.precision not in ("day", "month") or _is_decade(earlier)
                or earlier.ref.value.year >= published.year):
            continue
        other = _clause_head(arrays, at)
        if other is not None and (other == head or (arrays.deps[head] == "conj"
                                                    and arrays.heads[head] == other)):
            again = find_times(text, published, earlier.ref, tense,
                               matches=matches, story_year=True)
            return _same_span(again, tm)
    return tm


SUBJECT_DEPS: Final = {"nsubj", "nsubjpass", "expl"}


def _hung_on(arrays: ParseArrays, tok: int) -> int:
    """The word a time starting at word ``tok`` tells the time of: ``tok`` itself, or the
    verb a reported clause hangs from when the time comes between the two, before the
    clause's "that" and subject. In "Ecuador said on Monday it would expel the envoy"
    Monday is when Ecuador said so, though parsers hang "on Monday" on "expel"; in
    "said that on Monday it would expel" it is the expulsion's."""
    heads, pos, deps = arrays.heads, arrays.pos, arrays.deps
    verb = tok
    for _ in range(3):  # "Monday", "on Monday", "last week"
        if pos[verb] in ("VERB", "AUX") or heads[verb] == verb:
            break
        verb = heads[verb]
    if deps[verb] != "ccomp" or not heads[verb] < tok < verb:
        return tok
    opening = [c for c in arrays.children[verb] if deps[c] in SUBJECT_DEPS or deps[c] == "mark"]
    if opening and all(tok < c for c in opening):
        return heads[verb]
    return tok


def _token_at(arrays: ParseArrays, start: int, end: int, char: int) -> int | None:
    """The word of the sentence ``start:end`` that covers character ``char``, if one does
    (by bisection on the words' offsets: the tokens are in text order and do not
    overlap)."""
    k = bisect_right(arrays.idx, char, start, end) - 1
    if k >= start and char < arrays.idx[k] + max(len(arrays.words[k]), 1):
        return k
    return None


# The walks below go up the tree by word positions in the parse arrays: they run for
# every time of a sentence against every event and the sentence's root, and a Token is
# built for every step of a walk over Token.head.

def _distance(heads: list[int], tok: int, trigger: int) -> int | None:
    """How many steps up the tree from word ``tok`` to word ``trigger``; None when not
    above it."""
    cur, steps = tok, 0
    while True:
        if cur == trigger:
            return steps
        if heads[cur] == cur:
            return None
        cur, steps = heads[cur], steps + 1


def _owned_elsewhere(heads: list[int], tok: int, trigger: int, steps: int,
                     triggers: set[int]) -> bool:
    """True when, on the way up from a time to ``trigger``, another trigger comes first:
    the time then belongs to that event."""
    cur = tok
    for _ in range(steps):
        if cur in triggers and cur != trigger:
            return True
        cur = heads[cur]
    return False


def _in_other_clause(arrays: ParseArrays, tok: int, top: int, steps: int,
                     triggers: set[int]) -> bool:
    """True when, on the way up from a time to ``top``, a verb that is no event's trigger
    heads a clause of its own ("..., the first states to make such a deal since Jordan in
    1994"): the time is that clause's, and bounds ``top`` less than an event's time does."""
    cur = tok
    for _ in range(steps):
        if cur != top and cur not in triggers and arrays.pos[cur] in ("VERB", "AUX") \
                and arrays.deps[cur] not in ("aux", "auxpass"):
            return True
        cur = arrays.heads[cur]
    return False


def _in_relative_clause(arrays: ParseArrays, tok: int, steps: int) -> bool:
    """True when a time lies in a relative clause below the word ``steps`` steps above it
    ("detained Glas, who had been living in the embassy since December"): it tells of the
    person or thing described, not of the event."""
    cur = tok
    for _ in range(steps):
        if arrays.deps[cur] == "relcl":
            return True
        cur = arrays.heads[cur]
    return False


def _clause_head(arrays: ParseArrays, tok: int) -> int | None:
    """The verb whose clause a time expression modifies."""
    heads, pos = arrays.heads, arrays.pos
    cur = tok
    while heads[cur] != cur:
        cur = heads[cur]
        if pos[cur] in ("VERB", "AUX"):
            return cur
    return cur if pos[cur] in ("VERB", "AUX") else None


def _of_object(arrays: ParseArrays, tok: int, top: int) -> bool:
    """Whether a time starting at word ``tok`` is the possessor of a direct object that
    is not the event ``top`` ("condemned Sunday's attack", "welcomed last week's deal"):
    it dates that thing, not the deed done about it (which comes after)."""
    cur = tok
    if arrays.deps[cur] == "amod":  # "last" of "last week's"
        cur = arrays.heads[cur]
    if arrays.deps[cur] != "poss":
        return False
    thing = arrays.heads[cur]
    return thing != top and arrays.deps[thing] == "dobj"


def _time_rank(arrays: ParseArrays, tok: int, top: int, triggers: set[int]
               ) -> tuple[int, int] | None:
    """How closely a time below ``top`` dates it, lower is closer: (0, steps) in its own
    clause, (1, steps) through another event's clause (which bounds it), (2, steps)
    through a clause no event heads; None when the time is not below ``top`` or lies in a
    relative clause or is the possessor of an object that is not ``top``."""
    d = _distance(arrays.heads, tok, top)
    if d is None or _in_relative_clause(arrays, tok, d) or _of_object(arrays, tok, top):
        return None
    if _owned_elsewhere(arrays.heads, tok, top, d, triggers):
        return 1, d
    return (2 if _in_other_clause(arrays, tok, top, d, triggers) else 0), d


def _framing(arrays: ParseArrays, head: int, governor: int) -> bool:
    """Whether word ``head`` is a participle put before ``governor``'s clause to set its
    scene ("Speaking at the White House on Wednesday, Trump said ...")."""
    return (arrays.deps[head] == "advcl" and arrays.heads[head] == governor
            and arrays.tags[head] in ("VBG", "VBN") and head < governor)


def _governing_time(arrays: ParseArrays, trig: int, located: list[tuple[TimeMention, int]],
                    triggers: set[int]) -> tuple[TimeRef, bool] | None:
    """The time of an event from the times of its sentence (each with the word it
    starts at), in order of preference:
    1. a time in the trigger's own clause ("raided ... on April 5, 2024");
    2. the time of a subordinate event ("broke off relations after police raided the
       embassy on April 5"): it bounds the main one;
    3. the time of a clause that governs the trigger ("During her Wednesday press
       conference, Sheinbaum cast doubt ..., calling it irregular"), or of a participle
       that sets its scene ("Speaking on Wednesday, Trump said ... would impose");
    4. the time of a subordinate clause no event heads (never of a relative clause);
    5. a time that no event in the sentence claims.
    With the time, whether it only bounds the event: a past deed told in a relative
    clause ("threatened on Sunday the officers who seized power") took place before the
    time of the clause its noun stands in, not at it."""
    if not located:
        return None  # (most sentences name no time: nothing below need walk the tree)
    ranked = [(rank, tm.ref) for tm, tok in located
              if (rank := _time_rank(arrays, tok, trig, triggers)) is not None]
    close = [x for x in ranked if x[0][0] < 2]
    if close:
        return min(close, key=lambda x: x[0])[1], False
    heads = {tm: _clause_head(arrays, tok) for tm, tok in located}
    described = False  # whether the walk up has left a relative clause told in the past
    cur, steps = trig, 0
    while arrays.heads[cur] != cur and steps < 6:
        described = described or (arrays.deps[cur] == "relcl"
                                  and _tense(arrays, cur) == "past")
        cur, steps = arrays.heads[cur], steps + 1
        for tm, head in heads.items():
            if head is not None and (head == cur or _framing(arrays, head, cur)):
                return tm.ref, described
    if ranked:
        # "..., and Ukraine expelled 13, as more than 20 governments joined the response
        # to the poisoning on March 4": a time deep in a clause no event heads comes after
        # the time of the clause the trigger is coordinated with
        return min(ranked, key=lambda x: x[0])[1], False
    free = [tm for tm, tok in located
            if not any(_distance(arrays.heads, tok, t) is not None for t in triggers)]
    return (free[0].ref, False) if free else None


DEFINITE_DETS: Final = {"the", "this", "that", "these", "those"}


def is_definite(noun: Token) -> bool:
    """Whether a noun refers back to something already told ("the raid", "Monday's
    attack", "these agreements"), not to something new ("fired rockets", "an aircraft
    carrier strike group")."""
    # read from the parse arrays: asked of every noun that could name an earlier event
    arrays = parse_arrays(noun.doc)
    deps, lowers = arrays.deps, arrays.lowers
    return any((deps[c] == "det" and lowers[c] in DEFINITE_DETS) or deps[c] == "poss"
               for c in arrays.children[noun.i])


# Units an "ago" counts back by that, in the plural, put a deed years before the story
# (word_classes.tsv).
LONG_UNITS: Final = word_class("long_unit")
# Prepositions that date a deed inside a span of time ("in the 1970s", "during 1994").
WITHIN_PREPS: Final = {"in", "during"}
# How many calendar years before the story's own a deed must be to be background.
BACKGROUND_YEARS: Final = 2


def long_before(arrays: ParseArrays, trigger: int, published: dt.date | None) -> bool:
    """Whether a deed told in a subordinate clause (its trigger at word ``trigger``) is
    dated years before the story: "for assets they lost when the dictator expelled them
    18 years ago", "the return of land seized by the army in the 1970s". Such a deed is
    background, not news; a deed the sentence itself is about (its main verb) is kept:
    the story may be about it. (Read from the parse arrays: every mention is tested.)"""
    deps, lowers, children = arrays.deps, arrays.lowers, arrays.children
    if deps[trigger] == "ROOT" or arrays.heads[trigger] == trigger:
        return False
    for child in children[trigger]:
        if lowers[child] == "ago" and any(
                arrays.lemma_lowers[t] in LONG_UNITS and arrays.tags[t] == "NNS"
                for t in arrays.subtree(child)):
            return True
        if deps[child] == "prep" and lowers[child] in WITHIN_PREPS:
            for obj in children[child]:
                text = arrays.words[obj]
                if deps[obj] != "pobj" or not text[:4].isdigit():
                    continue
                if text[4:] == "s" and text[3] == "0":  # a decade: "the 1970s"
                    return True
                if (published is not None and len(text) == 4
                        and int(text) <= published.year - BACKGROUND_YEARS):
                    return True
    return False


def published_from_text(text: str, latest: dt.date | None = None) -> dt.date | None:
    """A publication date worked out from the text when nothing else gives one: the
    latest full date it names (a report is written after what it reports).

    ``latest`` bounds it (the day a crawler fetched the page): a later date in the text
    is a plan or a forecast, not when the report was written. A day's grace allows for
    time zones.
    """
    bound = latest + dt.timedelta(days=1) if latest is not None else dt.date.max
    days = [tm.ref.value for tm in find_times(text, None, day_first=day_first_order(text))
            if tm.anchor == "absolute" and tm.ref.precision == "day" and tm.ref.value <= bound]
    return max(days) if days else None


def _anchor_within(times: list[TimeMention], text: str, published: dt.date | None,
                   tense: Tense | None, matches: list[RuleMatch]) -> list[TimeMention]:
    """Anaphoric times anchored on a time told before them in their own sentence: in
    "recalled its envoy on March 3, and the other side expelled its ambassador two days
    later" the two days run from March 3, not from the story's time."""
    if len(times) < 2:
        return times
    # which times are anaphoric: those a story time resolves against (without one, they
    # fall back to the publication date and say so)
    probe = find_times(text, published, _NO_STORY, tense,
                       matches=matches)
    anaphoric = {(t.start, t.end) for t in probe if t.anchor == "narrative"}
    out: list[TimeMention] = []
    for tm in times:
        before = [t for t in out if (t.start, t.end) not in anaphoric]
        if (tm.start, tm.end) in anaphoric and before:
            again = find_times(text, published, before[-1].ref, tense,
                               matches=matches)
            tm = _same_span(again, tm)
            tm = apposed_offset(text, before[-1], tm) or tm  # "on Friday, a day after ..."
        out.append(tm)
    return out


def _is_decade(tm: TimeMention) -> bool:
    """Whether a time names a decade ("the 1990s", "the late 1970s")."""
    return tm.text.endswith("0s") and tm.text[-3:-2].isdigit()


# A story time no text is about: only to tell which times resolve against the story's.
_NO_STORY: Final = TimeRef(dt.date(1900, 1, 1), "day")


class DocDates:
    """Dates for the event mentions of one document, sentence by sentence in order."""

    def __init__(self, doc: Doc, published: dt.date | None, published_basis: PublishedBasis | None) -> None:
        self.doc = doc
        self.published = published
        self.published_basis = published_basis
        self.narrative: TimeRef | None = None
        # where the sentence that last moved the narrative time starts, and where the
        # sentence before the current one does (characters): a month without a year
        # follows the story's year only close to where the story was dated
        self._told_at: int | None = None
        # whether that time was of the sentence's main clause itself ("In 2023, the army
        # clashed with ..."), not of a clause under it that bounds it ("fled after the
        # army launched a crackdown in August 2017"): only the first tells the story there
        self._told_in_main = False
        self._previous: int | None = None
        self._event_dates: dict[str, TimeRef] = {}  # trigger lemma -> date of its first dated event
        # read once for the whole document: a Span's text is joined anew from its tokens
        # on every read, and a Token is built for every word a loop visits
        self._arrays = parse_arrays(doc)
        self._text = self._arrays.text
        # how it writes "05/04/2024", read once a sentence holds such a date (a search of
        # the whole text: most documents write none)
        self._day_first: bool | None = None
        self._day_first_read = False
        # the positions of the nouns, in text order: a sentence's are looked through for
        # a word that names an earlier event
        self._nouns = [i for i, pos in enumerate(self._arrays.pos) if pos == "NOUN"]

    def _anchor(self, start: int, end: int, counted_from: bool = False) -> TimeRef | None:
        """The date of an earlier event this sentence refers back to ("the raid"); with
        ``counted_from``, only of one a time counts from ("two days after the raid", "the
        day before the ceasefire took effect"): in "Three days earlier, NATO condemned
        the strikes" the three days run back from the story's time, not from the strikes."""
        if not self._event_dates:
            return None
        first = bisect_left(self._nouns, start)
        lemmas = self._arrays.lemma_lowers
        for i in self._nouns[first:bisect_left(self._nouns, end, first)]:
            lemma = lemmas[i]
            if lemma in self._event_dates and is_definite(self.doc[i]) and (
                    not counted_from or self._after_or_before(i)):
                return self._event_dates[lemma]
        return None

    def _after_or_before(self, noun: int) -> bool:
        """Whether the noun at ``noun`` is what an "after" or "before" is after or before
        (its object, or the subject of the clause it heads), a few steps up the tree."""
        heads, lowers = self._arrays.heads, self._arrays.lowers
        cur = noun
        for _ in range(3):
            if heads[cur] == cur:
                return False
            cur = heads[cur]
            if lowers[cur] in ("after", "before"):
                return True
        return False

    def _close_to_story(self, start_char: int, previous: int | None) -> bool:
        """Whether the sentence at ``start_char`` goes on the story where it was last
        dated by a main clause's time: in the paragraph of the sentence that dated it, or
        in the sentence right after that one. Further on, a month without a year is told
        from publication: after a paragraph of background ("... fought a war in 2006.")
        news comes back to its own year."""
        told = self._told_at
        return told is not None and self._told_in_main and (
            told == previous or "\n" not in self._text[told:start_char])

    def _day_first_order(self, matches: list[RuleMatch]) -> bool | None:
        """How the document writes all-number dates (:func:`day_first_order`), read on
        the first sentence whose ``matches`` hold one."""
        if not self._day_first_read and any(order in NUMERIC_DATE_RULES
                                            for order, _ in matches):
            self._day_first = day_first_order(self._text)
            self._day_first_read = True
        return self._day_first

    def sentence(self, sent_start: int, sent_end: int, mentions: list[Mention]
                 ) -> list[DatedMention]:
        """Date the mentions of the sentence ``doc[sent_start:sent_end]`` and move the
        narrative time on. (By its bounds: the coding stage reads them from the parse
        arrays, and no Span is made.)"""
        arrays = self._arrays
        start_char = arrays.idx[sent_start]
        previous, self._previous = self._previous, start_char
        # (``Span.text``, without the join)
        text = self._text[start_char:arrays.idx[sent_end - 1] + len(arrays.words[sent_end - 1])]
        # the rules' matches, searched for once: the sentence's times are resolved again
        # against each other and in their own clauses' tenses
        matches = time_matches(text)
        if not matches and not mentions:
            return []  # (most sentences: no time to move the story to, nothing to date)
        anchor = self._anchor(sent_start, sent_end)
        narrative = anchor or self.narrative
        # each time with the word it starts at, or the verb it tells the time of
        located: list[tuple[TimeMention, int]] = []
        root: int | None = None
        tense: Tense | None = None
        story = narrative  # what the sentence's anaphoric times count from
        if matches:  # (the tense and the root matter only to the sentence's times)
            # the sentence's root: its first word that heads itself, as ``Span.root``
            # finds it without making a Token (a sentence with none: spaCy's pick)
            root = next((i for i in range(sent_start, sent_end) if arrays.heads[i] == i), -1)
            if root == -1:
                root = self.doc[sent_start:sent_end].root.i
            tense = _tense(arrays, root)
            counted = (self._anchor(sent_start, sent_end, counted_from=True)
                       if anchor is not None else None)
            story = counted or self.narrative
            times = _anchor_within(find_times(text, self.published, story, tense,
                                              self._day_first_order(matches), matches,
                                              counted is not None
                                              or self._close_to_story(start_char, previous)),
                                   text, self.published, tense, matches)
        else:
            times = []
        for tm in times:
            at = _token_at(arrays, sent_start, sent_end, start_char + tm.start)
            if at is not None:
                at = _hung_on(arrays, at)
                located.append((_in_own_tense(arrays, tm, at, tense, text,
                                              self.published, story, matches), at))
        located = [(_from_saying(arrays, tm, at, located, text, self.published,
                                 story, matches), at) for tm, at in located]
        located = [(_in_conjoined_year(arrays, tm, at, located, text, self.published,
                                       tense, matches), at) for tm, at in located]
        triggers = {m.trigger for m in mentions}
        out: list[DatedMention] = []
        for m in mentions:
            governing = _governing_time(arrays, m.trigger, located, triggers)
            if governing is not None:
                # a past deed a relative clause tells by the way keeps the time that bounds
                # it, the closest known, but not as its own: a report of the same act with
                # a time of its own dates it (coding._align_dates)
                out.append(DatedMention(m, governing[0], "text", explicit=not governing[1]))
            elif narrative is not None:
                # an earlier event the sentence names ("the embassy raid"), else the story's time
                out.append(DatedMention(m, narrative, "text"))
            elif self.published is not None:
                out.append(DatedMention(m, TimeRef(self.published, "day"),
                                        _basis_of_published(self.published_basis)))
            else:
                out.append(DatedMention(m, None, "published"))
        for dm in out:
            if dm.date is not None and dm.basis == "text":
                self._event_dates.setdefault(arrays.lemma_lowers[dm.mention.trigger],
                                             dm.date)
        if root is None or not located:
            return out  # no time of the sentence's own to move the story to
        # a time after "since" starts a state ("in office since November 2023"), and a
        # decade ("in the 1990s") is a span far longer than a story's step: neither moves
        # the story
        moving = [(rank, tm, tok) for tm, tok in located
                  if not text[:tm.start].rstrip().lower().endswith("since")
                  and not _is_decade(tm)
                  and (rank := _time_rank(arrays, tok, root, triggers - {root})) is not None]
        if moving and not _is_pluperfect(arrays, root) and not _is_perfect(arrays, root):
            # the story moves to the time of the main clause: "on Wednesday said ... won
            # re-election over the weekend" is told on Wednesday; but when the main clause
            # is no event, only the telling of one, the story is the past deed it reports
            # (a clause it reports, not one that only bounds it: "fled after troops
            # launched an offensive in August 2021" is not told in August 2021)
            # ("troops shelled the town on Sunday, officials said on Tuesday. The following
            # day, ...": the day after the shelling)
            reported = [x for x in moving if root not in triggers and x[0][0] == 1
                        and (head := _clause_head(arrays, x[2])) is not None
                        and arrays.deps[head] == "ccomp" and arrays.heads[head] == root
                        and _tense(arrays, head) == "past"]
            rank, told, _ = min(reported or moving, key=lambda x: x[0])
            self.narrative = told.ref
            self._told_at, self._told_in_main = start_char, bool(reported) or rank[0] == 0
        return out
