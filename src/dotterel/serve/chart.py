"""The dyad timeline: events per week by quad class and their mean Goldstein score, as an
inline SVG drawn here on the server (no charting library, no script needed to see it).

Every number and label in the SVG is made here from dates and counts; no article text
goes into it, and the few labels there are still pass through ``html.escape``.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from html import escape
from typing import Any

QUAD_NAMES = {1: "verbal cooperation", 2: "material cooperation",
              3: "verbal conflict", 4: "material conflict"}
QUAD_COLOURS = {1: "#74add1", 2: "#4575b4", 3: "#fdae61", 4: "#d73027"}
STATUS_COLOURS = {"normal": "#9e9e9e", "restored": "#1a9850", "downgraded": "#f46d43",
                  "severed": "#a50026"}
MAX_BARS = 156  # beyond three years of weeks, bars would be thinner than a pixel or two

# Drawing area (SVG user units): the plot sits inside these margins.
WIDTH, HEIGHT = 820, 290
LEFT, RIGHT, TOP, BOTTOM = 44, 48, 14, 78
STRIP = 10  # height of the relations-status strip under the plot


@dataclass(frozen=True)
class Bin:
    """The events of one week (or of ``weeks`` weeks when the span is long)."""

    start: dt.date  # a Monday
    end: dt.date  # the last day the bin covers, inclusive
    quads: tuple[int, int, int, int]  # events of quad class 1..4
    goldstein: float | None  # mean Goldstein score of the bin's events; None when empty

    @property
    def total(self) -> int:
        """Events in the bin."""
        return sum(self.quads)

    def to_dict(self) -> dict[str, Any]:
        """The bin as the dyad page's JSON twin gives it."""
        return {"start": self.start.isoformat(), "end": self.end.isoformat(),
                "events": self.total,
                "quad_class": {str(q): n for q, n in zip(range(1, 5), self.quads)},
                "mean_goldstein": (round(self.goldstein, 2)
                                   if self.goldstein is not None else None)}


def first_day(date: str | None) -> dt.date | None:
    """The first day a contract date (``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``) covers."""
    if not date:
        return None
    parts = date.split("-")
    try:
        year = int(parts[0])
        month = int(parts[1]) if len(parts) > 1 else 1
        day = int(parts[2]) if len(parts) > 2 else 1
        return dt.date(year, month, day)
    except (ValueError, IndexError):
        return None


def weekly_bins(records: Iterable[dict[str, Any]], max_bars: int = MAX_BARS
                ) -> tuple[list[Bin], int]:
    """Events per week (Monday to Sunday) from the first dated event's week to the last's.

    Events dated only to a month or year count in the week of the first day they cover.
    Undated events and events without a quad class 1..4 are left out. When the span holds
    more than ``max_bars`` weeks, each bar covers several weeks; the second value says
    how many.
    """
    dated: list[tuple[dt.date, int, float | None]] = []
    for record in records:
        day = first_day(record.get("date"))
        quad = record.get("quad_class")
        if day is None or quad not in QUAD_NAMES:
            continue
        goldstein = record.get("goldstein")
        weight = (float(goldstein) if isinstance(goldstein, (int, float))
                  and math.isfinite(goldstein) else None)
        dated.append((day, int(quad), weight))
    if not dated:
        return [], 1
    first = min(day for day, _, _ in dated)
    last = max(day for day, _, _ in dated)
    monday = first - dt.timedelta(days=first.weekday())
    n_weeks = (last - monday).days // 7 + 1
    weeks = max(1, math.ceil(n_weeks / max_bars))
    n_bins = math.ceil(n_weeks / weeks)
    counts = [[0, 0, 0, 0] for _ in range(n_bins)]
    scores: list[list[float]] = [[] for _ in range(n_bins)]
    for day, quad, goldstein in dated:
        index = (day - monday).days // (7 * weeks)
        counts[index][quad - 1] += 1
        if goldstein is not None:
            scores[index].append(goldstein)
    bins = []
    for i in range(n_bins):
        start = monday + dt.timedelta(weeks=i * weeks)
        mean = sum(scores[i]) / len(scores[i]) if scores[i] else None
        bins.append(Bin(start, start + dt.timedelta(days=7 * weeks - 1),
                        (counts[i][0], counts[i][1], counts[i][2], counts[i][3]), mean))
    return bins, weeks


def _nice_max(value: int) -> int:
    """A round axis maximum at or above ``value`` (1, 2, 5, 10, 20, 50, ...)."""
    if value <= 1:
        return 1
    magnitude = 10 ** math.floor(math.log10(value))
    for step in (1, 2, 5, 10):
        if step * magnitude >= value:
            return step * magnitude
    return 10 * magnitude


def _label(b: Bin) -> str:
    detail = ", ".join(f"{QUAD_NAMES[q]} {n}" for q, n in zip(range(1, 5), b.quads) if n)
    mean = f"; mean Goldstein {b.goldstein:+.1f}" if b.goldstein is not None else ""
    return (f"{b.start.isoformat()} to {b.end.isoformat()}: {b.total} "
            f"event{'s' if b.total != 1 else ''}" + (f" ({detail})" if detail else "") + mean)


def timeline_svg(bins: Sequence[Bin], weeks: int = 1,
                 statuses: Sequence[str | None] | None = None) -> str:
    """The SVG markup of the timeline: stacked bars per bin by quad class (left axis),
    the mean Goldstein score as a line (right axis, -10 to +10) and, when ``statuses``
    (one per bin) is given, a strip under the plot coloured by the relations status."""
    plot_w = WIDTH - LEFT - RIGHT
    plot_h = HEIGHT - TOP - BOTTOM
    bottom = TOP + plot_h
    top_count = _nice_max(max((b.total for b in bins), default=0))
    n = max(len(bins), 1)
    slot = plot_w / n
    bar = min(max(slot * 0.8, 0.5), 36)  # a lone week should not fill the whole plot

    def y_count(value: float) -> float:
        return bottom - plot_h * value / top_count

    def y_score(value: float) -> float:
        return TOP + plot_h * (10 - value) / 20

    unit = "week" if weeks == 1 else f"{weeks} weeks"
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" class="timeline" role="img" '
           f'viewBox="0 0 {WIDTH} {HEIGHT}" width="100%" '
           f'aria-label="{escape(f"events per {unit} by quad class and mean Goldstein score")}">']
    # axes and grid
    for value in (0, top_count / 2, top_count):
        y = y_count(value)
        out.append(f'<line x1="{LEFT}" y1="{y:.1f}" x2="{LEFT + plot_w}" y2="{y:.1f}" '
                   f'stroke="#e0e0e0" stroke-width="1"/>')
        label = f"{value:g}"
        out.append(f'<text x="{LEFT - 6}" y="{y + 3:.1f}" font-size="10" '
                   f'text-anchor="end" fill="#555">{escape(label)}</text>')
    for value in (-10, 0, 10):
        y = y_score(value)
        out.append(f'<text x="{LEFT + plot_w + 6}" y="{y + 3:.1f}" font-size="10" '
                   f'fill="#555">{value:+d}</text>')
    zero = y_score(0)
    out.append(f'<line x1="{LEFT}" y1="{zero:.1f}" x2="{LEFT + plot_w}" y2="{zero:.1f}" '
               f'stroke="#888" stroke-width="1" stroke-dasharray="3 3"/>')
    out.append(f'<text x="12" y="{TOP + plot_h / 2:.1f}" font-size="10" fill="#555" '
               f'transform="rotate(-90 12 {TOP + plot_h / 2:.1f})" text-anchor="middle">'
               f'events per {escape(unit)}</text>')
    out.append(f'<text x="{WIDTH - 8}" y="{TOP + plot_h / 2:.1f}" font-size="10" fill="#555" '
               f'transform="rotate(90 {WIDTH - 8} {TOP + plot_h / 2:.1f})" '
               f'text-anchor="middle">mean Goldstein</text>')
    # bars, one group per bin, stacked from quad 1 at the bottom
    for i, b in enumerate(bins):
        x = LEFT + i * slot + (slot - bar) / 2
        label = escape(_label(b))
        out.append(f'<g class="bin" data-label="{label}"><title>{label}</title>')
        # an invisible full-height target, so thin or empty bars can still be pointed at
        out.append(f'<rect x="{LEFT + i * slot:.2f}" y="{TOP}" width="{slot:.2f}" '
                   f'height="{plot_h}" fill="transparent"/>')
        level = 0
        for quad, count in zip(range(1, 5), b.quads):
            if not count:
                continue
            y0, y1 = y_count(level), y_count(level + count)
            out.append(f'<rect class="q{quad}" x="{x:.2f}" y="{y1:.2f}" width="{bar:.2f}" '
                       f'height="{y0 - y1:.2f}" fill="{QUAD_COLOURS[quad]}"/>')
            level += count
        out.append("</g>")
    # the Goldstein line, through the bins that have a score
    points = [(LEFT + (i + 0.5) * slot, y_score(b.goldstein))
              for i, b in enumerate(bins) if b.goldstein is not None]
    if len(points) > 1:
        path = " ".join(f"{x:.2f},{y:.2f}" for x, y in points)
        out.append(f'<polyline class="goldstein" points="{path}" fill="none" '
                   f'stroke="#222" stroke-width="1.5"/>')
    for x, y in points:
        out.append(f'<circle class="goldstein" cx="{x:.2f}" cy="{y:.2f}" r="2.5" '
                   f'fill="#222"/>')
    # relations status strip
    strip_y = bottom + 4
    if statuses:
        for i, status in enumerate(statuses):
            if not status:
                continue
            colour = STATUS_COLOURS.get(status, "#cccccc")
            out.append(f'<rect class="status status-{escape(status)}" '
                       f'x="{LEFT + i * slot:.2f}" y="{strip_y}" width="{slot + 0.3:.2f}" '
                       f'height="{STRIP}" fill="{colour}"><title>{escape(status)}</title>'
                       f'</rect>')
    # date labels along the bottom, at most eight
    step = max(1, math.ceil(len(bins) / 8))
    label_y = strip_y + STRIP + 14
    for i in range(0, len(bins), step):
        x = LEFT + (i + 0.5) * slot
        out.append(f'<text x="{x:.1f}" y="{label_y}" font-size="10" fill="#555" '
                   f'text-anchor="middle">{escape(bins[i].start.isoformat())}</text>')
    # legend
    lx, ly = LEFT, HEIGHT - 18
    for quad in range(1, 5):
        out.append(f'<rect x="{lx}" y="{ly - 9}" width="10" height="10" '
                   f'fill="{QUAD_COLOURS[quad]}"/>')
        out.append(f'<text x="{lx + 14}" y="{ly}" font-size="10" fill="#333">'
                   f'{escape(f"{quad} {QUAD_NAMES[quad]}")}</text>')
        lx += 150
    out.append(f'<line x1="{lx}" y1="{ly - 4}" x2="{lx + 14}" y2="{ly - 4}" stroke="#222" '
               f'stroke-width="1.5"/><text x="{lx + 18}" y="{ly}" font-size="10" '
               f'fill="#333">mean Goldstein</text>')
    out.append("</svg>")
    return "".join(out)
