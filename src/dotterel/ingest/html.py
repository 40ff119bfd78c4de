"""HTML articles (``.html``, ``.htm``): one saved web page per file, main text extracted.

Extraction uses trafilatura's ``bare_extraction`` with metadata: the page's main text
becomes the article text, and its title, canonical URL, site name and publication date
(from the page's metadata) fill the article's fields. The id is the file's stem, as for
``.txt`` files.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import trafilatura

from dotterel.ingest.text import normalise_newlines, text_problem
from dotterel.types import Article, PublishedBasis, Rejected

logger = logging.getLogger(__name__)


def _date_params() -> dict[str, Any]:
    """Date-extraction settings for htmldate (via trafilatura).

    Extensive search is off: it guesses a date from any date-like string in the page
    body, which is text evidence, not metadata. Dates in the text are a later stage's
    job, and it records them with their own basis.
    """
    return {"original_date": True, "extensive_search": False}


def _metadata_date(value: Any) -> dt.date | None:
    """The date trafilatura reported (``YYYY-MM-DD``), or None if absent or unreadable."""
    if not isinstance(value, str) or not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        logger.debug("unreadable metadata date %r ignored", value)
        return None


def extract_html(data: bytes) -> tuple[str, str, str, str, dt.date | None] | None:
    """Extract ``(text, title, url, sitename, date)`` from an HTML page's bytes.

    Returns None when trafilatura finds no main text. trafilatura guesses the page's
    encoding itself (and falls back to a lossy decode), so undecodable bytes do not stop
    an HTML page the way they stop a ``.txt`` file.
    """
    doc = trafilatura.bare_extraction(
        data,
        with_metadata=True,
        include_comments=False,  # reader comments are not the article
        favor_precision=False,
        date_extraction_params=_date_params(),
    )
    if doc is None:
        return None
    text = getattr(doc, "text", None) or ""
    return (
        text,
        getattr(doc, "title", None) or "",
        getattr(doc, "url", None) or "",
        getattr(doc, "sitename", None) or "",
        _metadata_date(getattr(doc, "date", None)),
    )


def read_html_file(path: Path, published: dt.date | None = None) -> Iterator[Article | Rejected]:
    """Read one HTML page as one article.

    ``published`` comes from the page's metadata when it has a date (basis ``metadata``),
    else from the ``--published`` argument (basis ``argument``), else stays None. An
    empty file yields nothing; a page with no extractable text, or one that cannot be
    read, yields one :class:`Rejected`.
    """
    origin = str(path)
    try:
        data = path.read_bytes()
    except OSError as err:
        yield Rejected(origin, None, f"cannot read the file ({err.strerror or err}); "
                                     f"check that it exists and is readable")
        return
    if not data.strip():
        logger.debug("%s: empty file, no article", origin)
        return
    try:
        extracted = extract_html(data)
    except Exception as err:  # noqa: BLE001
        # trafilatura and lxml can fail in many ways on hostile pages; one bad page must
        # never stop a run, so any failure here becomes a rejection of this file
        logger.debug("%s: HTML extraction failed", origin, exc_info=True)
        yield Rejected(origin, None, f"the HTML page could not be parsed ({type(err).__name__}: "
                                     f"{err}); save the article text as a .txt file instead")
        return
    if extracted is None or not extracted[0].strip():
        yield Rejected(origin, None, "no main text could be extracted from this HTML page "
                                     "(is it an article page, fully saved?); save the "
                                     "article text as a .txt file instead")
        return
    text, title, url, sitename, meta_date = extracted
    text = normalise_newlines(text)
    problem = text_problem(text, "the extracted text")
    if problem:
        yield Rejected(origin, None, problem)
        return
    date: dt.date | None = meta_date
    basis: PublishedBasis | None = "metadata" if meta_date is not None else None
    if date is None and published is not None:
        date, basis = published, "argument"
    yield Article(
        id=path.stem,
        text=text,
        published=date,
        title=normalise_newlines(title),
        url=url,
        outlet=sitename,
        published_basis=basis,
        origin=origin,
    )
