"""Plain-text articles (``.txt``: one article per file) and the text checks every reader shares.

The article text is evidence: later stages record character offsets into it, so the
readers change nothing but line endings (``\\r\\n`` and lone ``\\r`` become ``\\n``) and a
leading UTF-8 byte-order mark.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
from collections.abc import Iterator
from pathlib import Path

from dotterel.types import Article, PublishedBasis, Rejected

logger = logging.getLogger(__name__)

_BOM = b"\xef\xbb\xbf"


def normalise_newlines(text: str) -> str:
    """Return ``text`` with Windows (``\\r\\n``) and old Mac (``\\r``) line endings as ``\\n``.

    Nothing else is touched, so offsets computed on the result stay valid for it.
    """
    if "\r" not in text:
        return text
    return text.replace("\r\n", "\n").replace("\r", "\n")


def content_id(text: str) -> str:
    """A stable id for an article that came without one: ``sha1:`` + 16 hex digits.

    Made from the (newline-normalised) text alone, so the same article gets the same id
    whichever file, line or line-ending convention it was read from.
    """
    return "sha1:" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]


def fallback_date(published: dt.date | None, crawled: dt.date | None = None
                  ) -> tuple[dt.date | None, PublishedBasis | None]:
    """The publication date of an article whose record gives none, and its basis.

    ``published`` (the ``--published`` argument) comes first. ``crawled``, the day a web
    crawler fetched the page, is only an upper bound on the publication date, so it has
    its own basis (``crawl``): the coder prefers a dateline or a date in the text to it.
    """
    if published is not None:
        return published, "argument"
    if crawled is not None:
        return crawled, "crawl"
    return None, None


def text_problem(text: str, what: str = "text") -> str | None:
    """Say what makes ``text`` unusable as article text, or return None when it is fine.

    ``what`` names the text in the message (``"field 'text'"``, ``"the file"``).
    """
    if not text.strip():
        if not text:
            return f"{what} is empty; give the article's text or remove the record"
        return f"{what} contains only whitespace; give the article's text or remove the record"
    if "\x00" in text:
        return (f"{what} contains NUL characters, which no article text has; "
                f"check that the input is UTF-8 text and not binary or UTF-16 data")
    return string_problem(text, what)


def string_problem(value: str, what: str) -> str | None:
    """Say why ``value`` cannot be written out as UTF-8, or return None when it can.

    JSON escapes can smuggle in unpaired surrogates (``"\\ud800"``); they would make every
    later stage that hashes or writes the text fail, so they are caught at the door.
    """
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as err:
        bad = value[err.start]
        return (f"{what} contains an unpaired UTF-16 surrogate (U+{ord(bad):04X}) at character "
                f"{err.start}; the text was mis-encoded - re-export it as valid UTF-8")
    return None


def decode_utf8(data: bytes, what: str = "the file") -> tuple[str | None, str | None]:
    """Decode ``data`` as strict UTF-8, tolerating a leading byte-order mark.

    Returns ``(text, None)`` on success or ``(None, reason)`` naming the first bad byte,
    its offset and its line, so the user can find it.
    """
    if b"\x00" in data:
        offset = data.index(b"\x00")
        line = data.count(b"\n", 0, offset) + 1
        return None, (f"{what} contains NUL bytes (first at byte {offset}, line "
                      f"{line}): it looks like binary or UTF-16 "
                      f"data; save the article as UTF-8 plain text")
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError as err:
        # offsets in err refer to the bytes after any BOM that utf-8-sig dropped
        offset = err.start + (len(_BOM) if data.startswith(_BOM) else 0)
        line = data.count(b"\n", 0, offset) + 1
        return None, (f"{what} is not valid UTF-8 (byte 0x{data[offset]:02x} at byte {offset}, "
                      f"line {line}); convert it to UTF-8 (e.g. `iconv -f cp1252 -t utf-8`) "
                      f"and read it again")


def file_bytes(path: Path) -> bytes | Rejected:
    """The bytes of the file ``path``, or a :class:`Rejected` saying why it cannot be read."""
    try:
        return path.read_bytes()
    except OSError as err:
        return Rejected(str(path), None, f"cannot read the file ({err.strerror or err}); "
                                         f"check that it exists and is readable")


def read_text_file(path: Path, published: dt.date | None = None) -> Iterator[Article | Rejected]:
    """Read one ``.txt`` file as one article.

    The id is the file's stem and the whole decoded text is the article text (the first
    line is not taken as a title). ``published`` (the ``--published`` argument) is the
    only date source a plain text file has. An empty file yields nothing; any other
    problem yields one :class:`Rejected`.
    """
    origin = str(path)
    data = file_bytes(path)
    if isinstance(data, Rejected):
        yield data
        return
    if not data or data == _BOM:
        logger.debug("%s: empty file, no article", origin)
        return
    text, reason = decode_utf8(data)
    if text is None:
        yield Rejected(origin, None, reason or "cannot decode the file")
        return
    text = normalise_newlines(text)
    problem = text_problem(text, "the file")
    if problem:
        yield Rejected(origin, None, problem)
        return
    date, basis = fallback_date(published)
    yield Article(id=path.stem, text=text, published=date, published_basis=basis, origin=origin)
