"""Dotterel: news articles in, CAMEO- and PLOVER-coded political events out.

    >>> import dotterel
    >>> events = dotterel.code("Mexico broke off diplomatic relations with Ecuador on Friday.",
    ...                        published="2024-04-06")          # doctest: +SKIP
    >>> events[0].cameo, events[0].source.code, events[0].date.iso()   # doctest: +SKIP
    ('161', 'MEXGOV', '2024-04-05')
"""

from __future__ import annotations

# first: modules imported below read it (dotterel.identity)
__version__ = "0.1.0"

import datetime as dt
from collections.abc import Iterable, Iterator
from functools import lru_cache

from .errors import (ConfigError, DictionaryError, DotterelError, InputError, KnowledgeError,
                     ModelNotFoundError, StoreError)
from .pipeline import Coder
from .settings import Settings
from .types import Actor, Article, Event, Evidence, Place, Quote, Rejected, TimeRef

__all__ = [
    "Actor", "Article", "Coder", "ConfigError", "DictionaryError", "DotterelError", "Event",
    "Evidence", "InputError", "KnowledgeError", "ModelNotFoundError", "Place", "Quote",
    "Rejected", "Settings", "StoreError", "TimeRef", "__version__", "code", "code_many",
]


@lru_cache(maxsize=1)
def _default_coder() -> Coder:
    return Coder()


def code(text: str, published: dt.date | str | None = None, doc_id: str = "doc") -> list[Event]:
    """Code one article's text into events, with a ``Coder`` built from the default settings.

    ``published`` (a date or ``YYYY-MM-DD``) anchors relative dates such as "on Wednesday".
    """
    return _default_coder().code(text, published=published, doc_id=doc_id)


def code_many(articles: Iterable[Article], settings: Settings | None = None
              ) -> Iterator[tuple[Article, list[Event]]]:
    """Code many articles in batches; yields each article with its events."""
    coder = Coder(settings) if settings is not None else _default_coder()
    return coder.code_articles(articles)
