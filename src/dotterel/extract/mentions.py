"""Event mentions read off a parsed sentence: trigger, arguments, polarity and modality.

This stage only finds *where* an event is said to happen and which tokens fill its roles;
the resolution stages turn those tokens into actors, dates and places.
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from typing import Final

from spacy.tokens import Doc, Span, Token

from ..nlp.arrays import (ParseArrays, parse_arrays, token_lemma_lower, token_lower,
                          token_pos)
from ..types import Modality
from .lexicon import Lexicon, TriggerEntry, searchable, word_runs
from .word_classes import word_class

# Dependency labels spaCy's English models use for the roles we need.
SUBJECTS: Final = {"nsubj", "csubj"}
FINITE_TAGS: Final = {"VBD", "VBZ", "VBP"}
SENTENCE_ENDS: Final = {".", "!", "?"}
PASSIVE_SUBJECTS: Final = {"nsubjpass", "csubjpass"}
PASSIVE_MARKS: Final = PASSIVE_SUBJECTS | {"auxpass"}
ALL_SUBJECTS: Final = SUBJECTS | PASSIVE_SUBJECTS
OBJECTS: Final = {"dobj", "obj"}
# (sets of labels joined once here: one joined in a function is built anew on every call)
OBJECTS_OR_PASSIVE_SUBJECTS: Final = OBJECTS | PASSIVE_SUBJECTS
OBJECTS_OR_XCOMP: Final = OBJECTS | {"xcomp"}
# Labels under which the parser may hang a verb's bare named object as a loose modifier
# ("shelled Aleppo", "attacked Mosul"), and the entity types such a name may bear (not
# DATE or TIME: "met Tuesday").
LOOSE_NAME_DEPS: Final = {"npadvmod", "advmod"}
LOOSE_NAME_ENTITIES: Final = {"GPE", "LOC", "FAC", "ORG", "NORP", "PERSON"}
# Clauses whose missing subject is the governing verb's subject (control, coordination,
# participial adjuncts: "agreed to send", "met and signed", "..., calling it").
SUBJECT_SHARING: Final = {"xcomp", "conj", "advcl", "pcomp"}
RELATIVE_PRONOUNS: Final = {"who", "which", "that", "whom"}
# Pronouns by which a threat's complement clause names the threatener again ("Serbia
# warned it would recall its ambassador"): the threatener, not the threat's target.
SELF_PRONOUNS: Final = {"it", "he", "she", "they", "we", "i"}
# Texts that speak for those who adopt them (word_classes.tsv).
DOCUMENT_NOUNS: Final = word_class("document")
# Undertakings whose "of" clause is the deed undertaken, by whoever undertakes it
# (word_classes.tsv).
UNDERTAKING_NOUNS: Final = word_class("undertaking")
APPEAL_ROOT: Final = "02"
REFLEXIVES: Final = {"itself", "themselves", "himself", "herself", "ourselves"}
FUTURE_AUX: Final = {"will", "shall", "'ll", "wo"}
HYPOTHETICAL_AUX: Final = {"could", "might", "may", "would"}
FUTURE_OR_HYPOTHETICAL_AUX: Final = FUTURE_AUX | HYPOTHETICAL_AUX
HYPOTHETICAL_MARKS: Final = {"if", "unless", "whether"}
POSSIBILITY_AUX: Final = {"could", "might", "may"}
CONDITION_MARKS: Final = {"if", "unless"}
OBLIGATION_AUX: Final = {"must", "should", "ought"}
MODAL_AUX: Final = FUTURE_AUX | HYPOTHETICAL_AUX | OBLIGATION_AUX
OBLIGATION_VERBS: Final = {"have", "need"}
# Words of obligation that advise rather than insist: "Japan needs to enact reforms", "the
# rebels should disarm" is a speaker's appeal (02); "Libya must hand over the suspects",
# "has to withdraw" a demand (10).
ADVISORY_WORDS: Final = {"should", "ought", "need"}
OBLIGATION_OR_ADVICE: Final = OBLIGATION_AUX | ADVISORY_WORDS
# Adjectives whose clause is an act meant, not done (word_classes.tsv).
INTENT_ADJECTIVES: Final = word_class("readiness")
# Nouns whose clause is an act meant, not done, besides the lexicon's nouns of pledging
# (word_classes.tsv).
INTENT_NOUNS: Final = word_class("intention")
# Words by which a noun is anyone of a kind: a relative clause on it tells of no deed done
# (word_classes.tsv).
ANYONE_WORDS: Final = word_class("anyone")
# Verbs of deciding: a decision taken is the act it decides, one still to be taken is not
# (word_classes.tsv).
DECISION_VERBS: Final = word_class("deciding")
# Verbs and nouns that negate the act their clause names (word_classes.tsv).
NEGATING_GOVERNORS: Final = word_class("refusing")
NEGATING_NOUNS: Final = word_class("refusal")
# Adjectives that negate the act their clause names ("reluctant to send tanks")
# (word_classes.tsv).
NEGATING_ADJECTIVES: Final = word_class("unwilling")
# Adjectives of an act told as unlikely or beyond its doer: possible, not refused
# (word_classes.tsv).
DOUBTED_ADJECTIVES: Final = word_class("doubted")
# Words by which an act is told on others' word ("reportedly bombed", "is believed to have
# shelled") (word_classes.tsv).
HEARSAY_WORDS: Final = word_class("hearsay")
# Verbs of taking place whose modal their nominal subject shares ("talks could resume")
# (word_classes.tsv).
OCCURRING_VERBS: Final = word_class("occurring")
# Verbs (with their particle) that rule an act out (word_classes.tsv).
EXCLUDING_VERBS: Final = word_class("excluding")
# Adverbs that make a negated act one not done so far, not one refused (word_classes.tsv).
PENDING_ADVERBS: Final = word_class("pending")
# Participles that state a stance of their subject, not something done to it
# (word_classes.tsv).
STATIVE_PARTICIPLES: Final = word_class("stance")
# Verbs (with their particle) of moving one's own people, whose agentless passive is the
# moved ones' side's act (word_classes.tsv).
SELF_MOVED_PARTICIPLES: Final = word_class("moving_own")


@dataclass(init=False, unsafe_hash=True)
class Mention:
    """One event mention: a trigger with its CAMEO entry and the tokens of its arguments.

    Token indices are positions in the ``Doc`` the mention was read from. Nothing changes
    one once made (:func:`dataclasses.replace` makes another). Not a frozen dataclass:
    compiled (``setup.py``), the ``__init__`` below is over ten times faster than the
    one a frozen dataclass is given, which runs as Python and sets each field through
    ``object.__setattr__``; it hashes and compares as one would.
    """

    trigger: int  # token index of the trigger head
    trigger_tokens: tuple[int, ...]  # the head plus particle and object words it needs
    entry: TriggerEntry
    code: str  # the CAMEO code to record (the entry's, or its negated form)
    sources: tuple[int, ...]  # token indices of source argument heads
    targets: tuple[int, ...]
    negated: bool
    modality: Modality
    reporter: int | None  # head of who reported it (reported speech)
    obliged: bool  # the doer "must" act: a demand when someone says so
    advised: bool  # only "should" or "needs to": an appeal, not a demand
    sentence: tuple[int, int]  # token span of the sentence
    commanded: bool  # ordered by the reporter ("ordered Russia to suspend ...")
    asked: tuple[str, ...]  # for an appeal, demand or rejection: the codes of the acts it is about
    asked_targets: tuple[tuple[int, ...], ...]  # and, act by act, the heads of their targets

    def __init__(self, trigger: int, trigger_tokens: tuple[int, ...], entry: TriggerEntry,
                 code: str, sources: tuple[int, ...], targets: tuple[int, ...], negated: bool,
                 modality: Modality, reporter: int | None = None, obliged: bool = False,
                 advised: bool = False, sentence: tuple[int, int] = (0, 0),
                 commanded: bool = False, asked: tuple[str, ...] = (),
                 asked_targets: tuple[tuple[int, ...], ...] = ()) -> None:
        self.trigger = trigger
        self.trigger_tokens = trigger_tokens
        self.entry = entry
        self.code = code
        self.sources = sources
        self.targets = targets
        self.negated = negated
        self.modality = modality
        self.reporter = reporter
        self.obliged = obliged
        self.advised = advised
        self.sentence = sentence
        self.commanded = commanded
        self.asked = asked
        self.asked_targets = asked_targets

    def trigger_text(self, doc: Doc) -> str:
        """The trigger words as they stand in the text ("broke off", "cut ties")."""
        # (read from the parse arrays: every event coded asks, and no Token is needed)
        words = parse_arrays(doc).words
        return " ".join(words[i] for i in sorted(self.trigger_tokens))

    def __reduce__(self) -> tuple[type[Mention], tuple[object, ...]]:
        # made anew from its fields: compiled (setup.py), a dataclass cannot be
        # unpickled or copied field by field
        return Mention, tuple(getattr(self, f.name) for f in fields(self))


def _children(tok: Token, deps: set[str] | frozenset[str]) -> list[Token]:
    """``tok``'s dependents with one of the labels ``deps``, in text order. Read from the
    parse arrays: this runs many times for every trigger, and makes Token objects only
    for the dependents it returns."""
    doc = tok.doc
    arrays = parse_arrays(doc)
    labels = arrays.deps
    # (a plain loop, not a comprehension: most words have two or three dependents, and
    # a comprehension's own call costs more than reading them)
    found: list[Token] = []
    for j in arrays.children[tok.i]:
        if labels[j] in deps:
            found.append(doc[j])
    return found


def _has_child(tok: Token, deps: set[str] | frozenset[str]) -> bool:
    """Whether ``tok`` has a dependent with one of the labels ``deps``: what most rules
    ask of a word's dependents, read from the parse arrays with no Token objects made."""
    arrays = parse_arrays(tok.doc)
    labels = arrays.deps
    for j in arrays.children[tok.i]:
        if labels[j] in deps:
            return True
    return False


def _child_words(tok: Token, deps: set[str] | frozenset[str]) -> list[str]:
    """The lower-case words of ``tok``'s dependents with one of the labels ``deps``, in
    text order: what most tests of a trigger's auxiliaries, marks and particles need,
    read from the parse arrays with no Token objects made."""
    arrays = parse_arrays(tok.doc)
    labels, lowers = arrays.deps, arrays.lowers
    found: list[str] = []  # (a plain loop, as in _children)
    for j in arrays.children[tok.i]:
        if labels[j] in deps:
            found.append(lowers[j])
    return found


def _is_passive(tok: Token) -> bool:
    """Whether a verb is passive: with a passive subject or auxiliary, or a reduced
    passive. Read from the parse arrays: it is asked several times of every trigger (for
    its objects, its doer and its target)."""
    arrays = parse_arrays(tok.doc)
    i: int = tok.i
    deps = arrays.deps
    for c in arrays.children[i]:
        if deps[c] in PASSIVE_MARKS:
            return True
    # (only a verb's past participle can be a reduced passive: most triggers are ruled
    # out by their tags here, with no further call)
    return arrays.tags[i] == "VBN" and arrays.pos[i] == "VERB" and _reduced_passive(tok)


def _participle_of(tok: Token) -> bool:
    """Whether a trigger is a past participle describing the noun it hangs from, with no
    object of its own ("soldiers killed in Ukraine")."""
    # (a clause on a noun some verb governs, tagged as a past tense, is such a participle
    # too: "intercepted a missile fired at Riyadh"; not one on the sentence's head noun,
    # which is a misread main verb: "Thousands protested outside the embassy")
    return (tok.dep_ == "acl" and token_pos(tok.head) in ("NOUN", "PROPN")
            and (tok.tag_ == "VBN" or (tok.tag_ == "VBD" and tok.head.dep_ != "ROOT"))
            and not _child_words(tok, OBJECTS_OR_PASSIVE_SUBJECTS))


def _misread_participle(tok: Token) -> Token | None:
    """The noun a participle describes when the parser took the participle for its
    noun's verb: in "Students detained for protesting were freed by the governor" it reads
    "detained" as the main verb with "students" as subject, and "were freed" as a
    conjunct with no subject of its own. A passive conjunct joined with no "and" and no
    comma, lacking a subject, shows the misreading; the noun is the one acted on by both."""
    # (read from the parse arrays: asked of every trigger's doer and target, it rules
    # out most by their tags and labels alone)
    arrays = parse_arrays(tok.doc)
    i: int = tok.i
    pos, deps, heads, children = arrays.pos, arrays.deps, arrays.heads, arrays.children
    if pos[i] != "VERB" or arrays.tags[i] not in ("VBN", "VBD"):
        return None
    # (one pass over the dependents for its auxiliaries and subjects: most verbs asked
    # have an auxiliary, or a subject after them, or none)
    subjects: list[int] = []
    for c in children[i]:
        dep = deps[c]
        if dep == "aux" or dep == "auxpass":
            return None
        if dep == "nsubj":
            subjects.append(c)
    if len(subjects) != 1 or subjects[0] > i:
        return None
    for conj in children[i]:
        if (deps[conj] == "conj" and pos[conj] == "VERB"
                and any(deps[c] == "auxpass" for c in children[conj])
                and not any(deps[c] in ALL_SUBJECTS for c in children[conj])
                and not any(deps[t] in ("cc", "punct") and heads[t] == i
                            for t in range(i + 1, conj))):
            return tok.doc[subjects[0]]
    return None


# Words that say, after a verb of holding, what its object is held as (word_classes.tsv).
CAPTIVITY_COMPLEMENTS: Final = word_class("captive")
# The verbs of holding: other verbs' captives are their true objects (word_classes.tsv).
HOLDING_VERBS: Final = word_class("holding")


def _held_captive(tok: Token) -> Token | None:
    """The captive of "aid workers held hostage since May" when the parser reads it as a
    clause: "workers" the subject of "held", "hostage" its object. A verb whose only
    object says what someone is held as has no object of its own: its subject is the one
    held, not the captor."""
    if token_pos(tok) != "VERB" or token_lemma_lower(tok) not in HOLDING_VERBS:
        return None
    objects = _children(tok, OBJECTS)
    subjects = _children(tok, {"nsubj"})
    if (not objects or len(subjects) != 1 or _child_words(tok, {"aux"})
            or any(token_lemma_lower(o) not in CAPTIVITY_COMPLEMENTS or any(o.children)
                   for o in objects)):
        # (a complement with words of its own is a misread object: "took three French
        # tourists hostage", parsed with "tourists" a compound of "hostage")
        return None
    return subjects[0]


# Dependents that show a participle is no reduced passive: an auxiliary, an object, a
# complement.
NOT_REDUCED: Final = {"aux", "auxpass", *OBJECTS, "dative", "xcomp", "ccomp"}


def _reduced_passive(tok: Token) -> bool:
    """Whether a verb is a past participle told with no "were" of its own ("Four soldiers
    killed in an ambush near the border, officials said", a headline's "Two policemen
    wounded in attack") that the parser gave a subject: that subject is the one acted on.
    A participle with an auxiliary ("have killed"), an object, or one coordinated with a
    verb that has them, is an active verb; so is the main verb of a sentence with a full
    stop, which the tagger at times takes for a participle ("Leaders of the bloc called
    on Wednesday for a ceasefire.")."""
    # (the tags and the dependents' labels read from the parse arrays: every passivity
    # test of every trigger asks this, and most verbs are ruled out by their tag)
    arrays = parse_arrays(tok.doc)
    i: int = tok.i
    if arrays.pos[i] != "VERB" or arrays.tags[i] != "VBN":
        return False
    deps = arrays.deps
    labels = {deps[c] for c in arrays.children[i]}
    if "nsubj" not in labels or not labels.isdisjoint(NOT_REDUCED):
        return False
    if deps[i] == "ROOT":
        # (the sentence's last word read from the parse arrays, with no Span made to find
        # it: ".", "!" and "?" are all punctuation)
        return arrays.words[arrays.sent_ends[i] - 1] not in SENTENCE_ENDS
    return deps[i] == "ccomp"


def _passive_subjects(tok: Token) -> list[Token]:
    """The subjects of a passive verb; for one the parser left without any, coordinated
    with a misread participle ("students detained for protesting were freed"), the noun
    that participle describes."""
    if _reduced_passive(tok):
        return _children(tok, {"nsubj"})
    found = _children(tok, PASSIVE_SUBJECTS)
    if not found and tok.dep_ == "conj":
        found = [n for n in (_misread_participle(tok.head),) if n is not None]
    return found


def _misread_subject(tok: Token) -> Token | None:
    """The subject of a clause's own past-tense verb that the parser hung as a participle
    on that subject: "Kurdish youths resorted to throwing stones, officials said", where
    "youths" is left a bare dependent of "said" or made a second subject of it beside
    "officials"; "Doctors from two aid groups donated medicine", parsed as a sentence with
    no verb, headed by "Doctors". A participle describing its noun ("youths arrested in the
    raid were freed") leaves that noun the only subject of a verb of its own."""
    if tok.dep_ != "acl":  # (the common case, told before the head is looked at)
        return None
    noun = tok.head
    if (tok.tag_ not in ("VBN", "VBD") or token_pos(noun) not in ("NOUN", "PROPN")
            or noun.i > tok.i or _has_child(tok, {"agent"} | OBJECTS | PASSIVE_SUBJECTS)
            or any(t.is_punct for t in noun.doc[noun.i + 1:tok.i])):
        return None
    # ("Doctors from two aid groups donated": the phrase "groups" ends)
    phrase = noun.head.head if noun.dep_ == "pobj" and noun.head.dep_ == "prep" else noun
    if token_pos(phrase) not in ("NOUN", "PROPN"):
        return None
    if phrase.dep_ == "ROOT":
        # a full sentence has a verb: one read as a bare noun phrase is misparsed (a
        # headline, with no full stop, is not: "Two soldiers wounded in attack"), unless
        # its verb was read as the noun's adjective ("militias tortured migrants held in
        # camps": "held" describes the migrants)
        end = phrase.sent[-1]
        verb_read_as_adjective = any(_modified_object(c) for c in phrase.children)
        return (phrase if end.is_punct and end.text in SENTENCE_ENDS
                and not verb_read_as_adjective else None)
    # otherwise only a verb read as finite: past-tense, or coordinated with one ("donated
    # and delivered"), or one that turns to a deed ("resorted to throwing"); "soldiers
    # killed in an attack, officials said" is the participle it looks like
    finite = (tok.tag_ == "VBD" or any(c.tag_ == "VBD" for c in _children(tok, {"conj"}))
              or any(c.tag_ == "VBG" for p in _children(tok, {"prep"}) if token_lower(p) == "to"
                     for c in _children(p, {"pcomp"})))
    if finite and (phrase.dep_ == "dep" or (phrase.dep_ in SUBJECTS and any(
            c.i != phrase.i and c.dep_ in SUBJECTS for c in phrase.head.children))):
        return phrase
    return None


def _is_stative(tok: Token) -> bool:
    """A participle of stance with no by-agent ("is opposed to"): its subject holds it."""
    return token_lemma_lower(tok) in STATIVE_PARTICIPLES and not _has_child(tok, {"agent"})


def _self_moved(tok: Token) -> bool:
    """Whether a passive verb moves its subject's own side's people ("peacekeepers were
    withdrawn", "were shipped out"), so that its subject names the doer."""
    lemma = token_lemma_lower(tok)
    return lemma in SELF_MOVED_PARTICIPLES or any(
        # (the parser may take the particle for a preposition: "shipped out of")
        f"{lemma} {token_lower(c)}" in SELF_MOVED_PARTICIPLES
        for c in _children(tok, {"prt", "prep"}))


def _objects(tok: Token) -> list[int]:
    """The nouns the trigger acts on directly: object, or subject of a passive, or
    for a noun trigger the complement of "of" and noun compounds ("embassy raid"); their
    token indices."""
    # (the dependents read from the parse arrays, looked up once: every trigger tried is
    # asked this, and its entries read only the objects' positions; a Token is made only
    # on the rarer paths, a passive's subjects, a named object or a measure phrase)
    doc = tok.doc
    arrays = parse_arrays(doc)
    i: int = tok.i
    deps, lowers, children, pos = arrays.deps, arrays.lowers, arrays.children, arrays.pos
    if pos[i] == "NOUN" or pos[i] == "PROPN":
        found = [c for c in children[i] if deps[c] == "compound"]
        for prep in children[i]:
            if deps[prep] == "prep" and lowers[prep] == "of":
                found += [o for o in children[prep] if deps[o] == "pobj"]
        return found
    passive = _is_passive(tok)  # (asked once: it reads several of the verb's dependents)
    found = ([s.i for s in _passive_subjects(tok)] if passive
             else [c for c in children[i] if deps[c] in OBJECTS])
    if not found and not passive:
        # "dismissed as wholly groundless charges by the rights group": after a fronted "as"
        # predicate the parser hangs the object, with that predicate, under "as"
        found = [o for p in children[i] if deps[p] == "prep" and lowers[p] == "as"
                 for o in children[p] if deps[o] == "pobj" and pos[o] == "NOUN"
                 and any(deps[a] == "amod" for a in children[o])]
    # (the measure phrases only looked for when they are needed: most verbs have objects)
    measures = [] if found or passive else [
        p for p in children[i] if deps[p] in ("prep", "agent") and lowers[p] == "by" and p > i
        and any(deps[o] == "pobj" and any(deps[n] == "nummod" for n in children[o])
                for o in children[p])]
    if not found and measures and not passive:
        # "shortened by two hours the evening curfew declared after the army seized
        # power": the parser may take the object put after a measure phrase for the
        # subject of another verb; it is the phrase that starts where the measure ends
        after = doc[measures[0]].right_edge.i + 1
        found = [t.i for t in tok.sent if t.dep_ == "nsubj" and t.left_edge.i == after]
    if not found and not passive:
        # "allowed UN inspectors to resume work": the parser may read the one let or made
        # to act as the subject of the infinitive clause; it is the verb's object
        found = [s for c in children[i] if deps[c] == "ccomp"
                 and any(deps[a] == "aux" and lowers[a] == "to" for a in children[c])
                 for s in children[c] if deps[s] == "nsubj" and s > i]
    if not found and not passive:
        # "imposed asset freezes on ten officials", "imposed travel bans and asset
        # freezes": the parser may read a plural noun after noun modifiers as a
        # present-tense verb whose subject is those modifiers; such a "clause" of bare
        # nouns right after the verb, with no object, auxiliary or conjunction, is the
        # verb's object
        found = [c for c in children[i] if deps[c] == "ccomp" and c > i + 1
                 and arrays.tags[c] == "VBZ" and _misread_plural(doc[c], i)]
    if not found and not passive:
        found = [o.i for o in _named_object(tok)]
    found += [c for c in children[i] if deps[c] in ("attr", "oprd")]
    return found


def _misread_plural(clause: Token, verb_i: int) -> bool:
    """Whether a complement "clause" right after the verb at ``verb_i`` is a noun phrase
    misread: its subject is bare nouns (no determiner, possessive or number) that fill
    the words between the verb and it, and it has no object, auxiliary or conjunction."""
    subjects = [s for s in clause.children if s.dep_ == "nsubj"]
    if len(subjects) != 1 or any(c.dep_ in ("aux", "mark", "dobj") for c in clause.children):
        return False
    subject = subjects[0]
    return (token_pos(subject) == "NOUN" and subject.left_edge.i == verb_i + 1
            and subject.right_edge.i == clause.i - 1
            and all(token_pos(w) in ("NOUN", "CCONJ", "PUNCT") for w in subject.subtree))


def _named_object(verb: Token) -> list[Token]:
    """"condemned what he called an unprovoked attack": the parser makes the naming verb
    of the free relative the complement; what is acted on is what that verb names it."""
    return [o for c in _children(verb, {"ccomp"})
            if any(w.dep_ == "dobj" and token_lower(w) == "what" for w in c.children)
            for o in _children(c, {"oprd"}) if token_pos(o) == "NOUN"]


class _Sentence:
    """A sentence's text in lower case, ``text``, and, read on first use, the words an
    entry's context phrase can start with in the text of one of its clauses. One for all
    the entries tried on all its words: a phrase's first word must be one of those for
    the clause's text to have the phrase (``TriggerEntry.context_leads``), a test by one
    set operation that rules out most entries with context words. It also keeps the
    Tokens made for its triggers (see :meth:`token`)."""

    __slots__ = ("text", "_arrays", "_start", "_end", "_runs", "_doc", "_tokens")

    def __init__(self, doc: Doc, arrays: ParseArrays, start: int, end: int) -> None:
        self.text = arrays.span_text(start, end).lower()
        self._arrays, self._start, self._end = arrays, start, end
        self._runs: set[str] | None = None
        self._doc = doc
        self._tokens: dict[int, Token] = {}

    def token(self, i: int) -> Token:
        """The document's Token at position ``i``, made once for the sentence: each of
        the passes over the sentence's mentions asks for their triggers' Tokens again,
        and ``doc[i]`` makes a new one on every call."""
        tok = self._tokens.get(i)
        if tok is None:
            tok = self._tokens[i] = self._doc[i]
        return tok

    def possible(self, entry: TriggerEntry) -> bool:
        """Whether the entry's context can be in the text of a clause of this sentence
        (one with no context can)."""
        leads = entry.context_leads
        if leads is None:
            return True
        runs = self._runs
        if runs is None:
            arrays, start, end, text = self._arrays, self._start, self._end, self.text
            base, idx = arrays.idx[start], arrays.idx
            if idx[end - 1] + len(arrays.words[end - 1]) - base != len(text):
                # (lower case made the text longer, "İ" two letters: its words' positions
                # are not theirs in it, and the whole text is searched)
                return entry.context_possible(text)
            # a clause's text is made of the sentence's words, however spaced, and where
            # two are written with no space between, a run of the sentence's may be cut
            # in the clause's (read from the parse arrays, not the Tokens)
            runs = self._runs = word_runs(
                text, arrays.lowers[start:end],
                [idx[j + 1] - base for j, space in enumerate(arrays.spaces[start:end - 1], start)
                 if not space])
        return not leads.isdisjoint(runs)


# Entity types of a place's name, and the object word it also reads as for the trigger
# lexicon (see objects() below and triggers.tsv's header).
NAMED_PLACE_TYPES: Final = frozenset({"GPE", "LOC"})
NAMED_PLACE: Final = "place"
# The same for a person's name: "released Aung San Suu Kyi" is the release of a person.
NAMED_PERSON_TYPE: Final = "PERSON"
NAMED_PERSON: Final = "person"


class _TriggerWords:
    """What the entries tried on one trigger test, read from the parse once for all of
    them: its objects, each with the words it is read by, and the text of its clause;
    and its sentence, ``sentence``, where an entry's context words must be for its
    clause to have them."""

    __slots__ = ("tok", "sentence", "arrays", "_objects", "_context", "_particles")

    def __init__(self, tok: Token, sentence: _Sentence, arrays: ParseArrays) -> None:
        self.tok = tok
        self.sentence = sentence
        self.arrays = arrays  # (its document's, looked up once for every entry tried)
        self._objects: list[tuple[int, frozenset[str]]] | None = None
        self._context: dict[bool, str] = {}
        self._particles: dict[str, int] | None = None

    def particles(self) -> dict[str, int]:
        """Each lower-case word that may be the trigger's particle ("called off", "called
        on", "called for"), with the position of its first dependent of that word. Read
        once for all the entries tried: a word like "call" has dozens, most with one."""
        if self._particles is None:
            arrays = self.arrays
            lowers, deps = arrays.lowers, arrays.deps
            found: dict[str, int] = {}
            for c in arrays.children[self.tok.i]:
                if deps[c] in PARTICLE_DEPS:
                    found.setdefault(lowers[c], c)
            self._particles = found
        return self._particles

    def objects(self) -> list[tuple[int, frozenset[str]]]:
        """Each object's token index and its lemma and form, and those of who it counts
        ("sent 25,000 tons of food": a measured amount is read by what it measures) or of
        the title before a name ("summoned Ambassador Nicholas Burns"), in lower case as
        entries list their objects."""
        if self._objects is None:
            arrays, doc = self.arrays, self.tok.doc
            lemmas, lowers, deps = arrays.lemmas, arrays.lowers, arrays.deps
            found = []
            for i in _objects(self.tok):
                w = _who(doc, arrays, i)
                forms = [lemmas[i], lowers[i], lemmas[w], lowers[w]]
                if arrays.pos[i] == "PROPN":
                    for c in arrays.children[i]:
                        if deps[c] == "compound":
                            forms += (lemmas[c], lowers[c])
                    if arrays.ent_types[i] in NAMED_PLACE_TYPES:
                        # "the Taliban seized Kabul": a place's name reads as the word
                        # "place", which entries list for acts done to places
                        forms.append(NAMED_PLACE)
                    elif arrays.ent_types[i] == NAMED_PERSON_TYPE:
                        # "freed Alexei Navalny": a person's name reads as the word
                        # "person", which entries list for acts done to people
                        forms.append(NAMED_PERSON)
                # a bare number stands for the object it counts ("and Ukraine expelled 13")
                found.append((w if arrays.pos[i] == "NUM" else i,
                              frozenset(f.lower() for f in forms)))
            self._objects = found
        return self._objects

    def context(self, content: bool = False) -> str:
        """The text an entry's context phrases are looked for in, :func:`searchable`
        (lower-cased, its white space single spaces). A noun's context may
        sit anywhere in the clause that governs it: the parser often hangs "persona non
        grata" off the verb, not off "the declaration". The ``content`` of a verb of
        saying or intending leaves out its subject: what is asked, offered or pledged is
        never in who does it ("leaders of the Freedom coalition agreed to postpone the
        rally" pledges no freedoms), nor in a verb joined to it, which says a deed of its
        own ("rejected a peace plan and opposed the peacekeepers" rejects no peacekeepers).
        Read from the parse arrays: a clause has many words, and each trigger has one."""
        if content not in self._context:
            tok = self.tok
            arrays = self.arrays
            i: int = tok.i
            verb = arrays.pos[i] == "VERB"
            scope = _clause_of(arrays, i) if arrays.pos[i] in ("NOUN", "PROPN") else i
            deps, texts = arrays.deps, arrays.words
            doers: set[int] = set()
            if content and verb:
                for c in arrays.children[i]:
                    dep = deps[c]
                    if (dep in SUBJECTS or dep in PASSIVE_SUBJECTS
                            or (dep == "prep" and arrays.lowers[c] in OCCASION_PREPS)
                            or (dep == "conj" and arrays.pos[c] == "VERB")):
                        doers.update(arrays.subtree(c))
                    elif dep in ("xcomp", "ccomp") and arrays.lemma_lowers[c] in STOPPING_VERBS:
                        # "called on NATO to stop sending weapons": an act asked to be
                        # stopped is not what is asked for (see _stopped)
                        doers.update(j for g in arrays.children[c]
                                     if deps[g] in STOPPED_DEPS and arrays.pos[g] == "VERB"
                                     for j in arrays.subtree(g))
                if arrays.lemma_lowers[i] in CAUTIONING_VERBS:
                    # "warned NATO against sending troops": what one is warned against
                    # doing is no threat of the warner's (see _warned_against; the parser
                    # hangs "against" on the verb or on the one warned)
                    doers.update(j for c in arrays.children[i]
                                 for p in (c, *arrays.children[c])
                                 if deps[p] == "prep" and arrays.lowers[p] == "against"
                                 and arrays.heads[p] in (i, c)
                                 and any(deps[g] == "pcomp" for g in arrays.children[p])
                                 for j in arrays.subtree(p))
            # the words one by one ("free - trade" has "trade"), and as the text spaces
            # them ("cease-fire" stays one phrase; a space where the clause skips words)
            words = arrays.subtree(scope)
            if doers:
                words = [j for j in words if j not in doers]
            text = " ".join(map(texts.__getitem__, words)) + " | "
            start, end = words[0], words[-1] + 1
            if words == list(range(start, end)):
                # (most clauses skip no word: their text as written, cut from the
                # document's, with no word-by-word join)
                text += arrays.span_text(start, end) + " "
            else:
                last = len(words) - 1
                text += "".join(
                    texts[j] + (arrays.spaces[j] if k < last and words[k + 1] == j + 1 else " ")
                    for k, j in enumerate(words))
            if verb:
                # and once more without the adverbs that follow a verb trigger, so that
                # "pushing hard for" reads as "pushing for"
                # (looked for among the verb's own dependents, not the clause's words)
                adverbs = {j for j in arrays.children[i] if j > i and deps[j] == "advmod"
                           and arrays.tags[j] in ("RB", "RBR", "RBS")}
                if adverbs:
                    plain = [j for j in words if j not in adverbs]
                    if len(plain) < len(words):
                        text += " | " + " ".join(map(texts.__getitem__, plain))
            self._context[content] = searchable(text)
        return self._context[content]


# Prepositions of the occasion a verb of saying or asking is uttered at ("demanded an
# apology at the second session of the talks"): never what is said or asked.
OCCASION_PREPS: Final = {"at", "during", "amid", "amidst", "despite", "after", "before"}
# Labels a trigger's particle may have: the parser often takes it for an adverb or a
# preposition ("called off the talks", "called on Russia").
PARTICLE_DEPS: Final = frozenset({"prt", "advmod", "prep"})
# Flags of entries whose context phrases say what is said, asked or pledged.
CONTENT_FLAGS: Final = frozenset({"speech", "intent", "threat"})


def _match_entry(words: _TriggerWords, entry: TriggerEntry) -> tuple[int, ...] | None:
    """Token indices the entry consumes when it matches the trigger, else None. The
    caller has ruled out the entries with context words none of which is in the
    sentence (``_Sentence.possible``: a cheap test that rules out most entries, made
    before this call)."""
    # (plain loops and no list built until the entry matches: every entry of a word is
    # tried here, a few dozen for some words, and most fail)
    part = first = None
    if entry.particle:
        part = words.particles().get(entry.particle)
        if part is None:
            return None
    context = entry.context
    wanted = entry.objects
    if wanted:
        for i, forms in words.objects():
            if not wanted.isdisjoint(forms):
                first = i
                break
        else:
            return None
    if context:
        content = not entry.flags.isdisjoint(CONTENT_FLAGS) or entry.code[:2] in CONTENT_ROOTS
        if not entry.context_in(words.context(content)):
            return None
    i = words.tok.i
    if part is None:
        return (i,) if first is None else (i, first)
    return (i, part) if first is None else (i, part, first)


def _phrase_nouns(verb: Token, entry: TriggerEntry) -> list[int]:
    """The nouns of ``verb``'s prepositional phrases that, with their preposition, are a
    phrase of the entry's context ("on strike" of "went on strike")."""
    if not entry.context:
        return []
    arrays = parse_arrays(verb.doc)
    lowers, deps, children = arrays.lowers, arrays.deps, arrays.children
    said = [(o, f"{lowers[p]} {lowers[o]}") for p in children[verb.i] if deps[p] == "prep"
            for o in children[p] if deps[o] == "pobj"]
    if not said:
        return []  # (most verbs: no phrase, and the entry's phrases need not be read)
    phrases = {" ".join(part.split()) for alt in entry.context for part in alt.split("+")}
    return [o for o, phrase in said if phrase in phrases]


def _clause_of(arrays: ParseArrays, i: int) -> int:
    """The position of the verb heading the clause the word at ``i`` sits in (``i``
    itself when none). Read from the parse arrays: it walks up from every noun trigger
    whose context is read."""
    heads, pos = arrays.heads, arrays.pos
    cur = i
    while heads[cur] != cur:
        cur = heads[cur]
        if pos[cur] in ("VERB", "AUX"):
            return cur
    return i


def _without_misread_appositions(subjects: list[Token]) -> list[Token]:
    """Subjects less an apposition the parser read as a second subject: "Members of the
    jurists' association, a body linked to the bar, investigated" is the members' act, not
    the bar's (a phrase set off by commas right after the subject, opening with an article)."""
    doc = subjects[0].doc if subjects else None
    kept: list[Token] = []
    for s in subjects:
        if not kept:  # (the first subject is kept: most verbs have one, and no edges read)
            kept.append(s)
            continue
        start, end = s.left_edge.i, s.right_edge.i
        if (doc is not None and token_lower(s.left_edge) in ("a", "an", "the")
                and start > 1 and doc[start - 1].text == ","
                and kept[-1].right_edge.i == start - 2
                and "," in (doc[end].text, doc[min(end + 1, len(doc) - 1)].text)):
            continue
        kept.append(s)
    return kept


def _subject(tok: Token, depth: int = 0) -> list[Token]:
    """Who does the act: the subject, the by-agent of a passive, or the subject shared
    with a governing clause (control, coordination, relative clauses)."""
    if depth > 4:
        return []
    misread = _misread_subject(tok)
    if misread is not None:
        return [misread]
    if (_participle_of(tok) or _misread_participle(tok) is not None
            or _held_captive(tok) is not None
            or (_reduced_passive(tok) and not _is_stative(tok))):
        # "journalists arrested by Russian police": its by-agent, else no one named (not
        # whoever the noun's own clause is about: "police freed journalists arrested")
        return [p for a in _children(tok, {"agent"}) for p in _children(a, {"pobj"})]
    passive = _is_passive(tok)  # (asked once: it reads several of the verb's dependents)
    if passive:
        agents = [p for a in _children(tok, {"agent"}) for p in _children(a, {"pobj"})]
        if agents:
            return agents
        stranded = _stranded_agent(tok)
        if stranded:
            return stranded
        if _is_stative(tok) or _self_moved(tok):
            return _children(tok, PASSIVE_SUBJECTS)
        if tok.dep_ == "relcl":  # "..., which was denied by": handled by the agent above
            return []
    subj = _without_misread_appositions(_children(tok, SUBJECTS))
    if subj:
        if token_lower(subj[0]) in RELATIVE_PRONOUNS and tok.dep_ == "relcl":
            return [tok.head]
        return subj
    if passive:
        return []
    stranded = _stranded_subject(tok)
    if stranded:
        return stranded
    if token_pos(tok) == "VERB" and tok.tag_ == "VBZ":
        # a headline's verb ("Turkey expels Dutch diplomats"): the parser may read the
        # name before it as the verb's compound, which no verb has
        named = [c for c in tok.children if c.dep_ == "compound" and c.i < tok.i
                 and token_pos(c) == "PROPN"]
        if named:
            return named
    if tok.dep_ == "relcl" and token_pos(tok.head) in ("NOUN", "PROPN"):
        return [tok.head]
    head = tok.head
    if head.i == tok.i:
        return []
    if tok.dep_ == "xcomp" and _is_passive(head) and not _has_child(head, {"agent"}):
        # "is scheduled to attend", "was forced to resign": the one the passive speaks of
        return _children(head, PASSIVE_SUBJECTS)
    if _commanded(tok):
        # "ordered Russia to suspend its operations": the one ordered does the act
        return _children(head, OBJECTS)
    if (tok.dep_ == "conj" and _is_passive(head) and not _is_passive(tok)
            and _has_child(head, PASSIVE_SUBJECTS)):
        # "the minister was charged by a court and will resign": an active verb joined
        # to a passive shares its subject, the one the passive speaks of, not its agent
        return _children(head, PASSIVE_SUBJECTS)
    if tok.dep_ in SUBJECT_SHARING and token_pos(head) in ("VERB", "AUX"):
        return _subject(head, depth + 1)
    # "Arnor is about to restore ties", "ready to talk": through a predicate adjective
    if tok.dep_ in ("xcomp", "acomp", "attr") and token_pos(head) in ("ADJ", "VERB", "AUX"):
        return _subject(head, depth + 1)
    undertaking = head.head if tok.dep_ == "pcomp" and token_lower(head) == "of" else None
    if (undertaking is not None and token_lemma_lower(undertaking) in UNDERTAKING_NOUNS
            and undertaking.dep_ in OBJECTS and token_pos(undertaking.head) == "VERB"):
        # "initiated the process of returning the gorillas": the undertaker's deed
        return _subject(undertaking.head, depth + 1)
    if tok.dep_ == "pcomp" or (tok.dep_ == "pobj" and head.dep_ == "prep"):
        return _subject(head.head, depth + 1)
    # "Eriador's refusal to talk", "Iran's decision to enrich uranium": the one whose
    # decision it is
    if tok.dep_ == "acl" and token_pos(head) == "NOUN" and _has_child(head, {"poss"}):
        return _children(head, {"poss"})
    # "has no plans to restore ...": a clause complementing a noun takes the subject of
    # the verb that governs the noun
    if (tok.dep_ == "acl" and (head.dep_ in OBJECTS or head.dep_ == "pobj")
            and token_pos(head.head) in ("VERB", "AUX")):
        return _subject(head.head, depth + 1)
    # "voted for a resolution calling on the government to ...": what a text says is said
    # by those who vote for it (not against it)
    if (tok.dep_ == "acl" and token_lemma_lower(head) in DOCUMENT_NOUNS and head.dep_ == "pobj"
            and token_lower(head.head) != "against" and token_pos(head.head.head) == "VERB"):
        return _subject(head.head.head, depth + 1)
    if tok.dep_ == "prep":
        return _subject(head, depth + 1)
    return []


def _stranded_agent(tok: Token) -> list[Token]:
    """The by-agent of a passive complement that the parser hung on the governing verb
    after a long aside ("X has been accused of misusing funds, much of it believed to
    have been embezzled, by government officials"): a "by" phrase naming someone, after
    the passive clause, on a governor that is no passive of its own."""
    gov = tok.head
    if tok.dep_ != "ccomp" or gov.i < tok.i or _is_passive(gov):
        return []
    return [o for prep in _children(gov, {"prep", "agent"})
            if token_lower(prep) == "by" and prep.i > tok.right_edge.i
            for o in _children(prep, {"pobj"}) if _names_in(o)]


# Words that may stand between a subject and its verb ("have", "not", "also").
BETWEEN_SUBJECT_AND_VERB: Final = {"aux", "neg", "advmod", "punct"}


def _stranded_subject(tok: Token) -> list[Token]:
    """The subject the parser took into a fronted phrase: in "With the signing of the
    accord, the government and the rebels have agreed to ...", it reads the words after
    the comma as a conjunct of "accord" and leaves "agreed" with no subject. A noun phrase
    that follows the fronted phrase's comma and runs up to the verb is its subject."""
    if token_pos(tok) != "VERB" or not (tok.tag_ in FINITE_TAGS or _has_child(tok, {"aux"})):
        return []
    for prep in _children(tok, {"prep"}):
        if prep.i > tok.i:
            continue
        commas = [t.i for t in prep.subtree if token_lower(t) == ","]
        for noun in prep.subtree:
            if (commas and noun.i > commas[-1] and noun.head.i < commas[-1]
                    and noun.dep_ in ("conj", "appos") and token_pos(noun) in ("NOUN", "PROPN")
                    and all(t.dep_ in BETWEEN_SUBJECT_AND_VERB and t.head.i == tok.i
                            for t in tok.doc[noun.right_edge.i + 1:tok.i])):
                return [noun]
    return []


# Verbs whose object is ordered to do what their to-infinitive says (word_classes.tsv).
COMMANDING_VERBS: Final = word_class("commanding")


def _commanded(tok: Token) -> bool:
    """Whether a verb is what someone orders another to do ("ordered Russia to suspend
    its military operations"): the to-infinitive of a verb of commanding with an object."""
    if tok.dep_ != "xcomp" or token_pos(tok) != "VERB":
        return False
    head = tok.head
    return (token_pos(head) == "VERB" and token_lemma_lower(head) in COMMANDING_VERBS
            and bool(_child_words(head, OBJECTS)) and "to" in _child_words(tok, {"aux"}))


# Verbs whose object is a deed others do ("covered the protests") (word_classes.tsv).
OBSERVING_VERBS: Final = word_class("observing")


def _noun_source(tok: Token, judges: frozenset[int] = frozenset(),
                 sent: bool = False) -> list[Token]:
    """Who does a nominal event: its possessor, an actor noun compounded with it
    ("police raid"), a by-phrase, or the subject of the light verb that governs it
    ("launched an airstrike", "filed a lawsuit"). ``judges`` are the verbs that pass
    judgement on their object ("condemned", "welcomed"): a deed they judge is another's.
    ``sent``: the act is one made to someone (a word, an offer, aid), whose "from"
    phrase names its maker ("insults from the president", "an offer of talks from the
    rebels")."""
    # (the noun's own dependents read from the parse arrays, once: a Token made only for
    # each one found)
    doc = tok.doc
    arrays = parse_arrays(doc)
    deps, pos = arrays.deps, arrays.pos
    kids = arrays.children[tok.i]
    found = [doc[c] for c in kids if deps[c] == "poss"]
    found += [doc[c] for c in kids if deps[c] in ("compound", "amod")
              and pos[c] in ("PROPN", "ADJ", "NOUN")]
    by = [p for p in kids if deps[p] in ("prep", "agent") and arrays.lowers[p] == "by"]
    # "a missile fired by the rebels", "a drone launched by the militia": the agent of a
    # participle telling of the act's use is its doer
    by += [p for c in kids if deps[c] == "acl" and arrays.tags[c] == "VBN"
           for p in arrays.children[c] if deps[p] == "agent"]
    for prep in by:
        found += _children(doc[prep], {"pobj"})
    if sent and not found:
        # (the parser hangs the phrase on the act's "of" phrase too: "an offer of talks
        # from the rebels", "the threat of sanctions from Washington")
        found = _prep_objects(tok, "from") or [
            o for prep in _children(tok, {"prep"}) if token_lower(prep) == "of"
            for thing in _children(prep, {"pobj"}) for o in _prep_objects(thing, "from")]
        if not found and tok.dep_ in OBJECTS and token_lemma_lower(tok.head) in REACTING_VERBS:
            # "dismissed the insults from the president", "ignored warnings from the UN":
            # the parser hangs the phrase on the verb that answers the act
            found = _prep_objects(tok.head, "from")
    if not by:
        # "an attack on an army convoy by Tuareg rebels": the parser often hangs the
        # doer's "by" phrase on the noun the act falls on
        found += [a for prep in _children(tok, {"prep"}) if token_lower(prep) in ("on", "against")
                  for victim in _children(prep, {"pobj"})
                  for by in _children(victim, {"prep"}) if token_lower(by) == "by"
                  for a in _children(by, {"pobj"})]
    # "launched a fierce attack": "fierce" is no one
    found = [t for t in found if not _descriptive(t) and t.ent_type_ not in TIME_ENTITIES]
    # "undertook a mediation mission": the event noun qualifies the light verb's object
    phrase = _phrase_head(tok)
    while phrase.dep_ == "conj" and token_pos(phrase.head) in ("NOUN", "PROPN"):
        # "launched artillery, mortar and rocket fire": each of a list of deeds is the
        # light verb's object as its first one is
        phrase = phrase.head
    if (phrase.dep_ == "pobj" and token_lower(phrase.head) == "in"
            and token_pos(phrase.head.head) == "NUM"):
        # "announced $800 million in security assistance": the deed is told as an amount
        # of it, which is the verb's object
        phrase = phrase.head.head
    governor = _governing_verb(phrase)
    if (governor is not None and governor.i not in judges
            # ("observers monitored the protests": who watches a deed did not do it)
            and token_lemma_lower(governor) not in OBSERVING_VERBS
            and all(token_lower(t) in POSSESSIVE_PRONOUNS or _kind_word(t) for t in found)):
        # "delayed their meeting", "clashed ... during a private visit to X", "continued
        # their hunger strike": the doer of an event named in the verb's object or
        # adjunct is the verb's subject
        found = _subject(governor) or found
    return found


# Roots of acts made to someone, whose "from" phrase names who made them: appeals,
# offers and pledges, praise and apologies, aid, demands, criticism, rejections and
# threats (not an act whose entry reads "from" as its target: "the evacuation of
# civilians from Mariupol").
SENT_ROOTS: Final = {"02", "03", "05", "07", "10", "11", "12", "13"}
# Verbs that answer such an act someone else made: their "from" phrase names its maker
# (word_classes.tsv).
REACTING_VERBS: Final = word_class("reacting")


# Prepositions by which an agentless passive names the deed it came about in ("were
# killed in an Israeli air strike", "died during army shelling").
IMPLIED_AGENT_PREPS: Final = {"in", "during"}


def _implied_agent(tok: Token, noun_lemmas: frozenset[str],
                   verb_lemmas: frozenset[str] = frozenset()) -> list[Token]:
    """Who did an agentless passive, when an adjunct names the deed and its doer: "three
    Palestinians were killed in an Israeli air strike" (Israel), "six villagers were killed
    in a drone strike by army units". Only a deed the lexicon knows: "killed in the
    Israeli city of Sderot" names a place, not a doer."""
    if token_pos(tok) != "VERB" or not _is_passive(tok) or _has_child(tok, {"agent"}):
        return []
    for prep in _children(tok, {"prep"}):
        if token_lower(prep) not in IMPLIED_AGENT_PREPS:
            continue
        for deed in _children(prep, {"pobj"}):
            if token_pos(deed) == "NOUN" and (token_lemma_lower(deed) in noun_lemmas
                                        or _split_deed(deed, tok, verb_lemmas)):
                doers = [t for t in _noun_source(deed) if token_pos(t) in ("PROPN", "ADJ")
                         or t.dep_ == "pobj"]
                if doers:
                    return doers
    return []


def _split_deed(word: Token, verb: Token, verb_lemmas: frozenset[str]) -> bool:
    """Whether the parser split a deed noun phrase after its first word, reading the
    deed as a gerund of the verb ("killed in Israeli tank shelling" parsed as "killed in
    Israeli tank", "shelling" a clause of "killed"): the word then names the deed's kind."""
    nxt = word.doc[word.i + 1] if word.i + 1 < len(word.doc) else None
    return (nxt is not None and nxt.tag_ == "VBG" and nxt.head.i == verb.i
            and token_lemma_lower(nxt) in verb_lemmas)


# Prepositions whose nominal event is the governing verb's subject's own doing ("left
# for talks", "during a visit"); not "after the attack", "over the shelling".
ADJUNCT_PREPS: Final = {"during", "for", "on"}
# Journeys told in an adjunct: whoever acts during one is the traveller (word_classes.tsv).
JOURNEY_NOUNS: Final = word_class("journey")
JOURNEY_PREPS: Final = {"during", "on"}
# Possessive pronouns that refer back to the clause's subject ("delayed their meeting").
POSSESSIVE_PRONOUNS: Final = {"their", "its", "his", "her", "our"}


# Predicate adjectives whose "for"/"of" phrase is their subject's own deed
# (word_classes.tsv).
BLAME_ADJECTIVES: Final = word_class("blame")


def _governing_verb(phrase: Token) -> Token | None:
    """The verb whose object or prepositional adjunct a noun phrase is ("launched an
    attack", "left for meetings", "during a visit"), else None."""
    # (read from the parse arrays: every noun trigger asks, and a Token is made only for a
    # verb found)
    doc = phrase.doc
    arrays = parse_arrays(doc)
    deps, pos, heads, lemmas = arrays.deps, arrays.pos, arrays.heads, arrays.lemma_lowers
    dep, head = deps[phrase.i], heads[phrase.i]
    if dep in OBJECTS and pos[head] == "VERB":
        return doc[head]
    if dep != "pobj" or deps[head] != "prep":
        return None  # (what follows is all about the phrase of a preposition)
    prep, verb = arrays.lowers[head], heads[head]
    if (lemmas[verb] in BLAME_ADJECTIVES
            and deps[verb] == "acomp" and pos[heads[verb]] in ("VERB", "AUX")):
        # "the government is responsible for mass killings": the deed is its subject's
        return doc[heads[verb]]
    if pos[verb] not in ("VERB", "AUX") or not (prep in ADJUNCT_PREPS or prep == "in"):
        return None
    if (any(deps[c] in OBJECTS for c in arrays.children[verb])
            and not (prep in JOURNEY_PREPS and lemmas[phrase.i] in JOURNEY_NOUNS)):
        # a verb with an object may hang the object's deed on it: "blamed Israel for
        # the bombing", "claimed responsibility for attacks"; but a journey the deed was
        # done on is the doer's own
        return None
    verb_tok = doc[verb]
    # ("in" only for what the subject is engaged in: "were engaged in heavy fighting")
    if prep in ADJUNCT_PREPS or (_is_passive(verb_tok) and _is_stative(verb_tok)):
        return verb_tok
    return None


def _phrase_head(tok: Token) -> Token:
    """The noun a compounded event noun qualifies ("mediation" in "mediation effort")."""
    # (the label and the head's tag read from the parse arrays: a Token is made only for
    # the head returned)
    arrays = parse_arrays(tok.doc)
    head = arrays.heads[tok.i]
    return (tok.doc[head] if arrays.deps[tok.i] == "compound" and arrays.pos[head] == "NOUN"
            else tok)


def _kind_word(tok: Token) -> bool:
    """A common noun compounded with an event noun that says what kind of act it was
    ("hunger strike", "car bombing", "information blackout"), not a name of its doer."""
    return tok.dep_ == "compound" and token_pos(tok) == "NOUN" and not tok.ent_type_


def _descriptive(tok: Token) -> bool:
    """An adjective that says what an act was like, not whose it was ("fierce", "mass").
    The entity tagger takes a capitalised adjective that opens a sentence for a name
    ("Fierce clashes erupted"): there only a nationality or a place is someone's."""
    return token_pos(tok) == "ADJ" and (not tok.ent_type_ or (
        bool(tok.is_sent_start) and tok.ent_type_ not in ("NORP", "GPE")))


def _prep_objects(tok: Token, prep_word: str) -> list[Token]:
    """The objects of ``tok``'s prepositions ``prep_word``. Read from the parse arrays:
    every target slot of every trigger asks for one, and most find no such preposition."""
    doc = tok.doc
    arrays = parse_arrays(doc)
    deps, lowers, children = arrays.deps, arrays.lowers, arrays.children
    out: list[Token] = []
    # "marched close to the border", "sailed right up to the coast": an adverb of nearness
    # carries the verb's own phrase
    # (plain loops: this is asked for every slot, and most words have few dependents)
    kids = children[tok.i]
    near: list[int] = []
    for a in kids:
        if deps[a] == "advmod" and lowers[a] in NEARNESS_ADVERBS:
            near += children[a]
    for p in kids + near if near else kids:
        if deps[p] in ("prep", "agent", "dative") and lowers[p] == prep_word:
            # "called on Tuesday for ...": a date is when, never whom
            for c in children[p]:
                if deps[c] in ("pobj", "pcomp"):
                    out += ([doc[c]] if arrays.ent_types[c] not in TIME_ENTITIES
                            else _named_before_date(doc[c]))
            if all(c < p for c in children[p]):  # no right dependents
                prep = doc[p]
                out += _stranded_object(prep)
                if (not out and prep.i == tok.i + 1 and token_pos(tok) == "VERB"
                        and _is_passive(tok)):
                    # "a convoy had been fired upon": a passive's own stranded preposition
                    # has the passive's subject for object
                    out += _children(tok, PASSIVE_SUBJECTS)
    return out


def _stranded_object(prep: Token) -> list[Token]:
    """The object of a preposition the parser left without one: before a reduced relative
    ("granted asylum to five officers holed up in a residence") it takes the noun phrase
    for the subject of the clause that follows."""
    for tok in prep.doc[prep.i + 1:prep.i + 8]:
        if tok.dep_ in ("nsubj", "nsubjpass") and tok.left_edge.i == prep.i + 1 \
                and token_pos(tok) in ("NOUN", "PROPN"):
            return [tok]
    return []


TIME_ENTITIES: Final = {"DATE", "TIME"}
# Adverbs of nearness before a phrase of time or place (word_classes.tsv).
NEARNESS_ADVERBS: Final = word_class("nearness")
# Nouns of time the parser does not always mark as dates (word_classes.tsv).
TIME_WORDS: Final = word_class("time")


def _named_before_date(date: Token) -> list[Token]:
    """"met with Iranian President Hassan Rouhani Thursday" is often parsed with the name
    compounded onto the day: the name is then the phrase's head."""
    # (read from the parse arrays: every date a target slot holds asks)
    arrays = parse_arrays(date.doc)
    names = [c for c in arrays.children[date.i] if arrays.deps[c] == "compound"
             and arrays.pos[c] == "PROPN" and arrays.ent_types[c] not in TIME_ENTITIES]
    return [date.doc[names[-1]]] if names else []


MOVEMENT_PREPS: Final = {"from", "to", "into"}
COERCE_ROOT: Final = "17"
YIELD_ROOT: Final = "08"  # easing, acceding, releasing, allowing


# What someone asks of another: whoever's they are is whom meeting them yields to
# (word_classes.tsv).
ASKED_THINGS: Final = word_class("asked_thing")


def _own_thing(tok: Token) -> bool:
    """Whether a noun phrase is one a possessive pronoun gives to someone named before
    ("its labour market", "their borders")."""
    # (read from the parse arrays: each target slot found asks, and no Token is needed)
    arrays = parse_arrays(tok.doc)
    deps, lowers = arrays.deps, arrays.lowers
    return arrays.pos[tok.i] == "NOUN" and any(
        deps[c] == "poss" and lowers[c] in POSSESSIVE_PRONOUNS for c in arrays.children[tok.i])


def _target(tok: Token, entry: TriggerEntry, used: tuple[int, ...]) -> list[Token]:
    """The target as the entry says where to find it, in order of preference."""
    tok_pos = token_pos(tok)  # (read once: most paths below ask for it, some many times)
    passive = tok_pos == "VERB" and _is_passive(tok) and not _is_stative(tok)
    consumed = [tok.doc[i] for i in used if i != tok.i]
    verbal = ("speech" in entry.flags or "intent" in entry.flags
              or entry.code[:2] in ("02", "03", "10", "11", "12", "13"))
    own: list[Token] = []  # the doer's own thing, if no slot names another
    for spec in entry.target:
        if spec == "-":
            return own
        found: list[Token] = []
        if spec == "obj":
            if _participle_of(tok) and entry.code[:2] in FORCE_ROOTS:
                # "soldiers killed in Ukraine", "the civilians imprisoned for protesting":
                # a participle of force that describes a noun was done to what it names
                found = [tok.head]
            elif (described := _misread_participle(tok) or _held_captive(tok)) is not None:
                found = [described] if entry.code[:2] in FORCE_ROOTS else []
            elif tok_pos == "VERB":
                cands = _passive_subjects(tok) if passive else (
                    _children(tok, OBJECTS) or _named_object(tok) or _up_to_object(tok)
                    or _attributed_object(tok)
                    or _modified_object(tok) or _loose_name_object(tok))
                found = [c for c in cands if c.i not in used]
                if not found and not passive and entry.context:
                    # "declared the Mexican ambassador persona non grata": the parser reads
                    # the object and the predicate the entry asks for as a clause of their
                    # own, the object its subject (or a compound of its first word)
                    found = [s for c in _children(tok, {"ccomp"})
                             if not _has_child(c, {"aux", "auxpass", "mark"})
                             and entry.context_matches(" ".join(t.text for t in c.subtree))
                             for s in _children(c, {"nsubj", "compound"}) if s.i < c.i]
                if not found and not passive:
                    # "condemned as a grave abuse Arnor's treatment of ...": the parser
                    # takes an object put after its "as" phrase for an apposition to it
                    found = [a for o in _prep_objects(tok, "as") for a in _children(o, {"appos"})]
                against = [o for c in found if token_pos(c) == "NOUN"
                           for o in _prep_objects(c, "against")]
                if against and not passive:
                    # "threatened further action against Russia": a thing done or said
                    # against someone is aimed at them
                    found = against
                elif found and not passive and not any(map(_names_in, found)):
                    # "welcomed memos from Bree": a thing that names no one is read by
                    # whom it comes from
                    found += [o for carrier in (tok, *found) for o in _prep_objects(carrier, "from")]
            else:
                found = [tok.doc[o] for o in _objects(tok) if o not in used]
        elif spec == "dative":
            found = [c for c in tok.children if c.dep_ == "dative" and token_pos(c) != "ADP"]
            found += _prep_objects(tok, "to") if not found else []
            if not found:
                found = _misread_dative(tok)
        else:
            found = _prep_objects(tok, spec)
            if not found and tok_pos == "VERB" and not _has_child(tok, OBJECTS):
                # "donated and delivered medicine to the hospital": a verb with no object
                # of its own shares the phrase its coordinated verb ends with
                found = [o for c in _children(tok, {"conj"}) if token_pos(c) == "VERB"
                         for carrier in (c, *_children(c, OBJECTS))
                         for o in _prep_objects(carrier, spec)]
            if not found and spec == "with" and tok_pos == "VERB":
                # "agreed to a ceasefire with the government": the party is named with
                # the thing agreed to, where the parser hangs the phrase
                found = [o for thing in _prep_objects(tok, "to") for o in _prep_objects(thing, spec)]
            if tok_pos == "NOUN" and _phrase_head(tok).i != tok.i:
                found += _prep_objects(tok.head, spec)  # "a mediation effort between X and Y"
            for word in consumed:  # "cut ties with X", "relations with X"
                found += _prep_objects(word, spec) or [
                    # "lifted the sanctions imposed on Iran", "eased the curfew imposed in
                    # Hebron": the participle that describes the thing says whom it is on
                    o for p in _children(word, {"acl"}) if p.tag_ == "VBN"
                    for o in _prep_objects(p, spec)]
            if spec == "of" and not found:
                # "would not meet the kidnappers' demands", "accepted rebel conditions",
                # "boycotted the court's hearings": whose the thing is, a possessive says
                # as "of" would (a compound only of things asked: "the embassy staff")
                found = [c for word in consumed for c in word.children
                         if (c.dep_ == "poss" or (c.dep_ == "compound"
                                                  and token_lemma_lower(word) in ASKED_THINGS))
                         and token_pos(c) in ("NOUN", "PROPN")]
            if tok_pos == "NOUN" and not found and spec in MOVEMENT_PREPS:
                # "the withdrawal of troops from Panama", "a shipment of arms to Taiwan":
                # where the moved things go or come from
                for prep in _children(tok, {"prep"}):
                    if token_lower(prep) == "of":
                        found += [t for o in _children(prep, {"pobj"})
                                  for t in _prep_objects(o, spec)]
            if not found and (not (verbal and tok_pos == "VERB") or (
                    # but a thing pledged or offered "to" someone goes to them ("pledged
                    # more aid to Ukraine")
                    entry.code.startswith(INTENT_ROOT) and spec == "to")):
                # a verb of saying or demanding reads its object's phrase as the demanded
                # act's own ("demanded the withdrawal of forces from Bosnia")
                found = [o for carrier in _prep_carriers(tok) for o in _prep_objects(carrier, spec)]
            if not found and entry.code.startswith(INTENT_ROOT) and spec == "with":
                # "accepted a formula for ending its border dispute with Peru": an intent
                # about a quarrel is aimed at the other party of it
                found = _dispute_parties(tok)
        if found and entry.code.startswith(INVESTIGATE_ROOT):
            # "looking into alleged abuses by border guards against
            # migrants": an inquiry into a wrong is aimed at its suspected doer
            found = [d for f in found for d in (wrongdoers(f) or [f])]
        if found and entry.code[:2] in APPEAL_ROOTS:
            # "insisted on its demands that the government grant more rights": a demand
            # that says what someone is to do is made of that someone
            found = [s for f in found for s in (_that_subject(f) or [f])]
        if found and spec not in ("obj", "dative") and all(map(_own_thing, found)):
            # "restrictions on its job market for Bulgarian workers": a thing of the doer's
            # own is what the act is done to, and a later slot may name whom it is aimed at
            # (not a verb's object: "blamed its neighbour for the attack")
            own = own or found
            continue
        if found and own and not any(map(_names_in, found)):
            return own  # ("aid to its allies for reconstruction": the later phrase names no one)
        if found:
            return found
    if own:
        return own
    against = [o for w in (tok, *consumed) for o in _prep_objects(w, "against")
               if token_pos(o) in ("NOUN", "PROPN", "PRON")]
    if against and entry.code[:2] >= HOSTILE_ROOT:
        # "opened fraud investigations against 28 officials": whom a hostile act is
        # against is its target wherever the entry looks first (a cooperative one's
        # "against" names a common foe or the deed's victim: "cooperate against
        # terrorism", "violations committed against the embassy")
        return against
    # "denied charges by Ivory Coast", "rejected accusations by Amnesty": the one whose
    # claim or call the act answers is its target
    claims = [w for w in consumed if token_pos(w) == "NOUN"]
    by_agent = [a for w in claims for a in _prep_objects(w, "by")]
    if claims and not by_agent and not passive:
        # the parser often hangs "by Togo" on the active verb; only a name is read so
        # ("rejected the plan by a wide margin" names no one)
        by_agent = [a for a in _prep_objects(tok, "by") if token_pos(a) == "PROPN"]
    if by_agent:
        return by_agent
    if verbal and (tok_pos in ("VERB", "ADJ") or entry.code[:2] in APPEAL_ROOTS):
        # "alleged that Noboa came to power", "called for Burma to institute reforms",
        # "its demand that Iran release the detainees": the complement clause's own
        # subject; else "agreed to set up a centre in Tokyo": whoever the complement
        # clause acts on (found inside it by the resolver)
        clauses = _children(tok, {"ccomp", "xcomp"} if tok_pos != "NOUN" else {"acl"})
        if tok_pos == "NOUN" and tok.dep_ in OBJECTS:
            # "repeated its demand on Monday that Gondor lift the curfew": the parser
            # hangs the noun's clause on the verb whose object it is
            clauses += [c for c in _children(tok.head, {"ccomp"}) if _that_clause(c)]
        # "called for Burma to institute reforms" is often parsed as an adverbial clause
        clauses += [c for c in _children(tok, {"advcl"})
                    if any(m.dep_ == "mark" and token_lower(m) == "for" for m in c.children)]
        for prep in _children(tok, {"prep"}):
            clauses += [c for c in prep.children
                        if c.dep_ in ("pcomp", "pobj") and token_pos(c) == "VERB"]
        # "expressed hopes that Osgiliath could be drawn in": the clause of the object noun
        clauses += [c for w in consumed for c in w.children
                    if c.dep_ in ("acl", "ccomp") and token_pos(c) in ("VERB", "AUX")
                    and any(m.dep_ == "mark" and token_lower(m) == "that" for m in c.children)]
        for clause in clauses:
            subj = _children(clause, ALL_SUBJECTS)
            if (subj and token_lower(subj[0]) not in RELATIVE_PRONOUNS
                    and not (entry.code.startswith(THREAT_ROOT)
                             and token_lower(subj[0]) in SELF_PRONOUNS
                             and _has_child(tok, SUBJECTS))):
                return subj
        if entry.code.startswith(APPEAL_ROOT) and "intent" in entry.flags:
            return []  # "wants to attack Switzerland" asks no one: an intention, not an appeal
        # "threatened ... to secede from the Union": the parser may hang the complement
        # infinitive as an adverbial clause
        asked = ([c for c in clauses if c.dep_ == "xcomp"]
                 or [c for c in _children(tok, {"advcl"}) if _purpose(c)
                     and "threat" in entry.flags])[:1]
        if not asked and entry.code == PEACEKEEPING_INTENT:
            # "agreed to an extension of the mandate of the UN force in Haiti": peacekeeping
            # pledged is aimed at the country the force serves in
            asked = [o for t in tok.subtree if token_lemma_lower(t) in PEACEKEEPING_NOUNS
                     for o in _prep_objects(t, "in") + _prep_objects(t, "to")][:1]
        if asked or entry.code[:2] not in APPEAL_ROOTS:
            return asked
        if _purpose(tok) and token_pos(tok.head) == "VERB":
            # "contacted legislators to propose a law on voting rights", "wrote to the
            # council to urge ...": an appeal that is the purpose of reaching someone is
            # addressed to them
            reached = _children(tok.head, OBJECTS) or [
                o for spec in ("to", "with") for o in _prep_objects(tok.head, spec)]
            if reached:
                return reached
        # "called for a ceasefire in Liberia", "demanded talks with the rebels": whom
        # the act asked for falls on
        return [o for n in _content_objects(tok) if token_pos(n) == "NOUN"
                for p in n.children if p.dep_ == "prep" and token_lower(p) in TOPIC_PREPS
                for o in p.children if o.dep_ == "pobj"]
    if entry.code.startswith(YIELD_ROOT) and tok_pos == "VERB" and not passive:
        # "allowed that the opposition had a point": a point conceded is about whom
        # its "that" clause is about; "allowed the opposition to hold a rally": the
        # parser makes whom a permission is given the subject of the clause it permits
        # (not so what another act is done to allow, "resigned to allow a vote", or a
        # permission only named as a condition, "demanded a truce before allowing aid in");
        # "let free six soldiers held captive": the parser may hang the clause on "free",
        # a complement with no subject of its own
        clauses = _children(tok, {"ccomp", "xcomp"}) + [
            c for a in _children(tok, {"acomp", "oprd", "ccomp"}) if not _has_child(a, SUBJECTS)
            for c in _children(a, {"ccomp"})]
        for clause in clauses:
            subj = _children(clause, SUBJECTS)
            if (subj and token_lower(subj[0]) not in RELATIVE_PRONOUNS
                    and (_that_clause(clause) or not (_purpose(tok) or tok.dep_ == "pcomp"))):
                return subj
    if entry.code.startswith(COERCE_ROOT) and tok.dep_ == "xcomp":
        # "ordered the newspaper to suspend publication", "forced the station to stop
        # broadcasting": a restriction someone is made to carry out falls on them
        made = _children(tok.head, OBJECTS)
        if made:
            return made
    # "expelled Peru's ambassador", "received ministers from the government": the object
    # the pattern needs can name the target
    owned = [w for w in consumed if token_pos(w) in ("NOUN", "PROPN")
             and any(c.dep_ in ("poss", "amod", "compound")
                     or (c.dep_ == "prep" and token_lower(c) in OWNER_PREPS) for c in w.children)]
    if owned:
        return owned
    if entry.code.startswith(PROTEST_ROOT):
        # "threw stones during demonstrations against the new tax", "... against abuses by
        # the police": an act of protest done within a protest is aimed where that protest
        # is, at the doer of the wrong it is against
        against = [o for p in _children(tok, {"prep"}) if token_lower(p) in WITHIN_PROTEST_PREPS
                   for n in _children(p, {"pobj"}) for o in _prep_objects(n, "against")]
        if against:
            return [d for a in against for d in (wrongdoers(a) or [a])]
    if entry.code.startswith("11"):
        # "filed a lawsuit for violations committed by Ecuador": who is blamed is the
        # doer of the wrong the clause names
        # (the subtrees read from the parse arrays: a clause has many words)
        arrays = parse_arrays(tok.doc)
        subjects = {t for s in _children(tok, SUBJECTS) for t in arrays.subtree(s.i)}
        for t in arrays.subtree(tok.i):
            if arrays.deps[t] == "agent" and t not in subjects:
                return _children(tok.doc[t], {"pobj"})
    return []


INVESTIGATE_ROOT: Final = "09"
PEACEKEEPING_INTENT: Final = "0334"  # a pledge to send a force to keep the peace
# Nouns for a peacekeeping force whose "in"/"to" phrase names where it serves
# (word_classes.tsv).
PEACEKEEPING_NOUNS: Final = word_class("peacekeeping_force")
# Nouns of a quarrel whose "with" phrase names the other party (word_classes.tsv).
DISPUTE_NOUNS: Final = word_class("dispute")


def _misread_dative(verb: Token) -> list[Token]:
    """"offered Syria aid": the parser reads a place's name right after the verb as a
    compound of the object that follows it; it is the indirect object, the recipient."""
    return [c for o in _children(verb, {"dobj"}) for c in _children(o, {"compound", "nmod"})
            if c.i == verb.i + 1 and c.ent_type_ in NAMED_PLACE_TYPES]


def _dispute_parties(tok: Token) -> list[Token]:
    """The other parties of the quarrels named in what a trigger governs, its subject
    left out ("agreed to a plan to end its war with Iraq": Iraq)."""
    # (the subtrees read from the parse arrays: a Token is made only for a quarrel noun)
    doc = tok.doc
    arrays = parse_arrays(doc)
    deps, lemmas = arrays.deps, arrays.lemma_lowers
    doers = {t for s in arrays.children[tok.i] if deps[s] in ALL_SUBJECTS
             for t in arrays.subtree(s)}
    return [o for t in arrays.subtree(tok.i) if t not in doers
            and lemmas[t] in DISPUTE_NOUNS for o in _prep_objects(doc[t], "with")]


# Prepositions that put an act inside a protest ("during demonstrations", "at a rally").
WITHIN_PROTEST_PREPS: Final = {"during", "at", "in"}


def wrongdoers(deed: Token) -> list[Token]:
    """Who a deed is said to be by: its "by" phrase, or the by-agent of the participle
    that describes it ("crimes by the militia", "abuses committed by the police")."""
    if token_pos(deed) != "NOUN":
        return []
    found = _prep_objects(deed, "by")
    found += [o for acl in _children(deed, {"acl"}) if acl.tag_ == "VBN"
              for agent in _children(acl, {"agent"}) for o in _children(agent, {"pobj"})]
    return found


def _that_clause(clause: Token) -> bool:
    """Whether a clause is introduced by "that"."""
    return any(m.dep_ == "mark" and token_lower(m) == "that" for m in clause.children)


def _that_subject(noun: Token) -> list[Token]:
    """The subject of a noun's "that" clause ("demands that the government grant"); the
    parser may hang the clause on the verb that governs the noun ("insisted on its
    demands that ...")."""
    clauses = [c for c in noun.children if c.dep_ in ("acl", "ccomp") and _that_clause(c)]
    if not clauses:
        verb = (noun.head if noun.dep_ in OBJECTS
                else noun.head.head if noun.dep_ == "pobj" and noun.head.dep_ == "prep" else None)
        if verb is not None and token_pos(verb) in ("VERB", "AUX"):
            clauses = [c for c in _children(verb, {"ccomp"}) if _that_clause(c)]
    return [s for c in clauses for s in _children(c, ALL_SUBJECTS)
            if token_lower(s) not in RELATIVE_PRONOUNS]


def _up_to_object(verb: Token) -> list[Token]:
    """"kidnapped up to 16 advisers" is often parsed as a particle "up" and a phrase "to 16
    advisers": the counted noun after "up to" is the verb's object."""
    return [o for prep in _children(verb, {"prep"})
            if token_lower(prep) == "to" and prep.i > 0
            and token_lower(prep.doc[prep.i - 1]) == "up"
            and prep.doc[prep.i - 1].head.i == verb.i
            for o in _children(prep, {"pobj"}) if any(c.dep_ == "nummod" for c in o.children)]


def _loose_name_object(verb: Token) -> list[Token]:
    """A bare name right after a verb that the parser hung on it as a loose modifier:
    "rebels shelled Aleppo on Sunday", "insurgents attacked Mosul" name the verb's object
    (not a day or a time: "met Tuesday")."""
    arrays = parse_arrays(verb.doc)
    j = verb.i + 1
    if (j < len(arrays.words) and arrays.heads[j] == verb.i and arrays.deps[j] in LOOSE_NAME_DEPS
            and arrays.words[j][:1].isupper()
            and (arrays.ent_types[j] in LOOSE_NAME_ENTITIES
                 or (arrays.ent_types[j] == "" and arrays.tags[j] == "NNP"))):
        return [verb.doc[j]]
    return []


def _modified_object(verb: Token) -> list[Token]:
    """"Libyan militias tortured migrants" is at times parsed as a noun phrase "tortured
    migrants" whose adjective "tortured" has a subject of its own: a verb read as the
    modifier of the noun after it, yet given a subject, has that noun for its object."""
    if verb.dep_ == "amod" and verb.head.i > verb.i and _has_child(verb, SUBJECTS):
        return [verb.head]
    return []


def _attributed_object(verb: Token) -> list[Token]:
    """"killed an Iraqi, public television reported" is often parsed with the object
    taken into the subject of the closing attribution ("an Iraqi, public television"):
    the words between the verb and that subject's comma are the verb's object, headed by
    their last word that names someone."""
    # (the comma and the attribution read from the parse arrays: every verb trigger with
    # no object asks, and few have an attribution to read on)
    doc = verb.doc
    arrays = parse_arrays(doc)
    words, heads, deps, pos = arrays.words, arrays.heads, arrays.deps, arrays.pos
    first, end = verb.i + 1, arrays.sent_ends[verb.i]
    at = next((j for j in range(first, end) if words[j] == ","), None)
    if at is None or at == first:
        return []
    subj = heads[at]
    said = heads[subj]
    if (deps[subj] not in SUBJECTS or subj < at or said < subj
            or pos[said] != "VERB" or deps[said] not in ("conj", "ROOT")
            or any(not t.is_punct for t in doc[said + 1:end])):
        return []
    if any(heads[t] != subj and not first <= heads[t] < at for t in range(first, at)):
        return []  # the words are a phrase of that subject's, nothing else
    names = [t for t in range(first, at)
             if pos[t] in ("NOUN", "PROPN") or arrays.ent_types[t] == "NORP"]
    return [doc[names[-1]]] if names else []


def _names_in(phrase: Token) -> bool:
    """Whether a phrase has a name, a pronoun or a nationality word in it."""
    # (its words' tags and entity types read from the parse arrays: a phrase has many
    # words, and every object of every trigger is asked about)
    arrays = parse_arrays(phrase.doc)
    pos, ent_types = arrays.pos, arrays.ent_types
    return any(pos[t] in ("PROPN", "PRON") or ent_types[t] in ("NORP", "GPE", "ORG", "PERSON")
               for t in arrays.subtree(phrase.i))


# Prepositions by which an asked-for act names whom it falls on ("a ceasefire in Liberia").
TOPIC_PREPS: Final = {"in", "against", "with", "on"}
# Prepositions by which a noun phrase says whose it is ("ministers from the government").
OWNER_PREPS: Final = {"of", "from"}


def _prep_carriers(tok: Token) -> list[Token]:
    """Where the parser may have hung a trigger's own prepositional phrase instead: on a
    verb's direct object ("contribute a million kroner to Australia") or on the light verb
    that governs a nominal trigger ("launched a new broadside at the government", "issued
    arrest warrants for two men"), or on what a sum the verb gives is given as ("pledged
    500 million euros in aid to Ukraine")."""
    if token_pos(tok) == "VERB":
        objects = _children(tok, OBJECTS)
        if any(token_lemma_lower(o) in MONEY_WORDS or o.ent_type_ == "MONEY" for o in objects):
            # (the parser hangs "in aid" on the sum or on the verb)
            objects += [n for h in (tok, *objects) for p in _children(h, {"prep"})
                        if token_lower(p) == "in"
                        for n in _children(p, {"pobj"}) if token_pos(n) == "NOUN"]
        return objects
    phrase = _phrase_head(tok)  # "issued arrest warrants for two men"
    if phrase.dep_ in OBJECTS and token_pos(phrase.head) == "VERB":
        return [phrase.head]
    return []


def is_list_item(appos: Token) -> bool:
    """An "apposition" that heads a coordinated list ("the US, Russia, and Switzerland")
    is a list of further actors, not another name for the head."""
    # (the labels read from the parse arrays: no Token is needed)
    arrays = parse_arrays(appos.doc)
    deps, children = arrays.deps, arrays.children[appos.i]
    return any(deps[c] == "cc" for c in children) and any(deps[c] == "conj" for c in children)


# Currencies a sum of aid is counted in, and words that count, gather or measure: what is
# counted is the noun of their "of" phrase (word_classes.tsv).
MONEY_WORDS: Final = word_class("currency")
QUANTITY_NOUNS: Final = word_class("quantity")


def _who(doc: Doc, arrays: ParseArrays, i: int) -> int:
    """The position of the word naming who the counted or gathered group at ``i`` is
    ("journalists" in "dozens of journalists at Sudan's newspaper", "diplomats" in
    "expelled four diplomats, and Ukraine expelled 13"); ``i`` itself otherwise."""
    # (the word's own tag, label, form, lemma and entity read from ``doc``'s parse arrays,
    # passed in: every object and argument of every mention is looked at here, and only
    # a counted or gathered one becomes a Token)
    if arrays.pos[i] == "NUM" and arrays.deps[i] in OBJECTS:
        tok = doc[i]
        # a bare number counts what the same verb's object counts in the clause it is
        # coordinated with
        verb = tok.head
        for other in (verb.head, *verb.conjuncts) if verb.dep_ == "conj" else verb.conjuncts:
            if other.i != verb.i and other.lemma_ == verb.lemma_:
                named = [o for o in _children(other, OBJECTS) if token_pos(o) == "NOUN"]
                if named:
                    return named[0].i
    if arrays.lowers[i] in QUANTITY_NOUNS:
        for prep in _children(doc[i], {"prep"}):
            if token_lower(prep) == "of":
                named = _children(prep, {"pobj"})
                if named:
                    return named[0].i
    if arrays.lemma_lowers[i] in MONEY_WORDS or arrays.ent_types[i] == "MONEY":
        # "provided 50 million euros in humanitarian aid": a sum is read by what it is given as
        for prep in _children(doc[i], {"prep"}):
            if token_lower(prep) == "in":
                named = [o for o in _children(prep, {"pobj"}) if token_pos(o) == "NOUN"]
                if named:
                    return named[0].i
    return i


def _conjunct_indices(arrays: ParseArrays, i: int) -> list[int]:
    """The positions of token ``i``'s conjuncts, in the order ``Token.conjuncts`` gives
    them, read from the parse arrays."""
    heads, deps, children = arrays.heads, arrays.deps, arrays.children
    start = i
    while heads[start] != start and deps[start] == "conj":
        start = heads[start]
    found = [start]
    for word in found:  # (breadth first: the list grows as it is read)
        for c in children[word]:  # (a plain loop: most words have no conjunct)
            if c > word and deps[c] == "conj":
                found.append(c)
    return [w for w in found if w != i]


def _expand_conjuncts(tokens: list[Token]) -> tuple[int, ...]:
    """The positions of the argument heads ``tokens`` and of the words listed with them.
    Read from the parse arrays: every mention's doers and targets pass through here."""
    out: list[int] = []
    if not tokens:
        return ()
    doc = tokens[0].doc
    arrays = parse_arrays(doc)
    deps = arrays.deps
    for t in tokens:
        i = _who(doc, arrays, t.i)
        # "the US, Russia, and Switzerland" parses as an apposition heading a list
        listed = [a for a in arrays.children[i] if deps[a] == "appos" and is_list_item(doc[a])]
        for u in (i, *_conjunct_indices(arrays, i), *listed,
                  *(c for a in listed for c in _conjunct_indices(arrays, a))):
            # a clause stands in for an argument the resolver finds inside it
            if u not in out and (arrays.pos[u] in ("NOUN", "PROPN", "PRON") or u == i):
                out.append(u)
    return tuple(out)


# The links by which a clause or phrase hangs from the word that governs it.
GOVERNED_DEPS: Final = {"xcomp", "ccomp", "acomp", "acl", "conj", "pobj", "pcomp", "dobj", "prep"}


def _governors(doc: Doc, arrays: ParseArrays, i: int, limit: int = 3) -> list[int]:
    """The positions of the chain of words that govern the clause of the trigger at ``i``
    through complements, through infinitives of purpose ("is willing to send troops to
    help defend it") and through the goal an act goes on until ("vowed to fight until they
    take the town")."""
    # positions, heads and labels from ``doc``'s parse arrays, passed in: this runs several
    # times per mention, and its callers mostly read only the governors' tags and lemmas
    heads, deps = arrays.heads, arrays.deps
    chain: list[int] = []
    cur = i
    for _ in range(limit):
        head = heads[cur]
        if head == cur:
            break
        if deps[cur] not in GOVERNED_DEPS:
            # (an infinitive of purpose and a clause of a goal are adverbial clauses: the
            # label rules out most words before a Token is made, once, to ask)
            if deps[cur] != "advcl":
                break
            clause = doc[cur]
            if not (_purpose(clause) or _goal(clause)):
                break
        cur = head
        chain.append(cur)
    return chain


# Marks of a clause that says how long an act goes on ("will fight until they win").
GOAL_MARKS: Final = {"until", "till"}


def _goal(tok: Token) -> bool:
    """Whether a clause is what an act goes on until ("vowed to fight until they gain
    control of the villages"): as undone as the act it ends, when that is only vowed."""
    return tok.dep_ == "advcl" and not GOAL_MARKS.isdisjoint(_child_words(tok, {"mark"}))


def _notice_giver(clause: Token) -> int | None:
    """Who gave the notice a "that" clause spells out: the subject of the verb whose
    object the notice is ("issued a stern reminder to Iraq that it must cooperate",
    "sent a message that the rebels must disarm")."""
    notice = clause.head
    if not (clause.dep_ in ("acl", "ccomp") and token_pos(notice) == "NOUN"
            and notice.dep_ in OBJECTS and token_pos(notice.head) == "VERB"
            and _that_clause(clause)):
        return None
    subj = _children(notice.head, SUBJECTS)
    return subj[0].i if subj else None


# Subjects and objects that say the act fell on no one ("No Americans were killed",
# "nobody was hurt", "killed no one").
NO_ONE: Final = {"nobody", "none", "nothing", "noone"}


def _own_doer(noun: Token) -> bool:
    """Whether a nominal act names a doer of its own: a possessor that is no pronoun and no
    date ("Russia's invasion", not "its invasion" or "Tuesday's meeting"), or a "by"
    phrase ("the withdrawal by Israel")."""
    # (read from the parse arrays: no Token is needed)
    arrays = parse_arrays(noun.doc)
    deps, lowers = arrays.deps, arrays.lowers
    return any((deps[c] == "poss" and lowers[c] not in POSSESSIVE_PRONOUNS
                and arrays.ent_types[c] not in TIME_ENTITIES
                and arrays.lemma_lowers[c] not in TIME_WORDS)
               or (deps[c] == "prep" and lowers[c] == "by") for c in arrays.children[noun.i])


def _no_one(arrays: ParseArrays, i: int) -> bool:
    """Whether the subject or object of the verb at ``i`` is no one ("No Americans were
    killed", "Neither Israel nor Hamas has agreed", "neither side has withdrawn")."""
    if arrays.pos[i] not in ("VERB", "AUX"):
        return False
    deps, lowers, children = arrays.deps, arrays.lowers, arrays.children
    # (plain loops, the label tested first: every mention asks this, and most of a
    # verb's dependents are no subject or object; read from the caller's parse arrays)
    for c in children[i]:
        if deps[c] in ("nsubj", "nsubjpass", "dobj"):
            if lowers[c] in NO_ONE:
                return True
            for d in children[c]:
                if ((deps[d] == "det" and lowers[d] == "no")
                        or (deps[d] in ("det", "preconj") and lowers[d] == "neither")):
                    return True
    return False


def _excluder(tok: Token) -> Token | None:
    """The verb that rules an act out, if one governs it ("ruled out sending troops",
    "would not exclude military action"; the parser may hang the act as an adverbial
    clause)."""
    # (read from the parse arrays: every mention is asked this, and few are governed so)
    arrays = parse_arrays(tok.doc)
    h = arrays.heads[tok.i]
    if arrays.deps[tok.i] not in ("xcomp", "advcl", "ccomp", "dobj") or arrays.pos[h] != "VERB":
        return None
    lemma = arrays.lemma_lowers[h]
    particles = [arrays.lowers[c] for c in arrays.children[h] if arrays.deps[c] == "prt"]
    if lemma in EXCLUDING_VERBS or any(f"{lemma} {p}" in EXCLUDING_VERBS for p in particles):
        return tok.doc[h]
    return None


def _negated(tok: Token) -> bool:
    if (excluder := _excluder(tok)) is not None:
        # "ruled out sending troops" is no sending; "did not rule out sending troops"
        # leaves it possible (_modality), not denied
        return "neg" not in {c.dep_ for c in excluder.children}
    arrays = parse_arrays(tok.doc)
    pos, lemmas, deps, lowers, children = (arrays.pos, arrays.lemmas, arrays.deps,
                                           arrays.lowers, arrays.children)
    if "neg" in map(deps.__getitem__, children[tok.i]) or _no_one(arrays, tok.i):
        return True
    if pos[tok.i] == "NOUN" and deps[tok.i] in OBJECTS and _own_doer(tok):
        # "refused to condemn Russia's invasion", "did not welcome the withdrawal by
        # Israel": a deed of another that is not judged is still done
        return False
    for gov in _governors(tok.doc, arrays, tok.i):
        tag = pos[gov]
        if tag in ("VERB", "AUX") and lemmas[gov] in NEGATING_GOVERNORS:
            return True
        if tag == "NOUN" and arrays.lemma_lowers[gov] in NEGATING_NOUNS:
            return True  # "Eriador's refusal to talk"
        if tag == "ADJ" and arrays.lemma_lowers[gov] in NEGATING_ADJECTIVES:
            return True  # "is reluctant to send tanks", "were unable to agree"
        if tag in ("VERB", "AUX") and any(deps[c] == "neg" for c in children[gov]):
            return True
        if tag == "NOUN" and any(deps[c] == "det" and lowers[c] in ("no", "never")
                                 for c in children[gov]):
            return True
        if deps[gov] == "ccomp" or tag == "VERB" and deps[gov] == "ROOT":
            break
    return False


class _Mood:
    """How a mention is told. (A plain class: one is made for every mention, and
    compiled, its ``__init__`` is native code, where a dataclass's or a named tuple's is
    Python; none is changed once made.)"""

    def __init__(self, modality: Modality, reporter: int | None, obliged: bool,
                 commanded: bool = False, advised: bool = False) -> None:
        self.modality = modality
        self.reporter = reporter  # head of who reported it
        self.obliged = obliged  # "must", "should", "has to": what a speaker demands of the doer
        # what someone ordered the doer to do ("ordered Russia to")
        self.commanded = commanded
        self.advised = advised  # the obligation is only advice ("should", "needs to")


def _modality(tok: Token, lexicon: Lexicon) -> _Mood:
    """Asserted, intended, threatened, hypothetical or reported; who reported it; and
    whether the doer is said to be obliged to act.

    A threat outranks an intention, and an intention outranks a report: "Portugal will
    support Turkey, the president said" is Portugal's intention, reported by the president.
    """
    # (the word's and its head's labels and auxiliaries read from the parse arrays, once:
    # every mention asks this)
    arrays = parse_arrays(tok.doc)
    i: int = tok.i
    deps, lowers, children = arrays.deps, arrays.lowers, arrays.children
    dep, head = deps[i], arrays.heads[i]
    aux = {lowers[c] for c in children[i] if deps[c] in ("aux", "auxpass")}
    if arrays.pos[i] in ("NOUN", "PROPN") and dep in OBJECTS:
        # "would tighten the blockade", "will hold talks": a nominal act is as future as
        # the verb whose object it is
        aux.update(lowers[c] for c in children[head] if deps[c] == "aux")
    elif (arrays.pos[i] in ("NOUN", "PROPN") and dep in ALL_SUBJECTS
          and arrays.lemma_lowers[head] in OCCURRING_VERBS):
        # "talks could resume next month", "the summit may take place in Rome": a nominal
        # act is as possible as its taking place (one that "will take place" is set, and
        # coded as the act, as a meeting scheduled is)
        aux.update(lowers[c] for c in children[head]
                   if deps[c] == "aux" and lowers[c] in POSSIBILITY_AUX)
    elif _shares_mood(tok, arrays):
        # "will hand over their arms and go home", "will fly to Accra to mediate": a
        # coordinated or purpose clause with no subject or modal of its own is as future
        # (or as hypothetical, or as obliged) as the verb it hangs from
        aux.update(lowers[c] for c in children[head]
                   if deps[c] == "aux" and lowers[c] in MODAL_AUX)
    if dep == "ROOT" and "to" in aux and any(deps[c] in SUBJECTS for c in children[i]):
        # a headline's "Germany to send tanks to Ukraine": a main verb in the infinitive
        # tells what is to come
        aux.add("will")
    if _commanded(tok):
        # what one orders another to do is demanded of them, by the one who orders it
        subj = [c for c in children[head] if deps[c] in SUBJECTS]
        return _Mood("asserted", subj[0] if subj else None, True, True)
    threat = intent = doubted = False
    reporter: int | None = None
    reported = False
    governors = _governors(tok.doc, arrays, i, 4)
    for g in governors:
        # (the tag and lemma read from the parse arrays: most governors are ruled out by
        # them, with no Token made)
        tag, lemma = arrays.pos[g], arrays.lemmas[g]
        if tag == "ADJ" and lemma.lower() in INTENT_ADJECTIVES:
            intent = True  # "is willing to send", "ready to talk"
            continue
        if tag == "ADJ" and lemma.lower() in DOUBTED_ADJECTIVES:
            doubted = True  # "is unlikely to attend", "was unable to send aid"
            continue
        if tag in ("VERB", "NOUN") and lemma.lower() in HEARSAY_WORDS and not reported:
            # "is believed to have shelled", "officials think the army shelled", "reports
            # that the army had arrested students": told on others' word
            reported = True
            reporter = next((c for c in children[g] if deps[c] in SUBJECTS), None)
            continue
        if tag == "NOUN" and (lemma.lower() in INTENT_NOUNS
                              or "intent" in lexicon.flags("NOUN", lemma)):
            # "a pledge to provide aid", "announced a plan to release prisoners": what
            # is pledged or planned is not done yet
            intent = True
            continue
        if tag not in ("VERB", "AUX"):
            continue
        if _decision_taken(arrays, g) and not aux & MODAL_AUX:
            # ("decided that talks would resume" still tells what is to come)
            continue
        if lemma.lower() in OBLIGATION_VERBS and dep == "xcomp":
            # "has to withdraw" insists, "needs to talk" advises
            aux.add("must" if lemma.lower() == "have" else lemma.lower())
            continue
        flags = lexicon.flags("VERB", lemma)
        threat = threat or "threat" in flags
        intent = intent or "intent" in flags
        if "report" in flags and not reported:
            reported = True
            reporter = next((c for c in children[g] if deps[c] in SUBJECTS), None)
    # "must be ready to mediate", "should be prepared to talk": the obligation is the
    # governing predicate's
    cur = tok
    # ("must ensure security to allow supplies in": so is that of the act it is for)
    while (cur.dep_ in ("xcomp", "acomp") or _purpose(cur)) and cur.head.i != cur.i:
        cur = cur.head
        aux.update(w for w in _child_words(cur, {"aux"}) if w in OBLIGATION_AUX)
    obliged = bool(aux & OBLIGATION_OR_ADVICE)
    advised = obliged and "must" not in aux
    if obliged and reporter is None:
        reporter = _notice_giver(cur)
    if any(deps[c] == "advmod" and lowers[c] in HEARSAY_WORDS for c in children[i]):
        reported = True  # "reportedly expelled two diplomats", "allegedly beat protesters"
    if threat:
        return _Mood("threatened", reporter, obliged, advised=advised)
    if _permitted(arrays, i, governors):
        # "allowed the opposition to hold a rally": an act let happen is not told as done
        return _Mood("hypothetical", reporter, obliged, advised=advised)
    if (excluder := _excluder(tok)) is not None and "neg" in {c.dep_ for c in excluder.children}:
        # "did not rule out sending troops": an act left possible
        return _Mood("hypothetical", reporter, obliged, advised=advised)
    if doubted or _asked(tok):
        # "Will Iran strike Israel?", "Did Russia poison him?": what a question asks
        # about is neither told as done nor as meant, nor what is unlikely
        return _Mood("hypothetical", reporter, obliged, advised=advised)
    # "would" in reported speech is the future seen from the past: "said they would meet"
    if intent or aux & FUTURE_AUX or (reported and "would" in aux):
        return _Mood("intended", reporter, obliged, advised=advised)
    if reported:
        return _Mood("reported", reporter, obliged, advised=advised)
    if aux & HYPOTHETICAL_AUX or not HYPOTHETICAL_MARKS.isdisjoint(_child_words(tok, {"mark"})):
        return _Mood("hypothetical", reporter, obliged, advised=advised)
    return _Mood("asserted", reporter, obliged, advised=advised)


# Verbs whose complement is an act let happen, not done (word_classes.tsv), and the labels
# by which the act hangs from them ("allowed them to hold a rally", "permitted the march").
PERMITTING_VERBS: Final = word_class("permitting")
PERMITTED_DEPS: Final = {"xcomp", "ccomp", "dobj"}


def _permitted(arrays: ParseArrays, i: int, governors: list[int]) -> bool:
    """Whether the act at ``i`` is one a verb of permitting governing it lets happen
    ("allowed opposition leaders to hold a rally"), through complements only: a verb
    coordinated with it ("allowed the talks and shelled the city") is no act permitted."""
    below = i
    for g in governors:
        if arrays.deps[below] not in PERMITTED_DEPS:
            return False
        if arrays.pos[g] == "VERB" and arrays.lemma_lowers[g] in PERMITTING_VERBS:
            return True
        below = g
    return False


def _asked(tok: Token) -> bool:
    """Whether a word's sentence is a yes-no question: it ends in a question mark and
    opens with its auxiliary ("Will Iran strike back?", "Is China preparing to invade?").
    (A question opened by a question word, "Why did Turkey close the border?", takes the
    act as done.)"""
    arrays = parse_arrays(tok.doc)
    start = arrays.sent_starts[tok.i]
    if arrays.pos[start] != "AUX":
        return False
    # (its last word that is not white space: ``sent.text`` joins every word anew)
    words, last = arrays.words, arrays.sent_ends[tok.i] - 1
    while last > start and not words[last].strip():
        last -= 1
    return words[last].rstrip().endswith("?")


def _pending(tok: Token) -> bool:
    """Whether a negated act is one not done so far ("has not yet released the sailors",
    "still has not signed"), not one refused: no "will" or "would" makes the "not" a
    stance taken ("will still not sign")."""
    words = _child_words(tok, {"advmod", "aux"})
    return (not PENDING_ADVERBS.isdisjoint(words) and FUTURE_AUX.isdisjoint(words)
            and "would" not in words)


# Prepositions by which a verb of agreeing or pledging names the act it pledges ("agreed to
# a ceasefire", "agreed on a truce", "committed to talks").
PLEDGE_PREPS: Final = {"to", "on", "upon"}
STATEMENT_ROOT: Final = "01"


def _decision_taken(arrays: ParseArrays, i: int) -> bool:
    """Whether the verb at ``i`` is one of deciding that tells a decision taken ("decided
    to reopen the border"), which is the act it decides, rather than one still to come
    ("will decide"). Read from the caller's parse arrays: every governing verb of every
    mention is asked this."""
    deps, lowers = arrays.deps, arrays.lowers
    return arrays.lemma_lowers[i] in DECISION_VERBS and not any(
        deps[c] == "aux" and lowers[c] in MODAL_AUX for c in arrays.children[i])


def _pledges_act(verb: Token) -> bool | None:
    """Whether a verb's complement is an act to be done: True for an infinitive, an
    object, a nominal act after "to"/"on" or a "that" clause with "will", "would",
    "should"...; False for a "that" clause stating how things are ("agreed there was a
    need for progress"); None when it has neither."""
    if _has_child(verb, OBJECTS_OR_XCOMP) or any(
            token_pos(o) == "NOUN" and o.ent_type_ not in TIME_ENTITIES
            for p in _children(verb, {"prep"}) if token_lower(p) in PLEDGE_PREPS
            for o in _children(p, {"pobj"})):
        return True
    clauses = _children(verb, {"ccomp"})
    if not clauses:
        return None
    return any(c.dep_ == "aux" and token_lower(c) in MODAL_AUX
               for clause in clauses for v in (clause, *clause.conjuncts) for c in v.children)


def _purpose(tok: Token) -> bool:
    """Whether a verb is an infinitive of purpose with no subject of its own ("sent
    troops to help", "will visit Dakar to mediate")."""
    if tok.dep_ != "advcl" or token_pos(tok) != "VERB":  # (the label first: most words fail)
        return False
    # (the dependents read from the parse arrays in one pass)
    arrays = parse_arrays(tok.doc)
    deps, lowers = arrays.deps, arrays.lowers
    to = False
    for c in arrays.children[tok.i]:
        if deps[c] in ALL_SUBJECTS:
            return False
        if deps[c] == "aux" and lowers[c] == "to":
            to = True
    return to


def _shares_mood(tok: Token, arrays: ParseArrays) -> bool:
    """Whether a verb is a second verb of its governor's clause, with no subject or modal
    of its own: a coordinated verb ("will meet and sign") or an infinitive of purpose
    ("will visit Dakar to mediate")."""
    # (the word's and its head's tags and the word's dependents read from its document's
    # parse arrays, passed in: every mention asks this, and most are ruled out by them)
    i: int = tok.i
    head, deps, lowers = arrays.heads[i], arrays.deps, arrays.lowers
    if arrays.pos[i] != "VERB" or head == i or arrays.pos[head] not in ("VERB", "AUX"):
        return False
    for c in arrays.children[i]:
        if deps[c] in ALL_SUBJECTS or (deps[c] == "aux" and lowers[c] in MODAL_AUX):
            return False
    return deps[i] == "conj" or _purpose(tok)



def _conditional(tok: Token) -> bool:
    """Whether a future or possible act hangs on a condition clause ("will boycott the
    vote unless ...", "may halt its mediation if ...")."""
    aux = set(_child_words(tok, {"aux", "auxpass"}))
    return bool(aux & FUTURE_OR_HYPOTHETICAL_AUX) and any(
        c.dep_ == "advcl" and any(m.dep_ == "mark" and token_lower(m) in CONDITION_MARKS
                                  for m in c.children)
        for c in tok.children)


def _condition_doers(tok: Token) -> list[Token]:
    """Who does what a verb's condition clause tells of ("if Seoul continues the drills",
    "unless the president steps down"): its subject, or the by-agent of a passive."""
    return [s for c in tok.children if c.dep_ == "advcl"
            and any(m.dep_ == "mark" and token_lower(m) in CONDITION_MARKS for m in c.children)
            for s in _subject(c)]


def _pick_entry(tok: Token, lexicon: Lexicon, pos: str, sentence: _Sentence
                ) -> tuple[TriggerEntry, tuple[int, ...]] | None:
    """The first of the lexicon's entries for a word that matches it, and the token
    indices it consumes; ``sentence`` is the word's sentence."""
    arrays = parse_arrays(tok.doc)
    words = _TriggerWords(tok, sentence, arrays)
    lemma = arrays.lemma_lowers[tok.i]
    candidates = lexicon.candidates(pos, lemma)
    unfit = None
    if pos == "VERB" and "intent" in lexicon.flags(pos, lemma):
        # a word of agreeing or pledging pledges an act ("agreed to reopen the border",
        # "agreed to a truce", "agreed that talks would resume"), else states a view
        # ("agreed that calm was badly needed")
        acting = _pledges_act(tok)
        if acting is not None:
            unfit = STATEMENT_ROOT if acting else INTENT_ROOT
    for entry in candidates:
        # (the sentence test here, before the entry's match is called: it rules out most
        # entries with context words, and is the cheapest)
        if ((entry.context and not sentence.possible(entry))
                or (unfit is not None and entry.code[:2] == unfit)):
            continue
        used = _match_entry(words, entry)
        if used is not None:
            return entry, used
    return None


# Named entities whose words never report an act: "Amnesty International", "the Agency for
# Development and Cooperation", "last March", a book title.
NAME_ENTITIES: Final = {"ORG", "DATE", "TIME", "WORK_OF_ART", "LAW", "FAC", "PRODUCT", "PERSON"}


def _object_code(doc: Doc, m: Mention, lexicon: Lexicon, sentence: _Sentence) -> str | None:
    """"staged demonstrations to demand political reforms": a light verb's act takes
    the more specific code its object noun has as a trigger of the same root (1412).
    ``sentence`` is the mention's sentence."""
    if m.code != m.entry.code or len(m.trigger_tokens) < 2:
        return None  # (most triggers are one word: no object noun to read)

    def more_specific(code: str) -> bool:
        return code[:2] == m.code[:2] and code.startswith(m.code) and code != m.code

    arrays = parse_arrays(doc)
    for i in m.trigger_tokens:
        if i != m.trigger and arrays.pos[i] == "NOUN":
            # (most nouns have no entry of a more specific code: then none is picked)
            if not any(more_specific(e.code)
                       for e in lexicon.candidates("NOUN", arrays.lemma_lowers[i])):
                continue
            picked = _pick_entry(doc[i], lexicon, "NOUN", sentence)
            if picked is not None and more_specific(picked[0].code):
                return picked[0].code
    return None


def _in_name(tok: Token) -> bool:
    """Whether a capitalised noun is a word of a name rather than a nominal event: "March"
    in a date or "Cooperation" in an agency's name is no march and no cooperation."""
    # (read from the parse arrays: every noun trigger asks)
    arrays = parse_arrays(tok.doc)
    return arrays.pos[tok.i] == "PROPN" and arrays.ent_types[tok.i] in NAME_ENTITIES


# Roots of acts whose object is an act wanted, offered, refused or threatened, not done:
# appeals, intentions, demands, rejections, threats.
CONTENT_ROOTS: Final = {"02", "03", "10", "12", "13"}
# Praise (05) and disapproval (11): spoken judgements of a deed, which its judge did not do.
JUDGING_ROOTS: Final = {"05", "11"}
# Verbs of fending off an armed act: their subject is its target, not its doer
# (word_classes.tsv).
FENDING_VERBS: Final = word_class("fending")
# The verbs that fend off an armed act only with their particle ("shoot down").
FENDING_PHRASAL: Final = frozenset(v.split()[0] for v in FENDING_VERBS if " " in v)
# What is fired or launched at a target by itself: what a fending verb fends off
# (word_classes.tsv).
PROJECTILES: Final = word_class("projectile")


def fends(verb: Token) -> bool:
    """Whether a verb fends off an armed act ("intercepted", "shot down"): its subject is
    the act's target, not its doer."""
    return token_pos(verb) == "VERB" and _fends(verb.doc, token_lemma_lower(verb), verb.i)


def _fends(doc: Doc, lemma: str, i: int) -> bool:
    """Whether the verb at ``i`` (of ``lemma``) fends off an armed act ("intercepted a
    rocket", "shot down a missile"; not "shot a protester")."""
    return lemma in FENDING_VERBS or (lemma in FENDING_PHRASAL and any(
        f"{lemma} {token_lower(c)}" in FENDING_VERBS for c in _children(doc[i], {"prt"})))
# Hosting (043) and mediating (045): a third party's part in a deed between others.
BROKERING_CODES: Final = {"043", "045"}
REDUCE_ROOT: Final = "16"  # reducing relations: cutting, halting, suspending


def _content_objects(verb: Token) -> list[Token]:
    """The nouns a verb's object and prepositional objects are ("called for sanctions",
    "urged talks"), with their coordinated nouns, and what those ask for ("rejected a
    proposal for a truce")."""
    heads = _children(verb, OBJECTS) + [o for p in _children(verb, {"prep"})
                                        for o in _children(p, {"pobj"})]
    heads += [o for h in heads if token_pos(h) == "NOUN" for p in _children(h, {"prep"})
              if token_lower(p) == "for" for o in _children(p, {"pobj"})]
    return [t for h in heads for t in (h, *h.conjuncts)]


# CAMEO roots: intentions to cooperate (03), and the first of the hostile roots (09-20).
INTENT_ROOT: Final = "03"
OPTIMISM: Final = "013"  # "hoped the talks would succeed"
CONSIDER: Final = "014"  # "is considering sanctions"
HOSTILE_ROOT: Final = "09"


def sentence_mentions(sent: Span, lexicon: Lexicon) -> list[Mention]:
    """Every event mention in one parsed sentence."""
    return mentions_between(sent.doc, sent.start, sent.end, lexicon)


def mentions_between(doc: Doc, sent_start: int, sent_end: int, lexicon: Lexicon) -> list[Mention]:
    """:func:`sentence_mentions` of the sentence ``doc[sent_start:sent_end]``, by its
    bounds (the coding stage reads them from the parse arrays: no Span is made)."""
    verb_lemmas = lexicon.lemmas("VERB")
    noun_lemmas = lexicon.lemmas("NOUN")
    adj_lemmas = lexicon.lemmas("ADJ")
    found: list[Mention] = []
    consumed: set[int] = set()
    span = (sent_start, sent_end)
    verbs: list[Token] = []
    adjectives: list[Token] = []
    nouns: list[Token] = []
    arrays = parse_arrays(doc)
    upos, lemmas = arrays.pos, arrays.lemmas
    # (where the entries tried on its words look for their context words first)
    sentence = _Sentence(doc, arrays, sent_start, sent_end)
    token = sentence.token
    # read from the parse arrays: this looks at every word of every sentence, and only
    # the few with a lexicon entry become Token objects
    # (each word's tag taken from a slice of the column as the loop's own item, not
    # indexed: most words are no verb, noun or adjective, and the tag is all they need)
    for i, pos in enumerate(upos[sent_start:sent_end], sent_start):
        if pos in ("VERB", "AUX"):
            if arrays.lemma_lowers[i] in verb_lemmas:
                verbs.append(token(i))
        elif pos in ("NOUN", "PROPN"):
            if arrays.lemma_lowers[i] in noun_lemmas:
                nouns.append(token(i))
        elif pos == "ADJ" and arrays.deps[i] == "acomp" and arrays.lemma_lowers[i] in adj_lemmas:
            adjectives.append(token(i))
    reports: list[Token] = []
    for tok in verbs:  # verbs first: their objects may be nominal triggers themselves
        if _modifier(tok) or tok.i in consumed:
            # ("would not meet hostage-takers demands": a noun the parser took for a
            # verb is the earlier trigger's object, no trigger of its own)
            continue
        picked = _pick_entry(tok, lexicon, "VERB", sentence)
        if picked is None:
            continue
        entry, used = picked
        if (entry.particle is None and token_lemma_lower(tok) in FENDING_PHRASAL
                and _fends(doc, token_lemma_lower(tok), tok.i)
                and any(token_lemma_lower(o) in PROJECTILES for o in _children(tok, OBJECTS))):
            # "shot down a missile": the phrase fends off the missile's attack, no shooting
            # of the bare verb's ("shot down a bomber" is still force used)
            continue
        consumed.update(used)
        # "went on strike", "went on a rampage": the noun that spells out the verb's
        # phrase is that act, no act of its own (no air strike)
        consumed.update(_phrase_nouns(tok, entry))
        if entry.code.startswith(REDUCE_ROOT):
            # "ended mediation efforts", "froze aid programmes": what is cut off or halted
            # is named by its object's compound too, no act of its own
            # (read from the parse arrays: no Token is needed)
            consumed.update(c for i in used if upos[i] == "NOUN"
                            for c in arrays.children[i] if arrays.deps[c] == "compound")
        if "report" in entry.flags:
            reports.append(tok)
            continue  # a neutral "said" is not an event; its complement is coded instead
        sources = _subject(tok) or _implied_agent(tok, noun_lemmas, verb_lemmas)
        if not sources and _is_passive(tok):
            # "talks between Israel and Syria were held in Ankara": an act told in the
            # passive with no agent is done by the parties its subject's "between"
            # phrase names
            sources = next((parties for s in _passive_subjects(tok)
                            if len(parties := _between_parties(s)) > 1), [])
        if entry.code.startswith(COERCE_ROOT) and _commanded(tok):
            # "ordered the newspaper to suspend publication": a restriction someone is
            # made to carry out on themselves is the one who orders it
            sources = _children(tok.head, SUBJECTS) or sources
        m = _mention(tok, entry, used, sources, lexicon, span)
        topical = _object_code(doc, m, lexicon, sentence)
        found.append(replace(m, code=topical) if topical else m)
    for tok in adjectives:
        # "said he was pessimistic about the talks": a predicate adjective of stance
        picked = _pick_entry(tok, lexicon, "ADJ", sentence)
        if picked is not None:
            found.append(_mention(tok, *picked, _subject(tok), lexicon, span))
    # "called for sanctions", "urged talks", "demanded a truce", "rejected talks": the
    # act a speaker asks for, offers or refuses is not done by anyone yet; nor is one
    # only considered ("is considering sanctions", "is considering giving money": the
    # considering is the event)
    considering = {m.trigger for m in found if m.code.startswith(CONSIDER)}
    if considering:  # (most sentences consider nothing: no governors to look up)
        found = [m for m in found if upos[m.trigger] != "VERB" or not any(
            g in considering for g in _governors(doc, arrays, m.trigger, 2))]
    # what each appeal or demand asks for, and each rejection refuses: "asked Portugal
    # for military aid", "rejected an offer of mediation"
    asked: dict[int, list[str]] = {}
    content: dict[int, int] = {}  # the nouns asked for, offered or refused -> by whom
    askers: set[int] = set()
    judging: set[int] = set()
    brokering: set[int] = set()
    # (the acts found so far sorted in one pass: most sentences have none, or one)
    for m in found:
        root = m.code[:2]
        if root in CONTENT_ROOTS or m.code.startswith(CONSIDER):
            for o in _content_objects(token(m.trigger)):
                content[o.i] = m.trigger
        if root in ASKING_ROOTS:
            askers.add(m.trigger)
        if root in JUDGING_ROOTS and "speech" in m.entry.flags:
            judging.add(m.trigger)
        # (only a brokering done: "ready to host a meeting between" offers what its
        # parties have not agreed to)
        if m.code in BROKERING_CODES and m.modality in ("asserted", "reported"):
            brokering.add(m.trigger)
    if nouns:
        # "intercepted a rocket fired from Lebanon", "repelled an attack on the base": who
        # fends off an armed act did not do it (read only when there are nouns to read)
        judging.update(i for i in range(sent_start, sent_end)
                       if upos[i] == "VERB" and _fends(doc, arrays.lemma_lowers[i], i))
    judges, brokers = frozenset(judging), frozenset(brokering)
    for tok in nouns:
        if tok.i in content and tok.i not in consumed and content[tok.i] in askers:
            wanted = _pick_entry(tok, lexicon, "NOUN", sentence)
            if wanted is not None:
                asked.setdefault(content[tok.i], []).append(wanted[0].code)
        if (tok.i in consumed or tok.i in content or _in_name(tok) or _cleared_of(tok)
                or _role_of(tok, found) or _yielded_to(tok, found)
                or _qualifies_object(tok, found)):
            continue
        picked = _pick_entry(tok, lexicon, "NOUN", sentence)
        if picked is None:
            continue
        entry, used = picked
        if entry.code.startswith(PROTEST_ROOT) and _names_a_kind(tok):
            continue  # "riot police detained protesters": no riot
        if _told_again(tok, entry.code, found):
            continue  # "freed two hostages in a prisoner swap": one release
        consumed.update(used)  # "the lifting of martial law": the law is no imposition
        # "condemned the arrest of a journalist", "welcomed the release of the hostages":
        # who judges an act did not do it
        sources = _noun_source(tok, judges, sent=entry.code[:2] in SENT_ROOTS
                               and "from" not in entry.target)
        death = _death_by(tok) if entry.code[:2] in VIOLENT_ROOTS else None
        if death is not None and not sources:
            # "died under torture in police custody": whoever held the dead did it
            sources = _custodians(death)
        if (not sources and entry.specificity > 0 and entry.code[:2] not in VIOLENT_ROOTS
                and not _commented_on(tok, found) and not _governed_by(tok, judges)):
            # a specific nominal pattern ("the declaration of the ambassador persona non
            # grata") with no doer of its own: the actor named before it in the sentence
            # (never a date: "on the first day of the strike"). Not for violence: "Israel
            # said a rocket was launched at it" names its victim first, and a deed with
            # no doer named is left to the unidentified-attacker reading
            # (the words before it read from the parse arrays, from the nearest back)
            before = next((j for j in range(tok.i - 1, sent_start - 1, -1)
                           if upos[j] in ("PROPN", "NOUN")
                           and arrays.deps[j] in ("pobj", "nsubj", "nsubjpass", "dobj")
                           and arrays.ent_types[j] not in TIME_ENTITIES
                           and lemmas[j] not in TIME_WORDS), None)
            sources = [doc[before]] if before is not None else []
        # "mediated talks between Israel and Hamas", "hosted talks between the government
        # and the rebels": a deed brokered between parties is theirs, not the broker's
        brokered = _governed_by(tok, brokers) and len(_between_parties(tok)) > 1
        parties = (_between_parties(tok) if brokered or (not sources and "between" in entry.target)
                   else [])
        if parties and (brokered or tok.dep_ in ("nsubj", "nsubjpass")):
            # "clashes between the army and the rebels erupted", "a ceasefire between the
            # government and the guerrillas took effect": an event the clause is about,
            # with no doer of its own, is done by the first party named to the others (not
            # one told as a cause or a purpose: "closed the border because of fighting
            # between X and Y")
            m = _mention(tok, entry, used, parties[:1], lexicon, span)
            found.append(replace(m, sources=(parties[0].i,),
                                 targets=tuple(t.i for t in parties[1:])))
            continue
        m = _mention(tok, entry, used, sources, lexicon, span)
        held = _held_on(tok, found) if entry.code.startswith(ACCUSE_ROOT) else None
        if held is not None:
            # "jailed 52 activists on allegations of treason", "arrested him on charges
            # of spying": the charges one acts on against someone are one's accusation
            # of them
            m = replace(m, sources=held.sources, targets=held.targets)
        if death is not None:
            # the violence someone died of was done to them, and killed them (1823)
            m = replace(m, code=KILLING if m.code.startswith(TORTURE) else m.code,
                        targets=m.targets or tuple(t.i for t in _children(death, SUBJECTS)))
        found.append(m)
    if not found and not reports:
        # (most sentences tell of no act: each step below would only pass on nothing)
        return []
    found += _charged_with(found, doc, lexicon, sentence)
    found += _bare_demands(reports, found, lexicon, span)
    duties = _stated_duties(reports, found, lexicon, span)
    owed = {i for _, inside in duties for i in inside}
    found = [m for m in found if m.trigger not in owed] + [d for d, _ in duties]
    # "will withdraw unless the president arranges a ceasefire": a condition is not done
    found = [m for m in found if not _in_condition(arrays, m.trigger)]
    # "will retaliate against any country that seizes its assets": nor is a deed told of
    # anyone of a kind
    found = [m for m in found if not _of_anyone(arrays, m.trigger)]
    found = [m for m in _tolls(_means_codes(_kinds_of(found, doc), doc), doc)
             if not _accidental(m, doc) and not _figurative(m, doc)
             and not _sporting(m, doc)]
    found = [_forces_moved(_state_bombing(_official_protest(_rioting(m, doc), doc), doc), doc)
             for m in found]
    # "plans to impose restrictions", "vowed not to return the Golan": a bare intention
    # whose complement is a hostile act is that act intended or threatened (its own
    # mention says so), not an intention to cooperate, whatever topic its clause names
    # ("pledged to expel the exiles as a condition of the agreement")
    # (nor is hoping that officials will be indicted optimism about them)
    # ("decided to reopen the border": a decision taken is the act it decides, told
    # by that act's own mention)
    hostile = {m.trigger for m in found if m.code[:2] >= HOSTILE_ROOT or m.negated}
    acts = {m.trigger for m in found}
    # (the complements read from the parse arrays)
    deps, children = arrays.deps, arrays.children
    found = [m for m in found if not (
        (m.code == OPTIMISM
         or (m.code.startswith(INTENT_ROOT) and _intends(token(m.trigger), lexicon)))
        and any(deps[c] in ("xcomp", "ccomp") and (c in hostile or (
            c in acts and _decision_taken(arrays, m.trigger)) or (
            # ("vowed not to return the Golan": a pledge to withhold, whatever the act)
            m.code.startswith(INTENT_ROOT) and any(deps[n] == "neg" for n in children[c])))
                for c in children[m.trigger]))]
    found = _merge_threats(found, doc)
    found = _readied(found, doc)
    # "opened fire to disperse the demonstrators": violence used for a forceful end is one
    # deed, the one done, aimed at whom its end names; what it was for is its aim
    violent = {m.trigger for m in found if m.code[:2] in VIOLENT_ROOTS}
    found = [m for m in found if not (
        m.code[:2] in FORCE_ROOTS and arrays.heads[m.trigger] in violent
        and _purpose(token(m.trigger)))]
    # "demonstrated calling for independence", "staged a strike to demand reforms": what
    # a protest demands is the protest's own cause, not a second event; so is what a
    # blockade or an attack is done to demand ("will blockade the capital to demand")
    protests = {i for m in found if m.code.startswith(PROTEST_ROOT) or m.code[:2] in FORCE_ROOTS
                for i in (m.trigger, *(t.i for t in _light_verb(token(m.trigger))))}
    # ("blocked a bridge to voice their anger at the new tax": so is what it voices)
    found = [m for m in found if not (
        m.code[:2] in CAUSE_ROOTS and any(
            _voiced_by(v, protests)
            for v in (token(m.trigger), *_light_verb(token(m.trigger)))))]
    # "held a march to protest the new tax", "prevented a rally organized to protest the
    # budget": the protest a protest is held for is that protest told again
    # (only a sentence with a protest verb needs its rally nouns)
    if any(m.code.startswith(PROTEST_ROOT) and upos[m.trigger] == "VERB" for m in found):
        # (the sentence's nouns read from the parse arrays, with no Token made for each)
        rallies = [j for j in range(sent_start, sent_end) if upos[j] == "NOUN" and any(
            e.code.startswith(PROTEST_ROOT)
            for e in lexicon.candidates("NOUN", arrays.lemma_lowers[j]))]
        staged = {m.trigger for m in found if m.code.startswith(PROTEST_ROOT)}
        staged |= {arrays.heads[n] for n in rallies if arrays.deps[n] in OBJECTS}
        staged |= {c for n in rallies for c in arrays.children[n] if arrays.deps[c] == "acl"}
        found = [m for m in found if not (
            m.code.startswith(PROTEST_ROOT) and upos[m.trigger] == "VERB"
            and _voiced_by(token(m.trigger), staged - {m.trigger}))]
    # "was arrested for rioting during a G8 summit": a meeting named as the time of
    # another deed dates that deed; it is not told as news of its own
    found = [m for m in found if not (
        m.code.startswith(CONSULT_ROOT) and m.entry.pos == "NOUN"
        and m.entry.lemma in DATING_MEETINGS
        and arrays.deps[m.trigger] == "pobj"
        and arrays.lowers[arrays.heads[m.trigger]] == "during")]
    # "accused Qatar of backing militant groups": what an accusation charges is alleged,
    # not told as done (the accusation is the event)
    # (and what is called off, prevented or warned against, what one has the right to
    # do, and, "a draft that aims to impose an arms
    # embargo", what something aims at, neither done nor yet threatened: one pass, one
    # Token a mention)
    # (a denial is aimed first, while the deed an accusation alleges, "denied accusations
    # that it had shelled the villages", is still at hand to say at whom)
    found = _denied(found, doc)
    found = [m for m in found if not (_alleged(head := token(m.trigger)) or _called_off(head)
                                      or _aimed_at(head) or _prevented(head)
                                      or _warned_against(head) or _entitled_to(head))]
    found = _stopped(found, doc)
    # a stance taken on something ("pessimistic about resuming talks") is asked for too
    appeals: set[int] = set()
    askers = set()
    refusing: set[int] = set()
    for m in found:  # (one pass: most sentences have one act or two)
        root = m.code[:2]
        if root in APPEAL_ROOTS or m.entry.pos == "ADJ":
            appeals.add(m.trigger)
        if root in ASKING_ROOTS:
            askers.add(m.trigger)
        if root == REJECT_ROOT:
            refusing.add(m.trigger)
    refusals = frozenset(refusing)
    kept: list[Mention] = []
    asked_targets: dict[int, list[tuple[int, ...]]] = {}
    asking = bool(appeals or refusals or askers)  # (most sentences ask for nothing)
    for m in found:
        word = token(m.trigger)
        appeal = None
        if asking:  # (with nothing asked or refused, nothing is asked for)
            appeal = _asked_for(word, appeals, refusals)
            if appeal is None:
                appeal = _purpose_of(word, askers)
        if appeal is None:
            # "seeking to mend ties with China": an aim, no appeal
            if not (m.code.startswith(APPEAL_ROOT) and _means_to(word, lexicon) or _wished(word)):
                kept.append(m)
        elif not m.negated or appeal in refusals:  # what is refused reads as negated
            asked.setdefault(appeal, []).append(m.code)
            asked_targets.setdefault(appeal, []).append(m.targets)
    return [replace(m, asked=tuple(asked[m.trigger]),
                    asked_targets=tuple(asked_targets.get(m.trigger, ())))
            if m.trigger in asked else m for m in kept]


DENIAL: Final = "016"


def _denied(found: list[Mention], doc: Doc) -> list[Mention]:
    """A denial of one's own deed ("Kosovo denied that its police had raided Serb villages",
    "the army denied using chemical weapons against civilians") is aimed at whom the
    deed denied would have been done to, not at the denier itself: its target is then that
    deed's mention's target. (A clause about another, "denied that Iran had sent troops",
    keeps that other.)"""
    if not any(m.code == DENIAL for m in found):
        return found  # (most sentences deny nothing)
    deeds = {m.trigger: m for m in found}
    out: list[Mention] = []
    for m in found:
        word = doc[m.trigger]
        if m.code == DENIAL and token_pos(word) == "VERB" and len(m.targets) == 1:
            aimed = doc[m.targets[0]]
            # the clause denied: the target itself ("denied using"), or the clause whose
            # subject is a pronoun that refers back ("denied that it had sent"), or the
            # denier's own ("denied that its police had raided")
            own = token_pos(aimed) == "PRON" or any(
                c.dep_ == "poss" and token_lower(c) in POSSESSIVE_PRONOUNS for c in aimed.children)
            clause = aimed if aimed.i in deeds else (
                aimed.head if aimed.dep_ == "nsubj" and own else None)
            deed = deeds.get(clause.i) if clause is not None and clause.i != m.trigger else None
            if clause is not None and deed is not None and deed.targets and (
                    clause.head.i == m.trigger and clause.dep_ in ("ccomp", "xcomp")
                    # "rejected accusations that it had fired rockets at Israel", "denied
                    # reports that its police had raided": the clause of the claim denied
                    or clause.dep_ == "acl" and clause.head.head.i == m.trigger
                    and clause.head.dep_ in OBJECTS):
                m = replace(m, targets=deed.targets)
        out.append(m)
    return out


THREAT_ROOT: Final = "13"
REJECT_ROOT: Final = "12"
POSTURE_ROOT: Final = "15"
# Verbs of getting ready for an act (word_classes.tsv).
READYING_VERBS: Final = word_class("readying")


def _readied(found: list[Mention], doc: Doc) -> list[Mention]:
    """Readying forces for an attack is a show of force (15) at whom the attack would
    fall; the attack readied ("the army prepared to resume shelling the rebel-held
    villages") is not done, and is no event of its own."""
    arrays = parse_arrays(doc)
    postures = {m.trigger: m for m in found if m.code.startswith(POSTURE_ROOT)
                and arrays.lemma_lowers[m.trigger] in READYING_VERBS}
    if not postures:
        return found
    absorbed: dict[int, tuple[int, ...]] = {}  # posture trigger -> the readied act's targets
    kept: list[Mention] = []
    for m in found:
        readier = next((g for g in _governors(doc, arrays, m.trigger, 3) if g in postures),
                       None)
        if readier is not None and m.code[:2] in VIOLENT_ROOTS:
            absorbed.setdefault(readier, m.targets)
        else:
            kept.append(m)
    return [replace(m, targets=absorbed[m.trigger]) if m.trigger in absorbed and not m.targets
            else m for m in kept]


def _wished(tok: Token) -> bool:
    """Whether a verb is the act of a "for" clause with a subject of its own ("is pushing
    hard for Japan to back the plan", "waited for the rebels to disarm"): an act wished
    for by whoever governs the clause, not one told as done."""
    # (read from the parse arrays: every mention kept is asked, and no Token is needed)
    arrays = parse_arrays(tok.doc)
    deps, lowers, i = arrays.deps, arrays.lowers, tok.i
    return (arrays.pos[i] == "VERB" and deps[i] in ("advcl", "ccomp", "acl")
            and any(deps[c] in SUBJECTS for c in arrays.children[i])
            and any(deps[c] == "mark" and lowers[c] == "for" for c in arrays.children[i]))


def _governed_by(tok: Token, verbs: frozenset[int]) -> bool:
    """Whether a nominal event is the object of one of ``verbs`` (a verb of judgement:
    "welcomed the release of the hostages"; a broker's: "mediated talks between")."""
    governor = _governing_verb(_phrase_head(tok))
    return governor is not None and governor.i in verbs


def _commented_on(tok: Token, found: list[Mention]) -> bool:
    """Whether a word lies in the clause a comment is about ("hoped the lifting of the
    curfew would calm the city", "was pessimistic that the release of the hostages would
    come soon"): the one who comments on an act does not do it."""
    doc = tok.doc
    return any(m.code.startswith(STATEMENT_ROOT) and c.left_edge.i <= tok.i <= c.right_edge.i
               for m in found for c in doc[m.trigger].children if c.dep_ in ("ccomp", "xcomp"))


def _merge_threats(found: list[Mention], doc: Doc) -> list[Mention]:
    """"threatened to hold a general strike", "threatened to storm his residence": a
    threat and the act it threatens are one event: the threat, with its own doer and
    target, takes the act as what it threatens (its code)."""
    if not any(m.code.startswith(THREAT_ROOT) for m in found):
        return found  # (most sentences threaten nothing)
    by_trigger = {m.trigger: m for m in found}
    contents: dict[int, Mention] = {}
    for m in found:
        if not m.code.startswith(THREAT_ROOT) or "threat" not in m.entry.flags or m.negated:
            continue
        for clause in _children(doc[m.trigger], {"xcomp"}):
            # the act is the clause's verb, or the object of its light verb ("to hold a
            # strike")
            act = by_trigger.get(clause.i) or next(
                (by_trigger[o.i] for o in _children(clause, OBJECTS) if o.i in by_trigger), None)
            if act is not None and act.modality == "threatened" and not act.negated:
                contents[m.trigger] = act
                break
    merged = {c.trigger for c in contents.values()}
    return [replace(m, asked=(c.code,))
            if (c := contents.get(m.trigger)) is not None else m
            for m in found if m.trigger not in merged]


def _of_anyone(arrays: ParseArrays, i: int) -> bool:
    """Whether the word at ``i`` heads a relative clause on anyone of a kind ("any country
    that seizes Russian assets", "anyone who attacks us"): a deed supposed, not done."""
    if arrays.deps[i] != "relcl":
        return False
    head = arrays.heads[i]
    return arrays.lowers[head] in ANYONE_WORDS or any(
        arrays.deps[c] == "det" and arrays.lowers[c] in ANYONE_WORDS
        for c in arrays.children[head])


def _in_condition(arrays: ParseArrays, i: int) -> bool:
    """Whether the word at ``i`` is in a clause of condition ("unless Israel rescinds the
    annexation", "if the talks fail")."""
    # read from the caller's parse arrays: this walks up from every mention of every
    # sentence
    while arrays.heads[i] != i:
        if arrays.deps[i] == "advcl" and any(arrays.deps[c] == "mark"
                                             and arrays.lowers[c] in CONDITION_MARKS
                                             for c in arrays.children[i]):
            return True
        i = arrays.heads[i]
    return False


# The entry of a demand read off a statement that someone must act, when what they must do
# is no act the lexicon knows ("declared that China must drop its trade barriers").
OBLIGED_DEMAND: Final = TriggerEntry(code="100", pos="VERB", lemma="-", particle=None,
                                     objects=frozenset(), context=(), target=("obj",),
                                     flags=frozenset({"speech"}), neg_code=None,
                                     origin="rule: a statement that someone must act")
OBLIGED_APPEAL: Final = "020"  # the code of one that says someone should act


def _obligation(clause: Token) -> set[str]:
    """The words by which a complement clause says its subject must act ("that China
    must drop", "the rebels should disarm", "Japan needs to open"); empty if it does not."""
    if token_pos(clause) not in ("VERB", "AUX"):
        return set()
    words = {w for w in _child_words(clause, {"aux"}) if w in OBLIGATION_AUX}
    if (token_lemma_lower(clause) in OBLIGATION_VERBS and _has_child(clause, {"xcomp"})
            and not any(c.dep_ == "aux" and token_lower(c) in HYPOTHETICAL_AUX
                        for c in clause.children)):
        # ("NATO would need to remain strong" is a forecast, no call on NATO)
        words.add("must" if token_lemma_lower(clause) == "have" else "need")
    return words


def _bare_demands(reports: list[Token], found: list[Mention], lexicon: Lexicon,
                  span: tuple[int, int]) -> list[Mention]:
    """Demands made by saying that someone else must act, where what they must do is no
    trigger of its own: the speaker demands it of the clause's subject, and the acts the
    clause names are what is asked for. (A clause whose own act is a trigger is coded from
    that trigger, as an obliged act.)"""
    out: list[Mention] = []
    for verb in reports:
        for clause in _children(verb, {"ccomp"}):
            obligation = _obligation(clause)
            if not obligation:
                continue
            inside = {t.i for t in clause.subtree}
            if any(m.obliged and m.trigger in inside for m in found):
                continue
            speaker, doer = _subject(verb), _children(clause, SUBJECTS)
            if not speaker or not doer:
                continue
            mood = _modality(verb, lexicon)
            out.append(Mention(
                trigger=verb.i, trigger_tokens=(verb.i,), entry=OBLIGED_DEMAND,
                # advice ("should", "needs to") is an appeal, not a demand
                code=OBLIGED_DEMAND.code if "must" in obligation else OBLIGED_APPEAL,
                sources=_expand_conjuncts(speaker),
                targets=_expand_conjuncts(doer), negated=_negated(verb), modality=mood.modality,
                reporter=mood.reporter, sentence=span,
                asked=tuple(m.code for m in found if _within(verb.doc[m.trigger], clause))))
    return out


def _stated_duties(reports: list[Token], found: list[Mention], lexicon: Lexicon,
                   span: tuple[int, int]) -> list[tuple[Mention, set[int]]]:
    """Demands made by stating a duty someone has ("stressed the obligation of the world
    to lift the sanctions"): the speaker demands of them the acts the duty's clause names,
    which are not done by anyone (the tokens of that clause come with each demand)."""
    out: list[tuple[Mention, set[int]]] = []
    for verb in reports:
        for duty in _children(verb, OBJECTS):
            word = DUTY_NOUNS.get(token_lemma_lower(duty))
            # (the parser may hang the duty's infinitive on the verb: "stressed the duty of
            # Uganda to hand over the suspects")
            clauses = [c for c in (*_children(duty, {"acl", "advcl"}), *_children(verb, {"xcomp"}))
                       if token_pos(c) == "VERB"
                       and any(a.dep_ == "aux" and token_lower(a) == "to" for a in c.children)]
            # whose duty it is: "of Iraq", "for Iraq", or "for Iraq to" as a clause subject
            doer = [o for p in _children(duty, {"prep"}) if token_lower(p) in ("of", "for")
                    for o in _children(p, {"pobj"})] or [
                s for c in clauses if any(m.dep_ == "mark" and token_lower(m) == "for"
                                          for m in c.children)
                for s in _children(c, SUBJECTS)]
            speaker = _subject(verb)
            if word is None or not clauses or not doer or not speaker:
                continue
            inside = {t.i for c in clauses for t in c.subtree}
            mood = _modality(verb, lexicon)
            # ("the need for Iran to talk" is advice, an appeal)
            out.append((Mention(
                trigger=verb.i, trigger_tokens=(verb.i, duty.i), entry=OBLIGED_DEMAND,
                code=OBLIGED_DEMAND.code if word == "must" else OBLIGED_APPEAL,
                sources=_expand_conjuncts(speaker), targets=_expand_conjuncts(doer),
                negated=_negated(verb), modality=mood.modality, reporter=mood.reporter,
                sentence=span, asked=tuple(m.code for m in found if m.trigger in inside)),
                inside))
    return out


# Nouns of a duty someone has ("the obligation of Iraq to disarm"), and whether saying it
# insists ("must") or advises ("need").
DUTY_NOUNS: Final = {"obligation": "must", "duty": "must", "need": "need"}


# Links by which an act belongs to what a clause says must be done, not to a side remark
# on it ("must hand over the suspects as he embarked on a trip": the trip is no demand).
ASKED_DEPS: Final = {"xcomp", "conj", "dobj", "obj", "prep", "pobj", "compound"}


def _within(tok: Token, clause: Token) -> bool:
    """Whether a word is the clause's head or reaches it only through its objects,
    complements and coordinated verbs."""
    while tok.i != clause.i:
        if tok.dep_ not in ASKED_DEPS or tok.head.i == tok.i:
            return False
        tok = tok.head
    return True


PROTEST_ROOT: Final = "14"
CONSULT_ROOT: Final = "04"
# Meetings that other news is dated by; talks and visits so named are still coded
# (word_classes.tsv).
DATING_MEETINGS: Final = word_class("dating_meeting")
# Verbs that free someone of a charge: that accuses no one (word_classes.tsv).
CLEARING_VERBS: Final = word_class("clearing")


def _modifier(tok: Token) -> bool:
    """Whether an "-ing" form is a participle describing the noun after it, whatever the
    parse: after a determiner or possessive ("Spain's visiting King Felipe", "the
    visiting delegation") it tells who someone is, not what the sentence reports."""
    # (the tags read from the parse arrays: every verb trigger asks, and no Token is
    # needed for the word before it)
    tags, i = parse_arrays(tok.doc).tags, tok.i
    return tags[i] == "VBG" and i > 0 and tags[i - 1] in ("DT", "POS", "PRP$", "WP$")


def _between_parties(tok: Token) -> list[Token]:
    """The coordinated parties of an event noun's own "between" phrase ("clashes between
    X and Y"), first named first; none when it names only one. An event noun that is the
    subject of an objectless verb may have its "between" hung on that verb ("clashes
    erupted on Saturday between the army and the rebels"): the verb only tells that it
    happened, so the phrase is the noun's."""
    holders = [tok]
    head = tok.head
    if (tok.dep_ in ("nsubj", "nsubjpass") and token_pos(head) in ("VERB", "AUX")
            and not _has_child(head, OBJECTS)):
        holders.append(head)
    for holder in holders:
        for obj in _prep_objects(holder, "between"):
            if obj.conjuncts:
                return [obj, *obj.conjuncts]
    return []


def _prep_verb(arrays: ParseArrays, prep: int) -> int:
    """The position of the verb the phrase of the preposition at ``prep`` tells of: the
    parser hangs the preposition on the verb or on the verb's object ("acquitted the
    minister of ...", "accused Qatar of ...", "prevented Israel from ...", "warned
    Washington against ..."). Read from the parse arrays: its callers read only the
    verb's tag and lemma."""
    head = arrays.heads[prep]
    return arrays.heads[head] if arrays.deps[head] in OBJECTS else head


def _cleared_of(tok: Token) -> bool:
    """Whether a nominal act is what someone was cleared of ("cleared him of all charges")."""
    # (read from the parse arrays: every noun trigger asks, and no Token is needed)
    arrays = parse_arrays(tok.doc)
    deps, heads = arrays.deps, arrays.heads
    dep, head = deps[tok.i], heads[tok.i]
    if dep in OBJECTS:
        # a misparse of "acquitted X of charges"
        return arrays.lemma_lowers[head] in CLEARING_VERBS
    prep = head
    if dep != "pobj" or arrays.lowers[prep] != "of":
        return False
    return arrays.lemma_lowers[_prep_verb(arrays, prep)] in CLEARING_VERBS


def _role_of(tok: Token, found: list[Mention]) -> bool:
    """Whether a nominal trigger is only the role a coded verb puts its object in
    ("used civilians as human shields"): the verb's mention tells the act."""
    # (read from the parse arrays: every noun trigger asks, and no Token is needed)
    arrays = parse_arrays(tok.doc)
    prep = arrays.heads[tok.i]
    return (arrays.deps[tok.i] == "pobj" and arrays.lowers[prep] == "as"
            and any(m.trigger == arrays.heads[prep] for m in found))


# Nouns a protest word may name the kind of (word_classes.tsv).
PROTEST_KINDS: Final = word_class("protest_kind")


def _names_a_kind(tok: Token) -> bool:
    """Whether a protest noun only says what kind of force, gear or person its head is
    ("riot police", "riot gear", "protest leaders"): no protest is told."""
    # (read from the parse arrays: no Token is needed)
    arrays = parse_arrays(tok.doc)
    return (arrays.deps[tok.i] == "compound"
            and arrays.lemma_lowers[arrays.heads[tok.i]] in PROTEST_KINDS)


def _qualifies_object(tok: Token, found: list[Mention]) -> bool:
    """Whether a nominal trigger only says what kind of thing a coded verb's object is
    ("violating the ceasefire agreement"): the verb's mention tells the act."""
    # (read from the parse arrays: every noun trigger asks, and no Token is needed)
    arrays = parse_arrays(tok.doc)
    head = arrays.heads[tok.i]
    return (arrays.deps[tok.i] == "compound" and arrays.deps[head] in OBJECTS
            and any(head in m.trigger_tokens and m.trigger != head for m in found))


def _told_again(tok: Token, code: str, found: list[Mention]) -> bool:
    """Whether a nominal trigger is the "in" phrase of a coded verb of the same act, which
    it only names again ("freed two hostages in a prisoner swap", "exchanged prisoners in
    a swap"): the verb's mention tells the act, with its actors (not where the verb names
    no one it is done to: "were engaged in heavy fighting with the rebels")."""
    # (read from the parse arrays: no Token is needed)
    arrays = parse_arrays(tok.doc)
    prep = arrays.heads[tok.i]
    return (arrays.deps[tok.i] == "pobj" and arrays.lowers[prep] == "in"
            and any(m.trigger == arrays.heads[prep] and m.code == code and bool(m.targets)
                    for m in found))


# Verbs whose subject undergoes what their object names (word_classes.tsv), and the roots
# of what is so undergone: appeals, offers and pledges, praise and apologies, demands,
# disapproval, rejections and threats.
UNDERGOING_VERBS: Final = word_class("undergoing")
UNDERGONE_ROOTS: Final = {"02", "03", "05", "10", "11", "12", "13"}


def _undergone(noun: Token) -> Token | None:
    """The verb of undergoing whose object a noun is ("faces pressure"), if any."""
    if (token_pos(noun) == "NOUN" and noun.dep_ in OBJECTS and token_pos(noun.head) == "VERB"
            and token_lemma_lower(noun.head) in UNDERGOING_VERBS):
        return noun.head
    return None


def _voiced_by(verb: Token, protests: set[int]) -> bool:
    """Whether a clause says what a protest voices: its adverbial clause or complement
    ("staged a strike to demand reforms"), or a gerund after a preposition there
    ("rioted, joining workers in demanding higher wages")."""
    if verb.dep_ == "pcomp" and verb.head.dep_ == "prep":
        verb = verb.head.head  # the word the gerund's preposition hangs on
        if verb.i in protests:
            return True
    return verb.dep_ in ("advcl", "xcomp") and verb.head.i in protests


def _yielded_to(tok: Token, found: list[Mention]) -> bool:
    """Whether a nominal act is what a coded concession yields to ("conceded to demands
    from the rebels", "bowed to pressure"): the concession is the event, the demand
    it answers is told as its background."""
    # (read from the parse arrays: every noun trigger asks, and no Token is needed)
    arrays = parse_arrays(tok.doc)
    prep = arrays.heads[tok.i]
    return (arrays.deps[tok.i] == "pobj" and arrays.lowers[prep] == "to"
            and any(m.trigger == arrays.heads[prep] and m.code.startswith(YIELD_ROOT)
                    for m in found))


# Verbs whose "of"/"for"/"with" phrase is what someone is charged with (word_classes.tsv).
ACCUSING_VERBS: Final = word_class("accusing")
# Verbs of punishing: what a punishment is for is told as its cause, not as news
# (word_classes.tsv).
PUNISHING_VERBS: Final = word_class("punishing")
# Nouns whose "that" clause is only alleged (word_classes.tsv).
ALLEGING_NOUNS: Final = word_class("allegation")


def _alleged(tok: Token) -> bool:
    """Whether an act is what an accusation charges ("accused Qatar of backing militant
    groups", "blamed the rebels for the attack") or a punishment is for, or what an
    accusation says was done ("denied accusations that it had detained hundreds of
    protesters"). So is an act the charged deed aims or tries at ("accused Moscow of
    planning to invade Ukraine")."""
    # (read from the parse arrays: every mention is asked, and no Token is needed)
    arrays = parse_arrays(tok.doc)
    deps, pos, heads, lemmas = arrays.deps, arrays.pos, arrays.heads, arrays.lemma_lowers
    i: int = tok.i
    while deps[i] == "xcomp" and pos[i] == "VERB" and pos[heads[i]] == "VERB":
        i = heads[i]
    clause = heads[i] if deps[i] in OBJECTS and pos[i] == "NOUN" else i
    if (deps[clause] in ("acl", "ccomp") and pos[heads[clause]] == "NOUN"
            and lemmas[heads[clause]] in ALLEGING_NOUNS):
        return True
    if deps[i] not in ("pcomp", "pobj"):
        return False
    prep = heads[i]
    word = arrays.lowers[prep]
    if word not in ("of", "for", "with"):
        return False
    verb = _prep_verb(arrays, prep)
    return pos[verb] == "VERB" and (lemmas[verb] in ACCUSING_VERBS or (
        word == "for" and lemmas[verb] in PUNISHING_VERBS))


# Verbs that call a plan off: what it planned is then no longer meant (word_classes.tsv).
CANCELLING_VERBS: Final = word_class("cancelling")


# Verbs whose complement is only an aim (word_classes.tsv).
AIM_VERBS: Final = word_class("aiming")


def _aimed_at(tok: Token) -> bool:
    """Whether an act is what someone or something aims at ("a draft that aims to ban
    arms sales and impose an embargo", "an offensive aimed at retaking the town")."""
    arrays = parse_arrays(tok.doc)
    return any(arrays.pos[g] == "VERB" and arrays.lemma_lowers[g] in AIM_VERBS
               for g in _governors(tok.doc, arrays, tok.i, 3))


# Verbs of keeping something from happening: what they take as their object is not done;
# nor is the act someone is kept from, by them or by other verbs (word_classes.tsv).
PREVENTING_VERBS: Final = word_class("preventing")
KEEPING_FROM_VERBS: Final = PREVENTING_VERBS | word_class("keeping_from")


def _prevented(tok: Token) -> bool:
    """Whether an act is what a verb of preventing keeps from happening ("to prevent
    genocide and war crimes", "genocide must be prevented", "prevented Israel from
    attacking")."""
    # (read from the parse arrays: every mention is asked, and no Token is needed)
    arrays = parse_arrays(tok.doc)
    deps, pos, heads, lemmas = arrays.deps, arrays.pos, arrays.heads, arrays.lemma_lowers
    i: int = tok.i
    while deps[i] == "conj" and heads[i] != i:
        i = heads[i]  # "prevent genocide and war crimes"
    dep, head = deps[i], heads[i]
    if dep in OBJECTS or dep == "nsubjpass":
        return pos[head] == "VERB" and lemmas[head] in PREVENTING_VERBS
    if dep != "pcomp" or arrays.lowers[head] != "from":
        return False
    keeper = _prep_verb(arrays, head)  # (the one kept from acting may hold "from")
    return pos[keeper] == "VERB" and lemmas[keeper] in KEEPING_FROM_VERBS


# Verbs whose "against" gerund is what the one addressed is told not to do
# (word_classes.tsv).
CAUTIONING_VERBS: Final = word_class("cautioning")


def _warned_against(tok: Token) -> bool:
    """Whether an act is what someone is warned against doing ("warned Washington
    against arming Taiwan"): neither done nor threatened by anyone; the warning is the
    event."""
    # (read from the parse arrays: every mention is asked, and no Token is needed)
    arrays = parse_arrays(tok.doc)
    prep = arrays.heads[tok.i]
    if arrays.deps[tok.i] != "pcomp" or arrays.lowers[prep] != "against":
        return False
    verb = _prep_verb(arrays, prep)  # (the one warned may hold "against")
    return arrays.pos[verb] == "VERB" and arrays.lemma_lowers[verb] in CAUTIONING_VERBS


# Nouns whose to-infinitive names what one may do, not what is done (word_classes.tsv).
ENTITLEMENT_NOUNS: Final = word_class("entitlement")


def _entitled_to(tok: Token) -> bool:
    """Whether an act is what someone has the right or power to do ("defended the right
    of troops to fire on militants"): an entitlement, not a deed."""
    # (read from the parse arrays: every mention is asked, and no Token is needed)
    arrays = parse_arrays(tok.doc)
    deps, lowers, i = arrays.deps, arrays.lowers, tok.i
    return (deps[i] == "acl" and arrays.lemma_lowers[arrays.heads[i]] in ENTITLEMENT_NOUNS
            and any(deps[c] == "aux" and lowers[c] == "to" for c in arrays.children[i]))


def _called_off(tok: Token) -> bool:
    """Whether an act is what a plan that is called off, or asked to be, was for
    ("demanded that France cancel plans to sell jets to Arnor")."""
    # (read from the parse arrays: every mention is asked, and no Token is needed)
    arrays = parse_arrays(tok.doc)
    if arrays.deps[tok.i] not in ("acl", "xcomp"):
        return False
    plan = arrays.heads[tok.i]
    return (arrays.pos[plan] == "NOUN"
            and arrays.lemma_lowers[plan] in INTENT_NOUNS and arrays.deps[plan] in OBJECTS
            and arrays.lemma_lowers[arrays.heads[plan]] in CANCELLING_VERBS)


# Verbs of dying, whose preposition may name a deed that killed (word_classes.tsv).
DYING_VERBS: Final = word_class("dying")
DEATH_PREPS: Final = {"of", "from", "under", "after"}  # "died of/under torture", "as a result of"
TORTURE, KILLING = "1822", "1823"  # torture someone died of is a killing


ACCUSE_ROOT: Final = "11"
# Prepositions by which an act of coercion names the charges it rests on ("arrested on
# charges of spying", "detained over allegations of fraud").
GROUNDS_PREPS: Final = {"on", "over"}


def _held_on(charge: Token, found: list[Mention]) -> Mention | None:
    """The act of coercion an accusation noun is given as the grounds of ("jailed the
    activists on allegations of treason"), when one was found in the sentence."""
    prep = charge.head
    if charge.dep_ != "pobj" or prep.dep_ != "prep" or token_lower(prep) not in GROUNDS_PREPS:
        return None
    return next((m for m in found if m.trigger == prep.head.i and m.code.startswith(COERCE_ROOT)),
                None)


ARREST: Final = "173"  # arresting, detaining, jailing


def _charged_with(found: list[Mention], doc: Doc, lexicon: Lexicon, sentence: _Sentence
                  ) -> list[Mention]:
    """The accusations arrests name as their grounds ("arrested for spying", "jailed for
    collaborating with Israel"): the arresters accuse the arrested of what the lexicon's
    allegations of it say (1125 for spying or treason, 1121 for corruption...).
    ``sentence`` is their sentence."""
    out: list[Mention] = []
    arrests = [m for m in found if m.code == ARREST]
    if not arrests:
        return out
    allegations = [e for e in lexicon.candidates("NOUN", "allegation") if e.context]
    for m in arrests:
        for prep in _children(doc[m.trigger], {"prep"}):
            if token_lower(prep) != "for":
                continue
            words = _TriggerWords(prep, sentence, parse_arrays(doc))
            entry = next((e for e in allegations if sentence.possible(e)
                          and _match_entry(words, e) is not None), None)
            if entry is not None:
                out.append(replace(m, code=entry.code, entry=entry))
    return out


def _death_by(deed: Token) -> Token | None:
    """The verb of dying a violent deed noun is the cause of ("died under torture", "died
    as a result of torture", "died from a beating"), if any."""
    # (the label and the preposition read from the parse arrays: most deeds are no
    # "pobj", and a Token is made only for the head of a death's preposition)
    arrays = parse_arrays(deed.doc)
    prep = arrays.heads[deed.i]
    if arrays.deps[deed.i] != "pobj" or arrays.lowers[prep] not in DEATH_PREPS:
        return None
    head = deed.doc[arrays.heads[prep]]
    if token_lemma_lower(head) == "result" and head.dep_ == "pobj":
        head = head.head.head  # "as a result of"
    return head if token_pos(head) == "VERB" and token_lemma_lower(head) in DYING_VERBS else None


def _custodians(died: Token) -> list[Token]:
    """Who held someone who died in their custody ("in Israeli police custody", "in the
    custody of the army"): the custody's own actor words."""
    return [a for prep in _children(died, {"prep"}) if token_lower(prep) == "in"
            for custody in _children(prep, {"pobj"}) if token_lemma_lower(custody) == "custody"
            for a in [*(c for c in custody.children if c.dep_ in ("compound", "poss")),
                      *(o for p in _children(custody, {"prep"}) if token_lower(p) == "of"
                        for o in _children(p, {"pobj"}))]]


def _light_verb(tok: Token) -> list[Token]:
    """The verb a nominal event is the object of ("staged demonstrations"), if any."""
    return [tok.head] if tok.dep_ in OBJECTS and token_pos(tok.head) == "VERB" else []


# Roots whose complement is what is asked for, not something done: "urged Uganda to
# repatriate the criminals", "called for a ceasefire", "demanded the resignation of".
APPEAL_ROOTS: Final = {"02", "10"}
# What a protest is held for: appeals, demands and disapproval it voices.
CAUSE_ROOTS: Final = {*APPEAL_ROOTS, "11"}
ASKING_ROOTS: Final = {"02", "10", "12"}  # appeals, demands and rejections: about an act asked for
# The links from an appeal to the words that say what it asks for ("acl": the clause of
# an appeal noun, "faces pressure to help Greece").
CONTENT_DEPS: Final = {"xcomp", "ccomp", "acl", "dobj", "obj", "pobj", "pcomp", "prep"}


def _intends(tok: Token, lexicon: Lexicon) -> bool:
    """Whether a trigger is a word of intending ("plan", "pledge", "vow"), whichever of
    its entries was picked."""
    return "intent" in lexicon.flags(token_pos(tok), tok.lemma_)


def _purpose_of(tok: Token, askers: set[int]) -> int | None:
    """The appeal, demand or rejection whose infinitive of purpose a trigger heads, if
    any: "demanding a U.N. presence to protect them", "rejected calls by Annan to adopt
    reforms" (the parser hangs the infinitive on the verb, not on the thing asked)."""
    if tok.dep_ == "conj" and tok.head.dep_ == "advcl":
        tok = tok.head  # "to protect them and prevent a war"
    if not _purpose(tok):
        return None
    if tok.head.i in askers:
        return tok.head.i
    # "put pressure on Ankara to help", "made a call on Israel to stop the war": the
    # parser hangs the infinitive on the light verb whose object is the appeal
    return next((o.i for o in _children(tok.head, OBJECTS) if o.i in askers), None)


# Verbs whose verb complement is an act brought to an end (word_classes.tsv), and the code
# of violence so ended: de-escalation.
STOPPING_VERBS: Final = word_class("stopping")
STOPPED_DEPS: Final = {"xcomp", "ccomp", "dobj", "obj"}  # how the act stopped hangs from the verb
DEESCALATION: Final = "087"


def _stopped(found: list[Mention], doc: Doc) -> list[Mention]:
    """Mentions with each act that a stopping verb ends read as its ending: violence
    stopped is de-escalation ("stopped shelling the city", and asked for: "urged both
    sides to stop fighting"); any other act stopped is not done, nor asked for ("called on
    NATO to stop sending weapons" is no appeal for military aid; "suspended joint
    exercises" holds none). (An act the lexicon codes with its stopping, "halted aid",
    is that entry's, no mention of its own.)"""
    # (tags, labels and heads read from the parse arrays: every mention of every sentence
    # with one is asked this, and no Token is needed to answer)
    arrays = parse_arrays(doc)
    pos, deps = arrays.pos, arrays.deps
    out = []
    for m in found:
        i = m.trigger
        if not (pos[i] in ("VERB", "NOUN") and deps[i] in STOPPED_DEPS
                and (pos[i] == "VERB" or deps[i] in OBJECTS)
                and arrays.lemma_lowers[arrays.heads[i]] in STOPPING_VERBS):
            out.append(m)
        elif m.code[:2] in VIOLENT_ROOTS and not m.negated:
            out.append(replace(m, code=DEESCALATION))
    return out


def _asked_for(tok: Token, appeals: set[int], refusals: frozenset[int] = frozenset()
               ) -> int | None:
    """The appeal or demand in its sentence whose asked-for act a trigger names, if any:
    the asked-for act is not an event of its own (the appeal is coded instead). So is
    the act of a thing a rejection turns down ("dismissed an appeal to lay down their
    arms", "rejected an appeal for deploying troops")."""
    cur = tok
    for step in range(4):
        if (token_pos(cur) in ("NOUN", "VERB") and cur.dep_ in OBJECTS and cur.head.i in refusals
                and step):
            return cur.head.i
        # "urged Putin to stop the offensive and pull his troops back": what is asked
        # for may be a list, but an act coordinated with the appeal itself is not asked
        # "demanded a meeting of the Council to discuss the advance": an act for whose
        # sake something is asked is asked for with it
        if cur.dep_ == "prep" and token_lower(cur) in OCCASION_PREPS:
            return None  # "demanded an apology at the second session of the talks"
        if cur.head.i == cur.i or not (cur.dep_ in CONTENT_DEPS or _purpose(cur)
                                       or (cur.dep_ == "conj" and step == 0
                                           and cur.head.i not in appeals)
                                       or _infinitive_asked(cur, appeals)):
            return None
        link, cur = cur.dep_, cur.head
        if cur.i in appeals:
            # "wants to attack", "seeks to deepen ties": an act the speaker means to do
            # himself is his intention, coded as such
            return cur.i if link != "xcomp" or _asks_someone(cur) else None
        if link == "ccomp":
            demand = next((o.i for o in _children(cur, OBJECTS) if o.i in appeals), None)
            if demand is not None:
                # "reiterated its demand that Israel ease restrictions": the clause says
                # what the demand the verb repeats asks for
                return demand
        if token_pos(cur) in ("VERB", "AUX") and link not in ("conj", "xcomp"):
            # "demanded that its partners refuse to recognize X": an act and the verb
            # it is the complement of ("refuse to recognize") are asked for together
            return None
    return None


def _infinitive_asked(tok: Token, appeals: set[int]) -> bool:
    """Whether a to-infinitive the parser hung on an appeal as an adverbial clause is what
    the appeal asks for ("called on both sides on Saturday to stop the fighting"), or a
    clause of one asked to act, introduced by "for" ("pressed hard for the rebels to
    disarm")."""
    if tok.dep_ != "advcl" or tok.head.i not in appeals:
        return False
    if any(c.dep_ == "mark" and token_lower(c) == "for" for c in tok.children):
        return _has_child(tok, SUBJECTS)
    return (_asks_someone(tok.head)
            and any(c.dep_ == "aux" and token_lower(c) == "to" for c in tok.children))


def _means_to(verb: Token, lexicon: Lexicon) -> bool:
    """Whether a word of appeal that is also one of intending only says what its subject
    means to do itself, asking no one: "seeking to mend ties with China" is an aim, not an
    appeal to China ("requested to lease a training ground" still asks)."""
    return (token_pos(verb) == "VERB" and _has_child(verb, {"xcomp"}) and not _asks_someone(verb)
            and _intends(verb, lexicon))


def _asks_someone(verb: Token) -> bool:
    """Whether an appeal names whom it asks: "urged Uganda to", "called on the sides to",
    "appealed to the government to"."""
    return _has_child(verb, OBJECTS) or any(
        token_lower(prep) in ("on", "upon", "to") and _has_child(prep, {"pobj"})
        for prep in _children(verb, {"prep", "dative"}))



# Violent roots (assault, fight, mass violence), and the bare codes of violence that a
# named means makes more specific.
VIOLENT_ROOTS: Final = {"18", "19", "20"}
FORCE_ROOTS: Final = {"17", *VIOLENT_ROOTS}  # coercion and violence: done to people
GENERIC_VIOLENCE: Final = {"180", "190", "200"}
# "blew up", "bombed": a bombing whose means the sentence may name more exactly ("blown
# up by a surface-to-air missile" is an aerial weapon's doing, "in a car bomb" a car bombing)
BARE_BOMBING: Final = "183"
ASSASSINATION: Final = "186"
# Verbs of killing whose own word says nothing of how it was done (word_classes.tsv).
MANNERLESS_KILLING: Final = word_class("bare_killing")
# Prepositions whose phrase names how a deed was done ("killed in a car bombing").
MEANS_PREPS: Final = {"in", "by", "during", "with"}


def means_objects(verb: Token) -> list[Token]:
    """The nouns of a verb's means phrases ("in a car bombing", "by an explosive device")."""
    # (the dependents read from the parse arrays: only the nouns found become Tokens)
    doc = verb.doc
    arrays = parse_arrays(doc)
    deps, lowers, children = arrays.deps, arrays.lowers, arrays.children
    return [doc[o] for p in children[verb.i]
            if deps[p] in ("prep", "agent") and lowers[p] in MEANS_PREPS
            for o in children[p] if deps[o] == "pobj"]


def _means_codes(found: list[Mention], doc: Doc) -> list[Mention]:
    """"killed in a suicide car bombing", "a roadside bombing killed", "blown up by a
    missile": a bare act of violence, or a destruction of property, done by a means the
    sentence names as an act of its own takes that act's more specific code. So does a killing of a leader that a deed
    does ("drone attacks killed eight militant leaders"): an assassin is someone, not an
    attack."""
    violent = {m.trigger: m.code for m in found if m.code[:2] in VIOLENT_ROOTS}
    if not violent:
        return found  # (most sentences: no violence for a code to be taken from)
    # (the tag read from the parse arrays, and a Token made only for a verb whose code
    # may be taken: every mention of a violent sentence comes here)
    pos = parse_arrays(doc).pos
    out: list[Mention] = []
    for m in found:
        if pos[m.trigger] != "VERB":
            out.append(m)
            continue
        tok = doc[m.trigger]
        if (m.code in GENERIC_VIOLENCE or m.code == BARE_BOMBING
                # ("an airstrike destroyed a theatre": property wrecked by an act of war is
                # that act's doing, not a seizure or demolition)
                or m.code in DESTRUCTION_CODES):
            means = [*_children(tok, SUBJECTS), *means_objects(tok)]
            code = next((violent[t.i] for t in means if t.i in violent
                         and violent[t.i] not in GENERIC_VIOLENCE), None)
            if code is not None:
                m = replace(m, code=code)
        elif m.code == ASSASSINATION:
            code = next((violent[t.i] for t in _children(tok, SUBJECTS) if t.i in violent), None)
            if code is not None:
                m = replace(m, code=code)
        elif m.entry.lemma in MANNERLESS_KILLING and m.entry.specificity == 0:
            # "was murdered in an ambush on an army convoy": a killing that says nothing
            # of how it was done is the deed it was done in
            code = next((violent[t.i] for t in means_objects(tok) if t.i in violent), None)
            if code is not None:
                m = replace(m, code=code)
        out.append(m)
    return out


def _tolls(found: list[Mention], doc: Doc) -> list[Mention]:
    """"shelled the market, killing 12 people": a participle that adds the toll of a
    violent deed tells of that deed, and takes its code (one event when the victims are
    of the same side)."""
    violent = {m.trigger: m.code for m in found if m.code[:2] in VIOLENT_ROOTS}
    if not violent:
        return found  # (most sentences: no violence, no toll)
    # (read from the parse arrays: no Token is needed)
    arrays = parse_arrays(doc)
    tags, deps, heads = arrays.tags, arrays.deps, arrays.heads
    out: list[Mention] = []
    for m in found:
        i = m.trigger
        if i in violent and tags[i] == "VBG" and deps[i] == "advcl" and heads[i] in violent:
            m = replace(m, code=violent[heads[i]])
        out.append(m)
    return out


def _kinds_of(found: list[Mention], doc: Doc) -> list[Mention]:
    """"rocket fire", "a mortar attack", "a car bomb explosion": a noun of violence
    compounded with another only says what kind of deed that is. It is no deed of its own,
    and a bare deed takes its more specific code."""
    violent = {m.trigger: m for m in found if m.code[:2] in VIOLENT_ROOTS}
    if not violent:
        return found  # (most sentences: no violence to be of a kind)
    # (read from the parse arrays: no Token is needed)
    arrays = parse_arrays(doc)
    deps, heads = arrays.deps, arrays.heads
    kinds = {heads[i]: m.code for i, m in violent.items()
             if deps[i] == "compound" and heads[i] in violent}
    out: list[Mention] = []
    for m in found:
        if m.trigger in violent and deps[m.trigger] == "compound" \
                and heads[m.trigger] in violent:
            continue
        kind = kinds.get(m.trigger)
        if kind is not None and (m.code in GENERIC_VIOLENCE or m.code == BARE_BOMBING):
            m = replace(m, code=kind)
        out.append(m)
    return out


# Accidents and disasters: deaths in them are no one's violence ("killed in a plane
# crash", "an earthquake killed 300 people").
ACCIDENT_WORDS: Final = word_class("accident")
# Weather and other natural forces, as doers only ("strong winds battered Britain",
# "tornadoes killed 20 people", "cholera killed 300 people"): people are killed by
# others "in the snow" or "in heavy rain".
NATURAL_FORCES: Final = word_class("natural_force")
# A war's toll told as its doing ("the war killed more than 200,000 people") sums up
# many deeds and names no one who did them: it is no event of its own.
TOLL_DOERS: Final = word_class("toll_doer")
# A fire that kills is a disaster; fire as a means ("killed with live fire") is not.
ACCIDENT_DOERS: Final = ACCIDENT_WORDS | NATURAL_FORCES | TOLL_DOERS | {"fire"}
# The kinds a named disaster's name may give it ("Hurricane Maria", "Storm Ciaran").
DISASTER_KINDS: Final = ACCIDENT_WORDS | NATURAL_FORCES
# Mishaps a clause tells of: the deaths a participle adds to it are theirs
# (word_classes.tsv).
ACCIDENT_VERBS: Final = word_class("mishap")


def _accidental(m: Mention, doc: Doc) -> bool:
    """Whether a violent verb's doer or means is an accident or a disaster, or the verb
    adds the toll of a mishap the clause it hangs from tells of."""
    if m.code[:2] not in VIOLENT_ROOTS:  # (the code first: most mentions are no violence)
        return False
    # (the verb, its doers' lemmas and compounds read from the parse arrays: most news
    # of violence has doers, and no Token is made for them or their dependents)
    arrays = parse_arrays(doc)
    lemmas, deps, verb = arrays.lemma_lowers, arrays.deps, m.trigger
    if arrays.pos[verb] != "VERB":
        return False
    if (deps[verb] in ("advcl", "conj", "xcomp") and arrays.tags[verb] == "VBG"
            and lemmas[arrays.heads[verb]] in ACCIDENT_VERBS):
        return True
    # a named storm's kind is its compound ("Hurricane Maria", "Storm Ciaran")
    return (any(lemmas[i] in ACCIDENT_DOERS or any(
        deps[c] == "compound" and lemmas[c] in DISASTER_KINDS
        for c in arrays.children[i])
        for i in m.sources)
            or any(token_lemma_lower(t) in ACCIDENT_WORDS for t in means_objects(doc[verb])))


# What culture and gossip news "invades", "storms" or "hits": the charts, the headlines,
# someone's privacy. No force is used on them (a market or a store may be attacked
# with arms, so they are not here).
FIGURATIVE_OBJECTS: Final = word_class("figurative_object")


def _figurative(m: Mention, doc: Doc) -> bool:
    """Whether a violent verb's direct object is a thing only figures of speech attack
    ("the band stormed the charts", "photographers invaded her privacy")."""
    if m.code[:2] not in VIOLENT_ROOTS:  # (the code first: most mentions are no violence)
        return False
    # (read from the parse arrays: no Token is needed)
    arrays = parse_arrays(doc)
    deps, lemmas = arrays.deps, arrays.lemma_lowers
    return arrays.pos[m.trigger] == "VERB" and any(
        deps[o] in ("dobj", "obj", "nsubjpass") and lemmas[o] in FIGURATIVE_OBJECTS
        for o in arrays.children[m.trigger])


# Sport and the stage: players, teams and troupes that tour, beat or accuse each other do
# no political deed ("India's cricket team toured Australia", "the German orchestra
# toured China"). A team is a sports team by its sport, or as a "national team".
PERFORMER_WORDS: Final = word_class("performer")
TEAM_WORDS: Final = word_class("team")
SPORT_WORDS: Final = word_class("sport")
# What they are told to do in sports and arts news: travel and meet, thank, criticise and
# accuse, reject, and win and lose in words of force.
PERFORMER_CODES: Final = ("04", "051", "11", "12", "17", "18", "19")


def _sporting(m: Mention, doc: Doc) -> bool:
    """Whether a mention's doers are sportsmen, sports teams or performers, doing what
    sports and arts news tells of."""
    if not (m.code.startswith(PERFORMER_CODES) and m.sources):
        return False  # (the code first: most mentions are nothing performers do)
    # (the doers and their modifiers read from the parse arrays: no Token is needed)
    arrays = parse_arrays(doc)
    lemmas, deps, pos, ent_types = arrays.lemma_lowers, arrays.deps, arrays.pos, arrays.ent_types

    def performer(head: int) -> bool:
        lemma = lemmas[head]
        if lemma in PERFORMER_WORDS:
            return True
        if lemma not in TEAM_WORDS:  # (most doers: no modifiers to read)
            return False
        # (its nation's name aside: "the Brazilian football team")
        mods = [c for c in arrays.children[head] if deps[c] in ("compound", "amod")
                and pos[c] != "PROPN" and ent_types[c] not in ("NORP", "GPE")]
        # ("the national team", not "the national security team")
        return bool(mods) and all(lemmas[c] in SPORT_WORDS for c in mods)
    return all(performer(i) for i in m.sources)


# Property destruction, and the words for people protesting (word_classes.tsv): what
# protesters destroy they destroy in a violent protest; what they break into they break
# into in one.
DESTRUCTION_CODES: Final = {"1712"}
BREAKING_IN_VERBS: Final = word_class("breaking_in")
PROTESTER_WORDS: Final = word_class("protester")
RIOT_CODE: Final = "145"


def _rioting(m: Mention, doc: Doc) -> Mention:
    """A destruction of property, or a building stormed, by protesters is a riot (145),
    not a state's coercion or an armed assault."""
    if not (m.code in DESTRUCTION_CODES or m.code.startswith("19")):
        return m  # (the code first: most mentions are neither)
    # (the lemmas read from the parse arrays: no Token is needed)
    lemmas = parse_arrays(doc).lemma_lowers
    if ((m.code in DESTRUCTION_CODES or lemmas[m.trigger] in BREAKING_IN_VERBS)
            and m.sources and all(lemmas[i] in PROTESTER_WORDS for i in m.sources)):
        return replace(m, code=RIOT_CODE)
    return m


# A state's protest, and the organs of state that make one for it (word_classes.tsv).
OFFICIAL_COMPLAINT: Final = "114"
STATE_ORGANS: Final = word_class("state_organ")


def _official_protest(m: Mention, doc: Doc) -> Mention:
    """A state that protests ("Japan protested the incursion", "the foreign ministry
    protests Chinese ships near the islands") complains officially (114); crowds
    demonstrate (14)."""
    if not m.code.startswith(PROTEST_ROOT):  # (the code first: most mentions are no protest)
        return m
    tok = doc[m.trigger]
    if (token_pos(tok) == "VERB" and token_lemma_lower(tok) == "protest" and m.sources
            and all(doc[i].ent_type_ == "GPE" or parse_arrays(doc).lemma_lowers[i] in STATE_ORGANS
                    for i in m.sources)):
        return replace(m, code=OFFICIAL_COMPLAINT)
    return m


AERIAL_WEAPONS: Final = "195"
# A state's armed forces, as the doers of a bombing (word_classes.tsv).
ARMED_FORCE_WORDS: Final = word_class("armed_force")


def _state_bombing(m: Mention, doc: Doc) -> Mention:
    """A state or its forces that bomb ("Russia bombed power plants", "the army bombed
    rebel positions") do it from the air (195); a bare bombing (183) is a planted bomb's."""
    if m.code != BARE_BOMBING:  # (the code first: most mentions are no bombing)
        return m
    tok = doc[m.trigger]
    if (token_pos(tok) == "VERB" and m.sources
            and all(doc[i].ent_type_ == "GPE"
                    or parse_arrays(doc).lemma_lowers[i] in ARMED_FORCE_WORDS for i in m.sources)):
        return replace(m, code=AERIAL_WEAPONS)
    return m


TRAVEL_CODE: Final = "042"
FORCE_MOVEMENT: Final = "154"
# Armed forces and their units and craft, as the ones who arrive somewhere, and the verbs
# of travel by which arriving forces are deployed (forces that visit or tour a place are
# guests there) (word_classes.tsv).
MOVED_FORCE_WORDS: Final = word_class("moved_force")
MOVING_VERBS: Final = word_class("force_arrival")


def _forces_moved(m: Mention, doc: Doc) -> Mention:
    """Armed forces that arrive in, fly to or travel to a country ("US troops arrived in
    Poland", "Russian warships arrived in Syria") are deployed there, a show of force
    (154), not visiting it: a visit (042) is made by people."""
    if m.code != TRAVEL_CODE:  # (the code first: most mentions are no travel)
        return m
    tok = doc[m.trigger]
    if (token_pos(tok) == "VERB" and token_lemma_lower(tok) in MOVING_VERBS and m.sources
            and all(parse_arrays(doc).lemma_lowers[i] in MOVED_FORCE_WORDS for i in m.sources)):
        return replace(m, code=FORCE_MOVEMENT)
    return m


MEDIATION: Final = "045"


def _mediated_parties(tok: Token) -> list[Token]:
    """The parties of what a mediation verb says was mediated, when it names them ("talks
    between Sudan and the rebels were mediated by Kenya", "a truce between Israel and Hamas,
    brokered by Egypt"): the mediator acts on both."""
    if token_pos(tok) != "VERB":
        return []
    things = _children(tok, PASSIVE_SUBJECTS) if _is_passive(tok) else []
    if tok.dep_ == "acl" and token_pos(tok.head) == "NOUN":
        things.append(tok.head)
    things += [o for o in _children(tok, OBJECTS) if token_pos(o) == "NOUN"]
    return next((parties for t in things if len(parties := _between_parties(t)) > 1), [])


# Nouns of a deal made, whose infinitive says what it is for (word_classes.tsv).
AGREEMENT_NOUNS: Final = word_class("agreement")
DIPLOMATIC_ROOT: Final = "05"


def _agreed_for(tok: Token) -> bool:
    """Whether a verb says what a deal is for: "an agreement to release prisoners", or,
    the parser hanging the infinitive on the verb, "signed a deal with Egypt to withdraw"."""
    if token_pos(tok) != "VERB":
        return False
    if tok.dep_ == "acl" and token_lemma_lower(tok.head) in AGREEMENT_NOUNS:
        return "to" in _child_words(tok, {"aux"})
    return _purpose(tok) and any(token_lemma_lower(o) in AGREEMENT_NOUNS
                                 for o in _children(tok.head, OBJECTS))


def _mention(tok: Token, entry: TriggerEntry, used: tuple[int, ...], sources: list[Token],
             lexicon: Lexicon, span: tuple[int, int]) -> Mention:
    negated = _negated(tok)
    mood = _modality(tok, lexicon)
    modality, reporter = mood.modality, mood.reporter
    code = entry.code
    conditional = code[:2] >= PROTEST_ROOT and _conditional(tok)
    if conditional and modality != "threatened":
        # "may halt its mediation if cooperation founders", "will boycott the elections
        # unless the president steps down": a hostile act made to hang on a condition is
        # a threat
        modality = "threatened"
    if (modality in ("asserted", "reported") and not code.startswith(DIPLOMATIC_ROOT)
            and _agreed_for(tok)):
        # "reached an agreement with Hamas to release prisoners": what a deal is for is
        # agreed, not done yet (but a deal to normalize relations or restore ties is the
        # diplomatic act itself, done by making it)
        modality = "intended"
    if _ruled_out(tok):
        # "said that lifting the sanctions is out of the question": an act its speaker
        # rules out is one the speaker declares it will not do
        negated = True
        modality, reporter = "intended", _modality(tok.head, lexicon).reporter
        sources = sources or ([tok.doc[reporter]] if reporter is not None else [])
    if negated and entry.neg_code and not _pending(tok):
        # "will not restore relations", "has no plans to restore relations" is a rejection,
        # coded as such: a stance taken now (asserted, or reported by whoever tells of it),
        # not an act meant for later
        code, negated = entry.neg_code, False
        if modality == "intended":
            modality = "reported" if reporter is not None else "asserted"
    targets = _target(tok, entry, used)
    if not targets and token_pos(tok) == "NOUN" and entry.code[:2] in VIOLENT_ROOTS:
        # "opened tank, artillery and rocket fire on the villages": the parser hangs
        # the target on the list's last deed, but it is every one's
        targets = next((found for c in tok.conjuncts if (found := _target(c, entry, (c.i,)))), [])
    if not targets and code.startswith(MEDIATION):
        targets = _mediated_parties(tok)
    if not targets and conditional:
        # "would retaliate if Seoul continued the drills": a threat that names no one is
        # aimed at whoever must do (or not do) what it hangs on
        targets = _condition_doers(tok)
    # "left for Minas Tirith for meetings with Arnor": of two phrases, a deed is not
    # whom the act falls on
    deeds = lexicon.lemmas("NOUN")  # (looked up once, not once per target)
    targets = [t for t in targets if token_lemma_lower(t) not in deeds] or targets
    if any(token_lower(t) in REFLEXIVES for t in targets):
        # "Iraq had attacked themselves": a reflexive object is the doer itself
        targets = [t for t in targets if token_lower(t) not in REFLEXIVES] or sources
    # (the code first: few acts are ones someone undergoes)
    undergone = _undergone(tok) if entry.code[:2] in UNDERGONE_ROOTS else None
    if undergone is not None:
        # "faces pressure from the unions to resign", "received criticism from Oxfam":
        # a call, criticism or threat someone faces is made by whom its "from" phrase
        # names, else by its own doer ("faced Washington's criticism"; no one, when it
        # names none: not the one who faces it), of the one who faces it
        targets = _subject(undergone)
        sources = (_prep_objects(tok, "from") or _prep_objects(undergone, "from")
                   or [s for s in sources if s not in targets])
    if "converse" in entry.flags:
        # "received weapons from the government": the giver is the one named by "from"
        sources, targets = targets, sources
    return Mention(trigger=tok.i, trigger_tokens=used, entry=entry, code=code,
                   sources=_expand_conjuncts(sources),
                   targets=_expand_conjuncts(targets),
                   negated=negated, modality=modality, reporter=reporter,
                   obliged=mood.obliged, sentence=span, commanded=mood.commanded,
                   advised=mood.advised)


def _ruled_out(tok: Token) -> bool:
    """Whether an act is the subject of a clause that rules it out ("lifting the
    sanctions is out of the question")."""
    if tok.dep_ != "csubj":  # (the label first: no head made for most acts)
        return False
    clause = tok.head
    return (token_lemma_lower(clause) == "be"
            and any(token_lower(p) == "out" and any(token_lower(o) == "of" and any(
                token_lemma_lower(q) == "question" for q in o.children) for o in p.children)
                for p in clause.children if p.dep_ == "prep"))


def doc_mentions(doc: Doc, lexicon: Lexicon) -> list[Mention]:
    """Every event mention in a parsed document, sentence by sentence."""
    out: list[Mention] = []
    for sent in doc.sents:
        out.extend(sentence_mentions(sent, lexicon))
    return out
