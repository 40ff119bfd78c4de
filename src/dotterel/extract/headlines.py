"""Headline verbs the tagger misreads, given back in the parse: a spaCy pipeline component.

Headlines drop their articles and stops ("Pakistan summons Indian envoy", "North Korea
fires missile"), and the small English model, trained on running text, reads their
present-tense "-s" verb as a plural noun, and two names a comma joins before the verb
("Turkey, Russia agree on ceasefire") as a name and its modifier. :class:`HeadlineVerbs`
mends such a line's parse right after the parser and NER, so that every later stage
(and any user of the ``Doc``) reads the same, mended parse. It knows a verb from the
trigger lexicon (:func:`~dotterel.extract.lexicon.load_lexicon`), so it only gives back
verbs that can name an event.

The ``Coder`` adds it last to its pipeline; to add it to a pipeline of your own::

    import dotterel.extract.headlines  # registers the factory
    nlp.add_pipe("dotterel_headline_verbs", last=True)
"""

from __future__ import annotations

from typing import Final

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from ..nlp.arrays import forget_arrays
from .lexicon import Lexicon, load_lexicon
from .word_classes import word_class

HEADLINE_VERBS: Final = "dotterel_headline_verbs"

# What may open the object of a headline's verb ("summons Indian envoy").
OBJECT_PHRASE_POS: Final = {"ADJ", "NOUN", "PROPN", "DET", "NUM"}
# Named doers a headline opens with; not a people's adjective ("Israeli strikes on Gaza"
# is a noun phrase).
HEADLINE_DOERS: Final = {"GPE", "ORG", "PERSON"}
# the label a modifier of each part of speech takes in a mended headline's object
MODIFIER_LABELS: Final = {"ADJ": "amod", "DET": "det", "NUM": "nummod"}
# Singular nouns that name a body of people and take a plural verb (word_classes.tsv).
PLURAL_DOER_NOUNS: Final = word_class("plural_body")


def _headline_verb_form(word: str, verb_lemmas: frozenset[str]) -> str | None:
    """The lexicon verb a present-tense "-s" form spells ("summons" -> summon, "launches"
    -> launch, "denies" -> deny), else None."""
    forms = [word[:-1]]
    if word.endswith("es"):
        forms.append(word[:-2])
    if word.endswith("ies"):
        forms.append(word[:-3] + "y")
    return next((f for f in forms if f in verb_lemmas), None)


def _headline_name(tok: Token) -> bool:
    """Whether a word is a name a headline's doer may be (a state, a body, a person; not
    a people's adjective: "Israeli strikes on Gaza" is a noun phrase)."""
    return tok.ent_type_ in HEADLINE_DOERS and tok.pos_ in ("PROPN", "ADJ")


def _mend_paired_names(sent: Span) -> bool:
    """In a headline, two names a comma joins before the verb ("Turkey, Russia agree on
    ceasefire") are its subjects together: the parser hangs the first on the verb or
    the second as a modifier. Mends the parse in place; whether it did."""
    doc = sent.doc
    for subj in sent:
        if subj.dep_ != "nsubj" or subj.head.pos_ != "VERB":
            continue
        start = subj.i  # the subject's name ("US", "South Korea"), not its modifiers
        while (start > sent.start and doc[start - 1].head.i == subj.i
               and doc[start - 1].dep_ == "compound"):
            start -= 1
        if start - sent.start < 2:
            continue
        comma, verb = doc[start - 1], subj.head
        first = doc[comma.i - 1]
        while first.head.i != verb.i and first.head.i < comma.i and first.head.i != first.i:
            first = first.head  # ("North Korea, US agree": the name's own head word)
        if (comma.text == "," and first.head.i in (verb.i, subj.i) and first.pos_ == "PROPN"
                and first.dep_ in ("npadvmod", "dep", "appos", "nmod")
                and subj.pos_ == "PROPN" and first.left_edge.i == sent.start):
            first.head, first.dep_ = verb, "nsubj"
            subj.head, subj.dep_ = first, "conj"
            comma.head = first
            return True
    return False


def _plural_doer_verb(words: list[Token], k: int, verb_lemmas: frozenset[str]) -> bool:
    """Whether a headline's word ``words[k]``, a singular noun to the parser, is the
    present-tense verb of a plural doer before it ("Kenyan police fire tear gas at
    protesters", "Protesters storm parliament"): it spells a lexicon verb's base form, and
    what comes before it is a plural noun (or "police"), at most qualified by names
    ("Kenyan", "US", "Hamas")."""
    tok, doer = words[k], words[k - 1]
    return (tok.pos_ == "NOUN" and tok.tag_ == "NN" and tok.lower_ in verb_lemmas
            # ("Rebels attack army base": a capital at the line's start reads as a name)
            and ((doer.pos_ == "NOUN" and doer.tag_ == "NNS") or _misread_doer(doer, verb_lemmas)
                 or (doer.pos_ == "PROPN" and doer.tag_ == "NNPS" and not doer.ent_type_)
                 or (doer.pos_ == "NOUN" and doer.lower_ in PLURAL_DOER_NOUNS))
            # ("Houthi militants": a name the NER missed is still a proper noun)
            and all(w.ent_type_ in HEADLINE_DOERS | {"NORP"} or w.pos_ == "PROPN"
                    for w in words[:k - 1]))


def _misread_doer(tok: Token, verb_lemmas: frozenset[str]) -> bool:
    """Whether a headline's plural doer was read as an "-s" verb, and its verb after it
    as a noun ("Hamas militants fire rockets at Israel": "militants" the verb): an "-s"
    word that spells no lexicon verb, before a lexicon verb's base form."""
    doc = tok.doc
    nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    return (tok.tag_ == "VBZ" and nxt is not None and nxt.tag_ == "NN"
            and nxt.lower_ in verb_lemmas
            and _headline_verb_form(tok.lower_, verb_lemmas) is None)


def _mend_auxiliary_doer(sent: Span, verb_lemmas: frozenset[str]) -> bool:
    """In a headline, a plural doer the parser took for its verb's auxiliary ("Hezbollah
    militants fire rockets": "militants" an "-s" auxiliary, "Hezbollah" its subject) is
    the verb's subject: an "-s" word that spells no lexicon verb, hung as an auxiliary
    on the lexicon verb right after it. Mends the parse in place; whether it did."""
    for tok in sent:
        verb = tok.head
        if (tok.dep_ == "aux" and tok.tag_ == "VBZ" and verb.i == tok.i + 1
                and verb.lemma_.lower() in verb_lemmas and not tok.is_stop
                and _headline_verb_form(tok.lower_, verb_lemmas) is None):
            tok.head, tok.dep_, tok.pos_, tok.tag_ = verb, "nsubj", "NOUN", "NNS"
            for w in sent.doc[sent.start:tok.i]:  # "Hezbollah": the doer's name
                if w.head.i == tok.i and w.dep_ == "nsubj":
                    w.dep_ = "compound"
            return True
    return False


def _stranded_verb(tok: Token) -> bool:
    """Whether the parser tagged a word as a verb ("-s") but hung it on a noun as a
    modifier ("China fires water cannon at boats": "fires" a compound of "cannon")."""
    return tok.tag_ == "VBZ" and tok.dep_ == "compound"


def _misread_object(tok: Token, lexicon: Lexicon) -> bool:
    """Whether a word the parser took for a headline's verb is a noun of the lexicon's and
    no verb of it ("North Korea fires missile": "missile" read as the verb)."""
    lemma = tok.lower_
    return (tok.tag_ in ("VB", "VBP") and lemma in lexicon.lemmas("NOUN")
            and lemma not in lexicon.lemmas("VERB"))


def mend_headline_verbs(doc: Doc, lexicon: Lexicon) -> None:
    """Give back its verb to a headline the parser misread ("Pakistan summons Indian
    envoy", "Turkey expels Dutch diplomats": the verb taken for a plural noun; "North
    Korea fires missile": and the object for the verb): in a line with no other verb and
    no closing stop, an "-s" word the lexicon knows as a verb, after a name and before a
    noun phrase, is that name's deed on the phrase. The parse is mended in place (parse
    arrays already read from a document mended are dropped, to be read anew)."""
    verb_lemmas = lexicon.lemmas("VERB")
    mended = False
    for sent in list(doc.sents):
        last = sent.end - 1
        while last > sent.start and doc[last].is_space:
            last -= 1
        if doc[last].is_punct:
            continue  # most lines end in a stop: one Token rules them out, not one a word
        mended = _mend_paired_names(sent) or mended
        mended = _mend_auxiliary_doer(sent, verb_lemmas) or mended
        words = [t for t in sent if not t.is_space]
        verbs = [t for t in words if t.pos_ in ("VERB", "AUX") and not _stranded_verb(t)
                 and not _misread_doer(t, verb_lemmas)]
        if len(words) < 3 or words[-1].is_punct or len(verbs) > 1:
            continue
        for k, tok in enumerate(words[1:-1], start=1):
            name, after = words[k - 1], words[k + 1]
            if verbs and not (verbs[0] is after and _misread_object(after, lexicon)):
                continue
            # ("Sudan army clashes with RSF": the name may qualify a noun that is the doer)
            qualified = (name.pos_ == "NOUN" and k >= 2 and _headline_name(words[k - 2]))
            # ("Kenyan police fire tear gas": a plural doer's verb has no "-s")
            plural = not verbs and _plural_doer_verb(words, k, verb_lemmas)
            if ((not plural and ((tok.tag_ != "NNS" and not _stranded_verb(tok))
                                 or not (_headline_name(name) or qualified)))
                    or (after.pos_ not in OBJECT_PHRASE_POS and after.pos_ != "ADP"
                        and not verbs)):
                continue
            lemma = tok.lower_ if plural else _headline_verb_form(tok.lower_, verb_lemmas)
            if lemma is None or (after.pos_ == "ADP" and not verbs and not any(
                    after.lower_ in e.target for e in lexicon.candidates("VERB", lemma))):
                # ("clashes with RSF": only a preposition the verb names its target by;
                # "police raids on offices" stays a noun phrase)
                continue
            if verbs:
                after.pos_, after.tag_ = "NOUN", "NN"
            phrase = []
            for w in words[k + 1:]:
                if w.pos_ not in OBJECT_PHRASE_POS:
                    break
                phrase.append(w)
            heads = [w for w in phrase if w.pos_ in ("NOUN", "PROPN")]
            if phrase and not heads:
                break
            # the verb first becomes a root of its own, so no step below makes a cycle
            tok.head, tok.dep_ = tok, "ROOT"
            tok.pos_, tok.tag_, tok.lemma_ = "VERB", "VBP" if plural else "VBZ", lemma
            if heads:  # ("clashes with RSF": a verb with no object)
                obj = heads[-1]
                obj.head, obj.dep_ = tok, "dobj"
                for w in phrase:
                    if w is not obj:
                        w.head, w.dep_ = obj, MODIFIER_LABELS.get(w.pos_, "compound")
            name.head, name.dep_ = tok, "nsubj"
            if name.pos_ == "ADJ":  # ("Pakistan summons": a name taken for an adjective)
                name.pos_, name.tag_ = "PROPN", "NNP"
            elif name.tag_ == "VBZ":  # ("Hamas militants fire": a doer taken for a verb)
                name.pos_, name.tag_ = "NOUN", "NNS"
            for w in words[:k - 1]:  # "North Korea": the rest of the name is the name's
                # ("Hamas militants" read as a clause: its name taken for a subject)
                if w.head.i >= tok.i or w.head.i == w.i or w.dep_ == "nsubj":
                    # ("Kenyan police": a people's adjective modifies the doer)
                    w.head, w.dep_ = name, "amod" if w.pos_ == "ADJ" else "compound"
            end = phrase[-1].i if phrase else tok.i
            for w in words[k + 1 + len(phrase):]:  # "over the border killing": the verb's
                if w.head.i <= end:
                    w.head = tok
                    if w.pos_ == "ADP":
                        w.dep_ = "prep"
            mended = True
            break
    if mended:
        forget_arrays(doc)


class HeadlineVerbs:
    """The pipeline component: :func:`mend_headline_verbs` with the lexicon it was built
    with."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon

    def __call__(self, doc: Doc) -> Doc:
        mend_headline_verbs(doc, self.lexicon)
        return doc

    def __reduce__(self) -> tuple[type[HeadlineVerbs], tuple[Lexicon]]:
        # made anew from its lexicon: compiled (setup.py), it has no other way to be
        # unpickled, which spaCy's worker processes (``nlp.pipe(n_process=...)``) do
        return HeadlineVerbs, (self.lexicon,)


@Language.factory(HEADLINE_VERBS, requires=["token.pos", "token.tag", "token.dep",
                                            "token.ent_type"],
                  assigns=["token.pos", "token.tag", "token.dep", "token.head",
                           "token.lemma"])
def make_headline_verbs(nlp: Language, name: str) -> HeadlineVerbs:
    """Build the component with Dotterel's trigger lexicon (read once per process)."""
    return HeadlineVerbs(load_lexicon())
