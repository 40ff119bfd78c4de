"""Turn the command line's INPUT paths and URLs into a stream of articles.

``iter_files`` expands folders (recursively, in sorted order) into the files Dotterel can
read and passes web addresses through; ``read_inputs`` reads them one after another and
yields an :class:`Article` per article and a :class:`Rejected` per input (or record) it
could not read. Nothing an input contains makes ``read_inputs`` raise.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import urllib.parse
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from types import MappingProxyType

from dotterel.ingest.feed import read_feed_file, read_feed_url
from dotterel.ingest.html import read_html_file
from dotterel.ingest.jsonl import read_jsonl
from dotterel.ingest.text import read_text_file
from dotterel.ingest.warc import read_warc, read_warc_url
from dotterel.ingest.web import is_url
from dotterel.types import Article, Rejected

logger = logging.getLogger(__name__)

Reader = Callable[[Path, "dt.date | None"], Iterator["Article | Rejected"]]

# The reader of each file type, by the suffix that names it. ``.xml`` is not among them:
# it names sitemaps and many other documents as often as feeds (a feed URL may end in it).
_READERS: Mapping[str, Reader] = MappingProxyType({
    ".jsonl.gz": read_jsonl,
    ".jsonl": read_jsonl,
    ".txt": read_text_file,
    ".html": read_html_file,
    ".htm": read_html_file,
    ".warc.wet.gz": read_warc,
    ".warc.wet": read_warc,
    ".warc.gz": read_warc,
    ".warc": read_warc,
    ".rss": read_feed_file,
    ".atom": read_feed_file,
})

# longest suffix first, so "x.jsonl.gz" is not mistaken for something ending in ".gz"
SUPPORTED_SUFFIXES: tuple[str, ...] = tuple(sorted(_READERS, key=len, reverse=True))

# web archives are streamed from a URL as they download; any other URL is a feed (or a page)
_ARCHIVE_SUFFIXES = frozenset(suffix for suffix, reader in _READERS.items() if reader is read_warc)


def input_kind(path: str | Path) -> str | None:
    """The supported suffix ``path`` ends with (case-insensitive), or None."""
    name = Path(path).name.lower()
    for suffix in SUPPORTED_SUFFIXES:
        if name.endswith(suffix) and len(name) > len(suffix):
            return suffix
    return None


def _as_list(paths: Sequence[str | Path] | str | Path) -> list[str | Path]:
    # a lone str is a Sequence too; iterating it would read one "path" per character
    if isinstance(paths, (str, Path)):
        return [paths]
    return list(paths)


def _folder_files(folder: Path) -> Iterator[Path | Rejected]:
    """Every supported file under ``folder``, recursively, sorted by path components.

    Other files are skipped quietly (a folder of articles often holds a README or an
    index). Symlinked folders are not followed, so a link loop cannot hang the run;
    sub-folders that cannot be listed are reported.
    """
    found: list[Path] = []
    problems: list[Rejected] = []

    def on_error(err: OSError) -> None:
        where = err.filename if err.filename else str(folder)
        problems.append(Rejected(str(where), None, f"cannot list the folder "
                                                   f"({err.strerror or err}); check its "
                                                   f"permissions"))

    for root, dirs, files in os.walk(folder, onerror=on_error, followlinks=False):
        dirs.sort()
        for name in files:
            if input_kind(name) is not None:
                found.append(Path(root) / name)
            else:
                logger.debug("skipping %s: not a supported input type", Path(root) / name)
    yield from problems
    # sorting Paths compares their components, so a folder's files stay together
    yield from sorted(found)


def iter_files(paths: Sequence[str | Path] | str | Path) -> Iterator[Path | str | Rejected]:
    """Expand INPUT paths into the files (and web addresses) to read, in order.

    A file is yielded as given; a folder becomes every supported file in it,
    recursively, in sorted order; an ``http://`` or ``https://`` address (a feed) is
    yielded as the string it is. A missing path, or a file given by name whose type is
    not supported, yields a :class:`Rejected` instead. A file or address reached twice
    (named twice, or named and inside a named folder) is read once, so its articles are
    not doubled.
    """
    seen: set[Path | str] = set()
    for given in _as_list(paths):
        if is_url(given):
            if given not in seen:
                seen.add(given)
                yield given
            continue
        path = Path(given)
        try:
            is_dir, exists = path.is_dir(), path.exists()
        except (OSError, ValueError) as err:  # e.g. a parent folder without permission
            yield Rejected(str(path), None, f"cannot look at this path ({err}); check the path "
                                            f"and its permissions")
            continue
        if is_dir:
            candidates: Iterable[Path | Rejected] = _folder_files(path)
        elif not exists:
            yield Rejected(str(path), None, "no such file or folder; check the path")
            continue
        elif input_kind(path) is None:
            yield Rejected(str(path), None, f"unsupported file type; Dotterel reads "
                                            f"{', '.join(SUPPORTED_SUFFIXES)} files, folders "
                                            f"of them and feed URLs - rename or convert "
                                            f"the file")
            continue
        else:
            candidates = [path]
        for item in candidates:
            if isinstance(item, Rejected):
                yield item
                continue
            try:
                key = item.resolve()
            except (OSError, RuntimeError):  # RuntimeError: symlink loop on older Pythons
                key = item.absolute()
            if key in seen:
                logger.info("%s: already read, skipped", item)
                continue
            seen.add(key)
            yield item


def read_inputs(paths: Sequence[str | Path] | str | Path,
                published: dt.date | None = None) -> Iterator[Article | Rejected]:
    """Stream the articles of every INPUT path, in order, with a Rejected for each bad input.

    ``published`` is the ``--published`` date: the fallback for articles whose record
    (``.jsonl``), page or feed metadata (``.html``, web archives, feeds) gives none.
    Precedence: record > metadata > argument > crawl date (web archives);
    ``Article.published_basis`` says which applied (None when none did, and a later
    stage works the date out from the text).

    This is a generator: ``.jsonl`` files are read line by line (gzip included) and web
    archives record by record, so the first article arrives before the rest of its file
    has been read, and memory stays at one line or record. It never raises for bad
    input; each problem is yielded as a :class:`Rejected` and reading goes on.
    """
    if isinstance(published, dt.datetime):
        # a datetime is a date subclass; the contract's published is a calendar day
        published = published.date()
    for item in iter_files(paths):
        if isinstance(item, Rejected):
            yield item
            continue
        if isinstance(item, str):
            url_reader = (read_warc_url if input_kind(urllib.parse.urlsplit(item).path)
                          in _ARCHIVE_SUFFIXES else read_feed_url)
            yield from url_reader(item, published)
            continue
        kind = input_kind(item)
        reader = _READERS.get(kind) if kind is not None else None
        if reader is None:  # cannot happen for paths from iter_files; be safe anyway
            yield Rejected(str(item), None, "unsupported file type")
            continue
        yield from reader(item, published)
