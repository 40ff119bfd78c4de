"""Quotations and who said them, read from a parsed spaCy ``Doc``.

Three kinds of speech are found:

* ``direct``: words between double quote marks that stand as speech of their own
  (``"We will not restore relations," Sheinbaum said.``), including quotes that run over
  several sentences and quotes split by their attribution
  (``"We will not," she said, "restore relations."``, two spans, one speaker);
* ``partial``: a quoted phrase woven into a sentence (``calling it "highly irregular"``),
  attributed to the subject of the verb that governs it;
* ``indirect``: reported speech with no quote marks (``X said the army would withdraw``),
  whose text is the complement clause.

Attribution looks, in order, at the words just after a quote (up to the end of its
sentence or the next quote), the words just before it, the parse above it, and then the
paragraph: an unattributed quote takes the speaker of the previous quote in its paragraph,
else of the next attribution in the paragraph, else of a quote that ended the previous
paragraph (the news convention for a quote running on over paragraphs), else of the
first attribution in the next sentence. A quote that none of these attributes is dropped.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Final, Literal

from spacy.tokens import Doc, Token

from ..nlp.arrays import (ParseArrays, parse_arrays, token_lemma_lower, token_lower,
                          token_pos)
from .word_classes import word_class

QuoteKind = Literal["direct", "partial", "indirect"]

# Verbs that introduce speech, by lemma: the verbs of reporting and the other verbs of
# speech (word_classes.tsv). "according to" is handled apart.
REPORT_LEMMAS: Final = word_class("reporting") | word_class("speaking")
# Verbs whose quoted object is a characterisation by the subject (word_classes.tsv).
CHARACTERISE_LEMMAS: Final = word_class("characterising")
SUBJECT_DEPS: Final = frozenset({"nsubj", "nsubjpass"})
# Dependents that can carry the speaker of an inverted attribution ("said Canseco").
INVERTED_DEPS: Final = frozenset({"nsubj", "nsubjpass", "dobj", "attr", "npadvmod", "appos",
                                  "oprd", "dative", "conj", "dep"})
NOMINAL_POS: Final = frozenset({"PROPN", "NOUN", "PRON"})
RELATIVE_PRONOUNS: Final = frozenset({"who", "which", "that", "whom"})
SENTENCE_END: Final = frozenset({".", "!", "?"})
TRAILING: Final = " \t\r\n,;:"
OPEN_MARKS: Final = "“"
CLOSE_MARKS: Final = "”"
STRAIGHT: Final = '"'
# The widest attribution window around a quote, in tokens; a reporting verb further away
# belongs to some other statement.
WINDOW: Final = 30
LINE_BREAK: Final = re.compile(r"\n")


@dataclass(init=False, unsafe_hash=True)
class QuoteSpan:
    """A stretch of speech in a document and who said it.

    ``start``/``end`` are character offsets of the quoted words in ``doc.text`` (without the
    quote marks), ``speaker`` the token index of the head of the speaker's noun phrase (a
    pronoun is returned as such, for the actor resolver), ``verb`` the token index of the
    reporting verb ("according" for "according to").

    (Not frozen, as it is made for each quote: compiled, this ``__init__`` is over ten
    times faster than a frozen dataclass's, which runs as Python. Nothing changes one
    once made; it hashes and compares as a frozen one would.)
    """

    start: int
    end: int
    text: str
    kind: QuoteKind
    speaker: int | None
    verb: int | None

    def __init__(self, start: int, end: int, text: str, kind: QuoteKind, speaker: int | None,
                 verb: int | None) -> None:
        self.start = start
        self.end = end
        self.text = text
        self.kind = kind
        self.speaker = speaker
        self.verb = verb


@dataclass(frozen=True)
class _Marked:
    """A pair of quote marks: offsets of the marks and of the trimmed words between."""

    open_at: int  # offset of the opening mark
    close_at: int  # offset of the closing mark (the line end when never closed)
    start: int
    end: int
    closed: bool


@dataclass(frozen=True)
class _Attribution:
    speaker: int
    verb: int | None


def find_quotes(doc: Doc) -> list[QuoteSpan]:
    """Every attributed direct, partial and indirect quote in ``doc``, in text order.

    Quotes whose speaker cannot be found are left out.
    """
    text = parse_arrays(doc).text  # Doc.text joins it anew from the tokens on every read
    marked = _quote_marks(text)
    inside = _inside_map(doc, marked)
    marks = _mark_tokens(doc, marked)
    paragraphs = _paragraph_starts(text)

    spans: list[tuple[_Marked, QuoteKind, _Attribution | None]] = []
    for k, m in enumerate(marked):
        if m.end <= m.start:
            continue
        open_tok, close_tok = marks[k]
        kind = _kind(doc, text, m, open_tok, inside)
        if kind == "partial":
            # a partial quote that ends its sentence is not attributed by the next one
            ends = text[m.start:m.end].rstrip("”\"'’").endswith(tuple(SENTENCE_END))
            found = (_governing_report(doc, m, inside, report_only=True)
                     or _window_attribution(doc, open_tok, close_tok, inside, after=not ends)
                     or _governing_report(doc, m, inside, report_only=False))
        else:
            found = (_window_attribution(doc, open_tok, close_tok, inside)
                     or _governing_report(doc, m, inside, report_only=True))
        spans.append((m, kind, found))

    # Context for quotes with no attribution of their own: neighbours in the paragraph.
    resolved: list[_Attribution | None] = [a for _, _, a in spans]
    for k, (m, kind, found) in enumerate(spans):
        if found is None:
            resolved[k] = _from_context(doc, text, spans, resolved, k, paragraphs, inside, marks)

    out: list[QuoteSpan] = []
    for (m, kind, _), found in zip(spans, resolved):
        if found is None:
            continue  # we keep only quotes we can attribute
        out.append(QuoteSpan(m.start, m.end, text[m.start:m.end], kind, found.speaker, found.verb))
    out.extend(_indirect(doc, text, inside, marks))
    out.extend(_according_clauses(doc, text, inside))
    out.sort(key=lambda q: (q.start, q.end))
    return out


# -- quote marks --------------------------------------------------------------------------


def _quote_marks(text: str) -> list[_Marked]:
    """Pair the double quote marks of ``text`` line by line.

    Curly marks pair by direction, straight ones alternate. A mark left open at the end of
    a line is closed there: news continues a long quote in the next paragraph by opening
    it again without closing the first. Single quotes are left alone: inside a double
    quote they are a nested quote, elsewhere mostly apostrophes.
    """
    found: list[_Marked] = []
    open_at: int | None = None
    for mark in _MARK_OR_LINE_END.finditer(text):  # only the marks, not every character
        ch, at = mark.group(), mark.start()
        if ch == "\n":
            if open_at is not None:
                found.append(_trimmed(text, open_at, at, False))
            open_at = None
        elif ch in OPEN_MARKS or (ch == STRAIGHT and open_at is None):
            open_at = at  # a second opening mark restarts: the first was a stray
        elif open_at is not None:  # a closing or straight mark
            found.append(_trimmed(text, open_at, at, True))
            open_at = None
    if open_at is not None:
        found.append(_trimmed(text, open_at, len(text), False))
    return found


_MARK_OR_LINE_END: Final = re.compile("[" + re.escape(OPEN_MARKS + CLOSE_MARKS + STRAIGHT) + "\n]")


def _trimmed(text: str, open_at: int, close_at: int, closed: bool) -> _Marked:
    """The words between two marks, without surrounding space and the comma that belongs
    to the attribution ("We will not," she said)."""
    start, end = open_at + 1, close_at
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1] in TRAILING:
        end -= 1
    return _Marked(open_at, close_at, start, end, closed)


def _inside_map(doc: Doc, marked: Sequence[_Marked]) -> dict[int, int]:
    """Token index -> index of the quote whose marks enclose it (marks included)."""
    inside: dict[int, int] = {}
    idx = parse_arrays(doc).idx
    for k, m in enumerate(marked):
        span = doc.char_span(m.open_at, max(m.close_at + 1, m.open_at + 1),
                             alignment_mode="expand")
        if span is None:
            continue
        for i in range(span.start, span.end):  # (offsets from the parse arrays: no Tokens)
            if idx[i] <= m.close_at:
                inside.setdefault(i, k)
    return inside


def _mark_tokens(doc: Doc, marked: Sequence[_Marked]) -> list[tuple[int, int]]:
    """For each quote, the token holding its opening mark and the one holding its closing
    mark (the last token of the line when it was never closed)."""
    out: list[tuple[int, int]] = []
    if not marked:
        return out
    starts = parse_arrays(doc).idx  # every token's character offset
    for m in marked:
        close = m.close_at if m.closed else max(m.close_at - 1, m.open_at)
        out.append((_last_at_or_before(starts, m.open_at), _last_at_or_before(starts, close)))
    return out


def _last_at_or_before(offsets: Sequence[int], char: int) -> int:
    """The index of the last of the sorted ``offsets`` at or before ``char`` (0 if none):
    the token, or the paragraph, that covers character ``char``."""
    return max(bisect_right(offsets, char) - 1, 0)


def _paragraph_starts(text: str) -> list[int]:
    """Character offsets where paragraphs (lines) start."""
    return [0] + [m.end() for m in LINE_BREAK.finditer(text)]


def _breaks_line(tok: Token) -> bool:
    return "\n" in tok.text or "\n" in tok.whitespace_


# -- direct or partial --------------------------------------------------------------------


def _kind(doc: Doc, text: str, m: _Marked, open_tok: int, inside: dict[int, int]) -> QuoteKind:
    """Direct when the quote stands as speech of its own: it opens its sentence or line,
    follows a colon, or follows a comma and starts a sentence or resumes an interrupted
    quote; otherwise it is a phrase inside someone else's sentence."""
    prev = _previous_word(doc, open_tok)
    if prev is None or prev.text in SENTENCE_END or prev.i in inside or prev.text == ":":
        return "direct"
    if prev.text == ",":
        first = text[m.start:m.start + 1]
        lead = _window(doc, prev.i - 1, -1, inside)
        if (first.isupper() or _report_verb_between(doc, prev.i, inside)
                or any(token_lower(t) == "according" for t in lead)):
            return "direct"
    return "partial"


def _previous_word(doc: Doc, i: int) -> Token | None:
    """The token before ``i`` on the same line, skipping spaces; None at a line start."""
    j = i - 1
    while j >= 0:
        tok = doc[j]
        if _breaks_line(tok):
            return None
        if not tok.is_space:
            return tok
        j -= 1
    return None


def _report_verb_between(doc: Doc, before: int, inside: dict[int, int]) -> bool:
    """Whether a reporting verb stands between the previous quote and token ``before``
    ("..., she said, "restore relations."": the second part of an interrupted quote)."""
    j = before
    seen_verb = False
    while j >= 0 and before - j < WINDOW:
        if j in inside:
            return seen_verb  # reached the first part of the quote
        if _breaks_line(doc[j]) and j != before:
            return False
        seen_verb = seen_verb or _is_report(doc[j])
        j -= 1
    return False


def _is_report(tok: Token) -> bool:
    return token_lemma_lower(tok) in REPORT_LEMMAS and token_pos(tok) in ("VERB", "AUX")


# -- attribution --------------------------------------------------------------------------


def _window_attribution(doc: Doc, open_tok: int, close_tok: int, inside: dict[int, int],
                        after: bool = True) -> _Attribution | None:
    """A reporting verb and its speaker just after the quote (unless ``after`` is
    False), else just before it."""
    following = _window(doc, close_tok + 1, +1, inside) if after else []
    before = _window(doc, open_tok - 1, -1, inside)
    for window in (following, before):
        found = _attribution_in(doc, window, inside)
        if found is not None:
            return found
    return None


def _window(doc: Doc, i: int, step: int, inside: dict[int, int]) -> list[Token]:
    """Tokens from ``i`` in direction ``step`` up to a line break, a sentence end or a quote."""
    out: list[Token] = []
    while 0 <= i < len(doc) and len(out) < WINDOW:
        tok = doc[i]
        if i in inside:
            break
        if step < 0 and (tok.text in SENTENCE_END or _breaks_line(tok)):
            break
        out.append(tok)
        if step > 0 and (tok.text in SENTENCE_END or _breaks_line(tok)):
            break
        i += step
    return sorted(out, key=lambda t: t.i)


def _attribution_in(doc: Doc, window: Sequence[Token],
                    inside: dict[int, int]) -> _Attribution | None:
    """The first reporting verb (or "according to") in ``window`` that has a speaker."""
    allowed = {t.i for t in window}
    for tok in window:
        if (token_lower(tok) == "according" and tok.i + 1 < len(doc)
                and parse_arrays(doc).lowers[tok.i + 1] == "to"):
            who = _according_to(doc, tok.i + 1, inside)
            if who is not None:
                return _Attribution(who, tok.i)
        elif _is_report(tok) or (token_lemma_lower(tok) in REPORT_LEMMAS
                                 and tok.tag_.startswith("VB")):
            who = _speaker_of(doc, tok.i, inside, allowed)
            if who is not None:
                return _Attribution(who, tok.i)
    return None


def _according_to(doc: Doc, to: int, inside: dict[int, int]) -> int | None:
    """The head of the noun phrase after "according to"."""
    objs = [c for c in doc[to].children if c.dep_ == "pobj" and c.i not in inside]
    if objs:
        return _np_head(parse_arrays(doc), objs[0].i)
    # a misparse: take the end of the first run of nominal words
    last: int | None = None
    for tok in doc[to + 1: min(len(doc), to + 1 + WINDOW)]:
        if tok.i in inside:
            break
        if token_pos(tok) in NOMINAL_POS:
            last = tok.i
        elif last is not None and token_pos(tok) not in ("DET", "ADJ", "PART"):
            break
    return last


def _speaker_of(doc: Doc, verb: int, inside: dict[int, int],
                allowed: set[int] | None = None) -> int | None:
    """The speaker of the reporting verb at ``verb``: its subject, else the noun of an
    inverted attribution ("said Canseco"), else the subject of the clause it hangs from.
    (Read from the parse arrays, by word position: every clause climbed to is searched.)"""
    arrays = parse_arrays(doc)
    deps, heads, pos, children = arrays.deps, arrays.heads, arrays.pos, arrays.children
    reports = allowed is not None and arrays.lemma_lowers[verb] in REPORT_LEMMAS
    cur = verb
    for _ in range(6):
        subj = next((c for c in children[cur] if deps[c] in SUBJECT_DEPS and c not in inside),
                    None)
        if subj is not None:
            return _np_head(arrays, _antecedent(arrays, subj))
        if cur == verb and allowed is not None and reports:
            # "said Canseco": a name after the verb; the object of "told" is the listener
            after = [c for c in children[cur] if c > cur and deps[c] in INVERTED_DEPS
                     and c in allowed and c not in inside
                     and (pos[c] == "PROPN" or (pos[c] in NOMINAL_POS and deps[c] != "dobj"))]
            if after:
                return _np_head(arrays, after[0])
        head = heads[cur]
        if deps[cur] == "pcomp" and deps[head] == "prep" and heads[head] != head:
            cur = heads[head]  # "defended it by saying ...": the speaker defended
            continue
        if deps[cur] == "acl" and deps[head] in ("dobj", "pobj") \
                and pos[heads[head]] in ("VERB", "AUX"):
            cur = heads[head]  # "defended his decision to raid ...": the one who defended
            continue
        if head == cur or deps[cur] not in ("conj", "advcl", "xcomp"):
            break
        cur = head
    if allowed is not None and reports:
        # inverted attributions the parser misread: the nearest nominal word after the verb
        for i in range(verb + 1, min(verb + 4, len(arrays.words))):
            if i not in allowed or i in inside:
                break
            if pos[i] in ("PROPN", "PRON") or (pos[i] == "NOUN" and deps[i] != "npadvmod"):
                return _np_head(arrays, i)
    return None


def _antecedent(arrays: ParseArrays, i: int) -> int:
    """For a relative pronoun subject ("Sheinbaum, who said"), the noun it stands for."""
    head = arrays.heads[i]
    if arrays.lowers[i] in RELATIVE_PRONOUNS and arrays.deps[head] == "relcl":
        return arrays.heads[head]
    return i


def _np_head(arrays: ParseArrays, i: int) -> int:
    """Climb from a word inside a name ("Claudia" in "Claudia Sheinbaum") to the head."""
    deps, heads = arrays.deps, arrays.heads
    while deps[i] in ("compound", "flat") and heads[i] != i and arrays.pos[heads[i]] in NOMINAL_POS:
        i = heads[i]
    return i


def _governing_report(doc: Doc, m: _Marked, inside: dict[int, int], *,
                      report_only: bool) -> _Attribution | None:
    """The verb above the quote in the parse and its subject: the nearest reporting or
    characterising verb when ``report_only``, else the nearest verb with a subject."""
    # the quote's own roots: words inside the marks whose head lies outside them (found
    # by their offsets in the parse arrays, not by a Token for every word of the document)
    arrays = parse_arrays(doc)
    idx, heads = arrays.idx, arrays.heads
    roots = [doc[i] for i in range(bisect_left(idx, m.start), bisect_left(idx, m.end))
             if not m.open_at <= idx[heads[i]] <= m.close_at]
    for root in roots:
        cur = root
        for _ in range(12):
            if cur.head.i == cur.i:
                break
            came_by = cur.dep_
            cur = cur.head
            if m.open_at <= cur.idx <= m.close_at:
                continue
            lemma = token_lemma_lower(cur)
            if token_lower(cur) == "according":
                to = (cur.i + 1 if cur.i + 1 < len(doc)
                      and parse_arrays(doc).lowers[cur.i + 1] == "to" else None)
                who = _according_to(doc, to, inside) if to is not None else None
                if who is not None:
                    return _Attribution(who, cur.i)
            if token_pos(cur) not in ("VERB", "AUX"):
                continue
            # "called it X" characterises; "called for X" does not
            characterises = lemma in CHARACTERISE_LEMMAS and came_by != "prep"
            wanted = lemma in REPORT_LEMMAS or characterises or not report_only
            if wanted:
                who = _speaker_of(doc, cur.i, inside)
                if who is not None:
                    return _Attribution(who, cur.i)
    if not report_only:
        return _according_in_sentence(doc, m, inside)
    return None


def _according_in_sentence(doc: Doc, m: _Marked, inside: dict[int, int]) -> _Attribution | None:
    """"according to X" anywhere in the quote's sentence, outside quotes."""
    sent = doc[_last_at_or_before(parse_arrays(doc).idx, m.open_at)].sent
    for tok in sent:
        if tok.i in inside or token_lower(tok) != "according":
            continue
        if tok.i + 1 < len(doc) and parse_arrays(doc).lowers[tok.i + 1] == "to":
            who = _according_to(doc, tok.i + 1, inside)
            if who is not None:
                return _Attribution(who, tok.i)
    return None


def _from_context(doc: Doc, text: str, spans: Sequence[tuple[_Marked, QuoteKind, _Attribution | None]],
                  resolved: Sequence[_Attribution | None], k: int, paragraphs: Sequence[int],
                  inside: dict[int, int], marks: Sequence[tuple[int, int]]) -> _Attribution | None:
    """The speaker of an unattributed quote, from its neighbours (see the module notes)."""
    m = spans[k][0]
    para = _last_at_or_before(paragraphs, m.open_at)

    def same_para(j: int) -> bool:
        return _last_at_or_before(paragraphs, spans[j][0].open_at) == para

    # the previous attributed quote of the paragraph (own attributions only come first)
    for j in range(k - 1, -1, -1):
        if not same_para(j):
            break
        if resolved[j] is not None:
            return resolved[j]
    # the next attribution in the paragraph: a later quote's, or a reporting verb
    for j in range(k + 1, len(spans)):
        if not same_para(j):
            break
        if spans[j][2] is not None:
            return spans[j][2]
    para_end = paragraphs[para + 1] if para + 1 < len(paragraphs) else len(text)
    close_tok = marks[k][1]
    tail = [t for t in doc[close_tok + 1:] if t.idx < para_end and t.i not in inside]
    found = _first_in_sentence_order(doc, tail, inside)
    if found is not None:
        return found
    # a quote running on from the previous paragraph, which ended with an attributed quote
    if para > 0 and _is_whole_paragraph(text, paragraphs, para, m):
        prev_para = para - 1
        while prev_para > 0 and _blank(text, paragraphs, prev_para):
            prev_para -= 1
        for j in range(k - 1, -1, -1):
            jp = _last_at_or_before(paragraphs, spans[j][0].open_at)
            if jp < prev_para:
                break
            if jp == prev_para and resolved[j] is not None:
                return resolved[j]
    # the attribution of the next sentence (in the following paragraph)
    if para + 1 < len(paragraphs):
        nxt = para + 1
        while nxt + 1 < len(paragraphs) and _blank(text, paragraphs, nxt):
            nxt += 1
        end = paragraphs[nxt + 1] if nxt + 1 < len(paragraphs) else len(text)
        first = [t for t in doc if paragraphs[nxt] <= t.idx < end and t.i not in inside]
        if first:
            sent = first[0].sent
            return _attribution_in(doc, [t for t in first if t.sent == sent], inside)
    return None


def _first_in_sentence_order(doc: Doc, tokens: Sequence[Token],
                             inside: dict[int, int]) -> _Attribution | None:
    """The first attribution among ``tokens``, sentence by sentence."""
    by_sent: dict[int, list[Token]] = {}
    for t in tokens:
        by_sent.setdefault(t.sent.start, []).append(t)
    for start in sorted(by_sent):
        found = _attribution_in(doc, by_sent[start], inside)
        if found is not None:
            return found
    return None


def _blank(text: str, paragraphs: Sequence[int], para: int) -> bool:
    """Whether paragraph ``para`` (not the last) holds only white space."""
    return not text[paragraphs[para]:paragraphs[para + 1]].strip()


def _is_whole_paragraph(text: str, paragraphs: Sequence[int], para: int, m: _Marked) -> bool:
    """Whether the paragraph opens with the quote (a continued quote starts a paragraph)."""
    return not text[paragraphs[para]:m.open_at].strip()


# -- indirect speech ------------------------------------------------------------------------


def _indirect(doc: Doc, text: str, inside: dict[int, int],
              marks: Iterable[tuple[int, int]]) -> list[QuoteSpan]:
    """Reported speech without quote marks: a reporting verb outside quotes with a clausal
    complement ("said (that) the army would withdraw") that quotes no one directly."""
    mark_toks = {i for pair in marks for i in pair}
    out: list[QuoteSpan] = []
    # read from the parse arrays: this visits every word of the document, and only the
    # few reporting verbs need a Token
    arrays = parse_arrays(doc)
    lemmas, pos, deps, heads, texts = (arrays.lemma_lowers, arrays.pos, arrays.deps, arrays.heads,
                                       arrays.words)
    for i, tag in enumerate(pos):
        # (the part of speech first: most words are no verb, and few verbs report)
        if ((tag != "VERB" and tag != "AUX") or i in inside
                or lemmas[i] not in REPORT_LEMMAS):
            continue
        for comp in arrays.children[i]:
            if deps[comp] != "ccomp":
                continue
            # the complement's words, its own opening "that" and white space aside (by
            # position, from the parse arrays: a clause reported is often long)
            toks = [t for t in arrays.subtree(comp)
                    if not (deps[t] == "mark" and heads[t] == comp and t < comp)
                    and not texts[t].isspace()]  # (what ``Token.is_space`` tests)
            if not toks:
                continue
            # a complement that is mostly inside quote marks is the quoted speech itself
            if _mostly_quoted(toks, inside) or toks[0] in mark_toks:
                continue
            speaker = _speaker_of(doc, i, inside)
            if speaker is None or toks[0] <= speaker <= toks[-1]:
                continue
            start = arrays.idx[toks[0]]
            end = arrays.idx[toks[-1]] + len(texts[toks[-1]])
            words = text[start:end].rstrip(TRAILING + ".")
            if len(words.split()) < 2:
                continue
            out.append(QuoteSpan(start, start + len(words), words, "indirect", speaker, i))
    return out


def _according_clauses(doc: Doc, text: str, inside: dict[int, int]) -> list[QuoteSpan]:
    """Unquoted clauses attributed by "according to X" ("According to Bárcena, the staff
    would leave"): the clause the phrase modifies, without the phrase itself."""
    out: list[QuoteSpan] = []
    if "according" not in text.lower():
        return out  # most documents: no need to visit every token
    for tok in doc:
        if token_lower(tok) != "according" or tok.i in inside or tok.i + 1 >= len(doc):
            continue
        if parse_arrays(doc).lowers[tok.i + 1] != "to":
            continue
        speaker = _according_to(doc, tok.i + 1, inside)
        clause = tok.head
        if speaker is None or clause.i == tok.i or token_pos(clause) not in ("VERB", "AUX"):
            continue
        phrase = {t.i for t in tok.subtree}
        toks = [t for t in clause.subtree if t.i not in phrase and not t.is_space]
        if (not toks or _mostly_quoted([t.i for t in toks], inside)
                or any(t.i in inside for t in toks)):
            continue  # a quote with its own marks is reported as such
        # the longest run of the clause's words not interrupted by the phrase
        runs: list[list[Token]] = [[]]
        for t in toks:
            if runs[-1] and t.i != runs[-1][-1].i + 1:
                runs.append([])
            runs[-1].append(t)
        run = max(runs, key=len)
        while run and run[0].is_punct:
            run = run[1:]
        if len(run) < 2:
            continue
        start = run[0].idx
        words = text[start:run[-1].idx + len(run[-1].text)].rstrip(TRAILING + ".")
        out.append(QuoteSpan(start, start + len(words), words, "indirect", speaker, tok.i))
    return out


def _mostly_quoted(positions: Sequence[int], inside: dict[int, int]) -> bool:
    """Whether most of the words at ``positions`` are inside quote marks."""
    return sum(i in inside for i in positions) * 2 > len(positions)


__all__ = ["QuoteKind", "QuoteSpan", "find_quotes"]
