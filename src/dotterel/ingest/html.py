"""HTML articles (``.html``, ``.htm``): one saved web page per file, main text extracted.

Extraction uses trafilatura's ``bare_extraction`` with metadata: the page's main text
becomes the article text, and its title, canonical URL, site name and publication date
(from the page's metadata) fill the article's fields. The id is the file's stem, as for
``.txt`` files. :func:`page_article` does the same for pages from web archives and URLs,
and :func:`fragment_text` strips the HTML fragments that feed entries carry.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import trafilatura
from lxml import etree
from lxml import html as lxml_html

from dotterel.ingest.text import fallback_date, file_bytes, normalise_newlines, text_problem
from dotterel.types import Article, Rejected

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


def page_article(data: bytes, article_id: str, origin: str, published: dt.date | None = None,
                 url: str = "", crawled: dt.date | None = None) -> Article | Rejected:
    """The article of one HTML page's bytes, or a :class:`Rejected` saying why it has none.

    The page's own metadata date comes first (basis ``metadata``), then ``published``
    (the ``--published`` argument), then ``crawled`` (the day a crawler fetched the page,
    basis ``crawl``: only an upper bound, see :func:`~dotterel.ingest.text.fallback_date`).
    ``url`` (where the page was fetched from) wins over the page's canonical URL. A page
    with no main text is rejected as not fatal: it was read, it holds nothing to code.
    """
    try:
        extracted = extract_html(data)
    except Exception as err:  # noqa: BLE001
        # trafilatura and lxml can fail in many ways on hostile pages; one bad page must
        # never stop a run, so any failure here becomes a rejection of this page
        logger.debug("%s: HTML extraction failed", origin, exc_info=True)
        return Rejected(origin, None, f"the HTML page could not be parsed "
                                      f"({type(err).__name__}: {err})")
    if extracted is None or not extracted[0].strip():
        return Rejected(origin, None, "no main text could be extracted from this HTML page "
                                      "(is it an article page?)", fatal=False)
    text, title, page_url, sitename, meta_date = extracted
    text = normalise_newlines(text)
    problem = text_problem(text, "the extracted text")
    if problem:
        return Rejected(origin, None, problem)
    date, basis = fallback_date(published, crawled)
    if meta_date is not None:
        date, basis = meta_date, "metadata"
    return Article(
        id=article_id,
        text=text,
        published=date,
        title=normalise_newlines(title),
        url=url or page_url,
        outlet=sitename,
        published_basis=basis,
        origin=origin,
    )


def read_html_file(path: Path, published: dt.date | None = None) -> Iterator[Article | Rejected]:
    """Read one HTML page as one article, its id the file's stem.

    ``published`` comes from the page's metadata when it has a date (basis ``metadata``),
    else from the ``--published`` argument (basis ``argument``), else stays None. An
    empty file yields nothing; a page with no extractable text, or one that cannot be
    read, yields one :class:`Rejected`.
    """
    origin = str(path)
    data = file_bytes(path)
    if isinstance(data, Rejected):
        yield data
        return
    if not data.strip():
        logger.debug("%s: empty file, no article", origin)
        return
    article = page_article(data, path.stem, origin, published)
    if isinstance(article, Rejected):
        # a saved page is meant to be an article: a page without one is an input error
        article = replace(article, fatal=True, reason=f"{article.reason}; save the article "
                                                      f"text as a .txt file instead")
    yield article


# elements whose end is the end of a line of text (a paragraph, a heading, a list item)
_BLOCKS = ("p", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6",
           "blockquote", "pre", "table", "tr", "section", "article", "figure", "figcaption")
_SPACES = re.compile(r"[ \t\u00a0]+")
_BLANK_LINES = re.compile(r"\n{3,}")
_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def fragment_text(fragment: str) -> str:
    """The plain text of an HTML fragment (a feed entry's content or summary).

    A fragment is already the article's body, with no page around it to remove, so it is
    stripped rather than extracted: block elements end a paragraph, ``<br>`` a line,
    scripts and styles are dropped, and runs of spaces become one.
    """
    # control characters are no text, and lxml refuses a string that holds them
    fragment = _CONTROLS.sub("", fragment)
    try:
        root = lxml_html.fragment_fromstring(fragment, create_parent="div")
    except (etree.ParserError, ValueError):  # nothing lxml can parse: no markup worth keeping
        return fragment.strip()
    for node in list(root.iter("script", "style")):
        node.drop_tree()
    for br in root.iter("br"):
        br.tail = "\n" + (br.tail or "")
    for block in root.iter(*_BLOCKS):
        block.tail = "\n\n" + (block.tail or "")
    text = _CONTROLS.sub("", root.text_content())  # entities such as &#1; decode to them too
    lines = (_SPACES.sub(" ", line).strip() for line in text.split("\n"))
    return _BLANK_LINES.sub("\n\n", "\n".join(lines)).strip()
