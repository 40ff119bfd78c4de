"""The coding stage: one parsed article to its events, by the stages it runs in turn.

    spaCy Doc -> mentions (extract) -> dates, actors, places (resolve) -> Event

A ``Coder`` (:mod:`dotterel.pipeline`) parses articles in batches and hands each parsed
one to its ``CodingStage``. This module is compiled with mypyc where it can be
(``setup.py``), as are the stages it calls.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable, Iterable, Set as AbstractSet
from dataclasses import dataclass, replace
from typing import Any, Final

from spacy.tokens import Doc, Token

from . import records
from .extract.lexicon import Lexicon
from .extract.mentions import (ARREST, BLAME_ADJECTIVES, OBLIGED_DEMAND, POSSESSIVE_PRONOUNS,
                               VIOLENT_ROOTS, Mention, fends, means_objects, mentions_between,
                               wrongdoers)
from .extract.quotes import find_quotes
from .extract.word_classes import word_class
from .merge.canonical import same_act
from .nlp.arrays import (ParseArrays, parse_arrays, token_lemma_lower, token_lower,
                         token_pos)
from .ontology import Ontology
from .resolve.actors import (ARMED_SECTORS, BORDER_NOUNS, MOVEMENT_HEADS, MUTUAL_WORDS,
                              SIDE_WORDS, STATELESS_PEOPLES, VENUE_PREPS, DocActors, ancestors,
                              bare_sides)
from .resolve.dates import (DatedMention, DocDates, is_definite, long_before,
                             published_from_text)
from .resolve.knowledge import Knowledge
from .resolve.places import DocPlaces, Gazetteer, dateline_place
from .resolve.timex import find_dateline
from .types import Actor, Article, Coded, Event, Evidence, Place, Quote, TimeRef

# How much an event is trusted, from what its reading rests on (documented in the README).
BASE_CONFIDENCE: Final = 0.5


@dataclass(frozen=True)
class Knowledgebase:
    """Everything the stages read: loaded once per ``Coder``."""

    ontology: Ontology
    lexicon: Lexicon
    knowledge: Knowledge
    gazetteer: Gazetteer


class CodingStage:
    """The coding stage: one parsed article to its events and its attributed quotes.

    A ``Coder`` builds one with the knowledge it loaded and hands it each parsed
    document; it keeps nothing from one document to the next but a memo of the
    vocabulary's strings (see :func:`~dotterel.nlp.arrays.parse_arrays`) and one of what
    the ontology says of each event code coded (see :meth:`_code_facts`).
    """

    def __init__(self, kb: Knowledgebase) -> None:
        self.kb = kb
        self._strings: dict[object, str] = {}
        self._facts: dict[str, tuple[float, int, str, str | None]] = {}

    def _code_facts(self, code: str) -> tuple[float, int, str, str | None]:
        """The Goldstein score, quad class, PLOVER category and mode of the CAMEO
        ``code``, remembered (the ontology's look-ups are Python code, and every event
        asks; there are a few hundred codes)."""
        found = self._facts.get(code)
        if found is None:
            info = self.kb.ontology.cameo(code)
            plover, mode = self.kb.ontology.plover(code)
            found = self._facts[code] = (info.goldstein, info.quad_class, plover, mode)
        return found

    def analyse(self, doc: Doc, article: Article) -> Coded:
        """The events and quotes of one parsed article."""
        parse_arrays(doc, self._strings)  # (read here with the memo; every stage shares them)
        published, basis = article.published, article.published_basis
        if published is None or basis == "crawl":
            # a crawl date is only an upper bound: the article's own dateline or text
            # comes first, and cannot be later than the crawl (a day's grace for time zones)
            crawled = published
            found = find_dateline(article.text, crawled.year if crawled else None)
            if found is not None and (crawled is None
                                      or found[0].value <= crawled + dt.timedelta(days=1)):
                published, basis = found[0].value, "dateline"
            elif (from_text := published_from_text(article.text, crawled)) is not None:
                published, basis = from_text, "text"
        dates = DocDates(doc, published, basis)
        actors = DocActors(doc, self.kb.knowledge, published, self.kb.gazetteer)
        quotes = _attributed_quotes(doc, actors, published)
        dateline = dateline_place(article.text, self.kb.gazetteer)
        places = DocPlaces(self.kb.gazetteer)
        acts: dict[str, Actor] = {}  # CAMEO root -> who did the latest act of it told as done
        out: list[Event] = []
        arrays = parse_arrays(doc)
        # (each sentence by its bounds in the parse arrays: no Span made for it)
        for start, end in arrays.sentence_bounds:
            mentions = [m for m in mentions_between(doc, start, end, self.kb.lexicon)
                        if not _background_state(arrays, m.trigger)
                        and not long_before(arrays, m.trigger, published)]
            if not mentions:
                dates.sentence(start, end, [])
                continue
            for dated in dates.sentence(start, end, mentions):
                out.extend(self._mention_events(doc, article, dated, actors, places,
                                                dateline[0] if dateline else None, quotes, acts))
        # what the article asserts before what it reports others saying or hopes for
        # (stable: text order within each)
        out.sort(key=lambda ev: ev.modality != "asserted")
        return Coded(article, _fold_untargeted(_align_dates(_dedupe(out))), quotes)

    def _targets(self, doc: Doc, m: Mention, sources: list[Actor], actors: DocActors,
                 day: dt.date | None, places: DocPlaces, acts: dict[str, Actor]) -> list[Actor]:
        """The targets of a mention; coordinated sources of a reciprocal act are each
        other's targets.

        A description or pronoun is read as another country than the sources' ("broke off
        relations with the South American nation", "entered our embassy"); only when that
        finds no one is a target of the sources' own country taken: a government acts on
        its own rebels, strikers or provinces ("lifted the state of emergency in Darfur").
        """
        if not sources:
            return []
        # every path below reads the trigger: one Token for it, not one per read
        trigger = doc[m.trigger]
        exclude = {s.country for s in sources}
        if m.code[:2] in VIOLENT_ROOTS and all(s.sector[:3] in INSURGENT_SECTORS for s in sources):
            # "rebels attacked an army base in northern Mali": insurgents fight their own
            # state, whose forces and places are what their violence falls on
            exclude = set()
        if (m.targets and len({a.code for a in sources}) > 1 and _reciprocal(trigger, m.code)
                and all(_a_matter(doc[i], trigger) or i in m.trigger_tokens
                        for i in m.targets)):
            # "the Philippines and France agree that disputes in the South China Sea
            # should be resolved": coordinated parties agree with each other, not with
            # whoever the matter they agree on concerns; nor is the thing the entry needs
            # a party ("signed a peace agreement in Algiers" is not with Algeria)
            return sources
        own = {s.code for s in sources}
        if m.code.startswith(DEESCALATION):
            # "Israel pulled its soldiers out of Gaza": the forces a side stands down are
            # its own, never whom the act is aimed at, whatever slot the parser hangs them in
            m = replace(m, targets=tuple(i for i in m.targets if i not in m.trigger_tokens))
        # "signed a peace agreement in Minsk": where a meeting or a signing is held is no
        # party to it, though the parser hangs the place on the thing signed (only a
        # meeting's or a signing's words have a venue: the targets' phrases are not
        # walked for the other acts)
        arrays = parse_arrays(doc)
        # each target's Token made once: the paths below read each target many times over
        tokens = {i: doc[i] for i in m.targets}
        held_at = {a.country for i in m.targets for prep in arrays.children[i]
                   if arrays.deps[prep] == "prep"
                   for o in arrays.children[prep] if _venue(doc[o], doc, m)
                   for a in actors.resolve_all(doc[o], day)} if m.code in VENUE_CODES else set()
        # "rebels attacked an army base in northern Mali": violence done to a place falls on
        # its holders (see below), not on the state the place's phrase names
        violent = m.code[:2] in VIOLENT_ROOTS
        targets = _unique(a for i in m.targets for a in (
            (violent and actors.resolve(tokens[i], day) is None
             and [h for h in _holders(tokens[i], actors, day, own) if h.country not in exclude])
            or actors.resolve_all(tokens[i], day, exclude))
            if a.country not in held_at or actors.resolve(tokens[i], day) is not None)
        origins = [i for i in m.targets if arrays.deps[i] == "pobj"
                   and arrays.lowers[arrays.heads[i]] == "from"
                   and arrays.heads[arrays.heads[i]] == m.trigger]
        if origins and len(targets) > 1:
            # "detained 40 migrants from Myanmar": the state the people acted on come
            # from is no party of its own
            people = {a.country for i in m.targets if i not in origins
                      for a in actors.resolve_all(tokens[i], day, exclude) if a.sector}
            came_from = {a.code for i in origins for a in actors.resolve_all(tokens[i], day, exclude)
                         if a.country in people}
            targets = [a for a in targets if a.code not in came_from]
        if len(own) == 1 and all(a.code in own for a in targets):
            # a lone source is never its own target: "imposed a curfew in southeastern
            # Turkey" by Turkey's government is read below as an act on the place, not on
            # Turkey (with several sources, each may be the others' target)
            targets = []
        if m.code.startswith(POSTURE_ROOT):
            # nor are a state's own forces the target of its show of force ("mobilized
            # army reservists for a war against Iraq")
            targets = [a for a in targets if a.country not in exclude]
        elif not targets and m.targets:
            # a phrase that names no one is read by its own head word ("the police",
            # "students"), never by an actor word inside it ("military exercises")
            found = (actors.resolve_all(tokens[i], day) if _names_someone(tokens[i])
                     else [actors.resolve(tokens[i], day)] for i in m.targets)
            targets = [a for a in _unique(a for group in found for a in group if a is not None)
                       if a.code not in own]
            if not targets and m.code[:2] in VIOLENT_ROOTS:
                # "shelled rebel positions near Aleppo", "attacked an army checkpoint",
                # "shelled civilian homes": a place held or used by a kind of people is
                # theirs, and violence done to it is done to them, even by their own
                # country's forces
                targets = _unique(a for i in m.targets for a in _holders(tokens[i], actors, day, own))
            if not targets and m.code.startswith(DEMAND_ROOT):
                # "demanded that control of the ministry be taken away from the religious
                # parties": a thing demanded to be taken from someone is demanded of them
                targets = _unique(a for i in m.targets for o in _taken_from(tokens[i])
                                  for a in actors.resolve_all(o, day) if a.code not in own)
            if not targets and m.code[:2] in DEMANDING_ROOTS | {THREAT_ROOT}:
                # "demanded a truce with Moslem forces", "rejected talks with the rebels":
                # the act demanded or refused names the party it is asked of, even one of
                # the sources' own country; so does the act threatened ("the airline
                # threatened to sue the union")
                targets = _unique(a for i in m.targets for a in actors.resolve_all(tokens[i], day)
                                  if a.code not in own)
            if not targets:
                # "dismissed an appeal from the president", "rejected calls by its
                # rulers": a thing said or offered is aimed at by whoever made it, even a
                # party of the sources' own country
                targets = _unique(a for i in m.targets if token_pos(tokens[i]) == "NOUN"
                                  for author in _authors(tokens[i])
                                  for a in actors.resolve_all(author, day) if a.code not in own)
            if not targets:
                # "condemned the raid", "rejected the warrants": an act the document told
                # of earlier is aimed at whoever did it
                targets = _unique(a for i in m.targets if (a := actors.doer_of(tokens[i]))
                                  and a.country not in exclude)
            if not targets:
                # "condemned the raid" after "police forced their way into the embassy": an
                # act the document told of in other words is aimed at whoever did the
                # latest act of its kind
                targets = _unique(a for i in m.targets if is_definite(tokens[i])
                                  for root in reversed(acts) if root in self._noun_roots(tokens[i])
                                  for a in (acts[root],) if a.country not in exclude)[:1]
            decided = [tokens[i] for i in m.targets if _a_decision(tokens[i])]
            if not targets and decided:
                # "Zelensky praised the decision" after "the court issued a warrant": a
                # decision the document told of is its latest deed's, not a reply to it
                # nor an act of force
                # (a ruling or verdict is a court's)
                court = any(token_lemma_lower(d) in RULING_WORDS for d in decided)
                targets = _latest_doer(acts, exclude, lambda root: root not in UNDECIDED_ROOTS
                                       and (not court or COURT_SECTOR in acts[root].sector))
            if not targets and m.code.startswith(APPEAL_ROOT) and any(map(_warring_sides, (
                    tokens[i] for i in m.targets))):
                # "called on both sides to stop the fighting" after "the army bombed RSF
                # bases": the sides are those of the latest fighting the document told of
                targets = _latest_doer(acts, exclude, FIGHTING_ROOTS.__contains__)
        if (m.entry.has_target and not targets and len({a.code for a in sources}) > 1
                and _reciprocal(trigger, m.code)):
            # "Saudi Arabia and Iran agreed to restore ties", "Gondor and Osgiliath
            # postponed their meeting": coordinated parties act on each other
            targets = sources
        if not targets and m.code.startswith(MEDIATION_CODE) and any(
                is_definite(o) for o in trigger.children if o.dep_ in ("dobj", "nsubjpass")):
            # "their leaders had mediated the exchange" after "Russia released ... the
            # United States freed ...": a mediation of a deal the document told of,
            # naming no sides, is aimed at whoever did its latest deed
            targets = _latest_doer(acts, exclude, lambda root: root not in UNDECIDED_ROOTS)
        if not targets and m.code.startswith(PROTEST_ROOT):
            # "riots against Israeli policies", "a hunger strike to demand the resignation
            # of the president", "in defiance of Chinese authorities": a protest is aimed
            # at whom the words of its cause name (its own government included), before
            # the place its required object is in ("blocked roads in Lhasa in
            # defiance of the Chinese government" is against Beijing)
            targets = next((opposed for phrase in _opposed_phrases(trigger)
                            if (opposed := [t for a in actors.resolve_all(phrase, day)
                                          if (t := _as_state(a)).code not in own])), [])
        if not targets and m.code[:2] in GRIEVANCE_ROOTS:
            # "filed a lawsuit in the ICJ for violations committed by Ecuador", "demanded
            # compensation over the raid": a complaint or demand is aimed at whoever did
            # the wrong it is made over, named there or told of earlier
            for wrong in _grievances(trigger):
                # (its owner too: "over Ecuador's raid")
                doers = wrongdoers(wrong) + [c for c in wrong.children if c.dep_ == "poss"]
                targets = _unique(a for doer in doers for a in actors.resolve_all(doer, day)
                                  if a.code not in own)
                if not targets and (told := actors.doer_of(wrong)) is not None \
                        and told.country not in exclude:
                    targets = [told]
                if targets:
                    break
        if not targets:
            # "dispersed demonstrators", "expelled inspectors of the IAEA": the object the
            # entry needs is who the act falls on when its own head word names people
            # (not "conducted military exercises"); else whoever its prepositional phrase
            # names ("declared a ceasefire in Lebanon", "sorrow for the victims"). Never a
            # state's own forces in its show of force ("mobilized army reservists") nor in
            # its standing down ("withdrew its troops from the region": who the forces
            # leave, if anyone, is told by the place they leave)
            posture = m.code.startswith(POSTURE_ROOT) or m.code.startswith(DEESCALATION)
            targets = _unique(a for i in m.trigger_tokens if i != m.trigger
                              and arrays.pos[i] in ("NOUN", "PROPN")
                              for phrase in _object_phrases(doc[i], actors, day)
                              if not _venue(phrase, doc, m)
                              for a in actors.resolve_all(phrase, day) if a.code not in own
                              and not (posture and a.country in exclude))
        if not targets:
            # "mobilized its reservists for a possible war against Azerbaijan": whom the act's
            # purpose is against
            targets = _unique(a for phrase in _purpose_against(trigger)
                              for a in actors.resolve_all(phrase, day, exclude))
        if not targets and m.code.startswith(REJECT_ROOT):
            # "declined to resign despite pressure by the anti-corruption commission": a
            # refusal made in the face of pressure or calls answers whoever made them,
            # even a party of the refuser's own country
            targets = _unique(a for thing in _defied(trigger) for author in _authors(thing)
                              for a in actors.resolve_all(author, day) if a.code not in own)
        if (not targets and (m.code[:2] in VIOLENT_ROOTS or m.code == REPRESSION)
                and m.entry.has_target):
            # "police opened fire to disperse demonstrators", "used tear gas to disperse
            # opposition supporters": force used to act on people is aimed at them, of the
            # forces' own country too
            targets = _unique(a for phrase in _purpose_objects(trigger)
                              for a in actors.resolve_all(phrase, day) if a.code not in own)
        if not targets and m.code == CEASEFIRE_VIOLATION and m.reporter is not None:
            # "Russia violated the ceasefire, Ukraine said": a truce binds two sides, and
            # the side that tells of the other's breach names no target because it is the
            # one wronged (not a monitor, an aid group or the press)
            targets = [a for a in actors.resolve_all(doc[m.reporter], day, exclude)
                       if a.country not in ("", "IGO") and a.code not in own
                       and (not a.sector or a.sector[:3] in STATE_SECTORS | INSURGENT_SECTORS)]
        if not targets and not m.code.startswith(STATEMENT_ROOT) and not self._spoken_of(trigger):
            # "conducted exercises in Alaska", "staged a protest in Beijing": an act with
            # no one named as its target is done to the place its prepositional phrase
            # names. Only a place: a state or body named there as a party ("sought asylum
            # in Mexico", "filed a lawsuit in the ICJ") is where the act is addressed or
            # heard, which the sentence does not make its target (a territory named like its
            # state is still a place: "on alert in the West Bank"); but a force whose moving
            # is called for is a party to the call, of its state ("called for the
            # withdrawal of Syrian forces")
            targets = next((adjunct for phrase in _adjunct_phrases(trigger)
                            if not _venue(phrase, doc, m)
                            if (adjunct := [a if not a.sector else Actor(
                                code=a.country, country=a.country, name=a.name, text=a.text)
                                          for a in actors.resolve_all(phrase, day, exclude)
                                          if a.country != "IGO" and (
                                              not a.sector or self._region_named(a)
                                              or (m.code[:2] in VIOLENT_ROOTS
                                                  and self._place_named(a, "capital"))
                                              or (token_lemma_lower(phrase) in MOVEMENT_HEADS
                                                  and a.sector[:3] in ARMED_SECTORS))])),
                           [])
        if (not targets and m.code[:2] in VIOLENT_ROOTS and arrays.deps[m.trigger] in ("dobj", "obj")
                and fends(fender := trigger.head)):
            # "Israel intercepted a Syrian missile": who fends off an armed act is what it
            # was aimed at
            targets = _unique(a for s in fender.children if s.dep_ == "nsubj"
                              for a in actors.resolve_all(s, day, exclude))
        if not targets and m.code.startswith(POSTURE_ROOT):
            # "put its troops on alert along the border with Pakistan": a show of force
            # at a border is aimed at the state on its other side
            targets = _unique(a for side in _border_sides(trigger)
                              for a in actors.resolve_all(side, day, exclude)
                              if a.country not in exclude and a.country != "IGO")
        if (not targets and m.code[:2] in VIOLENT_ROOTS and token_pos(trigger) == "VERB"
                and trigger.dep_ not in ("acl", "relcl", "amod")
                and m.modality in ("asserted", "reported")):
            # "a drone strike hit a vehicle in Kabul", "jets bombed a building in Gaza":
            # violence told as done to things no one is named with falls on the country
            # where it happened, when that is another than the doers' (a city is a place
            # there, not its country's government), or when the doers are armed men of no
            # state the text names or calls by what they are, who strike at their own
            # country ("militants attacked a market in Kabul"; not doers inferred from the
            # deed alone: "a bombing killed one soldier and wounded two others"), nor where
            # a participle adds the toll, whose victims are the deed's ("opened fire on a
            # bus, killing six passengers")
            place = places.event_place(doc, trigger.i)
            called = any(e.kind == "sector" and e.code in IRREGULAR_DOERS
                         for i in m.sources for e in self.kb.knowledge.lookup(arrays.lowers[i]))
            irregular = (bool(sources) and all(s.sector[:3] in IRREGULAR_DOERS
                                               and (s.text or called) for s in sources)
                         and not any(c.dep_ == "advcl" and c.tag_ == "VBG"
                                     and any(g.dep_ in ("dobj", "obj") for g in c.children)
                                     for c in trigger.children))
            if (place is not None and place.country
                    and (place.country not in exclude or irregular)):
                targets = [Actor(code=place.country, country=place.country, name=place.name)]
        if not targets and m.code == SURRENDER and token_pos(trigger) == "VERB":
            # "Russian troops withdrew from Kherson": a retreat from a place no actor is
            # named with is from the country it lies in, when that is another state
            # (also where the place left hangs from the verb: "pulled its troops out of
            # northern Iraq")
            phrases = [(arrays.left_edges[i], tokens[i].right_edge.i) for i in m.targets] + [
                (p.left_edge.i, p.right_edge.i) for p in trigger.children
                if p.dep_ == "prep" and token_lower(p) in ("from", "out")]
            targets = next(([Actor(code=p.country, country=p.country, name=p.name)]
                            for start, end, p in places.in_sentence(trigger.sent, list(exclude))
                            if p.country and p.country not in exclude
                            and any(lo <= start and end - 1 <= hi for lo, hi in phrases)), [])
        if not targets and m.code[:2] in DOMESTIC_ROOTS | {MASS_VIOLENCE_ROOT}:
            # "imposed a curfew in the city of Srinagar in northern India", "lifted the
            # state of emergency in Kassala": a state's restriction, or its easing (or
            # its mass violence), falls on the people of the place it names in its own
            # country (where the entry's own target slot names it: "declared a state of
            # siege in Haiti")
            # (not where it keeps others out: "would deny entry to Russia to all foreigners
            # who back the protests")
            spots = [p for p in (*_adjunct_phrases(trigger), *(tokens[i] for i in m.targets))
                      if not _entered(p)]
            targets = next((held for phrase in spots
                            if (held := _unique(
                                Actor(code=a.country, country=a.country, name=a.name, text=a.text)
                                for a in actors.resolve_all(phrase, day)
                                if a.country in exclude and a.country != "IGO"))), [])
            if not targets and m.code in NATIONWIDE_CODES and token_pos(trigger) == "VERB":
                # "Thailand's army said it was ready to declare martial law": a
                # curfew or a state of emergency no place is named for falls on the
                # people of the state's own country (a verb's doing: the noun in "lifted
                # the state of emergency" is the lifting's object, no act of its own)
                targets = _unique(Actor(code=s.country, country=s.country, name=s.country)
                                  for s in sources if s.country and s.country != "IGO")
        if not targets and m.code in BOMBARDMENT_CODES and token_pos(trigger) == "VERB":
            # "Syrian helicopters dropped barrel bombs on Aleppo", "the army shelled the
            # town of Daraya": a state's forces striking a place of their own country
            # strike its people (only the place struck counts, not where they fought)
            phrases = [(arrays.left_edges[i], tokens[i].right_edge.i) for i in m.targets]
            targets = next(([Actor(code=p.country, country=p.country, name=p.name)]
                            for start, end, p in places.in_sentence(trigger.sent, list(exclude))
                            if p.country in exclude and p.country != "IGO"
                            and any(lo <= start and end - 1 <= hi for lo, hi in phrases)), [])
        if (not targets and m.code in (CEASEFIRE_DECLARED, CEASEFIRE_VIOLATION)
                and token_pos(trigger) == "VERB"
                and all(s.sector[:3] in INSURGENT_SECTORS and s.country not in ("", "IGO")
                        for s in sources)):
            # "the rebels declared a unilateral ceasefire": insurgents hold their fire
            # (or break a truce: "Syrian rebels violated the truce") towards the state
            # they fight, their own country's government
            targets = _unique(Actor(code=s.country + "GOV", country=s.country, sector="GOV")
                              for s in sources)
        if not targets and (m.code.startswith(PROTEST_ROOT) or m.code.startswith(DISSENT_EASED)):
            # "students staged mass demonstrations", "workers went on strike": a protest
            # (or its calling off: "the union called off the strike") by the people that
            # names no one is addressed to their own government, or,
            # held in another state ("ethnic Albanians demonstrated in Serbia", "prisoners
            # rioted at a jail in northern Israel"), to that state's (a state's own
            # boycott or march is not)
            protesters = [s for s in sources if s.country and s.country != "IGO"
                      and s.sector[:3] not in STATE_SECTORS]
            # (where the protesters are said to be counts too: "Afghan migrants in Iran
            # protested against deportations" is against Iran's)
            where = [o for i in m.sources for prep in doc[i].children
                     if prep.dep_ == "prep" and token_lower(prep) in HOST_PREPS
                     for o in prep.children if o.dep_ == "pobj"]
            hosts = next((hosted for phrase in [*_adjunct_phrases(trigger), *where]
                          if (hosted := [a.country for a in actors.resolve_all(phrase, day)
                                        if a.country and a.country not in exclude | {"IGO"}])),
                         []) if protesters else []
            targets = _unique(Actor(code=c + "GOV", country=c, sector="GOV")
                              for c in hosts or [s.country for s in protesters if s.sector])
        return targets

    def _unidentified_attackers(self, doc: Doc, m: Mention, actors: DocActors,
                                places: DocPlaces, day: dt.date | None) -> list[Actor]:
        """Who does violence the text gives no identifiable doer: unidentified armed forces
        (UAF) of the country it happened in, else of its victims' country.

        Two cases: a deed the sentence reports, with victims, whose doer the text does not
        hint at ("three civilians were killed in a car bombing in Baghdad", "gunmen shot
        two policemen"); and a deed whose doer words name only its means ("a roadside
        bombing killed two soldiers"). Never a deed only referred to ("the attack on the
        embassy"), one in background ("the province, where 28 were killed") or one someone
        demands be done, nor one that only describes its victims ("athletes killed at
        the 1972 Games"), unless the sentence is there to tell of it ("there were ten
        soldiers killed")."""
        trigger = doc[m.trigger]
        arrays = parse_arrays(doc)
        reported = (token_pos(trigger) == "VERB" and m.modality in ("asserted", "reported")
                    and not (m.modality == "asserted" and trigger.dep_ in ("ccomp", "xcomp"))
                    and not any(arrays.deps[t] == "relcl"
                                for t in (m.trigger, *ancestors(arrays, m.trigger)))
                    and (trigger.dep_ != "acl" or _existential(trigger.head)
                         or _attempt_told(trigger)))
        if not reported or _doer_hinted(trigger, [doc[i] for i in m.sources]):
            # "killed in Israeli tank shelling", "Soviet aircraft killed": the text says
            # whose it was, in words we did not resolve
            return []
        victims = [a for i in m.targets for a in actors.resolve_all(doc[i], day)
                   if a.country and a.country != "IGO"]
        # what the doers are called (rebels, troops, gunmen), by the knowledge's sectors
        sectors = [e.code for i in m.sources for e in self.kb.knowledge.lookup(arrays.lowers[i])
                   if e.kind == "sector"]
        origin = [a.country for phrase in _fired_from(trigger)
                  for a in actors.resolve_all(phrase, day) if a.country and a.country != "IGO"]
        # (the place is found only where it is read: most such deeds come from a named
        # place or give no country at all)
        if origin:
            # "a shell was fired at the base from Lebanon": whoever fired it was
            # where it came from, not where it fell
            country = origin[0]
        elif victims:
            # a place the gazetteer does not know may still be a state the actors name
            named = [a.country for phrase in _adjunct_phrases(trigger)
                     for a in actors.resolve_all(phrase, day) if a.country and a.country != "IGO"]
            # with no place, whoever attacks people is of their state ("gunmen shot two
            # Pakistani policemen"), people before troops, who may serve abroad; troops
            # alone still give theirs: most attacks on a state's forces are by its own
            # insurgents, and the event is kept rather than dropped
            home = [a.country for a in victims if not a.sector.startswith("MIL")]
            place = places.event_place(doc, trigger.i, [a.country for a in victims])
            # ("soldiers fired warning shots at Chinese vessels": a state's forces that
            # fire on another state's craft or posts, not on its people, are not that
            # state's; the text leaves them unnamed)
            if "MIL" in sectors:
                craft = {a.country for a in victims if not a.sector}
                named = [c for c in named if c not in craft]
                home = [a.country for a in victims if a.sector and not a.sector.startswith("MIL")]
                victims = [a for a in victims if a.sector]
            if (place is None and not named and victims
                    and all(a.sector == "GOV" and not a.role for a in victims)):
                # "the bloc closed its borders with Niger": a deed done to a state as a
                # whole, nowhere in particular, does not tell that its doers are of it
                return []
            country = place.country if place is not None else (
                named or home or [a.country for a in victims[:1]] or [""])[0]
        elif m.sources and not _names_doer(doc, m, self.kb.knowledge):
            # (no victims: no countries to weigh in the place)
            place = places.event_place(doc, m.trigger, [])
            country = place.country if place is not None else ""
        else:
            return []
        # "separatists shelled positions near Donetsk": doers the text names only by what
        # they are (rebels, insurgents) keep it; so do forces it calls the government's
        # ("government forces attacked rebels in Darfur": the army of the state it is in)
        state = any(token_lower(c) in GOVERNMENT_WORDS for i in m.sources for c in doc[i].children
                    if c.dep_ in ("compound", "amod", "nmod")) or any(
            _definite_state_body(doc[i]) for i in m.sources)
        sector = next((c for c in sectors if c in IRREGULAR_DOERS
                       or (state and c in STATE_SECTORS)), "UAF")
        if not m.sources and any(e.code == EXPULSION for e in self.kb.lexicon.candidates(
                token_pos(trigger), token_lemma_lower(trigger))):
            # "thousands of refugees were deported from Pakistan": a mass expulsion no one
            # is named as doing is done by the state that deports, not by gunmen
            sector = "GOV"
        return [Actor(code=country + sector, country=country, sector=sector)] if country else []

    def _arresting_state(self, doc: Doc, m: Mention, places: DocPlaces) -> list[Actor]:
        """Who made an arrest the text tells of without naming who did ("a missionary was
        arrested in Beirut"), and so made the accusation it rests on: the government of
        the country it was made in."""
        # read from the parse arrays: asked of most events with no doer found
        arrays = parse_arrays(doc)
        if (arrays.pos[m.trigger] != "VERB" or m.modality not in ("asserted", "reported")
                or (m.code != ARREST and not m.code.startswith(ACCUSE_ROOT))
                or not any(e.code == ARREST for e in self.kb.lexicon.candidates(
                    "VERB", arrays.lemma_lowers[m.trigger]))):
            return []
        place = places.event_place(doc, m.trigger, [])
        if place is None or not place.country:
            return []
        return [Actor(code=place.country + "GOV", country=place.country, sector="GOV")]

    def _own_doers(self, doc: Doc, m: Mention, actors: DocActors, day: dt.date | None) -> bool:
        """Whether the doers of a deed its reporter claims are the reporter's own side: a
        pronoun for them ("claimed that they had attacked Iraq") or an actor of the
        reporter's country ("claimed that its fighters had attacked")."""
        claimer = actors.resolve(doc[m.reporter], day) if m.reporter is not None else None
        if claimer is None or not claimer.country:
            return False
        for i in m.sources:
            doer = actors.resolve(doc[i], day)
            if doer is None and parse_arrays(doc).pos[i] == "PRON":
                continue  # "they": the claimer speaking of itself
            if doer is None or doer.country != claimer.country:
                return False
            # ("the Syrian government claimed that Syrian rebels had attacked": a rival
            # faction of the same country is another side)
            mine, theirs = claimer.sector[:3], doer.sector[:3]
            if mine and theirs and mine != theirs and not (
                    mine in STATE_SECTORS and theirs in STATE_SECTORS):
                return False
        return True

    def _spoken_of(self, trigger: Token) -> bool:
        """Whether a nominal event is what a statement is about ("condemned an attack by
        Osgiliath soldiers in south Ithilen"): the place it names is where it happened, and
        the speaker's words do not make that place its target."""
        # read from the parse arrays: asked of every event whose target is not found
        arrays = parse_arrays(trigger.doc)
        i: int = trigger.i
        head = arrays.heads[i]
        return (arrays.pos[i] == "NOUN" and arrays.deps[i] in ("dobj", "obj")
                and arrays.pos[head] == "VERB"
                and any("speech" in e.flags
                        for e in self.kb.lexicon.candidates("VERB", arrays.lemmas[head])))

    def _noun_roots(self, noun: Token) -> set[str]:
        """The CAMEO roots a noun names an act of ("raid": 17), by its lexicon entries."""
        if token_pos(noun) != "NOUN":
            return set()
        return {e.code[:2] for e in self.kb.lexicon.candidates("NOUN", token_lemma_lower(noun))}

    def _asked_code(self, m: Mention) -> str:
        """A bare appeal, demand or rejection takes the code of what it is about: "asked
        Portugal for military aid" is an appeal for military aid (0232), "demanded that
        Ankara provide information" a demand for intelligence (1014), "rejected an offer
        of mediation" a rejection of mediation (126). Appeals (02) and demands (10) share
        their sub-codes' order; rejections (12) follow it by REJECTED."""
        if m.code.startswith(THREAT_ROOT) and m.asked:
            # "threatened to hold a general strike": the threat is of the act it names
            return self.kb.ontology.modal_code(m.asked[0], "threat") or m.code
        if m.code not in BARE_APPEALS:
            return m.code
        for act in m.asked:
            if m.code[:2] == REJECT_ROOT == act[:2]:
                # "will not meet the strikers' demands to free their leaders": the act
                # asked for, under the same negation, already reads as its refusal (1243)
                return act
            demand = self.kb.ontology.modal_code(act, "demand")
            if demand is None:
                continue
            code = (REJECTED.get(demand[:3], "") + demand[3:] if m.code.startswith(REJECT_ROOT)
                    else m.code[:2] + demand[2:])
            if self.kb.ontology.has(code):
                return code
        return m.code

    def _rallied_for(self, doc: Doc, m: Mention, code: str, sources: list[Actor],
                     actors: DocActors, day: dt.date | None) -> tuple[int, ...]:
        """The heads of the parties an appeal asks others to back ("urged the EU to support
        the PLO"), when they are not the askers' own side: an appeal for backing of
        oneself ("Kyiv urged the EU to support Ukraine") asks for support (022)."""
        if not code.startswith(APPEAL_ROOT) or PRAISE not in m.asked or not sources:
            return ()
        own = {s.country for s in sources}
        return tuple(i for act, heads in zip(m.asked, m.asked_targets) if act == PRAISE
                     # (by the phrase's own head: "support its bid to join NATO" backs
                     # no NATO)
                     for i in heads if (found := actors.resolve(doc[i], day)) is not None
                     and found.country not in own)

    def _region_named(self, actor: Actor) -> bool:
        """Whether an actor was read from the name of a region within a state ("the West
        Bank", "the occupied West Bank"), which names a place rather than the state's
        government."""
        return self._place_named(actor, "region")

    def _place_named(self, actor: Actor, kind: str) -> bool:
        """Whether an actor was read from the name of a place of the gazetteer's ``kind``
        ("region": "the occupied West Bank"; "capital": "Riyadh", which names the city
        where force is aimed at, not the government sitting there)."""
        words = actor.text.split()
        while words and words[0].islower():  # "the", "occupied": the name is what follows
            words = words[1:]
        place = self.kb.gazetteer.lookup(" ".join(words)) if words else None
        return place is not None and self.kb.gazetteer.kind(place) == kind

    def _modal_code(self, m: Mention, code: str, doc: Doc) -> str:
        """The code of an act that is threatened or intended rather than done: "will
        impose sanctions" is a threat (13), "will give aid" an intention (03)."""
        if m.negated:
            return code
        if m.modality == "threatened":
            return self.kb.ontology.modal_code(code, "threat") or code
        if m.modality == "intended":
            intent = self.kb.ontology.modal_code(code, "intent")
            if intent is None and _pledged(doc[m.trigger]):
                # "Qatar pledged to expel the exiled leaders": a hostile act one pledges
                # or agrees to do is a commitment given, not a threat; the act is coded
                # as intended
                return code
            if intent is None and code.startswith(SANCTION_ROOT) and _announced(doc, m):
                # "announced it would halt aid": a measure announced is one decided on,
                # the sanction itself, not a threat of it
                return code
            return intent or self.kb.ontology.modal_code(code, "threat") or code
        return code

    def _mention_events(self, doc: Doc, article: Article, dated: DatedMention, actors: DocActors,
                        places: DocPlaces, dateline: Place | None, quotes: list[Quote],
                        acts: dict[str, Actor]) -> list[Event]:
        m = dated.mention
        # read from the parse arrays: this runs for every mention dated
        arrays = parse_arrays(doc)
        refusal = (self.kb.ontology.modal_code(m.code, "refusal")
                   if m.negated and m.modality == "intended" else None)
        if refusal:
            # "Merkel said she would not offer help to Greece": a cooperative act the
            # actor declares it will not do is its rejection, an event in its own right
            m = replace(m, code=refusal, negated=False,
                        modality="reported" if m.reporter is not None else "asserted")
        day = dated.date.value if dated.date else article.published
        claimer = m.reporter
        if claimer is not None and _claimed_violence(doc, m):
            if self._own_doers(doc, m, actors, day):
                # "Hamas claimed that its fighters had attacked the post": violence one
                # claims one's own side did is a claim of responsibility for it, aimed at
                # whom it fell on
                m = replace(m, code=CLAIMED_RESPONSIBILITY, sources=(claimer,),
                            modality="asserted", reporter=None)
            else:
                # "Moscow claimed that Ukrainian troops had shelled a village": violence
                # someone claims another did is told on their word alone, and is their
                # accusation of the doers
                m = replace(m, code=CLAIMED_VIOLENCE, sources=(claimer,), targets=m.sources,
                            modality="asserted", reporter=None)
        crowd = bool(m.sources) and all(arrays.lowers[i] in CROWD_COUNTS for i in m.sources)
        if crowd and arrays.heads[m.trigger] in m.sources:
            # "thousands protested outside the US embassy": the parser may make the crowd
            # the head and its protest a clause describing it, whose words name no one
            # in the crowd (read below as the people of the place)
            sources = []
        else:
            sources = _unique(a for i in _split_modifiers(arrays, m.sources)
                              for a in actors.resolve_all(doc[i], day))
        named = bool(sources)
        if not sources and m.code[:2] in VIOLENT_ROOTS and not m.negated:
            # "Iran fired missiles at the bases. The missiles struck ...": a doer named by
            # the definite means or deed of an act told earlier is whoever did that act
            sources = _unique(a for i in m.sources if _definite(doc[i])
                              and (a := actors.doer_of(doc[i])) is not None)
            named = bool(sources)
        if not sources and m.code[:2] in VIOLENT_ROOTS and not m.negated:
            sources = self._unidentified_attackers(doc, m, actors, places, day)
        if not sources and m.code.startswith(PROTEST_ROOT) and crowd:
            # "thousands protested in Tbilisi": a crowd told only by its size is the
            # people of the place it protests in
            place = places.event_place(doc, m.trigger)
            if place is not None and place.country:
                sources = [Actor(code=place.country + "CVL", country=place.country, sector="CVL")]
        if not sources and not m.negated and all(arrays.pos[i] == "PRON" for i in m.sources):
            # (an arrest by someone named whom we cannot place, "foreign troops in
            # Kosovo", is not the place's state's)
            sources = self._arresting_state(doc, m, places)
        reporter = actors.resolve(doc[m.reporter], day) if m.reporter is not None else None
        if (not m.sources and reporter is not None and m.code.startswith(SAID_AGAINST)
                and m.modality == "reported" and _agentless_passive(doc[m.trigger])):
            # "Iran has been accused of supplying drones to Russia, Ukrainian officials
            # said": a criticism or accusation no one is named as making is made by whoever
            # tells it (not an indictment someone hopes for: that is a court's)
            sources, named = [reporter], True
        if m.commanded and not sources and reporter is not None:
            # "Putin ordered troops to attack": forces no one names are the commander's own
            sources, named = [reporter], True
        code = self._asked_code(m)
        if _rallies_against(doc, m, code):
            # "called for sanctions against Nigeria": a call for others to punish someone
            # is no appeal to whom it names, but rallying opposition against them
            code = RALLY_OPPOSITION
        rallied = self._rallied_for(doc, m, code, sources, actors, day)
        if rallied:
            # "urged the EU to support the PLO": an appeal to others to back a third party
            # rallies support on its behalf
            code, m = RALLY_SUPPORT, replace(m, targets=rallied)
        if code in ATTEMPTED and ((arrays.deps[m.trigger] == "xcomp"
                                   and arrays.lemma_lowers[arrays.heads[m.trigger]]
                                   in ATTEMPT_VERBS)
                                  or _attempt_told(doc[m.trigger])):
            # "attempted to assassinate the governor", "a plot to kill the mayor was
            # foiled": the attempt, at its target
            code = ATTEMPTED[code]
        demand = (self.kb.ontology.modal_code(code, "demand")
                  if m.obliged and reporter is not None and not m.negated else None)
        asked_of = ([s for s in sources if _asks_of(reporter, s)]
                    if demand and reporter is not None else [])
        if demand and reporter is not None and asked_of:
            # "Ghana said Britain must be ready to arbitrate": the speaker demands the act
            # of the one who "must" do it
            code, sources, targets = demand, [reporter], asked_of
            if m.advised and self.kb.ontology.has(APPEAL_ROOT + demand[2:]):
                # "said Japan needs to enact reforms": advice is an appeal, whose sub-codes
                # follow the demands'
                code = APPEAL_ROOT + demand[2:]
        elif m.obliged and not m.commanded:
            # "a reminder to Iraq that it must cooperate", "the forum concluded that rich
            # nations must allocate more": what someone must do is not done (what a state
            # orders its own forces to do is, by them: "ordered troops to cross the border")
            return []
        else:
            targets = _fought_by_their_state(
                doc, m, sources, self._targets(doc, m, sources, actors, day, places, acts))
            if m.targets and "speech" in m.entry.flags and all(
                    t.code in {s.code for s in sources} for t in targets) and all(
                    arrays.pos[i] == "PRON" and {a.code for a in actors.resolve_all(doc[i], day)}
                    <= {s.code for s in sources} for i in m.targets):
                # "Iran denied that it was building a bomb": what speakers say of
                # themselves is aimed at no one, and is no target lost (nor is one of
                # several speakers the others' target: "Egypt and Jordan warned that
                # they would not accept refugees")
                m, targets = replace(m, targets=()), []
            if m.entry is OBLIGED_DEMAND:
                # "Putin said Russia must rearm": what one says one's own state must do
                # is asked of no one
                targets = [t for t in targets if all(_asks_of(s, t) for s in sources)]
            code = self._modal_code(m, code, doc)
            if (code == SHOW_OF_FORCE and len({s.country for s in sources}) > 1
                    and (m.entry.objects | {arrays.lemma_lowers[m.trigger]}) & EXERCISE_WORDS):
                # "French and Egyptian warships launched war games": exercises the forces of
                # several states hold together are their military cooperation
                code, targets = JOINT_EXERCISE, sources
        if code.startswith(APPEAL_ROOT) and m.modality == "hypothetical":
            # "the army might want the president to come back": an appeal is made by
            # saying it, and one only supposed was not made
            return []
        if refusal and not targets:
            # a refusal answers someone, and "Taiwan would not back down" names no one
            return []
        if not sources or (not targets and not (named and _demands_a_thing(doc, m, code))
                           and ((m.entry.has_target and not code.startswith(SURRENDER)
                                 # "the rebels broke the truce": a truce broken is news
                                 # with its other side unnamed
                                 and code != CEASEFIRE_VIOLATION
                                 # "deployed warships to the South China Sea", "massed
                                 # troops near the border": forces a named state sends
                                 # somewhere are a show of force at no one in particular
                                 and not (named and code.startswith(POSTURE_ROOT)))
                                or not _undirected(doc, m, code) or not named)
                           and (any(not code.startswith(INTENT_ROOT) or _may_name(doc[i])
                                    for i in m.targets)
                                or code[:2] in UNDIRECTED_ROOTS or _names_others(doc, m))):
            # an act by no identifiable actor, a violent act whose target was not found, or
            # an act whose target the text names but we could not resolve: too weak to
            # keep (measured)
            return []
        for i, a in zip(m.sources if named else (), sources):
            actors.note(doc[i], a)
        for i, a in zip(m.targets, targets):
            actors.note(doc[i], a)
        if m.modality == "asserted" and not m.negated:
            actors.note_act((doc[i] for i in m.trigger_tokens), sources[0])
        if m.modality in ("asserted", "reported") and not m.negated:
            acts.pop(code[:2], None)  # the latest act of a kind comes last
            acts[code[:2]] = sources[0]
        # from the document's text: a Span's is joined anew from its tokens on every read
        text = arrays.span_text(*m.sentence)
        start_char = arrays.idx[m.sentence[0]]
        trigger_start = arrays.idx[m.trigger]
        lead = len(text) - len(text.lstrip())  # the span must index the stripped text
        evidence = records.evidence(sentence=text.strip(), start=start_char + lead,
                                    end=start_char + len(text.rstrip()),
                                    trigger=m.trigger_text(doc), trigger_start=trigger_start,
                                    trigger_end=trigger_start + len(arrays.words[m.trigger]))
        countries = [a.country for a in (*sources, *targets)]
        place = places.event_place(doc, m.trigger, countries) or dateline
        # an event coded from quoted or reported speech links to that quote
        quote = next((q for q in quotes if q.start <= trigger_start < q.end), None)
        events: list[Event] = []
        aims: list[Actor | None] = [*targets] if targets else [None]
        pairs = [(src, tgt) for src in sources for tgt in aims if tgt is None or tgt.code != src.code]
        if _mutual(doc, m, code):
            # "Petraeus held talks with Suleiman": a meeting or a negotiation is each
            # side's with the other, whoever the sentence makes its subject
            pairs += [(tgt, src) for src, tgt in pairs
                      if tgt is not None and (tgt, src) not in pairs]
        coded = [(src, tgt, code) for src, tgt in pairs]
        if ("hosted" in m.entry.flags and code == PEACEKEEPING and not m.negated
                and m.modality in ("asserted", "reported")):
            # "peacekeepers arrived in Mali": CAMEO links the sending (074) to the host
            # state's receiving them (0861), coded with the actors reversed
            coded += [(tgt, src, PEACEKEEPERS_RECEIVED) for src, tgt in pairs if tgt is not None]
        for src, tgt, act in coded:
            goldstein, quad_class, plover, mode = self._code_facts(act)
            events.append(records.event(
                event_id=_event_id(article.id, evidence, act, src, tgt),
                doc_id=article.id, date=dated.date, date_basis=dated.basis,
                source=src, target=tgt, cameo=act, plover=plover, plover_mode=mode,
                goldstein=goldstein, quad_class=quad_class, evidence=evidence,
                negated=m.negated, modality=m.modality, location=place, quote=quote,
                confidence=_confidence(m, src, tgt), info_source=reporter,
                extras={"explicit_date": dated.explicit}))
        return events


# Acts that can be done to no one in particular: protests, force postures, coercion,
# violence ("held military drills", "protesters rallied"). A statement or a cooperative
# act with no target found has lost it, and is not kept (measured).
UNDIRECTED_ROOTS: Final = {"14", "15", "17", "18", "19", "20"}
RECIPROCAL_ROOTS: Final = {"03", "04", "05", "06"}  # agreeing, meeting, cooperating
# Codes of other roots that coordinated parties do with each other: "Reagan and Mubarak
# agreed that calm was badly needed" is each one's accord with the other; "talks between
# Sudan and Chad broke down" halts the negotiations they held with each other.
RECIPROCAL_CODES: Final = {"019", "164"}
PEACEKEEPING, PEACEKEEPERS_RECEIVED = "074", "0861"  # sending them, and a host taking them in
# Meeting and negotiating are done with each other, both ways: the codes, and the words
# that say so (word_classes.tsv; not "presented credentials" or "attended a summit", also
# coded 040)
MUTUAL_CODES: Final = {"040", "046"}  # (the words: MUTUAL_WORDS, resolve/actors.py)
SCHEDULED_AUX: Final = {"will", "shall", "'ll"}  # "will meet": set to happen, not only meant
PROTEST_ROOT: Final = "14"
# Words that count or gather people by themselves: a protest's crowd (word_classes.tsv).
CROWD_COUNTS: Final = word_class("crowd_count")
SAID_AGAINST: Final = ("111", "112")  # criticising or condemning, and accusing
INTENT_ROOT: Final = "03"
DISSENT_EASED: Final = "082"  # a protest called off: addressed to whom the protest was
CEASEFIRE_VIOLATION: Final = "196"
REPRESSION: Final = "175"  # tear gas, water cannon, beatings: force used on crowds
CEASEFIRE_DECLARED: Final = "0871"
INSURGENT_SECTORS: Final = {"REB", "INS"}  # those who fight their own state
IRREGULAR_DOERS: Final = frozenset({"UAF", "REB", "INS"})  # armed men of no state, by what they are
# State bodies "the" alone makes the state's own where they act (word_classes.tsv).
HOME_BODIES: Final = word_class("home_body")
EXPULSION: Final = "174"  # expelling or deporting people: a state's act, done by its laws
# Words that make an armed body a state's (word_classes.tsv).
GOVERNMENT_WORDS: Final = word_class("government")
HOLDER_DEPS: Final = {"compound", "amod", "poss", "nmod"}  # "rebel positions", "the rebels' base"
# Fighting is done by two sides to each other (word_classes.tsv).
FIGHTING_WORDS: Final = word_class("fighting")
# Verbs of a swap: what coordinated sides exchange, each gives the other (word_classes.tsv).
EXCHANGE_WORDS: Final = word_class("exchanging")
BARE_APPEAL, BARE_DEMAND = "020", "100"
BARE_APPEALS: Final = {BARE_APPEAL, BARE_DEMAND, "120"}  # an appeal, demand or rejection the lexicon gives no topic
REJECT_ROOT: Final = "12"
THREAT_ROOT: Final = "13"
DEMAND_ROOT: Final = "10"
APPEAL_ROOT: Final = "02"
# Deeds whose attempt CAMEO codes apart, and the verbs that say a deed was attempted
# (word_classes.tsv)
ATTEMPTED: Final = {"186": "185"}
ATTEMPT_VERBS: Final = word_class("attempting")
# Nouns whose clause is a deed attempted, not done (word_classes.tsv).
ATTEMPT_NOUNS: Final = word_class("attempt")
SURRENDER: Final = "0874"  # retreating or surrendering: done to no one in particular
DEESCALATION: Final = "087"  # a truce, a retreat, forces stood down: military de-escalation
DEMANDING_ROOTS: Final = {"10", REJECT_ROOT}  # demands and rejections: of an act someone is to do
# The rejection of what a demand asks for: a demand for aid (103) rejected is 122, and
# so on; the fourth digit carries over (1031 -> 1221).
REJECTED: Final = {"101": "121", "103": "122", "104": "123", "105": "124", "106": "125",
                   "107": "127", "108": "126"}
POSTURE_ROOT: Final = "15"
SHOW_OF_FORCE: Final = "150"  # a show of military force, as exercises held are coded
JOINT_EXERCISE: Final = "062"  # military cooperation, as exercises held together are coded
# Military exercises, coded as a show of force or, held together, as cooperation
# (word_classes.tsv).
EXERCISE_WORDS: Final = word_class("exercise")
YIELD_ROOT: Final = "08"
# Clauses that hang from another: a complement, a condition or purpose, a description.
COMPLEMENT_DEPS: Final = {"ccomp", "xcomp", "advcl", "acl", "relcl", "pcomp"}
# Acts a state does to its own people or territory: easing or imposing restrictions,
# threatening them ("lifted the curfew in Darfur", "will impose martial law in Baghdad").
DOMESTIC_ROOTS: Final = {"08", "13", "17"}
# Of those, the curfews and states of emergency (eased, threatened, imposed), and curbs on
# political freedoms eased: measures a state takes over its own people or territory even
# when no place is named.
NATIONWIDE_CODES: Final = {"0811", "0813", "0814", "1323", "1324", "1723", "1724"}
# Mass violence a state does in a region of its own country falls on that region's people
# too ("responsible for mass killings in the Darfur region").
MASS_VIOLENCE_ROOT: Final = "20"
# Striking a place from afar or attacking it: done to the people of the place struck, even
# by their own state's forces (not seizing it, blockading it or fighting in it).
BOMBARDMENT_CODES: Final = {"190", "194", "195", "1951", "1952"}
STATEMENT_ROOT: Final = "01"  # "made his remarks in Doha": where one speaks is not whom about
# Meeting, talking and mediating: where it is held is the venue, not a party ("held
# talks in Geneva"); a visit (042, 043) is to the place visited.
VENUE_CODES: Final = {"040", "041", "044", "045", "046", "057"}  # meetings and signings
HOSTING: Final = "043"  # a host's guests are its target; where it hosts them is a venue
# Verbs of attending: where one attends is no venue of one's talks (word_classes.tsv).
ATTENDING_VERBS: Final = word_class("attending")
# Verbs of signing: where one signs anything is the venue (word_classes.tsv).
SIGNING_VERBS: Final = word_class("signing")
# Sectors of the state and its armed men: their protest is not one against themselves.
STATE_SECTORS: Final = {"GOV", "MIL", "COP", "JUD", "LEG", "SPY", "ELI", "UAF"}


ACCUSE_ROOT: Final = "11"  # the accusation an arrest rests on is made by whoever arrests
# complaints and demands: aimed at whoever did the wrong they are made over
GRIEVANCE_ROOTS: Final = {DEMAND_ROOT, ACCUSE_ROOT}
# Verbs by which one commits oneself to an act ("pledged to", "agreed to"): word_classes.tsv
PLEDGE_VERBS: Final = word_class("commitment")


def _split_modifiers(arrays: ParseArrays, heads: tuple[int, ...]) -> list[int]:
    """``heads`` without an adjective the parser split off the name that follows it as a
    doer of its own ("Sudan's paramilitary Rapid Support Forces shelled": one doer, the
    Forces, not "paramilitary" besides)."""
    pos = arrays.pos
    if not any(pos[i] == "ADJ" for i in heads):
        return list(heads)  # (most doers: no adjective)
    starts = {arrays.left_edges[i] for i in heads}
    return [i for i in heads if not (pos[i] == "ADJ" and i + 1 in starts)]


def _pledged(trigger: Token) -> bool:
    """Whether an act is what its doer pledges or agrees to do ("pledged to expel")."""
    return trigger.dep_ == "xcomp" and token_lemma_lower(trigger.head) in PLEDGE_VERBS


# Verbs that tell a measure to come as decided on (word_classes.tsv).
ANNOUNCING_VERBS: Final = word_class("announcing")


def _announced(doc: Doc, m: Mention) -> bool:
    """Whether the act is what its reporter announces it will do, not what a report
    foretells of another."""
    if m.reporter is None or token_lemma_lower(doc[m.reporter].head) not in ANNOUNCING_VERBS:
        return False
    # ("announced it would", "announced a suspension": the announcer is the doer)
    return all(i == m.reporter or parse_arrays(doc).pos[i] == "PRON" for i in m.sources)


# Verbs that report a deed as someone's contested claim (word_classes.tsv).
CLAIM_VERBS: Final = word_class("claiming")
CLAIMED_VIOLENCE: Final = "112"  # violence claimed against another is an accusation of it
CLAIMED_RESPONSIBILITY: Final = "015"  # violence claimed as one's own side's is owning up to it


def _claimed_violence(doc: Doc, m: Mention) -> bool:
    """Whether a mention is violence its reporter claims named doers did ("Moscow claimed
    that Ukrainian troops shelled the town"), not a deed the text vouches for."""
    if (m.modality != "reported" or m.negated or m.reporter is None or not m.sources
            or m.code[:2] not in VIOLENT_ROOTS or m.reporter in m.sources):
        return False
    arrays = parse_arrays(doc)  # (the reporter's verb from the parse arrays: no Token made)
    verb = arrays.heads[m.reporter]
    return arrays.pos[verb] == "VERB" and arrays.lemma_lowers[verb] in CLAIM_VERBS


# Nouns for a deed taken as a choice, a court's among them (word_classes.tsv), and the
# roots of what a decision is not: replies to deeds (statements, appeals, praise,
# rejections), protest and fighting.
RULING_WORDS: Final = word_class("ruling")
DECISION_WORDS: Final = RULING_WORDS | word_class("decision")
COURT_SECTOR: Final = "JUD"
UNDECIDED_ROOTS: Final = {"01", "02", "05", "12", "14", "18", "19", "20"}


def _a_decision(head: Token) -> bool:
    """Whether a phrase refers back to a deed as a decision: "the decision", "this move",
    "these measures"."""
    return token_lemma_lower(head) in DECISION_WORDS and any(
        c.dep_ == "det" and token_lower(c) in ("the", "this", "that", "these", "those")
        for c in head.children)


# Words for the parties to a fight, and the words that make them that: "both", "two" or a
# word of enmity (word_classes.tsv), and the roots of the acts whose doers they are.
WARRING_WORDS: Final = {"both", "two"} | word_class("warring")
FIGHTING_ROOTS: Final = {"18", "19", "20"}
# Mediating between parties (CAMEO 045).
MEDIATION_CODE: Final = "045"


def _warring_sides(head: Token) -> bool:
    """Whether a phrase names the sides of a fight without naming them: "both sides", "the
    two parties", "the warring factions", "the parties" alone."""
    return token_lemma_lower(head) in SIDE_WORDS and (any(
        token_lower(c) in WARRING_WORDS for c in head.children
        if c.dep_ in ("det", "amod", "nummod", "predet", "preconj"))
        or bare_sides(parse_arrays(head.doc), head.i))


RALLY_OPPOSITION: Final = "113"
RALLY_SUPPORT: Final = "053"
PRAISE: Final = "051"  # backing someone: what an appeal to others to back a third party asks
SANCTION_ROOT: Final = "16"
ADDRESSEE_PREPS: Final = {"on", "upon", "to"}
ASKED_DOER_DEPS: Final = {"nsubj", "nsubjpass"}
ASKED_CLAUSE_DEPS: Final = {"ccomp", "xcomp"}


def _rallies_against(doc: Doc, m: Mention, code: str) -> bool:
    """Whether a bare call or demand, addressed to no one, is for sanctions against its
    target ("called for sanctions against Nigeria"), not for easing them ("called for the
    lifting of sanctions") nor asked of someone ("called on the UN to impose sanctions")."""
    if code not in (BARE_APPEAL, BARE_DEMAND) or not m.targets or m.entry is OBLIGED_DEMAND:
        # ("said China must drop barriers or face penalties": a demand of China)
        return False
    roots = {a[:2] for a in m.asked}
    if SANCTION_ROOT not in roots or YIELD_ROOT in roots:
        return False
    trigger = doc[m.trigger]
    # ("wants Peru to withdraw its envoy": the doer of the clause the call governs is
    # asked to act, as much as one called on)
    return not any(t.head.i == trigger.i or (token_lower(t.head) in ADDRESSEE_PREPS
                                             and t.head.head.i == trigger.i)
                   or (t.dep_ in ASKED_DOER_DEPS and t.head.dep_ in ASKED_CLAUSE_DEPS
                       and t.head.head.i == trigger.i)
                   for t in (doc[i] for i in m.targets))


def _asks_of(speaker: Actor, doer: Actor) -> bool:
    """Whether a speaker saying that someone must act demands it of them: of another
    state or body ("Mubarak said the US must mediate"), or of another part of its own
    country ("the rebels said the government must agree to reforms"); not of its own
    state, nor one arm of the state of another ("the army said the government must act")."""
    if speaker.country != doer.country:
        return True
    mine, theirs = speaker.sector[:3], doer.sector[:3]
    return bool(mine and theirs) and mine != theirs and not (
        mine in STATE_SECTORS and theirs in STATE_SECTORS)


PROGRESSIVE_AUX: Final = {"was", "were", "is", "are", "been"}


def _background_state(arrays: ParseArrays, trigger: int) -> bool:
    """Whether an act (its trigger at word ``trigger``) is a state a relative clause
    describes someone by, told in the progressive ("freed Bout, who was serving a 25-year
    sentence") or the past perfect ("will release the ministers, whom they had taken
    hostage"): background, not news. (Read from the parse arrays: every mention is
    tested.)"""
    deps = arrays.deps
    clause = arrays.heads[trigger] if deps[trigger] in ("dobj", "obj") else trigger
    if deps[clause] != "relcl":
        return False
    aux = {arrays.lowers[c] for c in arrays.children[clause] if deps[c] == "aux"}
    tag = arrays.tags[clause]
    return (tag == "VBG" and bool(aux & PROGRESSIVE_AUX)) or (tag == "VBN" and "had" in aux)


def _fought_by_their_state(doc: Doc, m: Mention, sources: list[Actor],
                           targets: list[Actor]) -> list[Actor]:
    """``targets``, with the armed men of a people with no state that a state's forces
    strike abroad made that state's ("Turkish jets struck Kurdish militants in northern
    Iraq": Turkey's insurgents, not Iraq's), as they are when they are the doers."""
    states = {s.country for s in sources if s.sector[:3] in ("GOV", "MIL")}
    if len(states) != 1 or m.code[:2] not in VIOLENT_ROOTS:
        return targets
    arrays = parse_arrays(doc)  # (the targets' modifiers: no Token made for each)
    if not any(arrays.deps[c] in ("amod", "compound") and arrays.lowers[c] in STATELESS_PEOPLES
               for i in m.targets for c in arrays.children[i]):
        return targets
    state = next(iter(states))
    return [Actor(code=state + t.sector, country=state, sector=t.sector, name=t.name,
                  text=t.text) if t.sector[:3] in IRREGULAR_DOERS else t for t in targets]


def _definite_state_body(doer: Token) -> bool:
    """Whether a doer named only by the state body it is, with the definite article ("the
    army shelled villages in Darfur", "the government bombed rebel areas"), is the state's
    own: news says "the army" for the army of the country it is in. Troops, craft and
    patrols ("the soldiers", "the drone") may serve abroad, so they are left to the
    place's unidentified forces."""
    return (token_lemma_lower(doer) in HOME_BODIES
            and any(c.dep_ == "det" and token_lower(c) == "the" for c in doer.children))


def _definite(noun: Token) -> bool:
    """Whether ``noun`` is a common noun with the definite article ("the missiles")."""
    return token_pos(noun) == "NOUN" and any(c.dep_ == "det" and token_lower(c) == "the"
                                       for c in noun.children)


def _doer_hinted(trigger: Token, doers: list[Token]) -> bool:
    """Whether the words for a deed's doer or means name a nationality or a by-agent
    ("Soviet aircraft", "in Israeli shelling", "in a drone strike by army units")."""
    return any((c.dep_ in NAMING_DEPS and c.ent_type_ == "NORP")
               or (c.dep_ in ("prep", "agent") and token_lower(c) == "by")
               for head in (*doers, *means_objects(trigger)) for c in head.children)


def _undirected(doc: Doc, m: Mention, code: str) -> bool:
    """Whether an act with no target slot may stand without a target: protests, force,
    violence; and a concession stated as the sentence's own deed ("Shevardnadze resigned
    on Sunday"), not one demanded, offered or set as a condition ("demanded that he
    resign", "unless Israel rescinds the annexation")."""
    # read from the parse arrays: asked of most events whose target is not found
    arrays = parse_arrays(doc)
    dep = arrays.deps[m.trigger]
    # "rebels surrendered, an official said": what a report says was done is a deed
    told = (m.reporter is not None and dep == "ccomp"
            and arrays.heads[m.reporter] == arrays.heads[m.trigger])
    return code[:2] in UNDIRECTED_ROOTS or (
        code.startswith(YIELD_ROOT) and m.modality in ("asserted", "reported")
        and (dep not in COMPLEMENT_DEPS or told))


def _agentless_passive(trigger: Token) -> bool:
    """Whether a verb is a passive that names no doer ("has been accused of torture")."""
    return (token_pos(trigger) == "VERB" and any(c.dep_ == "auxpass" for c in trigger.children)
            and not any(c.dep_ == "agent" for c in trigger.children))


def _demands_a_thing(doc: Doc, m: Mention, code: str) -> bool:
    """Whether a demand names only the thing it wants, asking no one by name ("demanded
    immediate elections", "published a declaration demanding political changes"): it
    stands without a target."""
    # (not "demanded parties to the conflict to allow access": those are asked to act)
    return (code.startswith(DEMAND_ROOT) and bool(m.targets)
            and not any(c.dep_ in ("xcomp", "ccomp") or (c.dep_ == "advcl" and any(
                a.dep_ == "aux" and token_lower(a) == "to" for a in c.children))
                for c in doc[m.trigger].children)
            and all(parse_arrays(doc).pos[i] == "NOUN" and not _names_someone(doc[i])
                    for i in m.targets))


def _may_name(target: Token) -> bool:
    """Whether a target word could name someone: a noun or pronoun, or a clause with a
    name or pronoun in it; not a clause that names no one ("committed to opening up the
    economy", "committed to cutting its deficit": "its" is the doer's own). A pledge of
    such an act is kept without a target. Nor does the doer's own thing ("will lay down
    their weapons", "will withdraw its troops"): it is what the act is done with."""
    if token_pos(target) == "NOUN" and any(
            c.dep_ == "poss" and token_lower(c) in POSSESSIVE_PRONOUNS for c in target.children):
        return any(token_pos(t) == "PROPN" or t.ent_type_ in NAME_TYPES for t in target.subtree)
    return token_pos(target) not in ("VERB", "AUX") or any(
        (token_pos(t) == "PROPN" or t.ent_type_ in NAME_TYPES
         or (token_pos(t) == "PRON" and t.dep_ != "poss"))
        and not _circumstantial(t, target) for t in target.subtree)


# Adjuncts that set an act's circumstances, not whom it is aimed at ("called for free trade
# despite tensions between India and Pakistan", "agreed to resign without returning to
# Kyrgyzstan").
CIRCUMSTANCE_PREPS: Final = {"despite", "amid", "amidst", "without"}


def _circumstantial(tok: Token, act: Token) -> bool:
    """Whether a word lies in a circumstance adjunct below an act's word, not one the act
    itself lies in."""
    arrays = parse_arrays(tok.doc)
    above_act = {act.i, *ancestors(arrays, act.i)}
    return any(arrays.deps[h] == "prep" and arrays.lowers[h] in CIRCUMSTANCE_PREPS
               and h not in above_act for h in (tok.i, *ancestors(arrays, tok.i)))


def _existential(noun: Token) -> bool:
    """Whether a noun is what a "there is/are" sentence says exists ("there were ten
    soldiers killed")."""
    return noun.dep_ == "attr" and any(c.dep_ == "expl" for c in noun.head.children)


def _attempt_told(deed: Token) -> bool:
    """Whether a deed is what an attempt the sentence tells of was to do: "a plot to kill
    the mayor was foiled", "an attempt to kill the judge failed" (the attempt
    is its clause's subject; "condemned the attempt to kill him" only refers to it)."""
    head = deed.head
    return (deed.dep_ == "acl" and token_lemma_lower(head) in ATTEMPT_NOUNS
            and head.dep_ in ("nsubj", "nsubjpass"))


# Nouns of going into a place (word_classes.tsv).
ENTRY_NOUNS: Final = word_class("entry")


def _entered(phrase: Token) -> bool:
    """Whether a noun phrase names the place an entry or access is to."""
    prep = phrase.head
    return (phrase.dep_ == "pobj" and token_lower(prep) in ("to", "into")
            and token_lemma_lower(prep.head) in ENTRY_NOUNS)


# How a meeting is told when it is each side's with the other: held, reported held, or
# possibly held ("talks could resume": if they do, both sides hold them).
MUTUAL_MODALITIES: Final = {"asserted", "reported", "hypothetical"}


def _mutual(doc: Doc, m: Mention, code: str) -> bool:
    """Whether an act is a meeting or negotiation said to happen ("met with", "held talks
    with") or set to happen ("will meet"), which each side holds with the other (an
    intention to meet, "offered to hold talks", is its holder's)."""
    # read from the parse arrays: this is asked of every event coded
    arrays = parse_arrays(doc)
    lemmas = arrays.lemma_lowers
    scheduled = m.modality == "intended" and any(
        arrays.deps[c] == "aux" and arrays.lowers[c] in SCHEDULED_AUX
        for c in arrays.children[m.trigger])
    return (((code in MUTUAL_CODES and m.modality in MUTUAL_MODALITIES)
             or (m.code in MUTUAL_CODES and scheduled))
            and not m.negated and any(lemmas[w] in MUTUAL_WORDS for i in m.trigger_tokens
                                      for w in (i, *_of_objects(arrays, i))))


def _of_objects(arrays: ParseArrays, i: int) -> list[int]:
    """What word ``i`` is "of" ("talks" in "a new round of talks")."""
    deps, children = arrays.deps, arrays.children
    return [o for prep in children[i] if deps[prep] == "prep" and arrays.lowers[prep] == "of"
            for o in children[prep] if deps[o] == "pobj"]


def _reciprocal(trigger: Token, code: str) -> bool:
    """Whether coordinated sources act on each other: cooperation by nature, or marked
    by the text ("their meeting", "each other", "one another"); not an adjunct that only
    borrows their subject ("..., accusing Qatar of supporting terrorism")."""
    # read from the parse arrays: this is asked of most events with several doers
    arrays = parse_arrays(trigger.doc)
    deps, lemmas, children, i = arrays.deps, arrays.lemma_lowers, arrays.children, trigger.i
    blamed = (deps[i] == "pcomp"
              and lemmas[arrays.heads[arrays.heads[i]]] in BLAME_ADJECTIVES)
    if deps[i] in ("pcomp", "advcl") and not blamed:
        return False
    if code[:2] in RECIPROCAL_ROOTS or code in RECIPROCAL_CODES or code in (
            CEASEFIRE_VIOLATION, CEASEFIRE_DECLARED):
        # "both the army and the rebels are guilty of violating the ceasefire", "the army
        # and the rebels signed a ceasefire in Jeddah": a truce binds its sides to each
        # other (where they sign it is no party)
        return True
    if lemmas[i] in FIGHTING_WORDS and not any(
            deps[c] in ("dobj", "obj") for c in children[i]):
        # "Vietnamese and Cambodian forces were battling near the border": sides that
        # fight, clash or skirmish with no foe named fight each other
        return True
    if lemmas[i] in EXCHANGE_WORDS:
        # "Cambodia and Thailand exchanged fire": sides that swap something do it with
        # each other, whatever the thing
        return True
    words = " ".join(arrays.lowers[t] for t in arrays.subtree(i))
    return "each other" in words or "one another" in words or any(
        arrays.lowers[c] == "their" for t in children[i] for c in children[t] if deps[c] == "poss")


def _object_phrases(obj: Token, actors: DocActors, day: dt.date | None) -> list[Token]:
    """The phrase heads that may name who an entry's required object falls on: the object
    itself when its own head word names people ("demonstrators", "inspectors of the IAEA"),
    else the objects of its prepositions."""
    if actors.resolve(obj, day) is not None:
        return [obj]
    # read from the parse arrays: a Token is made only for a phrase found
    doc = obj.doc
    arrays = parse_arrays(doc)
    deps, children = arrays.deps, arrays.children
    # "prevented the demonstration staged by students": whoever held the event it names
    held_by = [doc[o] for clause in children[obj.i] if deps[clause] == "acl"
               for agent in children[clause] if deps[agent] == "agent"
               for o in children[agent] if deps[o] == "pobj"]
    return held_by + [doc[o] for prep in children[obj.i] if deps[prep] == "prep"
                      for o in children[prep] if deps[o] == "pobj"
                      and arrays.ent_types[o] not in TIME_TYPES]


def _holders(place: Token, actors: DocActors, day: dt.date | None, own: set[str]) -> list[Actor]:
    """The kinds of people a place's modifiers say hold or use it ("rebel positions", "the
    rebels' base", "an army checkpoint"), other than the sources ``own``."""
    # the modifiers are read from the parse arrays, a Token made only for each resolved
    doc = place.doc
    arrays = parse_arrays(doc)
    return [a for c in arrays.children[place.i] if arrays.deps[c] in HOLDER_DEPS
            and (a := actors.resolve(doc[c], day)) and a.sector and a.code not in own]


def _venue(phrase: Token, doc: Doc, m: Mention) -> bool:
    """Whether a phrase is only where a meeting or a signing is held ("held talks in
    Geneva", "met at the UN", "signed a peace agreement in Minsk"): a place phrase of the meeting's own words, not of a thing it is about
    ("bargained for asylum in Ecuador"). One who attends a meeting abroad travels there."""
    # read from the parse arrays: asked of every phrase a meeting's target may be in
    arrays = parse_arrays(doc)
    lemma = arrays.lemma_lowers[m.trigger]
    i: int = phrase.i
    prep = arrays.heads[i]
    if m.code == HOSTING:
        # "hosted peace talks in Jeddah", "hosted the delegation in Doha": where a host
        # holds what it hosts is its own ground, not whom it hosts
        return (arrays.deps[i] == "pobj" and arrays.lowers[prep] in VENUE_PREPS
                and _of_trigger(arrays.heads[prep], m, m.targets))
    return ((m.code in VENUE_CODES or lemma in SIGNING_VERBS) and lemma not in ATTENDING_VERBS
            and arrays.deps[i] == "pobj" and arrays.lowers[prep] in VENUE_PREPS
            and _of_trigger(arrays.heads[prep], m))


def _of_trigger(i: int, m: Mention, also: tuple[int, ...] = ()) -> bool:
    """Whether the word at ``i`` is one of a mention's trigger words, or of ``also``."""
    return i == m.trigger or i in m.trigger_tokens or i in also


# Prepositions whose phrase can name where, or on whom, an act falls.
PLACE_PREPS: Final = {"in", "into", "at", "to", "inside", "for", "near", "around", "off", "outside"}
# Prepositions by which a group's own phrase says where its people are ("migrants in Iran").
HOST_PREPS: Final = frozenset({"in", "inside"})


def _authors(thing: Token) -> list[Token]:
    """Who a thing is from: its owner or its "from"/"by" phrase ("Gbagbo's appeal", "an
    offer from Kabul", "calls by the rulers")."""
    # read from the parse arrays: a Token is made only for an author found
    doc = thing.doc
    arrays = parse_arrays(doc)
    deps, lowers, children = arrays.deps, arrays.lowers, arrays.children
    return [doc[c] for c in children[thing.i] if deps[c] == "poss"] + [
        doc[o] for prep in children[thing.i] if deps[prep] == "prep"
        and lowers[prep] in ("from", "by")
        for o in children[prep] if deps[o] == "pobj"]


# Prepositions that give the wrong a complaint or demand is made over ("sued for
# violations", "protested over the raid").
GRIEVANCE_PREPS: Final = {"for", "over"}


def _grievances(trigger: Token) -> list[Token]:
    """The wrongs a complaint or demand is made over: the noun objects of a "for"/"over"
    phrase of the act's words (:func:`_act_heads`: "filed a lawsuit for the violations",
    "demanded compensation over the raid")."""
    # the phrases are looked for in the parse arrays, and a Token made only for each found
    doc = trigger.doc
    arrays = parse_arrays(doc)
    deps, children = arrays.deps, arrays.children
    return [doc[o] for head in _act_heads(arrays, trigger.i) for prep in children[head]
            if deps[prep] == "prep" and arrays.lowers[prep] in GRIEVANCE_PREPS
            for o in children[prep] if deps[o] == "pobj" and arrays.pos[o] == "NOUN"]


def _taken_from(thing: Token) -> list[Token]:
    """Whom a passive clause says its subject is to be taken from ("that control be taken
    away from the parties"): the objects of its "from" phrase."""
    clause = thing.head
    if thing.dep_ != "nsubjpass" or token_pos(clause) != "VERB":
        return []
    return [o for prep in clause.children if prep.dep_ == "prep" and token_lower(prep) == "from"
            for o in prep.children if o.dep_ == "pobj"]


def _defied(trigger: Token) -> list[Token]:
    """What an act is done in the face of: the objects of "despite" on it or on the verb
    whose complement it is ("refused to resign despite calls from the opposition")."""
    # read from the parse arrays: a Token is made only for an object found
    doc = trigger.doc
    arrays = parse_arrays(doc)
    deps, children, i = arrays.deps, arrays.children, trigger.i
    return [doc[o] for verb in ((i, arrays.heads[i]) if deps[i] == "xcomp" else (i,))
            for prep in children[verb] if deps[prep] == "prep" and arrays.lowers[prep] == "despite"
            for o in children[prep] if deps[o] == "pobj"]


def _fired_from(trigger: Token) -> list[Token]:
    """The noun phrases of the "from" phrase that tells where a deed was launched from, on
    the trigger or, for a weapon noun, on the verb it is fired by ("rockets were fired
    from Lebanon")."""
    heads = [trigger]
    if trigger.dep_ in ("nsubjpass", "dobj", "obj") and token_pos(trigger.head) == "VERB":
        heads.append(trigger.head)
    return [obj for head in heads for prep in head.children
            if prep.dep_ == "prep" and token_lower(prep) == "from"
            for obj in prep.children if obj.dep_ == "pobj" and obj.ent_type_ not in TIME_TYPES]


def _act_heads(arrays: ParseArrays, trigger: int) -> list[int]:
    """The positions of the words an act's prepositional phrases hang from: the trigger;
    for a nominal trigger, its governing verb ("conducting exercises in Alaska", "remained
    on alert in the West Bank") and a participle telling of its use ("a missile fired at
    Haifa"); for a verb, its objects ("will extend the curfew in Abidjan")."""
    # read from the parse arrays: asked for most acts no target is named for
    deps, pos, children = arrays.deps, arrays.pos, arrays.children
    heads = [trigger]
    owner = arrays.heads[trigger]
    if deps[trigger] in ("dobj", "obj") and pos[owner] == "VERB":
        heads.append(owner)
    elif (deps[trigger] == "pobj" and arrays.lowers[owner] == "on"
          and pos[arrays.heads[owner]] in ("VERB", "AUX")):
        heads.append(arrays.heads[owner])
    if pos[trigger] == "VERB":
        heads += [c for c in children[trigger] if deps[c] in ("dobj", "obj")]
    else:
        heads += [c for c in children[trigger] if deps[c] == "acl"
                  and arrays.tags[c] in ("VBN", "VBD")]
    return heads


# Prepositions by which an act is placed at a border ("along the border with Iraq").
BORDER_PREPS: Final = PLACE_PREPS | {"along", "on", "across"}


def _border_sides(trigger: Token) -> list[Token]:
    """The states a border an act is placed at is shared with: the objects of the "with"
    phrase right after a border noun in a place phrase of the act's clause ("deployed
    troops along the border with Iraq" -> Iraq; the parser often hangs the "with" phrase
    on the verb)."""
    doc = trigger.doc
    sides: list[Token] = []
    for border in trigger.subtree:
        if (token_lemma_lower(border) not in BORDER_NOUNS or border.dep_ != "pobj"
                or token_lower(border.head) not in BORDER_PREPS
                or any(t.dep_ in ("relcl", "ccomp", "advcl") for t in _path_up(border, trigger))):
            continue
        after = border.right_edge.i + 1
        with_ = [w for w in border.children if w.dep_ == "prep" and token_lower(w) == "with"] or (
            [doc[after]] if after < len(doc) and parse_arrays(doc).lowers[after] == "with"
            and doc[after].dep_ == "prep" else [])
        sides += [side for w in with_ for o in w.children if o.dep_ == "pobj"
                  for side in (o, *o.conjuncts)]
    return sides


def _path_up(tok: Token, top: Token) -> list[Token]:
    """The words from ``tok`` up to (not including) ``top``, its ancestor."""
    path = []
    while tok.i != top.i and tok.head.i != tok.i:
        path.append(tok)
        tok = tok.head
    return path


def _adjunct_phrases(trigger: Token) -> list[Token]:
    """The noun phrases of the place-like prepositional phrases of an act's words
    (:func:`_act_heads`); never a date ("in March")."""
    # the phrases are looked for in the parse arrays, and a Token made only for each found
    doc = trigger.doc
    arrays = parse_arrays(doc)
    deps, children = arrays.deps, arrays.children
    return [doc[obj] for head in _act_heads(arrays, trigger.i) for prep in children[head]
            if deps[prep] == "prep" and arrays.lowers[prep] in PLACE_PREPS
            for obj in children[prep]
            if deps[obj] == "pobj" and arrays.ent_types[obj] not in TIME_TYPES]


# Verbs of a protest's purpose clause whose object says what it is against
# (word_classes.tsv).
PURPOSE_VERBS: Final = word_class("protest_purpose")
# Nouns of a manner phrase that name what a protest opposes (word_classes.tsv).
OPPOSING_NOUNS: Final = word_class("opposing")


def _purpose_against(trigger: Token) -> list[Token]:
    """The "against" phrase of what an act is for ("mobilized reservists for a war
    against Iraq", "prepared troops for an offensive against the rebels")."""
    # read from the parse arrays: a Token is made only for an object found
    doc = trigger.doc
    arrays = parse_arrays(doc)
    deps, lowers, children = arrays.deps, arrays.lowers, arrays.children
    return [doc[o] for prep in children[trigger.i] if deps[prep] == "prep" and lowers[prep] == "for"
            for purpose in children[prep] if deps[purpose] == "pobj"
            for inner in children[purpose] if deps[inner] == "prep" and lowers[inner] == "against"
            for o in children[inner] if deps[o] == "pobj"]


def _purpose_objects(trigger: Token) -> list[Token]:
    """The objects of a verb's infinitive of purpose ("opened fire to disperse the
    demonstrators"; "used tear gas to disperse them", which the parser reads as a
    complement)."""
    # read from the parse arrays: a Token is made only for an object found
    doc = trigger.doc
    arrays = parse_arrays(doc)
    deps, lowers, children = arrays.deps, arrays.lowers, arrays.children
    return [doc[o] for clause in children[trigger.i]
            if deps[clause] in ("advcl", "xcomp") and arrays.pos[clause] == "VERB"
            and any(deps[c] == "aux" and lowers[c] == "to" for c in children[clause])
            for o in children[clause] if deps[o] in ("dobj", "obj")]


def _as_state(actor: Actor) -> Actor:
    """A country named without a sector, as what a protest opposes, is its government
    ("calling for independence from Iraq")."""
    if actor.sector or not actor.country or actor.country == "IGO":
        return actor
    return replace(actor, code=actor.country + "GOV", sector="GOV")


def _opposed_phrases(trigger: Token) -> list[Token]:
    """The noun phrases that say what a protest is against: its (or, for a nominal one,
    its governing verb's) "against" phrase, "in protest of/against" or "in defiance of"
    phrase, and the objects of its purpose clause ("to demand political reforms")."""
    heads = [trigger]
    if trigger.dep_ in ("dobj", "obj") and token_pos(trigger.head) == "VERB":
        heads.append(trigger.head)  # "staged demonstrations to demand reforms"
    found: list[Token] = []
    for head in heads:
        for child in head.children:
            if child.dep_ == "prep" and token_lower(child) == "against":
                found += [o for o in child.children if o.dep_ == "pobj"]
            elif child.dep_ == "prep" and token_lower(child) == "in":
                found += [o for noun in child.children if noun.dep_ == "pobj"
                          and token_lemma_lower(noun) in OPPOSING_NOUNS
                          for prep in noun.children if prep.dep_ == "prep"
                          and token_lower(prep) in ("against", "of", "at", "to")
                          for o in prep.children if o.dep_ == "pobj"]
            elif child.dep_ in ("advcl", "xcomp") and token_pos(child) == "VERB":
                for purpose in _purpose_verbs(child):
                    found += [o for o in purpose.children if o.dep_ in ("dobj", "obj")]
                    found += [o for prep in purpose.children if prep.dep_ == "prep"
                              and token_lower(prep) in ("for", "against", "of")
                              for o in prep.children if o.dep_ == "pobj"]
    return found


def _purpose_verbs(clause: Token) -> list[Token]:
    """A protest's clause that says what it is for: the clause itself ("to demand
    reforms"), or the one its joining others is "in" ("rioted, joining demonstrators in
    demanding independence from Indonesia")."""
    if token_lemma_lower(clause) in PURPOSE_VERBS:
        return [clause]
    return [v for prep in clause.children if prep.dep_ == "prep" and token_lower(prep) == "in"
            for v in prep.children if v.dep_ == "pcomp" and token_pos(v) == "VERB"
            and token_lemma_lower(v) in PURPOSE_VERBS]


NAME_TYPES: Final = {"GPE", "NORP", "ORG", "PERSON"}


def _names_doer(doc: Doc, m: Mention, knowledge: Knowledge) -> bool:
    """Whether a mention's doer words could name someone: a name or a pronoun, not only
    common nouns for the act or its means ("the bombing", "an explosive device"), nor a
    group's noun the tagger takes for a name only because it opens the sentence ("Rebels
    shelled Aleppo")."""
    return any((parse_arrays(doc).pos[i] in ("PROPN", "PRON") or doc[i].ent_type_ in NAME_TYPES)
               and not (doc[i].is_sent_start and any(
                   e.kind == "sector" for e in knowledge.lookup(parse_arrays(doc).lowers[i])))
               for i in m.sources)
TIME_TYPES: Final = {"DATE", "TIME"}  # "on Friday" names no one


def _names_others(doc: Doc, m: Mention) -> bool:
    """Whether the sentence names anyone besides the mention's sources and reporter: if
    not, an act with no target found has none in the text ("Indian business leaders
    called for free trade"). (The words are read from the parse arrays, and a Token made
    only for a name, whose clause is then walked.)"""
    arrays = parse_arrays(doc)
    own: set[int] = set()
    for i in (*m.sources, *([m.reporter] if m.reporter is not None else [])):
        own.update(range(arrays.left_edges[i], arrays.right_edges[i] + 1))
    pos, ent_types = arrays.pos, arrays.ent_types
    names = [i for i in range(*m.sentence) if i not in own and (ent_types[i] in NAME_TYPES or (
        pos[i] == "PROPN" and ent_types[i] not in TIME_TYPES))]
    if not names:
        return False
    act = doc[m.trigger]  # (made once, for the names' clauses to be walked up to it)
    return any(not _circumstantial(doc[i], act) for i in names)


# Modifiers that belong to a noun phrase's own naming of who it is.
NAMING_DEPS: Final = {"compound", "amod", "poss", "appos", "nmod", "flat"}


def _names_someone(head: Token) -> bool:
    """Whether a noun phrase names its referent itself ("Darfur rebels", "Hutu rebels",
    "the newspaper La Prensa") rather than leaving the country to the context ("military
    exercises", "the police")."""
    # read from the parse arrays: the phrase's modifiers are walked
    arrays = parse_arrays(head.doc)
    pos, ent_types, deps, children = arrays.pos, arrays.ent_types, arrays.deps, arrays.children
    stack = [head.i]
    while stack:
        i = stack.pop()
        if pos[i] == "PROPN" or ent_types[i] in ("NORP", "GPE"):
            return True
        stack.extend(c for c in children[i] if deps[c] in NAMING_DEPS)
    return False


def _a_matter(tok: Token, trigger: Token) -> bool:
    """Whether a target word is only the subject of a clause the trigger governs and names
    no one itself ("agree that disputes ... should be resolved")."""
    return (tok.dep_ in ("nsubj", "nsubjpass") and tok.head.i != trigger.i
            and token_pos(tok) == "NOUN" and not _names_someone(tok))


def _align_dates(events: list[Event]) -> list[Event]:
    """One act, one date: a report dated only by the story's time takes the date of a
    report of the same act in the article that has a time of its own ("this Friday ...
    police broke into the embassy" ... "police entered the embassy by force")."""
    explicit = [e for e in events if e.extras.get("explicit_date") and e.date]
    if not explicit:
        return events
    acts = {id(e): _act_record(e) for e in events}
    # each event's dyad, which same_act compares first (it is Python code: the explicit
    # reports of other dyads are passed over here)
    dyads = {id(e): (_country(e.source), _country(e.target)) for e in events}
    out: list[Event] = []
    for ev in events:
        if not ev.extras.get("explicit_date"):
            match = next((x for x in explicit if x is not ev and dyads[id(x)] == dyads[id(ev)]
                          and same_act(acts[id(x)], acts[id(ev)])), None)
            if match is not None and match.date != ev.date:
                ev = replace(ev, date=match.date, date_basis="text")
        out.append(ev)
    return out


def _latest_doer(acts: dict[str, Actor], exclude: AbstractSet[str],
                 keep: Callable[[str], bool]) -> list[Actor]:
    """The doer of the latest act the document told of whose root ``keep`` accepts, of no
    country in ``exclude``: a one-item list, or an empty one."""
    return [acts[root] for root in reversed(acts)
            if keep(root) and acts[root].country not in exclude][:1]


def _fold_untargeted(events: list[Event]) -> list[Event]:
    """A report with no target is a part of one of the same act on the same day by the
    same party told with its target elsewhere in the article ("imposed sanctions on
    Monday" ... "imposed asset freezes on seven officials"): only the aimed one is kept.
    A retreat is aimed at no one by its nature, and two in a story are two."""
    def key(e: Event) -> tuple[str, str, tuple[int, int, int], bool]:
        return (_party(e.source), e.cameo[:3], _written_date(e.date), e.negated)

    aimed = {key(e) for e in events if e.target is not None and e.source is not None and e.date}
    if not aimed:
        return events
    return [e for e in events if e.target is not None or e.source is None or not e.date
            or e.cameo == SURRENDER or key(e) not in aimed]


def _written_date(ref: TimeRef | None) -> tuple[int, int, int]:
    """What ``ref.iso()`` writes, as numbers (0 for what its precision leaves out; all 0
    for no date): the same for the same string. (TimeRef's methods are Python code.)"""
    if ref is None:
        return (0, 0, 0)
    value, precision = ref.value, ref.precision
    return (value.year, value.month if precision != "year" else 0,
            value.day if precision == "day" else 0)


def _country(actor: Actor | None) -> str:
    """An actor's country as :func:`same_act` reads it from an event's record: empty for
    no actor."""
    return actor.country if actor is not None else ""


def _act_record(ev: Event) -> dict[str, Any]:
    """The part of an event's contract record that :func:`same_act` reads: its dyad's
    countries, its code and its target's (building the whole record, with its evidence,
    place and quote, cost more than all the comparisons)."""
    return {"cameo": ev.cameo,
            "source": {"country": ev.source.country} if ev.source else None,
            "target": ({"code": ev.target.code, "country": ev.target.country}
                       if ev.target else None)}


def _unique(actors: Iterable[Actor]) -> list[Actor]:
    """Actors in order, each code once."""
    seen: dict[str, Actor] = {}
    for actor in actors:
        seen.setdefault(actor.code, actor)
    return list(seen.values())


def _attributed_quotes(doc: Doc, actors: DocActors, day: dt.date | None) -> list[Quote]:
    """The document's quotes with their speakers resolved to actors. A quote whose
    speaker resolves to no actor keeps the speaker's name as written; a quote with no
    speaker at all is never kept."""
    out: list[Quote] = []
    for span in find_quotes(doc):
        if span.speaker is None:
            continue
        name, actor = actors.speaker_name(doc[span.speaker], day, (span.start, span.end))
        if not name:
            continue
        out.append(Quote(speaker=name, text=span.text, start=span.start, end=span.end,
                         speaker_actor=actor, kind=span.kind))
    return out


def _confidence(m: Mention, src: Actor, tgt: Actor | None) -> float:
    """A score in [0, 1] from what the reading rests on: a specific trigger pattern,
    both actors resolved to a country and sector, and a plain assertion."""
    score = BASE_CONFIDENCE
    if m.entry.specificity > 0:
        score += 0.15
    if src.sector:
        score += 0.1
    if tgt is not None and tgt.country:
        score += 0.1
    if m.modality != "asserted":
        score -= 0.1
    return max(0.05, min(0.95, score))


def _event_id(doc_id: str, ev: Evidence, code: str, src: Actor, tgt: Actor | None) -> str:
    key = f"{doc_id}|{ev.start}|{ev.trigger_start}|{code}|{src.code}|{tgt.code if tgt else '-'}"
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


def _party(actor: Actor | None) -> str:
    """The party an actor stands for: its country, or its whole code for a body that is
    no country's."""
    if actor is None:
        return ""
    return actor.country if actor.country and actor.country != "IGO" else actor.code


def _dedupe(events: list[Event]) -> list[Event]:
    """One record per act a sentence reports. Two triggers of the same CAMEO root between
    the same parties in one sentence ("cast doubt on the victory, calling it irregular",
    "arrived in Taipei, the highest-ranking official to visit Taiwan") are one event: the
    most confident reading's trigger is kept. One trigger keeps each actor it names
    ("the army and the police fired on"), but not a bare country beside a sector of it ("struck
    airfields and military depots near Kyiv" is one strike on Ukraine's military)."""
    groups: dict[tuple, list[Event]] = {}
    for ev in events:
        key = (ev.evidence.start, _party(ev.source), _party(ev.target), ev.cameo[:2], ev.negated)
        groups.setdefault(key, []).append(ev)
    # a reading with no target beside one of the same act with a target is a part of that
    # report ("Russian missiles struck airfields": the missiles and the strike)
    aimed = {(key[0], key[1], key[3], key[4]) for key in groups if key[2]}
    keep: set[int] = set()
    for key, group in groups.items():
        if not key[2] and (key[0], key[1], key[3], key[4]) in aimed:
            continue
        # the most confident reading; of equals, the first told: the main verb comes before
        # the participle that adds its toll ("shelled the town, killing five people")
        best = max(group, key=lambda ev: (ev.confidence, -ev.evidence.trigger_start))
        # a reading that names the same act more exactly comes first ("reached a consensus
        # to exchange information": the intention is one to share information, 0314)
        finer = [ev for ev in group if _narrower(ev.cameo, best.cameo)]
        if finer:
            best = max(finer, key=lambda ev: (len(ev.cameo), ev.confidence, -ev.evidence.trigger_start))
        same = [ev for ev in group if ev.evidence.trigger_start == best.evidence.trigger_start]
        chosen: dict[tuple[str, str], Event] = {}
        for ev in same:
            pair = (ev.source.code if ev.source else "", ev.target.code if ev.target else "")
            if pair not in chosen or ev.confidence > chosen[pair].confidence:
                chosen[pair] = ev
        keep.update(id(ev) for ev in chosen.values()
                    if not any(_subsumes(other, ev) for other in chosen.values()))
    return [ev for ev in events if id(ev) in keep]


def _narrower(code: str, than: str) -> bool:
    """Whether a CAMEO code names a kind of the act another names: 0314 of 031, and any
    code of a root of the root's general code (0314 of 030)."""
    general = len(than) == 3 and than.endswith("0")
    return code != than and (code.startswith(than) or (general and code[:2] == than[:2]))


def _subsumes(other: Event, ev: Event) -> bool:
    """Whether ``other`` says what ``ev`` says and more: the same act with a sector where
    ``ev`` names only the country."""
    if other is ev:
        return False
    pairs = ((other.source, ev.source), (other.target, ev.target))
    finer = [a is not None and b is not None and a.code != b.code and not b.sector
             and a.country == b.country for a, b in pairs]
    same = [(a.code if a else "") == (b.code if b else "") for a, b in pairs]
    return any(finer) and all(f or s for f, s in zip(finer, same))
