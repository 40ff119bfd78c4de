"""A progress line on stderr: records done, articles and words a second, and an ETA.

Shown only on a terminal (a piped or redirected stderr stays free of it), redrawn in
place at most a few times a second. The total, when it can be known cheaply, comes from
:func:`count_records`: a JSON Lines file is one record a line (its lines are counted
without being parsed), a text or HTML file one record; for other inputs (compressed
files) the total is unknown and no ETA is shown.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import IO

from ..ingest import input_kind, iter_files
from ..types import Rejected

REDRAW_EVERY = 0.25  # seconds between redraws
ONE_RECORD_KINDS = (".txt", ".html", ".htm")


def count_records(paths: Sequence[str | Path]) -> int | None:
    """How many records the inputs hold, or None when that cannot be known cheaply."""
    total = 0
    for item in iter_files(paths):
        if isinstance(item, Rejected):
            total += 1  # reported as one record
            continue
        kind = input_kind(item)
        if kind in ONE_RECORD_KINDS:
            total += 1
        elif kind == ".jsonl":
            try:
                total += _count_lines(Path(item))
            except OSError:
                total += 1  # the reader reports it, once
        else:
            return None
    return total


def _count_lines(path: Path) -> int:
    lines = 0
    last = b"\n"
    with path.open("rb") as stream:
        while chunk := stream.read(1 << 20):
            lines += chunk.count(b"\n")
            last = chunk[-1:]
    return lines + (last != b"\n")  # a last line without a newline


class Progress:
    """Counts records and words as they are done and redraws one line on ``stream``."""

    def __init__(self, stream: IO[str], total: int | None, *, enabled: bool,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.stream = stream
        self.total = total
        self.enabled = enabled
        self.clock = clock
        self.records = self.articles = self.words = 0
        self.started = clock()
        self._drawn = -REDRAW_EVERY
        self._width = 0

    def advance(self, records: int, articles: int = 0, words: int = 0) -> None:
        """Count ``records`` more input records done, ``articles`` of them coded, with
        ``words`` words; redraw when the last redraw is old enough."""
        self.records += records
        self.articles += articles
        self.words += words
        if self.enabled and self.clock() - self._drawn >= REDRAW_EVERY:
            self._draw()

    def line(self) -> str:
        """The progress line as it would be shown now."""
        elapsed = max(self.clock() - self.started, 1e-9)
        rate = self.records / elapsed
        done = f"{self.records:,}" + (f"/{self.total:,}" if self.total else "")
        text = (f"dotterel: {done} records, {self.articles / elapsed:,.1f} articles/s, "
                f"{self.words / elapsed:,.0f} words/s")
        if self.total and rate > 0 and self.records <= self.total:
            text += f", ETA {_clock_time((self.total - self.records) / rate)}"
        return text

    def note(self, message: str) -> None:
        """Print a message line without garbling the progress line."""
        self.clear()
        print(message, file=self.stream, flush=True)

    def clear(self) -> None:
        """Take the progress line off the terminal (it comes back on the next redraw)."""
        if self.enabled and self._width:
            self.stream.write("\r" + " " * self._width + "\r")
            self.stream.flush()
            self._width = 0
            self._drawn = -REDRAW_EVERY

    def _draw(self) -> None:
        text = self.line()
        pad = max(self._width - len(text), 0)
        self.stream.write("\r" + text + " " * pad)
        self.stream.flush()
        self._width = len(text)
        self._drawn = self.clock()


def _clock_time(seconds: float) -> str:
    """``1:02:03`` or ``2:03``: a duration to the second."""
    whole = int(seconds + 0.5)
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"
