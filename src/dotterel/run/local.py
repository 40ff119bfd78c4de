"""Code input files with one ``Coder``, streaming, with bad records passed through."""

from __future__ import annotations

import datetime as dt
from collections import deque
from collections.abc import Iterator, Sequence
from pathlib import Path

from ..ingest import read_inputs
from ..pipeline import Coder
from ..types import Article, Event, Rejected


def code_inputs(coder: Coder, paths: Sequence[str | Path], published: dt.date | None = None
                ) -> Iterator[tuple[Article, list[Event]] | Rejected]:
    """Code every article in ``paths``; yields ``(article, events)`` pairs and, in their
    place in the stream, a ``Rejected`` for each record that could not be read."""
    rejects: deque[Rejected] = deque()

    def articles() -> Iterator[Article]:
        for item in read_inputs(paths, published):
            if isinstance(item, Rejected):
                rejects.append(item)
            else:
                yield item

    for pair in coder.code_articles(articles()):
        while rejects:
            yield rejects.popleft()
        yield pair
    while rejects:
        yield rejects.popleft()
