"""Typed records that flow between Dotterel's stages.

ingest -> ``Article`` (or ``Rejected``) -> nlp -> extraction -> resolution
(``Actor``, ``TimeRef``, ``Place``, ``Quote``) -> ``Event`` -> merge / store / export.

Every record is a frozen dataclass: stages never mutate what an earlier stage produced.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Literal

Precision = Literal["day", "month", "year"]
DateBasis = Literal["text", "published", "metadata", "argument"]
Modality = Literal["asserted", "intended", "threatened", "hypothetical", "reported"]
PublishedBasis = Literal["input", "metadata", "dateline", "argument", "text", "crawl"]


@dataclass(frozen=True)
class Article:
    """One news article, as read from an input file.

    ``published_basis`` says where ``published`` came from: the input record itself
    (``input``), HTML or feed metadata (``metadata``), a dateline, the ``--published``
    argument, a date worked out from the text, or the day a web crawler fetched the page
    (``crawl``: only an upper bound on the publication date, used when nothing better is
    found).
    """

    id: str
    text: str
    published: dt.date | None = None
    title: str = ""
    url: str = ""
    outlet: str = ""
    published_basis: PublishedBasis | None = None
    origin: str = ""  # "file" or "file:line" the article was read from


@dataclass(frozen=True)
class Rejected:
    """An input record that could not be read: where it was and why."""

    origin: str  # the file path
    line: int | None
    reason: str
    # False when the record was read but holds nothing to code (an empty article): it is
    # reported and counted, but the input was still read
    fatal: bool = True

    def __str__(self) -> str:
        where = f"{self.origin}:{self.line}" if self.line is not None else self.origin
        return f"{where}: {self.reason}"


@dataclass(frozen=True)
class TimeRef:
    """A point in time known to a precision: 2024-04-05 (day), 2024-04 (month), 2024 (year).

    ``value`` always holds a full date; for month and year precision its day (and month)
    are 1 and carry no meaning.
    """

    value: dt.date
    precision: Precision = "day"

    def iso(self) -> str:
        """The date written to its precision: ``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``."""
        if self.precision == "year":
            return f"{self.value.year:04d}"
        if self.precision == "month":
            return f"{self.value.year:04d}-{self.value.month:02d}"
        return self.value.isoformat()


@dataclass(frozen=True)
class Actor:
    """An event participant resolved to CAMEO codes.

    ``code`` is the full CAMEO actor code (``MEXGOV``, ``IGOUNO``); ``country`` its
    three-letter country or body part (``MEX``, ``IGO``); ``sector`` the sector codes
    that follow (``GOV``), possibly empty. ``name`` is the canonical name when known
    (a person or a country), ``text`` the words in the article it came from, and
    ``role`` the role a person held on the event's date ("president", "former vice president").
    """

    code: str
    country: str
    sector: str = ""
    name: str = ""
    text: str = ""
    role: str = ""

    def to_dict(self) -> dict[str, Any]:
        """The contract's actor object."""
        out: dict[str, Any] = {"code": self.code, "country": self.country,
                               "sector": self.sector, "name": self.name, "text": self.text}
        if self.role:
            out["role"] = self.role
        return out


@dataclass(frozen=True)
class Place:
    """A geocoded place (GeoNames)."""

    name: str
    country: str  # ISO 3166 alpha-3
    lat: float
    lon: float
    geonameid: int | None = None

    def to_dict(self) -> dict[str, Any]:
        """The contract's location object."""
        return {"name": self.name, "country": self.country, "lat": self.lat,
                "lon": self.lon, "geonameid": self.geonameid}


@dataclass(frozen=True)
class Quote:
    """Quoted or reported speech and who said it."""

    speaker: str
    text: str
    start: int = -1  # character offsets of the quoted text in the article, when known
    end: int = -1
    speaker_actor: Actor | None = None
    kind: str = "direct"  # direct | partial | indirect

    def to_dict(self) -> dict[str, Any]:
        """The contract's quote object (with the speaker's actor code when known)."""
        out: dict[str, Any] = {"speaker": self.speaker, "text": self.text}
        if self.speaker_actor is not None:
            out["speaker_code"] = self.speaker_actor.code
        return out


@dataclass(frozen=True)
class Evidence:
    """Where in the article an event was read: the sentence, its span and the trigger."""

    sentence: str
    start: int  # character offsets of the sentence in the article text
    end: int
    trigger: str
    trigger_start: int = -1
    trigger_end: int = -1

    def to_dict(self) -> dict[str, Any]:
        """The contract's evidence object."""
        return {"sentence": self.sentence, "start": self.start, "end": self.end,
                "trigger": self.trigger}


@dataclass(frozen=True)
class Event:
    """One coded event, in the shape of the event contract."""

    event_id: str
    doc_id: str
    date: TimeRef | None
    date_basis: DateBasis
    source: Actor | None
    target: Actor | None
    cameo: str
    plover: str
    plover_mode: str | None
    goldstein: float
    quad_class: int
    evidence: Evidence
    negated: bool = False
    modality: Modality = "asserted"
    location: Place | None = None
    quote: Quote | None = None
    confidence: float = 0.5
    info_source: Actor | None = None  # who reported it, for modality "reported"
    extras: dict[str, Any] = field(default_factory=dict, compare=False)

    def to_dict(self) -> dict[str, Any]:
        """The event as one contract record (see CONTRACT.md)."""
        return {
            "event_id": self.event_id,
            "doc_id": self.doc_id,
            "date": self.date.iso() if self.date else None,
            "date_precision": self.date.precision if self.date else None,
            "date_basis": self.date_basis,
            "source": self.source.to_dict() if self.source else None,
            "target": self.target.to_dict() if self.target else None,
            "cameo": self.cameo,
            "plover": self.plover,
            "plover_mode": self.plover_mode,
            "goldstein": self.goldstein,
            "quad_class": self.quad_class,
            "negated": self.negated,
            "modality": self.modality,
            "location": self.location.to_dict() if self.location else None,
            "quote": self.quote.to_dict() if self.quote else None,
            "evidence": self.evidence.to_dict(),
            "confidence": round(self.confidence, 3),
            **({"info_source": self.info_source.to_dict()} if self.info_source else {}),
        }


@dataclass(frozen=True)
class Coded:
    """One coded article: its events and its attributed quotes."""

    article: Article
    events: list[Event]
    quotes: list[Quote]
