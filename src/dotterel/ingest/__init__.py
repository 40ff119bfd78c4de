"""Ingest: read INPUT files and folders into :class:`~dotterel.types.Article` records.

Supported inputs: ``.jsonl`` / ``.jsonl.gz`` (one article per line), ``.txt`` (one article
per file), ``.html`` / ``.htm`` (one article per page, main text extracted), web archives
``.warc`` / ``.warc.gz`` / ``.warc.wet`` / ``.warc.wet.gz`` (one article per HTML response or
text conversion record), feeds ``.rss`` / ``.atom`` (one article per entry), folders of
them (recursively, in sorted order), and ``http://`` / ``https://`` URLs of feeds, pages
and web archives. Bad input is
yielded as :class:`~dotterel.types.Rejected`, never raised.
"""

from __future__ import annotations

from dotterel.ingest.readers import SUPPORTED_SUFFIXES, input_kind, iter_files, read_inputs
from dotterel.ingest.text import content_id

__all__ = ["SUPPORTED_SUFFIXES", "content_id", "input_kind", "iter_files", "read_inputs"]
