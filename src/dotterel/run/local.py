"""Code input files with one ``Coder``, streaming, with bad records passed through."""

from __future__ import annotations

import datetime as dt
from collections import deque
from collections.abc import Iterator, Sequence
from pathlib import Path

from ..ingest import read_inputs
from ..pipeline import Coded, Coder
from ..types import Article, Rejected


def code_inputs(coder: Coder, paths: Sequence[str | Path], published: dt.date | None = None
                ) -> Iterator[Coded | Rejected]:
    """Code every article in ``paths``; yields a ``Coded`` article (events and quotes)
    and, in its place in the stream, a ``Rejected`` for each record that could not be read."""
    rejects: deque[Rejected] = deque()

    def articles() -> Iterator[Article]:
        for item in read_inputs(paths, published):
            if isinstance(item, Rejected):
                rejects.append(item)
            else:
                yield item

    for coded in coder.code_documents(articles()):
        while rejects:
            yield rejects.popleft()
        yield coded
    while rejects:
        yield rejects.popleft()
