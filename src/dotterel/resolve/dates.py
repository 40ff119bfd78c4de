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
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from ..extract.mentions import Mention
from ..types import DateBasis, PublishedBasis, TimeRef
from .timex import TimeMention, find_times

FUTURE_AUX = {"will", "shall", "'ll"}


@dataclass(frozen=True)
class DatedMention:
    """An event mention with its date and how that date was found."""

    mention: Mention
    date: TimeRef | None
    basis: DateBasis


def _basis_of_published(basis: PublishedBasis | None) -> DateBasis:
    if basis == "metadata":
        return "metadata"
    if basis == "argument":
        return "argument"
    return "published"


def _is_pluperfect(root: Token) -> bool:
    aux = [c.lower_ for c in root.children if c.dep_ == "aux"]
    return "had" in aux and root.tag_ == "VBN"


def _tense(tok: Token) -> str | None:
    aux = {c.lower_ for c in tok.children if c.dep_ == "aux"}
    if aux & FUTURE_AUX:
        return "future"
    if tok.tag_ in ("VBD", "VBN"):
        return "past"
    return None


def _token_at(sent: Span, char: int) -> Token | None:
    for tok in sent:
        if tok.idx <= char < tok.idx + max(len(tok.text), 1):
            return tok
    return None


def _distance(tok: Token, trigger: Token) -> int | None:
    """How many steps up the tree from ``tok`` to ``trigger``; None when not above it."""
    cur, steps = tok, 0
    while True:
        if cur.i == trigger.i:
            return steps
        if cur.head.i == cur.i:
            return None
        cur, steps = cur.head, steps + 1


class DocDates:
    """Dates for the event mentions of one document, sentence by sentence in order."""

    def __init__(self, doc: Doc, published: dt.date | None, published_basis: PublishedBasis | None) -> None:
        self.doc = doc
        self.published = published
        self.published_basis = published_basis
        self.narrative: TimeRef | None = None
        self._event_dates: dict[str, TimeRef] = {}  # trigger lemma -> date of its first dated event

    def _anchor(self, sent: Span) -> TimeRef | None:
        """The date of an earlier event this sentence refers back to ("the raid")."""
        for tok in sent:
            if tok.pos_ == "NOUN" and tok.lemma_.lower() in self._event_dates:
                return self._event_dates[tok.lemma_.lower()]
        return None

    def sentence(self, sent: Span, mentions: list[Mention]) -> list[DatedMention]:
        """Date the mentions of one sentence and move the narrative time on."""
        anchor = self._anchor(sent)
        narrative = anchor or self.narrative
        root = sent.root
        tense = _tense(root)
        times = find_times(sent.text, self.published, narrative, tense)
        located: list[tuple[TimeMention, Token]] = []
        for tm in times:
            tok = _token_at(sent, sent.start_char + tm.start)
            if tok is not None:
                located.append((tm, tok))
        triggers = {m.trigger for m in mentions}
        out: list[DatedMention] = []
        for m in mentions:
            trig = self.doc[m.trigger]
            best: tuple[int, TimeRef] | None = None
            for tm, tok in located:
                d = _distance(tok, trig)
                if d is None:
                    continue
                # a time nearer another trigger on the way up belongs to that event
                cur, owned = tok, False
                for _ in range(d):
                    if cur.i in triggers and cur.i != trig.i:
                        owned = True
                        break
                    cur = cur.head
                if not owned and (best is None or d < best[0]):
                    best = (d, tm.ref)
            if best is None:
                # "broke off relations after police raided the embassy on April 5": the
                # time of a subordinate event bounds the main one
                inside = [(d, tm.ref) for tm, tok in located
                          if (d := _distance(tok, trig)) is not None]
                if inside:
                    best = min(inside, key=lambda x: x[0])
            if best is None:
                free = [tm for tm, tok in located
                        if not any(_distance(tok, self.doc[t]) is not None for t in triggers)]
                if free:
                    best = (99, free[0].ref)
            if best is not None:
                out.append(DatedMention(m, best[1], "text"))
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
                self._event_dates.setdefault(self.doc[dm.mention.trigger].lemma_.lower(), dm.date)
        if located and not _is_pluperfect(root):
            on_root = [tm for tm, tok in located if _distance(tok, root) is not None]
            self.narrative = (on_root or [tm for tm, _ in located])[-1].ref
        return out
