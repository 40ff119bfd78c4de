"""Code input files with one ``Coder``, streaming, with bad records passed through.

Between reading and coding, each article is checked, and reported instead of coded when:

* it is not in English (:mod:`dotterel.nlp.language`),
* its text is longer than the spaCy pipeline takes (``nlp.max_length``),
* parsing or extracting it takes longer than the time limit (:mod:`dotterel.run.limits`),
* or coding it fails with an error.

These are non-fatal rejects (``Rejected(fatal=False)``): the input was read, and the run
goes on with the next article.

Parsing runs a batch of articles through ``nlp.pipe`` (fast) under one article's limit; a
batch that takes longer than that is parsed again one article at a time, each under its own
limit, so only the slow article is dropped. Extraction (``Coder.analyse``) runs per article
under the limit. Reading is never under the watchdog: a batch is read before its timer
starts.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import islice
from pathlib import Path

from spacy.tokens import Doc

from ..ingest import read_inputs
from ..nlp.language import not_english
from ..pipeline import Coded, Coder
from ..types import Article, Rejected
from .limits import DEFAULT_TIME_LIMIT, TimeLimitExceeded, format_seconds, time_limit

logger = logging.getLogger(__name__)


def article_place(article: Article) -> tuple[str, int | None]:
    """The file and line an article was read from (``Article.origin`` is ``file[:line]``)."""
    origin = article.origin or article.id
    head, sep, tail = origin.rpartition(":")
    if sep and tail.isdigit() and head:
        return head, int(tail)
    return origin, None


def _reject(article: Article, reason: str) -> Rejected:
    """A non-fatal reject of a read article, naming its id when its line does not."""
    origin, line = article_place(article)
    if line is None and article.id and article.id != Path(origin).stem:
        reason = f"article {article.id!r}: {reason}"
    return Rejected(origin, line, reason, fatal=False)


def _too_slow(article: Article, stage: str, seconds: float) -> Rejected:
    return _reject(article, f"{stage} took longer than {format_seconds(seconds)} s (the "
                            f"--time-limit); the article was skipped - split it, or raise "
                            f"the limit")


def _failed(article: Article, stage: str, err: Exception) -> Rejected:
    # a bug or a pathological text: one article must not stop the run, but the error
    # is logged in full so it can be reported
    logger.debug("%s of %s failed", stage, article.origin, exc_info=True)
    return _reject(article, f"{stage} failed ({type(err).__name__}: {err}); the article was "
                            f"skipped - please report this with the article")


def _batches(articles: Iterable[Article], size: int) -> Iterator[list[Article]]:
    it = iter(articles)
    while batch := list(islice(it, size)):
        yield batch


def _parse(coder: Coder, batch: list[Article], limit: float | None) -> list[Doc | Rejected]:
    """Parse a batch with ``nlp.pipe``; on a timeout or error, each article alone."""
    try:
        # one article's limit for the whole batch: parsing takes milliseconds an article,
        # so a batch over it almost surely holds the slow one, found below
        with time_limit(limit):
            return list(coder.nlp.pipe([a.text for a in batch], batch_size=len(batch)))
    except TimeLimitExceeded:
        logger.debug("a batch of %d took longer than %s s; parsing one at a time",
                     len(batch), limit)
    except Exception:  # noqa: BLE001 - find the article that fails, below
        logger.debug("parsing a batch failed; parsing one at a time", exc_info=True)
    out: list[Doc | Rejected] = []
    for article in batch:
        try:
            with time_limit(limit):
                out.append(coder.nlp(article.text))
        except TimeLimitExceeded as exc:
            out.append(_too_slow(article, "parsing", exc.seconds))
        except Exception as err:  # noqa: BLE001
            out.append(_failed(article, "parsing", err))
    return out


def _code_batch(coder: Coder, batch: list[Article], limit: float | None
                ) -> Iterator[Coded | Rejected]:
    for article, doc in zip(batch, _parse(coder, batch, limit)):
        if isinstance(doc, Rejected):
            yield doc
            continue
        try:
            with time_limit(limit):
                coded = coder.analyse(doc, article)
        except TimeLimitExceeded as exc:
            yield _too_slow(article, "coding", exc.seconds)
            continue
        except Exception as err:  # noqa: BLE001
            yield _failed(article, "coding", err)
            continue
        yield coded


@dataclass(frozen=True)
class Skipped:
    """An article the store already holds with the same text, coded the same way: a
    resumed run does not code it again (its stored events are exported instead)."""

    article: Article


Item = Article | Skipped | Rejected

# a batch or chunk is cut after this many items even when it has few articles to code,
# so that a resumed run skipping a long stored stretch holds little in memory
MAX_ITEMS = 1000


def checked_articles(paths: Sequence[str | Path], published: dt.date | None, max_length: int,
                     *, english_only: bool = True,
                     stored: Callable[[Article], bool] | None = None) -> Iterator[Item]:
    """Read the inputs and check each article before coding: an article the parser cannot
    take (over ``max_length`` characters) or, with ``english_only``, not in English
    becomes a ``Rejected``; one for which ``stored(article)`` is true (a resumed run)
    becomes ``Skipped``. Streams: one record at a time is read."""
    for item in read_inputs(paths, published):
        if isinstance(item, Rejected):
            yield item
        elif len(item.text) > max_length:
            yield _reject(item, f"the text is {len(item.text):,} characters, more than the "
                                f"{max_length:,} the parser takes; split it into smaller "
                                f"articles")
        elif english_only and (reason := not_english(item.text)):
            yield _reject(item, reason)
        elif stored is not None and stored(item):
            yield Skipped(item)
        else:
            yield item


def article_batches(items: Iterable[Item], size: int) -> Iterator[list[Item]]:
    """Cut the stream into batches of ``size`` articles to code, with the rejects and
    skipped articles met on the way (at most ``MAX_ITEMS`` items a batch)."""
    batch: list[Item] = []
    n = 0
    for item in items:
        batch.append(item)
        n += isinstance(item, Article)
        if n >= size or len(batch) >= MAX_ITEMS:
            yield batch
            batch, n = [], 0
    if batch:
        yield batch


def passed_over(batch: list[Item]) -> Iterator[Rejected | Skipped]:
    """The items of a batch that are not coded, in order: rejects, then skipped articles
    (which a resumed run meets before the articles it still has to code)."""
    yield from (i for i in batch if isinstance(i, Rejected))
    yield from (i for i in batch if isinstance(i, Skipped))


def code_articles(coder: Coder, articles: Sequence[Article], limit: float | None
                  ) -> Iterator[Coded | Rejected]:
    """Code checked articles in ``nlp.pipe`` batches of the coder's batch size, one
    ``Coded`` or ``Rejected`` per article, in order: the coding step of every run, local
    or on a cluster."""
    for batch in _batches(articles, coder.settings.batch_size):
        yield from _code_batch(coder, batch, limit)


def code_inputs(coder: Coder, paths: Sequence[str | Path], published: dt.date | None = None,
                *, time_limit_s: float | None = DEFAULT_TIME_LIMIT, english_only: bool = True,
                stored: Callable[[Article], bool] | None = None
                ) -> Iterator[Coded | Rejected | Skipped]:
    """Code every article in ``paths``; yields a ``Coded`` article (events and quotes)
    and, near its place in the stream, a ``Rejected`` for each record that could not be
    read or was not coded, and a ``Skipped`` for each article ``stored`` says is
    already stored (see :func:`checked_articles`).

    ``time_limit_s`` bounds the parsing and the extraction of each article (None or 0:
    no limit; enforced on the main thread on POSIX only, see :mod:`dotterel.run.limits`).
    ``english_only`` rejects articles that are not in English instead of coding them.
    """
    items = checked_articles(paths, published, coder.nlp.max_length,
                             english_only=english_only, stored=stored)
    for batch in article_batches(items, coder.settings.batch_size):
        # the rejects met while reading this batch come before its articles
        yield from passed_over(batch)
        yield from code_articles(coder, [i for i in batch if isinstance(i, Article)],
                                 time_limit_s)
