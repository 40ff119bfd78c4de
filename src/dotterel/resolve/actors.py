"""From argument tokens to CAMEO actor codes, with an in-document memory.

An argument is a noun phrase in the parse. Its words are matched against the knowledge
(countries, bodies, people, sectors, user dictionaries) and composed: "Ecuadorian police"
-> ECU + COP; "the Mexican Embassy in Quito" -> MEX + GOV (the owner, not the host: the
"in" phrase is not part of the actor); "Mexico's ambassador" -> MEX + GOV; a person takes
the code of the role they held on the event's date.

The memory (``DocActors``) lets later mentions reuse what earlier ones established:
surnames ("Sheinbaum"), pronouns ("she", "they", "we" in a quote), aliases declared in
the text ("Andrés Manuel López Obrador (AMLO)") and descriptions ("the South American
nation").
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Set as AbstractSet
from dataclasses import dataclass, replace
from itertools import islice
from typing import Final

from spacy.tokens import Doc, Token

from ..extract.mentions import is_list_item
from ..extract.word_classes import word_class
from .. import records
from ..nlp.arrays import (ParseArrays, parse_arrays, token_lemma_lower, token_lower,
                          token_pos)
from ..types import Actor
from .knowledge import (Entry, Knowledge, PhraseMatch, fold, in_feature_name,
                         inside_place_name, names_settled, period_names, phrase_key,
                         successions)
from .gazetteer import normalize_name
from .places import Gazetteer

# Dependencies that stay inside an actor's noun phrase.
NP_DEPS: Final = {"compound", "amod", "poss", "det", "nmod", "nummod", "flat", "case", "appos",
                  "punct", "cc", "conj", "npadvmod", "quantmod", "advmod"}
NP_PREPS: Final = {"of", "from"}
# What heads a base noun phrase (spaCy's English noun chunks): a noun or pronoun in one
# of these dependencies, or a conjunct of one.
CHUNK_POS: Final = frozenset({"NOUN", "PROPN", "PRON"})
CHUNK_DEPS: Final = frozenset({"oprd", "nsubj", "dobj", "nsubjpass", "pcomp", "pobj", "dative",
                               "appos", "attr", "ROOT"})
# prepositions inside a name only when capitalised ("Doctors Without Borders")
NAME_PREPS: Final = {"Without", "Sans"}
PERSON_PRONOUNS: Final = {"he", "she", "him", "her", "his", "hers", "himself", "herself"}
# the press a speaker tells things to: no antecedent of a pronoun (word_classes.tsv)
PRESS_WORDS: Final = word_class("press")
# nouns plural in form that name one thing ("headquarters"): no group "they" means them
ONE_THING_NOUNS: Final = word_class("one_thing")
GROUP_PRONOUNS: Final = {"they", "them", "their", "themselves"}
SPEAKER_PRONOUNS: Final = {"i", "me", "my", "we", "us", "our"}
THING_PRONOUNS: Final = {"it", "its"}
# (joined once here: a set joined in a function is built anew on every call)
THIRD_PERSON_PRONOUNS: Final = PERSON_PRONOUNS | GROUP_PRONOUNS | THING_PRONOUNS
PERSON_OR_GROUP_PRONOUNS: Final = PERSON_PRONOUNS | GROUP_PRONOUNS
PRONOUNS: Final = PERSON_PRONOUNS | GROUP_PRONOUNS | SPEAKER_PRONOUNS  # of people, groups and speakers
# Nouns that head a body of members: one named by a region's word is non-governmental, not
# the region (named IGOs are in igos.tsv; the nouns in word_classes.tsv).
ASSOCIATIONS: Final = word_class("association")
# Entities that name a state or a place, never a person a "he" or "she" stands for.
PLACE_ENTITIES: Final = frozenset({"GPE", "LOC", "NORP"})
# Heads that describe a country without naming it (word_classes.tsv).
COUNTRY_DESCRIPTORS: Final = word_class("country_descriptor")
# Verbs of saying: the subject of one that governs a word is the speaker (word_classes.tsv).
REPORT_LEMMAS: Final = word_class("reporting")
# Words that say a known office holder has left office, and those that date an office
# without saying so ("then", "outgoing"; word_classes.tsv).
OUT_OF_OFFICE: Final = word_class("out_of_office")
FORMER_WORDS: Final = OUT_OF_OFFICE | word_class("in_office_then")
GENERIC_SECTORS: Final = {"GOV"}
# "pro-Russia", "anti-Gondor": a stance towards a country, not membership of it.
STANCE_WORDS: Final = {"pro", "anti"}
STANCE_PREFIXES: Final = {"pro-", "anti-"}
# Participles after a state's name that make it a group's backer (word_classes.tsv).
BACKING_WORDS: Final = word_class("backing")
# Verbs of setting out whose "for" phrase names where one is bound: a destination, not the
# country one is of or the story is in (word_classes.tsv).
DEPARTURE_VERBS: Final = word_class("departing")
# Words that modify a noun inside a phrase rather than head one.
# Prepositions by which a group names the states its members belong to: "lawmakers in
# Arnor and Gondor", "the foreign ministers of France and Germany".
MEMBER_PREPS: Final = ("in", "of")
GROUP_PLACE_PREPS: Final = frozenset({"in", "throughout"})  # where a group is found
# where a group is found or comes from ("a missionary from Calgary")
GROUP_ORIGIN_PREPS: Final = GROUP_PLACE_PREPS | {"from"}
MODIFIER_DEPS: Final = {"compound", "amod", "flat", "nmod"}
# Heads whose owner is never the place they are in ("the embassy in Quito").
# people and armed men no phrase places are those of the scene of their clause: civilians,
# militants, rebels, insurgents, criminals and suspects (not an army, which may fight
# abroad), students, workers
# and farmers ("dock workers went on strike in Antwerp"), and police and judges, who act
# only at home ("police arrested two Syrian men in Berlin"); and so are hospitals and
# health workers, journalists and clergy and their places ("an airstrike hit a hospital in
# Dnipro", "killed five journalists in Gaza")
SCENE_SECTORS: Final = frozenset({"CVL", "UAF", "REB", "INS", "CRM", "EDU", "LAB", "AGR", "COP",
                                  "JUD", "HLH", "MED", "REL"})
# where a deed is done: in a place, or close by it ("shelled positions near Donetsk")
SCENE_PLACE_PREPS: Final = GROUP_PLACE_PREPS | {"near", "outside"}
# Where a crowd goes about ("marched through Istanbul", "rallied across France") is where
# it is; things sent through a place ("arms shipped through Syria") are not that place's.
CROWD_PLACE_PREPS: Final = SCENE_PLACE_PREPS | {"through", "across"}
# The prepositions that put a region's name as a place ("in Tigray", "aid to Darfur").
REGION_PREPS: Final = frozenset({"in", "into", "to", "across", "throughout", "inside"})
# The prepositions of where a deed of force is aimed ("the attack on Kharkiv", "the
# shelling of Kherson").
AIMED_PREPS: Final = frozenset({"on", "of", "against"})
# The prepositions a deed hangs its mark on ("fired at", "opened fire on", "hurled stones
# against"): a country word there is the mark's, not the doer's.
MARK_PREPS: Final = frozenset({"at", "on", "against"})
# Missions and people a state posts abroad: a place phrase does not make them that
# place's (word_classes.tsv).
POSTED_ABROAD: Final = word_class("posted_abroad")
# Sectors of civil society whose bodies, when the text calls them international, belong to
# no state: CAMEO codes "an international aid agency" or "international human rights
# groups" as NGOs, not as the country they work in.
NGO_SECTORS: Final = {"HRI", "DEV", "HLH", "REF", "ENV", "LAB"}
# The words that call such a body international (word_classes.tsv).
INTERNATIONAL_WORDS: Final = word_class("international")
# Heads that name someone by the body they belong to or lead (word_classes.tsv).
MEMBER_HEADS: Final = word_class("member_head")
# Nouns for a body's or person's movement or presence: the party is the one moved, with its
# sector (word_classes.tsv).
MOVEMENT_HEADS: Final = word_class("movement")
# Nouns for a party's leaving a place, and the bodies a state keeps abroad (word_classes.tsv):
# such a leaving names a state's presence elsewhere, so its country is not that of whoever
# demands it.
LEAVING_HEADS: Final = word_class("leaving")
PRESENCE_ABROAD: Final = word_class("presence_abroad")
# Forces of several states: a force so called (word_classes.tsv) whom no phrase gives a
# state is an international (IGO) force.
FORCE_HEADS: Final = word_class("force_head")
MULTINATIONAL_WORDS: Final = word_class("multinational")
PEACEKEEPING: Final = word_class("peacekeeping")
# Verbs by which a state puts its troops somewhere (word_classes.tsv).
SENDING_VERBS: Final = word_class("sending")
# People in the street (civilians, students, workers): a country named later in their
# sentence is theirs only where it places them or names its rulers ("protested against
# the Russian government"), not where it qualifies what they act on ("burned American
# flags", "demanded the closure of the US base").
CROWD_SECTORS: Final = frozenset({"CVL", "EDU", "LAB"})
# People who move across borders or are moved (refugees, migrants, civilians, workers,
# students): a "from" phrase names where they come from.
PEOPLE_SECTORS: Final = CROWD_SECTORS | {"REF"}
# Armed men of no state (gunmen, rebels, insurgents, pirates and other criminals): a
# country word that qualifies the people or things they attack or seize ("abducted a
# French aid worker in Mali", "seized a Greek tanker off Somalia") is their victims', not
# theirs (the state whose forces they fight, or that they threaten, is theirs).
IRREGULAR_SECTORS: Final = frozenset({"UAF", "REB", "INS", "CRM"})
# Peoples with no state: armed men named by one ("Kurdish militants") rise against the
# state they live in, as rebels do.
STATELESS_PEOPLES: Final = word_class("stateless_people")
SCENE_PREPS: Final = GROUP_PLACE_PREPS | {"through", "across", "at"}
OBJECT_DEPS: Final = frozenset({"dobj", "obj"})  # what a verb acts on
# Prepositions of going or coming: where they lead is not the scene of a deed.
AWAY_PREPS: Final = frozenset({"to", "into", "from", "toward", "towards"})
# armed bodies, which the text may call foreign to the place they are in
ARMED_SECTORS: Final = frozenset({"MIL", "UAF", "REB", "INS"})
# Deeds of war a state's word qualifies: a state's raid or bombardment is its forces' act,
# not its people's. A strike is one only by air or missile; otherwise it is a walkout
# (word_classes.tsv).
STATE_FORCE_DEEDS: Final = word_class("war_deed")
STRIKE_MODIFIERS: Final = word_class("strike_means")
# Arms that strike by themselves, whose state's adjective names its forces
# (word_classes.tsv).
STATE_WEAPONS: Final = word_class("state_weapon")
# Attacks told by kinds that are no state's forces' deeds (word_classes.tsv).
IRREGULAR_ATTACKS: Final = word_class("irregular_attack")
# Words that make a city's name another part of it, not a club's (word_classes.tsv).
PLACE_QUALIFIERS: Final = word_class("place_qualifier")
# Nouns of a border: one named by a state's word is no one's place, nor is the other side of
# one (word_classes.tsv).
BORDER_NOUNS: Final = word_class("border")
# Places a state holds, which its possessive pronoun makes that state's: the owner stands
# for them, as a place named would (word_classes.tsv).
OWNED_PLACES: Final = word_class("owned_place")
# A people's part living among another (word_classes.tsv).
MINORITY_NOUNS: Final = word_class("minority")
# Nouns for someone who holds the same office as another in another state
# (word_classes.tsv).
COUNTERPART_NOUNS: Final = word_class("counterpart")
# Heads that name another party by its tie to a state (word_classes.tsv).
OTHER_PARTY_NOUNS: Final = word_class("other_party")
# Heads that name a government by its leader (word_classes.tsv).
LEADER_GOVERNMENTS: Final = word_class("leader_government")
# Sectors of a state's own institutions ("the government", "Congress"): said alone, the
# state the story is about.
STATE_BODIES: Final = frozenset({"GOV", "LEG"})
# Offices that act only within their own state's jurisdiction: a judge or a police
# officer no phrase places is of the state whose people they act on ("Judge Ana Ruiz
# charged three Peruvian officials").
JURISDICTIONS: Final = frozenset({"JUD", "COP"})
# Sectors of a state's office holders ("President", "General", "spy chief", "former
# minister"): a country word that qualifies one of them names the state's rulers.
STATE_OFFICES: Final = STATE_BODIES | JURISDICTIONS | {"MIL", "SPY", "ELI"}
# Portfolio words of ministers whose office, like those, is over their own state's people
# (word_classes.tsv).
DOMESTIC_PORTFOLIOS: Final = word_class("domestic_portfolio")
# Nouns of a group that "they" refers back to, singular ones too (word_classes.tsv).
COLLECTIVES: Final = word_class("collective")
# Participles that say what someone is charged with ("convicted of spying for Israel"),
# and the aircraft nouns that name no armed body by themselves (airliners are jets and
# planes too) with the verbs of attack by which a state's craft are its air force ("Syrian
# planes struck a market") (word_classes.tsv).
CHARGE_PARTICIPLES: Final = word_class("charge_participle")
STRIKING_CRAFT: Final = word_class("striking_craft")
AIR_ATTACK_VERBS: Final = word_class("air_attack")
AIR_PURSUIT_VERBS: Final = word_class("air_pursuit")
AIRCRAFT: Final = word_class("aircraft")
# The prepositions of where a meeting is held ("talks in Geneva", "met at the UN").
VENUE_PREPS: Final = frozenset({"in", "at"})
# Words of meeting and negotiating: where they are held is a venue, often abroad
# (word_classes.tsv).
MUTUAL_WORDS: Final = word_class("mutual")
# Words for the parties to a dispute ("the parties", "the sides"): word_classes.tsv.
SIDE_WORDS: Final = word_class("side")


# The records below are made hundreds of times a document: plain slotted dataclasses
# with an __init__ of their own, which mypyc compiles (the one @dataclass writes runs as
# Python, over ten times slower). Nothing changes them once made.


@dataclass(slots=True, init=False)
class _Seen:
    """An actor established at a token position, for later reference."""

    i: int
    actor: Actor
    is_person: bool
    plural: bool

    def __init__(self, i: int, actor: Actor, is_person: bool, plural: bool) -> None:
        self.i = i
        self.actor = actor
        self.is_person = is_person
        self.plural = plural


@dataclass(slots=True, init=False)
class _SentenceMatches:
    """The knowledge's matches in the words of the sentence at token positions
    ``start:end`` (:meth:`Knowledge.match`, positions within the sentence), the positions
    its scan stopped at (``stops``) and those strictly inside a match (``inner``): a run
    of the sentence's words that begins at a stop and ends at no inner position has the
    matches inside it (see :meth:`DocActors._sentence_matches`)."""

    start: int
    end: int
    matches: list[PhraseMatch]  # in text order, none overlapping
    starts: list[int]  # where each of them starts (for a bisection)
    stops: set[int]
    inner: set[int]

    def __init__(self, start: int, end: int, matches: list[PhraseMatch], starts: list[int],
                 stops: set[int], inner: set[int]) -> None:
        self.start = start
        self.end = end
        self.matches = matches
        self.starts = starts
        self.stops = stops
        self.inner = inner


@dataclass(slots=True, init=False)
class _Reading:
    """What a noun phrase's own words say, whatever the document's memory holds: its
    words' positions and texts, the knowledge's matches in them by kind, the
    user agents' prefix, where its head stands among them, whether it says "former",
    the head's proper name, the country the phrase's words give it and whether the head
    is itself in the name of a country or region (a people's: "Albanians") among them.
    Shared by every resolution of the phrase: nothing may change its lists."""

    positions: list[int]
    words: list[str]
    index: dict[int, int]  # token position -> its place in ``positions``
    persons: list[PhraseMatch]
    named: list[PhraseMatch]  # actors and IGOs
    countries: list[PhraseMatch]  # countries and regions, but for stances and facilities
    sectors: list[PhraseMatch]  # without the user agents written before a country
    faiths: list[PhraseMatch]
    prefix: str
    head_pos: int
    former: bool
    name: str  # the proper name the head belongs to (see _name_of)
    country: str  # the country its own words give it (see _country_of)
    head_country: bool  # whether the head is in one of ``countries``
    head_people: bool  # whether that one is a people's name (a demonym)
    # (what follows is asked by every resolution of the phrase, and depends on its
    # words alone: worked out once with the rest)
    head_sector: bool  # whether the head is in one of ``sectors``
    regions_only: bool  # whether every one of ``countries`` is a region (true of none)
    descriptors: list[int]  # the positions of words that describe a country ("nation")

    def __init__(self, *, positions: list[int], words: list[str], index: dict[int, int],
                 persons: list[PhraseMatch], named: list[PhraseMatch],
                 countries: list[PhraseMatch], sectors: list[PhraseMatch],
                 faiths: list[PhraseMatch], prefix: str, head_pos: int, former: bool,
                 name: str, country: str, head_country: bool, head_people: bool,
                 head_sector: bool, regions_only: bool, descriptors: list[int]) -> None:
        self.positions = positions
        self.words = words
        self.index = index
        self.persons = persons
        self.named = named
        self.countries = countries
        self.sectors = sectors
        self.faiths = faiths
        self.prefix = prefix
        self.head_pos = head_pos
        self.former = former
        self.name = name
        self.country = country
        self.head_country = head_country
        self.head_people = head_people
        self.head_sector = head_sector
        self.regions_only = regions_only
        self.descriptors = descriptors


def _strip(text: str) -> str:
    return text.strip().strip(",.;:").strip()


def _np_positions(doc: Doc, head: int) -> list[int]:
    """The positions of the words of the noun phrase headed by token ``head``, without
    clauses and locative phrases, in text order (the tree walked on the parse arrays: no
    Token made but for an apposition)."""
    arrays = parse_arrays(doc)
    deps, lowers, children = arrays.deps, arrays.lowers, arrays.children
    keep = {head}
    stack = [head]
    while stack:
        tok = stack.pop()
        for child in children[tok]:
            if child in keep:
                continue
            dep = deps[child]
            if dep in NP_DEPS or (dep == "prep" and (lowers[child] in NP_PREPS
                                                     or arrays.words[child] in NAME_PREPS)):
                if dep in ("conj", "cc") and tok == head:
                    continue  # conjuncts are separate actors (and "and" is no one's word)
                if dep == "appos" and is_list_item(doc[child]):
                    continue  # "the US, Russia and Switzerland": a list, not a second name
                keep.add(child)
                stack.append(child)
            elif dep == "pobj" and deps[tok] == "prep":
                keep.add(child)
                stack.append(child)
    return sorted(keep)


def bare_sides(arrays: ParseArrays, i: int) -> bool:
    """Whether the word at ``i`` is "the parties" or "the sides" alone: the sides of a
    dispute the text tells of, not political parties ("urged the parties to talk")."""
    return (arrays.tags[i] == "NNS" and arrays.lemma_lowers[i] in SIDE_WORDS
            and [arrays.lowers[c] for c in arrays.children[i]] == ["the"])


class DocActors:
    """Actor resolution for one document, with memory of what it has established."""

    def __init__(self, doc: Doc, knowledge: Knowledge, default_day: dt.date | None,
                 gazetteer: Gazetteer | None = None) -> None:
        self.doc = doc
        self.knowledge = knowledge
        self.gazetteer = gazetteer
        self.default_day = default_day
        self._names_settled = names_settled()
        self._names: dict[str, Actor] = {}  # lowercased surname / alias / full name -> actor
        # the actors made so far, by their fields (see _actor)
        self._made: dict[tuple[str, str, str, str, str, str], Actor] = {}
        # the actors established so far, the latest position first (equal ones in the
        # order established): kept so, not sorted for every look back
        self._seen: list[_Seen] = []
        # the negated position of each of them, in the same order: where a new one goes
        # is found by a bisection of these (no Python call per comparison, as a key
        # function of the records themselves would make)
        self._seen_order: list[int] = []
        self._countries: list[tuple[int, str]] = []  # (token index, ISO3) in text order
        # every person the text names, known or not: (token index, name, actor or None)
        self._people: list[tuple[int, str, Actor | None]] = []
        # last token of each known person's name matched in the text -> (sentence start,
        # match): a name the parser split ("José Eduardo dos Santos", "dos" read as a verb)
        # is still that person at its last word
        self._named: dict[int, tuple[int, PhraseMatch]] = {}
        # knowledge matches of the phrases resolved so far: one phrase is resolved many
        # times over (as an argument, a coordinated one, a place, a speaker)
        self._matches: dict[tuple[tuple[str, ...], tuple[str, ...]], tuple[PhraseMatch, ...]] = {}
        self._matches_at: dict[tuple[int, ...], tuple[PhraseMatch, ...]] = {}  # by positions
        # each sentence's matches, as the prepass finds them, and where the sentences start
        self._sentences: list[_SentenceMatches] = []
        self._sentence_starts: list[int] = []
        self._acts: dict[str, Actor] = {}  # lemma of an act's words -> who did it last
        self._foreign: set[int] = set()  # heads of armed men called foreign, of no state found
        # first token of a capital's name -> the country of the place of that name its
        # sentence is about, where that is not the capital's ("Tripoli" in Lebanon)
        self._seat_home: dict[int, str] = {}
        # every token's attributes, read as arrays: no Token object per word
        arrays = self._arrays = parse_arrays(doc)
        # lemmas lowercased once: every word list they are looked up in is lowercase
        self._lemma_lowers = arrays.lemma_lowers
        # the words of each noun phrase read so far, by head: one phrase is read many
        # times over (as an argument, a coordinated one, a place, a speaker)
        self._phrases: dict[int, list[int]] = {}
        self._readings: dict[int, _Reading] = {}  # by head (see _reading)
        # whether any word speaks of another party ("ally", "rival"): most documents
        # have none, and then no phrase needs a walk to look for one
        self._other_party_nouns = not OTHER_PARTY_NOUNS.isdisjoint(self._lemma_lowers)
        self._prepass()

    # -- memory -------------------------------------------------------------------------

    def _prepass(self) -> None:
        """Walk the document once: countries mentioned, people named, aliases declared."""
        matched: set[int] = set()  # tokens inside some knowledge match
        seats: list[tuple[int, int, str]] = []  # capitals named: start, end, country
        # read from the parse arrays: this looks at every token of the document
        doc, arrays = self.doc, self._arrays
        doc_words, doc_lemmas, lowers = arrays.words, arrays.lemmas, arrays.lowers
        for sent_start, sent_end in arrays.sentence_bounds:
            words = doc_words[sent_start:sent_end]
            lemmas = doc_lemmas[sent_start:sent_end]
            stops: list[int] = []
            found = self.knowledge.match(words, lemmas, stops)
            self._sentences.append(_SentenceMatches(
                sent_start, sent_end, found, [m.start for m in found], set(stops),
                {k for m in found if m.end - m.start > 1 for k in range(m.start + 1, m.end)}))
            self._sentence_starts.append(sent_start)
            for m in found:
                if inside_place_name(words, m.start, m.end, m.entry.kind):
                    continue  # "the South China Sea" names no actor
                first = sent_start + m.start
                matched.update(range(first, sent_start + m.end))
                if m.entry.seat:
                    seats.append((first, sent_start + m.end, m.entry.code[:3]))
                owner = arrays.heads[first]
                if (m.entry.kind == "country" and not _stance(lowers, first)
                        and not _based(lowers, sent_start + m.end)
                        and not _backer(lowers, sent_start + m.end)
                        and not _bound_for(arrays, self._lemma_lowers, first,
                                           sent_start + m.end)
                        and not (self._lemma_lowers[owner] in OTHER_PARTY_NOUNS
                                 and _owner_of(arrays, first, owner))):
                    self._countries.append((first, m.entry.code[:3]))
                elif m.entry.kind in ("person", "actor", "igo"):
                    actor = self._from_entry(m.entry, m, sent_start, self.default_day)
                    if actor and actor.country and m.entry.kind == "person":
                        self._countries.append((sent_start + m.start, actor.country))
                        self._people.append((sent_start + m.end - 1, m.entry.name, actor))
                        self._named[sent_start + m.end - 1] = (sent_start, m)
        self._relocate_seats(seats)
        # (no phrase names an actor in a document without a match: no chunks to read)
        for start, end, i in _noun_chunks(doc, arrays) if matched else ():
            if matched.isdisjoint(range(start, end)):
                continue  # only phrases that name an actor themselves
            if (arrays.pos[i] not in ("NOUN", "PROPN") or arrays.ent_types[i] == "PERSON"
                    or _likened(arrays, i) or _told_press(arrays, self._lemma_lowers, i)):
                continue
            actor = self.resolve(doc[i], self.default_day)
            if actor is not None:
                self._see(_Seen(i, actor, False, self._group_word(i)))
        # the people the NER names, read from the parse arrays (``doc.ents`` makes a Span of
        # every entity of every document)
        iobs = arrays.ent_iobs
        for start in [i for i, label in enumerate(arrays.ent_types)
                      if label == "PERSON" and iobs[i] == "B"]:
            end = _entity_range(arrays, start).stop
            root = _span_root(doc, arrays.heads, start, end)
            actor = self.resolve(doc[root], self.default_day)
            text = arrays.span_text(start, end)
            name = " ".join(doc_words[i] for i in range(start, end)
                            if arrays.pos[i] == "PROPN") or text
            self._people.append((root, name, actor))
            if actor is not None:
                self._remember(root, actor, True, False, text)
                self._learn_alias(end, text)
        # later mentions by surname ("Sheinbaum said"), whatever the NER made of them
        known = {i for i, _, _ in self._people}
        names = self._names
        # (the words that are a name remembered are found by one set intersection, and
        # only theirs are looked at, not every word of the document)
        said = names.keys() & set(lowers) if names else ()
        for i in [i for i, lower in enumerate(lowers) if lower in said] if said else ():
            if arrays.pos[i] == "PROPN" and i not in known:
                actor = names[lowers[i]]
                self._people.append((i, actor.name or doc_words[i], actor))
        self._countries.sort()

    def _relocate_seats(self, seats: list[tuple[int, int, str]]) -> None:
        """A capital's name is another country's city when its sentence names that
        other country and the gazetteer knows a place of that name there ("militias in
        Tripoli, the north Lebanese port"): the place, not the capital, is meant."""
        if self.gazetteer is None:
            return
        for start, end, iso in seats:
            context = [c for c in self._place_context(start, skip=start) if c != iso]
            if not context:
                continue
            place = self.gazetteer.lookup(self._arrays.span_text(start, end), context)
            if place is not None and place.country in context and place.country != iso:
                self._seat_home[start] = place.country
                self._countries = sorted((i, place.country if i == start else c)
                                         for i, c in self._countries)

    def _moved_seats(self, matches: Iterable[PhraseMatch],
                     positions: list[int]) -> list[PhraseMatch]:
        """``matches`` with each capital found to be another country's city (see
        :meth:`_relocate_seats`) standing for that country."""
        if not self._seat_home:
            return list(matches)  # (most documents: no capital is another country's city)
        out = []
        for m in matches:
            home = self._seat_home.get(positions[m.start]) if m.entry.seat else None
            out.append(replace(m, entry=replace(m.entry, code=home, seat=False,
                                                name=self.knowledge.country_name(home)))
                       if home else m)
        return out

    def _np_positions(self, head: int) -> list[int]:
        """:func:`_np_positions` of the token at ``head``, remembered (shared: nothing may
        change the list)."""
        found = self._phrases.get(head)
        if found is None:
            found = self._phrases[head] = _np_positions(self.doc, head)
        return found

    def _other_party_words(self, head: Token) -> set[int]:
        """:func:`_other_party_words` of ``head``; none without a word for one in the
        document."""
        return _other_party_words(self._arrays, head.i) if self._other_party_nouns else set()

    def _match(self, positions: list[int]) -> tuple[PhraseMatch, ...]:
        """The knowledge's matches in the words at ``positions`` (:meth:`Knowledge.match`
        of their texts and lemmas), remembered by the words' positions and by what they
        say, and read off their sentence's where those are the same (see
        :meth:`_sentence_matches`)."""
        index = tuple(positions)
        found = self._matches_at.get(index)
        if found is not None:
            return found
        found = self._sentence_matches(index)
        if found is None:
            words = tuple(self._arrays.words[i] for i in index)
            lemmas = tuple(self._arrays.lemmas[i] for i in index)
            found = self._matches.get((words, lemmas))
            if found is None:
                found = self._matches[words, lemmas] = tuple(self.knowledge.match(words, lemmas))
        # a name inside a sea's or a lake's, even where the phrase stops short of the
        # rest of it ("Japan" of "the Sea of Japan"), names no actor
        if found:  # (most phrases have no match)
            found = tuple(m for m in found if not inside_place_name(
                self._arrays.words, index[m.start], index[m.end - 1] + 1, m.entry.kind))
        self._matches_at[index] = found
        return found

    def _sentence(self, i: int) -> _SentenceMatches:
        """The sentence token ``i`` is in, as the prepass read it."""
        return self._sentences[bisect_right(self._sentence_starts, i) - 1]

    def _sentence_matches(self, index: tuple[int, ...]) -> tuple[PhraseMatch, ...] | None:
        """The knowledge's matches in the words at the positions ``index``, read off
        those the prepass found in their sentence, or None where that cannot be done: the
        words must be a run of the sentence's that begins where the sentence's scan
        looked for a phrase, that ends neither inside a match nor in a "the" (which looks
        past itself), so that a scan of the run alone meets the same phrases (see
        :meth:`Knowledge.match`). Most phrases are such runs: their words are not
        matched again."""
        if not index:
            return None
        start, end = index[0], index[-1] + 1
        if end - start != len(index):
            return None  # a phrase with a gap
        sent = self._sentence(start)
        first, last = start - sent.start, end - sent.start
        if (end > sent.end or first not in sent.stops or last in sent.inner
                or phrase_key(self._arrays.words[end - 1]) == ("the",)):
            return None
        # the matches inside the run: those that start in it (none that does ends past
        # it, as it ends inside none), found by bisection: a sentence has many
        inside = sent.matches[bisect_left(sent.starts, first):bisect_left(sent.starts, last)]
        if not first:
            return tuple(inside)
        return tuple(PhraseMatch(m.start - first, m.end - first, m.entry, m.alternatives)
                     for m in inside)

    def _learn_alias(self, end: int, name: str) -> None:
        """"Andrés Manuel López Obrador (AMLO)": the parenthesised acronym after a person's
        ``name``, which ends before token ``end``, is an alias."""
        words = self._arrays.words
        if end + 2 < len(words) and words[end] == "(" and words[end + 2] == ")":
            alias = words[end + 1]
            known = self._names.get(name.lower())
            if known and alias.isupper():
                self._names[alias.lower()] = known

    def _see(self, seen: _Seen) -> None:
        """Add ``seen`` to :attr:`_seen`, after those at its position or later."""
        at = bisect_right(self._seen_order, -seen.i)
        self._seen.insert(at, seen)
        self._seen_order.insert(at, -seen.i)

    def _remember(self, i: int, actor: Actor, is_person: bool, plural: bool, name: str = "") -> None:
        self._see(_Seen(i, actor, is_person, plural))
        if is_person:
            full = _strip(name or actor.name or actor.text)
            if full:
                self._names.setdefault(full.lower(), actor)
                parts = full.split()
                if len(parts) >= 2:
                    self._names.setdefault(parts[-1].lower(), actor)
                if len(parts) >= 3:  # Spanish double surnames: "López Obrador"
                    self._names.setdefault(" ".join(parts[-2:]).lower(), actor)

    def _last(self, before: int, *, person: bool | None = None, plural: bool | None = None,
              exclude: AbstractSet[str] = frozenset()) -> Actor | None:
        for seen in self._seen:
            if seen.i >= before or seen.actor.country in exclude:
                continue
            if person is not None and seen.is_person != person:
                continue
            if plural is not None and seen.plural != plural:
                continue
            return seen.actor
        return None

    def _last_named_as(self, head: Token) -> Actor | None:
        """The actor of the last phrase before ``head`` headed by the same noun, when that
        phrase was a fuller name of it ("Hamas militants" for "the militants")."""
        lemma = self._lemma_lowers[head.i]
        for seen in self._seen:
            if (seen.i < head.i and not seen.is_person and seen.actor.country
                    and self._lemma_lowers[seen.i] == lemma):
                return seen.actor
        return None

    def _last_body(self, sector: str, before: int, exclude: AbstractSet[str]) -> str:
        """The country of the last body of ``sector`` named before token ``before``
        (police, army, rebels: not a government, which every state name stands for),
        skipping ``exclude`` (see :func:`_anaphor_exclude`: "the army" alone is the army
        the text named, even the other party's)."""
        if not sector or sector == "GOV":
            return ""
        for seen in self._seen:
            if (seen.i < before and seen.actor.sector[:3] == sector[:3] and seen.actor.country
                    and seen.actor.country not in exclude):
                return seen.actor.country
        return ""

    def _later_country(self, head: Token, exclude: AbstractSet[str], modifier: bool = False,
                       place_only: bool = False, rulers_only: bool = False,
                       rebels: bool = False) -> str | None:
        """The country named nearest after ``head`` in its own sentence: a group the story
        opens with, before any country is named, is of the country the sentence goes on to
        name ("Refugees staged a hunger strike against the Russian government", "Thousands
        of people marched through Minsk"), as a CAMEO coder reading the whole
        sentence codes it. Once a country, or a person of one, has been named, the text has
        set its scene and a later one is more likely the other party's; and a country that
        is a verb's object is what is acted on ("ordered troops to attack Ukraine"), as is
        one that the object is "of" ("will tighten its blockade of Yemen").
        ``modifier``: only a country that qualifies a noun ("Peruvian officials"), not
        one named as a party itself ("against Nigeria"). ``place_only``: only a country
        the sentence places something in ("in Nigeria") or whose rulers it names ("the
        Algerian president"), not one qualifying a thing acted on ("defaced Danish web
        sites"). ``rulers_only``: no country word that qualifies people other than the
        state's own bodies or office holders ("abducted a French aid worker", not "a
        ceasefire with the Malian army"), nor its armed forces acted on, who may be
        fought abroad ("ambushed a US patrol", "killed two American soldiers"), unless
        ``rebels``: those rise against their own state ("separatists shelled Ukrainian
        troops")."""
        start, end = self._arrays.sent_starts[head.i], self._arrays.sent_ends[head.i]
        # ("the US would not meet hostage-takers' demands to free prisoners in Iraq": a
        # scene set only by the other party's country leaves this one to a place the
        # sentence goes on to name)
        scene = self.recent_country(head.i)
        others = scene is not None and self.recent_country(head.i, exclude) is None
        if (scene is not None and not others) or any(
                start <= i < head.i and actor is not None and actor.country
                for i, _, actor in self._people):
            return None
        for i, iso in self._countries:
            if not head.i < i < end or iso in exclude:
                continue
            # (one Token for the country word, and one for its whole name, asked below)
            tok = self.doc[i]
            if (_acted_on(tok) or (modifier and tok.dep_ not in ("amod", "compound"))
                    or (place_only and not (self._names_rulers(tok) or _names_a_place(tok)))):
                continue
            whole = _whole_name(tok)
            if ((not rulers_only or whole.dep_ not in MODIFIER_DEPS
                 or self._names_rulers(whole, bodies=True,
                                       forces=rebels or whole.head.dep_ not in OBJECT_DEPS))
                    # ("the junta expelled French troops", "summoned the Chinese
                    # ambassador": a state's forces or envoys a deed is done to are
                    # another state's than the doer's, but for rebels, who rise against
                    # their own)
                    and (rebels or not self._names_object_body(whole))
                    # ("the rebels met government negotiators in Doha": where talks are
                    # held is a venue, no sign of whose the parties are)
                    and not _venue_of_talks(whole)
                    and (not others or (tok.dep_ == "pobj"
                                        and token_lower(tok.head) in GROUP_PLACE_PREPS))
                    # ("soldiers fired warning shots at Chinese vessels": the country of
                    # what the deed is aimed at is the mark's, unless it names the rulers
                    # a people rise against: "a hunger strike against the Russian government")
                    and not (_marked(tok) and not self._names_rulers(tok))):
                return iso
        return None

    @staticmethod
    def _domestic_portfolio(head: Token, words: list[str]) -> bool:
        """Whether an office holder's phrase, or its "for" phrase ("the Minister for
        Interior"), names a portfolio over the state's own people."""
        named = [w.lower() for w in words] + [
            token_lower(t) for prep in head.children
            if prep.dep_ == "prep" and token_lower(prep) == "for" for t in prep.subtree]
        return not DOMESTIC_PORTFOLIOS.isdisjoint(named)

    def _names_rulers(self, tok: Token, bodies: bool = False, forces: bool = True) -> bool:
        """Whether the country word ``tok`` qualifies a state body or an office holder of
        its state ("the Algerian government", "Algerian President Ben Bella"), or a body
        that acts only at home ("Turkish police"); with ``bodies``, any of the state's
        bodies ("Malian troops"); without ``forces``, not its armed forces ("a US
        patrol", "American soldiers")."""
        owner = tok.head
        if owner.i == tok.i:
            return False
        # an office holder of the state, not any one person's role: "a French aid
        # worker", "British tourists" are people acted on, not its rulers
        return any(m.entry.kind == "sector" and (
            m.entry.code in STATE_BODIES | JURISDICTIONS
            or ((m.entry.person_role or bodies) and m.entry.code[:3] in STATE_OFFICES
                and (forces or not m.entry.code.startswith("MIL"))))
                   for m in self._match(self._np_positions(owner.i)))

    def _names_object_body(self, tok: Token) -> bool:
        """Whether the country word ``tok`` qualifies a verb's direct object that is one
        of its state's bodies or office holders ("expelled French troops", "summoned the
        Chinese ambassador")."""
        return (tok.dep_ in MODIFIER_DEPS and tok.head.dep_ in OBJECT_DEPS
                and self._names_rulers(tok, bodies=True))

    def _later_person_country(self, head: Token, exclude: AbstractSet[str]) -> str | None:
        """The country of the first person of a known country named after ``head`` in
        its sentence, when the story has named no actor before it: "Congress asked
        Obama to act" is the Congress of Obama's state, as a state's institutions deal
        with its own leaders."""
        end = self._arrays.sent_ends[head.i]
        if self.recent_country(head.i) is not None or self._last(head.i) is not None or any(
                i < head.i and actor is not None and actor.country for i, _, actor in self._people):
            return None
        return next((actor.country for i, _, actor in sorted(self._people, key=lambda p: p[0])
                     if head.i < i < end and actor is not None and actor.country
                     and actor.country not in exclude and actor.country not in ("IGO", "NGO")),
                    None)

    def recent_country(self, before: int, exclude: AbstractSet[str] = frozenset()) -> str | None:
        """The country mentioned most recently before token ``before``, skipping ``exclude``."""
        for i, iso in reversed(self._countries):
            if i < before and iso not in exclude:
                return iso
        return None

    def _story_country(self, before: int, exclude: AbstractSet[str]) -> str | None:
        """The country the text is about before token ``before``: the one its country
        names and its people's mentions stand for most often, the latest of equals. A
        bare "the government" is that country's, not that of someone named in passing
        ("watched by the U.S. secretary of state")."""
        named = sorted({*self._countries,
                        *((i, a.country) for i, _, a in self._people if a and a.country)})
        counts: dict[str, int] = {}
        for i, iso in named:
            if i < before and iso not in exclude:
                counts[iso] = counts.pop(iso, 0) + 1  # re-inserted: the latest last
        return max(reversed(counts), key=counts.__getitem__, default=None)

    # -- resolution ---------------------------------------------------------------------

    def _from_entry(self, entry: Entry, match: PhraseMatch | None, offset: int,
                    day: dt.date | None) -> Actor | None:
        text = ""
        if match is not None:
            text = self._arrays.span_text(offset + match.start, offset + match.end)
            if match.entry is entry:
                entry = match.entry_on(day)  # of two entries written alike, the one in office
        spell = entry.code_on(day) if entry.spells else None
        code = spell.code if spell else entry.code
        role = spell.role if spell else ""
        if not code:
            return None
        country, sector = _split_code(code)
        return self._actor(code, country, sector, entry.name, text, role)

    def _titled(self, actor: Actor, match: PhraseMatch, words: list[str],
                sectors: list[PhraseMatch], day: dt.date | None) -> Actor:
        """A known person the text gives a current title ("Gambian President Dawda
        Jawara", "King Hassan") holds that office in the text, whatever the date says:
        the story may be older than its date, or the office newer than our data. Only
        when no spell of theirs covers the date: a covering spell is authoritative."""
        entry = match.entry
        if day is None or any(s.covers(day) for s in entry.spells):
            return actor
        titles = [m for m in sectors if m.entry.person_role and "~" not in m.entry.code]
        inner = self.knowledge.lookup(words[match.start]) if match.end - match.start > 1 else []
        titles += [PhraseMatch(match.start, match.start + 1, e) for e in inner
                   if e.kind == "sector" and e.person_role]
        if not titles:
            return actor
        said = " ".join(" ".join(words[m.start:m.end]).lower() for m in titles)
        held = [s for s in entry.spells if s.role and s.role.lower() in said]
        if held:
            code, role = held[0].code, held[0].role
        else:
            title = titles[0]
            code, role = actor.country + title.entry.code, " ".join(words[title.start:title.end])
        country, sector = _split_code(code)
        return Actor(code=code, country=country, sector=sector, name=actor.name,
                     text=actor.text, role=role)

    def _titled_surname(self, head: Token, head_pos: int, words: list[str],
                        sectors: list[PhraseMatch], day: dt.date | None) -> Actor | None:
        """"President Reagan", "Foreign Minister Lavrov": a title right before a surname
        that only one known person bears names that person; so does the surname alone
        when that person holds an office on the day ("Putin offered to negotiate")."""
        arrays = self._arrays
        person = arrays.ent_types[head.i] == "PERSON"
        # (a name the tagger took for a common noun is still one: "Macron condemned")
        if arrays.pos[head.i] != "PROPN" and not (person and arrays.words[head.i].istitle()):
            return None
        name = _entity_range(arrays, head.i) if person else range(head.i, head.i + 1)
        # the title before the name: "President Reagan", "President Francois Mitterand"
        starts = {head_pos, head_pos - (head.i - name.start)}
        titled = any(m.entry.person_role and m.end in starts for m in sectors)
        text = arrays.words[head.i]  # (Token.text, without a call into spaCy)
        known = self.knowledge.surname(text)
        bearers = self.knowledge.bearers(text) if known is None else []
        if not titled and known is None and not bearers:
            # a name no known person bears, without a title, is no one's surname: asked
            # first, as most proper names are none, and before the gazetteer's look-up
            # that _lone_name makes, which costs more
            return None
        alone = len(name) == 1 and (person or self._lone_name(head))
        entry = known if titled or alone else None
        if entry is None and alone and day is not None:
            # "Assad said": of several bearers of a surname, the one alone in office on
            # the day is meant (Bashar, not his late father, in 2015)
            serving = [e for e in bearers if any(s.covers(day) for s in e.spells)]
            entry = serving[0] if len(serving) == 1 else None
        if entry is not None and not _given_names_agree(arrays, name[:-1], entry):
            entry = None  # "Judge Maria Lopez" is not Vladimir Padrino López
        if entry is None and titled:
            shared = self._shared_office(head, head_pos, words, sectors, day)
            if shared is not None:
                return shared
        if entry is None or not (titled or (day is not None
                                            and any(s.covers(day) for s in entry.spells))):
            return None
        match = PhraseMatch(start=head_pos, end=head_pos + 1, entry=entry)
        actor = self._from_entry(entry, match, 0, day)
        if actor is None:
            return None
        return self._with_text(self._titled(actor, match, words, sectors, day), head.text)

    def _lone_name(self, head: Token) -> bool:
        """Whether a one-word proper name the tagger did not take for a person's may
        still be a surname ("Modi praised", "met Blinken", read as a place or nothing):
        it is no part of a longer name, no date, and names no place the gazetteer
        knows by that name."""
        arrays = self._arrays
        i: int = head.i
        if arrays.ent_types[i] not in ("", "GPE", "ORG"):
            return False
        if any(arrays.deps[c] in ("compound", "flat") for c in arrays.children[i]) or (
                arrays.deps[i] in ("compound", "flat") and arrays.pos[arrays.heads[i]] == "PROPN"):
            return False
        place = self.gazetteer.lookup(head.text) if self.gazetteer is not None else None
        return place is None

    def _shared_office(self, head: Token, head_pos: int, words: list[str],
                       sectors: list[PhraseMatch], day: dt.date | None) -> Actor | None:
        """"President Bush": a title before a surname that several known people bear,
        each of whom held that office of one state, names that office: the one in office
        on the day, else the office itself (USAGOV) without guessing which of them."""
        title = next((m for m in sectors if m.entry.person_role and m.end == head_pos), None)
        if title is None:
            return None
        said = " ".join(words[title.start:title.end]).lower()
        held = [(entry, spell) for entry in self.knowledge.bearers(head.text)
                for spell in entry.spells if spell.role and spell.role.lower() == said]
        if not held or len({spell.code for _, spell in held}) != 1:
            return None
        current = [entry for entry, spell in held if day is not None and spell.covers(day)]
        if current:
            actor = self._from_entry(current[0], None, 0, day)
            return self._with_text(actor, head.text) if actor is not None else None
        code = held[0][1].code
        country, sector = _split_code(code)
        return Actor(code=code, country=country, sector=sector, name=head.text,
                     text=head.text, role=held[0][1].role)

    def _reading(self, head: Token) -> _Reading:
        """What the words of the phrase headed by ``head`` say by themselves (see
        :class:`_Reading`), read once per head: a document's phrases are resolved many
        times over, as the memory grows."""
        found = self._readings.get(head.i)
        if found is not None:
            return found
        arrays, lowers = self._arrays, self._arrays.lowers
        h: int = head.i
        positions = self._np_positions(h)
        words = [self._arrays.words[t] for t in positions]
        matches = self._match(positions)
        index = {t: k for k, t in enumerate(positions)}

        # the matches sorted by kind in one pass (most phrases have none or one)
        persons: list[PhraseMatch] = []
        named: list[PhraseMatch] = []
        places: list[PhraseMatch] = []  # countries and regions, before the checks below
        sectors: list[PhraseMatch] = []
        faiths: list[PhraseMatch] = []
        prefix = ""
        for m in matches:
            kind = m.entry.kind
            if kind == "person":
                persons.append(m)
            elif kind in ("actor", "igo"):
                # "a Boeing 777", "an Airbus A320": a maker's name before a model number
                # names a product, not the maker as a party
                if not (m.end < len(words) and any(c.isdigit() for c in words[m.end])):
                    named.append(m)
            elif kind in ("country", "region"):
                places.append(m)
            elif kind == "sector":
                if m.entry.code.endswith("~"):
                    # a user agent written [NGO~] goes before the country: "MSF Arnor" is
                    # NGOARN
                    prefix += m.entry.code[:-1]
                else:
                    sectors.append(m)
            elif kind == "religion":
                faiths.append(m)
        countries: list[PhraseMatch] = []
        if places:
            others = self._other_party_words(head) - {h}
            countries = [m for m in self._moved_seats(places, positions)
                         if not _stance(lowers, positions[m.start])
                         and positions[m.start] not in others
                         and not _backer(lowers, positions[m.end - 1] + 1)
                         and not _names_a_facility(arrays, m, positions, h)]
        head_pos = index[head.i]
        # "former President Correa", and "Jorge Glas, Ecuador's former vice president":
        # the word before the name, or in the apposition that gives the office after it
        formers = [t for t in positions if lowers[t] in FORMER_WORDS]
        former = any(i <= h for i in formers) or (
            bool(formers) and not _apposition_words(arrays, h).isdisjoint(formers))
        own = [m for m in countries if m.start <= head_pos < m.end]
        lemma_lowers = self._lemma_lowers
        found = self._readings[h] = _Reading(
            positions=positions, words=words, index=index, persons=persons, named=named,
            countries=countries, sectors=sectors, faiths=faiths, prefix=prefix,
            head_pos=head_pos, former=former, name=_name_of(arrays, h),
            country=_country_of(arrays, countries, positions, h), head_country=bool(own),
            head_people=any(m.entry.demonym for m in own),
            head_sector=bool(sectors) and any(m.start <= head_pos < m.end for m in sectors),
            regions_only=not countries or all(m.entry.kind == "region" for m in countries),
            descriptors=[t for t in positions if lemma_lowers[t] in COUNTRY_DESCRIPTORS])
        return found

    def resolve(self, head: Token, day: dt.date | None = None, exclude: AbstractSet[str] = frozenset()) -> Actor | None:
        """The actor a noun phrase headed by ``head`` denotes, or None.

        ``exclude``: countries the phrase cannot denote (the other argument's), used when
        a description ("the South American nation") must be resolved from memory. A state
        not yet founded on the day stands for the one it was part of (``successions.tsv``).
        """
        day = day or self.default_day
        actor = self._resolve(head, day, exclude)
        if day is None or day >= self._names_settled:
            return actor  # (the succession and period tables cannot change it: most news)
        return _as_of(actor, day)

    def _resolve(self, head: Token, day: dt.date | None, exclude: AbstractSet[str]) -> Actor | None:
        """:meth:`resolve`, before the state succession is applied."""
        # the head's and its phrase's attributes are read from the parse arrays: a
        # document's phrases are resolved many times over
        arrays, lemma_lowers = self._arrays, self._lemma_lowers
        lowers, tags = arrays.lowers, arrays.tags
        h: int = head.i
        head_tag, head_dep, head_ent = tags[h], arrays.deps[h], arrays.ent_types[h]
        head_pos_tag, head_lemma = arrays.pos[h], lemma_lowers[h]
        # "US" is a country, "us" a pronoun
        if head_pos_tag == "PRON" or (head_pos_tag != "PROPN" and lowers[h] in PRONOUNS):
            return self._pronoun(head, day, exclude)
        if bare_sides(arrays, h):
            # "urged the parties to return to talks": the sides of a dispute the text
            # tells of, not political parties (the coding stage reads them from the fight)
            return None
        reading = self._reading(head)
        positions, words, index = reading.positions, reading.words, reading.index
        persons, named, countries = reading.persons, reading.named, reading.countries
        sectors, faiths, prefix = reading.sectors, reading.faiths, reading.prefix
        head_pos, former, name_text = reading.head_pos, reading.former, reading.name
        head_country, head_people = reading.head_country, reading.head_people
        head_sector, regions_only = reading.head_sector, reading.regions_only

        def span_text(m: PhraseMatch) -> str:
            return " ".join(words[m.start:m.end])

        # a known person named in the phrase (the head or an apposition)
        for m in persons:
            if m.start <= head_pos < m.end or not named:
                actor = self._from_entry(m.entry, m, 0, day)
                if actor:
                    if not former:
                        actor = self._titled(actor, m, words, sectors, day)
                    elif (actor.sector and actor.sector != "ELI"
                          and actor.country not in ("IGO", "NGO", "IMG", "MNC")
                          and any(lowers[t] in OUT_OF_OFFICE for t in positions if t <= h)):
                        # "ousted President Akayev": the text says they no longer hold the
                        # office, whatever date the story carries
                        actor = _with_sector(actor, "ELI")
                    return self._with_text(actor, span_text(m))
        split = self._named.get(head.i)
        if not persons and split is not None and split[0] + split[1].start < positions[0]:
            # the parser cut a known name apart ("dos" of "José Eduardo dos Santos" taken for
            # a verb): its last word still names the person, not a place called "Santos"
            actor = self._from_entry(split[1].entry, split[1], split[0], day)
            if actor:
                return actor
        # a name the document has already established ("Sheinbaum", "AMLO", "Canseco")
        if (not name_text and head_tag == "NN" and lowers[h] in self._names
                and self._arrays.words[h].istitle() and h == self._arrays.sent_starts[h]):
            # "Ruiz later accused ...": a surname the text has given someone, which the
            # tagger took for a common noun at the start of a sentence
            name_text = head.text
        if name_text and name_text.lower() in self._names and not head_country:
            return self._with_text(self._names[name_text.lower()], name_text)
        titled = self._titled_surname(head, head_pos, words, sectors, day)
        if titled is not None:
            return titled
        if head_country and not any(m.start <= head_pos < m.end for m in named):
            named = []  # "The US, Russia and ...": the head's own name wins over a neighbour's
        owners = [m for m in named if _owner_of(arrays, positions[m.end - 1], h)]
        if owners and any(m.entry.person_role and m.start <= head_pos < m.end for m in sectors):
            # "Arnor's minister Telemar": an office holder is of the party whose office it
            # is, whatever a dictionary says the name after the title stands for
            named = owners
        if named:
            best = min(named, key=lambda m: abs(m.start - head_pos))
            actor = self._from_entry(best.entry, best, 0, day)
            body = [m.entry.code for m in sectors if m.start <= head_pos < m.end
                    and m.entry.code in STATE_BODIES]
            if (actor and body and actor.country not in ("IGO", "NGO", "IMG")
                    and _leader(lowers, positions[best.end - 1] + 1)):
                # "the Taliban-led government", "a Hamas-led cabinet": a state's body a
                # group leads is that state's body, not the group
                return Actor(code=actor.country + body[0], country=actor.country,
                             sector=body[0], name=self.knowledge.country_name(actor.country),
                             text=" ".join(words))
            if actor:
                if sectors and not actor.sector and best.entry.kind == "actor":
                    # a user-dictionary agent noun qualifies a country-only actor
                    actor = _with_sector(actor, _best_sector(sectors, head_pos))
                return self._with_text(_with_prefix(actor, prefix), span_text(best))
        # "Iran's militia allies in Syria", "the chief of Iran's proxies in Iraq": the
        # other party is of the place it is found in
        home = next((c for t in positions if lemma_lowers[t] in OTHER_PARTY_NOUNS
                     for c in self._located_in(t, day, GROUP_PLACE_PREPS)), ""
                    ) if self._other_party_nouns else ""
        other_party = head_lemma in OTHER_PARTY_NOUNS
        if other_party and not home and countries and all(
                _owner_of(arrays, positions[m.start], h) for m in countries):
            # "Israel's militia ally", "an ally of Russia": someone other than that state,
            # whom the phrase does not name
            return None
        country = home if other_party and home else (reading.country or home)
        if countries and regions_only and any(
                lemma_lowers[a] in ASSOCIATIONS and a in index
                for m in countries for a in ancestors(arrays, positions[m.start])):
            # "the Federation of Asian Surgeons": a body of people from a region's
            # states is a non-governmental one, not the region
            country = "NGO"
        if not country and head_lemma in LEADER_GOVERNMENTS:
            country = self._leader_country(head)
        if not country and head_lemma not in OTHER_PARTY_NOUNS and head_sector:
            # (a body or people only: "Reagan's proposals" are no actor)
            country = self._owner_person_country(head, day)
        minority = head_lemma in MINORITY_NOUNS and countries and all(
            m.entry.demonym and arrays.heads[positions[m.end - 1]] == h for m in countries)
        if minority or (head_people and any(lowers[t] == "ethnic" for t in positions)):
            # "ethnic Albanians in south Serbia", "the Albanian minority": an ethnic group
            # lives in another state
            country = next(iter(self._located_in(h, day)), "") or self._residence(head, country)
        if not head_sector:
            # "press conference": a modifier's sector is not the phrase's; but a title
            # before a name is ("Nigerian junior foreign minister Dubem Oniya"), and so is
            # a body's noun compounded with a national thing ("Israeli army bulldozers")
            if head_pos_tag == "PROPN" and not head_country:
                # so is a role in an apposition after it ("Sidhoum, Algeria's leading
                # human rights activist")
                described = _apposition_words(arrays, h)
                # a name of no person or place keeps a body's noun too ("German firm Siemens",
                # "Siemens, the German company"): it says what the organisation is
                organisation = head_ent in ("ORG", "")
                sectors = [m for m in sectors if (m.entry.person_role or organisation)
                           and (m.end <= head_pos or positions[m.start] in described)]
            elif head_lemma in MEMBER_HEADS:
                # "a member of the Syrian parliament", "the head of Iran's judiciary": a
                # member or a head is of the body the "of" phrase names
                sectors = [m for m in sectors if not m.entry.person_role
                           and _owner_of(arrays, positions[m.end - 1], h)]
            elif head_lemma in MOVEMENT_HEADS:
                # "demanded the removal of US troops", "the expulsion of the Iraqi
                # ambassador": the moved body's or office holder's own sector
                sectors = [m for m in sectors if _owner_of(arrays, positions[m.end - 1], h)]
            else:
                sectors = [m for m in sectors if countries and not m.entry.person_role
                           and arrays.deps[positions[m.end - 1]] == "compound"
                           and arrays.heads[positions[m.end - 1]] == h]
        sector = _best_sector(sectors, head_pos) if sectors else ""
        if (not sector and country and not named and head_pos_tag == "NOUN"
                and (self._force_deed(h) or self._striking_craft(h))):
            # "an Israeli raid killed three militants": the raider is the state's forces
            # (a police raid keeps its police: that phrase names a sector)
            sector = "MIL"
        if sector == "REB" and self._fighter_jets(h):
            # "Chinese fighters intercepted a US plane": fighter jets, the state's air force
            sector = "MIL"
        if (not sector and head_ent == "ORG" and head_pos_tag == "PROPN"
                and not self._arrays.words[h].isupper()
                and any(_owner_of(arrays, positions[m.end - 1], h) for m in countries)):
            # "Germany's Siemens", "China's Huawei": an organisation a state's name owns,
            # named by no other word, is a business of it (a name in capitals may be a
            # party's or a broadcaster's: "Turkey's AKP", "Britain's BBC")
            sector = "BUS"
        # a region's word does not give a force one state ("a West African peacekeeping force")
        regional = bool(countries) and regions_only
        if (not country or regional) and head_pos_tag == "NOUN":
            mods = {lowers[t] for t in positions
                    if arrays.deps[t] in MODIFIER_DEPS and arrays.heads[t] == h}
            if ((head_lemma in FORCE_HEADS or sector == "MIL")
                    and (mods & MULTINATIONAL_WORDS or ("regional" in mods and head_tag == "NN")
                         or (regional and bool(mods & PEACEKEEPING)))
                    and not any(arrays.deps[t] == "poss" for t in positions)
                    and not _sent(head)):
                # "a regional peacekeeping force", "international troops": a force of
                # several states that no phrase gives a state is an international one,
                # not the country it is deployed in (one troops are sent to is left to
                # the place: "will send troops to an international force in Liberia")
                return Actor(code="IGOMIL", country="IGO", sector="MIL", text=" ".join(words))
            if not country and sector[:3] in ARMED_SECTORS and "foreign" in mods:
                # "foreign troops in Kosovo", "foreign fighters in Syria": armed men the text
                # calls foreign are not of the place they are in, but of the place they
                # come from, or of the state that the same noun named them with before
                origin = self._located_in(h, day, frozenset({"from"}))
                if not origin:
                    here = set(self._located_in(h, day, GROUP_PLACE_PREPS))
                    same = self._last_named_as(head)
                    if same is not None and same.country not in here:
                        return self._with_text(same, " ".join(words))
                    self._foreign.add(head.i)
                    return None
                country = origin[0]
        # "the leaders of the two countries", "officials of both nations": several
        # countries, which the one named last does not stand for; the phrase is left
        # unresolved. One with a region adjective ("the two West African neighbours")
        # is left to the description below: the country named last is one of the pair
        if not countries and any(tags[t] == "NNS"
                                 and any(arrays.deps[c] == "nummod" or lowers[c] == "both"
                                         for c in arrays.children[t])
                                 for t in reading.descriptors):
            return None
        # "the West African nation", "a former finance minister of the West African
        # nation": a description, not a name; a region adjective does not name the country
        if regions_only and reading.descriptors:
            # the other party is never the nation itself, but may be one of its citizens
            # ("troops held the former finance minister of that country")
            is_nation = head_lemma in COUNTRY_DESCRIPTORS
            country = (self.recent_country(head.i, set(exclude) if is_nation else set())
                       or ("" if not countries else country))
            if country and is_nation:
                return Actor(code=country + "GOV", country=country, sector="GOV",
                             name=self.knowledge.country_name(country),
                             text=" ".join(words))
        if (not country and not sector and head_pos_tag == "NOUN" and head_tag == "NNS"
                and head_dep not in MODIFIER_DEPS and faiths
                and not any(m.start <= head_pos < m.end for m in faiths)):
            # "Muslim groups", "Christian villagers": people named by their faith are of
            # the state in sight, with the faith's code, else of the faith alone; the
            # other party's state is not ruled out ("police clashed with Christian groups")
            faith = _faith_actor(faiths, words)
            home = self.recent_country(head.i) or self._later_country(head, set()) or ""
            return Actor(code=home + faith.code, country=home or faith.country,
                         sector=faith.code if home else faith.sector,
                         name=faith.name, text=faith.text)
        if not country and not sector:
            if (head_pos_tag in ("NOUN", "PROPN") and head_dep not in MODIFIER_DEPS
                    and any(m.start <= head_pos < m.end for m in faiths)
                    and self.recent_country(head.i) is None):
                # "Sunnis demanded...", with no state in sight: a people named by their
                # faith alone is coded by it
                return _faith_actor(faiths, words)
            if (head_pos_tag in ("NOUN", "PROPN") and head_tag in ("NNS", "NNPS")
                    and head_dep not in MODIFIER_DEPS
                    and any(m.start <= head_pos < m.end for m in faiths)):
                # "Egypt hanged three Islamists": people named by their faith alone, with a
                # state in sight, are of the state the sentence places them in ("bombed
                # Islamists in Somalia"), else of that state, with the faith's code (as
                # "Muslim groups" below)
                # (never the state of the party they are acted on by: "Israeli troops
                # killed two Islamists" names no state of theirs)
                home = next((iso for i, iso in self._countries
                             if head.i < i < self._arrays.sent_ends[head.i] and iso not in exclude
                             and _names_a_place(self.doc[i])), "")
                if not home and (recent := self.recent_country(head.i)) not in exclude:
                    home = recent or ""
                faith = _faith_actor(faiths, words)
                if home:
                    return Actor(code=home + faith.code, country=home, sector=faith.code,
                                 name=faith.name, text=faith.text)
            if head_lemma in OWNED_PLACES:
                return self._owned_place(head, day, exclude) or self._place_actor(h)
            return self._place_actor(h)
        person_role = any(m.entry.person_role for m in sectors)
        if former and sector:
            sector = "ELI"  # a former office holder keeps the country as elite
        if not country and head_dep == "conj" and arrays.pos[arrays.heads[h]] == "NOUN":
            # "Danish media and government", "lawmakers and officials in Arnor": the
            # first conjunct's modifiers are shared
            country = self._own_country(head.head, day)
        # "Archbishop Tutu called for sanctions against Nigeria": a person is not of the
        # country they speak of
        named_person = head_ent == "PERSON" or (head_pos_tag == "PROPN" and person_role)
        if (not country and sector in NGO_SECTORS and not named_person
                and any(lowers[t] in INTERNATIONAL_WORDS and arrays.deps[t] in MODIFIER_DEPS
                        for t in positions)):
            # "an international relief agency urged the Chadian government": an NGO,
            # wherever it works
            return _with_prefix(Actor(code="NGO" + sector, country="NGO", sector=sector,
                                      text=" ".join(words)), prefix)
        if not country and head_lemma not in POSTED_ABROAD:
            # "lawmakers in Arnor", "security forces in Guinea", "students throughout
            # Indonesia": where a group acts is whose it is (and where one comes from: "a
            # missionary from Calgary")
            country = (next(iter(self._located_in(h, day, GROUP_ORIGIN_PREPS)), "")
                       or self._compound_place_country(h))
            if not country and sector in PEOPLE_SECTORS and head_dep in ("dobj", "obj"):
                # "detained 40 migrants from Myanmar": the parser hangs where people come
                # from on the verb that acts on them
                country = next(iter(self._located_in(arrays.heads[h], day,
                                                     frozenset({"from"}))), "")
            if not country and sector:
                # "the vice governor of the Omsk region", "the mayor of Herat": an
                # office of a place is held in that place's state
                country = self._office_place_country(h)
            if (not country and sector and head_dep == "compound"
                    and arrays.pos[arrays.heads[h]] == "NOUN"):
                # "an army checkpoint in Sinai", "a government building in Bamenda": the
                # holders of a place are of the state it lies in (where the deed done to
                # it is: "ambushed an army convoy in Sinai"; not where one meets them:
                # "met government negotiators in Doha")
                # (read from the parse arrays)
                held = arrays.heads[h]
                verb = arrays.heads[held]
                acted = (arrays.deps[held] in OBJECT_DEPS
                         and lemma_lowers[verb] not in MUTUAL_WORDS)
                country = next(iter(self._located_in(held, day) or (
                    self._located_in(verb, day) if acted else [])), "")
                # (a city the tagger took for a name: "a government building in Bamenda")
                places = [*arrays.children[held], *(arrays.children[verb] if acted else ())]
                country = country or next((c for p in places if arrays.deps[p] == "prep"
                                           and lowers[p] == "in" for o in arrays.children[p]
                                           if arrays.deps[o] == "pobj"
                                           and (c := self._city_named(o))), "")
        if not country and sector and not named_person:
            # "Hamas militants attacked ... The militants took hostages": a group named again
            # by its noun alone is the one named before with it
            same = self._last_named_as(head)
            if same is not None:
                return self._with_text(same, " ".join(words))
        if not country and sector and not named_person:
            # "Egypt and Jordan said their leaders would meet": the owner a possessive
            # pronoun names is the subject of the clause that reports it, when they agree
            # in number ("Kenya said their leaders were held" is someone else's)
            # (read from the parse arrays, a Token made only for the subject resolved)
            owner = next((c for c in arrays.children[h] if arrays.deps[c] == "poss"
                          and (lowers[c] in GROUP_PRONOUNS or lowers[c] in THING_PRONOUNS)), None)
            matrix = _matrix_subject(arrays, owner) if owner is not None else None
            if (owner is not None and matrix is not None
                    and _plural(arrays, matrix) != (lowers[owner] in GROUP_PRONOUNS)):
                matrix = None
            found = self.resolve(self.doc[matrix], day) if matrix is not None else None
            country = found.country if found is not None else ""
        if not country:
            # "the police", "the president": the body of that kind the text last named
            # ("Ecuadorian police raided ... Police arrived"), else the country the
            # document is talking about
            # (not people a possessive gives an owner: "three of its staff were killed in
            # Darfur" are the agency's, wherever they were)
            country = ((self._scene_country(head, sector in CROWD_SECTORS)
                        or self._sentence_place_country(head)
                        if sector in SCENE_SECTORS
                        and not any(arrays.deps[c] == "poss" for c in arrays.children[h]) else "")
                       or self._last_body(sector, head.i, _anaphor_exclude(arrays, h, exclude))
                       or (self._story_country(head.i, set(exclude)) if sector in STATE_BODIES
                           else self.recent_country(head.i, set(exclude)))
                       or (self._later_person_country(head, set(exclude))
                           if sector in STATE_BODIES and not named_person and not faiths else "")
                       # "Muslim hackers defaced Danish web sites": a group named by its
                       # faith is identified by it, not by the country of what it acts on
                       or (self._later_country(head, set(exclude), modifier=named_person,
                                               place_only=bool(faiths) or sector in CROWD_SECTORS,
                                               rulers_only=sector[:3] in IRREGULAR_SECTORS,
                                               rebels=sector.startswith("REB") or (
                                                   sector[:3] in IRREGULAR_SECTORS
                                                   and not STATELESS_PEOPLES.isdisjoint(
                                                       w.lower() for w in words)))
                           if sector and (not named_person or sector in JURISDICTIONS
                                          or self._domestic_portfolio(head, words))
                           else "") or "")
            if (not country and faiths and sector and not named_person
                    and self.recent_country(head.i) is None):
                # "Islamic militants", with no state in sight (not even one left out as the
                # other party's): CAMEO's code for the faith stands in place of the country
                return _with_sector(_faith_actor(faiths, words), sector)
            if not country:
                return None
        if not sector and country and head_country:
            if head_dep in MODIFIER_DEPS and self._force_deed(arrays.heads[h]):
                # "Israeli" of "the Israeli raid on Jenin", read as the raid's doer: the
                # state's forces (see STATE_FORCE_DEEDS), not its people
                sector = "MIL"
            elif head_people or (head_ent == "NORP" and head_tag in ("NNPS", "NNS")):
                # "Young Algerians", "an Eriadorian", "West Africans": people, not the state
                sector = "CVL"
            elif head_pos_tag == "PROPN" and self._club_name(reading):
                # "Real Madrid", "Spartak Moscow": a club named after a capital is its
                # people's (its players, as athletes), not the state's government
                sector = "CVL"
            elif head_pos_tag == "PROPN":
                sector = "GOV"  # a state acting ("Mexico filed a lawsuit") is its government
        elif not sector and country and head_ent == "NORP" and head_tag in ("NNPS", "NNS"):
            sector = "CVL"  # "Iraqi Kurds", "Lebanese Druze": a people of that state
        if not sector and head_lemma in COUNTERPART_NOUNS:
            sector = self._counterpart_sector(head, day, country)
        role = " ".join(" ".join(words[m.start:m.end]) for m in sectors)
        name = self.knowledge.country_name(country) if country else ""
        if name_text and head_ent == "PERSON":
            name = name_text
        actor = self._actor(country + sector, country, sector, name, " ".join(words),
                            ("former " + role) if former and role
                            and not role.startswith("former") else role)
        if head_ent == "PERSON" or (person_role and name_text):
            self._remember(head.i, actor, True, False, name_text or "")
        return _with_prefix(actor, prefix)

    def _owned_place(self, head: Token, day: dt.date | None,
                     exclude: AbstractSet[str]) -> Actor | None:
        """The state a place noun's "its" names ("Russia said Ukraine shelled its border
        region": not the shelling state, which does not shell its own), standing for the
        place as its name would."""
        arrays = self._arrays
        owner = next((c for c in arrays.children[head.i] if arrays.deps[c] == "poss"
                      and arrays.lowers[c] == "its"), None)
        if owner is None:
            return None
        # nor the doer of the deed done to the place ("Hezbollah fired rockets at its
        # northern towns"), even where the doer's own state may be the target
        verb = next((a for a in head.ancestors if token_pos(a) in ("VERB", "AUX")), None)
        doers = [d for c in (verb.children if verb is not None else ())
                 if c.dep_ == "nsubj" and (d := self.resolve(c, day)) is not None]
        found = self._pronoun(self.doc[owner], day, set(exclude) | {d.country for d in doers})
        if found is None or not found.country or found.country in ("IGO", "NGO", "IMG"):
            return None
        return Actor(code=found.country, country=found.country, sector="",
                     name=self.knowledge.country_name(found.country),
                     text=" ".join(self._reading(head).words))

    def _club_name(self, reading: _Reading) -> bool:
        """Whether the phrase read as ``reading`` names a capital after a name word that
        neither the knowledge nor a place word explains ("Real Madrid", "Dynamo Kyiv"):
        a club's or a firm's name, not the seat of a government."""
        arrays, positions, head_pos = self._arrays, reading.positions, reading.head_pos
        own = [m for m in reading.countries if m.start <= head_pos < m.end and m.entry.seat]
        if not own:
            return False
        first = positions[own[0].start]
        matched = {positions[k] for m in self._match(positions) for k in range(m.start, m.end)}
        return any(arrays.deps[c] == "compound" and arrays.pos[c] == "PROPN" and c < first
                   and c not in matched and arrays.lowers[c] not in PLACE_QUALIFIERS
                   and arrays.ent_types[c] not in PLACE_ENTITIES
                   for c in arrays.children[positions[head_pos]])

    def _compound_place_country(self, head: int) -> str:
        """The country of a place named before the body's noun at token ``head`` ("Texas
        police", "New Mexico officials"): the body is that place's, as "lawmakers in
        Texas" are."""
        # read from the parse arrays: asked of most groups the text names
        arrays = self._arrays
        for child in arrays.children[head]:
            if arrays.deps[child] != "compound":
                continue
            if arrays.ent_types[child] in ("GPE", "LOC"):
                place = self._place_actor(child)
                if place is not None:
                    return place.country
            elif arrays.words[head].islower():  # (Token.is_lower)
                # (a city the tagger took for a name or a people: "Kano police"; not a
                # word of a title: "the Federal Minister")
                country = self._city_named(child)
                if country:
                    return country
        return ""

    def _counterpart_sector(self, head: Token, day: dt.date | None, country: str) -> str:
        """The sector of whom a counterpart is one to ("the Indian foreign minister met
        his Australian counterpart"): a counterpart holds the same office in another
        state. Empty when the phrase names no such party, or one of the same state."""
        owner = next((c for c in head.children if c.dep_ == "poss"), None)
        if owner is None:
            return ""
        other = self.resolve(owner, day)
        if other is None and token_lower(owner) in PERSON_OR_GROUP_PRONOUNS:
            # "his" of an unnamed office holder, whom no memory keeps: the subject of the
            # clause the counterpart is an object in ("the minister met his counterpart")
            verb = head.head
            while verb.dep_ in ("prep", "pobj", "dobj", "dative") and verb.head is not verb:
                verb = verb.head
            subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
            other = self.resolve(subject, day) if subject is not None else None
        if other is not None and other.sector and other.country != country:
            return other.sector
        return ""

    def _force_deed(self, i: int) -> bool:
        """Whether the token at ``i`` is a noun for a deed of armed forces ("raid",
        "shelling", "air strike"; see STATE_FORCE_DEEDS)."""
        arrays, lemma = self._arrays, self._lemma_lowers[i]
        mods = {self._lemma_lowers[c] for c in arrays.children[i] if arrays.deps[c] in MODIFIER_DEPS}
        return arrays.pos[i] == "NOUN" and (
            lemma in STATE_FORCE_DEEDS or (lemma == "strike" and bool(mods & STRIKE_MODIFIERS))
            # (or one aimed at a place: "the Russian strike on Kharkiv"; a walkout is
            # aimed at no place, only held on a day)
            or (lemma == "strike" and any(
                arrays.deps[c] == "prep" and arrays.lowers[c] == "on"
                and any(arrays.deps[o] == "pobj" and arrays.ent_types[o] not in ("DATE", "TIME")
                        for o in arrays.children[c]) for c in arrays.children[i]))
            # "the Russian attack on Kharkiv" is by the state's forces; "a Palestinian
            # suicide attack", "a Chinese cyber attack" are by others
            or (lemma == "attack" and not mods & IRREGULAR_ATTACKS)
            # "Ukrainian drones hit an oil depot": a state's arms that strike are its forces
            or lemma in STATE_WEAPONS)

    def _striking_craft(self, i: int) -> bool:
        """Whether the token at ``i`` is a jet or a plane that attacks: the subject of a
        verb of attack ("Israeli jets bombed Gaza") or of one whose object is a deed of
        war ("Russian planes carried out air strikes"). A state's word on a jet says whose
        air force it is only then; "a Turkish jet landed" may be an airliner."""
        arrays, lemmas = self._arrays, self._lemma_lowers
        if lemmas[i] not in STRIKING_CRAFT or arrays.deps[i] != "nsubj":
            return False
        verb = arrays.heads[i]
        return lemmas[verb] in AIR_ATTACK_VERBS or any(
            arrays.deps[o] in OBJECT_DEPS and self._force_deed(o) for o in arrays.children[verb])

    def _fighter_jets(self, i: int) -> bool:
        """Whether "fighters" at ``i`` are jets: the subject of a verb of air pursuit whose
        object is an aircraft ("fighters escorted the bombers"), or what a state scrambles
        ("Japan scrambled fighters"). Fighters who shoot one down may be guerrillas."""
        arrays, lemmas = self._arrays, self._lemma_lowers
        if lemmas[i] != "fighter":
            return False
        verb = arrays.heads[i]
        if arrays.deps[i] in OBJECT_DEPS:
            return lemmas[verb] == "scramble"
        return arrays.deps[i] == "nsubj" and lemmas[verb] in AIR_PURSUIT_VERBS and any(
            arrays.deps[o] in OBJECT_DEPS and lemmas[o] in AIRCRAFT for o in arrays.children[verb])

    def _owner_person_country(self, head: Token, day: dt.date | None) -> str:
        """The country of the known person whose possessive names a body or its people
        ("Erdogan's party", "Assad's forces", "Putin's critics"): theirs, as the
        person is (not a rival's or an ally's: the caller leaves those out)."""
        # the possessives looked for are read from the parse arrays: most heads have none
        arrays = self._arrays
        for child in arrays.children[head.i]:
            if arrays.deps[child] != "poss" or arrays.pos[child] != "PROPN":
                continue
            owner = self.resolve(self.doc[child], day)
            if owner is not None and owner.country not in ("", "IGO", "NGO", "IMG", "MNC"):
                return owner.country
        return ""

    def _leader_country(self, head: Token) -> str:
        """The state a government named after its leader belongs to ("the Bush
        administration", "the Netanyahu government"): the one state every known bearer of
        that surname governed, even when several did ("Bush": both presidents)."""
        for mod in head.children:
            if mod.dep_ != "compound" or token_pos(mod) != "PROPN":
                continue
            states = {spell.code[:3] for entry in self.knowledge.bearers(mod.text)
                      for spell in entry.spells if spell.code[3:6] == "GOV"}
            if len(states) == 1:
                return states.pop()
        return ""

    def _residence(self, head: Token, kin: str) -> str:
        """The state an ethnic group named without a place lives in: the country its
        sentence names nearest to it other than its kin state ("Serb forces killed three
        ethnic Albanians", "ethnic Albanians demonstrated in Serbia"); the kin state when
        the sentence names no other."""
        start, end = self._arrays.sent_starts[head.i], self._arrays.sent_ends[head.i]
        others = [(abs(i - head.i), iso) for i, iso in self._countries
                  if start <= i < end and iso != kin]
        return min(others)[1] if others else kin

    def _located_in(self, head: int, day: dt.date | None,
                    preps: frozenset[str] = frozenset({"in"})) -> list[str]:
        """The countries of the places an "in" phrase (or one of ``preps``) attached to
        the word at token ``head`` names ("in Arnor and Gondor"), in text order."""
        found: list[str] = []
        # the phrases looked for are read from the parse arrays: most heads have none
        arrays = self._arrays
        deps = arrays.deps
        for prep in arrays.children[head]:
            if deps[prep] != "prep" or arrays.lowers[prep] not in preps:
                continue
            for obj in arrays.children[prep]:
                if deps[obj] != "pobj" or arrays.ent_types[obj] in ("DATE", "TIME"):
                    continue
                obj_token = self.doc[obj]
                for place in (obj, *(c.i for c in obj_token.conjuncts)):
                    # (a city the tagger took for a name or missed: "police in Enugu")
                    country = self._place_country(place) or self._city_named(place)
                    if country and country not in found:
                        found.append(country)
        return found

    def _office_place_country(self, head: int) -> str:
        """The country of the place the "of" phrase of the office at token ``head`` names:
        the place itself ("of Herat") or a place name compounded with a noun ("of the Omsk
        region")."""
        # read from the parse arrays: asked of most offices and bodies the text names
        arrays = self._arrays
        deps, children, ent_types = arrays.deps, arrays.children, arrays.ent_types
        for prep in children[head]:
            if deps[prep] != "prep" or arrays.lowers[prep] != "of":
                continue
            for obj in children[prep]:
                if deps[obj] != "pobj":
                    continue
                places = [obj] if ent_types[obj] in ("GPE", "LOC") else [
                    c for c in children[obj]
                    if deps[c] == "compound" and ent_types[c] in ("GPE", "LOC")]
                for place in places:
                    country = self._place_country(place)
                    if country:
                        return country
                # "the mayor of Kharkiv": a city the tagger took for a name
                country = self._city_named(obj) if not places else ""
                if country:
                    return country
        return ""

    def _scene_country(self, head: Token, crowd: bool = False) -> str:
        """The country of the place the clauses above ``head`` say they happened in
        ("In Aleppo, warplanes bombed a market where civilians were shopping"):
        people no phrase places are those of the scene, not of a country the text named
        last in passing. ``crowd``: a crowd is also where it goes about ("Protesters
        marched through Istanbul")."""
        preps = CROWD_PLACE_PREPS if crowd else SCENE_PLACE_PREPS
        # the clauses are read from the parse arrays, and a Token made only for a name
        # looked up: this walks every clause above a group no phrase places
        arrays = self._arrays
        heads, deps, lowers, pos = arrays.heads, arrays.deps, arrays.lowers, arrays.pos
        children, ent_types = arrays.children, arrays.ent_types
        h: int = head.i
        head_dep, owner = deps[h], heads[h]
        above = h
        while heads[above] != above:  # (Token.ancestors)
            above = heads[above]
            if pos[above] not in ("VERB", "AUX"):
                continue
            dependents = children[above]
            # and the "when" clause that tells the same deed ("killed nine people
            # when they bombed a market in Haifa")
            when = [c for c in dependents if deps[c] == "advcl"
                    and any(lowers[m] == "when" and deps[m] == "advmod" for m in children[c])]
            # and where the deed's own object is ("went on strike in Antwerp", "staged a
            # sit-in in Lyon"), not where someone goes or comes from ("fled to camps in
            # Chad")
            deeds = [o for c in dependents
                     for o in ([c] if deps[c] in ("dobj", "obj") else
                               [g for g in children[c] if deps[g] == "pobj"]
                               if deps[c] == "prep" and lowers[c] not in AWAY_PREPS else [])]
            # and where the deed that does it was aimed ("the Russian attack on Kharkiv
            # killed 12 civilians")
            aimed = [p for c in dependents if deps[c] == "nsubj" and self._force_deed(c)
                     for p in children[c] if deps[p] == "prep" and lowers[p] in AIMED_PREPS]
            # and where the doer of a deed done to them is ("police in Lagos arrested 20
            # protesters", "soldiers in Mandalay fired on protesters"; not a teller's:
            # "officials in Nairobi said")
            acted_on = ((owner == above and head_dep in OBJECT_DEPS)
                        or (head_dep == "pobj" and lowers[owner] in ("on", "at")
                            and heads[owner] == above))
            present = [p for c in dependents if deps[c] == "nsubj" and acted_on
                       for p in children[c] if deps[p] == "prep" and lowers[p] == "in"]
            for prep in [*dependents, *(p for c in (*when, *deeds) for p in children[c]),
                         *aimed, *present]:
                if deps[prep] != "prep" or (lowers[prep] not in preps and prep not in aimed):
                    continue
                # a place's own name, not a phrase naming a country inside it ("in
                # defiance of Chinese authorities"); a name the tagger missed as a
                # place ("in northern Mali" taken for a person's) is still looked up
                for obj in children[prep]:
                    if deps[obj] == "pobj" and (ent_types[obj] in ("GPE", "LOC", "FAC")
                                                or pos[obj] == "PROPN"):
                        country = self._place_country(obj) or (
                            self._city_named(obj) if prep in aimed or prep in present else "")
                        if country:
                            return country
            # (or named before the doer's noun: "Lagos police arrested 20 protesters")
            for doer in (c for c in dependents if deps[c] == "nsubj" and pos[c] == "NOUN"
                         and acted_on):
                country = self._compound_place_country(doer)
                if country:
                    return country
        return ""

    def _sentence_place_country(self, head: Token) -> str:
        """The country of the place whose office holder or body a sentence names before
        ``head``: "The mayor of Aleppo accused rebels of shelling the city" sets its scene
        in Aleppo, and the rebels are Syria's; "Gaza's health ministry said strikes killed
        40 people" tells of Gaza's people. (Only a place that owns the office or body: one
        it is merely in, "officials in Washington said", sets no one's country.)"""
        arrays = self._arrays
        start = arrays.sent_starts[head.i]
        for i in range(head.i - 1, start - 1, -1):
            if arrays.pos[i] != "NOUN" or not any(
                    e.kind == "sector" for e in self.knowledge.lookup(arrays.lowers[i])):
                continue
            country = (self._office_place_country(i) or self._compound_place_country(i)
                       or next((c for o in arrays.children[i] if arrays.deps[o] == "poss"
                                and (c := self._place_country(o) or self._city_named(o))), ""))
            if country:
                return country
        return ""

    def _city_named(self, i: int) -> str:
        """The country of a place named at token ``i`` whose name the tagger took for a
        person's or a body's ("the attack on Kharkiv"), when the name is the place's own,
        not one the gazetteer only comes near, and names no actor."""
        # (a Token made only for a name, to resolve it)
        arrays = self._arrays
        if (self.gazetteer is None or arrays.pos[i] != "PROPN"
                or self.resolve(self.doc[i]) is not None):
            return ""
        ent = _entity_range(arrays, i) if arrays.ent_types[i] else range(i, i + 1)
        name = arrays.span_text(ent.start, ent.stop)
        place = self.gazetteer.lookup(name, self._place_context(i))
        if place is None or normalize_name(place.name) != normalize_name(name):
            return ""
        return place.country

    def _place_country(self, i: int) -> str:
        """The country the place phrase headed at token ``i`` names, by name or through
        the gazetteer."""
        deps = self._arrays.deps
        positions = [t for t in self._np_positions(i) if deps[t] != "conj" or t == i]
        for m in self._moved_seats(self._match(positions), positions):
            if m.entry.kind in ("country", "actor") and len(m.entry.code) >= 3:
                return m.entry.code[:3]
        place = self._place_actor(i)
        return place.country if place is not None else ""

    def _own_country(self, head: Token, day: dt.date | None) -> str:
        """The country a phrase's own words give it (a modifier or an "in" phrase),
        without guessing from the rest of the document."""
        deps = self._arrays.deps
        positions = [t for t in self._np_positions(head.i) if deps[t] != "conj"]
        countries = [m for m in self._match(positions)
                     if m.entry.kind in ("country", "actor")]
        if countries:
            return _country_of(self._arrays, countries, positions, head.i)
        return next(iter(self._located_in(head.i, day)), "")

    def resolve_all(self, head: Token, day: dt.date | None = None,
                    exclude: AbstractSet[str] = frozenset()) -> list[Actor]:
        """Every actor a phrase names: the phrase's own actor (or the first named inside
        it) and those coordinated with it: "Eriadori and Calenardhon leaders", "ties with
        Mordor, Rohan and Bree"."""
        found, at = self._within(head, day, exclude)
        if found is None or at is None:
            return []
        out = [found]
        # the head's dependents are read from the parse arrays, and a Token made only for
        # those that can add an actor: every argument of every event is resolved so
        arrays, h, doc = self._arrays, head.i, self.doc
        deps, children = arrays.deps, arrays.children
        # "lawmakers in Arnor and Gondor", "the ambassadors of Arnor, Osgiliath and
        # Gondor": one actor for each place
        places: list[str] = []
        if at.i == h and found.sector:
            owner = (arrays.heads[h] if deps[h] == "conj"
                     and arrays.pos[arrays.heads[h]] == "NOUN" else h)
            # "the parliament of Gondor in Eriador" is one body: only a list of states counts
            places = next((p for p in (self._located_in(owner, day, frozenset({prep}))
                                       for prep in MEMBER_PREPS) if len(p) > 1), [])
        if found.country in places:
            # (the phrase's actor may be read from any of the places, not only the first:
            # a longer name wins, "the leaders of Iran and Saudi Arabia" reads Saudi Arabia)
            out += [Actor(code=c + found.sector, country=c, sector=found.sector,
                          name=self.knowledge.country_name(c), text=found.text)
                    for c in places if c != found.country]
        listed = list(at.conjuncts) if at.i != h else []
        modifiers: list[Token] = []
        for child in children[h]:
            dep = deps[child]
            if (dep == "appos" and arrays.pos[child] == "PROPN"
                    and arrays.ent_types[child] != "PERSON"):
                # a list the parser read as an apposition: "Mordor, the Shire, Arnor and
                # Bree", "Arnor and the evil awful Gondor"; one state is never another's
                # other name
                appos = doc[child]
                if self._another_state(appos, found, day):
                    listed += (appos, *appos.conjuncts)
            elif dep in ("amod", "compound", "nmod") and any(
                    deps[c] == "conj" and c > child for c in children[child]):
                # coordinated modifiers of the head share its sector: "Eriadori and
                # Calenardhon leaders" are both governments (a modifier has conjuncts
                # when a "conj" word follows it among its dependents: Token.conjuncts)
                mod = doc[child]
                modifiers += (mod, *mod.conjuncts)
        shared = found.sector
        if len(shared) > 3 and modifiers:
            # "Israeli and Hamas negotiators": a named group's code is its own; the other
            # modifiers share the sector the head noun names (negotiators: GOV)
            shared = next((e.code for e in self.knowledge.lookup(arrays.lowers[h])
                           if e.kind == "sector"), shared)
        for tok, shares_sector in [*((t, False) for t in listed), *((t, True) for t in modifiers)]:
            actor = self.resolve(tok, day, exclude)
            if actor is None:
                continue
            if shares_sector and actor.country and actor.code != found.code:
                actor = Actor(code=actor.country + shared, country=actor.country,
                              sector=shared, name=actor.name, text=actor.text)
            if all(actor.code != o.code for o in out):
                out.append(actor)
        return out

    def _another_state(self, tok: Token, found: Actor, day: dt.date | None) -> bool:
        """Whether ``tok`` names a country or group other than the one ``found``."""
        other = self.resolve(tok, day)
        return (other is not None and not other.role and other.country != found.country
                and tok.i not in {p[0] for p in self._people})

    def _within(self, head: Token, day: dt.date | None,
                exclude: AbstractSet[str]) -> tuple[Actor | None, Token | None]:
        """The actor a phrase denotes, else the first one named anywhere inside it
        ("charges by Ivory Coast", "acts of violence in Ecuador"), and the word it is named at."""
        found = self.resolve(head, day, exclude)
        if found is not None or head.i in self._foreign:
            # (armed men called foreign are not of the place named inside their phrase)
            return found, head if found is not None else None
        # the phrase's words are read from the parse arrays, and a Token made only for
        # each candidate: most words of a phrase that names no actor are none
        arrays, h = self._arrays, head.i
        deps, pos, lowers, children = arrays.deps, arrays.pos, arrays.lowers, arrays.children
        subtree = arrays.subtree(h)
        # (the words for a border inside the phrase: most phrases have none)
        borders = [tok for tok in subtree if self._lemma_lowers[tok] in BORDER_NOUNS and tok != h]
        # "the chief of Israel's ally" is not Israel's; "towns near Iraq's border with
        # Iran" are on Iraq's side of it
        skip = self._other_party_words(head) | {
            t for tok in borders
            if any(deps[c] == "poss" and pos[c] == "PROPN" for c in children[tok])
            for prep in children[tok] if deps[prep] == "prep" and lowers[prep] == "with"
            for t in arrays.subtree(prep)}
        # "militants near the Afghan border" may be on either side of it: a border named
        # by one state's adjective is no one's place
        skip.update(t for tok in borders
                    for t in (tok, *children[tok]) if t == tok or deps[t] in MODIFIER_DEPS)
        if arrays.ent_types[h] == "FAC" and pos[h] == "PROPN":
            # the words of a facility's own name were read with it ("the Europe Bridge")
            skip.update(_entity_range(arrays, h))
        candidates: list[int] = []
        for tok in subtree:
            if deps[tok] in ("relcl", "ccomp", "advcl") and tok != h:
                skip.update(arrays.subtree(tok))  # clauses speak of others
            elif deps[tok] == "prep" and lowers[tok] == "before":
                # "signed the accord with a pen ... before leaders from across Africa": who
                # a thing is done before are its audience, or a time, never a party to it
                skip.update(arrays.subtree(tok))
            elif deps[tok] == "acl" and self._lemma_lowers[tok] in CHARGE_PARTICIPLES:
                # "two men convicted of spying for Israel": what someone is charged with
                # names whom they are said to have served, not them
                skip.update(t for prep in children[tok] if deps[prep] == "prep"
                            and lowers[prep] in ("of", "with") for t in arrays.subtree(prep))
            if tok == h or tok in skip or pos[tok] not in ("PROPN", "NOUN", "ADJ"):
                continue
            if _stance(lowers, tok):
                continue  # "an anti-Syria journalist" is not Syria's
            candidates.append(tok)
        # a phrase's head before its modifiers: "an agreement with the European Union" is
        # with the Union, not with "European"
        for tok in sorted(candidates, key=lambda t: deps[t] in MODIFIER_DEPS):
            candidate = self.doc[tok]
            found = self.resolve(candidate, day, exclude)
            if found is not None and found.country not in exclude:
                return found, candidate
        return None, None

    def _nearest_person(self, before: int, skip: tuple[int, int] = (0, 0)
                        ) -> tuple[int, str, Actor | None] | None:
        idx = self._arrays.idx  # (no Token made for each person)
        earlier = [p for p in self._people if p[0] < before
                   and not skip[0] <= idx[p[0]] < skip[1]]
        return max(earlier, key=lambda p: p[0]) if earlier else None

    def speaker_name(self, head: Token, day: dt.date | None = None,
                     quoted: tuple[int, int] = (0, 0)) -> tuple[str, Actor | None]:
        """Who a speaker token is: a name for the reader, and the actor when it codes.
        "she" is the person last named, never one named inside the quote itself
        (``quoted``: its character span); an uncoded person keeps the name written."""
        if token_pos(head) == "PRON" and token_lower(head) in PERSON_PRONOUNS:
            nearest = self._nearest_person(head.i, quoted)
            if nearest is not None:
                return (nearest[2].name if nearest[2] and nearest[2].name else nearest[1]), nearest[2]
        actor = self.resolve(head, day)
        # a role noun in apposition with a name: "Ferraz, a union steward" / "the steward, Ferraz"
        # (its neighbours read from the parse arrays)
        arrays, h = self._arrays, head.i
        named = h
        if arrays.ent_types[h] != "PERSON":
            partner = [t for t in (arrays.heads[h], *arrays.children[h]) if t != h
                       and arrays.ent_types[t] == "PERSON"
                       and (arrays.deps[t] == "appos" or arrays.deps[h] == "appos")]
            named = partner[0] if partner else h
        written = _name_of(arrays, named)
        if written and not (actor is not None and actor.name and written.split()[-1] in actor.name):
            return written, actor  # a name as written beats a country guessed for it
        if actor is not None and (actor.name or actor.text):
            return actor.name or actor.text, actor
        return written or " ".join(arrays.words[t] for t in arrays.subtree(h)
                                   if arrays.pos[t] == "PROPN"), actor

    def _actor(self, code: str, country: str, sector: str, name: str, text: str,
               role: str) -> Actor:
        """The :class:`Actor` of these fields: the one made before in this document where
        there is one. A document resolves the same words to the same actor many times over
        (each mention of "Mexico", each look back), and an Actor, even made as
        :mod:`dotterel.records` makes it, costs several dictionary look-ups; being frozen,
        one can be shared."""
        key = (code, country, sector, name, text, role)
        found = self._made.get(key)
        if found is None:
            found = self._made[key] = records.actor(code, country, sector, name, text, role)
        return found

    def _with_text(self, actor: Actor, text: str) -> Actor:
        """``actor`` as the words ``text`` name it."""
        if actor.text == text:
            return actor
        return self._actor(actor.code, actor.country, actor.sector, actor.name, text,
                           actor.role)

    def _place_actor(self, i: int) -> Actor | None:
        """A city or region named as a participant ("shelled Kharkiv") at token ``i``
        stands for its country, as CAMEO codes it."""
        if self.gazetteer is None:
            return None
        # read from the parse arrays: most words asked about name no place
        arrays = self._arrays
        ent_type = arrays.ent_types[i]
        # a region the tagger took for a person's or a body's name ("sent aid to Tigray")
        # is still one where the sentence puts it in or sends something to it
        mistyped = (ent_type in ("PERSON", "ORG") and arrays.pos[i] == "PROPN"
                    and arrays.deps[i] == "pobj" and arrays.lowers[arrays.heads[i]] in REGION_PREPS)
        if ent_type not in ("GPE", "LOC", "FAC") and not mistyped:
            return None
        ent = _entity_range(arrays, i)
        if in_feature_name(arrays.words, ent.start, ent.stop):
            return None  # "Aden" of "the Gulf of Aden" is no participant
        name = arrays.span_text(ent.start, ent.stop)
        place = self.gazetteer.lookup(name, self._place_context(i))
        if place is None or not place.country or (
                mistyped and self.gazetteer.kind(place) != "region"):
            return None
        return self._actor(place.country, place.country, "", place.name, name, "")

    def _place_context(self, at: int, skip: int = -1) -> list[str]:
        """The countries that decide between places of one name, most relevant first:
        those the sentence of the place named at token ``at`` names, nearest first
        ("militias in Tripoli, the north Lebanese port" is Lebanon's Tripoli), then the
        last ones named before it; not the one named at token ``skip`` (the place's own
        name)."""
        sent = self._sentence(at)  # (the prepass's: no Span made for the sentence)
        near = sorted((abs(i - at), iso) for i, iso in self._countries
                      if sent.start <= i < sent.end and i != skip)
        before = list(islice((iso for i, iso in reversed(self._countries) if i < sent.start), 3))
        return list(dict.fromkeys([iso for _, iso in near] + before))

    def _pronoun(self, head: Token, day: dt.date | None,
                 exclude: AbstractSet[str] = frozenset()) -> Actor | None:
        # the clause around the pronoun is read from the parse arrays, a Token made only
        # for the subject resolved: every pronoun is resolved so
        arrays = self._arrays
        lower = arrays.lowers[head.i]
        matrix = _matrix_subject(arrays, head.i)
        if (matrix is not None and lower in PERSON_PRONOUNS
                and arrays.ent_types[matrix] in PLACE_ENTITIES):
            matrix = None  # "he" is never a state: "said that Libya must act as he left"
        if matrix is not None and lower in THING_PRONOUNS and _plural(arrays, matrix):
            matrix = None  # "it" is never a plural group: "the rebels condemned Kenya after it..."
        if (matrix is not None and lower in GROUP_PRONOUNS and not _plural(arrays, matrix)
                and self._lemma_lowers[matrix] not in COLLECTIVES
                and self._last(head.i, person=False, plural=True, exclude=exclude) is not None):
            # "Kenya condemned the rebels after they attacked a convoy": "they" is the
            # plural group named, not a single state
            matrix = None
        if matrix is not None and lower in THIRD_PERSON_PRONOUNS:
            # "Mexico announces that it is breaking relations": the complement's pronoun
            # subject is the announcing subject
            found = self.resolve(self.doc[matrix], day)
            if found is not None:
                return found
        if lower in SPEAKER_PRONOUNS:
            speaker = _reporting_subject(arrays, self._lemma_lowers, head.i)
            if speaker is not None and arrays.pos[speaker] != "PRON":
                return self.resolve(self.doc[speaker], day)
            return self._last(head.i, person=True)
        if lower in PERSON_PRONOUNS:
            nearest = self._nearest_person(head.i)
            if nearest is not None:
                # the person last named, even one we cannot code: never an older one
                return nearest[2]
            return self._last(head.i, person=True)
        if lower in GROUP_PRONOUNS:
            return (self._last(head.i, person=False, plural=True, exclude=exclude)
                    or self._last(head.i, person=False, exclude=exclude)
                    or self._last(head.i, exclude=exclude))
        if lower == "its":
            # "the killing of its top general by the United States": the doer a deed's
            # "by" phrase names is not the owner of whom the deed was done to
            exclude = set(exclude) | self._deed_agents(head, day)
        if lower in THING_PRONOUNS:
            # an actor does not act on itself: "it" is someone other than the source, and
            # one, not a plural group ("met Syrian rebels ... It later accused them")
            # (a possessive "its" is left to the last actor named: measured, preferring
            # a singular one there cost more than it gained)
            return ((self._last(head.i, person=False, plural=False, exclude=exclude)
                     if lower == "it" else None)
                    or self._last(head.i, person=False, exclude=exclude))
        return None

    def _deed_agents(self, head: Token, day: dt.date | None) -> set[str]:
        """The countries of the doers the "by" phrases of the nouns above ``head`` (up to
        its clause) name: "the killing of its general by Gondor" gives {"GON"}."""
        found: set[str] = set()
        # read from the parse arrays, a Token made only for each doer resolved
        arrays = self._arrays
        deps, children = arrays.deps, arrays.children
        for above in ancestors(arrays, head.i):
            if arrays.pos[above] in ("VERB", "AUX"):
                break
            for prep in children[above]:
                if deps[prep] != "prep" or arrays.lowers[prep] != "by":
                    continue
                for obj in children[prep]:
                    agent = self.resolve(self.doc[obj], day) if deps[obj] == "pobj" else None
                    if agent is not None and agent.country:
                        found.add(agent.country)
        return found

    def note(self, head: Token, actor: Actor) -> None:
        """Record that ``head`` denotes ``actor`` (for later pronouns)."""
        arrays, h = self._arrays, head.i
        is_person = arrays.ent_types[h] == "PERSON"
        # a phrase may name its actor only at its end ("comment on reports that it had
        # expelled Rohingya refugees"): it is seen there, lest a pronoun inside the
        # phrase be read as someone named after it (its last word, read from the parse
        # arrays: no Token made for it)
        self._remember(arrays.right_edges[h], actor, is_person, self._group_word(h), "")

    def _group_word(self, i: int) -> bool:
        """Whether the noun at ``i`` names a group a plural pronoun can mean: a plural
        ("protesters", not "headquarters") or a collective ("the police")."""
        arrays = self._arrays
        return ((arrays.tags[i] in ("NNS", "NNPS") and arrays.lowers[i] not in ONE_THING_NOUNS)
                or self._lemma_lowers[i] in COLLECTIVES)

    def note_act(self, words: Iterable[Token], doer: Actor) -> None:
        """Record that ``doer`` did the act the trigger ``words`` name ("raided",
        "signed an agreement"), so that a later mention of it by name ("the raid", "the
        agreement") leads back to them. The latest act of a name is the one meant.

        A noun the trigger qualifies names the act too: "an arrest warrant" (the
        warrant), "agreements to normalize relations" (the agreements)."""
        arrays = self._arrays
        for tok in words:
            named = [tok.i]
            owner = arrays.heads[tok.i]
            if arrays.deps[tok.i] in ("compound", "acl") and arrays.pos[owner] == "NOUN":
                named.append(owner)
            for word in named:
                if arrays.pos[word] in ("VERB", "NOUN"):
                    self._acts[self._lemma_lowers[word]] = doer

    def doer_of(self, head: Token) -> Actor | None:
        """Who did the act a noun phrase names, when the document told of it earlier:
        "condemned the raid" is aimed at the raiders, "rejected the warrants" at who
        issued them."""
        if token_pos(head) != "NOUN":
            return None
        return self._acts.get(self._arrays.lemmas[head.i].lower())


def _apposition_words(arrays: ParseArrays, head: int) -> set[int]:
    """The positions of the words of the appositions of the token at ``head`` ("Jorge
    Glas, Ecuador's former vice president")."""
    return {t for a in arrays.children[head] if arrays.deps[a] == "appos"
            for t in arrays.subtree(a)}


def _anaphor_exclude(arrays: ParseArrays, head: int, exclude: AbstractSet[str]) -> AbstractSet[str]:
    """The countries a body's noun (at ``head``) cannot refer back to. "The army", "the
    police" said alone are the same body as the last one of that kind named, even of the
    other party's country ("Suu Kyi defended the army" after "the Myanmar army launched a
    crackdown"); any other phrase keeps ``exclude`` ("military depots" struck by Russian
    forces are not theirs)."""
    deps, children = arrays.deps, arrays.children[head]
    definite = any(deps[c] == "det" and arrays.lowers[c] == "the" for c in children)
    alone = not any(deps[c] in ("amod", "compound", "poss") for c in children)
    return set() if definite and alone and arrays.pos[head] == "NOUN" else exclude


def _split_code(code: str) -> tuple[str, str]:
    code = code.upper()
    if code.startswith(("IGO", "NGO", "IMG", "MNC")):
        return code[:3], code[3:]
    return code[:3], code[3:]


def _as_of(actor: Actor | None, day: dt.date | None) -> Actor | None:
    """The actor with the state it belonged to on ``day`` when its own did not exist yet:
    Juba in 1990 is Sudan's (SDN), not South Sudan's; and with the state its name stood
    for on that day ("Congo" in 1985 is Congo-Brazzaville, Zaire's neighbour:
    ``period_names.tsv``)."""
    if actor is None or day is None:
        return actor
    named = period_names()
    # (the whole name folded only for a word that named another state then: few do)
    then = next((other for word in actor.text.split() for usual, other, first, last, longer
                 in named.get(fold(word), ()) if usual == actor.country and first <= day <= last
                 and not any(phrase in fold(actor.text) for phrase in longer)),
                None)
    if then is not None:
        actor = Actor(code=then + actor.code[3:], country=then, sector=actor.sector,
                      name=actor.name, text=actor.text, role=actor.role)
    left = successions().get(actor.country)
    if left is None or day >= left[1]:
        return actor
    code = left[0] + actor.code[3:]
    return Actor(code=code, country=left[0], sector=actor.sector, name=actor.name,
                 text=actor.text, role=actor.role)


def _with_sector(actor: Actor, sector: str) -> Actor:
    return Actor(code=actor.country + sector, country=actor.country, sector=sector,
                 name=actor.name, text=actor.text, role=actor.role)


def _faith_actor(faiths: list[PhraseMatch], words: list[str]) -> Actor:
    """The actor a phrase's faith words name, coded by the most specific of them ("Sunni
    Islamists" is MOSSUN): CAMEO's religion code standing in place of a country."""
    best = max(faiths, key=lambda m: len(m.entry.code))
    code = best.entry.code
    return Actor(code=code, country=code[:3], sector=code[3:], name=best.entry.name,
                 text=" ".join(words))


def _with_prefix(actor: Actor, prefix: str) -> Actor:
    """The actor with a code part that goes before its country ("NGO" + "ARNGOV")."""
    if not prefix or actor.code.startswith(prefix):
        return actor
    code = prefix + actor.code
    country, sector = _split_code(code)
    return Actor(code=code, country=country, sector=sector, name=actor.name,
                 text=actor.text, role=actor.role)


def _best_sector(sectors: list[PhraseMatch], head_pos: int) -> str:
    """The sector nearest the head, a specific one ("police") over a generic one
    ("officials")."""
    # a title word just before another title qualifies it ("deputy" of "deputy foreign
    # minister" is no lawmaker)
    sectors = [m for m in sectors if not (m.entry.person_role and any(
        o.entry.person_role and o.start == m.end for o in sectors))] or sectors
    specific = [m for m in sectors if m.entry.code not in GENERIC_SECTORS]
    if any(m.entry.person_role and m.entry.code == "GOV" for m in sectors):
        # "Qatar's emir, Sheikh Hamad": an office outranks an honorific that may be
        # religious ("sheikh")
        specific = [m for m in specific if not (m.entry.person_role and m.entry.code == "REL")]
    # the first of the nearest (a loop, not ``min`` with a key: compiled, that is a call
    # of a Python function with a keyword argument, and every phrase read asks)
    best, distance = sectors[0], -1
    for m in specific or sectors:
        if distance == -1 or abs(m.end - 1 - head_pos) < distance:
            best, distance = m, abs(m.end - 1 - head_pos)
    return best.entry.code


def _country_of(arrays: ParseArrays, countries: list[PhraseMatch], positions: list[int],
                head: int) -> str:
    """The owner country of the phrase of the words at ``positions`` headed at ``head``
    (read from the parse arrays): the head's own name ("Pakistan, a key U.S. ally"),
    a possessor ("Mexico's"), then a modifier ("Mexican"), then an "of" complement ("the
    government of Ecuador"). A people named by where they live ("the Albanians of southern
    Serbia") belong to that place."""
    if not countries:
        return ""
    head_pos = next(k for k, t in enumerate(positions) if t == head)
    own = [m for m in countries if m.start <= head_pos < m.end]
    if own and own[0].entry.kind == "region" and any(m.entry.kind == "country" for m in countries):
        # "Israeli Arabs": a people of a region named with a state's word live in that state
        own = []
    if own and not own[0].entry.demonym:
        return own[0].entry.code[:3]
    if own:
        places = [m for m in countries if m.start > head_pos and not m.entry.demonym]
        if places:
            return places[0].entry.code[:3]

    deps = arrays.deps
    for wanted in (("poss",), ("amod", "compound", "nmod"), ):
        for m in countries:
            if deps[positions[m.start]] in wanted or deps[positions[m.end - 1]] in wanted:
                return m.entry.code[:3]
    return countries[0].entry.code[:3]


def _other_party_words(arrays: ParseArrays, head: int) -> set[int]:
    """The positions of the words of the phrase headed at ``head`` that speak of another
    party by its tie to a state: the subtree of "ally" in "the chief of Israel's militia
    ally" (not Israel's chief)."""
    return {t for tok in arrays.subtree(head) if arrays.lemma_lowers[tok] in OTHER_PARTY_NOUNS
            for t in arrays.subtree(tok)}


def _acted_on(tok: Token) -> bool:
    """Whether the country word ``tok`` is what a verb acts on: its object ("attack
    Ukraine") or the "of" object of its object ("tighten the blockade of Yemen"); or
    whose forces or envoys a phrase says are to leave ("demanded the removal of US
    troops"): those are abroad, not the people of the sentence's scene."""
    if tok.dep_ in ("dobj", "obj"):
        return True
    prep = tok.head
    if (tok.dep_ in ("compound", "amod", "poss", "nmod")
            and token_lemma_lower(prep) in PRESENCE_ABROAD
            and prep.dep_ == "pobj" and token_lower(prep.head) == "of"
            and token_lemma_lower(prep.head.head) in LEAVING_HEADS):
        return True
    return (tok.dep_ == "pobj" and token_lower(prep) == "of" and prep.head.dep_ in ("dobj", "obj")
            and token_pos(prep.head.head) == "VERB")


def _marked(tok: Token) -> bool:
    """Whether the country word ``tok`` is, or qualifies, what a verb's deed is aimed at
    ("fired at Chinese vessels", "opened fire on Indian fishermen")."""
    noun = tok.head if tok.dep_ in ("compound", "amod", "poss", "nmod") else tok
    prep = noun.head
    return (noun.dep_ == "pobj" and token_lower(prep) in MARK_PREPS and prep.dep_ == "prep"
            and token_pos(prep.head) == "VERB")


def _names_a_place(tok: Token) -> bool:
    """Whether the (first word of a) country name ``tok`` is the object of a preposition
    that places something there ("in Hong Kong", "marched through Minsk")."""
    while tok.dep_ == "compound" and tok.head.i != tok.i:
        tok = tok.head  # "Hong" of "Hong Kong"
    return tok.dep_ == "pobj" and token_lower(tok.head) in SCENE_PREPS


def _venue_of_talks(tok: Token) -> bool:
    """Whether the place name ``tok`` says where a meeting or negotiation is held ("met
    in Doha", "talks in Geneva"; the parser may hang it on whom one meets: "met rebel
    leaders in Addis Ababa")."""
    prep = tok.head
    if tok.dep_ != "pobj" or token_lower(prep) not in VENUE_PREPS:
        return False
    held = prep.head
    return (token_lemma_lower(held) in MUTUAL_WORDS
            or (held.dep_ in OBJECT_DEPS and token_lemma_lower(held.head) in MUTUAL_WORDS))


def _whole_name(tok: Token) -> Token:
    """The last word of the proper name that ``tok`` begins ("Lanka" of "Sri Lanka"), which
    carries the name's own role in the sentence."""
    while tok.dep_ == "compound" and token_pos(tok.head) == "PROPN" and tok.head.i > tok.i:
        tok = tok.head
    return tok


def _sent(tok: Token) -> bool:
    """Whether the nearest verb above ``tok`` is one of sending troops ("deploy troops
    in Iraq", "contribute troops to a force in Liberia")."""
    verb = next((a for a in tok.ancestors if token_pos(a) in ("VERB", "AUX")), None)
    return verb is not None and token_lemma_lower(verb) in SENDING_VERBS


def _owner_of(arrays: ParseArrays, tok: int, head: int) -> bool:
    """Whether the token at ``tok`` names whom the one at ``head`` belongs or relates to:
    its possessor ("Israel's ally") or the object of its "of" ("an ally of Israel")
    (read from the parse arrays: asked of every match in a phrase being resolved)."""
    dep, heads = arrays.deps[tok], arrays.heads
    if dep == "poss" and heads[tok] == head:
        return True
    prep = heads[tok]
    return dep == "pobj" and arrays.lowers[prep] == "of" and heads[prep] == head


def _names_a_facility(arrays: ParseArrays, m: PhraseMatch, positions: list[int],
                      head: int) -> bool:
    """Whether a region's name ``m``, in the words at ``positions``, is only part of a
    facility's proper name headed at ``head`` ("the Europe Bridge", "the Asia Hotel"): the
    building is not the region."""
    ent_types = arrays.ent_types
    if m.entry.kind != "region" or ent_types[head] != "FAC" or arrays.pos[head] != "PROPN":
        return False
    head_pos = positions.index(head)
    return (head_pos >= m.end and ent_types[positions[m.start]] == "FAC"
            and all(arrays.ent_iobs[t] == "I" for t in positions[m.start + 1:head_pos + 1]))


def _likened(arrays: ParseArrays, i: int) -> bool:
    """Whether the noun at ``i`` is what a clause's doer is likened to or cast as ("Like
    criminals, they raided the embassy", "As criminals, they..."): a description of the
    doer, not an actor a later pronoun can mean."""
    prep = arrays.heads[i]
    return (arrays.deps[i] == "pobj" and arrays.lowers[prep] in ("as", "like")
            and arrays.pos[arrays.heads[prep]] in ("VERB", "AUX"))


def _told_press(arrays: ParseArrays, lemma_lowers: list[str], i: int) -> bool:
    """Whether the noun at ``i`` is the press a speaker tells or briefs ("told
    reporters", "Canseco told the media"): an audience, not an actor a pronoun in what is
    said can mean."""
    # (the word as written too: the lemmatizer makes "media" "medium")
    return (arrays.deps[i] in ("dobj", "dative")
            and (lemma_lowers[i] in PRESS_WORDS or arrays.lowers[i] in PRESS_WORDS)
            and lemma_lowers[arrays.heads[i]] in ("tell", "brief"))


def _stance(lowers: list[str], i: int) -> bool:
    """Whether the name at token ``i`` is what a group is for or against ("pro-Russia
    rebels", "an anti-Gondor parade"): the group is not that country's. ``lowers``: the
    document's lowercased words (its parse arrays')."""
    if i == 0:
        return False
    before = lowers[i - 1]
    return before in STANCE_PREFIXES or (
        before in ("-", "–") and i >= 2 and lowers[i - 2] in STANCE_WORDS)


def _based(lowers: list[str], end: int) -> bool:
    """Whether the name ending before token ``end`` says where someone is based ("a
    UK-based monitor"): an observer's seat, not the country the story is about.
    ``lowers``: the document's lowercased words (its parse arrays')."""
    if end >= len(lowers):
        return False
    word = lowers[end]
    return (word in ("based", "-based")
            or (word == "-" and end + 1 < len(lowers) and lowers[end + 1] == "based"))


def _backer(lowers: list[str], end: int) -> bool:
    """Whether the name ending before token ``end`` says who backs a group ("US-backed
    forces", "Iranian-backed militias", "Russian-funded separatists"): the backer, not
    the group's own state. ``lowers``: the document's lowercased words."""
    return _after_hyphen(lowers, end) in BACKING_WORDS


def _bound_for(arrays: ParseArrays, lemma_lowers: list[str], start: int, end: int) -> bool:
    """Whether the name at tokens ``start``..``end`` is where someone sets out for
    ("before leaving for Tokyo", "a ship bound for Oman"): not the country of those who
    go there, nor the one the story is in."""
    heads = arrays.heads
    for i in range(start, end):
        prep = heads[i]
        if (not start <= prep < end and arrays.deps[i] == "pobj"
                and arrays.lowers[prep] == "for"
                and lemma_lowers[heads[prep]] in DEPARTURE_VERBS):
            return True
    return False


def _leader(lowers: list[str], end: int) -> bool:
    """Whether the name ending before token ``end`` says who leads a body ("the
    Taliban-led government"). ``lowers``: the document's lowercased words."""
    return _after_hyphen(lowers, end) == "led"


def _after_hyphen(lowers: list[str], end: int) -> str:
    """The word at token ``end``, or the one after it where that is a hyphen, without
    the hyphens it begins with ("US-backed" is tokenised "US" "-backed" or "US" "-"
    "backed"); "" where there is none. (Read by index, not from a slice of the words:
    this runs for every country named.)"""
    if end < len(lowers) and lowers[end] == "-":
        end += 1
    if end >= len(lowers):
        return ""
    word = lowers[end]
    return word.lstrip("-") if word.startswith("-") else word


def _given_names_agree(arrays: ParseArrays, given: range, entry: Entry) -> bool:
    """Whether the given names written at the positions ``given``, before a surname, may
    be those of the known person ``entry``: each one, or at least its initial ("W.",
    "Bill" for "William" is not caught), begins one of the words of the person's names."""
    words = {fold(w) for n in (entry.name, *entry.aliases) for w in n.replace("-", " ").split()}
    initials = {w[0] for w in words if w}
    for i in given:
        if arrays.pos[i] != "PROPN" or arrays.ent_types[i] != "PERSON":
            continue  # a title or other word inside the phrase, not a given name
        written = fold(arrays.words[i]).rstrip(".")
        if written and written not in words and written[0] not in initials:
            return False
    return True


def _noun_chunks(doc: Doc, arrays: ParseArrays) -> list[tuple[int, int, int]]:
    """``doc.noun_chunks`` as (start, end, root position) of each base noun phrase, read
    from the parse arrays by the rules of spaCy's English iterator
    (``spacy.lang.en.syntax_iterators``), which makes a Token of every word, and a Span of
    every chunk, of every document coded. A chunk starts at its head's subtree's first
    word (``ParseArrays.left_edges``, as ``Token.left_edge``)."""
    heads, deps = arrays.heads, arrays.deps
    out: list[tuple[int, int, int]] = []
    prev_end = -1
    for i, pos in enumerate(arrays.pos):
        if pos not in CHUNK_POS:
            continue
        if deps[i] not in CHUNK_DEPS:
            if deps[i] != "conj":
                continue
            # a conjunct is a chunk where the first of its conjuncts is one
            head = heads[i]
            while deps[head] == "conj" and heads[head] < head:
                head = heads[head]
            if deps[head] not in CHUNK_DEPS:
                continue
        left = arrays.left_edges[i]
        if left <= prev_end:
            continue  # (no chunk nested in another)
        prev_end = i
        out.append((left, i + 1, _span_root(doc, heads, left, i + 1)))
    return out


def _span_root(doc: Doc, heads: list[int], start: int, end: int) -> int:
    """``Span.root`` of tokens ``start:end``: where one token alone is a root or has its
    head outside them (a chunk's or a name's last word, as most are), that one; otherwise
    spaCy's own answer (it ranks several by their depth in the tree)."""
    outside = [t for t in range(start, end) if heads[t] == t or not start <= heads[t] < end]
    return outside[0] if len(outside) == 1 else doc[start:end].root.i


def ancestors(arrays: ParseArrays, i: int) -> list[int]:
    """The positions of token ``i``'s ``Token.ancestors``, nearest first, read from the
    parse arrays."""
    heads = arrays.heads
    out: list[int] = []
    while heads[i] != i:
        i = heads[i]
        out.append(i)
    return out


def _entity_range(arrays: ParseArrays, i: int) -> range:
    """The positions of the named entity token ``i`` is in, found from the IOB tags (a
    walk of the entity, not a scan of every entity in the document)."""
    iobs = arrays.ent_iobs
    start = i
    while start > 0 and iobs[start] == "I":
        start -= 1
    end = i + 1
    while end < len(iobs) and iobs[end] == "I":
        end += 1
    return range(start, end)


def _name_of(arrays: ParseArrays, head: int) -> str:
    """The proper name the head token at ``head`` belongs to ("López Obrador" for
    "Obrador")."""
    words, pos = arrays.words, arrays.pos
    if pos[head] != "PROPN":
        return ""
    if arrays.ent_types[head]:
        return " ".join(words[i] for i in _entity_range(arrays, head) if pos[i] == "PROPN")
    parts = [words[c] for c in arrays.children[head]
             if c < head and arrays.deps[c] == "compound" and pos[c] == "PROPN"]
    return " ".join([*parts, words[head]])


def _plural(arrays: ParseArrays, i: int) -> bool:
    """Whether the noun phrase headed at token ``i`` names several: a plural noun, one
    with others coordinated ("Mexico and Canada"), or a group "of" several ("a group of
    leaders")."""
    deps, tags, children = arrays.deps, arrays.tags, arrays.children
    return tags[i] in ("NNS", "NNPS") or any(
        deps[c] == "conj" or (deps[c] == "prep" and arrays.lowers[c] == "of"
                              and any(tags[o] in ("NNS", "NNPS") for o in children[c]))
        for c in children[i])


def _matrix_subject(arrays: ParseArrays, i: int) -> int | None:
    """For a pronoun subject of a complement clause ("X said that it would..."), at token
    ``i``, the position of the non-pronoun subject of the clause that governs it; so too
    for a possessive of that subject ("Egypt and Jordan said their leaders would meet").
    (Read from the parse arrays: asked for every pronoun resolved.)"""
    deps, heads = arrays.deps, arrays.heads
    if deps[i] == "poss" and deps[heads[i]] in ("nsubj", "nsubjpass"):
        i = heads[i]
    if deps[i] not in ("nsubj", "nsubjpass"):
        return None
    clause = heads[i]
    if deps[clause] not in ("ccomp", "xcomp", "conj", "advcl") or heads[clause] == clause:
        return None
    subj = [c for c in arrays.children[heads[clause]] if deps[c] in ("nsubj", "nsubjpass")]
    if subj and arrays.pos[subj[0]] != "PRON":
        return subj[0]
    return None


def _reporting_subject(arrays: ParseArrays, lemma_lowers: list[str], i: int) -> int | None:
    """For a pronoun inside quoted or reported speech, at token ``i``, the position of the
    subject of the reporting verb (read from the parse arrays; ``lemma_lowers``: the
    document's lemmas lowercased)."""
    deps, heads = arrays.deps, arrays.heads
    cur = i
    for _ in range(8):
        if heads[cur] == cur:
            break
        cur = heads[cur]
        if arrays.pos[cur] == "VERB" and lemma_lowers[cur] in REPORT_LEMMAS:
            subj = [c for c in arrays.children[cur] if deps[c] in ("nsubj", "nsubjpass")]
            if subj and subj[0] != i:
                return subj[0]
    return None
