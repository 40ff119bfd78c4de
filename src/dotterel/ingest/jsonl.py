"""JSON Lines articles (``.jsonl``, ``.jsonl.gz``): one JSON object per line.

A line: ``{"id": str, "text": str, "published": "YYYY-MM-DD", "title": str, "url": str,
"outlet": str}``; only ``text`` is required. Files are streamed line by line (gzip too),
so a file of any size is read in the memory of its longest line.
"""

from __future__ import annotations

import datetime as dt
import gzip
import json
import logging
import re
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any, BinaryIO

from dotterel.ingest.text import content_id, normalise_newlines, string_problem, text_problem
from dotterel.types import Article, PublishedBasis, Rejected

logger = logging.getLogger(__name__)

_BOM = b"\xef\xbb\xbf"
_GZIP_MAGIC = b"\x1f\x8b"
_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_OPTIONAL_STRINGS = ("title", "url", "outlet")
_EXAMPLE = '{"id": "a1", "text": "...", "published": "2024-04-05"}'


def _json_type(value: Any) -> str:
    """The JSON name of a decoded value's type, for messages."""
    if value is None:
        return "null"
    if isinstance(value, bool):  # before int: bool is an int subclass
        return "boolean"
    if isinstance(value, (int, float)):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list):
        return "array"
    if isinstance(value, dict):
        return "object"
    return type(value).__name__


def _shown(value: Any, limit: int = 40) -> str:
    """A short JSON rendering of ``value`` to quote in a message."""
    try:
        text = json.dumps(value, ensure_ascii=False)
    except (TypeError, ValueError):
        text = repr(value)
    return text if len(text) <= limit else text[: limit - 3] + "..."


def _wrong_type(name: str, value: Any, kind: str = "a string",
                advice: str = "quote it or leave the field out") -> str:
    found = _json_type(value)
    article = "an" if found[0] in "aeiou" else "a"
    return f"field {name!r} must be {kind}, not {article} {found} ({_shown(value)}); {advice}"


def parse_published(value: str) -> tuple[dt.date | None, str | None]:
    """Parse a ``YYYY-MM-DD`` date, or the compact ``YYYYMMDD`` / ``YYMMDD`` forms that
    event-data tools write; return ``(date, None)`` or ``(None, reason)``."""
    compact = value.strip()
    if compact.isdigit() and len(compact) in (6, 8):
        if len(compact) == 6:  # PETRARCH's YYMMDD: 00-68 -> 2000s, as Python's %y does
            yy = int(compact[:2])
            compact = f"{2000 + yy if yy < 69 else 1900 + yy}{compact[2:]}"
        value = f"{compact[:4]}-{compact[4:6]}-{compact[6:]}"
    if not _ISO_DATE.fullmatch(value):
        return None, (f"field 'published' is {_shown(value)}, not a date in YYYY-MM-DD form; "
                      f"write it as e.g. \"2024-04-05\" or leave the field out")
    try:
        return dt.date.fromisoformat(value), None
    except ValueError:
        return None, (f"field 'published' is {_shown(value)}, which is not a real calendar "
                      f"date; correct it (YYYY-MM-DD) or leave the field out")


def parse_record(record: Any, origin: str, line: int,
                 published: dt.date | None = None) -> Article | Rejected:
    """Turn one decoded JSON value into an :class:`Article`, or say why it cannot be one.

    ``published`` is the ``--published`` fallback, used only when the record has no date
    of its own. A null (or, for ``published``, empty) optional field counts as absent,
    as many exporters write missing values that way.
    """
    def reject(reason: str) -> Rejected:
        return Rejected(origin, line, reason)

    if not isinstance(record, dict):
        return reject(f"the line is a JSON {_json_type(record)}, not an object; each line "
                      f"must be one article object like {_EXAMPLE}")

    text = record.get("text")
    if text is None:
        return reject("the object has no 'text' field; every article needs its text "
                      "(add \"text\": \"...\" or remove the line)")
    if not isinstance(text, str):
        return reject(_wrong_type("text", text, advice="give the article's text as a JSON string"))
    text = normalise_newlines(text)
    problem = text_problem(text, "field 'text'")
    if problem:
        if not text.strip():  # read fine, nothing to code
            return Rejected(origin, line, problem, fatal=False)
        return reject(problem)

    strings: dict[str, str] = {}
    for name in ("id", *_OPTIONAL_STRINGS):
        value = record.get(name)
        if value is None:
            continue
        if not isinstance(value, str):
            return reject(_wrong_type(name, value))
        problem = string_problem(value, f"field {name!r}")
        if problem:
            return reject(problem)
        strings[name] = value

    article_id = strings.get("id")
    if article_id is not None and not article_id.strip():
        return reject("field 'id' is empty; give a non-empty id, or leave the field out "
                      "to get an id made from the text")

    date: dt.date | None = None
    basis: PublishedBasis | None = None
    raw_date = record.get("published")
    if raw_date is not None and not isinstance(raw_date, str):
        return reject(_wrong_type("published", raw_date, "a \"YYYY-MM-DD\" string"))
    if isinstance(raw_date, str) and raw_date.strip():
        date, problem = parse_published(raw_date)
        if problem:
            return reject(problem)
        basis = "input"
    elif published is not None:
        date, basis = published, "argument"

    return Article(
        id=article_id if article_id is not None else content_id(text),
        text=text,
        published=date,
        title=strings.get("title", ""),
        url=strings.get("url", ""),
        outlet=strings.get("outlet", ""),
        published_basis=basis,
        origin=f"{origin}:{line}",
    )


def parse_line(raw: bytes, origin: str, line: int,
               published: dt.date | None = None) -> Article | Rejected | None:
    """Read one physical line (bytes, newline included or not) of a JSON Lines file.

    Returns None for a blank line (blank lines separate nothing and are skipped), else
    the article or the reason it was rejected.
    """
    raw = raw.rstrip(b"\r\n")
    if line == 1 and raw.startswith(_BOM):
        raw = raw[len(_BOM):]
    if not raw.strip():
        return None
    if b"\x00" in raw:
        nul_at = raw.index(b"\x00")
        return Rejected(origin, line, f"the line contains NUL bytes (first at byte "
                                      f"{nul_at}); it looks like binary or "
                                      f"UTF-16 data - save the file as UTF-8 JSON Lines")
    try:
        decoded = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        return Rejected(origin, line, f"the line is not valid UTF-8 (byte 0x{raw[err.start]:02x} "
                                      f"at byte {err.start} of the line); convert the file to "
                                      f"UTF-8 and read it again")
    try:
        record = json.loads(decoded)
    except json.JSONDecodeError as err:
        return Rejected(origin, line, f"the line is not valid JSON ({err.msg} at column "
                                      f"{err.colno}); each line must be one complete JSON "
                                      f"object like {_EXAMPLE}")
    except (ValueError, RecursionError) as err:
        # json raises these for absurd nesting depth or integers too long to convert
        return Rejected(origin, line, f"the line cannot be decoded as JSON ({err}); each line "
                                      f"must be one article object like {_EXAMPLE}")
    return parse_record(record, origin, line, published)


def _open(path: Path) -> BinaryIO:
    """Open a JSON Lines file for binary line reading, gunzipping ``.gz`` on the fly."""
    if path.name.lower().endswith(".gz"):
        return gzip.open(path, "rb")  # type: ignore[return-value]
    return open(path, "rb")


def read_jsonl(path: Path, published: dt.date | None = None) -> Iterator[Article | Rejected]:
    """Stream the articles of one ``.jsonl`` or ``.jsonl.gz`` file, one line at a time.

    Each bad line yields a :class:`Rejected` with its line number and reading goes on
    with the next line. A file that cannot be opened, is not gzip, or breaks off
    mid-stream yields one :class:`Rejected` and ends that file (articles read before the
    break have already been yielded). An empty file yields nothing.
    """
    origin = str(path)
    gz = path.name.lower().endswith(".gz")
    try:
        stream = _open(path)
    except OSError as err:
        yield Rejected(origin, None, f"cannot open the file ({err.strerror or err}); check that "
                                     f"it exists and is readable")
        return
    with stream:
        line = 0
        lines = iter(stream)
        while True:
            try:
                raw = next(lines)
            except StopIteration:
                break
            except (OSError, EOFError, zlib.error) as err:
                # BadGzipFile is an OSError; a truncated gzip raises EOFError
                where = "" if line == 0 else f" after line {line}"
                if gz:
                    reason = (f"cannot read the gzip data{where} ({err}); the file is not "
                              f"gzip-compressed or is damaged - re-compress it, or name it "
                              f".jsonl if it is plain text")
                else:
                    reason = f"cannot read the file{where} ({err}); check the file and the disk"
                yield Rejected(origin, None if line == 0 else line + 1, reason)
                return
            line += 1
            if line == 1 and not gz and raw.startswith(_GZIP_MAGIC):
                # every line would fail to decode; one clear message beats thousands
                yield Rejected(origin, None, "the file is gzip-compressed but named .jsonl; "
                                             "rename it to .jsonl.gz")
                return
            item = parse_line(raw, origin, line, published)
            if item is not None:
                yield item
