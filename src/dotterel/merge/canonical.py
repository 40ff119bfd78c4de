"""One real-world event, one record: merging event reports into canonical events.

Reports (event records, from one article or many) are merged when they are the same act:
- the same source and target countries (sectors may differ: "Ecuadorian police" and
  "Ecuador" raid the same embassy);
- the same CAMEO base code; or, on the very same target actor, codes under one root or
  of one family of material conflict (coerce, assault, fight: 17, 18, 19), because one
  raid is told as "raided", "stormed" and "broke into";
- compatible dates: within a day when both are known to the day, inside the same month
  or year when one is known only to that precision. Undated reports merge only with
  undated ones.

Distinct acts stay apart: asylum granted in December 2023 and asylum granted in April
2024 are two events. Every canonical event keeps its reports, counts mentions, articles
and outlets (GDELT's NumMentions, NumArticles, NumSources), and records why each report
joined it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

# Roots that can describe one act of force in different words (CAMEO 17, 18, 19).
FORCE_FAMILY = frozenset({"17", "18", "19"})
DAY_TOLERANCE = 1  # days between two day-precision reports of one act


@dataclass(frozen=True)
class CanonicalEvent:
    """An act as the world saw it once, with every report of it."""

    canonical_id: str
    record: dict[str, Any]  # the best report (a contract record), with counts added
    mentions: tuple[dict[str, Any], ...]  # every report merged, in date order
    reasons: tuple[str, ...]  # why each report after the first joined
    n_mentions: int
    n_articles: int
    n_sources: int

    @property
    def dyad(self) -> tuple[str, str]:
        """The (source country, target country) pair."""
        return _dyad(self.record)

    def to_dict(self) -> dict[str, Any]:
        """The canonical record: the best report's fields, its counts and its reports."""
        return {**self.record, "canonical_id": self.canonical_id,
                "n_mentions": self.n_mentions, "n_articles": self.n_articles,
                "n_sources": self.n_sources,
                "mentions": [{"event_id": m["event_id"], "doc_id": m["doc_id"],
                              "date": m.get("date"), "cameo": m.get("cameo"),
                              "evidence": m.get("evidence")} for m in self.mentions],
                "merge_reasons": list(self.reasons)}


def _dyad(record: Mapping[str, Any]) -> tuple[str, str]:
    src = (record.get("source") or {}).get("country") or ""
    tgt = (record.get("target") or {}).get("country") or ""
    return src, tgt


def _span(record: Mapping[str, Any]) -> tuple[dt.date, dt.date] | None:
    """The days a report's date covers: one day, a month or a year."""
    date = record.get("date")
    if not date:
        return None
    parts = [int(p) for p in str(date).split("-")]
    if len(parts) == 3:
        day = dt.date(*parts)
        return day, day
    if len(parts) == 2:
        first = dt.date(parts[0], parts[1], 1)
        nxt = dt.date(parts[0] + parts[1] // 12, parts[1] % 12 + 1, 1)
        return first, nxt - dt.timedelta(days=1)
    return dt.date(parts[0], 1, 1), dt.date(parts[0], 12, 31)


def _dates_agree(a: Mapping[str, Any], b: Mapping[str, Any]) -> str | None:
    """Why two reports' dates can be one act's, or None."""
    sa, sb = _span(a), _span(b)
    if sa is None or sb is None:
        return "both undated" if sa is None and sb is None else None
    if sa[0] == sa[1] and sb[0] == sb[1]:
        gap = abs((sa[0] - sb[0]).days)
        return f"dates {gap} day(s) apart" if gap <= DAY_TOLERANCE else None
    inside = sa[0] <= sb[1] and sb[0] <= sa[1]
    return "dates overlap at their precision" if inside else None


def same_act(a: Mapping[str, Any], b: Mapping[str, Any]) -> bool:
    """Whether two reports can be of one act, dates aside: same dyad, agreeing codes."""
    return _dyad(a) == _dyad(b) and _codes_agree(a, b) is not None


def _codes_agree(a: Mapping[str, Any], b: Mapping[str, Any]) -> str | None:
    """Why two reports' codes can be one act's, or None. The same base code (first three
    digits) is one act between one dyad; other codes under one root, or of the family of
    force, must also name the very same target ("raided", "stormed", "broke into" the
    embassy), since grappling with a diplomat or detaining a man there are acts of their own."""
    ca, cb = str(a.get("cameo", "")), str(b.get("cameo", ""))
    if ca[:3] == cb[:3]:
        return f"same CAMEO code {ca[:3]}"
    if (a.get("target") or {}).get("code") != (b.get("target") or {}).get("code"):
        return None
    if ca[:2] == cb[:2]:
        return f"CAMEO codes {ca} and {cb} under root {ca[:2]} on the same target"
    if ca[:2] in FORCE_FAMILY and cb[:2] in FORCE_FAMILY:
        return f"CAMEO codes {ca} and {cb} on the same target: one act of force"
    return None


def _precision_rank(record: Mapping[str, Any]) -> int:
    return {"day": 2, "month": 1, "year": 0}.get(str(record.get("date_precision")), -1)


def _best(reports: list[dict[str, Any]]) -> dict[str, Any]:
    """The report that stands for the act: the most precise date, then the most specific
    code and the most confident reading, then the earliest article."""
    return max(reports, key=lambda r: (_precision_rank(r), len(str(r.get("cameo", ""))),
                                       r.get("confidence", 0), -reports.index(r)))


def _consensus_date(reports: list[dict[str, Any]], best: dict[str, Any]) -> str | None:
    """The day most reports give (the best report's on a tie)."""
    days = Counter(r["date"] for r in reports if _precision_rank(r) == 2)
    if not days:
        return best.get("date")
    top = max(days.values())
    tied = sorted(d for d, n in days.items() if n == top)
    return best["date"] if best.get("date") in tied else tied[0]


def merge(records: Iterable[Mapping[str, Any]],
          outlets: Mapping[str, str] | None = None) -> list[CanonicalEvent]:
    """Merge event reports into canonical events (see the module docstring).

    ``outlets`` maps a report's ``doc_id`` to its outlet, for the count of sources;
    without it every article counts as its own source. Negated reports are not events
    and are left out.
    """
    outlets = outlets or {}
    by_dyad: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    for record in records:
        if not record.get("negated"):
            by_dyad[_dyad(record)].append(dict(record))
    out: list[CanonicalEvent] = []
    for dyad, reports in sorted(by_dyad.items()):
        reports.sort(key=lambda r: (_span(r) or (dt.date.max, dt.date.max), r.get("doc_id", ""),
                                    r.get("evidence", {}).get("start", 0)))
        clusters: list[tuple[list[dict[str, Any]], list[str]]] = []
        for report in reports:
            for members, reasons in clusters:
                head = members[0]
                codes, dates = _codes_agree(head, report), _dates_agree(head, report)
                if codes and dates:
                    members.append(report)
                    reasons.append(f"{report['event_id']}: same dyad {dyad[0]}-{dyad[1]}, "
                                   f"{codes}, {dates}")
                    break
            else:
                clusters.append(([report], []))
        for members, reasons in clusters:
            out.append(_canonical(dyad, members, reasons, outlets))
    return out


def _canonical(dyad: tuple[str, str], members: list[dict[str, Any]], reasons: list[str],
               outlets: Mapping[str, str]) -> CanonicalEvent:
    best = _best(members)
    record = dict(best)
    record["date"] = _consensus_date(members, best)
    docs = {m["doc_id"] for m in members}
    sources = {outlets.get(d) or d for d in docs}
    key = "|".join([*dyad, str(best.get("cameo", ""))[:2],
                    min(m["event_id"] for m in members)])
    return CanonicalEvent(
        canonical_id=hashlib.sha1(key.encode("utf-8")).hexdigest()[:16], record=record,
        mentions=tuple(members), reasons=tuple(reasons), n_mentions=len(members),
        n_articles=len(docs), n_sources=len(sources))
