"""Bounded memos for the coding stage: plain dictionaries emptied when full.

Compiled, a look-up in a dictionary is a few times cheaper than a call through
``functools.lru_cache``'s wrapper, and the stage looks up every word of every sentence.
The caller looks its key up itself (``memo.get(key)``) and calls :func:`remember` only for
a key that is not there.
"""

from __future__ import annotations

from typing import TypeVar

K = TypeVar("K")
V = TypeVar("V")


def remember(memo: dict[K, V], key: K, value: V, size: int) -> V:
    """``value``, kept in ``memo`` for ``key``; the memo is emptied first when it holds
    ``size`` entries, so that a long run's memory stays bounded."""
    if len(memo) >= size:
        memo.clear()
    memo[key] = value
    return value
