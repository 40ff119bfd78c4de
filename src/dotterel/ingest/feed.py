"""News feeds (``.rss``, ``.atom`` files and ``http://`` / ``https://`` URLs): one article per entry.

Feeds are parsed with feedparser (RSS 0.9x-2.0, RSS 1.0, Atom). Each entry becomes an
article: its id from the entry's id (``<guid>``, ``<id>``), else its link; its URL the
link; its title the entry's title; its outlet the feed's title; its publication date the
entry's published (else updated) date, as the publisher wrote it (basis ``metadata``).
The text is the entry's content, else its summary, with HTML markup stripped. An entry
with neither is reported and counted (not fatal: the feed was read).

A URL is fetched with the standard library (a timeout, a size limit, no cookies). When it
answers with an HTML page rather than a feed, the page is read as one article, as an
``.html`` file is.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import io
import logging
from collections.abc import Iterator, Mapping
from dataclasses import replace
from pathlib import Path
from typing import Any

import feedparser
from feedparser.exceptions import ThingsNobodyCaresAboutButMe

from dotterel.ingest.html import extract_html, fragment_text, page_article
from dotterel.ingest.text import (content_id, fallback_date, file_bytes, normalise_newlines,
                                  string_problem, text_problem)
from dotterel.ingest.web import FETCH_TIMEOUT_S, open_url
from dotterel.types import Article, Rejected

logger = logging.getLogger(__name__)

MAX_FEED_BYTES = 32 * 1024 * 1024
_ACCEPT = ("application/rss+xml, application/atom+xml, application/rdf+xml;q=0.9, "
           "application/xml;q=0.8, text/xml;q=0.8, text/html;q=0.5, */*;q=0.1")
_HTML_TYPES = ("text/html", "application/xhtml+xml")
_MARKUP_TYPES = ("text/html", "application/xhtml+xml", "html", "xhtml")


def _local_date(raw: str) -> dt.date | None:
    """The calendar day of an RFC 822 (RSS) or ISO 8601 (Atom) date, in its own time zone.

    feedparser's parsed dates are converted to UTC, which moves an evening story in the
    Americas to the next day; the day the publisher wrote is the one a reader saw.
    """
    raw = raw.strip()
    try:
        return email.utils.parsedate_to_datetime(raw).date()
    except (TypeError, ValueError, IndexError):
        pass
    try:
        return dt.datetime.fromisoformat(raw.replace("Z", "+00:00")).date()
    except ValueError:
        return None


def _entry_date(entry: Mapping[str, Any]) -> dt.date | None:
    """The entry's published date, else its updated date, or None."""
    for key in ("published", "updated"):
        # asked with "in" first: feedparser answers a missing "updated" with the
        # "published" value and a DeprecationWarning, but its "in" says plainly
        raw = entry.get(key) if key in entry else None
        day = _local_date(raw) if isinstance(raw, str) and raw.strip() else None
        if day is None and f"{key}_parsed" in entry and entry[f"{key}_parsed"]:
            parsed = entry[f"{key}_parsed"]  # a UTC time.struct_time, from formats we lack
            day = dt.date(parsed.tm_year, parsed.tm_mon, parsed.tm_mday)
        if day is not None:
            return day
    return None


def _plain(value: str, media: str) -> str:
    """The text of a feed text construct: markup stripped when it is HTML."""
    if media.lower() not in _MARKUP_TYPES:
        return value.strip()
    head = value.lstrip()[:100].lower()
    if head.startswith(("<!doctype", "<html")):
        # a whole page in the entry: take its main text as for an .html file
        extracted = extract_html(value.encode("utf-8"))
        return extracted[0].strip() if extracted is not None else ""
    return fragment_text(value)


def _entry_text(entry: Mapping[str, Any]) -> str:
    """The entry's text: its longest content, else its summary; empty if it has neither."""
    texts = [_plain(part.get("value") or "", part.get("type") or "")
             for part in entry.get("content") or []]
    best = max(texts, key=len, default="")
    if best:
        return best
    detail = entry.get("summary_detail") or {}
    return _plain(entry.get("summary") or "", detail.get("type") or "text/html")


def _entry_title(entry: Mapping[str, Any]) -> str:
    detail = entry.get("title_detail") or {}
    return _plain(entry.get("title") or "", detail.get("type") or "text/plain")


def _entry_article(entry: Mapping[str, Any], number: int, source: str, outlet: str,
                   published: dt.date | None) -> Article | Rejected:
    """Entry ``number`` (1-based) of a feed as an article, or why it cannot be one."""
    link = entry.get("link") or ""
    label = f"entry {number} ({entry.get('id') or link or 'no id or link'})"
    text = normalise_newlines(_entry_text(entry))
    if not text.strip():
        return Rejected(source, None, f"{label} has no text (no content and no summary); "
                                      f"it was skipped", fatal=False)
    problem = text_problem(text, "its text")
    if problem:
        return Rejected(source, None, f"{label}: {problem}")
    strings = {"id": entry.get("id") or link, "title": _entry_title(entry), "url": link,
               "outlet": outlet}
    for name, value in strings.items():
        problem = string_problem(value, f"its {name}")
        if problem:
            return Rejected(source, None, f"{label}: {problem}")
    day = _entry_date(entry)
    date, basis = (day, "metadata") if day is not None else fallback_date(published)
    return Article(id=strings["id"] or content_id(text), text=text, published=date,
                   title=normalise_newlines(strings["title"]), url=link, outlet=outlet,
                   published_basis=basis, origin=f"{source}#entry={number}")


def _parse(data: bytes, headers: Mapping[str, str] | None = None) -> Any:
    # bytes go in as a stream: feedparser treats a string as a path or URL to open
    return feedparser.parse(io.BytesIO(data), response_headers=dict(headers or {}))


def _feed_items(parsed: Any, source: str,
                published: dt.date | None) -> Iterator[Article | Rejected]:
    """The articles of a parsed feed, with a Rejected per problem."""
    error = parsed.get("bozo_exception") if parsed.get("bozo") else None
    if error is not None and not isinstance(error, ThingsNobodyCaresAboutButMe):
        # feedparser recovers what it can from broken XML: those entries still come, but
        # the input was not read whole, so the damage is a fatal rejection
        kept = " - the entries read before the damage are kept" if parsed.entries else ""
        yield Rejected(source, None, f"the feed is not well-formed XML "
                                     f"({type(error).__name__}: {error}){kept}")
    elif error is not None:
        logger.debug("%s: %s (harmless)", source, error)
    if not parsed.get("version") and not parsed.entries:
        if error is None:
            yield Rejected(source, None, "this is no RSS or Atom feed (no feed element found)")
        return
    detail = parsed.feed.get("title_detail") or {}
    outlet = normalise_newlines(_plain(parsed.feed.get("title") or "",
                                       detail.get("type") or "text/plain"))
    if not parsed.entries:
        logger.debug("%s: the feed has no entries", source)
    for number, entry in enumerate(parsed.entries, start=1):
        try:
            yield _entry_article(entry, number, source, outlet, published)
        except Exception as err:  # noqa: BLE001
            # lxml and trafilatura can fail in many ways on hostile markup: one entry
            # must not stop the feed, so its failure is a rejection of that entry
            logger.debug("%s: entry %d failed", source, number, exc_info=True)
            yield Rejected(source, None, f"entry {number} could not be read "
                                         f"({type(err).__name__}: {err}); it was skipped")


def read_feed_file(path: Path, published: dt.date | None = None) -> Iterator[Article | Rejected]:
    """Read one ``.rss`` or ``.atom`` file: an article per entry.

    ``published`` (the ``--published`` argument) dates the entries that carry no date of
    their own. An empty file yields nothing.
    """
    origin = str(path)
    data = file_bytes(path)
    if isinstance(data, Rejected):
        yield data
        return
    if not data.strip():
        logger.debug("%s: empty file, no articles", origin)
        return
    yield from _feed_items(_parse(data), origin, published)


def _fetch(url: str, timeout: float) -> tuple[bytes, Mapping[str, str]] | str:
    """GET ``url``: its body and headers, or the reason it could not be fetched."""
    response = open_url(url, timeout, _ACCEPT)
    if isinstance(response, str):
        return response
    try:
        with response:
            body = response.read(MAX_FEED_BYTES + 1)
            headers = {k.lower(): v for k, v in response.headers.items()}
    except TimeoutError:
        return f"the answer stopped for more than {timeout:g} s"
    except OSError as err:  # a reset connection, a cut-off answer
        return f"the answer broke off ({type(err).__name__}: {err})"
    if len(body) > MAX_FEED_BYTES:
        return f"the answer is larger than {MAX_FEED_BYTES // (1024 * 1024)} MiB"
    return body, headers


def read_feed_url(url: str, published: dt.date | None = None,
                  timeout: float = FETCH_TIMEOUT_S) -> Iterator[Article | Rejected]:
    """Fetch a feed (or a page) from ``url`` and read it: an article per entry.

    A URL that cannot be fetched (no answer within ``timeout`` seconds, an HTTP error, an
    answer over the size limit) yields one :class:`Rejected` naming the URL and the
    reason. An HTML page is read as one article with the URL as its id.
    """
    fetched = _fetch(url, timeout)
    if isinstance(fetched, str):
        yield Rejected(url, None, f"{fetched}; check the address and the network")
        return
    body, headers = fetched
    parsed = _parse(body, headers)
    media = headers.get("content-type", "").split(";", 1)[0].strip().lower()
    if media in _HTML_TYPES and not parsed.get("version"):
        # a web page, not a feed: read it as one article, as an .html file is
        article = page_article(body, url, url, published, url=url)
        yield replace(article, fatal=True) if isinstance(article, Rejected) else article
        return
    yield from _feed_items(parsed, url, published)
