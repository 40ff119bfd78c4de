"""Marking the trigger and the actors' words in an evidence sentence, without HTML.

The result is a list of plain-text segments, each tagged with what it is (or None);
the page template escapes every segment and wraps the tagged ones in ``<mark>``. No
markup is ever built from the article's text, so a sentence holding ``<script>`` is shown
as text whatever it contains.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

Segment = tuple[str, str | None]  # (text, kind): kind is "trigger", "source", "target" or None


def _pattern(needle: str) -> re.Pattern[str] | None:
    """A case-insensitive pattern for ``needle`` that tolerates different spacing.

    The coder's actor text is built from tokens ("Ukraine 's armed forces"), so the words
    are matched with any (or no) whitespace between them.
    """
    words = needle.split()
    if not words:
        return None
    # whole words only: "fight" must not mark the start of "fighting" as an exact match
    return re.compile(r"(?<!\w)" + r"\s*".join(re.escape(w) for w in words) + r"(?!\w)",
                      re.IGNORECASE)


def _first_free(pattern: re.Pattern[str], text: str,
                taken: list[tuple[int, int]]) -> tuple[int, int] | None:
    """The first match of ``pattern`` in ``text`` that overlaps no span already taken."""
    for match in pattern.finditer(text):
        start, end = match.span()
        if end > start and all(end <= a or start >= b for a, b in taken):
            return start, end
    return None


def _trigger_patterns(trigger: str) -> list[re.Pattern[str]]:
    """The whole trigger first; then ever shorter runs of its first words, the last one
    as a word prefix, because a trigger can be a pattern's words rather than the
    sentence's ("broke off relations" in "broke off diplomatic relations" marks
    "broke off"; "fight" marks "fighting")."""
    patterns = [p for p in [_pattern(trigger)] if p is not None]
    words = trigger.split()
    for n in range(len(words), 0, -1):
        head = [re.escape(w) for w in words[:n]]
        patterns.append(re.compile(r"(?<!\w)" + r"\s+".join(head) + r"\w*", re.IGNORECASE))
    return patterns


def highlight(sentence: str, trigger: str = "", source: str = "",
              target: str = "") -> list[Segment]:
    """Split ``sentence`` into segments with the trigger, source and target words tagged.

    Each needle is marked at most once, at its first occurrence that does not overlap a
    needle marked before it (trigger first, then source, then target). A needle not found
    is simply not marked. Joining the segments' texts gives back the sentence exactly.
    """
    taken: list[tuple[int, int]] = []
    spans: list[tuple[int, int, str]] = []
    wanted: Sequence[tuple[str, list[re.Pattern[str]]]] = (
        ("trigger", _trigger_patterns(trigger) if trigger else []),
        ("source", [p for p in [_pattern(source)] if p is not None]),
        ("target", [p for p in [_pattern(target)] if p is not None]),
    )
    for kind, patterns in wanted:
        for pattern in patterns:
            span = _first_free(pattern, sentence, taken)
            if span is not None:
                taken.append(span)
                spans.append((span[0], span[1], kind))
                break
    segments: list[Segment] = []
    pos = 0
    for start, end, kind in sorted(spans):
        if start > pos:
            segments.append((sentence[pos:start], None))
        segments.append((sentence[start:end], kind))
        pos = end
    if pos < len(sentence):
        segments.append((sentence[pos:], None))
    return segments
