"""Web archives (``.warc``, ``.warc.gz``, ``.warc.wet``, ``.warc.wet.gz``): one article per page.

Records are streamed with warcio, one at a time, so an archive of any size is read in the
memory of its largest page; an archive given by ``http(s)://`` address is read as it
downloads. Two kinds of record hold articles:

- a ``response`` record of an HTML page fetched with status 200: its main text, title,
  site name and publication date are extracted as for an ``.html`` file;
- a ``conversion`` record of plain text (Common Crawl's WET files): the text as it is.

Every other record (requests, metadata, ``warcinfo``, redirects, images, scripts) is
skipped quietly and counted in the debug log. The article's id is the record's
``WARC-Record-ID`` and its URL the ``WARC-Target-URI``; its origin is the file and the
record's byte offset (``crawl.warc.gz#offset=1234``), where ``warcio extract`` finds it.

``WARC-Date`` is when the page was fetched, not when it was published: it is used only
when nothing else dates the article (basis ``crawl``; see
:func:`~dotterel.ingest.text.fallback_date`).
"""

from __future__ import annotations

import datetime as dt
import io
import logging
from collections import Counter
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import BinaryIO

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed
from warcio.recordloader import ArcWarcRecord

from dotterel.ingest.html import page_article
from dotterel.ingest.text import (content_id, decode_utf8, fallback_date, normalise_newlines,
                                  text_problem)
from dotterel.ingest.web import FETCH_TIMEOUT_S, open_url
from dotterel.types import Article, Rejected

logger = logging.getLogger(__name__)

MAX_RECORD_BYTES = 32 * 1024 * 1024  # a page or text larger than this is no news article
_HTML_TYPES = ("text/html", "application/xhtml+xml")
_GZIP_MAGIC = b"\x1f\x8b\x08"
_WARC_LINE = b"\nWARC/1."
_SCAN_CHUNK = 1 << 20


class _Records(ArchiveIterator):
    """warcio's record iterator, with its stderr warning about a bad record end logged instead.

    warcio writes that warning (a record not followed by blank lines: a wrong
    Content-Length) to stderr itself; ``err_count`` still counts them.
    """

    INC_RECORD = ""


def _media_type(value: str | None) -> str:
    """``text/html`` from ``text/html; charset=utf-8``."""
    return (value or "").split(";", 1)[0].strip().lower()


def _crawl_date(record: ArcWarcRecord) -> dt.date | None:
    """The day the record was captured (``WARC-Date``), or None if absent or unreadable."""
    value = record.rec_headers.get_header("WARC-Date") or ""
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def _record_id(record: ArcWarcRecord) -> str:
    """``urn:uuid:...`` from ``<urn:uuid:...>``: unique to the record, the same every read."""
    return (record.rec_headers.get_header("WARC-Record-ID") or "").strip().strip("<>")


def _kind(record: ArcWarcRecord) -> str:
    """What a record holds: ``html`` or ``text`` (an article), else why it is skipped."""
    if record.rec_type == "response":
        if record.http_headers is None:
            return "response without HTTP headers"
        if record.http_headers.get_statuscode() != "200":
            return "response with HTTP status other than 200"
        media = _media_type(record.http_headers.get_header("Content-Type")
                            or record.rec_headers.get_header("WARC-Identified-Payload-Type"))
        return "html" if media in _HTML_TYPES else "response that is not HTML"
    if record.rec_type == "conversion":
        media = _media_type(record.rec_headers.get_header("Content-Type"))
        return "text" if media in ("", "text/plain") else "conversion that is not plain text"
    return f"{record.rec_type} record"


def _text_article(data: bytes, record: ArcWarcRecord, origin: str,
                  published: dt.date | None) -> Article | Rejected:
    """The article of a plain-text (WET) record, or why it has none."""
    text, reason = decode_utf8(data, "the text")
    if text is None:
        return Rejected(origin, None, reason or "the text cannot be decoded")
    text = normalise_newlines(text)
    problem = text_problem(text, "the text")
    if problem:
        # an empty conversion (a page with no text) was read fine: nothing to code
        return Rejected(origin, None, problem, fatal=bool(text.strip()))
    date, basis = fallback_date(published, _crawl_date(record))
    return Article(id=_record_id(record) or content_id(text), text=text, published=date,
                   url=record.rec_headers.get_header("WARC-Target-URI") or "",
                   published_basis=basis, origin=origin)


def _cut_short(record: ArcWarcRecord, origin: str) -> Rejected | None:
    """A Rejected when the record ended before the bytes its Content-Length promised.

    warcio stops quietly where a cut-off archive ends; the bytes the record still owed
    are left on its stream's limit. The rest of the record is read (and dropped) first,
    as warcio itself would read it to reach the next record.
    """
    while record.raw_stream.read(_SCAN_CHUNK):
        pass
    missing = getattr(record.raw_stream, "limit", 0)
    if missing > 0:
        return Rejected(origin, None, f"the record is cut short ({missing} bytes of it are "
                                      f"missing): the archive is truncated or damaged")
    return None


def _article(record: ArcWarcRecord, kind: str, origin: str,
             published: dt.date | None) -> Article | Rejected:
    """The article a record holds, or why it holds none."""
    data = record.content_stream().read(MAX_RECORD_BYTES + 1)
    if len(data) > MAX_RECORD_BYTES:
        return Rejected(origin, None, f"the payload is larger than "
                                      f"{MAX_RECORD_BYTES // (1024 * 1024)} MiB, which is "
                                      f"no news article")
    cut = _cut_short(record, origin)
    if cut is not None:
        return cut
    if kind == "text":
        return _text_article(data, record, origin, published)
    url = record.rec_headers.get_header("WARC-Target-URI") or ""
    return page_article(data, _record_id(record) or url, origin, published, url=url,
                        crawled=_crawl_date(record))


def _next_start(stream: BinaryIO, after: int, gz: bool) -> int | None:
    """The offset of the next place a record may start after ``after``, or None.

    In a ``.warc.gz`` every record is a gzip member of its own, so the next gzip header
    may start one; in a plain WARC, a line starting ``WARC/1.``. Either may be a false
    start inside damaged data: the caller tries it, and scans on if it fails too.
    """
    marker = _GZIP_MAGIC if gz else _WARC_LINE
    skip = 0 if gz else 1  # a WARC line starts after its newline
    stream.seek(after)
    position, tail = after, b""
    while chunk := stream.read(_SCAN_CHUNK):
        window = tail + chunk
        found = window.find(marker)
        if found >= 0:
            return position - len(tail) + found + skip
        tail = window[-(len(marker) - 1):]
        position += len(chunk)
    return None


def _records(stream: BinaryIO, origin: str,
             seekable: bool = True) -> Iterator[tuple[int, ArcWarcRecord] | Rejected]:
    """Every record of an archive with its byte offset, and a Rejected per damaged stretch.

    When the archive's framing is damaged (garbage between records, a broken gzip
    member, a header that is no WARC header), the damage is reported once, with its
    offset, and reading goes on from the next record start found after it. A stream
    that cannot seek (an archive read over HTTP) cannot be searched: it ends there.
    """
    gz = seekable and stream.read(len(_GZIP_MAGIC)) == _GZIP_MAGIC
    start: int | None = 0
    in_damage = False  # skipping a damaged stretch that has been reported already
    then = "reading goes on from the next record found" if seekable else "reading stops here"
    while start is not None:
        if seekable:
            stream.seek(start)
        records = _Records(stream)
        try:
            for record in records:
                length = record.rec_headers.get_header("Content-Length") or ""
                if not record.rec_type or not length.strip().isdigit():
                    # warcio takes such a header leniently (a cut-off one too), and the
                    # record it starts would swallow the records after it
                    raise ArchiveLoadFailed("a record header with no WARC-Type or no "
                                            "Content-Length")
                in_damage = False
                yield records.offset, record
            if seekable and records.offset < (size := stream.seek(0, io.SEEK_END)):
                # warcio ends quietly where a cut-off archive stops inside a record header
                yield Rejected(origin, None, f"the archive is cut off: the last "
                                             f"{size - records.offset} bytes, from byte "
                                             f"{records.offset}, hold no complete record")
        except Exception as err:  # noqa: BLE001
            # warcio fails on damaged data in many ways (ArchiveLoadFailed, zlib errors,
            # AttributeError on a cut-off header): any failure here is damage to report
            failed_at = records.offset
            if not in_damage:  # the first failure of this stretch: report it
                in_damage = True
                yield Rejected(origin, None, f"the archive is damaged at byte {failed_at} "
                                             f"({type(err).__name__}: "
                                             f"{' '.join(str(err).split()) or 'no detail'}); "
                                             f"{then}")
            start = _next_start(stream, max(failed_at, start) + 1, gz) if seekable else None
            continue
        finally:
            if records.err_count:
                logger.warning("%s: %d records end without the blank lines WARC requires "
                               "(a wrong Content-Length?); their text may be cut or padded",
                               origin, records.err_count)
        start = None


def _articles(stream: BinaryIO, origin: str, published: dt.date | None,
              seekable: bool = True) -> Iterator[Article | Rejected]:
    """The articles of an open archive stream, record by record, with a Rejected per problem."""
    skipped: Counter[str] = Counter()
    number = 0
    for item in _records(stream, origin, seekable):
        if isinstance(item, Rejected):
            yield item
            continue
        offset, record = item
        number += 1
        kind = _kind(record)
        try:
            if kind not in ("html", "text"):
                skipped[kind] += 1
                article: Article | Rejected | None = _cut_short(record, origin)
            else:
                article = _article(record, kind, f"{origin}#offset={offset}", published)
        except Exception as err:  # noqa: BLE001  (as in _records: damaged data)
            yield Rejected(origin, None, f"record {number} at byte {offset} cannot be read "
                                         f"({type(err).__name__}: {err}); it was skipped")
            continue
        if article is None:  # a record with no article, read whole
            continue
        if isinstance(article, Rejected):
            uri = record.rec_headers.get_header("WARC-Target-URI") or "no URI"
            article = replace(article, origin=origin,
                              reason=f"record {number} at byte {offset} ({uri}): "
                                     f"{article.reason}")
        yield article
    logger.debug("%s: %d records read; skipped: %s", origin, number,
                 ", ".join(f"{n} {kind}" for kind, n in skipped.most_common()) or "none")


def read_warc(path: Path, published: dt.date | None = None) -> Iterator[Article | Rejected]:
    """Stream the articles of one WARC or WET file (plain or gzip), one record at a time.

    A record that cannot be read or holds no usable text yields a :class:`Rejected`
    naming the record's number and byte offset (non-fatal when the record was read but
    has no text to code, as many pages of a crawl have none), and reading goes on.
    Records that hold no article (requests, metadata, images, redirects) are skipped
    quietly and counted in the debug log.
    """
    origin = str(path)
    try:
        stream = open(path, "rb")
    except OSError as err:
        yield Rejected(origin, None, f"cannot open the file ({err.strerror or err}); check "
                                     f"that it exists and is readable")
        return
    with stream:
        yield from _articles(stream, origin, published)


def read_warc_url(url: str, published: dt.date | None = None,
                  timeout: float = FETCH_TIMEOUT_S) -> Iterator[Article | Rejected]:
    """Stream the articles of a WARC or WET file from an ``http(s)://`` address, as it downloads.

    As :func:`read_warc`, except that damage to the archive ends the reading (a download
    cannot be searched for the next record) and that a failed download is reported with
    the address and the reason.
    """
    response = open_url(url, timeout)
    if isinstance(response, str):
        yield Rejected(url, None, f"{response}; check the address and the network")
        return
    with response:
        yield from _articles(response, url, published, seekable=False)
